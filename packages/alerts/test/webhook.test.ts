import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  deliverWebhook,
  MAX_RESPONSE_BYTES,
  postWebhook,
  SIGNATURE_HEADER,
  sendAlert,
  verifySignature,
  type WebhookPayloadV1,
} from "../src/index.ts";
import { alertMessage } from "./fixtures.ts";

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: http.Server[] = [];

async function serve(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      handler(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, received };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const base = { timeoutMs: 2_000, maxResponseBytes: 64 * 1024, allowList: "127.0.0.1" };
const request = (url: string, overrides: Partial<Parameters<typeof postWebhook>[0]> = {}) => ({
  url,
  body: '{"hello":"world"}',
  headers: { "Content-Type": "application/json" },
  ...base,
  ...overrides,
});

describe("deliverWebhook", () => {
  it("posts a signed JSON payload with the delivery headers", async () => {
    const { port, received } = await serve((_req, res) => res.end("accepted"));
    const now = new Date("2025-03-04T14:08:00Z");
    const message = alertMessage();
    const outcome = await deliverWebhook(
      message,
      { url: `http://127.0.0.1:${port}/hooks/tunnelwatch?team=net`, format: "json", secret: "whsec_abc" },
      { ...base, now: () => now },
    );
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, error: null, responseSnippet: "accepted" });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(received).toHaveLength(1);
    const [hit] = received;
    if (!hit) throw new Error("no request");
    expect(hit.path).toBe("/hooks/tunnelwatch?team=net");
    const timestamp = Math.floor(now.getTime() / 1000);
    expect(hit.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Tunnelwatch-Alerts/1",
      "x-tunnelwatch-event": "tunnel.down",
      "x-tunnelwatch-delivery": message.idempotencyKey,
      "idempotency-key": message.idempotencyKey,
      "x-tunnelwatch-timestamp": String(timestamp),
    });
    const signature = hit.headers[SIGNATURE_HEADER.toLowerCase()];
    expect(typeof signature).toBe("string");
    expect(verifySignature("whsec_abc", signature as string, hit.body, { now: now.getTime() })).toBe(true);
    const payload = JSON.parse(hit.body) as WebhookPayloadV1;
    expect(payload).toMatchObject({
      version: 1,
      id: message.idempotencyKey,
      type: "tunnel.down",
      severity: "major",
      occurredAt: "2025-03-04T14:07:30.000Z",
      folded: { count: 3, since: "2025-03-04T14:02:00.000Z" },
    });
  });

  it("posts Slack blocks without a signature when the channel has no secret", async () => {
    const { port, received } = await serve((_req, res) => res.end("ok"));
    const outcome = await deliverWebhook(
      alertMessage(),
      { url: `http://127.0.0.1:${port}/services/T0/B0/secret`, format: "slack", secret: null },
      base,
    );
    expect(outcome.ok).toBe(true);
    const [hit] = received;
    expect(hit?.headers[SIGNATURE_HEADER.toLowerCase()]).toBeUndefined();
    const payload = JSON.parse(hit?.body ?? "{}");
    expect(typeof payload.text).toBe("string");
    expect(Array.isArray(payload.blocks)).toBe(true);
  });
});

describe("postWebhook", () => {
  it("reports a 500 with the response snippet and never the URL path", async () => {
    const { port } = await serve((_req, res) => {
      res.statusCode = 500;
      res.end("internal error");
    });
    const outcome = await postWebhook(request(`http://127.0.0.1:${port}/services/T0/B0/s3cr3t-token`));
    expect(outcome).toMatchObject({ ok: false, statusCode: 500, error: "HTTP 500", responseSnippet: "internal error" });
  });

  it("times out a server that never answers", async () => {
    const { port } = await serve(() => {});
    const started = Date.now();
    const outcome = await postWebhook(request(`http://127.0.0.1:${port}/slow`, { timeoutMs: 300 }));
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: "timed out after 300 ms" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reads at most maxResponseBytes of a huge response and stops promptly", async () => {
    const { port } = await serve((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, "x");
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    const started = Date.now();
    const outcome = await postWebhook(request(`http://127.0.0.1:${port}/huge`, { maxResponseBytes: 16 * 1024 }));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(outcome.responseSnippet?.length).toBe(500);
  });

  it("does not follow redirects", async () => {
    const { port, received } = await serve((req, res) => {
      if (req.url === "/moved") {
        res.writeHead(302, { Location: `http://127.0.0.1:${port}/elsewhere` });
        res.end();
      } else {
        res.end("followed");
      }
    });
    const outcome = await postWebhook(request(`http://127.0.0.1:${port}/moved`));
    expect(outcome).toMatchObject({ ok: false, statusCode: 302, error: "HTTP 302: redirects are not followed" });
    expect(received.map((r) => r.path)).toEqual(["/moved"]);
  });

  it("refuses a private IP literal before connecting, naming the address", async () => {
    const { port, received } = await serve((_req, res) => res.end("ok"));
    for (const allowList of [undefined, "", "127.0.0.1:1"]) {
      const outcome = await postWebhook(request(`http://127.0.0.1:${port}/hook`, { allowList }));
      expect(outcome.ok).toBe(false);
      expect(outcome.statusCode).toBeNull();
      expect(outcome.error).toMatch(/^refused: 127\.0\.0\.1 is a private, loopback or link-local address/);
    }
    expect(received).toHaveLength(0);
  });

  it("refuses a name that resolves to a private address, through the guarded lookup", async () => {
    const { port, received } = await serve((_req, res) => res.end("ok"));
    const outcome = await postWebhook(request(`http://localhost:${port}/hook/secret-path`, { allowList: undefined }));
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/^refused: localhost resolves to a private.*\((127\.0\.0\.1|::1)\)/);
    expect(outcome.error).not.toContain("secret-path");
    expect(received).toHaveLength(0);

    const allowed = await postWebhook(request(`http://localhost:${port}/hook`, { allowList: `localhost:${port}` }));
    expect(allowed).toMatchObject({ ok: true, statusCode: 200 });
  });

  it("describes a refused connection by host and port only", async () => {
    const { port } = await serve(() => {});
    const closed = servers.pop();
    await new Promise((resolve) => closed?.close(resolve));
    const outcome = await postWebhook(request(`http://127.0.0.1:${port}/services/T0/B0/s3cr3t-token?x=1`));
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: `connection to 127.0.0.1:${port} refused` });
  });

  it("reports a bad URL or scheme without throwing", async () => {
    expect((await postWebhook(request("not a url"))).error).toBe("invalid URL");
    expect((await postWebhook(request("ftp://127.0.0.1/x"))).error).toBe("unsupported scheme ftp");
  });
});

describe("sendAlert", () => {
  it("sends through a webhook and folds the response into the error", async () => {
    const { port, received } = await serve((_req, res) => {
      res.statusCode = 400;
      res.end("invalid_payload\n");
    });
    const outcome = await sendAlert(
      alertMessage(),
      { url: `http://127.0.0.1:${port}/services/T0/B0/x`, format: "slack", secret: null },
      { mailer: null, ...base, maxResponseBytes: MAX_RESPONSE_BYTES },
    );
    expect(outcome).toMatchObject({ ok: false, responseCode: 400, error: "HTTP 400: invalid_payload" });
    expect(received).toHaveLength(1);
  });

  it("fails an email channel clearly when SMTP is not configured", async () => {
    const outcome = await sendAlert(alertMessage(), { to: ["noc@acme.example"] }, { mailer: null, ...base });
    expect(outcome).toMatchObject({ ok: false, responseCode: null, error: expect.stringMatching(/SMTP_URL/) });
  });
});
