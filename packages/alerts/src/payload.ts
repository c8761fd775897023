import type {
  AlertConnection,
  AlertDetails,
  AlertFault,
  AlertIncident,
  AlertMessage,
  AlertTriggerName,
  AlertTunnel,
  RemediationStep,
} from "./message.ts";
import { remediationSteps } from "./message.ts";

export const WEBHOOK_SCHEMA_VERSION = 1;

export type WebhookEventType =
  | "tunnel.down"
  | "redundancy.lost"
  | "incident.opened"
  | "incident.resolved"
  | "posture.grade_dropped"
  | "maintenance.announced"
  | "customer_gateway.down"
  | "customer_gateway.recovered"
  | "connection.config_changed"
  | "test";

export const WEBHOOK_EVENT_TYPES: Record<AlertTriggerName, WebhookEventType> = {
  TUNNEL_DOWN: "tunnel.down",
  REDUNDANCY_LOST: "redundancy.lost",
  INCIDENT_OPENED: "incident.opened",
  INCIDENT_RESOLVED: "incident.resolved",
  GRADE_DROPPED: "posture.grade_dropped",
  MAINTENANCE_ANNOUNCED: "maintenance.announced",
  CUSTOMER_GATEWAY_DOWN: "customer_gateway.down",
  CUSTOMER_GATEWAY_RECOVERED: "customer_gateway.recovered",
  CONFIG_CHANGED: "connection.config_changed",
  TEST: "test",
};

export interface WebhookPayloadV1 {
  version: typeof WEBHOOK_SCHEMA_VERSION;
  id: string;
  type: WebhookEventType;
  severity: "critical" | "major" | "minor" | "info";
  occurredAt: string;
  summary: string;
  tenant: { id: string; name: string };
  connection: AlertConnection | null;
  tunnel: AlertTunnel | null;
  incident: AlertIncident | null;
  fault: AlertFault | null;
  details: AlertDetails;
  remediation: RemediationStep[];
  folded: { count: number; since: string } | null;
  url: string;
}

export function webhookPayload(message: AlertMessage): WebhookPayloadV1 {
  const { connection, tunnel, incident, fault, folded } = message;
  return {
    version: WEBHOOK_SCHEMA_VERSION,
    id: message.idempotencyKey,
    type: WEBHOOK_EVENT_TYPES[message.trigger],
    severity: message.severity.toLowerCase() as WebhookPayloadV1["severity"],
    occurredAt: message.occurredAt.toISOString(),
    summary: message.summary,
    tenant: { id: message.tenant.id, name: message.tenant.name },
    connection: connection
      ? {
          id: connection.id,
          name: connection.name,
          externalId: connection.externalId,
          provider: connection.provider,
          region: connection.region,
          accountName: connection.accountName,
          grade: connection.grade,
        }
      : null,
    tunnel: tunnel ? { index: tunnel.index, outsideIp: tunnel.outsideIp, status: tunnel.status } : null,
    incident: incident
      ? { id: incident.id, code: incident.code, title: incident.title, status: incident.status }
      : null,
    fault: fault ? { code: fault.code, evidence: fault.evidence } : null,
    details: { ...message.details },
    remediation: remediationSteps(message).map((step) =>
      step.where === undefined
        ? { title: step.title, detail: step.detail }
        : { title: step.title, detail: step.detail, where: step.where },
    ),
    folded: folded ? { count: folded.count, since: folded.since.toISOString() } : null,
    url: message.url,
  };
}
