import { DEFAULT_JOB_OPTIONS, type QueueName } from "@tunnelwatch/queue";
import { Queue } from "bullmq";
import { env } from "./env.ts";
import { redis } from "./redis.ts";

const holder = globalThis as unknown as { tunnelwatchQueues?: Map<QueueName, Queue> };

/** A producer for one of the worker's queues; fails fast when Redis is down. */
export async function queue(name: QueueName): Promise<Queue> {
  holder.tunnelwatchQueues ??= new Map();
  let existing = holder.tunnelwatchQueues.get(name);
  if (!existing) {
    existing = new Queue(name, {
      connection: await redis(),
      prefix: env().QUEUE_PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS[name],
    });
    holder.tunnelwatchQueues.set(name, existing);
  }
  return existing;
}
