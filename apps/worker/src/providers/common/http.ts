// A small HTTP client on node:http/https with separate connect and request timeouts (fetch has no
// connect timeout of its own without undici's Agent), for the providers that have no SDK.
import http from "node:http";
import https from "node:https";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class HttpTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
  constructor(
    readonly phase: "connect" | "request",
    ms: number,
  ) {
    super(phase === "connect" ? `connection not established within ${ms} ms` : `no complete response within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export function httpRequest(
  url: string,
  init: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string },
  timeouts: { connectTimeoutMs: number; requestTimeoutMs: number },
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { accept: "application/json", ...init.headers };
    if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(requestTimer);
      fn();
    };
    const request = transport.request(target, { method: init.method, headers, agent: false });
    const connectTimer = setTimeout(() => {
      const error = new HttpTimeoutError("connect", timeouts.connectTimeoutMs);
      finish(() => reject(error));
      request.destroy(error);
    }, timeouts.connectTimeoutMs);
    const requestTimer = setTimeout(() => {
      const error = new HttpTimeoutError("request", timeouts.requestTimeoutMs);
      finish(() => reject(error));
      request.destroy(error);
    }, timeouts.requestTimeoutMs);
    request.on("socket", (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (socket.connecting) socket.once(target.protocol === "https:" ? "secureConnect" : "connect", connected);
      else connected();
    });
    request.on("error", (error) => finish(() => reject(error)));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          request.destroy(new Error(`response larger than ${MAX_BODY_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on("error", (error) => finish(() => reject(error)));
      response.on("end", () =>
        finish(() =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        ),
      );
    });
    if (init.body !== undefined) request.write(init.body);
    request.end();
  });
}

/** Retry-After (seconds or HTTP date) in ms, when present. */
export function retryAfterMs(headers: http.IncomingHttpHeaders, now = Date.now()): number | undefined {
  const value = headers["retry-after"];
  if (typeof value !== "string" || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
