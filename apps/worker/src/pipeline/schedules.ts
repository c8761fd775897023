// Keeps one job scheduler per cloud account for status and one for logs, in line with the
// database: added accounts get schedules, paused and deleted ones lose them, failing ones back
// off. Runs on a schedule and whenever the web app reports a change.
import type { PrismaClient } from "@tunnelwatch/db";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES } from "@tunnelwatch/queue";
import type { Queue } from "bullmq";

export const MAX_BACKOFF_MS = 30 * 60 * 1000;

/** Interval after `failures` consecutive failures: doubling, capped at 30 minutes. */
export function backedOffIntervalMs(intervalSec: number, failures: number): number {
  const base = intervalSec * 1000;
  return failures <= 0 ? base : Math.min(base * 2 ** Math.min(failures, 10), Math.max(MAX_BACKOFF_MS, base));
}

export const statusSchedulerId = (accountId: string) => `status:${accountId}`;
export const logsSchedulerId = (accountId: string) => `logs:${accountId}`;

export interface ScheduleQueues {
  status: Queue;
  logs: Queue;
}

export async function reconcileSchedules(
  prisma: PrismaClient,
  queues: ScheduleQueues,
): Promise<{ added: number; updated: number; removed: number }> {
  const accounts = await prisma.cloudAccount.findMany({
    where: { deletedAt: null },
    select: {
      id: true,
      provider: true,
      isPaused: true,
      statusIntervalSec: true,
      logsIntervalSec: true,
      consecutiveFailures: true,
    },
  });
  const wanted = {
    status: new Map<string, { every: number; accountId: string }>(),
    logs: new Map<string, { every: number; accountId: string }>(),
  };
  for (const account of accounts) {
    if (account.isPaused) continue;
    wanted.status.set(statusSchedulerId(account.id), {
      every: backedOffIntervalMs(account.statusIntervalSec, account.consecutiveFailures),
      accountId: account.id,
    });
    // Anypoint has no tunnel log API: no log schedule for MuleSoft organisations.
    if (account.provider !== "MULESOFT") {
      wanted.logs.set(logsSchedulerId(account.id), {
        every: backedOffIntervalMs(account.logsIntervalSec, account.consecutiveFailures),
        accountId: account.id,
      });
    }
  }
  const counts = { added: 0, updated: 0, removed: 0 };
  for (const kind of ["status", "logs"] as const) {
    const queue = queues[kind];
    const jobName = kind === "status" ? "poll" : "pull";
    const existing = await queue.getJobSchedulers(0, -1, true);
    const existingEvery = new Map(existing.map((s) => [s.key, Number(s.every ?? 0)]));
    for (const key of existingEvery.keys()) {
      if (!wanted[kind].has(key)) {
        await queue.removeJobScheduler(key);
        counts.removed++;
      }
    }
    for (const [key, { every, accountId }] of wanted[kind]) {
      const current = existingEvery.get(key);
      if (current === every) continue;
      await queue.upsertJobScheduler(
        key,
        { every },
        {
          name: jobName,
          data: { cloudAccountId: accountId },
          opts: DEFAULT_JOB_OPTIONS[kind === "status" ? QUEUE_NAMES.pollStatus : QUEUE_NAMES.pullLogs],
        },
      );
      if (current === undefined) counts.added++;
      else counts.updated++;
    }
  }
  return counts;
}
