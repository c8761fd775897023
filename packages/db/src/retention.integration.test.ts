import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { purgeExpiredRows } from "./retention.ts";
import { createMigratedTestDatabase, type TestDatabase } from "./testing.ts";

describe("retention purge", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await createMigratedTestDatabase("retention");
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("deletes only rows older than each tenant's retention, in batches", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const shortLived = await prisma.tenant.create({ data: { name: "S", slug: "s", retentionDays: 7 } });
    const longLived = await prisma.tenant.create({ data: { name: "L", slug: "l", retentionDays: 365 } });
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    for (const tenant of [shortLived, longLived]) {
      await prisma.auditLog.createMany({
        data: [30, 20, 10, 8, 3, 1].map((n) => ({
          tenantId: tenant.id,
          action: `a${n}`,
          targetType: "T",
          createdAt: days(n),
        })),
      });
    }
    const channel = await prisma.alertChannel.create({
      data: { tenantId: shortLived.id, kind: "EMAIL", name: "c", config: { to: ["noc@example.net"] } },
    });
    for (const n of [9, 2]) {
      const outbox = await prisma.alertOutbox.create({
        data: { tenantId: shortLived.id, trigger: "TUNNEL_DOWN", severity: "MAJOR", payload: {}, createdAt: days(n) },
      });
      await prisma.alertDelivery.create({
        data: {
          tenantId: shortLived.id,
          outboxId: outbox.id,
          channelId: channel.id,
          idempotencyKey: `k${n}`,
          foldKey: `f${n}`,
          createdAt: days(n),
        },
      });
    }
    const counts = await purgeExpiredRows(prisma, { batchSize: 2, now });
    expect(counts.AuditLog).toBe(4);
    expect(counts.AlertOutbox).toBe(1);
    expect((await prisma.alertDelivery.findMany()).map((d) => d.idempotencyKey)).toEqual(["k2"]);
    const left = await prisma.auditLog.findMany({ where: { tenantId: shortLived.id }, orderBy: { createdAt: "asc" } });
    expect(left.map((r) => r.action)).toEqual(["a3", "a1"]);
    expect(await prisma.auditLog.count({ where: { tenantId: longLived.id } })).toBe(6);
  });
});
