// Applies the core's incident decisions to the database. The decision rules live in
// packages/core (incidents/folding.ts); this module only loads state and writes results.
import {
  type ActiveIncident,
  advanceIncidents,
  type FoldingEvent,
  type FoldingPolicy,
  type IncidentDecision,
  type LogFaultCode,
  type Severity,
} from "@tunnelwatch/core";
import { type Severity as DbSeverity, type Prisma, type PrismaClient, recordIncidentAlert } from "@tunnelwatch/db";

type Tx = Prisma.TransactionClient;

export const toDbSeverity = (severity: Severity): DbSeverity => severity.toUpperCase() as DbSeverity;

const ACTIVE = ["PENDING", "OPEN", "ACKNOWLEDGED"] as const;

export interface IncidentScope {
  tenantId: string;
  connectionId: string;
  /** null for connection-level incidents (customer-gateway lines without a tunnel). */
  tunnelId: string | null;
  tunnelIndex: number | null;
}

const TITLES: Partial<Record<LogFaultCode, string>> = {
  IKE_AUTH_FAILURE: "IKE authentication failure",
  IKE_PROPOSAL_MISMATCH: "Phase 1 proposal mismatch",
  IPSEC_PROPOSAL_MISMATCH: "Phase 2 proposal mismatch",
  TRAFFIC_SELECTOR_MISMATCH: "Traffic selector mismatch",
  DPD_TIMEOUT: "DPD timeout",
  IDLE_TIMEOUT: "Idle timeout",
  REKEY_FAILURE: "Rekey failure",
  PEER_UNREACHABLE: "Peer unreachable",
  NAT_T_ISSUE: "NAT traversal problem",
  BGP_SESSION_DOWN: "BGP session down",
  TUNNEL_DOWN_OTHER: "Tunnel down",
};

export function incidentTitle(code: string, tunnelIndex: number | null): string {
  const name = TITLES[code as LogFaultCode] ?? code;
  return tunnelIndex === null ? name : `${name} on tunnel ${tunnelIndex}`;
}

/** Serialises incident decisions per tunnel (or connection) across jobs and workers. */
export async function lockScope(tx: Tx, scope: IncidentScope): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope.tunnelId ?? scope.connectionId}))`;
}

export async function loadActiveIncidents(tx: Tx, scope: IncidentScope): Promise<ActiveIncident[]> {
  const rows = await tx.incident.findMany({
    where: {
      tenantId: scope.tenantId,
      connectionId: scope.connectionId,
      tunnelId: scope.tunnelId,
      kind: "LOG_FAULT",
      status: { in: [...ACTIVE] },
    },
    select: {
      id: true,
      code: true,
      status: true,
      firstEventAt: true,
      lastEventAt: true,
      eventCount: true,
      recoveringSince: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code as LogFaultCode,
    state: r.status === "PENDING" ? "pending" : r.recoveringSince ? "recovering" : "open",
    firstEventAt: r.firstEventAt,
    lastEventAt: r.lastEventAt,
    eventCount: r.eventCount,
    ...(r.recoveringSince ? { recoveringSince: r.recoveringSince } : {}),
  }));
}

export interface AppliedEvent extends FoldingEvent {
  evidence?: string | null;
}

export async function resolveIncident(
  tx: Tx,
  scope: { tenantId: string },
  incidentId: string,
  reason: string,
  at: Date,
) {
  await tx.incident.update({
    where: { id: incidentId },
    data: { status: "RESOLVED", resolvedAt: at, resolvedReason: reason, activeKey: null, recoveringSince: null },
  });
  await activity(tx, scope, incidentId, "RESOLVED", reason);
}

/** A pending incident that persisted: it opens now (the time-based half of hysteresis). */
export async function confirmIncident(tx: Tx, scope: { tenantId: string }, incidentId: string, at: Date) {
  await tx.incident.update({ where: { id: incidentId }, data: { status: "OPEN", openedAt: at } });
  await activity(tx, scope, incidentId, "OPENED", "the fault persisted without recovering");
}

async function activity(
  tx: Tx,
  scope: { tenantId: string },
  incidentId: string,
  kind: "OPENED" | "RESOLVED",
  body: string | null | undefined,
) {
  await tx.incidentActivity.create({ data: { tenantId: scope.tenantId, incidentId, kind, body: body ?? null } });
  await recordIncidentAlert(tx, incidentId, kind === "OPENED" ? "INCIDENT_OPENED" : "INCIDENT_RESOLVED", body ?? null);
}

/** The time-based half of hysteresis, for every tenant: open what persisted, resolve what held. */
async function advanceAllIncidents(prisma: Prisma.TransactionClient & { $transaction?: unknown }, now: Date) {
  const rows = await prisma.incident.findMany({
    where: {
      kind: "LOG_FAULT",
      OR: [{ status: "PENDING" }, { recoveringSince: { not: null }, status: { in: ["OPEN", "ACKNOWLEDGED"] } }],
    },
    select: {
      id: true,
      tenantId: true,
      connectionId: true,
      tunnelId: true,
      code: true,
      status: true,
      firstEventAt: true,
      lastEventAt: true,
      eventCount: true,
      recoveringSince: true,
      tenant: { select: { incidentOpenDelaySec: true, incidentResolveDelaySec: true } },
    },
    take: 5_000,
  });
  const decided: Array<{ row: (typeof rows)[number]; decision: IncidentDecision }> = [];
  for (const row of rows) {
    const policy = policyOf(row.tenant);
    const active: ActiveIncident = {
      id: row.id,
      code: row.code as LogFaultCode,
      state: row.status === "PENDING" ? "pending" : "recovering",
      firstEventAt: row.firstEventAt,
      lastEventAt: row.lastEventAt,
      eventCount: row.eventCount,
      ...(row.recoveringSince ? { recoveringSince: row.recoveringSince } : {}),
    };
    for (const decision of advanceIncidents([active], now, policy)) decided.push({ row, decision });
  }
  return decided;
}

/**
 * Opens what persisted and resolves what held, each under its scope's lock and as of when its
 * delay ran out (advanceIncidents dates them); returns how many decisions were applied.
 */
export async function advanceIncidentsInTime(prisma: PrismaClient, now: Date): Promise<number> {
  const decided = await advanceAllIncidents(prisma, now);
  for (const { row, decision } of decided) {
    const scope: IncidentScope = {
      tenantId: row.tenantId,
      connectionId: row.connectionId,
      tunnelId: row.tunnelId,
      tunnelIndex: null,
    };
    await prisma.$transaction(async (tx) => {
      await lockScope(tx, scope);
      // Re-check under the lock: a fold may have changed the incident since it was read.
      const current = await tx.incident.findUnique({
        where: { id: row.id },
        select: { status: true, recoveringSince: true, openedAt: true },
      });
      if (!current || current.status === "RESOLVED") return;
      if (decision.action === "resolve" && current.recoveringSince) {
        // A recovery read out of order can predate the opening; an incident never resolves before it opened.
        const at = current.openedAt && current.openedAt > decision.at ? current.openedAt : decision.at;
        await resolveIncident(tx, scope, row.id, decision.reason, at);
      } else if (decision.action === "confirm" && current.status === "PENDING") {
        await confirmIncident(tx, scope, row.id, decision.at);
      }
    });
  }
  return decided.length;
}

export function policyOf(tenant: { incidentOpenDelaySec: number; incidentResolveDelaySec: number }): FoldingPolicy {
  return {
    openAfterSeconds: tenant.incidentOpenDelaySec,
    openAfterEvents: 3,
    resolveAfterSeconds: tenant.incidentResolveDelaySec,
  };
}
