// Incidents over a real PostgreSQL: list filters, detail (evidence, playbook, timeline), the
// operator actions with their activities and audit rows, role refusals, and tenant isolation.
import { createApiToken, createPrismaClient, disconnectPrisma, type PrismaClient, type Role } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiContext } from "../src/context.ts";
import { appRouter } from "../src/routers/_app.ts";
import { createCallerFactory } from "../src/trpc.ts";

const createCaller = createCallerFactory(appRouter);
const MIN = 60_000;

describe("incidents router", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  const users: Partial<Record<Role | "OTHER", string>> = {};
  let tenantA: string;
  let tenantB: string;
  let connectionA: string;
  let tunnelA: string;
  let dpd: string; // open DPD_TIMEOUT incident on tunnel 1 of connection A
  let peer: string; // acknowledged PEER_UNREACHABLE incident
  let old: string; // resolved incident
  let incidentB: string; // the other tenant's
  let writeToken: string;
  let readToken: string;
  const t0 = new Date(Date.now() - 120 * MIN);

  async function api(who: Role | "OTHER" | { token: string }) {
    const ctx = await createApiContext({
      prisma,
      sessionUserId: typeof who === "string" ? (users[who] ?? null) : null,
      authorization: typeof who === "string" ? null : `Bearer ${who.token}`,
      tenantHint: null,
      ip: "127.0.0.1",
    });
    return createCaller(ctx);
  }

  beforeAll(async () => {
    db = await createMigratedTestDatabase("api_incidents");
    process.env.DATABASE_URL = db.url;
    prisma = createPrismaClient(db.url);
    tenantA = (await prisma.tenant.create({ data: { name: "A", slug: "a" } })).id;
    tenantB = (await prisma.tenant.create({ data: { name: "B", slug: "b" } })).id;
    for (const role of ["OWNER", "OPERATOR", "VIEWER"] as const) {
      const user = await prisma.user.create({ data: { email: `${role.toLowerCase()}@a.test`, name: `${role} of A` } });
      await prisma.membership.create({ data: { tenantId: tenantA, userId: user.id, role } });
      users[role] = user.id;
    }
    const other = await prisma.user.create({ data: { email: "owner@b.test", name: "Owner of B" } });
    await prisma.membership.create({ data: { tenantId: tenantB, userId: other.id, role: "OWNER" } });
    users.OTHER = other.id;

    const fleet = async (tenantId: string, name: string) => {
      const account = await prisma.cloudAccount.create({
        data: { tenantId, provider: "AWS", name: `${name} account`, credentialsCipher: "x", credentialsKeyId: "k" },
      });
      const connection = await prisma.vpnConnection.create({
        data: {
          tenantId,
          cloudAccountId: account.id,
          provider: "AWS",
          region: "eu-west-1",
          externalId: `vpn-${name}`,
          name,
          state: "available",
          routing: "BGP",
          normalized: { customerGateway: { vendor: "juniper-srx" } },
          lastSeenAt: new Date(),
        },
      });
      const tunnel = await prisma.tunnel.create({ data: { tenantId, connectionId: connection.id, index: 1 } });
      return { account, connection, tunnel };
    };
    const a = await fleet(tenantA, "hq-primary");
    const b = await fleet(tenantB, "b-conn");
    connectionA = a.connection.id;
    tunnelA = a.tunnel.id;

    const incident = (tenantId: string, connectionId: string, tunnelId: string | null, data: object) =>
      prisma.incident.create({
        data: {
          tenantId,
          connectionId,
          tunnelId,
          kind: "LOG_FAULT",
          code: "DPD_TIMEOUT",
          severity: "MAJOR",
          title: "DPD timeout on tunnel 1",
          firstEventAt: t0,
          lastEventAt: new Date(t0.getTime() + 10 * MIN),
          openedAt: new Date(t0.getTime() + MIN),
          activeKey: `${tunnelId ?? connectionId}:DPD_TIMEOUT`,
          ...data,
        },
      });
    dpd = (await incident(tenantA, connectionA, tunnelA, {})).id;
    peer = (
      await incident(tenantA, connectionA, null, {
        code: "PEER_UNREACHABLE",
        severity: "CRITICAL",
        title: "Peer unreachable",
        status: "ACKNOWLEDGED",
        activeKey: `${connectionA}:PEER_UNREACHABLE`,
        openedAt: new Date(t0.getTime() + 5 * MIN),
      })
    ).id;
    old = (
      await incident(tenantA, connectionA, tunnelA, {
        code: "IKE_AUTH_FAILURE",
        severity: "CRITICAL",
        title: "IKE authentication failure",
        status: "RESOLVED",
        activeKey: null,
        resolvedAt: new Date(t0.getTime() + 30 * MIN),
        resolvedReason: "tunnel up",
      })
    ).id;
    await incident(tenantA, connectionA, tunnelA, {
      code: "REKEY_FAILURE",
      title: "Rekey failure (pending)",
      status: "PENDING",
      activeKey: `${tunnelA}:REKEY_FAILURE`,
    });
    incidentB = (await incident(tenantB, b.connection.id, b.tunnel.id, {})).id;

    // Evidence: DPD lines of tunnel 1 inside the incident's span, and noise around it.
    const line = (n: number, code: string, at: Date, tunnelId: string | null = tunnelA) => ({
      tenantId: tenantA,
      connectionId: connectionA,
      tunnelId,
      source: "CUSTOMER_GATEWAY" as const,
      stream: "srx",
      occurredAt: at,
      raw: `kmd[1]: line ${n} ${code}`,
      vendor: "juniper",
      code,
      severity: "MAJOR" as const,
      confidence: 0.9,
      fingerprint: `fp-${n}`,
    });
    await prisma.tunnelLogEvent.createMany({
      data: [
        line(1, "DPD_TIMEOUT", new Date(t0.getTime() + MIN)),
        line(2, "DPD_TIMEOUT", new Date(t0.getTime() + 2 * MIN)),
        line(3, "INFO", new Date(t0.getTime() + 3 * MIN)),
        line(4, "DPD_TIMEOUT", new Date(t0.getTime() + 60 * MIN)), // after the incident's last event
      ],
    });

    writeToken = (await createApiToken(prisma, { tenantId: tenantA, name: "chatops", scopes: ["read", "write"] }))
      .token;
    readToken = (await createApiToken(prisma, { tenantId: tenantA, name: "cmdb", scopes: ["read"] })).token;
  });

  afterAll(async () => {
    await disconnectPrisma();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("lists active incidents newest first by default, and filters in SQL", async () => {
    const viewer = await api("VIEWER");
    const active = await viewer.incidents.list({});
    expect(active.items.map((i) => i.id)).toEqual([peer, dpd]);
    expect(active.total).toBe(2);
    expect(active.items[1]).toMatchObject({ connection: { name: "hq-primary" }, tunnel: { index: 1 } });

    const all = await viewer.incidents.list({ status: "all" });
    expect(all.total).toBe(4);
    expect((await viewer.incidents.list({ status: "RESOLVED" })).items.map((i) => i.id)).toEqual([old]);
    expect((await viewer.incidents.list({ status: "all", code: "peer_unreachable" })).items.map((i) => i.id)).toEqual([
      peer,
    ]);
    expect((await viewer.incidents.list({ status: "all", severity: "CRITICAL" })).total).toBe(2);
    expect((await viewer.incidents.list({ status: "all", q: "AUTHENTICATION" })).items.map((i) => i.id)).toEqual([old]);
    expect(
      (await viewer.incidents.list({ status: "all", from: new Date(t0.getTime() + 4 * MIN) })).items.map((i) => i.id),
    ).toEqual([peer]);
    const paged = await viewer.incidents.list({ status: "all", pageSize: 3, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(4);
    expect((await viewer.incidents.list({ status: "RESOLVED" })).items[0]?.timeToRecoverSec).toBe(30 * 60);
  });

  it("shows an incident with its evidence, playbook for its provider and gateway, and timeline", async () => {
    const detail = await (await api("VIEWER")).incidents.detail({ incidentId: dpd });
    expect(detail.incident).toMatchObject({ id: dpd, code: "DPD_TIMEOUT", status: "OPEN", timeToRecoverSec: null });
    expect(detail.connection).toMatchObject({ id: connectionA, name: "hq-primary", provider: "AWS" });
    expect(detail.tunnel).toMatchObject({ id: tunnelA, index: 1 });
    // Only DPD lines of the tunnel inside the incident's span, oldest first.
    expect(detail.evidence.map((e) => e.raw)).toEqual(["kmd[1]: line 1 DPD_TIMEOUT", "kmd[1]: line 2 DPD_TIMEOUT"]);
    expect(detail.playbook?.code).toBe("DPD_TIMEOUT");
    expect(detail.playbook?.gatewayVendor).toBe("juniper-srx");
    const variants = new Set(detail.playbook?.steps.map((s) => s.variant ?? "general"));
    expect(variants.has("aws")).toBe(true);
    expect(variants.has("alibaba")).toBe(false);
    expect(detail.canAct).toBe(false);
    expect(detail.playbook?.steps.every((s) => s.appliedAt === null)).toBe(true);
  });

  it("refuses a viewer and a read-only token every operator action, with FORBIDDEN", async () => {
    for (const caller of [await api("VIEWER"), await api({ token: readToken })]) {
      await expect(caller.incidents.acknowledge({ incidentId: dpd })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.incidents.comment({ incidentId: dpd, body: "hi" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        caller.incidents.recordRemediation({ incidentId: dpd, stepId: "DPD_TIMEOUT/general/1" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.incidents.resolve({ incidentId: dpd, reason: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await prisma.incidentActivity.count({ where: { incidentId: dpd } })).toBe(0);
  });

  it("gives another tenant's incident the same NOT_FOUND as an unknown id", async () => {
    const owner = await api("OWNER");
    for (const incidentId of [incidentB, "does-not-exist"]) {
      const errors = await Promise.all(
        [
          owner.incidents.detail({ incidentId }),
          owner.incidents.acknowledge({ incidentId }),
          owner.incidents.comment({ incidentId, body: "mine now" }),
          owner.incidents.recordRemediation({ incidentId, stepId: "DPD_TIMEOUT/general/1" }),
          owner.incidents.resolve({ incidentId, reason: "mine now" }),
        ].map((p) => p.then(() => null).catch((e: unknown) => e as { code: string; message: string })),
      );
      for (const error of errors) {
        expect(error).toMatchObject({
          code: "NOT_FOUND",
          message: "Incident not found. It may belong to another organisation.",
        });
      }
    }
    const untouched = await prisma.incident.findUniqueOrThrow({ where: { id: incidentB } });
    expect(untouched.status).toBe("OPEN");
    expect(await prisma.incidentActivity.count({ where: { incidentId: incidentB } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { targetId: incidentB } })).toBe(0);
    // Another tenant's incidents never show in the list either.
    expect((await owner.incidents.list({ status: "all" })).items.some((i) => i.id === incidentB)).toBe(false);
  });

  it("acknowledges, comments, records a remediation and resolves, with activities and audit rows", async () => {
    const operator = await api("OPERATOR");
    const ack = await operator.incidents.acknowledge({ incidentId: dpd });
    expect(ack.status).toBe("ACKNOWLEDGED");
    await expect(operator.incidents.acknowledge({ incidentId: dpd })).rejects.toMatchObject({ code: "CONFLICT" });

    await operator.incidents.comment({ incidentId: dpd, body: "  Peer team checking IDP rate limits  " });
    await expect(operator.incidents.comment({ incidentId: dpd, body: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(operator.incidents.comment({ incidentId: dpd, body: "x".repeat(5001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const detailBefore = await operator.incidents.detail({ incidentId: dpd });
    const step =
      detailBefore.playbook?.steps.find((s) => s.variant === "juniper-srx") ?? detailBefore.playbook?.steps[0];
    expect(step).toBeDefined();
    await operator.incidents.recordRemediation({
      incidentId: dpd,
      stepId: step?.id ?? "",
      note: "set dpd interval 10",
    });
    await expect(
      operator.incidents.recordRemediation({ incidentId: dpd, stepId: "IKE_AUTH_FAILURE/general/1" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not a step of the DPD_TIMEOUT playbook"),
    });

    const resolved = await operator.incidents.resolve({ incidentId: dpd, reason: "DPD interval fixed on the SRX" });
    expect(resolved.status).toBe("RESOLVED");
    await expect(operator.incidents.resolve({ incidentId: dpd, reason: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already resolved"),
    });
    await expect(operator.incidents.acknowledge({ incidentId: dpd })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already resolved"),
    });

    const row = await prisma.incident.findUniqueOrThrow({ where: { id: dpd } });
    expect(row).toMatchObject({
      status: "RESOLVED",
      activeKey: null,
      resolvedReason: "DPD interval fixed on the SRX",
      acknowledgedById: users.OPERATOR,
    });

    const detail = await operator.incidents.detail({ incidentId: dpd });
    expect(detail.canAct).toBe(true);
    expect(detail.timeline.map((a) => [a.kind, a.actor.name, a.body])).toEqual([
      ["ACKNOWLEDGED", "OPERATOR of A", null],
      ["COMMENT", "OPERATOR of A", "Peer team checking IDP rate limits"],
      ["REMEDIATION", "OPERATOR of A", "set dpd interval 10"],
      ["RESOLVED", "OPERATOR of A", "DPD interval fixed on the SRX"],
    ]);
    expect(detail.timeline[2]?.playbookStep).toBe(step?.id);
    expect(detail.playbook?.steps.find((s) => s.id === step?.id)?.appliedAt).toBeInstanceOf(Date);
    expect(detail.incident.timeToRecoverSec).toBeGreaterThan(100 * 60);

    const audits = await prisma.auditLog.findMany({
      where: { tenantId: tenantA, targetId: dpd },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "incident.acknowledge",
      "incident.comment",
      "incident.remediate",
      "incident.resolve",
    ]);
    expect(audits.every((a) => a.actorUserId === users.OPERATOR && a.targetType === "Incident")).toBe(true);
    expect(audits[2]?.details).toMatchObject({ step: step?.id });
  });

  it("times acknowledgement from when an incident could be known: its opening, or when a backlog of logs was read", async () => {
    const now = Date.now();
    const backlog = await prisma.incident.create({
      data: {
        tenantId: tenantA,
        connectionId: connectionA,
        tunnelId: null,
        kind: "LOG_FAULT",
        code: "IDLE_TIMEOUT",
        severity: "MINOR",
        title: "Idle timeout",
        status: "ACKNOWLEDGED",
        firstEventAt: new Date(now - 120 * MIN),
        lastEventAt: new Date(now - 119 * MIN),
        // Opened two hours ago on the events' clock, stored five minutes ago when the logs were read.
        openedAt: new Date(now - 119 * MIN),
        createdAt: new Date(now - 5 * MIN),
        acknowledgedAt: new Date(now - 2 * MIN),
      },
    });
    const viewer = await api("VIEWER");
    expect((await viewer.incidents.detail({ incidentId: backlog.id })).incident.timeToAcknowledgeSec).toBe(180);
    // Read as it happened: from its opening.
    await prisma.incident.update({ where: { id: backlog.id }, data: { createdAt: new Date(now - 121 * MIN) } });
    expect((await viewer.incidents.detail({ incidentId: backlog.id })).incident.timeToAcknowledgeSec).toBe(117 * 60);
    await prisma.incident.delete({ where: { id: backlog.id } });
  });

  it("records a write token's actions with no person and the token's name", async () => {
    const token = await api({ token: writeToken });
    await token.incidents.comment({ incidentId: peer, body: "ticket INC-42 opened" });
    await token.incidents.resolve({ incidentId: peer, reason: "closed from the ticket" });
    const detail = await (await api("VIEWER")).incidents.detail({ incidentId: peer });
    expect(detail.timeline.map((a) => [a.kind, a.actor.kind, a.body])).toEqual([
      ["COMMENT", "token", "ticket INC-42 opened"],
      ["RESOLVED", "token", "closed from the ticket"],
    ]);
    expect(detail.timeline[0]?.actor.name).toMatch(/^API token chatops/);
    const audits = await prisma.auditLog.findMany({ where: { targetId: peer }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorUserId, a.actorTokenId !== null])).toEqual([
      ["incident.comment", null, true],
      ["incident.resolve", null, true],
    ]);
    const activities = await prisma.incidentActivity.findMany({ where: { incidentId: peer } });
    expect(activities.every((a) => a.actorUserId === null && a.body?.startsWith("[API token: chatops"))).toBe(true);
  });

  it("computes mean time to recover per code and per connection", async () => {
    const mttr = await (await api("VIEWER")).incidents.mttr({ from: new Date(t0.getTime() - MIN) });
    // Resolved: IKE_AUTH_FAILURE (30 min), DPD_TIMEOUT and PEER_UNREACHABLE (resolved just now).
    expect(mttr.overall.resolved).toBe(3);
    expect(mttr.byCode.map((c) => c.code).sort()).toEqual(["DPD_TIMEOUT", "IKE_AUTH_FAILURE", "PEER_UNREACHABLE"]);
    expect(mttr.byCode.find((c) => c.code === "IKE_AUTH_FAILURE")?.meanSec).toBe(1800);
    expect(mttr.byConnection).toEqual([
      expect.objectContaining({ connectionId: connectionA, connectionName: "hq-primary", resolved: 3 }),
    ]);
    const none = await (await api("OTHER")).incidents.mttr({ from: new Date(t0.getTime() - MIN) });
    expect(none.overall.resolved).toBe(0);
    expect(none.byCode).toEqual([]);
    await expect(
      (await api("VIEWER")).incidents.mttr({ from: new Date(), to: new Date(Date.now() - MIN) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
