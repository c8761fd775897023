import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import {
  guardedLookup,
  isHostAllowed,
  isPrivateAddress,
  PRIVATE_ADDRESS_ERROR_CODE,
  privateAddressError,
  urlHost,
  urlPort,
} from "./outbound.ts";

export interface HttpRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxResponseBytes: number;
  allowList: string | undefined;
}

export interface HttpOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseSnippet: string | null;
}

export const MAX_SNIPPET_CHARS = 500;

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME"]);

function isTlsError(code: string): boolean {
  return (
    code.startsWith("ERR_TLS_") ||
    code.startsWith("ERR_SSL_") ||
    code.startsWith("CERT_") ||
    code.includes("CERT") ||
    code.includes("SELF_SIGNED") ||
    code === "EPROTO"
  );
}

/** A short account of a failed request, naming the host and never the path or query. */
function describeError(err: NodeJS.ErrnoException, url: URL): string {
  const host = urlHost(url);
  const where = url.port ? `${host}:${url.port}` : host;
  const code = err.code ?? "";
  if (code === PRIVATE_ADDRESS_ERROR_CODE) return `refused: ${err.message}`;
  if (DNS_CODES.has(code)) return `DNS lookup of ${host} failed (${code})`;
  if (code === "ECONNREFUSED") return `connection to ${where} refused`;
  if (code === "ECONNRESET") return `connection to ${where} reset`;
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return `${where} is unreachable (${code})`;
  if (code && isTlsError(code)) return `TLS with ${host} failed (${code})`;
  const detail = err.message.split(url.href).join("").split(url.pathname).join("").trim();
  return `request to ${where} failed: ${code || detail || "unknown error"}`;
}

function outcome(
  started: number,
  fields: Partial<Omit<HttpOutcome, "latencyMs">> & Pick<HttpOutcome, "error">,
): HttpOutcome {
  const statusCode = fields.statusCode ?? null;
  return {
    ok: fields.error === null && statusCode !== null && statusCode >= 200 && statusCode < 300,
    statusCode,
    latencyMs: Math.round(performance.now() - started),
    error: fields.error,
    responseSnippet: fields.responseSnippet ?? null,
  };
}

function statusError(statusCode: number): string | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  if (statusCode >= 300 && statusCode < 400) return `HTTP ${statusCode}: redirects are not followed`;
  return `HTTP ${statusCode}`;
}

/**
 * POSTs a body with node:http(s): no redirects, one overall timeout, at most maxResponseBytes
 * of the response read. Refuses private addresses the allow-list does not name. Never throws.
 */
export function postWebhook(request: HttpRequest): Promise<HttpOutcome> {
  const started = performance.now();
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve(outcome(started, { error: "invalid URL" }));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.resolve(outcome(started, { error: `unsupported scheme ${url.protocol.replace(/:$/, "")}` }));
  }
  const host = urlHost(url);
  const allowed = isHostAllowed(url, request.allowList);
  if (!allowed && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve(outcome(started, { error: `refused: ${privateAddressError(host, host).message}` }));
  }

  return new Promise<HttpOutcome>((resolve) => {
    let settled = false;
    let statusCode: number | null = null;
    const chunks: Buffer[] = [];
    let received = 0;

    const snippet = (): string | null => {
      const text = Buffer.concat(chunks).toString("utf8").trim();
      return text ? text.slice(0, MAX_SNIPPET_CHARS) : null;
    };
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome(started, { statusCode, error, responseSnippet: snippet() }));
    };

    const transport = url.protocol === "https:" ? https : http;
    const body = Buffer.from(request.body, "utf8");
    let req: http.ClientRequest;
    try {
      req = transport.request({
        method: "POST",
        protocol: url.protocol,
        hostname: host,
        port: urlPort(url) ?? undefined,
        path: `${url.pathname}${url.search}`,
        headers: { ...request.headers, "Content-Length": String(body.length) },
        agent: false,
        lookup: allowed ? undefined : guardedLookup(request.allowList, urlPort(url) ?? undefined),
      });
    } catch (err) {
      resolve(outcome(started, { error: describeError(err as NodeJS.ErrnoException, url) }));
      return;
    }

    const timer = setTimeout(() => {
      if (statusCode === null) finish(`timed out after ${request.timeoutMs} ms`);
      else finish(statusError(statusCode));
    }, request.timeoutMs);

    req.on("error", (err: NodeJS.ErrnoException) => finish(describeError(err, url)));
    req.on("response", (res) => {
      statusCode = res.statusCode ?? null;
      const done = () => finish(statusCode === null ? "response without a status" : statusError(statusCode));
      res.on("data", (chunk: Buffer) => {
        const room = request.maxResponseBytes - received;
        if (room > 0) chunks.push(chunk.subarray(0, room));
        received += chunk.length;
        if (received >= request.maxResponseBytes) done();
      });
      res.on("end", done);
      res.on("error", done);
      res.on("aborted", done);
    });
    req.end(body);
  });
}
