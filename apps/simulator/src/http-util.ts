import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SimRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Raw query string without "?". */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: Buffer;
  remoteAddress: string;
}

export async function readRequest(req: IncomingMessage): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawQuery = q >= 0 ? url.slice(q + 1) : "";
  return {
    method: (req.method ?? "GET").toUpperCase(),
    path: q >= 0 ? url.slice(0, q) : url,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
    body: Buffer.concat(chunks),
    remoteAddress: req.socket.remoteAddress ?? "",
  };
}

export function header(req: SimRequest, name: string): string {
  const value = req.headers[name.toLowerCase()];
  if (Array.isArray(value)) return value.join(",");
  return value ?? "";
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  extraHeaders: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body), ...extraHeaders });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extraHeaders: Record<string, string> = {},
) {
  send(res, status, JSON.stringify(value), "application/json", extraHeaders);
}

export function requestId(): string {
  return randomUUID();
}

export function isLoopback(address: string): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1" || address.startsWith("127.");
}

/** RFC 3986 percent-encoding, as both SigV4 and Alibaba's signatures use it. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Query pairs exactly as sent (percent-decoded, "+" kept as a literal plus). */
export function parseRawQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw
    .split("&")
    .filter((p) => p.length > 0)
    .map((pair) => {
      const eq = pair.indexOf("=");
      const k = eq >= 0 ? pair.slice(0, eq) : pair;
      const v = eq >= 0 ? pair.slice(eq + 1) : "";
      return [safeDecode(k), safeDecode(v)];
    });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A request the simulator refuses, with the status and message to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
