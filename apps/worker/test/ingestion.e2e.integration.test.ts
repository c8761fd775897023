// End to end over real PostgreSQL and Redis: the simulator speaks AWS, Alibaba Cloud and
// Anypoint wire formats; the real worker process polls it with the real SDK clients.
import { randomBytes } from "node:crypto";
import { createPrismaClient, type Keyring, type PrismaClient, parseKeyring } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { createSimulator, type Simulator } from "@tunnelwatch/simulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedAccount, seedSimulatedAccounts } from "../src/dev/seed-simulated.ts";
import { startWorkerProcess, type WorkerProcess, waitFor } from "./worker-process.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const KEY = `k1:${randomBytes(32).toString("base64")}`;

interface Stage {
  sim: Simulator;
  url: string;
  close: () => Promise<void>;
  /** Simulated "now", behind the wall clock, moved by the test. */
  clock: { now: number };
  db: TestDatabase;
  prisma: PrismaClient;
  tenantId: string;
  accountIds: Map<string, string>;
  workerEnv: Record<string, string>;
}

async function stage(options: {
  connectionsPerAccount: number;
  seed: number;
  accounts?: (a: SimulatedAccount) => SimulatedAccount;
}): Promise<Stage> {
  // Fifteen minutes behind the wall clock: Alibaba log windows (10 minutes) are closed and readable.
  const clock = { now: Date.now() - 15 * 60_000 };
  const sim = createSimulator({
    seed: options.seed,
    clock: () => clock.now,
    historySec: 1800,
    fleet: {
      tenants: 1,
      awsAccountsPerTenant: 1,
      alibabaAccountsPerTenant: 1,
      mulesoftOrgsPerTenant: 1,
      awsRegions: ["us-east-1", "eu-west-1"],
      alibabaRegions: ["cn-hangzhou"],
      connectionsPerAccount: options.connectionsPerAccount,
      // Only the faults a test injects, and no scheduled endpoint replacements: their timing
      // follows the wall clock, and a replacement before the first poll moves a stream's history
      // out of reach (see withRetiredStreams), which would make exact counts depend on the hour.
      faultsPerTunnelPerDay: 0,
      maintenanceShare: 0,
    },
  });
  const running = await sim.listen(0);
  const db = await createMigratedTestDatabase("e2e");
  const prisma = createPrismaClient(db.url);
  const keyring: Keyring = parseKeyring(KEY, "k1");
  const tenant = await prisma.tenant.create({
    data: { name: "Acme", slug: `acme-${options.seed}`, incidentOpenDelaySec: 1, incidentResolveDelaySec: 1 },
  });
  const accounts: SimulatedAccount[] = sim.fleet.accounts.map((a) => (options.accounts ? options.accounts(a) : a));
  const accountIds = await seedSimulatedAccounts(prisma, keyring, {
    tenantId: tenant.id,
    simulatorUrl: running.url,
    accounts,
    statusIntervalSec: 3,
    logsIntervalSec: 3,
  });
  return {
    sim,
    url: running.url,
    close: running.close,
    clock,
    db,
    prisma,
    tenantId: tenant.id,
    accountIds,
    workerEnv: {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: `e2e-${randomBytes(4).toString("hex")}`,
      CREDENTIALS_KEYS: KEY,
      CREDENTIALS_ACTIVE_KEY_ID: "k1",
      WORKER_CONCURRENCY: "8",
    },
  };
}

async function teardown(s: Stage | undefined, workers: WorkerProcess[]) {
  for (const w of workers) await w.stop("SIGKILL");
  await s?.prisma.$disconnect();
  await s?.db.drop();
  await s?.close();
}

const storedEvents = (s: Stage) => s.prisma.tunnelLogEvent.count();

describe("ingestion from the simulator", () => {
  let s: Stage;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    s = await stage({ connectionsPerAccount: 100, seed: 11 });
  }, 60_000);
  afterAll(async () => teardown(s, workers));

  it("ingests a fleet of a few hundred connections completely, each log event once", async () => {
    const expectedConnections = s.sim.fleet.connections.length;
    expect(expectedConnections).toBeGreaterThanOrEqual(300);
    const expectedEvents = s.sim.stats().total;
    expect(expectedEvents).toBeGreaterThan(1000);

    workers.push(startWorkerProcess(s.workerEnv));
    await waitFor(
      "every connection",
      async () => (await s.prisma.vpnConnection.count()) === expectedConnections,
      90_000,
    );
    const tunnels = s.sim.fleet.connections.reduce((n, c) => n + c.tunnels.length, 0);
    expect(await s.prisma.tunnel.count()).toBe(tunnels);
    await waitFor("every log event", async () => (await storedEvents(s)) >= expectedEvents, 120_000);
    // Two more pulls find nothing new: the count is exact, not at least.
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await storedEvents(s)).toBe(expectedEvents);
    const graded = await s.prisma.vpnConnection.groupBy({ by: ["grade"], _count: true });
    expect(graded.length).toBeGreaterThan(1);
    const accounts = await s.prisma.cloudAccount.findMany({ select: { syncState: true, lastError: true } });
    expect(accounts.map((a) => a.syncState)).toEqual(["OK", "OK", "OK"]);
  }, 240_000);

  it("opens the incident an injected fault calls for, and resolves it on recovery", async () => {
    const connection = s.sim.fleet.connections.find(
      (c) =>
        c.provider === "aws" &&
        c.tunnels.length === 2 &&
        c.tunnels.every((t) => t.loggingEnabled && !t.permanentlyDown),
    );
    if (!connection) throw new Error("the simulated fleet has no AWS connection with two logging tunnels");
    const ticker = setInterval(() => {
      s.clock.now += 2_000;
    }, 1_000);
    try {
      // Longer than the opening delay (60 s of simulated time), so that the fault is an incident by
      // the hysteresis alone, whether or not a status poll happens to see the tunnel down meanwhile.
      s.sim.injectFault({ connectionId: connection.id, tunnelIndex: 1, kind: "dpd-timeout", durationSec: 80 });
      const row = await s.prisma.vpnConnection.findFirstOrThrow({
        where: { externalId: connection.id },
        select: { id: true },
      });
      const incident = await waitFor(
        "a DPD_TIMEOUT incident",
        async () =>
          (await s.prisma.incident.findFirst({
            where: { connectionId: row.id, code: "DPD_TIMEOUT", status: { in: ["OPEN", "RESOLVED"] } },
          })) ?? undefined,
        // Generous: with the whole suite loading both cores, polls and pulls queue behind each other.
        120_000,
      );
      expect(incident.tunnelId).not.toBeNull();
      await waitFor(
        "the incident to resolve after recovery",
        async () => (await s.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).status === "RESOLVED",
        90_000,
      );
      const timeline = await s.prisma.incidentActivity.findMany({
        where: { incidentId: incident.id },
        orderBy: { createdAt: "asc" },
      });
      expect(timeline.map((a) => a.kind)).toEqual(expect.arrayContaining(["OPENED", "RESOLVED"]));
    } finally {
      clearInterval(ticker);
    }
  }, 240_000);
});

describe("resilience", () => {
  let s: Stage | undefined;
  const workers: WorkerProcess[] = [];
  afterEach(async () => {
    await teardown(s, workers.splice(0));
    s = undefined;
  });

  it("loses nothing and stores nothing twice when the worker is killed half-way and restarted", async () => {
    const staged = await stage({ connectionsPerAccount: 40, seed: 12 });
    s = staged;
    const expected = s.sim.stats().total;
    const first = startWorkerProcess(s.workerEnv);
    workers.push(first);
    await waitFor("a part of the logs", async () => (await storedEvents(staged)) > expected * 0.2, 120_000, 50);
    first.child.kill("SIGKILL");
    await first.exited;
    const partial = await storedEvents(s);
    expect(partial).toBeLessThan(expected);
    workers.push(startWorkerProcess(s.workerEnv));
    await waitFor("every log event", async () => (await storedEvents(staged)) >= expected, 120_000);
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await storedEvents(s)).toBe(expected);
  }, 300_000);

  it("is delayed, not lossy, when the providers throttle, fail and answer slowly", async () => {
    const staged = await stage({ connectionsPerAccount: 30, seed: 13 });
    s = staged;
    for (const provider of ["aws", "alibaba", "mulesoft"] as const) {
      s.sim.setChaos({ provider, throttleRate: 0.3, errorRate: 0.1, delayMs: 20 });
    }
    const expected = s.sim.stats().total;
    workers.push(startWorkerProcess(s.workerEnv));
    await waitFor(
      "every connection",
      async () => (await staged.prisma.vpnConnection.count()) === staged.sim.fleet.connections.length,
      120_000,
    );
    await waitFor("every log event", async () => (await storedEvents(staged)) >= expected, 180_000);
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await storedEvents(s)).toBe(expected);
  }, 300_000);

  it("marks an account with wrong credentials as failing, with the provider's message and no secret", async () => {
    let wrongSecret = "";
    const staged = await stage({
      connectionsPerAccount: 2,
      seed: 14,
      accounts: (a) => {
        if (a.provider !== "aws") return a;
        wrongSecret = `wrong-${randomBytes(8).toString("hex")}`;
        return { ...a, credentials: { ...(a.credentials as object), secretAccessKey: wrongSecret } };
      },
    });
    s = staged;
    workers.push(startWorkerProcess(s.workerEnv));
    const failing = await waitFor(
      "the AWS account to fail",
      async () =>
        (await staged.prisma.cloudAccount.findFirst({ where: { provider: "AWS", syncState: "FAILING" } })) ?? undefined,
      // Seconds on a quiet machine; a CI machine busy with the other packages' builds and browser
      // tests has taken over a minute to start the worker and run its first poll.
      120_000,
    );
    expect(failing.lastError).toMatch(/SignatureDoesNotMatch|signature/i);
    expect(failing.lastError).not.toContain(wrongSecret);
    expect(failing.failingSince).not.toBeNull();
    const others = await s.prisma.cloudAccount.findMany({
      where: { provider: { not: "AWS" } },
      select: { syncState: true },
    });
    await waitFor(
      "the other accounts to sync",
      async () => {
        const states = await staged.prisma.cloudAccount.findMany({
          where: { provider: { not: "AWS" } },
          select: { syncState: true },
        });
        return states.every((a) => a.syncState === "OK");
      },
      60_000,
    );
    expect(others.length).toBe(2);
  }, 240_000);
});
