// Alert delivery end to end with the real worker process, PostgreSQL, Redis, an HTTP receiver
// and an SMTP server: a tunnel going down reaches a webhook (signed) and a mailbox; a receiver
// that is down gets every alert once it is back; a worker killed mid-delivery loses nothing; a
// flapping tunnel yields one folded alert per quiet period.
import { randomBytes } from "node:crypto";
import { verifySignature, type WebhookPayloadV1 } from "@tunnelwatch/alerts";
import {
  createPrismaClient,
  newChannelSecret,
  type PrismaClient,
  parseKeyring,
  recordAlertEvent,
} from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyStatusSnapshot } from "../src/pipeline/status.ts";
import type { FetchedConnection } from "../src/providers/types.ts";
import { startSmtpReceiver, startWebhookReceiver, unfold } from "./alert-receivers.ts";
import { awsConnection } from "./aws-connection.ts";
import { startWorkerProcess, type WorkerProcess, waitFor } from "./worker-process.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const KEY = `k1:${randomBytes(32).toString("base64")}`;
const keyring = parseKeyring(KEY, "k1");
const HTTP_TIMEOUT_MS = 1_000;
// The lease a killed worker leaves behind runs out this long after its attempt began.
const LEASE_MS = HTTP_TIMEOUT_MS + 5_000;

const connection = (name: string, status2: "UP" | "DOWN"): FetchedConnection =>
  awsConnection(["UP", status2], { externalId: `vpn-${name}`, name, region: "ap-northeast-1" });

describe("alert delivery", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let worker: WorkerProcess;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  const prefix = `alerts-${randomBytes(4).toString("hex")}`;

  const env = () => ({
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    CREDENTIALS_KEYS: KEY,
    CREDENTIALS_ACTIVE_KEY_ID: "k1",
    WORKER_CONCURRENCY: "4",
    SMTP_URL: smtp.url,
    ALERT_EMAIL_FROM: "Tunnelwatch <alerts@example.net>",
    APP_URL: "https://tunnelwatch.example.net",
    PRIVATE_HOSTS_ALLOWED: "127.0.0.1",
    ALERT_BACKOFF_BASE_MS: "200",
    ALERT_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS),
    ALERT_RATE_LIMIT_PER_MINUTE: "10000",
  });

  async function startWorker(): Promise<WorkerProcess> {
    const started = startWorkerProcess(env());
    await waitFor("the worker to be ready", async () => started.output().includes('"worker ready"'), 30_000);
    return started;
  }

  /** An organisation with one AWS account, a webhook channel and the given rules on it. */
  async function organisation(
    slug: string,
    rules: Array<{
      trigger: "TUNNEL_DOWN" | "REDUNDANCY_LOST" | "CUSTOMER_GATEWAY_DOWN" | "CUSTOMER_GATEWAY_RECOVERED";
      quietPeriodSec: number;
      email?: boolean;
      scope?: { providers: string[] };
    }>,
  ) {
    const tenant = await prisma.tenant.create({
      data: { name: `Org ${slug}`, slug, incidentOpenDelaySec: 0, incidentResolveDelaySec: 0 },
    });
    const account = await prisma.cloudAccount.create({
      data: {
        tenantId: tenant.id,
        provider: "AWS",
        name: `${slug}-prod`,
        regions: ["ap-northeast-1"],
        credentialsCipher: "unused",
        credentialsKeyId: "k1",
        isPaused: true,
      },
    });
    const sealed = newChannelSecret(keyring, tenant.id);
    const webhook = await prisma.alertChannel.create({
      data: {
        tenantId: tenant.id,
        kind: "WEBHOOK",
        name: "noc",
        config: { url: receiver.url(`/${slug}`), format: "json" },
        secretCipher: sealed.secretCipher,
        secretKeyId: sealed.secretKeyId,
      },
    });
    const email = await prisma.alertChannel.create({
      data: { tenantId: tenant.id, kind: "EMAIL", name: "on-call", config: { to: [`noc@${slug}.example.net`] } },
    });
    for (const rule of rules) {
      await prisma.alertRule.create({
        data: {
          tenantId: tenant.id,
          name: `${rule.trigger} rule`,
          trigger: rule.trigger,
          quietPeriodSec: rule.quietPeriodSec,
          ...(rule.scope ? { scope: rule.scope } : {}),
          channels: {
            create: [{ channelId: webhook.id }, ...(rule.email ? [{ channelId: email.id }] : [])],
          },
        },
      });
    }
    const statusAccount = {
      id: account.id,
      tenantId: tenant.id,
      tenant: { incidentOpenDelaySec: 0, incidentResolveDelaySec: 0 },
    };
    return { tenant, account: statusAccount, secret: sealed.secret, path: `/${slug}` };
  }

  /** TUNNEL_DOWN outbox events written as the status pipeline writes them. */
  async function tunnelDownEvents(org: Awaited<ReturnType<typeof organisation>>, count: number, distinct: boolean) {
    await applyStatusSnapshot(prisma, org.account, {
      fetchedAt: new Date(),
      connections: [connection(`${org.path.slice(1)}-edge`, "UP")],
      maintenance: [],
      unavailable: {},
    });
    const tunnels = await prisma.tunnel.findMany({ where: { tenantId: org.tenant.id }, orderBy: { index: "asc" } });
    for (let i = 0; i < count; i++) {
      const tunnel = distinct ? tunnels[i % tunnels.length] : tunnels[0];
      await prisma.$transaction((tx) =>
        recordAlertEvent(tx, {
          tenantId: org.tenant.id,
          trigger: "TUNNEL_DOWN",
          severity: "MAJOR",
          connectionId: tunnel?.connectionId,
          tunnelId: distinct ? `${tunnel?.id}-${i}` : tunnel?.id,
          facts: { tunnelIndex: tunnel?.index ?? 1, sequence: i },
        }),
      );
    }
  }

  const deliveries = (tenantId: string) =>
    prisma.alertDelivery.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    db = await createMigratedTestDatabase("alerts");
    prisma = createPrismaClient(db.url);
    receiver = await startWebhookReceiver();
    smtp = await startSmtpReceiver();
    worker = await startWorker();
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await receiver?.close();
    await smtp?.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("sends a tunnel going down to a signed webhook and by email, and records the delivery", async () => {
    const org = await organisation("down", [{ trigger: "TUNNEL_DOWN", quietPeriodSec: 900, email: true }]);
    const before = {
      fetchedAt: new Date(),
      connections: [connection("tokyo-dc1", "UP")],
      maintenance: [],
      unavailable: {},
    };
    await applyStatusSnapshot(prisma, org.account, before);
    await applyStatusSnapshot(prisma, org.account, {
      ...before,
      fetchedAt: new Date(),
      connections: [connection("tokyo-dc1", "DOWN")],
    });

    const [request] = await waitFor(
      "the webhook",
      async () => receiver.delivered(org.path).length > 0 && receiver.delivered(org.path),
      20_000,
    );
    const body = request?.body ?? "";
    expect(verifySignature(org.secret, String(request?.headers["x-tunnelwatch-signature"]), body)).toBe(true);
    expect(verifySignature("whsec_wrong", String(request?.headers["x-tunnelwatch-signature"]), body)).toBe(false);
    const payload = JSON.parse(body) as WebhookPayloadV1;
    expect(payload).toMatchObject({
      version: 1,
      type: "tunnel.down",
      severity: "major",
      connection: { name: "tokyo-dc1", externalId: "vpn-tokyo-dc1", provider: "AWS", region: "ap-northeast-1" },
      tunnel: { index: 2, outsideIp: "203.0.113.2", status: "DOWN" },
    });
    expect(payload.url).toMatch(/^https:\/\/tunnelwatch\.example\.net\/connections\/\w+\?org=down$/);
    expect(payload.remediation.length).toBeGreaterThan(0);
    expect(request?.headers["idempotency-key"]).toBe(payload.id);

    const mail = await waitFor(
      "the email",
      async () => smtp.messages.find((m) => m.to.includes("noc@down.example.net")),
      20_000,
    );
    const text = unfold(mail.raw);
    expect(text).toContain("tokyo-dc1");
    expect(text).toContain("IPSEC IS DOWN");

    const rows = await waitFor(
      "both deliveries recorded",
      async () => {
        const all = await deliveries(org.tenant.id);
        return all.length === 2 && all.every((d) => d.status === "DELIVERED") && all;
      },
      10_000,
    );
    const http = rows.find((d) => d.idempotencyKey === payload.id);
    expect(http).toMatchObject({ status: "DELIVERED", attempts: 1, responseCode: 200 });
    expect(http?.latencyMs).toBeGreaterThanOrEqual(0);
    const mailDelivery = rows.find((d) => d.idempotencyKey !== payload.id);
    expect(mailDelivery?.responseCode).toBe(250);
    expect(text).toContain(`X-Tunnelwatch-Delivery: ${mailDelivery?.idempotencyKey}`);
  }, 60_000);

  it("sends a customer gateway down once, with the gateway's connections linked, to rules not restricted to connections", async () => {
    const org = await organisation("site", [
      { trigger: "CUSTOMER_GATEWAY_DOWN", quietPeriodSec: 900 },
      // Restricted to a provider: an event about no connection is not in its scope.
      { trigger: "CUSTOMER_GATEWAY_DOWN", quietPeriodSec: 900, scope: { providers: ["AWS"] } },
      { trigger: "CUSTOMER_GATEWAY_RECOVERED", quietPeriodSec: 900 },
    ]);
    const poll = (status: "UP" | "DOWN") =>
      applyStatusSnapshot(prisma, org.account, {
        fetchedAt: new Date(),
        connections: ["osaka-1", "osaka-2"].map((name) => ({
          ...awsConnection([status, status], { externalId: `vpn-${name}`, name, region: "ap-northeast-1" }),
          customerGatewayIp: "198.51.100.90",
        })),
        maintenance: [],
        unavailable: {},
      });
    await poll("UP");
    await poll("DOWN");
    const [request] = await waitFor(
      "the webhook",
      async () => receiver.delivered(org.path).length > 0 && receiver.delivered(org.path),
      20_000,
    );
    const payload = JSON.parse(request?.body ?? "") as WebhookPayloadV1;
    expect(payload).toMatchObject({
      type: "customer_gateway.down",
      severity: "critical",
      connection: null,
      tunnel: null,
      summary: "Customer gateway 198.51.100.90 looks down: 2 of 2 connections that end on it have no tunnel up",
      details: { customerGatewayIp: "198.51.100.90", down: 2, connections: 2, providers: "AWS" },
    });
    expect(payload.url).toBe(
      "https://tunnelwatch.example.net/connections?gateway=198.51.100.90&status=OUTAGE&org=site",
    );
    expect(payload.remediation.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.delivered(org.path)).toHaveLength(1);
    expect(await deliveries(org.tenant.id)).toHaveLength(1);

    // Back up: one message says so, linking to the gateway's connections.
    await poll("UP");
    const back = await waitFor(
      "the recovery webhook",
      async () => receiver.delivered(org.path).length > 1 && receiver.delivered(org.path)[1],
      20_000,
    );
    expect(JSON.parse(back.body)).toMatchObject({
      type: "customer_gateway.recovered",
      connection: null,
      summary: "Customer gateway 198.51.100.90 is back: all 2 connections that end on it have a tunnel up",
      details: { customerGatewayIp: "198.51.100.90", down: 0, connections: 2 },
      url: "https://tunnelwatch.example.net/connections?gateway=198.51.100.90&org=site",
    });
  }, 60_000);

  it("retries while the receiver is down and delivers every alert once it is back", async () => {
    const org = await organisation("flaky", [{ trigger: "TUNNEL_DOWN", quietPeriodSec: 0 }]);
    receiver.setMode("down");
    try {
      await tunnelDownEvents(org, 5, true);
      await waitFor(
        "every delivery to have failed at least twice",
        async () => {
          const rows = await deliveries(org.tenant.id);
          return rows.length === 5 && rows.every((d) => d.attempts >= 2 && d.status === "PENDING");
        },
        30_000,
      );
      const failed = await deliveries(org.tenant.id);
      expect(failed.every((d) => d.responseCode === 503 && d.error?.includes("503"))).toBe(true);
    } finally {
      receiver.setMode("ok");
    }
    const rows = await waitFor(
      "every delivery to arrive",
      async () => {
        const all = await deliveries(org.tenant.id);
        return all.every((d) => d.status === "DELIVERED") && all;
      },
      30_000,
    );
    const keys = receiver.delivered(org.path).map((r) => String(r.headers["x-tunnelwatch-delivery"]));
    expect(new Set(keys).size).toBe(5);
    expect(keys.length).toBe(5);
    expect(new Set(keys)).toEqual(new Set(rows.map((d) => d.idempotencyKey)));
  }, 90_000);

  it("folds a flapping tunnel into one alert per quiet period, with the count", async () => {
    const quietPeriodSec = 2;
    const org = await organisation("flapping", [{ trigger: "TUNNEL_DOWN", quietPeriodSec }]);
    const events = 30;
    const started = Date.now();
    for (let i = 0; i < events; i++) {
      await tunnelDownEvents(org, 1, false);
      await new Promise((r) => setTimeout(r, 150));
    }
    const flappedForMs = Date.now() - started;
    const rows = await waitFor(
      "the last folded alert",
      async () => {
        const all = await deliveries(org.tenant.id);
        const represented = all.reduce((sum, d) => sum + d.foldedCount, 0);
        return represented === events && all.every((d) => d.status === "DELIVERED") && all;
      },
      30_000,
    );
    const scheduled = rows.map((d) => d.scheduledAt.getTime()).sort((a, b) => a - b);
    const received = receiver.delivered(org.path).map((r) => ({
      at: r.receivedAt,
      key: String(r.headers["x-tunnelwatch-delivery"]),
      payload: JSON.parse(r.body) as WebhookPayloadV1,
    }));
    // Quiet periods run on the dispatcher's clock: under load it may take up an event later than
    // the test raised it, so the periods are counted over the span it took the events up in.
    const dispatched = (
      await prisma.alertOutbox.findMany({ where: { tenantId: org.tenant.id }, select: { dispatchedAt: true } })
    ).map((e) => e.dispatchedAt?.getTime() ?? 0);
    const dispatchedForMs = Math.max(...dispatched) - Math.min(...dispatched);
    // An event whose delivery a sender had already claimed opens the next period, which can end
    // after the last dispatch: the deliveries' own schedule bounds the span too.
    const scheduledForMs = (scheduled.at(-1) ?? 0) - (scheduled[0] ?? 0);
    const periods = Math.ceil(Math.max(flappedForMs, dispatchedForMs, scheduledForMs) / (quietPeriodSec * 1000));
    // The first event at once, then at most one message per quiet period.
    expect(received.length).toBe(rows.length);
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(received.length).toBeLessThanOrEqual(periods + 1);
    expect(received.reduce((sum, r) => sum + (r.payload.folded?.count ?? 1), 0)).toBe(events);
    // A whole quiet period of flapping folds into one message. The last message may stand for a
    // single event: one that came just after the previous message's period had ended.
    expect(received.slice(1, -1).every((r) => (r.payload.folded?.count ?? 1) >= 2)).toBe(true);
    // Messages are due a full quiet period apart, and none leaves before it is due. (When each
    // arrives also depends on how busy the worker is, so arrival gaps are not compared.)
    for (let i = 1; i < scheduled.length; i++) {
      expect((scheduled[i] ?? 0) - (scheduled[i - 1] ?? 0)).toBeGreaterThanOrEqual(quietPeriodSec * 1000);
    }
    for (const message of received) {
      const row = rows.find((d) => d.idempotencyKey === message.key);
      expect(message.at).toBeGreaterThanOrEqual(row?.scheduledAt.getTime() ?? Number.POSITIVE_INFINITY);
      expect(message.payload.folded?.count ?? 1).toBe(row?.foldedCount);
    }
  }, 90_000);

  it("does not lose an alert when the worker is killed while delivering it", async () => {
    const org = await organisation("killed", [{ trigger: "TUNNEL_DOWN", quietPeriodSec: 0 }]);
    receiver.setMode("hang");
    await tunnelDownEvents(org, 1, true);
    await waitFor(
      "the delivery attempt to reach the receiver",
      async () => receiver.requests.some((r) => r.path === org.path),
      20_000,
    );
    await worker.stop("SIGKILL");
    receiver.setMode("ok");
    const [abandoned] = await deliveries(org.tenant.id);
    expect(abandoned).toMatchObject({ status: "SENDING", attempts: 1 });

    await new Promise((r) => setTimeout(r, LEASE_MS + 500));
    worker = await startWorker();
    await waitFor(
      "the abandoned delivery to be sent by the new worker",
      async () => (await deliveries(org.tenant.id))[0]?.status === "DELIVERED",
      30_000,
    );
    const [delivered] = await deliveries(org.tenant.id);
    expect(delivered?.attempts).toBe(2);
    const keys = receiver.delivered(org.path).map((r) => r.headers["x-tunnelwatch-delivery"]);
    expect(keys).toEqual([delivered?.idempotencyKey]);
  }, 90_000);
});
