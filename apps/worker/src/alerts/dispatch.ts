// Outbox to deliveries: every new alert event is matched against its organisation's enabled
// rules, and for each enabled channel of a matching rule becomes a delivery, sent at once or
// folded into the one waiting at the end of the rule's quiet period (packages/core foldDecision).
// An alert about a connection whose customer gateway has another connection down, and the
// resolution of an incident whose opening the gateway's alert stood for, wait for the gateway's
// decision on the channels that take its alerts (gateway-cover.ts).
import { randomUUID } from "node:crypto";
import {
  type AlertRuleScope,
  type AlertSeverityName,
  type AlertSubject,
  foldDecision,
  isCustomerGatewayTrigger,
  ruleMatches,
} from "@tunnelwatch/core";
import type { Prisma, PrismaClient } from "@tunnelwatch/db";
import { gatewaysWithOtherDown, isCoveredTrigger, openingsCovered } from "./gateway-cover.ts";

type Tx = Prisma.TransactionClient;

/** Outbox rows taken per run; a backlog drains over consecutive runs. */
const BATCH = 500;

export interface DispatchResult {
  events: number;
  /** New deliveries and when each is due, for the caller to enqueue after the commit. */
  due: Array<{ id: string; at: Date }>;
  folded: number;
}

function scopeOf(value: Prisma.JsonValue): AlertRuleScope {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as AlertRuleScope) : {};
}

function tagsOf(value: Prisma.JsonValue): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * What repeats of an event are repeats of: a tunnel (or connection) for status events; for
 * incidents, the fault on that tunnel, so that a different fault is not held back by another's
 * quiet period.
 */
function foldSubject(event: {
  trigger: string;
  tunnelId: string | null;
  connectionId: string | null;
  incidentId: string | null;
  payload: Prisma.JsonValue;
}): string {
  const gateway = isCustomerGatewayTrigger(event.trigger)
    ? (event.payload as { customerGatewayIp?: unknown } | null)
    : null;
  const place =
    event.tunnelId ??
    event.connectionId ??
    event.incidentId ??
    (typeof gateway?.customerGatewayIp === "string" ? `gateway:${gateway.customerGatewayIp}` : "organisation");
  if (event.trigger !== "INCIDENT_OPENED" && event.trigger !== "INCIDENT_RESOLVED") return place;
  const payload = event.payload as { code?: unknown } | null;
  return `${place}:${typeof payload?.code === "string" ? payload.code : "incident"}`;
}

export interface DispatchOptions {
  /** How long an alert that may be its customer gateway's waits for the gateway's decision. */
  gatewayHoldMs: number;
}

export async function dispatchAlerts(
  prisma: PrismaClient,
  now: Date,
  options: DispatchOptions,
): Promise<DispatchResult> {
  return prisma.$transaction(
    async (tx) => {
      // One dispatcher at a time across workers: folding reads and writes the latest delivery of a key.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tunnelwatch:alert-dispatch'))`;
      const events = await tx.alertOutbox.findMany({
        where: { dispatchedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: BATCH,
      });
      const result: DispatchResult = { events: events.length, due: [], folded: 0 };
      if (events.length === 0) return result;

      const tenantIds = [...new Set(events.map((e) => e.tenantId))];
      const rules = await tx.alertRule.findMany({
        where: { tenantId: { in: tenantIds }, isEnabled: true },
        select: {
          id: true,
          tenantId: true,
          trigger: true,
          minSeverity: true,
          scope: true,
          quietPeriodSec: true,
          channels: { where: { channel: { isEnabled: true } }, select: { channelId: true } },
        },
      });
      const connectionIds = [...new Set(events.flatMap((e) => (e.connectionId ? [e.connectionId] : [])))];
      const connections = new Map(
        (
          await tx.vpnConnection.findMany({
            where: { id: { in: connectionIds }, tenantId: { in: tenantIds } },
            select: {
              id: true,
              tenantId: true,
              provider: true,
              cloudAccountId: true,
              tags: true,
              customerGatewayIp: true,
              tunnelsUp: true,
              tunnelsTotal: true,
            },
          })
        ).map((c) => [c.id, c]),
      );
      const mayBeGateways = await gatewaysWithOtherDown(tx, [...connections.values()]);
      const resolvedIncidents = events.flatMap((e) =>
        e.trigger === "INCIDENT_RESOLVED" && e.incidentId ? [e.incidentId] : [],
      );
      const coveredOpenings = await openingsCovered(tx, tenantIds, resolvedIncidents);
      // Channels that take a customer gateway's alerts, by organisation and trigger.
      const gatewayChannels = new Set(
        rules.flatMap((r) =>
          isCustomerGatewayTrigger(r.trigger) ? r.channels.map((c) => `${r.tenantId}:${c.channelId}:${r.trigger}`) : [],
        ),
      );
      const holdUntil = new Date(now.getTime() + options.gatewayHoldMs);

      for (const event of events) {
        const connection = event.connectionId ? connections.get(event.connectionId) : undefined;
        const subject: AlertSubject | null = connection
          ? {
              provider: connection.provider,
              cloudAccountId: connection.cloudAccountId,
              connectionId: connection.id,
              tags: tagsOf(connection.tags),
            }
          : null;
        for (const rule of rules) {
          if (rule.tenantId !== event.tenantId) continue;
          const terms = { trigger: rule.trigger, minSeverity: rule.minSeverity, scope: scopeOf(rule.scope) };
          if (!ruleMatches(terms, { trigger: event.trigger, severity: event.severity as AlertSeverityName }, subject)) {
            continue;
          }
          const about = foldSubject(event);
          const mayBeGateway =
            isCoveredTrigger(event.trigger) && connection !== undefined && mayBeGateways.has(connection.id);
          for (const { channelId } of rule.channels) {
            const foldKey = `${rule.id}:${channelId}:${event.trigger}:${about}`;
            const waitsForGateway =
              (mayBeGateway && gatewayChannels.has(`${event.tenantId}:${channelId}:CUSTOMER_GATEWAY_DOWN`)) ||
              (coveredOpenings.has(`${event.incidentId}:${channelId}`) &&
                gatewayChannels.has(`${event.tenantId}:${channelId}:CUSTOMER_GATEWAY_RECOVERED`));
            const outcome = await deliverOrFold(
              tx,
              { event, ruleId: rule.id, channelId, foldKey },
              rule.quietPeriodSec,
              now,
              waitsForGateway ? holdUntil : now,
            );
            if (outcome.folded) result.folded++;
            else result.due.push({ id: outcome.id, at: outcome.at });
          }
        }
      }
      await tx.alertOutbox.updateMany({
        where: { id: { in: events.map((e) => e.id) } },
        data: { dispatchedAt: now },
      });
      return result;
    },
    { timeout: 60_000 },
  );
}

async function deliverOrFold(
  tx: Tx,
  target: { event: { id: string; tenantId: string }; ruleId: string; channelId: string; foldKey: string },
  quietPeriodSec: number,
  now: Date,
  notBefore: Date,
): Promise<{ folded: true } | { folded: false; id: string; at: Date }> {
  const lastDelivery = () =>
    tx.alertDelivery.findFirst({
      where: { foldKey: target.foldKey },
      orderBy: { scheduledAt: "desc" },
      select: { id: true, status: true, attempts: true, scheduledAt: true },
    });
  let decision = foldDecision(await lastDelivery(), now, quietPeriodSec);
  if (decision.action === "fold") {
    // The waiting delivery now describes the latest event, and how many it stands for; only while
    // no sender has claimed it, or the message already on its way would miss this event.
    const folded = await tx.alertDelivery.updateMany({
      where: { id: decision.deliveryId, status: "PENDING", attempts: 0 },
      data: { outboxId: target.event.id, foldedCount: { increment: 1 }, lastFoldedAt: now },
    });
    if (folded.count === 1) return { folded: true };
    // Claimed since it was read: decide again on what the delivery is now (this event then opens
    // the next quiet period).
    decision = foldDecision(await lastDelivery(), now, quietPeriodSec);
  }
  const due = decision.action === "schedule" ? decision.at : now;
  const at = due < notBefore ? notBefore : due;
  const created = await tx.alertDelivery.create({
    data: {
      tenantId: target.event.tenantId,
      outboxId: target.event.id,
      ruleId: target.ruleId,
      channelId: target.channelId,
      idempotencyKey: `tw_${randomUUID()}`,
      foldKey: target.foldKey,
      scheduledAt: at,
      nextAttemptAt: at,
    },
    select: { id: true },
  });
  return { folded: false, id: created.id, at };
}
