// The organisation's audit log: who changed what, on which object, from where. Newest first,
// filtered in SQL on the (tenantId, action, createdAt) and (tenantId, createdAt) indexes.

import type { Prisma } from "@tunnelwatch/db";
import { z } from "zod";
import { type Page, pageArgs, pageInput } from "../pagination.ts";
import { router, tenantProcedure } from "../trpc.ts";

export interface AuditEntry {
  /** AuditLog.id is a BigInt: a string here. */
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Prisma.JsonValue;
  ip: string | null;
  actor:
    | { kind: "user"; id: string; label: string; email: string | null }
    | { kind: "token"; id: string; label: string }
    | { kind: "system"; label: string };
}

const text = z.string().trim().max(200);

export const auditRouter = router({
  list: tenantProcedure("ADMIN")
    .input(
      pageInput.extend({
        /** "apiToken" matches apiToken.create and apiToken.revoke. */
        action: text.optional(),
        actorUserId: z.string().max(64).optional(),
        actorTokenId: z.string().max(64).optional(),
        targetType: text.optional(),
        targetId: text.optional(),
        from: z.coerce.date().optional(),
        to: z.coerce.date().optional(),
      }),
    )
    .query(async ({ ctx, input }): Promise<Page<AuditEntry>> => {
      const where: Prisma.AuditLogWhereInput = {
        ...(input.action ? { action: { startsWith: input.action } } : {}),
        ...(input.actorUserId ? { actorUserId: input.actorUserId } : {}),
        ...(input.actorTokenId ? { actorTokenId: input.actorTokenId } : {}),
        ...(input.targetType ? { targetType: input.targetType } : {}),
        ...(input.targetId ? { targetId: input.targetId } : {}),
        ...(input.from || input.to
          ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
          : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.db.auditLog.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: {
            id: true,
            createdAt: true,
            action: true,
            targetType: true,
            targetId: true,
            details: true,
            ip: true,
            actorUserId: true,
            actorTokenId: true,
            actor: { select: { name: true, email: true } },
          },
          ...pageArgs(input),
        }),
        ctx.db.auditLog.count({ where }),
      ]);
      // Token names for the page's rows in one query (the log keeps the token id, not a relation).
      const tokenIds = [...new Set(rows.flatMap((r) => (r.actorTokenId ? [r.actorTokenId] : [])))];
      const tokens = tokenIds.length
        ? await ctx.db.apiToken.findMany({
            where: { id: { in: tokenIds } },
            select: { id: true, name: true },
            take: tokenIds.length,
          })
        : [];
      const tokenNames = new Map(tokens.map((t) => [t.id, t.name]));
      const items = rows.map((row): AuditEntry => {
        const actor: AuditEntry["actor"] = row.actorTokenId
          ? {
              kind: "token",
              id: row.actorTokenId,
              label: `API token ${tokenNames.get(row.actorTokenId) ?? "(deleted)"}`,
            }
          : row.actorUserId
            ? {
                kind: "user",
                id: row.actorUserId,
                label: row.actor?.name || row.actor?.email || "(deleted user)",
                email: row.actor?.email ?? null,
              }
            : { kind: "system", label: "Tunnelwatch" };
        return {
          id: row.id.toString(),
          createdAt: row.createdAt,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          details: row.details,
          ip: row.ip,
          actor,
        };
      });
      return { items, total, page: input.page, pageSize: input.pageSize };
    }),
});
