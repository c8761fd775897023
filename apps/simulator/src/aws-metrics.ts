// CloudWatch metrics (JSON 1.0, GraniteServiceVersion20100801): GetMetricData over the AWS/VPN
// namespace, per tunnel by its TunnelIpAddress dimension. TunnelDataIn and TunnelDataOut are the
// bytes of each period (none while the tunnel is down, none on an idle connection), TunnelState
// is 1 up, 0 down.
import type { ServerResponse } from "node:http";
import { jsonAccessDenied, jsonError, jsonOk } from "./aws-logs.ts";
import type { SimContext } from "./context.ts";
import type { AwsAccount, SimConnection, SimTunnel } from "./fleet.ts";
import { hash32 } from "./prng.ts";

const METRICS = new Set(["TunnelDataIn", "TunnelDataOut", "TunnelState"]);
const MAX_QUERIES = 500;
const MAX_POINTS = 100_800;

/** Static connections whose sites send nothing over the tunnels (about one in three). */
export function isIdleConnection(c: SimConnection): boolean {
  return c.routing === "static" && hash32("idle", c.id) % 3 === 0;
}

interface MetricQuery {
  Id?: unknown;
  MetricStat?: {
    Metric?: { Namespace?: unknown; MetricName?: unknown; Dimensions?: Array<{ Name?: unknown; Value?: unknown }> };
    Period?: unknown;
    Stat?: unknown;
  };
}

function valueAt(
  ctx: SimContext,
  c: SimConnection,
  t: SimTunnel,
  metric: string,
  periodStartMs: number,
  periodMs: number,
) {
  const down = ctx.scenario.isDown(ctx.scenario.stateAt(c, t, periodStartMs + periodMs / 2));
  if (metric === "TunnelState") return down ? 0 : 1;
  if (down || isIdleConnection(c)) return 0;
  return 2_000 + (hash32(metric, c.id, t.index, periodStartMs) % 400_000);
}

export function handleMetrics(
  ctx: SimContext,
  action: string,
  input: Record<string, unknown>,
  res: ServerResponse,
  account: AwsAccount,
  region: string,
) {
  if (action !== "GetMetricData")
    return jsonError(res, 400, "UnknownOperationException", `Unknown operation ${action}`);
  if (ctx.isDenied(account.id, `cloudwatch:${action}`))
    return jsonAccessDenied(res, account, `cloudwatch:${action}`, "AccessDenied");
  const queries = input.MetricDataQueries;
  const start = Number(input.StartTime) * 1000;
  const end = Number(input.EndTime) * 1000;
  if (!Array.isArray(queries) || queries.length === 0 || queries.length > MAX_QUERIES) {
    return jsonError(res, 400, "ValidationError", `MetricDataQueries must hold 1 to ${MAX_QUERIES} queries.`);
  }
  if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end) {
    return jsonError(res, 400, "ValidationError", "The parameter StartTime must be before EndTime.");
  }
  const now = ctx.now();
  const tunnels = new Map<string, [SimConnection, SimTunnel]>();
  for (const c of ctx.connectionsOf(account.id, region)) {
    for (const t of c.tunnels) tunnels.set(ctx.scenario.outsideIpAt(c, t, now), [c, t]);
  }
  const results = [];
  let points = 0;
  for (const raw of queries as MetricQuery[]) {
    const stat = raw.MetricStat;
    const metric = String(stat?.Metric?.MetricName ?? "");
    const period = Number(stat?.Period);
    if (
      typeof raw.Id !== "string" ||
      stat?.Metric?.Namespace !== "AWS/VPN" ||
      !Number.isInteger(period) ||
      period < 60
    ) {
      return jsonError(
        res,
        400,
        "ValidationError",
        "Each query needs an Id, a MetricStat in AWS/VPN and a Period of 60 s or more.",
      );
    }
    const address = stat.Metric.Dimensions?.find((d) => d.Name === "TunnelIpAddress")?.Value;
    const found = typeof address === "string" ? tunnels.get(address) : undefined;
    const timestamps: number[] = [];
    const values: number[] = [];
    if (found && METRICS.has(metric)) {
      const periodMs = period * 1000;
      const last = Math.min(end, now);
      // Newest first, as CloudWatch returns them by default (TimestampDescending).
      for (let at = Math.floor((last - periodMs) / periodMs) * periodMs; at >= start; at -= periodMs) {
        if (at < found[0].createdAt) break;
        timestamps.push(at / 1000);
        values.push(valueAt(ctx, found[0], found[1], metric, at, periodMs));
      }
    }
    points += values.length;
    if (points > MAX_POINTS) return jsonError(res, 400, "ValidationError", "Too many datapoints requested.");
    results.push({ Id: raw.Id, Label: metric, Timestamps: timestamps, Values: values, StatusCode: "Complete" });
  }
  return jsonOk(res, { MetricDataResults: results, Messages: [] });
}
