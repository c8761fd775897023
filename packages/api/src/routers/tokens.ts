// API tokens for integrations: created by an admin, shown once, stored as a hash, revocable.
// What a token may do follows its scopes (packages/api/src/roles.ts): read = viewer,
// write = operator; administration always needs a signed-in person.

import { TRPCError } from "@trpc/server";
import { API_TOKEN_SCOPES, createApiToken, type Prisma } from "@tunnelwatch/db";
import { z } from "zod";
import { audit } from "../audit.ts";
import { type Page, pageArgs, pageInput } from "../pagination.ts";
import { router, tenantProcedure } from "../trpc.ts";

const TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.ApiTokenSelect;

type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof TOKEN_SELECT }>;

function present(row: TokenRow, now: Date) {
  const status = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return { ...row, status: status as "active" | "revoked" | "expired" };
}

export type ApiTokenView = ReturnType<typeof present>;

const NOT_FOUND = "API token not found.";

export const tokensRouter = router({
  list: tenantProcedure("ADMIN")
    .input(pageInput.extend({ status: z.enum(["all", "active", "inactive"]).default("all") }))
    .query(async ({ ctx, input }): Promise<Page<ApiTokenView>> => {
      const now = new Date();
      const active: Prisma.ApiTokenWhereInput = {
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      };
      const where: Prisma.ApiTokenWhereInput =
        input.status === "active" ? active : input.status === "inactive" ? { NOT: active } : {};
      const [rows, total] = await Promise.all([
        ctx.db.apiToken.findMany({
          where,
          select: TOKEN_SELECT,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageArgs(input),
        }),
        ctx.db.apiToken.count({ where }),
      ]);
      return { items: rows.map((row) => present(row, now)), total, page: input.page, pageSize: input.pageSize };
    }),

  /** Creates a token; the secret is in this response only. */
  create: tenantProcedure("ADMIN")
    .input(
      z.object({
        name: z.string().trim().min(1, "Name the token after what uses it, e.g. ticketing-sync").max(100),
        scopes: z
          .array(z.enum(API_TOKEN_SCOPES))
          .min(1, 'Choose at least one scope: "read" to view, "write" to also act on incidents')
          .max(API_TOKEN_SCOPES.length)
          .transform((scopes) => [...new Set(scopes)]),
        expiresInDays: z
          .number()
          .int()
          .min(1, "Expire after 1 day or more, or leave empty for no expiry")
          .max(3650, "Expire within 3650 days, or leave empty for no expiry")
          .nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
      // createApiToken takes the unscoped client and writes the tenant it is given: this one.
      const created = await createApiToken(ctx.prisma, {
        tenantId: ctx.tenantId,
        name: input.name,
        scopes: input.scopes,
        createdById: ctx.actor.userId,
        expiresAt,
      });
      await audit(
        ctx,
        "apiToken.create",
        { type: "ApiToken", id: created.id },
        { name: input.name, scopes: input.scopes, prefix: created.prefix, expiresAt: expiresAt?.toISOString() ?? null },
      );
      return {
        id: created.id,
        name: input.name,
        prefix: created.prefix,
        scopes: input.scopes,
        expiresAt,
        token: created.token,
      };
    }),

  /** Revokes a token at once: its next request is refused. Revoking twice is harmless. */
  revoke: tenantProcedure("ADMIN")
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const token = await ctx.db.apiToken.findFirst({
        where: { id: input.id },
        select: { id: true, name: true, revokedAt: true },
      });
      if (!token) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
      if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
      const revokedAt = new Date();
      await ctx.db.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt } });
      await audit(ctx, "apiToken.revoke", { type: "ApiToken", id: token.id }, { name: token.name });
      return { id: token.id, revokedAt };
    }),
});
