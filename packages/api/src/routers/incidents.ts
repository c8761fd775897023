// Incidents: the list, one incident with its evidence, playbook and remediation timeline, the
// operator actions (acknowledge, comment, record a remediation, resolve) and mean time to
// recover. Every action writes an activity on the incident's timeline and an audit row.

import { TRPCError } from "@trpc/server";
import { parseCustomerGateway } from "@tunnelwatch/core";
import {
  IncidentKind,
  IncidentStatus,
  incidentEvidence,
  type Prisma,
  type PrismaClient,
  recordIncidentAlert,
  Severity,
  type TenantDb,
} from "@tunnelwatch/db";
import { z } from "zod";
import { audit } from "../audit.ts";
import { activityBody, readActivity, tokenName } from "../incidents/actor.ts";
import { meanTimeToRecover } from "../incidents/mttr.ts";
import { gatewayVariant, incidentPlaybook, knownStepIds } from "../incidents/playbook.ts";
import { likeText } from "../incidents/sql.ts";
import { type Page, pageArgs, pageInput } from "../pagination.ts";
import { router, type TenantContext, tenantProcedure } from "../trpc.ts";

const DAY_MS = 86_400_000;
const ACTIVE_STATUSES: IncidentStatus[] = ["PENDING", "OPEN", "ACKNOWLEDGED"];
const EVIDENCE_LIMIT = 100;
const TIMELINE_LIMIT = 500;

const id = z.string().trim().min(1, "Give the incident's id").max(64);
const code = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_]*$/, "A code is letters, digits and underscores, e.g. DPD_TIMEOUT")
  .transform((value) => value.toUpperCase());

const listInput = pageInput.extend({
  /** "active" (the default): open and acknowledged; "all": every status, pending included. */
  status: z.enum(["active", "all", ...Object.values(IncidentStatus)]).default("active"),
  code: code.optional(),
  severity: z.enum(Severity).optional(),
  kind: z.enum(IncidentKind).optional(),
  connectionId: z.string().trim().min(1).max(64).optional(),
  /** Text in the title. */
  q: z.string().trim().max(200).optional(),
  /** Opened at or after / before. */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

const CONNECTION_SELECT = { id: true, name: true, provider: true, region: true } as const;

function statusWhere(status: z.infer<typeof listInput>["status"]): Prisma.IncidentWhereInput {
  if (status === "all") return {};
  if (status === "active") return { status: { in: ["OPEN", "ACKNOWLEDGED"] } };
  return { status };
}

const later = (a: Date, b: Date) => (a > b ? a : b);

/** Whole seconds from `start` to `end`, or null while `end` has not happened. */
function secondsBetween(start: Date, end: Date | null): number | null {
  return end ? Math.round((end.getTime() - start.getTime()) / 1000) : null;
}

/** Reads an incident of the caller's tenant, or the NOT_FOUND an unknown id gets. */
async function findIncident(db: TenantDb, incidentId: string) {
  const incident = await db.incident.findFirst({
    where: { id: incidentId },
    select: {
      id: true,
      code: true,
      status: true,
      connectionId: true,
      tunnelId: true,
      resolvedAt: true,
      acknowledgedAt: true,
    },
  });
  if (!incident) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Incident not found. It may belong to another organisation." });
  }
  return incident;
}

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/**
 * Runs an operator action in one transaction, holding the lock the worker takes on the
 * incident's tunnel (or connection), so a fold or a recovery cannot interleave with it.
 */
async function underIncidentLock<T>(
  ctx: TenantContext,
  scope: { tunnelId: string | null; connectionId: string },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope.tunnelId ?? scope.connectionId}))`;
    return work(tx);
  });
}

/** A comment or an applied playbook step: the activity and its audit row, in one transaction. */
async function addActivity(
  ctx: TenantContext,
  incidentId: string,
  activity: { kind: "COMMENT" | "REMEDIATION"; body: string | null; playbookStep?: string },
  action: string,
  details: Record<string, string | number>,
) {
  const token = await tokenName(ctx);
  return ctx.db.$transaction(async (tx) => {
    const created = await tx.incidentActivity.create({
      data: {
        tenantId: ctx.tenantId,
        incidentId,
        kind: activity.kind,
        actorUserId: ctx.actor.userId,
        playbookStep: activity.playbookStep ?? null,
        body: activityBody(token, activity.body),
      },
      select: { id: true, createdAt: true },
    });
    await audit(
      { ...ctx, db: tx },
      action,
      { type: "Incident", id: incidentId },
      {
        activityId: created.id,
        ...details,
        ...(token ? { apiToken: token } : {}),
      },
    );
    return created;
  });
}

function resolvedConflict(resolvedAt: Date | null, action: string): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `This incident was already resolved${resolvedAt ? ` at ${resolvedAt.toISOString()}` : ""}: there is nothing to ${action}. If the fault is back, Tunnelwatch opens a new incident.`,
  });
}

export const incidentsRouter = router({
  /** Incidents, newest first; by default the active ones (open and acknowledged). */
  list: tenantProcedure("VIEWER")
    .input(listInput)
    .query(async ({ ctx, input }) => {
      if (input.from && input.to && input.from > input.to) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "The start of the time range is after its end." });
      }
      const where: Prisma.IncidentWhereInput = {
        ...statusWhere(input.status),
        ...(input.code ? { code: input.code } : {}),
        ...(input.severity ? { severity: input.severity } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.connectionId ? { connectionId: input.connectionId } : {}),
        ...(input.q ? { title: { contains: likeText(input.q), mode: "insensitive" } } : {}),
        ...(input.from || input.to
          ? { openedAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } }
          : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.db.incident.findMany({
          where,
          orderBy: [{ openedAt: "desc" }, { id: "desc" }],
          ...pageArgs(input),
          select: {
            id: true,
            kind: true,
            code: true,
            severity: true,
            status: true,
            title: true,
            isMaintenance: true,
            openedAt: true,
            firstEventAt: true,
            lastEventAt: true,
            eventCount: true,
            acknowledgedAt: true,
            resolvedAt: true,
            recoveringSince: true,
            connection: { select: CONNECTION_SELECT },
            tunnel: { select: { id: true, index: true } },
          },
        }),
        ctx.db.incident.count({ where }),
      ]);
      const items = rows.map((row) => ({
        ...row,
        timeToRecoverSec: secondsBetween(row.firstEventAt, row.resolvedAt),
      }));
      return { items, total, page: input.page, pageSize: input.pageSize } satisfies Page<(typeof items)[number]>;
    }),

  /** One incident: its connection and tunnel, timeline, evidence lines and playbook. */
  detail: tenantProcedure("VIEWER")
    .input(z.object({ incidentId: id }))
    .query(async ({ ctx, input }) => {
      const incident = await ctx.db.incident.findFirst({
        where: { id: input.incidentId },
        select: {
          id: true,
          tenantId: true,
          kind: true,
          code: true,
          severity: true,
          status: true,
          title: true,
          isMaintenance: true,
          recoveringSince: true,
          firstEventAt: true,
          lastEventAt: true,
          eventCount: true,
          openedAt: true,
          createdAt: true,
          acknowledgedAt: true,
          acknowledgedById: true,
          resolvedAt: true,
          resolvedReason: true,
          connectionId: true,
          tunnelId: true,
          connection: {
            select: {
              ...CONNECTION_SELECT,
              externalId: true,
              routing: true,
              grade: true,
              criticality: true,
              expectedDowntimeSec: true,
              normalized: true,
              customerGateway: true,
            },
          },
          tunnel: { select: { id: true, index: true, status: true, outsideIp: true, statusMessage: true } },
        },
      });
      if (!incident) {
        throw new TRPCError({
          code: "NOT_FOUND",
          message: "Incident not found. It may belong to another organisation.",
        });
      }
      const [activities, evidence] = await Promise.all([
        ctx.db.incidentActivity.findMany({
          where: { incidentId: incident.id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: TIMELINE_LIMIT,
          select: {
            id: true,
            kind: true,
            actorUserId: true,
            body: true,
            playbookStep: true,
            createdAt: true,
            actor: { select: { name: true, email: true } },
          },
        }),
        // The tenant-scoped client adds the tenant to this read as well.
        incidentEvidence(ctx.db as unknown as PrismaClient, incident, { limit: EVIDENCE_LIMIT }),
      ]);
      const { normalized, customerGateway, ...connection } = incident.connection;
      // What the tenant said of the gateway first, then what the stored connection carries.
      const declaredVendor =
        parseCustomerGateway(customerGateway)?.vendor ??
        parseCustomerGateway((normalized as { customerGateway?: unknown } | null)?.customerGateway)?.vendor;
      const gateway = gatewayVariant(connection.provider, declaredVendor, [...new Set(evidence.map((e) => e.vendor))]);
      const playbook = incidentPlaybook(incident.code, connection.provider, gateway);
      const appliedSteps = new Map<string, Date>();
      const timeline = activities.map((a) => {
        if (a.kind === "REMEDIATION" && a.playbookStep) appliedSteps.set(a.playbookStep, a.createdAt);
        const { actor, body } = readActivity(a);
        return { id: a.id, kind: a.kind, createdAt: a.createdAt, playbookStep: a.playbookStep, actor, body };
      });
      const { tenantId: _tenantId, connection: _connection, ...rest } = incident;
      return {
        incident: {
          ...rest,
          timeToRecoverSec: secondsBetween(incident.firstEventAt, incident.resolvedAt),
          // From when the team could know: an incident read from a backlog of logs opens in the
          // past (on the events' clock) but is only stored, and alerted on, when the logs are read.
          timeToAcknowledgeSec: secondsBetween(later(incident.openedAt, incident.createdAt), incident.acknowledgedAt),
        },
        connection,
        tunnel: incident.tunnel,
        timeline,
        timelineTruncated: activities.length >= TIMELINE_LIMIT,
        evidence,
        evidenceLimit: EVIDENCE_LIMIT,
        playbook: playbook
          ? {
              ...playbook,
              gatewayVendor: gateway ?? null,
              steps: playbook.steps.map((s) => ({ ...s, appliedAt: appliedSteps.get(s.id) ?? null })),
            }
          : null,
        canAct: ctx.role !== "VIEWER",
      };
    }),

  acknowledge: tenantProcedure("OPERATOR")
    .input(z.object({ incidentId: id, note: z.string().trim().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => {
      const found = await findIncident(ctx.db, input.incidentId);
      const token = await tokenName(ctx);
      return underIncidentLock(ctx, found, async (tx) => {
        const now = new Date();
        const updated = await tx.incident.updateMany({
          where: { id: found.id, status: { in: ["PENDING", "OPEN"] } },
          data: { status: "ACKNOWLEDGED", acknowledgedAt: now, acknowledgedById: ctx.actor.userId },
        });
        if (updated.count === 0) {
          const current = await findIncident(tx as unknown as TenantDb, found.id);
          if (current.status === "RESOLVED") throw resolvedConflict(current.resolvedAt, "acknowledge");
          throw new TRPCError({
            code: "CONFLICT",
            message: `This incident was already acknowledged${current.acknowledgedAt ? ` at ${current.acknowledgedAt.toISOString()}` : ""}.`,
          });
        }
        await tx.incidentActivity.create({
          data: {
            tenantId: ctx.tenantId,
            incidentId: found.id,
            kind: "ACKNOWLEDGED",
            actorUserId: ctx.actor.userId,
            body: activityBody(token, input.note || null),
          },
        });
        await audit(
          { ...ctx, db: tx },
          "incident.acknowledge",
          { type: "Incident", id: found.id },
          {
            code: found.code,
            ...(input.note ? { note: input.note } : {}),
            ...(token ? { apiToken: token } : {}),
          },
        );
        return { id: found.id, status: "ACKNOWLEDGED" as const, acknowledgedAt: now };
      });
    }),

  comment: tenantProcedure("OPERATOR")
    .input(
      z.object({
        incidentId: id,
        body: z.string().trim().min(1, "Write a comment").max(5000, "Keep a comment under 5,000 characters"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const found = await findIncident(ctx.db, input.incidentId);
      return addActivity(ctx, found.id, { kind: "COMMENT", body: input.body }, "incident.comment", {
        length: input.body.length,
      });
    }),

  /** Records that a playbook step was applied (by its id, e.g. "DPD_TIMEOUT/aws/2"). */
  recordRemediation: tenantProcedure("OPERATOR")
    .input(
      z.object({
        incidentId: id,
        stepId: z.string().trim().min(1, "Name the playbook step that was applied").max(200),
        note: z.string().trim().max(2000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const found = await findIncident(ctx.db, input.incidentId);
      const steps = knownStepIds(found.code);
      if (!steps.has(input.stepId)) {
        const example = [...steps][0];
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `"${input.stepId}" is not a step of the ${found.code} playbook.${example ? ` Step ids look like "${example}".` : ` ${found.code} has no playbook.`}`,
        });
      }
      return addActivity(
        ctx,
        found.id,
        { kind: "REMEDIATION", body: input.note || null, playbookStep: input.stepId },
        "incident.remediate",
        { step: input.stepId, ...(input.note ? { note: input.note } : {}) },
      );
    }),

  resolve: tenantProcedure("OPERATOR")
    .input(
      z.object({
        incidentId: id,
        reason: z.string().trim().min(1, "Say why the incident is resolved").max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const found = await findIncident(ctx.db, input.incidentId);
      const token = await tokenName(ctx);
      return underIncidentLock(ctx, found, async (tx) => {
        const now = new Date();
        const updated = await tx.incident.updateMany({
          where: { id: found.id, status: { in: ACTIVE_STATUSES } },
          data: {
            status: "RESOLVED",
            resolvedAt: now,
            resolvedReason: input.reason,
            activeKey: null,
            recoveringSince: null,
          },
        });
        if (updated.count === 0) {
          const current = await findIncident(tx as unknown as TenantDb, found.id);
          throw resolvedConflict(current.resolvedAt, "resolve");
        }
        await tx.incidentActivity.create({
          data: {
            tenantId: ctx.tenantId,
            incidentId: found.id,
            kind: "RESOLVED",
            actorUserId: ctx.actor.userId,
            body: activityBody(token, input.reason),
          },
        });
        // The scoped transaction client is a Prisma transaction client with the tenant filter added.
        await recordIncidentAlert(
          tx as unknown as Prisma.TransactionClient,
          found.id,
          "INCIDENT_RESOLVED",
          input.reason,
        );
        await audit(
          { ...ctx, db: tx },
          "incident.resolve",
          { type: "Incident", id: found.id },
          {
            code: found.code,
            reason: input.reason,
            ...(token ? { apiToken: token } : {}),
          },
        );
        return { id: found.id, status: "RESOLVED" as const, resolvedAt: now };
      });
    }),

  /** Mean time to recover per code and per connection, over incidents opened in a range. */
  mttr: tenantProcedure("VIEWER")
    .input(
      z
        .object({
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          connectionId: z.string().trim().min(1).max(64).optional(),
          limit: z.number().int().min(1).max(100).default(20),
        })
        .default({ limit: 20 }),
    )
    .query(async ({ ctx, input }) => {
      const to = input.to ?? new Date();
      const from = input.from ?? new Date(to.getTime() - 30 * DAY_MS);
      if (from > to) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "The start of the time range is after its end." });
      }
      if (to.getTime() - from.getTime() > 366 * DAY_MS) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Ask for at most a year of incidents at a time." });
      }
      return meanTimeToRecover(
        ctx.db,
        ctx.tenantId,
        { from, to },
        {
          ...(input.connectionId ? { connectionId: input.connectionId } : {}),
          limit: input.limit,
        },
      );
    }),
});
