export type AlertTriggerName =
  | "TUNNEL_DOWN"
  | "REDUNDANCY_LOST"
  | "INCIDENT_OPENED"
  | "INCIDENT_RESOLVED"
  | "GRADE_DROPPED"
  | "MAINTENANCE_ANNOUNCED"
  | "CUSTOMER_GATEWAY_DOWN"
  | "CUSTOMER_GATEWAY_RECOVERED"
  | "CONFIG_CHANGED"
  | "TEST";

export type AlertSeverity = "CRITICAL" | "MAJOR" | "MINOR" | "INFO";

export type AlertProvider = "AWS" | "ALIBABA" | "MULESOFT";

export interface AlertConnection {
  id: string;
  name: string;
  externalId: string;
  provider: AlertProvider;
  region: string;
  accountName: string;
  grade: string | null;
}

export interface AlertTunnel {
  index: number;
  outsideIp: string | null;
  status: string;
}

export interface AlertIncident {
  id: string;
  code: string;
  title: string;
  status: string;
}

export interface AlertFault {
  code: string;
  evidence: string | null;
}

export interface RemediationStep {
  title: string;
  detail: string;
  where?: string;
}

export type AlertDetails = Record<string, string | number | boolean | null>;

/** Everything a message describes; built by the worker from the outbox row and the database. */
export interface AlertMessage {
  /** Same on every attempt of one delivery. */
  idempotencyKey: string;
  trigger: AlertTriggerName;
  severity: AlertSeverity;
  occurredAt: Date;
  /** One line headline, e.g. "Tunnel 2 of prod-tokyo (vpn-0abc) is DOWN". */
  summary: string;
  tenant: { id: string; name: string };
  connection: AlertConnection | null;
  tunnel: AlertTunnel | null;
  incident: AlertIncident | null;
  fault: AlertFault | null;
  /** Trigger-specific facts (grade from/to, maintenance window...). */
  details: AlertDetails;
  /** The playbook's first steps (at most 3). */
  remediation: RemediationStep[];
  /** Events folded into this message during the quiet period (count >= 2), else null. */
  folded: { count: number; since: Date } | null;
  /** Link to the incident, else the connection, else the dashboard. */
  url: string;
}

export const MAX_REMEDIATION_STEPS = 3;

export const PROVIDER_LABELS: Record<AlertProvider, string> = {
  AWS: "AWS",
  ALIBABA: "Alibaba Cloud",
  MULESOFT: "MuleSoft Anypoint",
};

export const TRIGGER_LABELS: Record<AlertTriggerName, string> = {
  TUNNEL_DOWN: "Tunnel down",
  REDUNDANCY_LOST: "Redundancy lost",
  INCIDENT_OPENED: "Incident opened",
  INCIDENT_RESOLVED: "Incident resolved",
  GRADE_DROPPED: "Posture grade dropped",
  MAINTENANCE_ANNOUNCED: "Maintenance announced",
  CUSTOMER_GATEWAY_DOWN: "Customer gateway down",
  CUSTOMER_GATEWAY_RECOVERED: "Customer gateway recovered",
  CONFIG_CHANGED: "Configuration changed",
  TEST: "Test message",
};

export const TEST_NOTICE = "This is a test message from Tunnelwatch. No action is needed.";

export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function formatDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function formatClock(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

export function formatTime(date: Date): string {
  return `${formatDay(date)} ${formatClock(date)} UTC`;
}

/** "3 events since 14:02 UTC", with the date when the quiet period began on another day. */
export function foldedText(message: AlertMessage): string | null {
  if (!message.folded) return null;
  const { count, since } = message.folded;
  const when = formatDay(since) === formatDay(message.occurredAt) ? `${formatClock(since)} UTC` : formatTime(since);
  return `${count} events since ${when}`;
}

export function tunnelText(tunnel: AlertTunnel): string {
  const ip = tunnel.outsideIp ? ` (outside IP ${tunnel.outsideIp})` : "";
  return `${tunnel.index}${ip}, ${tunnel.status}`;
}

export function connectionText(connection: AlertConnection): string {
  return `${connection.name} (${connection.externalId})`;
}

export function placementText(connection: AlertConnection): string {
  return `${PROVIDER_LABELS[connection.provider]}, ${connection.region}, account ${connection.accountName}`;
}

export function incidentText(incident: AlertIncident): string {
  return `${incident.code} ${incident.title} (${incident.status})`;
}

export function detailLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function detailValue(value: string | number | boolean | null): string {
  if (value === null) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

export function remediationSteps(message: AlertMessage): RemediationStep[] {
  return message.remediation.slice(0, MAX_REMEDIATION_STEPS);
}

export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
