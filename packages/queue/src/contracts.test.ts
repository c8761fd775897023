import { describe, expect, it } from "vitest";
import { InvalidJobPayloadError, parseJob, QUEUE_NAMES } from "./contracts.ts";

describe("job contracts", () => {
  it("parses a valid payload and applies defaults", () => {
    expect(parseJob(QUEUE_NAMES.housekeeping, "purge-expired", {})).toEqual({ batchSize: 10_000 });
  });

  it("rejects unknown jobs and bad payloads with a message naming them", () => {
    expect(() => parseJob(QUEUE_NAMES.housekeeping, "nope", {})).toThrow(/housekeeping has no job named nope/);
    expect(() => parseJob(QUEUE_NAMES.housekeeping, "purge-expired", { batchSize: 5 })).toThrow(InvalidJobPayloadError);
  });
});
