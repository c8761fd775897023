// Seeds the demo organisation and its owner. Safe to run again: it updates what exists.
import { dbEnv, loadEnvOrExit } from "@tunnelwatch/config";
import { createPrismaClient } from "./client.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { hashPassword } from "./passwords.ts";

export const DEMO_LOGIN = { email: "demo@tunnelwatch.dev", password: "tunnelwatch-demo", tenantSlug: "demo" } as const;

export async function seedDemo(prisma: PrismaClient): Promise<{ tenantId: string; userId: string }> {
  const tenant = await prisma.tenant.upsert({
    where: { slug: DEMO_LOGIN.tenantSlug },
    // Faults in the demo open an incident after 30 s and resolve 60 s after recovery, so that
    // incidents come and go within the first minutes.
    create: {
      slug: DEMO_LOGIN.tenantSlug,
      name: "Demo Network Team",
      incidentOpenDelaySec: 30,
      incidentResolveDelaySec: 60,
    },
    update: {},
  });
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const user = await prisma.user.upsert({
    where: { email: DEMO_LOGIN.email },
    create: { email: DEMO_LOGIN.email, name: "Demo Engineer", passwordHash },
    update: { passwordHash },
  });
  await prisma.membership.upsert({
    where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
    create: { tenantId: tenant.id, userId: user.id, role: "OWNER" },
    update: { role: "OWNER" },
  });
  return { tenantId: tenant.id, userId: user.id };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { DATABASE_URL } = loadEnvOrExit(dbEnv(), "seed");
  const prisma = createPrismaClient(DATABASE_URL);
  try {
    const { tenantId } = await seedDemo(prisma);
    console.log(
      `Seeded tenant ${DEMO_LOGIN.tenantSlug} (${tenantId}); sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
    );
  } finally {
    await prisma.$disconnect();
  }
}
