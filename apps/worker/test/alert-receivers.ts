// Real receivers for alert tests: an HTTP server that can be up, failing or hanging, and an
// SMTP server (smtp-server) that keeps every message it accepts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  answeredWith: number | null;
}

export type ReceiverMode = "ok" | "down" | "hang";

export async function startWebhookReceiver() {
  const requests: ReceivedRequest[] = [];
  const hanging: http.ServerResponse[] = [];
  let mode: ReceiverMode = "ok";
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const request: ReceivedRequest = {
        path: req.url ?? "",
        headers: req.headers,
        body,
        receivedAt: Date.now(),
        answeredWith: null,
      };
      requests.push(request);
      if (mode === "hang") {
        hanging.push(res);
        return;
      }
      request.answeredWith = mode === "ok" ? 200 : 503;
      res.writeHead(request.answeredWith, { "content-type": "text/plain" }).end(mode === "ok" ? "ok" : "down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    /** Requests answered 200, by path. */
    delivered: (path: string) => requests.filter((r) => r.answeredWith === 200 && r.path === path),
    setMode: (next: ReceiverMode) => {
      mode = next;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startSmtpReceiver() {
  const messages: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk) => (raw += chunk));
      stream.on("end", () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Quoted-printable soft line breaks removed, so assertions can read the text. */
export const unfold = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
