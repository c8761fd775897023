// The job handlers: parse the payload against its contract, run the pipeline step, record what
// happened on the account. Every handler is safe to run twice and to die half-way.
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import type { Job, Queue } from "bullmq";
import { UnrecoverableError } from "bullmq";
import { jobPayload } from "../job-payload.ts";
import { ProviderError } from "../providers/types.ts";
import { accountTarget } from "./account-target.ts";
import type { PipelineDeps } from "./deps.ts";
import { advanceIncidentsInTime } from "./incidents.ts";
import { ingestLines, UnknownConnectionError } from "./ingest.ts";
import { withLock } from "./locks.ts";
import { pullAccountLogs } from "./logs.ts";
import { reconcileSchedules, type ScheduleQueues } from "./schedules.ts";
import { applyStatusSnapshot } from "./status.ts";

async function loadAccount(deps: PipelineDeps, id: string) {
  const account = await deps.prisma.cloudAccount.findUnique({
    where: { id },
    include: { tenant: { select: { incidentOpenDelaySec: true, incidentResolveDelaySec: true } } },
  });
  if (!account || account.deletedAt) throw new UnrecoverableError(`cloud account ${id} no longer exists`);
  return account;
}

function describe(error: unknown): string {
  if (error instanceof ProviderError) return error.message;
  if (error instanceof Error) return `internal error: ${error.message.split("\n")[0]}`;
  return String(error);
}

type LoadedAccount = Awaited<ReturnType<typeof loadAccount>>;

async function recordFailure(
  deps: PipelineDeps,
  account: LoadedAccount,
  error: unknown,
  reconcile: () => Promise<unknown>,
) {
  const now = deps.now();
  await deps.prisma.cloudAccount.update({
    where: { id: account.id },
    data: {
      syncState: "FAILING",
      lastSyncAt: now,
      lastError: describe(error).slice(0, 2000),
      failingSince: account.failingSince ?? now,
      consecutiveFailures: { increment: 1 },
    },
  });
  // Back the failing account off without blocking the others.
  await reconcile();
}

async function recordSuccess(
  deps: PipelineDeps,
  account: LoadedAccount,
  unavailable: Record<string, string> | undefined,
  reconcile: () => Promise<unknown>,
) {
  const now = deps.now();
  await deps.prisma.cloudAccount.update({
    where: { id: account.id },
    data: {
      syncState: "OK",
      lastSyncAt: now,
      lastSuccessAt: now,
      lastError: null,
      failingSince: null,
      consecutiveFailures: 0,
      ...(unavailable ? { unavailable } : {}),
    },
  });
  // The account was backed off while failing: restore its normal schedule.
  if (account.consecutiveFailures !== 0) await reconcile();
}

export function createHandlers(deps: PipelineDeps, queues: ScheduleQueues & { accounts: Queue }) {
  const reconcile = () => queues.accounts.add("reconcile", { reason: "account backoff changed" });

  return {
    [QUEUE_NAMES.accounts]: async (job: Job) => {
      jobPayload(QUEUE_NAMES.accounts, job);
      return reconcileSchedules(deps.prisma, queues);
    },

    [QUEUE_NAMES.pollStatus]: async (job: Job) => {
      const { cloudAccountId } = jobPayload(QUEUE_NAMES.pollStatus, job);
      const account = await loadAccount(deps, cloudAccountId);
      if (account.isPaused) return { skipped: "paused" };
      const ran = await withLock(deps.redis, `${deps.queuePrefix}:lock:status:${account.id}`, async () => {
        try {
          const client = deps.clientFor(accountTarget(deps.keyring, account));
          const snapshot = await client.fetchStatus();
          const result = await applyStatusSnapshot(deps.prisma, account, snapshot);
          await recordSuccess(deps, account, snapshot.unavailable, reconcile);
          return result;
        } catch (error) {
          await recordFailure(deps, account, error, reconcile);
          throw error;
        }
      });
      return ran ?? { skipped: "the previous status poll of this account is still running" };
    },

    [QUEUE_NAMES.pullLogs]: async (job: Job) => {
      const { cloudAccountId } = jobPayload(QUEUE_NAMES.pullLogs, job);
      const account = await loadAccount(deps, cloudAccountId);
      if (account.isPaused) return { skipped: "paused" };
      const ran = await withLock(deps.redis, `${deps.queuePrefix}:lock:logs:${account.id}`, async () => {
        try {
          const client = deps.clientFor(accountTarget(deps.keyring, account));
          const result = await pullAccountLogs(deps.prisma, account, client, {
            now: deps.now(),
            maxEventsPerPage: 5_000,
            maxPagesPerStream: 20,
            deadline: Date.now() + 4 * 60 * 1000,
          });
          await recordSuccess(deps, account, undefined, reconcile);
          return result;
        } catch (error) {
          await recordFailure(deps, account, error, reconcile);
          throw error;
        }
      });
      return ran ?? { skipped: "the previous log pull of this account is still running" };
    },

    [QUEUE_NAMES.ingestLines]: async (job: Job) => {
      const data = jobPayload(QUEUE_NAMES.ingestLines, job);
      try {
        return await ingestLines(deps.prisma, data);
      } catch (error) {
        if (error instanceof UnknownConnectionError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },

    [QUEUE_NAMES.incidents]: async (job: Job) => {
      jobPayload(QUEUE_NAMES.incidents, job);
      return { decisions: await advanceIncidentsInTime(deps.prisma, deps.now()) };
    },
  };
}
