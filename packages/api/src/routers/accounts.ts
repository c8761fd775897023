// Cloud accounts: the AWS accounts, Alibaba Cloud accounts and Anypoint organisations the worker
// polls. Credentials go in sealed and never come out: no procedure selects credentialsCipher
// except `test`, which opens it server-side to call the provider.
//
// Schedules follow the database: the worker reconciles its job schedulers with the accounts
// (apps/worker/src/pipeline/schedules.ts) every 30 s, and at once when asked to here.

import { TRPCError } from "@trpc/server";
import type { Prisma, TenantDb } from "@tunnelwatch/db";
import { z } from "zod";
import {
  type AccountDraft,
  accountDraftShape,
  accountName,
  accountTarget,
  credentialsByProvider,
  draftTarget,
  endpointOverride,
  externalAccountId,
  intervalSec,
  PROVIDERS,
  regionsByProvider,
  sealCredentials,
  testProviderTarget,
} from "../admin/cloud-accounts.ts";
import { credentialKeyring } from "../admin/keyring.ts";
import { assertOutboundAllowed } from "../admin/outbound-address.ts";
import { requestPurgeOfDeletedAccounts, requestReconcile, requestSync } from "../admin/queue.ts";
import { audit } from "../audit.ts";
import { type Page, pageArgs, pageInput } from "../pagination.ts";
import { router, tenantProcedure } from "../trpc.ts";

const ACCOUNT_SELECT = {
  id: true,
  provider: true,
  name: true,
  externalAccountId: true,
  regions: true,
  endpointOverride: true,
  statusIntervalSec: true,
  logsIntervalSec: true,
  isPaused: true,
  syncState: true,
  lastSyncAt: true,
  lastSuccessAt: true,
  lastError: true,
  failingSince: true,
  consecutiveFailures: true,
  unavailable: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { connections: { where: { deletedAt: null } } } },
} as const satisfies Prisma.CloudAccountSelect;

type AccountRow = Prisma.CloudAccountGetPayload<{ select: typeof ACCOUNT_SELECT }>;

function present({ _count, unavailable, ...account }: AccountRow) {
  return {
    ...account,
    unavailable: (unavailable && typeof unavailable === "object" && !Array.isArray(unavailable)
      ? unavailable
      : {}) as Record<string, string>,
    connectionCount: _count.connections,
  };
}

export type CloudAccountView = ReturnType<typeof present>;

const NOT_FOUND = "Cloud account not found.";
const accountId = z.string().min(1).max(64);

async function findAccount(ctx: { db: TenantDb }, id: string) {
  const account = await ctx.db.cloudAccount.findFirst({
    where: { id },
    select: { id: true, name: true, provider: true, isPaused: true },
  });
  if (!account) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  return account;
}

const commonFields = {
  name: accountName,
  endpointOverride,
  externalAccountId,
  statusIntervalSec: intervalSec("status").default(60),
  logsIntervalSec: intervalSec("logs").default(60),
};

const createInput = accountDraftShape(commonFields);

// The provider cannot change; every other field is optional, and credentials are replaced only
// when given (the stored ones are never shown, so the form leaves them empty to keep them).
const updateFields = {
  id: accountId,
  name: accountName.optional(),
  endpointOverride: endpointOverride.optional(),
  externalAccountId: externalAccountId.optional(),
  statusIntervalSec: intervalSec("status").optional(),
  logsIntervalSec: intervalSec("logs").optional(),
};
const updateInput = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("AWS"),
    regions: regionsByProvider.AWS.optional(),
    credentials: credentialsByProvider.AWS.optional(),
    ...updateFields,
  }),
  z.object({
    provider: z.literal("ALIBABA"),
    regions: regionsByProvider.ALIBABA.optional(),
    credentials: credentialsByProvider.ALIBABA.optional(),
    ...updateFields,
  }),
  z.object({
    provider: z.literal("MULESOFT"),
    regions: regionsByProvider.MULESOFT.optional(),
    credentials: credentialsByProvider.MULESOFT.optional(),
    ...updateFields,
  }),
]);

export const accountsRouter = router({
  /** The accounts with their sync state and last error; never their credentials. */
  list: tenantProcedure("VIEWER")
    .input(
      pageInput.extend({
        provider: z.enum(PROVIDERS).optional(),
        syncState: z.enum(["PENDING", "OK", "FAILING", "PAUSED"]).optional(),
        q: z.string().trim().max(100).optional(),
      }),
    )
    .query(async ({ ctx, input }): Promise<Page<CloudAccountView>> => {
      const where: Prisma.CloudAccountWhereInput = {
        ...(input.provider ? { provider: input.provider } : {}),
        ...(input.syncState ? { syncState: input.syncState } : {}),
        ...(input.q
          ? {
              OR: [
                { name: { contains: input.q, mode: "insensitive" } },
                { externalAccountId: { contains: input.q, mode: "insensitive" } },
              ],
            }
          : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.db.cloudAccount.findMany({
          where,
          select: ACCOUNT_SELECT,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          ...pageArgs(input),
        }),
        ctx.db.cloudAccount.count({ where }),
      ]);
      return { items: rows.map(present), total, page: input.page, pageSize: input.pageSize };
    }),

  byId: tenantProcedure("VIEWER")
    .input(z.object({ id: accountId }))
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.cloudAccount.findFirst({ where: { id: input.id }, select: ACCOUNT_SELECT });
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
      return present(row);
    }),

  /** Adds an account; its credentials are sealed with the worker's keyring, bound to this organisation. */
  create: tenantProcedure("ADMIN")
    .input(createInput)
    .mutation(async ({ ctx, input }) => {
      if (input.endpointOverride) await assertOutboundAllowed(input.endpointOverride, "endpoint override");
      const sealed = sealCredentials(credentialKeyring(), ctx.tenantId, input.credentials);
      const externalId = input.externalAccountId ?? (input.provider === "MULESOFT" ? input.credentials.orgId : null);
      const created = await ctx.db.cloudAccount.create({
        data: {
          tenantId: ctx.tenantId,
          provider: input.provider,
          name: input.name,
          regions: input.regions,
          endpointOverride: input.endpointOverride,
          externalAccountId: externalId,
          statusIntervalSec: input.statusIntervalSec,
          logsIntervalSec: input.logsIntervalSec,
          ...sealed,
        },
        select: ACCOUNT_SELECT,
      });
      await audit(
        ctx,
        "cloudAccount.create",
        { type: "CloudAccount", id: created.id },
        {
          name: created.name,
          provider: created.provider,
          regions: created.regions,
          endpointOverride: created.endpointOverride,
          statusIntervalSec: created.statusIntervalSec,
          logsIntervalSec: created.logsIntervalSec,
        },
      );
      // Schedules now, and a first poll so the fleet fills in without waiting for the interval.
      await requestReconcile("cloud account added");
      await requestSync(created, { bestEffort: true });
      return present(created);
    }),

  update: tenantProcedure("ADMIN")
    .input(updateInput)
    .mutation(async ({ ctx, input }) => {
      const existing = await ctx.db.cloudAccount.findFirst({
        where: { id: input.id },
        select: { id: true, name: true, provider: true, isPaused: true, regions: true, endpointOverride: true },
      });
      if (!existing) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
      if (existing.provider !== input.provider) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `This is a ${existing.provider} account; its provider cannot change. Add a new account instead.`,
        });
      }
      const { id, provider, credentials, ...fields } = input;
      if (fields.endpointOverride) await assertOutboundAllowed(fields.endpointOverride, "endpoint override");
      const changes: Prisma.CloudAccountUpdateManyMutationInput = {};
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
      }
      if (credentials) Object.assign(changes, sealCredentials(credentialKeyring(), ctx.tenantId, credentials));
      // The form sends every field: only a real change of where or how to reach the provider counts.
      const reachChanged =
        credentials !== undefined ||
        (fields.regions !== undefined && fields.regions.join(",") !== existing.regions.join(",")) ||
        (fields.endpointOverride !== undefined && fields.endpointOverride !== existing.endpointOverride);
      if (reachChanged && !existing.isPaused) {
        // New credentials or a new place to look: start over rather than keep the old failure's backoff.
        Object.assign(changes, { syncState: "PENDING", consecutiveFailures: 0, failingSince: null, lastError: null });
      }
      await ctx.db.cloudAccount.updateMany({ where: { id }, data: changes });
      await audit(
        ctx,
        "cloudAccount.update",
        { type: "CloudAccount", id },
        { ...fields, provider, credentialsReplaced: credentials !== undefined },
      );
      await requestReconcile("cloud account changed");
      if (reachChanged && !existing.isPaused) await requestSync(existing, { bestEffort: true });
      const row = await ctx.db.cloudAccount.findFirstOrThrow({ where: { id }, select: ACCOUNT_SELECT });
      return present(row);
    }),

  /** Pauses or resumes polling: a paused account keeps its data and loses its schedules. */
  setPaused: tenantProcedure("ADMIN")
    .input(z.object({ id: accountId, isPaused: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const existing = await findAccount(ctx, input.id);
      if (existing.isPaused !== input.isPaused) {
        await ctx.db.cloudAccount.updateMany({
          where: { id: input.id },
          data: input.isPaused
            ? { isPaused: true, syncState: "PAUSED" }
            : { isPaused: false, syncState: "PENDING", consecutiveFailures: 0, failingSince: null },
        });
        await audit(
          ctx,
          input.isPaused ? "cloudAccount.pause" : "cloudAccount.resume",
          { type: "CloudAccount", id: input.id },
          { name: existing.name },
        );
        await requestReconcile(input.isPaused ? "cloud account paused" : "cloud account resumed");
        if (!input.isPaused) await requestSync(existing, { bestEffort: true });
      }
      return { id: input.id, isPaused: input.isPaused };
    }),

  /** Deletes the account with its connections, tunnels and their history. */
  delete: tenantProcedure("ADMIN")
    .input(z.object({ id: accountId }))
    .mutation(async ({ ctx, input }) => {
      const existing = await findAccount(ctx, input.id);
      // An account's history can hold millions of rows: deleting them here would outlast the
      // request. The account and its connections disappear now; housekeeping removes their
      // data in batches (purge-deleted-accounts).
      const now = new Date();
      const count = await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.cloudAccount.updateMany({
          where: { id: input.id },
          data: { deletedAt: now, isPaused: true },
        });
        if (count > 0) {
          await tx.vpnConnection.updateMany({
            where: { cloudAccountId: input.id, deletedAt: null },
            data: { deletedAt: now },
          });
        }
        return count;
      });
      if (count === 0) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
      await audit(
        ctx,
        "cloudAccount.delete",
        { type: "CloudAccount", id: input.id },
        { name: existing.name, provider: existing.provider },
      );
      await requestReconcile("cloud account deleted");
      await requestPurgeOfDeletedAccounts();
      return { id: input.id };
    }),

  /** Checks the stored credentials against the provider now (one status fetch, ~20 s at most). */
  test: tenantProcedure("ADMIN")
    .input(z.object({ id: accountId }))
    .mutation(async ({ ctx, input }) => {
      const account = await ctx.db.cloudAccount.findFirst({
        where: { id: input.id },
        select: {
          id: true,
          name: true,
          tenantId: true,
          provider: true,
          regions: true,
          endpointOverride: true,
          credentialsCipher: true,
          credentialsKeyId: true,
        },
      });
      if (!account) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
      if (account.endpointOverride) await assertOutboundAllowed(account.endpointOverride, "endpoint override");
      const keyring = credentialKeyring();
      let target: ReturnType<typeof accountTarget>;
      try {
        target = accountTarget(keyring, account);
      } catch (error) {
        // The crypto layer's messages name the key id, never the secret.
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          connections: 0,
          unavailable: {},
          message: `The stored credentials cannot be opened: ${reason}. Enter the credentials again.`,
        };
      }
      const result = await testProviderTarget(account.provider, target);
      await audit(
        ctx,
        "cloudAccount.test",
        { type: "CloudAccount", id: account.id },
        { ok: result.ok, connections: result.connections },
      );
      return result;
    }),

  /** Checks credentials before they are saved (the add form's "Test" button); stores nothing. */
  testCredentials: tenantProcedure("ADMIN")
    .input(accountDraftShape({ endpointOverride }))
    .mutation(async ({ input }) => {
      if (input.endpointOverride) await assertOutboundAllowed(input.endpointOverride, "endpoint override");
      const draft: AccountDraft = input;
      return testProviderTarget(input.provider, draftTarget(draft, input.endpointOverride));
    }),

  /** Polls the account's status (and pulls its logs) now instead of at the next interval. */
  syncNow: tenantProcedure("OPERATOR")
    .input(z.object({ id: accountId }))
    .mutation(async ({ ctx, input }) => {
      const account = await findAccount(ctx, input.id);
      if (account.isPaused) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: `${account.name} is paused: resume it to sync.`,
        });
      }
      await requestSync(account, { bestEffort: false });
      await audit(ctx, "cloudAccount.sync", { type: "CloudAccount", id: account.id }, { name: account.name });
      return { queued: true };
    }),
});
