import { describe, expect, it } from "vitest";
import { FINDING_CODES, type FindingCode } from "../codes.ts";
import { type NormalizedConnectionInput, type NormalizedTunnel, parseConnection } from "../connection.ts";
import { negotiatedIkeVersion } from "../recommended.ts";
import { evaluatePosture } from "./evaluate.ts";
import { rankMaintenanceRisk } from "./maintenance-risk.ts";

type TunnelInput = Partial<Omit<NormalizedTunnel, "options">> & { options?: NormalizedTunnel["options"] };

// AWS's tunnel options when a VPN is created with defaults (API reference defaults), tightened to
// what a well-run fleet uses: IKEv2, strong algorithms, DPD restart, the gateway initiating.
const GOOD_AWS_OPTIONS = {
  ikeVersions: ["ikev2" as const],
  phase1LifetimeSec: 28_800,
  phase2LifetimeSec: 3_600,
  rekeyMarginSec: 270,
  dpdTimeoutSec: 30,
  dpdTimeoutAction: "restart" as const,
  phase1Encryption: ["AES256-GCM-16"],
  phase1Integrity: ["SHA2-256"],
  phase1DhGroups: [20],
  phase2Encryption: ["AES256-GCM-16"],
  phase2Integrity: ["SHA2-256"],
  phase2DhGroups: [20],
  startupAction: "start" as const,
  loggingEnabled: true,
};

function tunnel(index: number, input: TunnelInput = {}): NormalizedConnectionInput["tunnels"][number] {
  return {
    index,
    outsideIp: `203.0.113.${index}`,
    status: "UP",
    statusMessage: "2 BGP ROUTES",
    ...input,
    options: { ...GOOD_AWS_OPTIONS, ...input.options },
  };
}

function connection(input: Partial<NormalizedConnectionInput> = {}) {
  return parseConnection({
    provider: "aws",
    externalId: "vpn-0123456789abcdef0",
    name: "dc1-to-prod",
    region: "us-east-1",
    routing: "bgp",
    tunnels: [tunnel(1), tunnel(2)],
    customerGateway: { initiates: true },
    ...input,
  });
}

const codes = (c: ReturnType<typeof connection>) => evaluatePosture(c).findings.map((f) => f.code);

describe("grades and expected downtime (faults.md §3)", () => {
  it("A: two tunnels up, BGP, DPD restarting: seconds", () => {
    const posture = evaluatePosture(connection());
    expect(posture).toMatchObject({ grade: "A", expectedDowntimeSeconds: 5, isOutageNow: false, nextGrade: null });
    expect(posture.findings).toEqual([]);
  });

  it("B: BGP but DPD only clears the SA", () => {
    const c = connection({
      tunnels: [1, 2].map((i) => tunnel(i, { options: { ...GOOD_AWS_OPTIONS, dpdTimeoutAction: "clear" } })),
    });
    const posture = evaluatePosture(c);
    expect(posture).toMatchObject({ grade: "B", expectedDowntimeSeconds: 30 });
    expect(posture.nextGrade?.change).toMatch(/restart/);
  });

  it("B: static with DPD or health checks; C: static with nothing to detect a failure", () => {
    expect(evaluatePosture(connection({ routing: "static" })).grade).toBe("B");
    const blind = connection({
      routing: "static",
      tunnels: [1, 2].map((i) => tunnel(i, { options: { ...GOOD_AWS_OPTIONS, dpdTimeoutAction: "none" } })),
    });
    expect(evaluatePosture(blind)).toMatchObject({ grade: "C", expectedDowntimeSeconds: 600 });
    expect(codes(blind)).toContain("NO_AUTOMATIC_FAILOVER");
    const withHealthChecks = connection({
      provider: "alibaba",
      routing: "static",
      tunnels: [1, 2].map((i) => tunnel(i, { options: { dpdEnabled: false } })),
      healthChecks: [
        { tunnelIndex: 1, enabled: true, destinationIp: "10.1.0.1", destinationIsTunnelPeer: true },
        { tunnelIndex: 2, enabled: true, destinationIp: "10.1.0.2", destinationIsTunnelPeer: true },
      ],
    });
    expect(evaluatePosture(withHealthChecks).grade).toBe("B");
  });

  it("D: one tunnel, or redundancy lost right now; up to an hour", () => {
    const single = connection({ tunnels: [tunnel(1)] });
    expect(evaluatePosture(single)).toMatchObject({ grade: "D", expectedDowntimeSeconds: 3600 });
    const degraded = connection({
      tunnels: [tunnel(1), tunnel(2, { status: "DOWN", statusMessage: "IPSEC IS DOWN" })],
    });
    expect(evaluatePosture(degraded)).toMatchObject({ grade: "D" });
    expect(codes(degraded)).toContain("TUNNEL_REDUNDANCY_LOST");
  });

  it("D on Alibaba costs a minute, not an hour: the gateway is redundant inside", () => {
    const single = connection({
      provider: "alibaba",
      externalId: "vco-bp1",
      tunnels: [tunnel(1, { options: { dpdEnabled: true } })],
    });
    expect(evaluatePosture(single)).toMatchObject({ grade: "D", expectedDowntimeSeconds: 60 });
  });

  it("C, not B, when neither DPD nor a health check is reported; the customer gateway's DPD decides then", () => {
    const unreported = (customerGateway: NormalizedConnectionInput["customerGateway"]) =>
      connection({
        provider: "mulesoft",
        routing: "static",
        tunnels: [1, 2].map((i) =>
          tunnel(i, { options: { ...GOOD_AWS_OPTIONS, dpdTimeoutAction: undefined, startupAction: "add" } }),
        ),
        customerGateway,
      });
    const unknown = evaluatePosture(unreported({ initiates: true }));
    expect(unknown).toMatchObject({ grade: "C", expectedDowntimeSeconds: 600 });
    expect(unknown.gradeReason).toMatch(/neither DPD nor a health check is reported/);
    expect(unknown.findings.map((f) => f.code)).not.toContain("NO_AUTOMATIC_FAILOVER");
    expect(evaluatePosture(unreported({ initiates: true, dpdEnabled: true })).grade).toBe("B");
    const gatewayOff = evaluatePosture(unreported({ initiates: true, dpdEnabled: false }));
    expect(gatewayOff.grade).toBe("C");
    expect(gatewayOff.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["NO_AUTOMATIC_FAILOVER", "DPD_DISABLED"]),
    );
  });

  it("B, not A, when the customer gateway reports DPD off, and DPD_DISABLED names the gateway", () => {
    const posture = evaluatePosture(connection({ customerGateway: { initiates: true, dpdEnabled: false } }));
    expect(posture.grade).toBe("B");
    const dpd = posture.findings.find((f) => f.code === "DPD_DISABLED");
    expect(dpd).toMatchObject({
      title: "DPD is off on the customer gateway",
      evidence: { customerGateway: { dpdEnabled: false } },
    });
    expect(dpd?.tunnelIndex).toBeUndefined();
  });

  it("B for Alibaba's dual-tunnel static connections: the standby tunnel takes over by itself", () => {
    const dual = evaluatePosture(
      connection({
        provider: "alibaba",
        externalId: "vco-bp1",
        routing: "static",
        tunnels: [1, 2].map((i) => tunnel(i, { options: { dpdEnabled: false } })),
      }),
    );
    expect(dual).toMatchObject({ grade: "B", expectedDowntimeSeconds: 30 });
    expect(dual.gradeReason).toMatch(/dual-tunnel mode/);
    expect(dual.findings.map((f) => f.code)).not.toContain("NO_AUTOMATIC_FAILOVER");
  });

  it("grades on configuration, not as an outage, when no tunnel's status is reported", () => {
    const unknown = evaluatePosture(
      connection({ tunnels: [1, 2].map((i) => tunnel(i, { status: "UNKNOWN", statusMessage: null })) }),
    );
    expect(unknown).toMatchObject({ grade: "A", isOutageNow: false });
    expect(unknown.gradeReason).toMatch(/^Tunnel status is not reported/);
    expect(unknown.findings.map((f) => f.code)).not.toContain("TUNNEL_REDUNDANCY_LOST");
  });

  it("F: no tunnel up is an outage now", () => {
    const down = connection({
      tunnels: [1, 2].map((i) => tunnel(i, { status: "DOWN", statusMessage: "IPSEC IS DOWN" })),
    });
    expect(evaluatePosture(down)).toMatchObject({ grade: "F", isOutageNow: true });
  });
});

describe("every finding of faults.md §2", () => {
  const cases: Array<[FindingCode, ReturnType<typeof connection>]> = [
    ["TUNNEL_REDUNDANCY_LOST", connection({ tunnels: [tunnel(1), tunnel(2, { status: "DOWN" })] })],
    ["SINGLE_TUNNEL", connection({ tunnels: [tunnel(1)] })],
    ["STATIC_ROUTING", connection({ routing: "static" })],
    [
      "NO_AUTOMATIC_FAILOVER",
      connection({
        routing: "static",
        tunnels: [1, 2].map((i) => tunnel(i, { options: { ...GOOD_AWS_OPTIONS, dpdTimeoutAction: "none" } })),
      }),
    ],
    [
      "DPD_DISABLED",
      connection({ tunnels: [tunnel(1), tunnel(2, { options: { ...GOOD_AWS_OPTIONS, dpdTimeoutAction: "none" } })] }),
    ],
    [
      "LIFETIME_MISMATCH",
      connection({ tunnels: [tunnel(1), tunnel(2, { options: { ...GOOD_AWS_OPTIONS, phase2LifetimeSec: 1_800 } })] }),
    ],
    [
      "PFS_DISABLED",
      connection({ tunnels: [tunnel(1), tunnel(2, { options: { ...GOOD_AWS_OPTIONS, phase2DhGroups: [] } })] }),
    ],
    [
      "MULTIPLE_ENCRYPTION_DOMAINS",
      connection({
        routing: "static",
        customerGateway: { initiates: true, isPolicyBased: true },
        encryptionDomains: [
          { local: "10.0.0.0/24", remote: "172.31.0.0/16" },
          { local: "10.0.1.0/24", remote: "172.31.0.0/16" },
        ],
      }),
    ],
    [
      "BGP_AS_PATH_ASYMMETRY",
      connection({
        tunnels: [
          tunnel(1, { bgp: { receivedAsPath: [65000] } }),
          tunnel(2, { bgp: { receivedAsPath: [65000, 65000, 65000] } }),
        ],
      }),
    ],
    ["IDLE_RISK", connection({ routing: "static", tunnels: [tunnel(1, { idleSeconds: 900 }), tunnel(2)] })],
    [
      "HEALTHCHECK_PATH_ASYMMETRY",
      connection({
        provider: "alibaba",
        routing: "static",
        tunnels: [tunnel(1), tunnel(2)],
        healthChecks: [
          { tunnelIndex: 1, enabled: true, destinationIp: "10.1.22.1" },
          { tunnelIndex: 2, enabled: true, destinationIp: "10.1.22.1" },
        ],
      }),
    ],
    [
      "ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY",
      connection({
        provider: "alibaba",
        routing: "static",
        tunnels: [tunnel(1)],
        healthChecks: [{ enabled: true, destinationIp: "10.1.22.252", destinationIsTunnelPeer: true }],
        routeWeights: [
          { destinationCidr: "10.1.22.0/24", weight: 100, nextHop: "vco-1" },
          { destinationCidr: "10.1.22.0/24", weight: 100, nextHop: "vco-2" },
        ],
      }),
    ],
    ["NAT_T_REQUIRED", connection({ customerGateway: { initiates: true, behindNat: true, natTraversal: false } })],
    [
      "STARTUP_ACTION_ADD",
      connection({
        customerGateway: {},
        tunnels: [1, 2].map((i) => tunnel(i, { options: { ...GOOD_AWS_OPTIONS, startupAction: "add" } })),
      }),
    ],
    [
      "BGP_PREFERENCE_ASYMMETRY",
      connection({
        tunnels: [tunnel(1, { bgp: { localPreference: 200 } }), tunnel(2, { bgp: { localPreference: 100 } })],
      }),
    ],
    [
      "IKEV1_IN_USE",
      connection({
        tunnels: [tunnel(1), tunnel(2, { options: { ...GOOD_AWS_OPTIONS, ikeVersions: ["ikev1", "ikev2"] } })],
      }),
    ],
    [
      "WEAK_CRYPTO",
      connection({
        tunnels: [
          tunnel(1),
          tunnel(2, { options: { ...GOOD_AWS_OPTIONS, phase1Integrity: ["SHA1"], phase1DhGroups: [2] } }),
        ],
      }),
    ],
    [
      "TUNNEL_LOGGING_DISABLED",
      connection({ tunnels: [tunnel(1), tunnel(2, { options: { ...GOOD_AWS_OPTIONS, loggingEnabled: false } })] }),
    ],
  ];

  it("has a case for every finding code", () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each(cases)("%s", (code, c) => {
    const found = evaluatePosture(c).findings.filter((f) => f.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.title.length).toBeGreaterThan(5);
      expect(f.detail.length).toBeGreaterThan(20);
    }
  });

  it("reports the tunnel and values that decided a per-tunnel finding", () => {
    const c = connection({
      tunnels: [tunnel(1), tunnel(2, { options: { ...GOOD_AWS_OPTIONS, phase1LifetimeSec: 14_400 } })],
    });
    const [lifetime] = evaluatePosture(c).findings.filter((f) => f.code === "LIFETIME_MISMATCH");
    expect(lifetime).toMatchObject({
      tunnelIndex: 2,
      evidence: { phase1LifetimeSec: 14_400, recommended: [28_800, 3_600] },
    });
  });
});

describe("findings that must not fire", () => {
  it("accepts AWS defaults as recommended and does not flag what the provider did not report", () => {
    const bare = connection({
      tunnels: [tunnel(1, { options: {} }), tunnel(2, { options: {} })],
      customerGateway: undefined,
    });
    expect(codes(bare)).toEqual([]);
  });

  it("does not flag DPD action none on a single tunnel that has nothing to fail over to", () => {
    expect(
      codes(connection({ tunnels: [tunnel(1, { options: { ...GOOD_AWS_OPTIONS, dpdTimeoutAction: "none" } })] })),
    ).not.toContain("DPD_DISABLED");
  });

  it("does not flag idle BGP tunnels or a symmetric AS path", () => {
    const c = connection({
      tunnels: [
        tunnel(1, { idleSeconds: 9999, bgp: { receivedAsPath: [65000] } }),
        tunnel(2, { bgp: { receivedAsPath: [65000] } }),
      ],
    });
    expect(codes(c)).toEqual([]);
  });

  it("accepts Alibaba active/standby weights with health checks on both connections", () => {
    const c = connection({
      provider: "alibaba",
      routing: "static",
      tunnels: [tunnel(1, { options: { dpdEnabled: true } })],
      healthChecks: [{ enabled: true, destinationIp: "10.1.22.252", destinationIsTunnelPeer: true }],
      routeWeights: [
        { destinationCidr: "10.1.22.0/24", weight: 100, nextHop: "vco-1" },
        { destinationCidr: "10.1.22.0/24", weight: 0, nextHop: "vco-2" },
      ],
    });
    expect(codes(c)).not.toContain("ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY");
  });

  it("checks MuleSoft lifetimes on the customer gateway: 28000/3000 with IKEv2, 28800/3600 with IKEv1", () => {
    const mule = (ike: "ikev1" | "ikev2", p1: number, p2: number) =>
      codes(
        connection({
          provider: "mulesoft",
          tunnels: [1, 2].map((i) => tunnel(i, { options: { ikeVersions: [ike], dpdEnabled: true } })),
          customerGateway: { initiates: true, phase1LifetimeSec: p1, phase2LifetimeSec: p2 },
        }),
      );
    expect(mule("ikev2", 28_000, 3_000)).not.toContain("LIFETIME_MISMATCH");
    expect(mule("ikev2", 28_800, 3_600)).toContain("LIFETIME_MISMATCH");
    expect(mule("ikev1", 28_800, 3_600)).not.toContain("LIFETIME_MISMATCH");
  });

  it("leaves Alibaba's several encryption domains alone: only AWS keeps one SA pair per tunnel", () => {
    const domains = [
      { local: "10.0.0.0/24", remote: "172.31.0.0/16" },
      { local: "10.0.1.0/24", remote: "172.31.0.0/16" },
    ];
    const alibaba = connection({
      provider: "alibaba",
      externalId: "vco-bp1",
      routing: "static",
      tunnels: [1, 2].map((i) => tunnel(i, { options: { phase1LifetimeSec: 86_400, phase2LifetimeSec: 86_400 } })),
      customerGateway: { initiates: true, isPolicyBased: true },
      encryptionDomains: domains,
    });
    expect(codes(alibaba)).not.toContain("MULTIPLE_ENCRYPTION_DOMAINS");
    expect(codes(connection({ provider: "mulesoft", routing: "static", encryptionDomains: domains }))).toContain(
      "MULTIPLE_ENCRYPTION_DOMAINS",
    );
  });

  it("names the tunnel and its weak algorithms in each tunnel's WEAK_CRYPTO finding", () => {
    const weak = (phase1Integrity: string[], phase1DhGroups: number[]) => ({
      options: { ...GOOD_AWS_OPTIONS, phase1Integrity, phase1DhGroups },
    });
    const posture = evaluatePosture(
      connection({ tunnels: [tunnel(1, weak(["SHA1"], [14])), tunnel(2, weak(["SHA2-256"], [2]))] }),
    );
    expect(posture.findings.filter((f) => f.code === "WEAK_CRYPTO").map((f) => [f.tunnelIndex, f.detail])).toEqual([
      [1, expect.stringMatching(/^Tunnel 1 offers SHA1\./)],
      [2, expect.stringMatching(/^Tunnel 2 offers DH group 2\./)],
    ]);
  });

  it("compares AS paths like with like: received with received", () => {
    const c = connection({
      tunnels: [
        tunnel(1, { bgp: { receivedAsPath: [65000], advertisedAsPath: [64512, 64512] } }),
        tunnel(2, { bgp: { receivedAsPath: [65000] } }),
      ],
    });
    expect(codes(c)).not.toContain("BGP_AS_PATH_ASYMMETRY");
  });

  it("lets a customer gateway on AWS rekey first with lower lifetimes, but not propose higher ones", () => {
    const withGateway = (p1: number, p2: number) =>
      codes(connection({ customerGateway: { initiates: true, phase1LifetimeSec: p1, phase2LifetimeSec: p2 } }));
    expect(withGateway(28_800, 3_600)).not.toContain("LIFETIME_MISMATCH");
    expect(withGateway(27_000, 3_000)).not.toContain("LIFETIME_MISMATCH");
    expect(withGateway(86_400, 3_600)).toContain("LIFETIME_MISMATCH");
  });

  it("accepts any Alibaba lifetimes both peers share, and flags the peers disagreeing", () => {
    const alibaba = (gateway: [number, number]) =>
      evaluatePosture(
        connection({
          provider: "alibaba",
          externalId: "vco-bp1",
          tunnels: [1, 2].map((i) =>
            tunnel(i, { options: { phase1LifetimeSec: 28_800, phase2LifetimeSec: 3_600, dpdEnabled: true } }),
          ),
          customerGateway: { initiates: true, phase1LifetimeSec: gateway[0], phase2LifetimeSec: gateway[1] },
        }),
      ).findings.filter((f) => f.code === "LIFETIME_MISMATCH");
    expect(alibaba([28_800, 3_600])).toEqual([]);
    expect(alibaba([86_400, 86_400])).toHaveLength(1);
    expect(alibaba([86_400, 86_400])[0]?.evidence).toMatchObject({ recommended: [28_800, 3_600], tunnelIndex: 1 });
  });

  it("recommends IKEv2 to a connection on IKEv1, with the IKEv1 lifetimes it needs meanwhile", () => {
    const c = connection({
      provider: "mulesoft",
      tunnels: [1, 2].map((i) => tunnel(i, { options: { ikeVersions: ["ikev1"], dpdEnabled: true } })),
    });
    const posture = evaluatePosture(c);
    expect(posture.recommended).toMatchObject({
      ikeVersion: "ikev2",
      phase1LifetimeSec: 28_800,
      phase2LifetimeSec: 3_600,
    });
    expect(posture.findings.map((f) => f.code)).toContain("IKEV1_IN_USE");
  });

  it("takes the IKE version from the customer gateway where MuleSoft reports none, for lifetimes and IKEV1_IN_USE", () => {
    // What the MuleSoft normaliser gives: no IKE version and no DPD on the provider's side.
    const mule = (customerGateway: NormalizedConnectionInput["customerGateway"]) =>
      evaluatePosture(
        connection({
          provider: "mulesoft",
          tunnels: [1, 2].map((i) =>
            tunnel(i, { options: { ikeVersions: undefined, dpdTimeoutAction: undefined, startupAction: "add" } }),
          ),
          customerGateway,
        }),
      );
    const onIkev1 = mule({ initiates: true, ikeVersion: "ikev1", phase1LifetimeSec: 28_800, phase2LifetimeSec: 3_600 });
    expect(onIkev1.recommended).toMatchObject({ phase1LifetimeSec: 28_800, phase2LifetimeSec: 3_600 });
    expect(onIkev1.findings.map((f) => f.code)).not.toContain("LIFETIME_MISMATCH");
    expect(onIkev1.findings.find((f) => f.code === "IKEV1_IN_USE")).toMatchObject({
      title: "The customer gateway runs IKEv1",
      evidence: { customerGateway: { ikeVersion: "ikev1" } },
    });
    const onIkev2 = mule({ initiates: true, ikeVersion: "ikev2", phase1LifetimeSec: 28_800, phase2LifetimeSec: 3_600 });
    expect(onIkev2.findings.map((f) => f.code)).toContain("LIFETIME_MISMATCH");
    expect(onIkev2.findings.map((f) => f.code)).not.toContain("IKEV1_IN_USE");
  });

  it("makes a customer gateway on IKEv1 match AWS's lifetimes: only IKEv2's are independent of the peer", () => {
    const aws = (ikeVersion: "ikev1" | "ikev2") =>
      evaluatePosture(
        connection({
          tunnels: [1, 2].map((i) => tunnel(i, { options: { ikeVersions: ["ikev1", "ikev2"] } })),
          customerGateway: { initiates: true, ikeVersion, phase1LifetimeSec: 27_000, phase2LifetimeSec: 3_000 },
        }),
      ).findings.filter((f) => f.code === "LIFETIME_MISMATCH");
    expect(aws("ikev2")).toEqual([]);
    expect(aws("ikev1")).toHaveLength(1);
    expect(aws("ikev1")[0]?.detail).toMatch(/with IKEv1 the two peers' lifetimes must match/);
  });

  it("grades a MuleSoft BGP pair A when the customer gateway runs DPD: MuleSoft reports none of its own", () => {
    const mule = (dpdEnabled: boolean | undefined) =>
      evaluatePosture(
        connection({
          provider: "mulesoft",
          tunnels: [1, 2].map((i) =>
            tunnel(i, { options: { ikeVersions: undefined, dpdTimeoutAction: undefined, startupAction: "add" } }),
          ),
          customerGateway: { initiates: true, ...(dpdEnabled === undefined ? {} : { dpdEnabled }) },
        }),
      );
    expect(mule(true)).toMatchObject({ grade: "A", expectedDowntimeSeconds: 5 });
    expect(mule(undefined).grade).toBe("B");
    expect(mule(false).grade).toBe("B");
  });

  it("flags a MuleSoft connection whose gateway does not initiate: Anypoint only responds", () => {
    const c = connection({
      provider: "mulesoft",
      tunnels: [1, 2].map((i) => tunnel(i, { options: { dpdEnabled: true } })),
      customerGateway: {},
    });
    expect(codes(c)).toContain("STARTUP_ACTION_ADD");
  });
});

describe("negotiatedIkeVersion", () => {
  it("takes the provider's version where its tunnels allow one only, else the gateway's, else IKEv2", () => {
    expect(negotiatedIkeVersion([["ikev1"], ["ikev1"]], "ikev2")).toBe("ikev1");
    expect(negotiatedIkeVersion([["ikev2"], undefined], "ikev1")).toBe("ikev2");
    expect(
      negotiatedIkeVersion(
        [
          ["ikev1", "ikev2"],
          ["ikev1", "ikev2"],
        ],
        "ikev1",
      ),
    ).toBe("ikev1");
    expect(negotiatedIkeVersion([undefined, []], "ikev1")).toBe("ikev1");
    expect(negotiatedIkeVersion([undefined, undefined], undefined)).toBe("ikev2");
  });
});

describe("maintenance risk", () => {
  const now = new Date("2026-11-23T00:00:00Z");
  it("ranks by downtime x likelihood x criticality, announced maintenance first", () => {
    const ranked = rankMaintenanceRisk(
      [
        { id: "aws-A", provider: "aws", grade: "A", expectedDowntimeSeconds: 5 },
        { id: "aws-D", provider: "aws", grade: "D", expectedDowntimeSeconds: 3600 },
        { id: "mule-C", provider: "mulesoft", grade: "C", expectedDowntimeSeconds: 600 },
        {
          id: "aws-C-announced",
          provider: "aws",
          grade: "C",
          expectedDowntimeSeconds: 600,
          announcedMaintenanceAt: new Date("2026-11-25T00:00:00Z"),
        },
        { id: "aws-D-critical", provider: "aws", grade: "D", expectedDowntimeSeconds: 3600, criticality: "critical" },
      ],
      now,
    );
    expect(ranked.map((r) => r.id)).toEqual(["aws-D-critical", "aws-D", "aws-C-announced", "mule-C", "aws-A"]);
    expect(ranked.find((r) => r.id === "aws-C-announced")).toMatchObject({
      likelihood: 1,
      score: 600,
      reason: "maintenance announced in 2 days",
    });
    expect(ranked.find((r) => r.id === "mule-C")?.reason).toMatch(/at any time/);
  });

  it("counts an announcement as due for a day past its date, then no longer", () => {
    const announced = (at: string) =>
      rankMaintenanceRisk(
        [
          {
            id: "aws-C",
            provider: "aws",
            grade: "C",
            expectedDowntimeSeconds: 600,
            announcedMaintenanceAt: new Date(at),
          },
        ],
        now,
      )[0];
    expect(announced("2026-11-22T12:00:00Z")).toMatchObject({ likelihood: 1, reason: "maintenance is due now" });
    expect(announced("2026-11-20T00:00:00Z")).toMatchObject({
      likelihood: 0.25,
      reason: "the announced maintenance was due 3 days ago; none announced since",
    });
  });
});
