// The one place where tenant scoping is enforced for tenant-owned data: every read and write
// made through tenantDb(tenantId) carries that tenant in its filter or its data, whatever the
// caller passed. Code outside packages/db that touches tenant-owned rows goes through it.
//
// Limits, by design: raw SQL is not scoped (raw helpers in this package take a tenantId
// argument), and nested relation writes (`connect`) are not rewritten: write foreign keys as
// plain ids after reading the parent through tenantDb, as the API layer does.
import type { PrismaClient } from "./generated/prisma/client.ts";

/** Models with a tenantId column (checked against schema.prisma by a test). */
export const TENANT_MODELS = [
  "Membership",
  "Invitation",
  "CloudAccount",
  "VpnConnection",
  "Tunnel",
  "TunnelStatusTransition",
  "TunnelStatusSample",
  "TunnelUptimeHourly",
  "TunnelLogEvent",
  "Incident",
  "IncidentActivity",
  "PostureSnapshot",
  "ConfigChange",
  "MaintenanceEvent",
  "AlertChannel",
  "AlertRule",
  "AlertOutbox",
  "AlertDelivery",
  "ApiToken",
  "AuditLog",
  "IngestionCursor",
] as const;

const TENANT_MODEL_SET = new Set<string>(TENANT_MODELS);

// Models without a tenantId that belong to no single tenant, or whose tenancy follows a parent
// that is itself scoped (AlertRuleChannel joins a scoped rule to a scoped channel).
export const GLOBAL_MODELS = ["Tenant", "User", "Account", "Session", "VerificationToken", "AlertRuleChannel"] as const;

type Args = Record<string, unknown>;

// The tenant condition is ANDed with the caller's filter, so a filter naming another tenant
// matches nothing rather than being rewritten. AND is also valid beside the unique fields of
// findUnique, update, delete and upsert.
function withCondition(args: Args, condition: Args): Args {
  const where = (args.where as Args | undefined) ?? {};
  const and = where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
  return { ...args, where: { ...where, AND: [...and, condition] } };
}

function withTenantFilter(args: Args, tenantId: string, key: string): Args {
  return withCondition(args, { [key]: tenantId });
}

function withTenantData(data: unknown, tenantId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => ({ ...(row as Args), tenantId }));
  return { ...(data as Args), tenantId };
}

// A deleted cloud account waits for housekeeping to remove its data; meanwhile no tenant-scoped
// query reads or changes it, as if it were gone.
function withoutDeletedAccounts(model: string, operation: string, args: Args): Args {
  return model === "CloudAccount" && !operation.startsWith("create") ? withCondition(args, { deletedAt: null }) : args;
}

export function scopeArgs(model: string, operation: string, rawArgs: unknown, tenantId: string): Args {
  const args = withoutDeletedAccounts(model, operation, (rawArgs ?? {}) as Args);
  if (model === "Tenant") {
    if (operation.startsWith("create") || operation.startsWith("delete") || operation === "upsert") {
      throw new Error(`Tenant.${operation} is not allowed through a tenant-scoped client`);
    }
    return withTenantFilter(args, tenantId, "id");
  }
  if (!TENANT_MODEL_SET.has(model)) {
    throw new Error(`${model} is not tenant-owned: use the unscoped client in packages/db for it`);
  }
  switch (operation) {
    case "create":
    case "createMany":
    case "createManyAndReturn":
      return { ...args, data: withTenantData(args.data, tenantId) };
    case "upsert":
      return {
        ...withTenantFilter(args, tenantId, "tenantId"),
        create: withTenantData(args.create, tenantId),
        update: { ...(args.update as Args), tenantId },
      };
    case "update":
    case "updateMany":
    case "updateManyAndReturn":
      return { ...withTenantFilter(args, tenantId, "tenantId"), data: { ...(args.data as Args), tenantId } };
    default:
      // find*, count, aggregate, groupBy, delete, deleteMany
      return withTenantFilter(args, tenantId, "tenantId");
  }
}

/** A client whose every model query is confined to one tenant. */
export function scopeToTenant(prisma: PrismaClient, tenantId: string) {
  if (!tenantId) throw new Error("tenantDb needs a tenant id");
  return prisma.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args, tenantId) as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof scopeToTenant>;
