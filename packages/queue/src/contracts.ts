// The queue contract shared by producers (web, worker schedulers) and consumers (worker):
// queue names, job names and a zod schema per payload. Consumers re-parse every payload.
import type { JobsOptions } from "bullmq";
import { z } from "zod";

export const QUEUE_NAMES = {
  /** Keeps each cloud account's job schedulers in line with the database. */
  accounts: "accounts",
  pollStatus: "poll-status",
  pullLogs: "pull-logs",
  /** Customer-gateway lines pushed over HTTP or the CLI. */
  ingestLines: "ingest-lines",
  /** Time-based incident decisions (hysteresis): open what persisted, resolve what recovered. */
  incidents: "incidents",
  housekeeping: "housekeeping",
  /** Alert outbox to deliveries (dispatch), one attempt per delivery (deliver), lost ones found again (sweep). */
  alerts: "alerts",
} as const;

/** Lines one push may carry: larger uploads are split by the sender. */
export const MAX_PUSHED_LINES = 5_000;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

const id = z.string().min(1).max(64);

export const jobSchemas = {
  [QUEUE_NAMES.accounts]: {
    reconcile: z.object({ reason: z.string().max(200).default("scheduled") }),
  },
  [QUEUE_NAMES.pollStatus]: {
    poll: z.object({ cloudAccountId: id }),
  },
  [QUEUE_NAMES.pullLogs]: {
    pull: z.object({ cloudAccountId: id }),
  },
  [QUEUE_NAMES.ingestLines]: {
    ingest: z.object({
      tenantId: id,
      connectionId: id,
      tunnelIndex: z.number().int().min(1).max(8).nullable().default(null),
      /** The sender's name for the source, e.g. "dc1-srx-1". */
      stream: z.string().min(1).max(200),
      /** Same batch id on a retried push: the same lines are stored once. */
      batchId: z.string().min(1).max(200),
      vendor: z.string().max(40).nullable().default(null),
      receivedAt: z.iso.datetime(),
      lines: z
        .array(z.string().max(64 * 1024))
        .min(1)
        .max(MAX_PUSHED_LINES),
    }),
  },
  [QUEUE_NAMES.incidents]: {
    advance: z.object({}),
  },
  [QUEUE_NAMES.housekeeping]: {
    // Deletes time-series rows older than each tenant's retention.
    "purge-expired": z.object({ batchSize: z.number().int().min(100).max(100_000).default(10_000) }),
    // Removes the connections, tunnels and history of deleted cloud accounts, then the accounts.
    "purge-deleted-accounts": z.object({ batchSize: z.number().int().min(100).max(100_000).default(10_000) }),
  },
  [QUEUE_NAMES.alerts]: {
    dispatch: z.object({}),
    deliver: z.object({ deliveryId: id }),
    sweep: z.object({}),
  },
} as const satisfies Record<QueueName, Record<string, z.ZodType>>;

export type JobName<Q extends QueueName> = keyof (typeof jobSchemas)[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = z.input<(typeof jobSchemas)[Q][J]>;

const RETAIN = { removeOnComplete: { count: 200 }, removeOnFail: { count: 1000 } } as const;

export const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QUEUE_NAMES.accounts]: { attempts: 3, backoff: { type: "exponential", delay: 2_000 }, ...RETAIN },
  // Polls are retried by their schedule; a failed run records the error and backs the account off.
  [QUEUE_NAMES.pollStatus]: { attempts: 1, ...RETAIN },
  [QUEUE_NAMES.pullLogs]: { attempts: 1, ...RETAIN },
  [QUEUE_NAMES.ingestLines]: { attempts: 8, backoff: { type: "exponential", delay: 1_000 }, ...RETAIN },
  [QUEUE_NAMES.incidents]: { attempts: 1, ...RETAIN },
  // A delivery's retries are kept in the database (AlertDelivery.nextAttemptAt), not in the job.
  [QUEUE_NAMES.alerts]: { attempts: 1, removeOnComplete: { count: 500 }, removeOnFail: { count: 1000 } },
  [QUEUE_NAMES.housekeeping]: {
    attempts: 5,
    backoff: { type: "exponential", delay: 10_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 500 },
  },
};

export class InvalidJobPayloadError extends Error {}

/** Parses a job's payload against its schema; an invalid payload can never succeed. */
export function parseJob<Q extends QueueName, J extends JobName<Q> = JobName<Q>>(
  queue: Q,
  name: string,
  data: unknown,
): z.output<(typeof jobSchemas)[Q][J]> {
  const schemas = jobSchemas[queue] as Record<string, z.ZodType>;
  const schema = schemas[name];
  if (!schema) throw new InvalidJobPayloadError(`Queue ${queue} has no job named ${name}`);
  const result = schema.safeParse(data);
  if (!result.success)
    throw new InvalidJobPayloadError(`Invalid ${queue}/${name} payload: ${z.prettifyError(result.error)}`);
  return result.data as z.output<(typeof jobSchemas)[Q][J]>;
}
