import { parseArgs } from "node:util";
import { dbEnv, loadEnv, redisEnv } from "@tunnelwatch/config";
import { checkDatabase, createPrismaClient } from "@tunnelwatch/db";
import { migrationStatus } from "@tunnelwatch/db/migrations";
import { checkRedis } from "@tunnelwatch/queue";
import type { Command } from "../command.ts";

export const dbCheck: Command = {
  name: "db:check",
  summary: "Check PostgreSQL, migrations and Redis from this machine",
  usage: `tunnelwatch db:check [--json]

Connects to DATABASE_URL and REDIS_URL, reports reachability and latency, and lists
migrations that are not yet applied. Exits 1 when anything needs attention.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
    const env = loadEnv({ ...dbEnv(), ...redisEnv() }, io.env);
    const prisma = createPrismaClient(env.DATABASE_URL, { maxConnections: 1 });
    const [database, redis] = await Promise.all([checkDatabase(prisma), checkRedis(env.REDIS_URL)]);
    await prisma.$disconnect();
    const migrations = database.ok ? await migrationStatus(env.DATABASE_URL) : undefined;
    const isHealthy = database.ok && redis.ok && migrations?.pending.length === 0;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ok: isHealthy, database, migrations, redis })}\n`);
      return isHealthy ? 0 : 1;
    }
    const mark = (ok: boolean) => (ok ? "ok  " : "FAIL");
    const lines = [
      `${mark(database.ok)} PostgreSQL ${database.ok ? `reachable (${database.latencyMs} ms)` : `unreachable: ${database.error}`}`,
    ];
    if (migrations) {
      lines.push(
        migrations.pending.length === 0
          ? `ok   migrations: ${migrations.applied.length} applied, none pending`
          : `FAIL migrations: ${migrations.pending.length} pending (${migrations.pending.join(", ")}); run npm run db:migrate`,
      );
      if (migrations.unknown.length)
        lines.push(`warn migrations in the database but not in this checkout: ${migrations.unknown.join(", ")}`);
    }
    lines.push(
      `${mark(redis.ok)} Redis ${redis.ok ? `reachable (${redis.latencyMs} ms)` : `unreachable: ${redis.error}`}`,
    );
    io.stdout.write(`${lines.join("\n")}\n`);
    return isHealthy ? 0 : 1;
  },
};
