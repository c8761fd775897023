// End to end in headless Chromium (Debian's, through playwright-core): a person signs up, adds a
// simulated AWS account, watches the real worker fill the fleet in from the provider simulator,
// opens a connection, handles the incident an injected fault opens (and sees its alert reach a
// signed webhook), and creates and revokes an API token. Every step saves a screenshot under
// test-output/screenshots (git-ignored).
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { createSimulator, type RunningSimulator, type Simulator } from "@tunnelwatch/simulator";
import { Redis } from "ioredis";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { startWebServer, testWebEnv, type WebServer } from "./next-server.ts";
import { callTrpc } from "./trpc-http.ts";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../test-output/screenshots");
const WORKER_MAIN = path.resolve(import.meta.dirname, "../../worker/src/main.ts");
const PERSON = {
  name: "Ada Network",
  email: "ada@example.com",
  password: "correct-horse-battery",
  organisation: "Acme Networks",
};

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** The real worker process (apps/worker/src/main.ts) against the test's database and Redis. */
function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_MAIN], {
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", NODE_ENV: "production", ...env, WORKER_CONCURRENCY: "4" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

interface WebhookReceiver {
  url: string;
  requests: Array<{ headers: IncomingHttpHeaders; body: string }>;
  close: () => Promise<void>;
}

/** An alert webhook's destination on loopback (allowed by the test's PRIVATE_HOSTS_ALLOWED): answers 200. */
async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: WebhookReceiver["requests"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tunnelwatch`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, as the README tells receivers to check. */
function signatureIsValid(header: string | string[] | undefined, secret: string, body: string): boolean {
  const match = typeof header === "string" ? /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) : null;
  if (!match) return false;
  return createHmac("sha256", secret).update(`${match[1]}.${body}`).digest("hex") === match[2];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 500) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe("the dashboard in a browser", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let sim: Simulator;
  let running: RunningSimulator;
  let server: WebServer;
  let worker: WorkerProcess;
  let browser: Browser;
  let page: Page;
  let receiver: WebhookReceiver;
  let env: Record<string, string>;
  const timings: string[] = [];
  let stepStarted = Date.now();

  async function shot(step: string) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${step}.png`), fullPage: false });
    timings.push(`${step}: ${Date.now() - stepStarted} ms`);
    stepStarted = Date.now();
  }

  beforeAll(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    sim = createSimulator({
      seed: 5,
      historySec: 900,
      fleet: {
        tenants: 1,
        awsAccountsPerTenant: 1,
        alibabaAccountsPerTenant: 0,
        mulesoftOrgsPerTenant: 0,
        awsRegions: ["us-east-1", "eu-west-1"],
        connectionsPerAccount: 12,
        // A few tunnels that never come up, so the overview (and the README's picture of it) shows some red.
        downTunnelShare: 0.3,
        // Only the fault the test injects opens an incident.
        faultsPerTunnelPerDay: 0,
      },
    });
    running = await sim.listen(0);
    receiver = await startWebhookReceiver();
    db = await createMigratedTestDatabase("browser");
    prisma = createPrismaClient(db.url);
    env = testWebEnv(db.url);
    [server] = await Promise.all([startWebServer(env)]);
    worker = startWorker(env);
    const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
    if (!existsSync(executablePath)) {
      throw new Error(
        `No Chromium at ${executablePath}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH. Browsers are never downloaded.`,
      );
    }
    browser = await chromium.launch({
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: server.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await server?.stop();
    await running?.close();
    await receiver?.close();
    if (env?.QUEUE_PREFIX) {
      const redis = new Redis(env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
      try {
        const keys = await redis.keys(`${env.QUEUE_PREFIX}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    }
    await prisma?.$disconnect();
    await db?.drop();
    console.log(`browser steps:\n  ${timings.join("\n  ")}`);
  });

  it("signs up, sets up alerts, adds an account, sees the fleet, handles an incident, and creates and revokes a token", async () => {
    // A failed step leaves what the person saw and what the server said, for the CI log.
    onTestFailed(async () => {
      await page.screenshot({ path: path.join(SCREENSHOTS, "failed.png"), fullPage: true }).catch(() => undefined);
      const text = await page
        .locator("main")
        .innerText({ timeout: 2_000 })
        .catch(() => "(no page text)");
      console.log(
        `failed at ${page.url()}\npage text:\n${text}\nweb server output (last 4,000 characters):\n${server.output().slice(-4_000)}`,
      );
    });
    // 1. Sign up: a person and their organisation.
    await page.goto("/sign-up");
    await page.getByLabel("Name", { exact: true }).fill(PERSON.name);
    await page.getByLabel("Email", { exact: true }).fill(PERSON.email);
    await page.getByLabel("Password", { exact: true }).fill(PERSON.password);
    await page.getByLabel("Organisation", { exact: true }).fill(PERSON.organisation);
    await shot("01-sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"), { timeout: 30_000 });
    const tenant = await prisma.tenant.findFirstOrThrow({ where: { name: PERSON.organisation } });
    // Hysteresis down to a second, so the injected fault opens its incident quickly.
    await prisma.tenant.update({ where: { id: tenant.id }, data: { incidentOpenDelaySec: 1 } });
    // Signed in, in the new organisation (the tenant switcher names it).
    await page.locator("option", { hasText: PERSON.organisation }).first().waitFor({ state: "attached" });
    await shot("02-signed-up");

    // 1b. Alerts: a signed webhook to this test's receiver, checked with Send test, and a rule
    // that sends it every incident that opens (step 5 opens one).
    await page.goto("/alerts");
    await page.getByRole("button", { name: "Add channel" }).click();
    await page.getByLabel("Channel type", { exact: true }).selectOption("WEBHOOK");
    await page.getByLabel("Channel name", { exact: true }).fill("NOC webhook");
    await page.getByLabel("Webhook URL", { exact: true }).fill(receiver.url);
    await page.getByRole("button", { name: "Add channel" }).click();
    const signingSecret = ((await page.getByTestId("new-secret").textContent()) ?? "").trim();
    expect(signingSecret.length).toBeGreaterThan(20);
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Send test" }).click();
    await page.getByTestId("channel-test-result").filter({ hasText: "Delivered — HTTP 200 in" }).waitFor();
    const testRequest = receiver.requests.find((r) => r.headers["x-tunnelwatch-event"] === "test");
    expect(testRequest?.headers["x-tunnelwatch-signature"]).toBeDefined();
    expect(
      signatureIsValid(testRequest?.headers["x-tunnelwatch-signature"], signingSecret, testRequest?.body ?? ""),
    ).toBe(true);
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByLabel("Rule name", { exact: true }).fill("Incidents to the NOC");
    await page.getByLabel("When", { exact: true }).selectOption("INCIDENT_OPENED");
    await page.getByRole("checkbox", { name: "NOC webhook" }).check();
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByRole("row", { name: /Incidents to the NOC/ }).waitFor();
    await shot("02b-alerts-set-up");

    // 2. Add the simulator's AWS account.
    const simulated = sim.fleet.accounts.find((a) => a.provider === "aws");
    if (simulated?.provider !== "aws") throw new Error("the simulator has no AWS account");
    await page.goto("/accounts");
    await page.getByRole("button", { name: "Add cloud account" }).click();
    await page.getByLabel("Provider", { exact: true }).selectOption("AWS");
    await page.getByLabel("Name", { exact: true }).fill("Production (simulated)");
    await page.getByLabel("Regions", { exact: true }).fill(simulated.regions.join(", "));
    await page.getByLabel("Endpoint override", { exact: true }).fill(running.url);
    await page.getByLabel("Access key ID", { exact: true }).fill(simulated.credentials.accessKeyId);
    await page.getByLabel("Secret access key", { exact: true }).fill(simulated.credentials.secretAccessKey);
    await shot("03-add-account");
    await page.getByRole("button", { name: "Add account" }).click();
    await page.getByTestId("account-row").filter({ hasText: "Production (simulated)" }).waitFor();
    await shot("04-account-added");

    // 3. The worker polls the simulator: the fleet overview fills in.
    await page.goto("/");
    const tunnelsUp = page.getByTestId("tunnels-up");
    const deadline = Date.now() + 90_000;
    for (;;) {
      const value = Number((await tunnelsUp.getAttribute("data-value", { timeout: 10_000 }).catch(() => null)) ?? 0);
      if (value > 0) break;
      if (Date.now() > deadline) {
        throw new Error(`the fleet did not fill in within 90 s; worker output:\n${worker.output().slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 3_000));
      await page.reload();
    }
    // Customer gateways with several connections down: a table, or the empty state.
    const gateways = page.getByRole("region", { name: "Customer gateways down on several connections" });
    await gateways.waitFor();
    expect(await gateways.innerText()).toMatch(/No shared outage|Look first at/i);
    // The week's gateway outages and configuration changes: tables, or their empty states.
    const outages = page.getByRole("region", { name: "Customer gateway outages, last 7 days" });
    await outages
      .getByText(/No customer gateway outage this week|still down|Connections down/)
      .first()
      .waitFor();
    const weekChanges = page.getByRole("region", { name: "Configuration changes, last 7 days" });
    await weekChanges
      .getByText(/No configuration change this week|Setting/)
      .first()
      .waitFor();
    // Let the charts draw before the picture the README shows.
    await page.waitForLoadState("networkidle").catch(() => undefined);
    await page.waitForTimeout(1_000);
    await shot("fleet-overview");

    // 4. A connection: its tunnels and posture.
    await page.goto("/connections");
    const rows = page.getByTestId("connection-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await shot("05-connections");
    // A row is a link itself, or holds one.
    const isLink = (await rows.first().evaluate((row) => row.tagName)) === "A";
    await (isLink ? rows.first() : rows.first().getByRole("link").first()).click();
    await page.waitForURL(/\/connections\/[^/?]+/);
    await page.getByTestId("tunnels-table").waitFor();
    await page.getByTestId("tunnel-timeline").first().waitFor();
    await shot("06-connection-detail");
    // Describe its customer gateway: the facts show, and the posture is graded with them.
    await page.getByRole("button", { name: "Describe the gateway" }).click();
    const gatewayForm = page.getByRole("form", { name: "Customer gateway" });
    await gatewayForm.getByLabel("Vendor", { exact: true }).selectOption("juniper-srx");
    await gatewayForm.getByLabel("IKE version", { exact: true }).selectOption("ikev2");
    await gatewayForm.getByLabel("Initiates the tunnels", { exact: true }).selectOption("yes");
    await gatewayForm.getByLabel("Phase 1 lifetime (s)", { exact: true }).fill("8 hours");
    await gatewayForm.getByRole("button", { name: "Save" }).click();
    await gatewayForm.getByText("Enter a whole number.").waitFor();
    await gatewayForm.getByLabel("Phase 1 lifetime (s)", { exact: true }).fill("28800");
    await gatewayForm.getByRole("button", { name: "Save" }).click();
    const facts = page.getByTestId("gateway-facts");
    await facts.waitFor();
    expect(await facts.innerText()).toMatch(
      /Juniper SRX[\s\S]*IKE version\s*IKEv2[\s\S]*Initiates the tunnels\s*yes[\s\S]*28800 s/,
    );
    await shot("06b-customer-gateway");

    // 5. A fault on a tunnel the simulator logs for opens an incident, through the real pipeline.
    const target = sim.fleet.connections.find(
      (c) =>
        c.provider === "aws" &&
        c.tunnels.length === 2 &&
        c.tunnels.every((t) => t.loggingEnabled && !t.permanentlyDown),
    );
    if (!target) throw new Error("no AWS connection with logged tunnels in the simulated fleet");
    sim.injectFault({ connectionId: target.id, tunnelIndex: 1, kind: "dpd-timeout", durationSec: 900 });
    const connectionRow = await waitFor(
      "the connection of the injected fault",
      async () =>
        (await prisma.vpnConnection.findFirst({ where: { externalId: target.id }, select: { id: true } })) ?? undefined,
      30_000,
    );
    // The log pull runs every 30 s at the shortest; ask for one now and then until the incident opens.
    const account = await prisma.cloudAccount.findFirstOrThrow({ where: { tenantId: tenant.id } });
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    let lastSync = 0;
    const incident = await waitFor(
      "the injected fault's incident to open",
      async () => {
        if (Date.now() - lastSync > 10_000) {
          lastSync = Date.now();
          await callTrpc(server.url, { path: "accounts.syncNow", type: "mutation" }, { id: account.id }, { cookie });
        }
        return (
          (await prisma.incident.findFirst({
            where: { connectionId: connectionRow.id, status: "OPEN" },
            select: { id: true, code: true },
          })) ?? undefined
        );
      },
      90_000,
      1_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; worker output:\n${worker.output().slice(-3000)}`);
    });
    await page.goto("/incidents");
    const incidentRow = page.getByTestId("incident-row").first();
    await incidentRow.waitFor();
    await shot("07-incidents");
    await page.locator(`a[data-testid="incident-row"][href$="/incidents/${incident.id}"]`).click();
    await page.waitForURL(new RegExp(`/incidents/${incident.id}`));
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await page
      .getByTestId("incident-status")
      .filter({ hasText: /acknowledged/i })
      .waitFor();
    await shot("08-incident-acknowledged");
    await page.getByRole("button", { name: "Resolve", exact: true }).click();
    await page.getByLabel("Reason").fill("Raised the DPD timeout on the customer gateway to 30 s");
    await page.getByRole("button", { name: "Confirm resolve" }).click();
    await page
      .getByTestId("incident-status")
      .filter({ hasText: /resolved/i })
      .waitFor();
    await shot("09-incident-resolved");
    const resolved = await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.acknowledgedAt).not.toBeNull();

    // 5b. The incident's alert reached the webhook, and the delivery log says so.
    await page.goto("/alerts");
    const delivered = page
      .getByTestId("delivery-row")
      .filter({ hasText: "Incident opened" })
      .and(page.locator('[data-status="DELIVERED"]'));
    await delivered.first().waitFor({ timeout: 60_000 });
    const alert = receiver.requests.find((r) => r.headers["x-tunnelwatch-event"] === "incident.opened");
    expect(signatureIsValid(alert?.headers["x-tunnelwatch-signature"], signingSecret, alert?.body ?? "")).toBe(true);
    expect(JSON.parse(alert?.body ?? "{}")).toMatchObject({ type: "incident.opened" });
    // The chart and the log, below the rules and channels.
    await page
      .getByRole("heading", { name: "Deliveries, last 24 hours" })
      .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(500);
    await shot("09b-alert-delivered");

    // 5c. Somebody changes the connection's tunnel 2 at the provider: the next status poll records
    // the change, and the connection page lists it with the grade before and after.
    const generated = target.tunnels[1] as (typeof target.tunnels)[number];
    const previousAction = generated.dpdTimeoutAction;
    const action = previousAction === "none" ? "clear" : "none";
    const lifetime = generated.phase1LifetimeSeconds === 3_600 ? 7_200 : 3_600;
    sim.setTunnelOptions(target.id, 2, { dpdTimeoutAction: action, phase1LifetimeSeconds: lifetime });
    let lastStatusSync = 0;
    await waitFor(
      "the configuration change to be recorded",
      async () => {
        if (Date.now() - lastStatusSync > 10_000) {
          lastStatusSync = Date.now();
          await callTrpc(server.url, { path: "accounts.syncNow", type: "mutation" }, { id: account.id }, { cookie });
        }
        const count = await prisma.configChange.count({ where: { connectionId: connectionRow.id } });
        return count >= 2 ? count : undefined;
      },
      90_000,
      1_000,
    );
    await page.goto(`/connections/${connectionRow.id}`);
    const changes = page.getByTestId("config-changes");
    await changes.waitFor();
    const changesText = await changes.innerText();
    expect(changesText).toMatch(new RegExp(`Tunnel 2\\s+DPD timeout action\\s+${previousAction}\\s+${action}`));
    expect(changesText).toMatch(new RegExp(`Tunnel 2\\s+Phase 1 lifetime\\s+\\d+ s\\s+${lifetime} s`));
    await page
      .getByRole("heading", { name: "Configuration changes" })
      .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await shot("09c-configuration-changes");
    // The customer gateway's configuration for it, for the vendor picked.
    await page.getByLabel("Gateway vendor").selectOption("juniper-srx");
    const gatewayConfig = page.getByTestId("gateway-config");
    await gatewayConfig.filter({ hasText: "set security ike gateway TW-" }).waitFor();
    const configText = await gatewayConfig.innerText();
    expect(configText).toContain(`-GATEWAY-1 local-identity inet ${target.customerGatewayIp}`);
    expect(configText).toMatch(/set security ipsec vpn TW-\w+-VPN-2 establish-tunnels immediately/);
    // Numbered from the first interface asked for.
    await page.getByLabel("First tunnel interface number").fill("20");
    await gatewayConfig.filter({ hasText: "bind-interface st0.21" }).waitFor();
    expect(page.url()).toContain("gatewayVendor=juniper-srx");
    await page
      .getByRole("heading", { name: "Customer gateway configuration" })
      .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await shot("09d-gateway-configuration");

    // 6. An API token: created, used, revoked, refused.
    await page.goto("/tokens");
    await page.getByLabel("Token name").fill("grafana");
    const read = page.getByRole("checkbox", { name: /^read/ });
    if (!(await read.isChecked())) await read.check();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = ((await page.getByTestId("new-token").textContent()) ?? "").trim();
    expect(token).toMatch(/^tw_/);
    await shot("10-token-created");
    const current = { path: "tenants.current", type: "query" };
    const withToken = await callTrpc(server.url, current, undefined, { token });
    expect(withToken.status).toBe(200);
    expect(withToken.data).toMatchObject({ name: PERSON.organisation, role: "VIEWER", isToken: true });
    page.once("dialog", (dialog) => void dialog.accept());
    await page
      .getByRole("row", { name: /grafana/ })
      .getByRole("button", { name: "Revoke" })
      .click();
    await page
      .getByRole("row", { name: /grafana/ })
      .getByText(/revoked/i)
      .waitFor();
    await shot("11-token-revoked");
    const afterRevoke = await callTrpc(server.url, current, undefined, { token });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.error?.message).toMatch(/revoked/);

    // 7. An address with no page: a 404 that says so, with the way back to the fleet.
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByRole("link", { name: "Fleet overview" }).click();
    await page.waitForURL((url) => url.pathname === "/");
  }, 300_000);
});
