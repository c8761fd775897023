// Helpers for integration tests: a fresh, migrated database per test run.
import { createPrismaClient } from "./client.ts";
import { applyMigrations } from "./migrations/migrations.ts";
import { createDatabase, dropDatabase } from "./migrations/temporary-database.ts";

/** The PostgreSQL server tests create their databases on. */
export function testServerUrl(): string {
  return (
    process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"
  );
}

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function createMigratedTestDatabase(prefix = "test"): Promise<TestDatabase> {
  const url = await createDatabase(testServerUrl(), prefix);
  await applyMigrations(url);
  return { url, drop: () => dropDatabase(url) };
}

export { createPrismaClient };
