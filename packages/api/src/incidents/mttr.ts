// Mean time to recover: from the first event of an incident to its resolution, over the
// incidents opened in a time range that have since resolved. One aggregate per grouping, read
// through the (tenantId, status, openedAt) index.
import type { TenantDb } from "@tunnelwatch/db";
import { Prisma } from "@tunnelwatch/db";
import { sqlTime } from "./sql.ts";

export interface MttrRow {
  resolved: number;
  meanSec: number;
  medianSec: number;
  maxSec: number;
}

export interface MttrReport {
  from: Date;
  to: Date;
  overall: MttrRow;
  byCode: Array<MttrRow & { code: string }>;
  byConnection: Array<MttrRow & { connectionId: string; connectionName: string }>;
}

interface RawRow {
  resolved: number;
  meanSec: number | null;
  medianSec: number | null;
  maxSec: number | null;
}

const recovery = Prisma.sql`EXTRACT(EPOCH FROM (i."resolvedAt" - i."firstEventAt"))`;
const aggregates = Prisma.sql`
  COUNT(*)::int AS "resolved",
  COALESCE(AVG(${recovery}), 0)::float8 AS "meanSec",
  COALESCE(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ${recovery}), 0)::float8 AS "medianSec",
  COALESCE(MAX(${recovery}), 0)::float8 AS "maxSec"`;

function row(raw: RawRow): MttrRow {
  return {
    resolved: raw.resolved,
    meanSec: Math.round(raw.meanSec ?? 0),
    medianSec: Math.round(raw.medianSec ?? 0),
    maxSec: Math.round(raw.maxSec ?? 0),
  };
}

export async function meanTimeToRecover(
  db: TenantDb,
  tenantId: string,
  range: { from: Date; to: Date },
  options: { connectionId?: string; limit?: number } = {},
): Promise<MttrReport> {
  const limit = Math.min(options.limit ?? 20, 100);
  const where = Prisma.sql`
    i."tenantId" = ${tenantId}
    AND i."status" = 'RESOLVED'::"IncidentStatus"
    AND i."resolvedAt" IS NOT NULL
    AND i."openedAt" >= ${sqlTime(range.from)}
    AND i."openedAt" < ${sqlTime(range.to)}
    ${options.connectionId ? Prisma.sql`AND i."connectionId" = ${options.connectionId}` : Prisma.empty}`;
  // Three aggregates in parallel: measured faster than one GROUPING SETS scan, whose hashed
  // ordered-set aggregates (the median) spill to disk on large ranges.
  const [overall, byCode, byConnection] = await Promise.all([
    db.$queryRaw<RawRow[]>`SELECT ${aggregates} FROM "Incident" i WHERE ${where}`,
    db.$queryRaw<Array<RawRow & { code: string }>>`
      SELECT i."code", ${aggregates} FROM "Incident" i WHERE ${where}
      GROUP BY i."code" ORDER BY COUNT(*) DESC, i."code" LIMIT ${limit}`,
    db.$queryRaw<Array<RawRow & { connectionId: string; connectionName: string }>>`
      SELECT g."connectionId", c."name" AS "connectionName", g."resolved", g."meanSec", g."medianSec", g."maxSec"
      FROM (
        SELECT i."connectionId", ${aggregates} FROM "Incident" i WHERE ${where}
        GROUP BY i."connectionId" ORDER BY AVG(${recovery}) DESC, i."connectionId" LIMIT ${limit}
      ) g
      JOIN "VpnConnection" c ON c."id" = g."connectionId" AND c."tenantId" = ${tenantId}
      ORDER BY g."meanSec" DESC, g."connectionId"`,
  ]);
  return {
    from: range.from,
    to: range.to,
    overall: row(overall[0] ?? { resolved: 0, meanSec: 0, medianSec: 0, maxSec: 0 }),
    byCode: byCode.map((r) => ({ code: r.code, ...row(r) })),
    byConnection: byConnection.map((r) => ({
      connectionId: r.connectionId,
      connectionName: r.connectionName,
      ...row(r),
    })),
  };
}
