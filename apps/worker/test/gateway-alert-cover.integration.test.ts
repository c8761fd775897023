// A customer gateway's alert stands for the per-tunnel alerts of its connections on the channels
// that get it, over PostgreSQL, Redis and a real HTTP receiver: the status poll writes the events,
// the dispatcher holds the alerts that may be the gateway's, and the sender suppresses those the
// gateway's alert covers, sends the rest, and sends a suppressed one retried by hand.
import { randomBytes } from "node:crypto";
import type { WebhookPayloadV1 } from "@tunnelwatch/alerts";
import { createPrismaClient, newChannelSecret, type PrismaClient, parseKeyring } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { createRedis } from "@tunnelwatch/queue";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeliverer } from "../src/alerts/deliver.ts";
import { dispatchAlerts } from "../src/alerts/dispatch.ts";
import { gatewayCover } from "../src/alerts/gateway-cover.ts";
import { applyStatusSnapshot } from "../src/pipeline/status.ts";
import type { FetchedConnection } from "../src/providers/types.ts";
import { startWebhookReceiver } from "./alert-receivers.ts";
import { awsConnection } from "./aws-connection.ts";

const HOLD_MS = 1_500;
const GATEWAY = "198.51.100.70";
const OTHER_GATEWAY = "198.51.100.71";

describe("customer gateway alerts standing for their connections' alerts", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let redis: Redis;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const keyring = parseKeyring(`k1:${randomBytes(32).toString("base64")}`, "k1");
  let tenantId: string;
  let account: {
    id: string;
    tenantId: string;
    tenant: { incidentOpenDelaySec: number; incidentResolveDelaySec: number };
  };
  /** Gets tunnel down and customer gateway alerts. */
  let noc: string;
  /** Gets tunnel down alerts only. */
  let tickets: string;

  const site = (n: number, up: boolean, gateway = GATEWAY): FetchedConnection => ({
    ...awsConnection(up ? ["UP", "UP"] : ["DOWN", "DOWN"], {
      externalId: `vpn-cover${n}`,
      name: `site-${n}`,
      region: "us-east-1",
    }),
    customerGatewayIp: gateway,
  });
  /** Sites 1-3 end on GATEWAY, site 4 on another gateway; `down` lists the sites down. */
  const poll = (down: number[], fetchedAt = new Date()) =>
    applyStatusSnapshot(prisma, account, {
      fetchedAt,
      connections: [1, 2, 3, 4].map((n) => site(n, !down.includes(n), n === 4 ? OTHER_GATEWAY : GATEWAY)),
      maintenance: [],
      unavailable: {},
    });
  const deliverer = () =>
    createDeliverer({
      prisma,
      redis,
      keyring,
      queuePrefix: `gateway-cover-${randomBytes(4).toString("hex")}`,
      settings: {
        smtpUrl: undefined,
        emailFrom: "Tunnelwatch <alerts@example.net>",
        appUrl: "https://tunnelwatch.example.net",
        ratePerMinute: 10_000,
        gatewayHoldMs: HOLD_MS,
        retry: { baseMs: 10_000, capMs: 3_600_000, windowMs: 86_400_000 },
        httpTimeoutMs: 2_000,
        allowList: "127.0.0.1",
      },
      now: () => new Date(),
    });
  /** Dispatches the outbox and attempts every delivery due now. */
  async function dispatchAndSend() {
    await dispatchAlerts(prisma, new Date(), { gatewayHoldMs: HOLD_MS });
    const sender = deliverer();
    for (const id of await sender.dueDeliveries()) await sender.attempt(id);
  }
  async function deliveries() {
    const names = new Map(
      (await prisma.vpnConnection.findMany({ where: { tenantId }, select: { id: true, name: true } })).map((c) => [
        c.id,
        c.name,
      ]),
    );
    const rows = await prisma.alertDelivery.findMany({
      where: { tenantId },
      orderBy: { createdAt: "asc" },
      include: { outbox: { select: { trigger: true, connectionId: true, dispatchedAt: true } } },
    });
    return rows.map((d) => ({
      id: d.id,
      channel: d.channelId === noc ? "noc" : "tickets",
      trigger: d.outbox.trigger,
      site: (d.outbox.connectionId && names.get(d.outbox.connectionId)) ?? null,
      status: d.status,
      // From the dispatcher's clock when it took the event up, not the row's (written later).
      heldMs: d.scheduledAt.getTime() - (d.outbox.dispatchedAt ?? d.createdAt).getTime(),
      error: d.error,
    }));
  }
  const received = (path: string) => receiver.delivered(path).map((r) => JSON.parse(r.body) as WebhookPayloadV1);

  beforeAll(async () => {
    db = await createMigratedTestDatabase("gateway_cover");
    prisma = createPrismaClient(db.url);
    redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", "worker");
    receiver = await startWebhookReceiver();
    const tenant = await prisma.tenant.create({
      data: { name: "Cover", slug: "cover", incidentOpenDelaySec: 600, incidentResolveDelaySec: 600 },
    });
    tenantId = tenant.id;
    const created = await prisma.cloudAccount.create({
      data: {
        tenantId,
        provider: "AWS",
        name: "sites",
        regions: ["us-east-1"],
        credentialsCipher: "x",
        credentialsKeyId: "k1",
      },
    });
    account = { id: created.id, tenantId, tenant: { incidentOpenDelaySec: 600, incidentResolveDelaySec: 600 } };
    const channel = async (name: string) => {
      const sealed = newChannelSecret(keyring, tenantId);
      return (
        await prisma.alertChannel.create({
          data: {
            tenantId,
            kind: "WEBHOOK",
            name,
            config: { url: receiver.url(`/${name}`), format: "json" },
            secretCipher: sealed.secretCipher,
            secretKeyId: sealed.secretKeyId,
          },
        })
      ).id;
    };
    noc = await channel("noc");
    tickets = await channel("tickets");
    const rule = (trigger: "TUNNEL_DOWN" | "CUSTOMER_GATEWAY_DOWN", channels: string[]) =>
      prisma.alertRule.create({
        data: {
          tenantId,
          name: trigger,
          trigger,
          quietPeriodSec: 900,
          channels: { create: channels.map((channelId) => ({ channelId })) },
        },
      });
    await rule("TUNNEL_DOWN", [noc, tickets]);
    await rule("CUSTOMER_GATEWAY_DOWN", [noc]);
  });
  afterAll(async () => {
    await receiver?.close();
    await redis?.quit();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("sends one connection down at once, then suppresses the gateway outage's tunnel alerts on the channel that gets the gateway's", async () => {
    await poll([]);
    // One connection down says nothing of its gateway: its alerts go at once everywhere.
    await poll([1]);
    await dispatchAndSend();
    const first = await deliveries();
    expect(first).toHaveLength(4);
    expect(first.every((d) => d.trigger === "TUNNEL_DOWN" && d.site === "site-1" && d.status === "DELIVERED")).toBe(
      true,
    );
    expect(first.every((d) => d.heldMs < 500)).toBe(true);

    // The gateway fails: sites 2 and 3 follow site 1; site 4's own gateway has nothing else down.
    await poll([1, 2, 3, 4]);
    await dispatchAndSend();
    const outage = (await deliveries()).slice(4);
    const gatewayAlert = outage.filter((d) => d.trigger === "CUSTOMER_GATEWAY_DOWN");
    expect(gatewayAlert).toEqual([expect.objectContaining({ channel: "noc", status: "DELIVERED" })]);
    const held = outage.filter((d) => d.channel === "noc" && (d.site === "site-2" || d.site === "site-3"));
    expect(held).toHaveLength(4);
    expect(held.every((d) => d.status === "PENDING" && d.heldMs >= HOLD_MS - 50)).toBe(true);
    // The channel without the gateway's alert gets every tunnel at once, and site 4 goes everywhere.
    const sentAtOnce = outage.filter((d) => d.trigger === "TUNNEL_DOWN" && !held.includes(d));
    expect(sentAtOnce.map((d) => `${d.channel} ${d.site}`).sort()).toEqual([
      "noc site-4",
      "noc site-4",
      "tickets site-2",
      "tickets site-2",
      "tickets site-3",
      "tickets site-3",
      "tickets site-4",
      "tickets site-4",
    ]);
    expect(sentAtOnce.every((d) => d.status === "DELIVERED")).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    const nocBefore = received("/noc").length;
    await dispatchAndSend();
    const after = (await deliveries()).filter((d) => held.some((h) => h.id === d.id));
    expect(after.every((d) => d.status === "SUPPRESSED")).toBe(true);
    expect(after[0]?.error).toMatch(
      /^covered by the customer gateway alert for 198\.51\.100\.70 \(raised .*, delivered on this channel\): 3 of 3 connections/,
    );
    expect(received("/noc").length).toBe(nocBefore);
    expect(received("/noc").filter((p) => p.type === "customer_gateway.down")).toHaveLength(1);

    // Sent again by hand from the delivery log (as the API's retry does): it goes.
    const retried = after[0]?.id ?? "";
    await prisma.alertDelivery.update({
      where: { id: retried },
      data: { status: "PENDING", scheduledAt: new Date(), nextAttemptAt: new Date(), leaseUntil: null, error: null },
    });
    expect(await deliverer().attempt(retried)).toEqual({ outcome: "delivered" });
    expect(received("/noc").length).toBe(nocBefore + 1);
  });

  it("sends held alerts when the gateway came back before they were due, or when its own alert failed", async () => {
    await poll([]);
    await prisma.alertDelivery.deleteMany({ where: { tenantId } });
    await prisma.alertOutbox.deleteMany({ where: { tenantId } });
    // Two of three down: the gateway again (a new alert), then it recovers within the hold.
    await poll([1, 2]);
    await dispatchAndSend();
    const held = (await deliveries()).filter((d) => d.channel === "noc" && d.trigger === "TUNNEL_DOWN");
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(held.every((d) => d.status === "PENDING")).toBe(true);
    await poll([]);
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    await dispatchAndSend();
    const sent = (await deliveries()).filter((d) => held.some((h) => h.id === d.id));
    expect(sent.every((d) => d.status === "DELIVERED")).toBe(true);

    // Down again a poll later, but the gateway's alert to the channel failed: its connections'
    // alerts are sent.
    const nextPoll = Date.now() + 60_000;
    await poll([1, 2], new Date(nextPoll));
    await dispatchAlerts(prisma, new Date(), { gatewayHoldMs: HOLD_MS });
    const gatewayDeliveries = await prisma.alertDelivery.findMany({
      where: { tenantId, outbox: { trigger: "CUSTOMER_GATEWAY_DOWN" }, status: "PENDING" },
    });
    expect(gatewayDeliveries).toHaveLength(1);
    // Raised at the end of that poll, by the database's clock.
    await prisma.alertOutbox.updateMany({
      where: { id: { in: gatewayDeliveries.map((d) => d.outboxId) } },
      data: { createdAt: new Date(nextPoll + 1_000) },
    });
    await prisma.alertDelivery.updateMany({
      where: { id: { in: gatewayDeliveries.map((d) => d.id) } },
      data: { status: "FAILED", error: "503 (gave up after 20 attempts)" },
    });
    const site2 = await prisma.vpnConnection.findFirstOrThrow({ where: { tenantId, name: "site-2" } });
    const about = { tenantId, channelId: noc, trigger: "TUNNEL_DOWN", connectionId: site2.id };
    expect(await gatewayCover(prisma, about)).toBeNull();
    // Nor while it is being retried after a failed attempt.
    await prisma.alertDelivery.updateMany({
      where: { id: { in: gatewayDeliveries.map((d) => d.id) } },
      data: { status: "PENDING", attempts: 2, error: "503" },
    });
    expect(await gatewayCover(prisma, about)).toBeNull();
    await prisma.alertDelivery.updateMany({
      where: { id: { in: gatewayDeliveries.map((d) => d.id) } },
      data: { status: "DELIVERED", error: null },
    });
    expect(await gatewayCover(prisma, about)).toMatch(/^covered by the customer gateway alert for 198\.51\.100\.70/);
    // Not on another channel, not for a recovery, not for a connection on another gateway.
    expect(await gatewayCover(prisma, { ...about, channelId: tickets })).toBeNull();
    expect(await gatewayCover(prisma, { ...about, trigger: "INCIDENT_RESOLVED" })).toBeNull();
    const site4 = await prisma.vpnConnection.findFirstOrThrow({ where: { tenantId, name: "site-4" } });
    expect(await gatewayCover(prisma, { ...about, connectionId: site4.id })).toBeNull();
    // The test's next poll runs on the real clock again.
    await prisma.alertOutbox.updateMany({
      where: { id: { in: gatewayDeliveries.map((d) => d.outboxId) } },
      data: { createdAt: new Date() },
    });
  });

  it("does not take an earlier outage's gateway alert for the current one's", async () => {
    await poll([]);
    const site2 = await prisma.vpnConnection.findFirstOrThrow({ where: { tenantId, name: "site-2" } });
    const about = { tenantId, channelId: noc, trigger: "TUNNEL_DOWN", connectionId: site2.id };
    expect(await gatewayCover(prisma, about)).toBeNull();
    // The gateway fails again two minutes on and no alert of its own was raised this time (a
    // worker that died between the connections' writes and the gateway's): the last one is stale.
    const gatewayEvents = () =>
      prisma.alertOutbox.findMany({ where: { tenantId, trigger: "CUSTOMER_GATEWAY_DOWN" }, select: { id: true } });
    const earlier = (await gatewayEvents()).map((e) => e.id);
    await poll([1, 2], new Date(Date.now() + 120_000));
    const raisedNow = (await gatewayEvents()).filter((e) => !earlier.includes(e.id));
    expect(raisedNow).toHaveLength(1);
    await prisma.alertOutbox.deleteMany({ where: { id: { in: raisedNow.map((e) => e.id) } } });
    const previous = await prisma.alertDelivery.count({
      where: { tenantId, channelId: noc, status: "DELIVERED", outbox: { trigger: "CUSTOMER_GATEWAY_DOWN" } },
    });
    expect(previous).toBeGreaterThan(0);
    expect(await gatewayCover(prisma, about)).toBeNull();
  });

  it("stands the gateway's recovered alert for the resolutions of the incidents whose openings it did not send", async () => {
    const tenant = await prisma.tenant.create({
      data: { name: "Pager", slug: "pager", incidentOpenDelaySec: 0, incidentResolveDelaySec: 0 },
    });
    const created = await prisma.cloudAccount.create({
      data: {
        tenantId: tenant.id,
        provider: "AWS",
        name: "pager-sites",
        regions: ["us-east-1"],
        credentialsCipher: "x",
        credentialsKeyId: "k1",
      },
    });
    const pagerAccount = {
      id: created.id,
      tenantId: tenant.id,
      tenant: { incidentOpenDelaySec: 0, incidentResolveDelaySec: 0 },
    };
    const sealed = newChannelSecret(keyring, tenant.id);
    const pager = await prisma.alertChannel.create({
      data: {
        tenantId: tenant.id,
        kind: "WEBHOOK",
        name: "pager",
        config: { url: receiver.url("/pager"), format: "json" },
        secretCipher: sealed.secretCipher,
        secretKeyId: sealed.secretKeyId,
      },
    });
    for (const trigger of [
      "INCIDENT_OPENED",
      "INCIDENT_RESOLVED",
      "CUSTOMER_GATEWAY_DOWN",
      "CUSTOMER_GATEWAY_RECOVERED",
    ] as const) {
      await prisma.alertRule.create({
        data: {
          tenantId: tenant.id,
          name: trigger,
          trigger,
          quietPeriodSec: 0,
          channels: { create: [{ channelId: pager.id }] },
        },
      });
    }
    /** `down` sites have no tunnel up, `half` sites their tunnel 2 down. */
    const pagerPoll = (down: number[], half: number[] = []) =>
      applyStatusSnapshot(prisma, pagerAccount, {
        fetchedAt: new Date(),
        connections: [1, 2, 3].map((n) => ({
          ...awsConnection(down.includes(n) ? ["DOWN", "DOWN"] : half.includes(n) ? ["UP", "DOWN"] : ["UP", "UP"], {
            externalId: `vpn-pager${n}`,
            name: `pager-${n}`,
            region: "us-east-1",
          }),
          customerGatewayIp: "198.51.100.75",
        })),
        maintenance: [],
        unavailable: {},
      });
    const byTrigger = async (trigger: "INCIDENT_OPENED" | "INCIDENT_RESOLVED") =>
      prisma.alertDelivery.findMany({
        where: { tenantId: tenant.id, outbox: { trigger } },
        select: { id: true, status: true, error: true, outbox: { select: { connectionId: true } } },
      });
    const settle = async () => {
      await dispatchAndSend();
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      await dispatchAndSend();
    };

    await pagerPoll([]);
    await pagerPoll([1, 2, 3]);
    await settle();
    const openings = await byTrigger("INCIDENT_OPENED");
    expect(openings.length).toBeGreaterThanOrEqual(3);
    expect(openings.every((d) => d.status === "SUPPRESSED")).toBe(true);

    // Site 1 comes back, site 2 with one tunnel: the gateway no longer looks down, and says so once.
    await pagerPoll([3], [2]);
    await settle();
    const site = (name: string) => prisma.vpnConnection.findFirstOrThrow({ where: { tenantId: tenant.id, name } });
    const [site2, site3] = [await site("pager-2"), await site("pager-3")];
    const resolved = await byTrigger("INCIDENT_RESOLVED");
    expect(resolved.length).toBeGreaterThanOrEqual(2);
    expect(resolved.every((d) => d.outbox.connectionId !== site3.id && d.status === "SUPPRESSED")).toBe(true);
    expect(resolved[0]?.error).toMatch(
      /^covered by the customer gateway recovered alert for 198\.51\.100\.75 .*never got this incident's opening/,
    );
    const pagerTypes = received("/pager").map((p) => p.type);
    expect(pagerTypes.filter((t) => t.startsWith("customer_gateway."))).toEqual([
      "customer_gateway.down",
      "customer_gateway.recovered",
    ]);
    expect(pagerTypes.filter((t) => t.startsWith("incident."))).toEqual([]);

    // Site 3, still down when the recovery was told, and site 2's tunnel that was, tell their
    // own resolutions a poll later.
    const toldBefore = new Set(resolved.map((d) => d.id));
    await pagerPoll([]);
    await settle();
    const last = (await byTrigger("INCIDENT_RESOLVED")).filter((d) => !toldBefore.has(d.id));
    expect(last.filter((d) => d.outbox.connectionId === site3.id).length).toBeGreaterThanOrEqual(1);
    expect(last.filter((d) => d.outbox.connectionId === site2.id).length).toBeGreaterThanOrEqual(1);
    expect(last.map((d) => `${d.status} ${d.error}`)).toEqual(last.map(() => "DELIVERED null"));
    expect(received("/pager").filter((p) => p.type === "incident.resolved")).toHaveLength(last.length);
  });
});
