// EC2 Query API (what @aws-sdk/client-ec2 sends): form-encoded POST, XML responses in the
// 2016-11-15 namespace. Element names follow the SDK's own schema (ec2QueryName/xmlName).
import type { ServerResponse } from "node:http";
import type { SimContext } from "./context.ts";
import type { AwsAccount, SimConnection, SimTunnel } from "./fleet.ts";
import { iso, requestId, type SimRequest, send } from "./http-util.ts";

const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

export function xmlEscape(value: string): string {
  return value.replace(/[<>&"']/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : c === '"' ? "&quot;" : "&apos;",
  );
}

type XmlValue = string | number | boolean | undefined | null | XmlNode | XmlValue[];
interface XmlNode {
  [element: string]: XmlValue;
}

/** Objects become elements, arrays become repeated <item> children. */
export function toXml(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return `<${name}>${value.map((v) => toXml("item", v)).join("")}</${name}>`;
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join("")}</${name}>`;
  }
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

export function ec2Error(res: ServerResponse, status: number, code: string, message: string) {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>${requestId()}</RequestID></Response>`;
  send(res, status, body, "text/xml;charset=UTF-8");
}

function ec2Ok(res: ServerResponse, action: string, content: XmlNode) {
  const inner = Object.entries(content)
    .map(([k, v]) => toXml(k, v))
    .join("");
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NS}"><requestId>${requestId()}</requestId>${inner}</${action}Response>`;
  send(res, 200, body, "text/xml;charset=UTF-8");
}

/** `Name.N` / `Name.N.Sub.M` query lists. */
function listParam(params: URLSearchParams, prefix: string): string[] {
  const out: [number, string][] = [];
  for (const [k, v] of params) {
    const m = new RegExp(`^${prefix.replace(/\./g, "\\.")}\\.(\\d+)$`).exec(k);
    if (m) out.push([Number(m[1]), v]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

function filters(params: URLSearchParams): { name: string; values: string[] }[] {
  const out: { name: string; values: string[] }[] = [];
  for (let n = 1; n < 200; n++) {
    const name = params.get(`Filter.${n}.Name`);
    if (name === null) break;
    out.push({ name, values: listParam(params, `Filter.${n}.Value`) });
  }
  return out;
}

function matchesFilter(c: SimConnection, f: { name: string; values: string[] }): boolean {
  const any = (value: string | undefined) => value !== undefined && f.values.includes(value);
  switch (f.name) {
    case "vpn-connection-id":
      return any(c.id);
    case "customer-gateway-id":
      return any(c.customerGatewayId);
    case "vpn-gateway-id":
      return c.gatewayType === "vgw" && any(c.gatewayId);
    case "transit-gateway-id":
      return c.gatewayType === "tgw" && any(c.gatewayId);
    case "state":
      return any("available");
    case "type":
      return any("ipsec.1");
    case "option.static-routes-only":
      return any(String(c.routing === "static"));
    case "bgp-asn":
      return any(String(c.customerAsn));
    case "route.destination-cidr-block":
      return c.routing === "static" && c.remoteCidrs.some((r) => f.values.includes(r));
    case "tag-key":
      return Object.keys(c.tags).some((k) => f.values.includes(k));
    default:
      if (f.name.startsWith("tag:")) return any(c.tags[f.name.slice(4)]);
      return true;
  }
}

function customerGatewayConfiguration(c: SimConnection): string {
  // Abridged: the real document also carries the full IKE/IPsec parameter blocks per tunnel.
  const tunnels = c.tunnels
    .map(
      (t) =>
        `<ipsec_tunnel><customer_gateway><tunnel_outside_address><ip_address>${c.customerGatewayIp}</ip_address></tunnel_outside_address></customer_gateway><vpn_gateway><tunnel_outside_address><ip_address>${t.baseOutsideIp}</ip_address></tunnel_outside_address></vpn_gateway><ike><pre_shared_key>${t.psk}</pre_shared_key></ike></ipsec_tunnel>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<vpn_connection id="${c.id}"><customer_gateway_id>${c.customerGatewayId}</customer_gateway_id><vpn_connection_type>ipsec.1</vpn_connection_type>${tunnels}</vpn_connection>`;
}

const values = (items: (string | number)[]) => items.map((value) => ({ value }));

function logGroupArn(account: AwsAccount, region: string, name: string): string {
  return `arn:aws:logs:${region}:${account.awsAccountId}:log-group:${name}`;
}

function tunnelOption(ctx: SimContext, account: AwsAccount, c: SimConnection, t: SimTunnel): XmlNode {
  const now = ctx.now();
  return {
    outsideIpAddress: ctx.scenario.outsideIpAt(c, t, now),
    tunnelInsideCidr: t.insideCidr,
    preSharedKey: t.psk,
    phase1LifetimeSeconds: t.phase1LifetimeSeconds,
    phase2LifetimeSeconds: t.phase2LifetimeSeconds,
    rekeyMarginTimeSeconds: t.rekeyMarginTimeSeconds,
    rekeyFuzzPercentage: t.rekeyFuzzPercentage,
    replayWindowSize: t.replayWindowSize,
    dpdTimeoutSeconds: t.dpdTimeoutSeconds,
    dpdTimeoutAction: t.dpdTimeoutAction,
    phase1EncryptionAlgorithmSet: values(t.phase1EncryptionAlgorithms),
    phase2EncryptionAlgorithmSet: values(t.phase2EncryptionAlgorithms),
    phase1IntegrityAlgorithmSet: values(t.phase1IntegrityAlgorithms),
    phase2IntegrityAlgorithmSet: values(t.phase2IntegrityAlgorithms),
    phase1DHGroupNumberSet: values(t.phase1DhGroups),
    phase2DHGroupNumberSet: values(t.phase2DhGroups),
    ikeVersionSet: values(t.ikeVersions),
    startupAction: t.startupAction,
    logOptions: {
      cloudWatchLogOptions: {
        logEnabled: t.loggingEnabled,
        logGroupArn: t.loggingEnabled ? logGroupArn(account, c.region, account.logGroupName) : undefined,
        logOutputFormat: t.loggingEnabled ? "json" : undefined,
        bgpLogEnabled: t.bgpLoggingEnabled,
        bgpLogGroupArn: t.bgpLoggingEnabled ? logGroupArn(account, c.region, account.bgpLogGroupName) : undefined,
        bgpLogOutputFormat: t.bgpLoggingEnabled ? "json" : undefined,
      },
    },
    enableTunnelLifecycleControl: c.lifecycleControl,
  };
}

export interface TunnelTelemetry {
  outsideIp: string;
  status: "UP" | "DOWN";
  statusMessage: string;
  lastStatusChange: number;
  acceptedRouteCount: number;
}

/** VgwTelemetry-style status of a tunnel at `now` (also what Anypoint's vpnTunnels mirror). */
export function tunnelTelemetry(ctx: SimContext, c: SimConnection, t: SimTunnel): TunnelTelemetry {
  const now = ctx.now();
  const state = ctx.scenario.stateAt(c, t, now);
  const down = ctx.scenario.isDown(state);
  const routes = c.routing === "bgp" && !down ? t.routeCount : 0;
  return {
    outsideIp: ctx.scenario.outsideIpAt(c, t, now),
    status: down ? "DOWN" : "UP",
    statusMessage: down ? "IPSEC IS DOWN" : c.routing === "bgp" ? `${routes} BGP ROUTES` : "IPSEC IS UP",
    lastStatusChange: ctx.scenario.lastStatusChange(c, t, now),
    acceptedRouteCount: routes,
  };
}

function vpnConnectionXml(ctx: SimContext, account: AwsAccount, c: SimConnection): XmlNode {
  return {
    vpnConnectionId: c.id,
    customerGatewayConfiguration: customerGatewayConfiguration(c),
    customerGatewayId: c.customerGatewayId,
    category: "VPN",
    state: "available",
    type: "ipsec.1",
    vpnGatewayId: c.gatewayType === "vgw" ? c.gatewayId : undefined,
    transitGatewayId: c.gatewayType === "tgw" ? c.gatewayId : undefined,
    gatewayAssociationState: "associated",
    options: {
      enableAcceleration: false,
      staticRoutesOnly: c.routing === "static",
      localIpv4NetworkCidr: "0.0.0.0/0",
      remoteIpv4NetworkCidr: "0.0.0.0/0",
      outsideIpAddressType: "PublicIpv4",
      tunnelInsideIpVersion: "ipv4",
      tunnelOptionSet: c.tunnels.map((t) => tunnelOption(ctx, account, c, t)),
    },
    routes:
      c.routing === "static"
        ? c.remoteCidrs.map((cidr) => ({ destinationCidrBlock: cidr, source: "Static", state: "available" }))
        : [],
    tagSet: Object.entries(c.tags).map(([key, value]) => ({ key, value })),
    vgwTelemetry: c.tunnels.map((t) => {
      const tel = tunnelTelemetry(ctx, c, t);
      return {
        acceptedRouteCount: tel.acceptedRouteCount,
        lastStatusChange: iso(tel.lastStatusChange),
        outsideIpAddress: tel.outsideIp,
        status: tel.status,
        statusMessage: tel.statusMessage,
      };
    }),
  };
}

/** Tunnel endpoint lifecycle control: the next replacement is visible a week before it is applied. */
export function pendingMaintenance(ctx: SimContext, c: SimConnection, t: SimTunnel) {
  const now = ctx.now();
  const k = ctx.scenario.maintenanceIndex(c, t, now);
  if (k === null) return { pending: null, last: null };
  const last = ctx.scenario.maintenanceTime(c, t, k);
  const next = ctx.scenario.maintenanceTime(c, t, k + 1);
  return {
    pending: next - now <= 7 * 24 * 3_600_000 ? next : null,
    last: last >= c.createdAt ? last : null,
  };
}

export function handleEc2(ctx: SimContext, req: SimRequest, res: ServerResponse, account: AwsAccount, region: string) {
  const params = new URLSearchParams(req.body.toString("utf8"));
  for (const [k, v] of req.query) if (!params.has(k)) params.set(k, v);
  const action = params.get("Action") ?? "";
  if (ctx.isDenied(account.id, `ec2:${action}`)) {
    return ec2Error(res, 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
  }
  if (params.get("DryRun") === "true") {
    return ec2Error(res, 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
  }
  const inRegion = account.regions.includes(region) ? ctx.connectionsOf(account.id, region) : [];

  if (action === "DescribeVpnConnections") {
    const ids = listParam(params, "VpnConnectionId");
    for (const id of ids) {
      if (!inRegion.some((c) => c.id === id)) {
        return ec2Error(res, 400, "InvalidVpnConnectionID.NotFound", `The vpnConnection ID '${id}' does not exist`);
      }
    }
    const fs = filters(params);
    const selected = inRegion.filter(
      (c) => (ids.length === 0 || ids.includes(c.id)) && fs.every((f) => matchesFilter(c, f)),
    );
    return ec2Ok(res, action, { vpnConnectionSet: selected.map((c) => vpnConnectionXml(ctx, account, c)) });
  }

  if (action === "DescribeCustomerGateways") {
    const ids = listParam(params, "CustomerGatewayId");
    const gateways = new Map<string, SimConnection>();
    for (const c of inRegion) if (!gateways.has(c.customerGatewayId)) gateways.set(c.customerGatewayId, c);
    for (const id of ids) {
      if (!gateways.has(id)) {
        return ec2Error(res, 400, "InvalidCustomerGatewayID.NotFound", `The customerGateway ID '${id}' does not exist`);
      }
    }
    const selected = [...gateways.values()].filter((c) => ids.length === 0 || ids.includes(c.customerGatewayId));
    return ec2Ok(res, action, {
      customerGatewaySet: selected.map((c) => ({
        customerGatewayId: c.customerGatewayId,
        state: "available",
        type: "ipsec.1",
        ipAddress: c.customerGatewayIp,
        bgpAsn: c.customerAsn,
        tagSet: [{ key: "Name", value: c.tags.site ?? c.name }],
      })),
    });
  }

  if (action === "GetVpnTunnelReplacementStatus") {
    const id = params.get("VpnConnectionId") ?? "";
    const ip = params.get("VpnTunnelOutsideIpAddress") ?? "";
    const c = inRegion.find((x) => x.id === id);
    if (!c) return ec2Error(res, 400, "InvalidVpnConnectionID.NotFound", `The vpnConnection ID '${id}' does not exist`);
    const now = ctx.now();
    const t = c.tunnels.find((x) => ctx.scenario.outsideIpAt(c, x, now) === ip);
    if (!t) {
      return ec2Error(
        res,
        400,
        "InvalidParameterValue",
        `The tunnel outside IP address '${ip}' does not belong to VPN connection '${id}'`,
      );
    }
    const m = pendingMaintenance(ctx, c, t);
    // Assumed wording: the API reference documents PendingMaintenance only as a string.
    const details: XmlNode = {
      pendingMaintenance: c.lifecycleControl && m.pending !== null ? "Pending tunnel endpoint replacement" : undefined,
      maintenanceAutoAppliedAfter: c.lifecycleControl && m.pending !== null ? iso(m.pending) : undefined,
      lastMaintenanceApplied: m.last !== null ? iso(m.last) : undefined,
    };
    return ec2Ok(res, action, {
      vpnConnectionId: c.id,
      transitGatewayId: c.gatewayType === "tgw" ? c.gatewayId : undefined,
      customerGatewayId: c.customerGatewayId,
      vpnGatewayId: c.gatewayType === "vgw" ? c.gatewayId : undefined,
      vpnTunnelOutsideIpAddress: ip,
      maintenanceDetails: details,
    });
  }

  return ec2Error(res, 400, "InvalidAction", `The action ${action || "(none)"} is not valid for this web service.`);
}
