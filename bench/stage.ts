// What the worker benchmarks stand on: a fresh migrated database with the credential keys the
// worker under test is given, and organisations holding a simulator's accounts.
import { randomBytes } from "node:crypto";
import { createPrismaClient, type Keyring, type PrismaClient, parseKeyring } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { seedSimulatedAccounts } from "@tunnelwatch/worker/seed-simulated";

export interface BenchDatabase {
  db: TestDatabase;
  prisma: PrismaClient;
  keyring: Keyring;
  /** CREDENTIALS_KEYS for the worker process, so it opens what the benchmark seals. */
  credentialKeys: string;
}

export async function openBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const credentialKeys = `k1:${randomBytes(32).toString("base64")}`;
  const db = await createMigratedTestDatabase(prefix);
  return { db, prisma: createPrismaClient(db.url), keyring: parseKeyring(credentialKeys, "k1"), credentialKeys };
}

/** An organisation holding the simulator's accounts; returns its id and the accounts' ids. */
export async function seedBenchOrganisation(
  bench: BenchDatabase,
  options: Omit<Parameters<typeof seedSimulatedAccounts>[2], "tenantId"> & { slug: string },
): Promise<{ tenantId: string; accountIds: string[] }> {
  const { slug, ...seed } = options;
  const tenant = await bench.prisma.tenant.create({ data: { name: slug, slug } });
  const ids = await seedSimulatedAccounts(bench.prisma, bench.keyring, { tenantId: tenant.id, ...seed });
  return { tenantId: tenant.id, accountIds: [...ids.values()] };
}
