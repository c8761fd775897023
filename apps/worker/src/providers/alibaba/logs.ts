// DescribeVpnConnectionLogs cursor: walks fixed 10-minute windows forward.
//
// The API takes From/To in Unix seconds (at most 10 minutes apart) and pages of at most 50 lines,
// and its lines have no ids. A window is read only once it is closed (its end is older than a
// settling delay), so its content no longer changes; its lines are then read page by page with a
// fixed page size, and each line's id is derived from the window, page, position and text. The
// cursor (window start, page, offset in the page) therefore never skips or repeats a line, and a
// re-pull from the same cursor returns the same lines with the same ids.
import { createHash } from "node:crypto";
import type { LogCursor, RawLogEvent } from "../types.ts";

export const WINDOW_SECONDS = 600;
/** The API's largest page (PageSize 1–50); fixed, so page positions are stable. */
export const LOG_PAGE_SIZE = 50;
/** Lines can arrive a little late: a window is read once its end is this far in the past. */
export const SETTLE_SECONDS = 120;

export interface AlibabaLogCursor {
  v: 1;
  /** Start of the window being read, Unix seconds, aligned to WINDOW_SECONDS. */
  from: number;
  /** Next page of that window, 1-based. */
  page: number;
  /** Lines of that page already delivered. */
  offset: number;
}

export function alignWindow(seconds: number): number {
  return Math.floor(seconds / WINDOW_SECONDS) * WINDOW_SECONDS;
}

export function parseAlibabaCursor(cursor: LogCursor | null, since: Date): AlibabaLogCursor {
  const c = cursor as Partial<AlibabaLogCursor> | null;
  if (
    c &&
    c.v === 1 &&
    Number.isInteger(c.from) &&
    Number.isInteger(c.page) &&
    (c.page as number) >= 1 &&
    Number.isInteger(c.offset) &&
    (c.offset as number) >= 0
  ) {
    return { v: 1, from: c.from as number, page: c.page as number, offset: c.offset as number };
  }
  return { v: 1, from: alignWindow(Math.floor(since.getTime() / 1000)), page: 1, offset: 0 };
}

export function isWindowClosed(from: number, nowMs: number): boolean {
  return from + WINDOW_SECONDS <= Math.floor(nowMs / 1000) - SETTLE_SECONDS;
}

export function lineId(scope: string, cursor: { from: number; page: number }, position: number, line: string): string {
  const digest = createHash("sha256")
    .update(`${scope}\n${cursor.from}\n${cursor.page}\n${position}\n${line}`)
    .digest("hex")
    .slice(0, 32);
  return `ali-${cursor.from}-${cursor.page}-${position}-${digest}`;
}

/**
 * Timestamp of a log line, epoch ms. Lines start "YYYY-MM-DD HH:mm:ss" in the gateway's local time
 * without a zone: the SDK's DiagnoseVpnConnections example pairs SourceLog "2023-01-13 11:39:21"
 * with FailedTime 1673581161000 (03:39:21Z), i.e. UTC+8. The zone is inferred as the whole-quarter-
 * hour offset that puts the line inside its window; failing that, the window start is used.
 */
export function lineTimestamp(line: string, windowFrom: number): number {
  const windowStartMs = windowFrom * 1000;
  const windowEndMs = windowStartMs + WINDOW_SECONDS * 1000;
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(line);
  if (!match) return windowStartMs;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(asUtc)) return windowStartMs;
  const inWindow = (t: number) => t >= windowStartMs - 1000 && t <= windowEndMs + 1000;
  if (inWindow(asUtc)) return asUtc;
  for (let quarter = -56; quarter <= 56; quarter++) {
    const candidate = asUtc - quarter * 15 * 60 * 1000;
    if (inWindow(candidate)) return candidate;
  }
  return windowStartMs;
}

/** The lines of one page after `offset`, at most `max`, as events. */
export function pageEvents(
  scope: string,
  cursor: AlibabaLogCursor,
  lines: readonly string[],
  max: number,
): RawLogEvent[] {
  return lines.slice(cursor.offset, cursor.offset + max).map((line, i) => ({
    id: lineId(scope, cursor, cursor.offset + i, line),
    timestamp: lineTimestamp(line, cursor.from),
    message: line,
  }));
}
