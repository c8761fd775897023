import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { alertMessageId, createMailer, type Mailer } from "../src/index.ts";
import { alertMessage } from "./fixtures.ts";

interface Mail {
  from: string | undefined;
  to: string[];
  raw: string;
}

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smtpServer(options: { password?: string } = {}): Promise<{ port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const from = session.envelope.mailFrom;
        mails.push({
          from: from ? from.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as AddressInfo).port, mails };
}

function mailer(config: Parameters<typeof createMailer>[0]): Mailer {
  const created = createMailer(config);
  cleanups.push(() => created.close());
  return created;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/gi, "%25");
  return decodeURIComponent(bytes);
}

/** The decoded text of each single part of a MIME message, by content type. */
function mimeParts(raw: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const section of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head = "", ...rest] = section.split(/\r?\n\r?\n/);
    const type = /^content-type:\s*([^;\s]+)/im.exec(head)?.[1]?.toLowerCase();
    if (!type || type.startsWith("multipart/")) continue;
    const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
    const body = rest.join("\n\n").replace(/\r?\n--[^\r\n]*--\s*$/, "");
    parts[type] =
      encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoding === "quoted-printable"
          ? decodeQuotedPrintable(body)
          : body;
  }
  return parts;
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  return new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head)?.[1]?.replace(/\r?\n[ \t]+/g, " ");
}

describe("createMailer", () => {
  it("delivers a multipart alert over SMTP with a deterministic Message-ID", async () => {
    const { port, mails } = await smtpServer();
    const message = alertMessage();
    const from = "Tunnelwatch <alerts@tunnelwatch.example.com>";
    const outcome = await mailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from }).send(message, [
      "noc@acme.example",
      "oncall@acme.example",
    ]);
    expect(outcome).toMatchObject({ ok: true, responseCode: 250, error: null });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    if (!mail) throw new Error("no mail");
    expect(mail.from).toBe("alerts@tunnelwatch.example.com");
    expect(mail.to).toEqual(["noc@acme.example", "oncall@acme.example"]);
    expect(header(mail.raw, "X-Tunnelwatch-Delivery")).toBe(message.idempotencyKey);
    expect(header(mail.raw, "Message-ID")).toBe(alertMessageId(message.idempotencyKey, from));
    expect(header(mail.raw, "Message-ID")).toBe(`<alert.${message.idempotencyKey}@tunnelwatch.example.com>`);
    const subject = header(mail.raw, "Subject") ?? "";
    expect(subject).toMatch(/MAJOR|=\?UTF-8\?/);

    const parts = mimeParts(mail.raw);
    expect(Object.keys(parts).sort()).toEqual(["text/html", "text/plain"]);
    for (const part of [parts["text/plain"], parts["text/html"]]) {
      expect(part).toContain("prod-tokyo (vpn-0abc)");
      expect(part).toContain("NO_PROPOSAL_CHOSEN from 52.95.1.2");
      expect(part).toContain("Compare phase 1 proposals");
      expect(part).toContain("https://tunnelwatch.example.com/incidents/inc_1");
    }
  });

  it("decodes to the rendered subject", async () => {
    const { port, mails } = await smtpServer();
    await mailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "alerts@tunnelwatch.example.com" }).send(alertMessage(), [
      "noc@acme.example",
    ]);
    const encoded = header(mails[0]?.raw ?? "", "Subject") ?? "";
    const decoded = encoded.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
    expect(decoded).toBe("[MAJOR] Tunnel 2 of prod-tokyo (vpn-0abc) is DOWN — Tunnelwatch");
  });

  it("reports a refused connection without throwing", async () => {
    const { port } = await smtpServer();
    await cleanups.pop()?.();
    const outcome = await mailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "alerts@example.com",
      timeoutMs: 2_000,
    }).send(alertMessage(), ["noc@acme.example"]);
    expect(outcome.ok).toBe(false);
    expect(outcome.responseCode).toBeNull();
    expect(outcome.error).toMatch(/ECONNREFUSED/);
  });

  it("reports a rejected login with the reply code and without the password", async () => {
    const { port, mails } = await smtpServer({ password: "right-password" });
    const password = "wr0ng:p@ss/word";
    const outcome = await mailer({
      smtpUrl: `smtp://alerts:${encodeURIComponent(password)}@127.0.0.1:${port}`,
      from: "alerts@example.com",
    }).send(alertMessage(), ["noc@acme.example"]);
    expect(outcome.ok).toBe(false);
    expect(outcome.responseCode).toBe(535);
    expect(outcome.error).toMatch(/EAUTH/);
    expect(outcome.error).not.toContain(password);
    expect(outcome.error).not.toContain(encodeURIComponent(password));
    expect(mails).toHaveLength(0);
  });

  it("authenticates with the credentials of the URL", async () => {
    const { port, mails } = await smtpServer({ password: "right password" });
    const outcome = await mailer({
      smtpUrl: `smtp://alerts:${encodeURIComponent("right password")}@127.0.0.1:${port}`,
      from: "alerts@example.com",
    }).send(alertMessage(), ["noc@acme.example"]);
    expect(outcome).toMatchObject({ ok: true, responseCode: 250 });
    expect(mails).toHaveLength(1);
  });

  it("refuses to send without recipients or with an unusable URL", async () => {
    expect(
      await mailer({ smtpUrl: "smtp://127.0.0.1:1", from: "a@example.com" }).send(alertMessage(), []),
    ).toMatchObject({
      ok: false,
      error: "no recipients",
    });
    const broken = await mailer({ smtpUrl: "not a url at all", from: "a@example.com", timeoutMs: 1_000 }).send(
      alertMessage(),
      ["noc@acme.example"],
    );
    expect(broken).toMatchObject({ ok: false, error: "the SMTP URL is not valid (expected smtp:// or smtps://)" });
    const http = await mailer({ smtpUrl: "https://u:pw@mail.example", from: "a@example.com" }).send(alertMessage(), [
      "noc@acme.example",
    ]);
    expect(http.error).toBe("the SMTP URL is not valid (expected smtp:// or smtps://): unsupported scheme https:");
  });

  it("times out a server that never greets", async () => {
    const net = await import("node:net");
    const sockets: import("node:net").Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    const outcome = await mailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "a@example.com", timeoutMs: 400 }).send(
      alertMessage(),
      ["noc@acme.example"],
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/timed out|ETIMEDOUT|Greeting never received/i);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe("alertMessageId", () => {
  it("is stable per delivery and hashes keys that are not safe in a header", () => {
    expect(alertMessageId("dlv_1", "x@a.example")).toBe("<alert.dlv_1@a.example>");
    const hashed = alertMessageId("key with spaces <>", "Alerts <x@a.example>");
    expect(hashed).toMatch(/^<alert\.[0-9a-f]{40}@a\.example>$/);
    expect(alertMessageId("key with spaces <>", "Alerts <x@a.example>")).toBe(hashed);
  });
});
