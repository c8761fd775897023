// The worker process: connects to PostgreSQL and Redis, registers its queues and job
// schedulers, and on SIGTERM/SIGINT lets jobs in flight finish before closing connections.
import { checkDatabase, createPrismaClient, parseKeyring } from "@tunnelwatch/db";
import { createRedis } from "@tunnelwatch/queue";
import { alertSettings } from "./alerts/index.ts";
import { env } from "./env.ts";
import { errorFields, log } from "./logger.ts";
import { createProviderClient, TrafficReadings } from "./providers/index.ts";
import { type RunningWorker, startWorker } from "./worker.ts";

const SHUTDOWN_DEADLINE_MS = 30_000;

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

async function main(): Promise<void> {
  const keyring = parseKeyring(env.CREDENTIALS_KEYS, env.CREDENTIALS_ACTIVE_KEY_ID);
  const prisma = createPrismaClient(env.DATABASE_URL, { maxConnections: env.WORKER_CONCURRENCY * 2 + 4 });
  const database = await checkDatabase(prisma, 5000);
  if (!database.ok) {
    log.error("cannot reach PostgreSQL", { databaseUrl: redactUrl(env.DATABASE_URL), error: database.error });
    process.exit(1);
  }
  const connection = createRedis(env.REDIS_URL, "worker");
  connection.on("error", (error) => log.warn("redis connection error", errorFields(error)));
  try {
    await connection.ping();
  } catch (error) {
    log.error("cannot reach Redis", { redisUrl: redactUrl(env.REDIS_URL), ...errorFields(error) });
    process.exit(1);
  }

  // Signal handlers before anything runs: a stop that arrives while the worker starts (or right
  // after it says it is ready) is a clean stop, not a kill.
  let running: RunningWorker | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    const deadline = setTimeout(() => {
      log.error("jobs did not finish in time; exiting, their locks expire and another worker retries them");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // Stopped while starting: no job has been taken yet.
    await running?.close();
    await connection.quit();
    await prisma.$disconnect();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  // Kept across polls: AWS publishes a tunnel's traffic every 5 minutes, so it is read once a period.
  const trafficReadings = new TrafficReadings();
  running = await startWorker({
    prisma,
    connection,
    prefix: env.QUEUE_PREFIX,
    keyring,
    concurrency: env.WORKER_CONCURRENCY,
    clientFor: (target) => createProviderClient(target, {}, trafficReadings),
    alerts: alertSettings(env),
  });
  if (stopping) await running.close();
  else log.info("worker ready", { queues: running.workers.map((w) => w.name), concurrency: env.WORKER_CONCURRENCY });
}

main().catch((error) => {
  log.error("worker failed to start", errorFields(error));
  process.exit(1);
});
