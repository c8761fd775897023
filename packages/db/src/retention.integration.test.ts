import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { purgeDeletedAccounts, purgeExpiredRows } from "./retention.ts";
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
    const account = await prisma.cloudAccount.create({
      data: { tenantId: shortLived.id, provider: "AWS", name: "a", credentialsCipher: "x", credentialsKeyId: "k1" },
    });
    const connection = await prisma.vpnConnection.create({
      data: {
        tenantId: shortLived.id,
        cloudAccountId: account.id,
        provider: "AWS",
        region: "eu-west-1",
        externalId: "vpn-1",
        name: "c",
        state: "available",
        routing: "BGP",
        normalized: {},
        lastSeenAt: now,
      },
    });
    await prisma.configChange.createMany({
      data: [9, 2].map((n) => ({
        tenantId: shortLived.id,
        connectionId: connection.id,
        parameter: "dpdEnabled",
        before: "on",
        after: `off ${n}`,
        detectedAt: days(n),
      })),
    });
    const counts = await purgeExpiredRows(prisma, { batchSize: 2, now });
    expect((await prisma.configChange.findMany()).map((c) => c.after)).toEqual(["off 2"]);
    expect(counts.ConfigChange).toBe(1);
    expect(counts.AuditLog).toBe(4);
    expect(counts.AlertOutbox).toBe(1);
    expect((await prisma.alertDelivery.findMany()).map((d) => d.idempotencyKey)).toEqual(["k2"]);
    const left = await prisma.auditLog.findMany({ where: { tenantId: shortLived.id }, orderBy: { createdAt: "asc" } });
    expect(left.map((r) => r.action)).toEqual(["a3", "a1"]);
    expect(await prisma.auditLog.count({ where: { tenantId: longLived.id } })).toBe(6);
  });

  it("removes a deleted account's connections, tunnels and history in batches, and nothing else", async () => {
    const tenant = await prisma.tenant.create({ data: { name: "D", slug: "d" } });
    const seedAccount = async (name: string, deletedAt: Date | null) => {
      const account = await prisma.cloudAccount.create({
        data: {
          tenantId: tenant.id,
          provider: "AWS",
          name,
          regions: ["eu-west-1"],
          credentialsCipher: "x",
          credentialsKeyId: "k1",
          deletedAt,
        },
      });
      for (const n of [1, 2]) {
        const connection = await prisma.vpnConnection.create({
          data: {
            tenantId: tenant.id,
            cloudAccountId: account.id,
            provider: "AWS",
            region: "eu-west-1",
            externalId: `vpn-${name}-${n}`,
            name: `${name} ${n}`,
            state: "available",
            routing: "BGP",
            normalized: {},
            lastSeenAt: new Date(),
          },
        });
        const tunnel = await prisma.tunnel.create({
          data: { tenantId: tenant.id, connectionId: connection.id, index: 1 },
        });
        const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 0, i));
        await prisma.tunnelStatusSample.createMany({
          data: [0, 1, 2].map((i) => ({
            tenantId: tenant.id,
            tunnelId: tunnel.id,
            sampledAt: at(i),
            status: "UP" as const,
          })),
        });
        await prisma.tunnelStatusTransition.create({
          data: { tenantId: tenant.id, tunnelId: tunnel.id, toStatus: "UP", occurredAt: at(0) },
        });
        await prisma.tunnelUptimeHourly.create({ data: { tenantId: tenant.id, tunnelId: tunnel.id, hour: at(0) } });
        await prisma.tunnelLogEvent.createMany({
          data: [0, 1, 2, 3, 4].map((i) => ({
            tenantId: tenant.id,
            cloudAccountId: account.id,
            connectionId: connection.id,
            tunnelId: tunnel.id,
            source: "PROVIDER" as const,
            stream: `s-${connection.id}`,
            occurredAt: at(i),
            raw: "AWS tunnel is sending DPD request",
            vendor: "aws",
            code: "INFO",
            severity: "INFO" as const,
            confidence: 0.5,
            fingerprint: `fp-${connection.id}-${i}`,
          })),
        });
      }
      return account;
    };
    const deleted = await seedAccount("gone", new Date());
    const kept = await seedAccount("kept", null);

    const purged = await purgeDeletedAccounts(prisma, { batchSize: 2 });

    // 2 connections x (5 log events + 3 samples + 1 transition + 1 hour).
    expect(purged).toEqual({ accounts: 1, rows: 20 });
    expect(await prisma.cloudAccount.findUnique({ where: { id: deleted.id } })).toBeNull();
    expect(await prisma.vpnConnection.count({ where: { cloudAccountId: deleted.id } })).toBe(0);
    expect(await prisma.tunnelLogEvent.count({ where: { tenantId: tenant.id } })).toBe(10);
    expect(await prisma.tunnelLogEvent.count({ where: { cloudAccountId: kept.id } })).toBe(10);
    expect(await prisma.tunnelStatusSample.count({ where: { tenantId: tenant.id } })).toBe(6);
    expect(await prisma.tunnelStatusTransition.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect(await prisma.tunnelUptimeHourly.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect(await prisma.tunnel.count({ where: { tenantId: tenant.id } })).toBe(2);
    // Nothing left to do: a second run finds no deleted account.
    expect(await purgeDeletedAccounts(prisma, { batchSize: 2 })).toEqual({ accounts: 0, rows: 0 });
  });
});
