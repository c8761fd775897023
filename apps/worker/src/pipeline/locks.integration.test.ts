import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { withLock } from "./locks.ts";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const key = () => `test:lock:${randomBytes(6).toString("hex")}`;

describe("withLock", () => {
  afterAll(() => redis.disconnect());

  it("runs one holder at a time and frees the lock afterwards", async () => {
    const k = key();
    let release!: () => void;
    const first = withLock(redis, k, () => new Promise<string>((r) => (release = () => r("first"))));
    await new Promise((r) => setTimeout(r, 20));
    expect(await withLock(redis, k, async () => "second")).toBeUndefined();
    release();
    expect(await first).toBe("first");
    expect(await withLock(redis, k, async () => "third")).toBe("third");
  });

  it("keeps the lock alive past its ttl while the work runs", async () => {
    const k = key();
    const running = withLock(redis, k, () => new Promise((r) => setTimeout(() => r("done"), 700)), 300);
    await new Promise((r) => setTimeout(r, 500));
    expect(await redis.exists(k)).toBe(1);
    expect(await running).toBe("done");
    expect(await redis.exists(k)).toBe(0);
  });

  it("lets a lock left by a dead holder expire", async () => {
    const k = key();
    await redis.set(k, "dead-worker", "PX", 200);
    expect(await withLock(redis, k, async () => "blocked")).toBeUndefined();
    await new Promise((r) => setTimeout(r, 250));
    expect(await withLock(redis, k, async () => "free")).toBe("free");
  });
});
