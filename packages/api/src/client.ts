// A typed client for integrations: scripts call the same procedures as the dashboard.
//
//   import { createTunnelwatchClient } from "@tunnelwatch/api/client";
//   const tw = createTunnelwatchClient({ url: "https://tunnelwatch.example.com", token: process.env.TUNNELWATCH_TOKEN! });
//   const overview = await tw.fleet.overview.query();
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { TENANT_HEADER } from "./context.ts";
import type { AppRouter } from "./routers/_app.ts";

export function createTunnelwatchClient(options: { url: string; token: string; tenant?: string }) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.url.replace(/\/$/, "")}/api/trpc`,
        transformer: superjson,
        headers: () => ({
          authorization: `Bearer ${options.token}`,
          ...(options.tenant ? { [TENANT_HEADER]: options.tenant } : {}),
        }),
      }),
    ],
  });
}
