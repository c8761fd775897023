// Members and invitations. Admins manage members; only owners grant, change or remove the owner
// role; an organisation always keeps at least one owner.

import { TRPCError } from "@trpc/server";
import { generateToken, hashToken, type Prisma, type Role, type TenantDb } from "@tunnelwatch/db";
import { z } from "zod";
import { audit } from "../audit.ts";
import { type Page, pageArgs, pageInput } from "../pagination.ts";
import { ROLES } from "../roles.ts";
import { router, type TenantContext, tenantProcedure } from "../trpc.ts";

export const INVITATION_TTL_DAYS = 7;

const role = z.enum(ROLES as [Role, ...Role[]], { message: "Choose a role: owner, admin, operator or viewer" });
const id = z.string().min(1).max(64);

const MEMBER_NOT_FOUND = "Member not found.";
const INVITATION_NOT_FOUND = "Invitation not found.";

const OWNER_ONLY = "Only an owner can make someone an owner, or change or remove an owner.";

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/**
 * Runs a change to memberships with the organisation's row locked, so two owners demoting each
 * other at the same moment cannot leave it without an owner.
 */
function withTenantLocked<T>(ctx: TenantContext, run: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${ctx.tenantId} FOR UPDATE`;
    return run(tx);
  });
}

async function lockedMember(tx: Tx, membershipId: string) {
  const member = await tx.membership.findFirst({
    where: { id: membershipId },
    select: { id: true, role: true, userId: true, user: { select: { email: true, name: true } } },
  });
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: MEMBER_NOT_FOUND });
  return member;
}

async function assertNotLastOwner(tx: Tx, member: { role: Role; user: { email: string } }, action: string) {
  if (member.role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { role: "OWNER" } });
  if (owners <= 1) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `${member.user.email} is the last owner: make another member an owner before you ${action}.`,
    });
  }
}

const MEMBER_SELECT = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.MembershipSelect;

const INVITATION_SELECT = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  createdAt: true,
  invitedBy: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.InvitationSelect;

export const membersRouter = router({
  list: tenantProcedure("VIEWER")
    .input(pageInput.extend({ q: z.string().trim().max(100).optional(), role: role.optional() }))
    .query(async ({ ctx, input }) => {
      const where: Prisma.MembershipWhereInput = {
        ...(input.role ? { role: input.role } : {}),
        ...(input.q
          ? {
              user: {
                OR: [
                  { name: { contains: input.q, mode: "insensitive" } },
                  { email: { contains: input.q, mode: "insensitive" } },
                ],
              },
            }
          : {}),
      };
      const [rows, total, ownerCount] = await Promise.all([
        ctx.db.membership.findMany({
          where,
          select: MEMBER_SELECT,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          ...pageArgs(input),
        }),
        ctx.db.membership.count({ where }),
        ctx.db.membership.count({ where: { role: "OWNER" } }),
      ]);
      const page: Page<{
        id: string;
        userId: string;
        name: string | null;
        email: string;
        role: Role;
        joinedAt: Date;
        isMe: boolean;
      }> = {
        items: rows.map((m) => ({
          id: m.id,
          userId: m.user.id,
          name: m.user.name,
          email: m.user.email,
          role: m.role,
          joinedAt: m.createdAt,
          isMe: m.user.id === ctx.actor.userId,
        })),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
      return { ...page, ownerCount, myRole: ctx.role };
    }),

  changeRole: tenantProcedure("ADMIN")
    .input(z.object({ id, role }))
    .mutation(async ({ ctx, input }) => {
      const result = await withTenantLocked(ctx, async (tx) => {
        const member = await lockedMember(tx, input.id);
        if ((member.role === "OWNER" || input.role === "OWNER") && ctx.role !== "OWNER") {
          throw new TRPCError({ code: "FORBIDDEN", message: OWNER_ONLY });
        }
        if (member.role === input.role) return { member, changed: false };
        if (input.role !== "OWNER") await assertNotLastOwner(tx, member, "change their role");
        await tx.membership.updateMany({ where: { id: member.id }, data: { role: input.role } });
        return { member, changed: true };
      });
      if (result.changed) {
        await audit(
          ctx,
          "member.changeRole",
          { type: "Membership", id: input.id },
          { email: result.member.user.email, from: result.member.role, to: input.role },
        );
      }
      return { id: input.id, role: input.role };
    }),

  /** Removes a member (yourself included); the last owner cannot be removed. */
  remove: tenantProcedure("ADMIN")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const member = await withTenantLocked(ctx, async (tx) => {
        const found = await lockedMember(tx, input.id);
        if (found.role === "OWNER" && ctx.role !== "OWNER") {
          throw new TRPCError({ code: "FORBIDDEN", message: OWNER_ONLY });
        }
        await assertNotLastOwner(tx, found, "remove them");
        await tx.membership.deleteMany({ where: { id: found.id } });
        return found;
      });
      await audit(
        ctx,
        "member.remove",
        { type: "Membership", id: input.id },
        { email: member.user.email, role: member.role },
      );
      return { id: input.id };
    }),

  /** Leaves the organisation (any member); the last owner cannot leave. */
  leave: tenantProcedure("VIEWER").mutation(async ({ ctx }) => {
    const userId = ctx.actor.userId;
    if (!userId) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "API tokens are not members: revoke the token instead." });
    }
    const member = await withTenantLocked(ctx, async (tx) => {
      const mine = await tx.membership.findFirst({
        where: { userId },
        select: { id: true, role: true, userId: true, user: { select: { email: true, name: true } } },
      });
      if (!mine) throw new TRPCError({ code: "NOT_FOUND", message: MEMBER_NOT_FOUND });
      await assertNotLastOwner(tx, mine, "leave");
      await tx.membership.deleteMany({ where: { id: mine.id } });
      return mine;
    });
    await audit(ctx, "member.leave", { type: "Membership", id: member.id }, { email: member.user.email });
    return { id: member.id };
  }),

  /** Invites someone by email; the link is in this response only and works for 7 days. */
  invite: tenantProcedure("ADMIN")
    .input(
      z.object({
        email: z.email("Enter a valid email address").max(320),
        role,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.role === "OWNER" && ctx.role !== "OWNER") {
        throw new TRPCError({ code: "FORBIDDEN", message: "Only an owner can invite an owner." });
      }
      const email = input.email.toLowerCase();
      // Users are global: looked up unscoped, then their membership here through the scoped client.
      const user = await ctx.prisma.user.findUnique({ where: { email }, select: { id: true } });
      if (user) {
        const existing = await ctx.db.membership.findFirst({ where: { userId: user.id }, select: { role: true } });
        if (existing) {
          throw new TRPCError({
            code: "CONFLICT",
            message: `${email} is already a member (${existing.role.toLowerCase()}): change their role instead.`,
          });
        }
      }
      const token = generateToken("inv");
      const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
      const invitation = await ctx.db.$transaction(async (tx) => {
        // One live link per address: a new invitation replaces the previous one.
        await tx.invitation.updateMany({
          where: { email, acceptedAt: null, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        return tx.invitation.create({
          data: {
            tenantId: ctx.tenantId,
            email,
            role: input.role,
            tokenHash: hashToken(token),
            invitedById: ctx.actor.userId,
            expiresAt,
          },
          select: { id: true, email: true, role: true, expiresAt: true },
        });
      });
      await audit(
        ctx,
        "invitation.create",
        { type: "Invitation", id: invitation.id },
        { email, role: input.role, expiresAt: expiresAt.toISOString() },
      );
      return { ...invitation, path: `/invite/${token}` };
    }),

  /** Invitations not yet accepted, revoked or expired. */
  invitations: tenantProcedure("ADMIN")
    .input(pageInput)
    .query(async ({ ctx, input }): Promise<Page<Prisma.InvitationGetPayload<{ select: typeof INVITATION_SELECT }>>> => {
      const where: Prisma.InvitationWhereInput = { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } };
      const [items, total] = await Promise.all([
        ctx.db.invitation.findMany({
          where,
          select: INVITATION_SELECT,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageArgs(input),
        }),
        ctx.db.invitation.count({ where }),
      ]);
      return { items, total, page: input.page, pageSize: input.pageSize };
    }),

  revokeInvitation: tenantProcedure("ADMIN")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      const invitation = await ctx.db.invitation.findFirst({
        where: { id: input.id },
        select: { id: true, email: true, acceptedAt: true, revokedAt: true },
      });
      if (!invitation) throw new TRPCError({ code: "NOT_FOUND", message: INVITATION_NOT_FOUND });
      if (invitation.acceptedAt) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: `${invitation.email} already accepted this invitation: remove the member instead.`,
        });
      }
      if (!invitation.revokedAt) {
        await ctx.db.invitation.updateMany({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
        await audit(ctx, "invitation.revoke", { type: "Invitation", id: invitation.id }, { email: invitation.email });
      }
      return { id: invitation.id };
    }),
});
