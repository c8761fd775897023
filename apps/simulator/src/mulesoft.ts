// MuleSoft Anypoint: connected-app OAuth (client_credentials) and the CloudHub 1.0 VPC/IPsec API in
// the shape of salesforce/anypoint-client-go's vpc/vpn OpenAPI specs (vpnGet: id, name, spec, state,
// updateAvailable; state.vpnTunnels mirror AWS VgwTelemetry since CloudHub 1.0 VPNs are AWS VPNs).
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { tunnelTelemetry } from "./aws-ec2.ts";
import type { SimContext } from "./context.ts";
import type { MulesoftAccount, SimConnection } from "./fleet.ts";
import { header, iso, type SimRequest, sendJson } from "./http-util.ts";
import { insideIps } from "./render.ts";
import { MAINTENANCE_NOTICE_MS } from "./scenario.ts";

const TOKEN_TTL_SEC = 3600;

export class AnypointTokens {
  private readonly tokens = new Map<string, { accountId: string; expiresAt: number }>();

  issue(account: MulesoftAccount, now: number): string {
    const token = randomBytes(16)
      .toString("hex")
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
    this.tokens.set(token, { accountId: account.id, expiresAt: now + TOKEN_TTL_SEC * 1000 });
    return token;
  }

  resolve(token: string, now: number): string | undefined {
    const entry = this.tokens.get(token);
    if (!entry || entry.expiresAt <= now) return undefined;
    return entry.accountId;
  }

  clear() {
    this.tokens.clear();
  }
}

function tokenRequest(req: SimRequest): Record<string, string> {
  const type = header(req, "content-type");
  const text = req.body.toString("utf8");
  if (type.includes("application/json")) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function vpnJson(ctx: SimContext, c: SimConnection) {
  const now = ctx.now();
  const first = c.tunnels[0];
  const k = first ? ctx.scenario.maintenanceIndex(c, first, now) : null;
  const nextAt = first && k !== null ? ctx.scenario.maintenanceTime(c, first, k + 1) : null;
  const tunnels = c.tunnels.map((t) => {
    const tel = tunnelTelemetry(ctx, c, t);
    const ips = insideIps(t);
    return {
      acceptedRouteCount: tel.acceptedRouteCount,
      lastStatusChange: iso(tel.lastStatusChange).replace(/\.\d{3}Z$/, "Z"),
      localExternalIpAddress: tel.outsideIp,
      localPtpIpAddress: ips.provider,
      remotePtpIpAddress: ips.customer,
      psk: t.psk,
      status: tel.status,
      statusMessage: tel.statusMessage,
    };
  });
  return {
    id: c.id,
    name: c.name,
    spec: {
      name: c.name,
      remoteAsn: c.customerAsn,
      remoteIpAddress: c.customerGatewayIp,
      remoteNetworks: c.routing === "static" ? c.remoteCidrs : [],
      tunnelConfigs: c.tunnels.map((t) => ({
        psk: t.psk,
        ptpCidr: t.insideCidr,
        rekeyMarginInSeconds: t.rekeyMarginTimeSeconds,
        rekeyFuzz: t.rekeyFuzzPercentage,
      })),
    },
    state: {
      vpnConnectionStatus: "AVAILABLE",
      createdAt: iso(c.createdAt),
      remoteAsn: c.customerAsn,
      localAsn: c.providerAsn,
      vpnTunnels: tunnels,
      failedReason: "",
    },
    updateAvailable: nextAt !== null && nextAt - now <= MAINTENANCE_NOTICE_MS,
  };
}

function unauthorized(res: ServerResponse) {
  sendJson(res, 401, { status: 401, message: "Access token is missing or invalid" });
}

export function handleMulesoft(ctx: SimContext, tokens: AnypointTokens, req: SimRequest, res: ServerResponse) {
  const now = ctx.now();
  if (req.path === "/accounts/api/v2/oauth2/token") {
    if (req.method !== "POST") return sendJson(res, 405, { status: 405, message: "Method Not Allowed" });
    const body = tokenRequest(req);
    if (body.grant_type !== "client_credentials") {
      return sendJson(res, 400, {
        error: "unsupported_grant_type",
        error_description: "grant_type must be client_credentials",
      });
    }
    const account = body.client_id ? ctx.mulesoftAccountByClientId(body.client_id) : undefined;
    if (!account || account.credentials.clientSecret !== body.client_secret) {
      return sendJson(res, 401, { error: "invalid_client", error_description: "Invalid client credentials" });
    }
    return sendJson(res, 200, {
      access_token: tokens.issue(account, now),
      token_type: "bearer",
      expires_in: TOKEN_TTL_SEC,
    });
  }

  const auth = /^Bearer\s+(.+)$/i.exec(header(req, "authorization"));
  const accountId = auth?.[1] ? tokens.resolve(auth[1].trim(), now) : undefined;
  const account = ctx.fleet.accounts.find((a) => a.id === accountId && a.provider === "mulesoft") as
    | MulesoftAccount
    | undefined;
  if (!account) return unauthorized(res);

  if (req.path === "/accounts/api/me") {
    const org = { id: account.orgId, name: account.orgName };
    return sendJson(res, 200, {
      client: { client_id: account.credentials.clientId, name: "tunnelwatch", org_id: account.orgId },
      user: { organization: org, memberOfOrganizations: [org] },
    });
  }

  const m = /^\/cloudhub\/api\/organizations\/([^/]+)\/vpcs(?:\/([^/]+)(?:\/(ipsec)(?:\/([^/]+))?)?)?\/?$/.exec(
    req.path,
  );
  if (!m) return sendJson(res, 404, { status: 404, message: "Not Found" });
  if (req.method !== "GET") return sendJson(res, 405, { status: 405, message: "The simulator only serves GET here" });
  const [, orgId, vpcId, ipsec, vpnId] = m;
  const owner = ctx.fleet.accounts.find((a) => a.provider === "mulesoft" && a.orgId === orgId);
  if (!owner) return sendJson(res, 404, { status: 404, message: "There is no org or VPC with this id" });
  if (owner.id !== account.id)
    return sendJson(res, 403, { status: 403, message: "You don't have permission to access this resource" });
  if (ctx.isDenied(account.id, "cloudhub:read")) {
    return sendJson(res, 403, { status: 403, message: "You don't have permission to access this resource" });
  }
  const vpcJson = (vpc: MulesoftAccount["vpcs"][number]) => ({
    id: vpc.id,
    name: vpc.name,
    ownerId: account.orgId,
    region: vpc.region,
    isDefault: false,
    sharedWith: [],
    associatedEnvironments: [],
    cidrBlock: vpc.cidrBlock,
    firewallRules: [{ cidrBlock: "0.0.0.0/0", protocol: "tcp", fromPort: 8081, toPort: 8082 }],
    internalDns: { dnsServers: [], specialDomains: [] },
    vpcRoutes: [
      { "Next Hop": "Local", CIDR: vpc.cidrBlock },
      { "Next Hop": "Internet Gateway", CIDR: "0.0.0.0/0" },
    ],
  });
  if (!vpcId) return sendJson(res, 200, { data: account.vpcs.map(vpcJson), total: account.vpcs.length });
  const vpc = account.vpcs.find((v) => v.id === vpcId);
  if (!vpc) return sendJson(res, 404, { status: 404, message: "The orgId, vpcId or vpnId was not found." });
  if (!ipsec) return sendJson(res, 200, vpcJson(vpc));
  const vpns = ctx.connectionsOf(account.id).filter((c) => c.gatewayId === vpc.id);
  if (!vpnId) return sendJson(res, 200, { total: vpns.length, data: vpns.map((c) => vpnJson(ctx, c)) });
  const vpn = vpns.find((c) => c.id === vpnId);
  if (!vpn) return sendJson(res, 404, { status: 404, message: "The orgId, vpcId or vpnId was not found." });
  return sendJson(res, 200, vpnJson(ctx, vpn));
}
