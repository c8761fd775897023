// Maintenance over a real PostgreSQL: announced events with the connections they touch, the
// risk ranking (in SQL, equal to packages/core's rankMaintenanceRisk), and the what-if counts.
import { rankMaintenanceRisk } from "@tunnelwatch/core";
import {
  type Criticality,
  createPrismaClient,
  disconnectPrisma,
  type Grade,
  type Prisma,
  type PrismaClient,
  type Provider,
} from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiContext } from "../src/context.ts";
import { appRouter } from "../src/routers/_app.ts";
import { createCallerFactory } from "../src/trpc.ts";

const createCaller = createCallerFactory(appRouter);
const DAY = 86_400_000;

describe("maintenance router", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let viewerA: string;
  let ownerB: string;
  let tenantA: string;
  const ids: Record<string, string> = {};
  const now = Date.now();

  async function api(userId: string) {
    return createCaller(
      await createApiContext({ prisma, sessionUserId: userId, authorization: null, tenantHint: null, ip: null }),
    );
  }

  beforeAll(async () => {
    db = await createMigratedTestDatabase("api_maintenance");
    process.env.DATABASE_URL = db.url;
    prisma = createPrismaClient(db.url);
    tenantA = (await prisma.tenant.create({ data: { name: "A", slug: "a" } })).id;
    const tenantB = (await prisma.tenant.create({ data: { name: "B", slug: "b" } })).id;
    viewerA = (await prisma.user.create({ data: { email: "viewer@a.test" } })).id;
    ownerB = (await prisma.user.create({ data: { email: "owner@b.test" } })).id;
    await prisma.membership.create({ data: { tenantId: tenantA, userId: viewerA, role: "VIEWER" } });
    await prisma.membership.create({ data: { tenantId: tenantB, userId: ownerB, role: "OWNER" } });

    const accounts: Record<string, string> = {};
    const account = async (tenantId: string, provider: Provider) => {
      const key = `${tenantId}:${provider}`;
      accounts[key] ??= (
        await prisma.cloudAccount.create({
          data: { tenantId, provider, name: key, credentialsCipher: "x", credentialsKeyId: "k" },
        })
      ).id;
      return accounts[key];
    };
    const connection = async (
      name: string,
      provider: Provider,
      region: string,
      grade: Grade | null,
      downtime: number | null,
      criticality: Criticality = "NORMAL",
      tenantId = tenantA,
    ) => {
      const row = await prisma.vpnConnection.create({
        data: {
          tenantId,
          cloudAccountId: await account(tenantId, provider),
          provider,
          region,
          externalId: `ext-${name}`,
          name,
          state: "available",
          routing: grade === "A" ? "BGP" : "STATIC",
          normalized: {},
          lastSeenAt: new Date(),
          grade,
          expectedDowntimeSec: downtime,
          criticality,
          tunnelsUp: grade === "F" ? 0 : grade === "D" ? 1 : 2,
          tunnelsTotal: grade === "D" ? 1 : 2,
        },
      });
      ids[name] = row.id;
      return row;
    };
    // AWS us-east-1: baseline likelihood 0.25 unless announced.
    await connection("aws-a", "AWS", "us-east-1", "A", 5);
    await connection("aws-b-critical", "AWS", "us-east-1", "B", 30, "CRITICAL");
    await connection("aws-c", "AWS", "us-east-1", "C", 600);
    await connection("aws-d-announced", "AWS", "us-east-1", "D", 3600); // announced in 3 days
    await connection("aws-d-low", "AWS", "eu-west-1", "D", 3600, "LOW");
    await connection("aws-f", "AWS", "eu-west-1", "F", 3600, "HIGH");
    await connection("aws-ungraded", "AWS", "us-east-1", null, null);
    // Alibaba cn-hangzhou: a region-wide O&M event in 20 days.
    await connection("ali-d", "ALIBABA", "cn-hangzhou", "D", 30);
    await connection("ali-c", "ALIBABA", "cn-shanghai", "C", 600);
    // MuleSoft: no windows, baseline 0.5.
    await connection("mule-c", "MULESOFT", "us-east-1", "C", 600, "HIGH");
    const deleted = await connection("aws-deleted", "AWS", "us-east-1", "D", 3600, "CRITICAL");
    await prisma.vpnConnection.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    // The other tenant: a huge risk that must never show in A's ranking.
    await connection("b-d", "AWS", "us-east-1", "D", 3600, "CRITICAL", tenantB);

    const event = (data: Partial<Prisma.MaintenanceEventUncheckedCreateInput> & { externalId: string }) =>
      prisma.maintenanceEvent.create({
        data: {
          tenantId: tenantA,
          provider: "AWS",
          source: "AWS_TUNNEL_LIFECYCLE",
          title: "Tunnel endpoint replacement",
          ...data,
        },
      });
    await event({
      externalId: "ev-direct",
      connectionId: ids["aws-d-announced"],
      tunnelIndex: 1,
      region: "us-east-1",
      startsAt: new Date(now + 3 * DAY),
      autoAppliedAfter: new Date(now + 3 * DAY),
    });
    await event({
      externalId: "ev-region",
      provider: "ALIBABA",
      source: "ALIBABA_OM",
      region: "cn-hangzhou",
      title: "VPN gateway upgrade",
      startsAt: new Date(now + 20 * DAY),
    });
    await event({
      externalId: "ev-done",
      connectionId: ids["aws-c"],
      status: "COMPLETED",
      startsAt: new Date(now - 10 * DAY),
      endsAt: new Date(now - 10 * DAY + 3_600_000),
    });
    await event({ externalId: "ev-undated", connectionId: ids["aws-a"], title: "Health notice: single tunnel" });
    await prisma.maintenanceEvent.create({
      data: {
        tenantId: tenantB,
        provider: "AWS",
        source: "AWS_HEALTH",
        externalId: "ev-b",
        connectionId: ids["b-d"],
        title: "B's event",
        startsAt: new Date(now + DAY),
      },
    });
  });

  afterAll(async () => {
    await disconnectPrisma();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("lists announced events with the connections they touch", async () => {
    const maintenance = (await api(viewerA)).maintenance;
    const active = await maintenance.events({});
    expect(active.items.map((e) => e.externalId)).toEqual(["ev-direct", "ev-region", "ev-undated"]);
    expect(active.items[0]).toMatchObject({
      phase: "scheduled",
      affectedConnections: 1,
      connection: { name: "aws-d-announced", grade: "D", expectedDowntimeSec: 3600 },
      tunnelIndex: 1,
    });
    // Region-wide: every Alibaba connection in cn-hangzhou.
    expect(active.items[1]).toMatchObject({ connection: null, affectedConnections: 1, phase: "scheduled" });
    expect(active.items[2]).toMatchObject({ phase: "announced" });

    const all = await maintenance.events({ status: "all" });
    expect(all.total).toBe(4);
    expect((await maintenance.events({ status: "COMPLETED" })).items.map((e) => e.phase)).toEqual(["completed"]);
    expect((await maintenance.events({ provider: "ALIBABA" })).items.map((e) => e.externalId)).toEqual(["ev-region"]);
    expect((await maintenance.events({ pageSize: 2, page: 2 })).items.map((e) => e.externalId)).toEqual(["ev-undated"]);
    expect((await (await api(ownerB)).maintenance.events({})).items.map((e) => e.externalId)).toEqual(["ev-b"]);
  });

  it("ranks connections by weighted expected downtime, like the core does", async () => {
    const ranking = await (await api(viewerA)).maintenance.atRisk({ pageSize: 200 });
    const names = ranking.items.map((r) => r.name);
    // Ungraded and deleted connections are not ranked; the other tenant's never show.
    expect(ranking.total).toBe(9);
    expect(names).not.toContain("aws-ungraded");
    expect(names).not.toContain("aws-deleted");
    expect(names).not.toContain("b-d");
    expect(names.slice(0, 3)).toEqual([
      "aws-d-announced", // 3600 x 1 (announced in 3 days) x 1
      "aws-f", // 3600 x 0.25 x 2
      "mule-c", // 600 x 0.5 x 2
    ]);
    expect(ranking.items[0]).toMatchObject({
      rank: 1,
      score: 3600,
      likelihood: 1,
      announcedFor: "connection",
      reason: "maintenance announced in 3 days",
    });
    const ali = ranking.items.find((r) => r.name === "ali-d");
    expect(ali).toMatchObject({ likelihood: 0.7, announcedFor: "region", score: 21 });
    expect(ranking.items.find((r) => r.name === "aws-b-critical")).toMatchObject({ score: 30 });

    // The SQL ranking is the core's ranking over the same inputs.
    const rows = await prisma.vpnConnection.findMany({
      where: { tenantId: tenantA, deletedAt: null, grade: { not: null } },
    });
    const announced: Record<string, Date> = {
      [ids["aws-d-announced"] as string]: new Date(now + 3 * DAY),
      [ids["ali-d"] as string]: new Date(now + 20 * DAY),
    };
    const expected = rankMaintenanceRisk(
      rows.map((r) => ({
        id: r.id,
        provider: r.provider.toLowerCase() as "aws",
        grade: r.grade as Grade,
        expectedDowntimeSeconds: r.expectedDowntimeSec as number,
        criticality: r.criticality.toLowerCase() as "normal",
        announcedMaintenanceAt: announced[r.id] ?? null,
      })),
      ranking.evaluatedAt,
    );
    expect(ranking.items.map((r) => [r.id, r.score])).toEqual(expected.map((r) => [r.id, r.score]));

    // Pages continue the same order.
    const page2 = await (await api(viewerA)).maintenance.atRisk({ pageSize: 4, page: 2 });
    expect(page2.items.map((r) => r.id)).toEqual(ranking.items.slice(4, 8).map((r) => r.id));
    expect(page2.items[0]?.rank).toBe(5);
    const onlyAli = await (await api(viewerA)).maintenance.atRisk({ provider: "ALIBABA" });
    expect(onlyAli.items.map((r) => r.name)).toEqual(["ali-c", "ali-d"]);
    expect(onlyAli.total).toBe(2);
  });

  it("answers what breaks if a provider patches now, by grade", async () => {
    const maintenance = (await api(viewerA)).maintenance;
    const aws = await maintenance.whatIf({ provider: "AWS" });
    expect(aws.byGrade.map((g) => [g.grade, g.connections])).toEqual([
      ["A", 1],
      ["B", 1],
      ["C", 1],
      ["D", 2],
      ["F", 1],
      [null, 1],
    ]);
    expect(aws.totals).toMatchObject({
      connections: 7,
      losingConnectivity: 3, // C (10 min) and both D (60 min)
      briefFailover: 2, // A and B
      alreadyDown: 1,
      critical: 2, // aws-b-critical and aws-f (high)
      longestDowntimeSec: 3600,
      connectionDowntimeSec: 5 + 30 + 600 + 3600 + 3600,
    });
    expect(aws.worst.map((c) => c.name)).toEqual(["aws-d-announced", "aws-d-low", "aws-c"]);

    const east = await maintenance.whatIf({ provider: "AWS", region: "us-east-1" });
    expect(east.totals).toMatchObject({ connections: 5, losingConnectivity: 2, alreadyDown: 0 });
    const ali = await maintenance.whatIf({ provider: "ALIBABA", region: "cn-hangzhou" });
    // Alibaba's gateway fails over inside itself: 30 s is a blip, not a loss.
    expect(ali.totals).toMatchObject({ connections: 1, losingConnectivity: 0, briefFailover: 1 });
    const nowhere = await maintenance.whatIf({ provider: "AWS", region: "ap-south-2" });
    expect(nowhere.totals.connections).toBe(0);
    // The other tenant counts only its own.
    expect((await (await api(ownerB)).maintenance.whatIf({ provider: "AWS" })).totals.connections).toBe(1);

    const scopes = await maintenance.scopes();
    expect(scopes).toContainEqual({ provider: "AWS", region: "us-east-1", connections: 5 });
    expect(scopes.some((s) => s.connections === 0)).toBe(false);
  });
});
