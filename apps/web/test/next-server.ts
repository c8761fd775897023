// Starts the built web app (next start) on a free port for HTTP-level tests.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const APP_DIR = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.resolve(APP_DIR, "../../node_modules/next/dist/bin/next");

export interface WebServer {
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export function testWebEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    QUEUE_PREFIX: `webtest-${randomBytes(4).toString("hex")}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    CREDENTIALS_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    CREDENTIALS_ACTIVE_KEY_ID: "k1",
    // The provider simulator listens on loopback.
    PRIVATE_HOSTS_ALLOWED: "127.0.0.1,localhost",
  };
}

export async function startWebServer(
  env: Record<string, string>,
  options: { waitUntilReady?: boolean } = {},
): Promise<WebServer> {
  if (!existsSync(path.join(APP_DIR, ".next/BUILD_ID"))) {
    throw new Error("apps/web is not built: run npm run build (npm test builds it before these tests)");
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: APP_DIR,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: url,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  if (options.waitUntilReady !== false) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`);
      try {
        await fetch(`${url}/sign-in`, { redirect: "manual" });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`next start did not answer:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  return { url, output: () => output, exited, stop };
}

/** A minimal cookie jar, enough for next-auth's CSRF and session cookies. */
export class CookieJar {
  private cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (pair && index > 0) this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ status: number; body: { url?: string; error?: string } | null; jar: CookieJar }> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.store(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.store(response);
  const text = await response.text();
  let body: { url?: string; error?: string } | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, jar };
}
