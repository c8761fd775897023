// Cisco IOS / IOS XE: IKEv2 (or ISAKMP for an IKEv1 tunnel), a VTI per tunnel for a route-based
// connection or a crypto map with an access list per encryption domain for a policy-based one,
// and BGP or static routes.
import type { Cipher, GatewayPlan, Integrity, TunnelPlan } from "./parameters.ts";
import { BGP_TIMERS } from "./parameters.ts";
import {
  addressAndWildcard,
  gatewayAsn,
  gatewayIp,
  header,
  ikeAddress,
  neighbor,
  netmask,
  ON_PREM_CIDR,
  providerAsn,
  psk,
} from "./text.ts";

const IKEV2_CIPHER: Record<Cipher, string> = {
  aes256: "aes-cbc-256",
  aes128: "aes-cbc-128",
  aes192: "aes-cbc-192",
  aes256gcm16: "aes-gcm-256",
  aes128gcm16: "aes-gcm-128",
  "3des": "3des",
  des: "des",
  sm4: "sm4",
};
const ISAKMP_CIPHER: Record<Cipher, string> = {
  aes256: "aes 256",
  aes128: "aes 128",
  aes192: "aes 192",
  aes256gcm16: "aes 256",
  aes128gcm16: "aes 128",
  "3des": "3des",
  des: "des",
  sm4: "sm4",
};
const ESP_CIPHER: Record<Cipher, string> = {
  aes256: "esp-aes 256",
  aes128: "esp-aes 128",
  aes192: "esp-aes 192",
  aes256gcm16: "esp-gcm 256",
  aes128gcm16: "esp-gcm 128",
  "3des": "esp-3des",
  des: "esp-des",
  sm4: "esp-sm4",
};
const ESP_INTEGRITY: Record<Integrity, string> = {
  sha256: "esp-sha256-hmac",
  sha384: "esp-sha384-hmac",
  sha512: "esp-sha512-hmac",
  sha1: "esp-sha-hmac",
  md5: "esp-md5-hmac",
  sm3: "esp-sm3-hmac",
};
const ISAKMP_HASH: Record<Integrity, string> = {
  sha256: "sha256",
  sha384: "sha384",
  sha512: "sha512",
  sha1: "sha",
  md5: "md5",
  sm3: "sm3",
};

/** IOS retries an unanswered DPD probe five times, this many seconds apart: dead after the plan's timeout. */
function retryIntervalSec(plan: GatewayPlan): number {
  return Math.max(2, Math.round((plan.dpdTimeoutSec - plan.dpdIntervalSec) / 5));
}

/**
 * IKE for `tunnels` under one keyring and profile: one tunnel for a VTI; every tunnel for a crypto
 * map, whose entry lists them as peers in order.
 */
function ike(plan: GatewayPlan, tunnels: TunnelPlan[], name: (object: string) => string): string[] {
  const first = tunnels[0] as TunnelPlan;
  if (first.ikeVersion === "ikev1") {
    return [
      ...tunnels.flatMap((t) => [
        `crypto isakmp policy ${200 + t.unit}`,
        ` encryption ${ISAKMP_CIPHER[t.phase1.cipher]}`,
        ` hash ${ISAKMP_HASH[t.phase1.integrity ?? "sha256"]}`,
        " authentication pre-share",
        ` group ${t.phase1.dhGroup}`,
        ` lifetime ${t.phase1LifetimeSec}`,
      ]),
      `crypto keyring ${name("KEYRING")}`,
      ` local-address ${ikeAddress(plan)}`,
      ...tunnels.map((t) => ` pre-shared-key address ${t.providerOutsideIp} key ${psk(t)}`),
      `crypto isakmp profile ${name("ISAKMP")}`,
      ` keyring ${name("KEYRING")}`,
      ...tunnels.map((t) => ` match identity address ${t.providerOutsideIp} 255.255.255.255`),
      ` local-address ${ikeAddress(plan)}`,
      ` keepalive ${plan.dpdIntervalSec} retry ${retryIntervalSec(plan)}`,
    ];
  }
  return [
    `crypto ikev2 keyring ${name("KEYRING")}`,
    ...tunnels.flatMap((t) => [
      ` peer TUNNEL${t.index}`,
      `  address ${t.providerOutsideIp}`,
      `  pre-shared-key ${psk(t)}`,
    ]),
    `crypto ikev2 profile ${name("IKEV2")}`,
    ...tunnels.map((t) => ` match identity remote address ${t.providerOutsideIp} 255.255.255.255`),
    ` identity local address ${gatewayIp(plan)}`,
    " authentication remote pre-share",
    " authentication local pre-share",
    ` keyring local ${name("KEYRING")}`,
    ` lifetime ${first.phase1LifetimeSec}`,
    ` dpd ${plan.dpdIntervalSec} ${retryIntervalSec(plan)} periodic`,
  ];
}

/** One IKEv2 policy for the connection's tunnels, with each distinct proposal. */
function ikev2Policy(plan: GatewayPlan, tag: string): string[] {
  const ikev2 = plan.tunnels.filter((t) => t.ikeVersion === "ikev2");
  if (ikev2.length === 0) return [];
  const proposals = new Map<string, string[]>();
  for (const t of ikev2) {
    const body = [
      ` encryption ${IKEV2_CIPHER[t.phase1.cipher]}`,
      t.phase1.cipher.endsWith("gcm16") ? ` prf ${t.phase1.integrity}` : ` integrity ${t.phase1.integrity}`,
      ` group ${t.phase1.dhGroup}`,
    ];
    const key = body.join("\n");
    if (!proposals.has(key)) proposals.set(key, body);
  }
  const names = [...proposals.keys()].map((_, i) => `TW-${tag}-PROPOSAL-${i + 1}`);
  return [
    ...[...proposals.values()].flatMap((body, i) => [`crypto ikev2 proposal ${names[i]}`, ...body]),
    `crypto ikev2 policy TW-${tag}-POLICY`,
    ` match address local ${ikeAddress(plan)}`,
    ...names.map((n) => ` proposal ${n}`),
  ];
}

function transform(t: TunnelPlan, name: (object: string) => string): string[] {
  const esp = [ESP_CIPHER[t.phase2.cipher], ...(t.phase2.integrity ? [ESP_INTEGRITY[t.phase2.integrity]] : [])];
  return [`crypto ipsec transform-set ${name("TRANSFORM")} ${esp.join(" ")}`, " mode tunnel"];
}

function protection(t: TunnelPlan, name: (object: string) => string): string[] {
  return [
    ` set transform-set ${name("TRANSFORM")}`,
    ...(t.phase2.dhGroup === null ? [] : [` set pfs group${t.phase2.dhGroup}`]),
    ` set security-association lifetime seconds ${t.phase2LifetimeSec}`,
    t.ikeVersion === "ikev2" ? ` set ikev2-profile ${name("IKEV2")}` : ` set isakmp-profile ${name("ISAKMP")}`,
  ];
}

function routeBased(t: TunnelPlan, name: (object: string) => string): string[] {
  return [
    `crypto ipsec profile ${name("IPSEC")}`,
    ...protection(t, name),
    `interface Tunnel${t.unit}`,
    t.inside ? ` ip address ${t.inside.gatewayIp} ${netmask(t.inside.prefixLength)}` : " ip unnumbered <wan-interface>",
    " ip mtu 1399",
    " ip tcp adjust-mss 1379",
    " tunnel source <wan-interface>",
    " tunnel mode ipsec ipv4",
    ` tunnel destination ${t.providerOutsideIp}`,
    ` tunnel protection ipsec profile ${name("IPSEC")}`,
  ];
}

/**
 * A policy-based connection: the encryption domains as one access list, in one crypto map entry
 * that lists the tunnels as peers (IOS moves to the next when one stops answering).
 */
function policyBased(plan: GatewayPlan, name: (object: string) => string): string[] {
  const first = plan.tunnels[0] as TunnelPlan;
  const entries = plan.selectors.map((s) => {
    const local = addressAndWildcard(s.local);
    const remote = addressAndWildcard(s.remote);
    return local && remote
      ? ` permit ip ${local[0]} ${local[1]} ${remote[0]} ${remote[1]}`
      : ` permit ip <${s.local}> <${s.remote}>`;
  });
  return [
    ...ike(plan, plan.tunnels, name),
    ...transform(first, name),
    `ip access-list extended ${name("DOMAINS")}`,
    ...entries,
    `crypto map ${name("MAP")} 10 ipsec-isakmp`,
    ...plan.tunnels.map((t) => ` set peer ${t.providerOutsideIp}`),
    ...protection(first, name),
    ` match address ${name("DOMAINS")}`,
    "interface <wan-interface>",
    ` crypto map ${name("MAP")}`,
  ];
}

export function ciscoIos(plan: GatewayPlan): string {
  const tag = plan.tag;
  const lines = header(plan, "!");
  if (plan.tunnels.length === 0) return `${lines.join("\n")}\n`;
  lines.push(...ikev2Policy(plan, tag));
  if (plan.selectors.length > 0) {
    lines.push(...policyBased(plan, (object) => `TW-${tag}-${object}`));
    return `${lines.join("\n")}\n`;
  }
  for (const t of plan.tunnels) {
    const name = (object: string) => `TW-${tag}-${object}-${t.index}`;
    lines.push(...ike(plan, [t], name), ...transform(t, name), ...routeBased(t, name), "!");
  }
  if (plan.routing === "bgp") {
    lines.push(`router bgp ${gatewayAsn(plan)}`);
    for (const t of plan.tunnels) {
      lines.push(
        ` neighbor ${neighbor(t)} remote-as ${providerAsn(plan)}`,
        ` neighbor ${neighbor(t)} timers ${BGP_TIMERS.keepaliveSec} ${BGP_TIMERS.holdSec} ${BGP_TIMERS.holdSec}`,
      );
    }
    lines.push(" address-family ipv4 unicast", `  network ${ON_PREM_CIDR} mask <on-prem-netmask>`);
    for (const t of plan.tunnels) lines.push(`  neighbor ${neighbor(t)} activate`);
    lines.push(" exit-address-family");
  } else {
    for (const t of plan.tunnels) {
      lines.push(`ip route <cloud-cidr> <cloud-netmask> Tunnel${t.unit}${t.index > 1 ? ` ${10 * t.index}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
