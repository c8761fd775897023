// Time axes of the charts: ticks on round local times across a range, and the points a line
// cannot show because no neighbour is there to draw to.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/**
 * Ticks across [from, to] on whole local hours or days, at most `most` of them, so that the axis
 * reads as a clock or a calendar whatever the range (6 hours: every hour; 31 days: every week).
 */
export function timeTicks(from: number, to: number, most = 7): number[] {
  if (!(to > from)) return [];
  const step = STEPS.find((s) => (to - from) / s <= most) ?? 7 * DAY;
  const ticks: number[] = [];
  const at = new Date(from);
  if (step < DAY) {
    // Hours count from local midnight: every 4 hours is 00:00, 04:00, 08:00, ...
    at.setMinutes(0, 0, 0);
    for (; at.getTime() <= to; at.setHours(at.getHours() + 1)) {
      if (at.getTime() >= from && at.getHours() % (step / HOUR) === 0) ticks.push(at.getTime());
    }
    return ticks;
  }
  at.setHours(0, 0, 0, 0);
  for (let day = 0; at.getTime() <= to; at.setDate(at.getDate() + 1)) {
    if (at.getTime() < from) continue;
    // Weeks start on Monday.
    if (step === 7 * DAY ? at.getDay() === 1 : day % (step / DAY) === 0) ticks.push(at.getTime());
    day++;
  }
  return ticks;
}

/** A tick's label: the time of day within two days (the date at midnight), the date beyond. */
export function timeTickLabel(ms: number, spanMs: number): string {
  const at = new Date(ms);
  const isMidnight = at.getHours() === 0 && at.getMinutes() === 0;
  return spanMs > 2 * DAY || isMidnight
    ? at.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" })
    : at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false });
}

/**
 * The indexes of values with no value on either side: a line joins nothing there, so the chart
 * must mark them (the first hour after polling starts, an hour between gaps).
 */
export function isolatedIndexes(values: ReadonlyArray<number | null>): Set<number> {
  const isolated = new Set<number>();
  values.forEach((value, i) => {
    if (value !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null) isolated.add(i);
  });
  return isolated;
}
