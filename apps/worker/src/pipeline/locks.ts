import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// Deletes the key only if it still holds our token, so a run never releases a lock that expired
// and was taken by another worker.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * Runs `work` under a Redis lock, or returns undefined without running it when another run holds
 * the lock: a scheduled run never overlaps itself, on one worker or many.
 */
export async function withLock<T>(
  redis: Redis,
  key: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const token = randomUUID();
  const acquired = await redis.set(key, token, "PX", ttlMs, "NX");
  if (acquired !== "OK") return undefined;
  try {
    return await work();
  } finally {
    await redis.eval(RELEASE, 1, key, token);
  }
}
