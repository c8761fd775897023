// Folds a batch of events (one page of logs for one tunnel) into incidents with a handful of
// queries: the core's rules run event by event on an in-memory copy of the active incidents, and
// only the final state of each touched incident is written.
import {
  type ActiveIncident,
  type Classification,
  type FoldingPolicy,
  foldEvent,
  type IncidentDecision,
  renewsSa,
  SA_RENEWAL,
} from "@tunnelwatch/core";
import { type IncidentActivityKind, type Prisma, recordIncidentAlert } from "@tunnelwatch/db";
import {
  type AppliedEvent,
  type IncidentScope,
  incidentTitle,
  loadActiveIncidents,
  lockScope,
  toDbSeverity,
} from "./incidents.ts";

type Tx = Prisma.TransactionClient;

interface Working extends ActiveIncident {
  isNew: boolean;
  isDeleted: boolean;
  isChanged: boolean;
  severity?: string;
  isMaintenance?: boolean;
  status: "PENDING" | "OPEN" | "RESOLVED";
  openedAt?: Date;
  resolvedAt?: Date;
  resolvedReason?: string;
  activities: Array<{ kind: IncidentActivityKind; body: string | null; at: Date }>;
}

// Events reach an incident out of time order: a status poll stamps its own time, a log line its
// line's time, and streams and pages arrive in any order. The incident spans them all.
function widenSpan(w: Working, at: Date) {
  if (at > w.lastEventAt) w.lastEventAt = at;
  if (at < w.firstEventAt) w.firstEventAt = at;
}

const activeKey = (scope: IncidentScope, code: string) => `${scope.tunnelId ?? scope.connectionId}:${code}`;

export async function foldBatch(
  tx: Tx,
  scope: IncidentScope,
  events: readonly AppliedEvent[],
  policy: FoldingPolicy,
): Promise<number> {
  if (events.length === 0) return 0;
  const loaded = await loadActiveIncidents(tx, scope);
  const all: Working[] = loaded.map((i) => ({
    ...i,
    isNew: false,
    isDeleted: false,
    isChanged: false,
    status: i.state === "pending" ? "PENDING" : "OPEN",
    activities: [],
  }));
  let next = 0;
  const active = () => all.filter((w) => !w.isDeleted && w.status !== "RESOLVED");
  const byId = (id: string) => all.find((w) => w.id === id) as Working;

  for (const event of events) {
    const decisions: IncidentDecision[] = foldEvent(active(), event, policy);
    for (const d of decisions) {
      switch (d.action) {
        case "create": {
          const w: Working = {
            id: `new-${next++}`,
            code: d.code,
            state: d.confirmed ? "open" : "pending",
            status: d.confirmed ? "OPEN" : "PENDING",
            firstEventAt: event.occurredAt,
            lastEventAt: event.occurredAt,
            eventCount: 1,
            severity: d.severity,
            isMaintenance: d.isMaintenance,
            isNew: true,
            isDeleted: false,
            isChanged: true,
            activities: d.confirmed ? [{ kind: "OPENED", body: event.evidence ?? null, at: event.occurredAt }] : [],
            ...(d.confirmed ? { openedAt: event.occurredAt } : {}),
          };
          all.push(w);
          break;
        }
        case "fold": {
          const w = byId(d.incidentId);
          w.eventCount++;
          widenSpan(w, event.occurredAt);
          if (d.confirmed) {
            w.status = "OPEN";
            w.state = "open";
            w.openedAt = event.occurredAt;
            w.activities.push({ kind: "OPENED", body: event.evidence ?? null, at: event.occurredAt });
          }
          w.isChanged = true;
          break;
        }
        case "refine": {
          const w = byId(d.incidentId);
          w.code = d.code;
          w.severity = d.severity;
          w.eventCount++;
          widenSpan(w, event.occurredAt);
          w.activities.push({
            kind: "CAUSE_NAMED",
            body: `Cause named from the logs: ${d.code}`,
            at: event.occurredAt,
          });
          w.isChanged = true;
          break;
        }
        case "reopen": {
          const w = byId(d.incidentId);
          w.state = "open";
          delete w.recoveringSince;
          w.eventCount++;
          widenSpan(w, event.occurredAt);
          w.activities.push({ kind: "REOPENED", body: event.evidence ?? null, at: event.occurredAt });
          w.isChanged = true;
          break;
        }
        case "start-recovery": {
          const w = byId(d.incidentId);
          w.state = "recovering";
          w.recoveringSince = event.occurredAt;
          w.activities.push({ kind: "RECOVERING", body: `Recovery seen: ${event.code}`, at: event.occurredAt });
          w.isChanged = true;
          break;
        }
        case "discard":
          byId(d.incidentId).isDeleted = true;
          break;
        case "confirm": {
          const w = byId(d.incidentId);
          w.status = "OPEN";
          w.state = "open";
          w.openedAt = d.at;
          w.activities.push({ kind: "OPENED", body: `Persisted until ${event.code}`, at: d.at });
          w.isChanged = true;
          break;
        }
        case "resolve": {
          const w = byId(d.incidentId);
          w.status = "RESOLVED";
          w.resolvedAt = d.at;
          w.resolvedReason = d.reason;
          w.activities.push({ kind: "RESOLVED", body: d.reason, at: d.at });
          w.isChanged = true;
          break;
        }
      }
    }
  }

  let writes = 0;
  for (const w of all) {
    if (w.isDeleted) {
      if (!w.isNew) await tx.incident.delete({ where: { id: w.id } });
      continue;
    }
    if (!w.isChanged) continue;
    const isActive = w.status !== "RESOLVED";
    const fields = {
      code: w.code,
      status: w.status,
      title: incidentTitle(w.code, scope.tunnelIndex),
      firstEventAt: w.firstEventAt,
      lastEventAt: w.lastEventAt,
      eventCount: w.eventCount,
      recoveringSince: w.state === "recovering" ? (w.recoveringSince ?? null) : null,
      activeKey: isActive ? activeKey(scope, w.code) : null,
      ...(w.severity ? { severity: toDbSeverity(w.severity as never) } : {}),
      ...(w.openedAt ? { openedAt: w.openedAt } : {}),
      ...(w.resolvedAt ? { resolvedAt: w.resolvedAt, resolvedReason: w.resolvedReason ?? null } : {}),
    };
    let id = w.id;
    if (w.isNew) {
      const created = await tx.incident.create({
        data: {
          tenantId: scope.tenantId,
          connectionId: scope.connectionId,
          tunnelId: scope.tunnelId,
          kind: "LOG_FAULT",
          severity: toDbSeverity((w.severity ?? "major") as never),
          isMaintenance: w.isMaintenance ?? false,
          ...fields,
        },
        select: { id: true },
      });
      id = created.id;
    } else {
      await tx.incident.update({ where: { id }, data: fields });
    }
    writes++;
    if (w.activities.length > 0) {
      await tx.incidentActivity.createMany({
        data: w.activities.map((a) => ({
          tenantId: scope.tenantId,
          incidentId: id,
          kind: a.kind,
          body: a.body,
          createdAt: a.at,
        })),
      });
      // An incident that opened and resolved within one batch is history by the time it is read
      // (a backlog of logs): it is on the dashboard, but alerting on it now would only be noise.
      const isHistory = w.isNew && w.status === "RESOLVED";
      for (const a of isHistory ? [] : w.activities) {
        if (a.kind === "OPENED") await recordIncidentAlert(tx, id, "INCIDENT_OPENED", a.body);
        if (a.kind === "RESOLVED") await recordIncidentAlert(tx, id, "INCIDENT_RESOLVED", a.body);
      }
    }
  }
  return writes;
}

/**
 * Folds the newly stored events among `classified` (those whose fingerprint is in `inserted`)
 * into the scope's incidents, in time order. Informational lines fold only when they clear a
 * fault; every line, stored now or before, tells when an SA was last renewed, so that the delete
 * of the SA a rekey replaced is not taken for an outage.
 */
export async function foldNewEvents(
  tx: Tx,
  scope: IncidentScope,
  classified: ReadonlyArray<{ row: { fingerprint: string; occurredAt: Date }; classification: Classification }>,
  inserted: ReadonlySet<string>,
  policy: FoldingPolicy,
): Promise<void> {
  const inOrder = [...classified].sort((a, b) => a.row.occurredAt.getTime() - b.row.occurredAt.getTime());
  const isSignal = (c: (typeof inOrder)[number]) =>
    inserted.has(c.row.fingerprint) && (c.classification.code !== "INFO" || c.classification.clears.length > 0);
  const first = inOrder.find(isSignal);
  if (!first) return;
  await lockScope(tx, scope);
  const downs = inOrder.filter((c) => isSignal(c) && c.classification.code === "TUNNEL_DOWN_OTHER");
  let renewedAt = downs.length > 0 ? await lastRenewalBefore(tx, scope, first.row.occurredAt, policy) : undefined;
  const replacements = await storedReplacements(tx, scope, downs);
  const events: AppliedEvent[] = [];
  for (const c of inOrder) {
    const { saNumber } = c.classification.fields;
    if (renewsSa(c.classification)) renewedAt = c.row.occurredAt;
    if (!isSignal(c)) continue;
    const deletesReplacedSa =
      c.classification.code === "TUNNEL_DOWN_OTHER" &&
      saNumber !== undefined &&
      replacements.some((r) => r.saNumber === saNumber && isWithinLookback(r.occurredAt, c.row.occurredAt));
    events.push({
      code: c.classification.code,
      severity: c.classification.severity,
      occurredAt: c.row.occurredAt,
      clears: c.classification.clears,
      evidence: c.classification.evidence,
      ...(renewedAt ? { renewedAt } : {}),
      ...(deletesReplacedSa ? { deletesReplacedSa } : {}),
    });
  }
  await foldBatch(tx, scope, events, policy);
}

// How far back a rekey that named an SA as replaced is looked for: an IKE SA lives a day at most.
const REPLACED_SA_LOOKBACK_MS = 24 * 3600 * 1000;
const isWithinLookback = (rekeyAt: Date, at: Date) =>
  rekeyAt <= at && at.getTime() - rekeyAt.getTime() <= REPLACED_SA_LOOKBACK_MS;

/**
 * The stored rekeys of the scope (this batch's rows are stored already) that named as replaced an
 * SA one of `downs` deletes: Libreswan numbers its SAs ("initiating Main Mode to replace #1", later
 * "#1: deleting state ..."). One query a batch, and none without a numbered delete. The lookback
 * keeps a Libreswan restart, which numbers its SAs from #1 again, from matching an old run's.
 */
async function storedReplacements(
  tx: Tx,
  scope: IncidentScope,
  downs: ReadonlyArray<{ row: { occurredAt: Date }; classification: Classification }>,
): Promise<Array<{ saNumber: string; occurredAt: Date }>> {
  const numbered = downs.filter((d) => d.classification.fields.saNumber !== undefined);
  if (numbered.length === 0) return [];
  const numbers = [...new Set(numbered.map((d) => d.classification.fields.saNumber as string))];
  const times = numbered.map((d) => d.row.occurredAt.getTime());
  const rows = await tx.tunnelLogEvent.findMany({
    where: {
      tenantId: scope.tenantId,
      connectionId: scope.connectionId,
      tunnelId: scope.tunnelId,
      occurredAt: { gte: new Date(Math.min(...times) - REPLACED_SA_LOOKBACK_MS), lte: new Date(Math.max(...times)) },
      OR: numbers.map((n) => ({ parsed: { path: ["replacesSa"], equals: n } })),
    },
    select: { parsed: true, occurredAt: true },
  });
  return rows.map((r) => ({ saNumber: (r.parsed as { replacesSa: string }).replacesSa, occurredAt: r.occurredAt }));
}

/** The scope's latest stored SA renewal within the opening delay before `at` (an earlier page's). */
async function lastRenewalBefore(
  tx: Tx,
  scope: IncidentScope,
  at: Date,
  policy: FoldingPolicy,
): Promise<Date | undefined> {
  const row = await tx.tunnelLogEvent.findFirst({
    where: {
      tenantId: scope.tenantId,
      connectionId: scope.connectionId,
      tunnelId: scope.tunnelId,
      OR: [{ code: SA_RENEWAL.code }, { rule: SA_RENEWAL.rule }],
      occurredAt: { gte: new Date(at.getTime() - policy.openAfterSeconds * 1000), lte: at },
    },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
  return row?.occurredAt;
}
