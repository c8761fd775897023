// Alert events go into the outbox in the transaction of the change that caused them: an event is
// never lost when the process dies after the commit, and never sent for a change that rolled back.
// The worker's dispatcher turns outbox rows into deliveries, rule by rule.
import type { Prisma } from "./generated/prisma/client.ts";
import type { AlertTrigger, Severity } from "./generated/prisma/enums.ts";

type Tx = Prisma.TransactionClient;

/** Facts of the moment the event happened; the dispatcher adds the current names and links. */
export type AlertFacts = Record<string, string | number | boolean | null>;

export interface AlertEvent {
  tenantId: string;
  trigger: AlertTrigger;
  severity: Severity;
  connectionId?: string | null;
  tunnelId?: string | null;
  incidentId?: string | null;
  facts: AlertFacts;
  /** When the event was raised; the writer's clock when absent. */
  createdAt?: Date;
}

export async function recordAlertEvent(tx: Tx, event: AlertEvent): Promise<void> {
  await tx.alertOutbox.create({
    data: {
      tenantId: event.tenantId,
      trigger: event.trigger,
      severity: event.severity,
      connectionId: event.connectionId ?? null,
      tunnelId: event.tunnelId ?? null,
      incidentId: event.incidentId ?? null,
      payload: event.facts,
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    },
  });
}

/** An incident opened or resolved, with its code, title and the reason or evidence given. */
export async function recordIncidentAlert(
  tx: Tx,
  incidentId: string,
  trigger: "INCIDENT_OPENED" | "INCIDENT_RESOLVED",
  note: string | null,
): Promise<void> {
  const incident = await tx.incident.findUnique({
    where: { id: incidentId },
    select: { tenantId: true, connectionId: true, tunnelId: true, code: true, title: true, severity: true },
  });
  if (!incident) return;
  await recordAlertEvent(tx, {
    tenantId: incident.tenantId,
    trigger,
    severity: incident.severity,
    connectionId: incident.connectionId,
    tunnelId: incident.tunnelId,
    incidentId,
    facts: {
      code: incident.code,
      title: incident.title,
      ...(trigger === "INCIDENT_OPENED" ? { evidence: note } : { reason: note }),
    },
  });
}
