// Cloud accounts over a real PostgreSQL and Redis, with the provider simulator standing in for
// AWS: credentials go in sealed (the worker opens them to exactly what was entered) and never
// come out, in responses or in the audit log; tests hit the provider; roles and tenants hold.
import { createSimulator, DEFAULT_FLEET_SHAPE, type RunningSimulator, type Simulator } from "@tunnelwatch/simulator";
import { accountTarget } from "@tunnelwatch/worker/pipeline";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminFixture, adminFixture, codeOf } from "./admin-helpers.ts";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";

describe("accounts router", () => {
  let f: AdminFixture;
  let sim: Simulator;
  let simServer: RunningSimulator;

  beforeAll(async () => {
    f = await adminFixture("accounts");
    sim = createSimulator({
      seed: 11,
      fleet: {
        ...DEFAULT_FLEET_SHAPE,
        tenants: 1,
        alibabaAccountsPerTenant: 0,
        mulesoftOrgsPerTenant: 0,
        connectionsPerAccount: 3,
      },
    });
    simServer = await sim.listen(0);
  });
  afterAll(async () => {
    await simServer?.close();
    await f?.close();
  });

  function simulatedAws() {
    const account = sim.fleet.accounts.find((a) => a.provider === "aws");
    if (account?.provider !== "aws") throw new Error("no simulated AWS account");
    return account;
  }

  it("seals credentials the worker can open, and never returns or audits them", async () => {
    const admin = await f.api("ADMIN");
    const created = await admin.accounts.create({
      provider: "AWS",
      name: "Production",
      regions: ["us-east-1", " EU-WEST-1 ", "us-east-1"],
      credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
      endpointOverride: "",
    });
    expect(created.regions).toEqual(["us-east-1", "eu-west-1"]);
    expect(created.syncState).toBe("PENDING");
    expect(created.endpointOverride).toBeNull();
    expect(Object.keys(created)).not.toContain("credentialsCipher");
    expect(Object.keys(created)).not.toContain("credentialsKeyId");

    const row = await f.prisma.cloudAccount.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tenantId).toBe(f.tenantA);
    expect(row.credentialsCipher).not.toContain(SECRET);
    expect(row.credentialsKeyId).toBe("k1");
    // The worker's own decryption gives back exactly what was entered, in its credential shape.
    const target = accountTarget(f.keyring, row);
    expect(target).toMatchObject({ provider: "aws", regions: ["us-east-1", "eu-west-1"] });
    expect(target.credentials).toEqual({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
    // Bound to the tenant: the same cipher under another tenant does not open.
    expect(() => accountTarget(f.keyring, { ...row, tenantId: f.tenantB })).toThrow(/authentication/);

    const viewer = await f.api("VIEWER");
    const list = await viewer.accounts.list({});
    expect(list.total).toBe(1);
    const listed = list.items[0];
    expect(listed?.connectionCount).toBe(0);
    const text = JSON.stringify(list);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("credentials");
    expect(text).not.toContain(row.credentialsCipher.slice(3, 20));

    const audits = await f.prisma.auditLog.findMany({ where: { targetId: created.id } });
    expect(audits.map((a) => a.action)).toEqual(["cloudAccount.create"]);
    expect(audits[0]?.actorUserId).toBe(f.users.ADMIN);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(SECRET);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(KEY_ID);
  });

  it("validates regions, credentials and the endpoint with messages that say what to fix", async () => {
    const admin = await f.api("ADMIN");
    const bad = admin.accounts.create({
      provider: "AWS",
      name: "Bad",
      regions: ["us-east-1", "frankfurt"],
      credentials: { accessKeyId: "nope", secretAccessKey: "x" },
      endpointOverride: "ftp://example.com",
    });
    await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const message = await bad.catch((error: Error) => error.message);
    expect(message).toContain("Not a region id: frankfurt");
    expect(message).toContain("access key ID");
    expect(message).toContain("http:// or https://");
    // Alibaba needs its own credential fields.
    expect(
      await codeOf(
        admin.accounts.create({
          provider: "ALIBABA",
          name: "Ali",
          regions: ["cn-hangzhou"],
          credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET } as never,
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("refuses viewers and operators on admin procedures, and other tenants with NOT_FOUND", async () => {
    const admin = await f.api("ADMIN");
    const { id } = (await admin.accounts.list({})).items[0] ?? { id: "" };
    for (const who of ["VIEWER", "OPERATOR"] as const) {
      const api = await f.api(who);
      expect(
        await codeOf(
          api.accounts.create({
            provider: "AWS",
            name: "X",
            regions: ["us-east-1"],
            credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
          }),
        ),
      ).toBe("FORBIDDEN");
      expect(await codeOf(api.accounts.setPaused({ id, isPaused: true }))).toBe("FORBIDDEN");
      expect(await codeOf(api.accounts.delete({ id }))).toBe("FORBIDDEN");
      expect(await codeOf(api.accounts.test({ id }))).toBe("FORBIDDEN");
    }
    expect(await codeOf((await f.api("VIEWER")).accounts.syncNow({ id }))).toBe("FORBIDDEN");

    const other = await f.api("OTHER");
    expect((await other.accounts.list({})).total).toBe(0);
    const missing = await codeOf(other.accounts.byId({ id: "does-not-exist" }));
    expect(missing).toBe("NOT_FOUND");
    expect(await codeOf(other.accounts.byId({ id }))).toBe(missing);
    expect(await codeOf(other.accounts.update({ id, provider: "AWS", name: "Mine now" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.accounts.setPaused({ id, isPaused: true }))).toBe("NOT_FOUND");
    expect(await codeOf(other.accounts.test({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.accounts.syncNow({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.accounts.delete({ id }))).toBe("NOT_FOUND");
    const untouched = await f.prisma.cloudAccount.findUniqueOrThrow({ where: { id } });
    expect(untouched).toMatchObject({ name: "Production", isPaused: false });
  });

  it("updates fields, replaces credentials only when given, pauses and resumes", async () => {
    const admin = await f.api("ADMIN");
    const { id } = (await admin.accounts.list({})).items[0] ?? { id: "" };
    const before = await f.prisma.cloudAccount.findUniqueOrThrow({ where: { id } });
    await f.prisma.cloudAccount.update({ where: { id }, data: { syncState: "OK" } });
    // The edit form sends every field: unchanged regions and endpoint keep the sync state.
    const renamed = await admin.accounts.update({
      id,
      provider: "AWS",
      name: "Production EU",
      statusIntervalSec: 120,
      regions: before.regions,
      endpointOverride: before.endpointOverride,
    });
    expect(renamed).toMatchObject({ name: "Production EU", statusIntervalSec: 120, syncState: "OK" });
    expect((await f.prisma.cloudAccount.findUniqueOrThrow({ where: { id } })).credentialsCipher).toBe(
      before.credentialsCipher,
    );
    expect(await codeOf(admin.accounts.update({ id, provider: "ALIBABA", name: "x" }))).toBe("BAD_REQUEST");

    await admin.accounts.update({
      id,
      provider: "AWS",
      credentials: {
        accessKeyId: "ASIAIOSFODNN7EXAMPLE",
        secretAccessKey: "new-secret-value-123",
        sessionToken: "tok",
      },
    });
    const after = await f.prisma.cloudAccount.findUniqueOrThrow({ where: { id } });
    expect(accountTarget(f.keyring, after).credentials).toEqual({
      accessKeyId: "ASIAIOSFODNN7EXAMPLE",
      secretAccessKey: "new-secret-value-123",
      sessionToken: "tok",
    });
    const updateAudit = await f.prisma.auditLog.findFirstOrThrow({
      where: { targetId: id, action: "cloudAccount.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(updateAudit.details).toMatchObject({ credentialsReplaced: true });
    expect(JSON.stringify(updateAudit.details)).not.toContain("new-secret-value-123");

    await admin.accounts.setPaused({ id, isPaused: true });
    expect((await admin.accounts.byId({ id })).syncState).toBe("PAUSED");
    expect(await codeOf((await f.api("OPERATOR")).accounts.syncNow({ id }))).toBe("PRECONDITION_FAILED");
    await admin.accounts.setPaused({ id, isPaused: false });
    expect(await admin.accounts.byId({ id })).toMatchObject({ isPaused: false, syncState: "PENDING" });
    const actions = (
      await f.prisma.auditLog.findMany({
        where: { targetId: id },
        orderBy: { createdAt: "asc" },
        select: { action: true },
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "cloudAccount.create",
      "cloudAccount.update",
      "cloudAccount.update",
      "cloudAccount.pause",
      "cloudAccount.resume",
    ]);
  });

  it("queues an immediate status poll and log pull on sync now (operators may)", async () => {
    const admin = await f.api("ADMIN");
    const { id } = (await admin.accounts.list({})).items[0] ?? { id: "" };
    const operator = await f.api("OPERATOR");
    expect(await operator.accounts.syncNow({ id })).toEqual({ queued: true });
    const connection = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    try {
      const status = new Queue("poll-status", { connection, prefix: f.queuePrefix });
      const logs = new Queue("pull-logs", { connection, prefix: f.queuePrefix });
      const accounts = new Queue("accounts", { connection, prefix: f.queuePrefix });
      const polls = await status.getJobs(["waiting", "delayed", "prioritized"], 0, 100);
      expect(polls.some((job) => job.name === "poll" && job.data.cloudAccountId === id)).toBe(true);
      const pulls = await logs.getJobs(["waiting", "delayed", "prioritized"], 0, 100);
      expect(pulls.some((job) => job.name === "pull" && job.data.cloudAccountId === id)).toBe(true);
      // Creating, pausing and resuming asked the worker to reconcile its schedules.
      const reconciles = await accounts.getJobs(["waiting", "delayed", "prioritized"], 0, 100);
      expect(reconciles.filter((job) => job.name === "reconcile").length).toBeGreaterThan(0);
      for (const queue of [status, logs, accounts]) {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    } finally {
      connection.disconnect();
    }
    expect(
      await f.prisma.auditLog.count({
        where: { targetId: id, action: "cloudAccount.sync", actorUserId: f.users.OPERATOR },
      }),
    ).toBe(1);
  });

  it("tests credentials against the provider (the simulator) and reports failures without secrets", async () => {
    const aws = simulatedAws();
    const admin = await f.api("ADMIN");
    const good = await admin.accounts.create({
      provider: "AWS",
      name: "Simulated",
      regions: aws.regions,
      credentials: aws.credentials,
      endpointOverride: simServer.url,
    });
    const result = await admin.accounts.test({ id: good.id });
    expect(result.message).toContain("Connected to AWS");
    expect(result).toMatchObject({ ok: true, connections: 3 });

    const draft = await admin.accounts.testCredentials({
      provider: "AWS",
      regions: aws.regions,
      credentials: { accessKeyId: aws.credentials.accessKeyId, secretAccessKey: "WrongSecretWrongSecret123" },
      endpointOverride: simServer.url,
    });
    expect(draft.ok).toBe(false);
    expect(draft.message).not.toContain("WrongSecretWrongSecret123");
    expect(draft.message.length).toBeGreaterThan(10);

    const testAudit = await f.prisma.auditLog.findFirstOrThrow({
      where: { targetId: good.id, action: "cloudAccount.test" },
    });
    expect(testAudit.details).toEqual({ ok: true, connections: 3 });
  });

  it("deletes an account and its schedule source, with an audit row", async () => {
    const admin = await f.api("ADMIN");
    const list = await admin.accounts.list({ q: "simulated" });
    expect(list.items.map((a) => a.name)).toEqual(["Simulated"]);
    const id = list.items[0]?.id ?? "";
    const account = await f.prisma.cloudAccount.findUniqueOrThrow({ where: { id } });
    await f.prisma.vpnConnection.create({
      data: {
        tenantId: account.tenantId,
        cloudAccountId: id,
        provider: account.provider,
        region: "us-east-1",
        externalId: "vpn-0123456789abcdef0",
        name: "dc1",
        state: "available",
        routing: "BGP",
        normalized: {},
        lastSeenAt: new Date(),
      },
    });
    await admin.accounts.delete({ id });
    expect(await codeOf(admin.accounts.byId({ id }))).toBe("NOT_FOUND");
    expect((await admin.accounts.list({ q: "simulated" })).items).toEqual([]);
    expect(await codeOf(admin.accounts.delete({ id }))).toBe("NOT_FOUND");
    expect(await f.prisma.auditLog.count({ where: { targetId: id, action: "cloudAccount.delete" } })).toBe(1);
    // Gone for the tenant at once; its rows wait for housekeeping, paused so nothing polls it.
    expect(await f.prisma.cloudAccount.findUniqueOrThrow({ where: { id } })).toMatchObject({
      isPaused: true,
      deletedAt: expect.any(Date),
    });
    expect(await f.prisma.vpnConnection.count({ where: { cloudAccountId: id, deletedAt: null } })).toBe(0);
    expect(await f.prisma.vpnConnection.count({ where: { cloudAccountId: id } })).toBe(1);
  });
});
