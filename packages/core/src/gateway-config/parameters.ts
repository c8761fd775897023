// What a customer gateway should run for one connection: per tunnel, the provider's endpoint and
// inside addresses, the proposals (AES-256, SHA-256 and DH group 14 where the provider side
// accepts them, else the best it does), the lifetimes, DPD and BGP values recommended for the
// provider. Everything a renderer needs, vendor-neutral.
import type { NormalizedConnection, NormalizedTunnel } from "../connection.ts";
import { isWeakDhGroup, isWeakEncryption, isWeakIntegrity } from "../crypto-strength.ts";
import { isAnyNetwork } from "../networks.ts";
import { type IkeVersion, negotiatedIkeVersion, recommendedParameters } from "../recommended.ts";

export type Cipher = "aes256" | "aes128" | "aes256gcm16" | "aes128gcm16" | "aes192" | "3des" | "des" | "sm4";
export type Integrity = "sha256" | "sha384" | "sha512" | "sha1" | "md5" | "sm3";

export interface Proposal {
  cipher: Cipher;
  /** null with an AEAD cipher in phase 2 (GCM carries its own integrity). */
  integrity: Integrity | null;
  /** DH group; null in phase 2 means no PFS. */
  dhGroup: number | null;
}

export interface TunnelPlan {
  index: number;
  /** Number of the gateway's tunnel interface for it (Tunnel, st0 unit, XFRM if_id). */
  unit: number;
  /** The provider's public endpoint. */
  providerOutsideIp: string;
  /** Inside addresses of a route-based tunnel (a /30: the provider's first host, ours the second). */
  inside: { cidr: string; providerIp: string; gatewayIp: string; prefixLength: number } | null;
  ikeVersion: "ikev1" | "ikev2";
  phase1: Proposal;
  phase2: Proposal;
  phase1LifetimeSec: number;
  phase2LifetimeSec: number;
}

export interface GatewayPlan {
  connectionName: string;
  externalId: string;
  /** Short and unique per connection, in the names of the objects the configuration creates. */
  tag: string;
  provider: NormalizedConnection["provider"];
  /** The customer gateway's public address, if the provider reports it. */
  gatewayPublicIp: string | null;
  /** The tenant says the gateway sits behind NAT: its IKE address is a private one. */
  behindNat: boolean;
  routing: "bgp" | "static";
  providerAsn: number | null;
  gatewayAsn: number | null;
  dpdIntervalSec: number;
  /** The peer is declared dead after this long without an answer. */
  dpdTimeoutSec: number;
  dpdRetries: number;
  /** Traffic selectors of a policy-based connection (ours first), else empty: route-based, any to any. */
  selectors: Array<{ local: string; remote: string }>;
  tunnels: TunnelPlan[];
  /** What the reader must know: tunnels left out, weak proposals the provider forces, assumptions. */
  notes: string[];
}

const CIPHER_PREFERENCE: readonly Cipher[] = ["aes256", "aes128", "aes256gcm16", "aes128gcm16", "aes192"];
const INTEGRITY_PREFERENCE: readonly Integrity[] = ["sha256", "sha384", "sha512"];
/** Strong groups first (faults.md WEAK_CRYPTO: below 14 is weak); 14 is what every peer supports. */
const DH_PREFERENCE: readonly number[] = [14, 19, 20, 15, 16, 21, 17, 18, 24];
const FALLBACK_CIPHERS: readonly Cipher[] = ["3des", "des", "sm4"];
const FALLBACK_INTEGRITY: readonly Integrity[] = ["sha1", "md5", "sm3"];

const BGP_KEEPALIVE_SEC = 10;
export const BGP_TIMERS = { keepaliveSec: BGP_KEEPALIVE_SEC, holdSec: 30 } as const;

// Providers' and vendors' spellings, with case and punctuation removed, to canonical names (a Map:
// no name finds an inherited property).
const CIPHER_NAMES: ReadonlyMap<string, Cipher> = new Map(
  Object.entries({
    aes: "aes128",
    aes128: "aes128",
    aescbc128: "aes128",
    aes192: "aes192",
    aes256: "aes256",
    aescbc256: "aes256",
    aes128gcm16: "aes128gcm16",
    aes128gcm: "aes128gcm16",
    aes256gcm16: "aes256gcm16",
    aes256gcm: "aes256gcm16",
    "3des": "3des",
    des: "des",
    sm4: "sm4",
  } as const),
);
const INTEGRITY_NAMES: ReadonlyMap<string, Integrity> = new Map(
  Object.entries({
    sha1: "sha1",
    sha256: "sha256",
    sha2256: "sha256",
    sha384: "sha384",
    sha2384: "sha384",
    sha512: "sha512",
    sha2512: "sha512",
    md5: "md5",
    sm3: "sm3",
  } as const),
);
const nameKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** "AES256", "aes", "AES128-GCM-16" -> canonical names; undefined for a name we do not know. */
export function cipherOf(name: string): Cipher | undefined {
  return CIPHER_NAMES.get(nameKey(name));
}

/** "SHA2-256", "sha256", "SHA1" -> canonical names. */
export function integrityOf(name: string): Integrity | undefined {
  return INTEGRITY_NAMES.get(nameKey(name));
}

/**
 * The first preferred value the provider accepts, else the first fallback it accepts; the
 * preference itself when it reports none. Weak as the WEAK_CRYPTO finding judges it.
 */
function pick<T>(
  offered: readonly T[] | undefined,
  preferred: readonly T[],
  fallback: readonly T[],
  isWeak: (value: T) => boolean,
): { value: T; weak: boolean } {
  if (!offered || offered.length === 0) return { value: preferred[0] as T, weak: false };
  const value =
    preferred.find((p) => offered.includes(p)) ?? fallback.find((p) => offered.includes(p)) ?? (offered[0] as T);
  return { value, weak: isWeak(value) };
}

function known<T>(names: readonly string[] | undefined, parse: (name: string) => T | undefined): T[] | undefined {
  if (names === undefined) return undefined;
  return names.flatMap((name) => {
    const value = parse(name);
    return value === undefined ? [] : [value];
  });
}

function proposal(tunnel: NormalizedTunnel, phase: 1 | 2, weak: string[]): Proposal {
  const o = tunnel.options;
  const ciphers = known(phase === 1 ? o.phase1Encryption : o.phase2Encryption, cipherOf);
  const integrities = known(phase === 1 ? o.phase1Integrity : o.phase2Integrity, integrityOf);
  const groups = phase === 1 ? o.phase1DhGroups : o.phase2DhGroups;
  const cipher = pick(ciphers, CIPHER_PREFERENCE, FALLBACK_CIPHERS, isWeakEncryption);
  const aead = cipher.value.endsWith("gcm16");
  const integrity = pick(integrities, INTEGRITY_PREFERENCE, FALLBACK_INTEGRITY, isWeakIntegrity);
  // An empty phase 2 group list is the provider saying "no PFS".
  const noPfs = phase === 2 && (o.pfsEnabled === false || (groups !== undefined && groups.length === 0));
  const group = noPfs
    ? null
    : pick(
        groups,
        DH_PREFERENCE,
        [...(groups ?? [])].sort((a, b) => b - a),
        isWeakDhGroup,
      );
  const where = `tunnel ${tunnel.index} phase ${phase}`;
  if (cipher.weak) weak.push(`${where}: ${cipher.value}`);
  if (integrity.weak && !(phase === 2 && aead)) weak.push(`${where}: ${integrity.value}`);
  if (group?.weak) weak.push(`${where}: DH group ${group.value}`);
  return {
    cipher: cipher.value,
    integrity: phase === 2 && aead ? null : integrity.value,
    dhGroup: group ? group.value : null,
  };
}

/** The provider's id cut to its last eight letters and digits, upper case: vpn-0a1b2c3d4e5f60718 -> E5F60718. */
export function connectionTag(externalId: string): string {
  const alnum = externalId.replace(/[^A-Za-z0-9]/g, "");
  return (alnum.slice(-8) || "conn").toUpperCase();
}

/** The /30 (or /29, /126...) of a route-based tunnel: the provider takes the first host, the gateway the second. */
export function insideAddresses(cidr: string | null | undefined): TunnelPlan["inside"] {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr ?? "");
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((o) => o > 255) || prefixLength > 30) return null;
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  const network = address - (address % 2 ** (32 - prefixLength));
  const dotted = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
  return {
    cidr: `${dotted(network)}/${prefixLength}`,
    providerIp: dotted(network + 1),
    gatewayIp: dotted(network + 2),
    prefixLength,
  };
}

/** The IKE version a tunnel runs: the only one it allows, else the one the gateway is said to use, else IKEv2. */
function tunnelIkeVersion(tunnel: NormalizedTunnel, stated: IkeVersion | undefined): IkeVersion {
  const versions = tunnel.options.ikeVersions ?? [];
  if (versions.length === 1) return versions[0] as IkeVersion;
  return stated ?? "ikev2";
}

export interface PlanOptions {
  /** The first tunnel interface number to use (Tunnel, st0 unit, XFRM if_id); default 1. */
  firstUnit?: number;
}

export function planGatewayConfig(connection: NormalizedConnection, options: PlanOptions = {}): GatewayPlan {
  const notes: string[] = [];
  const firstUnit = options.firstUnit ?? 1;
  const stated = connection.customerGateway?.ikeVersion;
  const ikeVersion = negotiatedIkeVersion(
    connection.tunnels.map((t) => t.options.ikeVersions),
    stated,
  );
  const rec = recommendedParameters(connection.provider, ikeVersion);

  const weak: string[] = [];
  const tunnels: TunnelPlan[] = [];
  for (const tunnel of [...connection.tunnels].sort((a, b) => a.index - b.index)) {
    if (!tunnel.outsideIp) {
      notes.push(`Tunnel ${tunnel.index} has no outside IP yet (still being provisioned): it is left out.`);
      continue;
    }
    // Each tunnel's own lifetimes where they bind both peers (AWS: the gateway may go lower, not
    // higher; Alibaba: the same on both); MuleSoft's recommendation is for the gateway itself.
    const own = rec.appliesTo === "customer-gateway" ? {} : tunnel.options;
    tunnels.push({
      index: tunnel.index,
      unit: firstUnit + tunnels.length,
      providerOutsideIp: tunnel.outsideIp,
      inside: insideAddresses(tunnel.insideCidr),
      ikeVersion: tunnelIkeVersion(tunnel, stated),
      phase1: proposal(tunnel, 1, weak),
      phase2: proposal(tunnel, 2, weak),
      phase1LifetimeSec: own.phase1LifetimeSec ?? rec.phase1LifetimeSec,
      phase2LifetimeSec: own.phase2LifetimeSec ?? rec.phase2LifetimeSec,
    });
  }
  if (connection.tunnels.some((t) => t.options.ikeMode === "aggressive")) {
    notes.push(
      "The provider side uses IKEv1 aggressive mode: set the gateway to aggressive mode too, or better move both to IKEv2.",
    );
  }
  if (connection.customerGateway?.behindNat) {
    notes.push(
      "The gateway is behind NAT: it binds IKE to its private address (<private-wan-address>) and keeps its public address as its identity; NAT traversal (UDP 4500) must pass.",
    );
  }
  if (weak.length > 0) {
    notes.push(
      `The provider side accepts only weak proposals (${weak.join("; ")}): they are used so the tunnels come up. Change the provider's tunnel options to AES-256, SHA-256 and DH group 14 or higher, then this configuration (WEAK_CRYPTO).`,
    );
  }
  if (tunnels.some((t) => t.ikeVersion === "ikev1")) {
    notes.push("A tunnel allows IKEv1 only: allow IKEv2 on the provider side and use it (IKEV1_IN_USE).");
  }
  if (tunnels.some((t) => t.phase2.dhGroup === null)) {
    notes.push("The provider side runs phase 2 without PFS: turn PFS on with DH group 14 on both peers.");
  }
  if (!connection.customerGatewayIp) {
    notes.push(
      "The provider does not report the customer gateway's public address: fill in <customer-gateway-public-ip>.",
    );
  }
  if (connection.provider === "alibaba" && connection.routing === "bgp") {
    notes.push(
      "Alibaba Cloud: the VPN gateway's BGP address is the one set on the IPsec connection (LocalBgpIp); the first host of the tunnel CIDR is assumed.",
    );
  }
  // A policy-based static connection negotiates its encryption domains; the provider's local
  // network is the gateway's remote one.
  const selectors =
    connection.routing === "static"
      ? (connection.encryptionDomains ?? [])
          .filter((d) => !(isAnyNetwork(d.local) && isAnyNetwork(d.remote)))
          .map((d) => ({ local: d.remote, remote: d.local }))
      : [];
  if (connection.routing === "static" && selectors.length === 0) {
    notes.push(
      "Static routing: route the cloud network's prefixes (<cloud-cidr>) into both tunnels, the second with a higher metric.",
    );
  }
  notes.push("Pre-shared keys are never read from the provider: fill in each tunnel's from its console.");

  return {
    connectionName: connection.name || connection.externalId,
    externalId: connection.externalId,
    provider: connection.provider,
    tag: connectionTag(connection.externalId),
    gatewayPublicIp: connection.customerGatewayIp ?? null,
    behindNat: connection.customerGateway?.behindNat === true,
    routing: connection.routing,
    providerAsn: connection.localAsn ?? null,
    gatewayAsn: connection.remoteAsn ?? null,
    dpdIntervalSec: rec.dpdIntervalSec,
    dpdTimeoutSec: rec.dpdTimeoutSec,
    dpdRetries: Math.max(1, Math.round(rec.dpdTimeoutSec / rec.dpdIntervalSec)),
    selectors,
    tunnels,
    notes,
  };
}
