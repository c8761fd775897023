// fleet.overview over a real PostgreSQL: counts, grades, incidents, maintenance risk, uptime and
// accounts on a small fleet whose figures are known by hand (fleet-fixture.ts), confined to the
// caller's organisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearUptimeCache } from "../src/fleet/uptime.ts";
import { codeOf, type FleetFixture, fleetFixture, HOUR_MS } from "./fleet-fixture.ts";

let f: FleetFixture;
beforeAll(async () => {
  f = await fleetFixture("fleet");
});
afterAll(async () => {
  await f?.close();
});

describe("fleet.overview", () => {
  it("counts tunnels, grades, incidents and accounts of the caller's organisation only", async () => {
    const overview = await (await f.api("VIEWER")).fleet.overview();
    // alpha 2 up, bravo 2 up, charlie 1 up 1 down, delta 2 down, echo 2 unknown; foxtrot is removed.
    expect(overview.tunnels).toEqual({ up: 5, down: 3, unknown: 2, total: 10 });
    expect(overview.connections).toMatchObject({ total: 5, degraded: 3, outage: 2 });
    expect(overview.connections.byGrade).toEqual([
      { grade: "A", count: 1 },
      { grade: "B", count: 0 },
      { grade: "C", count: 1 },
      { grade: "D", count: 1 },
      { grade: "F", count: 1 },
      { grade: "UNGRADED", count: 1 },
    ]);
    expect(overview.incidents.open).toBe(3);
    expect(overview.incidents.acknowledged).toBe(1);
    expect(overview.incidents.byCode).toEqual([
      { code: "PEER_UNREACHABLE", open: 1, acknowledged: 1, total: 2 },
      { code: "DPD_TIMEOUT", open: 1, acknowledged: 0, total: 1 },
      { code: "TUNNEL_REDUNDANCY_LOST", open: 1, acknowledged: 0, total: 1 },
    ]);
    expect(overview.accounts).toEqual({ total: 4, syncProblems: 1, paused: 1, pending: 0 });

    const other = await (await f.api("OTHER")).fleet.overview();
    expect(other.tunnels).toEqual({ up: 0, down: 2, unknown: 0, total: 2 });
    expect(other.connections.total).toBe(1);
    expect(other.incidents.byCode.map((c) => c.code)).toEqual(["IKE_AUTH_FAILURE"]);
    expect(other.maintenanceRisk.map((r) => r.name)).toEqual(["zulu"]);
  });

  it("ranks maintenance risk with core's weights and the announced maintenance", async () => {
    const { maintenanceRisk } = await (await f.api("VIEWER")).fleet.overview();
    // delta: 3600 s x 0.5 (MuleSoft: any time) x 4 (critical); bravo: 600 s x 1 (announced in 2
    // days); charlie: 60 s x 0.1 (Alibaba) x 2 (high); alpha: 5 s x 0.25. echo is not graded.
    expect(maintenanceRisk.map((r) => [r.name, r.score])).toEqual([
      ["delta", 7200],
      ["bravo", 600],
      ["charlie", 12],
      ["alpha", 1.25],
    ]);
    const bravo = maintenanceRisk[1];
    expect(bravo).toMatchObject({
      connectionId: f.ids.bravo,
      criticality: "NORMAL",
      grade: "C",
      expectedDowntimeSec: 600,
      maintenanceTitle: "Tunnel endpoint replacement",
      likelihood: 1,
    });
    expect(bravo?.announcedAt).toBeInstanceOf(Date);
    expect(bravo?.reason).toMatch(/announced in 2 days/);
    expect(maintenanceRisk[0]?.reason).toMatch(/MuleSoft/);
  });

  it("finds the top risks when the first rows by bound are not the top by score", async () => {
    // 60 connections with maintenance announced two months out (likelihood 0.4, bound 1) come first
    // in SQL's order; the one that matters (high criticality, nothing announced: 3600 x 0.25 x 2)
    // sits behind them and must still rank first.
    const tenant = await f.prisma.tenant.create({ data: { name: "Many", slug: "many" } });
    const user = await f.prisma.user.create({ data: { email: "viewer@many.test" } });
    await f.prisma.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "VIEWER" } });
    const account = await f.prisma.cloudAccount.create({
      data: { tenantId: tenant.id, provider: "AWS", name: "aws", credentialsCipher: "x", credentialsKeyId: "k1" },
    });
    const base = {
      tenantId: tenant.id,
      cloudAccountId: account.id,
      provider: "AWS" as const,
      region: "us-east-1",
      state: "available",
      routing: "BGP" as const,
      normalized: {},
      grade: "D" as const,
      expectedDowntimeSec: 3_600,
      tunnelsUp: 1,
      tunnelsTotal: 2,
      lastSeenAt: f.now,
    };
    await f.prisma.vpnConnection.createMany({
      data: [
        ...Array.from({ length: 60 }, (_, i) => ({
          ...base,
          id: `far-${i}`,
          externalId: `far-${i}`,
          name: `far ${i}`,
        })),
        { ...base, id: "important", externalId: "important", name: "important", criticality: "HIGH" as const },
      ],
    });
    await f.prisma.maintenanceEvent.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        tenantId: tenant.id,
        provider: "AWS" as const,
        source: "AWS_HEALTH" as const,
        externalId: `far-${i}`,
        connectionId: `far-${i}`,
        title: "Scheduled",
        startsAt: new Date(f.now.getTime() + 60 * 24 * HOUR_MS),
      })),
    });
    const { maintenanceRisk } = await (await f.asUser(user.id)).fleet.overview();
    expect(maintenanceRisk).toHaveLength(10);
    expect(maintenanceRisk[0]).toMatchObject({ connectionId: "important", score: 1800 });
    expect(maintenanceRisk.slice(1).every((r) => r.score === 1440)).toBe(true);
  });

  it("names the customer gateways that several down connections end on, and what to look at first", async () => {
    const tenant = await f.prisma.tenant.create({ data: { name: "Sites", slug: "sites" } });
    const user = await f.prisma.user.create({ data: { email: "viewer@sites.test" } });
    await f.prisma.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "VIEWER" } });
    const account = (provider: "AWS" | "ALIBABA") =>
      f.prisma.cloudAccount.create({
        data: { tenantId: tenant.id, provider, name: provider, credentialsCipher: "x", credentialsKeyId: "k1" },
      });
    const aws = await account("AWS");
    const alibaba = await account("ALIBABA");
    let n = 0;
    const connection = (gateway: string, up: number, more: { alibaba?: boolean; deleted?: boolean } = {}) => {
      n++;
      return {
        tenantId: tenant.id,
        cloudAccountId: more.alibaba ? alibaba.id : aws.id,
        provider: more.alibaba ? ("ALIBABA" as const) : ("AWS" as const),
        region: more.alibaba ? "cn-hangzhou" : "us-east-1",
        externalId: `site-${n}`,
        name: `site ${n}`,
        state: "available",
        routing: "BGP" as const,
        normalized: {},
        customerGatewayIp: gateway,
        tunnelsUp: up,
        tunnelsTotal: 2,
        lastSeenAt: f.now,
        deletedAt: more.deleted ? f.now : null,
      };
    };
    await f.prisma.vpnConnection.createMany({
      data: [
        // 203.0.113.50: down at AWS and at Alibaba, one AWS connection up: the gateway.
        connection("203.0.113.50", 0),
        connection("203.0.113.50", 0, { alibaba: true }),
        connection("203.0.113.50", 2),
        // 203.0.113.60: two of six AWS connections down, the others with a tunnel up: the connections.
        connection("203.0.113.60", 0),
        connection("203.0.113.60", 0),
        connection("203.0.113.60", 1),
        ...Array.from({ length: 3 }, () => connection("203.0.113.60", 2)),
        // 203.0.113.70: one down and one removed: nothing to say.
        connection("203.0.113.70", 0),
        connection("203.0.113.70", 0, { deleted: true }),
      ],
    });
    // Another organisation's connection down on 203.0.113.70 does not count here.
    await f.prisma.vpnConnection.create({
      data: {
        ...connection("203.0.113.70", 0),
        tenantId: f.tenantB,
        cloudAccountId: (await f.prisma.cloudAccount.findFirstOrThrow({ where: { tenantId: f.tenantB } })).id,
      },
    });
    const { customerGateways } = await (await f.asUser(user.id)).fleet.overview();
    expect(customerGateways.map((g) => [g.customerGatewayIp, g.down, g.connections, g.likelyCause])).toEqual([
      ["203.0.113.50", 2, 3, "customer-gateway"],
      ["203.0.113.60", 2, 6, "connections"],
    ]);
    expect([...(customerGateways[0]?.providers ?? [])].sort()).toEqual(["alibaba", "aws"]);
    expect(customerGateways[0]?.summary).toMatch(/^2 of 3 connections that end on 203\.0\.113\.50 have no tunnel up/);
    // The fixture's organisation has no gateway with two connections down.
    expect((await (await f.api("VIEWER")).fleet.overview()).customerGateways).toEqual([]);
    // The connections list narrows to one gateway's connections by its exact address.
    const list = await (await f.asUser(user.id)).connections.list({ gateway: "203.0.113.50", status: "OUTAGE" });
    expect(list.items.map((c) => c.name).sort()).toEqual(["site 1", "site 2"]);
    // A connection's page says how many connections end on its gateway, in its organisation only.
    const siteOne = await f.prisma.vpnConnection.findFirstOrThrow({ where: { tenantId: tenant.id, name: "site 1" } });
    const detail = await (await f.asUser(user.id)).connections.detail({ connectionId: siteOne.id });
    expect(detail.customerGatewayShare).toMatchObject({
      customerGatewayIp: "203.0.113.50",
      connections: 3,
      down: 2,
      assessment: { likelyCause: "customer-gateway" },
    });
    const elsewhere = await f.prisma.vpnConnection.findFirstOrThrow({
      where: { tenantId: f.tenantB, customerGatewayIp: "203.0.113.70" },
    });
    const theirs = await (await f.api("OTHER")).connections.detail({ connectionId: elsewhere.id });
    expect(theirs.customerGatewayShare).toMatchObject({ connections: 1, down: 1, assessment: null });
  });

  it("sums hourly uptime for the last week, hour by hour", async () => {
    clearUptimeCache();
    const hour = (ago: number) => new Date(Math.floor(f.now.getTime() / HOUR_MS) * HOUR_MS - ago * HOUR_MS);
    const row = (tenantId: string, tunnel: string, ago: number, up: number, down: number) => ({
      tenantId,
      tunnelId: f.tunnels[tunnel] as string,
      hour: hour(ago),
      upSamples: up,
      downSamples: down,
    });
    await f.prisma.tunnelUptimeHourly.createMany({
      data: [
        row(f.tenantA, "alpha/1", 0, 30, 0),
        row(f.tenantA, "charlie/2", 0, 10, 20),
        row(f.tenantA, "alpha/1", 5, 60, 0),
        row(f.tenantA, "charlie/2", 5, 0, 60),
        // Older than a week, and another organisation's: neither counts.
        row(f.tenantA, "alpha/1", 24 * 7 + 3, 60, 0),
        row(f.tenantB, "zulu/1", 5, 0, 60),
      ],
    });
    const { uptime } = await (await f.api("VIEWER")).fleet.overview();
    expect(uptime).toHaveLength(24 * 7);
    expect(uptime.at(-1)).toEqual({ hour: hour(0), upSamples: 40, downSamples: 20, uptimePct: 66.667 });
    expect(uptime.at(-6)).toEqual({ hour: hour(5), upSamples: 60, downSamples: 60, uptimePct: 50 });
    expect(uptime[0]?.hour).toEqual(hour(24 * 7 - 1));
    expect(uptime.filter((p) => p.uptimePct !== null)).toHaveLength(2);

    // The current hour is read fresh on every call; closed hours come from the cache.
    await f.prisma.tunnelUptimeHourly.update({
      where: { tunnelId_hour: { tunnelId: f.tunnels["alpha/1"] as string, hour: hour(0) } },
      data: { upSamples: 60 },
    });
    const again = await (await f.api("VIEWER")).fleet.overview();
    expect(again.uptime.at(-1)).toMatchObject({ upSamples: 70, downSamples: 20 });
    expect(again.uptime.at(-6)).toMatchObject({ upSamples: 60, downSamples: 60 });
  });

  it("needs a member of the organisation", async () => {
    expect(await codeOf((await f.asUser(null)).fleet.overview())).toBe("UNAUTHORIZED");
    const stranger = await f.prisma.user.create({ data: { email: "nobody@nowhere.test" } });
    const outsider = await f.asUser(stranger.id);
    expect(await codeOf(outsider.fleet.overview())).toBe("NOT_FOUND");
  });
});

describe("fleet.configChanges", () => {
  it("lists the week's changes of the organisation's live connections, newest first, made ones by default", async () => {
    const now = Date.now();
    const change = (connection: string, hoursAgo: number, parameter: string, tenant: "A" | "B" = "A") => ({
      tenantId: tenant === "A" ? f.tenantA : f.tenantB,
      connectionId: f.ids[connection] as string,
      tunnelIndex: 1,
      parameter,
      before: "on",
      after: "off",
      gradeAfter: "C" as const,
      detectedAt: new Date(now - hoursAgo * HOUR_MS),
    });
    await f.prisma.configChange.createMany({
      data: [
        change("alpha", 1, "dpdEnabled"),
        change("bravo", 2, "pfsEnabled"),
        change("bravo", 3, "outsideIp"),
        change("charlie", 24 * 8, "natTraversal"),
        // A connection removed at the provider, and another organisation's.
        change("foxtrot", 1, "dpdEnabled"),
        change("zulu", 1, "dpdEnabled", "B"),
      ],
    });
    const viewer = await f.api("VIEWER");
    const week = await viewer.fleet.configChanges({});
    expect(week.items.map((c) => [c.connection.name, c.parameter, c.label])).toEqual([
      ["alpha", "dpdEnabled", "Dead peer detection"],
      ["bravo", "pfsEnabled", "Perfect forward secrecy"],
    ]);
    expect(week.total).toBe(2);
    const withEndpoints = await viewer.fleet.configChanges({ madeOnly: false });
    expect(withEndpoints.items.map((c) => [c.parameter, c.isProviderDriven])).toEqual([
      ["dpdEnabled", false],
      ["pfsEnabled", false],
      ["outsideIp", true],
    ]);
    const month = await viewer.fleet.configChanges({ days: 30, pageSize: 2, page: 2 });
    expect(month.items.map((c) => c.connection.name)).toEqual(["charlie"]);
    expect(await codeOf(viewer.fleet.configChanges({ days: 0 }))).toBe("BAD_REQUEST");
  });
});

describe("fleet.gatewayOutages", () => {
  it("pairs each customer gateway's down event with the recovery that ended it, within the period and the organisation", async () => {
    const now = Date.now();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR_MS);
    const event = (
      trigger: "CUSTOMER_GATEWAY_DOWN" | "CUSTOMER_GATEWAY_RECOVERED",
      hoursAgo: number,
      facts: object,
      tenant = f.tenantA,
    ) => ({
      tenantId: tenant,
      trigger,
      severity: "CRITICAL" as const,
      payload: facts,
      createdAt: at(hoursAgo),
    });
    await f.prisma.alertOutbox.createMany({
      data: [
        // Down 30 hours ago, back 29 hours ago with 1 of 6 still down.
        event("CUSTOMER_GATEWAY_DOWN", 30, { customerGatewayIp: "203.0.113.10", down: 5, connections: 6 }),
        event("CUSTOMER_GATEWAY_RECOVERED", 29, { customerGatewayIp: "203.0.113.10", down: 1, connections: 6 }),
        // Down two hours ago, still down.
        event("CUSTOMER_GATEWAY_DOWN", 2, { customerGatewayIp: "203.0.113.20", down: 3, connections: 3 }),
        // Went down before the period, back inside it.
        event("CUSTOMER_GATEWAY_RECOVERED", 100, {
          customerGatewayIp: "203.0.113.30",
          down: 0,
          connections: 2,
          downSince: at(200).toISOString(),
        }),
        // Another organisation's.
        event("CUSTOMER_GATEWAY_DOWN", 1, { customerGatewayIp: "203.0.113.99", down: 2, connections: 2 }, f.tenantB),
      ],
    });
    const viewer = await f.api("VIEWER");
    const week = await viewer.fleet.gatewayOutages({});
    expect(
      week.map((o) => [
        o.customerGatewayIp,
        o.connectionsDown,
        o.connections,
        o.stillDownAtRecovery,
        o.recoveredAt === null,
      ]),
    ).toEqual([
      ["203.0.113.20", 3, 3, null, true],
      ["203.0.113.10", 5, 6, 1, false],
      ["203.0.113.30", null, 2, 0, false],
    ]);
    expect(week[1]?.durationSec).toBe(3_600);
    // Still down: counted up to now.
    expect(week[0]?.durationSec).toBeGreaterThanOrEqual(7_200);
    expect(week[2]?.durationSec).toBe(100 * 3_600);
    expect((await viewer.fleet.gatewayOutages({ days: 1 })).map((o) => o.customerGatewayIp)).toEqual(["203.0.113.20"]);
    expect(await codeOf(viewer.fleet.gatewayOutages({ days: 91 }))).toBe("BAD_REQUEST");
  });
});
