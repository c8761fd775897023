import { describe, expect, it } from "vitest";
import { isolatedIndexes, timeTickLabel, timeTicks } from "../src/components/charts/time-axis.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Local times, so that the expectations hold in any time zone.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute).getTime();
const hours = (ticks: number[]) => ticks.map((t) => new Date(t).getHours());

describe("timeTicks", () => {
  it("puts ticks on whole local hours within the range, at most seven of them", () => {
    // The connection page's ranges: 6 hours, 24 hours, 7 days and 31 days back from 08:24.
    const six = timeTicks(at(5, 2, 24), at(5, 8, 24));
    expect(hours(six)).toEqual([3, 4, 5, 6, 7, 8]);
    const day = timeTicks(at(4, 8, 24), at(5, 8, 24));
    expect(hours(day)).toEqual([12, 16, 20, 0, 4, 8]);
    expect(new Date(day[3] as number).getDate()).toBe(5);
  });

  it("puts ticks on local midnights for a week and on Mondays for a month", () => {
    const sevenDays = timeTicks(at(5, 8, 24) - 7 * DAY, at(5, 8, 24));
    expect(sevenDays).toHaveLength(7);
    for (const t of sevenDays) expect(hours([t])).toEqual([0]);
    const month = timeTicks(at(5, 8, 24) - 31 * DAY, at(5, 8, 24));
    expect(month.length).toBeGreaterThanOrEqual(4);
    expect(month.length).toBeLessThanOrEqual(5);
    for (const t of month) expect(new Date(t).getDay()).toBe(1);
  });

  it("gives no ticks for an empty or reversed range", () => {
    expect(timeTicks(at(5, 8), at(5, 8))).toEqual([]);
    expect(timeTicks(at(5, 9), at(5, 8))).toEqual([]);
  });
});

describe("timeTickLabel", () => {
  it("writes the time of day within two days, and the date at midnight or beyond two days", () => {
    expect(timeTickLabel(at(5, 16), DAY)).toBe("16:00");
    expect(timeTickLabel(at(5, 0), DAY)).toBe("Sat 5 Dec");
    expect(timeTickLabel(at(3, 0), 7 * DAY)).toBe("Thu 3 Dec");
  });
});

describe("isolatedIndexes", () => {
  it("finds the values with no value on either side, which a line cannot show", () => {
    expect([...isolatedIndexes([null, null, 92.5])]).toEqual([2]);
    expect([...isolatedIndexes([99, null, 98, 97, null, 96, null])]).toEqual([0, 5]);
    expect([...isolatedIndexes([null, null])]).toEqual([]);
  });
});
