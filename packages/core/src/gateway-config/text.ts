// What every vendor's configuration text shares: the header, the placeholders for what the
// provider does not tell, and address arithmetic.
import type { GatewayPlan, TunnelPlan } from "./parameters.ts";

export const psk = (t: TunnelPlan) => `<pre-shared-key-of-tunnel-${t.index}>`;
export const gatewayIp = (plan: GatewayPlan) => plan.gatewayPublicIp ?? "<customer-gateway-public-ip>";
/** The address IKE binds to: the public one, or the private one behind NAT. */
export const ikeAddress = (plan: GatewayPlan) => (plan.behindNat ? "<private-wan-address>" : gatewayIp(plan));
export const gatewayAsn = (plan: GatewayPlan) =>
  plan.gatewayAsn === null ? "<customer-gateway-asn>" : String(plan.gatewayAsn);
export const providerAsn = (plan: GatewayPlan) =>
  plan.providerAsn === null ? "<provider-asn>" : String(plan.providerAsn);
export const neighbor = (t: TunnelPlan) => t.inside?.providerIp ?? `<provider-inside-ip-of-tunnel-${t.index}>`;
/** What the gateway advertises over BGP: only the tenant knows its networks. */
export const ON_PREM_CIDR = "<on-prem-cidr>";

function dotted(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export function netmask(prefixLength: number): string {
  return dotted(2 ** 32 - 2 ** (32 - prefixLength));
}

/** "10.1.0.0/16" -> ["10.1.0.0", "0.0.255.255"] for an access list; null for what is no IPv4 prefix. */
export function addressAndWildcard(cidr: string): [string, string] | null {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
  if (!match?.[1] || Number(match[2]) > 32) return null;
  return [match[1], dotted(2 ** (32 - Number(match[2])) - 1)];
}

function named(plan: GatewayPlan): string {
  return plan.connectionName === plan.externalId ? plan.externalId : `${plan.connectionName} (${plan.externalId})`;
}

export function header(plan: GatewayPlan, comment: string): string[] {
  const pair = (t: TunnelPlan) => `${t.phase1LifetimeSec} s / ${t.phase2LifetimeSec} s`;
  const distinct = [...new Set(plan.tunnels.map(pair))];
  const lifetimes = distinct.length > 1 ? plan.tunnels.map((t) => `tunnel ${t.index} ${pair(t)}`) : distinct;
  const units = plan.tunnels.map((t) => t.unit);
  return [
    `${comment} Tunnelwatch: customer gateway configuration for ${named(plan)}, ${plan.provider}`,
    `${comment} Lifetimes (phase 1 / phase 2) ${lifetimes.join(", ") || "-"}, DPD every ${plan.dpdIntervalSec} s (the peer dead after ${plan.dpdTimeoutSec} s), the gateway initiates.`,
    ...(units.length > 0
      ? [
          `${comment} Tunnel interfaces ${units.join(" and ")}, objects named after ${plan.tag}: renumber them if the gateway already uses these.`,
        ]
      : []),
    ...plan.notes.map((note) => `${comment} Note: ${note}`),
    "",
  ];
}
