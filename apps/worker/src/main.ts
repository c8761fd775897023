// The worker process: connects to PostgreSQL and Redis, registers its queues and job
// schedulers, and on SIGTERM/SIGINT lets jobs in flight finish before closing connections.
import { checkDatabase, createPrismaClient } from "@tunnelwatch/db";
import { createRedis, DEFAULT_JOB_OPTIONS, QUEUE_NAMES } from "@tunnelwatch/queue";
import { Queue, Worker } from "bullmq";
import { env } from "./env.ts";
import { housekeepingProcessor, PURGE_SCHEDULE } from "./housekeeping.ts";
import { errorFields, log } from "./logger.ts";

const SHUTDOWN_DEADLINE_MS = 30_000;

async function main(): Promise<void> {
  const prisma = createPrismaClient(env.DATABASE_URL, { maxConnections: env.WORKER_CONCURRENCY + 2 });
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

  const prefix = env.QUEUE_PREFIX;
  const housekeepingQueue = new Queue(QUEUE_NAMES.housekeeping, {
    connection,
    prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS[QUEUE_NAMES.housekeeping],
  });
  await housekeepingQueue.upsertJobScheduler(
    PURGE_SCHEDULE.id,
    { pattern: PURGE_SCHEDULE.pattern, tz: "UTC" },
    { name: "purge-expired", data: {} },
  );

  const workers = [
    new Worker(QUEUE_NAMES.housekeeping, housekeepingProcessor(prisma), { connection, prefix, concurrency: 1 }),
  ];
  for (const worker of workers) {
    worker.on("error", (error) => log.error("worker error", { queue: worker.name, ...errorFields(error) }));
    worker.on("failed", (job, error) =>
      log.warn("job failed", {
        queue: worker.name,
        job: job?.id,
        name: job?.name,
        attempts: job?.attemptsMade,
        ...errorFields(error),
      }),
    );
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  log.info("worker ready", { queues: workers.map((w) => w.name), concurrency: env.WORKER_CONCURRENCY });

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
    // close() waits for jobs in flight and takes no new ones.
    await Promise.all(workers.map((w) => w.close()));
    await housekeepingQueue.close();
    await connection.quit();
    await prisma.$disconnect();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

main().catch((error) => {
  log.error("worker failed to start", errorFields(error));
  process.exit(1);
});
