// Alibaba Cloud VPC API 2016-04-28 (raw wire JSON, PascalCase) -> FetchedConnection. Pure: no I/O.
// Field names: @alicloud/vpc20160428 models (DescribeVpnConnectionsResponseBody, DescribeVpnGateways...,
// DescribeVpnRouteEntries...); quirks: shared/notes/vendor-apis.md §4.3. The same field is a
// boolean at the top level and a "true"/"false" string inside TunnelOptions, a number at the top
// level and a string per tunnel, so every value goes through the tolerant parsers in common/parse.ts.
import { isAnyNetwork, type NormalizedTunnel, type TunnelOptions } from "@tunnelwatch/core";
import { dropUndefined, positiveInt, toBool, toInt, toObj, toObjList, toStr } from "../common/parse.ts";
import type { FetchedConnection, LogStreamRef } from "../types.ts";

type Raw = Record<string, unknown>;

/** Negotiation status (`Status`) -> tunnel status. Traffic flows only once the IPsec SA is up. */
const NEGOTIATION: Record<string, { status: "UP" | "DOWN"; text: string }> = {
  ipsec_sa_established: { status: "UP", text: "IPsec SA established" },
  ike_sa_established: { status: "DOWN", text: "IKE SA established, IPsec SA not established" },
  ipsec_sa_not_established: { status: "DOWN", text: "IPsec SA not established" },
  ike_sa_not_established: { status: "DOWN", text: "IKE SA not established" },
};

export function tunnelStatus(
  rawStatus: unknown,
  rawState: unknown,
): { status: NormalizedTunnel["status"]; statusMessage: string | null } {
  const status = toStr(rawStatus)?.toLowerCase();
  const state = toStr(rawState)?.toLowerCase();
  const known = status ? NEGOTIATION[status] : undefined;
  const stateNote = state && !["active", "attached"].includes(state) ? ` (connection ${state})` : "";
  if (known) return { status: known.status, statusMessage: `${known.text}${stateNote}` };
  if (status) return { status: "UNKNOWN", statusMessage: `${status}${stateNote}` };
  return { status: "UNKNOWN", statusMessage: state ? `connection ${state}` : null };
}

/** "group2" / "group14" -> 2 / 14; "disabled" -> null (no PFS); anything else -> undefined. */
export function dhGroup(value: unknown): number | null | undefined {
  const text = toStr(value)?.toLowerCase();
  if (!text) return undefined;
  if (text === "disabled" || text === "disable" || text === "none") return null;
  const match = /^(?:group|dh|modp)?\s*(\d+)$/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function ikeIpsecOptions(ike: Raw | undefined, ipsec: Raw | undefined): TunnelOptions {
  const version = toStr(ike?.IkeVersion)?.toLowerCase();
  const mode = toStr(ike?.IkeMode)?.toLowerCase();
  const p1Group = dhGroup(ike?.IkePfs);
  const p2Group = dhGroup(ipsec?.IpsecPfs);
  const list = (value: unknown) => {
    const text = toStr(value);
    return text === undefined ? undefined : [text];
  };
  return dropUndefined({
    ikeVersions: version === "ikev1" || version === "ikev2" ? [version] : undefined,
    ikeMode: mode === "main" || mode === "aggressive" ? mode : undefined,
    phase1LifetimeSec: positiveInt(ike?.IkeLifetime),
    phase2LifetimeSec: positiveInt(ipsec?.IpsecLifetime),
    phase1Encryption: list(ike?.IkeEncAlg),
    phase1Integrity: list(ike?.IkeAuthAlg),
    phase1DhGroups: typeof p1Group === "number" ? [p1Group] : undefined,
    phase2Encryption: list(ipsec?.IpsecEncAlg),
    phase2Integrity: list(ipsec?.IpsecAuthAlg),
    // IpsecPfs "disabled" is an explicit "no PFS": an empty phase 2 group list.
    phase2DhGroups: p2Group === undefined ? undefined : p2Group === null ? [] : [p2Group],
    pfsEnabled: p2Group === undefined ? undefined : p2Group !== null,
  } satisfies TunnelOptions);
}

/** Route entries of one VPN gateway (DescribeVpnRouteEntries), as far as they are needed here. */
export interface AlibabaRouteEntry {
  destinationCidr: string;
  nextHop?: string;
  weight?: number;
  routeEntryType?: string;
  source?: string;
  asPath?: number[];
}

export function parseRouteEntry(raw: Raw): AlibabaRouteEntry | undefined {
  const destinationCidr = toStr(raw.RouteDest);
  if (!destinationCidr) return undefined;
  const asPath = toStr(raw.AsPath)
    ?.split(/[\s,]+/)
    .map((n) => toInt(n))
    .filter((n): n is number => n !== undefined);
  return dropUndefined({
    destinationCidr,
    nextHop: toStr(raw.NextHop),
    weight: toInt(raw.Weight),
    routeEntryType: toStr(raw.RouteEntryType),
    source: toStr(raw.Source),
    asPath: asPath && asPath.length > 0 ? asPath : undefined,
  });
}

export interface AlibabaGatewayInfo {
  vpnGatewayId: string;
  internetIp?: string;
  disasterRecoveryInternetIp?: string;
}

function splitSubnets(value: unknown): string[] {
  return (toStr(value) ?? "")
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function normalizeAlibabaConnection(
  raw: Raw,
  region: string,
  context: { gateway?: AlibabaGatewayInfo; routes?: readonly AlibabaRouteEntry[] } = {},
): FetchedConnection {
  const vpnId = toStr(raw.VpnConnectionId) ?? "";
  const dualTunnels = toObjList(toObj(raw.TunnelOptionsSpecification)?.TunnelOptions);
  const bgpConfig = toObj(raw.VpnBgpConfig);
  const logStreams: LogStreamRef[] = [];
  let tunnels: NormalizedTunnel[];
  let localAsn: number | undefined;
  let remoteAsn: number | undefined;
  let isBgp: boolean;
  let tunnelCustomerGatewayId: string | undefined;

  if (dualTunnels.length > 0) {
    // Dual-tunnel connection: status and configuration per tunnel; the top-level Status and
    // IkeConfig may be empty. Index = TunnelIndex when the provider gives distinct ones, else order.
    const given = dualTunnels.map((t) => positiveInt(t.TunnelIndex));
    const useGiven = given.every((i) => i !== undefined) && new Set(given).size === given.length;
    const ordered = dualTunnels
      .map((t, position) => ({ t, index: useGiven ? (given[position] as number) : position + 1 }))
      .sort((a, b) => a.index - b.index);
    isBgp = toBool(raw.EnableTunnelsBgp) === true;
    tunnelCustomerGatewayId = ordered.map(({ t }) => toStr(t.CustomerGatewayId)).find(Boolean);
    tunnels = ordered.map(({ t, index }) => {
      const { status, statusMessage } = tunnelStatus(t.Status, t.State);
      const bgp = toObj(t.TunnelBgpConfig);
      const tunnelId = toStr(t.TunnelId);
      localAsn ??= positiveInt(bgp?.LocalAsn);
      remoteAsn ??= positiveInt(bgp?.PeerAsn);
      const role = toStr(t.Role);
      const tunnel: NormalizedTunnel = {
        index,
        outsideIp: toStr(t.InternetIp) ?? null,
        insideCidr: toStr(bgp?.TunnelCidr) ?? null,
        status,
        statusMessage: role && statusMessage ? `${statusMessage}; ${role} tunnel` : statusMessage,
        options: dropUndefined({
          ...ikeIpsecOptions(toObj(t.TunnelIkeConfig), toObj(t.TunnelIpsecConfig)),
          dpdEnabled: toBool(t.EnableDpd),
          natTraversal: toBool(t.EnableNatTraversal),
        }),
      };
      if (isBgp) {
        const bgpStatus = toStr(bgp?.BgpStatus)?.toLowerCase();
        tunnel.bgp = dropUndefined({
          status: bgpStatus === "success" ? ("up" as const) : bgpStatus ? ("down" as const) : undefined,
        });
      }
      logStreams.push({
        key: `alibaba:${region}:${vpnId}:${tunnelId ?? `tunnel-${index}`}`,
        kind: "tunnel",
        region,
        connectionExternalId: vpnId,
        tunnelIndex: index,
        locator: { vpnConnectionId: vpnId, ...(tunnelId ? { tunnelId } : {}) },
      });
      return tunnel;
    });
  } else {
    // Single-tunnel (legacy) connection: one tunnel from the top-level fields; the Alibaba side of
    // it is the gateway's public IP.
    const { status, statusMessage } = tunnelStatus(raw.Status, raw.State);
    // DescribeVpnConnections does not return VpnBgpConfig.EnableBgp (only DescribeVpnConnection
    // does): a BGP peer address or tunnel CIDR is configured only where BGP is.
    const enableBgp = toBool(bgpConfig?.EnableBgp);
    isBgp =
      enableBgp === true ||
      toBool(raw.EnableTunnelsBgp) === true ||
      (enableBgp === undefined && Boolean(toStr(bgpConfig?.PeerBgpIp) || toStr(bgpConfig?.TunnelCidr)));
    localAsn = positiveInt(bgpConfig?.LocalAsn);
    remoteAsn = positiveInt(bgpConfig?.PeerAsn);
    const tunnel: NormalizedTunnel = {
      index: 1,
      outsideIp: toStr(raw.InternetIp) ?? context.gateway?.internetIp ?? null,
      insideCidr: toStr(bgpConfig?.TunnelCidr) ?? null,
      status,
      statusMessage,
      options: dropUndefined({
        ...ikeIpsecOptions(toObj(raw.IkeConfig), toObj(raw.IpsecConfig)),
        dpdEnabled: toBool(raw.EnableDpd),
        natTraversal: toBool(raw.EnableNatTraversal),
      }),
    };
    if (isBgp) {
      const bgpStatus = toStr(bgpConfig?.Status)?.toLowerCase();
      tunnel.bgp = dropUndefined({
        status: bgpStatus === "success" ? ("up" as const) : bgpStatus ? ("down" as const) : undefined,
      });
    }
    tunnels = [tunnel];
    logStreams.push({
      key: `alibaba:${region}:${vpnId}`,
      kind: "connection",
      region,
      connectionExternalId: vpnId,
      tunnelIndex: 1,
      locator: { vpnConnectionId: vpnId },
    });
  }

  // Health check (VcoHealthCheck.Enable is a "true"/"false" string).
  const check = toObj(raw.VcoHealthCheck);
  const checkEnabled = toBool(check?.Enable);
  const healthChecks =
    check && checkEnabled !== undefined
      ? [
          dropUndefined({
            enabled: checkEnabled,
            sourceIp: toStr(check.Sip),
            destinationIp: toStr(check.Dip),
            status: oneOf(toStr(check.Status)?.toLowerCase(), ["success", "failed"] as const),
            policy: oneOf(toStr(check.Policy)?.toLowerCase(), ["revoke_route", "reserve_route"] as const),
          }),
        ]
      : undefined;

  // Destination routes whose next hop is this connection, with the gateway's other routes to the
  // same destinations (another connection's, as active/standby pairs are): the weights of the
  // pair (100 active, 0 standby) are graded together. A route of this connection names the
  // connection, not the tunnel that carries it now: that tunnel changes at every failover, and is
  // status, not configuration.
  const own = (context.routes ?? []).filter((r) => r.nextHop === vpnId);
  const ownCidrs = new Set(own.map((r) => r.destinationCidr));
  const routeWeights = (context.routes ?? [])
    .filter((r) => ownCidrs.has(r.destinationCidr))
    .flatMap((r) =>
      r.weight === undefined
        ? []
        : [
            {
              destinationCidr: r.destinationCidr,
              weight: r.weight,
              nextHop: r.nextHop,
            },
          ],
    );
  const staticRoutes = own
    .filter((r) => (r.routeEntryType ?? "Custom").toLowerCase() === "custom" && !/bgp/i.test(r.source ?? ""))
    .map((r) => r.destinationCidr);

  const local = splitSubnets(raw.LocalSubnet);
  const remote = splitSubnets(raw.RemoteSubnet);
  const routeBased = local.every(isAnyNetwork) && remote.every(isAnyNetwork);
  const encryptionDomains = routeBased ? [] : local.flatMap((l) => remote.map((r) => ({ local: l, remote: r })));

  const tags = Object.fromEntries(
    toObjList(toObj(raw.Tag)?.Tag ?? raw.Tags).flatMap((t) => {
      const key = toStr(t.Key);
      return key === undefined ? [] : [[key, toStr(t.Value) ?? ""]];
    }),
  );
  // Dual-tunnel connections may end on two customer gateways: the first tunnel's stands for both.
  const customerGatewayId = toStr(raw.CustomerGatewayId) ?? tunnelCustomerGatewayId ?? null;

  return dropUndefined({
    provider: "alibaba" as const,
    externalId: vpnId,
    name: toStr(raw.Name) ?? vpnId,
    region,
    state: toStr(raw.State),
    routing: isBgp ? ("bgp" as const) : ("static" as const),
    gatewayId: toStr(raw.VpnGatewayId) ?? toStr(raw.TransitRouterId) ?? null,
    customerGatewayId,
    localAsn: localAsn ?? undefined,
    remoteAsn: remoteAsn ?? undefined,
    // Route entries not read (the look-up failed) are unknown, not none: an empty list is "none".
    staticRoutes: isBgp || context.routes === undefined ? undefined : staticRoutes,
    encryptionDomains,
    tunnels,
    healthChecks,
    routeWeights: context.routes === undefined ? undefined : routeWeights,
    tags: Object.keys(tags).length > 0 ? tags : undefined,
    logStreams,
  });
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * Marks each enabled health check whose destination another connection of the same VPN gateway
 * also checks: of an active/standby pair, each connection's check must target its own customer
 * gateway, or one of them answers through the other tunnel.
 */
export function markSharedHealthChecks(connections: FetchedConnection[]): void {
  const checkers = new Map<string, string[]>();
  const keyOf = (gatewayId: string, destination: string) => `${gatewayId}\u0000${destination}`;
  for (const connection of connections) {
    for (const check of connection.healthChecks ?? []) {
      if (!connection.gatewayId || !check.enabled || !check.destinationIp) continue;
      const key = keyOf(connection.gatewayId, check.destinationIp);
      checkers.set(key, [...(checkers.get(key) ?? []), connection.externalId]);
    }
  }
  for (const connection of connections) {
    for (const check of connection.healthChecks ?? []) {
      if (!connection.gatewayId || !check.enabled || !check.destinationIp) continue;
      const others = (checkers.get(keyOf(connection.gatewayId, check.destinationIp)) ?? []).filter(
        (id) => id !== connection.externalId,
      );
      if (others.length > 0) check.sharedWithConnections = others;
    }
  }
}
