// Builds the API context of one request: who calls (session user or Bearer token) and which
// organisation the request names. Used by the web app's route handler and by tests.
import { type PrismaClient, verifyApiToken } from "@tunnelwatch/db";
import type { ApiContext, Caller } from "./trpc.ts";

/** Header an integration sets to name the organisation (slug or id); the web app sets a cookie instead. */
export const TENANT_HEADER = "x-tunnelwatch-tenant";
export const TENANT_COOKIE = "tw-tenant";

export async function createApiContext(options: {
  prisma: PrismaClient;
  /** The signed-in person's id, from the session, if any. */
  sessionUserId: string | null;
  authorization: string | null;
  tenantHint: string | null;
  ip: string | null;
}): Promise<ApiContext> {
  let caller: Caller = { kind: "anonymous" };
  const header = options.authorization?.trim() ?? "";
  if (header) {
    const [kind, token] = header.split(/\s+/, 2);
    if (kind?.toLowerCase() !== "bearer" || !token) {
      caller = { kind: "anonymous", reason: "Malformed Authorization header: use Authorization: Bearer <token>." };
    } else {
      const verified = await verifyApiToken(options.prisma, token);
      caller = verified
        ? { kind: "token", tokenId: verified.tokenId, tenantId: verified.tenantId, scopes: verified.scopes }
        : { kind: "anonymous", reason: "The API token is unknown, revoked or expired." };
    }
  } else if (options.sessionUserId) {
    caller = { kind: "user", userId: options.sessionUserId };
  }
  return { prisma: options.prisma, caller, tenantHint: options.tenantHint?.trim() || null, ip: options.ip };
}
