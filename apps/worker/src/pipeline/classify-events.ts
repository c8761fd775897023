// Classified log events to rows, and the fault events among them that fold into incidents.
import { type Classification, classifyLine, type Vendor } from "@tunnelwatch/core";
import type { LogEventRow, LogSource } from "@tunnelwatch/db";
import { fingerprint } from "./fingerprint.ts";
import { toDbSeverity } from "./incidents.ts";

export interface EventInput {
  /** Identity within the stream: provider event id, or batch id and line number. */
  id: string;
  /** Epoch ms when the source knows it; the line's own time wins when it carries one. */
  timestamp: number;
  message: string;
}

export interface ClassifiedEvent {
  row: LogEventRow;
  classification: Classification;
}

export function classifyEvents(options: {
  tenantId: string;
  cloudAccountId: string | null;
  connectionId: string | null;
  tunnelId: string | null;
  source: LogSource;
  stream: string;
  vendor?: Vendor;
  events: readonly EventInput[];
}): ClassifiedEvent[] {
  return options.events.map((event) => {
    const classification = classifyLine(event.message, options.vendor ? { vendor: options.vendor } : {});
    const occurredAt = new Date(classification.fields.epochMs ?? event.timestamp);
    const row: LogEventRow = {
      tenantId: options.tenantId,
      cloudAccountId: options.cloudAccountId,
      connectionId: options.connectionId,
      tunnelId: options.tunnelId,
      source: options.source,
      stream: options.stream,
      occurredAt: Number.isNaN(occurredAt.getTime()) ? new Date(event.timestamp) : occurredAt,
      // Lines are stored whole up to the classifier's limit; longer ones are cut and marked.
      raw: event.message.length > 16_384 ? `${event.message.slice(0, 16_384)}…[truncated]` : event.message,
      parsed: { ...classification.fields, ...(classification.reason ? { reason: classification.reason } : {}) },
      vendor: classification.vendor,
      code: classification.code,
      severity: toDbSeverity(classification.severity),
      phase: classification.phase,
      confidence: classification.confidence,
      evidence: classification.evidence,
      rule: classification.rule,
      fingerprint: fingerprint([options.tenantId, options.source, options.stream, event.id, event.timestamp]),
    };
    return { row, classification };
  });
}
