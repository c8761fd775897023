import { describe, expect, it } from "vitest";
import { numberRanges } from "./number-ranges.ts";

describe("numberRanges", () => {
  it("writes runs of three or more as ranges, in order, once each", () => {
    expect(numberRanges([2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24])).toBe("2, 5, 14–24");
    expect(numberRanges([21, 19, 20, 14, 14])).toBe("14, 19–21");
    expect(numberRanges([14, 15])).toBe("14, 15");
    expect(numberRanges([])).toBe("");
  });
});
