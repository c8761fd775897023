// What a delivery says: the outbox event's facts, with the connection, tunnel and incident as
// they are now, the playbook's first steps and a link into the dashboard.
import { type AlertMessage, type AlertTriggerName, MAX_REMEDIATION_STEPS } from "@tunnelwatch/alerts";
import { getPlaybook, isCustomerGatewayTrigger, type Provider } from "@tunnelwatch/core";
import type { AlertFacts as Facts, Prisma, PrismaClient } from "@tunnelwatch/db";
import { STILL_DOWN_FACTS } from "./gateway-cover.ts";

export interface DeliveryEvent {
  idempotencyKey: string;
  foldedCount: number;
  createdAt: Date;
  outbox: {
    tenantId: string;
    trigger: AlertTriggerName;
    severity: AlertMessage["severity"];
    connectionId: string | null;
    tunnelId: string | null;
    incidentId: string | null;
    payload: Prisma.JsonValue;
    createdAt: Date;
  };
}

/**
 * Facts the message shows elsewhere (tunnel, incident, fault), and those kept for Tunnelwatch's own
 * decisions, are left out of its details.
 */
const SHOWN_ELSEWHERE = new Set([
  "tunnelIndex",
  "outsideIp",
  "code",
  "title",
  "evidence",
  ...Object.values(STILL_DOWN_FACTS),
]);

function detailsOf(facts: Facts): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([key]) => !SHOWN_ELSEWHERE.has(key)));
}

function factsOf(value: Prisma.JsonValue): Facts {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Facts) : {};
}

const text = (value: unknown) => (typeof value === "string" ? value : value == null ? null : String(value));

function summaryOf(
  trigger: AlertTriggerName,
  facts: Facts,
  connectionName: string,
  tunnelIndex: number | null,
  incidentTitle: string | null,
): string {
  switch (trigger) {
    case "TUNNEL_DOWN":
      return facts.tunnelsUp === 0
        ? `Tunnel ${tunnelIndex ?? "?"} of ${connectionName} is DOWN: no tunnel of the connection is up`
        : `Tunnel ${tunnelIndex ?? "?"} of ${connectionName} is DOWN`;
    case "REDUNDANCY_LOST":
      return `${connectionName} lost tunnel redundancy: ${facts.tunnelsUp ?? "?"} tunnel(s) up`;
    case "INCIDENT_OPENED":
      return `Incident opened on ${connectionName}: ${incidentTitle ?? text(facts.title) ?? text(facts.code)}`;
    case "INCIDENT_RESOLVED":
      return `Incident resolved on ${connectionName}: ${incidentTitle ?? text(facts.title) ?? text(facts.code)}`;
    case "GRADE_DROPPED":
      return `${connectionName} dropped from HA grade ${facts.fromGrade} to ${facts.toGrade}`;
    case "MAINTENANCE_ANNOUNCED":
      return `Maintenance announced on ${connectionName} (HA grade ${facts.grade}): expect ${facts.expectedDowntimeSec ?? "?"} s of downtime`;
    case "CUSTOMER_GATEWAY_DOWN":
      return `Customer gateway ${facts.customerGatewayIp ?? "?"} looks down: ${facts.down ?? "?"} of ${facts.connections ?? "?"} connections that end on it have no tunnel up`;
    case "CUSTOMER_GATEWAY_RECOVERED":
      return facts.down === 0
        ? `Customer gateway ${facts.customerGatewayIp ?? "?"} is back: all ${facts.connections ?? "?"} connections that end on it have a tunnel up`
        : `Customer gateway ${facts.customerGatewayIp ?? "?"} no longer looks down: ${facts.down ?? "?"} of ${facts.connections ?? "?"} connections that end on it still have no tunnel up`;
    case "CONFIG_CHANGED":
      return facts.changeCount === 1
        ? `Configuration of ${connectionName} changed: ${facts.changes}`
        : `Configuration of ${connectionName} changed: ${facts.changeCount ?? "?"} settings`;
    case "TEST":
      return "Test alert from Tunnelwatch";
  }
}

/** The playbook behind the event: the incident's fault, else the connection's first finding. */
function remediationCode(
  trigger: AlertTriggerName,
  incidentCode: string | null,
  findingCodes: string[],
): string | null {
  if (incidentCode) return incidentCode;
  if (trigger === "TUNNEL_DOWN") return "TUNNEL_DOWN_OTHER";
  if (trigger === "REDUNDANCY_LOST") return "TUNNEL_REDUNDANCY_LOST";
  // The gateway stopped answering its peers: the unreachable peer's playbook, from the gateway's side.
  if (trigger === "CUSTOMER_GATEWAY_DOWN") return "PEER_UNREACHABLE";
  return findingCodes[0] ?? null;
}

export async function buildMessage(prisma: PrismaClient, event: DeliveryEvent, appUrl: string): Promise<AlertMessage> {
  const { outbox } = event;
  const facts = factsOf(outbox.payload);
  const [tenant, connection, tunnel, incident] = await Promise.all([
    prisma.tenant.findUniqueOrThrow({ where: { id: outbox.tenantId }, select: { id: true, name: true, slug: true } }),
    outbox.connectionId
      ? prisma.vpnConnection.findUnique({
          where: { id: outbox.connectionId },
          select: {
            id: true,
            name: true,
            externalId: true,
            provider: true,
            region: true,
            grade: true,
            findingCodes: true,
            cloudAccount: { select: { name: true } },
          },
        })
      : null,
    outbox.tunnelId
      ? prisma.tunnel.findUnique({
          where: { id: outbox.tunnelId },
          select: { index: true, outsideIp: true, status: true },
        })
      : null,
    outbox.incidentId
      ? prisma.incident.findUnique({
          where: { id: outbox.incidentId },
          select: { id: true, code: true, title: true, status: true },
        })
      : null,
  ]);
  const tunnelIndex = tunnel?.index ?? (typeof facts.tunnelIndex === "number" ? facts.tunnelIndex : null);
  const code = remediationCode(outbox.trigger, incident?.code ?? text(facts.code), connection?.findingCodes ?? []);
  const playbook = code
    ? getPlaybook(code, connection ? { provider: connection.provider.toLowerCase() as Provider } : undefined)
    : undefined;
  const base = appUrl.replace(/\/+$/, "");
  const gateway = isCustomerGatewayTrigger(outbox.trigger) ? text(facts.customerGatewayIp) : null;
  const page = incident
    ? `/incidents/${incident.id}`
    : connection
      ? `/connections/${connection.id}`
      : gateway
        ? `/connections?gateway=${encodeURIComponent(gateway)}${outbox.trigger === "CUSTOMER_GATEWAY_DOWN" ? "&status=OUTAGE" : ""}`
        : "/";
  // The organisation in the link selects it for people who belong to several (apps/web proxy.ts).
  const url = `${base}${page}${page.includes("?") ? "&" : "?"}org=${encodeURIComponent(tenant.slug)}`;
  const evidence = text(facts.evidence) ?? text(facts.statusMessage);
  return {
    idempotencyKey: event.idempotencyKey,
    trigger: outbox.trigger,
    severity: outbox.severity,
    occurredAt: outbox.createdAt,
    summary: summaryOf(outbox.trigger, facts, connection?.name ?? "a connection", tunnelIndex, incident?.title ?? null),
    tenant: { id: tenant.id, name: tenant.name },
    connection: connection
      ? {
          id: connection.id,
          name: connection.name,
          externalId: connection.externalId,
          provider: connection.provider,
          region: connection.region,
          accountName: connection.cloudAccount.name,
          grade: connection.grade,
        }
      : null,
    tunnel: tunnel ? { index: tunnel.index, outsideIp: tunnel.outsideIp, status: tunnel.status } : null,
    incident,
    fault: incident || facts.code ? { code: incident?.code ?? String(facts.code), evidence } : null,
    details: detailsOf(facts),
    remediation: (playbook?.steps ?? []).slice(0, MAX_REMEDIATION_STEPS).map((step) => ({
      title: step.title,
      detail: step.detail,
      ...(step.where ? { where: step.where } : {}),
    })),
    folded: event.foldedCount >= 2 ? { count: event.foldedCount, since: event.createdAt } : null,
    url,
  };
}
