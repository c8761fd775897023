// Live connections per customer gateway address, with those that have no tunnel up: what the
// fleet overview lists and what the status poll compares before and after it writes, so that a
// gateway taking several connections down is seen once. One group-by over the tenant's
// connections; the statement names the tenant itself (raw SQL is not scoped by tenantDb).
import { Prisma, type Provider } from "./generated/prisma/client.ts";

export interface CustomerGatewayCount {
  customerGatewayIp: string;
  /** Live connections that end on the address. */
  connections: number;
  /** Of them, connections with tunnels and none of them UP. */
  down: number;
  /** Providers and regions of the connections that are down. */
  providers: Provider[];
  regions: string[];
}

interface Query {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T>;
}

/**
 * The tenant's customer gateways with at least `minDown` connections down, the largest share of
 * their connections down first (a gateway that failed outright before one with a few of many
 * down), or only the addresses in `only`.
 */
export async function customerGatewayCounts(
  db: Query,
  tenantId: string,
  options: { minDown: number; limit: number; only?: string[] },
): Promise<CustomerGatewayCount[]> {
  const isDown = Prisma.sql`"tunnelsTotal" > 0 AND "tunnelsUp" = 0`;
  const only = options.only ? Prisma.sql`AND "customerGatewayIp" = ANY(${options.only}::text[])` : Prisma.empty;
  const rows = await db.$queryRaw<
    Array<
      Omit<CustomerGatewayCount, "providers" | "regions"> & { providers: Provider[] | null; regions: string[] | null }
    >
  >`
    SELECT "customerGatewayIp", count(*)::int AS connections,
           count(*) FILTER (WHERE ${isDown})::int AS down,
           array_agg(DISTINCT provider::text) FILTER (WHERE ${isDown}) AS providers,
           array_agg(DISTINCT region) FILTER (WHERE ${isDown}) AS regions
      FROM "VpnConnection"
     WHERE "tenantId" = ${tenantId} AND "deletedAt" IS NULL AND "customerGatewayIp" IS NOT NULL ${only}
     GROUP BY "customerGatewayIp"
    HAVING count(*) FILTER (WHERE ${isDown}) >= ${options.minDown}
     ORDER BY count(*) FILTER (WHERE ${isDown})::float8 / count(*) DESC, down DESC, "customerGatewayIp"
     LIMIT ${options.limit}`;
  return rows.map((r) => ({ ...r, providers: r.providers ?? [], regions: r.regions ?? [] }));
}
