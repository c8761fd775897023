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
import { assessCustomerGateway, type Provider as CoreProvider } from "@tunnelwatch/core";
import { type CustomerGatewayCount, customerGatewayCounts, type Prisma } from "@tunnelwatch/db";

type Tx = Prisma.TransactionClient;

/** The alerts about a connection that its customer gateway's alert stands for. */
const COVERED_TRIGGERS: ReadonlySet<string> = new Set([
  "TUNNEL_DOWN",
  "REDUNDANCY_LOST",
  "INCIDENT_OPENED",
  "GRADE_DROPPED",
]);

const CLOCK_SLACK_MS = 5_000;

export const isCoveredTrigger = (trigger: string) => COVERED_TRIGGERS.has(trigger);

/** Sent for each delivery the gateway's down alert stood for: how the log and the look-ups know it. */
const COVERED_BY_DOWN = "covered by the customer gateway alert for";

/**
 * The incidents among these whose opening a channel did not get because a gateway's down alert
 * stood for it, as `incidentId:channelId`: their resolutions may be the gateway's recovery's.
 */
export async function openingsCovered(tx: Tx, incidentIds: string[]): Promise<Set<string>> {
  if (incidentIds.length === 0) return new Set();
  const rows = await tx.alertDelivery.findMany({
    where: {
      status: "SUPPRESSED",
      error: { startsWith: COVERED_BY_DOWN },
      outbox: { trigger: "INCIDENT_OPENED", incidentId: { in: incidentIds } },
    },
    select: { channelId: true, outbox: { select: { incidentId: true } } },
  });
  return new Set(rows.map((r) => `${r.outbox.incidentId}:${r.channelId}`));
}

/** Core's reading of a gateway's counted connections (the database's provider names are upper case). */
export function assessedGateway(count: CustomerGatewayCount | undefined) {
  return count
    ? assessCustomerGateway({ ...count, providers: count.providers.map((p) => p.toLowerCase() as CoreProvider) })
    : null;
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
 * Why this delivery is covered by its connection's customer gateway alert, or null: the gateway
 * still looks down (core's assessCustomerGateway), and the same channel has (or is sending) the
 * gateway's alert raised in this outage, that is since the first of its down connections went down.
 */
export async function gatewayCover(tx: Tx, delivery: CoverQuestion): Promise<string | null> {
  if (!delivery.connectionId) return null;
  const connection = await tx.vpnConnection.findFirst({
    where: { id: delivery.connectionId, tenantId: delivery.tenantId },
    select: { customerGatewayIp: true },
  });
  const address = connection?.customerGatewayIp;
  if (!address) return null;
  if (isCoveredTrigger(delivery.trigger)) return coverOfGatewayDown(tx, delivery, address);
  if (delivery.trigger === "INCIDENT_RESOLVED") return coverOfGatewayRecovered(tx, delivery, address);
  return null;
}

interface CoverQuestion {
  tenantId: string;
  channelId: string;
  trigger: string;
  connectionId: string | null;
  incidentId?: string | null;
}

async function coverOfGatewayDown(tx: Tx, delivery: CoverQuestion, address: string): Promise<string | null> {
  const { tenantId } = delivery;
  const [count] = await customerGatewayCounts(tx, tenantId, { minDown: 1, limit: 1, only: [address] });
  if (assessedGateway(count)?.likelyCause !== "customer-gateway" || !count) return null;
  const [outage] = await tx.$queryRaw<Array<{ since: Date | null }>>`
    SELECT min(down_since) AS since FROM (
      SELECT max(tr."observedAt") AS down_since
        FROM "VpnConnection" c
        JOIN "Tunnel" t ON t."connectionId" = c.id
        JOIN "TunnelStatusTransition" tr ON tr."tunnelId" = t.id AND tr."toStatus" = 'DOWN'
       WHERE c."tenantId" = ${tenantId} AND c."customerGatewayIp" = ${address} AND c."deletedAt" IS NULL
         AND c."tunnelsTotal" > 0 AND c."tunnelsUp" = 0
       GROUP BY c.id) AS down_connections`;
  // The poll stamps transitions with the worker's clock when it starts, the gateway's event with
  // the database's when it ends: a few seconds' slack for clocks that differ.
  const since = outage?.since ? new Date(outage.since.getTime() - CLOCK_SLACK_MS) : undefined;
  const gatewayAlert = await tx.alertDelivery.findFirst({
    where: {
      tenantId,
      channelId: delivery.channelId,
      status: { in: ["PENDING", "SENDING", "DELIVERED"] },
      outbox: {
        trigger: "CUSTOMER_GATEWAY_DOWN",
        payload: { path: ["customerGatewayIp"], equals: address },
        ...(since ? { createdAt: { gte: since } } : {}),
      },
    },
    orderBy: { createdAt: "desc" },
    select: { status: true, deliveredAt: true, outbox: { select: { createdAt: true } } },
  });
  if (!gatewayAlert) return null;
  const raised = gatewayAlert.outbox.createdAt.toISOString().replace(/\.\d+Z$/, "Z");
  return `${COVERED_BY_DOWN} ${address} (raised ${raised}, ${gatewayAlert.status === "DELIVERED" ? "delivered" : "on its way"} on this channel): ${count.down} of ${count.connections} connections that end on it have no tunnel up`;
}

/**
 * An incident's resolution is the gateway's recovery's when the channel never got its opening (the
 * gateway's down alert stood for it), the channel has the gateway's recovered alert raised since,
 * and the connection had a tunnel up by then: one the recovered alert counted as still down tells
 * its own resolution.
 */
async function coverOfGatewayRecovered(tx: Tx, delivery: CoverQuestion, address: string): Promise<string | null> {
  const { tenantId, channelId, incidentId } = delivery;
  if (!incidentId) return null;
  const openings = await tx.alertDelivery.findMany({
    where: { tenantId, channelId, outbox: { trigger: "INCIDENT_OPENED", incidentId } },
    select: { status: true, error: true, createdAt: true },
  });
  const neverSent = (d: { status: string; error: string | null }) =>
    d.status === "SUPPRESSED" && d.error?.startsWith(COVERED_BY_DOWN);
  if (openings.length === 0 || !openings.every(neverSent)) return null;
  const openedAt = new Date(Math.min(...openings.map((d) => d.createdAt.getTime())));
  const recovered = await tx.alertDelivery.findFirst({
    where: {
      tenantId,
      channelId,
      status: { in: ["PENDING", "SENDING", "DELIVERED"] },
      outbox: {
        trigger: "CUSTOMER_GATEWAY_RECOVERED",
        payload: { path: ["customerGatewayIp"], equals: address },
        createdAt: { gte: openedAt },
      },
    },
    orderBy: { createdAt: "asc" },
    select: { status: true, outbox: { select: { createdAt: true } } },
  });
  if (!recovered) return null;
  const backBy = new Date(recovered.outbox.createdAt.getTime() + CLOCK_SLACK_MS);
  const wasBack = await tx.tunnelStatusTransition.findFirst({
    where: {
      tenantId,
      toStatus: "UP",
      // Written by the poll after the one that opened the incident: both on the worker's clock.
      observedAt: { gt: openedAt, lte: backBy },
      tunnel: { connectionId: delivery.connectionId ?? "" },
    },
    select: { id: true },
  });
  if (!wasBack) return null;
  const raised = recovered.outbox.createdAt.toISOString().replace(/\.\d+Z$/, "Z");
  return `covered by the customer gateway recovered alert for ${address} (raised ${raised}, ${recovered.status === "DELIVERED" ? "delivered" : "on its way"} on this channel): the channel never got this incident's opening, which the gateway's down alert stood for`;
}
