import { describe, expect, it } from "vitest";
import { TrafficReadings } from "./traffic-readings.ts";

describe("TrafficReadings", () => {
  const period = 300_000;
  const start = 1_000 * period;

  it("gives a reading back only within the 5-minute period it was made in", () => {
    const readings = new TrafficReadings();
    readings.set("a", start + 1_000, 600);
    readings.set("b", start + 2_000, undefined);
    expect(readings.get("a", start + period - 1)).toMatchObject({ idleSeconds: 600 });
    expect(readings.get("b", start + 60_000)).toMatchObject({ idleSeconds: undefined });
    expect(readings.get("a", start + period)).toBeUndefined();
    expect(readings.get("c", start)).toBeUndefined();
  });

  it("drops the past periods' readings once a new period's is kept, so a worker's memory stays bounded", () => {
    const readings = new TrafficReadings();
    for (let i = 0; i < 100; i++) readings.set(`tunnel-${i}`, start, 0);
    expect(readings.size).toBe(100);
    readings.set("tunnel-0", start + period, 300);
    expect(readings.size).toBe(1);
    expect(readings.get("tunnel-0", start + period)).toMatchObject({ idleSeconds: 300 });
  });
});
