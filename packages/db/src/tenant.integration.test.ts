import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { scopeToTenant } from "./tenant.ts";
import { createMigratedTestDatabase, type TestDatabase } from "./testing.ts";

describe("tenant-scoped data access over PostgreSQL", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let tenantA: string;
  let tenantB: string;
  let tokenOfB: string;

  beforeAll(async () => {
    db = await createMigratedTestDatabase("tenant");
    prisma = createPrismaClient(db.url);
    tenantA = (await prisma.tenant.create({ data: { name: "A", slug: "a" } })).id;
    tenantB = (await prisma.tenant.create({ data: { name: "B", slug: "b" } })).id;
    await prisma.apiToken.create({
      data: { tenantId: tenantA, name: "a-token", prefix: "tw_a", tokenHash: "ha", scopes: ["read"] },
    });
    tokenOfB = (
      await prisma.apiToken.create({
        data: { tenantId: tenantB, name: "b-token", prefix: "tw_b", tokenHash: "hb", scopes: ["read"] },
      })
    ).id;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("reads only the tenant's rows", async () => {
    const a = scopeToTenant(prisma, tenantA);
    expect((await a.apiToken.findMany()).map((t) => t.name)).toEqual(["a-token"]);
    expect(await a.apiToken.count()).toBe(1);
    expect(await a.apiToken.findUnique({ where: { id: tokenOfB } })).toBeNull();
    expect(await a.apiToken.findFirst({ where: { tenantId: tenantB } })).toBeNull();
    expect((await a.tenant.findMany()).map((t) => t.id)).toEqual([tenantA]);
  });

  it("cannot change or delete another tenant's row", async () => {
    const a = scopeToTenant(prisma, tenantA);
    await expect(a.apiToken.update({ where: { id: tokenOfB }, data: { name: "stolen" } })).rejects.toThrow();
    expect((await a.apiToken.updateMany({ where: { id: tokenOfB }, data: { name: "stolen" } })).count).toBe(0);
    await expect(a.apiToken.delete({ where: { id: tokenOfB } })).rejects.toThrow();
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: tokenOfB } })).name).toBe("b-token");
  });

  it("creates rows in its own tenant even when told otherwise", async () => {
    const a = scopeToTenant(prisma, tenantA);
    const created = await a.auditLog.create({
      data: { tenantId: tenantB, action: "apiToken.create", targetType: "ApiToken" },
    });
    expect(created.tenantId).toBe(tenantA);
    await a.auditLog.createMany({ data: [{ tenantId: tenantB, action: "x", targetType: "T" }] });
    expect(await prisma.auditLog.count({ where: { tenantId: tenantB } })).toBe(0);
  });
});
