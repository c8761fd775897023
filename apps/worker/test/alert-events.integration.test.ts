// The status pipeline writes alert events into the outbox with the change that caused them:
// a tunnel going down (once per transition), redundancy lost, incidents opened and resolved,
// a grade drop, maintenance announced on a weak connection. A connection seen for the first
// time raises nothing: it has not changed.
import { createPrismaClient, type PrismaClient } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldBatch } from "../src/pipeline/fold-batch.ts";
import { applyStatusSnapshot } from "../src/pipeline/status.ts";
import type { FetchedConnection, MaintenanceNotice, StatusSnapshot } from "../src/providers/types.ts";
import { awsConnection } from "./aws-connection.ts";

const T0 = Date.UTC(2026, 11, 1, 0, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

const connection = (status1: "UP" | "DOWN", status2: "UP" | "DOWN"): FetchedConnection =>
  awsConnection([status1, status2], { externalId: "vpn-0alerts000000001", name: "osaka-dc", region: "ap-northeast-3" });

/** An AWS account of a tenant, as the status pipeline takes it. */
async function statusAccount(prisma: PrismaClient, tenantId: string, name: string, region: string, delaySec: number) {
  const created = await prisma.cloudAccount.create({
    data: { tenantId, provider: "AWS", name, regions: [region], credentialsCipher: "x", credentialsKeyId: "k1" },
  });
  return { id: created.id, tenantId, tenant: { incidentOpenDelaySec: delaySec, incidentResolveDelaySec: delaySec } };
}

describe("alert events from the status pipeline", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let account: {
    id: string;
    tenantId: string;
    tenant: { incidentOpenDelaySec: number; incidentResolveDelaySec: number };
  };

  const poll = (seconds: number, fetched: FetchedConnection, maintenance: MaintenanceNotice[] = []) => {
    const snapshot: StatusSnapshot = { fetchedAt: at(seconds), connections: [fetched], maintenance, unavailable: {} };
    return applyStatusSnapshot(prisma, account, snapshot);
  };
  const outbox = () =>
    prisma.alertOutbox.findMany({ where: { tenantId: account.tenantId }, orderBy: { createdAt: "asc" } });
  const clear = () => prisma.alertOutbox.deleteMany({ where: { tenantId: account.tenantId } });

  beforeAll(async () => {
    db = await createMigratedTestDatabase("alert_events");
    prisma = createPrismaClient(db.url);
    const tenant = await prisma.tenant.create({
      data: { name: "Events", slug: "events", incidentOpenDelaySec: 0, incidentResolveDelaySec: 0 },
    });
    account = await statusAccount(prisma, tenant.id, "prod", "ap-northeast-3", 0);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("raises nothing for a connection seen for the first time", async () => {
    await poll(0, connection("UP", "UP"));
    expect(await outbox()).toEqual([]);
  });

  it("raises tunnel down once per transition, redundancy lost, the incident it opens and the grade drop", async () => {
    await poll(60, connection("UP", "DOWN"));
    const events = await outbox();
    const byTrigger = (t: string) => events.filter((e) => e.trigger === t);
    expect(byTrigger("TUNNEL_DOWN")).toHaveLength(1);
    expect(byTrigger("TUNNEL_DOWN")[0]).toMatchObject({
      severity: "MAJOR",
      payload: { tunnelIndex: 2, fromStatus: "UP", statusMessage: "IPSEC IS DOWN", tunnelsUp: 1, tunnelsTotal: 2 },
    });
    const tunnel2 = await prisma.tunnel.findFirstOrThrow({ where: { tenantId: account.tenantId, index: 2 } });
    expect(byTrigger("TUNNEL_DOWN")[0]?.tunnelId).toBe(tunnel2.id);
    expect(byTrigger("REDUNDANCY_LOST")).toHaveLength(1);
    const opened = byTrigger("INCIDENT_OPENED");
    expect(opened.length).toBeGreaterThanOrEqual(1);
    const incidents = await prisma.incident.findMany({ where: { tenantId: account.tenantId, status: "OPEN" } });
    expect(new Set(opened.map((e) => e.incidentId))).toEqual(new Set(incidents.map((i) => i.id)));

    const snapshots = await prisma.postureSnapshot.findMany({
      where: { tenantId: account.tenantId },
      orderBy: { evaluatedAt: "asc" },
    });
    const [first, second] = snapshots.map((s) => s.grade);
    // Losing a tunnel is a worse grade than both up.
    expect("ABCDF".indexOf(second ?? "A")).toBeGreaterThan("ABCDF".indexOf(first ?? "F"));
    expect(byTrigger("GRADE_DROPPED")).toHaveLength(1);
    expect(byTrigger("GRADE_DROPPED")[0]?.payload).toMatchObject({ fromGrade: first, toGrade: second });

    await clear();
    await poll(120, connection("UP", "DOWN"));
    expect((await outbox()).filter((e) => e.trigger === "TUNNEL_DOWN" || e.trigger === "REDUNDANCY_LOST")).toEqual([]);
  });

  it("marks a tunnel down that leaves the connection with no tunnel up as critical", async () => {
    await clear();
    await poll(180, connection("DOWN", "DOWN"));
    const down = (await outbox()).filter((e) => e.trigger === "TUNNEL_DOWN");
    expect(down).toHaveLength(1);
    expect(down[0]).toMatchObject({ severity: "CRITICAL", payload: { tunnelIndex: 1, tunnelsUp: 0 } });
  });

  it("raises incident resolved when the tunnels recover", async () => {
    await clear();
    await poll(240, connection("UP", "UP"));
    const resolved = (await outbox()).filter((e) => e.trigger === "INCIDENT_RESOLVED");
    const redundancy = await prisma.incident.findFirstOrThrow({
      where: { tenantId: account.tenantId, code: "TUNNEL_REDUNDANCY_LOST" },
    });
    expect(redundancy.status).toBe("RESOLVED");
    expect(resolved.map((e) => e.incidentId)).toContain(redundancy.id);
    expect(resolved.find((e) => e.incidentId === redundancy.id)?.payload).toMatchObject({
      code: "TUNNEL_REDUNDANCY_LOST",
      reason: expect.stringContaining("posture check passed"),
    });
  });

  it("raises maintenance announced once, for a connection graded C or worse", async () => {
    await clear();
    const notice: MaintenanceNotice = {
      source: "AWS_TUNNEL_LIFECYCLE",
      externalId: "vpn-0alerts000000001:1",
      connectionExternalId: "vpn-0alerts000000001",
      tunnelIndex: 1,
      title: "Tunnel endpoint update pending",
      status: "UPCOMING",
      startsAt: at(86_400),
    };
    // One tunnel down keeps the grade at C or worse.
    await poll(300, connection("UP", "DOWN"), [notice]);
    const grade = (await prisma.vpnConnection.findFirstOrThrow({ where: { tenantId: account.tenantId } })).grade;
    expect(["C", "D", "F"]).toContain(grade);
    const announced = (await outbox()).filter((e) => e.trigger === "MAINTENANCE_ANNOUNCED");
    expect(announced).toHaveLength(1);
    expect(announced[0]?.payload).toMatchObject({
      title: "Tunnel endpoint update pending",
      tunnelIndex: 1,
      grade,
      startsAt: at(86_400).toISOString(),
    });
    await clear();
    await poll(360, connection("UP", "DOWN"), [notice]);
    expect((await outbox()).filter((e) => e.trigger === "MAINTENANCE_ANNOUNCED")).toEqual([]);
  });
});

describe("alert events from logs", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createMigratedTestDatabase("alert_events_logs");
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("raises incident opened for a fault in the logs, but nothing for one that opened and resolved in the same batch", async () => {
    const tenant = await prisma.tenant.create({ data: { name: "Logs", slug: "logs" } });
    const account = await prisma.cloudAccount.create({
      data: {
        tenantId: tenant.id,
        provider: "AWS",
        name: "p",
        regions: ["us-east-1"],
        credentialsCipher: "x",
        credentialsKeyId: "k1",
      },
    });
    await applyStatusSnapshot(
      prisma,
      { id: account.id, tenantId: tenant.id, tenant: { incidentOpenDelaySec: 0, incidentResolveDelaySec: 0 } },
      {
        fetchedAt: at(0),
        connections: [awsConnection(["UP", "UP"], { externalId: "vpn-logs", name: "logs-dc", region: "us-east-1" })],
        maintenance: [],
        unavailable: {},
      },
    );
    const tunnel = await prisma.tunnel.findFirstOrThrow({ where: { tenantId: tenant.id, index: 1 } });
    const scope = { tenantId: tenant.id, connectionId: tunnel.connectionId, tunnelId: tunnel.id, tunnelIndex: 1 };
    const policy = { openAfterSeconds: 0, openAfterEvents: 1, resolveAfterSeconds: 0 };
    const dpd = (s: number) => ({
      code: "DPD_TIMEOUT" as const,
      severity: "major" as const,
      occurredAt: at(s),
      evidence: "Peer is not responsive",
    });
    const up = (s: number) => ({ code: "TUNNEL_UP" as const, severity: "info" as const, occurredAt: at(s) });
    const opened = () =>
      prisma.alertOutbox.findMany({
        where: { tenantId: tenant.id, trigger: { in: ["INCIDENT_OPENED", "INCIDENT_RESOLVED"] } },
      });

    await prisma.$transaction((tx) => foldBatch(tx, scope, [dpd(10), up(20), up(40)], policy));
    expect(await prisma.incident.count({ where: { tenantId: tenant.id, status: "RESOLVED" } })).toBe(1);
    expect(await opened()).toEqual([]);

    await prisma.$transaction((tx) => foldBatch(tx, scope, [dpd(100)], policy));
    const events = await opened();
    expect(events.map((e) => e.trigger)).toEqual(["INCIDENT_OPENED"]);
    expect(events[0]?.payload).toMatchObject({ code: "DPD_TIMEOUT", evidence: "Peer is not responsive" });
  });

  it("raises customer gateway down once when several connections that end on one gateway go down", async () => {
    const tenant = await prisma.tenant.create({
      data: { name: "Gateway", slug: "gateway", incidentOpenDelaySec: 600, incidentResolveDelaySec: 600 },
    });
    const sites = await statusAccount(prisma, tenant.id, "sites", "us-east-1", 600);
    const site = (n: number, up: boolean, gateway = "198.51.100.80"): FetchedConnection => ({
      ...awsConnection(up ? ["UP", "UP"] : ["DOWN", "DOWN"], {
        externalId: `vpn-gw${n}`,
        name: `site-${n}`,
        region: "us-east-1",
      }),
      customerGatewayIp: gateway,
    });
    const gatewayPoll = (seconds: number, connections: FetchedConnection[]) =>
      applyStatusSnapshot(prisma, sites, { fetchedAt: at(seconds), connections, maintenance: [], unavailable: {} });
    const gatewayEvents = () =>
      prisma.alertOutbox.findMany({ where: { tenantId: tenant.id, trigger: "CUSTOMER_GATEWAY_DOWN" } });

    // Down on the first poll: nothing has changed yet.
    await gatewayPoll(0, [site(1, false), site(2, false), site(3, true), site(4, true, "198.51.100.81")]);
    expect(await gatewayEvents()).toEqual([]);
    await gatewayPoll(60, [site(1, true), site(2, true), site(3, true), site(4, true, "198.51.100.81")]);
    expect(await gatewayEvents()).toEqual([]);
    // One connection down says nothing of the gateway; two of three do.
    await gatewayPoll(120, [site(1, false), site(2, true), site(3, true), site(4, true, "198.51.100.81")]);
    expect(await gatewayEvents()).toEqual([]);
    await gatewayPoll(180, [site(1, false), site(2, false), site(3, true), site(4, true, "198.51.100.81")]);
    const events = await gatewayEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      severity: "CRITICAL",
      connectionId: null,
      payload: { customerGatewayIp: "198.51.100.80", down: 2, connections: 3, providers: "AWS", regions: "us-east-1" },
    });
    expect(events[0]?.payload).toMatchObject({ assessment: expect.stringMatching(/check the gateway first/) });
    // Still down: no second event. Back up, then down again: a new one.
    await gatewayPoll(240, [site(1, false), site(2, false), site(3, false), site(4, true, "198.51.100.81")]);
    expect(await gatewayEvents()).toHaveLength(1);
    await gatewayPoll(300, [site(1, true), site(2, true), site(3, true), site(4, true, "198.51.100.81")]);
    const recovered = () =>
      prisma.alertOutbox.findMany({
        where: { tenantId: tenant.id, trigger: "CUSTOMER_GATEWAY_RECOVERED" },
        orderBy: { createdAt: "asc" },
      });
    const [back] = await recovered();
    expect(back).toMatchObject({
      severity: "CRITICAL",
      connectionId: null,
      payload: {
        customerGatewayIp: "198.51.100.80",
        down: 0,
        connections: 3,
        downSince: events[0]?.createdAt.toISOString(),
      },
    });
    await gatewayPoll(360, [site(1, false), site(2, false), site(3, true), site(4, true, "198.51.100.81")]);
    expect(await gatewayEvents()).toHaveLength(2);
    // One connection left down no longer points at the gateway: its recovery is told, once.
    await gatewayPoll(420, [site(1, false), site(2, true), site(3, true), site(4, true, "198.51.100.81")]);
    await gatewayPoll(480, [site(1, true), site(2, true), site(3, true), site(4, true, "198.51.100.81")]);
    const told = await recovered();
    expect(told).toHaveLength(2);
    expect(told[1]?.payload).toMatchObject({ down: 1, connections: 3 });
  });

  it("tells no recovery for a gateway whose outage raised no alert", async () => {
    const tenant = await prisma.tenant.create({
      data: { name: "Quiet", slug: "quiet-gateway", incidentOpenDelaySec: 600, incidentResolveDelaySec: 600 },
    });
    const sites = await statusAccount(prisma, tenant.id, "sites", "us-east-1", 600);
    const site = (n: number, up: boolean): FetchedConnection => ({
      ...awsConnection(up ? ["UP", "UP"] : ["DOWN", "DOWN"], {
        externalId: `vpn-q${n}`,
        name: `q-${n}`,
        region: "us-east-1",
      }),
      customerGatewayIp: "198.51.100.84",
    });
    const poll = (seconds: number, up: boolean[]) =>
      applyStatusSnapshot(prisma, sites, {
        fetchedAt: at(seconds),
        connections: up.map((u, i) => site(i + 1, u)),
        maintenance: [],
        unavailable: {},
      });
    // Down when first seen: the gateway looks down, but nothing changed to raise its alert.
    await poll(0, [false, false]);
    await poll(60, [true, true]);
    expect(
      await prisma.alertOutbox.count({
        where: { tenantId: tenant.id, trigger: { in: ["CUSTOMER_GATEWAY_DOWN", "CUSTOMER_GATEWAY_RECOVERED"] } },
      }),
    ).toBe(0);
  });

  it("raises customer gateway down once when the accounts whose connections end on it are polled at the same time", async () => {
    const tenant = await prisma.tenant.create({
      data: { name: "Two accounts", slug: "two-accounts", incidentOpenDelaySec: 600, incidentResolveDelaySec: 600 },
    });
    const accounts = await Promise.all(
      ["east", "west"].map((name) => statusAccount(prisma, tenant.id, name, "us-east-1", 600)),
    );
    const site = (account: number, n: number, up: boolean): FetchedConnection => ({
      ...awsConnection(up ? ["UP", "UP"] : ["DOWN", "DOWN"], {
        externalId: `vpn-two${account}${n}`,
        name: `two-${account}-${n}`,
        region: "us-east-1",
      }),
      customerGatewayIp: "198.51.100.82",
    });
    const pollBoth = (seconds: number, up: boolean) =>
      Promise.all(
        accounts.map((account, a) =>
          applyStatusSnapshot(prisma, account, {
            fetchedAt: at(seconds),
            connections: [1, 2].map((n) => site(a, n, up)),
            maintenance: [],
            unavailable: {},
          }),
        ),
      );
    await pollBoth(0, true);
    await pollBoth(60, false);
    const events = await prisma.alertOutbox.findMany({
      where: { tenantId: tenant.id, trigger: "CUSTOMER_GATEWAY_DOWN" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ customerGatewayIp: "198.51.100.82", connections: 4 });
    await pollBoth(120, true);
    expect(
      await prisma.alertOutbox.count({ where: { tenantId: tenant.id, trigger: "CUSTOMER_GATEWAY_RECOVERED" } }),
    ).toBe(1);
  });

  it("raises no customer gateway alert when only connections removed, or an address kept, change the counts", async () => {
    const tenant = await prisma.tenant.create({
      data: { name: "Shrinking", slug: "shrinking", incidentOpenDelaySec: 600, incidentResolveDelaySec: 600 },
    });
    const sites = await statusAccount(prisma, tenant.id, "sites", "us-east-1", 600);
    const site = (n: number, up: boolean, address: string | undefined = "198.51.100.83"): FetchedConnection => ({
      ...awsConnection(up ? ["UP", "UP"] : ["DOWN", "DOWN"], {
        externalId: `vpn-shrink${n}`,
        name: `shrink-${n}`,
        region: "us-east-1",
      }),
      customerGatewayId: "cgw-shrink",
      ...(address ? { customerGatewayIp: address } : {}),
    });
    const poll = (seconds: number, connections: FetchedConnection[]) =>
      applyStatusSnapshot(prisma, sites, { fetchedAt: at(seconds), connections, maintenance: [], unavailable: {} });
    await poll(
      0,
      [1, 2, 3, 4, 5, 6].map((n) => site(n, true)),
    );
    // 2 of 6 down: each connection. Then four connections that were up are removed: 2 of 2.
    await poll(60, [site(1, false), site(2, false), ...[3, 4, 5, 6].map((n) => site(n, true))]);
    await poll(120, [site(1, false), site(2, false)]);
    expect(await prisma.alertOutbox.count({ where: { tenantId: tenant.id, trigger: "CUSTOMER_GATEWAY_DOWN" } })).toBe(
      0,
    );
    // A poll whose customer gateway look-up failed keeps the address the gateway had.
    await poll(180, [site(1, false, undefined), site(2, false, undefined)]);
    const stored = await prisma.vpnConnection.findMany({ where: { tenantId: tenant.id, deletedAt: null } });
    expect(stored.map((c) => c.customerGatewayIp)).toEqual(["198.51.100.83", "198.51.100.83"]);
  });
});
