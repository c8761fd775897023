// strongSwan: swanctl.conf (one IKE connection per tunnel, route-based over XFRM interfaces or
// policy-based with one child per encryption domain), the XFRM interfaces and FRR for BGP.
import type { GatewayPlan, Proposal, TunnelPlan } from "./parameters.ts";
import { BGP_TIMERS } from "./parameters.ts";
import { gatewayAsn, gatewayIp, header, ikeAddress, neighbor, ON_PREM_CIDR, providerAsn, psk } from "./text.ts";

const GROUPS: Record<number, string> = {
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

function proposal(p: Proposal, phase: 1 | 2): string {
  const parts: string[] = [p.cipher];
  // An AEAD IKE proposal names its PRF instead of an integrity algorithm.
  if (p.integrity) parts.push(phase === 1 && p.cipher.endsWith("gcm16") ? `prf${p.integrity}` : p.integrity);
  if (p.dhGroup !== null) parts.push(GROUPS[p.dhGroup] ?? `dh${p.dhGroup}`);
  return parts.join("-");
}

function children(plan: GatewayPlan, t: TunnelPlan, name: string): string[] {
  // Route-based: any to any into the XFRM interface. Policy-based: one child per encryption
  // domain, so no pair is proposed that the provider does not have; the same domains cannot be
  // up on two tunnels at once, so the tunnels after the first stand by.
  const isPolicy = plan.selectors.length > 0;
  const isStandby = isPolicy && t !== plan.tunnels[0];
  const pairs = isPolicy ? plan.selectors : [{ local: "0.0.0.0/0", remote: "0.0.0.0/0" }];
  return pairs.flatMap((pair, i) => [
    `      ${pairs.length > 1 ? `${name}-${i + 1}` : name} {`,
    `        local_ts = ${pair.local}`,
    `        remote_ts = ${pair.remote}`,
    `        esp_proposals = ${proposal(t.phase2, 2)}`,
    `        rekey_time = ${t.phase2LifetimeSec}s`,
    "        dpd_action = restart",
    "        close_action = restart",
    ...(isStandby
      ? [
          `        # standby: swanctl --initiate --child <child> when tunnel ${plan.tunnels[0]?.index} fails`,
          "        start_action = none",
        ]
      : ["        start_action = start"]),
    ...(isPolicy ? [] : [`        if_id_in = ${t.unit}`, `        if_id_out = ${t.unit}`]),
    "      }",
  ]);
}

export function strongswan(plan: GatewayPlan): string {
  const name = (t: TunnelPlan) => `tw-${plan.tag.toLowerCase()}-${t.index}`;
  const lines = header(plan, "#");
  if (plan.tunnels.length === 0) return `${lines.join("\n")}\n`;
  lines.push("connections {");
  for (const t of plan.tunnels) {
    lines.push(
      `  ${name(t)} {`,
      `    version = ${t.ikeVersion === "ikev2" ? 2 : 1}`,
      `    local_addrs = ${ikeAddress(plan)}`,
      `    remote_addrs = ${t.providerOutsideIp}`,
      `    proposals = ${proposal(t.phase1, 1)}`,
      `    rekey_time = ${t.phase1LifetimeSec}s`,
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
      ...children(plan, t, name(t)),
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
      "# IKEv2 declares a peer dead when a DPD probe stays unanswered through charon's retransmissions",
      "# (about 165 s with the defaults). In strongswan.conf, for every connection of this gateway:",
      "#   charon { retransmit_tries = 3  retransmit_timeout = 2.0  retransmit_base = 1.8 }",
      "# makes it about 24 s.",
    );
  }
  if (plan.selectors.length === 0) {
    lines.push("", "# Route-based: one XFRM interface per tunnel (if_id above).");
    for (const t of plan.tunnels) {
      lines.push(`# ip link add xfrm${t.unit} type xfrm dev <wan-interface> if_id ${t.unit}`);
      if (t.inside) lines.push(`# ip address add ${t.inside.gatewayIp}/${t.inside.prefixLength} dev xfrm${t.unit}`);
      lines.push(`# ip link set xfrm${t.unit} up mtu 1399`);
    }
  }
  if (plan.routing === "bgp") {
    lines.push(
      "",
      "# FRR (vtysh: configure terminal):",
      `# router bgp ${gatewayAsn(plan)}`,
      // FRR sends and accepts nothing over eBGP without a policy unless told otherwise.
      "#  no bgp ebgp-requires-policy",
    );
    for (const t of plan.tunnels) {
      lines.push(
        `#  neighbor ${neighbor(t)} remote-as ${providerAsn(plan)}`,
        `#  neighbor ${neighbor(t)} timers ${BGP_TIMERS.keepaliveSec} ${BGP_TIMERS.holdSec}`,
      );
    }
    lines.push("#  address-family ipv4 unicast", `#   network ${ON_PREM_CIDR}`, "#  exit-address-family");
  } else if (plan.selectors.length === 0) {
    lines.push("", "# Static routing: the cloud network into both tunnels, the second as the backup.");
    for (const t of plan.tunnels) {
      lines.push(`# ip route add <cloud-cidr> dev xfrm${t.unit} metric ${100 * t.unit}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
