// CloudWatch alarms on a Site-to-Site VPN's metrics (namespace AWS/VPN), as SNS delivers their
// state changes: {"AlarmName", "NewStateValue": "ALARM" | "OK" | "INSUFFICIENT_DATA", "NewStateReason",
// "StateChangeTime", "Trigger": {"MetricName": "TunnelState", "Namespace": "AWS/VPN",
// "ComparisonOperator", "Dimensions": [{"name": "VpnId", "value"}, {"name": "TunnelIpAddress", ...}]}}.
// TunnelState is 1 while the tunnel is up (and, on a BGP connection, its BGP session established),
// 0 when it is down.
import { nonEmptyString } from "./aws-record.ts";
import type { ParsedFields } from "./types.ts";

export interface VpnAlarm {
  /** What the state change says of the tunnel: down, back up, or nothing (no data, a traffic metric). */
  tunnel: "down" | "up" | "unknown";
  /** "TunnelState ALARM", "TunnelDataIn OK"... */
  evidence: string;
  fields: ParsedFields;
}

/** Returns undefined when the object is not a CloudWatch alarm on an AWS/VPN metric. */
export function readVpnAlarm(record: Record<string, unknown>): VpnAlarm | undefined {
  const trigger = record.Trigger;
  if (typeof trigger !== "object" || trigger === null) return undefined;
  const {
    MetricName: metric,
    Namespace: namespace,
    ComparisonOperator: operator,
    Dimensions: dimensions,
  } = trigger as Record<string, unknown>;
  const state = nonEmptyString(record.NewStateValue);
  if (namespace !== "AWS/VPN" || typeof metric !== "string" || state === undefined) return undefined;
  const fields: ParsedFields = {
    time: nonEmptyString(record.StateChangeTime),
    message: nonEmptyString(record.NewStateReason),
  };
  if (Array.isArray(dimensions)) {
    for (const dimension of dimensions as Array<Record<string, unknown>>) {
      if (dimension?.name === "VpnId") fields.tunnelId = nonEmptyString(dimension.value);
      // The AWS side's outside address, as the tunnel records' tunnel_outside_ip.
      if (dimension?.name === "TunnelIpAddress") fields.localIp = nonEmptyString(dimension.value);
    }
  }
  const evidence = `${metric} ${state}`;
  if (metric !== "TunnelState" || (state !== "ALARM" && state !== "OK")) return { tunnel: "unknown", evidence, fields };
  // An alarm on TunnelState fires when it falls below its threshold (the usual "< 1"); one that
  // fires above it is watching for the tunnel to come up.
  const firesWhenDown = typeof operator !== "string" || operator.startsWith("LessThan");
  const isDown = (state === "ALARM") === firesWhenDown;
  return { tunnel: isDown ? "down" : "up", evidence, fields };
}
