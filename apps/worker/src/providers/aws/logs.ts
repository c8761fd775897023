// CloudWatch Logs FilterLogEvents on one log stream, from a stored cursor.
//
// Cursor: the timestamp of the last event delivered and the ids of the events already delivered at
// that timestamp. A new query starts AT that timestamp (not after it), so events that share the
// boundary millisecond are never skipped, and the ids drop the ones already delivered, so
// re-reading the boundary is idempotent. While a query has more pages, its nextToken and start
// time ride along; a token that has expired falls back to a fresh query from the boundary.
import type { FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import type { LogCursor, LogPage, RawLogEvent } from "../types.ts";

export interface AwsLogCursor {
  v: 1;
  /** Epoch ms of the last event delivered (or the start of the stream window). */
  ts: number;
  /** Event ids delivered at `ts`. */
  idsAtTs: string[];
  /** Continuation of the query that started at `queryStart`. */
  nextToken?: string;
  queryStart?: number;
}

export function parseAwsCursor(cursor: LogCursor | null, since: Date): AwsLogCursor {
  const c = cursor as Partial<AwsLogCursor> | null;
  if (c && c.v === 1 && typeof c.ts === "number" && Array.isArray(c.idsAtTs)) {
    return {
      v: 1,
      ts: c.ts,
      idsAtTs: c.idsAtTs.filter((id): id is string => typeof id === "string"),
      ...(typeof c.nextToken === "string" && typeof c.queryStart === "number"
        ? { nextToken: c.nextToken, queryStart: c.queryStart }
        : {}),
    };
  }
  return { v: 1, ts: since.getTime(), idsAtTs: [] };
}

/** Drops events already delivered and advances the cursor past the ones kept. */
export function advanceAwsCursor(
  cursor: AwsLogCursor,
  events: readonly FilteredLogEvent[],
  next: { nextToken?: string; queryStart: number },
): { events: RawLogEvent[]; cursor: AwsLogCursor } {
  const seen = new Set(cursor.idsAtTs);
  let ts = cursor.ts;
  let idsAtTs = [...cursor.idsAtTs];
  const kept: RawLogEvent[] = [];
  const keptIds = new Set<string>();
  const sorted = [...events].sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
  for (const event of sorted) {
    const timestamp = event.timestamp;
    if (timestamp === undefined || event.eventId === undefined) continue;
    if (timestamp < cursor.ts) continue;
    if (timestamp === cursor.ts && seen.has(event.eventId)) continue;
    if (keptIds.has(event.eventId)) continue;
    keptIds.add(event.eventId);
    kept.push({ id: event.eventId, timestamp, message: event.message ?? "" });
    if (timestamp > ts) {
      ts = timestamp;
      idsAtTs = [event.eventId];
    } else if (timestamp === ts) {
      idsAtTs.push(event.eventId);
    }
  }
  return {
    events: kept,
    cursor: {
      v: 1,
      ts,
      idsAtTs,
      ...(next.nextToken ? { nextToken: next.nextToken, queryStart: next.queryStart } : {}),
    },
  };
}

export function awsLogPage(events: RawLogEvent[], cursor: AwsLogCursor): LogPage {
  return { events, cursor: { ...cursor }, hasMore: cursor.nextToken !== undefined };
}
