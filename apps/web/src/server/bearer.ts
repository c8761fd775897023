import { type ApiTokenScope, getPrisma, type VerifiedApiToken, verifyApiToken } from "@tunnelwatch/db";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The API token of an `Authorization: Bearer` request, with the scope it needs. */
export async function requireToken(request: Request, scope: ApiTokenScope): Promise<VerifiedApiToken> {
  const header = request.headers.get("authorization") ?? "";
  const [kind, token] = header.split(/\s+/, 2);
  if (kind?.toLowerCase() !== "bearer" || !token) {
    throw new HttpError(401, "Send an API token: Authorization: Bearer <token>");
  }
  const verified = await verifyApiToken(getPrisma(), token);
  if (!verified) throw new HttpError(401, "The API token is unknown, revoked or expired");
  if (!verified.scopes.includes(scope)) throw new HttpError(403, `The API token lacks the "${scope}" scope`);
  return verified;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return Response.json({ error: error.message }, { status: error.status });
  console.error(error);
  return Response.json({ error: "Internal error" }, { status: 500 });
}

/** Reads at most `limit` bytes of the body; larger bodies are refused, not truncated. */
export async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit)
    throw new HttpError(413, `Body is ${declared} bytes; the limit is ${limit}. Split it into several requests.`);
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, `Body is larger than ${limit} bytes. Split it into several requests.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
