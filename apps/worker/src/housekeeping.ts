import type { PrismaClient } from "@tunnelwatch/db";
import { purgeDeletedAccounts, purgeExpiredRows } from "@tunnelwatch/db";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import type { Job } from "bullmq";
import { jobPayload } from "./job-payload.ts";
import { log } from "./logger.ts";

// Purge once a day, at a quiet hour; the scheduler id keeps one schedule however many workers start.
export const PURGE_SCHEDULE = { id: "purge-expired-daily", pattern: "17 3 * * *" } as const;
// Deleting an account asks for this purge at once; the schedule catches a request that was lost.
export const DELETED_ACCOUNTS_SCHEDULE = { id: "purge-deleted-accounts", every: 10 * 60_000 } as const;

export function housekeepingProcessor(prisma: PrismaClient) {
  return async (job: Job) => {
    // Both jobs take a batch size.
    const { batchSize } = jobPayload(QUEUE_NAMES.housekeeping, job) as { batchSize: number };
    if (job.name === "purge-deleted-accounts") {
      const purged = await purgeDeletedAccounts(prisma, { batchSize });
      if (purged.accounts > 0) log.info("purged deleted accounts", { job: job.id, ...purged });
      return purged;
    }
    const counts = await purgeExpiredRows(prisma, { batchSize });
    log.info("purged expired rows", { job: job.id, counts });
    return counts;
  };
}
