import { checkDatabase, getPrisma } from "@tunnelwatch/db";
import { checkRedis } from "@tunnelwatch/queue";
import { env } from "~/server/env.ts";

export const dynamic = "force-dynamic";

/** Reachability of PostgreSQL and Redis: 200 when both answer, 503 naming what is down. */
export async function GET(): Promise<Response> {
  const [database, redis] = await Promise.all([checkDatabase(getPrisma()), checkRedis(env().REDIS_URL)]);
  const isHealthy = database.ok && redis.ok;
  const down = [!database.ok && "database", !redis.ok && "redis"].filter(Boolean);
  return Response.json(
    { status: isHealthy ? "ok" : "degraded", down, checks: { database, redis }, time: new Date().toISOString() },
    { status: isHealthy ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
