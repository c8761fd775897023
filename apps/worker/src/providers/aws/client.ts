// AWS Site-to-Site VPN: EC2 (DescribeVpnConnections, DescribeCustomerGateways,
// GetVpnTunnelReplacementStatus), AWS Health (DescribeEvents and friends, us-east-1), CloudWatch
// Logs (DescribeLogStreams, FilterLogEvents) and CloudWatch metrics (GetMetricData, the tunnels'
// traffic), through the AWS SDK v3 over real HTTP.
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  type FilterLogEventsCommandOutput,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  DescribeCustomerGatewaysCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
  GetVpnTunnelReplacementStatusCommand,
  type VpnConnection,
} from "@aws-sdk/client-ec2";
import {
  DescribeAffectedEntitiesCommand,
  DescribeEventDetailsCommand,
  DescribeEventsCommand,
  HealthClient,
  type Event as HealthEvent,
} from "@aws-sdk/client-health";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { type ErrorContext, unavailableReason } from "../common/errors.ts";
import { type ClientOptions, resolveOptions } from "../common/options.ts";
import { positiveInt } from "../common/parse.ts";
import { mapLimit } from "../common/pool.ts";
import { backoffDelay } from "../common/retry.ts";
import type {
  AccountTarget,
  AwsCredentials,
  FetchedConnection,
  LogCursor,
  LogPage,
  LogStreamRef,
  MaintenanceNotice,
  ProviderClient,
  RawLogEvent,
  StatusSnapshot,
} from "../types.ts";
import { ProviderError } from "../types.ts";
import { toAwsProviderError } from "./errors.ts";
import { advanceAwsCursor, awsLogPage, parseAwsCursor } from "./logs.ts";
import { normalizeAwsConnection } from "./normalize.ts";
import { TRAFFIC_PERIOD_SEC, TrafficReadings } from "./traffic-readings.ts";

type AwsTarget = Extract<AccountTarget, { provider: "aws" }>;

/** The AWS Health API has one global endpoint, in us-east-1. */
export const HEALTH_REGION = "us-east-1";
/** Calls in flight per region for per-tunnel look-ups (GetVpnTunnelReplacementStatus). */
const TUNNEL_CALL_CONCURRENCY = 4;
/** Pages FilterLogEvents may return empty (with a nextToken) before one pull gives up for now. */
const MAX_EMPTY_LOG_PAGES = 10;
/** How far back a poll looks for a tunnel's last traffic: idle longer reads as at least this. */
const TRAFFIC_WINDOW_SEC = 1_800;
/** GetMetricData takes up to 500 queries a call: two per tunnel. */
const TUNNELS_PER_METRICS_CALL = 250;

interface SdkClientConfig {
  region: string;
  credentials: AwsCredentials;
  endpoint?: string;
  requestHandler: NodeHttpHandler;
  retryStrategy: ConfiguredRetryStrategy;
}

export class AwsProviderClient implements ProviderClient {
  readonly provider = "aws" as const;
  private readonly options: ClientOptions;
  private readonly ec2Clients = new Map<string, EC2Client>();
  private readonly logsClients = new Map<string, CloudWatchLogsClient>();
  private readonly metricsClients = new Map<string, CloudWatchClient>();
  private healthClient: HealthClient | undefined;
  private readonly secrets: string[];

  /**
   * `trafficReadings` outlives the client where a worker keeps one across polls; the default
   * lives as long as this client.
   */
  constructor(
    private readonly target: AwsTarget,
    options: Partial<ClientOptions> = {},
    private readonly trafficReadings = new TrafficReadings(),
  ) {
    this.options = resolveOptions(options);
    const { secretAccessKey, sessionToken } = target.credentials;
    this.secrets = [secretAccessKey, ...(sessionToken ? [sessionToken] : [])];
  }

  /** SDK config shared by every AWS client: timeouts, retry strategy, endpoint override. */
  private sdkConfig(region: string): SdkClientConfig {
    const { connectTimeoutMs, requestTimeoutMs, maxAttempts } = this.options;
    return {
      region,
      credentials: { ...this.target.credentials },
      ...(this.target.endpoint ? { endpoint: this.target.endpoint } : {}),
      requestHandler: new NodeHttpHandler({
        connectionTimeout: connectTimeoutMs,
        requestTimeout: requestTimeoutMs,
        // Without it the SDK only logs a warning when requestTimeout passes.
        throwOnRequestTimeout: true,
      }),
      // The standard strategy's decisions (throttling codes, 5xx, timeouts and socket errors are
      // retried; auth and validation errors are not) with our attempts and backoff.
      retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt) => backoffDelay(attempt, this.options)),
    };
  }

  /** A service's SDK client for a region, made on first use and kept. */
  private regional<T>(clients: Map<string, T>, region: string, make: (config: SdkClientConfig) => T): T {
    let client = clients.get(region);
    if (!client) {
      client = make(this.sdkConfig(region));
      clients.set(region, client);
    }
    return client;
  }

  private ec2(region: string): EC2Client {
    return this.regional(this.ec2Clients, region, (config) => new EC2Client(config));
  }

  private logs(region: string): CloudWatchLogsClient {
    return this.regional(this.logsClients, region, (config) => new CloudWatchLogsClient(config));
  }

  private metrics(region: string): CloudWatchClient {
    return this.regional(this.metricsClients, region, (config) => new CloudWatchClient(config));
  }

  private health(): HealthClient {
    this.healthClient ??= new HealthClient(this.sdkConfig(HEALTH_REGION));
    return this.healthClient;
  }

  private context(action: string, region?: string): ErrorContext {
    return { provider: "aws", action, ...(region ? { region } : {}), secrets: this.secrets };
  }

  private async call<T>(action: string, region: string | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw toAwsProviderError(error, this.context(action, region), this.target.endpoint !== undefined);
    }
  }

  async fetchStatus(): Promise<StatusSnapshot> {
    const unavailable: Record<string, string> = {};
    const maintenance: MaintenanceNotice[] = [];
    const perRegion = await Promise.allSettled(
      this.target.regions.map((region) => this.fetchRegion(region, unavailable, maintenance)),
    );
    // EC2 answers AuthFailure in an opt-in region the account has not enabled, exactly as for bad
    // credentials. When the same credentials work in another region, the failing region is
    // reported as unavailable; when they work nowhere, the credentials are at fault.
    const worksSomewhere = perRegion.some((r) => r.status === "fulfilled");
    const connections: FetchedConnection[] = [];
    for (const [i, result] of perRegion.entries()) {
      if (result.status === "fulfilled") {
        connections.push(...result.value);
        continue;
      }
      const error = result.reason;
      if (worksSomewhere && error instanceof ProviderError && error.details.code === "AuthFailure") {
        unavailable[`aws:region:${this.target.regions[i]}`] =
          `${error.message} (the same credentials work in other regions: is this an opt-in region not enabled for the account?)`;
        continue;
      }
      throw error;
    }
    maintenance.push(...(await this.healthNotices(connections, unavailable)));
    return { fetchedAt: new Date(this.options.now()), connections, maintenance, unavailable };
  }

  private async fetchRegion(
    region: string,
    unavailable: Record<string, string>,
    maintenance: MaintenanceNotice[],
  ): Promise<FetchedConnection[]> {
    let vpns: VpnConnection[];
    try {
      // DescribeVpnConnections has no pagination (vendor-apis.md §1.1).
      const out = await this.call("DescribeVpnConnections", region, () =>
        this.ec2(region).send(new DescribeVpnConnectionsCommand({})),
      );
      vpns = (out.VpnConnections ?? []).filter((v) => v.VpnConnectionId && v.State !== "deleted");
    } catch (error) {
      // A region that is not enabled for the account (or does not exist) holds no connections;
      // every other failure fails the poll, so the pipeline retries instead of seeing none.
      if (error instanceof ProviderError && error.kind === "region") {
        unavailable[`aws:region:${region}`] = error.message;
        return [];
      }
      throw error;
    }
    const connections = vpns.map((vpn) => normalizeAwsConnection(vpn, region));
    const textLogs = vpns.flatMap((vpn) =>
      (vpn.Options?.TunnelOptions ?? []).flatMap((option) => {
        const cw = option.LogOptions?.CloudWatchLogOptions;
        return cw?.LogEnabled && cw.LogOutputFormat === "text"
          ? [`${vpn.VpnConnectionId} (${option.OutsideIpAddress ?? "?"})`]
          : [];
      }),
    );
    if (textLogs.length > 0) {
      unavailable[`aws:log-format:${region}`] =
        `tunnel activity logs in text format on ${textLogs.join(", ")}: Tunnelwatch reads the JSON format, whose records carry the IKE phase states and classify fully; set the tunnels' log output format to json`;
    }
    await this.addCustomerGateways(region, connections, unavailable);
    await this.addTunnelTraffic(region, connections, unavailable);
    await this.resolveLogStreamNames(region, connections, unavailable);
    maintenance.push(...(await this.lifecycleNotices(region, vpns, connections, unavailable)));
    return connections;
  }

  /**
   * AWS names a tunnel's log stream from its VPN connection id and outside IP but documents no
   * separator; the stream locators assume `<vpn id>_<ip>`, the form of the BGP records'
   * resource_id. Each log group's streams are listed once a poll, and a tunnel whose assumed name
   * is not there reads the one stream that names both its connection and its address instead
   * (the stream key, and with it the cursor, stays the same). A BGP log sent to the tunnel's own
   * log group reads a stream of its own only where one names BGP; otherwise the tunnel's stream
   * carries both kinds of record (the classifier tells them apart) and is read once. Listing is
   * optional: a failure keeps the assumed names.
   */
  private async resolveLogStreamNames(
    region: string,
    connections: FetchedConnection[],
    unavailable: Record<string, string>,
  ): Promise<void> {
    const refs = connections.flatMap((connection) =>
      connection.logStreams.filter((ref) => ref.locator.logGroupName).map((ref) => ({ connection, ref })),
    );
    for (const group of new Set(refs.map(({ ref }) => ref.locator.logGroupName as string))) {
      let names: string[];
      try {
        names = await this.listLogStreams(region, group);
      } catch (error) {
        unavailable[`aws:log-streams:${region}:${group}`] = unavailableReason(error, this.secrets);
        continue;
      }
      const existing = new Set(names);
      for (const { connection, ref } of refs) {
        if (ref.locator.logGroupName !== group) continue;
        const ip = connection.tunnels.find((t) => t.index === ref.tunnelIndex)?.outsideIp;
        if (!ip) continue;
        const address = new RegExp(`(?<![\\d.])${ip.replaceAll(".", "\\.")}(?![\\d.])`);
        const naming = names.filter((name) => name.includes(connection.externalId) && address.test(name));
        const namesBgp = (name: string) => /bgp/i.test(name.replace(connection.externalId, ""));
        const ofKind = naming.filter((name) => namesBgp(name) === (ref.kind === "bgp"));
        if (ref.kind === "bgp" && ofKind.length === 1) ref.locator.logStreamName = ofKind[0] as string;
        else if (existing.has(ref.locator.logStreamName as string)) continue;
        else if (ofKind.length === 1) ref.locator.logStreamName = ofKind[0] as string;
        else if (naming.length === 1) ref.locator.logStreamName = naming[0] as string;
      }
    }
    for (const connection of connections) {
      const tunnelStreams = new Set(
        connection.logStreams
          .filter((ref) => ref.kind === "tunnel")
          .map((ref) => `${ref.locator.logGroupName}\u0000${ref.locator.logStreamName}`),
      );
      connection.logStreams = connection.logStreams.filter(
        (ref) =>
          ref.kind !== "bgp" || !tunnelStreams.has(`${ref.locator.logGroupName}\u0000${ref.locator.logStreamName}`),
      );
    }
  }

  /** The names of a log group's streams (DescribeLogStreams, up to 1,000). */
  private async listLogStreams(region: string, logGroupName: string): Promise<string[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 20; page++) {
      const out = await this.call("DescribeLogStreams", region, () =>
        this.logs(region).send(new DescribeLogStreamsCommand({ logGroupName, ...(nextToken ? { nextToken } : {}) })),
      );
      for (const stream of out.logStreams ?? []) if (stream.logStreamName) names.push(stream.logStreamName);
      nextToken = out.nextToken;
      if (!nextToken) break;
    }
    return names;
  }

  /**
   * How long each UP tunnel of a static connection has carried no traffic (GetMetricData on
   * AWS/VPN TunnelDataIn and TunnelDataOut by TunnelIpAddress; optional): idle tunnels are torn
   * down by idle timeouts (IDLE_RISK), which BGP's keepalives prevent. Counted up to the newest
   * period CloudWatch reports, not to now, as AWS publishes the periods some minutes late: traffic
   * in that period makes it 0; none within the window, the window reported; no datapoints, unknown.
   * A tunnel read earlier in the current 5-minute period keeps that reading (traffic-readings.ts).
   */
  private async addTunnelTraffic(
    region: string,
    connections: FetchedConnection[],
    unavailable: Record<string, string>,
  ): Promise<void> {
    const now = this.options.now();
    const keyOf = (address: string) =>
      [this.target.endpoint ?? "", this.target.credentials.accessKeyId, region, address].join("\u0000");
    const tunnels: FetchedConnection["tunnels"] = [];
    for (const tunnel of connections
      .filter((c) => c.routing === "static")
      .flatMap((c) => c.tunnels.filter((t) => t.status === "UP" && t.outsideIp))) {
      const reading = this.trafficReadings.get(keyOf(tunnel.outsideIp as string), now);
      if (!reading) tunnels.push(tunnel);
      else if (reading.idleSeconds !== undefined) tunnel.idleSeconds = reading.idleSeconds;
    }
    const metric = (id: string, name: string, address: string): MetricDataQuery => ({
      Id: id,
      MetricStat: {
        Metric: { Namespace: "AWS/VPN", MetricName: name, Dimensions: [{ Name: "TunnelIpAddress", Value: address }] },
        Period: TRAFFIC_PERIOD_SEC,
        Stat: "Sum",
      },
    });
    try {
      for (let from = 0; from < tunnels.length; from += TUNNELS_PER_METRICS_CALL) {
        const batch = tunnels.slice(from, from + TUNNELS_PER_METRICS_CALL);
        const queries = batch.flatMap((t, i) => [
          metric(`in${i}`, "TunnelDataIn", t.outsideIp as string),
          metric(`out${i}`, "TunnelDataOut", t.outsideIp as string),
        ]);
        const lastTraffic = new Map<string, number>();
        const lastReported = new Map<string, number>();
        let nextToken: string | undefined;
        let pages = 0;
        do {
          const out = await this.call("GetMetricData", region, () =>
            this.metrics(region).send(
              new GetMetricDataCommand({
                MetricDataQueries: queries,
                StartTime: new Date(now - TRAFFIC_WINDOW_SEC * 1000),
                EndTime: new Date(now),
                ...(nextToken ? { NextToken: nextToken } : {}),
              }),
            ),
          );
          for (const result of out.MetricDataResults ?? []) {
            const index = (result.Id ?? "").replace(/^(?:in|out)/, "");
            for (const [k, at] of (result.Timestamps ?? []).entries()) {
              const end = at.getTime() + TRAFFIC_PERIOD_SEC * 1000;
              lastReported.set(index, Math.max(lastReported.get(index) ?? 0, end));
              if ((result.Values?.[k] ?? 0) > 0) lastTraffic.set(index, Math.max(lastTraffic.get(index) ?? 0, end));
            }
          }
          nextToken = out.NextToken;
        } while (nextToken && ++pages < 20);
        const windowStart = now - TRAFFIC_WINDOW_SEC * 1000;
        for (const [i, tunnel] of batch.entries()) {
          const reportedUntil = lastReported.get(String(i));
          const idleSince = lastTraffic.get(String(i)) ?? windowStart;
          const idleSeconds =
            reportedUntil === undefined ? undefined : Math.max(0, Math.round((reportedUntil - idleSince) / 1000));
          if (idleSeconds !== undefined) tunnel.idleSeconds = idleSeconds;
          this.trafficReadings.set(keyOf(tunnel.outsideIp as string), now, idleSeconds);
        }
      }
    } catch (error) {
      unavailable[`aws:tunnel-traffic:${region}`] = unavailableReason(error, this.secrets);
    }
  }

  /** Customer gateway public IP and BGP ASN (DescribeCustomerGateways; optional). */
  private async addCustomerGateways(
    region: string,
    connections: FetchedConnection[],
    unavailable: Record<string, string>,
  ): Promise<void> {
    const ids = [...new Set(connections.flatMap((c) => (c.customerGatewayId ? [c.customerGatewayId] : [])))];
    if (ids.length === 0) return;
    try {
      const out = await this.call("DescribeCustomerGateways", region, () =>
        this.ec2(region).send(new DescribeCustomerGatewaysCommand({ CustomerGatewayIds: ids })),
      );
      const byId = new Map((out.CustomerGateways ?? []).map((g) => [g.CustomerGatewayId, g]));
      for (const connection of connections) {
        const gateway = connection.customerGatewayId ? byId.get(connection.customerGatewayId) : undefined;
        if (!gateway) continue;
        if (gateway.IpAddress) connection.customerGatewayIp = gateway.IpAddress;
        // ASNs above 2,147,483,647 come only in BgpAsnExtended.
        const asn = positiveInt(gateway.BgpAsnExtended ?? gateway.BgpAsn);
        if (asn !== undefined && connection.routing === "bgp") connection.remoteAsn = asn;
      }
    } catch (error) {
      unavailable[`aws:customer-gateways:${region}`] = unavailableReason(error, this.secrets);
    }
  }

  /** Tunnel Endpoint Lifecycle Control: pending maintenance per tunnel (GetVpnTunnelReplacementStatus). */
  private async lifecycleNotices(
    region: string,
    vpns: VpnConnection[],
    connections: FetchedConnection[],
    unavailable: Record<string, string>,
  ): Promise<MaintenanceNotice[]> {
    const checks: Array<{ vpnId: string; index: number; outsideIp: string }> = [];
    const off: string[] = [];
    for (const vpn of vpns) {
      const vpnId = vpn.VpnConnectionId as string;
      (vpn.Options?.TunnelOptions ?? []).forEach((option, position) => {
        if (option.EnableTunnelLifecycleControl === true && option.OutsideIpAddress) {
          checks.push({ vpnId, index: position + 1, outsideIp: option.OutsideIpAddress });
        } else {
          off.push(`${vpnId} tunnel ${position + 1}`);
        }
      });
    }
    if (off.length > 0) {
      unavailable[`aws:tunnel-lifecycle:${region}`] =
        `Tunnel endpoint lifecycle control is not enabled on ${off.slice(0, 10).join(", ")}` +
        `${off.length > 10 ? ` and ${off.length - 10} more` : ""}: AWS reports no pending maintenance for them` +
        " (only AWS Health notices)";
    }
    const failures: string[] = [];
    const notices = await mapLimit(checks, TUNNEL_CALL_CONCURRENCY, async (check) => {
      try {
        const out = await this.call("GetVpnTunnelReplacementStatus", region, () =>
          this.ec2(region).send(
            new GetVpnTunnelReplacementStatusCommand({
              VpnConnectionId: check.vpnId,
              VpnTunnelOutsideIpAddress: check.outsideIp,
            }),
          ),
        );
        const details = out.MaintenanceDetails;
        const pending = details?.PendingMaintenance?.trim();
        if (!pending || /^none$/i.test(pending)) return undefined;
        const autoAppliedAfter = details?.MaintenanceAutoAppliedAfter;
        const connection = connections.find((c) => c.externalId === check.vpnId);
        const tunnel = connection?.tunnels.find((t) => t.index === check.index);
        if (tunnel) {
          tunnel.pendingMaintenance = {
            description: pending,
            autoAppliedAfter: autoAppliedAfter ? autoAppliedAfter.toISOString() : null,
          };
        }
        const notice: MaintenanceNotice = {
          source: "AWS_TUNNEL_LIFECYCLE",
          externalId: `${check.vpnId}:${check.index}`,
          region,
          connectionExternalId: check.vpnId,
          tunnelIndex: check.index,
          title: `Pending tunnel endpoint maintenance on ${check.vpnId} tunnel ${check.index}`,
          description: pending,
          status: "UPCOMING",
          ...(autoAppliedAfter ? { autoAppliedAfter } : {}),
        };
        return notice;
      } catch (error) {
        failures.push(`${check.vpnId} tunnel ${check.index}: ${unavailableReason(error, this.secrets)}`);
        return undefined;
      }
    });
    if (failures.length > 0) {
      unavailable[`aws:tunnel-replacement-status:${region}`] = failures.slice(0, 5).join("; ");
    }
    return notices.filter((n): n is MaintenanceNotice => n !== undefined);
  }

  /** AWS Health events of the VPN service in the target regions (needs a Business+ support plan). */
  private async healthNotices(
    connections: FetchedConnection[],
    unavailable: Record<string, string>,
  ): Promise<MaintenanceNotice[]> {
    const events: HealthEvent[] = [];
    try {
      let nextToken: string | undefined;
      do {
        const out = await this.call("Health DescribeEvents", HEALTH_REGION, () =>
          this.health().send(
            new DescribeEventsCommand({
              filter: { services: ["VPN"], regions: this.target.regions, eventStatusCodes: ["open", "upcoming"] },
              maxResults: 100,
              ...(nextToken ? { nextToken } : {}),
            }),
          ),
        );
        events.push(...(out.events ?? []));
        nextToken = out.nextToken;
      } while (nextToken);
    } catch (error) {
      const reason = unavailableReason(error, this.secrets);
      unavailable["aws:health"] = /SubscriptionRequiredException/.test(reason)
        ? `${reason} (the AWS Health API needs a Business, Enterprise On-Ramp or Enterprise support plan)`
        : reason;
      return [];
    }
    const arns = events.flatMap((e) => (e.arn ? [e.arn] : []));
    if (arns.length === 0) return [];

    // Which VPN connections each event concerns, and its description (both optional).
    const entities = new Map<string, string[]>();
    const descriptions = new Map<string, string>();
    try {
      for (let at = 0; at < arns.length; at += 10) {
        const batch = arns.slice(at, at + 10);
        let nextToken: string | undefined;
        do {
          const out = await this.call("Health DescribeAffectedEntities", HEALTH_REGION, () =>
            this.health().send(
              new DescribeAffectedEntitiesCommand({
                filter: { eventArns: batch },
                ...(nextToken ? { nextToken } : {}),
              }),
            ),
          );
          for (const entity of out.entities ?? []) {
            if (!entity.eventArn || !entity.entityValue) continue;
            entities.set(entity.eventArn, [...(entities.get(entity.eventArn) ?? []), entity.entityValue]);
          }
          nextToken = out.nextToken;
        } while (nextToken);
        const details = await this.call("Health DescribeEventDetails", HEALTH_REGION, () =>
          this.health().send(new DescribeEventDetailsCommand({ eventArns: batch })),
        );
        for (const item of details.successfulSet ?? []) {
          const text = item.eventDescription?.latestDescription;
          if (item.event?.arn && text) descriptions.set(item.event.arn, text);
        }
      }
    } catch (error) {
      unavailable["aws:health-details"] = unavailableReason(error, this.secrets);
    }

    const known = connections.map((c) => c.externalId);
    // The entity value is the VPN connection id, or an ARN that ends in it.
    const vpnIdOf = (value: string) =>
      known.find((id) => value === id || value.endsWith(`/${id}`)) ?? /\bvpn-[0-9a-zA-Z]+/.exec(value)?.[0];
    return events.flatMap((event) => {
      const arn = event.arn as string;
      const vpnIds = [...new Set((entities.get(arn) ?? []).flatMap((v) => vpnIdOf(v) ?? []))];
      const base = {
        source: "AWS_HEALTH" as const,
        ...(event.region ? { region: event.region } : {}),
        title: `AWS Health: ${event.eventTypeCode ?? "VPN event"}`,
        ...(descriptions.has(arn) ? { description: descriptions.get(arn) } : {}),
        status: healthStatus(event.statusCode),
        ...(event.startTime ? { startsAt: event.startTime } : {}),
        ...(event.endTime ? { endsAt: event.endTime } : {}),
      };
      // One notice per affected connection ("<event arn>#<vpn id>"), or one for the event.
      const targets = vpnIds;
      if (targets.length === 0) return [{ ...base, externalId: arn }];
      return targets.map((vpnId) => ({ ...base, externalId: `${arn}#${vpnId}`, connectionExternalId: vpnId }));
    });
  }

  async pullLogs(
    stream: LogStreamRef,
    cursor: LogCursor | null,
    options: { since: Date; maxEvents: number },
  ): Promise<LogPage> {
    const logGroupName = stream.locator.logGroupName;
    const logStreamName = stream.locator.logStreamName;
    if (!logGroupName || !logStreamName) {
      throw new ProviderError("aws", "other", `AWS log stream ${stream.key} has no log group or stream name`, {
        action: "FilterLogEvents",
        region: stream.region,
      });
    }
    let current = parseAwsCursor(cursor, options.since);
    const events: RawLogEvent[] = [];
    const limit = Math.max(1, Math.min(10_000, Math.trunc(options.maxEvents)));
    for (let page = 0; page < MAX_EMPTY_LOG_PAGES; page++) {
      const queryStart = current.nextToken ? (current.queryStart ?? current.ts) : current.ts;
      let out: FilterLogEventsCommandOutput;
      try {
        out = await this.call("FilterLogEvents", stream.region, () =>
          this.logs(stream.region).send(
            new FilterLogEventsCommand({
              logGroupName,
              logStreamNames: [logStreamName],
              startTime: queryStart,
              limit: limit - events.length,
              ...(current.nextToken ? { nextToken: current.nextToken } : {}),
            }),
          ),
        );
      } catch (error) {
        // An expired or foreign nextToken: start a fresh query at the boundary (ids dedupe it).
        if (current.nextToken && error instanceof ProviderError && /token/i.test(error.message)) {
          current = { v: 1, ts: current.ts, idsAtTs: current.idsAtTs };
          continue;
        }
        throw error;
      }
      const step = advanceAwsCursor(current, out.events ?? [], {
        ...(out.nextToken ? { nextToken: out.nextToken } : {}),
        queryStart,
      });
      events.push(...step.events);
      current = step.cursor;
      if (events.length > 0 || !current.nextToken) break;
    }
    return awsLogPage(events, current);
  }
}

function healthStatus(code: string | undefined): MaintenanceNotice["status"] {
  if (code === "upcoming") return "UPCOMING";
  if (code === "closed") return "COMPLETED";
  return "IN_PROGRESS";
}
