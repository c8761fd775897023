// Incident folding: what the worker does with a classified event for a tunnel, given the
// incidents of that tunnel that are still active. Pure, so the behaviour is defined and tested
// here and the worker only applies the decisions.
//
// Hysteresis (faults.md §1): a fault opens an incident only once it persists (no recovery for
// `openAfterSeconds`) or repeats (`openAfterEvents` events); a recovery resolves only once it has
// held for `resolveAfterSeconds`. Rekeys are not outages and informational lines change nothing.
import { REKEY_OK_RULE } from "../classify/rules.ts";
import type { Classification } from "../classify/types.ts";
import { LOG_FAULT_CODES, type LogFaultCode, type Severity } from "../codes.ts";

export type IncidentState = "pending" | "open" | "recovering";

export interface ActiveIncident {
  id: string;
  code: LogFaultCode;
  state: IncidentState;
  firstEventAt: Date;
  lastEventAt: Date;
  eventCount: number;
  /** When the recovery that may resolve it was seen (state "recovering"). */
  recoveringSince?: Date;
}

export interface FoldingEvent {
  code: LogFaultCode;
  severity: Severity;
  occurredAt: Date;
  /** Faults this event shows to be over, beyond what TUNNEL_UP implies (BGP Established: BGP_SESSION_DOWN). */
  clears?: readonly LogFaultCode[];
  /**
   * The latest time, at or before this event, that the same tunnel's log showed an SA being
   * established or rekeyed (see `renewsSa`). The worker tracks it across the lines it folds.
   */
  renewedAt?: Date;
  /**
   * The line deletes an SA that a rekey logged earlier on the same tunnel replaced (Libreswan
   * names both by number: "initiating Main Mode to replace #1", then "#1: deleting state ...").
   * The worker tracks it across the lines it folds.
   */
  deletesReplacedSa?: boolean;
}

export interface FoldingPolicy {
  openAfterSeconds: number;
  openAfterEvents: number;
  resolveAfterSeconds: number;
  /** The connection is inside a known maintenance window: incidents are labelled, not paged. */
  inMaintenance?: boolean;
}

export const DEFAULT_POLICY: FoldingPolicy = { openAfterSeconds: 60, openAfterEvents: 3, resolveAfterSeconds: 120 };

export type IncidentDecision =
  /** Start tracking a fault; `confirmed` when it opens at once (no hysteresis left to wait for). */
  | { action: "create"; code: LogFaultCode; severity: Severity; confirmed: boolean; isMaintenance: boolean }
  /** Count the event into an existing incident; `confirmed` when this event makes it open. */
  | { action: "fold"; incidentId: string; confirmed: boolean }
  /** A specific cause arrived for an incident opened as TUNNEL_DOWN_OTHER: name it, and fold. */
  | { action: "refine"; incidentId: string; code: LogFaultCode; severity: Severity }
  /** A fault seen again while recovering: back to open. */
  | { action: "reopen"; incidentId: string }
  /** The recovery starts: resolve after it holds. */
  | { action: "start-recovery"; incidentId: string }
  /** The fault never persisted long enough to be an incident: drop it without alerting. */
  | { action: "discard"; incidentId: string; reason: string }
  /**
   * A pending fault that, as its recovery shows, had persisted past the opening delay: it was an
   * outage. It opens as of `at`, when it had persisted that long, and its recovery follows.
   */
  | { action: "confirm"; incidentId: string; at: Date }
  /** The recovery held (or needs no holding): resolved as of `at`. */
  | { action: "resolve"; incidentId: string; reason: string; at: Date };

/** Codes that describe a fault, as opposed to a recovery (TUNNEL_UP) or chatter (INFO, UNKNOWN). */
export const FAULT_CODES: ReadonlySet<LogFaultCode> = new Set(
  LOG_FAULT_CODES.filter((code) => code !== "TUNNEL_UP" && code !== "INFO" && code !== "UNKNOWN"),
);

/** What renewsSa reads, for a store that looks for renewals among the lines it keeps. */
export const SA_RENEWAL = { code: "TUNNEL_UP", rule: REKEY_OK_RULE } as const;

/**
 * Whether a classified line shows a new SA: the tunnel (or a phase of it) came up, or an SA was
 * rekeyed. The SA it replaces is deleted right after, and that delete names no cause.
 */
export function renewsSa(classification: Pick<Classification, "code" | "rule">): boolean {
  return classification.code === SA_RENEWAL.code || classification.rule === SA_RENEWAL.rule;
}

/**
 * A down without a cause within the opening delay after an SA was established or rekeyed is the
 * replaced SA being deleted (charon closes the old CHILD_SA and deletes the old IKE_SA, racoon
 * and Alibaba's daemon delete the old ISAKMP-SA, once the new one is up): routine, just as a
 * down followed within the delay by TUNNEL_UP never becomes an incident. So is the delete of an
 * SA a logged rekey named as replaced, however late it comes: Libreswan keeps a replaced ISAKMP
 * SA until it expires, minutes after its successor is up.
 */
function isReplacedSaDeleted(event: FoldingEvent, policy: FoldingPolicy): boolean {
  if (event.code !== "TUNNEL_DOWN_OTHER") return false;
  if (event.deletesReplacedSa) return true;
  if (!event.renewedAt) return false;
  const sinceRenewal = (event.occurredAt.getTime() - event.renewedAt.getTime()) / 1000;
  return sinceRenewal >= 0 && sinceRenewal <= policy.openAfterSeconds;
}

function isConfirmed(incident: Pick<ActiveIncident, "firstEventAt" | "eventCount">, at: Date, policy: FoldingPolicy) {
  const persistedSeconds = (at.getTime() - incident.firstEventAt.getTime()) / 1000;
  return incident.eventCount >= policy.openAfterEvents || persistedSeconds >= policy.openAfterSeconds;
}

/** What a new event does to the tunnel's active incidents. */
export function foldEvent(
  incidents: readonly ActiveIncident[],
  event: FoldingEvent,
  policy: FoldingPolicy = DEFAULT_POLICY,
): IncidentDecision[] {
  const decisions: IncidentDecision[] = [];
  // An IPsec SA coming up says nothing of the BGP session over it; BGP reaching Established
  // (TUNNEL_UP that clears BGP_SESSION_DOWN) ends both.
  const recoveredCodes = [
    ...(event.code === "TUNNEL_UP" ? [...FAULT_CODES].filter((c) => c !== "BGP_SESSION_DOWN") : []),
    ...(event.clears ?? []),
  ];
  if (recoveredCodes.length > 0) {
    for (const incident of incidents) {
      if (!recoveredCodes.includes(incident.code)) continue;
      if (incident.state === "recovering") continue;
      if (incident.state === "pending") {
        // Whether it persisted is read on the event clock: logs read late in one batch (a
        // backlog) decide the same as logs read as they happen.
        if (!isConfirmed(incident, event.occurredAt, policy)) {
          decisions.push({
            action: "discard",
            incidentId: incident.id,
            reason: `recovered (${event.code}) before it persisted`,
          });
          continue;
        }
        decisions.push({
          action: "confirm",
          incidentId: incident.id,
          at: earlier(persistedAt(incident, policy), event.occurredAt),
        });
      }
      decisions.push(
        policy.resolveAfterSeconds <= 0
          ? { action: "resolve", incidentId: incident.id, reason: `recovered: ${event.code}`, at: event.occurredAt }
          : { action: "start-recovery", incidentId: incident.id },
      );
    }
    return decisions;
  }
  if (!FAULT_CODES.has(event.code) || isReplacedSaDeleted(event, policy)) return decisions;

  let existing = incidents.find((i) => i.code === event.code);
  // A tunnel that went down for no named reason, then names one: one incident, with its cause.
  // And a down without a cause while a named fault is active belongs to that fault.
  if (!existing && event.code !== "BGP_SESSION_DOWN") {
    if (event.code === "TUNNEL_DOWN_OTHER") {
      existing = incidents.find((i) => i.code !== "BGP_SESSION_DOWN" && FAULT_CODES.has(i.code));
    } else {
      const generic = incidents.find((i) => i.code === "TUNNEL_DOWN_OTHER");
      if (generic) {
        decisions.push({ action: "refine", incidentId: generic.id, code: event.code, severity: event.severity });
        return decisions;
      }
    }
  }
  if (!existing) {
    const confirmed = policy.openAfterEvents <= 1 || policy.openAfterSeconds <= 0;
    decisions.push({
      action: "create",
      code: event.code,
      severity: event.severity,
      confirmed,
      isMaintenance: policy.inMaintenance === true,
    });
    return decisions;
  }
  if (existing.state === "recovering") {
    decisions.push({ action: "reopen", incidentId: existing.id });
    return decisions;
  }
  const wasPending = existing.state === "pending";
  const confirmsNow =
    wasPending &&
    isConfirmed({ firstEventAt: existing.firstEventAt, eventCount: existing.eventCount + 1 }, event.occurredAt, policy);
  decisions.push({ action: "fold", incidentId: existing.id, confirmed: confirmsNow });
  return decisions;
}

/**
 * Decisions that only time makes: pending faults that persisted with no recovery become open,
 * and recoveries that held become resolved. The worker runs this on a schedule. Each is dated
 * when the delay ran out on the event clock, not when the schedule noticed: a fault read from a
 * backlog opens (and its recovery resolves) when it would have as it happened, as folding's
 * own decisions do, so time to recover does not grow with how late the logs were read.
 */
export function advanceIncidents(
  incidents: readonly ActiveIncident[],
  now: Date,
  policy: FoldingPolicy = DEFAULT_POLICY,
): IncidentDecision[] {
  const decisions: IncidentDecision[] = [];
  for (const incident of incidents) {
    if (incident.state === "pending" && isConfirmed(incident, now, policy)) {
      decisions.push({ action: "confirm", incidentId: incident.id, at: earlier(persistedAt(incident, policy), now) });
    } else if (incident.state === "recovering" && incident.recoveringSince) {
      const heldSeconds = (now.getTime() - incident.recoveringSince.getTime()) / 1000;
      if (heldSeconds >= policy.resolveAfterSeconds) {
        const heldAt = new Date(incident.recoveringSince.getTime() + policy.resolveAfterSeconds * 1000);
        decisions.push({
          action: "resolve",
          incidentId: incident.id,
          reason: `recovery held for ${Math.round(heldSeconds)} s`,
          at: earlier(heldAt, now),
        });
      }
    }
  }
  return decisions;
}

/** When a pending fault had persisted for the opening delay. */
function persistedAt(incident: Pick<ActiveIncident, "firstEventAt">, policy: FoldingPolicy): Date {
  return new Date(incident.firstEventAt.getTime() + policy.openAfterSeconds * 1000);
}

const earlier = (a: Date, b: Date) => (a < b ? a : b);
