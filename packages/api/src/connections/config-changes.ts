// Configuration changes as the dashboard lists them, for one connection or the whole fleet:
// newest first, each with its label, whether the provider made it (an endpoint replaced) and,
// for a list, what it gained and lost.
import {
  CONFIG_PARAMETER_LABELS,
  type ConfigParameter,
  listDifference,
  PROVIDER_DRIVEN_PARAMETERS,
} from "@tunnelwatch/core";
import type { Prisma, TenantDb } from "@tunnelwatch/db";
import { type Page, type PageInput, pageArgs } from "../pagination.ts";

export interface ConfigChangeQuery extends PageInput {
  /** One connection's changes; without it, those of the tenant's live connections. */
  connectionId?: string;
  /** Without the endpoints the provider replaced. */
  madeOnly: boolean;
  since?: Date;
}

export async function listConfigChanges(db: TenantDb, query: ConfigChangeQuery) {
  const where: Prisma.ConfigChangeWhereInput = {
    ...(query.connectionId ? { connectionId: query.connectionId } : { connection: { deletedAt: null } }),
    ...(query.madeOnly ? { parameter: { notIn: [...PROVIDER_DRIVEN_PARAMETERS] } } : {}),
    ...(query.since ? { detectedAt: { gte: query.since } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.configChange.findMany({
      where,
      orderBy: [
        { detectedAt: "desc" },
        { connectionId: "asc" },
        { tunnelIndex: { sort: "asc", nulls: "first" } },
        { id: "asc" },
      ],
      ...pageArgs(query),
      select: {
        id: true,
        tunnelIndex: true,
        parameter: true,
        before: true,
        after: true,
        gradeBefore: true,
        gradeAfter: true,
        detectedAt: true,
        connection: { select: { id: true, name: true, provider: true, region: true } },
      },
    }),
    db.configChange.count({ where }),
  ]);
  const items = rows.map((row) => {
    const parameter = row.parameter as ConfigParameter;
    return {
      ...row,
      label: CONFIG_PARAMETER_LABELS[parameter] ?? row.parameter,
      isProviderDriven: PROVIDER_DRIVEN_PARAMETERS.has(parameter),
      /** For a list (routes, algorithms...): the items it gained and lost. */
      difference: listDifference({ parameter, before: row.before, after: row.after }),
    };
  });
  const page: Page<(typeof items)[number]> = { items, total, page: query.page, pageSize: query.pageSize };
  return page;
}
