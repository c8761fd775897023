// What a log line shows wherever the dashboard lists log events (log search, a connection's
// recent lines): the same columns, selected once.
import type { Prisma } from "@tunnelwatch/db";

export const LOG_EVENT_ROW_SELECT = {
  id: true,
  occurredAt: true,
  ingestedAt: true,
  source: true,
  stream: true,
  raw: true,
  vendor: true,
  code: true,
  severity: true,
  phase: true,
  confidence: true,
  evidence: true,
  rule: true,
} satisfies Prisma.TunnelLogEventSelect;

/** Counting log events stops here: past it, lists say "10,000+". */
export const LOG_COUNT_CAP = 10_000;
