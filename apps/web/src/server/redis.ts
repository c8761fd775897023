import { createRedis, whenReady } from "@tunnelwatch/queue";
import type { Redis } from "ioredis";
import { env } from "./env.ts";

const holder = globalThis as unknown as { tunnelwatchRedis?: Redis };

/** The web app's Redis connection: a producer that fails fast when Redis is down. */
export function redis(): Promise<Redis> {
  if (!holder.tunnelwatchRedis) {
    holder.tunnelwatchRedis = createRedis(env().REDIS_URL, "producer");
    holder.tunnelwatchRedis.on("error", () => {
      // Reported per request by the callers; an unhandled 'error' event would crash the server.
    });
  }
  return whenReady(holder.tunnelwatchRedis);
}
