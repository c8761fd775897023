// A connection's status timeline over a time range: per tunnel, its status when the range
// starts, every transition inside it (bounded), and its samples folded into at most
// TIMELINE_BUCKETS buckets by PostgreSQL, so a month costs no more rows than a day.
// Raw SQL here is not scoped by the tenant layer: every statement names the tenant itself.
import type { TenantDb, TunnelStatus } from "@tunnelwatch/db";

export const TIMELINE_BUCKETS = 240;
export const TIMELINE_MAX_TRANSITIONS = 2_000;
const MIN_BUCKET_SEC = 60;

export interface TimelineTunnel {
  id: string;
  index: number;
  status: TunnelStatus;
}

export async function connectionTimeline(options: {
  db: TenantDb;
  tenantId: string;
  tunnels: TimelineTunnel[];
  from: Date;
  to: Date;
}) {
  const { db, tenantId, tunnels, from, to } = options;
  const ids = tunnels.map((t) => t.id);
  const rangeSec = Math.max(1, (to.getTime() - from.getTime()) / 1000);
  const bucketSec = Math.max(MIN_BUCKET_SEC, Math.ceil(rangeSec / TIMELINE_BUCKETS));
  if (ids.length === 0) return { from, to, bucketSec, tunnels: [], isTruncated: false };

  const [atStart, transitions, buckets] = await Promise.all([
    // The last transition before the range, per tunnel: one index probe each.
    db.$queryRaw<Array<{ id: string; status: TunnelStatus | null }>>`
      SELECT t.id, p."toStatus" AS status
        FROM unnest(${ids}::text[]) AS t(id)
        LEFT JOIN LATERAL (
          SELECT "toStatus" FROM "TunnelStatusTransition"
           WHERE "tunnelId" = t.id AND "tenantId" = ${tenantId} AND "occurredAt" < ${from}
           ORDER BY "occurredAt" DESC LIMIT 1
        ) p ON true`,
    db.tunnelStatusTransition.findMany({
      where: { tunnelId: { in: ids }, occurredAt: { gte: from, lte: to } },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      take: TIMELINE_MAX_TRANSITIONS + 1,
      select: { tunnelId: true, fromStatus: true, toStatus: true, statusMessage: true, occurredAt: true },
    }),
    db.$queryRaw<Array<{ tunnelId: string; at: Date; up: number; down: number; total: number }>>`
      SELECT "tunnelId", date_bin(make_interval(secs => ${bucketSec}::int), "sampledAt", ${from}::timestamp) AS at,
             count(*) FILTER (WHERE status = 'UP')::int AS up,
             count(*) FILTER (WHERE status = 'DOWN')::int AS down,
             count(*)::int AS total
        FROM "TunnelStatusSample"
       WHERE "tenantId" = ${tenantId} AND "tunnelId" = ANY(${ids}::text[])
         AND "sampledAt" >= ${from} AND "sampledAt" < ${to}
       GROUP BY 1, 2
       ORDER BY 2`,
  ]);
  const isTruncated = transitions.length > TIMELINE_MAX_TRANSITIONS;
  const kept = isTruncated ? transitions.slice(0, TIMELINE_MAX_TRANSITIONS) : transitions;
  return {
    from,
    to,
    bucketSec,
    isTruncated,
    tunnels: tunnels.map((tunnel) => ({
      id: tunnel.id,
      index: tunnel.index,
      status: tunnel.status,
      /** Status when the range starts; null when nothing was recorded before it. */
      statusAtStart: atStart.find((s) => s.id === tunnel.id)?.status ?? null,
      transitions: kept
        .filter((t) => t.tunnelId === tunnel.id)
        .map((t) => ({ at: t.occurredAt, from: t.fromStatus, to: t.toStatus, message: t.statusMessage })),
      samples: buckets
        .filter((b) => b.tunnelId === tunnel.id)
        .map((b) => ({ at: b.at, up: b.up, down: b.down, total: b.total })),
    })),
  };
}
