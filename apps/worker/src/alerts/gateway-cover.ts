// A customer gateway's alert stands for the per-tunnel alerts of the connections that end on it:
// while the gateway is down and a channel has its alert, that channel does not also get a tunnel
// down, lost redundancy, new incident or grade drop for each of those connections (an outage of a
// site with 20 connections is one message, not 60). Each such delivery is recorded as suppressed,
// with the gateway's alert named, and can be sent by hand from the delivery log. When the gateway
// no longer looks down, its recovered alert likewise stands for the resolution of each incident
// whose opening the channel never got, on a connection that was back by then.
//
// The gateway's alerts are raised at the end of the status poll that took the connections down (or
// brought them back), after their own alerts were written: at dispatch, an alert that may be the
// gateway's waits (ALERT_GATEWAY_HOLD_SEC) for the gateway's decision before it is sent.
import { assessCustomerGateway } from "@tunnelwatch/core";
import { customerGatewayCounts, type Prisma } from "@tunnelwatch/db";

type Tx = Prisma.TransactionClient;

/** The alerts about a connection that its customer gateway's alert stands for. */
const COVERED_TRIGGERS: ReadonlySet<string> = new Set([
  "TUNNEL_DOWN",
  "REDUNDANCY_LOST",
  "INCIDENT_OPENED",
  "GRADE_DROPPED",
]);

export const isCoveredTrigger = (trigger: string) => COVERED_TRIGGERS.has(trigger);

/** Sent for each delivery the gateway's down alert stood for: how the log and the look-ups know it. */
const COVERED_BY_DOWN = "covered by the customer gateway alert for";

/**
 * The incidents among these whose opening a channel did not get because a gateway's down alert
 * stood for it, as `incidentId:channelId`: their resolutions may be the gateway's recovery's.
 */
export async function openingsCovered(tx: Tx, tenantIds: string[], incidentIds: string[]): Promise<Set<string>> {
  if (incidentIds.length === 0) return new Set();
  const rows = await tx.alertDelivery.findMany({
    where: {
      tenantId: { in: tenantIds },
      status: "SUPPRESSED",
      error: { startsWith: COVERED_BY_DOWN },
      outbox: { trigger: "INCIDENT_OPENED", incidentId: { in: incidentIds } },
    },
    select: { channelId: true, outbox: { select: { incidentId: true } } },
  });
  return new Set(rows.map((r) => `${r.outbox.incidentId}:${r.channelId}`));
}

/**
 * The gateway addresses of these connections that have another connection down, by connection:
 * their alerts may be the gateway's and wait for its decision.
 */
export async function gatewaysWithOtherDown(
  tx: Tx,
  connections: ReadonlyArray<{
    id: string;
    tenantId: string;
    customerGatewayIp: string | null;
    tunnelsUp: number;
    tunnelsTotal: number;
  }>,
): Promise<Map<string, string>> {
  const byTenant = new Map<string, Set<string>>();
  for (const c of connections) {
    if (c.customerGatewayIp) byTenant.set(c.tenantId, (byTenant.get(c.tenantId) ?? new Set()).add(c.customerGatewayIp));
  }
  const downAt = new Map<string, number>();
  for (const [tenantId, addresses] of byTenant) {
    const only = [...addresses];
    for (const count of await customerGatewayCounts(tx, tenantId, { minDown: 1, limit: only.length, only })) {
      downAt.set(`${tenantId}:${count.customerGatewayIp}`, count.down);
    }
  }
  const waiting = new Map<string, string>();
  for (const c of connections) {
    if (!c.customerGatewayIp) continue;
    const isDown = c.tunnelsTotal > 0 && c.tunnelsUp === 0;
    const down = downAt.get(`${c.tenantId}:${c.customerGatewayIp}`) ?? 0;
    if (down - (isDown ? 1 : 0) >= 1) waiting.set(c.id, c.customerGatewayIp);
  }
  return waiting;
}

/**
 * Why this delivery is covered by a gateway alert of its connection's customer gateway, or null.
 * Alerts about a connection: see coverOfGatewayDown; incident resolutions: coverOfGatewayRecovered.
 */
export async function gatewayCover(tx: Tx, delivery: CoverQuestion): Promise<string | null> {
  const isResolution = delivery.trigger === "INCIDENT_RESOLVED";
  if (!delivery.connectionId || !(isResolution || isCoveredTrigger(delivery.trigger))) return null;
  // Most resolutions are of incidents the channel heard of: known without the gateway's look-ups.
  const unheardSince = isResolution ? await openingUnheardSince(tx, delivery) : null;
  if (isResolution && !unheardSince) return null;
  const connection = await tx.vpnConnection.findFirst({
    where: { id: delivery.connectionId, tenantId: delivery.tenantId },
    select: { customerGatewayIp: true },
  });
  const address = connection?.customerGatewayIp;
  if (!address) return null;
  if (unheardSince) return coverOfGatewayRecovered(tx, delivery, address, unheardSince);
  const outage = await outageTold(tx, delivery, address);
  return outage ? `${COVERED_BY_DOWN} ${address} ${outage}` : null;
}

/**
 * When the channel's opening of this resolution's incident was suppressed, the gateway's down
 * alert standing for it; null when the channel got it (or sent it by hand), or has none.
 */
async function openingUnheardSince(tx: Tx, q: CoverQuestion): Promise<Date | null> {
  if (!q.incidentId) return null;
  const openings = await tx.alertDelivery.findMany({
    where: {
      tenantId: q.tenantId,
      channelId: q.channelId,
      outbox: { trigger: "INCIDENT_OPENED", incidentId: q.incidentId },
    },
    select: { status: true, error: true, createdAt: true },
  });
  const neverSent = (d: { status: string; error: string | null }) =>
    d.status === "SUPPRESSED" && d.error?.startsWith(COVERED_BY_DOWN);
  if (openings.length === 0 || !openings.every(neverSent)) return null;
  return new Date(Math.min(...openings.map((d) => d.createdAt.getTime())));
}

interface CoverQuestion {
  tenantId: string;
  channelId: string;
  trigger: string;
  connectionId: string | null;
  incidentId?: string | null;
}

const when = (at: Date) => at.toISOString().replace(/\.\d+Z$/, "Z");

/**
 * The delivery on this channel of a gateway event that stands for others: sent, being sent, or
 * waiting with no failed attempt (a quiet period's). One that is failing stands for nothing.
 */
function standingDelivery(tx: Tx, q: CoverQuestion, outboxId: string) {
  return tx.alertDelivery.findFirst({
    where: {
      tenantId: q.tenantId,
      channelId: q.channelId,
      outboxId,
      OR: [{ status: { in: ["DELIVERED", "SENDING"] } }, { status: "PENDING", attempts: 0 }],
    },
    select: { status: true },
  });
}

/**
 * How the channel was told of the gateway's current outage, or null: the gateway still looks down
 * (core's assessCustomerGateway), its latest event is the down alert that began this outage (not a
 * recovery: an earlier outage's alert stands for nothing now), and that alert stands on the channel.
 */
async function outageTold(tx: Tx, q: CoverQuestion, address: string): Promise<string | null> {
  const latest = await latestGatewayEvent(tx, q.tenantId, address);
  if (latest?.trigger !== "CUSTOMER_GATEWAY_DOWN") return null;
  const [count] = await customerGatewayCounts(tx, q.tenantId, { minDown: 1, limit: 1, only: [address] });
  if (!count || assessCustomerGateway(count)?.likelyCause !== "customer-gateway") return null;
  const told = await standingDelivery(tx, q, latest.id);
  if (!told) return null;
  return `(raised ${when(latest.createdAt)}, ${told.status === "DELIVERED" ? "delivered" : "on its way"} on this channel): ${count.down} of ${count.connections} connections that end on it have no tunnel up`;
}

/** A customer gateway's latest down or recovered event: which of the two it is now in. */
export function latestGatewayEvent(tx: Tx, tenantId: string, address: string) {
  return tx.alertOutbox.findFirst({
    where: {
      tenantId,
      trigger: { in: ["CUSTOMER_GATEWAY_DOWN", "CUSTOMER_GATEWAY_RECOVERED"] },
      payload: { path: ["customerGatewayIp"], equals: address },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, trigger: true, createdAt: true },
  });
}

/**
 * Kept in a recovered event for coverOfGatewayRecovered, not shown in messages: the tunnels not up
 * when it was raised, and the connections with such a tunnel (one left without redundancy too).
 */
export const STILL_DOWN_FACTS = { connections: "notAllUpConnectionIds", tunnels: "notUpTunnelIds" } as const;

/**
 * An incident's resolution is the gateway's when the channel never got the incident's opening (the
 * gateway's down alert stood for it) and either the gateway still looks down (its recovered alert
 * will tell), or the channel has the recovered alert raised since and the incident's tunnel (or,
 * for an incident of the connection, every tunnel of it) was up when it was raised: one that was
 * not tells its own.
 */
async function coverOfGatewayRecovered(
  tx: Tx,
  q: CoverQuestion,
  address: string,
  openedAt: Date,
): Promise<string | null> {
  const { tenantId } = q;
  const unheard = "the channel never got this incident's opening, which the gateway's down alert stood for";
  const outage = await outageTold(tx, q, address);
  if (outage) return `${COVERED_BY_DOWN} ${address} ${outage}; ${unheard}, and its recovered alert will tell the end`;
  const recovered = await tx.alertOutbox.findFirst({
    where: {
      tenantId,
      trigger: "CUSTOMER_GATEWAY_RECOVERED",
      payload: { path: ["customerGatewayIp"], equals: address },
      createdAt: { gte: openedAt },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, payload: true },
  });
  if (!recovered) return null;
  const told = await standingDelivery(tx, q, recovered.id);
  if (!told) return null;
  const facts = (recovered.payload ?? {}) as Record<string, unknown>;
  const listed = (key: string) => String(facts[key] ?? "").split(",");
  const incident = await tx.incident.findFirst({
    where: { id: q.incidentId ?? "", tenantId },
    select: { tunnelId: true },
  });
  const stillDown = incident?.tunnelId
    ? listed(STILL_DOWN_FACTS.tunnels).includes(incident.tunnelId)
    : listed(STILL_DOWN_FACTS.connections).includes(q.connectionId ?? "");
  if (stillDown) return null;
  return `covered by the customer gateway recovered alert for ${address} (raised ${when(recovered.createdAt)}, ${told.status === "DELIVERED" ? "delivered" : "on its way"} on this channel): ${unheard}`;
}
