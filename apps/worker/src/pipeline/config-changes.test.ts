import { parseConnection } from "@tunnelwatch/core";
import { describe, expect, it } from "vitest";
import { configChangesSince } from "./config-changes.ts";

const alibaba = (nextHop: string, weight = 100) =>
  parseConnection({
    provider: "alibaba",
    externalId: "vco-dual",
    routing: "bgp",
    routeWeights: [{ destinationCidr: "10.10.0.0/16", weight, nextHop }],
    tunnels: [
      { index: 1, outsideIp: "47.1.1.1", status: "UP" },
      { index: 2, outsideIp: "47.1.1.2", status: "UP" },
    ],
  });

describe("configChangesSince", () => {
  it("has nothing to compare a connection seen for the first time, or stored in a shape that no longer parses, with", () => {
    expect(configChangesSince(undefined, alibaba("vco-dual"))).toEqual([]);
    expect(configChangesSince(null, alibaba("vco-dual"))).toEqual([]);
    expect(configChangesSince({ provider: "gcp" }, alibaba("vco-dual"))).toEqual([]);
  });

  it("compares the stored copy with what the provider reports now", () => {
    expect(configChangesSince(alibaba("vco-dual") as never, alibaba("vco-dual"))).toEqual([]);
    expect(configChangesSince(alibaba("vco-dual") as never, alibaba("vco-dual", 0))).toMatchObject([
      {
        parameter: "routeWeights",
        before: "10.10.0.0/16 weight 100 via vco-dual",
        after: "10.10.0.0/16 weight 0 via vco-dual",
      },
    ]);
  });
});
