// The connections router over a real PostgreSQL: filters, sorts and pages of the table; the
// detail with posture, playbooks and configuration checks; the status timeline; log lines; and
// setCriticality and setCustomerGateway with their audit rows. Another organisation's connection
// is NOT_FOUND everywhere, exactly like one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, codeOf, type FleetFixture, fleetFixture, HOUR_MS } from "./fleet-fixture.ts";

let f: FleetFixture;
let viewer: Caller;
beforeAll(async () => {
  f = await fleetFixture("connections");
  viewer = await f.api("VIEWER");
});
afterAll(async () => {
  await f?.close();
});

const names = (page: { items: Array<{ name: string }> }) => page.items.map((c) => c.name);

describe("connections.list", () => {
  it("lists live connections by name, with account, tunnels and open incidents", async () => {
    const page = await viewer.connections.list({});
    expect(names(page)).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    const charlie = page.items.find((c) => c.name === "charlie");
    expect(charlie).toMatchObject({
      provider: "ALIBABA",
      grade: "D",
      tunnelsUp: 1,
      tunnelsTotal: 2,
      openIncidents: 2,
      criticality: "HIGH",
      cloudAccount: { name: "alibaba account" },
      tags: { env: "prod" },
    });
    const withRemoved = await viewer.connections.list({ includeRemoved: true });
    expect(withRemoved.total).toBe(6);
  });

  it("filters in SQL", async () => {
    const cases: Array<[Parameters<Caller["connections"]["list"]>[0], string[]]> = [
      [{ provider: "AWS" }, ["alpha", "bravo", "echo"]],
      [{ region: "us-east-1" }, ["alpha", "delta", "echo"]],
      [{ grade: "D" }, ["charlie"]],
      [{ grade: "UNGRADED" }, ["echo"]],
      [{ routing: "STATIC" }, ["bravo", "charlie"]],
      [{ status: "ALL_UP" }, ["alpha", "bravo"]],
      [{ status: "ANY_DOWN" }, ["charlie", "delta", "echo"]],
      [{ status: "REDUNDANCY_LOST" }, ["charlie", "delta"]],
      [{ status: "OUTAGE" }, ["delta", "echo"]],
      [{ criticality: "CRITICAL" }, ["delta"]],
      [{ finding: "STATIC_ROUTING" }, ["bravo", "charlie"]],
      [{ finding: "NO_AUTOMATIC_FAILOVER" }, ["bravo"]],
      [{ finding: "IDLE_RISK" }, []],
      [{ tag: "env=prod" }, ["alpha", "charlie"]],
      [{ tag: "team=core" }, ["alpha"]],
      [{ tag: "env=staging" }, []],
      [{ q: "ALPH" }, ["alpha"]],
      [{ q: "vpn-0004" }, ["delta"]],
      [{ q: "198.51.100.3" }, ["charlie"]],
      [{ provider: "AWS", status: "ANY_DOWN" }, ["echo"]],
    ];
    for (const [input, expected] of cases) {
      expect(names(await viewer.connections.list(input)), JSON.stringify(input)).toEqual(expected);
    }
    const accounts = (await viewer.connections.filterOptions()).accounts;
    const alibaba = accounts.find((a) => a.provider === "ALIBABA");
    expect(names(await viewer.connections.list({ cloudAccountId: alibaba?.id }))).toEqual(["charlie"]);
  });

  it("sorts with a stable order and ungraded connections last", async () => {
    expect(names(await viewer.connections.list({ sort: "grade" }))).toEqual([
      "alpha",
      "bravo",
      "charlie",
      "delta",
      "echo",
    ]);
    expect(names(await viewer.connections.list({ sort: "grade", order: "desc" }))).toEqual([
      "delta",
      "charlie",
      "bravo",
      "alpha",
      "echo",
    ]);
    expect(names(await viewer.connections.list({ sort: "expectedDowntimeSec", order: "desc" }))).toEqual([
      "delta",
      "bravo",
      "charlie",
      "alpha",
      "echo",
    ]);
    // Ties (alpha and bravo both 2 up; delta and echo both 0) fall back to the name.
    expect(names(await viewer.connections.list({ sort: "tunnelsUp", order: "desc" }))).toEqual([
      "alpha",
      "bravo",
      "charlie",
      "delta",
      "echo",
    ]);
    expect(names(await viewer.connections.list({ sort: "lastSeenAt", order: "asc" }))).toEqual([
      "echo",
      "delta",
      "charlie",
      "bravo",
      "alpha",
    ]);
    expect(names(await viewer.connections.list({ sort: "name", order: "desc" }))).toEqual([
      "echo",
      "delta",
      "charlie",
      "bravo",
      "alpha",
    ]);
  });

  it("pages on the server", async () => {
    const second = await viewer.connections.list({ pageSize: 2, page: 2 });
    expect(names(second)).toEqual(["charlie", "delta"]);
    expect(second.total).toBe(5);
    expect(names(await viewer.connections.list({ pageSize: 2, page: 3 }))).toEqual(["echo"]);
    expect(names(await viewer.connections.list({ pageSize: 2, page: 4 }))).toEqual([]);
    expect(await codeOf(viewer.connections.list({ pageSize: 500 }))).toBe("BAD_REQUEST");
    expect(await codeOf(viewer.connections.list({ tag: "no-equals-sign" }))).toBe("BAD_REQUEST");
    expect(await codeOf(viewer.connections.list({ sort: "id" as "name" }))).toBe("BAD_REQUEST");
    expect(await codeOf(viewer.connections.list({ finding: "NOT_A_FINDING" as "IDLE_RISK" }))).toBe("BAD_REQUEST");
  });

  it("shows another organisation only its own connections", async () => {
    const other = await f.api("OTHER");
    expect(names(await other.connections.list({}))).toEqual(["zulu"]);
    expect(names(await other.connections.list({ q: "alpha" }))).toEqual([]);
    const options = await other.connections.filterOptions();
    expect(options.accounts.map((a) => a.name)).toEqual(["aws account"]);
    expect(options.regions).toEqual(["us-east-1"]);
  });
});

describe("connections.detail", () => {
  it("returns the connection, its tunnels, live posture with playbooks and the configuration checks", async () => {
    const detail = await viewer.connections.detail({ connectionId: f.ids.alpha as string });
    expect(detail.connection).toMatchObject({ name: "alpha", externalId: "vpn-0001", localAsn: 64512 });
    expect(detail.account.name).toBe("aws account");
    expect(detail.tunnels.map((t) => [t.index, t.status])).toEqual([
      [1, "UP"],
      [2, "UP"],
    ]);
    expect(detail.tunnels[0]).toMatchObject({
      phase1LifetimeSec: 28_800,
      dpdTimeoutAction: "restart",
      replayWindow: 1024,
    });

    expect(detail.posture).toMatchObject({ source: "live", grade: "A", expectedDowntimeSec: 5 });
    const codes = detail.posture.findings.map((finding) => finding.code).sort();
    expect(codes).toEqual(["TUNNEL_LOGGING_DISABLED", "WEAK_CRYPTO"]);
    for (const code of codes) {
      expect(detail.playbooks[code]?.steps.length).toBeGreaterThan(0);
      // Resolved for AWS: no other provider's steps.
      expect(detail.playbooks[code]?.steps.some((s) => s.variant === "alibaba")).toBe(false);
    }

    const check = (tunnel: number, parameter: string) =>
      detail.tunnels[tunnel - 1]?.checks.find((c) => c.parameter === parameter);
    expect(check(1, "phase1LifetimeSec")).toMatchObject({ value: "28800 s", recommended: "28800 s", ok: true });
    expect(check(1, "dpdTimeoutAction")).toMatchObject({ value: "restart", ok: true });
    expect(check(1, "loggingEnabled")?.ok).toBe(true);
    expect(check(2, "loggingEnabled")).toMatchObject({ value: "off", ok: false });
    expect(check(1, "phase1Algorithms")?.ok).toBe(true);
    expect(check(2, "phase1Algorithms")?.ok).toBe(false);
    expect(check(1, "rekeyMarginSec")).toMatchObject({ recommended: "540 s or 270 s", ok: true });
    expect(check(1, "dpdTimeoutSec")).toMatchObject({ value: "30 s", recommended: "30 to 40 s", ok: true });
  });

  it("falls back to the stored grade and judges what it can when the stored connection is unreadable", async () => {
    const detail = await viewer.connections.detail({ connectionId: f.ids.bravo as string });
    expect(detail.posture).toMatchObject({ source: "none", grade: "C", expectedDowntimeSec: 600 });
    const action = detail.tunnels[1]?.checks.find((c) => c.parameter === "dpdTimeoutAction");
    expect(action).toMatchObject({ value: "clear", recommended: "restart", ok: false });
    // AWS's two defaults (30 s on create, 40 s on modify) detect a dead peer as soon; a longer timeout does not.
    const timeout = (tunnel: number) => detail.tunnels[tunnel - 1]?.checks.find((c) => c.parameter === "dpdTimeoutSec");
    expect(timeout(1)).toMatchObject({ value: "40 s", ok: true });
    expect(timeout(2)).toMatchObject({ value: "60 s", ok: false });
    expect(detail.tunnels[0]?.checks.find((c) => c.parameter === "phase1Algorithms")?.ok).toBeNull();
    expect(detail.maintenance.map((m) => m.title)).toEqual(["Tunnel endpoint replacement"]);
  });

  it("lists open and recent incidents with the playbook of each open code", async () => {
    const detail = await viewer.connections.detail({ connectionId: f.ids.charlie as string });
    expect(detail.openIncidents.map((i) => i.code).sort()).toEqual(["DPD_TIMEOUT", "TUNNEL_REDUNDANCY_LOST"]);
    expect(detail.playbooks.DPD_TIMEOUT?.steps.some((s) => s.variant === "alibaba")).toBe(true);
    const recent = await viewer.connections.detail({ connectionId: f.ids.bravo as string });
    // bravo's only incident is still pending: not shown as an incident yet.
    expect(recent.recentIncidents).toEqual([]);
  });

  it("is NOT_FOUND for another organisation's connection exactly as for one that does not exist", async () => {
    const foreign = await codeAndMessage(viewer.connections.detail({ connectionId: f.ids.zulu as string }));
    const missing = await codeAndMessage(viewer.connections.detail({ connectionId: "does-not-exist" }));
    expect(foreign).toEqual(missing);
    expect(foreign[0]).toBe("NOT_FOUND");
    expect(await codeOf(viewer.connections.timeline({ connectionId: f.ids.zulu as string }))).toBe("NOT_FOUND");
    expect(await codeOf(viewer.connections.logEvents({ connectionId: f.ids.zulu as string }))).toBe("NOT_FOUND");
    const other = await f.api("OTHER");
    expect(await codeOf(other.connections.detail({ connectionId: f.ids.alpha as string }))).toBe("NOT_FOUND");
  });
});

async function codeAndMessage(promise: Promise<unknown>): Promise<[string, string]> {
  try {
    await promise;
    return ["OK", ""];
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return [e.code ?? "?", e.message ?? ""];
  }
}

describe("connections.timeline", () => {
  it("gives each tunnel its status at the start, its transitions and bucketed samples", async () => {
    const t2 = f.tunnels["charlie/2"] as string;
    const t1 = f.tunnels["charlie/1"] as string;
    const at = (hoursAgo: number) => new Date(f.now.getTime() - hoursAgo * HOUR_MS);
    await f.prisma.tunnelStatusTransition.createMany({
      data: [
        { tenantId: f.tenantA, tunnelId: t2, fromStatus: "UP", toStatus: "DOWN", occurredAt: at(30) },
        { tenantId: f.tenantA, tunnelId: t2, fromStatus: "DOWN", toStatus: "UP", occurredAt: at(26) },
        { tenantId: f.tenantA, tunnelId: t2, fromStatus: "UP", toStatus: "DOWN", occurredAt: at(2) },
      ],
    });
    await f.prisma.tunnelStatusSample.createMany({
      data: [
        { tenantId: f.tenantA, tunnelId: t2, sampledAt: at(3), status: "UP" },
        { tenantId: f.tenantA, tunnelId: t2, sampledAt: at(1), status: "DOWN" },
        { tenantId: f.tenantA, tunnelId: t1, sampledAt: at(1), status: "UP" },
        { tenantId: f.tenantA, tunnelId: t1, sampledAt: at(40), status: "UP" },
      ],
    });
    const timeline = await viewer.connections.timeline({ connectionId: f.ids.charlie as string });
    expect(timeline.to.getTime() - timeline.from.getTime()).toBe(24 * HOUR_MS);
    expect(timeline.bucketSec).toBe(360);
    const [first, second] = timeline.tunnels;
    expect(first).toMatchObject({ index: 1, status: "UP", statusAtStart: null, transitions: [] });
    expect(first?.samples.map((s) => [s.up, s.total])).toEqual([[1, 1]]);
    expect(second).toMatchObject({ index: 2, status: "DOWN", statusAtStart: "UP" });
    expect(second?.transitions).toEqual([{ at: at(2), from: "UP", to: "DOWN", message: null }]);
    expect(second?.samples.map((s) => [s.up, s.down])).toEqual([
      [1, 0],
      [0, 1],
    ]);

    const week = await viewer.connections.timeline({
      connectionId: f.ids.charlie as string,
      from: at(48),
      to: f.now,
    });
    expect(week.tunnels[1]?.transitions.map((t) => t.to)).toEqual(["DOWN", "UP", "DOWN"]);
    expect(week.tunnels[0]?.samples).toHaveLength(2);
    expect(
      await codeOf(viewer.connections.timeline({ connectionId: f.ids.charlie as string, from: f.now, to: at(1) })),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        viewer.connections.timeline({ connectionId: f.ids.charlie as string, from: at(24 * 40), to: f.now }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("connections.logEvents", () => {
  it("pages the connection's log lines newest first, by code and tunnel", async () => {
    const event = (n: number, code: string, tunnel: string | null, connection = "charlie") => ({
      tenantId: connection === "zulu" ? f.tenantB : f.tenantA,
      connectionId: f.ids[connection] as string,
      tunnelId: tunnel ? (f.tunnels[tunnel] as string) : null,
      source: "PROVIDER" as const,
      stream: "stream",
      occurredAt: new Date(f.now.getTime() - n * 60_000),
      raw: `line ${n} ${code}`,
      vendor: "strongswan",
      code,
      severity: code === "TUNNEL_UP" ? ("INFO" as const) : ("MAJOR" as const),
      confidence: 0.9,
      fingerprint: `fp-${connection}-${n}`,
    });
    await f.prisma.tunnelLogEvent.createMany({
      data: [
        event(1, "DPD_TIMEOUT", "charlie/2"),
        event(2, "TUNNEL_UP", "charlie/1"),
        event(3, "DPD_TIMEOUT", "charlie/2"),
        event(4, "INFO", null),
        event(5, "REKEY_FAILURE", "charlie/1"),
        event(6, "DPD_TIMEOUT", null, "alpha"),
      ],
    });
    const first = await viewer.connections.logEvents({ connectionId: f.ids.charlie as string, pageSize: 2 });
    expect(first.total).toBe(5);
    expect(first.isTotalCapped).toBe(false);
    expect(first.items.map((e) => e.raw)).toEqual(["line 1 DPD_TIMEOUT", "line 2 TUNNEL_UP"]);
    expect(first.items[0]).toMatchObject({ code: "DPD_TIMEOUT", tunnelIndex: 2, severity: "MAJOR" });
    expect(typeof first.items[0]?.id).toBe("string");
    const third = await viewer.connections.logEvents({ connectionId: f.ids.charlie as string, pageSize: 2, page: 3 });
    expect(third.items.map((e) => e.raw)).toEqual(["line 5 REKEY_FAILURE"]);
    const dpd = await viewer.connections.logEvents({ connectionId: f.ids.charlie as string, code: "dpd_timeout" });
    expect(dpd.items.map((e) => e.raw)).toEqual(["line 1 DPD_TIMEOUT", "line 3 DPD_TIMEOUT"]);
    const tunnel1 = await viewer.connections.logEvents({ connectionId: f.ids.charlie as string, tunnelIndex: 1 });
    expect(tunnel1.items.map((e) => e.code)).toEqual(["TUNNEL_UP", "REKEY_FAILURE"]);
    const tunnel9 = await viewer.connections.logEvents({ connectionId: f.ids.charlie as string, tunnelIndex: 9 });
    expect(tunnel9.total).toBe(0);
    expect(
      await codeOf(viewer.connections.logEvents({ connectionId: f.ids.charlie as string, code: "DROP TABLE" })),
    ).toBe("BAD_REQUEST");
  });
});

describe("connections.configChanges", () => {
  it("pages the connection's configuration changes newest first, with labels, and only its tenant's", async () => {
    const change = (
      minutesAgo: number,
      tunnelIndex: number | null,
      parameter: string,
      before: string,
      after: string,
    ) => ({
      tenantId: f.tenantA,
      connectionId: f.ids.charlie as string,
      tunnelIndex,
      parameter,
      before,
      after,
      gradeBefore: "B" as const,
      gradeAfter: "D" as const,
      detectedAt: new Date(f.now.getTime() - minutesAgo * 60_000),
    });
    await f.prisma.configChange.createMany({
      data: [
        change(10, 2, "dpdEnabled", "on", "off"),
        change(10, null, "routing", "BGP", "static"),
        change(30, 1, "outsideIp", "203.0.113.1", "203.0.113.9"),
        change(40, null, "staticRoutes", "10.1.0.0/16, 10.2.0.0/16", "10.2.0.0/16, 10.3.0.0/16"),
        { ...change(5, 1, "dpdEnabled", "on", "off"), tenantId: f.tenantB, connectionId: f.ids.zulu as string },
      ],
    });
    const all = await viewer.connections.configChanges({ connectionId: f.ids.charlie as string });
    expect(all.total).toBe(4);
    expect(all.items.map((c) => [c.tunnelIndex, c.label, c.before, c.after, c.isProviderDriven])).toEqual([
      [null, "Routing", "BGP", "static", false],
      [2, "Dead peer detection", "on", "off", false],
      [1, "Outside IP (endpoint)", "203.0.113.1", "203.0.113.9", true],
      [null, "Static routes", "10.1.0.0/16, 10.2.0.0/16", "10.2.0.0/16, 10.3.0.0/16", false],
    ]);
    expect(all.items.map((c) => c.difference)).toEqual([
      null,
      null,
      null,
      { added: ["10.3.0.0/16"], removed: ["10.1.0.0/16"] },
    ]);
    const made = await viewer.connections.configChanges({ connectionId: f.ids.charlie as string, madeOnly: true });
    expect(made.items.map((c) => c.parameter)).toEqual(["routing", "dpdEnabled", "staticRoutes"]);
    const second = await viewer.connections.configChanges({
      connectionId: f.ids.charlie as string,
      pageSize: 2,
      page: 2,
    });
    expect(second.items.map((c) => c.parameter)).toEqual(["outsideIp", "staticRoutes"]);
    expect(await codeOf(viewer.connections.configChanges({ connectionId: f.ids.zulu as string }))).toBe("NOT_FOUND");
  });
});

describe("connections.gatewayConfig", () => {
  it("writes the customer gateway's configuration from the stored connection, for the vendor asked", async () => {
    const connectionId = f.ids.alpha as string;
    const stored = await f.prisma.vpnConnection.findUniqueOrThrow({ where: { id: connectionId } });
    const provisioning = await viewer.connections.gatewayConfig({ connectionId, vendor: "strongswan" });
    // The fixture's tunnels have no outside IP yet: nothing to point a gateway at.
    expect(provisioning.tunnelCount).toBe(0);
    expect(provisioning.notes.join("\n")).toMatch(/Tunnel 1 has no outside IP yet/);

    const normalized = stored.normalized as { tunnels: Array<Record<string, unknown>> };
    await f.prisma.vpnConnection.update({
      where: { id: connectionId },
      data: {
        normalized: {
          ...normalized,
          tunnels: normalized.tunnels.map((t, i) => ({
            ...t,
            outsideIp: `52.68.10.${21 + i}`,
            insideCidr: `169.254.10.${4 * i}/30`,
          })),
        },
      },
    });
    try {
      const srx = await viewer.connections.gatewayConfig({ connectionId, vendor: "juniper-srx" });
      expect(srx.tunnelCount).toBe(2);
      expect(srx.text).toContain("set security ike gateway TW-VPN0001-GATEWAY-2 address 52.68.10.22");
      expect(srx.text).toContain("set security ike gateway TW-VPN0001-GATEWAY-1 local-identity inet 198.51.100.1");
      expect(srx.text).toContain("set interfaces st0 unit 2 family inet address 169.254.10.6/30");
      const ios = await viewer.connections.gatewayConfig({ connectionId, vendor: "cisco-ios", firstUnit: 40 });
      expect(ios.text).toContain("interface Tunnel41\n");
      expect(ios.text).toContain(" tunnel destination 52.68.10.21");
    } finally {
      await f.prisma.vpnConnection.update({
        where: { id: connectionId },
        data: { normalized: stored.normalized as object },
      });
    }
    expect(await codeOf(viewer.connections.gatewayConfig({ connectionId, vendor: "strongswan", firstUnit: -1 }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(viewer.connections.gatewayConfig({ connectionId, vendor: "mikrotik" as "strongswan" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await codeOf(viewer.connections.gatewayConfig({ connectionId: f.ids.zulu as string, vendor: "strongswan" })),
    ).toBe("NOT_FOUND");
  });
});

describe("connections.setCriticality", () => {
  it("lets an admin set it, with an audit row, and refuses viewers and operators", async () => {
    const connectionId = f.ids.alpha as string;
    expect(await codeOf(viewer.connections.setCriticality({ connectionId, criticality: "HIGH" }))).toBe("FORBIDDEN");
    const operator = await f.api("OPERATOR");
    expect(await codeOf(operator.connections.setCriticality({ connectionId, criticality: "HIGH" }))).toBe("FORBIDDEN");
    const admin = await f.api("ADMIN");
    expect(await admin.connections.setCriticality({ connectionId, criticality: "HIGH" })).toEqual({
      id: connectionId,
      criticality: "HIGH",
    });
    expect((await viewer.connections.detail({ connectionId })).connection.criticality).toBe("HIGH");
    const audits = await f.prisma.auditLog.findMany({ where: { targetId: connectionId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      tenantId: f.tenantA,
      action: "connection.setCriticality",
      targetType: "VpnConnection",
      details: { name: "alpha", from: "NORMAL", to: "HIGH" },
    });
    // The same value again changes nothing and writes no audit row.
    await admin.connections.setCriticality({ connectionId, criticality: "HIGH" });
    expect(await f.prisma.auditLog.count({ where: { targetId: connectionId } })).toBe(1);
    // The fleet's maintenance risk weighs it: 5 s x 0.25 x 2.
    const risk = (await viewer.fleet.overview()).maintenanceRisk.find((r) => r.name === "alpha");
    expect(risk?.score).toBe(2.5);

    expect(await codeOf(admin.connections.setCriticality({ connectionId, criticality: "URGENT" as "HIGH" }))).toBe(
      "BAD_REQUEST",
    );
    const other = await f.api("OTHER");
    expect(await codeOf(other.connections.setCriticality({ connectionId, criticality: "LOW" }))).toBe("NOT_FOUND");
    expect((await viewer.connections.detail({ connectionId })).connection.criticality).toBe("HIGH");
  });
});

describe("connections.setCustomerGateway", () => {
  it("lets an operator describe the gateway: posture and playbooks use it at once, with an audit row", async () => {
    const connectionId = f.ids.alpha as string;
    const customerGateway = { vendor: "juniper-srx", initiates: true, dpdEnabled: false, phase1LifetimeSec: 86_400 };
    expect(await codeOf(viewer.connections.setCustomerGateway({ connectionId, customerGateway }))).toBe("FORBIDDEN");
    const before = await viewer.connections.detail({ connectionId });
    expect(before.connection.customerGateway).toBeNull();
    expect(before.posture).toMatchObject({ grade: "A", gatewayVendor: null });

    const operator = await f.api("OPERATOR");
    expect(await operator.connections.setCustomerGateway({ connectionId, customerGateway })).toEqual({
      id: connectionId,
      customerGateway,
    });
    const after = await viewer.connections.detail({ connectionId });
    expect(after.connection.customerGateway).toEqual(customerGateway);
    // DPD off on the gateway: B, not A, and a finding that names the gateway; a phase 1
    // lifetime above the provider's is a mismatch; the playbooks are the SRX's.
    expect(after.posture).toMatchObject({ grade: "B", gatewayVendor: "juniper-srx" });
    // The fleet lists show the new grade at once.
    const listed = (await viewer.connections.list({ q: "alpha" })).items[0];
    expect(listed).toMatchObject({ grade: "B" });
    expect(listed?.findingCodes).toContain("DPD_DISABLED");
    const codes = after.posture.findings.map((finding) => finding.code);
    expect(codes).toEqual(expect.arrayContaining(["DPD_DISABLED", "LIFETIME_MISMATCH"]));
    expect(after.playbooks.DPD_DISABLED?.steps.map((step) => step.variant)).toContain("juniper-srx");
    expect(await f.prisma.auditLog.findFirst({ where: { action: "connection.setCustomerGateway" } })).toMatchObject({
      tenantId: f.tenantA,
      targetId: connectionId,
      details: { name: "alpha", from: null, to: customerGateway },
    });

    // Bad input is refused with the field named, and changes nothing.
    const bad = operator.connections.setCustomerGateway({
      connectionId,
      customerGateway: { phase1LifetimeSec: 0, colour: "blue" } as unknown as typeof customerGateway,
    });
    expect(await codeOf(bad)).toBe("BAD_REQUEST");
    const badVersion = operator.connections.setCustomerGateway({
      connectionId,
      customerGateway: { ikeVersion: "ikev3" } as unknown as typeof customerGateway,
    });
    expect(await codeOf(badVersion)).toBe("BAD_REQUEST");
    expect((await viewer.connections.detail({ connectionId })).connection.customerGateway).toEqual(customerGateway);

    // Another organisation cannot see or change it; an empty description forgets it.
    const other = await f.api("OTHER");
    expect(await codeOf(other.connections.setCustomerGateway({ connectionId, customerGateway: {} }))).toBe("NOT_FOUND");
    await operator.connections.setCustomerGateway({ connectionId, customerGateway: {} });
    const cleared = await viewer.connections.detail({ connectionId });
    expect(cleared.connection.customerGateway).toBeNull();
    expect(cleared.posture.grade).toBe("A");
    expect((await viewer.connections.list({ q: "alpha" })).items[0]?.grade).toBe("A");
  });
});
