import type { Prisma } from "@tunnelwatch/db";
import type { TenantContext } from "./trpc.ts";

/** Where an audit row is written: the tenant-scoped client, or a transaction opened on it. */
type AuditDb = { auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> } };

/** Records a change in the organisation's audit log (who, what, on which object, from where). */
export async function audit(
  ctx: Pick<TenantContext, "actor" | "ip" | "tenantId"> & { db: AuditDb },
  action: string,
  target: { type: string; id?: string | null },
  details: Prisma.InputJsonValue = {},
): Promise<void> {
  await ctx.db.auditLog.create({
    data: {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      actorTokenId: ctx.actor.tokenId,
      action,
      targetType: target.type,
      targetId: target.id ?? null,
      details,
      ip: ctx.ip,
    },
  });
}
