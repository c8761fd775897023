// Log search over the classified tunnel log events. Every search is bounded in time (the last
// 24 hours unless asked otherwise, at most 31 days), so the scan stays on the
// (tenantId, occurredAt), (tenantId, code, occurredAt), (connectionId, occurredAt) or
// (tunnelId, occurredAt) index even with millions of events; text matches (ILIKE on the raw
// line) only filter rows inside that window. Counting stops at 10,000, and text searches are
// not counted.

import { TRPCError } from "@trpc/server";
import { LogSource, type Prisma, Severity, type TenantDb } from "@tunnelwatch/db";
import { z } from "zod";
import { likeText } from "../incidents/sql.ts";
import { LOG_COUNT_CAP, LOG_EVENT_ROW_SELECT } from "../log-event-rows.ts";
import { router, tenantProcedure } from "../trpc.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const LOG_DEFAULT_RANGE_MS = DAY_MS;
export const LOG_MAX_RANGE_MS = 31 * DAY_MS;
/** Deeper than this, page with the cursor (or narrow the search). */
const MAX_OFFSET = 10_000;

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_]+$/, "A code is letters, digits and underscores, e.g. DPD_TIMEOUT")
  .transform((value) => value.toUpperCase());

const searchInput = z.object({
  connectionId: z.string().trim().min(1).max(64).optional(),
  tunnelId: z.string().trim().min(1).max(64).optional(),
  codes: z.array(code).max(20, "Pick at most 20 codes").optional(),
  severities: z.array(z.enum(Severity)).max(4).optional(),
  vendor: z.string().trim().min(1).max(40).optional(),
  source: z.enum(LogSource).optional(),
  /** Defaults to 24 hours before `to`. */
  from: z.coerce.date().optional(),
  /** Defaults to now. */
  to: z.coerce.date().optional(),
  /** Case-insensitive text in the raw line. */
  text: z.string().trim().max(200, "Search for at most 200 characters").optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
  /** From a previous page's `nextCursor`: the page after it (page is then ignored). */
  cursor: z.string().max(100).optional(),
});

function decodeCursor(cursor: string): { at: Date; id: bigint } {
  const [at, id] = cursor.split("|");
  const date = at ? new Date(at) : new Date(Number.NaN);
  if (!at || !id || Number.isNaN(date.getTime()) || !/^\d{1,20}$/.test(id)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This cursor is not one the log search returned." });
  }
  return { at: date, id: BigInt(id) };
}

function encodeCursor(at: Date, id: bigint): string {
  return `${at.toISOString()}|${id}`;
}

/** The search's time window: explicit, or the last 24 hours; never more than 31 days. */
export function logRange(input: { from?: Date | undefined; to?: Date | undefined }, now = new Date()) {
  const to =
    input.to ?? (input.from ? new Date(Math.min(now.getTime(), input.from.getTime() + LOG_MAX_RANGE_MS)) : now);
  const from = input.from ?? new Date(to.getTime() - LOG_DEFAULT_RANGE_MS);
  if (from > to) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The start of the time range is after its end." });
  }
  if (to.getTime() - from.getTime() > LOG_MAX_RANGE_MS) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Search at most 31 days of logs at a time: narrow the time range.",
    });
  }
  return { from, to };
}

/** The connections and tunnels a page of events names, read once for the page. */
async function eventLabels(
  db: TenantDb,
  events: ReadonlyArray<{ connectionId: string | null; tunnelId: string | null }>,
) {
  const ids = (key: "connectionId" | "tunnelId") => [
    ...new Set(events.map((e) => e[key]).filter((id): id is string => id !== null)),
  ];
  const [connections, tunnels] = await Promise.all([
    db.vpnConnection.findMany({
      where: { id: { in: ids("connectionId") } },
      select: { id: true, name: true, provider: true },
    }),
    db.tunnel.findMany({ where: { id: { in: ids("tunnelId") } }, select: { id: true, index: true } }),
  ]);
  return { connections: new Map(connections.map((c) => [c.id, c])), tunnels: new Map(tunnels.map((t) => [t.id, t])) };
}

export const logsRouter = router({
  /** Log lines, newest first, filtered in SQL and paginated (by page, or by cursor for deep reads). */
  search: tenantProcedure("VIEWER")
    .input(searchInput)
    .query(async ({ ctx, input }) => {
      const { from, to } = logRange(input);
      const where: Prisma.TunnelLogEventWhereInput = {
        occurredAt: { gte: from, lte: to },
        ...(input.connectionId ? { connectionId: input.connectionId } : {}),
        ...(input.tunnelId ? { tunnelId: input.tunnelId } : {}),
        ...(input.codes?.length ? { code: { in: [...new Set(input.codes)] } } : {}),
        ...(input.severities?.length ? { severity: { in: input.severities } } : {}),
        ...(input.vendor ? { vendor: input.vendor } : {}),
        ...(input.source ? { source: input.source } : {}),
        ...(input.text ? { raw: { contains: likeText(input.text), mode: "insensitive" } } : {}),
      };
      const skip = input.cursor ? 0 : (input.page - 1) * input.pageSize;
      if (skip > MAX_OFFSET) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "That page is too deep: narrow the time range or filters, or page with nextCursor.",
        });
      }
      const pageWhere: Prisma.TunnelLogEventWhereInput = input.cursor
        ? (() => {
            const c = decodeCursor(input.cursor);
            return {
              AND: [where, { OR: [{ occurredAt: { lt: c.at } }, { occurredAt: c.at, id: { lt: c.id } }] }],
            };
          })()
        : where;
      const [rows, counted] = await Promise.all([
        ctx.db.tunnelLogEvent.findMany({
          where: pageWhere,
          orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
          skip,
          take: input.pageSize + 1,
          select: { ...LOG_EVENT_ROW_SELECT, parsed: true, connectionId: true, tunnelId: true },
        }),
        // A text match is a scan of the whole window: counting it would double the search's cost,
        // so a text search reports what it has seen ("50+") unless the last page is in view.
        input.text ? Promise.resolve(null) : ctx.db.tunnelLogEvent.count({ where, take: LOG_COUNT_CAP + 1 }),
      ]);
      const hasMore = rows.length > input.pageSize;
      const page = rows.slice(0, input.pageSize);
      const last = page.at(-1);
      const seen = skip + page.length;
      // Exact when counted under the cap, or when this page is the last one of a page-numbered read.
      const total = counted !== null ? Math.min(counted, LOG_COUNT_CAP) : input.cursor ? page.length : seen;
      const totalIsExact =
        counted !== null ? counted <= LOG_COUNT_CAP : !hasMore && !input.cursor && (page.length > 0 || skip === 0);
      const { connections, tunnels } = await eventLabels(ctx.db, page);
      return {
        items: page.map(({ id, connectionId, tunnelId, ...row }) => ({
          id: id.toString(),
          ...row,
          connection: connectionId ? (connections.get(connectionId) ?? null) : null,
          tunnel: tunnelId ? (tunnels.get(tunnelId) ?? null) : null,
        })),
        /** Lines matching; a lower bound ("10,000+", "50+") when totalIsExact is false. */
        total,
        totalIsExact,
        page: input.cursor ? null : input.page,
        pageSize: input.pageSize,
        nextCursor: hasMore && last ? encodeCursor(last.occurredAt, last.id) : null,
        from,
        to,
      };
    }),

  /** Connections by name, for the search form's connection picker (at most 20). */
  connectionOptions: tenantProcedure("VIEWER")
    .input(z.object({ q: z.string().trim().max(100).default(""), ids: z.array(z.string().max(64)).max(5).optional() }))
    .query(async ({ ctx, input }) => {
      const select = { id: true, name: true, provider: true, region: true } as const;
      const [matches, named] = await Promise.all([
        ctx.db.vpnConnection.findMany({
          where: {
            deletedAt: null,
            ...(input.q
              ? {
                  OR: [
                    { name: { contains: likeText(input.q), mode: "insensitive" } },
                    { externalId: { startsWith: likeText(input.q) } },
                  ],
                }
              : {}),
          },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: 20,
          select,
        }),
        input.ids?.length
          ? ctx.db.vpnConnection.findMany({ where: { id: { in: input.ids } }, take: 5, select })
          : Promise.resolve([]),
      ]);
      const seen = new Set(matches.map((m) => m.id));
      return [...named.filter((n) => !seen.has(n.id)), ...matches];
    }),
});
