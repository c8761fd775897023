// One delivery's life over PostgreSQL, Redis and a real HTTP receiver, with the clock in the
// test's hands: retries with backoff for the whole retry window, then failed; per-organisation
// rate limits; one sender per delivery however many workers try; disabled channels suppress.
import { randomBytes } from "node:crypto";
import { createPrismaClient, newChannelSecret, type PrismaClient, parseKeyring } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { createRedis } from "@tunnelwatch/queue";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertSettings, createDeliverer } from "../src/alerts/deliver.ts";
import { startWebhookReceiver } from "./alert-receivers.ts";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

describe("alert delivery attempts", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let redis: Redis;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const keyring = parseKeyring(`k1:${randomBytes(32).toString("base64")}`, "k1");
  const clock = { now: T0 };
  let tenantId: string;
  let channelId: string;

  const settings = (overrides: Partial<AlertSettings> = {}): AlertSettings => ({
    smtpUrl: undefined,
    emailFrom: "Tunnelwatch <alerts@example.net>",
    appUrl: "https://tunnelwatch.example.net",
    ratePerMinute: 1000,
    gatewayHoldMs: 0,
    retry: { baseMs: 10_000, capMs: HOUR, windowMs: 24 * HOUR },
    httpTimeoutMs: 2_000,
    allowList: "127.0.0.1",
    ...overrides,
  });
  const deliverer = (overrides: Partial<AlertSettings> = {}) =>
    createDeliverer({
      prisma,
      redis,
      keyring,
      queuePrefix: `alert-retries-${randomBytes(4).toString("hex")}`,
      settings: settings(overrides),
      now: () => new Date(clock.now),
    });

  async function delivery(
    key: string,
    severity: "CRITICAL" | "MAJOR" | "INFO" = "MAJOR",
    trigger: "TUNNEL_DOWN" | "CUSTOMER_GATEWAY_DOWN" = "TUNNEL_DOWN",
  ) {
    const outbox = await prisma.alertOutbox.create({
      data: {
        tenantId,
        trigger,
        severity,
        payload: { tunnelIndex: 1 },
        dispatchedAt: new Date(clock.now),
      },
    });
    return prisma.alertDelivery.create({
      data: {
        tenantId,
        outboxId: outbox.id,
        channelId,
        idempotencyKey: key,
        foldKey: key,
        scheduledAt: new Date(clock.now),
        nextAttemptAt: new Date(clock.now),
      },
    });
  }

  beforeAll(async () => {
    db = await createMigratedTestDatabase("alert_retries");
    prisma = createPrismaClient(db.url);
    redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", "worker");
    receiver = await startWebhookReceiver();
    tenantId = (await prisma.tenant.create({ data: { name: "Retries", slug: "retries" } })).id;
    const sealed = newChannelSecret(keyring, tenantId);
    channelId = (
      await prisma.alertChannel.create({
        data: {
          tenantId,
          kind: "WEBHOOK",
          name: "receiver",
          config: { url: receiver.url("/retries"), format: "json" },
          secretCipher: sealed.secretCipher,
          secretKeyId: sealed.secretKeyId,
        },
      })
    ).id;
  });
  afterAll(async () => {
    await receiver?.close();
    await redis?.quit();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("retries a failing receiver with growing delays for the whole retry window, then marks the delivery failed", async () => {
    receiver.setMode("down");
    clock.now = T0;
    const d = await delivery("key-window");
    const attempts = deliverer();
    const waits: number[] = [];
    for (;;) {
      const result = await attempts.attempt(d.id);
      if (result.outcome !== "retry") {
        expect(result.outcome).toBe("failed");
        break;
      }
      waits.push(result.retryAt.getTime() - clock.now);
      clock.now = result.retryAt.getTime();
    }
    const row = await prisma.alertDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/503.*gave up after \d+ attempts/);
    expect(clock.now - T0).toBe(24 * HOUR);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(HOUR * 1.2);
    const sent = receiver.requests.filter(
      (r) => r.path === "/retries" && r.headers["x-tunnelwatch-delivery"] === "key-window",
    );
    expect(sent).toHaveLength(row.attempts);
    expect(row.attempts).toBe(waits.length + 1);
    receiver.setMode("ok");
  });

  it("holds deliveries over the organisation's rate limit until the next minute", async () => {
    clock.now = T0 + 2 * 24 * HOUR;
    const limited = deliverer({ ratePerMinute: 2 });
    const rows = [await delivery("rate-1"), await delivery("rate-2"), await delivery("rate-3")];
    const results = [];
    for (const row of rows) results.push(await limited.attempt(row.id));
    expect(results.map((r) => r.outcome)).toEqual(["delivered", "delivered", "rate-limited"]);
    const held = await prisma.alertDelivery.findUniqueOrThrow({ where: { id: rows[2]?.id } });
    expect(held).toMatchObject({ status: "PENDING", attempts: 0 });
    // A major alert waits for the next minute and two seconds: more severe ones held back go first.
    expect(held.nextAttemptAt?.getTime()).toBe(Math.floor(clock.now / 60_000) * 60_000 + 62_000);
    expect(await limited.attempt(rows[2]?.id ?? "")).toMatchObject({ outcome: "skipped" });
    clock.now = held.nextAttemptAt?.getTime() ?? 0;
    expect(await limited.attempt(rows[2]?.id ?? "")).toEqual({ outcome: "delivered" });
  });

  it("sends the deliveries held back by the rate limit in order: a customer gateway's, then by severity", async () => {
    clock.now = T0 + 3 * 24 * HOUR;
    const limited = deliverer({ ratePerMinute: 1 });
    expect(await limited.attempt((await delivery("storm-0", "INFO")).id)).toEqual({ outcome: "delivered" });
    const held = [
      await delivery("storm-info", "INFO"),
      await delivery("storm-critical", "CRITICAL"),
      await delivery("storm-gateway", "CRITICAL", "CUSTOMER_GATEWAY_DOWN"),
    ];
    const waits = [];
    for (const row of held) waits.push(await limited.attempt(row.id));
    const nextMinute = Math.floor(clock.now / 60_000) * 60_000 + 60_000;
    const [info, critical, gateway] = waits.map((w) => (w.outcome === "rate-limited" ? w.retryAt.getTime() : 0));
    expect([gateway, critical, info]).toEqual([nextMinute, nextMinute + 1_000, nextMinute + 4_000]);
    // The next minute's one slot goes to the gateway's alert; the others wait again.
    clock.now = gateway ?? 0;
    expect(await limited.attempt(held[2]?.id ?? "")).toEqual({ outcome: "delivered" });
    clock.now = critical ?? 0;
    expect(await limited.attempt(held[1]?.id ?? "")).toMatchObject({ outcome: "rate-limited" });
  });

  it("sends a delivery once however many workers attempt it at the same time", async () => {
    clock.now = T0 + 3 * 24 * HOUR;
    const row = await delivery("race");
    const workers = [deliverer(), deliverer(), deliverer()];
    const results = await Promise.all(workers.map((w) => w.attempt(row.id)));
    expect(results.filter((r) => r.outcome === "delivered")).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.headers["x-tunnelwatch-delivery"] === "race")).toHaveLength(1);
  });

  it("suppresses a delivery whose channel was disabled before it was sent", async () => {
    clock.now = T0 + 4 * 24 * HOUR;
    const row = await delivery("disabled");
    await prisma.alertChannel.update({ where: { id: channelId }, data: { isEnabled: false } });
    try {
      expect(await deliverer().attempt(row.id)).toEqual({ outcome: "suppressed" });
      const after = await prisma.alertDelivery.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.status).toBe("SUPPRESSED");
      expect(receiver.requests.some((r) => r.headers["x-tunnelwatch-delivery"] === "disabled")).toBe(false);
    } finally {
      await prisma.alertChannel.update({ where: { id: channelId }, data: { isEnabled: true } });
    }
  });
});
