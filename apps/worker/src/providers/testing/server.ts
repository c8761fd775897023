// A local HTTP server for provider-client tests: the real SDKs talk to it over real HTTP.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ProviderError } from "../types.ts";

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Reply = { status?: number; headers?: Record<string, string>; body?: string | object } | "hang";

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: (request: RecordedRequest) => Reply | Promise<Reply>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const recorded: RecordedRequest = {
          method: req.method ?? "GET",
          url: req.url ?? "/",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        requests.push(recorded);
        let reply: Reply;
        try {
          reply = await handler(recorded);
        } catch (error) {
          reply = { status: 500, body: { message: String(error) } };
        }
        if (reply === "hang") return; // never answer: the client's timeout must fire
        const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, {
          "content-type": typeof reply.body === "string" ? "text/xml;charset=UTF-8" : "application/json",
          ...reply.headers,
        });
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Test settings: short timeouts and backoff so retries and timeouts run in milliseconds. */
export const FAST = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 400,
  maxAttempts: 3,
  baseDelayMs: 5,
  maxDelayMs: 20,
} as const;

/** The ProviderError a call fails with; fails the test if it succeeds or throws something else. */
export async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw new Error(`expected a ProviderError, got ${String(error)}`);
  }
  throw new Error("expected a ProviderError, the call succeeded");
}
