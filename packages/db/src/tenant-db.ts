import { getPrisma } from "./client.ts";
import { scopeToTenant, type TenantDb } from "./tenant.ts";

/** The tenant-scoped data-access entry point: every tenant-owned read and write goes through it. */
export function tenantDb(tenantId: string): TenantDb {
  return scopeToTenant(getPrisma(), tenantId);
}
