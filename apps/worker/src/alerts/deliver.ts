// One attempt at one delivery. The database holds the delivery's state: a worker claims it with
// a lease, sends, and records the outcome; a failure is scheduled again with exponential backoff
// until the retry window is over. A worker that dies mid-send leaves a lease that runs out, and
// the sweep hands the delivery to another worker: an alert is never lost, and receivers drop
// the rare duplicate by its idempotency key.
import {
  type AlertMessage,
  type AlertTriggerName,
  createMailer,
  type SendOptions,
  type SendOutcome,
  sendAlert,
} from "@tunnelwatch/alerts";
import { isCustomerGatewayTrigger, nextAttemptAt, type RetryPolicy } from "@tunnelwatch/core";
import { type Keyring, openChannelSecret, type Prisma, type PrismaClient, readChannelConfig } from "@tunnelwatch/db";
import type { Redis } from "ioredis";
import { gatewayCover } from "./gateway-cover.ts";
import { buildMessage } from "./message.ts";

export interface AlertSettings {
  smtpUrl: string | undefined;
  emailFrom: string;
  appUrl: string;
  ratePerMinute: number;
  /** ALERT_GATEWAY_HOLD_SEC: how long an alert that may be its customer gateway's waits for it. */
  gatewayHoldMs: number;
  retry: RetryPolicy;
  httpTimeoutMs: number;
  /** PRIVATE_HOSTS_ALLOWED: private hosts webhooks may be sent to. */
  allowList: string | undefined;
}

export interface DeliveryDeps {
  prisma: PrismaClient;
  redis: Redis;
  keyring: Keyring;
  queuePrefix: string;
  settings: AlertSettings;
  now: () => Date;
}

export type AttemptResult =
  | { outcome: "skipped"; reason: string }
  | { outcome: "rate-limited"; retryAt: Date }
  | { outcome: "delivered" | "suppressed" }
  | { outcome: "retry"; retryAt: Date }
  | { outcome: "failed" };

/**
 * When the organisation's rate limit holds deliveries back, they wait for the next minute, the
 * more severe first and a customer gateway's alert before all: it names the cause of the storm of
 * per-tunnel alerts that come with it.
 */
function rateLimitedWaitMs(trigger: string, severity: AlertMessage["severity"]): number {
  if (isCustomerGatewayTrigger(trigger)) return 0;
  return { CRITICAL: 1_000, MAJOR: 2_000, MINOR: 3_000, INFO: 4_000 }[severity];
}

export function createDeliverer(deps: DeliveryDeps) {
  const { prisma, settings } = deps;
  // Longer than any one send (the HTTP or SMTP timeout) plus the database writes around it.
  const leaseMs = settings.httpTimeoutMs + 5_000;
  let mailer: ReturnType<typeof createMailer> | undefined;

  async function underRateLimit(tenantId: string, now: Date): Promise<boolean> {
    const minute = Math.floor(now.getTime() / 60_000);
    const key = `${deps.queuePrefix}:alert-rate:${tenantId}:${minute}`;
    const [[, count]] = (await deps.redis.multi().incr(key).expire(key, 120).exec()) as [[Error | null, number]];
    return count <= settings.ratePerMinute;
  }

  function send(message: AlertMessage, channel: ChannelRow): Promise<SendOutcome> {
    const config = readChannelConfig(channel.kind, channel.config);
    const target = "to" in config ? config : { ...config, secret: openChannelSecret(deps.keyring, channel) };
    return sendAlert(message, target, sendOptions());
  }

  function sendOptions(): SendOptions {
    if (settings.smtpUrl) {
      mailer ??= createMailer({
        smtpUrl: settings.smtpUrl,
        from: settings.emailFrom,
        timeoutMs: settings.httpTimeoutMs,
      });
    }
    return {
      mailer: mailer ?? null,
      timeoutMs: settings.httpTimeoutMs,
      allowList: settings.allowList,
    };
  }

  /** Takes a due delivery for this worker, or null when another took it: the lease's end. */
  async function claim(deliveryId: string, now: Date): Promise<Date | null> {
    const lease = new Date(now.getTime() + leaseMs);
    const claimed = await prisma.alertDelivery.updateMany({
      where: { id: deliveryId, ...dueAt(now) },
      data: { status: "SENDING", leaseUntil: lease, attempts: { increment: 1 }, lastAttemptAt: now },
    });
    return claimed.count === 1 ? lease : null;
  }

  /** Sends one delivery if it is due and unclaimed; records the outcome. */
  async function attempt(deliveryId: string): Promise<AttemptResult> {
    const now = deps.now();
    const candidate = await prisma.alertDelivery.findFirst({
      where: { id: deliveryId, ...dueAt(now) },
      select: {
        tenantId: true,
        channelId: true,
        attempts: true,
        outbox: { select: { trigger: true, severity: true, connectionId: true, incidentId: true } },
      },
    });
    if (!candidate) return { outcome: "skipped", reason: "not due, already sent, or being sent" };
    // Decided once, before the first attempt: a delivery sent again by hand from the log is sent.
    const covered =
      candidate.attempts === 0
        ? await gatewayCover(prisma, {
            tenantId: candidate.tenantId,
            channelId: candidate.channelId,
            trigger: candidate.outbox.trigger,
            connectionId: candidate.outbox.connectionId,
            incidentId: candidate.outbox.incidentId,
          })
        : null;
    if (covered) {
      const lease = await claim(deliveryId, now);
      if (!lease) return { outcome: "skipped", reason: "claimed by another worker" };
      await finish(deliveryId, lease, { status: "SUPPRESSED", error: covered });
      return { outcome: "suppressed" };
    }
    if (!(await underRateLimit(candidate.tenantId, now))) {
      const nextMinute = (Math.floor(now.getTime() / 60_000) + 1) * 60_000;
      const retryAt = new Date(nextMinute + rateLimitedWaitMs(candidate.outbox.trigger, candidate.outbox.severity));
      await prisma.alertDelivery.updateMany({
        where: { id: deliveryId, status: "PENDING" },
        data: { nextAttemptAt: retryAt, error: "organisation's alert rate limit reached: waiting for the next minute" },
      });
      return { outcome: "rate-limited", retryAt };
    }
    const lease = await claim(deliveryId, now);
    if (!lease) return { outcome: "skipped", reason: "claimed by another worker" };

    const delivery = await prisma.alertDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      select: {
        idempotencyKey: true,
        foldedCount: true,
        createdAt: true,
        scheduledAt: true,
        attempts: true,
        channel: CHANNEL_SELECT,
        outbox: {
          select: {
            tenantId: true,
            trigger: true,
            severity: true,
            connectionId: true,
            tunnelId: true,
            incidentId: true,
            payload: true,
            createdAt: true,
          },
        },
      },
    });
    if (!delivery.channel.isEnabled) {
      await finish(deliveryId, lease, {
        status: "SUPPRESSED",
        error: "the channel was disabled before the alert was sent",
      });
      return { outcome: "suppressed" };
    }
    let sent: SendOutcome;
    try {
      const message = await buildMessage(
        prisma,
        { ...delivery, outbox: { ...delivery.outbox, trigger: delivery.outbox.trigger as AlertTriggerName } },
        settings.appUrl,
      );
      sent = await send(message, delivery.channel);
    } catch (error) {
      sent = {
        ok: false,
        responseCode: null,
        latencyMs: 0,
        error: `internal error: ${(error as Error).message.split("\n")[0]}`,
      };
    }
    const recorded = { responseCode: sent.responseCode, latencyMs: Math.round(sent.latencyMs) };
    if (sent.ok) {
      await finish(deliveryId, lease, { status: "DELIVERED", deliveredAt: deps.now(), error: null, ...recorded });
      return { outcome: "delivered" };
    }
    const finishedAt = deps.now();
    const retryAt = nextAttemptAt(delivery.attempts, finishedAt, delivery.scheduledAt, settings.retry, Math.random());
    if (!retryAt) {
      await finish(deliveryId, lease, {
        status: "FAILED",
        error: `${sent.error} (gave up after ${delivery.attempts} attempts)`,
        ...recorded,
      });
      return { outcome: "failed" };
    }
    await finish(deliveryId, lease, { status: "PENDING", nextAttemptAt: retryAt, error: sent.error, ...recorded });
    return { outcome: "retry", retryAt };
  }

  async function finish(
    deliveryId: string,
    lease: Date,
    data: {
      status: "DELIVERED" | "FAILED" | "PENDING" | "SUPPRESSED";
      error: string | null;
      deliveredAt?: Date;
      nextAttemptAt?: Date;
      responseCode?: number | null;
      latencyMs?: number;
    },
  ) {
    // Only the lease holder records: a worker whose lease ran out must not overwrite the next one's result.
    await prisma.alertDelivery.updateMany({
      where: { id: deliveryId, status: "SENDING", leaseUntil: lease },
      data: { ...data, error: data.error?.slice(0, 1000) ?? null, leaseUntil: null },
    });
  }

  /** Deliveries due now (or abandoned by a dead worker) that may have no job: the safety net. */
  async function dueDeliveries(limit = 1000): Promise<string[]> {
    const now = deps.now();
    const rows = await prisma.alertDelivery.findMany({
      where: dueAt(now),
      orderBy: { nextAttemptAt: "asc" },
      select: { id: true },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  return { attempt, dueDeliveries, close: () => mailer?.close() };
}

/** Due for an attempt: pending and due, or being sent by a worker whose lease ran out. */
function dueAt(now: Date) {
  return {
    OR: [
      { status: "PENDING" as const, nextAttemptAt: { lte: now } },
      { status: "SENDING" as const, leaseUntil: { lt: now } },
    ],
  };
}

const CHANNEL_SELECT = {
  select: { tenantId: true, kind: true, config: true, isEnabled: true, secretCipher: true, secretKeyId: true },
} as const satisfies Prisma.AlertChannelDefaultArgs;

type ChannelRow = Prisma.AlertChannelGetPayload<typeof CHANNEL_SELECT>;
