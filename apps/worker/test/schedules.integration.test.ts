import { randomBytes } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backedOffIntervalMs, reconcileSchedules } from "../src/pipeline/schedules.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("account schedules follow the database", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let queues: { status: Queue; logs: Queue };
  let tenantId: string;
  const prefix = `sched-${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    db = await createMigratedTestDatabase("schedules");
    prisma = createPrismaClient(db.url);
    tenantId = (await prisma.tenant.create({ data: { name: "T", slug: "t" } })).id;
    queues = {
      status: new Queue(QUEUE_NAMES.pollStatus, { connection: { url: REDIS_URL }, prefix }),
      logs: new Queue(QUEUE_NAMES.pullLogs, { connection: { url: REDIS_URL }, prefix }),
    };
  });
  afterAll(async () => {
    for (const q of Object.values(queues ?? {})) {
      await q.obliterate({ force: true });
      await q.close();
    }
    await prisma?.$disconnect();
    await db?.drop();
  });

  const account = (provider: "AWS" | "MULESOFT", name: string) =>
    prisma.cloudAccount.create({
      data: {
        tenantId,
        provider,
        name,
        regions: ["us-east-1"],
        credentialsCipher: "x",
        credentialsKeyId: "k1",
        statusIntervalSec: 60,
        logsIntervalSec: 30,
      },
    });
  const schedulers = async (queue: Queue) =>
    Object.fromEntries((await queue.getJobSchedulers(0, -1, true)).map((s) => [s.key, Number(s.every)]));

  it("adds, backs off, pauses and removes schedules", async () => {
    const aws = await account("AWS", "prod");
    const mule = await account("MULESOFT", "org");
    expect(await reconcileSchedules(prisma, queues)).toEqual({ added: 3, updated: 0, removed: 0 });
    expect(await schedulers(queues.status)).toEqual({ [`status:${aws.id}`]: 60_000, [`status:${mule.id}`]: 60_000 });
    // Anypoint has no log API: no log schedule for it.
    expect(await schedulers(queues.logs)).toEqual({ [`logs:${aws.id}`]: 30_000 });
    expect(await reconcileSchedules(prisma, queues)).toEqual({ added: 0, updated: 0, removed: 0 });

    await prisma.cloudAccount.update({ where: { id: aws.id }, data: { consecutiveFailures: 3 } });
    expect(await reconcileSchedules(prisma, queues)).toEqual({ added: 0, updated: 2, removed: 0 });
    expect((await schedulers(queues.status))[`status:${aws.id}`]).toBe(480_000);

    await prisma.cloudAccount.update({ where: { id: aws.id }, data: { isPaused: true } });
    expect(await reconcileSchedules(prisma, queues)).toEqual({ added: 0, updated: 0, removed: 2 });
    await prisma.cloudAccount.delete({ where: { id: mule.id } });
    // Deleted and waiting for housekeeping: no schedule, paused or not.
    const gone = await account("AWS", "gone");
    await prisma.cloudAccount.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await reconcileSchedules(prisma, queues);
    expect(await schedulers(queues.status)).toEqual({});
    expect(await schedulers(queues.logs)).toEqual({});
  });

  it("doubles the interval per failure, up to thirty minutes", () => {
    expect(backedOffIntervalMs(60, 0)).toBe(60_000);
    expect(backedOffIntervalMs(60, 1)).toBe(120_000);
    expect(backedOffIntervalMs(60, 20)).toBe(30 * 60_000);
    expect(backedOffIntervalMs(3600, 5)).toBe(3_600_000);
  });
});
