// Retention for the time-series tables: rows older than their tenant's retentionDays are deleted
// in bounded batches, so a purge never holds long locks or bloats one transaction.
import type { PrismaClient } from "./generated/prisma/client.ts";

// Table -> time column. Each has an index or BRIN on that column.
const TIME_SERIES = {
  TunnelStatusSample: "sampledAt",
  TunnelLogEvent: "occurredAt",
  TunnelStatusTransition: "occurredAt",
  TunnelUptimeHourly: "hour",
  AuditLog: "createdAt",
  ConfigChange: "detectedAt",
  // Deleting an alert event deletes its deliveries (the delivery log) with it.
  AlertOutbox: "createdAt",
} as const;

export type PurgeCounts = Record<keyof typeof TIME_SERIES, number>;

/**
 * Deletes the rows of `table` that match `where` (with its $n parameters), `batchSize` at a time,
 * each batch its own statement; returns how many. Identifiers come from this module's constants,
 * never from input.
 */
async function deleteInBatches(
  prisma: PrismaClient,
  table: string,
  where: string,
  params: unknown[],
  batchSize: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await prisma.$executeRawUnsafe(
      `DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM "${table}" WHERE ${where} LIMIT $${params.length + 1})`,
      ...params,
      batchSize,
    );
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

export async function purgeExpiredRows(
  prisma: PrismaClient,
  options: { batchSize: number; now?: Date },
): Promise<PurgeCounts> {
  const now = options.now ?? new Date();
  const counts = Object.fromEntries(Object.keys(TIME_SERIES).map((t) => [t, 0])) as PurgeCounts;
  const tenants = await prisma.tenant.findMany({ select: { id: true, retentionDays: true } });
  for (const tenant of tenants) {
    const cutoff = new Date(now.getTime() - tenant.retentionDays * 86_400_000);
    for (const [table, column] of Object.entries(TIME_SERIES) as [keyof typeof TIME_SERIES, string][]) {
      counts[table] += await deleteInBatches(
        prisma,
        table,
        `"tenantId" = $1 AND "${column}" < $2`,
        [tenant.id, cutoff],
        options.batchSize,
      );
    }
  }
  return counts;
}

export interface DeletedAccountsPurge {
  accounts: number;
  rows: number;
}

// The large tables of a deleted account's connections, each by a column it has an index on.
const BY_CONNECTION = ["TunnelLogEvent"] as const;
const BY_TUNNEL = ["TunnelStatusSample", "TunnelStatusTransition", "TunnelUptimeHourly"] as const;

/**
 * Removes what deleted cloud accounts left: their history in bounded batches (by connection and
 * tunnel, through the indexes), then the account row, whose delete cascades to the small rest
 * (connections, tunnels, incidents, snapshots, cursors). Safe to run again after a crash.
 */
export async function purgeDeletedAccounts(
  prisma: PrismaClient,
  options: { batchSize: number },
): Promise<DeletedAccountsPurge> {
  const accounts = await prisma.cloudAccount.findMany({ where: { deletedAt: { not: null } }, select: { id: true } });
  let rows = 0;
  for (const account of accounts) {
    const connections = await prisma.vpnConnection.findMany({
      where: { cloudAccountId: account.id },
      select: { id: true, tunnels: { select: { id: true } } },
    });
    const connectionIds = connections.map((c) => c.id);
    const tunnelIds = connections.flatMap((c) => c.tunnels.map((t) => t.id));
    const byIds = [
      ...BY_CONNECTION.map((table) => [table, "connectionId", connectionIds] as const),
      ...BY_TUNNEL.map((table) => [table, "tunnelId", tunnelIds] as const),
    ];
    for (const [table, column, ids] of byIds) {
      if (ids.length === 0) continue;
      rows += await deleteInBatches(prisma, table, `"${column}" = ANY($1::text[])`, [ids], options.batchSize);
    }
    await prisma.cloudAccount.deleteMany({ where: { id: account.id, deletedAt: { not: null } } });
  }
  return { accounts: accounts.length, rows };
}
