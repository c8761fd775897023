// Every procedure of the API states who may call it (meta.access), and the middleware behind it
// enforces exactly that. This walks the router itself, so a procedure added later is covered
// without touching this file; the only procedures open to anyone are the allow-list below.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import type { PrismaClient } from "@tunnelwatch/db";
import { describe, expect, it } from "vitest";
import { type Access, type ApiContext, type Caller, createCallerFactory } from "../src/index.ts";
import { appRouter } from "../src/routers/_app.ts";

const ACCESS_LEVELS: readonly Access[] = ["PUBLIC", "USER", "VIEWER", "OPERATOR", "ADMIN", "OWNER"];

/** The only procedures anyone may call without signing in. Adding one is a security decision. */
const PUBLIC_ALLOW_LIST = ["tenants.signUp"];

interface ProcedureInfo {
  path: string;
  type: string;
  access: Access | undefined;
}

function procedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; meta?: { access?: Access } } }
  >;
  return Object.entries(record)
    .map(([procedurePath, procedure]) => ({
      path: procedurePath,
      type: procedure._def.type,
      access: procedure._def.meta?.access,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** A Prisma client that fails the test if anything touches it: refusals must not need the database. */
const untouchablePrisma = new Proxy(
  {},
  {
    get(_target, property) {
      if (property === "then") return undefined;
      throw new Error(`the procedure touched the database (prisma.${String(property)}) before refusing the caller`);
    },
  },
) as PrismaClient;

function callerFor(caller: Caller) {
  const context: ApiContext = { prisma: untouchablePrisma, caller, tenantHint: null, ip: "127.0.0.1" };
  return createCallerFactory(appRouter)(context);
}

async function call(caller: Caller, procedurePath: string): Promise<unknown> {
  let target: unknown = callerFor(caller);
  for (const key of procedurePath.split(".")) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(undefined);
}

async function errorCode(caller: Caller, procedurePath: string): Promise<string> {
  try {
    await call(caller, procedurePath);
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    return `not a TRPCError: ${String(error)}`;
  }
}

const anonymous: Caller = { kind: "anonymous" };
const readToken: Caller = { kind: "token", tokenId: "t-read", tenantId: "tenant-x", scopes: ["read"] };
const writeToken: Caller = { kind: "token", tokenId: "t-write", tenantId: "tenant-x", scopes: ["write"] };

describe("procedure access", () => {
  const all = procedures();

  it("records the access table", () => {
    expect(all.length).toBeGreaterThan(0);
    const widths = [Math.max(...all.map((p) => p.path.length)), 12];
    const lines = all.map(
      (p) => `${p.path.padEnd(widths[0] ?? 0)}  ${p.type.padEnd(widths[1] ?? 0)}  ${p.access ?? "(none)"}`,
    );
    console.log(`tRPC procedures and the access each needs (${all.length}):\n${lines.join("\n")}`);
    const outputDir = path.resolve(import.meta.dirname, "../test-output");
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, "procedure-access.json"), `${JSON.stringify(all, null, 2)}\n`);
  });

  it("gives every procedure an access level", () => {
    const missing = all.filter((p) => !p.access || !ACCESS_LEVELS.includes(p.access));
    expect(missing.map((p) => `${p.path}: ${String(p.access)}`)).toEqual([]);
  });

  it("opens only the allow-listed procedures to anyone", () => {
    const open = all.filter((p) => p.access === "PUBLIC").map((p) => p.path);
    expect(open.sort()).toEqual([...PUBLIC_ALLOW_LIST].sort());
  });

  it("has no subscriptions (nothing in the HTTP handler would authorise them differently)", () => {
    expect(all.filter((p) => p.type === "subscription").map((p) => p.path)).toEqual([]);
  });

  // The meta only states the access; these prove the middleware that enforces it is attached:
  // a procedure built as publicProcedure.meta({ access: "ADMIN" }) would state ADMIN and check nothing.
  it("refuses a caller without a session or token on every non-public procedure, before any database access", async () => {
    const results = await Promise.all(
      all.filter((p) => p.access !== "PUBLIC").map(async (p) => `${p.path}: ${await errorCode(anonymous, p.path)}`),
    );
    expect(results).toEqual(all.filter((p) => p.access !== "PUBLIC").map((p) => `${p.path}: UNAUTHORIZED`));
  });

  it("refuses API tokens above their scope and on procedures for signed-in people", async () => {
    const expectations: { caller: Caller; refused: Access[] }[] = [
      { caller: readToken, refused: ["USER", "OPERATOR", "ADMIN", "OWNER"] },
      { caller: writeToken, refused: ["USER", "ADMIN", "OWNER"] },
    ];
    for (const { caller, refused } of expectations) {
      const checked = all.filter((p) => p.access && refused.includes(p.access));
      const results = await Promise.all(checked.map(async (p) => `${p.path}: ${await errorCode(caller, p.path)}`));
      expect(results).toEqual(checked.map((p) => `${p.path}: FORBIDDEN`));
    }
  });
});
