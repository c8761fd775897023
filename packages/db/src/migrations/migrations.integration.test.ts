import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServerUrl } from "../testing.ts";
import {
  applyMigrations,
  createMigration,
  diffDatabaseToSchema,
  MIGRATIONS_DIR,
  migrationStatus,
} from "./migrations.ts";
import { createDatabase, dropDatabase } from "./temporary-database.ts";

describe("offline migrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await createDatabase(testServerUrl(), "migrations");
  });
  afterAll(async () => {
    await dropDatabase(url);
  });

  it("migrate a fresh database to exactly schema.prisma, and a second run applies nothing", async () => {
    const before = await migrationStatus(url);
    expect(before.applied).toEqual([]);
    const applied = await applyMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied).toEqual(before.pending);
    expect(await migrationStatus(url)).toEqual({ applied, pending: [], unknown: [] });
    expect(await diffDatabaseToSchema(url)).toBe("");
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
      "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("create nothing when the migrations already match the schema", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tw-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      expect(await createMigration({ name: "noop", serverUrl: testServerUrl(), migrationsDir: dir })).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("create the whole schema as the first migration of an empty folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tw-migrations-"));
    try {
      const created = await createMigration({
        name: "Initial schema!",
        serverUrl: testServerUrl(),
        migrationsDir: dir,
        now: new Date("2026-01-02T03:04:05Z"),
      });
      expect(created?.directory).toBe(path.join(dir, "20260102030405_initial_schema"));
      expect(created?.sql).toContain('CREATE TABLE "TunnelLogEvent"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
