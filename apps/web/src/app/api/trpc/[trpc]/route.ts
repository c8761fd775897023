// The tRPC endpoint: the dashboard (session cookie) and integrations (Authorization: Bearer)
// call the same routers.

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createApiContext, TENANT_COOKIE, TENANT_HEADER } from "@tunnelwatch/api";
import { getPrisma } from "@tunnelwatch/db";
import { currentUserId } from "~/server/auth/session.ts";

export const dynamic = "force-dynamic";

function cookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    async createContext() {
      const authorization = request.headers.get("authorization");
      return createApiContext({
        prisma: getPrisma(),
        // A Bearer token decides alone: a request never mixes a token and a session.
        sessionUserId: authorization ? null : await currentUserId(),
        authorization,
        tenantHint: request.headers.get(TENANT_HEADER) ?? cookie(request, TENANT_COOKIE),
        ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? request.headers.get("x-real-ip"),
      });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
