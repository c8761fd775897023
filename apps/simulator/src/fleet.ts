// The simulated fleet: tenants, cloud accounts with credentials, VPN connections and tunnels.
// Generated from the seed alone, so the same seed and shape always give the same fleet.
import { LOWER_ALNUM, MIXED_ALNUM, type Rng, rng, UPPER_ALNUM } from "./prng.ts";

export type SimProvider = "aws" | "alibaba" | "mulesoft";

export interface FleetShape {
  tenants: number;
  awsAccountsPerTenant: number;
  alibabaAccountsPerTenant: number;
  mulesoftOrgsPerTenant: number;
  awsRegions: string[];
  alibabaRegions: string[];
  mulesoftRegions: string[];
  /** Per account, spread round-robin over the provider's regions. */
  connectionsPerAccount: number;
  /** Alibaba only: legacy single-tunnel IPsec connections (AWS and Anypoint always have two tunnels). */
  singleTunnelShare: number;
  staticShare: number;
  /** Lifetimes that differ from the provider's recommendation. */
  wrongLifetimeShare: number;
  /** DPD disabled (Alibaba/Anypoint) or DPD timeout action `none` (AWS). */
  dpdOffShare: number;
  ikev1Share: number;
  /** AWS tunnels whose CloudWatch tunnel logging is off. */
  loggingDisabledShare: number;
  /** AWS connections attached to a transit gateway instead of a virtual private gateway. */
  transitGatewayShare: number;
  /** AWS connections with tunnel endpoint lifecycle control enabled. */
  lifecycleControlShare: number;
  /** Connections the provider replaces endpoints of on a schedule (AWS) or that have an update (Anypoint). */
  maintenanceShare: number;
  maintenancePeriodDays: number;
  /** Tunnels that never come up (second tunnel never configured on the customer gateway). */
  downTunnelShare: number;
  /** AWS accounts with a Business/Enterprise support plan (AWS Health API access). */
  healthSupportShare: number;
  /** Scheduled faults per tunnel per day (DPD timeouts, mismatches, idle timeouts...). */
  faultsPerTunnelPerDay: number;
}

export const DEFAULT_FLEET_SHAPE: FleetShape = {
  tenants: 2,
  awsAccountsPerTenant: 1,
  alibabaAccountsPerTenant: 1,
  mulesoftOrgsPerTenant: 1,
  awsRegions: ["us-east-1", "eu-west-1"],
  alibabaRegions: ["cn-hangzhou", "ap-southeast-1"],
  mulesoftRegions: ["us-east-1"],
  connectionsPerAccount: 6,
  singleTunnelShare: 0.3,
  staticShare: 0.35,
  wrongLifetimeShare: 0.2,
  dpdOffShare: 0.15,
  ikev1Share: 0.2,
  loggingDisabledShare: 0.1,
  transitGatewayShare: 0.3,
  lifecycleControlShare: 0.5,
  maintenanceShare: 0.3,
  maintenancePeriodDays: 14,
  downTunnelShare: 0.05,
  healthSupportShare: 0.5,
  faultsPerTunnelPerDay: 2,
};

export interface AwsCredentialsRecord {
  accessKeyId: string;
  secretAccessKey: string;
}
export interface AlibabaCredentialsRecord {
  accessKeyId: string;
  accessKeySecret: string;
}
export interface MulesoftCredentialsRecord {
  clientId: string;
  clientSecret: string;
  orgId: string;
}

interface AccountBase {
  /** Simulator-internal key, stable for a seed: "aws-1-1" = tenant 1, account 1. */
  id: string;
  tenantId: string;
  name: string;
  regions: string[];
}
export interface AwsAccount extends AccountBase {
  provider: "aws";
  awsAccountId: string;
  credentials: AwsCredentialsRecord;
  hasSupportPlan: boolean;
  logGroupName: string;
  bgpLogGroupName: string;
}
export interface AlibabaAccount extends AccountBase {
  provider: "alibaba";
  uid: string;
  credentials: AlibabaCredentialsRecord;
}
export interface MulesoftAccount extends AccountBase {
  provider: "mulesoft";
  orgId: string;
  orgName: string;
  credentials: MulesoftCredentialsRecord;
  vpcs: { id: string; name: string; region: string; cidrBlock: string }[];
}
export type SimAccount = AwsAccount | AlibabaAccount | MulesoftAccount;

export type IkeVersion = "ikev1" | "ikev2";

export interface SimTunnel {
  index: number;
  /** Provider tunnel id: Alibaba `tun-…`; for AWS and Anypoint "<connection id>#<index>" (they have none). */
  id: string;
  /** Provider-side outside IP before any endpoint replacement (generation 0). */
  baseOutsideIp: string;
  insideCidr: string;
  psk: string;
  ikeVersions: IkeVersion[];
  phase1LifetimeSeconds: number;
  phase2LifetimeSeconds: number;
  rekeyMarginTimeSeconds: number;
  rekeyFuzzPercentage: number;
  replayWindowSize: number;
  dpdEnabled: boolean;
  dpdTimeoutSeconds: number;
  dpdTimeoutAction: "clear" | "none" | "restart";
  natTraversal: boolean;
  phase1EncryptionAlgorithms: string[];
  phase1IntegrityAlgorithms: string[];
  phase1DhGroups: number[];
  phase2EncryptionAlgorithms: string[];
  phase2IntegrityAlgorithms: string[];
  phase2DhGroups: number[];
  startupAction: "add" | "start";
  loggingEnabled: boolean;
  bgpLoggingEnabled: boolean;
  /** Never comes up: the customer gateway has no configuration for it. */
  permanentlyDown: boolean;
  /** BGP routes the provider accepts from the customer gateway over this tunnel when UP. */
  routeCount: number;
}

export interface SimConnection {
  id: string;
  provider: SimProvider;
  accountId: string;
  tenantId: string;
  region: string;
  name: string;
  routing: "bgp" | "static";
  /** AWS `vgw-…`/`tgw-…`, Alibaba `vpn-…` (VPN gateway), Anypoint `vpc-…`. */
  gatewayId: string;
  gatewayType: "vgw" | "tgw" | "vpn-gateway" | "anypoint-vpc";
  /** Alibaba VPN gateway public IP. */
  gatewayIp: string;
  customerGatewayId: string;
  customerGatewayIp: string;
  customerAsn: number;
  providerAsn: number;
  localCidr: string;
  remoteCidrs: string[];
  tags: Record<string, string>;
  createdAt: number;
  tunnels: SimTunnel[];
  lifecycleControl: boolean;
  /** Endpoint replacements every periodMs, first at offsetMs (epoch-aligned), tunnel 1 then tunnel 2. */
  maintenance: { periodMs: number; offsetMs: number } | null;
  /** Alibaba: health check and route weight (100 active, 0 standby). */
  healthCheck: { enabled: boolean; sourceIp: string; destinationIp: string; interval: number; retry: number } | null;
  routeWeight: number;
}

export interface SimTenant {
  id: string;
  name: string;
}

export interface Fleet {
  seed: number;
  shape: FleetShape;
  tenants: SimTenant[];
  accounts: SimAccount[];
  connections: SimConnection[];
}

const ALIBABA_REGION_PREFIX: Record<string, string> = {
  "cn-hangzhou": "bp1",
  "cn-shanghai": "uf6",
  "cn-beijing": "2ze",
  "cn-shenzhen": "wz9",
  "cn-hongkong": "j6c",
  "ap-southeast-1": "t4n",
  "ap-northeast-1": "6we",
  "eu-central-1": "gw8",
  "us-west-1": "rj9",
};

const TENANT_NAMES = ["Acme Logistics", "Globex Retail", "Initech Finance", "Umbrella Health", "Stark Manufacturing"];
const SITE_NAMES = [
  "tokyo-dc1",
  "osaka-dc2",
  "frankfurt-hq",
  "london-ofc",
  "nyc-dc",
  "sg-branch",
  "sydney-dc",
  "paris-ofc",
];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Fleet creation times are spread over the year before this fixed instant (keeps the fleet clock-free). */
const FLEET_EPOCH_MS = Date.UTC(2025, 0, 1);

function awsId(r: Rng, prefix: string): string {
  return `${prefix}-${r.hex(17)}`;
}

function alibabaId(r: Rng, prefix: string, region: string): string {
  return `${prefix}-${ALIBABA_REGION_PREFIX[region] ?? "bp1"}${r.chars(17, LOWER_ALNUM)}`;
}

function publicIp(r: Rng, firstOctets: readonly number[]): string {
  return `${r.pick(firstOctets)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

const CUSTOMER_ASNS = [65000, 65001, 65010, 65100, 64600, 65500];

const DOCUMENTATION_BLOCKS = ["192.0.2", "198.51.100", "203.0.113"];

/**
 * A tenant's gateway at a site: its public address and BGP ASN. Addresses are distinct per
 * tenant and site (762 in the documentation ranges, shifted by the seed), so no two sites share one.
 */
function siteGatewayOf(seed: number, tenantId: string, site: string): { ip: string; asn: number } {
  const tenantIndex = Math.max(0, Number(tenantId.replace(/\D+/g, "")) - 1);
  const slots = DOCUMENTATION_BLOCKS.length * 254;
  const slot =
    (rng(seed, "site-gateway-offset").int(0, slots - 1) + tenantIndex * SITE_NAMES.length + SITE_NAMES.indexOf(site)) %
    slots;
  return {
    ip: `${DOCUMENTATION_BLOCKS[Math.floor(slot / 254)]}.${(slot % 254) + 1}`,
    asn: rng(seed, "site-gateway", tenantId, site).pick(CUSTOMER_ASNS),
  };
}

/** Customer gateways live in the documentation ranges so no real address is ever named. */
function customerIp(r: Rng): string {
  return `${r.pick(["192.0.2", "198.51.100", "203.0.113"])}.${r.int(1, 254)}`;
}

function uuid(r: Rng): string {
  const h = r.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The provider-side outside IP of a tunnel after `generation` endpoint replacements. */
export function outsideIpFor(seed: number, connection: SimConnection, tunnel: SimTunnel, generation: string): string {
  if (generation === "0") return tunnel.baseOutsideIp;
  const r = rng(seed, "outside-ip", connection.id, tunnel.index, generation);
  return connection.provider === "alibaba" ? publicIp(r, [47, 8, 39]) : publicIp(r, [3, 18, 34, 35, 52, 54]);
}

export function resolveShape(partial: Partial<FleetShape> = {}): FleetShape {
  const shape = { ...DEFAULT_FLEET_SHAPE };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) (shape as Record<string, unknown>)[key] = value;
  }
  return shape;
}

export function generateFleet(seed: number, partialShape: Partial<FleetShape> = {}): Fleet {
  const shape = resolveShape(partialShape);
  const tenants: SimTenant[] = [];
  const accounts: SimAccount[] = [];
  const connections: SimConnection[] = [];

  for (let t = 1; t <= shape.tenants; t++) {
    const tenant: SimTenant = { id: `tenant-${t}`, name: TENANT_NAMES[(t - 1) % TENANT_NAMES.length] ?? `Tenant ${t}` };
    if (t > TENANT_NAMES.length) tenant.name = `${tenant.name} ${Math.ceil(t / TENANT_NAMES.length)}`;
    tenants.push(tenant);

    for (let a = 1; a <= shape.awsAccountsPerTenant; a++) {
      const r = rng(seed, "aws-account", t, a);
      const awsAccountId = String(r.int(1, 9)) + r.chars(11, "0123456789");
      const account: AwsAccount = {
        provider: "aws",
        id: `aws-${t}-${a}`,
        tenantId: tenant.id,
        name: `${tenant.name} AWS ${a}`,
        regions: [...shape.awsRegions],
        awsAccountId,
        credentials: { accessKeyId: `AKIASIM${r.chars(13, UPPER_ALNUM)}`, secretAccessKey: r.chars(40, MIXED_ALNUM) },
        hasSupportPlan: r.chance(shape.healthSupportShare),
        logGroupName: `/aws/vendedlogs/vpn/${awsAccountId}`,
        bgpLogGroupName: `/aws/vendedlogs/vpn-bgp/${awsAccountId}`,
      };
      accounts.push(account);
      addConnections({ seed, shape, account, connections });
    }
    for (let a = 1; a <= shape.alibabaAccountsPerTenant; a++) {
      const r = rng(seed, "alibaba-account", t, a);
      const account: AlibabaAccount = {
        provider: "alibaba",
        id: `alibaba-${t}-${a}`,
        tenantId: tenant.id,
        name: `${tenant.name} Alibaba ${a}`,
        regions: [...shape.alibabaRegions],
        uid: String(r.int(1, 9)) + r.chars(15, "0123456789"),
        credentials: { accessKeyId: `LTAI${r.chars(20, MIXED_ALNUM)}`, accessKeySecret: r.chars(30, MIXED_ALNUM) },
      };
      accounts.push(account);
      addConnections({ seed, shape, account, connections });
    }
    for (let a = 1; a <= shape.mulesoftOrgsPerTenant; a++) {
      const r = rng(seed, "mulesoft-account", t, a);
      const orgId = uuid(r);
      const account: MulesoftAccount = {
        provider: "mulesoft",
        id: `mulesoft-${t}-${a}`,
        tenantId: tenant.id,
        name: `${tenant.name} Anypoint ${a}`,
        regions: [...shape.mulesoftRegions],
        orgId,
        orgName: `${tenant.name}${a > 1 ? ` ${a}` : ""}`,
        credentials: { clientId: r.hex(32), clientSecret: r.chars(32, MIXED_ALNUM), orgId },
        vpcs: [],
      };
      accounts.push(account);
      addConnections({ seed, shape, account, connections });
    }
  }
  return { seed, shape, tenants, accounts, connections };
}

const AWS_P1_ENC = ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"];
const AWS_INTEG = ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"];
const AWS_P1_DH = [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
const AWS_P2_DH = [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];

function addConnections(options: {
  seed: number;
  shape: FleetShape;
  account: SimAccount;
  connections: SimConnection[];
}) {
  const { seed, shape, account, connections } = options;
  const regions = account.regions;
  if (regions.length === 0) return;
  for (let c = 0; c < shape.connectionsPerAccount; c++) {
    const region = regions[c % regions.length] as string;
    const r = rng(seed, "connection", account.id, c);
    const provider = account.provider;
    const isStatic = r.chance(shape.staticShare);
    const tunnelCount = provider === "alibaba" && r.chance(shape.singleTunnelShare) ? 1 : 2;
    const site = r.pick(SITE_NAMES);
    const createdAt = FLEET_EPOCH_MS - r.int(30, 365) * DAY_MS + r.int(0, DAY_MS - 1);
    // The site's on-prem gateway ends every connection of the site, in any account, region or
    // provider. The values each connection drew for a gateway of its own before gateways were
    // shared by site are still drawn, so the fleet's other values stay as they were.
    const siteGateway = siteGatewayOf(seed, account.tenantId, site);
    r.pick(CUSTOMER_ASNS);
    const customerAsn = siteGateway.asn;
    const thirdOctet = (c * 8) % 256;
    const remoteCidrs = [`10.${100 + (c % 100)}.${thirdOctet}.0/24`];
    if (r.chance(0.2)) remoteCidrs.push(`192.168.${c % 256}.0/24`);

    let id: string;
    let gatewayId: string;
    let gatewayType: SimConnection["gatewayType"];
    let customerGatewayId: string;
    let providerAsn: number;
    let gatewayIp = "";
    if (provider === "aws") {
      id = awsId(r, "vpn");
      gatewayType = r.chance(shape.transitGatewayShare) ? "tgw" : "vgw";
      gatewayId = awsId(r, gatewayType);
      awsId(r, "cgw");
      customerGatewayId = awsId(rng(seed, "aws-cgw", account.id, region, site), "cgw");
      providerAsn = r.pick([64512, 64513, 65200]);
    } else if (provider === "alibaba") {
      id = alibabaId(r, "vco", region);
      gatewayType = "vpn-gateway";
      gatewayId = alibabaId(rng(seed, "alibaba-gw", account.id, region), "vpn", region);
      gatewayIp = publicIp(rng(seed, "alibaba-gw-ip", account.id, region), [47, 8, 39]);
      alibabaId(r, "cgw", region);
      customerGatewayId = alibabaId(rng(seed, "alibaba-cgw", account.id, region, site), "cgw", region);
      providerAsn = 45104;
    } else {
      id = r.hex(24);
      gatewayType = "anypoint-vpc";
      const perVpc = 10;
      const vpcIndex = Math.floor(c / (regions.length * perVpc));
      const vpcR = rng(seed, "anypoint-vpc", account.id, region, vpcIndex);
      gatewayId = awsId(vpcR, "vpc");
      if (account.provider === "mulesoft" && !account.vpcs.some((v) => v.id === gatewayId)) {
        account.vpcs.push({
          id: gatewayId,
          name: `${account.orgName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${region}-${vpcIndex + 1}`,
          region,
          cidrBlock: `10.${vpcIndex * 16}.0.0/20`,
        });
      }
      customerGatewayId = "";
      providerAsn = 64512;
    }

    const wrongLifetime = r.chance(shape.wrongLifetimeShare);
    const dpdOff = r.chance(shape.dpdOffShare);
    const ikev1 = r.chance(shape.ikev1Share);
    const lifecycleControl = provider === "aws" && r.chance(shape.lifecycleControlShare);
    const hasMaintenance = provider !== "alibaba" && r.chance(shape.maintenanceShare);
    const periodMs = Math.max(1, shape.maintenancePeriodDays) * DAY_MS;
    customerIp(r);
    const connection: SimConnection = {
      id,
      provider,
      accountId: account.id,
      tenantId: account.tenantId,
      region,
      name: `${site}-${provider === "alibaba" ? "ipsec" : "vpn"}-${c + 1}`,
      routing: isStatic ? "static" : "bgp",
      gatewayId,
      gatewayType,
      gatewayIp,
      customerGatewayId,
      customerGatewayIp: siteGateway.ip,
      customerAsn,
      providerAsn,
      localCidr: `172.${16 + (c % 16)}.0.0/16`,
      remoteCidrs,
      tags: { Name: `${site}-${c + 1}`, env: r.pick(["prod", "prod", "staging", "dev"]), site },
      createdAt,
      tunnels: [],
      lifecycleControl,
      maintenance: hasMaintenance ? { periodMs, offsetMs: r.int(0, periodMs / 60_000 - 1) * 60_000 } : null,
      healthCheck: null,
      routeWeight: 100,
    };
    if (provider === "alibaba") {
      connection.routeWeight = r.chance(0.3) ? 0 : 100;
      const enabled = r.chance(0.6);
      connection.healthCheck = enabled
        ? {
            enabled,
            sourceIp: "172.16.1.1",
            destinationIp: `10.${100 + (c % 100)}.${thirdOctet}.1`,
            interval: 3,
            retry: 3,
          }
        : { enabled, sourceIp: "", destinationIp: "", interval: 3, retry: 3 };
    }

    const insideBase = r.int(0, 1000) * 8;
    for (let i = 1; i <= tunnelCount; i++) {
      const tr = rng(seed, "tunnel", id, i);
      // Provider defaults are 28800 s / 3600 s; a wrong-lifetime tunnel gets one of the values seen in the field.
      const p1 = wrongLifetime ? tr.pick([3600, 10800, 14400]) : 28800;
      const p2 = wrongLifetime ? tr.pick([1800, 900, 3000]) : 3600;
      const insideOffset = insideBase + (i - 1) * 4;
      const tunnel: SimTunnel = {
        index: i,
        id: provider === "alibaba" ? `tun-${tr.chars(18, LOWER_ALNUM)}` : `${id}#${i}`,
        // A single-tunnel Alibaba connection terminates on the VPN gateway's own public IP.
        baseOutsideIp:
          provider !== "alibaba"
            ? publicIp(tr, [3, 18, 34, 35, 52, 54])
            : tunnelCount === 1
              ? gatewayIp
              : publicIp(tr, [47, 8, 39]),
        insideCidr: `169.254.${10 + Math.floor(insideOffset / 256)}.${insideOffset % 256}/30`,
        psk: tr.chars(32, `${MIXED_ALNUM.replace(/[0-9]/g, "")}._`),
        ikeVersions: ikev1 ? ["ikev1"] : tr.chance(0.5) ? ["ikev2"] : ["ikev1", "ikev2"],
        phase1LifetimeSeconds: p1,
        phase2LifetimeSeconds: p2,
        rekeyMarginTimeSeconds: tr.pick([270, 540]),
        rekeyFuzzPercentage: 100,
        replayWindowSize: 1024,
        dpdEnabled: !dpdOff,
        dpdTimeoutSeconds: tr.pick([30, 30, 40]),
        dpdTimeoutAction: dpdOff ? "none" : tr.pick(["clear", "restart", "restart"] as const),
        natTraversal: tr.chance(0.7),
        phase1EncryptionAlgorithms: tr.chance(0.5) ? [...AWS_P1_ENC] : ["AES256"],
        phase1IntegrityAlgorithms: tr.chance(0.5) ? [...AWS_INTEG] : ["SHA2-256"],
        phase1DhGroups: tr.chance(0.5) ? [...AWS_P1_DH] : [14],
        phase2EncryptionAlgorithms: tr.chance(0.5) ? [...AWS_P1_ENC] : ["AES256"],
        phase2IntegrityAlgorithms: tr.chance(0.5) ? [...AWS_INTEG] : ["SHA2-256"],
        phase2DhGroups: tr.chance(0.5) ? [...AWS_P2_DH] : [14],
        startupAction: provider === "mulesoft" ? "add" : tr.chance(0.5) ? "add" : "start",
        loggingEnabled: provider !== "aws" || !tr.chance(shape.loggingDisabledShare),
        bgpLoggingEnabled: provider === "aws" && !isStatic && tr.chance(0.6),
        permanentlyDown: i === 2 && tr.chance(shape.downTunnelShare),
        routeCount: isStatic ? 0 : tr.int(1, 6),
      };
      connection.tunnels.push(tunnel);
    }
    connections.push(connection);
  }
}
