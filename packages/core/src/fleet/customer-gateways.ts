// Correlation across connections: one on-prem gateway usually ends many VPN connections, in
// several accounts, regions and providers. When several of them are down at once, the gateway
// (its WAN link, its edge firewall, its IKE daemon, a change of keys or address) is the likely
// cause, not the providers: one provider's fault does not take down another provider's tunnels.
import type { Provider } from "../codes.ts";

/** The live connections that end on one customer gateway address, counted. */
export interface GatewayConnections {
  customerGatewayIp: string;
  /** Connections that end on the address. */
  connections: number;
  /** Of them, connections with tunnels and none of them UP. */
  down: number;
  /** Providers and regions of the connections that are down. */
  providers: Provider[];
  regions: string[];
}

export interface GatewayAssessment extends GatewayConnections {
  /** "customer-gateway": look at the gateway first; "connections": it answers elsewhere, look at each connection. */
  likelyCause: "customer-gateway" | "connections";
  summary: string;
}

/** Fewer connections down than this say nothing of the gateway they share. */
export const GATEWAY_MIN_DOWN = 2;

const PROVIDER_NAMES: Record<Provider, string> = { aws: "AWS", alibaba: "Alibaba Cloud", mulesoft: "MuleSoft" };

/**
 * Whether the connections down on one customer gateway point at the gateway: at least half of
 * its connections down, or a third of them at more than one provider (one provider's fault does
 * not take down another's tunnels; but with most of its connections up, the gateway answers).
 * Null when fewer than GATEWAY_MIN_DOWN are down.
 */
export function assessCustomerGateway(
  count: Omit<GatewayConnections, "providers"> & {
    /** In either case: the database's enum names them in upper case. */
    providers: ReadonlyArray<Provider | Uppercase<Provider>>;
  },
): GatewayAssessment | null {
  const providers = count.providers.map((p) => p.toLowerCase() as Provider);
  const gateway: GatewayConnections = { ...count, providers };
  const { customerGatewayIp: ip, connections, down, regions } = gateway;
  if (down < GATEWAY_MIN_DOWN) return null;
  const acrossProviders = providers.length > 1;
  const likelyCause =
    down * 2 >= connections || (acrossProviders && down * 3 >= connections) ? "customer-gateway" : "connections";
  const where = [
    providers.map((p) => PROVIDER_NAMES[p]).join(", "),
    `${regions.length} region${regions.length === 1 ? "" : "s"}`,
  ].join("; ");
  const counted = `${down} of ${connections} connections that end on ${ip} have no tunnel up (${where})`;
  const summary =
    likelyCause === "customer-gateway"
      ? `${counted}. ${acrossProviders ? "Faults of one provider do not take down another provider's tunnels" : "A provider's fault rarely takes down so many of one gateway's connections at once"}: check the gateway first (its internet link and route to the providers' endpoints, UDP 500/4500 and ESP through the edge firewall, its IKE daemon, a recent change of keys, certificates or its public address).`
      : `${counted}. Its other connections have a tunnel up, so the gateway answers: check each of these connections' own faults.`;
  return { ...gateway, likelyCause, summary };
}
