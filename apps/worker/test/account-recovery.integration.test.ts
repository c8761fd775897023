import { randomBytes } from "node:crypto";
import { createPrismaClient, type PrismaClient, parseKeyring } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import { type Job, Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealCredentials } from "../src/pipeline/account-target.ts";
import { createHandlers } from "../src/pipeline/jobs.ts";
import type { ProviderClient } from "../src/providers/types.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("an account that recovers", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let redis: Redis;
  const prefix = `recover-${randomBytes(4).toString("hex")}`;
  const queues = () => ({
    status: new Queue(QUEUE_NAMES.pollStatus, { connection: { url: REDIS_URL }, prefix }),
    logs: new Queue(QUEUE_NAMES.pullLogs, { connection: { url: REDIS_URL }, prefix }),
    accounts: new Queue(QUEUE_NAMES.accounts, { connection: { url: REDIS_URL }, prefix }),
  });
  let q: ReturnType<typeof queues>;

  beforeAll(async () => {
    db = await createMigratedTestDatabase("recover");
    prisma = createPrismaClient(db.url);
    redis = new Redis(REDIS_URL);
    q = queues();
  });
  afterAll(async () => {
    for (const queue of Object.values(q ?? {})) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    redis?.disconnect();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("clears its failure state and asks for its normal schedule back", async () => {
    const keyring = parseKeyring(`k1:${randomBytes(32).toString("base64")}`, "k1");
    const tenant = await prisma.tenant.create({ data: { name: "T", slug: "t" } });
    const account = await prisma.cloudAccount.create({
      data: {
        tenantId: tenant.id,
        provider: "AWS",
        name: "prod",
        regions: ["us-east-1"],
        syncState: "FAILING",
        lastError: "AWS DescribeVpnConnections (us-east-1) failed: throttled",
        failingSince: new Date(Date.now() - 3_600_000),
        consecutiveFailures: 3,
        ...sealCredentials(keyring, tenant.id, { accessKeyId: "AKIA", secretAccessKey: "s" }),
      },
    });
    const client: ProviderClient = {
      provider: "aws",
      fetchStatus: async () => ({ fetchedAt: new Date(), connections: [], maintenance: [], unavailable: {} }),
      pullLogs: async () => ({ events: [], cursor: {}, hasMore: false }),
    };
    const handlers = createHandlers(
      { prisma, redis, keyring, queuePrefix: prefix, clientFor: () => client, now: () => new Date() },
      q,
    );
    await handlers[QUEUE_NAMES.pollStatus]({ name: "poll", data: { cloudAccountId: account.id } } as Job);
    expect(await prisma.cloudAccount.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      syncState: "OK",
      lastError: null,
      failingSince: null,
      consecutiveFailures: 0,
    });
    const reconciles = await q.accounts.getJobs(["waiting", "delayed"]);
    expect(reconciles.map((j) => j.name)).toEqual(["reconcile"]);
  });
});
