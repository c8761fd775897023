export { producerQueue } from "./admin/queue.ts";
export { audit } from "./audit.ts";
export { createApiContext, TENANT_COOKIE, TENANT_HEADER } from "./context.ts";
export { type Page, pageArgs, pageInput } from "./pagination.ts";
export { hasRole, ROLES, roleOfTokenScopes } from "./roles.ts";
export { type AppRouter, appRouter } from "./routers/_app.ts";
export {
  type Access,
  type ApiContext,
  type ApiMeta,
  type Caller,
  createCallerFactory,
  type TenantContext,
} from "./trpc.ts";
