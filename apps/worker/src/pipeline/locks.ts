import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// Deletes or extends the key only if it still holds our token, so a run never releases or
// prolongs a lock that expired and was taken by another worker.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** A held lock lives this long past its last heartbeat: a killed worker's lock clears quickly. */
export const LOCK_TTL_MS = 30_000;

/**
 * Runs `work` under a Redis lock, or returns undefined without running it when another run holds
 * the lock: a scheduled run never overlaps itself, on one worker or many. The lock is renewed
 * while the work runs, and expires soon after a worker dies without releasing it.
 */
export async function withLock<T>(
  redis: Redis,
  key: string,
  work: () => Promise<T>,
  ttlMs = LOCK_TTL_MS,
): Promise<T | undefined> {
  const token = randomUUID();
  const acquired = await redis.set(key, token, "PX", ttlMs, "NX");
  if (acquired !== "OK") return undefined;
  const heartbeat = setInterval(
    () => {
      redis.eval(EXTEND, 1, key, token, String(ttlMs)).catch(() => {
        // A missed renewal only shortens the lock; the next one retries.
      });
    },
    Math.floor(ttlMs / 3),
  );
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await redis.eval(RELEASE, 1, key, token);
  }
}
