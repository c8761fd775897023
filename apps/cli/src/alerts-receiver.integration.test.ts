// alerts:receiver as the demo runs it: it gives the organisation a webhook channel pointing at
// itself with a rule per trigger, then checks signatures with that channel's secret.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { signatureHeader } from "@tunnelwatch/alerts";
import { AlertTrigger, createPrismaClient, openChannelSecret, type PrismaClient, parseKeyring } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = path.resolve(import.meta.dirname, "main.ts");
const KEYS = `k1:${randomBytes(32).toString("base64")}`;

describe("tunnelwatch alerts:receiver", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let receiver: ChildProcess | undefined;
  let output = "";
  const port = 20_000 + Math.floor(Math.random() * 20_000);

  beforeAll(async () => {
    db = await createMigratedTestDatabase("cli_receiver");
    prisma = createPrismaClient(db.url);
    await prisma.tenant.create({ data: { name: "Demo Network Team", slug: "demo" } });
    receiver = spawn(
      process.execPath,
      ["--import", "tsx", MAIN, "alerts:receiver", "--tenant", "demo", "--port", String(port)],
      {
        env: {
          PATH: process.env.PATH ?? "",
          DATABASE_URL: db.url,
          CREDENTIALS_KEYS: KEYS,
          CREDENTIALS_ACTIVE_KEY_ID: "k1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    receiver.stdout?.on("data", (c) => (output += c));
    receiver.stderr?.on("data", (c) => (output += c));
    const deadline = Date.now() + 30_000;
    while (!output.includes("Listening on")) {
      if (Date.now() > deadline) throw new Error(`the receiver did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 60_000);

  afterAll(async () => {
    receiver?.kill("SIGTERM");
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("adds a channel pointing at itself and a rule for every trigger", async () => {
    const channel = await prisma.alertChannel.findFirstOrThrow({ include: { rules: { include: { rule: true } } } });
    expect(channel.config).toEqual({ url: `http://127.0.0.1:${port}/alerts`, format: "json" });
    expect(new Set(channel.rules.map((r) => r.rule.trigger))).toEqual(new Set(Object.values(AlertTrigger)));
  });

  it("prints signed alerts and refuses unsigned or wrongly signed ones", async () => {
    const channel = await prisma.alertChannel.findFirstOrThrow();
    const secret = openChannelSecret(parseKeyring(KEYS, "k1"), channel);
    if (!secret) throw new Error("the receiver's channel has no signing secret");
    const body = JSON.stringify({
      version: 1,
      type: "tunnel.down",
      severity: "major",
      summary: "Tunnel 2 of osaka-dc is DOWN",
      tenant: { id: channel.tenantId, name: "Demo Network Team" },
      connection: { name: "osaka-dc" },
      tunnel: { index: 2 },
      folded: null,
    });
    const post = (signature: string) =>
      fetch(`http://127.0.0.1:${port}/alerts`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-tunnelwatch-signature": signature },
        body,
      });
    const now = Math.floor(Date.now() / 1000);
    expect((await post(signatureHeader(secret, now, body))).status).toBe(204);
    expect((await post(signatureHeader("whsec_other", now, body))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(output).toMatch(/signed\s+major\s+tunnel\.down\s+osaka-dc tunnel 2: Tunnel 2 of osaka-dc is DOWN/);
    expect(output).toContain("rejected: bad or missing signature");
  });
});
