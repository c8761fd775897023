import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH } from "./migrations/migrations.ts";
import { GLOBAL_MODELS, scopeArgs, TENANT_MODELS } from "./tenant.ts";

function modelsOfSchema() {
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({
    name: name as string,
    hasTenantId: /^\s+tenantId\s/m.test(body ?? ""),
  }));
}

describe("tenant-owned models", () => {
  it("lists exactly the schema's models that have a tenantId", () => {
    const models = modelsOfSchema();
    expect([...TENANT_MODELS].sort()).toEqual(
      models
        .filter((m) => m.hasTenantId)
        .map((m) => m.name)
        .sort(),
    );
    expect([...GLOBAL_MODELS].sort()).toEqual(
      models
        .filter((m) => !m.hasTenantId)
        .map((m) => m.name)
        .sort(),
    );
  });
});

describe("scopeArgs", () => {
  it("ANDs the tenant with the caller's filter, so naming another tenant matches nothing", () => {
    expect(scopeArgs("Tunnel", "findMany", { where: { status: "UP", tenantId: "other" } }, "t1")).toEqual({
      where: { status: "UP", tenantId: "other", AND: [{ tenantId: "t1" }] },
    });
    expect(scopeArgs("Tunnel", "count", undefined, "t1")).toEqual({ where: { AND: [{ tenantId: "t1" }] } });
    expect(scopeArgs("Incident", "delete", { where: { id: "i", AND: { code: "X" } } }, "t1")).toEqual({
      where: { id: "i", AND: [{ code: "X" }, { tenantId: "t1" }] },
    });
  });

  it("never reads or changes a deleted cloud account, but creates accounts as given", () => {
    expect(scopeArgs("CloudAccount", "findFirst", { where: { id: "a" } }, "t1")).toEqual({
      where: { id: "a", AND: [{ deletedAt: null }, { tenantId: "t1" }] },
    });
    expect(scopeArgs("CloudAccount", "updateMany", { where: { id: "a" }, data: { name: "n" } }, "t1")).toEqual({
      where: { id: "a", AND: [{ deletedAt: null }, { tenantId: "t1" }] },
      data: { name: "n", tenantId: "t1" },
    });
    expect(scopeArgs("CloudAccount", "create", { data: { name: "n" } }, "t1")).toEqual({
      data: { name: "n", tenantId: "t1" },
    });
  });

  it("stamps the tenant on created rows, one or many", () => {
    expect(scopeArgs("ApiToken", "create", { data: { name: "n", tenantId: "other" } }, "t1")).toEqual({
      data: { name: "n", tenantId: "t1" },
    });
    expect(scopeArgs("AuditLog", "createMany", { data: [{ action: "a" }, { action: "b" }] }, "t1")).toEqual({
      data: [
        { action: "a", tenantId: "t1" },
        { action: "b", tenantId: "t1" },
      ],
    });
  });

  it("keeps updates and upserts inside the tenant and stops them moving rows out", () => {
    expect(scopeArgs("Tunnel", "updateMany", { where: {}, data: { tenantId: "other" } }, "t1")).toEqual({
      where: { AND: [{ tenantId: "t1" }] },
      data: { tenantId: "t1" },
    });
    expect(
      scopeArgs(
        "IngestionCursor",
        "upsert",
        { where: { id: "c" }, create: { stream: "s" }, update: { position: {} } },
        "t1",
      ),
    ).toEqual({
      where: { id: "c", AND: [{ tenantId: "t1" }] },
      create: { stream: "s", tenantId: "t1" },
      update: { position: {}, tenantId: "t1" },
    });
  });

  it("reads only its own Tenant row and cannot create or delete tenants", () => {
    expect(scopeArgs("Tenant", "findFirst", {}, "t1")).toEqual({ where: { AND: [{ id: "t1" }] } });
    expect(() => scopeArgs("Tenant", "delete", { where: { id: "t2" } }, "t1")).toThrow(/not allowed/);
  });

  it("refuses models that are not tenant-owned", () => {
    expect(() => scopeArgs("User", "findMany", {}, "t1")).toThrow(/User is not tenant-owned/);
  });
});
