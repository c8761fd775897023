// VPN connections: the filterable table, one connection's detail (tunnels, posture with
// playbooks, configuration against the recommendation, incidents), its status timeline, its
// configuration changes, its customer gateway's generated configuration and its log lines, the
// criticality that weighs its maintenance risk, and what the tenant says of its customer gateway
// (which posture grades with the provider's view).
import { TRPCError } from "@trpc/server";
import {
  customerGatewaySchema,
  evaluatePosture,
  findingCodesOf,
  GATEWAY_CONFIG_VENDORS,
  generateGatewayConfig,
  parseCustomerGateway,
} from "@tunnelwatch/core";
import { Criticality, Prisma, type TenantDb } from "@tunnelwatch/db";
import { z } from "zod";
import { audit } from "../audit.ts";
import { listConfigChanges } from "../connections/config-changes.ts";
import { listConnections, listFilterOptions, listInput } from "../connections/list.ts";
import { compareWithRecommended, connectionPosture, playbooksFor, storedWithGateway } from "../connections/posture.ts";
import { connectionTimeline } from "../connections/timeline.ts";
import { sharedCustomerGateway } from "../fleet/customer-gateways.ts";
import { LOG_COUNT_CAP, LOG_EVENT_ROW_SELECT } from "../log-event-rows.ts";
import { type Page, pageArgs, pageInput } from "../pagination.ts";
import { router, tenantProcedure } from "../trpc.ts";

const connectionId = z.string().trim().min(1, "Name the connection").max(64);
const OPEN_STATUSES = ["OPEN", "ACKNOWLEDGED"] as const;
const DAY_MS = 86_400_000;
const MAX_TIMELINE_DAYS = 31;

const NOT_FOUND_MESSAGE = "Connection not found: it may have been removed, or it belongs to another organisation.";

/** The connection if it is in the caller's tenant; the same NOT_FOUND whether it exists elsewhere or not at all. */
async function findConnection(db: TenantDb, id: string) {
  const connection = await db.vpnConnection.findFirst({
    where: { id },
    select: { id: true, provider: true, tunnels: { select: { id: true, index: true, status: true } } },
  });
  if (!connection) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND_MESSAGE });
  return connection;
}

const optionalDate = z.coerce.date().optional();

const incidentSelect = {
  id: true,
  code: true,
  kind: true,
  severity: true,
  status: true,
  title: true,
  isMaintenance: true,
  tunnelId: true,
  openedAt: true,
  lastEventAt: true,
  eventCount: true,
  acknowledgedAt: true,
  resolvedAt: true,
} satisfies Prisma.IncidentSelect;

export const connectionsRouter = router({
  /** One page of connections, filtered and sorted in SQL. */
  list: tenantProcedure("VIEWER")
    .input(listInput)
    .query(({ ctx, input }) => listConnections(ctx.db, input)),

  /** Providers, regions and accounts for the table's filters. */
  filterOptions: tenantProcedure("VIEWER").query(({ ctx }) => listFilterOptions(ctx.db)),

  /** Everything the connection page shows at once, except the timeline and the log lines. */
  detail: tenantProcedure("VIEWER")
    .input(z.object({ connectionId }))
    .query(async ({ ctx, input }) => {
      const connection = await ctx.db.vpnConnection.findFirst({
        where: { id: input.connectionId },
        include: {
          cloudAccount: {
            select: { id: true, name: true, provider: true, syncState: true, lastSuccessAt: true, lastError: true },
          },
          tunnels: { orderBy: { index: "asc" }, take: 32 },
        },
      });
      if (!connection) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND_MESSAGE });
      const [snapshots, openIncidents, recentIncidents, maintenance, customerGatewayShare] = await Promise.all([
        ctx.db.postureSnapshot.findMany({
          where: { connectionId: connection.id },
          orderBy: { evaluatedAt: "desc" },
          take: 10,
          select: { id: true, grade: true, findings: true, expectedDowntimeSec: true, evaluatedAt: true },
        }),
        ctx.db.incident.findMany({
          where: { connectionId: connection.id, status: { in: [...OPEN_STATUSES] } },
          orderBy: { openedAt: "desc" },
          take: 50,
          select: incidentSelect,
        }),
        ctx.db.incident.findMany({
          where: { connectionId: connection.id, status: { not: "PENDING" } },
          orderBy: { openedAt: "desc" },
          take: 10,
          select: incidentSelect,
        }),
        ctx.db.maintenanceEvent.findMany({
          where: { connectionId: connection.id, status: { in: ["UPCOMING", "IN_PROGRESS"] } },
          orderBy: [{ startsAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          take: 10,
          select: {
            id: true,
            title: true,
            status: true,
            source: true,
            tunnelIndex: true,
            startsAt: true,
            endsAt: true,
            autoAppliedAfter: true,
          },
        }),
        sharedCustomerGateway(ctx.db, ctx.tenantId, connection.customerGatewayIp),
      ]);
      const latest = snapshots[0] ?? null;
      const posture = connectionPosture({
        provider: connection.provider,
        normalized: connection.normalized,
        customerGateway: connection.customerGateway,
        tunnels: connection.tunnels,
        stored: { grade: connection.grade, expectedDowntimeSec: connection.expectedDowntimeSec },
        snapshot: latest,
      });
      const playbooks = playbooksFor(
        [...posture.findings.map((f) => f.code), ...openIncidents.map((i) => i.code)],
        connection.provider,
        posture.gatewayVendor,
      );
      const {
        normalized: _normalized,
        customerGateway,
        cloudAccount,
        tunnels,
        localAsn,
        remoteAsn,
        ...fields
      } = connection;
      return {
        connection: {
          ...fields,
          customerGateway: parseCustomerGateway(customerGateway),
          localAsn: localAsn === null ? null : Number(localAsn),
          remoteAsn: remoteAsn === null ? null : Number(remoteAsn),
          tags: (fields.tags ?? {}) as Record<string, string>,
        },
        account: cloudAccount,
        tunnels: tunnels.map((tunnel) => ({
          ...tunnel,
          options: (tunnel.options ?? {}) as Record<string, unknown>,
          checks: compareWithRecommended({
            provider: connection.provider,
            ikeVersion: posture.ikeVersion,
            recommended: posture.recommended,
            tunnel,
            findings: posture.findings,
            isJudged: posture.source !== "none",
          }),
        })),
        posture,
        playbooks,
        customerGatewayShare,
        openIncidents,
        recentIncidents,
        maintenance,
        snapshots: snapshots.map(({ findings, ...snapshot }) => ({
          ...snapshot,
          findingCodes: Array.isArray(findings)
            ? [...new Set((findings as Array<{ code?: unknown }>).map((f) => String(f.code ?? "")))].filter(Boolean)
            : [],
        })),
      };
    }),

  /** Status per tunnel over a range (default: the last 24 hours, at most 31 days) for the timeline chart. */
  timeline: tenantProcedure("VIEWER")
    .input(z.object({ connectionId, from: optionalDate, to: optionalDate }))
    .query(async ({ ctx, input }) => {
      const to = input.to ?? new Date();
      const from = input.from ?? new Date(to.getTime() - DAY_MS);
      if (from >= to) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "The range must start before it ends." });
      }
      // A minute of slack: a client that asks for "the last 31 days" computes its bounds a moment earlier.
      if (to.getTime() - from.getTime() > MAX_TIMELINE_DAYS * DAY_MS + 60_000) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Pick a range of at most ${MAX_TIMELINE_DAYS} days; the uptime trend covers longer periods hour by hour.`,
        });
      }
      const connection = await findConnection(ctx.db, input.connectionId);
      const tunnels = [...connection.tunnels].sort((a, b) => a.index - b.index);
      return connectionTimeline({ db: ctx.db, tenantId: ctx.tenantId, tunnels, from, to });
    }),

  /** The connection's latest log events, newest first, optionally of one code or tunnel. */
  logEvents: tenantProcedure("VIEWER")
    .input(
      pageInput.extend({
        connectionId,
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9_]{1,64}$/, "Use a fault code such as DPD_TIMEOUT")
          .optional(),
        tunnelIndex: z.number().int().min(1).max(32).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const connection = await findConnection(ctx.db, input.connectionId);
      const tunnelId =
        input.tunnelIndex === undefined
          ? undefined
          : (connection.tunnels.find((t) => t.index === input.tunnelIndex)?.id ?? "none");
      const where = {
        connectionId: connection.id,
        ...(input.code ? { code: input.code } : {}),
        ...(tunnelId ? { tunnelId } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.db.tunnelLogEvent.findMany({
          where,
          orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
          ...pageArgs(input),
          select: { ...LOG_EVENT_ROW_SELECT, tunnelId: true },
        }),
        ctx.db.tunnelLogEvent.count({ where, take: LOG_COUNT_CAP }),
      ]);
      const indexOf = new Map(connection.tunnels.map((t) => [t.id, t.index]));
      const items = rows.map(({ id, tunnelId, ...row }) => ({
        ...row,
        id: id.toString(),
        tunnelIndex: tunnelId ? (indexOf.get(tunnelId) ?? null) : null,
      }));
      const page: Page<(typeof items)[number]> = { items, total, page: input.page, pageSize: input.pageSize };
      /** true when there are more events than `total` says (the count stops at LOG_COUNT_CAP). */
      return { ...page, isTotalCapped: total >= LOG_COUNT_CAP };
    }),

  /**
   * Configuration drift: the settings that changed between polls of the provider, newest first,
   * optionally only those somebody made (not the endpoints the provider replaced).
   */
  configChanges: tenantProcedure("VIEWER")
    .input(pageInput.extend({ connectionId, madeOnly: z.boolean().default(false) }))
    .query(async ({ ctx, input }) => {
      const connection = await findConnection(ctx.db, input.connectionId);
      return listConfigChanges(ctx.db, { ...input, connectionId: connection.id });
    }),

  /**
   * The customer gateway's configuration for this connection, for one vendor: the provider's
   * endpoints and inside addresses with the recommended proposals, lifetimes, DPD and BGP timers.
   */
  gatewayConfig: tenantProcedure("VIEWER")
    .input(
      z.object({
        connectionId,
        vendor: z.enum(GATEWAY_CONFIG_VENDORS, { message: "Choose a gateway vendor" }),
        firstUnit: z.number().int().min(0, "From 0").max(9_999, "At most 9999").default(1),
      }),
    )
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.vpnConnection.findFirst({
        where: { id: input.connectionId },
        select: { normalized: true, customerGateway: true },
      });
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND_MESSAGE });
      const connection = storedWithGateway(row.normalized, row.customerGateway);
      if (!connection) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message:
            "The connection's configuration has not been read from the provider yet: try again after the next poll.",
        });
      }
      return generateGatewayConfig(connection, input.vendor, { firstUnit: input.firstUnit });
    }),

  /** How much this connection matters: weighs its maintenance risk (LOW x0.5 ... CRITICAL x4). */
  setCriticality: tenantProcedure("ADMIN")
    .input(z.object({ connectionId, criticality: z.enum(Criticality) }))
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.db.vpnConnection.findFirst({
        where: { id: input.connectionId },
        select: { id: true, name: true, criticality: true },
      });
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND_MESSAGE });
      if (before.criticality !== input.criticality) {
        await ctx.db.vpnConnection.updateMany({
          where: { id: before.id },
          data: { criticality: input.criticality },
        });
        await audit(
          ctx,
          "connection.setCriticality",
          { type: "VpnConnection", id: before.id },
          { name: before.name, from: before.criticality, to: input.criticality },
        );
      }
      return { id: before.id, criticality: input.criticality };
    }),

  /**
   * What the tenant says of its customer gateway: vendor (for the playbooks), DPD, lifetimes,
   * PFS, NAT, policy-based domains, whether it initiates. The connection is graded with them at
   * once; an empty object forgets them.
   */
  setCustomerGateway: tenantProcedure("OPERATOR")
    .input(z.object({ connectionId, customerGateway: customerGatewaySchema.strict() }))
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.db.vpnConnection.findFirst({
        where: { id: input.connectionId },
        select: { id: true, name: true, customerGateway: true, normalized: true },
      });
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND_MESSAGE });
      const facts = Object.keys(input.customerGateway).length > 0 ? input.customerGateway : null;
      const previous = parseCustomerGateway(before.customerGateway);
      if (JSON.stringify(previous) !== JSON.stringify(facts)) {
        // The fleet lists show the new grade at once; the worker snapshots it (and alerts on a
        // drop) at its next poll, as for any posture change.
        const connection = storedWithGateway(before.normalized, facts);
        const posture = connection ? evaluatePosture(connection) : null;
        await ctx.db.vpnConnection.updateMany({
          where: { id: before.id },
          data: {
            customerGateway: facts ?? Prisma.DbNull,
            ...(posture
              ? {
                  grade: posture.grade,
                  expectedDowntimeSec: posture.expectedDowntimeSeconds,
                  findingCodes: findingCodesOf(posture),
                }
              : {}),
          },
        });
        await audit(
          ctx,
          "connection.setCustomerGateway",
          { type: "VpnConnection", id: before.id },
          { name: before.name, from: previous, to: facts },
        );
      }
      return { id: before.id, customerGateway: facts };
    }),
});
