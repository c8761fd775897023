// HA posture of one VPN connection: the findings of faults.md §2, the grade A–F and the expected
// downtime during the provider's next maintenance (§3).
import type { FindingCode, Grade, Severity } from "../codes.ts";
import type { NormalizedConnection, NormalizedTunnel } from "../connection.ts";
import { isWeakDhGroup, isWeakEncryption, isWeakIntegrity } from "../crypto-strength.ts";
import {
  type IkeVersion,
  negotiatedIkeVersion,
  type RecommendedParameters,
  recommendedParameters,
} from "../recommended.ts";
import type { Finding, GradeStep, Posture } from "./types.ts";

// Expected downtime per grade during maintenance (faults.md §3, MuleSoft Anypoint VPN maintenance guide; Alibaba VPN Gateway redundant IPsec guide).
export const DOWNTIME_BY_GRADE: Record<Grade, number> = {
  A: 5, // BGP with DPD restarting the tunnel: failover in a few seconds
  B: 30, // static with DPD or health checks: about 30 s measured (Alibaba VPN Gateway redundant IPsec guide)
  C: 600, // static, nothing detects a failed tunnel: minutes; not back after 10-15 min needs a restart
  D: 3_600, // one tunnel (or redundancy lost): up to 60 minutes until the original tunnel is back
  F: 3_600, // no tunnel up now: an outage already, and maintenance would prolong it
};

// Alibaba's VPN gateway is redundant inside one instance and switches over by itself (Alibaba VPN Gateway redundant IPsec guide):
// a single IPsec connection loses seconds, not an hour, when Alibaba works on the gateway. Alibaba
// publishes no figure; a minute is an estimate that keeps D above B (30 s) in the ranking.
const ALIBABA_SINGLE_TUNNEL_DOWNTIME = 60;

// Vendors' idle timeouts vary (Cisco ASA 30 min by default, others minutes); a static tunnel
// without traffic for five minutes is at risk of being torn down on some of them.
export const IDLE_RISK_SECONDS = 300;

const SEVERITY: Record<FindingCode, Severity> = {
  TUNNEL_REDUNDANCY_LOST: "major",
  SINGLE_TUNNEL: "major",
  STATIC_ROUTING: "minor",
  NO_AUTOMATIC_FAILOVER: "major",
  DPD_DISABLED: "major",
  LIFETIME_MISMATCH: "minor",
  PFS_DISABLED: "major",
  MULTIPLE_ENCRYPTION_DOMAINS: "major",
  BGP_AS_PATH_ASYMMETRY: "major",
  IDLE_RISK: "minor",
  HEALTHCHECK_PATH_ASYMMETRY: "major",
  ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY: "minor",
  NAT_T_REQUIRED: "critical",
  STARTUP_ACTION_ADD: "minor",
  BGP_PREFERENCE_ASYMMETRY: "minor",
  IKEV1_IN_USE: "minor",
  WEAK_CRYPTO: "minor",
  TUNNEL_LOGGING_DISABLED: "info",
};

function finding(
  code: FindingCode,
  title: string,
  detail: string,
  evidence: Record<string, unknown>,
  tunnelIndex?: number,
): Finding {
  return {
    code,
    severity: SEVERITY[code],
    ...(tunnelIndex === undefined ? {} : { tunnelIndex }),
    title,
    detail,
    evidence,
  };
}

/** true: DPD would notice a dead peer and act; false: it would not; undefined: not reported. */
function detectsDeadPeer(tunnel: NormalizedTunnel): boolean | undefined {
  const { dpdEnabled, dpdTimeoutAction } = tunnel.options;
  if (dpdEnabled === false || dpdTimeoutAction === "none") return false;
  if (dpdEnabled === true || dpdTimeoutAction === "clear" || dpdTimeoutAction === "restart") return true;
  return undefined;
}

/**
 * DPD that brings the tunnel back by itself: AWS "restart", DPD on where no action is reported, or,
 * where the provider reports no DPD at all (MuleSoft), DPD on the customer gateway, which then
 * initiates again.
 */
function restartsOnDeadPeer(tunnel: NormalizedTunnel, gatewayDpd: boolean | undefined): boolean {
  const { dpdEnabled, dpdTimeoutAction } = tunnel.options;
  if (dpdTimeoutAction !== undefined) return dpdTimeoutAction === "restart";
  if (dpdEnabled !== undefined) return dpdEnabled;
  return gatewayDpd === true;
}

const sameList = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

export function evaluatePosture(connection: NormalizedConnection): Posture {
  const { tunnels, provider } = connection;
  const findings: Finding[] = [];
  const ikeVersion = negotiatedIkeVersion(
    tunnels.map((t) => t.options.ikeVersions),
    connection.customerGateway?.ikeVersion,
  );
  const recommended = recommendedParameters(provider, ikeVersion);
  // A provider that reports no tunnel's status (still provisioning, or a status it does not
  // document) is graded on its configuration, not as an outage.
  const isStatusUnknown = tunnels.length > 0 && tunnels.every((t) => t.status === "UNKNOWN");
  const upCount = isStatusUnknown ? tunnels.length : tunnels.filter((t) => t.status === "UP").length;
  const isBgp = connection.routing === "bgp";
  const enabledHealthChecks = (connection.healthChecks ?? []).filter((h) => h.enabled);

  // Redundancy
  if (tunnels.length >= 2 && upCount < tunnels.length) {
    const down = tunnels.filter((t) => t.status !== "UP").map((t) => t.index);
    findings.push(
      finding(
        "TUNNEL_REDUNDANCY_LOST",
        "Not every tunnel is up",
        `${upCount} of ${tunnels.length} tunnels are UP (tunnel ${down.join(", ")} not UP): the connection runs without a standby until they recover.`,
        { tunnelsUp: upCount, tunnels: tunnels.length, notUp: down },
      ),
    );
  }
  if (tunnels.length === 1) {
    findings.push(
      finding(
        "SINGLE_TUNNEL",
        "Only one tunnel is configured",
        "Any maintenance or failure of that tunnel is an outage: configure the second tunnel.",
        { tunnels: 1 },
      ),
    );
  }

  // Routing and failover. A failed tunnel is detected by a health check, by the provider itself
  // (Alibaba's dual-tunnel mode moves traffic to the standby tunnel on its own), or by DPD on
  // every tunnel; a customer gateway that reports DPD off takes DPD's credit away, one that
  // reports it on gives it where the provider does not report DPD.
  const cgw = connection.customerGateway;
  const gatewayDpd = cgw?.dpdEnabled;
  const deadPeerDetection = tunnels.map(detectsDeadPeer);
  const providerSwitchesOver = provider === "alibaba" && tunnels.length >= 2;
  const dpdDetects =
    gatewayDpd !== false &&
    deadPeerDetection.length > 0 &&
    deadPeerDetection.every((d) => d === true || (d === undefined && gatewayDpd === true));
  const hasFailoverDetection = enabledHealthChecks.length > 0 || providerSwitchesOver || dpdDetects;
  // Nothing reported either way: not credited, and not a finding either.
  const isFailoverUnknown =
    !hasFailoverDetection &&
    gatewayDpd === undefined &&
    deadPeerDetection.every((d) => d !== false) &&
    deadPeerDetection.some((d) => d === undefined);
  if (!isBgp) {
    findings.push(
      finding(
        "STATIC_ROUTING",
        "Static routing",
        "Traffic does not move to the other tunnel by itself during maintenance, and active/active static tunnels route asymmetrically: use BGP.",
        { routing: "static" },
      ),
    );
    if (tunnels.length >= 2 && !hasFailoverDetection && !isFailoverUnknown) {
      findings.push(
        finding(
          "NO_AUTOMATIC_FAILOVER",
          "Nothing detects a failed tunnel",
          "Static routing without DPD or a health check: a dead tunnel keeps its routes until someone notices.",
          { dpd: deadPeerDetection, healthChecks: enabledHealthChecks.length },
        ),
      );
    }
  }
  for (const tunnel of tunnels) {
    const { dpdEnabled, dpdTimeoutAction } = tunnel.options;
    if (dpdEnabled === false || (dpdTimeoutAction === "none" && tunnels.length >= 2)) {
      findings.push(
        finding(
          "DPD_DISABLED",
          `DPD does not act on tunnel ${tunnel.index}`,
          dpdEnabled === false
            ? "Dead peer detection is off: a dead peer is not noticed until traffic fails."
            : "DPD timeout action is none: the tunnel is not cleared or restarted when the peer dies, so traffic does not fail over.",
          { dpdEnabled, dpdTimeoutAction },
          tunnel.index,
        ),
      );
    }
  }
  if (gatewayDpd === false) {
    findings.push(
      finding(
        "DPD_DISABLED",
        "DPD is off on the customer gateway",
        "The customer gateway does not probe its peer: it keeps sending traffic into a tunnel whose provider endpoint is gone until IKE or BGP times out.",
        { customerGateway: { dpdEnabled: false } },
      ),
    );
  }

  // Lifetimes (faults.md §2): AWS's side against its defaults; the customer gateway against
  // MuleSoft's values for it; for AWS, a gateway on IKEv2 may go lower (its lifetimes are
  // independent of the peer's and the lower side drives the rekey, 003) but not higher, and one on
  // IKEv1 must match (003: make sure they match AWS's); Alibaba accepts any values the two peers share.
  for (const tunnel of tunnels) {
    const { phase1LifetimeSec, phase2LifetimeSec } = tunnel.options;
    const differs =
      recommended.appliesTo === "provider" &&
      ((phase1LifetimeSec !== undefined && phase1LifetimeSec !== recommended.phase1LifetimeSec) ||
        (phase2LifetimeSec !== undefined && phase2LifetimeSec !== recommended.phase2LifetimeSec));
    if (differs) {
      findings.push(
        finding(
          "LIFETIME_MISMATCH",
          `Tunnel ${tunnel.index} lifetimes differ from the recommendation`,
          `Phase 1/2 lifetimes are ${phase1LifetimeSec ?? "?"}/${phase2LifetimeSec ?? "?"} s; ${recommended.source} are ${recommended.phase1LifetimeSec}/${recommended.phase2LifetimeSec} s. Mismatched lifetimes cause rekey failures and drops.`,
          {
            phase1LifetimeSec,
            phase2LifetimeSec,
            recommended: [recommended.phase1LifetimeSec, recommended.phase2LifetimeSec],
          },
          tunnel.index,
        ),
      );
    }
  }
  if (cgw && (cgw.phase1LifetimeSec !== undefined || cgw.phase2LifetimeSec !== undefined)) {
    const mismatch = gatewayLifetimeMismatch(cgw, tunnels, recommended, ikeVersion);
    if (mismatch) {
      findings.push(
        finding(
          "LIFETIME_MISMATCH",
          "Customer gateway lifetimes differ",
          `The customer gateway uses ${cgw.phase1LifetimeSec ?? "?"}/${cgw.phase2LifetimeSec ?? "?"} s; ${mismatch.wants} ${mismatch.p1}/${mismatch.p2} s.`,
          {
            customerGateway: [cgw.phase1LifetimeSec, cgw.phase2LifetimeSec],
            recommended: [mismatch.p1, mismatch.p2],
            ...(mismatch.tunnelIndex === undefined ? {} : { tunnelIndex: mismatch.tunnelIndex }),
          },
        ),
      );
    }
  }

  // PFS
  for (const tunnel of tunnels) {
    const { pfsEnabled, phase2DhGroups } = tunnel.options;
    if (pfsEnabled === false || (phase2DhGroups !== undefined && phase2DhGroups.length === 0)) {
      findings.push(
        finding(
          "PFS_DISABLED",
          `No PFS on tunnel ${tunnel.index}`,
          "Phase 2 runs without perfect forward secrecy; peers that expect PFS drop the tunnel at every phase 2 rekey.",
          { pfsEnabled, phase2DhGroups },
          tunnel.index,
        ),
      );
    }
  }
  if (cgw?.pfsEnabled === false) {
    findings.push(
      finding(
        "PFS_DISABLED",
        "No PFS on the customer gateway",
        "The provider side uses PFS by default; a customer gateway without it drops the tunnel periodically.",
        { customerGateway: { pfsEnabled: false } },
      ),
    );
  }

  // Encryption domains: AWS (and MuleSoft, which runs on it) keeps one SA pair per tunnel (003,
  // 004); Alibaba negotiates its local and remote networks as the connection lists them.
  const domainCount = Math.max(connection.encryptionDomains?.length ?? 0, cgw?.encryptionDomainCount ?? 0);
  if (provider !== "alibaba" && domainCount > 1 && (cgw?.isPolicyBased ?? true)) {
    findings.push(
      finding(
        "MULTIPLE_ENCRYPTION_DOMAINS",
        "More than one encryption domain",
        `A policy-based peer negotiates ${domainCount} encryption domains; the provider supports one SA pair per tunnel, so only one works at a time. Summarise the networks into one domain.`,
        { encryptionDomains: domainCount },
      ),
    );
  }

  // BGP symmetry and preferences
  if (isBgp && tunnels.length >= 2) {
    // Like with like: the paths received over each tunnel, or else the paths advertised.
    const received = tunnels.map((t) => t.bgp?.receivedAsPath);
    const paths =
      received.filter((p) => p !== undefined).length >= 2 ? received : tunnels.map((t) => t.bgp?.advertisedAsPath);
    const known = paths.filter((p): p is number[] => p !== undefined);
    if (known.length >= 2 && !known.every((p) => sameList(p, known[0]))) {
      findings.push(
        finding(
          "BGP_AS_PATH_ASYMMETRY",
          "The tunnels advertise different AS paths",
          "Routes learned over the two tunnels carry different AS paths, so traffic prefers one tunnel one way and the other tunnel back (asymmetric mode, typical after maintenance).",
          { asPaths: Object.fromEntries(tunnels.map((t, i) => [t.index, paths[i] ?? null])) },
        ),
      );
    }
    for (const attribute of ["weight", "localPreference"] as const) {
      const values = tunnels.map((t) => t.bgp?.[attribute]);
      const defined = values.filter((v): v is number => v !== undefined);
      if (defined.length >= 2 && new Set(defined).size > 1) {
        findings.push(
          finding(
            "BGP_PREFERENCE_ASYMMETRY",
            `The customer gateway prefers one tunnel by ${attribute === "weight" ? "weight" : "local preference"}`,
            "The provider steers traffic during its updates by lowering MED on the healthy tunnel; that only works when weight and local preference are equal on both tunnels.",
            { [attribute]: Object.fromEntries(tunnels.map((t, i) => [t.index, values[i] ?? null])) },
          ),
        );
      }
    }
  }

  // Idle static tunnels
  if (!isBgp) {
    for (const tunnel of tunnels) {
      if (tunnel.idleSeconds !== undefined && tunnel.idleSeconds >= IDLE_RISK_SECONDS) {
        findings.push(
          finding(
            "IDLE_RISK",
            `Tunnel ${tunnel.index} carries no traffic`,
            `No traffic for at least ${Math.round(tunnel.idleSeconds)} s on a static tunnel: idle timeouts tear it down. Send keep-alive traffic (ICMP every 5 s) or move to BGP.`,
            { idleSeconds: tunnel.idleSeconds },
            tunnel.index,
          ),
        );
      }
    }
  }

  // Alibaba health checks and route weights
  if (provider === "alibaba") {
    // How often each destination is checked, here and by the gateway's other connections (an
    // active/standby pair of single-tunnel connections): checked twice, it answers through one tunnel only.
    const byDestination = new Map<string, number>();
    for (const check of enabledHealthChecks) {
      if (!check.destinationIp) continue;
      const checks = 1 + (check.sharedWithConnections?.length ?? 0);
      byDestination.set(check.destinationIp, (byDestination.get(check.destinationIp) ?? 0) + checks);
    }
    const shared = [...byDestination].filter(([, n]) => n > 1).map(([ip]) => ip);
    const notPeer = enabledHealthChecks.filter((c) => c.destinationIsTunnelPeer === false);
    if (shared.length > 0 || notPeer.length > 0) {
      findings.push(
        finding(
          "HEALTHCHECK_PATH_ASYMMETRY",
          "A health check does not come back through its own tunnel",
          "Each tunnel's health check must target the customer gateway that tunnel ends on (tunnel 1 checks CPE 1, tunnel 2 checks CPE 2); a host behind the active router answers through the other tunnel and the check misreports.",
          { sharedDestinations: shared, destinationsNotTunnelPeer: notPeer.map((c) => c.destinationIp ?? null) },
        ),
      );
    }
    // Weights matter for redundant single-tunnel connections; dual-tunnel gateways ignore them.
    if (tunnels.length === 1 && connection.routeWeights && connection.routeWeights.length > 0) {
      const byCidr = new Map<string, number[]>();
      for (const route of connection.routeWeights)
        byCidr.set(route.destinationCidr, [...(byCidr.get(route.destinationCidr) ?? []), route.weight]);
      const wrong = [...byCidr].filter(([, weights]) => {
        if (weights.length < 2) return false;
        const actives = weights.filter((w) => w === 100).length;
        const standbys = weights.filter((w) => w === 0).length;
        return actives !== 1 || standbys !== weights.length - 1;
      });
      const missingChecks = enabledHealthChecks.length === 0;
      if (wrong.length > 0 || (byCidr.size > 0 && [...byCidr.values()].some((w) => w.length >= 2) && missingChecks)) {
        findings.push(
          finding(
            "ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY",
            "Redundant routes are not active/standby",
            "Routes to the same destination over redundant IPsec connections should carry weights 100 (active) and 0 (standby), with a health check on both connections.",
            { weights: Object.fromEntries(byCidr), healthChecks: enabledHealthChecks.length },
          ),
        );
      }
    }
  }

  // NAT traversal
  const isNatPath = cgw?.behindNat === true || connection.isAccelerated === true;
  const natTDisabled = cgw?.natTraversal === false || tunnels.some((t) => t.options.natTraversal === false);
  if (isNatPath && natTDisabled) {
    findings.push(
      finding(
        "NAT_T_REQUIRED",
        "NAT-T is off on a path that needs it",
        `${cgw?.behindNat ? "The customer gateway is behind NAT" : "The connection is accelerated"} but NAT traversal is disabled: enable NAT-T and allow UDP 4500 (otherwise UDP 500 and IP protocol 50 must pass).`,
        { behindNat: cgw?.behindNat, isAccelerated: connection.isAccelerated, natTraversal: false },
      ),
    );
  }

  // Who initiates
  const isResponderOnly = provider === "mulesoft" || tunnels.some((t) => t.options.startupAction === "add");
  if (isResponderOnly && cgw?.initiates !== true) {
    findings.push(
      finding(
        "STARTUP_ACTION_ADD",
        "Only the customer gateway can bring the tunnels up",
        provider === "mulesoft"
          ? "Anypoint VPN only responds: after an endpoint replacement a tunnel stays DOWN until the customer gateway initiates. Make the gateway initiate and keep the tunnels up."
          : "Startup action is add: after an endpoint replacement a tunnel stays DOWN until the customer gateway initiates. Make the gateway initiate, or set the startup action to start.",
        {
          startupAction: tunnels.map((t) => t.options.startupAction ?? null),
          customerGatewayInitiates: cgw?.initiates ?? null,
        },
      ),
    );
  }

  // IKE version and algorithms
  const ikev1Tunnels = tunnels.filter((t) => t.options.ikeVersions?.includes("ikev1"));
  if (ikev1Tunnels.length > 0) {
    findings.push(
      finding(
        "IKEV1_IN_USE",
        "IKEv1 is allowed",
        "IKEv1 is enabled where IKEv2 is supported: restrict the tunnels to IKEv2.",
        { tunnels: ikev1Tunnels.map((t) => t.index) },
      ),
    );
  } else if (cgw?.ikeVersion === "ikev1" && tunnels.every((t) => t.options.ikeVersions === undefined)) {
    findings.push(
      finding(
        "IKEV1_IN_USE",
        "The customer gateway runs IKEv1",
        "The customer gateway negotiates IKEv1 where the provider supports IKEv2: move the gateway to IKEv2.",
        { customerGateway: { ikeVersion: "ikev1" } },
      ),
    );
  }
  for (const tunnel of tunnels) {
    const o = tunnel.options;
    const weak = [
      ...[...(o.phase1Encryption ?? []), ...(o.phase2Encryption ?? [])].filter(isWeakEncryption),
      ...[...(o.phase1Integrity ?? []), ...(o.phase2Integrity ?? [])].filter(isWeakIntegrity),
      ...[...(o.phase1DhGroups ?? []), ...(o.phase2DhGroups ?? [])].filter(isWeakDhGroup).map((g) => `DH group ${g}`),
    ];
    if (weak.length > 0) {
      findings.push(
        finding(
          "WEAK_CRYPTO",
          `Weak algorithms offered on tunnel ${tunnel.index}`,
          `Tunnel ${tunnel.index} offers ${[...new Set(weak)].join(", ")}. Keep AES-GCM or AES with SHA-2 and DH groups 14 or higher.`,
          { weak: [...new Set(weak)] },
          tunnel.index,
        ),
      );
    }
  }

  // Logging
  const unlogged = tunnels.filter((t) => t.options.loggingEnabled === false).map((t) => t.index);
  if (unlogged.length > 0) {
    findings.push(
      finding(
        "TUNNEL_LOGGING_DISABLED",
        "Tunnel logs are off",
        "Without the provider's tunnel logs, faults cannot be diagnosed from log lines: enable tunnel activity logs.",
        { tunnels: unlogged },
      ),
    );
  }

  // Grade (faults.md §3): redundancy lost right now scores as one tunnel.
  const isRedundant = tunnels.length >= 2 && upCount === tunnels.length;
  const dpdRestarts =
    gatewayDpd !== false && tunnels.length > 0 && tunnels.every((t) => restartsOnDeadPeer(t, gatewayDpd));
  let grade: Grade;
  let gradeReason: string;
  if (upCount === 0) {
    grade = "F";
    gradeReason = tunnels.length === 0 ? "The connection has no tunnels." : "No tunnel is UP now.";
  } else if (!isRedundant) {
    grade = "D";
    gradeReason =
      tunnels.length === 1 ? "One tunnel only." : "Redundancy is lost: it runs on one tunnel until the others recover.";
  } else if (isBgp && dpdRestarts) {
    grade = "A";
    gradeReason = "All tunnels up, BGP, and DPD restarts a failed tunnel.";
  } else if (isBgp || hasFailoverDetection) {
    grade = "B";
    gradeReason = isBgp
      ? "All tunnels up with BGP, but DPD does not restart a failed tunnel."
      : providerSwitchesOver && enabledHealthChecks.length === 0 && !dpdDetects
        ? "All tunnels up, static routing; Alibaba's dual-tunnel mode moves traffic to the standby tunnel by itself."
        : "All tunnels up, static routing with an automatic failover mechanism.";
  } else {
    grade = "C";
    gradeReason = isFailoverUnknown
      ? "All tunnels up, static routing; neither DPD nor a health check is reported, so nothing is known to detect a failed tunnel: say whether the customer gateway runs DPD."
      : "All tunnels up, static routing, nothing detects a failed tunnel.";
  }
  const expectedDowntimeSeconds =
    provider === "alibaba" && grade === "D" ? ALIBABA_SINGLE_TUNNEL_DOWNTIME : DOWNTIME_BY_GRADE[grade];

  if (isStatusUnknown)
    gradeReason = `Tunnel status is not reported, so this grade is for the configuration. ${gradeReason}`;
  return {
    grade,
    gradeReason,
    findings,
    expectedDowntimeSeconds,
    isOutageNow: upCount === 0,
    nextGrade: nextGrade(grade, findings, isBgp),
    recommended,
  };
}

/** What the customer gateway's lifetimes should be, when they are not. */
function gatewayLifetimeMismatch(
  cgw: NonNullable<NormalizedConnection["customerGateway"]>,
  tunnels: readonly NormalizedTunnel[],
  recommended: RecommendedParameters,
  ikeVersion: IkeVersion,
): { wants: string; p1: number; p2: number; tunnelIndex?: number } | undefined {
  const { phase1LifetimeSec: p1, phase2LifetimeSec: p2 } = cgw;
  if (recommended.appliesTo === "customer-gateway") {
    const differs =
      (p1 !== undefined && p1 !== recommended.phase1LifetimeSec) ||
      (p2 !== undefined && p2 !== recommended.phase2LifetimeSec);
    return differs
      ? {
          wants: `${recommended.source} calls for`,
          p1: recommended.phase1LifetimeSec,
          p2: recommended.phase2LifetimeSec,
        }
      : undefined;
  }
  for (const tunnel of tunnels) {
    const side = {
      p1: tunnel.options.phase1LifetimeSec ?? recommended.phase1LifetimeSec,
      p2: tunnel.options.phase2LifetimeSec ?? recommended.phase2LifetimeSec,
    };
    const mustMatch = recommended.appliesTo === "both-peers" || ikeVersion === "ikev1";
    const differs = mustMatch
      ? (p1 !== undefined && p1 !== side.p1) || (p2 !== undefined && p2 !== side.p2)
      : (p1 !== undefined && p1 > side.p1) || (p2 !== undefined && p2 > side.p2);
    if (differs) {
      return {
        wants:
          recommended.appliesTo === "both-peers"
            ? `tunnel ${tunnel.index} uses`
            : mustMatch
              ? `tunnel ${tunnel.index} uses, and with IKEv1 the two peers' lifetimes must match`
              : `tunnel ${tunnel.index} accepts at most (a lower value on the gateway is fine: that side drives the rekey)`,
        ...side,
        tunnelIndex: tunnel.index,
      };
    }
  }
  return undefined;
}

/** The distinct finding codes of a posture, as the connection rows store them. */
export function findingCodesOf(posture: Pick<Posture, "findings">): FindingCode[] {
  return [...new Set(posture.findings.map((f) => f.code))];
}

function nextGrade(grade: Grade, findings: Finding[], isBgp: boolean): GradeStep | null {
  const present = (codes: FindingCode[]) => codes.filter((c) => findings.some((f) => f.code === c));
  switch (grade) {
    case "F":
      return {
        grade: "D",
        fix: present(["STARTUP_ACTION_ADD", "NAT_T_REQUIRED"]),
        change: "Bring at least one tunnel up: check the customer gateway initiates and the log faults of each tunnel.",
      };
    case "D":
      return {
        grade: "C",
        fix: present(["SINGLE_TUNNEL", "TUNNEL_REDUNDANCY_LOST"]),
        change: "Run two tunnels and keep both UP.",
      };
    case "C":
      return {
        grade: "B",
        fix: present(["NO_AUTOMATIC_FAILOVER", "DPD_DISABLED"]),
        change: "Enable DPD (or health checks) so a failed tunnel is detected and its routes withdrawn.",
      };
    case "B":
      return isBgp
        ? {
            grade: "A",
            fix: present(["DPD_DISABLED"]),
            change: "Set the DPD timeout action to restart on every tunnel.",
          }
        : {
            grade: "A",
            fix: present(["STATIC_ROUTING"]),
            change: "Move to BGP routing with DPD restarting the tunnels.",
          };
    case "A":
      return null;
  }
}
