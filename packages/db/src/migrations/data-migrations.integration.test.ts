// Migrations that rewrite stored data: each is run again over rows in the old shape.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../client.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createMigratedTestDatabase, type TestDatabase } from "../testing.ts";
import { MIGRATIONS_DIR } from "./migrations.ts";

async function runMigration(url: string, name: string): Promise<void> {
  const sql = await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("data migrations", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await createMigratedTestDatabase("data-migrations");
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("name the connection, not the tunnel, as the next hop of stored Alibaba routes", async () => {
    const tenant = await prisma.tenant.create({ data: { name: "T", slug: "t" } });
    type Route = { destinationCidr: string; weight: number; nextHop: string };
    const connection = async (provider: "AWS" | "ALIBABA", externalId: string, routeWeights: Route[] | null) => {
      const account = await prisma.cloudAccount.create({
        data: { tenantId: tenant.id, provider, name: externalId, credentialsCipher: "x", credentialsKeyId: "k1" },
      });
      return prisma.vpnConnection.create({
        data: {
          tenantId: tenant.id,
          cloudAccountId: account.id,
          provider,
          region: "cn-hangzhou",
          externalId,
          name: externalId,
          state: "active",
          routing: "BGP",
          normalized: { provider: provider.toLowerCase(), externalId, routeWeights, tunnels: [] },
          lastSeenAt: new Date(),
        },
      });
    };
    const dual = await connection("ALIBABA", "vco-dual", [
      { destinationCidr: "10.1.0.0/16", weight: 100, nextHop: "tun-1" },
      { destinationCidr: "10.2.0.0/16", weight: 0, nextHop: "vco-standby" },
      { destinationCidr: "10.3.0.0/16", weight: 100, nextHop: "tun-2" },
    ]);
    const current = await connection("ALIBABA", "vco-current", [
      { destinationCidr: "10.4.0.0/16", weight: 100, nextHop: "vco-current" },
    ]);
    const unknown = await connection("ALIBABA", "vco-unknown", null);
    const aws = await connection("AWS", "vpn-1", [{ destinationCidr: "10.5.0.0/16", weight: 1, nextHop: "tun-9" }]);
    const before = await prisma.vpnConnection.findMany({ select: { id: true, normalized: true } });

    await runMigration(db.url, "20261206062500_alibaba_route_next_hop_names_connection");

    const stored = async (id: string) =>
      (await prisma.vpnConnection.findUniqueOrThrow({ where: { id }, select: { normalized: true } })).normalized;
    expect(await stored(dual.id)).toMatchObject({
      routeWeights: [
        { destinationCidr: "10.1.0.0/16", weight: 100, nextHop: "vco-dual" },
        { destinationCidr: "10.2.0.0/16", weight: 0, nextHop: "vco-standby" },
        { destinationCidr: "10.3.0.0/16", weight: 100, nextHop: "vco-dual" },
      ],
      tunnels: [],
    });
    const untouched = (id: string) => before.find((row) => row.id === id)?.normalized;
    for (const id of [current.id, unknown.id, aws.id]) expect(await stored(id)).toEqual(untouched(id));
  });
});
