import { Redis } from "ioredis";

/**
 * Workers block on Redis and must wait through a restart (maxRetriesPerRequest: null); producers
 * in the web app must fail fast when Redis is down rather than queue commands in memory.
 */
export function createRedis(url: string, role: "worker" | "producer"): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    enableOfflineQueue: role === "worker",
    connectTimeout: 3_000,
    lazyConnect: role === "producer",
  });
}

/**
 * Resolves once a producer connection is ready, or rejects after `timeoutMs`. Producers do not
 * queue commands while disconnected, so a command sent before the connection is up would fail.
 */
export async function whenReady(redis: Redis, timeoutMs = 2000): Promise<Redis> {
  if (redis.status === "ready") return redis;
  if (redis.status === "wait") void redis.connect().catch(() => {});
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis is not reachable (${redis.status} after ${timeoutMs} ms)`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve(redis);
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off("ready", onReady);
    };
    redis.on("ready", onReady);
  });
}

export interface RedisHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** PING with a deadline on a short-lived connection, so a stopped server is reported promptly. */
export async function checkRedis(url: string, timeoutMs = 2000): Promise<RedisHealth> {
  const started = performance.now();
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  // ioredis rejects connect() with "Connection is closed."; the cause arrives as an error event.
  let cause: Error | undefined;
  redis.on("error", (error: Error) => {
    cause = error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = (cause ?? (error instanceof Error ? error : new Error(String(error)))).message;
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message };
  } finally {
    redis.disconnect();
  }
}
