// Members over a real PostgreSQL: only owners touch owners, the last owner stays, anyone may
// leave, and other tenants' members are invisible.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminFixture, adminFixture, codeOf } from "./admin-helpers.ts";

describe("members router", () => {
  let m: AdminFixture;
  let membership: Record<string, string>;
  beforeAll(async () => {
    m = await adminFixture("members");
    const rows = await m.prisma.membership.findMany({
      where: { tenantId: m.tenantA },
      select: { id: true, role: true },
    });
    membership = Object.fromEntries(rows.map((r) => [r.role, r.id]));
  });
  afterAll(async () => {
    await m?.close();
  });

  it("lists members for viewers, with names, emails and roles", async () => {
    const list = await (await m.api("VIEWER")).members.list({});
    expect(list.total).toBe(4);
    expect(list.ownerCount).toBe(1);
    expect(list.items.map((member) => member.email).sort()).toEqual([
      "admin@acme.test",
      "operator@acme.test",
      "owner@acme.test",
      "viewer@acme.test",
    ]);
    expect(list.items.find((member) => member.isMe)?.email).toBe("viewer@acme.test");
    expect((await (await m.api("VIEWER")).members.list({ q: "OPERATOR@" })).items.map((member) => member.role)).toEqual(
      ["OPERATOR"],
    );
  });

  it("lets only owners grant or remove the owner role", async () => {
    const admin = await m.api("ADMIN");
    const owner = await m.api("OWNER");
    expect(await codeOf(admin.members.changeRole({ id: membership.VIEWER ?? "", role: "OWNER" }))).toBe("FORBIDDEN");
    expect(await codeOf(admin.members.changeRole({ id: membership.OWNER ?? "", role: "ADMIN" }))).toBe("FORBIDDEN");
    expect(await codeOf(admin.members.remove({ id: membership.OWNER ?? "" }))).toBe("FORBIDDEN");
    expect(
      await codeOf((await m.api("OPERATOR")).members.changeRole({ id: membership.VIEWER ?? "", role: "OPERATOR" })),
    ).toBe("FORBIDDEN");
    // Admins manage everyone else.
    await admin.members.changeRole({ id: membership.VIEWER ?? "", role: "OPERATOR" });
    await admin.members.changeRole({ id: membership.VIEWER ?? "", role: "VIEWER" });
    // The last owner can be neither demoted nor removed, nor leave.
    expect(await codeOf(owner.members.changeRole({ id: membership.OWNER ?? "", role: "ADMIN" }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect(await codeOf(owner.members.remove({ id: membership.OWNER ?? "" }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(owner.members.leave())).toBe("PRECONDITION_FAILED");
    // With a second owner, the first may step down.
    await owner.members.changeRole({ id: membership.ADMIN ?? "", role: "OWNER" });
    await owner.members.changeRole({ id: membership.OWNER ?? "", role: "ADMIN" });
    const roles = await m.prisma.membership.findMany({
      where: { tenantId: m.tenantA },
      select: { id: true, role: true },
    });
    expect(roles.find((r) => r.id === membership.OWNER)?.role).toBe("ADMIN");
    expect(roles.find((r) => r.id === membership.ADMIN)?.role).toBe("OWNER");
    const audits = await m.prisma.auditLog.findMany({
      where: { action: "member.changeRole" },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.details)).toContainEqual({ email: "owner@acme.test", from: "OWNER", to: "ADMIN" });
  });

  it("removes members, lets anyone leave, and hides other tenants' members", async () => {
    const other = await m.api("OTHER");
    expect(await codeOf(other.members.remove({ id: membership.VIEWER ?? "" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.members.changeRole({ id: membership.VIEWER ?? "", role: "ADMIN" }))).toBe("NOT_FOUND");
    expect((await other.members.list({})).items.map((member) => member.email).sort()).toEqual([
      "owner@bravo.test",
      "viewer@bravo.test",
    ]);
    expect(await codeOf((await m.api("VIEWER")).members.remove({ id: membership.OPERATOR ?? "" }))).toBe("FORBIDDEN");
    // The original owner is now an admin (previous test) and removes the operator.
    await (await m.api("OWNER")).members.remove({ id: membership.OPERATOR ?? "" });
    await (await m.api("VIEWER")).members.leave();
    const left = await m.prisma.membership.findMany({ where: { tenantId: m.tenantA }, select: { role: true } });
    expect(left.map((member) => member.role).sort()).toEqual(["ADMIN", "OWNER"]);
    expect(await codeOf((await m.api("VIEWER")).members.list({}))).toBe("NOT_FOUND");
    const actions = (
      await m.prisma.auditLog.findMany({ where: { tenantId: m.tenantA }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toContain("member.remove");
    expect(actions).toContain("member.leave");
  });
});
