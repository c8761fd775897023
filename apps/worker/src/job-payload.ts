import { type JobName, parseJob, type QueueName } from "@tunnelwatch/queue";
import { type Job, UnrecoverableError } from "bullmq";

/** A job's payload checked against its contract; a payload that can never succeed is not retried. */
export function jobPayload<Q extends QueueName>(queue: Q, job: Job) {
  try {
    return parseJob(queue, job.name as JobName<Q>, job.data);
  } catch (error) {
    throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
  }
}
