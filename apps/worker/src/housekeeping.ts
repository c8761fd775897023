import type { PrismaClient } from "@tunnelwatch/db";
import { purgeExpiredRows } from "@tunnelwatch/db";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import type { Job } from "bullmq";
import { jobPayload } from "./job-payload.ts";
import { log } from "./logger.ts";

// Purge once a day, at a quiet hour; the scheduler id keeps one schedule however many workers start.
export const PURGE_SCHEDULE = { id: "purge-expired-daily", pattern: "17 3 * * *" } as const;

export function housekeepingProcessor(prisma: PrismaClient) {
  return async (job: Job) => {
    const payload = jobPayload(QUEUE_NAMES.housekeeping, job);
    const counts = await purgeExpiredRows(prisma, { batchSize: payload.batchSize });
    log.info("purged expired rows", { job: job.id, counts });
    return counts;
  };
}
