// Calls the tRPC endpoint of a running web app over plain HTTP, as an integration or curl would:
// queries as GET /api/trpc/<path>?input=..., mutations as POST, inputs wrapped for superjson.
import { type Access, appRouter } from "@tunnelwatch/api";

export const TENANT_HEADER = "x-tunnelwatch-tenant";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  access: Access;
}

/** Every procedure of the API, from the router itself (so a new one cannot be left out). */
export function listProcedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureInfo["type"]; meta?: { access?: Access } } }
  >;
  return Object.entries(record)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      access: procedure._def.meta?.access as Access,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Who calls: a session cookie, a Bearer token, or nobody; and which organisation the request names. */
export interface Credentials {
  cookie?: string;
  token?: string;
  tenant?: string;
}

export interface TrpcResponse {
  status: number;
  /** The deserialised result on success (superjson's `json` part). */
  data?: unknown;
  error?: { message: string; code: string; httpStatus: number; issues?: unknown };
  /** The raw body, for comparing responses byte for byte and for leak checks. */
  text: string;
}

export async function callTrpc(
  baseUrl: string,
  procedure: { path: string; type: string },
  input: unknown,
  credentials: Credentials = {},
): Promise<TrpcResponse> {
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.tenant) headers[TENANT_HEADER] = credentials.tenant;
  const wrapped = input === undefined ? undefined : JSON.stringify({ json: input });
  let response: Response;
  if (procedure.type === "query") {
    const query = wrapped === undefined ? "" : `?input=${encodeURIComponent(wrapped)}`;
    response = await fetch(`${baseUrl}/api/trpc/${procedure.path}${query}`, { headers });
  } else {
    response = await fetch(`${baseUrl}/api/trpc/${procedure.path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: wrapped ?? "{}",
    });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: response.status, text };
  }
  const envelope = body as {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message?: string; data?: { code?: string; httpStatus?: number; issues?: unknown } } };
  };
  if (envelope.error) {
    const json = envelope.error.json ?? {};
    return {
      status: response.status,
      text,
      error: {
        message: json.message ?? "",
        code: json.data?.code ?? "",
        httpStatus: json.data?.httpStatus ?? response.status,
        issues: json.data?.issues,
      },
    };
  }
  return { status: response.status, data: envelope.result?.data?.json, text };
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await task(items[index] as T);
    }
  });
  await Promise.all(runners);
  return results;
}
