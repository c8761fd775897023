// Maintenance: the provider's announced events and the connections they touch, the fleet ranked
// by maintenance risk (faults.md §3: expected downtime x likelihood of maintenance soon x the
// connection's criticality), and "what breaks if the provider patches now".
//
// The ranking runs in SQL with the same formula and constants as packages/core's
// rankMaintenanceRisk (a test holds them equal), so a page of the ranking reads only that page
// however large the fleet; the page is then re-ranked by the core to explain each score.

import {
  BASELINE_LIKELIHOOD,
  type Criticality as CoreCriticality,
  CRITICALITY_WEIGHT,
  type MaintenanceRiskInput,
  rankMaintenanceRisk,
} from "@tunnelwatch/core";
import { type Criticality, type Grade, MaintenanceStatus, Prisma, Provider, type TenantDb } from "@tunnelwatch/db";
import { z } from "zod";
import { providerVariant } from "../incidents/playbook.ts";
import { sqlTime } from "../incidents/sql.ts";
import { pageArgs, pageInput } from "../pagination.ts";
import { router, tenantProcedure } from "../trpc.ts";

const ACTIVE: MaintenanceStatus[] = ["UPCOMING", "IN_PROGRESS"];
/** A connection down this long or longer "loses connectivity"; shorter is a failover blip. */
export const CONNECTIVITY_LOSS_SEC = 60;

const region = z.string().trim().min(1).max(64);

/** How the dashboard names an event's phase. */
function phaseOf(status: MaintenanceStatus, startsAt: Date | null, autoAppliedAfter: Date | null) {
  if (status === "UPCOMING") return startsAt || autoAppliedAfter ? ("scheduled" as const) : ("announced" as const);
  if (status === "IN_PROGRESS") return "in progress" as const;
  return status === "COMPLETED" ? ("completed" as const) : ("cancelled" as const);
}

// ---------------------------------------------------------------------------------------
// Maintenance risk in SQL

interface RiskRow {
  id: string;
  name: string;
  provider: Provider;
  region: string;
  grade: Grade;
  expectedDowntimeSec: number;
  criticality: Criticality;
  tunnelsUp: number;
  tunnelsTotal: number;
  announcedAt: Date | null;
  announcedDirect: boolean;
  score: number;
}

const PROVIDER_VALUES = Object.values(Provider) as Provider[];
const CRITICALITY_VALUES: Criticality[] = ["LOW", "NORMAL", "HIGH", "CRITICAL"];
const toCoreCriticality = (c: Criticality) => c.toLowerCase() as CoreCriticality;
const baselineByProvider = Object.fromEntries(
  PROVIDER_VALUES.map((p) => [p, BASELINE_LIKELIHOOD[providerVariant(p)]]),
) as Record<Provider, number>;

function providerCase(column: Prisma.Sql, values: Record<Provider, number>): Prisma.Sql {
  return Prisma.sql`(CASE ${column} ${Prisma.join(
    PROVIDER_VALUES.map((p) => Prisma.sql`WHEN ${p}::"Provider" THEN ${values[p]}::float8`),
    " ",
  )} END)`;
}

/** Every tenant connection with a grade, its earliest active maintenance and its risk score. */
function scoredConnections(tenantId: string, now: Date, filter: { provider?: Provider; region?: string }) {
  const nowSql = sqlTime(now);
  const eventAt = Prisma.sql`COALESCE(e."startsAt", e."autoAppliedAfter", CASE WHEN e."status" = 'IN_PROGRESS'::"MaintenanceStatus" THEN ${nowSql} END)`;
  const activeStatus = Prisma.sql`e."status" IN ('UPCOMING'::"MaintenanceStatus", 'IN_PROGRESS'::"MaintenanceStatus")`;
  const days = Prisma.sql`(EXTRACT(EPOCH FROM (s."announcedAt" - ${nowSql})) / 86400.0)`;
  const baseline = providerCase(Prisma.sql`s."provider"`, baselineByProvider);
  const likelihood = Prisma.sql`(CASE
      WHEN s."announcedAt" IS NULL THEN ${baseline}
      WHEN ${days} <= 7 THEN 1::float8
      WHEN ${days} <= 30 THEN 0.7::float8
      ELSE GREATEST(${baseline}, 0.4::float8) END)`;
  const weight = Prisma.sql`(CASE s."criticality" ${Prisma.join(
    CRITICALITY_VALUES.map(
      (c) => Prisma.sql`WHEN ${c}::"Criticality" THEN ${CRITICALITY_WEIGHT[toCoreCriticality(c)]}::float8`,
    ),
    " ",
  )} END)`;
  // The CTEs are materialised so each connection's maintenance date is read once (inlined,
  // PostgreSQL would re-run the lookups for every use of the date in the score).
  return Prisma.sql`
    WITH direct AS MATERIALIZED (
      SELECT e."connectionId", MIN(${eventAt}) AS "at"
      FROM "MaintenanceEvent" e
      WHERE e."tenantId" = ${tenantId} AND e."connectionId" IS NOT NULL AND ${activeStatus}
      GROUP BY e."connectionId"
    ),
    region_events AS MATERIALIZED (
      SELECT e."provider", e."region", e."cloudAccountId", MIN(${eventAt}) AS "at"
      FROM "MaintenanceEvent" e
      WHERE e."tenantId" = ${tenantId} AND e."connectionId" IS NULL AND ${activeStatus}
      GROUP BY e."provider", e."region", e."cloudAccountId"
    ),
    candidates AS MATERIALIZED (
      SELECT c."id", c."name", c."provider", c."region", c."grade", c."expectedDowntimeSec", c."criticality",
        c."tunnelsUp", c."tunnelsTotal", d."at" AS "directAt",
        (SELECT MIN(r."at") FROM region_events r
          WHERE r."provider" = c."provider"
            AND (r."region" IS NULL OR r."region" = c."region")
            AND (r."cloudAccountId" IS NULL OR r."cloudAccountId" = c."cloudAccountId")) AS "regionAt"
      FROM "VpnConnection" c
      LEFT JOIN direct d ON d."connectionId" = c."id"
      WHERE c."tenantId" = ${tenantId} AND c."deletedAt" IS NULL
        AND c."grade" IS NOT NULL AND c."expectedDowntimeSec" IS NOT NULL
        ${filter.provider ? Prisma.sql`AND c."provider" = ${filter.provider}::"Provider"` : Prisma.empty}
        ${filter.region ? Prisma.sql`AND c."region" = ${filter.region}` : Prisma.empty}
    ),
    s AS MATERIALIZED (
      SELECT candidates.*, LEAST("directAt", "regionAt") AS "announcedAt" FROM candidates
    )
    SELECT s."id", s."name", s."provider", s."region", s."grade", s."expectedDowntimeSec", s."criticality",
      s."tunnelsUp", s."tunnelsTotal", s."announcedAt",
      (s."directAt" IS NOT NULL AND s."directAt" = s."announcedAt") AS "announcedDirect",
      (ROUND((s."expectedDowntimeSec"::float8 * ${likelihood} * ${weight} * 100)::numeric) / 100)::float8 AS "score"
    FROM s`;
}

async function rankPage(
  db: TenantDb,
  tenantId: string,
  now: Date,
  filter: { provider?: Provider; region?: string },
  page: { skip: number; take: number },
): Promise<RiskRow[]> {
  return db.$queryRaw<RiskRow[]>`
    SELECT * FROM (${scoredConnections(tenantId, now, filter)}) ranked
    ORDER BY "score" DESC, "expectedDowntimeSec" DESC, "id" COLLATE "C" ASC
    OFFSET ${page.skip} LIMIT ${page.take}`;
}

export const maintenanceRouter = router({
  /** Announced maintenance, with the connections it touches. */
  events: tenantProcedure("VIEWER")
    .input(
      pageInput.extend({
        /** "active" (the default): upcoming and in progress; "all": every status. */
        status: z.enum(["active", "all", ...Object.values(MaintenanceStatus)]).default("active"),
        provider: z.enum(Provider).optional(),
        connectionId: z.string().trim().min(1).max(64).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const where: Prisma.MaintenanceEventWhereInput = {
        ...(input.status === "all"
          ? {}
          : input.status === "active"
            ? { status: { in: ACTIVE } }
            : { status: input.status }),
        ...(input.provider ? { provider: input.provider } : {}),
        ...(input.connectionId ? { connectionId: input.connectionId } : {}),
      };
      const soonestFirst = input.status === "active" || input.status === "UPCOMING" || input.status === "IN_PROGRESS";
      const [rows, total] = await Promise.all([
        ctx.db.maintenanceEvent.findMany({
          where,
          orderBy: [
            { startsAt: { sort: soonestFirst ? "asc" : "desc", nulls: "last" } },
            { createdAt: "desc" },
            { id: "asc" },
          ],
          ...pageArgs(input),
          select: {
            id: true,
            provider: true,
            source: true,
            externalId: true,
            region: true,
            title: true,
            description: true,
            status: true,
            startsAt: true,
            endsAt: true,
            autoAppliedAfter: true,
            tunnelIndex: true,
            createdAt: true,
            updatedAt: true,
            cloudAccountId: true,
            cloudAccount: { select: { id: true, name: true } },
            connection: {
              select: {
                id: true,
                name: true,
                region: true,
                grade: true,
                expectedDowntimeSec: true,
                criticality: true,
                tunnelsUp: true,
                tunnelsTotal: true,
              },
            },
          },
        }),
        ctx.db.maintenanceEvent.count({ where }),
      ]);

      // Events that name no connection touch every connection of their provider (and region and
      // account, when given): one grouped count for the whole page.
      const wide = rows.filter((r) => !r.connection);
      const groups = wide.length
        ? await ctx.db.vpnConnection.groupBy({
            by: ["provider", "region", "cloudAccountId"],
            where: { deletedAt: null, provider: { in: [...new Set(wide.map((r) => r.provider))] } },
            _count: { _all: true },
            orderBy: [{ provider: "asc" }, { region: "asc" }, { cloudAccountId: "asc" }],
            take: 2_000,
          })
        : [];
      const items = rows.map(({ cloudAccountId, ...row }) => ({
        ...row,
        phase: phaseOf(row.status, row.startsAt, row.autoAppliedAfter),
        affectedConnections: row.connection
          ? 1
          : groups
              .filter(
                (g) =>
                  g.provider === row.provider &&
                  (!row.region || g.region === row.region) &&
                  (!cloudAccountId || g.cloudAccountId === cloudAccountId),
              )
              .reduce((sum, g) => sum + g._count._all, 0),
      }));
      return { items, total, page: input.page, pageSize: input.pageSize };
    }),

  /** Connections ranked by maintenance risk, highest first. */
  atRisk: tenantProcedure("VIEWER")
    .input(
      pageInput.extend({
        provider: z.enum(Provider).optional(),
        region: region.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const filter = {
        ...(input.provider ? { provider: input.provider } : {}),
        ...(input.region ? { region: input.region } : {}),
      };
      const [rows, total] = await Promise.all([
        rankPage(ctx.db, ctx.tenantId, now, filter, pageArgs(input)),
        ctx.db.vpnConnection.count({
          where: { deletedAt: null, grade: { not: null }, expectedDowntimeSec: { not: null }, ...filter },
        }),
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const explained = rankMaintenanceRisk(
        rows.map(
          (r): MaintenanceRiskInput => ({
            id: r.id,
            provider: providerVariant(r.provider),
            region: r.region,
            grade: r.grade,
            expectedDowntimeSeconds: r.expectedDowntimeSec,
            criticality: toCoreCriticality(r.criticality),
            announcedMaintenanceAt: r.announcedAt,
          }),
        ),
        now,
      );
      const offset = (input.page - 1) * input.pageSize;
      const items = explained.map((risk, i) => {
        const row = byId.get(risk.id) as RiskRow;
        return {
          rank: offset + i + 1,
          id: row.id,
          name: row.name,
          provider: row.provider,
          region: row.region,
          grade: row.grade,
          criticality: row.criticality,
          expectedDowntimeSec: row.expectedDowntimeSec,
          tunnelsUp: row.tunnelsUp,
          tunnelsTotal: row.tunnelsTotal,
          announcedMaintenanceAt: row.announcedAt,
          announcedFor: row.announcedAt ? (row.announcedDirect ? ("connection" as const) : ("region" as const)) : null,
          likelihood: risk.likelihood,
          score: risk.score,
          reason: risk.reason,
        };
      });
      return { items, total, page: input.page, pageSize: input.pageSize, evaluatedAt: now };
    }),

  /** Providers and regions the fleet spans, with connection counts: what "what if" can target. */
  scopes: tenantProcedure("VIEWER").query(async ({ ctx }) => {
    const groups = await ctx.db.vpnConnection.groupBy({
      by: ["provider", "region"],
      where: { deletedAt: null },
      _count: { _all: true },
      orderBy: [{ provider: "asc" }, { region: "asc" }],
      take: 500,
    });
    return groups.map((g) => ({ provider: g.provider, region: g.region, connections: g._count._all }));
  }),

  /**
   * What breaks if the provider patches now: for a provider (and region), the connections that
   * would lose connectivity and for how long, by grade (expected downtimes from the posture).
   */
  whatIf: tenantProcedure("VIEWER")
    .input(z.object({ provider: z.enum(Provider), region: region.optional() }))
    .query(async ({ ctx, input }) => {
      const scope = Prisma.sql`c."tenantId" = ${ctx.tenantId} AND c."deletedAt" IS NULL
        AND c."provider" = ${input.provider}::"Provider"
        ${input.region ? Prisma.sql`AND c."region" = ${input.region}` : Prisma.empty}`;
      const [byGrade, worst] = await Promise.all([
        ctx.db.$queryRaw<
          Array<{
            grade: Grade | null;
            connections: number;
            tunnels: number;
            downtimeSec: number;
            maxDowntimeSec: number;
            losingConnectivity: number;
            briefFailover: number;
            alreadyDown: number;
            critical: number;
          }>
        >`
          SELECT c."grade",
            COUNT(*)::int AS "connections",
            COALESCE(SUM(c."tunnelsTotal"), 0)::int AS "tunnels",
            COALESCE(SUM(c."expectedDowntimeSec"), 0)::float8 AS "downtimeSec",
            COALESCE(MAX(c."expectedDowntimeSec"), 0)::int AS "maxDowntimeSec",
            COUNT(*) FILTER (WHERE c."grade" <> 'F'::"Grade" AND c."expectedDowntimeSec" >= ${CONNECTIVITY_LOSS_SEC})::int AS "losingConnectivity",
            COUNT(*) FILTER (WHERE c."grade" <> 'F'::"Grade" AND c."expectedDowntimeSec" < ${CONNECTIVITY_LOSS_SEC})::int AS "briefFailover",
            COUNT(*) FILTER (WHERE c."grade" = 'F'::"Grade")::int AS "alreadyDown",
            COUNT(*) FILTER (WHERE c."criticality" IN ('HIGH'::"Criticality", 'CRITICAL'::"Criticality"))::int AS "critical"
          FROM "VpnConnection" c
          WHERE ${scope}
          GROUP BY c."grade"
          ORDER BY c."grade" NULLS LAST`,
        ctx.db.vpnConnection.findMany({
          where: {
            deletedAt: null,
            provider: input.provider,
            ...(input.region ? { region: input.region } : {}),
            expectedDowntimeSec: { gte: CONNECTIVITY_LOSS_SEC },
            grade: { not: "F" },
          },
          orderBy: [{ expectedDowntimeSec: "desc" }, { criticality: "desc" }, { id: "asc" }],
          take: 10,
          select: {
            id: true,
            name: true,
            region: true,
            grade: true,
            criticality: true,
            expectedDowntimeSec: true,
            tunnelsUp: true,
            tunnelsTotal: true,
          },
        }),
      ]);
      const grades = byGrade.map((g) => ({ ...g, downtimeSec: Math.round(g.downtimeSec) }));
      const sum = (
        key: "connections" | "tunnels" | "losingConnectivity" | "briefFailover" | "alreadyDown" | "critical",
      ) => grades.reduce((total, g) => total + g[key], 0);
      return {
        provider: input.provider,
        region: input.region ?? null,
        lossThresholdSec: CONNECTIVITY_LOSS_SEC,
        totals: {
          connections: sum("connections"),
          tunnels: sum("tunnels"),
          losingConnectivity: sum("losingConnectivity"),
          briefFailover: sum("briefFailover"),
          alreadyDown: sum("alreadyDown"),
          critical: sum("critical"),
          longestDowntimeSec: grades.reduce((max, g) => Math.max(max, g.grade === "F" ? 0 : g.maxDowntimeSec), 0),
          connectionDowntimeSec: grades.reduce((total, g) => total + (g.grade === "F" ? 0 : g.downtimeSec), 0),
        },
        byGrade: grades,
        worst,
      };
    }),
});
