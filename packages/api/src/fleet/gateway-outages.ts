// Customer gateway outages over a period, from the gateway's own events (CUSTOMER_GATEWAY_DOWN and
// _RECOVERED, written whatever the alert rules): each down paired with the recovery that ended it.
import type { TenantDb } from "@tunnelwatch/db";

/** More events than this in the period: the oldest are left out (the newest matter most). */
const MAX_EVENTS = 2_000;

export interface GatewayOutage {
  customerGatewayIp: string;
  /** When the gateway was seen down (its down event). */
  downAt: Date;
  /** When it no longer looked down, or null while it still does. */
  recoveredAt: Date | null;
  durationSec: number;
  /** Connections with no tunnel up when it was seen down, of those that end on it. */
  connectionsDown: number | null;
  connections: number | null;
  /** Connections still down when it no longer looked down. */
  stillDownAtRecovery: number | null;
}

const numberOr = (value: unknown): number | null => (typeof value === "number" ? value : null);

export async function gatewayOutages(db: TenantDb, since: Date, now: Date = new Date()): Promise<GatewayOutage[]> {
  const events = await db.alertOutbox.findMany({
    where: { trigger: { in: ["CUSTOMER_GATEWAY_DOWN", "CUSTOMER_GATEWAY_RECOVERED"] }, createdAt: { gte: since } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_EVENTS,
    select: { trigger: true, createdAt: true, payload: true },
  });
  const open = new Map<string, GatewayOutage>();
  const outages: GatewayOutage[] = [];
  for (const event of events.reverse()) {
    const facts = (event.payload ?? {}) as Record<string, unknown>;
    const address = typeof facts.customerGatewayIp === "string" ? facts.customerGatewayIp : null;
    if (!address) continue;
    if (event.trigger === "CUSTOMER_GATEWAY_DOWN") {
      const outage: GatewayOutage = {
        customerGatewayIp: address,
        downAt: event.createdAt,
        recoveredAt: null,
        durationSec: 0,
        connectionsDown: numberOr(facts.down),
        connections: numberOr(facts.connections),
        stillDownAtRecovery: null,
      };
      open.set(address, outage);
      outages.push(outage);
      continue;
    }
    // A recovery whose down event is before the period: the outage started earlier.
    const outage = open.get(address);
    const downSince = typeof facts.downSince === "string" ? new Date(facts.downSince) : null;
    const recovered: GatewayOutage = outage ?? {
      customerGatewayIp: address,
      downAt: downSince && !Number.isNaN(downSince.getTime()) ? downSince : event.createdAt,
      recoveredAt: null,
      durationSec: 0,
      connectionsDown: null,
      connections: numberOr(facts.connections),
      stillDownAtRecovery: null,
    };
    recovered.recoveredAt = event.createdAt;
    recovered.stillDownAtRecovery = numberOr(facts.down);
    if (!outage) outages.push(recovered);
    open.delete(address);
  }
  for (const outage of outages) {
    const end = outage.recoveredAt ?? now;
    outage.durationSec = Math.max(0, Math.round((end.getTime() - outage.downAt.getTime()) / 1000));
  }
  return outages.sort((a, b) => b.downAt.getTime() - a.downAt.getTime());
}
