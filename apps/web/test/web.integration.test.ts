import { createPrismaClient } from "@tunnelwatch/db";
import { DEMO_LOGIN, seedDemo } from "@tunnelwatch/db/seed";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startWebServer, testWebEnv, type WebServer } from "./next-server.ts";
import { callTrpc } from "./trpc-http.ts";

describe("web app over HTTP", () => {
  let db: TestDatabase;
  let server: WebServer;

  beforeAll(async () => {
    db = await createMigratedTestDatabase("web");
    const prisma = createPrismaClient(db.url);
    await seedDemo(prisma);
    await prisma.$disconnect();
    server = await startWebServer(testWebEnv(db.url));
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("reports PostgreSQL and Redis healthy", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", down: [], checks: { database: { ok: true }, redis: { ok: true } } });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("serves the sign-in page and sends signed-out visitors to it", async () => {
    const page = await fetch(`${server.url}/sign-in`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="email"');
    expect(html).toContain('name="password"');
    const home = await fetch(`${server.url}/`, { redirect: "manual" });
    expect(home.status).toBe(307);
    expect(home.headers.get("location")).toMatch(/\/sign-in$/);
  });

  it("signs in with the right password and shows the user's organisation", async () => {
    const { status, jar, body } = await signIn(server.url, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect({ status, body }).toMatchObject({ status: 200, body: { url: expect.not.stringContaining("error") } });
    const home = await fetch(`${server.url}/`, { headers: { cookie: jar.header() } });
    expect(home.status).toBe(200);
    // The fleet overview renders in the browser: the organisation comes from the API it calls.
    const current = await callTrpc(server.url, { path: "tenants.current", type: "query" }, undefined, {
      cookie: jar.header(),
    });
    expect(current.status).toBe(200);
    expect(current.data).toMatchObject({ name: "Demo Network Team", slug: DEMO_LOGIN.tenantSlug, role: "OWNER" });
  });

  it("refuses a wrong password and an unknown email with the same generic answer", async () => {
    const wrong = await signIn(server.url, DEMO_LOGIN.email, "not-the-password");
    const unknown = await signIn(server.url, "nobody@example.com", "whatever-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(new URL(wrong.body?.url ?? "", server.url).searchParams.get("error")).toBe("CredentialsSignin");
    expect(new URL(unknown.body?.url ?? "", server.url).searchParams.get("error")).toBe("CredentialsSignin");
  });

  it("rate-limits repeated failures for one email, even with the right password afterwards", async () => {
    const email = "limited@example.com";
    for (let i = 0; i < 5; i++) expect((await signIn(server.url, email, `guess-${i}`)).status).toBe(401);
    const blocked = await signIn(server.url, email, "guess-6");
    expect(new URL(blocked.body?.url ?? "", server.url).searchParams.get("error")).toMatch(/Too many sign-in attempts/);
  });
});

describe("web app with a dependency down", () => {
  it("health names Redis when Redis is unreachable", async () => {
    const db = await createMigratedTestDatabase("webdown");
    const server = await startWebServer({ ...testWebEnv(db.url), REDIS_URL: "redis://127.0.0.1:1" });
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.down).toEqual(["redis"]);
      expect(body.checks.redis.error).toMatch(/ECONNREFUSED/);
    } finally {
      await server.stop();
      await db.drop();
    }
  });

  it("health names the database when PostgreSQL is unreachable", async () => {
    const server = await startWebServer(testWebEnv("postgresql://postgres@127.0.0.1:1/none"));
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(503);
      expect((await response.json()).down).toEqual(["database"]);
    } finally {
      await server.stop();
    }
  });

  it("refuses to start with a bad environment and names the variable", async () => {
    const server = await startWebServer(
      { ...testWebEnv("postgresql://x/y"), NEXTAUTH_SECRET: "short" },
      { waitUntilReady: false },
    );
    const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("timeout"), 20_000))]);
    if (code === "timeout") await server.stop();
    expect(code).toBe(78);
    expect(server.output()).toContain("NEXTAUTH_SECRET: must be at least 32 characters");
  });
});
