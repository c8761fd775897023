// Building blocks shared by the playbook catalog: recommended numbers, references, and steps that
// recur across codes (verify, restart, modify AWS tunnel options). Numbers come from recommended.ts
// so that a change there shows up in every playbook.
import { recommendedParameters } from "../recommended.ts";
import type { Playbook, PlaybookStep } from "./types.ts";

export type Reference = Playbook["references"][number];
export type GatewayVariant = "juniper-srx" | "cisco-asa" | "cisco-ios" | "strongswan";

export const AWS_REC = recommendedParameters("aws", "ikev2");
export const MULE_V2 = recommendedParameters("mulesoft", "ikev2");
export const MULE_V1 = recommendedParameters("mulesoft", "ikev1");
export const ALI_REC = recommendedParameters("alibaba", "ikev2");

/** AWS rekey margins accepted as default: 540 s (console) and 270 s (API). */
export const AWS_REKEY_MARGINS = AWS_REC.rekeyMarginSec.join(" s or ");
/** DPD misses before the peer is declared dead: 30 s / 10 s = 3. */
export const DPD_RETRIES = Math.round(AWS_REC.dpdTimeoutSec / AWS_REC.dpdIntervalSec);

/** Join sentence fragments with spaces: keeps long texts readable in source without long lines. */
export function text(...parts: string[]): string {
  return parts.join(" ");
}

/** Concatenate without separators: for commands (JSON, CLI shorthand) split over several source lines. */
export function cat(...parts: string[]): string {
  return parts.join("");
}

/** Alibaba health check for one tunnel: its destination must answer back through the same tunnel (Alibaba VPN Gateway redundant IPsec guide). */
export function aliHealthCheckCommand(destination: string, vcoId = "<vco-id>"): string {
  return text(
    `aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId ${vcoId}`,
    cat(
      `--HealthCheckConfig '{"enable":"true","dip":"${destination}","sip":"<any-ip-in-vpc-cidr>",`,
      `"interval":"3","retry":"3","Policy":"revoke_route"}'`,
    ),
  );
}

export const REF = {
  muleMaintenance: { title: "Anypoint VPN のメンテナンス (MuleSoft documentation, Anypoint VPN maintenance)" },
  securityHubEc2_20: {
    title: text(
      "【Security Hub修復手順】[EC2.20] AWS Site-to-Site VPN 接続用の VPN トンネルは、両方とも起動している必要があります。",
      "(Classmethod DevelopersIO, 2023-04-05)",
    ),
  },
  alibabaRedundancy: {
    title:
      "VPN GatewayにIPsecで接続: VPN Gatewayに拠点ルータからIPsecで冗長接続してみる (SBC engineer blog, 2020-09-16)",
  },
  awsTunnelInstability: {
    title: "我想解决客户网关设备上的 AWS Site-to-Site VPN 隧道的连接问题 (AWS Knowledge Center)",
    url: "https://aws.amazon.com/premiumsupport/knowledge-center/vpn-tunnel-instability-inactivity/",
  },
  junosRouteBased: { title: "ルートベース IPsec VPN / 例:ルートベース VPN の設定 (Juniper Networks TechLibrary)" },
  awsTunnelOptions: {
    title: "AWS Site-to-Site VPN: tunnel options for your VPN connection",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html",
  },
  awsModifyTunnelApi: {
    title: "Amazon EC2 API Reference: ModifyVpnTunnelOptions",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpnTunnelOptions.html",
  },
  awsInitiation: {
    title: "AWS Site-to-Site VPN tunnel initiation options (startup action, DPD timeout action)",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/initiate-vpn-tunnels.html",
  },
  awsEndpointReplacements: {
    title: "AWS Site-to-Site VPN tunnel endpoint replacements",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/endpoint-replacements.html",
  },
  awsLifecycle: {
    title: "AWS Site-to-Site VPN tunnel endpoint lifecycle control",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/tunnel-endpoint-lifecycle.html",
  },
  awsRoutingUpdates: {
    title: "AWS Site-to-Site VPN: routing during VPN tunnel endpoint updates",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/routing-vpn-tunnel-updates.html",
  },
  awsRoutePriority: {
    title: "Route tables and AWS Site-to-Site VPN route priority",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-route-priority.html",
  },
  awsTunnelPreference: {
    title: "How do I configure my Site-to-Site VPN connection to prefer tunnel A over tunnel B? (AWS re:Post)",
    url: "https://repost.aws/knowledge-center/vpn-configure-tunnel-preference",
  },
  awsFirewallRules: {
    title: "Firewall rules for an AWS Site-to-Site VPN customer gateway device",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/FirewallRules.html",
  },
  awsLogs: {
    title: "AWS Site-to-Site VPN logs",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-logs.html",
  },
  awsConnectionOptions: {
    title: "Modify AWS Site-to-Site VPN connection options (local/remote IPv4 network CIDR)",
    url: "https://docs.aws.amazon.com/vpn/latest/s2svpn/modify-vpn-connection-options.html",
  },
  awsStaticToBgp: {
    title: "Migrate from Static Routing to Dynamic BGP Routing on AWS Site-to-Site VPN (AWS Networking blog)",
    url: cat(
      "https://aws.amazon.com/blogs/networking-and-content-delivery/",
      "migrate-from-static-routing-to-dynamic-bgp-routing-on-aws-site-to-site-vpn/",
    ),
  },
  awsSecurityHubEc2: {
    title: "AWS Security Hub controls for Amazon EC2 (EC2.20, EC2.171, EC2.183)",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html",
  },
  awsConfigIkeVersion: {
    title: "AWS Config managed rule ec2-vpn-connection-ike-version-check",
    url: "https://docs.aws.amazon.com/config/latest/developerguide/ec2-vpn-connection-ike-version-check.html",
  },
  aliModifyConnection: {
    title: "Alibaba Cloud VPN Gateway API: ModifyVpnConnectionAttribute",
    url: "https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute",
  },
  aliRouteWeight: {
    title: "Alibaba Cloud VPN Gateway API: ModifyVpnRouteEntryWeight",
    url: "https://www.alibabacloud.com/help/en/vpc/api-modifyvpnrouteentryweight",
  },
  muleHa: {
    title: "Anypoint VPN 高可用性 (MuleSoft documentation, Anypoint VPN high availability)",
    url: "https://docs.mulesoft.com/jp/cloudhub/vpn-high-availability",
  },
  junosDpd: {
    title: "Junos: dead-peer-detection (security ike gateway)",
    url: "https://juniper.net/documentation/software/junos-es/junos-es93/junos-es-swcmdref/dead-peer-detection.html",
  },
  swanctlConf: {
    title: "strongSwan swanctl.conf reference",
    url: "https://docs.strongswan.org/strongswan-docs/5.9/swanctl/swanctlConf.html",
  },
  swanctl: {
    title: "strongSwan swanctl command reference",
    url: "https://docs.strongswan.org/docs/latest/swanctl/swanctl.html",
  },
} satisfies Record<string, Reference>;

/** Console path to the AWS tunnel options page (AWS Security Hub EC2.20 remediation guide: アクション → VPNトンネルオプションを変更). */
export const AWS_MODIFY_TUNNEL_PATH = text(
  "VPC console > Site-to-Site VPN connections > select the connection > Actions > Modify VPN tunnel options >",
  "choose the tunnel by its outside IP address > Save changes",
);

export const AWS_MODIFY_CONNECTION_PATH = text(
  "VPC console > Site-to-Site VPN connections > select the connection > Actions >",
  "Modify VPN connection options",
);

/** An AWS step that changes tunnel options through the console or `modify-vpn-tunnel-options`. */
export function awsTunnelOptionsStep(title: string, detail: string, tunnelOptions: string): PlaybookStep {
  return {
    title,
    detail: text(
      detail,
      "Options are changed one tunnel at a time and the modified tunnel is unavailable during the update:",
      "change tunnel 2 only after tunnel 1 is UP again.",
    ),
    where: AWS_MODIFY_TUNNEL_PATH,
    commands: [
      text(
        "aws ec2 modify-vpn-tunnel-options --vpn-connection-id <vpn-id>",
        `--vpn-tunnel-outside-ip-address <tunnel-outside-ip> --tunnel-options ${tunnelOptions}`,
      ),
    ],
  };
}

export const AWS_STATUS_STEP: PlaybookStep = {
  title: "Check both tunnels' status on the AWS side",
  detail: text(
    "Each tunnel reports Status UP/DOWN and a StatusMessage (for example IPSEC IS DOWN, or n BGP ROUTES with",
    "AcceptedRouteCount). Identify tunnels by connection and position (tunnel 1, tunnel 2); outside addresses",
    "can be empty while provisioning and change when AWS replaces an endpoint.",
  ),
  where: "VPC console > Site-to-Site VPN connections > select the connection > Tunnel details",
  commands: ['aws ec2 describe-vpn-connections --vpn-connection-ids <vpn-id> --query "VpnConnections[0].VgwTelemetry"'],
};

export const ALI_STATUS_STEP: PlaybookStep = {
  title: "Check the IPsec connection's negotiation status on Alibaba Cloud",
  detail: text(
    "Status should be ipsec_sa_established (ike_sa_not_established / ipsec_sa_not_established otherwise). For",
    "dual-tunnel connections read the status of each tunnel in TunnelOptionsSpecification. DiagnoseVpnConnections",
    "returns FailedReason, MismatchLocalParam and MismatchRemoteParam for a failing tunnel.",
  ),
  where: "VPN Gateway console > IPsec Connections > select the connection",
  commands: ["aliyun vpc DescribeVpnConnection --RegionId <region> --VpnConnectionId <vco-id>"],
};

export const MULE_STATUS_STEP: PlaybookStep = {
  title: "Check the Anypoint VPN tunnel status",
  detail: text(
    "Anypoint VPN runs on AWS Site-to-Site VPN: each tunnel shows UP/DOWN with an AWS-style status message",
    "(IPSEC IS DOWN, n BGP ROUTES). The customer side cannot change the AWS-side tunnel options: fix the",
    "customer device, and open a MuleSoft support case for anything on the Anypoint side.",
  ),
  where: text(
    "Anypoint Runtime Manager > VPNs (CloudHub 1.0) or Runtime Manager > Private Spaces > <space> > Network >",
    "Connections (CloudHub 2.0); API: GET /cloudhub/api/organizations/<orgId>/vpcs/<vpcId>/ipsec",
  ),
};

export const VERIFY_STEPS: Record<GatewayVariant, PlaybookStep> = {
  "juniper-srx": {
    title: "Verify the IKE and IPsec SAs on the SRX",
    detail: text(
      "State UP in the IKE SA list means phase 1 is established; no SA means IKE failed (check IKE policy,",
      "external interface, pre-shared key, proposals). The index detail shows lifetimes, the proxy ID",
      "(local/remote identity) and traffic counters in both directions.",
    ),
    where: "Junos operational mode",
    commands: [
      "show security ike security-associations",
      "show security ike security-associations index <index> detail",
      "show security ipsec security-associations",
      "show security ipsec security-associations index <index> detail",
      "show security ipsec statistics index <index>",
    ],
  },
  "cisco-asa": {
    title: "Verify the IKE and IPsec SAs on the ASA",
    detail: "Both tunnels should show an IKE SA READY/established and IPsec SAs with encaps/decaps counters rising.",
    where: "ASA privileged EXEC",
    commands: [
      "show crypto ikev2 sa",
      "show crypto ikev1 sa",
      "show crypto ipsec sa peer <provider-outside-ip>",
      "show vpn-sessiondb l2l filter ipaddress <provider-outside-ip>",
    ],
  },
  "cisco-ios": {
    title: "Verify the IKE and IPsec SAs on the router",
    detail: "The IKE SA should be READY and the tunnel interface up/up with encaps/decaps counters rising.",
    where: "IOS / IOS XE privileged EXEC",
    commands: [
      "show crypto ikev2 sa",
      "show crypto isakmp sa",
      "show crypto ipsec sa peer <provider-outside-ip>",
      "show crypto session remote <provider-outside-ip> detail",
    ],
  },
  strongswan: {
    title: "Verify the IKE and CHILD SAs with swanctl",
    detail: "Each tunnel should list an ESTABLISHED IKE_SA with an INSTALLED CHILD_SA; watch live events with --log.",
    where: "strongSwan host shell (root)",
    commands: ["swanctl --list-sas", "swanctl --list-conns", "swanctl --log"],
  },
};

export const RESTART_STEPS: Record<GatewayVariant, PlaybookStep> = {
  "juniper-srx": {
    title: "Restart the tunnel from the SRX",
    detail: "Clear the SAs for the provider's outside IP; with establish-tunnels immediately the SRX re-initiates.",
    where: "Junos operational mode",
    commands: [
      "clear security ike security-associations <provider-outside-ip>",
      "clear security ipsec security-associations index <index>",
      "show security ike security-associations",
    ],
  },
  "cisco-asa": {
    title: "Restart the tunnel from the ASA",
    detail: "Log off the L2L session and send traffic to the remote network to re-initiate (the ASA is on-demand).",
    where: "ASA privileged EXEC",
    commands: [
      "vpn-sessiondb logoff ipaddress <provider-outside-ip> noconfirm",
      "clear crypto ipsec sa peer <provider-outside-ip>",
      "show crypto ikev2 sa",
    ],
  },
  "cisco-ios": {
    title: "Restart the tunnel from the router",
    detail: "Clearing the crypto session tears down IKE and IPsec SAs for the peer; the VTI re-initiates them.",
    where: "IOS / IOS XE privileged EXEC",
    commands: ["clear crypto session remote <provider-outside-ip>", "show crypto session remote <provider-outside-ip>"],
  },
  strongswan: {
    title: "Restart the tunnel with swanctl",
    detail: "Terminate the IKE_SA of the tunnel and initiate its CHILD_SA again.",
    where: "strongSwan host shell (root)",
    commands: ["swanctl --terminate --ike <conn>", "swanctl --initiate --child <child>", "swanctl --list-sas"],
  },
};

/** DPD on the customer gateway: a probe every 10 s, dead after 3 misses, as AWS does (AWS Knowledge Center article on tunnel inactivity and instability). */
export const DPD_CGW_STEPS: Record<GatewayVariant, PlaybookStep> = {
  "juniper-srx": {
    title: "Enable dead peer detection on the SRX IKE gateway",
    detail: text(
      `Probe every ${AWS_REC.dpdIntervalSec} s and declare the peer dead after ${DPD_RETRIES} misses.`,
      "probe-idle-tunnel sends R_U_THERE only when the tunnel is idle; the SRX answers the provider's",
      "R_U_THERE in any mode.",
    ),
    where: "Junos configuration mode, [edit security ike gateway <GW>], then commit",
    commands: [
      "set security ike gateway <GW> dead-peer-detection probe-idle-tunnel",
      `set security ike gateway <GW> dead-peer-detection interval ${AWS_REC.dpdIntervalSec}`,
      `set security ike gateway <GW> dead-peer-detection threshold ${DPD_RETRIES}`,
    ],
  },
  "cisco-asa": {
    title: "Enable DPD (ISAKMP keepalive) on the ASA tunnel group",
    detail: text(
      `threshold ${AWS_REC.dpdIntervalSec} is the idle time before a probe, retry ${DPD_RETRIES} the seconds`,
      "between retries; it applies to IKEv1 and IKEv2 peers of this tunnel group.",
    ),
    where: "ASA configuration mode",
    commands: [
      "tunnel-group <provider-outside-ip> ipsec-attributes",
      ` isakmp keepalive threshold ${AWS_REC.dpdIntervalSec} retry ${DPD_RETRIES}`,
    ],
  },
  "cisco-ios": {
    title: "Enable DPD on the router",
    detail: text(
      `Probe after ${AWS_REC.dpdIntervalSec} s without traffic, retry every ${DPD_RETRIES} s (on-demand). Use the`,
      "global command or the dpd line in the IKEv2 profile; for IKEv1 use crypto isakmp keepalive.",
    ),
    where: "IOS / IOS XE configuration mode",
    commands: [
      `crypto ikev2 dpd ${AWS_REC.dpdIntervalSec} ${DPD_RETRIES} on-demand`,
      `crypto isakmp keepalive ${AWS_REC.dpdIntervalSec} ${DPD_RETRIES} on-demand`,
    ],
  },
  strongswan: {
    title: "Enable DPD in swanctl.conf",
    detail: text(
      "dpd_delay sends a liveness check when no traffic was seen for that long; dpd_action = restart re-creates",
      "the CHILD_SA when the peer is declared dead. Reload with swanctl --load-all.",
    ),
    where: "/etc/swanctl/swanctl.conf: connections.<conn> (dpd_delay) and connections.<conn>.children.<child>",
    commands: [`dpd_delay = ${AWS_REC.dpdIntervalSec}s`, "dpd_action = restart", "swanctl --load-all"],
  },
};

/** Keep-alive traffic through the tunnel: ICMP every 5 s (AWS Security Hub EC2.20 remediation guide; AWS Knowledge Center article on tunnel inactivity and instability). */
export const KEEPALIVE_INTERVAL_SEC = 5;

export const KEEPALIVE_CGW_STEPS: Record<GatewayVariant, PlaybookStep> = {
  "juniper-srx": {
    title: "Keep the SRX tunnel up and probed",
    detail: text(
      "establish-tunnels immediately brings the SA up without waiting for traffic; VPN monitoring sends ICMP",
      "through st0 to a host on the provider side that answers ping.",
    ),
    where: "Junos configuration mode, then commit",
    commands: [
      "set security ipsec vpn <VPN> establish-tunnels immediately",
      "set security ipsec vpn <VPN> vpn-monitor source-interface st0.0 destination-ip <provider-side-ip>",
      `set security ipsec vpn-monitor-options interval ${KEEPALIVE_INTERVAL_SEC}`,
    ],
  },
  "cisco-asa": {
    title: "Send ICMP through the tunnel every 5 s with an SLA monitor",
    detail: text(
      "The ASA brings IPsec up only when interesting traffic is sent; an SLA monitor keeps sending it. Source",
      "the probe from the inside interface to a host the crypto ACL covers, so that it is encrypted (a probe",
      "from the outside interface never enters the tunnel), and do not let the group policy's",
      "vpn-idle-timeout drop the session.",
    ),
    where: "ASA configuration mode",
    commands: [
      "management-access <inside-if>",
      "sla monitor 1",
      " type echo protocol ipIcmpEcho <host-behind-the-provider-side> interface <inside-if>",
      ` frequency ${KEEPALIVE_INTERVAL_SEC}`,
      "sla monitor schedule 1 life forever start-time now",
      "group-policy <GP> attributes",
      " vpn-idle-timeout none",
    ],
  },
  "cisco-ios": {
    title: "Send ICMP through the tunnel every 5 s with IP SLA",
    detail: "Source the probe from the tunnel interface so that it is encrypted and keeps the SA busy.",
    where: "IOS / IOS XE configuration mode",
    commands: [
      "ip sla 100",
      " icmp-echo <provider-side-ip> source-interface Tunnel1",
      ` frequency ${KEEPALIVE_INTERVAL_SEC}`,
      "ip sla schedule 100 life forever start-time now",
    ],
  },
  strongswan: {
    title: "Start the tunnel at load time and re-create it when closed",
    detail: text(
      "start_action = start initiates the CHILD_SA when the config is loaded, close_action = start re-creates",
      "it when the peer closes it; add a ping every 5 s from a host behind the gateway to keep traffic flowing.",
    ),
    where: "/etc/swanctl/swanctl.conf: connections.<conn>.children.<child>; then swanctl --load-all",
    commands: [
      "start_action = start",
      "close_action = start",
      "dpd_action = restart",
      `ping -i ${KEEPALIVE_INTERVAL_SEC} <provider-side-ip>`,
    ],
  },
};
