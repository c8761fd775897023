// Builds the worker: queues, job schedulers and BullMQ workers over the pipeline handlers.
import type { Keyring, PrismaClient } from "@tunnelwatch/db";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES, type QueueName } from "@tunnelwatch/queue";
import { type Processor, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { type AlertSettings, alertsProcessor } from "./alerts/index.ts";
import { DELETED_ACCOUNTS_SCHEDULE, housekeepingProcessor, PURGE_SCHEDULE } from "./housekeeping.ts";
import { errorFields, log } from "./logger.ts";
import { createHandlers } from "./pipeline/jobs.ts";
import type { AccountTarget, ProviderClient } from "./providers/types.ts";

const RAISES_ALERTS = new Set<QueueName>([
  QUEUE_NAMES.pollStatus,
  QUEUE_NAMES.pullLogs,
  QUEUE_NAMES.ingestLines,
  QUEUE_NAMES.incidents,
]);

export interface WorkerOptions {
  prisma: PrismaClient;
  connection: Redis;
  prefix: string;
  keyring: Keyring;
  concurrency: number;
  clientFor: (target: AccountTarget) => ProviderClient;
  now?: () => Date;
  /** How often schedules are reconciled with the database and incidents advanced. */
  reconcileEveryMs?: number;
  advanceIncidentsEveryMs?: number;
  alerts: AlertSettings;
  /** How often the alert outbox is dispatched and lost deliveries are looked for. */
  dispatchAlertsEveryMs?: number;
  sweepAlertsEveryMs?: number;
}

export interface RunningWorker {
  queues: Record<QueueName, Queue>;
  workers: Worker[];
  close: () => Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { connection, prefix } = options;
  const names = Object.values(QUEUE_NAMES) as QueueName[];
  const queues = Object.fromEntries(
    names.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS[name] })]),
  ) as Record<QueueName, Queue>;

  const handlers = createHandlers(
    {
      prisma: options.prisma,
      redis: connection,
      keyring: options.keyring,
      queuePrefix: prefix,
      clientFor: options.clientFor,
      now: options.now ?? (() => new Date()),
    },
    {
      status: queues[QUEUE_NAMES.pollStatus],
      logs: queues[QUEUE_NAMES.pullLogs],
      accounts: queues[QUEUE_NAMES.accounts],
    },
  );
  const alerts = alertsProcessor({
    prisma: options.prisma,
    redis: connection,
    keyring: options.keyring,
    queuePrefix: prefix,
    settings: options.alerts,
    now: options.now ?? (() => new Date()),
    queue: queues[QUEUE_NAMES.alerts],
  });
  const processors: Record<QueueName, { processor: Processor; concurrency: number }> = {
    [QUEUE_NAMES.accounts]: { processor: handlers[QUEUE_NAMES.accounts], concurrency: 1 },
    [QUEUE_NAMES.pollStatus]: { processor: handlers[QUEUE_NAMES.pollStatus], concurrency: options.concurrency },
    [QUEUE_NAMES.pullLogs]: { processor: handlers[QUEUE_NAMES.pullLogs], concurrency: options.concurrency },
    [QUEUE_NAMES.ingestLines]: { processor: handlers[QUEUE_NAMES.ingestLines], concurrency: options.concurrency },
    [QUEUE_NAMES.incidents]: { processor: handlers[QUEUE_NAMES.incidents], concurrency: 1 },
    [QUEUE_NAMES.housekeeping]: { processor: housekeepingProcessor(options.prisma), concurrency: 1 },
    [QUEUE_NAMES.alerts]: { processor: alerts.processor, concurrency: options.concurrency },
  };

  await queues[QUEUE_NAMES.housekeeping].upsertJobScheduler(
    PURGE_SCHEDULE.id,
    { pattern: PURGE_SCHEDULE.pattern, tz: "UTC" },
    { name: "purge-expired", data: {} },
  );
  await queues[QUEUE_NAMES.housekeeping].upsertJobScheduler(
    DELETED_ACCOUNTS_SCHEDULE.id,
    { every: DELETED_ACCOUNTS_SCHEDULE.every },
    { name: "purge-deleted-accounts", data: {} },
  );
  await queues[QUEUE_NAMES.accounts].upsertJobScheduler(
    "reconcile-accounts",
    { every: options.reconcileEveryMs ?? 30_000 },
    { name: "reconcile", data: { reason: "scheduled" } },
  );
  await queues[QUEUE_NAMES.incidents].upsertJobScheduler(
    "advance-incidents",
    { every: options.advanceIncidentsEveryMs ?? 15_000 },
    { name: "advance", data: {} },
  );

  await queues[QUEUE_NAMES.alerts].upsertJobScheduler(
    "dispatch-alerts",
    { every: options.dispatchAlertsEveryMs ?? 1_000 },
    { name: "dispatch", data: {} },
  );
  await queues[QUEUE_NAMES.alerts].upsertJobScheduler(
    "sweep-alerts",
    { every: options.sweepAlertsEveryMs ?? 15_000 },
    { name: "sweep", data: {} },
  );

  const workers = names.map((name) => {
    const { processor, concurrency } = processors[name];
    const worker = new Worker(name, processor, { connection, prefix, concurrency });
    worker.on("error", (error) => log.error("worker error", { queue: name, ...errorFields(error) }));
    if (RAISES_ALERTS.has(name)) {
      // Alert events this job wrote are dispatched now rather than at the next scheduled dispatch.
      worker.on("completed", () => {
        queues[QUEUE_NAMES.alerts]
          .add("dispatch", {})
          .catch((error) => log.warn("could not request an alert dispatch", errorFields(error)));
      });
    }
    worker.on("failed", (job, error) =>
      log.warn("job failed", {
        queue: name,
        job: job?.id,
        name: job?.name,
        attempts: job?.attemptsMade,
        ...errorFields(error),
      }),
    );
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  // Schedules for accounts that exist now, without waiting for the first scheduled reconcile.
  await queues[QUEUE_NAMES.accounts].add("reconcile", { reason: "worker started" });
  // Deliveries a stopped or killed worker left behind, without waiting for the first scheduled sweep.
  await queues[QUEUE_NAMES.alerts].add("sweep", {});

  return {
    queues,
    workers,
    close: async () => {
      // close() lets jobs in flight finish and takes no new ones.
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(Object.values(queues).map((q) => q.close()));
      alerts.close();
    },
  };
}
