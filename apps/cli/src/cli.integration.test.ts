import { PassThrough } from "node:stream";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env });
  return { code, out, err };
}

describe("tunnelwatch CLI", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createMigratedTestDatabase("cli");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("lists its commands on --help and refuses unknown ones", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("db:check");
    const unknown = await run(["frobnicate"]);
    expect(unknown.code).toBe(64);
    expect(unknown.err).toContain('unknown command "frobnicate"');
  });

  it("db:check reports a healthy, migrated database and Redis", async () => {
    const result = await run(["db:check", "--json"], { DATABASE_URL: db.url, REDIS_URL: "redis://127.0.0.1:6379" });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.ok).toBe(true);
    expect(report.migrations.pending).toEqual([]);
  });

  it("db:check names what is down", async () => {
    const result = await run(["db:check"], {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x",
      REDIS_URL: "redis://127.0.0.1:2",
    });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/FAIL PostgreSQL unreachable: .*127\.0\.0\.1:1/);
    expect(result.out).toMatch(/FAIL Redis unreachable: .*ECONNREFUSED/);
  });

  it("db:check names a missing variable", async () => {
    const result = await run(["db:check"], {});
    expect(result.code).toBe(78);
    expect(result.err).toContain("DATABASE_URL is required but not set");
  });
});
