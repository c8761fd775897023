import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, verifyApiToken } from "./api-tokens.ts";
import { createPrismaClient } from "./client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createMigratedTestDatabase, type TestDatabase } from "./testing.ts";

describe("API tokens", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let tenantId: string;
  beforeAll(async () => {
    db = await createMigratedTestDatabase("tokens");
    prisma = createPrismaClient(db.url);
    tenantId = (await prisma.tenant.create({ data: { name: "T", slug: "t" } })).id;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("stores only a hash and verifies the token to its tenant and scopes", async () => {
    const created = await createApiToken(prisma, { tenantId, name: "ci", scopes: ["write", "read", "write"] });
    expect(created.token).toMatch(/^tw_/);
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).not.toContain(created.token);
    expect(stored.prefix).toBe(created.token.slice(0, 10));
    expect(await verifyApiToken(prisma, created.token)).toEqual({
      tokenId: created.id,
      tenantId,
      scopes: ["write", "read"],
    });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses unknown, revoked and expired tokens", async () => {
    expect(await verifyApiToken(prisma, "tw_not-a-real-token")).toBeNull();
    expect(await verifyApiToken(prisma, "Bearer junk")).toBeNull();
    const revoked = await createApiToken(prisma, { tenantId, name: "old", scopes: ["read"] });
    await prisma.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect(await verifyApiToken(prisma, revoked.token)).toBeNull();
    const expired = await createApiToken(prisma, {
      tenantId,
      name: "tmp",
      scopes: ["read"],
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await verifyApiToken(prisma, expired.token)).toBeNull();
  });
});
