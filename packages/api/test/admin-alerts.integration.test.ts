// Alert channels and rules, and the audit log, over a real PostgreSQL: a webhook's signing
// secret is returned once and stored sealed; rules only name this organisation's channels,
// accounts and connections; the audit log filters, pages and names its actors.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@tunnelwatch/alerts";
import { openChannelSecret } from "@tunnelwatch/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminFixture, adminFixture, codeOf } from "./admin-helpers.ts";

let f: AdminFixture;
beforeAll(async () => {
  f = await adminFixture("alerts");
});
afterAll(async () => {
  await f?.close();
});

const SLACK_URL = "https://hooks.slack.com/services/T000/B000/very-secret-path";

describe("alert channels", () => {
  it("returns a webhook's signing secret once and stores it sealed", async () => {
    const admin = await f.api("ADMIN");
    const created = await admin.alerts.createChannel({
      kind: "WEBHOOK",
      name: "NOC webhook",
      url: "https://noc.example.test/hooks/tunnelwatch",
      format: "json",
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.channel).toMatchObject({ kind: "WEBHOOK", hasSecret: true, format: "json" });
    const row = await f.prisma.alertChannel.findUniqueOrThrow({ where: { id: created.channel.id } });
    expect(row.secretCipher).not.toContain(created.secret ?? "-");
    expect(row.secretKeyId).toBe("k1");
    expect(openChannelSecret(f.keyring, row)).toBe(created.secret);

    const listed = await admin.alerts.listChannels({});
    expect(JSON.stringify(listed)).not.toContain(created.secret ?? "-");
    expect(JSON.stringify(listed)).not.toContain(row.secretCipher ?? "-");
    const audit = await f.prisma.auditLog.findFirstOrThrow({ where: { targetId: row.id } });
    expect(JSON.stringify(audit.details)).not.toContain(created.secret ?? "-");

    // Rotating gives a new secret, once.
    const rotated = await admin.alerts.rotateSecret({ id: row.id });
    expect(rotated.secret).not.toBe(created.secret);
    const after = await f.prisma.alertChannel.findUniqueOrThrow({ where: { id: row.id } });
    expect(openChannelSecret(f.keyring, after)).toBe(rotated.secret);
  });

  it("stores Slack webhooks as SLACK, email channels with recipients, and masks URLs for viewers", async () => {
    const admin = await f.api("ADMIN");
    const slack = await admin.alerts.createChannel({ kind: "WEBHOOK", name: "Chat", url: SLACK_URL, format: "slack" });
    expect(slack.channel.kind).toBe("SLACK");
    const email = await admin.alerts.createChannel({
      kind: "EMAIL",
      name: "On-call",
      recipients: ["NOC@acme.test", "noc@acme.test", "oncall@acme.test"],
    });
    expect(email.secret).toBeNull();
    expect(email.channel.recipients).toEqual(["noc@acme.test", "oncall@acme.test"]);

    const viewerList = await (await f.api("VIEWER")).alerts.listChannels({});
    expect(viewerList.total).toBe(3);
    expect(JSON.stringify(viewerList)).not.toContain("very-secret-path");
    expect(viewerList.items.find((c) => c.name === "Chat")?.url).toBe("https://hooks.slack.com/…");
    expect((await admin.alerts.listChannels({})).items.find((c) => c.name === "Chat")?.url).toBe(SLACK_URL);

    expect(
      await codeOf(admin.alerts.createChannel({ kind: "WEBHOOK", name: "x", url: "ftp://a.test/x", format: "json" })),
    ).toBe("BAD_REQUEST");
    expect(await codeOf(admin.alerts.createChannel({ kind: "EMAIL", name: "x", recipients: ["nope"] }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(admin.alerts.updateChannel({ id: email.channel.id, url: SLACK_URL }))).toBe("BAD_REQUEST");
    const updated = await admin.alerts.updateChannel({ id: slack.channel.id, format: "json", isEnabled: false });
    expect(updated).toMatchObject({ kind: "WEBHOOK", format: "json", isEnabled: false, url: SLACK_URL });
  });

  it("refuses viewers and other tenants", async () => {
    const admin = await f.api("ADMIN");
    const { id } = (await admin.alerts.listChannels({})).items[0] ?? { id: "" };
    const viewer = await f.api("VIEWER");
    expect(await codeOf(viewer.alerts.createChannel({ kind: "EMAIL", name: "x", recipients: ["a@b.test"] }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(viewer.alerts.deleteChannel({ id }))).toBe("FORBIDDEN");
    expect(await codeOf((await f.api("OPERATOR")).alerts.rotateSecret({ id }))).toBe("FORBIDDEN");
    const other = await f.api("OTHER");
    expect((await other.alerts.listChannels({})).total).toBe(0);
    expect(await codeOf(other.alerts.deleteChannel({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.alerts.updateChannel({ id, name: "mine" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.alerts.rotateSecret({ id }))).toBe("NOT_FOUND");
  });
});

describe("alert rules", () => {
  it("creates, updates and deletes rules that name only this organisation's channels and objects", async () => {
    const admin = await f.api("ADMIN");
    const channels = (await admin.alerts.listChannels({})).items;
    const [first, second] = channels;
    const otherChannel = await (await f.api("OTHER")).alerts.createChannel({
      kind: "EMAIL",
      name: "Bravo NOC",
      recipients: ["noc@bravo.test"],
    });
    const base = {
      name: "Production down",
      trigger: "TUNNEL_DOWN" as const,
      minSeverity: "MAJOR" as const,
      quietPeriodSec: 600,
      scope: { providers: ["AWS" as const], tags: { env: "prod" } },
    };
    expect(await codeOf(admin.alerts.createRule({ ...base, channelIds: [otherChannel.channel.id] }))).toBe("NOT_FOUND");
    expect(
      await codeOf(admin.alerts.createRule({ ...base, channelIds: [first?.id ?? "", otherChannel.channel.id] })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(admin.alerts.createRule({ ...base, channelIds: [] }))).toBe("BAD_REQUEST");
    const otherAccount = await f.prisma.cloudAccount.create({
      data: { tenantId: f.tenantB, provider: "AWS", name: "B", credentialsCipher: "x", credentialsKeyId: "k1" },
    });
    expect(
      await codeOf(
        admin.alerts.createRule({
          ...base,
          scope: { cloudAccountIds: [otherAccount.id] },
          channelIds: [first?.id ?? ""],
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf((await f.api("VIEWER")).alerts.createRule({ ...base, channelIds: [first?.id ?? ""] }))).toBe(
      "FORBIDDEN",
    );

    const rule = await admin.alerts.createRule({ ...base, channelIds: [first?.id ?? ""] });
    expect(rule).toMatchObject({
      trigger: "TUNNEL_DOWN",
      minSeverity: "MAJOR",
      quietPeriodSec: 600,
      isEnabled: true,
      scope: { providers: ["AWS"], tags: { env: "prod" } },
    });
    expect(rule.channels.map((c) => c.id)).toEqual([first?.id]);

    const updated = await admin.alerts.updateRule({
      id: rule.id,
      channelIds: [second?.id ?? "", first?.id ?? ""],
      scope: {},
      isEnabled: false,
    });
    expect(updated.channels.map((c) => c.id).sort()).toEqual([first?.id, second?.id].sort());
    expect(updated).toMatchObject({ isEnabled: false, scope: {}, name: "Production down" });
    expect(await codeOf(admin.alerts.updateRule({ id: rule.id, channelIds: [otherChannel.channel.id] }))).toBe(
      "NOT_FOUND",
    );

    const viewerRules = await (await f.api("VIEWER")).alerts.listRules({ trigger: "TUNNEL_DOWN" });
    expect(viewerRules.items.map((r) => r.id)).toEqual([rule.id]);
    expect((await (await f.api("VIEWER")).alerts.listRules({ trigger: "GRADE_DROPPED" })).total).toBe(0);

    const other = await f.api("OTHER");
    expect(await codeOf(other.alerts.updateRule({ id: rule.id, name: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.alerts.deleteRule({ id: rule.id }))).toBe("NOT_FOUND");
    expect((await other.alerts.listRules({})).total).toBe(0);

    // Deleting a channel drops it from the rules that used it.
    await admin.alerts.deleteChannel({ id: second?.id ?? "" });
    const [afterDelete] = (await admin.alerts.listRules({})).items;
    expect(afterDelete?.channels.map((c) => c.id)).toEqual([first?.id]);
    await admin.alerts.deleteRule({ id: rule.id });
    expect((await admin.alerts.listRules({})).total).toBe(0);
    const actions = (
      await f.prisma.auditLog.findMany({ where: { targetType: "AlertRule" }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["alertRule.create", "alertRule.update", "alertRule.delete"]);
  });
});

describe("audit log", () => {
  it("lists newest first with actors, filters by action, actor, target and time, and pages", async () => {
    const admin = await f.api("ADMIN");
    const token = await admin.tokens.create({ name: "cmdb-sync", scopes: ["write"] });
    // A change made with the token is attributed to it.
    await f.prisma.auditLog.create({
      data: {
        tenantId: f.tenantA,
        actorTokenId: token.id,
        action: "incident.acknowledge",
        targetType: "Incident",
        targetId: "inc-1",
      },
    });
    const all = await admin.audit.list({ pageSize: 200 });
    expect(all.total).toBeGreaterThan(10);
    const times = all.items.map((e) => e.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(typeof all.items[0]?.id).toBe("string");
    expect(all.items[0]?.actor).toEqual({ kind: "token", id: token.id, label: "API token cmdb-sync" });
    expect(all.items.find((e) => e.action === "apiToken.create")?.actor).toMatchObject({
      kind: "user",
      label: "ADMIN of Acme",
      email: "admin@acme.test",
    });

    const channels = await admin.audit.list({ action: "alertChannel." });
    expect(channels.items.every((e) => e.action.startsWith("alertChannel."))).toBe(true);
    expect(channels.total).toBeGreaterThanOrEqual(5);
    const byToken = await admin.audit.list({ actorTokenId: token.id });
    expect(byToken.items.map((e) => e.action)).toEqual(["incident.acknowledge"]);
    const byUser = await admin.audit.list({ actorUserId: f.users.ADMIN, targetType: "AlertRule" });
    expect(byUser.total).toBe(3);
    expect((await admin.audit.list({ from: new Date(Date.now() + 60_000) })).total).toBe(0);
    expect((await admin.audit.list({ to: new Date(Date.now() - 3_600_000) })).total).toBe(0);

    const page1 = await admin.audit.list({ pageSize: 2, page: 1 });
    const page2 = await admin.audit.list({ pageSize: 2, page: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
    expect(page2.total).toBe(all.total);

    expect(await codeOf((await f.api("VIEWER")).audit.list({}))).toBe("FORBIDDEN");
    expect(await codeOf((await f.api("OPERATOR")).audit.list({}))).toBe("FORBIDDEN");
    expect(await codeOf((await f.api({ token: token.token })).audit.list({}))).toBe("FORBIDDEN");
    const otherLog = await (await f.api("OTHER")).audit.list({ pageSize: 200 });
    expect(otherLog.items.map((e) => e.action)).toEqual(["alertChannel.create"]);
  });
});

describe("alert channel safety and the send-test button", () => {
  it("refuses webhook URLs on private, loopback or link-local addresses that are not allowed", async () => {
    const admin = await f.api("ADMIN");
    for (const url of ["http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/x"]) {
      const refused = await admin.alerts
        .createChannel({ kind: "WEBHOOK", name: "internal", url, format: "json" })
        .then(() => null)
        .catch((error: Error & { code?: string }) => error);
      expect(refused?.code).toBe("BAD_REQUEST");
      expect(refused?.message).toMatch(/private, loopback or link-local.*PRIVATE_HOSTS_ALLOWED/);
    }
    const ok = await admin.alerts.createChannel({
      kind: "WEBHOOK",
      name: "public",
      url: "https://noc.example.test/a",
      format: "json",
    });
    expect(await codeOf(admin.alerts.updateChannel({ id: ok.channel.id, url: "http://192.168.1.10/hook" }))).toBe(
      "BAD_REQUEST",
    );
    await admin.alerts.deleteChannel({ id: ok.channel.id });
  });

  it("sends a signed test through a webhook channel and reports what the receiver answered", async () => {
    const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
    let answer = 200;
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end(answer === 200 ? "ok" : "receiver broke");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const admin = await f.api("ADMIN");
      const created = await admin.alerts.createChannel({
        kind: "WEBHOOK",
        name: "receiver",
        url: `http://127.0.0.1:${port}/hook`,
        format: "json",
      });
      const result = await admin.alerts.testChannel({ id: created.channel.id });
      expect(result).toMatchObject({ ok: true, responseCode: 200, error: null });
      const [request] = received;
      expect(
        verifySignature(created.secret ?? "", String(request?.headers["x-tunnelwatch-signature"]), request?.body ?? ""),
      ).toBe(true);
      expect(JSON.parse(request?.body ?? "{}")).toMatchObject({ version: 1, type: "test", tenant: { name: "Acme" } });
      expect(JSON.parse(request?.body ?? "{}").url).toMatch(/\/alerts\?org=acme$/);
      // Another organisation's test names that organisation.
      const bravo = await f.api("OTHER");
      const theirs = await bravo.alerts.createChannel({
        kind: "WEBHOOK",
        name: "bravo receiver",
        url: `http://127.0.0.1:${port}/bravo`,
        format: "json",
      });
      expect(await bravo.alerts.testChannel({ id: theirs.channel.id })).toMatchObject({ ok: true });
      const theirRequest = received.at(-1);
      expect(JSON.parse(theirRequest?.body ?? "{}")).toMatchObject({ tenant: { name: "Bravo" } });
      expect(
        verifySignature(
          theirs.secret ?? "",
          String(theirRequest?.headers["x-tunnelwatch-signature"]),
          theirRequest?.body ?? "",
        ),
      ).toBe(true);
      await bravo.alerts.deleteChannel({ id: theirs.channel.id });

      answer = 500;
      const failed = await admin.alerts.testChannel({ id: created.channel.id });
      expect(failed).toMatchObject({ ok: false, responseCode: 500 });
      expect(failed.error).toMatch(/500/);
      expect(JSON.stringify(failed)).not.toContain(created.secret ?? "-");

      const email = await admin.alerts.createChannel({ kind: "EMAIL", name: "mail", recipients: ["noc@acme.test"] });
      const noSmtp = await admin.alerts.testChannel({ id: email.channel.id });
      expect(noSmtp).toMatchObject({ ok: false });
      expect(noSmtp.error).toMatch(/SMTP is not configured/);

      expect(await codeOf((await f.api("OPERATOR")).alerts.testChannel({ id: created.channel.id }))).toBe("FORBIDDEN");
      expect(await codeOf((await f.api("OTHER")).alerts.testChannel({ id: created.channel.id }))).toBe("NOT_FOUND");
      const audits = await f.prisma.auditLog.count({
        where: { action: "alertChannel.test", targetId: created.channel.id },
      });
      expect(audits).toBe(2);
      await admin.alerts.deleteChannel({ id: created.channel.id });
      await admin.alerts.deleteChannel({ id: email.channel.id });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe("delivery log", () => {
  it("lists deliveries with counts and filters, charts them per hour, and retries failed ones", async () => {
    const admin = await f.api("ADMIN");
    const channel = await admin.alerts.createChannel({
      kind: "WEBHOOK",
      name: "log",
      url: "https://noc.example.test/log",
      format: "json",
    });
    const outbox = await f.prisma.alertOutbox.create({
      data: {
        tenantId: f.tenantA,
        trigger: "INCIDENT_OPENED",
        severity: "CRITICAL",
        payload: { code: "DPD_TIMEOUT", tunnelIndex: 2 },
        dispatchedAt: new Date(),
      },
    });
    const delivery = (status: "DELIVERED" | "FAILED" | "PENDING", n: number) =>
      f.prisma.alertDelivery.create({
        data: {
          tenantId: f.tenantA,
          outboxId: outbox.id,
          channelId: channel.channel.id,
          idempotencyKey: `key-${status}-${n}`,
          foldKey: `fold-${n}`,
          status,
          attempts: status === "PENDING" ? 2 : 1,
          responseCode: status === "DELIVERED" ? 200 : 503,
          latencyMs: 40 + n,
        },
      });
    for (let n = 0; n < 3; n++) await delivery("DELIVERED", n);
    const failed = await delivery("FAILED", 9);
    await delivery("PENDING", 10);

    const viewer = await f.api("VIEWER");
    const all = await viewer.alerts.listDeliveries({ channelId: channel.channel.id });
    expect(all.total).toBe(5);
    expect(all.counts).toMatchObject({ DELIVERED: 3, FAILED: 1, PENDING: 1, SENDING: 0 });
    expect(all.items[0]).toMatchObject({
      trigger: "INCIDENT_OPENED",
      severity: "CRITICAL",
      code: "DPD_TIMEOUT",
      tunnelIndex: 2,
    });
    const onlyFailed = await viewer.alerts.listDeliveries({ status: "FAILED", channelId: channel.channel.id });
    expect(onlyFailed.items.map((d) => d.id)).toEqual([failed.id]);
    expect(onlyFailed.counts.DELIVERED).toBe(3);

    const stats = await viewer.alerts.deliveryStats({ hours: 24 });
    expect(stats.hours).toHaveLength(24);
    const last = stats.hours.at(-1);
    expect(last).toMatchObject({ delivered: 3, failed: 1, retrying: 1 });
    expect(stats.latencyP50Ms).toBe(41);

    expect(await codeOf(viewer.alerts.retryDelivery({ id: failed.id }))).toBe("FORBIDDEN");
    expect(await codeOf((await f.api("OTHER")).alerts.retryDelivery({ id: failed.id }))).toBe("NOT_FOUND");
    const delivered = all.items.find((d) => d.status === "DELIVERED");
    expect(await codeOf((await f.api("OPERATOR")).alerts.retryDelivery({ id: delivered?.id ?? "" }))).toBe("CONFLICT");
    expect(await (await f.api("OPERATOR")).alerts.retryDelivery({ id: failed.id })).toEqual({
      id: failed.id,
      status: "PENDING",
    });
    const retried = await f.prisma.alertDelivery.findUniqueOrThrow({ where: { id: failed.id } });
    expect(retried).toMatchObject({ status: "PENDING", error: null });
    expect(retried.nextAttemptAt?.getTime()).toBeLessThanOrEqual(Date.now());

    expect((await (await f.api("OTHER")).alerts.listDeliveries({})).total).toBe(0);
  });

  describe("rule updates", () => {
    it("keep a rule's scope when only another field changes (enabling or disabling it, say)", async () => {
      const admin = await f.api("ADMIN");
      const channel = await admin.alerts.createChannel({
        kind: "EMAIL",
        name: "Prod",
        recipients: ["prod@alpha.test"],
      });
      const rule = await admin.alerts.createRule({
        name: "Prod down",
        trigger: "TUNNEL_DOWN",
        channelIds: [channel.channel.id],
        scope: { providers: ["AWS"], tags: { env: "prod" } },
      });
      await admin.alerts.updateRule({ id: rule.id, isEnabled: false });
      const renamed = await admin.alerts.updateRule({ id: rule.id, name: "Production down" });
      expect(renamed).toMatchObject({ isEnabled: false, scope: { providers: ["AWS"], tags: { env: "prod" } } });
      expect(await admin.alerts.updateRule({ id: rule.id, scope: {} })).toMatchObject({ scope: {} });
    });
  });

  describe("customer gateway rules", () => {
    it("take no scope: a customer gateway's alert concerns no single connection", async () => {
      const admin = await f.api("ADMIN");
      const channel = await admin.alerts.createChannel({
        kind: "EMAIL",
        name: "Gateways",
        recipients: ["gw@alpha.test"],
      });
      const rule = {
        name: "Gateway down",
        trigger: "CUSTOMER_GATEWAY_DOWN" as const,
        channelIds: [channel.channel.id],
        scope: { providers: ["AWS" as const] },
      };
      expect(await codeOf(admin.alerts.createRule(rule))).toBe("BAD_REQUEST");
      await expect(admin.alerts.createRule(rule)).rejects.toThrow(/leave the rule's scope empty/);
      const created = await admin.alerts.createRule({ ...rule, scope: {} });
      expect(created).toMatchObject({ trigger: "CUSTOMER_GATEWAY_DOWN", scope: {} });
      expect(await codeOf(admin.alerts.updateRule({ id: created.id, scope: { tags: { env: "prod" } } }))).toBe(
        "BAD_REQUEST",
      );
      const scoped = await admin.alerts.createRule({ ...rule, trigger: "TUNNEL_DOWN" });
      expect(await codeOf(admin.alerts.updateRule({ id: scoped.id, trigger: "CUSTOMER_GATEWAY_DOWN" }))).toBe(
        "BAD_REQUEST",
      );
      expect(
        await codeOf(admin.alerts.updateRule({ id: scoped.id, trigger: "CUSTOMER_GATEWAY_DOWN", scope: {} })),
      ).toBe("OK");
      // Its recovery concerns no connection either.
      expect(await codeOf(admin.alerts.createRule({ ...rule, trigger: "CUSTOMER_GATEWAY_RECOVERED" }))).toBe(
        "BAD_REQUEST",
      );
      expect(
        await admin.alerts.createRule({ ...rule, trigger: "CUSTOMER_GATEWAY_RECOVERED", scope: {} }),
      ).toMatchObject({
        trigger: "CUSTOMER_GATEWAY_RECOVERED",
        scope: {},
      });
    });
  });
});
