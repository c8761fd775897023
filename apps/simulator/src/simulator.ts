// One HTTP server that stands in for AWS (EC2, CloudWatch Logs, Health), Alibaba Cloud VPC and
// MuleSoft Anypoint, dispatching on the request itself, plus a loopback-only control API under /_sim/.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { alibabaError, alibabaEvents, alibabaParams, authenticateAlibaba, handleAlibaba } from "./alibaba.ts";
import { authenticateAws } from "./aws-auth.ts";
import { ec2Error, handleEc2 } from "./aws-ec2.ts";
import { handleHealth } from "./aws-health.ts";
import { awsEvents, handleLogs, jsonError, loggedTunnels, streamName } from "./aws-logs.ts";
import { handleMetrics } from "./aws-metrics.ts";
import type { AccountOverrides, SimContext } from "./context.ts";
import {
  type AlibabaAccount,
  type AwsAccount,
  type Fleet,
  type FleetShape,
  generateFleet,
  type MulesoftAccount,
  type SimConnection,
  type SimProvider,
  type SimTunnel,
} from "./fleet.ts";
import { HttpError, header, isLoopback, readRequest, type SimRequest, sendJson } from "./http-util.ts";
import { AnypointTokens, handleMulesoft } from "./mulesoft.ts";
import { rng } from "./prng.ts";
import {
  DEFAULT_FAULT_DURATION_SEC,
  FAULT_KINDS,
  type FaultKind,
  type InjectedFault,
  Scenario,
  type SimEvent,
  SLOT_MS,
} from "./scenario.ts";
import { currentOptions, parseTunnelOptionChanges, type TunnelOptionChanges } from "./tunnel-options.ts";

export interface SimulatorOptions {
  seed: number;
  fleet?: Partial<FleetShape>;
  /** Current time in epoch ms (default Date.now). */
  clock?: () => number;
  /** Routine log lines per tunnel per minute (default 2). */
  logRatePerTunnelPerMinute?: number;
  /** Alias of logRatePerTunnelPerMinute expressed as seconds between lines. */
  logIntervalSec?: number;
  /** How much log history exists before the simulator started (default 3600 s). */
  historySec?: number;
}

export interface ChaosSettings {
  throttleRate: number;
  errorRate: number;
  delayMs: number;
}

export interface FaultInput {
  connectionId: string;
  tunnelIndex?: number;
  kind: FaultKind | "recover";
  durationSec?: number;
}

export interface StreamStats {
  key: string;
  count: number;
  region: string;
  logGroupName?: string;
  logStreamName?: string;
  vpnConnectionId?: string;
  tunnelId?: string;
}

export interface AccountStats {
  accountId: string;
  provider: SimProvider;
  total: number;
  streams: StreamStats[];
}

export interface SimStats {
  from: number;
  until: number;
  total: number;
  accounts: AccountStats[];
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const NO_CHAOS: ChaosSettings = { throttleRate: 0, errorRate: 0, delayMs: 0 };

export class Simulator implements SimContext {
  readonly fleet: Fleet;
  readonly scenario: Scenario;
  readonly clock: () => number;
  private readonly origin: number;
  private faults: InjectedFault[] = [];
  private faultCounter = 0;
  private chaos = new Map<SimProvider, ChaosSettings>();
  private chaosCounter = 0;
  private overrides = new Map<string, AccountOverrides>();
  /** Each changed tunnel's options as generated, to put back on reset. */
  private readonly generatedOptions = new Map<SimTunnel, TunnelOptionChanges>();
  private readonly tokens = new AnypointTokens();
  private readonly byAwsKey = new Map<string, AwsAccount>();
  private readonly byAlibabaKey = new Map<string, AlibabaAccount>();
  private readonly byClientId = new Map<string, MulesoftAccount>();
  private readonly byConnectionId = new Map<string, SimConnection>();
  private readonly connectionsByAccount = new Map<string, SimConnection[]>();

  constructor(options: SimulatorOptions) {
    this.clock = options.clock ?? Date.now;
    this.fleet = generateFleet(options.seed, options.fleet);
    const rate =
      options.logRatePerTunnelPerMinute ?? (options.logIntervalSec ? 60 / Math.max(0.001, options.logIntervalSec) : 2);
    this.scenario = new Scenario({ fleet: this.fleet, logRatePerTunnelPerMinute: rate, faults: () => this.faults });
    this.origin = Math.floor((this.clock() - (options.historySec ?? 3600) * 1000) / SLOT_MS) * SLOT_MS;
    for (const a of this.fleet.accounts) {
      if (a.provider === "aws") this.byAwsKey.set(a.credentials.accessKeyId, a);
      else if (a.provider === "alibaba") this.byAlibabaKey.set(a.credentials.accessKeyId, a);
      else this.byClientId.set(a.credentials.clientId, a);
    }
    for (const c of this.fleet.connections) {
      this.byConnectionId.set(c.id, c);
      const list = this.connectionsByAccount.get(c.accountId) ?? [];
      list.push(c);
      this.connectionsByAccount.set(c.accountId, list);
    }
  }

  // ---- SimContext ----
  now(): number {
    return this.clock();
  }
  originMs(): number {
    return this.origin;
  }
  awsAccountByKey(accessKeyId: string) {
    return this.byAwsKey.get(accessKeyId);
  }
  alibabaAccountByKey(accessKeyId: string) {
    return this.byAlibabaKey.get(accessKeyId);
  }
  mulesoftAccountByClientId(clientId: string) {
    return this.byClientId.get(clientId);
  }
  connectionsOf(accountId: string, region?: string): SimConnection[] {
    const all = this.connectionsByAccount.get(accountId) ?? [];
    return region === undefined ? all : all.filter((c) => c.region === region);
  }
  isDenied(accountId: string, action: string): boolean {
    const deny = this.overrides.get(accountId)?.deny ?? [];
    const service = action.split(":")[0];
    return deny.includes(action) || deny.includes(`${service}:*`) || deny.includes("*");
  }
  hasSupportPlan(account: AwsAccount): boolean {
    return this.overrides.get(account.id)?.hasSupportPlan ?? account.hasSupportPlan;
  }
  visibleEvents(connection: SimConnection, tunnel: SimTunnel, from: number, to: number): SimEvent[] {
    return this.scenario.tunnelEvents(connection, tunnel, Math.max(from, this.origin), Math.min(to, this.now()));
  }

  // ---- control ----
  injectFault(input: FaultInput): InjectedFault[] {
    const connection = this.byConnectionId.get(input.connectionId);
    if (!connection) throw new HttpError(404, `unknown connection ${input.connectionId}`);
    const kinds: readonly string[] = [...FAULT_KINDS, "recover"];
    if (!kinds.includes(input.kind)) throw new HttpError(400, `kind must be one of ${kinds.join(", ")}`);
    if (input.tunnelIndex !== undefined && !connection.tunnels.some((t) => t.index === input.tunnelIndex)) {
      throw new HttpError(400, `connection ${connection.id} has no tunnel ${input.tunnelIndex}`);
    }
    const now = this.now();
    let indexes = input.tunnelIndex !== undefined ? [input.tunnelIndex] : connection.tunnels.map((t) => t.index);
    if (input.tunnelIndex === undefined && input.kind === "bgp-asymmetry") indexes = [1];
    const created: InjectedFault[] = [];
    if (input.kind === "recover") {
      for (const f of this.faults) {
        if (f.connectionId === connection.id && indexes.includes(f.tunnelIndex) && f.start <= now && f.end > now) {
          f.end = now;
        }
      }
    }
    const durationMs =
      (input.durationSec ?? (input.kind === "recover" ? 1800 : DEFAULT_FAULT_DURATION_SEC[input.kind])) * 1000;
    indexes.forEach((tunnelIndex, i) => {
      // Endpoint replacements go one tunnel at a time: the next starts a minute after the previous is back.
      const start = input.kind === "maintenance" ? now + i * (durationMs + 60_000) : now;
      const fault: InjectedFault = {
        id: `f${++this.faultCounter}`,
        connectionId: connection.id,
        tunnelIndex,
        kind: input.kind,
        start,
        end: start + durationMs,
      };
      this.faults.push(fault);
      created.push(fault);
    });
    this.scenario.invalidate();
    return created;
  }

  /**
   * A customer gateway failing (its WAN link, its IKE daemon): the fault on every tunnel of every
   * connection that ends on the gateway's address, in any account, region or provider.
   */
  injectGatewayFault(input: Omit<FaultInput, "connectionId" | "tunnelIndex"> & { customerGatewayIp: string }) {
    const connections = this.fleet.connections.filter((c) => c.customerGatewayIp === input.customerGatewayIp);
    if (connections.length === 0) throw new HttpError(404, `no connection ends on ${input.customerGatewayIp}`);
    return connections.flatMap((c) =>
      this.injectFault({
        connectionId: c.id,
        kind: input.kind,
        ...(input.durationSec === undefined ? {} : { durationSec: input.durationSec }),
      }),
    );
  }

  /** Changes a tunnel's options, as somebody would in the provider's console; the next poll sees them. */
  setTunnelOptions(connectionId: string, tunnelIndex: number, body: Record<string, unknown>): SimTunnel {
    const connection = this.byConnectionId.get(connectionId);
    if (!connection) throw new HttpError(404, `unknown connection ${connectionId}`);
    const tunnel = connection.tunnels.find((t) => t.index === tunnelIndex);
    if (!tunnel) throw new HttpError(404, `connection ${connectionId} has no tunnel ${tunnelIndex}`);
    const changes = parseTunnelOptionChanges(body);
    this.generatedOptions.set(tunnel, { ...currentOptions(tunnel, changes), ...this.generatedOptions.get(tunnel) });
    Object.assign(tunnel, changes);
    this.scenario.invalidate();
    return tunnel;
  }

  listFaults(): InjectedFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  setChaos(input: Partial<ChaosSettings> & { provider?: SimProvider }) {
    const providers: SimProvider[] = input.provider ? [input.provider] : ["aws", "alibaba", "mulesoft"];
    for (const p of providers) {
      const current = this.chaos.get(p) ?? NO_CHAOS;
      this.chaos.set(p, {
        throttleRate: clamp01(input.throttleRate ?? current.throttleRate),
        errorRate: clamp01(input.errorRate ?? current.errorRate),
        delayMs: Math.max(0, input.delayMs ?? current.delayMs),
      });
    }
    return Object.fromEntries(this.chaos);
  }

  setAccountOverrides(accountId: string, input: Partial<AccountOverrides>) {
    if (!this.fleet.accounts.some((a) => a.id === accountId)) throw new HttpError(404, `unknown account ${accountId}`);
    const current = this.overrides.get(accountId) ?? { deny: [] };
    const next: AccountOverrides = {
      deny: input.deny ?? current.deny,
      hasSupportPlan: input.hasSupportPlan ?? current.hasSupportPlan,
    };
    this.overrides.set(accountId, next);
    return next;
  }

  reset() {
    for (const [tunnel, options] of this.generatedOptions) Object.assign(tunnel, options);
    this.generatedOptions.clear();
    this.faults = [];
    this.chaos.clear();
    this.chaosCounter = 0;
    this.overrides.clear();
    this.tokens.clear();
    this.scenario.invalidate();
  }

  /** Log events produced per account and stream with from <= timestamp <= until (clamped to origin/now). */
  stats(options: { until?: number; from?: number; accountId?: string } = {}): SimStats {
    const from = Math.max(this.origin, options.from ?? this.origin);
    const until = Math.min(this.now(), options.until ?? this.now());
    const accounts: AccountStats[] = [];
    for (const account of this.fleet.accounts) {
      if (options.accountId && account.id !== options.accountId) continue;
      const streams = new Map<string, StreamStats>();
      const count = (key: string, init: () => Omit<StreamStats, "count" | "key">) => {
        const s = streams.get(key) ?? { key, count: 0, ...init() };
        s.count++;
        streams.set(key, s);
      };
      if (account.provider === "aws") {
        for (const region of account.regions) {
          for (const kind of ["tunnel", "bgp"] as const) {
            const group = kind === "tunnel" ? account.logGroupName : account.bgpLogGroupName;
            for (const e of awsEvents(this, loggedTunnels(this, account, region, kind), kind, from, until)) {
              const stream = streamName(e);
              count(`${region}:${group}:${stream}`, () => ({ region, logGroupName: group, logStreamName: stream }));
            }
          }
        }
      } else if (account.provider === "alibaba") {
        for (const c of this.connectionsOf(account.id)) {
          for (const t of c.tunnels) {
            const tunnelId = c.tunnels.length > 1 ? t.id : undefined;
            for (const _e of alibabaEvents(this, c, t.id, from, until)) {
              count(`${c.region}:${c.id}${tunnelId ? `:${tunnelId}` : ""}`, () => ({
                region: c.region,
                vpnConnectionId: c.id,
                ...(tunnelId ? { tunnelId } : {}),
              }));
            }
          }
        }
      }
      const list = [...streams.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
      accounts.push({
        accountId: account.id,
        provider: account.provider,
        total: list.reduce((n, s) => n + s.count, 0),
        streams: list,
      });
    }
    return { from, until, total: accounts.reduce((n, a) => n + a.total, 0), accounts };
  }

  /** What a test or the demo needs to create matching cloud accounts, plus live tunnel status. */
  fleetView(baseUrl?: string) {
    const now = this.now();
    return {
      seed: this.fleet.seed,
      now,
      originMs: this.origin,
      endpoint: baseUrl,
      shape: this.fleet.shape,
      tenants: this.fleet.tenants,
      accounts: this.fleet.accounts.map((a) => ({
        ...a,
        ...(a.provider === "aws" ? { hasSupportPlan: this.hasSupportPlan(a) } : {}),
        overrides: this.overrides.get(a.id),
      })),
      connections: this.fleet.connections.map((c) => ({
        ...c,
        tunnels: c.tunnels.map((t) => {
          const state = this.scenario.stateAt(c, t, now);
          return {
            ...t,
            outsideIp: this.scenario.outsideIpAt(c, t, now),
            status: this.scenario.isDown(state) ? "DOWN" : "UP",
            condition: state.kind,
            conditionSource: state.source,
          };
        }),
      })),
    };
  }

  summary(): string {
    const byProvider = (p: SimProvider) => this.fleet.accounts.filter((a) => a.provider === p).length;
    const conns = (p: SimProvider) => this.fleet.connections.filter((c) => c.provider === p);
    const tunnels = this.fleet.connections.reduce((n, c) => n + c.tunnels.length, 0);
    return [
      `seed ${this.fleet.seed}: ${this.fleet.tenants.length} tenants, ${this.fleet.connections.length} connections, ${tunnels} tunnels`,
      `  aws:      ${byProvider("aws")} accounts, ${conns("aws").length} connections (${this.fleet.shape.awsRegions.join(", ")})`,
      `  alibaba:  ${byProvider("alibaba")} accounts, ${conns("alibaba").length} connections (${this.fleet.shape.alibabaRegions.join(", ")})`,
      `  mulesoft: ${byProvider("mulesoft")} orgs, ${conns("mulesoft").length} connections`,
    ].join("\n");
  }

  // ---- HTTP ----
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    readRequest(req)
      .then((r) => this.route(r, res))
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
        else res.end();
      });
  };

  private async route(req: SimRequest, res: ServerResponse): Promise<void> {
    if (req.path.startsWith("/_sim/") || req.path === "/_sim") return this.control(req, res);
    if (req.path.startsWith("/accounts/") || req.path.startsWith("/cloudhub/")) {
      const isToken = req.path === "/accounts/api/v2/oauth2/token";
      if (!isToken && (await this.applyChaos("mulesoft", req, res))) return;
      return handleMulesoft(this, this.tokens, req, res);
    }
    const target = header(req, "x-amz-target");
    const authorization = header(req, "authorization");
    if (target || authorization.startsWith("AWS4-HMAC-SHA256")) return this.aws(req, res, target);
    if (header(req, "x-acs-action") || authorization.startsWith("ACS3-") || /(^|&)Action=/.test(req.rawQuery)) {
      return this.alibaba(req, res);
    }
    if (req.method === "GET" && req.path === "/") {
      return sendJson(res, 200, { simulator: "tunnelwatch", seed: this.fleet.seed, control: "/_sim/fleet" });
    }
    return sendJson(res, 404, { error: `no provider API answers ${req.method} ${req.path}` });
  }

  private async aws(req: SimRequest, res: ServerResponse, target: string) {
    const json = target !== "";
    const auth = authenticateAws(req, (k) => this.byAwsKey.get(k));
    if (!auth.ok) {
      if (json) {
        if (auth.reason === "bad-signature") {
          return jsonError(
            res,
            400,
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
          );
        }
        if (auth.reason === "missing")
          return jsonError(res, 400, "MissingAuthenticationTokenException", "Missing Authentication Token");
        return jsonError(
          res,
          400,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.",
        );
      }
      if (auth.reason === "bad-signature") {
        return ec2Error(
          res,
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        );
      }
      if (auth.reason === "missing")
        return ec2Error(res, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
      return ec2Error(res, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
    }
    const { account, credential } = auth;
    const chaos = this.pickChaos("aws");
    if (chaos.delayMs > 0) await sleep(chaos.delayMs);
    if (chaos.outcome === "throttle") {
      return json
        ? jsonError(res, 400, "ThrottlingException", "Rate exceeded")
        : ec2Error(res, 503, "RequestLimitExceeded", "Request limit exceeded.");
    }
    if (chaos.outcome === "error") {
      return json
        ? jsonError(res, 500, "ServiceUnavailableException", "The service is unavailable. Please try again later.")
        : ec2Error(res, 503, "Unavailable", "The server is overloaded and can't handle the request.");
    }
    if (json) {
      let input: Record<string, unknown> = {};
      try {
        input = req.body.length > 0 ? (JSON.parse(req.body.toString("utf8")) as Record<string, unknown>) : {};
      } catch {
        return jsonError(res, 400, "SerializationException", "Could not parse the request body as JSON.");
      }
      const [prefix, action = ""] = target.split(".");
      if (prefix === "Logs_20140328") return handleLogs(this, action, input, res, account, credential.region);
      if (prefix === "AWSHealth_20160804") return handleHealth(this, action, input, res, account);
      if (prefix === "GraniteServiceVersion20100801")
        return handleMetrics(this, action, input, res, account, credential.region);
      return jsonError(res, 400, "UnknownOperationException", `Unknown target ${target}`);
    }
    return handleEc2(this, req, res, account, credential.region);
  }

  private async alibaba(req: SimRequest, res: ServerResponse) {
    const params = alibabaParams(req);
    const auth = authenticateAlibaba(this, req, params);
    if (!auth.ok) return alibabaError(res, req, auth.status, auth.code, auth.message);
    const chaos = this.pickChaos("alibaba");
    if (chaos.delayMs > 0) await sleep(chaos.delayMs);
    if (chaos.outcome === "throttle")
      return alibabaError(res, req, 400, "Throttling.User", "Request was denied due to user flow control.");
    if (chaos.outcome === "error") {
      return alibabaError(
        res,
        req,
        503,
        "ServiceUnavailable",
        "The request has failed due to a temporary failure of the server.",
      );
    }
    return handleAlibaba(this, req, res, params, auth.account);
  }

  private async applyChaos(provider: SimProvider, _req: SimRequest, res: ServerResponse): Promise<boolean> {
    const chaos = this.pickChaos(provider);
    if (chaos.delayMs > 0) await sleep(chaos.delayMs);
    if (chaos.outcome === "throttle") {
      sendJson(res, 429, { status: 429, message: "Too Many Requests" }, { "retry-after": "1" });
      return true;
    }
    if (chaos.outcome === "error") {
      sendJson(res, 503, { status: 503, message: "Service Unavailable" });
      return true;
    }
    return false;
  }

  private pickChaos(provider: SimProvider): { outcome: "ok" | "throttle" | "error"; delayMs: number } {
    const c = this.chaos.get(provider) ?? NO_CHAOS;
    if (c.throttleRate === 0 && c.errorRate === 0) return { outcome: "ok", delayMs: c.delayMs };
    const roll = rng(this.fleet.seed, "chaos", provider, this.chaosCounter++).next();
    if (roll < c.throttleRate) return { outcome: "throttle", delayMs: c.delayMs };
    if (roll < c.throttleRate + c.errorRate) return { outcome: "error", delayMs: c.delayMs };
    return { outcome: "ok", delayMs: c.delayMs };
  }

  private baseUrl(req: SimRequest): string {
    return `http://${header(req, "host") || "127.0.0.1"}`;
  }

  private control(req: SimRequest, res: ServerResponse) {
    if (!isLoopback(req.remoteAddress))
      return sendJson(res, 403, { error: "the control API only answers loopback clients" });
    let body: Record<string, unknown> = {};
    if (req.body.length > 0) {
      try {
        body = JSON.parse(req.body.toString("utf8")) as Record<string, unknown>;
      } catch {
        return sendJson(res, 400, { error: "body must be JSON" });
      }
    }
    try {
      const route = `${req.method} ${req.path.replace(/\/$/, "")}`;
      if (route === "GET /_sim/fleet") return sendJson(res, 200, this.fleetView(this.baseUrl(req)));
      if (route === "GET /_sim/faults") return sendJson(res, 200, { faults: this.listFaults() });
      if (route === "POST /_sim/faults" && typeof body.customerGatewayIp === "string") {
        const faults = this.injectGatewayFault({
          customerGatewayIp: body.customerGatewayIp,
          kind: String(body.kind ?? "") as FaultKind,
          durationSec: body.durationSec === undefined ? undefined : Number(body.durationSec),
        });
        return sendJson(res, 201, { faults });
      }
      if (route === "POST /_sim/faults") {
        const faults = this.injectFault({
          connectionId: String(body.connectionId ?? ""),
          tunnelIndex: body.tunnelIndex === undefined ? undefined : Number(body.tunnelIndex),
          kind: String(body.kind ?? "") as FaultKind,
          durationSec: body.durationSec === undefined ? undefined : Number(body.durationSec),
        });
        return sendJson(res, 201, { faults });
      }
      if (route === "POST /_sim/chaos") {
        const provider = body.provider as SimProvider | undefined;
        if (provider !== undefined && !["aws", "alibaba", "mulesoft"].includes(provider)) {
          throw new HttpError(400, "provider must be aws, alibaba or mulesoft");
        }
        const chaos = this.setChaos({
          provider,
          throttleRate: body.throttleRate === undefined ? undefined : Number(body.throttleRate),
          errorRate: body.errorRate === undefined ? undefined : Number(body.errorRate),
          delayMs: body.delayMs === undefined ? undefined : Number(body.delayMs),
        });
        return sendJson(res, 200, { chaos });
      }
      if (route === "GET /_sim/stats") {
        const num = (name: string) => (req.query.has(name) ? Number(req.query.get(name)) : undefined);
        return sendJson(
          res,
          200,
          this.stats({ until: num("until"), from: num("from"), accountId: req.query.get("accountId") ?? undefined }),
        );
      }
      if (route === "POST /_sim/reset") {
        this.reset();
        return sendJson(res, 200, { ok: true });
      }
      const tunnel = /^POST \/_sim\/connections\/([^/]+)\/tunnels\/(\d+)$/.exec(route);
      if (tunnel?.[1] && tunnel[2]) {
        const changed = this.setTunnelOptions(decodeURIComponent(tunnel[1]), Number(tunnel[2]), body);
        return sendJson(res, 200, { tunnel: { ...changed, psk: undefined } });
      }
      const account = /^POST \/_sim\/accounts\/([^/]+)$/.exec(route);
      if (account?.[1]) {
        const deny = Array.isArray(body.deny) ? body.deny.map(String) : undefined;
        const hasSupportPlan = typeof body.hasSupportPlan === "boolean" ? body.hasSupportPlan : undefined;
        return sendJson(res, 200, this.setAccountOverrides(decodeURIComponent(account[1]), { deny, hasSupportPlan }));
      }
      return sendJson(res, 404, { error: `unknown control route ${route}` });
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      throw error;
    }
  }

  listen(port = 0, host = "127.0.0.1"): Promise<RunningSimulator> {
    const server = createServer(this.handle);
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        const address = server.address() as AddressInfo;
        const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
        resolve({
          url: `http://${shownHost}:${address.port}`,
          port: address.port,
          close: () =>
            new Promise<void>((done) => {
              server.closeAllConnections();
              server.close(() => done());
            }),
        });
      });
    });
  }
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function createSimulator(options: SimulatorOptions): Simulator {
  return new Simulator(options);
}
