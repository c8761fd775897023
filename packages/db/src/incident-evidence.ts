// The log lines behind an incident: the events of its tunnel (or connection) with its code,
// from when it started until it resolved (or now). Read by query rather than stored links.
import type { Prisma, PrismaClient } from "./generated/prisma/client.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export interface EvidenceIncident {
  tenantId: string;
  connectionId: string;
  tunnelId: string | null;
  code: string;
  firstEventAt: Date;
  lastEventAt: Date;
  resolvedAt?: Date | null;
}

export function incidentEvidence(
  db: Db,
  incident: EvidenceIncident,
  options: { limit?: number; codes?: string[] } = {},
) {
  return db.tunnelLogEvent.findMany({
    where: {
      tenantId: incident.tenantId,
      connectionId: incident.connectionId,
      ...(incident.tunnelId ? { tunnelId: incident.tunnelId } : {}),
      code: { in: options.codes ?? [incident.code] },
      occurredAt: { gte: incident.firstEventAt, lte: incident.resolvedAt ?? incident.lastEventAt },
    },
    orderBy: { occurredAt: "asc" },
    take: options.limit ?? 100,
    select: { occurredAt: true, raw: true, vendor: true, code: true, severity: true, evidence: true, stream: true },
  });
}
