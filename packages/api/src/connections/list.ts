// The connections table: filters and sorts on the columns the worker denormalises onto
// VpnConnection (grade, expected downtime, tunnels up), so every filter is a WHERE in SQL and
// every page is one bounded query plus a count.
import { FINDING_CODES } from "@tunnelwatch/core";
import { Criticality, type Prisma, Provider, Routing, type TenantDb } from "@tunnelwatch/db";
import { z } from "zod";
import { type Page, pageArgs, pageInput } from "../pagination.ts";

export const CONNECTION_STATUS_FILTERS = ["ALL_UP", "ANY_DOWN", "REDUNDANCY_LOST", "OUTAGE"] as const;
export const CONNECTION_SORTS = ["name", "grade", "expectedDowntimeSec", "tunnelsUp", "lastSeenAt"] as const;

export const listInput = pageInput.extend({
  provider: z.enum(Provider).optional(),
  region: z.string().trim().min(1).max(64).optional(),
  /** A grade, or UNGRADED for connections not evaluated yet. */
  grade: z.enum(["A", "B", "C", "D", "F", "UNGRADED"]).optional(),
  routing: z.enum(Routing).optional(),
  /**
   * ALL_UP: every tunnel UP; ANY_DOWN: at least one tunnel not UP; REDUNDANCY_LOST: the posture
   * finding of that name; OUTAGE: no tunnel UP.
   */
  status: z.enum(CONNECTION_STATUS_FILTERS).optional(),
  criticality: z.enum(Criticality).optional(),
  /** Connections whose current posture has this finding (faults.md §2). */
  finding: z.enum(FINDING_CODES).optional(),
  cloudAccountId: z.string().trim().min(1).max(64).optional(),
  /** A tag as key=value (the value may be empty). */
  tag: z
    .string()
    .trim()
    .max(256)
    .regex(/^[^=]+=/, "Write the tag as key=value, e.g. env=prod")
    .optional(),
  /** Connections that end on this customer gateway address (exactly). */
  gateway: z.string().trim().min(1).max(64).optional(),
  /** Part of the name, the provider's id (vpn-..., vco-...) or the customer gateway IP. */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(CONNECTION_SORTS).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  /** Also connections the provider no longer reports. */
  includeRemoved: z.boolean().default(false),
});
export type ListInput = z.infer<typeof listInput>;

export function listWhere(db: TenantDb, input: ListInput): Prisma.VpnConnectionWhereInput {
  const and: Prisma.VpnConnectionWhereInput[] = [];
  if (!input.includeRemoved) and.push({ deletedAt: null });
  if (input.provider) and.push({ provider: input.provider });
  if (input.region) and.push({ region: input.region });
  if (input.grade) and.push({ grade: input.grade === "UNGRADED" ? null : input.grade });
  if (input.routing) and.push({ routing: input.routing });
  if (input.criticality) and.push({ criticality: input.criticality });
  if (input.cloudAccountId) and.push({ cloudAccountId: input.cloudAccountId });
  if (input.finding) and.push({ findingCodes: { has: input.finding } });
  if (input.gateway) and.push({ customerGatewayIp: input.gateway });
  const fields = db.vpnConnection.fields;
  switch (input.status) {
    case "ALL_UP":
      and.push({ tunnelsTotal: { gt: 0 } }, { tunnelsUp: { equals: fields.tunnelsTotal } });
      break;
    case "ANY_DOWN":
      and.push({ tunnelsUp: { lt: fields.tunnelsTotal } });
      break;
    case "REDUNDANCY_LOST":
      and.push({ findingCodes: { has: "TUNNEL_REDUNDANCY_LOST" } });
      break;
    case "OUTAGE":
      and.push({ tunnelsTotal: { gt: 0 } }, { tunnelsUp: 0 });
      break;
  }
  if (input.tag) {
    const at = input.tag.indexOf("=");
    and.push({ tags: { path: [input.tag.slice(0, at).trim()], equals: input.tag.slice(at + 1).trim() } });
  }
  if (input.q) {
    and.push({
      OR: [
        { name: { contains: input.q, mode: "insensitive" } },
        { externalId: { contains: input.q, mode: "insensitive" } },
        { customerGatewayIp: { contains: input.q } },
      ],
    });
  }
  return { AND: and };
}

function listOrder(input: ListInput): Prisma.VpnConnectionOrderByWithRelationInput[] {
  const order = input.order;
  const primary: Prisma.VpnConnectionOrderByWithRelationInput =
    input.sort === "grade"
      ? { grade: { sort: order, nulls: "last" } }
      : input.sort === "expectedDowntimeSec"
        ? { expectedDowntimeSec: { sort: order, nulls: "last" } }
        : { [input.sort]: order };
  // A total order, so that pages neither repeat nor skip rows.
  return input.sort === "name" ? [primary, { id: "asc" }] : [primary, { name: "asc" }, { id: "asc" }];
}

const OPEN_STATUSES = ["OPEN", "ACKNOWLEDGED"] as const;

const listSelect = {
  id: true,
  name: true,
  externalId: true,
  provider: true,
  region: true,
  routing: true,
  state: true,
  grade: true,
  expectedDowntimeSec: true,
  findingCodes: true,
  criticality: true,
  tunnelsUp: true,
  tunnelsTotal: true,
  customerGatewayIp: true,
  tags: true,
  lastSeenAt: true,
  deletedAt: true,
  cloudAccount: { select: { id: true, name: true } },
} satisfies Prisma.VpnConnectionSelect;

export async function listConnections(db: TenantDb, input: ListInput) {
  const where = listWhere(db, input);
  const [rows, total] = await Promise.all([
    db.vpnConnection.findMany({ where, orderBy: listOrder(input), ...pageArgs(input), select: listSelect }),
    db.vpnConnection.count({ where }),
  ]);
  // Open incidents of this page's connections only, by the (connectionId, status) index: a
  // relation count would aggregate every open incident before joining.
  const open =
    rows.length === 0
      ? []
      : await db.incident.groupBy({
          by: ["connectionId"],
          where: { connectionId: { in: rows.map((r) => r.id) }, status: { in: [...OPEN_STATUSES] } },
          _count: { _all: true },
        });
  const openByConnection = new Map(open.map((o) => [o.connectionId, o._count._all]));
  const items = rows.map(({ tags, ...row }) => ({
    ...row,
    tags: (tags ?? {}) as Record<string, string>,
    openIncidents: openByConnection.get(row.id) ?? 0,
  }));
  return { items, total, page: input.page, pageSize: input.pageSize } satisfies Page<(typeof items)[number]>;
}

/** What the filter drop-downs offer: providers and regions in use, and the cloud accounts. */
export async function listFilterOptions(db: TenantDb) {
  const [regions, accounts] = await Promise.all([
    db.vpnConnection.groupBy({
      by: ["provider", "region"],
      where: { deletedAt: null },
      orderBy: [{ provider: "asc" }, { region: "asc" }],
      take: 500,
    }),
    db.cloudAccount.findMany({
      select: { id: true, name: true, provider: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
    }),
  ]);
  return {
    providers: [...new Set(regions.map((r) => r.provider))],
    regions: [...new Set(regions.map((r) => r.region))].sort(),
    accounts,
  };
}
