// tRPC plumbing shared by every router: the caller (a signed-in person or an API token), the
// one middleware that resolves the caller's tenant and role, and the procedure kinds. Every
// procedure states in its meta who may call it; a test checks that none is left without.

import { initTRPC, TRPCError } from "@trpc/server";
import { type PrismaClient, type Role, type TenantDb, tenantDb } from "@tunnelwatch/db";
import superjson from "superjson";
import { ZodError } from "zod";
import { hasRole, roleOfTokenScopes } from "./roles.ts";

export type Caller =
  | { kind: "user"; userId: string }
  | { kind: "token"; tokenId: string; tenantId: string; scopes: string[] }
  | { kind: "anonymous"; reason?: string };

export interface ApiContext {
  /** Unscoped client: only for rows that belong to no tenant (users, memberships by user). */
  prisma: PrismaClient;
  caller: Caller;
  /** The organisation the request names (slug or id), from the x-tunnelwatch-tenant header or the tenant cookie. */
  tenantHint: string | null;
  ip: string | null;
}

/** PUBLIC: anyone; USER: a signed-in person, no organisation needed; a Role: a member (or token) with at least that role. */
export type Access = "PUBLIC" | "USER" | Role;
export interface ApiMeta {
  access: Access;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ApiMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // Input errors name the field and the problem; nothing else of the server leaks out.
      const issues =
        error.cause instanceof ZodError
          ? error.cause.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }))
          : undefined;
      return { ...shape, data: { ...shape.data, stack: undefined, issues } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = t.procedure.meta({ access: "PUBLIC" });

export const userProcedure = t.procedure.meta({ access: "USER" }).use(({ ctx, next }) => {
  if (ctx.caller.kind === "token") {
    throw new TRPCError({ code: "FORBIDDEN", message: "This needs a signed-in person; API tokens cannot call it." });
  }
  if (ctx.caller.kind !== "user") throw unauthenticated(ctx.caller);
  return next({ ctx: { ...ctx, userId: ctx.caller.userId } });
});

function unauthenticated(caller: Caller): TRPCError {
  return new TRPCError({
    code: "UNAUTHORIZED",
    message:
      caller.kind === "anonymous" && caller.reason
        ? caller.reason
        : "Sign in, or send an API token: Authorization: Bearer <token>.",
  });
}

const NOT_A_MEMBER = "Organisation not found, or you are not a member of it.";

export interface TenantScope {
  tenantId: string;
  role: Role;
  db: TenantDb;
  /** Who acts, for audit and activity records. */
  actor: { userId: string | null; tokenId: string | null };
}

/** Resolves the caller's tenant and role; refuses callers below the procedure's role. */
async function resolveTenant(ctx: ApiContext, needed: Role): Promise<TenantScope> {
  const caller = ctx.caller;
  if (caller.kind === "anonymous") throw unauthenticated(caller);
  if (caller.kind === "token") {
    if (ctx.tenantHint) {
      const named = await ctx.prisma.tenant.findFirst({
        where: { OR: [{ id: ctx.tenantHint }, { slug: ctx.tenantHint }] },
        select: { id: true },
      });
      if (named?.id !== caller.tenantId) throw new TRPCError({ code: "NOT_FOUND", message: NOT_A_MEMBER });
    }
    const role = roleOfTokenScopes(caller.scopes);
    if (!hasRole(role, needed)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message:
          needed === "OPERATOR"
            ? 'This needs an API token with the "write" scope.'
            : "API tokens cannot administer an organisation: sign in as an admin.",
      });
    }
    return {
      tenantId: caller.tenantId,
      role,
      db: tenantDb(caller.tenantId),
      actor: { userId: null, tokenId: caller.tokenId },
    };
  }
  const membership = await ctx.prisma.membership.findFirst({
    where: {
      userId: caller.userId,
      ...(ctx.tenantHint ? { tenant: { OR: [{ id: ctx.tenantHint }, { slug: ctx.tenantHint }] } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { tenantId: true, role: true },
  });
  if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: NOT_A_MEMBER });
  if (!hasRole(membership.role, needed)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `This needs the ${needed.toLowerCase()} role or higher; you are ${membership.role === "ADMIN" || membership.role === "OPERATOR" || membership.role === "OWNER" ? "an" : "a"} ${membership.role.toLowerCase()}.`,
    });
  }
  return {
    tenantId: membership.tenantId,
    role: membership.role,
    db: tenantDb(membership.tenantId),
    actor: { userId: caller.userId, tokenId: null },
  };
}

/** A procedure on the caller's organisation, for members (or tokens) with at least `role`. */
export function tenantProcedure(role: Role) {
  return t.procedure.meta({ access: role }).use(async ({ ctx, next }) => {
    const scope = await resolveTenant(ctx, role);
    return next({ ctx: { ...ctx, ...scope } });
  });
}

export type TenantContext = ApiContext & TenantScope;
