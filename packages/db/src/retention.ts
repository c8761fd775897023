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
  // Deleting an alert event deletes its deliveries (the delivery log) with it.
  AlertOutbox: "createdAt",
} as const;

export type PurgeCounts = Record<keyof typeof TIME_SERIES, number>;

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
      for (;;) {
        // Identifiers come from the constant above, never from input.
        const deleted = await prisma.$executeRawUnsafe(
          `DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM "${table}" WHERE "tenantId" = $1 AND "${column}" < $2 LIMIT $3)`,
          tenant.id,
          cutoff,
          options.batchSize,
        );
        counts[table] += deleted;
        if (deleted < options.batchSize) break;
      }
    }
  }
  return counts;
}
