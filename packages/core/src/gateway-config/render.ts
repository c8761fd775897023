// A GatewayPlan as each customer gateway's configuration: strongSwan's swanctl.conf (with the
// XFRM interfaces and FRR for BGP), Cisco IOS (IKEv2 or ISAKMP, VTI) and Juniper SRX set commands.
import type { Cipher, GatewayPlan, Integrity, Proposal, TunnelPlan } from "./parameters.ts";
import { BGP_TIMERS } from "./parameters.ts";

export const GATEWAY_CONFIG_VENDORS = ["strongswan", "cisco-ios", "juniper-srx"] as const;
export type GatewayConfigVendor = (typeof GATEWAY_CONFIG_VENDORS)[number];

export const GATEWAY_CONFIG_VENDOR_LABELS: Record<GatewayConfigVendor, string> = {
  strongswan: "strongSwan (swanctl.conf)",
  "cisco-ios": "Cisco IOS / IOS XE",
  "juniper-srx": "Juniper SRX",
};

export function isGatewayConfigVendor(value: string): value is GatewayConfigVendor {
  return (GATEWAY_CONFIG_VENDORS as readonly string[]).includes(value);
}

const GATEWAY_IP = "<customer-gateway-public-ip>";
const psk = (t: TunnelPlan) => `<pre-shared-key-of-tunnel-${t.index}>`;
const gatewayIp = (plan: GatewayPlan) => plan.gatewayPublicIp ?? GATEWAY_IP;
const gatewayAsn = (plan: GatewayPlan) =>
  plan.gatewayAsn === null ? "<customer-gateway-asn>" : String(plan.gatewayAsn);
const providerAsn = (plan: GatewayPlan) => (plan.providerAsn === null ? "<provider-asn>" : String(plan.providerAsn));
const netmask = (prefixLength: number) =>
  [24, 16, 8, 0].map((shift) => Math.floor((2 ** 32 - 2 ** (32 - prefixLength)) / 2 ** shift) % 256).join(".");

const named = (plan: GatewayPlan) =>
  plan.connectionName === plan.externalId ? plan.externalId : `${plan.connectionName} (${plan.externalId})`;

function header(plan: GatewayPlan, comment: string): string[] {
  return [
    `${comment} Tunnelwatch: customer gateway configuration for ${named(plan)}, ${plan.provider}`,
    `${comment} Lifetimes ${plan.phase1LifetimeSec} s / ${plan.phase2LifetimeSec} s, DPD every ${plan.dpdIntervalSec} s (the peer dead after ${plan.dpdTimeoutSec} s), the gateway initiates.`,
    ...plan.notes.map((note) => `${comment} Note: ${note}`),
    "",
  ];
}

// --- strongSwan (swanctl.conf) ---------------------------------------------------------------

const STRONGSWAN_GROUPS: Record<number, string> = {
  1: "modp768",
  2: "modp1024",
  5: "modp1536",
  14: "modp2048",
  15: "modp3072",
  16: "modp4096",
  17: "modp6144",
  18: "modp8192",
  19: "ecp256",
  20: "ecp384",
  21: "ecp521",
  22: "modp1024s160",
  23: "modp2048s224",
  24: "modp2048s256",
};

function strongswanProposal(p: Proposal, phase: 1 | 2): string {
  const parts: string[] = [p.cipher];
  // An AEAD IKE proposal names its PRF instead of an integrity algorithm.
  if (p.integrity) parts.push(phase === 1 && p.cipher.endsWith("gcm16") ? `prf${p.integrity}` : p.integrity);
  if (p.dhGroup !== null) parts.push(STRONGSWAN_GROUPS[p.dhGroup] ?? `dh${p.dhGroup}`);
  return parts.join("-");
}

function strongswan(plan: GatewayPlan): string {
  const name = (t: TunnelPlan) => `tunnel${t.index}`;
  const lines = header(plan, "#");
  lines.push("connections {");
  for (const t of plan.tunnels) {
    const selectors = plan.selectors.length > 0 ? plan.selectors : [{ local: "0.0.0.0/0", remote: "0.0.0.0/0" }];
    lines.push(
      `  ${name(t)} {`,
      `    version = ${t.ikeVersion === "ikev2" ? 2 : 1}`,
      `    local_addrs = ${gatewayIp(plan)}`,
      `    remote_addrs = ${t.providerOutsideIp}`,
      `    proposals = ${strongswanProposal(t.phase1, 1)}`,
      `    rekey_time = ${plan.phase1LifetimeSec}s`,
      `    dpd_delay = ${plan.dpdIntervalSec}s`,
      ...(t.ikeVersion === "ikev1" ? [`    dpd_timeout = ${plan.dpdTimeoutSec}s`] : []),
      "    local {",
      "      auth = psk",
      `      id = ${gatewayIp(plan)}`,
      "    }",
      "    remote {",
      "      auth = psk",
      `      id = ${t.providerOutsideIp}`,
      "    }",
      "    children {",
      `      ${name(t)} {`,
      `        local_ts = ${[...new Set(selectors.map((s) => s.local))].join(", ")}`,
      `        remote_ts = ${[...new Set(selectors.map((s) => s.remote))].join(", ")}`,
      `        esp_proposals = ${strongswanProposal(t.phase2, 2)}`,
      `        rekey_time = ${plan.phase2LifetimeSec}s`,
      "        dpd_action = restart",
      "        start_action = start",
      "        close_action = restart",
      ...(plan.selectors.length === 0 ? [`        if_id_in = ${t.index}`, `        if_id_out = ${t.index}`] : []),
      "      }",
      "    }",
      "  }",
    );
  }
  lines.push("}", "", "secrets {");
  for (const t of plan.tunnels) {
    lines.push(`  ike-${name(t)} {`, `    id = ${t.providerOutsideIp}`, `    secret = "${psk(t)}"`, "  }");
  }
  lines.push("}");
  if (plan.tunnels.some((t) => t.ikeVersion === "ikev2")) {
    lines.push(
      "",
      "# IKEv2 declares a peer dead when its DPD probe goes unanswered after charon's retransmissions:",
      "# strongswan.conf charon { retransmit_tries = 3 } makes that about 15 s instead of about 165 s.",
    );
  }
  if (plan.selectors.length === 0) {
    lines.push("", "# Route-based: one XFRM interface per tunnel (if_id above).");
    for (const t of plan.tunnels) {
      lines.push(`# ip link add xfrm${t.index} type xfrm dev <wan-interface> if_id ${t.index}`);
      if (t.inside) lines.push(`# ip address add ${t.inside.gatewayIp}/${t.inside.prefixLength} dev xfrm${t.index}`);
      lines.push(`# ip link set xfrm${t.index} up mtu 1399`);
    }
  }
  if (plan.routing === "bgp") {
    lines.push("", "# FRR (vtysh -c 'configure terminal' ...):", `# router bgp ${gatewayAsn(plan)}`);
    for (const t of plan.tunnels) {
      const neighbor = t.inside?.providerIp ?? `<provider-inside-ip-of-tunnel-${t.index}>`;
      lines.push(
        `#  neighbor ${neighbor} remote-as ${providerAsn(plan)}`,
        `#  neighbor ${neighbor} timers ${BGP_TIMERS.keepaliveSec} ${BGP_TIMERS.holdSec}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

// --- Cisco IOS / IOS XE -----------------------------------------------------------------------

const IOS_IKEV2_CIPHER: Record<Cipher, string> = {
  aes256: "aes-cbc-256",
  aes128: "aes-cbc-128",
  aes192: "aes-cbc-192",
  aes256gcm16: "aes-gcm-256",
  aes128gcm16: "aes-gcm-128",
  "3des": "3des",
  des: "des",
  sm4: "sm4",
};
const IOS_ISAKMP_CIPHER: Record<Cipher, string> = {
  aes256: "aes 256",
  aes128: "aes 128",
  aes192: "aes 192",
  aes256gcm16: "aes 256",
  aes128gcm16: "aes 128",
  "3des": "3des",
  des: "des",
  sm4: "sm4",
};
const IOS_ESP_CIPHER: Record<Cipher, string> = {
  aes256: "esp-aes 256",
  aes128: "esp-aes 128",
  aes192: "esp-aes 192",
  aes256gcm16: "esp-gcm 256",
  aes128gcm16: "esp-gcm 128",
  "3des": "esp-3des",
  des: "esp-des",
  sm4: "esp-sm4",
};
const IOS_ESP_INTEGRITY: Record<Integrity, string> = {
  sha256: "esp-sha256-hmac",
  sha384: "esp-sha384-hmac",
  sha512: "esp-sha512-hmac",
  sha1: "esp-sha-hmac",
  md5: "esp-md5-hmac",
  sm3: "esp-sm3-hmac",
};
const IOS_ISAKMP_HASH: Record<Integrity, string> = {
  sha256: "sha256",
  sha384: "sha384",
  sha512: "sha512",
  sha1: "sha",
  md5: "md5",
  sm3: "sm3",
};

/** IOS retries an unanswered DPD probe five times, this many seconds apart: dead after the plan's timeout. */
function iosRetryIntervalSec(plan: GatewayPlan): number {
  return Math.max(2, Math.round((plan.dpdTimeoutSec - plan.dpdIntervalSec) / 5));
}

function ciscoIos(plan: GatewayPlan): string {
  const lines = header(plan, "!");
  for (const t of plan.tunnels) {
    const n = t.index;
    if (t.ikeVersion === "ikev2") {
      lines.push(
        `crypto ikev2 proposal TW-PROPOSAL-${n}`,
        ` encryption ${IOS_IKEV2_CIPHER[t.phase1.cipher]}`,
        ...(t.phase1.cipher.endsWith("gcm16") ? [` prf ${t.phase1.integrity}`] : [` integrity ${t.phase1.integrity}`]),
        ` group ${t.phase1.dhGroup}`,
        `crypto ikev2 policy TW-POLICY-${n}`,
        ` match address local <wan-interface-address>`,
        ` proposal TW-PROPOSAL-${n}`,
        `crypto ikev2 keyring TW-KEYRING-${n}`,
        ` peer TUNNEL${n}`,
        `  address ${t.providerOutsideIp}`,
        `  pre-shared-key ${psk(t)}`,
        `crypto ikev2 profile TW-IKEV2-${n}`,
        ` match identity remote address ${t.providerOutsideIp} 255.255.255.255`,
        ` identity local address ${gatewayIp(plan)}`,
        " authentication remote pre-share",
        " authentication local pre-share",
        ` keyring local TW-KEYRING-${n}`,
        ` lifetime ${plan.phase1LifetimeSec}`,
        ` dpd ${plan.dpdIntervalSec} ${iosRetryIntervalSec(plan)} periodic`,
      );
    } else {
      lines.push(
        `crypto isakmp policy ${200 + n}`,
        ` encryption ${IOS_ISAKMP_CIPHER[t.phase1.cipher]}`,
        ` hash ${IOS_ISAKMP_HASH[t.phase1.integrity ?? "sha256"]}`,
        " authentication pre-share",
        ` group ${t.phase1.dhGroup}`,
        ` lifetime ${plan.phase1LifetimeSec}`,
        `crypto keyring TW-KEYRING-${n}`,
        ` local-address <wan-interface>`,
        ` pre-shared-key address ${t.providerOutsideIp} key ${psk(t)}`,
        `crypto isakmp profile TW-ISAKMP-${n}`,
        ` keyring TW-KEYRING-${n}`,
        ` match identity address ${t.providerOutsideIp} 255.255.255.255`,
        ` keepalive ${plan.dpdIntervalSec} retry ${iosRetryIntervalSec(plan)}`,
      );
    }
    const esp = [
      IOS_ESP_CIPHER[t.phase2.cipher],
      ...(t.phase2.integrity ? [IOS_ESP_INTEGRITY[t.phase2.integrity]] : []),
    ];
    lines.push(
      `crypto ipsec transform-set TW-TRANSFORM-${n} ${esp.join(" ")}`,
      " mode tunnel",
      `crypto ipsec profile TW-IPSEC-${n}`,
      ` set transform-set TW-TRANSFORM-${n}`,
      ...(t.phase2.dhGroup === null ? [] : [` set pfs group${t.phase2.dhGroup}`]),
      ` set security-association lifetime seconds ${plan.phase2LifetimeSec}`,
      t.ikeVersion === "ikev2" ? ` set ikev2-profile TW-IKEV2-${n}` : ` set isakmp-profile TW-ISAKMP-${n}`,
      `interface Tunnel${n}`,
      t.inside
        ? ` ip address ${t.inside.gatewayIp} ${netmask(t.inside.prefixLength)}`
        : " ip unnumbered <wan-interface>",
      " ip mtu 1399",
      " ip tcp adjust-mss 1379",
      " tunnel source <wan-interface>",
      " tunnel mode ipsec ipv4",
      ` tunnel destination ${t.providerOutsideIp}`,
      ` tunnel protection ipsec profile TW-IPSEC-${n}`,
      "!",
    );
  }
  if (plan.routing === "bgp") {
    lines.push(`router bgp ${gatewayAsn(plan)}`);
    for (const t of plan.tunnels) {
      const neighbor = t.inside?.providerIp ?? `<provider-inside-ip-of-tunnel-${t.index}>`;
      lines.push(
        ` neighbor ${neighbor} remote-as ${providerAsn(plan)}`,
        ` neighbor ${neighbor} timers ${BGP_TIMERS.keepaliveSec} ${BGP_TIMERS.holdSec} ${BGP_TIMERS.holdSec}`,
      );
    }
    lines.push(" address-family ipv4 unicast");
    for (const t of plan.tunnels) {
      lines.push(`  neighbor ${t.inside?.providerIp ?? `<provider-inside-ip-of-tunnel-${t.index}>`} activate`);
    }
    lines.push(" exit-address-family");
  } else {
    for (const t of plan.tunnels) {
      lines.push(`ip route <cloud-cidr> <cloud-netmask> Tunnel${t.index}${t.index > 1 ? ` ${t.index * 10}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

// --- Juniper SRX ----------------------------------------------------------------------------

const SRX_CIPHER: Record<Cipher, string> = {
  aes256: "aes-256-cbc",
  aes128: "aes-128-cbc",
  aes192: "aes-192-cbc",
  aes256gcm16: "aes-256-gcm",
  aes128gcm16: "aes-128-gcm",
  "3des": "3des-cbc",
  des: "des-cbc",
  sm4: "sm4",
};
const SRX_IKE_AUTH: Record<Integrity, string> = {
  sha256: "sha-256",
  sha384: "sha-384",
  sha512: "sha-512",
  sha1: "sha1",
  md5: "md5",
  sm3: "sm3",
};
const SRX_ESP_AUTH: Record<Integrity, string> = {
  sha256: "hmac-sha-256-128",
  sha384: "hmac-sha-384",
  sha512: "hmac-sha-512",
  sha1: "hmac-sha1-96",
  md5: "hmac-md5-96",
  sm3: "hmac-sm3",
};

function juniperSrx(plan: GatewayPlan): string {
  const lines = header(plan, "#");
  for (const t of plan.tunnels) {
    const n = t.index;
    const ike = `set security ike proposal TW-IKE-PROPOSAL-${n}`;
    const gw = `set security ike gateway TW-GATEWAY-${n}`;
    const esp = `set security ipsec proposal TW-IPSEC-PROPOSAL-${n}`;
    const vpn = `set security ipsec vpn TW-VPN-${n}`;
    lines.push(
      `${ike} authentication-method pre-shared-keys`,
      `${ike} dh-group group${t.phase1.dhGroup}`,
      ...(t.phase1.cipher.endsWith("gcm16")
        ? []
        : [`${ike} authentication-algorithm ${SRX_IKE_AUTH[t.phase1.integrity ?? "sha256"]}`]),
      `${ike} encryption-algorithm ${SRX_CIPHER[t.phase1.cipher]}`,
      `${ike} lifetime-seconds ${plan.phase1LifetimeSec}`,
      `set security ike policy TW-IKE-POLICY-${n} proposals TW-IKE-PROPOSAL-${n}`,
      `set security ike policy TW-IKE-POLICY-${n} pre-shared-key ascii-text "${psk(t)}"`,
      `${gw} ike-policy TW-IKE-POLICY-${n}`,
      `${gw} address ${t.providerOutsideIp}`,
      `${gw} dead-peer-detection interval ${plan.dpdIntervalSec}`,
      `${gw} dead-peer-detection threshold ${plan.dpdRetries}`,
      `${gw} external-interface <wan-interface>`,
      `${gw} local-identity inet ${gatewayIp(plan)}`,
      `${gw} version ${t.ikeVersion === "ikev2" ? "v2-only" : "v1-only"}`,
      `${esp} protocol esp`,
      ...(t.phase2.integrity ? [`${esp} authentication-algorithm ${SRX_ESP_AUTH[t.phase2.integrity]}`] : []),
      `${esp} encryption-algorithm ${SRX_CIPHER[t.phase2.cipher]}`,
      `${esp} lifetime-seconds ${plan.phase2LifetimeSec}`,
      ...(t.phase2.dhGroup === null
        ? []
        : [`set security ipsec policy TW-IPSEC-POLICY-${n} perfect-forward-secrecy keys group${t.phase2.dhGroup}`]),
      `set security ipsec policy TW-IPSEC-POLICY-${n} proposals TW-IPSEC-PROPOSAL-${n}`,
      `${vpn} bind-interface st0.${n}`,
      `${vpn} ike gateway TW-GATEWAY-${n}`,
      `${vpn} ike ipsec-policy TW-IPSEC-POLICY-${n}`,
      ...plan.selectors.map((s, i) => `${vpn} traffic-selector TS${i + 1} local-ip ${s.local} remote-ip ${s.remote}`),
      `${vpn} establish-tunnels immediately`,
      t.inside
        ? `set interfaces st0 unit ${n} family inet address ${t.inside.gatewayIp}/${t.inside.prefixLength}`
        : `set interfaces st0 unit ${n} family inet`,
      `set interfaces st0 unit ${n} family inet mtu 1436`,
      `set security zones security-zone <vpn-zone> interfaces st0.${n}`,
      "",
    );
  }
  lines.push(
    "set security flow tcp-mss ipsec-vpn mss 1379",
    "set security zones security-zone <wan-zone> host-inbound-traffic system-services ike",
  );
  if (plan.routing === "bgp") {
    const group = "set protocols bgp group TW-EBGP";
    lines.push(
      "set security zones security-zone <vpn-zone> host-inbound-traffic protocols bgp",
      `${group} type external`,
      `${group} peer-as ${providerAsn(plan)}`,
      `${group} hold-time ${BGP_TIMERS.holdSec}`,
    );
    for (const t of plan.tunnels) {
      lines.push(`${group} neighbor ${t.inside?.providerIp ?? `<provider-inside-ip-of-tunnel-${t.index}>`}`);
    }
    lines.push(`set routing-options autonomous-system ${gatewayAsn(plan)}`);
  } else if (plan.selectors.length === 0) {
    for (const t of plan.tunnels) {
      lines.push(
        `set routing-options static route <cloud-cidr> qualified-next-hop st0.${t.index}${t.index > 1 ? ` preference ${t.index * 5}` : ""}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

export function renderGatewayConfig(plan: GatewayPlan, vendor: GatewayConfigVendor): string {
  switch (vendor) {
    case "strongswan":
      return strongswan(plan);
    case "cisco-ios":
      return ciscoIos(plan);
    case "juniper-srx":
      return juniperSrx(plan);
  }
}
