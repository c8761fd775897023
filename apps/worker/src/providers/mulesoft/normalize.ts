// Anypoint CloudHub 1.0 VPN (`vpnGet` of salesforce/anypoint-client-go vpn/api/openapi.yaml) ->
// FetchedConnection. Pure: no I/O. Pre-shared keys (`psk`) are in the payload and never copied.
import type { NormalizedTunnel } from "@tunnelwatch/core";
import { bgpRouteCount } from "../aws/normalize.ts";
import { dropUndefined, nonNegativeInt, positiveInt, toObj, toObjList, toStr } from "../common/parse.ts";
import type { FetchedConnection } from "../types.ts";

type Raw = Record<string, unknown>;

export interface AnypointVpc {
  id: string;
  name?: string;
  region?: string;
}

export function parseVpc(raw: Raw): AnypointVpc | undefined {
  const id = toStr(raw.id);
  if (!id) return undefined;
  return dropUndefined({ id, name: toStr(raw.name), region: toStr(raw.region) });
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((v) => (toStr(v) ? [toStr(v) as string] : [])) : [];
}

/** Whether an IPv4 address lies inside a CIDR block. */
function inCidr(address: string, cidr: string): boolean {
  const [network, bits] = cidr.split("/");
  const ipv4Number = (ip: string) => ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
  const prefix = Number(bits);
  if (!network || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(ipv4Number(address) / size) === Math.floor(ipv4Number(network) / size);
}

/**
 * The tunnel configs in the order of the tunnels' state: each tunnel's local point-to-point
 * address lies in its config's ptpCidr. The API promises no order, and may return no configs.
 */
function alignConfigs(configs: Raw[], telemetry: Raw[]): Array<Raw | undefined> {
  const matched = telemetry.map((t) => {
    const address = toStr(t.localPtpIpAddress);
    return address ? configs.find((c) => toStr(c.ptpCidr) && inCidr(address, toStr(c.ptpCidr) as string)) : undefined;
  });
  const isComplete = matched.every(Boolean) && new Set(matched).size === matched.length;
  return isComplete && matched.length >= configs.length ? matched : configs;
}

export function normalizeAnypointVpn(raw: Raw, vpc: AnypointVpc): FetchedConnection {
  const id = toStr(raw.id) ?? "";
  const spec = toObj(raw.spec) ?? {};
  const state = toObj(raw.state) ?? {};
  const remoteNetworks = strings(spec.remoteNetworks);
  const remoteAsn = positiveInt(spec.remoteAsn) ?? positiveInt(state.remoteAsn);
  const localAsn = positiveInt(state.localAsn);
  // spec.routingType ("BGP" | "STATIC") where the API returns it; otherwise BGP when the peer has
  // an ASN and no static remote networks are set.
  const routingType = toStr(spec.routingType)?.toUpperCase();
  const isBgp =
    routingType === "BGP" || (routingType !== "STATIC" && remoteAsn !== undefined && remoteNetworks.length === 0);
  const telemetry = toObjList(state.vpnTunnels);
  const configs = alignConfigs(toObjList(spec.tunnelConfigs), telemetry);
  const count = Math.max(configs.length, telemetry.length);
  const updateAvailable = raw.updateAvailable === true || raw.updateAvailable === "true";

  const tunnels: NormalizedTunnel[] = Array.from({ length: count }, (_, position) => {
    const config = configs[position];
    const t = telemetry[position];
    const rawStatus = toStr(t?.status)?.toUpperCase();
    const status = rawStatus === "UP" ? "UP" : rawStatus === "DOWN" ? "DOWN" : "UNKNOWN";
    const statusMessage = toStr(t?.statusMessage) ?? null;
    const routes = bgpRouteCount(statusMessage ?? undefined);
    const lastChange = toStr(t?.lastStatusChange);
    const lastStatusChange =
      lastChange && !Number.isNaN(Date.parse(lastChange)) ? new Date(lastChange).toISOString() : null;
    const tunnel: NormalizedTunnel = {
      index: position + 1,
      outsideIp: toStr(t?.localExternalIpAddress) ?? null,
      insideCidr: toStr(config?.ptpCidr) ?? null,
      status,
      statusMessage,
      lastStatusChange,
      acceptedRouteCount: nonNegativeInt(t?.acceptedRouteCount) ?? routes ?? null,
      options: dropUndefined({
        // The spec's default 0 means "not set" (strongSwan's own defaults apply).
        rekeyMarginSec: positiveInt(config?.rekeyMarginInSeconds),
        rekeyFuzzPct: ((n) => (n !== undefined && n <= 100 ? n : undefined))(positiveInt(config?.rekeyFuzz)),
        // Anypoint VPN only responds to the customer gateway (faults.md §2, STARTUP_ACTION_ADD).
        startupAction: "add" as const,
      }),
    };
    if (isBgp) {
      const bgpStatus = status === "DOWN" ? "down" : routes !== undefined && status === "UP" ? "up" : undefined;
      if (bgpStatus) tunnel.bgp = { status: bgpStatus };
    }
    if (updateAvailable) {
      tunnel.pendingMaintenance = {
        description: "Anypoint reports a VPN update available (updateAvailable); MuleSoft publishes no window",
        autoAppliedAfter: null,
      };
    }
    return tunnel;
  });

  return dropUndefined({
    provider: "mulesoft" as const,
    externalId: id,
    name: toStr(raw.name) ?? toStr(spec.name) ?? id,
    region: vpc.region ?? "unknown",
    state: toStr(state.vpnConnectionStatus),
    routing: isBgp ? ("bgp" as const) : ("static" as const),
    gatewayId: vpc.id,
    customerGatewayIp: toStr(spec.remoteIpAddress) ?? null,
    localAsn,
    remoteAsn,
    staticRoutes: isBgp ? undefined : remoteNetworks,
    tunnels,
    tags: { anypointVpcId: vpc.id, ...(vpc.name ? { anypointVpcName: vpc.name } : {}) },
    logStreams: [],
  });
}
