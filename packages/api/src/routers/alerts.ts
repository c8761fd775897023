// Alert configuration: channels (email, signed webhooks) and rules (which events, which
// connections, how often). Delivery itself is the worker's job (alert outbox and deliveries).

import { TRPCError } from "@trpc/server";
import { alertsEnv, loadEnv } from "@tunnelwatch/config";
import { isCustomerGatewayTrigger } from "@tunnelwatch/core";
import {
  AlertTrigger,
  DeliveryStatus,
  newChannelSecret,
  openChannelSecret,
  type Prisma,
  Provider,
  readChannelConfig,
  Severity,
  type TenantDb,
  type WebhookFormat,
} from "@tunnelwatch/db";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import { z } from "zod";
import { channelName, maskUrl, recipients, webhookFormat, webhookUrl } from "../admin/alert-channels.ts";
import { credentialKeyring } from "../admin/keyring.ts";
import { assertOutboundAllowed } from "../admin/outbound-address.ts";
import { enqueue } from "../admin/queue.ts";
import { sendTestAlert } from "../admin/test-alert.ts";
import { audit } from "../audit.ts";
import { type Page, pageArgs, pageInput } from "../pagination.ts";
import { hasRole } from "../roles.ts";
import { router, tenantProcedure } from "../trpc.ts";

const id = z.string().min(1).max(64);
const CHANNEL_NOT_FOUND = "Alert channel not found.";
const RULE_NOT_FOUND = "Alert rule not found.";

// ---------------------------------------------------------------------------------------
// Channels

const CHANNEL_SELECT = {
  id: true,
  kind: true,
  name: true,
  config: true,
  isEnabled: true,
  secretKeyId: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { rules: true } },
} as const satisfies Prisma.AlertChannelSelect;

type ChannelRow = Prisma.AlertChannelGetPayload<{ select: typeof CHANNEL_SELECT }>;

/** What any member may see of a channel: never the secret; webhook URLs in full only for admins. */
function presentChannel(row: ChannelRow, canManage: boolean) {
  const config = readChannelConfig(row.kind, row.config);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    isEnabled: row.isEnabled,
    hasSecret: row.secretKeyId !== null,
    recipients: "to" in config ? config.to : [],
    url: "url" in config ? (canManage ? config.url : maskUrl(config.url)) : null,
    format: "format" in config ? config.format : null,
    ruleCount: row._count.rules,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type AlertChannelView = ReturnType<typeof presentChannel>;

const kindOfWebhook = (format: WebhookFormat) => (format === "slack" ? "SLACK" : "WEBHOOK");

const createChannelInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("EMAIL"), name: channelName, recipients }),
  z.object({
    kind: z.literal("WEBHOOK"),
    name: channelName,
    url: webhookUrl,
    format: webhookFormat.default("json"),
  }),
]);

async function findChannel(db: TenantDb, channelId: string) {
  const channel = await db.alertChannel.findFirst({
    where: { id: channelId },
    select: { id: true, kind: true, name: true, config: true },
  });
  if (!channel) throw new TRPCError({ code: "NOT_FOUND", message: CHANNEL_NOT_FOUND });
  return channel;
}

// ---------------------------------------------------------------------------------------
// Rules

const scopeObject = z.object({
  providers: z.array(z.enum(Provider)).max(3).optional(),
  cloudAccountIds: z.array(id).max(100, "Name at most 100 accounts").optional(),
  connectionIds: z.array(id).max(500, "Name at most 500 connections").optional(),
  tags: z
    .record(z.string().trim().min(1, "Tag keys cannot be empty").max(128), z.string().max(256))
    .refine((tags) => Object.keys(tags).length <= 20, "Match at most 20 tags")
    .optional(),
});

// Empty lists mean "no restriction": stored as absent, so the matcher has one meaning for them.
function normalScope(scope: z.output<typeof scopeObject>) {
  const out: {
    providers?: Provider[];
    cloudAccountIds?: string[];
    connectionIds?: string[];
    tags?: Record<string, string>;
  } = {};
  if (scope.providers?.length) out.providers = [...new Set(scope.providers)];
  if (scope.cloudAccountIds?.length) out.cloudAccountIds = [...new Set(scope.cloudAccountIds)];
  if (scope.connectionIds?.length) out.connectionIds = [...new Set(scope.connectionIds)];
  if (scope.tags && Object.keys(scope.tags).length) out.tags = scope.tags;
  return out;
}

/** A new rule's scope: absent means every connection. */
const scopeInput = scopeObject.default({}).transform(normalScope);
/** A rule's new scope: absent leaves the rule's scope as it is. */
const scopeChange = scopeObject.transform(normalScope).optional();
type RuleScope = z.output<typeof scopeInput>;

const ruleFields = {
  name: z.string().trim().min(1, "Name the rule, e.g. Production tunnels down").max(100),
  trigger: z.enum(AlertTrigger, { message: "Choose what the rule reacts to" }),
  scope: scopeInput,
  minSeverity: z.enum(Severity).default("INFO"),
  quietPeriodSec: z
    .number()
    .int()
    .min(0, "The quiet period cannot be negative")
    .max(86_400, "Use a quiet period of at most a day (86400 s)")
    .default(900),
  isEnabled: z.boolean().default(true),
  channelIds: z
    .array(id)
    .min(1, "Choose at least one channel to notify")
    .max(20, "Choose at most 20 channels")
    .transform((ids) => [...new Set(ids)]),
};

const RULE_SELECT = {
  id: true,
  name: true,
  trigger: true,
  scope: true,
  minSeverity: true,
  quietPeriodSec: true,
  isEnabled: true,
  createdAt: true,
  updatedAt: true,
  channels: { select: { channel: { select: { id: true, name: true, kind: true, isEnabled: true } } } },
} as const satisfies Prisma.AlertRuleSelect;

type RuleRow = Prisma.AlertRuleGetPayload<{ select: typeof RULE_SELECT }>;

function presentRule({ channels, scope, ...rule }: RuleRow) {
  return {
    ...rule,
    scope: (scope && typeof scope === "object" && !Array.isArray(scope) ? scope : {}) as RuleScope,
    channels: channels.map((c) => c.channel),
  };
}

export type AlertRuleView = ReturnType<typeof presentRule>;

/** A customer gateway's alert concerns no single connection: a scoped rule would never take it. */
function assertScopeFits(trigger: AlertTrigger, scope: Prisma.JsonValue | RuleScope) {
  const isScoped = scope !== null && typeof scope === "object" && Object.keys(scope).length > 0;
  if (isCustomerGatewayTrigger(trigger) && isScoped) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        "A customer gateway's alert concerns no single connection, provider or account: leave the rule's scope empty.",
    });
  }
}

/** Every id a rule names must be this organisation's: the scoped client finds nothing else. */
async function assertOwned(db: TenantDb, channelIds: string[] | undefined, scope: RuleScope | undefined) {
  if (channelIds?.length) {
    const found = await db.alertChannel.findMany({
      where: { id: { in: channelIds } },
      select: { id: true },
      take: channelIds.length,
    });
    if (found.length !== channelIds.length) throw new TRPCError({ code: "NOT_FOUND", message: CHANNEL_NOT_FOUND });
  }
  if (scope?.cloudAccountIds?.length) {
    const count = await db.cloudAccount.count({ where: { id: { in: scope.cloudAccountIds } } });
    if (count !== scope.cloudAccountIds.length) {
      throw new TRPCError({ code: "NOT_FOUND", message: "A cloud account in the rule's scope was not found." });
    }
  }
  if (scope?.connectionIds?.length) {
    const count = await db.vpnConnection.count({ where: { id: { in: scope.connectionIds }, deletedAt: null } });
    if (count !== scope.connectionIds.length) {
      throw new TRPCError({ code: "NOT_FOUND", message: "A VPN connection in the rule's scope was not found." });
    }
  }
}

const DELIVERY_SELECT = {
  id: true,
  status: true,
  attempts: true,
  foldedCount: true,
  scheduledAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  deliveredAt: true,
  responseCode: true,
  latencyMs: true,
  error: true,
  createdAt: true,
  channel: { select: { id: true, name: true, kind: true } },
  rule: { select: { id: true, name: true } },
  outbox: {
    select: { trigger: true, severity: true, connectionId: true, incidentId: true, payload: true, createdAt: true },
  },
} as const satisfies Prisma.AlertDeliverySelect;

type DeliveryRow = Prisma.AlertDeliveryGetPayload<{ select: typeof DELIVERY_SELECT }>;

function presentDelivery({ outbox, ...row }: DeliveryRow) {
  const facts = (
    outbox.payload && typeof outbox.payload === "object" && !Array.isArray(outbox.payload) ? outbox.payload : {}
  ) as Record<string, unknown>;
  return {
    ...row,
    trigger: outbox.trigger,
    severity: outbox.severity,
    occurredAt: outbox.createdAt,
    connectionId: outbox.connectionId,
    incidentId: outbox.incidentId,
    code: typeof facts.code === "string" ? facts.code : null,
    tunnelIndex: typeof facts.tunnelIndex === "number" ? facts.tunnelIndex : null,
  };
}

export type AlertDeliveryView = ReturnType<typeof presentDelivery>;

export const alertsRouter = router({
  listChannels: tenantProcedure("VIEWER")
    .input(pageInput)
    .query(async ({ ctx, input }): Promise<Page<AlertChannelView>> => {
      const [rows, total] = await Promise.all([
        ctx.db.alertChannel.findMany({
          select: CHANNEL_SELECT,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          ...pageArgs(input),
        }),
        ctx.db.alertChannel.count(),
      ]);
      const canManage = hasRole(ctx.role, "ADMIN");
      return {
        items: rows.map((row) => presentChannel(row, canManage)),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),

  /** Adds a channel; a webhook's signing secret is in this response only. */
  createChannel: tenantProcedure("ADMIN")
    .input(createChannelInput)
    .mutation(async ({ ctx, input }) => {
      const isWebhook = input.kind === "WEBHOOK";
      if (input.kind === "WEBHOOK") await assertOutboundAllowed(input.url, "webhook URL");
      const sealed = isWebhook ? newChannelSecret(credentialKeyring(), ctx.tenantId) : null;
      const row = await ctx.db.alertChannel.create({
        data: {
          tenantId: ctx.tenantId,
          name: input.name,
          ...(input.kind === "EMAIL"
            ? { kind: "EMAIL", config: { to: input.recipients } }
            : { kind: kindOfWebhook(input.format), config: { url: input.url, format: input.format } }),
          ...(sealed ? { secretCipher: sealed.secretCipher, secretKeyId: sealed.secretKeyId } : {}),
        },
        select: CHANNEL_SELECT,
      });
      const channel = presentChannel(row, true);
      await audit(
        ctx,
        "alertChannel.create",
        { type: "AlertChannel", id: row.id },
        {
          name: row.name,
          kind: row.kind,
          // The host only: chat webhook URLs carry their credential in the path.
          ...(channel.url ? { host: maskUrl(channel.url) } : { recipients: channel.recipients.length }),
        },
      );
      return { channel, secret: sealed?.secret ?? null };
    }),

  updateChannel: tenantProcedure("ADMIN")
    .input(
      z.object({
        id,
        name: channelName.optional(),
        isEnabled: z.boolean().optional(),
        recipients: recipients.optional(),
        url: webhookUrl.optional(),
        format: webhookFormat.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const existing = await findChannel(ctx.db, input.id);
      const isEmail = existing.kind === "EMAIL";
      if (input.url !== undefined) await assertOutboundAllowed(input.url, "webhook URL");
      if (isEmail && (input.url !== undefined || input.format !== undefined)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "An email channel has recipients, not a URL." });
      }
      if (!isEmail && input.recipients !== undefined) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "A webhook channel has a URL, not recipients." });
      }
      const config = readChannelConfig(existing.kind, existing.config);
      const data: Prisma.AlertChannelUpdateManyMutationInput = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.isEnabled !== undefined ? { isEnabled: input.isEnabled } : {}),
      };
      if ("to" in config && input.recipients) data.config = { to: input.recipients };
      if ("url" in config && (input.url !== undefined || input.format !== undefined)) {
        const format = input.format ?? config.format;
        data.config = { url: input.url ?? config.url, format };
        data.kind = kindOfWebhook(format);
      }
      await ctx.db.alertChannel.updateMany({ where: { id: existing.id }, data });
      await audit(
        ctx,
        "alertChannel.update",
        { type: "AlertChannel", id: existing.id },
        {
          name: input.name ?? existing.name,
          changed: Object.keys(input).filter((k) => k !== "id" && input[k as keyof typeof input] !== undefined),
        },
      );
      const row = await ctx.db.alertChannel.findFirstOrThrow({ where: { id: existing.id }, select: CHANNEL_SELECT });
      return presentChannel(row, true);
    }),

  /** Replaces a webhook's signing secret; the new one is in this response only. */
  rotateSecret: tenantProcedure("ADMIN")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const existing = await findChannel(ctx.db, input.id);
      if (existing.kind === "EMAIL") {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Email channels have no signing secret." });
      }
      const sealed = newChannelSecret(credentialKeyring(), ctx.tenantId);
      await ctx.db.alertChannel.updateMany({
        where: { id: existing.id },
        data: { secretCipher: sealed.secretCipher, secretKeyId: sealed.secretKeyId },
      });
      await audit(ctx, "alertChannel.rotateSecret", { type: "AlertChannel", id: existing.id }, { name: existing.name });
      return { id: existing.id, secret: sealed.secret };
    }),

  /** Sends a test alert through the channel now and says what happened (nothing is stored but the audit row). */
  testChannel: tenantProcedure("ADMIN")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const channel = await ctx.db.alertChannel.findFirst({
        where: { id: input.id },
        select: {
          id: true,
          tenantId: true,
          kind: true,
          name: true,
          config: true,
          secretCipher: true,
          secretKeyId: true,
        },
      });
      if (!channel) throw new TRPCError({ code: "NOT_FOUND", message: CHANNEL_NOT_FOUND });
      const tenant = await ctx.prisma.tenant.findUniqueOrThrow({
        where: { id: ctx.tenantId },
        select: { id: true, name: true, slug: true },
      });
      const result = await sendTestAlert(loadEnv(alertsEnv()), {
        tenant,
        config: readChannelConfig(channel.kind, channel.config),
        secret: openChannelSecret(credentialKeyring(), channel),
      });
      await audit(
        ctx,
        "alertChannel.test",
        { type: "AlertChannel", id: channel.id },
        { name: channel.name, ok: result.ok, responseCode: result.responseCode },
      );
      return result;
    }),

  deleteChannel: tenantProcedure("ADMIN")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const existing = await findChannel(ctx.db, input.id);
      await ctx.db.alertChannel.deleteMany({ where: { id: existing.id } });
      await audit(ctx, "alertChannel.delete", { type: "AlertChannel", id: existing.id }, { name: existing.name });
      return { id: existing.id };
    }),

  listRules: tenantProcedure("VIEWER")
    .input(pageInput.extend({ trigger: z.enum(AlertTrigger).optional() }))
    .query(async ({ ctx, input }): Promise<Page<AlertRuleView>> => {
      const where: Prisma.AlertRuleWhereInput = input.trigger ? { trigger: input.trigger } : {};
      const [rows, total] = await Promise.all([
        ctx.db.alertRule.findMany({
          where,
          select: RULE_SELECT,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          ...pageArgs(input),
        }),
        ctx.db.alertRule.count({ where }),
      ]);
      return { items: rows.map(presentRule), total, page: input.page, pageSize: input.pageSize };
    }),

  createRule: tenantProcedure("ADMIN")
    .input(z.object(ruleFields))
    .mutation(async ({ ctx, input }) => {
      assertScopeFits(input.trigger, input.scope);
      await assertOwned(ctx.db, input.channelIds, input.scope);
      const { channelIds, ...fields } = input;
      // The join rows are written with the rule, in one statement, from ids just verified above.
      const row = await ctx.db.alertRule.create({
        data: {
          tenantId: ctx.tenantId,
          ...fields,
          channels: { create: channelIds.map((channelId) => ({ channelId })) },
        },
        select: RULE_SELECT,
      });
      await audit(
        ctx,
        "alertRule.create",
        { type: "AlertRule", id: row.id },
        { name: row.name, trigger: row.trigger, minSeverity: row.minSeverity, channelIds, scope: input.scope },
      );
      return presentRule(row);
    }),

  updateRule: tenantProcedure("ADMIN")
    .input(
      z.object({
        id,
        name: ruleFields.name.optional(),
        trigger: ruleFields.trigger.optional(),
        scope: scopeChange,
        minSeverity: z.enum(Severity).optional(),
        quietPeriodSec: z.number().int().min(0).max(86_400).optional(),
        isEnabled: z.boolean().optional(),
        channelIds: ruleFields.channelIds.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const existing = await ctx.db.alertRule.findFirst({
        where: { id: input.id },
        select: { id: true, name: true, trigger: true, scope: true },
      });
      if (!existing) throw new TRPCError({ code: "NOT_FOUND", message: RULE_NOT_FOUND });
      assertScopeFits(input.trigger ?? existing.trigger, input.scope ?? existing.scope);
      await assertOwned(ctx.db, input.channelIds, input.scope);
      const { id: ruleId, channelIds, ...fields } = input;
      const row = await ctx.db.alertRule.update({
        where: { id: ruleId },
        data: {
          ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
          ...(channelIds
            ? { channels: { deleteMany: {}, create: channelIds.map((channelId) => ({ channelId })) } }
            : {}),
        },
        select: RULE_SELECT,
      });
      await audit(
        ctx,
        "alertRule.update",
        { type: "AlertRule", id: ruleId },
        {
          name: row.name,
          changed: Object.keys(input).filter((k) => k !== "id" && input[k as keyof typeof input] !== undefined),
          ...(channelIds ? { channelIds } : {}),
        },
      );
      return presentRule(row);
    }),

  deleteRule: tenantProcedure("ADMIN")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const existing = await ctx.db.alertRule.findFirst({ where: { id: input.id }, select: { id: true, name: true } });
      if (!existing) throw new TRPCError({ code: "NOT_FOUND", message: RULE_NOT_FOUND });
      await ctx.db.alertRule.deleteMany({ where: { id: existing.id } });
      await audit(ctx, "alertRule.delete", { type: "AlertRule", id: existing.id }, { name: existing.name });
      return { id: existing.id };
    }),

  // -------------------------------------------------------------------------------------
  // Delivery log

  listDeliveries: tenantProcedure("VIEWER")
    .input(
      pageInput.extend({
        status: z.enum(DeliveryStatus).optional(),
        channelId: id.optional(),
        ruleId: id.optional(),
      }),
    )
    .query(async ({ ctx, input }): Promise<Page<AlertDeliveryView> & { counts: Record<DeliveryStatus, number> }> => {
      const where: Prisma.AlertDeliveryWhereInput = {
        ...(input.status ? { status: input.status } : {}),
        ...(input.channelId ? { channelId: input.channelId } : {}),
        ...(input.ruleId ? { ruleId: input.ruleId } : {}),
      };
      const [rows, total, grouped] = await Promise.all([
        ctx.db.alertDelivery.findMany({
          where,
          select: DELIVERY_SELECT,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageArgs(input),
        }),
        ctx.db.alertDelivery.count({ where }),
        ctx.db.alertDelivery.groupBy({
          by: ["status"],
          where: { ...where, status: undefined },
          _count: { _all: true },
        }),
      ]);
      const counts = Object.fromEntries(Object.values(DeliveryStatus).map((s) => [s, 0])) as Record<
        DeliveryStatus,
        number
      >;
      for (const g of grouped) counts[g.status] = g._count._all;
      return { items: rows.map(presentDelivery), total, page: input.page, pageSize: input.pageSize, counts };
    }),

  /** Deliveries per hour by outcome, and latency percentiles, over the last hours (chart on the Alerts screen). */
  deliveryStats: tenantProcedure("VIEWER")
    .input(
      z
        .object({
          hours: z
            .number()
            .int()
            .min(1)
            .max(24 * 14)
            .default(24),
        })
        .default({ hours: 24 }),
    )
    .query(async ({ ctx, input }) => {
      const since = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - (input.hours - 1) * 3_600_000);
      const [buckets, latency] = await Promise.all([
        ctx.db.$queryRaw<Array<{ hour: Date; delivered: number; failed: number; retrying: number }>>`
          SELECT date_trunc('hour', d."createdAt") AS "hour",
            COUNT(*) FILTER (WHERE d."status" = 'DELIVERED')::int AS "delivered",
            COUNT(*) FILTER (WHERE d."status" = 'FAILED')::int AS "failed",
            COUNT(*) FILTER (WHERE d."status" IN ('PENDING', 'SENDING'))::int AS "retrying"
          FROM "AlertDelivery" d
          WHERE d."tenantId" = ${ctx.tenantId} AND d."createdAt" >= ${since}
          GROUP BY 1 ORDER BY 1`,
        ctx.db.$queryRaw<Array<{ p50: number | null; p95: number | null }>>`
          SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d."latencyMs")::float8 AS "p50",
            percentile_cont(0.95) WITHIN GROUP (ORDER BY d."latencyMs")::float8 AS "p95"
          FROM "AlertDelivery" d
          WHERE d."tenantId" = ${ctx.tenantId} AND d."createdAt" >= ${since} AND d."status" = 'DELIVERED'`,
      ]);
      const byHour = new Map(buckets.map((b) => [b.hour.getTime(), b]));
      return {
        since,
        hours: Array.from({ length: input.hours }, (_, i) => {
          const hour = new Date(since.getTime() + i * 3_600_000);
          const row = byHour.get(hour.getTime());
          return { hour, delivered: row?.delivered ?? 0, failed: row?.failed ?? 0, retrying: row?.retrying ?? 0 };
        }),
        latencyP50Ms: latency[0]?.p50 ?? null,
        latencyP95Ms: latency[0]?.p95 ?? null,
      };
    }),

  /** Tries a failed delivery again now, with a fresh retry window. */
  retryDelivery: tenantProcedure("OPERATOR")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const now = new Date();
      const updated = await ctx.db.alertDelivery.updateMany({
        where: { id: input.id, status: { in: ["FAILED", "SUPPRESSED"] } },
        data: { status: "PENDING", scheduledAt: now, nextAttemptAt: now, leaseUntil: null, error: null },
      });
      if (updated.count === 0) {
        const exists = await ctx.db.alertDelivery.count({ where: { id: input.id } });
        throw new TRPCError(
          exists
            ? {
                code: "CONFLICT",
                message:
                  "Only a failed or suppressed delivery can be retried; this one is still in progress or was delivered.",
              }
            : { code: "NOT_FOUND", message: "Alert delivery not found." },
        );
      }
      await audit(ctx, "alertDelivery.retry", { type: "AlertDelivery", id: input.id }, {});
      // The worker's sweep finds it within seconds anyway; this only makes it immediate.
      await enqueue(
        QUEUE_NAMES.alerts,
        "deliver",
        { deliveryId: input.id },
        { jobId: `deliver-${input.id}-retry-${now.getTime()}` },
      ).catch(() => undefined);
      return { id: input.id, status: "PENDING" as const };
    }),
});
