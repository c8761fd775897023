// The fleet overview in one call: every figure is an aggregate computed by PostgreSQL over
// indexed columns (counts, group-bys, one bounded top-N), never a scan of rows into Node.
// Raw SQL here is not scoped by the tenant layer: every statement names the tenant itself.
import {
  BASELINE_LIKELIHOOD,
  type Criticality as CoreCriticality,
  type Provider as CoreProvider,
  CRITICALITY_WEIGHT,
  GRADES,
  rankMaintenanceRisk,
} from "@tunnelwatch/core";
import { type Criticality, type Grade, Prisma, type Provider, type TenantDb } from "@tunnelwatch/db";
import { customerGatewaysDown } from "./customer-gateways.ts";
import { uptimeTrend } from "./uptime.ts";

export interface FleetScope {
  db: TenantDb;
  tenantId: string;
}

export const MAINTENANCE_RISK_TOP = 10;

export async function fleetOverview(scope: FleetScope, now: Date = new Date()) {
  const [connections, unknownTunnels, incidents, maintenanceRisk, uptime, accounts, customerGateways] =
    await Promise.all([
      connectionCounts(scope),
      unknownTunnelCount(scope),
      openIncidentsByCode(scope),
      maintenanceRiskTop(scope, now),
      uptimeTrend(scope, now),
      accountCounts(scope),
      customerGatewaysDown(scope.db, scope.tenantId),
    ]);
  const { tunnelsUp: up, tunnelsTotal: total, ...connectionFigures } = connections;
  // Never more unknown than not up, should a poll land between the two reads.
  const unknown = Math.min(unknownTunnels, total - up);
  const tunnels = { up, down: total - up - unknown, unknown, total };
  return {
    generatedAt: now,
    tunnels,
    connections: connectionFigures,
    incidents,
    maintenanceRisk,
    uptime,
    accounts,
    customerGateways,
  };
}

/**
 * Tunnels of live connections (not removed at the provider) whose status is UNKNOWN, from the
 * (tenantId, status) index: few tunnels are in it. UP and the total come from the counters the
 * worker keeps on each connection in the same transaction as its tunnels (one narrow scan, and
 * tunnels a connection no longer has are not counted).
 */
async function unknownTunnelCount({ db, tenantId }: FleetScope): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n
      FROM "Tunnel" t
      JOIN "VpnConnection" c ON c.id = t."connectionId"
     WHERE t."tenantId" = ${tenantId} AND t.status = 'UNKNOWN'
       AND c."tenantId" = ${tenantId} AND c."deletedAt" IS NULL AND t.index <= c."tunnelsTotal"`;
  return row?.n ?? 0;
}

/** Live connections by grade (null: not graded yet), how many run without redundancy or at all, and their tunnels. */
async function connectionCounts({ db, tenantId }: FleetScope) {
  const rows = await db.$queryRaw<
    Array<{ grade: Grade | null; n: number; degraded: number; outage: number; up: number; total: number }>
  >`
    SELECT grade, count(*)::int AS n,
           count(*) FILTER (WHERE "tunnelsUp" < "tunnelsTotal")::int AS degraded,
           count(*) FILTER (WHERE "tunnelsUp" = 0 AND "tunnelsTotal" > 0)::int AS outage,
           sum("tunnelsUp")::int AS up, sum("tunnelsTotal")::int AS total
      FROM "VpnConnection"
     WHERE "tenantId" = ${tenantId} AND "deletedAt" IS NULL
     GROUP BY grade`;
  const byGrade = [
    ...GRADES.map((grade) => ({ grade, count: rows.find((r) => r.grade === grade)?.n ?? 0 })),
    { grade: "UNGRADED" as const, count: rows.find((r) => r.grade === null)?.n ?? 0 },
  ];
  const sum = (key: "n" | "degraded" | "outage" | "up" | "total") => rows.reduce((total, r) => total + r[key], 0);
  return {
    total: sum("n"),
    /** Not every tunnel UP. */
    degraded: sum("degraded"),
    /** No tunnel UP. */
    outage: sum("outage"),
    byGrade,
    tunnelsUp: sum("up"),
    tunnelsTotal: sum("total"),
  };
}

async function openIncidentsByCode({ db }: FleetScope) {
  const rows = await db.incident.groupBy({
    by: ["code", "status"],
    where: { status: { in: ["OPEN", "ACKNOWLEDGED"] } },
    _count: { _all: true },
  });
  const byCode = new Map<string, { code: string; open: number; acknowledged: number; total: number }>();
  for (const row of rows) {
    const entry = byCode.get(row.code) ?? { code: row.code, open: 0, acknowledged: 0, total: 0 };
    if (row.status === "OPEN") entry.open += row._count._all;
    else entry.acknowledged += row._count._all;
    entry.total += row._count._all;
    byCode.set(row.code, entry);
  }
  const codes = [...byCode.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  return {
    open: codes.reduce((sum, c) => sum + c.open, 0),
    acknowledged: codes.reduce((sum, c) => sum + c.acknowledged, 0),
    byCode: codes,
  };
}

async function accountCounts({ db }: FleetScope) {
  const rows = await db.cloudAccount.groupBy({ by: ["syncState", "isPaused"], _count: { _all: true } });
  const sum = (match: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(match).reduce((total, r) => total + r._count._all, 0);
  return {
    total: sum(() => true),
    /** Accounts whose last syncs failed (paused ones are not polled, so not counted). */
    syncProblems: sum((r) => r.syncState === "FAILING" && !r.isPaused),
    paused: sum((r) => r.isPaused),
    pending: sum((r) => r.syncState === "PENDING" && !r.isPaused),
  };
}

// --- Maintenance risk ----------------------------------------------------------------------

interface RiskCandidate {
  id: string;
  name: string;
  externalId: string;
  provider: Provider;
  region: string;
  grade: Grade;
  expectedDowntimeSec: number;
  criticality: Criticality;
  announcedAt: Date | null;
  maintenanceTitle: string | null;
  bound: number;
}

const toCoreProvider = (p: Provider) => p.toLowerCase() as CoreProvider;
const toCoreCriticality = (c: Criticality) => c.toLowerCase() as CoreCriticality;

/**
 * The top connections by @tunnelwatch/core's maintenance risk (downtime x likelihood x
 * criticality weight), without ranking the whole fleet in Node. SQL orders the connections by an
 * upper bound of that score (likelihood 1 where maintenance is announced, the provider's baseline
 * otherwise: exact except for maintenance announced more than a week ahead) and returns the first
 * few; core ranks them exactly. When the 10th exact score is below the bound of the last row
 * fetched, an unfetched row could still beat it, so the window grows and the query runs again.
 */
async function maintenanceRiskTop(scope: FleetScope, now: Date) {
  let limit = 50;
  for (;;) {
    const candidates = await riskCandidates(scope, limit);
    const ranked = rankMaintenanceRisk(
      candidates.map((c) => ({
        id: c.id,
        provider: toCoreProvider(c.provider),
        region: c.region,
        grade: c.grade,
        expectedDowntimeSeconds: c.expectedDowntimeSec,
        criticality: toCoreCriticality(c.criticality),
        announcedMaintenanceAt: c.announcedAt,
      })),
      now,
    ).slice(0, MAINTENANCE_RISK_TOP);
    const lastBound = candidates.at(-1)?.bound ?? 0;
    const tenth = ranked.at(-1)?.score ?? 0;
    if (candidates.length < limit || (ranked.length === MAINTENANCE_RISK_TOP && tenth >= lastBound)) {
      const byId = new Map(candidates.map((c) => [c.id, c]));
      return ranked.map((risk) => {
        const c = byId.get(risk.id) as RiskCandidate;
        return {
          connectionId: c.id,
          name: c.name,
          externalId: c.externalId,
          provider: c.provider,
          region: c.region,
          grade: c.grade,
          criticality: c.criticality,
          expectedDowntimeSec: c.expectedDowntimeSec,
          announcedAt: c.announcedAt,
          maintenanceTitle: c.maintenanceTitle,
          score: risk.score,
          likelihood: risk.likelihood,
          reason: risk.reason,
        };
      });
    }
    limit *= 4;
  }
}

function riskCandidates({ db, tenantId }: FleetScope, limit: number) {
  const weight = (c: CoreCriticality) => Prisma.sql`${CRITICALITY_WEIGHT[c]}::float8`;
  const baseline = (p: CoreProvider) => Prisma.sql`${BASELINE_LIKELIHOOD[p]}::float8`;
  // Announced maintenance touching a connection: the earliest upcoming or running event. One
  // without a date can come at any time, so it counts as due now.
  return db.$queryRaw<RiskCandidate[]>`
    WITH announced AS (
      SELECT DISTINCT ON ("connectionId") "connectionId",
             COALESCE("startsAt", "autoAppliedAfter", (now() AT TIME ZONE 'UTC')) AS at, title
        FROM "MaintenanceEvent"
       WHERE "tenantId" = ${tenantId} AND status IN ('UPCOMING', 'IN_PROGRESS') AND "connectionId" IS NOT NULL
       ORDER BY "connectionId", COALESCE("startsAt", "autoAppliedAfter", (now() AT TIME ZONE 'UTC'))
    )
    SELECT c.id, c.name, c."externalId", c.provider, c.region, c.grade, c."expectedDowntimeSec", c.criticality,
           m.at AS "announcedAt", m.title AS "maintenanceTitle",
           c."expectedDowntimeSec"
             * CASE c.criticality WHEN 'LOW' THEN ${weight("low")} WHEN 'HIGH' THEN ${weight("high")}
                                  WHEN 'CRITICAL' THEN ${weight("critical")} ELSE ${weight("normal")} END
             * CASE WHEN m.at IS NOT NULL THEN 1::float8
                    WHEN c.provider = 'AWS' THEN ${baseline("aws")}
                    WHEN c.provider = 'ALIBABA' THEN ${baseline("alibaba")}
                    ELSE ${baseline("mulesoft")} END AS bound
      FROM "VpnConnection" c
      LEFT JOIN announced m ON m."connectionId" = c.id
     WHERE c."tenantId" = ${tenantId} AND c."deletedAt" IS NULL AND c.grade IS NOT NULL
       AND c."expectedDowntimeSec" > 0
     ORDER BY bound DESC, c."expectedDowntimeSec" DESC, c.id
     LIMIT ${limit}`;
}
