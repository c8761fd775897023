import { describe, expect, it } from "vitest";
import { checkRedis, createRedis } from "./connection.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("redis connections", () => {
  it("reports a reachable server", async () => {
    const health = await checkRedis(REDIS_URL);
    expect(health.ok).toBe(true);
  });

  it("reports an unreachable server with the reason, promptly", async () => {
    const health = await checkRedis("redis://127.0.0.1:1", 1000);
    expect(health.ok).toBe(false);
    expect(health.error).toMatch(/ECONNREFUSED/);
    expect(health.latencyMs).toBeLessThan(1500);
  });

  it("producer connections fail fast instead of queueing while Redis is down", async () => {
    const redis = createRedis("redis://127.0.0.1:1", "producer");
    redis.on("error", () => {});
    await expect(redis.ping()).rejects.toThrow();
    redis.disconnect();
  });
});

describe("producer readiness", () => {
  it("waits for a lazy producer connection before the first command", async () => {
    const { whenReady } = await import("./connection.ts");
    const redis = createRedis(REDIS_URL, "producer");
    await expect((await whenReady(redis)).ping()).resolves.toBe("PONG");
    redis.disconnect();
  });

  it("rejects promptly when the server is down", async () => {
    const { whenReady } = await import("./connection.ts");
    const redis = createRedis("redis://127.0.0.1:1", "producer");
    redis.on("error", () => {});
    await expect(whenReady(redis, 500)).rejects.toThrow(/not reachable/);
    redis.disconnect();
  });
});
