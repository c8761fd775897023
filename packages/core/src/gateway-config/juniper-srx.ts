// Juniper SRX: set commands for IKE and IPsec per tunnel, bound to st0 units (route-based, with
// traffic selectors for a policy-based connection), and BGP with an export policy or static routes.
import type { Cipher, GatewayPlan, Integrity } from "./parameters.ts";
import { BGP_TIMERS } from "./parameters.ts";
import { gatewayAsn, gatewayIp, header, neighbor, ON_PREM_CIDR, providerAsn, psk } from "./text.ts";

const CIPHER: Record<Cipher, string> = {
  aes256: "aes-256-cbc",
  aes128: "aes-128-cbc",
  aes192: "aes-192-cbc",
  aes256gcm16: "aes-256-gcm",
  aes128gcm16: "aes-128-gcm",
  "3des": "3des-cbc",
  des: "des-cbc",
  sm4: "sm4",
};
const IKE_AUTH: Record<Integrity, string> = {
  sha256: "sha-256",
  sha384: "sha-384",
  sha512: "sha-512",
  sha1: "sha1",
  md5: "md5",
  sm3: "sm3",
};
const ESP_AUTH: Record<Integrity, string> = {
  sha256: "hmac-sha-256-128",
  sha384: "hmac-sha-384",
  sha512: "hmac-sha-512",
  sha1: "hmac-sha1-96",
  md5: "hmac-md5-96",
  sm3: "hmac-sm3",
};

export function juniperSrx(plan: GatewayPlan): string {
  const lines = header(plan, "#");
  if (plan.tunnels.length === 0) return `${lines.join("\n")}\n`;
  for (const t of plan.tunnels) {
    const name = (object: string) => `TW-${plan.tag}-${object}-${t.index}`;
    const ike = `set security ike proposal ${name("IKE-PROPOSAL")}`;
    const gw = `set security ike gateway ${name("GATEWAY")}`;
    const esp = `set security ipsec proposal ${name("IPSEC-PROPOSAL")}`;
    const vpn = `set security ipsec vpn ${name("VPN")}`;
    lines.push(
      `${ike} authentication-method pre-shared-keys`,
      `${ike} dh-group group${t.phase1.dhGroup}`,
      // An AEAD IKE proposal carries no separate authentication algorithm.
      ...(t.phase1.cipher.endsWith("gcm16")
        ? []
        : [`${ike} authentication-algorithm ${IKE_AUTH[t.phase1.integrity ?? "sha256"]}`]),
      `${ike} encryption-algorithm ${CIPHER[t.phase1.cipher]}`,
      `${ike} lifetime-seconds ${t.phase1LifetimeSec}`,
      `set security ike policy ${name("IKE-POLICY")} proposals ${name("IKE-PROPOSAL")}`,
      `set security ike policy ${name("IKE-POLICY")} pre-shared-key ascii-text "${psk(t)}"`,
      `${gw} ike-policy ${name("IKE-POLICY")}`,
      `${gw} address ${t.providerOutsideIp}`,
      `${gw} dead-peer-detection interval ${plan.dpdIntervalSec}`,
      `${gw} dead-peer-detection threshold ${plan.dpdRetries}`,
      `${gw} external-interface <wan-interface>`,
      `${gw} local-identity inet ${gatewayIp(plan)}`,
      `${gw} version ${t.ikeVersion === "ikev2" ? "v2-only" : "v1-only"}`,
      `${esp} protocol esp`,
      ...(t.phase2.integrity ? [`${esp} authentication-algorithm ${ESP_AUTH[t.phase2.integrity]}`] : []),
      `${esp} encryption-algorithm ${CIPHER[t.phase2.cipher]}`,
      `${esp} lifetime-seconds ${t.phase2LifetimeSec}`,
      ...(t.phase2.dhGroup === null
        ? []
        : [`set security ipsec policy ${name("IPSEC-POLICY")} perfect-forward-secrecy keys group${t.phase2.dhGroup}`]),
      `set security ipsec policy ${name("IPSEC-POLICY")} proposals ${name("IPSEC-PROPOSAL")}`,
      `${vpn} bind-interface st0.${t.unit}`,
      `${vpn} ike gateway ${name("GATEWAY")}`,
      `${vpn} ike ipsec-policy ${name("IPSEC-POLICY")}`,
      ...plan.selectors.map((s, i) => `${vpn} traffic-selector TS${i + 1} local-ip ${s.local} remote-ip ${s.remote}`),
      `${vpn} establish-tunnels immediately`,
      t.inside
        ? `set interfaces st0 unit ${t.unit} family inet address ${t.inside.gatewayIp}/${t.inside.prefixLength}`
        : `set interfaces st0 unit ${t.unit} family inet`,
      `set interfaces st0 unit ${t.unit} family inet mtu 1436`,
      `set security zones security-zone <vpn-zone> interfaces st0.${t.unit}`,
      "",
    );
  }
  lines.push(
    "set security flow tcp-mss ipsec-vpn mss 1379",
    "set security zones security-zone <wan-zone> host-inbound-traffic system-services ike",
  );
  if (plan.routing === "bgp") {
    const group = `set protocols bgp group TW-${plan.tag}-EBGP`;
    const policy = `set policy-options policy-statement TW-${plan.tag}-EXPORT`;
    lines.push(
      "set security zones security-zone <vpn-zone> host-inbound-traffic protocols bgp",
      `${policy} term on-prem from route-filter ${ON_PREM_CIDR} exact`,
      `${policy} term on-prem then accept`,
      `${policy} term rest then reject`,
      `${group} type external`,
      `${group} peer-as ${providerAsn(plan)}`,
      `${group} hold-time ${BGP_TIMERS.holdSec}`,
      `${group} export TW-${plan.tag}-EXPORT`,
      ...plan.tunnels.map((t) => `${group} neighbor ${neighbor(t)}`),
      `set routing-options autonomous-system ${gatewayAsn(plan)}`,
    );
  } else if (plan.selectors.length === 0) {
    for (const t of plan.tunnels) {
      lines.push(
        `set routing-options static route <cloud-cidr> qualified-next-hop st0.${t.unit}${t.index > 1 ? ` preference ${5 * t.index}` : ""}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
