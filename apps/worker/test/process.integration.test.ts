import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = path.resolve(import.meta.dirname, "../src/main.ts");
// The bundle `npm run start:worker` runs (built before this package's tests, see turbo.json).
const BUNDLE = path.resolve(import.meta.dirname, "../dist/main.js");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function startWorker(
  env: Record<string, string>,
  entry: string[] = ["--import", "tsx", MAIN],
): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, entry, {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("worker process", () => {
  let db: TestDatabase;
  const prefix = `test-${randomBytes(4).toString("hex")}`;
  const baseEnv = () => ({
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    CREDENTIALS_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    CREDENTIALS_ACTIVE_KEY_ID: "k1",
  });

  beforeAll(async () => {
    db = await createMigratedTestDatabase("worker");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("starts, runs a job from its queue, and stops cleanly on SIGTERM", async () => {
    const worker = startWorker(baseEnv());
    await waitFor(() => worker.output().includes('"worker ready"'), 20_000);

    const queue = new Queue(QUEUE_NAMES.housekeeping, { connection: { url: REDIS_URL }, prefix });
    // From the stream's start (this test's own prefix): QueueEvents is "ready" before it reads the
    // stream, and an event written in between would be lost with the default "$" (BullMQ #2874).
    const events = new QueueEvents(QUEUE_NAMES.housekeeping, {
      connection: { url: REDIS_URL },
      prefix,
      lastEventId: "0-0",
    });
    await events.waitUntilReady();
    const job = await queue.add("purge-expired", { batchSize: 1000 });
    const result = await job.waitUntilFinished(events, 15_000);
    expect(result).toMatchObject({ TunnelLogEvent: 0, AuditLog: 0 });
    const purge = await queue.add("purge-deleted-accounts", {});
    expect(await purge.waitUntilFinished(events, 15_000)).toEqual({ accounts: 0, rows: 0 });
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(
      expect.arrayContaining(["purge-expired-daily", "purge-deleted-accounts"]),
    );
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('"stopped"');
  });

  it("starts from its production bundle, whose npm dependencies all resolve", async () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build`).toBe(true);
    const worker = startWorker(baseEnv(), [BUNDLE]);
    await waitFor(() => worker.output().includes('"worker ready"') || worker.child.exitCode !== null, 30_000);
    expect(worker.output()).toContain('"worker ready"');
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  });

  it("refuses to start on bad configuration and names the variable", async () => {
    const worker = startWorker({ ...baseEnv(), DATABASE_URL: "mysql://nope", CREDENTIALS_ACTIVE_KEY_ID: "" });
    expect(await worker.exited).toBe(78);
    expect(worker.output()).toContain("DATABASE_URL: must be a postgresql:// URL");
    expect(worker.output()).toContain("CREDENTIALS_ACTIVE_KEY_ID is required but not set");
  });

  it("exits with a clear message when PostgreSQL cannot be reached", async () => {
    const worker = startWorker({ ...baseEnv(), DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("cannot reach PostgreSQL");
  });
});
