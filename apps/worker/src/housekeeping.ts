import type { PrismaClient } from "@tunnelwatch/db";
import { purgeExpiredRows } from "@tunnelwatch/db";
import { parseJob, QUEUE_NAMES } from "@tunnelwatch/queue";
import type { Job } from "bullmq";
import { UnrecoverableError } from "bullmq";
import { log } from "./logger.ts";

// Purge once a day, at a quiet hour; the scheduler id keeps one schedule however many workers start.
export const PURGE_SCHEDULE = { id: "purge-expired-daily", pattern: "17 3 * * *" } as const;

export function housekeepingProcessor(prisma: PrismaClient) {
  return async (job: Job) => {
    let payload: { batchSize: number };
    try {
      payload = parseJob(QUEUE_NAMES.housekeeping, job.name, job.data);
    } catch (error) {
      throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
    }
    const counts = await purgeExpiredRows(prisma, { batchSize: payload.batchSize });
    log.info("purged expired rows", { job: job.id, counts });
    return counts;
  };
}
