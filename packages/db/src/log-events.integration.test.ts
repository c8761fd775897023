import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { insertLogEvents, type LogEventRow } from "./log-events.ts";
import { createMigratedTestDatabase, type TestDatabase } from "./testing.ts";

describe("insertLogEvents", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let tenantId: string;
  beforeAll(async () => {
    db = await createMigratedTestDatabase("logevents");
    prisma = createPrismaClient(db.url);
    tenantId = (await prisma.tenant.create({ data: { name: "T", slug: "t" } })).id;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  const insert = (rows: LogEventRow[]) => prisma.$transaction((tx) => insertLogEvents(tx, rows));

  const row = (n: number): LogEventRow => ({
    tenantId,
    cloudAccountId: null,
    connectionId: null,
    tunnelId: null,
    source: "CUSTOMER_GATEWAY",
    stream: "cgw:dc1",
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    raw: `line ${n} with 'quotes' and "json" {}`,
    parsed: { n, nested: { ok: true } },
    vendor: "strongswan",
    code: n % 2 ? "DPD_TIMEOUT" : "INFO",
    severity: n % 2 ? "MAJOR" : "INFO",
    phase: n % 2 ? "1" : null,
    confidence: 0.9,
    evidence: n % 2 ? "DPD" : null,
    rule: n % 2 ? "dpd.peer-dead" : null,
    fingerprint: `fp-${n}`,
  });

  it("inserts new rows once and reports only the new ones", async () => {
    const first = await insert([row(1), row(2), row(3)]);
    expect([...first].sort()).toEqual(["fp-1", "fp-2", "fp-3"]);
    const again = await insert([row(2), row(3), row(4)]);
    expect([...again]).toEqual(["fp-4"]);
    expect(await prisma.tunnelLogEvent.count()).toBe(4);
    const stored = await prisma.tunnelLogEvent.findFirstOrThrow({ where: { fingerprint: "fp-1" } });
    expect(stored).toMatchObject({
      raw: `line 1 with 'quotes' and "json" {}`,
      parsed: { n: 1, nested: { ok: true } },
      severity: "MAJOR",
    });
  });

  it("stores NUL and half surrogate pairs, which PostgreSQL cannot hold, as U+FFFD", async () => {
    const binary = { ...row(20), raw: "bad\u0000line", parsed: { message: "bad\u0000line" }, fingerprint: "fp-20" };
    // A backslash and "u0000" written out in a line are text, not a NUL.
    const written = { ...row(21), raw: String.raw`escaped \u0000 text \\u0000`, fingerprint: "fp-21" };
    const halfPair = { ...row(22), raw: "cut \ud83d pair, whole \ud83d\ude00 pair", fingerprint: "fp-22" };
    const inserted = await insert([binary, written, halfPair]);
    expect([...inserted].sort()).toEqual(["fp-20", "fp-21", "fp-22"]);
    const stored = await prisma.tunnelLogEvent.findMany({
      where: { fingerprint: { in: ["fp-20", "fp-21", "fp-22"] } },
      orderBy: { fingerprint: "asc" },
    });
    expect(stored.map((s) => s.raw)).toEqual([
      "bad\ufffdline",
      String.raw`escaped \u0000 text \\u0000`,
      "cut \ufffd pair, whole \ud83d\ude00 pair",
    ]);
    expect(stored[0]?.parsed).toEqual({ message: "bad\ufffdline" });
  });

  it("keeps each row's own stream and source when one batch mixes them", async () => {
    const other = { ...row(10), stream: "cgw:dc2", fingerprint: "fp-10" };
    const provider = { ...row(11), stream: "vpn-1_1.2.3.4", source: "PROVIDER" as const, fingerprint: "fp-11" };
    const inserted = await insert([row(9), other, provider]);
    expect([...inserted].sort()).toEqual(["fp-10", "fp-11", "fp-9"]);
    const stored = await prisma.tunnelLogEvent.findMany({
      where: { fingerprint: { in: ["fp-9", "fp-10", "fp-11"] } },
      select: { fingerprint: true, stream: true, source: true, occurredAt: true },
      orderBy: { fingerprint: "asc" },
    });
    expect(stored).toEqual([
      { fingerprint: "fp-10", stream: "cgw:dc2", source: "CUSTOMER_GATEWAY", occurredAt: row(10).occurredAt },
      { fingerprint: "fp-11", stream: "vpn-1_1.2.3.4", source: "PROVIDER", occurredAt: row(11).occurredAt },
      { fingerprint: "fp-9", stream: "cgw:dc1", source: "CUSTOMER_GATEWAY", occurredAt: row(9).occurredAt },
    ]);
  });

  it("inside a Prisma transaction, commits and rolls back with it", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        expect([...(await insertLogEvents(tx, [row(30)]))]).toEqual(["fp-30"]);
        // The transaction's own reads see the row: it went over the same connection.
        expect(await tx.tunnelLogEvent.count({ where: { fingerprint: "fp-30" } })).toBe(1);
        throw new Error("fold failed");
      }),
    ).rejects.toThrow("fold failed");
    expect(await prisma.tunnelLogEvent.count({ where: { fingerprint: "fp-30" } })).toBe(0);

    await prisma.$transaction(async (tx) => {
      await insertLogEvents(tx, [row(31)]);
    });
    expect(await prisma.tunnelLogEvent.count({ where: { fingerprint: "fp-31" } })).toBe(1);
  });

  it("refuses a client that is not a transaction", async () => {
    await expect(insertLogEvents(prisma, [row(32)])).rejects.toThrow("takes a Prisma transaction");
    expect(await prisma.tunnelLogEvent.count({ where: { fingerprint: "fp-32" } })).toBe(0);
  });

  it("stores tabs, newlines, backslashes and NULLs exactly, and skips duplicates within one page", async () => {
    const odd = {
      ...row(40),
      raw: "a\ttab\tb\nnew line\r\\N back\\slash \\. end",
      stream: "cgw:dc\t1",
      evidence: "line\nbreak",
      rule: "benign.rekey-ok",
      parsed: { message: "x\ty\\z" },
      fingerprint: "fp-40",
    };
    const twice = { ...row(41), fingerprint: "fp-41" };
    const inserted = await insert([odd, twice, { ...twice }, row(1)]);
    expect([...inserted].sort()).toEqual(["fp-40", "fp-41"]);
    const stored = await prisma.tunnelLogEvent.findFirstOrThrow({ where: { fingerprint: "fp-40" } });
    expect(stored).toMatchObject({
      raw: odd.raw,
      stream: odd.stream,
      evidence: odd.evidence,
      rule: odd.rule,
      parsed: odd.parsed,
      phase: null,
      cloudAccountId: null,
      occurredAt: odd.occurredAt,
      confidence: 0.9,
    });
    expect(await prisma.tunnelLogEvent.count({ where: { fingerprint: "fp-41" } })).toBe(1);
  });
});
