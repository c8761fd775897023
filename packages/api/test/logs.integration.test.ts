// Log search over a real PostgreSQL: filters, time bounds, paging (page and cursor), the capped
// count, and tenant isolation.
import { createPrismaClient, disconnectPrisma, type PrismaClient } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiContext } from "../src/context.ts";
import { appRouter } from "../src/routers/_app.ts";
import { createCallerFactory } from "../src/trpc.ts";

const createCaller = createCallerFactory(appRouter);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("logs router", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let viewerA: string;
  let ownerB: string;
  let connA1: string;
  let connA2: string;
  let tunnelA1: string;
  const now = Date.now();

  async function api(userId: string) {
    return createCaller(
      await createApiContext({ prisma, sessionUserId: userId, authorization: null, tenantHint: null, ip: null }),
    );
  }

  beforeAll(async () => {
    db = await createMigratedTestDatabase("api_logs");
    process.env.DATABASE_URL = db.url;
    prisma = createPrismaClient(db.url);
    const tenantA = (await prisma.tenant.create({ data: { name: "A", slug: "a" } })).id;
    const tenantB = (await prisma.tenant.create({ data: { name: "B", slug: "b" } })).id;
    viewerA = (await prisma.user.create({ data: { email: "viewer@a.test" } })).id;
    ownerB = (await prisma.user.create({ data: { email: "owner@b.test" } })).id;
    await prisma.membership.create({ data: { tenantId: tenantA, userId: viewerA, role: "VIEWER" } });
    await prisma.membership.create({ data: { tenantId: tenantB, userId: ownerB, role: "OWNER" } });

    const connection = async (tenantId: string, name: string) => {
      const account = await prisma.cloudAccount.create({
        data: { tenantId, provider: "AWS", name, credentialsCipher: "x", credentialsKeyId: "k" },
      });
      return prisma.vpnConnection.create({
        data: {
          tenantId,
          cloudAccountId: account.id,
          provider: "AWS",
          region: "us-east-1",
          externalId: `vpn-${name}`,
          name,
          state: "available",
          routing: "BGP",
          normalized: {},
          lastSeenAt: new Date(),
        },
      });
    };
    const a1 = await connection(tenantA, "dc1-aws");
    const a2 = await connection(tenantA, "dc2-aws");
    const b1 = await connection(tenantB, "b-aws");
    connA1 = a1.id;
    connA2 = a2.id;
    tunnelA1 = (await prisma.tunnel.create({ data: { tenantId: tenantA, connectionId: a1.id, index: 2 } })).id;

    let n = 0;
    const event = (tenantId: string, connectionId: string, ago: number, code: string, raw: string, extra = {}) => {
      n += 1;
      return {
        tenantId,
        connectionId,
        source: "PROVIDER" as const,
        stream: "cw",
        occurredAt: new Date(now - ago),
        raw,
        parsed: { n },
        vendor: "aws",
        code,
        severity: code === "INFO" ? ("INFO" as const) : ("MAJOR" as const),
        confidence: 1,
        evidence: code === "INFO" ? null : code,
        fingerprint: `fp-${n}`,
        ...extra,
      };
    };
    await prisma.tunnelLogEvent.createMany({
      data: [
        event(tenantA, connA1, 1 * HOUR, "DPD_TIMEOUT", "Peer is not responsive - Declaring peer dead", {
          tunnelId: tunnelA1,
          phase: "1",
          rule: "dpd.peer-dead",
        }),
        event(tenantA, connA1, 2 * HOUR, "INFO", "IKE_SA established 100%_sure"),
        event(tenantA, connA2, 3 * HOUR, "PEER_UNREACHABLE", "retransmit 5 of request, giving up", {
          source: "CUSTOMER_GATEWAY",
          vendor: "strongswan",
        }),
        event(tenantA, connA2, 3 * DAY, "DPD_TIMEOUT", "old peer dead line"),
        event(tenantA, connA1, 40 * DAY, "DPD_TIMEOUT", "ancient peer dead line"),
        // The other tenant: same codes, same words, same times.
        event(tenantB, b1.id, 1 * HOUR, "DPD_TIMEOUT", "Peer is not responsive - Declaring peer dead (B)"),
        event(tenantB, b1.id, 2 * HOUR, "INFO", "IKE_SA established (B)"),
      ],
    });
    // A burst for paging: 30 INFO lines a minute apart, 10 to 40 minutes ago.
    await prisma.tunnelLogEvent.createMany({
      data: Array.from({ length: 30 }, (_, i) => event(tenantA, connA2, (10 + i) * MIN, "INFO", `keepalive ${i}`)),
    });
  });

  afterAll(async () => {
    await disconnectPrisma();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("searches the last 24 hours by default, newest first, with connection and tunnel", async () => {
    const result = await (await api(viewerA)).logs.search({ pageSize: 200 });
    expect(result.total).toBe(33);
    expect(result.totalIsExact).toBe(true);
    const times = result.items.map((i) => i.occurredAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(result.items.every((i) => !i.raw.includes("(B)"))).toBe(true);
    const dpd = result.items.find((i) => i.code === "DPD_TIMEOUT");
    expect(dpd).toMatchObject({
      raw: "Peer is not responsive - Declaring peer dead",
      severity: "MAJOR",
      phase: "1",
      vendor: "aws",
      evidence: "DPD_TIMEOUT",
      rule: "dpd.peer-dead",
      connection: { id: connA1, name: "dc1-aws" },
      tunnel: { index: 2 },
    });
    expect(typeof dpd?.id).toBe("string");
    expect(dpd?.parsed).toMatchObject({ n: 1 });
  });

  it("filters by code, severity, connection, tunnel, vendor, source and text", async () => {
    const logs = (await api(viewerA)).logs;
    expect((await logs.search({ codes: ["dpd_timeout"] })).items.map((i) => i.raw)).toEqual([
      "Peer is not responsive - Declaring peer dead",
    ]);
    expect((await logs.search({ codes: ["DPD_TIMEOUT", "PEER_UNREACHABLE"] })).total).toBe(2);
    expect((await logs.search({ severities: ["MAJOR"] })).total).toBe(2);
    expect((await logs.search({ connectionId: connA1 })).total).toBe(2);
    expect((await logs.search({ tunnelId: tunnelA1 })).total).toBe(1);
    expect((await logs.search({ vendor: "strongswan" })).items.map((i) => i.code)).toEqual(["PEER_UNREACHABLE"]);
    expect((await logs.search({ source: "CUSTOMER_GATEWAY" })).total).toBe(1);
    expect((await logs.search({ text: "DECLARING PEER" })).items.map((i) => i.connection?.name)).toEqual(["dc1-aws"]);
    // LIKE wildcards in the text are matched literally.
    expect((await logs.search({ text: "100%_sure" })).total).toBe(1);
    expect((await logs.search({ text: "100%" })).total).toBe(1);
    expect((await logs.search({ text: "e%t" })).total).toBe(0);
    // Text searches are not counted: the total is what the pages have shown, exact on the last page.
    const firstPage = await logs.search({ text: "KEEPALIVE", pageSize: 10 });
    expect([firstPage.total, firstPage.totalIsExact, firstPage.items.length]).toEqual([10, false, 10]);
    const lastPage = await logs.search({ text: "keepalive", pageSize: 10, page: 3 });
    expect([lastPage.total, lastPage.totalIsExact]).toEqual([30, true]);
    // Another tenant's connection id finds nothing, as an unknown id would.
    const other = await prisma.vpnConnection.findFirstOrThrow({ where: { name: "b-aws" } });
    expect((await logs.search({ connectionId: other.id })).total).toBe(0);
  });

  it("bounds the time range: explicit windows, at most 31 days", async () => {
    const logs = (await api(viewerA)).logs;
    const week = await logs.search({ from: new Date(now - 7 * DAY), to: new Date(now) });
    expect(week.total).toBe(34);
    expect(week.items.some((i) => i.raw === "old peer dead line")).toBe(true);
    expect(week.items.some((i) => i.raw === "ancient peer dead line")).toBe(false);
    // Only a start: the window runs from it for at most 31 days.
    const fromOnly = await logs.search({ from: new Date(now - 45 * DAY), codes: ["DPD_TIMEOUT"] });
    expect(fromOnly.items.map((i) => i.raw)).toEqual(["ancient peer dead line"]);
    expect(fromOnly.to.getTime() - fromOnly.from.getTime()).toBe(31 * DAY);
    await expect(logs.search({ from: new Date(now - 32 * DAY), to: new Date(now) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("31 days"),
    });
    await expect(logs.search({ from: new Date(now), to: new Date(now - HOUR) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(logs.search({ pageSize: 201 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("pages by number and by cursor, with the same order", async () => {
    const logs = (await api(viewerA)).logs;
    const all = await logs.search({ pageSize: 200 });
    const page2 = await logs.search({ pageSize: 10, page: 2 });
    expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(10, 20).map((i) => i.id));
    expect(page2.total).toBe(33);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = await logs.search({ pageSize: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
    await expect(logs.search({ cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("never shows another tenant's events", async () => {
    const b = await (await api(ownerB)).logs.search({ pageSize: 200, from: new Date(now - 31 * DAY) });
    expect(b.items.map((i) => i.raw).sort()).toEqual([
      "IKE_SA established (B)",
      "Peer is not responsive - Declaring peer dead (B)",
    ]);
    const optionsB = await (await api(ownerB)).logs.connectionOptions({ q: "" });
    expect(optionsB.map((o) => o.name)).toEqual(["b-aws"]);
    const optionsA = await (await api(viewerA)).logs.connectionOptions({ q: "DC2", ids: [connA1] });
    expect(optionsA.map((o) => o.name)).toEqual(["dc1-aws", "dc2-aws"]);
    // Naming the other tenant's connection adds nothing.
    const other = await prisma.vpnConnection.findFirstOrThrow({ where: { name: "b-aws" } });
    expect((await (await api(viewerA)).logs.connectionOptions({ q: "zzz", ids: [other.id] })).length).toBe(0);
  });
});
