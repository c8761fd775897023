// AWS Health (JSON 1.1): VPN events derived from the scenario — endpoint replacements (redundancy
// lost while a tunnel is replaced), upcoming replacements under tunnel lifecycle control, and the
// monthly single-tunnel notice. Accounts without a Business/Enterprise plan get SubscriptionRequiredException.
import type { ServerResponse } from "node:http";
import { jsonAccessDenied, jsonError, jsonOk } from "./aws-logs.ts";
import type { SimContext } from "./context.ts";
import type { AwsAccount, SimConnection } from "./fleet.ts";
import { hash32 } from "./prng.ts";
import { MAINTENANCE_NOTICE_MS } from "./scenario.ts";

const DAY_MS = 86_400_000;

export interface HealthEvent {
  arn: string;
  service: "VPN";
  eventTypeCode: string;
  eventTypeCategory: "issue" | "accountNotification" | "scheduledChange";
  region: string;
  startTime: number;
  endTime?: number;
  lastUpdatedTime: number;
  statusCode: "open" | "upcoming" | "closed";
  eventScopeCode: "ACCOUNT_SPECIFIC";
  connection: SimConnection;
  description: string;
}

function eventArn(region: string, code: string, ...parts: (string | number)[]): string {
  const id = String(hash32(code, ...parts)).padStart(10, "0") + String(hash32(...parts, code)).padStart(10, "0");
  return `arn:aws:health:${region}::event/VPN/${code}/${code}-${id}`;
}

export function healthEvents(ctx: SimContext, account: AwsAccount): HealthEvent[] {
  const now = ctx.now();
  const out: HealthEvent[] = [];
  for (const c of ctx.connectionsOf(account.id)) {
    // Scheduled endpoint replacements: past ones (30 days) and the next one under lifecycle control.
    if (c.maintenance) {
      const first = c.tunnels[0];
      if (first) {
        const k = ctx.scenario.maintenanceIndex(c, first, now) ?? 0;
        for (let i = k - 3; i <= k + 1; i++) {
          const start = ctx.scenario.maintenanceTime(c, first, i);
          if (start < c.createdAt || start < now - 30 * DAY_MS) continue;
          const end = start + (c.tunnels.length - 1) * 30 * 60_000 + 15 * 60_000;
          if (start <= now) {
            out.push({
              arn: eventArn(c.region, "AWS_VPN_REDUNDANCY_LOSS", c.id, i),
              service: "VPN",
              eventTypeCode: "AWS_VPN_REDUNDANCY_LOSS",
              eventTypeCategory: "accountNotification",
              region: c.region,
              startTime: start,
              endTime: end <= now ? end : undefined,
              lastUpdatedTime: Math.min(end, now),
              statusCode: end <= now ? "closed" : "open",
              eventScopeCode: "ACCOUNT_SPECIFIC",
              connection: c,
              description: `Your VPN connection ${c.id} in ${c.region} has lost tunnel redundancy while AWS replaces its tunnel endpoints, one tunnel at a time.`,
            });
          } else if (c.lifecycleControl && start - now <= MAINTENANCE_NOTICE_MS) {
            // Event type code not verified against AWS (seen only in a secondary summary of an AWS blog).
            out.push({
              arn: eventArn(c.region, "AWS_VPN_TUNNEL_UPDATE_AVAILABLE", c.id, i),
              service: "VPN",
              eventTypeCode: "AWS_VPN_TUNNEL_UPDATE_AVAILABLE",
              eventTypeCategory: "scheduledChange",
              region: c.region,
              startTime: start,
              endTime: end,
              lastUpdatedTime: start - MAINTENANCE_NOTICE_MS,
              statusCode: "upcoming",
              eventScopeCode: "ACCOUNT_SPECIFIC",
              connection: c,
              description: `A tunnel endpoint update is available for VPN connection ${c.id}. It is applied automatically after ${new Date(start).toISOString()} unless you apply it earlier with ReplaceVpnTunnel.`,
            });
          }
        }
      }
    }
    // Injected maintenance faults.
    for (const t of c.tunnels) {
      for (const cond of ctx.scenario.conditions(c, t, now - 30 * DAY_MS, now + 1)) {
        if (cond.source !== "fault" || cond.kind !== "maintenance") continue;
        out.push({
          arn: eventArn(c.region, "AWS_VPN_REDUNDANCY_LOSS", cond.key),
          service: "VPN",
          eventTypeCode: "AWS_VPN_REDUNDANCY_LOSS",
          eventTypeCategory: "accountNotification",
          region: c.region,
          startTime: cond.start,
          endTime: cond.end <= now ? cond.end : undefined,
          lastUpdatedTime: Math.min(cond.end, now),
          statusCode: cond.end <= now ? "closed" : "open",
          eventScopeCode: "ACCOUNT_SPECIFIC",
          connection: c,
          description: `Tunnel ${t.index} of VPN connection ${c.id} is being replaced; the connection runs on one tunnel until it is back.`,
        });
      }
    }
    // A tunnel that never comes up: the monthly single-tunnel notice.
    if (c.tunnels.some((t) => t.permanentlyDown)) {
      const d = new Date(now);
      const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      out.push({
        arn: eventArn(c.region, "AWS_VPN_SINGLE_TUNNEL_NOTIFICATION", c.id, monthStart),
        service: "VPN",
        eventTypeCode: "AWS_VPN_SINGLE_TUNNEL_NOTIFICATION",
        eventTypeCategory: "accountNotification",
        region: c.region,
        startTime: monthStart,
        lastUpdatedTime: monthStart,
        statusCode: "open",
        eventScopeCode: "ACCOUNT_SPECIFIC",
        connection: c,
        description: `Your VPN connection ${c.id} ran on a single tunnel for more than one hour on at least one day this month.`,
      });
    }
  }
  return out.sort((a, b) => b.lastUpdatedTime - a.lastUpdatedTime || (a.arn < b.arn ? -1 : 1));
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

function eventJson(e: HealthEvent) {
  return {
    arn: e.arn,
    service: e.service,
    eventTypeCode: e.eventTypeCode,
    eventTypeCategory: e.eventTypeCategory,
    region: e.region,
    startTime: seconds(e.startTime),
    endTime: seconds(e.endTime),
    lastUpdatedTime: seconds(e.lastUpdatedTime),
    statusCode: e.statusCode,
    eventScopeCode: e.eventScopeCode,
  };
}

type Filter = Record<string, unknown>;
const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);

function inRanges(ms: number | undefined, ranges: unknown): boolean {
  if (!Array.isArray(ranges) || ranges.length === 0) return true;
  if (ms === undefined) return false;
  return ranges.some((r: { from?: number; to?: number }) => {
    const from = r.from === undefined ? Number.NEGATIVE_INFINITY : r.from * 1000;
    const to = r.to === undefined ? Number.POSITIVE_INFINITY : r.to * 1000;
    return ms >= from && ms <= to;
  });
}

function paginate<T>(items: T[], input: Record<string, unknown>, max: number) {
  const limit = Math.min(max, Math.max(1, Number(input.maxResults ?? max)));
  const offset = typeof input.nextToken === "string" ? Number(Buffer.from(input.nextToken, "base64url").toString()) : 0;
  const page = items.slice(offset, offset + limit);
  const nextToken =
    offset + limit < items.length ? Buffer.from(String(offset + limit)).toString("base64url") : undefined;
  return { page, nextToken };
}

export function handleHealth(
  ctx: SimContext,
  action: string,
  input: Record<string, unknown>,
  res: ServerResponse,
  account: AwsAccount,
) {
  if (!ctx.hasSupportPlan(account)) {
    return jsonError(
      res,
      400,
      "SubscriptionRequiredException",
      "The AWS Premium Support Subscription is required to use this service.",
    );
  }
  if (ctx.isDenied(account.id, `health:${action}`)) return jsonAccessDenied(res, account, `health:${action}`);
  const all = healthEvents(ctx, account);
  if (action === "DescribeEvents") {
    const f = (input.filter ?? {}) as Filter;
    const services = strings(f.services);
    const codes = strings(f.eventTypeCodes);
    const regions = strings(f.regions);
    const statuses = strings(f.eventStatusCodes);
    const categories = strings(f.eventTypeCategories);
    const arns = strings(f.eventArns);
    const entityValues = strings(f.entityValues);
    const selected = all.filter(
      (e) =>
        (!services || services.includes(e.service)) &&
        (!codes || codes.includes(e.eventTypeCode)) &&
        (!regions || regions.includes(e.region)) &&
        (!statuses || statuses.includes(e.statusCode)) &&
        (!categories || categories.includes(e.eventTypeCategory)) &&
        (!arns || arns.includes(e.arn)) &&
        (!entityValues || entityValues.includes(e.connection.id)) &&
        inRanges(e.startTime, f.startTimes) &&
        inRanges(e.endTime, f.endTimes) &&
        inRanges(e.lastUpdatedTime, f.lastUpdatedTimes),
    );
    const { page, nextToken } = paginate(selected, input, 100);
    return jsonOk(res, { events: page.map(eventJson), ...(nextToken ? { nextToken } : {}) });
  }
  if (action === "DescribeAffectedEntities") {
    const f = (input.filter ?? {}) as Filter;
    const arns = strings(f.eventArns) ?? [];
    if (arns.length === 0) return jsonError(res, 400, "ValidationException", "filter.eventArns must not be empty.");
    const entities = all
      .filter((e) => arns.includes(e.arn))
      .map((e) => ({
        entityArn: `arn:aws:health:${e.region}:${account.awsAccountId}:entity/${hash32(e.arn, e.connection.id)}`,
        eventArn: e.arn,
        entityValue: e.connection.id,
        awsAccountId: account.awsAccountId,
        lastUpdatedTime: seconds(e.lastUpdatedTime),
        statusCode: e.statusCode === "closed" ? "RESOLVED" : e.statusCode === "upcoming" ? "PENDING" : "IMPAIRED",
        tags: {},
      }));
    const { page, nextToken } = paginate(entities, input, 100);
    return jsonOk(res, { entities: page, ...(nextToken ? { nextToken } : {}) });
  }
  if (action === "DescribeEventDetails") {
    const arns = strings(input.eventArns) ?? [];
    const successfulSet = all
      .filter((e) => arns.includes(e.arn))
      .map((e) => ({ event: eventJson(e), eventDescription: { latestDescription: e.description }, eventMetadata: {} }));
    const failedSet = arns
      .filter((a) => !all.some((e) => e.arn === a))
      .map((a) => ({ eventArn: a, errorName: "NotFound", errorMessage: "The event was not found." }));
    return jsonOk(res, { successfulSet, failedSet });
  }
  return jsonError(res, 400, "UnknownOperationException", `Operation ${action} is not supported by this simulator.`);
}
