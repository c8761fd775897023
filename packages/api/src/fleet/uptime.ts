// Fleet uptime per hour over the last week, summed by PostgreSQL from TunnelUptimeHourly.
//
// A week of hourly rows for 20,000 tunnels is 3.4 million rows: summing them takes about a second,
// far over the overview's budget. But an hour that is over no longer changes (the status poller
// only adds samples to the hour of its fetch), so each process keeps the sums of closed hours per
// tenant and asks PostgreSQL only for the hours since: the current and the previous hour (a poll
// fetched just before the hour turned may commit just after), about 40,000 rows. Only the first
// call of a tenant in a process pays for the whole week. Rows can still leave a closed hour (a
// cloud account deleted with its tunnels), so an entry older than CACHE_TTL_MS is summed again in
// the background while the old one keeps answering.
import type { FleetScope } from "./overview.ts";

const HOUR_MS = 3_600_000;
export const UPTIME_HOURS = 7 * 24;
/** The current hour and the one before it are still written to: always read fresh. */
const OPEN_HOURS = 2;
const CACHE_TTL_MS = 30 * 60_000;
const CACHE_MAX_TENANTS = 1_000;

interface HourSums {
  up: number;
  down: number;
}

interface CacheEntry {
  loadedAt: number;
  /** Sums of closed hours, by hour start (ms); covers every hour before `closedUntil`. */
  hours: Map<number, HourSums>;
  closedUntil: number;
}

const cache = new Map<string, CacheEntry>();

/** Forgets every cached hour (tests that rewrite history call it). */
export function clearUptimeCache(): void {
  cache.clear();
}

async function sumHours({ db, tenantId }: FleetScope, from: number, to: number): Promise<Map<number, HourSums>> {
  const rows = await db.$queryRaw<Array<{ hour: Date; up: number; down: number }>>`
    SELECT hour, sum("upSamples")::float8 AS up, sum("downSamples")::float8 AS down
      FROM "TunnelUptimeHourly"
     WHERE "tenantId" = ${tenantId} AND hour >= ${new Date(from)} AND hour < ${new Date(to)}
     GROUP BY hour`;
  return new Map(rows.map((r) => [r.hour.getTime(), { up: r.up, down: r.down }]));
}

export interface UptimePoint {
  hour: Date;
  upSamples: number;
  downSamples: number;
  /** Share of samples that found a tunnel UP, in percent; null for an hour without samples. */
  uptimePct: number | null;
}

/** Every closed hour of the window, summed again: the slow path. */
async function loadClosedHours(scope: FleetScope, windowStart: number, openFrom: number): Promise<CacheEntry> {
  const loadedAt = Date.now();
  const hours = await sumHours(scope, windowStart, openFrom);
  return { loadedAt, hours, closedUntil: openFrom };
}

// One full load per tenant at a time: concurrent first calls share it.
const loading = new Map<string, Promise<CacheEntry>>();

function reload(scope: FleetScope, windowStart: number, openFrom: number): Promise<CacheEntry> {
  const running = loading.get(scope.tenantId);
  if (running) return running;
  const load = loadClosedHours(scope, windowStart, openFrom)
    .then((entry) => {
      remember(scope.tenantId, entry);
      return entry;
    })
    .finally(() => loading.delete(scope.tenantId));
  loading.set(scope.tenantId, load);
  return load;
}

function remember(tenantId: string, entry: CacheEntry): void {
  // Most recently used last: the first key is the one to evict.
  cache.delete(tenantId);
  cache.set(tenantId, entry);
  if (cache.size > CACHE_MAX_TENANTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

/** One point per hour of the last week, oldest first; hours without samples have a null percentage. */
export async function uptimeTrend(scope: FleetScope, now: Date): Promise<UptimePoint[]> {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const windowStart = currentHour - (UPTIME_HOURS - 1) * HOUR_MS;
  const openFrom = currentHour - (OPEN_HOURS - 1) * HOUR_MS;
  const end = currentHour + HOUR_MS;

  let entry = cache.get(scope.tenantId);
  if (!entry || entry.closedUntil > openFrom) {
    entry = await reload(scope, windowStart, openFrom);
  } else if (Date.now() - entry.loadedAt > CACHE_TTL_MS) {
    // Stale: answer from it now, and sum the week again for the next calls.
    reload(scope, windowStart, openFrom).catch(() => {
      // The next call tries again; this one is answered already.
    });
  }
  const from = Math.max(windowStart, Math.min(entry.closedUntil, openFrom));
  const fresh = await sumHours(scope, from, end);
  // Hours that closed since the entry was filled join it; open ones are only used now.
  const hours = new Map(entry.hours);
  for (const [hour, sums] of fresh) if (hour < openFrom) hours.set(hour, sums);
  for (const hour of hours.keys()) if (hour < windowStart) hours.delete(hour);
  // Unless a background reload replaced the entry meanwhile: its sums are newer.
  if (entry.closedUntil < openFrom && cache.get(scope.tenantId) === entry) {
    remember(scope.tenantId, { ...entry, hours, closedUntil: openFrom });
  }

  const points: UptimePoint[] = [];
  for (let hour = windowStart; hour < end; hour += HOUR_MS) {
    const sums = hour < openFrom ? hours.get(hour) : fresh.get(hour);
    const up = sums?.up ?? 0;
    const down = sums?.down ?? 0;
    points.push({
      hour: new Date(hour),
      upSamples: up,
      downSamples: down,
      uptimePct: up + down > 0 ? Math.round((up / (up + down)) * 100_000) / 1000 : null,
    });
  }
  return points;
}
