// Alibaba Cloud VPC API 2016-04-28 (RPC style), as @alicloud/vpc20160428 sends it: parameters in the
// query (and form body), action/version in `x-acs-action`/`x-acs-version` headers with an
// `ACS3-HMAC-SHA256` Authorization header (SDK default), or the older signature-v1 `Signature` parameter.
import { createHash, createHmac } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { SimContext } from "./context.ts";
import type { AlibabaAccount, SimConnection, SimTunnel } from "./fleet.ts";
import { header, parseRawQuery, requestId, rfc3986, type SimRequest, send } from "./http-util.ts";
import { hash32, rng } from "./prng.ts";
import { renderAlibabaLine } from "./render.ts";
import type { SimEvent } from "./scenario.ts";

export const ALIBABA_REGIONS = new Set([
  "cn-qingdao",
  "cn-beijing",
  "cn-zhangjiakou",
  "cn-huhehaote",
  "cn-wulanchabu",
  "cn-hangzhou",
  "cn-shanghai",
  "cn-nanjing",
  "cn-fuzhou",
  "cn-shenzhen",
  "cn-heyuan",
  "cn-guangzhou",
  "cn-chengdu",
  "cn-hongkong",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ap-south-1",
  "us-east-1",
  "us-west-1",
  "eu-west-1",
  "eu-central-1",
  "me-east-1",
  "me-central-1",
]);

export function alibabaError(res: ServerResponse, req: SimRequest, status: number, code: string, message: string) {
  const id = requestId().toUpperCase();
  const body = {
    RequestId: id,
    HostId: header(req, "host") || "vpc.aliyuncs.com",
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Vpc&requestId=${id}`,
  };
  send(res, status, JSON.stringify(body), "application/json;charset=utf-8");
}

function ok(res: ServerResponse, body: Record<string, unknown>) {
  send(res, 200, JSON.stringify({ RequestId: requestId().toUpperCase(), ...body }), "application/json;charset=utf-8");
}

/** All parameters: query and form body, `Name.N` lists kept flat. */
export function alibabaParams(req: SimRequest): Map<string, string> {
  const params = new Map<string, string>(parseRawQuery(req.rawQuery));
  const type = header(req, "content-type");
  if (type.includes("application/x-www-form-urlencoded") && req.body.length > 0) {
    for (const [k, v] of new URLSearchParams(req.body.toString("utf8"))) params.set(k, v);
  }
  return params;
}

const sha256hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

function acs3Signature(
  req: SimRequest,
  signedHeaders: string[],
  secret: string,
): { signature: string; stringToSign: string } {
  const query = parseRawQuery(req.rawQuery)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${k}=${rfc3986(v)}`)
    .join("&");
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${header(req, h).trim()}\n`).join("");
  const payload = header(req, "x-acs-content-sha256") || sha256hex(req.body);
  const canonical = [req.method, req.path || "/", query, canonicalHeaders, signedHeaders.join(";"), payload].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256hex(canonical)}`;
  return { signature: createHmac("sha256", secret).update(stringToSign).digest("hex"), stringToSign };
}

function rpcV1Signature(
  req: SimRequest,
  params: Map<string, string>,
  secret: string,
): { signature: string; stringToSign: string } {
  const canonical = [...params.entries()]
    .filter(([k]) => k !== "Signature")
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const stringToSign = `${req.method}&${rfc3986("/")}&${rfc3986(canonical)}`;
  return { signature: createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64"), stringToSign };
}

export type AlibabaAuth =
  | { ok: true; account: AlibabaAccount }
  | { ok: false; status: number; code: string; message: string };

export function authenticateAlibaba(ctx: SimContext, req: SimRequest, params: Map<string, string>): AlibabaAuth {
  const authorization = header(req, "authorization");
  const acs3 = /^ACS3-HMAC-SHA256\s+Credential=([^,]+),\s*SignedHeaders=([^,]*),\s*Signature=([0-9a-f]+)$/.exec(
    authorization.trim(),
  );
  const keyId = acs3?.[1] ?? params.get("AccessKeyId");
  if (!keyId)
    return { ok: false, status: 400, code: "MissingAccessKeyId", message: "AccessKeyId is mandatory for this action." };
  const account = ctx.alibabaAccountByKey(keyId);
  if (!account)
    return {
      ok: false,
      status: 404,
      code: "InvalidAccessKeyId.NotFound",
      message: "Specified access key is not found.",
    };
  const secret = account.credentials.accessKeySecret;
  if (acs3) {
    const body = req.body;
    if (header(req, "x-acs-content-sha256") && header(req, "x-acs-content-sha256") !== sha256hex(body)) {
      return {
        ok: false,
        status: 400,
        code: "IncompleteSignature",
        message: "The request body hash does not match x-acs-content-sha256.",
      };
    }
    const { signature, stringToSign } = acs3Signature(req, (acs3[2] ?? "").split(";").filter(Boolean), secret);
    if (signature !== acs3[3]) {
      return {
        ok: false,
        status: 400,
        code: "SignatureDoesNotMatch",
        message: `The request signature does not conform to Aliyun standards. server string to sign is:${stringToSign}`,
      };
    }
    return { ok: true, account };
  }
  const given = params.get("Signature");
  if (!given)
    return { ok: false, status: 400, code: "MissingSignature", message: "Signature is mandatory for this action." };
  const { signature, stringToSign } = rpcV1Signature(req, params, secret);
  if (signature !== given) {
    return {
      ok: false,
      status: 400,
      code: "SignatureDoesNotMatch",
      message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    };
  }
  return { ok: true, account };
}

function page(params: Map<string, string>, defaultSize: number, maxSize: number) {
  const pageNumber = Math.max(1, Number(params.get("PageNumber") ?? 1) || 1);
  const pageSize = Math.min(maxSize, Math.max(1, Number(params.get("PageSize") ?? defaultSize) || defaultSize));
  return {
    pageNumber,
    pageSize,
    slice: <T>(items: T[]) => items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    /** The paging fields of a listing of `total` items. */
    fields: (total: number) => ({ TotalCount: total, PageNumber: pageNumber, PageSize: pageSize }),
  };
}

function listParam(params: Map<string, string>, prefix: string): string[] {
  const out: [number, string][] = [];
  for (const [k, v] of params) {
    const m = new RegExp(`^${prefix}\\.(\\d+)$`).exec(k);
    if (m) out.push([Number(m[1]), v]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

const ENC: Record<string, string> = {
  AES128: "aes",
  AES256: "aes256",
  "AES128-GCM-16": "aes",
  "AES256-GCM-16": "aes256",
};
const AUTH: Record<string, string> = { SHA1: "sha1", "SHA2-256": "sha256", "SHA2-384": "sha384", "SHA2-512": "sha512" };

function ikeConfig(c: SimConnection, t: SimTunnel) {
  return {
    IkeAuthAlg: AUTH[t.phase1IntegrityAlgorithms[0] ?? "SHA1"] ?? "sha1",
    IkeEncAlg: ENC[t.phase1EncryptionAlgorithms[0] ?? "AES128"] ?? "aes",
    IkeMode: "main",
    IkePfs: `group${t.phase1DhGroups[0] ?? 2}`,
    IkeVersion: t.ikeVersions.includes("ikev2") ? "ikev2" : "ikev1",
    LocalId: t.baseOutsideIp,
    RemoteId: c.customerGatewayIp,
    Psk: t.psk,
  };
}

function ipsecConfig(t: SimTunnel) {
  return {
    IpsecAuthAlg: AUTH[t.phase2IntegrityAlgorithms[0] ?? "SHA1"] ?? "sha1",
    IpsecEncAlg: ENC[t.phase2EncryptionAlgorithms[0] ?? "AES128"] ?? "aes",
    IpsecPfs: t.phase2DhGroups.length > 0 ? `group${t.phase2DhGroups[0]}` : "disabled",
  };
}

function negotiationStatus(ctx: SimContext, c: SimConnection, t: SimTunnel): string {
  const state = ctx.scenario.stateAt(c, t, ctx.now());
  if (!ctx.scenario.isDown(state)) return "ipsec_sa_established";
  if (state.kind === "ipsec-proposal-mismatch" || state.kind === "ts-mismatch" || state.kind === "idle-timeout") {
    return "ipsec_sa_not_established";
  }
  if (state.kind === "rekey-failure") return "ike_sa_established";
  return "ike_sa_not_established";
}

function connectionJson(ctx: SimContext, c: SimConnection) {
  const t1 = c.tunnels[0] as SimTunnel;
  const dual = c.tunnels.length > 1;
  const bgp = c.routing === "bgp";
  const zone = `${c.region}-${["a", "b", "h", "i"][hash32(c.id) % 4]}`;
  const anyDown = c.tunnels.some((t) => ctx.scenario.isDown(ctx.scenario.stateAt(c, t, ctx.now())));
  const base: Record<string, unknown> = {
    VpnConnectionId: c.id,
    VpnGatewayId: c.gatewayId,
    CustomerGatewayId: c.customerGatewayId,
    Name: c.name,
    LocalSubnet: c.localCidr,
    RemoteSubnet: c.remoteCidrs.join(","),
    CreateTime: c.createdAt,
    EffectImmediately: false,
    // Dual-tunnel connections report negotiation status per tunnel only.
    Status: dual ? "" : negotiationStatus(ctx, c, t1),
    State: "active",
    Spec: "1000M",
    NetworkType: "public",
    AttachType: "VPNGW",
    TunnelBandwidth: "Standard",
    ResourceGroupId: `rg-acfm${hash32(c.accountId).toString(36)}`,
    EnableDpd: t1.dpdEnabled,
    EnableNatTraversal: t1.natTraversal,
    EnableTunnelsBgp: dual && bgp,
    CrossAccountAuthorized: false,
    InternetIp: dual ? "" : t1.baseOutsideIp,
    RemoteCaCertificate: "",
    Tag: { Tag: Object.entries(c.tags).map(([Key, Value]) => ({ Key, Value })) },
    VcoHealthCheck: {
      Enable: String(c.healthCheck?.enabled ?? false),
      Sip: c.healthCheck?.sourceIp ?? "",
      Dip: c.healthCheck?.destinationIp ?? "",
      Interval: c.healthCheck?.interval ?? 3,
      Retry: c.healthCheck?.retry ?? 3,
      Policy: "revoke_route",
      Status: c.healthCheck?.enabled ? (anyDown ? "failed" : "success") : "",
    },
    // The list response has no EnableBgp (DescribeVpnConnection's single answer does); a
    // connection without BGP leaves the BGP fields empty.
    VpnBgpConfig:
      bgp && !dual
        ? {
            LocalAsn: c.providerAsn,
            PeerAsn: c.customerAsn,
            TunnelCidr: t1.insideCidr,
            LocalBgpIp: bgpIps(t1).local,
            PeerBgpIp: bgpIps(t1).peer,
            AuthKey: "",
            Status: anyDown ? "false" : "success",
          }
        : { AuthKey: "", Status: "" },
  };
  if (!dual) {
    base.IkeConfig = { ...ikeConfig(c, t1), IkeLifetime: t1.phase1LifetimeSeconds };
    base.IpsecConfig = { ...ipsecConfig(t1), IpsecLifetime: t1.phase2LifetimeSeconds };
    return base;
  }
  base.TunnelOptionsSpecification = {
    TunnelOptions: c.tunnels.map((t) => {
      const down = ctx.scenario.isDown(ctx.scenario.stateAt(c, t, ctx.now()));
      return {
        TunnelId: t.id,
        TunnelIndex: t.index,
        CustomerGatewayId: c.customerGatewayId,
        // Per-tunnel flags and numbers are strings on the wire.
        EnableDpd: String(t.dpdEnabled),
        EnableNatTraversal: String(t.natTraversal),
        InternetIp: ctx.scenario.outsideIpAt(c, t, ctx.now()),
        Role: t.index === 1 ? "master" : "slave",
        State: "active",
        Status: negotiationStatus(ctx, c, t),
        ZoneNo: zone,
        RemoteCaCertificate: "",
        TunnelBgpConfig: {
          BgpStatus: bgp && !down ? "success" : "false",
          LocalAsn: String(c.providerAsn),
          PeerAsn: String(c.customerAsn),
          LocalBgpIp: bgpIps(t).local,
          PeerBgpIp: bgpIps(t).peer,
          TunnelCidr: t.insideCidr,
        },
        TunnelIkeConfig: { ...ikeConfig(c, t), IkeLifetime: String(t.phase1LifetimeSeconds) },
        TunnelIpsecConfig: { ...ipsecConfig(t), IpsecLifetime: String(t.phase2LifetimeSeconds) },
      };
    }),
  };
  return base;
}

function bgpIps(t: SimTunnel) {
  const [base = "169.254.0.0"] = t.insideCidr.split("/");
  const p = base.split(".").map(Number);
  const prefix = p.slice(0, 3).join(".");
  return { local: `${prefix}.${(p[3] ?? 0) + 1}`, peer: `${prefix}.${(p[3] ?? 0) + 2}` };
}

/** Alibaba logs of a connection (or one of its tunnels) in a window; both bounds inclusive. */
export function alibabaEvents(
  ctx: SimContext,
  c: SimConnection,
  tunnelId: string | undefined,
  from: number,
  to: number,
) {
  const out: SimEvent[] = [];
  for (const t of c.tunnels) {
    if (tunnelId && t.id !== tunnelId) continue;
    for (const e of ctx.visibleEvents(c, t, from, to)) if (e.channel === "tunnel") out.push(e);
  }
  return out.sort((a, b) => a.ts - b.ts || (a.key < b.key ? -1 : 1));
}

const FAILURE: Record<string, { code: string; reason: string; severity: string }> = {
  "dpd-timeout": { code: "Phase1NegotiationTimeout", reason: "Phase1 negotiation timeout", severity: "Critical" },
  maintenance: { code: "Phase1NegotiationTimeout", reason: "Phase1 negotiation timeout", severity: "Critical" },
  "permanent-down": { code: "Phase1NegotiationTimeout", reason: "Phase1 negotiation timeout", severity: "Critical" },
  "ike-proposal-mismatch": { code: "DhGroupMismatch", reason: "Phase1 DH group mismatch", severity: "Critical" },
  "ipsec-proposal-mismatch": {
    code: "EncryptionAlgorithmMismatch",
    reason: "Phase2 encryption algorithm mismatch",
    severity: "Critical",
  },
  "ts-mismatch": {
    code: "TrafficSelectorMismatch",
    reason: "Phase2 traffic selector (interested flow) mismatch",
    severity: "Critical",
  },
  "auth-failure": { code: "PskMismatch", reason: "Phase1 pre-shared key mismatch", severity: "Critical" },
  "rekey-failure": { code: "LifetimeMismatch", reason: "Phase2 lifetime mismatch: rekey failed", severity: "Warn" },
  "idle-timeout": { code: "Phase1NegotiationTimeout", reason: "IPsec SA deleted after idle timeout", severity: "Warn" },
};

export function handleAlibaba(
  ctx: SimContext,
  req: SimRequest,
  res: ServerResponse,
  params: Map<string, string>,
  account: AlibabaAccount,
) {
  const action = header(req, "x-acs-action") || params.get("Action") || "";
  const version = header(req, "x-acs-version") || params.get("Version") || "";
  if (version !== "2016-04-28") {
    return alibabaError(res, req, 400, "InvalidVersion", `Specified parameter Version is not valid.`);
  }
  const region = params.get("RegionId");
  if (!region) return alibabaError(res, req, 400, "MissingRegionId", "RegionId is mandatory for this action.");
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) {
    return alibabaError(res, req, 400, "InvalidRegionId.MalFormed", "The specified parameter RegionId is not valid.");
  }
  if (!ALIBABA_REGIONS.has(region) && !ctx.fleet.shape.alibabaRegions.includes(region)) {
    return alibabaError(res, req, 404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
  }
  if (ctx.isDenied(account.id, `vpc:${action}`)) {
    return alibabaError(
      res,
      req,
      403,
      "Forbidden.RAM",
      "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
    );
  }
  const connections = account.regions.includes(region) ? ctx.connectionsOf(account.id, region) : [];
  const now = ctx.now();

  switch (action) {
    case "DescribeVpnGateways": {
      const gateways = new Map<string, SimConnection[]>();
      for (const c of connections) gateways.set(c.gatewayId, [...(gateways.get(c.gatewayId) ?? []), c]);
      let ids = [...gateways.keys()].sort();
      const wanted = params.get("VpnGatewayId");
      if (wanted) ids = ids.filter((id) => id === wanted);
      const p = page(params, 10, 50);
      return ok(res, {
        ...p.fields(ids.length),
        VpnGateways: {
          VpnGateway: p.slice(ids).map((id) => {
            const members = gateways.get(id) ?? [];
            const first = members[0] as SimConnection;
            const r = rng(ctx.fleet.seed, "alibaba-gw-detail", id);
            const dual = members.some((m) => m.tunnels.length > 1);
            return {
              VpnGatewayId: id,
              VpcId: `vpc-${id.slice(4, 7)}${r.chars(17, "abcdefghijklmnopqrstuvwxyz0123456789")}`,
              VSwitchId: `vsw-${id.slice(4, 7)}${r.chars(17, "abcdefghijklmnopqrstuvwxyz0123456789")}`,
              InternetIp: first.gatewayIp,
              DisasterRecoveryInternetIp: dual
                ? (members.find((m) => m.tunnels[1])?.tunnels[1]?.baseOutsideIp ?? "")
                : "",
              Status: "active",
              BusinessStatus: "Normal",
              Spec: "200M",
              Name: `vpngw-${region}`,
              Description: "",
              CreateTime: Math.min(...members.map((m) => m.createdAt)) - 86_400_000,
              EndTime: 0,
              ChargeType: "PostPaid",
              IpsecVpn: "enable",
              SslVpn: "disable",
              SslMaxConnections: 5,
              SslVpnInternetIp: "",
              EnableBgp: members.some((m) => m.routing === "bgp"),
              AutoPropagate: true,
              NetworkType: "public",
              GatewayType: "Normal",
              VpnType: "Normal",
              Tag: members.some((m) => m.routing === "bgp") ? "VpnEnableBgp:true" : "",
              Tags: { Tag: [] },
              ReservationData: {},
              EniInstanceIds: { EniInstanceId: [] },
            };
          }),
        },
      });
    }
    case "DescribeVpnConnections": {
      const gw = params.get("VpnGatewayId");
      const id = params.get("VpnConnectionId");
      const cgw = params.get("CustomerGatewayId");
      const selected = connections.filter(
        (c) => (!gw || c.gatewayId === gw) && (!id || c.id === id) && (!cgw || c.customerGatewayId === cgw),
      );
      const p = page(params, 10, 50);
      return ok(res, {
        ...p.fields(selected.length),
        VpnConnections: { VpnConnection: p.slice(selected).map((c) => connectionJson(ctx, c)) },
      });
    }
    case "DescribeCustomerGateways": {
      const id = params.get("CustomerGatewayId");
      const gateways = new Map<string, SimConnection>();
      for (const c of connections) if (!gateways.has(c.customerGatewayId)) gateways.set(c.customerGatewayId, c);
      const selected = [...gateways.values()].filter((c) => !id || c.customerGatewayId === id);
      const p = page(params, 10, 50);
      return ok(res, {
        ...p.fields(selected.length),
        CustomerGateways: {
          CustomerGateway: p.slice(selected).map((c) => ({
            CustomerGatewayId: c.customerGatewayId,
            Name: c.tags.site ?? c.name,
            IpAddress: c.customerGatewayIp,
            Asn: c.customerAsn,
            Description: "",
            CreateTime: c.createdAt,
            Tags: { Tag: [] },
          })),
        },
      });
    }
    case "DescribeVpnConnection": {
      const id = params.get("VpnConnectionId");
      const c = connections.find((x) => x.id === id);
      if (!c)
        return alibabaError(
          res,
          req,
          404,
          "InvalidVpnConnectionInstanceId.NotFound",
          "The specified VPN connection does not exist.",
        );
      return ok(res, connectionJson(ctx, c));
    }
    case "DescribeVpnConnectionLogs": {
      const id = params.get("VpnConnectionId");
      const c = connections.find((x) => x.id === id);
      if (!c)
        return alibabaError(
          res,
          req,
          404,
          "InvalidVpnConnectionInstanceId.NotFound",
          "The specified VPN connection does not exist.",
        );
      const tunnelId = params.get("TunnelId") || undefined;
      if (tunnelId && !c.tunnels.some((t) => t.id === tunnelId)) {
        return alibabaError(res, req, 404, "InvalidTunnelId.NotFound", "The specified tunnel does not exist.");
      }
      const minutes = Math.min(10, Math.max(1, Number(params.get("MinutePeriod") ?? 10) || 10));
      const toSec = params.has("To") ? Number(params.get("To")) : Math.floor(now / 1000);
      const fromSec = params.has("From") ? Number(params.get("From")) : toSec - minutes * 60;
      if (!Number.isFinite(fromSec) || !Number.isFinite(toSec) || toSec < fromSec) {
        return alibabaError(res, req, 400, "InvalidParameter", "The specified From/To time range is not valid.");
      }
      // One call covers at most ten minutes: a longer range is cut to its first ten minutes.
      const from = fromSec * 1000;
      const to = Math.min(toSec, fromSec + 600) * 1000 + 999;
      const p = page(params, 10, 50);
      const events = alibabaEvents(ctx, c, tunnelId, from, to);
      const logs = p.slice(events).map(renderAlibabaLine);
      // Count is the lines on this page; IsCompleted says whether the window's logs are all in,
      // which the simulator's always are: it never delivers a line late.
      return ok(res, {
        Count: logs.length,
        IsCompleted: true,
        PageNumber: p.pageNumber,
        PageSize: p.pageSize,
        Data: { Logs: logs },
      });
    }
    case "DiagnoseVpnConnections": {
      const ids = listParam(params, "VpnConnectionIds");
      const tunnelIds = listParam(params, "TunnelIds");
      const gw = params.get("VpnGatewayId");
      const rows: Record<string, unknown>[] = [];
      // As the API documents: a single-tunnel connection is diagnosed when named in
      // VpnConnectionIds, a dual-tunnel connection's tunnels when named in TunnelIds.
      for (const c of connections) {
        if (gw && c.gatewayId !== gw) continue;
        const isDualTunnel = c.tunnels.length > 1;
        if (!isDualTunnel && !ids.includes(c.id)) continue;
        for (const t of c.tunnels) {
          if (isDualTunnel && !tunnelIds.includes(t.id)) continue;
          const state = ctx.scenario.stateAt(c, t, now);
          const failure = FAILURE[state.kind];
          const last = alibabaEvents(ctx, c, t.id, Math.max(ctx.originMs(), now - 600_000), now)
            .filter((e) => e.code.startsWith(state.kind))
            .pop();
          rows.push({
            VpnConnectionId: c.id,
            TunnelId: c.tunnels.length > 1 ? t.id : "",
            FailedTime: failure ? Math.max(state.start, c.createdAt) : 0,
            FailedReason: failure?.reason ?? "",
            FailedReasonCode: failure?.code ?? "",
            Severity: failure?.severity ?? "Normal",
            SourceLog: failure && last ? renderAlibabaLine(last) : "",
            MismatchLocalParam:
              state.kind === "ike-proposal-mismatch"
                ? `group${t.phase1DhGroups[0] ?? 2}`
                : state.kind === "ts-mismatch"
                  ? c.localCidr
                  : "",
            MismatchRemoteParam:
              state.kind === "ike-proposal-mismatch" ? "group2" : state.kind === "ts-mismatch" ? "0.0.0.0/0" : "",
          });
        }
      }
      const p = page(params, 10, 50);
      return ok(res, {
        ...p.fields(rows.length),
        VpnConnections: p.slice(rows),
      });
    }
    case "DescribeVpnRouteEntries": {
      const gw = params.get("VpnGatewayId");
      if (!gw) return alibabaError(res, req, 400, "MissingVpnGatewayId", "VpnGatewayId is mandatory for this action.");
      const type = params.get("RouteEntryType");
      const entries: Record<string, unknown>[] = [];
      for (const c of connections.filter((x) => x.gatewayId === gw)) {
        for (const cidr of c.remoteCidrs) {
          const bgp = c.routing === "bgp";
          const entryType = bgp ? "System" : "Custom";
          if (type && type !== entryType.toLowerCase() && type !== entryType) continue;
          const upTunnel = c.tunnels.find((t) => !ctx.scenario.isDown(ctx.scenario.stateAt(c, t, now)));
          entries.push({
            RouteDest: cidr,
            NextHop: c.id,
            NextHopTunnelId: c.tunnels.length > 1 ? (upTunnel ?? c.tunnels[0])?.id : undefined,
            Weight: c.routeWeight,
            State: upTunnel ? "published" : "normal",
            RouteEntryType: entryType,
            Source: bgp ? "BGP" : "CUSTOM",
            AsPath: bgp ? String(c.customerAsn) : "",
            Community: "",
            VpnInstanceId: gw,
            CreateTime: c.createdAt,
          });
        }
      }
      const p = page(params, 10, 50);
      const counts = new Map<string, number>();
      for (const e of entries) counts.set(String(e.RouteEntryType), (counts.get(String(e.RouteEntryType)) ?? 0) + 1);
      return ok(res, {
        ...p.fields(entries.length),
        VpnRouteEntries: { VpnRouteEntry: p.slice(entries) },
        VpnRouteCounts: {
          VpnRouteCount: [...counts].map(([RouteEntryType, RouteCount]) => ({
            RouteEntryType,
            RouteCount,
            Source: RouteEntryType === "System" ? "BGP" : "CUSTOM",
          })),
        },
      });
    }
    default:
      return alibabaError(
        res,
        req,
        404,
        "InvalidAction.NotFound",
        "Specified api is not found, please check your url and method.",
      );
  }
}
