// Alibaba Cloud VPN Gateway through the official SDK @alicloud/vpc20160428 (on @alicloud/openapi-core):
// DescribeVpnGateways, DescribeVpnConnections, DescribeVpnRouteEntries, DiagnoseVpnConnections and
// DescribeVpnConnectionLogs, all RPC style, API version 2016-04-28.
//
// The SDK client signs (ACS3-HMAC-SHA256), resolves the regional endpoint (or takes the override)
// and sends the request; we call its generic `callApi` and read the raw JSON body rather than the
// typed `describeVpnConnections()`: the typed methods cast the body through `$dara.cast`, which
// throws on the first field whose type differs from the model (an empty string where a number is
// declared, say), failing the whole poll for one odd field. The raw body goes through tolerant
// parsers instead (normalize.ts).
//
// Retries: the SDK's own retry (RetryOptions) backs off 2^(attempt*period) ms, which cannot express
// a 250 ms..8 s schedule, so it is left off (no retryOptions: one attempt per call) and
// `withRetry` retries throttling, 5xx and timeouts with exponential backoff and jitter.
import * as OpenApiCore from "@alicloud/openapi-core";
import * as VpcSdk from "@alicloud/vpc20160428";
import * as $dara from "@darabonba/typescript";
import { faultOfAlibabaDiagnosis, type LogFaultCode } from "@tunnelwatch/core";
import { type ErrorContext, unavailableReason } from "../common/errors.ts";
import { type ClientOptions, resolveOptions } from "../common/options.ts";
import { positiveInt, toBool, toInt, toObj, toObjList, toStr } from "../common/parse.ts";
import { withRetry } from "../common/retry.ts";
import type {
  AccountTarget,
  FetchedConnection,
  LogCursor,
  LogPage,
  LogStreamRef,
  ProviderClient,
  ProviderDiagnostic,
  RawLogEvent,
  StatusSnapshot,
} from "../types.ts";
import { ProviderError } from "../types.ts";
import { alibabaRetryAfterMs, isRetryableAlibaba, toAlibabaProviderError } from "./errors.ts";
import {
  type AlibabaLogCursor,
  isWindowClosed,
  LOG_PAGE_SIZE,
  pageEvents,
  parseAlibabaCursor,
  WINDOW_SECONDS,
} from "./logs.ts";
import {
  type AlibabaGatewayInfo,
  type AlibabaRouteEntry,
  markSharedHealthChecks,
  normalizeAlibabaConnection,
  parseRouteEntry,
} from "./normalize.ts";

type AlibabaTarget = Extract<AccountTarget, { provider: "alibaba" }>;
type Raw = Record<string, unknown>;
type VpcClient = VpcSdk.default;

// CommonJS package: under native ESM the default import is module.exports, whose `default` is the class.
const VpcClientClass: typeof VpcSdk.default =
  (VpcSdk.default as unknown as { default?: typeof VpcSdk.default }).default ?? VpcSdk.default;

export const API_VERSION = "2016-04-28";
const PAGE_SIZE = 50;
/** Safety bound on pages per listing (50 x 200 = 10,000 items). */
const MAX_PAGES = 200;
/** DescribeVpnConnectionLogs calls one pull may make while windows come back empty. */
const MAX_LOG_CALLS_PER_PULL = 12;
/** How long after its end a window the API still calls incomplete is waited for. */
const INCOMPLETE_WAIT_SECONDS = 15 * 60;

/** "http://127.0.0.1:4000" -> { endpoint: "127.0.0.1:4000", protocol: "HTTP" }; a bare host -> HTTPS. */
export function parseEndpointOverride(endpoint: string): { endpoint: string; protocol: "HTTP" | "HTTPS" } {
  const match = /^(https?):\/\/([^/]+)\/?$/i.exec(endpoint.trim());
  if (match?.[1] && match[2])
    return { endpoint: match[2], protocol: match[1].toLowerCase() === "http" ? "HTTP" : "HTTPS" };
  return { endpoint: endpoint.trim().replace(/\/+$/, ""), protocol: "HTTPS" };
}

export class AlibabaProviderClient implements ProviderClient {
  readonly provider = "alibaba" as const;
  private readonly options: ClientOptions;
  private readonly clients = new Map<string, VpcClient>();
  private readonly secrets: string[];

  constructor(
    private readonly target: AlibabaTarget,
    options: Partial<ClientOptions> = {},
  ) {
    this.options = resolveOptions(options);
    this.secrets = [target.credentials.accessKeySecret];
  }

  private client(region: string): VpcClient {
    let client = this.clients.get(region);
    if (!client) {
      const override = this.target.endpoint ? parseEndpointOverride(this.target.endpoint) : undefined;
      client = new VpcClientClass(
        new OpenApiCore.$OpenApiUtil.Config({
          accessKeyId: this.target.credentials.accessKeyId,
          accessKeySecret: this.target.credentials.accessKeySecret,
          regionId: region,
          // Without an override the SDK picks vpc.aliyuncs.com or vpc.<region>.aliyuncs.com.
          ...(override ? { endpoint: override.endpoint, protocol: override.protocol } : {}),
          connectTimeout: this.options.connectTimeoutMs,
          readTimeout: this.options.requestTimeoutMs,
        }),
      );
      this.clients.set(region, client);
    }
    return client;
  }

  private context(action: string, region?: string): ErrorContext {
    return { provider: "alibaba", action, ...(region ? { region } : {}), secrets: this.secrets };
  }

  /** One RPC call: raw JSON body, retried on throttling, 5xx and timeouts, failures as ProviderError. */
  async rpc(action: string, region: string, query: Record<string, string | number>): Promise<Raw> {
    const client = this.client(region);
    const params = new OpenApiCore.$OpenApiUtil.Params({
      action,
      version: API_VERSION,
      protocol: "HTTPS",
      pathname: "/",
      method: "POST",
      authType: "AK",
      style: "RPC",
      reqBodyType: "formData",
      bodyType: "json",
    });
    const request = new OpenApiCore.$OpenApiUtil.OpenApiRequest({
      query: OpenApiCore.OpenApiUtil.query({ RegionId: region, ...query }),
    });
    const runtime = new $dara.RuntimeOptions({
      connectTimeout: this.options.connectTimeoutMs,
      readTimeout: this.options.requestTimeoutMs,
    });
    try {
      const response = await withRetry(
        () => client.callApi(params, request, runtime) as Promise<{ body?: unknown }>,
        isRetryableAlibaba,
        this.options,
        alibabaRetryAfterMs,
      );
      const body = toObj(response?.body);
      if (!body) {
        throw new ProviderError(
          "alibaba",
          "invalid-response",
          `Alibaba Cloud ${action} (${region}) failed: no JSON body`,
          {
            action,
            region,
          },
        );
      }
      return body;
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw toAlibabaProviderError(error, this.context(action, region));
    }
  }

  /** Follows PageNumber/PageSize until TotalCount is reached (or, without it, a page comes back short). */
  private async listAll(
    action: string,
    region: string,
    query: Record<string, string | number>,
    items: (body: Raw) => Raw[],
  ): Promise<Raw[]> {
    const all: Raw[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = await this.rpc(action, region, { ...query, PageNumber: page, PageSize: PAGE_SIZE });
      const batch = items(body);
      all.push(...batch);
      const total = toInt(body.TotalCount);
      if (batch.length === 0) break;
      if (total !== undefined) {
        if (all.length >= total) break;
      } else if (batch.length < (toInt(body.PageSize) ?? PAGE_SIZE)) {
        break;
      }
    }
    return all;
  }

  async fetchStatus(): Promise<StatusSnapshot> {
    const unavailable: Record<string, string> = {};
    const diagnostics: ProviderDiagnostic[] = [];
    const perRegion = await Promise.all(
      this.target.regions.map((region) => this.fetchRegion(region, unavailable, diagnostics)),
    );
    unavailable["alibaba:maintenance"] =
      "Alibaba Cloud O&M (maintenance) events are not read: no API for them was found; assume maintenance at any time";
    return {
      fetchedAt: new Date(this.options.now()),
      connections: perRegion.flat(),
      maintenance: [],
      unavailable,
      diagnostics,
    };
  }

  private async fetchRegion(
    region: string,
    unavailable: Record<string, string>,
    diagnostics: ProviderDiagnostic[],
  ): Promise<FetchedConnection[]> {
    let rawConnections: Raw[];
    let gateways: AlibabaGatewayInfo[];
    try {
      const rawGateways = await this.listAll("DescribeVpnGateways", region, {}, (body) =>
        toObjList(toObj(body.VpnGateways)?.VpnGateway),
      );
      gateways = rawGateways.flatMap((g) => {
        const vpnGatewayId = toStr(g.VpnGatewayId);
        if (!vpnGatewayId) return [];
        const info: AlibabaGatewayInfo = { vpnGatewayId };
        const ip = toStr(g.InternetIp);
        const drIp = toStr(g.DisasterRecoveryInternetIp);
        if (ip) info.internetIp = ip;
        if (drIp) info.disasterRecoveryInternetIp = drIp;
        return [info];
      });
      rawConnections = await this.listAll("DescribeVpnConnections", region, {}, (body) =>
        toObjList(toObj(body.VpnConnections)?.VpnConnection),
      );
    } catch (error) {
      if (error instanceof ProviderError && error.kind === "region") {
        unavailable[`alibaba:region:${region}`] = error.message;
        return [];
      }
      throw error;
    }

    // Destination route entries per gateway (weights for active/standby; optional).
    const routesByGateway = new Map<string, AlibabaRouteEntry[]>();
    const routeFailures: string[] = [];
    for (const gateway of gateways) {
      try {
        const entries = await this.listAll(
          "DescribeVpnRouteEntries",
          region,
          { VpnGatewayId: gateway.vpnGatewayId },
          (b) => toObjList(toObj(b.VpnRouteEntries)?.VpnRouteEntry),
        );
        routesByGateway.set(
          gateway.vpnGatewayId,
          entries.flatMap((e) => parseRouteEntry(e) ?? []),
        );
      } catch (error) {
        routeFailures.push(`${gateway.vpnGatewayId}: ${unavailableReason(error, this.secrets)}`);
      }
    }
    if (routeFailures.length > 0) unavailable[`alibaba:route-entries:${region}`] = routeFailures.join("; ");

    const gatewayById = new Map(gateways.map((g) => [g.vpnGatewayId, g]));
    const connections = rawConnections
      .filter((c) => toStr(c.VpnConnectionId))
      .map((raw) => {
        const gatewayId = toStr(raw.VpnGatewayId);
        const gateway = gatewayId ? gatewayById.get(gatewayId) : undefined;
        return normalizeAlibabaConnection(raw, region, {
          ...(gateway ? { gateway } : {}),
          // Undefined when the gateway's route entries could not be read.
          routes: gatewayId ? routesByGateway.get(gatewayId) : [],
        });
      });
    markSharedHealthChecks(connections);
    await this.addCustomerGateways(region, connections, unavailable);

    await this.diagnose(region, rawConnections, connections, unavailable, diagnostics);
    return connections;
  }

  /**
   * Customer gateways' public addresses, and their ASN where the BGP configuration gave none
   * (DescribeCustomerGateways; optional). A connection whose tunnels end on two customer gateways
   * is given the first tunnel's.
   */
  private async addCustomerGateways(
    region: string,
    connections: FetchedConnection[],
    unavailable: Record<string, string>,
  ): Promise<void> {
    if (!connections.some((c) => c.customerGatewayId)) return;
    try {
      const gateways = await this.listAll("DescribeCustomerGateways", region, {}, (body) =>
        toObjList(toObj(body.CustomerGateways)?.CustomerGateway),
      );
      const byId = new Map(gateways.map((g) => [toStr(g.CustomerGatewayId), g]));
      for (const connection of connections) {
        const gateway = connection.customerGatewayId ? byId.get(connection.customerGatewayId) : undefined;
        if (!gateway) continue;
        const ip = toStr(gateway.IpAddress);
        if (ip) connection.customerGatewayIp = ip;
        const asn = positiveInt(gateway.Asn);
        if (asn !== undefined && connection.routing === "bgp") connection.remoteAsn ??= asn;
      }
    } catch (error) {
      unavailable[`alibaba:customer-gateways:${region}`] = unavailableReason(error, this.secrets);
    }
  }

  /** DiagnoseVpnConnections for gateways with a tunnel that is not UP (optional extra data). */
  private async diagnose(
    region: string,
    rawConnections: Raw[],
    connections: FetchedConnection[],
    unavailable: Record<string, string>,
    diagnostics: ProviderDiagnostic[],
  ): Promise<void> {
    const failing = connections.filter((c) => c.tunnels.some((t) => t.status !== "UP"));
    const gatewayIds = [...new Set(failing.flatMap((c) => (c.gatewayId?.startsWith("vpn-") ? [c.gatewayId] : [])))];
    const failures: string[] = [];
    const rawById = new Map(
      rawConnections.flatMap((c) => {
        const id = toStr(c.VpnConnectionId);
        return id ? [[id, c] as const] : [];
      }),
    );
    for (const gatewayId of gatewayIds) {
      try {
        const items = await this.listAll(
          "DiagnoseVpnConnections",
          region,
          { VpnGatewayId: gatewayId, ...diagnosisTargets(rawById, failing, gatewayId) },
          (body) => toObjList(body.VpnConnections),
        );
        for (const item of items) {
          const connectionId = toStr(item.VpnConnectionId);
          const reasonCode = toStr(item.FailedReasonCode);
          if (!connectionId || !reasonCode) continue;
          const reason = toStr(item.FailedReason);
          const tunnelId = toStr(item.TunnelId);
          const tunnelIndex = tunnelId ? tunnelIndexOf(rawById.get(connectionId), tunnelId) : undefined;
          const failedTime = toInt(item.FailedTime);
          const local = toStr(item.MismatchLocalParam);
          const remote = toStr(item.MismatchRemoteParam);
          const faultCode: LogFaultCode = faultOfAlibabaDiagnosis(reasonCode, reason);
          diagnostics.push({
            connectionExternalId: connectionId,
            ...(tunnelIndex === undefined ? {} : { tunnelIndex }),
            reasonCode,
            ...(reason ? { reason } : {}),
            faultCode,
            ...(toStr(item.Severity) ? { severity: toStr(item.Severity) } : {}),
            ...(failedTime === undefined ? {} : { at: new Date(failedTime) }),
            ...(toStr(item.SourceLog) ? { sourceLog: toStr(item.SourceLog) } : {}),
            ...(local || remote ? { mismatch: { ...(local ? { local } : {}), ...(remote ? { remote } : {}) } } : {}),
          });
        }
      } catch (error) {
        failures.push(`${gatewayId}: ${unavailableReason(error, this.secrets)}`);
      }
    }
    if (failures.length > 0) unavailable[`alibaba:diagnose:${region}`] = failures.join("; ");
  }

  async pullLogs(
    stream: LogStreamRef,
    cursor: LogCursor | null,
    options: { since: Date; maxEvents: number },
  ): Promise<LogPage> {
    const vpnConnectionId = stream.locator.vpnConnectionId;
    if (!vpnConnectionId) {
      throw new ProviderError("alibaba", "other", `Alibaba Cloud log stream ${stream.key} has no connection id`, {
        action: "DescribeVpnConnectionLogs",
        region: stream.region,
      });
    }
    const tunnelId = stream.locator.tunnelId;
    const scope = `${vpnConnectionId}/${tunnelId ?? ""}`;
    const max = Math.max(1, Math.trunc(options.maxEvents));
    let current: AlibabaLogCursor = parseAlibabaCursor(cursor, options.since);
    const events: RawLogEvent[] = [];
    const now = this.options.now();

    for (let calls = 0; calls < MAX_LOG_CALLS_PER_PULL && events.length < max; calls++) {
      if (!isWindowClosed(current.from, now)) break;
      const body = await this.rpc("DescribeVpnConnectionLogs", stream.region, {
        VpnConnectionId: vpnConnectionId,
        ...(tunnelId ? { TunnelId: tunnelId } : {}),
        From: current.from,
        To: current.from + WINDOW_SECONDS,
        PageNumber: current.page,
        PageSize: LOG_PAGE_SIZE,
      });
      // IsCompleted false: the window's logs are not all in yet. A recent window is read again
      // later rather than taken half-filled (its lines' ids depend on their positions).
      const windowEndSec = current.from + WINDOW_SECONDS;
      if (toBool(body.IsCompleted) === false && windowEndSec > Math.floor(now / 1000) - INCOMPLETE_WAIT_SECONDS) break;
      const lines = logLines(body);
      const taken = pageEvents(scope, current, lines, max - events.length);
      // From and To are both inclusive: a line stamped exactly at the window's end also comes
      // back as the first second of the next window, and is taken there.
      const windowEndMs = windowEndSec * 1000;
      events.push(...taken.filter((event) => event.timestamp < windowEndMs));
      const offset = current.offset + taken.length;
      if (offset < lines.length) {
        current = { ...current, offset };
      } else if (lines.length >= LOG_PAGE_SIZE) {
        current = { v: 1, from: current.from, page: current.page + 1, offset: 0 };
      } else {
        current = { v: 1, from: current.from + WINDOW_SECONDS, page: 1, offset: 0 };
      }
    }
    const hasMore = isWindowClosed(current.from, now);
    return { events, cursor: { ...current }, hasMore };
  }
}

function logLines(body: Raw): string[] {
  const data = toObj(body.Data);
  const raw = data?.Logs ?? body.Logs;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((line) => (typeof line === "string" ? [line] : line === null ? [] : [JSON.stringify(line)]));
}

/**
 * What DiagnoseVpnConnections must be told to look at on one gateway: single-tunnel connections
 * by id (VpnConnectionIds.N), dual-tunnel connections by their tunnels' ids (TunnelIds.N).
 */
function diagnosisTargets(
  rawById: Map<string, Raw>,
  failing: FetchedConnection[],
  gatewayId: string,
): Record<string, string> {
  const connectionIds: string[] = [];
  const tunnelIds: string[] = [];
  for (const connection of failing) {
    if (connection.gatewayId !== gatewayId) continue;
    const raw = rawById.get(connection.externalId);
    const tunnels = toObjList(toObj(raw?.TunnelOptionsSpecification)?.TunnelOptions).flatMap((t) =>
      toStr(t.TunnelId) ? [toStr(t.TunnelId) as string] : [],
    );
    if (tunnels.length > 0) tunnelIds.push(...tunnels);
    else connectionIds.push(connection.externalId);
  }
  return Object.fromEntries([
    ...connectionIds.map((id, i) => [`VpnConnectionIds.${i + 1}`, id]),
    ...tunnelIds.map((id, i) => [`TunnelIds.${i + 1}`, id]),
  ]);
}

function tunnelIndexOf(raw: Raw | undefined, tunnelId: string): number | undefined {
  const tunnels = toObjList(toObj(raw?.TunnelOptionsSpecification)?.TunnelOptions);
  const position = tunnels.findIndex((t) => toStr(t.TunnelId) === tunnelId);
  if (position < 0) return undefined;
  return toInt(tunnels[position]?.TunnelIndex) ?? position + 1;
}
