// The producer for the worker's queues, for what the web process asks the worker to do now:
// admin actions (sync an account, re-read the schedules after an account changed) and the
// customer-gateway log push. Same REDIS_URL and QUEUE_PREFIX as the worker; fails fast when
// Redis is down (producer connection).
import { TRPCError } from "@trpc/server";
import { loadEnv, redisEnv } from "@tunnelwatch/config";
import {
  createRedis,
  DEFAULT_JOB_OPTIONS,
  type JobName,
  type JobPayload,
  QUEUE_NAMES,
  type QueueName,
  whenReady,
} from "@tunnelwatch/queue";
import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";

// Kept on globalThis so that Next.js's hot reload in development does not open a connection per reload.
const holder = globalThis as unknown as {
  tunnelwatchAdminQueues?: { redis: Redis; prefix: string; queues: Map<QueueName, Queue> };
};

/** The producer of one of the worker's queues, shared by every caller in this process. */
export async function producerQueue(name: QueueName): Promise<Queue> {
  if (!holder.tunnelwatchAdminQueues) {
    const env = loadEnv(redisEnv());
    const redis = createRedis(env.REDIS_URL, "producer");
    redis.on("error", () => {
      // Reported to the caller of each enqueue; an unhandled 'error' event would crash the server.
    });
    holder.tunnelwatchAdminQueues = { redis, prefix: env.QUEUE_PREFIX, queues: new Map() };
  }
  const state = holder.tunnelwatchAdminQueues;
  await whenReady(state.redis);
  let queue = state.queues.get(name);
  if (!queue) {
    queue = new Queue(name, {
      connection: state.redis,
      prefix: state.prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS[name],
    });
    state.queues.set(name, queue);
  }
  return queue;
}

/** Adds one job; throws SERVICE_UNAVAILABLE (with what to do) when Redis cannot be reached. */
export async function enqueue<Q extends QueueName, J extends JobName<Q>>(
  queueName: Q,
  jobName: J,
  data: JobPayload<Q, J>,
  options: JobsOptions = {},
): Promise<void> {
  try {
    const queue = await producerQueue(queueName);
    await queue.add(jobName, data, options);
  } catch (error) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `The job queue is not reachable (${error instanceof Error ? error.message : String(error)}). The change is saved; the worker picks it up at its next scheduled run.`,
    });
  }
}

/**
 * Asks the worker to bring the account schedules in line with the database now. Best effort:
 * the worker also reconciles every 30 s, so a Redis outage only delays the change.
 */
export function requestReconcile(reason: string): Promise<boolean> {
  return succeeds(enqueue(QUEUE_NAMES.accounts, "reconcile", { reason: reason.slice(0, 200) }));
}

/**
 * Asks housekeeping to remove the data of deleted accounts now. Best effort: it also runs every
 * ten minutes.
 */
export function requestPurgeOfDeletedAccounts(): Promise<boolean> {
  return succeeds(enqueue(QUEUE_NAMES.housekeeping, "purge-deleted-accounts", {}));
}

async function succeeds(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch {
    return false;
  }
}

/**
 * One status poll (and log pull, where the provider has logs) of an account now. The job ids
 * are per account and 10-second window, so a double click queues one run, not two.
 */
export async function requestSync(account: { id: string; provider: string }, options: { bestEffort: boolean }) {
  const window = Math.floor(Date.now() / 10_000);
  const run = async () => {
    await enqueue(
      QUEUE_NAMES.pollStatus,
      "poll",
      { cloudAccountId: account.id },
      { jobId: `sync-status-${account.id}-${window}` },
    );
    if (account.provider !== "MULESOFT") {
      await enqueue(
        QUEUE_NAMES.pullLogs,
        "pull",
        { cloudAccountId: account.id },
        { jobId: `sync-logs-${account.id}-${window}` },
      );
    }
  };
  if (!options.bestEffort) return run();
  try {
    await run();
  } catch {
    // The schedule polls the account shortly anyway.
  }
}

/** Closes the producer connection (tests, shutdown). */
export async function closeAdminQueues(): Promise<void> {
  const state = holder.tunnelwatchAdminQueues;
  holder.tunnelwatchAdminQueues = undefined;
  if (!state) return;
  await Promise.all([...state.queues.values()].map((q) => q.close().catch(() => {})));
  state.redis.disconnect();
}
