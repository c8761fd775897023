// EC2 DescribeVpnConnections (SDK v3 shapes) -> FetchedConnection. Pure: no I/O.
// Field meanings: shared/notes/vendor-apis.md §1.3 (botocore ec2 2016-11-15 model, API reference).

import type { TunnelOption, VgwTelemetry, VpnConnection } from "@aws-sdk/client-ec2";
import { isAnyNetwork, type NormalizedTunnel, type TunnelOptions } from "@tunnelwatch/core";
import { dropUndefined, nonNegativeInt, positiveInt } from "../common/parse.ts";
import type { FetchedConnection, LogStreamRef } from "../types.ts";

/** "2 BGP ROUTES" -> 2 (VgwTelemetry.StatusMessage of a BGP tunnel). */
export function bgpRouteCount(statusMessage: string | undefined): number | undefined {
  const match = /^\s*(\d+)\s+BGP ROUTES?\s*$/i.exec(statusMessage ?? "");
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/vpn:*" -> "/aws/vendedlogs/vpn". */
export function logGroupNameFromArn(arn: string): string | undefined {
  const match = /:log-group:(.+?)(?::\*)?$/.exec(arn);
  return match?.[1];
}

const values = <T>(list: Array<{ Value?: T | undefined }> | undefined): T[] | undefined =>
  list === undefined ? undefined : list.flatMap((item) => (item.Value === undefined ? [] : [item.Value]));

/**
 * What a tunnel runs with when its options were never changed: the defaults of
 * VpnTunnelOptionsSpecification (EC2 API reference; the Site-to-Site VPN guide's tunnel options
 * page). DescribeVpnConnections may leave an option out of a tunnel that was created without it,
 * and an option left out is then the default, not unknown: a tunnel created without a startup
 * action only responds, one created without algorithm lists offers SHA-1 and DH group 2, and one
 * without log options does not log. DPD uses CreateVpnConnection's timeout (30 s).
 */
export const AWS_TUNNEL_DEFAULTS = {
  ikeVersions: ["ikev1", "ikev2"],
  phase1LifetimeSec: 28800,
  phase2LifetimeSec: 3600,
  rekeyMarginSec: 270,
  rekeyFuzzPct: 100,
  replayWindow: 1024,
  dpdTimeoutSec: 30,
  dpdTimeoutAction: "clear",
  phase1Encryption: ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"],
  phase1Integrity: ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"],
  phase1DhGroups: [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
  phase2Encryption: ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"],
  phase2Integrity: ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"],
  phase2DhGroups: [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
  startupAction: "add",
  loggingEnabled: false,
} satisfies TunnelOptions;

/**
 * An option as reported when it is valid, AWS's default when it was left out, unknown when it
 * was reported but is not a value AWS documents (an unknown action, a fuzz over 100).
 */
function reportedOr<T>(reported: unknown, read: (value: unknown) => T | undefined, fallback: T): T | undefined {
  return reported === undefined ? fallback : read(reported);
}

/** A percentage AWS accepts: 0 to 100. */
const percentage = (value: unknown) => {
  const n = nonNegativeInt(value);
  return n !== undefined && n <= 100 ? n : undefined;
};

/** A value from a fixed set, or undefined. */
const oneOf =
  <T extends string>(...allowed: T[]) =>
  (value: unknown): T | undefined =>
    allowed.includes(value as T) ? (value as T) : undefined;

/** A tunnel's options as reported, each one left out taking AWS's default; none for a tunnel AWS did not describe. */
function tunnelOptions(option: TunnelOption | undefined): TunnelOptions {
  if (!option) return {};
  const d = AWS_TUNNEL_DEFAULTS;
  // Lists are copied so that no caller can change the defaults.
  const list = <T>(reported: Array<{ Value?: T | undefined }> | undefined, fallback: readonly T[]) =>
    values(reported) ?? [...fallback];
  const ikeVersions = list(option.IkeVersions, d.ikeVersions).filter(
    (v): v is "ikev1" | "ikev2" => v === "ikev1" || v === "ikev2",
  );
  const phase2DhGroups = list(option.Phase2DHGroupNumbers, d.phase2DhGroups);
  const result: TunnelOptions = {
    ikeVersions,
    phase1LifetimeSec: reportedOr(option.Phase1LifetimeSeconds, positiveInt, d.phase1LifetimeSec),
    phase2LifetimeSec: reportedOr(option.Phase2LifetimeSeconds, positiveInt, d.phase2LifetimeSec),
    rekeyMarginSec: reportedOr(option.RekeyMarginTimeSeconds, nonNegativeInt, d.rekeyMarginSec),
    rekeyFuzzPct: reportedOr(option.RekeyFuzzPercentage, percentage, d.rekeyFuzzPct),
    replayWindow: reportedOr(option.ReplayWindowSize, positiveInt, d.replayWindow),
    dpdTimeoutSec: reportedOr(option.DpdTimeoutSeconds, positiveInt, d.dpdTimeoutSec),
    dpdTimeoutAction: reportedOr(option.DpdTimeoutAction, oneOf("clear", "none", "restart"), d.dpdTimeoutAction),
    phase1Encryption: list(option.Phase1EncryptionAlgorithms, d.phase1Encryption),
    phase1Integrity: list(option.Phase1IntegrityAlgorithms, d.phase1Integrity),
    phase1DhGroups: list(option.Phase1DHGroupNumbers, d.phase1DhGroups),
    phase2Encryption: list(option.Phase2EncryptionAlgorithms, d.phase2Encryption),
    phase2Integrity: list(option.Phase2IntegrityAlgorithms, d.phase2Integrity),
    phase2DhGroups,
    // PFS: phase 2 offers at least one DH group.
    pfsEnabled: phase2DhGroups.length > 0,
    startupAction: reportedOr(option.StartupAction, oneOf("add", "start"), d.startupAction),
    loggingEnabled: option.LogOptions?.CloudWatchLogOptions?.LogEnabled ?? d.loggingEnabled,
  };
  return dropUndefined(result);
}

/**
 * Pairs each tunnel option with its telemetry. The join key is the outside IP; an option whose IP
 * is empty (endpoint being provisioned) or has no telemetry takes the leftover telemetry entries in
 * order. The tunnel index is the position in Options.TunnelOptions, so it stays the same when AWS
 * replaces an endpoint and its outside IP changes, and when the telemetry comes back in another order.
 */
export function pairTunnels(
  options: readonly TunnelOption[],
  telemetry: readonly VgwTelemetry[],
): Array<{ option?: TunnelOption; telemetry?: VgwTelemetry }> {
  if (options.length === 0) return telemetry.map((t) => ({ telemetry: t }));
  const used = new Set<number>();
  const pairs = options.map((option) => {
    const ip = option.OutsideIpAddress;
    const at = ip ? telemetry.findIndex((t, i) => !used.has(i) && t.OutsideIpAddress === ip) : -1;
    if (at >= 0) used.add(at);
    return { option, telemetryAt: at };
  });
  const leftovers = telemetry.map((_, i) => i).filter((i) => !used.has(i));
  return pairs.map(({ option, telemetryAt }) => {
    let at = telemetryAt;
    if (at < 0 && leftovers.length > 0) {
      // Only an entry whose IP matches no option (or is empty) can belong to this tunnel.
      const candidate = leftovers.findIndex((i) => {
        const ip = telemetry[i]?.OutsideIpAddress;
        return !ip || !options.some((o) => o.OutsideIpAddress === ip);
      });
      if (candidate >= 0) at = leftovers.splice(candidate, 1)[0] ?? -1;
    }
    return { option, ...(at >= 0 ? { telemetry: telemetry[at] } : {}) };
  });
}

export function normalizeAwsConnection(vpn: VpnConnection, region: string): FetchedConnection {
  const vpnId = vpn.VpnConnectionId ?? "";
  const options = vpn.Options;
  const isStatic = options?.StaticRoutesOnly === true;
  const tags = Object.fromEntries(
    (vpn.Tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? ""] as [string, string]])),
  );
  const logStreams: LogStreamRef[] = [];

  const tunnels: NormalizedTunnel[] = pairTunnels(options?.TunnelOptions ?? [], vpn.VgwTelemetry ?? []).map(
    ({ option, telemetry }, position) => {
      const index = position + 1;
      const outsideIp = option?.OutsideIpAddress || telemetry?.OutsideIpAddress || null;
      const status = telemetry?.Status === "UP" ? "UP" : telemetry?.Status === "DOWN" ? "DOWN" : "UNKNOWN";
      const statusMessage = telemetry?.StatusMessage ?? null;
      const routes = bgpRouteCount(telemetry?.StatusMessage);
      const accepted = nonNegativeInt(telemetry?.AcceptedRouteCount) ?? routes;
      const tunnel: NormalizedTunnel = {
        index,
        outsideIp,
        insideCidr: option?.TunnelInsideCidr ?? option?.TunnelInsideIpv6Cidr ?? null,
        status,
        statusMessage,
        lastStatusChange: validDate(telemetry?.LastStatusChange)?.toISOString() ?? null,
        acceptedRouteCount: accepted ?? null,
        options: tunnelOptions(option),
      };
      if (!isStatic) {
        const bgpStatus = status === "DOWN" ? "down" : routes !== undefined && status === "UP" ? "up" : undefined;
        if (bgpStatus) tunnel.bgp = { status: bgpStatus };
      }

      const cw = option?.LogOptions?.CloudWatchLogOptions;
      if (outsideIp && cw) {
        // One stream per tunnel, named <vpn id>_<outside ip> (AWS S2S VPN logging docs; the BGP
        // log example's resource_id uses the same form, so BGP streams are assumed to as well).
        const streamName = `${vpnId}_${outsideIp}`;
        const groups: Array<["tunnel" | "bgp", string | undefined, boolean | undefined]> = [
          ["tunnel", cw.LogGroupArn, cw.LogEnabled],
          ["bgp", cw.BgpLogGroupArn, cw.BgpLogEnabled],
        ];
        for (const [kind, arn, enabled] of groups) {
          const group = arn ? logGroupNameFromArn(arn) : undefined;
          if (!enabled || !arn || !group) continue;
          logStreams.push({
            key: `aws:${region}:${group}:${streamName}${kind === "bgp" ? ":bgp" : ""}`,
            kind,
            region,
            connectionExternalId: vpnId,
            tunnelIndex: index,
            locator: { logGroupArn: arn, logGroupName: group, logStreamName: streamName },
          });
        }
      }
      return tunnel;
    },
  );

  const local = options?.LocalIpv4NetworkCidr ?? options?.LocalIpv6NetworkCidr;
  const remote = options?.RemoteIpv4NetworkCidr ?? options?.RemoteIpv6NetworkCidr;
  const connection: FetchedConnection = {
    provider: "aws",
    externalId: vpnId,
    name: tags.Name ?? vpnId,
    region,
    state: vpn.State,
    routing: isStatic ? "static" : "bgp",
    gatewayId: vpn.TransitGatewayId ?? vpn.VpnGatewayId ?? vpn.CoreNetworkAttachmentArn ?? null,
    customerGatewayId: vpn.CustomerGatewayId ?? null,
    isAccelerated: options?.EnableAcceleration,
    staticRoutes: (vpn.Routes ?? [])
      .filter((r) => r.DestinationCidrBlock && r.State !== "deleted" && r.State !== "deleting")
      .map((r) => r.DestinationCidrBlock as string),
    tunnels,
    tags,
    logStreams,
  };
  // The SA's traffic selectors (default ::/0 or 0.0.0.0/0 on both sides: route-based).
  if (local && remote && !(isAnyNetwork(local) && isAnyNetwork(remote))) {
    connection.encryptionDomains = [{ local, remote }];
  }
  return dropUndefined(connection);
}

function validDate(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
