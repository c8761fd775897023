// The queue contract shared by producers (web, worker schedulers) and consumers (worker):
// queue names, job names and a zod schema per payload. Consumers re-parse every payload.
import type { JobsOptions } from "bullmq";
import { z } from "zod";

export const QUEUE_NAMES = {
  housekeeping: "housekeeping",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const jobSchemas = {
  [QUEUE_NAMES.housekeeping]: {
    // Deletes time-series rows older than each tenant's retention.
    "purge-expired": z.object({ batchSize: z.number().int().min(100).max(100_000).default(10_000) }),
  },
} as const satisfies Record<QueueName, Record<string, z.ZodType>>;

export type JobName<Q extends QueueName> = keyof (typeof jobSchemas)[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = z.input<(typeof jobSchemas)[Q][J]>;

export const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
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
