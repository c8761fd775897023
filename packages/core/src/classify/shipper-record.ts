// A log line that a log shipper wrapped in a JSON record of its own, and what the wrapper says
// about the line that the line itself may not: when it was logged and on which host.
import { DIGITS, epochMsOf } from "./epoch-ms.ts";
import { setTime } from "./header.ts";
import type { Classification, ParsedFields } from "./types.ts";

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);

/** The one event of a CloudWatch Logs subscription's batch that holds a single event. */
function singleLogEvent(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const events = record.logEvents;
  return Array.isArray(events) && events.length === 1 && isObject(events[0]) ? events[0] : undefined;
}

/**
 * The log line inside a JSON record that a log shipper wrapped it in: Docker's json-file and
 * Kubernetes ("log"), journald's JSON export ("MESSAGE", with SYSLOG_IDENTIFIER and _PID),
 * Elastic and CloudWatch Logs exports ("message", "@message"), Graylog's GELF ("short_message"),
 * Google Cloud Logging entries ("textPayload"), Azure Monitor diagnostic records ("Message" in Log
 * Analytics, "properties.message" in resource logs), Oracle Cloud's logging ("data.message").
 * What a record wraps may be a JSON record itself (an AWS tunnel record exported by CloudWatch
 * Logs Insights as "@message"): it is read in turn, and each level is shorter than the one around
 * it. Azure's tunnel and route diagnostic records name their event in the operation
 * ("TunnelDisconnected") and its cause apart ("stateChangeReason"): the two are read together.
 */
export function wrappedLine(record: Record<string, unknown>): string | undefined {
  const category = text(record.category) ?? text(record.Category);
  // Only Azure's and Oracle's envelopes: another record's "data" (a CloudEvents event of Alibaba's,
  // whose type names the event) is not a log line.
  const nested = category !== undefined ? record.properties : isObject(record.oracle) ? record.data : undefined;
  const inner = isObject(nested) ? nested : undefined;
  if (category === "TunnelDiagnosticLog" || category === "RouteDiagnosticLog") {
    const operation = text(record.operationName) ?? text(record.OperationName);
    const detail =
      text(inner?.stateChangeReason) ??
      text(record.stateChangeReason_s) ??
      text(inner?.message) ??
      text(record.Message) ??
      text(inner?.status) ??
      text(record.status_s);
    // A message that starts with the operation's name already says it ("BgpRouteUpdate: ...").
    if (operation && detail === undefined) return operation;
    if (operation && detail !== undefined) return detail.startsWith(operation) ? detail : `${operation}: ${detail}`;
  }
  const journald = text(record.MESSAGE);
  if (journald !== undefined) {
    const program = text(record.SYSLOG_IDENTIFIER);
    const pid = text(record._PID);
    return program ? `${program}${pid ? `[${pid}]` : ""}: ${journald}` : journald;
  }
  // A CloudWatch Logs subscription delivers a batch: one event is read as that event's line.
  const event = singleLogEvent(record);
  if (event) return text(event.message);
  return (
    text(record.log) ??
    text(record.message) ??
    text(record.short_message) ??
    text(record["@message"]) ??
    text(record.textPayload) ??
    text(record.Message) ??
    text(inner?.message) ??
    text(inner?.Message)
  );
}

// Where shippers put the time: Elastic, Logstash and Vector ("@timestamp"), Docker, Fluentd and
// Azure ("time", "TimeGenerated"), Google Cloud Logging and GELF ("timestamp", GELF's in seconds),
// Fluent Bit ("date", seconds), journald ("__REALTIME_TIMESTAMP", microseconds), CloudWatch Logs
// (an event's "timestamp", milliseconds).
const TIME_KEYS = ["@timestamp", "timestamp", "time", "TimeGenerated", "date", "__REALTIME_TIMESTAMP"] as const;
// And the host: GELF and Vector ("host"), Elastic's ECS ("host.name"), journald ("_HOSTNAME").
const HOST_KEYS = ["host", "hostname", "_HOSTNAME", "HOSTNAME"] as const;

function envelopeFields(record: Record<string, unknown>): Pick<ParsedFields, "time" | "epochMs" | "host"> {
  const fields: Pick<ParsedFields, "time" | "epochMs" | "host"> = {};
  const envelope = singleLogEvent(record) ?? record;
  for (const key of TIME_KEYS) {
    const value = envelope[key];
    const epochMs = epochMsOf(value);
    if (epochMs !== undefined) {
      // Whole milliseconds: a fraction of a second in seconds ("1704880800.123") is no finer.
      fields.epochMs = Math.round(epochMs);
      fields.time = new Date(fields.epochMs).toISOString();
      break;
    }
    // A number that is no time (zero) is passed over, as a missing one is.
    if (typeof value === "string" && value.trim() !== "" && !DIGITS.test(value)) {
      setTime(fields, value.trim());
      break;
    }
  }
  for (const key of HOST_KEYS) {
    const value = envelope[key];
    const host = text(value) ?? (isObject(value) ? text(value.name) : undefined);
    if (host !== undefined) {
      fields.host = host;
      break;
    }
  }
  return fields;
}

/**
 * The classification of a wrapped line, with the time and host its wrapper gives where the line
 * names none: the line's own time wins, and a wrapper's time with a zone gives the instant a
 * line's time without a year or zone cannot.
 */
export function withEnvelopeFields(result: Classification, record: Record<string, unknown>): Classification {
  const envelope = envelopeFields(record);
  const fields = { ...result.fields };
  if (fields.time === undefined && envelope.time !== undefined) fields.time = envelope.time;
  if (fields.epochMs === undefined && envelope.epochMs !== undefined) fields.epochMs = envelope.epochMs;
  if (fields.host === undefined && envelope.host !== undefined) fields.host = envelope.host;
  return { ...result, fields };
}
