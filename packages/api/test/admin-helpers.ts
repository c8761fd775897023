// Shared setup for the admin integration suites (accounts, tokens, members, alerts, audit): a
// fresh database, a test keyring and queue prefix, two organisations with a member per role.
import { randomBytes } from "node:crypto";
import { createPrismaClient, disconnectPrisma, type PrismaClient, parseKeyring, type Role } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { resetCredentialKeyring } from "../src/admin/keyring.ts";
import { closeAdminQueues } from "../src/admin/queue.ts";
import { createApiContext } from "../src/context.ts";
import { appRouter } from "../src/routers/_app.ts";
import { createCallerFactory } from "../src/trpc.ts";

const createCaller = createCallerFactory(appRouter);

export type Who = Role | "OTHER" | "OTHER_VIEWER" | { userId: string } | { token: string };

export interface AdminFixture {
  db: TestDatabase;
  prisma: PrismaClient;
  tenantA: string;
  tenantB: string;
  users: Record<Role | "OTHER" | "OTHER_VIEWER", string>;
  keyring: ReturnType<typeof parseKeyring>;
  queuePrefix: string;
  api: (who: Who) => Promise<ReturnType<typeof createCaller>>;
  close: () => Promise<void>;
}

export async function adminFixture(name: string): Promise<AdminFixture> {
  const db = await createMigratedTestDatabase(`api_${name}`);
  const keySpec = `k1:${randomBytes(32).toString("base64")}`;
  const queuePrefix = `twtest-${name}-${randomBytes(4).toString("hex")}`;
  // tenantDb() and the admin helpers read these on first use.
  process.env.DATABASE_URL = db.url;
  process.env.CREDENTIALS_KEYS = keySpec;
  process.env.CREDENTIALS_ACTIVE_KEY_ID = "k1";
  process.env.QUEUE_PREFIX = queuePrefix;
  // The simulator and test receivers listen on loopback: allow it, as the demo does. Allowed hosts
  // are not looked up, so the webhook hosts the tests name need no DNS.
  process.env.PRIVATE_HOSTS_ALLOWED = "127.0.0.1,localhost,noc.example.test,hooks.slack.com";
  resetCredentialKeyring();
  const prisma = createPrismaClient(db.url);
  const tenantA = (await prisma.tenant.create({ data: { name: "Acme", slug: "acme" } })).id;
  const tenantB = (await prisma.tenant.create({ data: { name: "Bravo", slug: "bravo" } })).id;
  const users = {} as Record<Role | "OTHER" | "OTHER_VIEWER", string>;
  for (const role of ["OWNER", "ADMIN", "OPERATOR", "VIEWER"] as const) {
    const user = await prisma.user.create({
      data: { email: `${role.toLowerCase()}@acme.test`, name: `${role} of Acme` },
    });
    await prisma.membership.create({ data: { tenantId: tenantA, userId: user.id, role } });
    users[role] = user.id;
  }
  const other = await prisma.user.create({ data: { email: "owner@bravo.test", name: "Owner of Bravo" } });
  await prisma.membership.create({ data: { tenantId: tenantB, userId: other.id, role: "OWNER" } });
  users.OTHER = other.id;
  const otherViewer = await prisma.user.create({ data: { email: "viewer@bravo.test", name: "Viewer of Bravo" } });
  await prisma.membership.create({ data: { tenantId: tenantB, userId: otherViewer.id, role: "VIEWER" } });
  users.OTHER_VIEWER = otherViewer.id;

  const api = async (who: Who) => {
    const userId = typeof who === "string" ? users[who] : "userId" in who ? who.userId : null;
    const ctx = await createApiContext({
      prisma,
      sessionUserId: userId,
      authorization: typeof who === "object" && "token" in who ? `Bearer ${who.token}` : null,
      tenantHint: null,
      ip: "192.0.2.10",
    });
    return createCaller(ctx);
  };

  return {
    db,
    prisma,
    tenantA,
    tenantB,
    users,
    keyring: parseKeyring(keySpec, "k1"),
    queuePrefix,
    api,
    close: async () => {
      await closeAdminQueues();
      await prisma.$disconnect();
      await disconnectPrisma();
      await db.drop();
    },
  };
}

/** The tRPC error code a call fails with, or "OK". */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
