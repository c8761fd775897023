// API tokens and invitations over a real PostgreSQL: tokens shown once and revocable, the
// invitation link flow with tenants.acceptInvitation, role refusals and cross-tenant NOT_FOUND.
import { hashToken, verifyApiToken } from "@tunnelwatch/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminFixture, adminFixture, codeOf } from "./admin-helpers.ts";

let f: AdminFixture;
beforeAll(async () => {
  f = await adminFixture("access");
});
afterAll(async () => {
  await f?.close();
});

describe("tokens router", () => {
  it("creates a token shown once, lists it without the secret, and revokes it", async () => {
    const admin = await f.api("ADMIN");
    const created = await admin.tokens.create({ name: "ticketing", scopes: ["read", "read"], expiresInDays: 30 });
    expect(created.token).toMatch(/^tw_/);
    expect(created.scopes).toEqual(["read"]);
    expect(created.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // The token works as a read-only caller of its organisation.
    const asToken = await f.api({ token: created.token });
    expect((await asToken.tenants.current()).id).toBe(f.tenantA);
    expect(await codeOf(asToken.tokens.list({}))).toBe("FORBIDDEN");

    const list = await admin.tokens.list({});
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      name: "ticketing",
      prefix: created.prefix,
      status: "active",
      createdBy: { email: "admin@acme.test" },
    });
    const text = JSON.stringify(list);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(hashToken(created.token));

    expect(await verifyApiToken(f.prisma, created.token)).not.toBeNull();
    await admin.tokens.revoke({ id: created.id });
    expect(await verifyApiToken(f.prisma, created.token)).toBeNull();
    await expect((await f.api({ token: created.token })).tenants.current()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const revoked = await admin.tokens.list({ status: "inactive" });
    expect(revoked.items.map((t) => t.status)).toEqual(["revoked"]);
    expect((await admin.tokens.list({ status: "active" })).total).toBe(0);
    // Revoking twice is harmless and audited once.
    await admin.tokens.revoke({ id: created.id });
    const audits = await f.prisma.auditLog.findMany({ where: { targetId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["apiToken.create", "apiToken.revoke"]);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(created.token);
  });

  it("validates input and refuses non-admins and other tenants", async () => {
    const admin = await f.api("ADMIN");
    expect(await codeOf(admin.tokens.create({ name: "", scopes: [] }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.tokens.create({ name: "x", scopes: ["admin" as "read"] }))).toBe("BAD_REQUEST");
    const created = await admin.tokens.create({ name: "ci", scopes: ["read", "write"] });
    for (const who of ["VIEWER", "OPERATOR"] as const) {
      const api = await f.api(who);
      expect(await codeOf(api.tokens.list({}))).toBe("FORBIDDEN");
      expect(await codeOf(api.tokens.create({ name: "mine", scopes: ["write"] }))).toBe("FORBIDDEN");
      expect(await codeOf(api.tokens.revoke({ id: created.id }))).toBe("FORBIDDEN");
    }
    const writeToken = await f.api({ token: created.token });
    expect(await codeOf(writeToken.tokens.create({ name: "escalate", scopes: ["write"] }))).toBe("FORBIDDEN");
    const other = await f.api("OTHER");
    expect(await codeOf(other.tokens.revoke({ id: created.id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.tokens.revoke({ id: "nope" }))).toBe("NOT_FOUND");
    expect((await other.tokens.list({})).total).toBe(0);
    expect(await verifyApiToken(f.prisma, created.token)).not.toBeNull();
  });
});

describe("invitations", () => {
  const tokenOf = (path: string) => path.replace(/^\/invite\//, "");

  it("invites by link, refuses the wrong person, and joins the right one with the invited role", async () => {
    const admin = await f.api("ADMIN");
    expect(await codeOf(admin.members.invite({ email: "boss@acme.test", role: "OWNER" }))).toBe("FORBIDDEN");
    expect(await codeOf(admin.members.invite({ email: "viewer@acme.test", role: "ADMIN" }))).toBe("CONFLICT");
    expect(await codeOf(admin.members.invite({ email: "not-an-email", role: "VIEWER" }))).toBe("BAD_REQUEST");
    expect(await codeOf((await f.api("VIEWER")).members.invite({ email: "x@acme.test", role: "VIEWER" }))).toBe(
      "FORBIDDEN",
    );

    const invited = await admin.members.invite({ email: "New.Person@Example.test", role: "OPERATOR" });
    expect(invited.email).toBe("new.person@example.test");
    expect(invited.path).toMatch(/^\/invite\/inv_/);
    const stored = await f.prisma.invitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(stored.tokenHash).toBe(hashToken(tokenOf(invited.path)));
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);

    const pending = await admin.members.invitations({});
    expect(pending.items.map((i) => i.email)).toEqual(["new.person@example.test"]);
    expect(JSON.stringify(pending)).not.toContain(tokenOf(invited.path));

    // Someone else signed in with the link is refused and nothing is used up.
    const stranger = await f.prisma.user.create({ data: { email: "stranger@example.test" } });
    expect(
      await codeOf((await f.api({ userId: stranger.id })).tenants.acceptInvitation({ token: tokenOf(invited.path) })),
    ).toBe("FORBIDDEN");

    const person = await f.prisma.user.create({ data: { email: "new.person@example.test", name: "New Person" } });
    const joined = await (await f.api({ userId: person.id })).tenants.acceptInvitation({
      token: tokenOf(invited.path),
    });
    expect(joined.slug).toBe("acme");
    const member = await f.prisma.membership.findUniqueOrThrow({
      where: { tenantId_userId: { tenantId: f.tenantA, userId: person.id } },
    });
    expect(member.role).toBe("OPERATOR");
    expect((await admin.members.invitations({})).total).toBe(0);
    // A used link does not work twice.
    expect(
      await codeOf((await f.api({ userId: stranger.id })).tenants.acceptInvitation({ token: tokenOf(invited.path) })),
    ).toBe("NOT_FOUND");
  });

  it("refuses expired and revoked links; a new invitation replaces the previous one", async () => {
    const owner = await f.api("OWNER");
    const person = await f.prisma.user.create({ data: { email: "late@example.test" } });
    const asPerson = await f.api({ userId: person.id });

    const expired = await owner.members.invite({ email: "late@example.test", role: "VIEWER" });
    await f.prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await codeOf(asPerson.tenants.acceptInvitation({ token: tokenOf(expired.path) }))).toBe("NOT_FOUND");

    const first = await owner.members.invite({ email: "late@example.test", role: "VIEWER" });
    const second = await owner.members.invite({ email: "late@example.test", role: "OWNER" });
    expect(await codeOf(asPerson.tenants.acceptInvitation({ token: tokenOf(first.path) }))).toBe("NOT_FOUND");

    const other = await f.api("OTHER");
    expect(await codeOf(other.members.revokeInvitation({ id: second.id }))).toBe("NOT_FOUND");
    await owner.members.revokeInvitation({ id: second.id });
    expect(await codeOf(asPerson.tenants.acceptInvitation({ token: tokenOf(second.path) }))).toBe("NOT_FOUND");
    expect(await f.prisma.membership.count({ where: { tenantId: f.tenantA, userId: person.id } })).toBe(0);
    const actions = (
      await f.prisma.auditLog.findMany({ where: { targetType: "Invitation" }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === "invitation.create").length).toBe(4);
    expect(actions).toContain("invitation.revoke");
    expect(actions).toContain("invitation.accept");
  });
});
