import { describe, expect, it } from "vitest";
import type { LogStreamRef } from "../providers/types.ts";
import { RETIRED_STREAM_KEEP_MS, withRetiredStreams } from "./status.ts";

const stream = (ip: string): LogStreamRef => ({
  key: `aws:us-east-1:/aws/vendedlogs/vpn:vpn-1_${ip}`,
  kind: "tunnel",
  region: "us-east-1",
  connectionExternalId: "vpn-1",
  tunnelIndex: 1,
  locator: { logStreamName: `vpn-1_${ip}` },
});

describe("withRetiredStreams", () => {
  const now = new Date("2026-11-23T00:00:00Z");

  it("keeps reading the stream of a replaced endpoint, marked retired", () => {
    const result = withRetiredStreams([stream("203.0.113.9")], [stream("203.0.113.1")], now);
    expect(result.map((s) => s.key)).toEqual([stream("203.0.113.9").key, stream("203.0.113.1").key]);
    expect(result[1]?.retiredAt).toBe(now.toISOString());
  });

  it("drops a retired stream once it is old enough", () => {
    const old = {
      ...stream("203.0.113.1"),
      retiredAt: new Date(now.getTime() - RETIRED_STREAM_KEEP_MS - 1).toISOString(),
    };
    expect(withRetiredStreams([stream("203.0.113.9")], [old], now).map((s) => s.key)).toEqual([
      stream("203.0.113.9").key,
    ]);
  });

  it("does not duplicate a stream that is still current", () => {
    expect(withRetiredStreams([stream("203.0.113.1")], [stream("203.0.113.1")], now)).toHaveLength(1);
  });
});
