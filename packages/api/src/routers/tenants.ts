// Sign-up, the organisations a person belongs to (tenant switcher), and accepting invitations.

import { TRPCError } from "@trpc/server";
import { generateToken, hashPassword, hashToken, MIN_PASSWORD_LENGTH, type PrismaClient } from "@tunnelwatch/db";
import { z } from "zod";
import { audit } from "../audit.ts";
import { publicProcedure, router, tenantProcedure, userProcedure } from "../trpc.ts";

const organisationName = z.string().trim().min(2, "Name the organisation (2 characters or more)").max(100);

function slugBase(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

/** A slug nobody uses yet: the name's, or the name's with a short random suffix. */
async function freeSlug(prisma: PrismaClient, name: string): Promise<string> {
  const base = slugBase(name);
  if (!(await prisma.tenant.findUnique({ where: { slug: base }, select: { id: true } }))) return base;
  for (;;) {
    const candidate = `${base}-${generateToken("x", 4)
      .slice(2, 8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "0")}`;
    if (!(await prisma.tenant.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

async function createOrganisation(prisma: PrismaClient, userId: string, name: string, ip: string | null) {
  const slug = await freeSlug(prisma, name);
  return prisma.$transaction(async (tx) => {
    const tenant = await tx.tenant.create({ data: { name, slug }, select: { id: true, slug: true, name: true } });
    await tx.membership.create({ data: { tenantId: tenant.id, userId, role: "OWNER" } });
    await tx.auditLog.create({
      data: {
        tenantId: tenant.id,
        actorUserId: userId,
        action: "organisation.create",
        targetType: "Tenant",
        targetId: tenant.id,
        details: { name },
        ip,
      },
    });
    return tenant;
  });
}

export const tenantsRouter = router({
  /** Creates a person and their first organisation, with them as its owner. */
  signUp: publicProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, "Enter your name").max(100),
        email: z.email("Enter a valid email address").max(320),
        password: z
          .string()
          .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
          .max(1024, "Use at most 1024 characters"),
        organisation: organisationName,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const email = input.email.toLowerCase();
      const existing = await ctx.prisma.user.findUnique({ where: { email }, select: { id: true } });
      if (existing) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "An account with this email already exists: sign in instead.",
        });
      }
      const user = await ctx.prisma.user.create({
        data: { email, name: input.name, passwordHash: await hashPassword(input.password) },
        select: { id: true, email: true },
      });
      const tenant = await createOrganisation(ctx.prisma, user.id, input.organisation, ctx.ip);
      return { userId: user.id, email: user.email, tenant };
    }),

  /** The organisations the signed-in person belongs to, with their role in each. */
  mine: userProcedure.query(async ({ ctx }) => {
    const memberships = await ctx.prisma.membership.findMany({
      where: { userId: ctx.userId },
      orderBy: { createdAt: "asc" },
      select: { role: true, tenant: { select: { id: true, slug: true, name: true } } },
    });
    return memberships.map((m) => ({ ...m.tenant, role: m.role }));
  }),

  /** Another organisation, owned by the signed-in person (managed service providers run several). */
  create: userProcedure
    .input(z.object({ name: organisationName }))
    .mutation(({ ctx, input }) => createOrganisation(ctx.prisma, ctx.userId, input.name, ctx.ip)),

  /** The organisation this request acts on, and the caller's role in it. */
  current: tenantProcedure("VIEWER").query(async ({ ctx }) => {
    const tenant = await ctx.db.tenant.findFirstOrThrow({
      select: {
        id: true,
        slug: true,
        name: true,
        incidentOpenDelaySec: true,
        incidentResolveDelaySec: true,
        retentionDays: true,
      },
    });
    return { ...tenant, role: ctx.role, isToken: ctx.actor.tokenId !== null };
  }),

  /** Hysteresis and retention: how long a fault must last before an incident opens, and so on. */
  updateSettings: tenantProcedure("ADMIN")
    .input(
      z.object({
        name: organisationName.optional(),
        incidentOpenDelaySec: z.number().int().min(0).max(3600).optional(),
        incidentResolveDelaySec: z.number().int().min(0).max(3600).optional(),
        retentionDays: z.number().int().min(7).max(3650).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.db.tenant.updateMany({ data: input });
      await audit(ctx, "organisation.update", { type: "Tenant", id: ctx.tenantId }, input);
      return { ok: true };
    }),

  /** Joins the organisation an invitation link names, with the invitation's role. */
  acceptInvitation: userProcedure
    .input(z.object({ token: z.string().min(10).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const invitation = await ctx.prisma.invitation.findUnique({
        where: { tokenHash: hashToken(input.token) },
        select: {
          id: true,
          tenantId: true,
          role: true,
          email: true,
          expiresAt: true,
          acceptedAt: true,
          revokedAt: true,
        },
      });
      if (!invitation || invitation.revokedAt || invitation.acceptedAt || invitation.expiresAt < new Date()) {
        throw new TRPCError({
          code: "NOT_FOUND",
          message: "This invitation link is unknown, used, revoked or expired. Ask for a new one.",
        });
      }
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { email: true } });
      if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `This invitation is for ${invitation.email}; sign in with that address to accept it.`,
        });
      }
      const tenant = await ctx.prisma.$transaction(async (tx) => {
        await tx.membership.upsert({
          where: { tenantId_userId: { tenantId: invitation.tenantId, userId: ctx.userId } },
          create: { tenantId: invitation.tenantId, userId: ctx.userId, role: invitation.role },
          update: {},
        });
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
        await tx.auditLog.create({
          data: {
            tenantId: invitation.tenantId,
            actorUserId: ctx.userId,
            action: "invitation.accept",
            targetType: "Invitation",
            targetId: invitation.id,
            details: { role: invitation.role },
            ip: ctx.ip,
          },
        });
        return tx.tenant.findUniqueOrThrow({
          where: { id: invitation.tenantId },
          select: { id: true, slug: true, name: true },
        });
      });
      return tenant;
    }),
});
