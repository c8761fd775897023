import { createApiToken, createPrismaClient, type PrismaClient } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebServer, testWebEnv, type WebServer } from "./next-server.ts";

describe("POST /api/v1/connections/{id}/logs", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let server: WebServer;
  let queue: Queue;
  let connectionId: string;
  let otherConnectionId: string;
  let writeToken: string;
  let readToken: string;

  beforeAll(async () => {
    db = await createMigratedTestDatabase("logpush");
    prisma = createPrismaClient(db.url);
    const mine = await prisma.tenant.create({ data: { name: "A", slug: "a" } });
    const other = await prisma.tenant.create({ data: { name: "B", slug: "b" } });
    const connectionOf = async (tenantId: string) => {
      const account = await prisma.cloudAccount.create({
        data: {
          tenantId,
          provider: "AWS",
          name: "prod",
          regions: ["us-east-1"],
          credentialsCipher: "x",
          credentialsKeyId: "k1",
        },
      });
      return (
        await prisma.vpnConnection.create({
          data: {
            tenantId,
            cloudAccountId: account.id,
            provider: "AWS",
            region: "us-east-1",
            externalId: `vpn-${tenantId.slice(-6)}`,
            name: "dc1",
            state: "available",
            routing: "BGP",
            normalized: {},
            tunnelsTotal: 2,
            lastSeenAt: new Date(),
          },
        })
      ).id;
    };
    connectionId = await connectionOf(mine.id);
    otherConnectionId = await connectionOf(other.id);
    writeToken = (await createApiToken(prisma, { tenantId: mine.id, name: "cgw", scopes: ["write"] })).token;
    readToken = (await createApiToken(prisma, { tenantId: mine.id, name: "ro", scopes: ["read"] })).token;
    const env = testWebEnv(db.url);
    server = await startWebServer(env);
    queue = new Queue(QUEUE_NAMES.ingestLines, { connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    await server?.stop();
    await prisma?.$disconnect();
    await db?.drop();
  });

  const post = (id: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/connections/${id}/logs?tunnelIndex=1&stream=dc1-srx`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}`, "content-type": "text/plain", ...headers },
      body,
    });

  it("accepts text lines and queues them for the worker, once per idempotency key", async () => {
    const lines =
      "kmd[1]: IKE negotiation failed with error: Timed out. IKE Version: 2\n\ncharon: 16[IKE] giving up after 5 retransmits\n";
    const response = await post(connectionId, lines, { "idempotency-key": "batch-42" });
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ accepted: 2, batchId: "batch-42" });
    const job = await queue.getJob(body.jobId);
    expect(job?.data).toMatchObject({
      connectionId,
      tunnelIndex: 1,
      stream: "dc1-srx",
      batchId: "batch-42",
      lines: [expect.stringContaining("kmd"), expect.stringContaining("charon")],
    });
    const retried = await post(connectionId, lines, { "idempotency-key": "batch-42" });
    expect((await retried.json()).jobId).toBe(body.jobId);
    expect(await queue.getJobCountByTypes("waiting", "delayed", "active")).toBe(1);
  });

  it("accepts JSON with options", async () => {
    const response = await fetch(`${server.url}/api/v1/connections/${connectionId}/logs`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
      body: JSON.stringify({ lines: ["a line"], vendor: "juniper", tunnelIndex: 2 }),
    });
    expect(response.status).toBe(202);
  });

  it("refuses missing, read-only and bogus tokens", async () => {
    expect((await post(connectionId, "x", { authorization: "" })).status).toBe(401);
    expect((await post(connectionId, "x", { authorization: "Bearer tw_bogus" })).status).toBe(401);
    const readOnly = await post(connectionId, "x", { authorization: `Bearer ${readToken}` });
    expect(readOnly.status).toBe(403);
    expect((await readOnly.json()).error).toMatch(/write/);
  });

  it("answers another tenant's connection exactly like a missing one", async () => {
    const other = await post(otherConnectionId, "line");
    const missing = await post("cm_does_not_exist", "line");
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await other.json()).error.replace(otherConnectionId, "ID")).toBe(
      (await missing.json()).error.replace("cm_does_not_exist", "ID"),
    );
  });

  it("refuses empty, oversized and invalid input with a clear message", async () => {
    expect((await post(connectionId, "\n\n")).status).toBe(400);
    const big = await post(connectionId, "x".repeat(1024 * 1024 + 10));
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatch(/Split/);
    const tooMany = await post(connectionId, Array.from({ length: 5001 }, (_, i) => `line ${i}`).join("\n"));
    expect(tooMany.status).toBe(413);
    const badTunnel = await fetch(`${server.url}/api/v1/connections/${connectionId}/logs?tunnelIndex=7`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}` },
      body: "line",
    });
    expect(badTunnel.status).toBe(400);
    const badJson = await fetch(`${server.url}/api/v1/connections/${connectionId}/logs`, {
      method: "POST",
      headers: { authorization: `Bearer ${writeToken}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(badJson.status).toBe(400);
  });
});
