// Playbooks for the posture findings of faults.md §2 (a connection's configuration and status -> findings).
import type { FindingCode } from "../codes.ts";
import { FINDING_PLAYBOOKS_ROUTING } from "./catalog-findings-routing.ts";
import {
  ALI_REC,
  ALI_STATUS_STEP,
  AWS_REC,
  AWS_STATUS_STEP,
  awsTunnelOptionsStep,
  cat,
  DPD_CGW_STEPS,
  DPD_RETRIES,
  KEEPALIVE_CGW_STEPS,
  KEEPALIVE_INTERVAL_SEC,
  MULE_STATUS_STEP,
  MULE_V1,
  MULE_V2,
  REF,
  text,
  VERIFY_STEPS,
} from "./shared.ts";
import type { Playbook } from "./types.ts";

const TUNNEL_REDUNDANCY_LOST: Playbook = {
  code: "TUNNEL_REDUNDANCY_LOST",
  summary: text(
    "The connection has two tunnels but not both are UP (AWS Security Hub EC2.20); find why the DOWN tunnel",
    "fails (idle timeout, rekey, DPD, not configured) and bring it back.",
  ),
  steps: [
    {
      title: "Find the DOWN tunnel",
      detail: text(
        "Identify it by connection and position (tunnel 1 or 2). Until it recovers, the connection is scored as",
        "if it had one tunnel: the next maintenance on the UP tunnel is an outage.",
      ),
    },
    {
      title: "Check that the customer gateway has both tunnels configured",
      detail: "Many devices are set up with tunnel 1 only; configure tunnel 2 with its own outside IP and key.",
    },
    {
      title: "Check for an idle timeout",
      detail: text(
        `With no traffic the tunnel can go DOWN from idle timeout: send ICMP every ${KEEPALIVE_INTERVAL_SEC} s into`,
        "the cloud network or change the device's idle timeout (AWS Security Hub EC2.20 remediation guide).",
      ),
    },
    {
      title: "Check for phase 1 / phase 2 rekey problems",
      detail: text(
        "Make the customer gateway's phase 1/2 lifetimes match the provider's and allow inbound UDP 500, UDP 4500",
        "and IP protocol 50 from the provider endpoints so that it can rekey (AWS Security Hub EC2.20 remediation guide).",
      ),
    },
    {
      title: "Check for DPD timeouts",
      detail: text(
        `If the peer misses ${DPD_RETRIES} consecutive DPD messages it is declared dead and the tunnel closed;`,
        "fix DPD answering (see DPD_TIMEOUT) and confirm both tunnels are UP at the end.",
      ),
    },
  ],
  variants: {
    aws: [AWS_STATUS_STEP],
    alibaba: [ALI_STATUS_STEP],
    mulesoft: [MULE_STATUS_STEP],
    "juniper-srx": [VERIFY_STEPS["juniper-srx"]],
    "cisco-asa": [VERIFY_STEPS["cisco-asa"]],
    "cisco-ios": [VERIFY_STEPS["cisco-ios"]],
    strongswan: [VERIFY_STEPS.strongswan],
  },
  references: [REF.securityHubEc2_20, REF.awsTunnelInstability, REF.awsSecurityHubEc2],
};

const SINGLE_TUNNEL: Playbook = {
  code: "SINGLE_TUNNEL",
  summary: text(
    "Only one tunnel is configured, so provider maintenance can cause up to 60 minutes of downtime (on Alibaba,",
    "whose gateway switches over inside, about a minute); configure the second tunnel (or a second connection)",
    "and a failover mechanism, preferably BGP.",
  ),
  steps: [
    {
      title: "Plan for the maintenance impact",
      detail: text(
        "With one tunnel, or no BGP and no failover mechanism, an update can stop traffic for up to 60 minutes",
        "until the original tunnel is back (MuleSoft Anypoint VPN maintenance guide).",
      ),
    },
    {
      title: "Configure the second tunnel on the customer gateway",
      detail: "Use the provider's second outside IP, inside CIDR and pre-shared key; both tunnels should be UP.",
    },
    {
      title: "Add a failover mechanism",
      detail: text(
        "BGP over both tunnels with DPD restarting the tunnel gives failover in seconds; with static routing, use",
        "DPD or health checks so that a failed tunnel is detected.",
      ),
    },
    {
      title: "Test the failover",
      detail: "Bring one tunnel down in a window and measure the switch-over time (about 30 s with health checks).",
    },
  ],
  variants: {
    aws: [
      {
        title: "Use both tunnels of the AWS VPN connection",
        detail: text(
          "Every AWS Site-to-Site VPN connection has two tunnels in different Availability Zones: download the",
          "device configuration and configure tunnel 2 as well.",
        ),
        where: "VPC console > Site-to-Site VPN connections > select the connection > Download configuration",
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Add a second IPsec connection (or use dual-tunnel mode)",
        detail: text(
          "On a single-tunnel VPN gateway create a second IPsec connection to a second customer gateway or",
          "uplink, with destination-based routes of weight 100 (active) and 0 (standby) and a health check on each",
          "(Alibaba VPN Gateway redundant IPsec guide). Dual-tunnel IPsec connections provide two tunnels in one connection.",
        ),
        where: "VPN Gateway console > IPsec Connections > Create IPsec Connection",
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Configure both Anypoint VPN tunnels on the device",
        detail: text(
          "Each Anypoint VPN connection has two endpoints; configure both, and for full HA a second VPN connection",
          "with a different public IP on the customer side (MuleSoft HA guide).",
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [VERIFY_STEPS["juniper-srx"]],
    "cisco-asa": [VERIFY_STEPS["cisco-asa"]],
    "cisco-ios": [VERIFY_STEPS["cisco-ios"]],
    strongswan: [VERIFY_STEPS.strongswan],
  },
  references: [REF.muleMaintenance, REF.alibabaRedundancy, REF.muleHa, REF.awsEndpointReplacements],
};

const NO_AUTOMATIC_FAILOVER: Playbook = {
  code: "NO_AUTOMATIC_FAILOVER",
  summary: text(
    "Static routing with no DPD or health check leaves a failed tunnel undetected for minutes; enable DPD with a",
    "restart action and health checks or route tracking, or move to BGP.",
  ),
  steps: [
    {
      title: "Enable DPD on both sides",
      detail: text(
        `A probe every ${AWS_REC.dpdIntervalSec} s and ${DPD_RETRIES} misses detect a dead peer in about`,
        `${AWS_REC.dpdTimeoutSec} s; set the provider's DPD timeout action to restart.`,
      ),
    },
    {
      title: "Track the tunnel on the customer gateway",
      detail: text(
        "Withdraw the static route (or fail over VRRP) when a probe through the tunnel fails, as in Alibaba VPN Gateway redundant IPsec guide's",
        "IP SLA tracking towards a target in the cloud.",
      ),
    },
    {
      title: "Prefer BGP",
      detail: "BGP's liveness detection moves traffic to the other tunnel automatically.",
    },
    {
      title: "Test the failover",
      detail:
        "Power off or disconnect the active path in a window and time the switch (about 30 s in Alibaba VPN Gateway redundant IPsec guide).",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Set the DPD timeout action to restart on both tunnels",
        "The default action clear ends the IKE session; restart makes AWS re-initiate IKE.",
        `DPDTimeoutAction=restart,DPDTimeoutSeconds=${AWS_REC.dpdTimeoutSec}`,
      ),
    ],
    alibaba: [
      {
        title: "Enable a health check on each IPsec connection",
        detail: text(
          "When tunnel 1's health check fails, routes switch to tunnel 2; the destination of each check must be the",
          "CPE of that tunnel (see HEALTHCHECK_PATH_ASYMMETRY).",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Health Check > Edit",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            cat(
              `--EnableDpd true --HealthCheckConfig '{"enable":"true","dip":"<cpe-ip-of-this-tunnel>",`,
              `"sip":"<any-ip-in-vpc-cidr>","interval":"3","retry":"3","Policy":"revoke_route"}'`,
            ),
          ),
        ],
      },
    ],
    mulesoft: [
      {
        title: "Configure DPD on the device for both Anypoint tunnels",
        detail: text(
          "Without an automatic failover mechanism, static Anypoint VPNs take longer to reconnect after",
          "maintenance (MuleSoft Anypoint VPN maintenance guide); enable DPD and track the tunnels on the device.",
        ),
      },
    ],
    "juniper-srx": [DPD_CGW_STEPS["juniper-srx"], KEEPALIVE_CGW_STEPS["juniper-srx"]],
    "cisco-asa": [DPD_CGW_STEPS["cisco-asa"], KEEPALIVE_CGW_STEPS["cisco-asa"]],
    "cisco-ios": [
      DPD_CGW_STEPS["cisco-ios"],
      {
        title: "Withdraw the static route when the tunnel probe fails",
        detail: "Track the IP SLA probe and bind the static route to the track object.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "ip sla 100",
          " icmp-echo <provider-side-ip> source-interface Tunnel1",
          ` frequency ${KEEPALIVE_INTERVAL_SEC}`,
          "ip sla schedule 100 life forever start-time now",
          "track 100 ip sla 100 reachability",
          "ip route <cloud-cidr> <mask> Tunnel1 track 100",
          "ip route <cloud-cidr> <mask> Tunnel2 10",
        ],
      },
    ],
    strongswan: [DPD_CGW_STEPS.strongswan, KEEPALIVE_CGW_STEPS.strongswan],
  },
  references: [REF.muleMaintenance, REF.alibabaRedundancy, REF.awsTunnelInstability, REF.awsInitiation],
};

const DPD_DISABLED: Playbook = {
  code: "DPD_DISABLED",
  summary: text(
    "DPD is off, or its timeout action is none while the tunnel is expected to fail over; enable DPD on both",
    "sides and set the timeout action to restart.",
  ),
  steps: [
    {
      title: "Enable DPD on the customer gateway",
      detail: text(
        `Probe every ${AWS_REC.dpdIntervalSec} s, peer dead after ${DPD_RETRIES} misses (${AWS_REC.dpdTimeoutSec} s),`,
        "and answer the provider's R_U_THERE messages.",
      ),
    },
    {
      title: "Set the provider's DPD timeout action to restart",
      detail: text(
        "With none, a dead tunnel is not declared DOWN, so neither routing nor Tunnelwatch sees the failure; keep",
        "none only where no failover is expected and no action must be taken (AWS Security Hub EC2.20 remediation guide; AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Verify DPD on both tunnels",
      detail: "Check the tunnel options of both tunnels and the DPD lines in the logs.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Set the DPD timeout action and timeout",
        `${AWS_REC.dpdTimeoutSec} s is the shortest timeout AWS accepts (the API's default is 30 s on create, 40 s on modify); the tunnel logs report dpd_enabled.`,
        `DPDTimeoutAction=${AWS_REC.dpdTimeoutAction},DPDTimeoutSeconds=${AWS_REC.dpdTimeoutSec}`,
      ),
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Enable DPD on the IPsec connection",
        detail:
          "EnableDpd is on by default; for dual-tunnel connections set it per tunnel (TunnelOptionsSpecification).",
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration > DPD",
        commands: [
          "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id> --EnableDpd true",
        ],
      },
    ],
    mulesoft: [
      {
        title: "Enable DPD on the device",
        detail: text(
          "Anypoint VPNs with BGP and DPD resetting the tunnel switch over in seconds during maintenance (MuleSoft Anypoint VPN maintenance guide);",
          "see 'DPD (Dead Peer Detection) and Anypoint VPN'.",
        ),
      },
    ],
    "juniper-srx": [DPD_CGW_STEPS["juniper-srx"]],
    "cisco-asa": [DPD_CGW_STEPS["cisco-asa"]],
    "cisco-ios": [DPD_CGW_STEPS["cisco-ios"]],
    strongswan: [DPD_CGW_STEPS.strongswan],
  },
  references: [
    REF.muleMaintenance,
    REF.securityHubEc2_20,
    REF.awsTunnelInstability,
    REF.awsInitiation,
    REF.junosDpd,
    REF.swanctlConf,
  ],
};

const LIFETIME_MISMATCH: Playbook = {
  code: "LIFETIME_MISMATCH",
  summary: text(
    "Phase 1/phase 2 lifetimes differ from the provider's recommendation, which causes rekey failures and",
    "periodic drops; set the recommended values on the customer gateway.",
  ),
  steps: [
    {
      title: "Read the current lifetimes on both sides",
      detail: "Phase 1 (IKE SA) and phase 2 (IPsec/CHILD SA) lifetimes, in seconds, for each tunnel.",
    },
    {
      title: "Set the recommended values for the provider and IKE version",
      detail: text(
        `AWS: phase 1 ${AWS_REC.phase1LifetimeSec} s, phase 2 ${AWS_REC.phase2LifetimeSec} s.`,
        `MuleSoft Anypoint VPN with IKEv2: ${MULE_V2.phase1LifetimeSec} s / ${MULE_V2.phase2LifetimeSec} s on the`,
        "customer device so that it times out first and drives the rekey; with IKEv1:",
        `${MULE_V1.phase1LifetimeSec} s / ${MULE_V1.phase2LifetimeSec} s.`,
        `Alibaba Cloud: ${ALI_REC.phase1LifetimeSec} s / ${ALI_REC.phase2LifetimeSec} s (its defaults).`,
      ),
    },
    {
      title: "Let only one peer initiate the rekey",
      detail: text(
        "With IKEv2 each peer's lifetimes are its own and the side with the lower lifetime initiates the rekey;",
        "configure one peer to do it. With IKEv1 make the lifetimes match on both peers (AWS Knowledge Center",
        "article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Verify the remaining lifetime on the SAs",
      detail: "After the next negotiation the SA details show the new lifetimes counting down.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Keep the AWS tunnel lifetimes at their defaults",
        text(
          `Phase 1 ${AWS_REC.phase1LifetimeSec} s (900-28800), phase 2 ${AWS_REC.phase2LifetimeSec} s (900-3600,`,
          "less than phase 1).",
        ),
        `Phase1LifetimeSeconds=${AWS_REC.phase1LifetimeSec},Phase2LifetimeSeconds=${AWS_REC.phase2LifetimeSec}`,
      ),
    ],
    alibaba: [
      {
        title: "Match IkeLifetime and IpsecLifetime",
        detail: text(
          `Set IkeLifetime ${ALI_REC.phase1LifetimeSec} and IpsecLifetime ${ALI_REC.phase2LifetimeSec} (or the`,
          "customer gateway's values) so that both sides agree.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            `--IkeConfig '{"IkeLifetime":${ALI_REC.phase1LifetimeSec}}'`,
            `--IpsecConfig '{"IpsecLifetime":${ALI_REC.phase2LifetimeSec}}'`,
          ),
        ],
      },
    ],
    mulesoft: [
      {
        title: text(
          `Set ${MULE_V2.phase1LifetimeSec} / ${MULE_V2.phase2LifetimeSec} (IKEv2) or`,
          `${MULE_V1.phase1LifetimeSec} / ${MULE_V1.phase2LifetimeSec} (IKEv1) on the customer device`,
        ),
        detail: text(
          `IKEv2: phase 1 ${MULE_V2.phase1LifetimeSec} s, phase 2 ${MULE_V2.phase2LifetimeSec} s. AWS documents`,
          `${AWS_REC.phase1LifetimeSec} / ${AWS_REC.phase2LifetimeSec}; MuleSoft recommends the lower pair so that`,
          `the firewall expires first and controls the rekey. IKEv1: ${MULE_V1.phase1LifetimeSec} s /`,
          `${MULE_V1.phase2LifetimeSec} s (MuleSoft Anypoint VPN maintenance guide).`,
        ),
      },
    ],
    "juniper-srx": [
      {
        title: "Set the IKE and IPsec proposal lifetimes on the SRX",
        detail: `AWS values shown; for MuleSoft IKEv2 use ${MULE_V2.phase1LifetimeSec} / ${MULE_V2.phase2LifetimeSec}.`,
        where: "Junos configuration mode, then commit",
        commands: [
          `set security ike proposal <P1> lifetime-seconds ${AWS_REC.phase1LifetimeSec}`,
          `set security ipsec proposal <P2> lifetime-seconds ${AWS_REC.phase2LifetimeSec}`,
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Set the IKEv2 policy and IPsec SA lifetimes on the ASA",
        detail: `AWS values shown; for MuleSoft IKEv2 use ${MULE_V2.phase1LifetimeSec} / ${MULE_V2.phase2LifetimeSec}.`,
        where: "ASA configuration mode",
        commands: [
          "crypto ikev2 policy 10",
          ` lifetime seconds ${AWS_REC.phase1LifetimeSec}`,
          `crypto map <MAP> <seq> set security-association lifetime seconds ${AWS_REC.phase2LifetimeSec}`,
        ],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Set the IKEv2 profile and IPsec profile lifetimes on the router",
        detail: `AWS values shown; for MuleSoft IKEv2 use ${MULE_V2.phase1LifetimeSec} / ${MULE_V2.phase2LifetimeSec}.`,
        where: "IOS / IOS XE configuration mode",
        commands: [
          "crypto ikev2 profile <IKEV2-PROFILE>",
          ` lifetime ${AWS_REC.phase1LifetimeSec}`,
          "crypto ipsec profile <PROFILE>",
          ` set security-association lifetime seconds ${AWS_REC.phase2LifetimeSec}`,
        ],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Set rekey_time for the IKE_SA and CHILD_SA",
        detail: `AWS values shown; for MuleSoft IKEv2 use ${MULE_V2.phase1LifetimeSec} / ${MULE_V2.phase2LifetimeSec}.`,
        where: "/etc/swanctl/swanctl.conf: connections.<conn> and .children.<child>; then swanctl --load-all",
        commands: [
          "# in connections.<conn>:",
          `rekey_time = ${AWS_REC.phase1LifetimeSec}s`,
          "# in connections.<conn>.children.<child>:",
          `rekey_time = ${AWS_REC.phase2LifetimeSec}s`,
          "swanctl --load-all",
        ],
      },
      VERIFY_STEPS.strongswan,
    ],
  },
  references: [
    REF.muleMaintenance,
    REF.securityHubEc2_20,
    REF.awsTunnelInstability,
    REF.awsTunnelOptions,
    REF.aliModifyConnection,
  ],
};

const PFS_DISABLED: Playbook = {
  code: "PFS_DISABLED",
  summary: text(
    "Phase 2 runs without PFS while the provider expects it, so the tunnel drops periodically at rekey; enable",
    "PFS with DH group 14 or higher on the customer gateway.",
  ),
  steps: [
    {
      title: "Enable PFS for phase 2 on the customer gateway",
      detail:
        "PFS is enabled by default on the AWS side (AWS Knowledge Center article on tunnel inactivity and instability); peers without it drop periodically (MuleSoft Anypoint VPN maintenance guide).",
    },
    {
      title: "Use a DH group both sides allow",
      detail: "Group 14 or higher; groups below 14 are a WEAK_CRYPTO finding.",
    },
    {
      title: "Adjust the phase 2 lifetime",
      detail: text(
        `AWS ${AWS_REC.phase2LifetimeSec} s; MuleSoft IKEv2 ${MULE_V2.phase2LifetimeSec} s on the customer side`,
        "(MuleSoft Anypoint VPN maintenance guide).",
      ),
    },
    {
      title: "Verify the next phase 2 rekey",
      detail: "The IPsec SA details show the PFS group; the rekey at the end of the lifetime must not drop the tunnel.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Restrict the phase 2 DH groups to strong ones",
        "AWS negotiates PFS with the phase 2 DH groups allowed on the tunnel.",
        "Phase2DHGroupNumbers=[{Value=14},{Value=19},{Value=20}]",
      ),
    ],
    alibaba: [
      {
        title: "Set IpsecPfs to group14",
        detail: "IpsecPfs disabled turns PFS off; Alibaba's default is group2, below group 14.",
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            `--IpsecConfig '{"IpsecPfs":"group14"}'`,
          ),
        ],
      },
    ],
    mulesoft: [
      {
        title: "Enable PFS on the customer device",
        detail: text(
          "Anypoint VPNs go down periodically when phase 2 has no PFS; MuleSoft's example is Azure VPN: enable PFS",
          "and adjust the phase 2 lifetime (MuleSoft Anypoint VPN maintenance guide).",
        ),
      },
    ],
    "juniper-srx": [
      {
        title: "Set PFS in the SRX IPsec policy",
        detail: "The IPsec policy referenced by the VPN carries the PFS group.",
        where: "Junos configuration mode, then commit",
        commands: ["set security ipsec policy <IPSEC-POL> perfect-forward-secrecy keys group14"],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Set PFS on the ASA crypto map or IPsec profile",
        detail: "Use the crypto map entry of the peer (policy-based) or the IPsec profile (VTI).",
        where: "ASA configuration mode",
        commands: ["crypto map <MAP> <seq> set pfs group14", "crypto ipsec profile <PROFILE>", " set pfs group14"],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Set PFS in the router's IPsec profile",
        detail: "The IPsec profile used by tunnel protection carries the PFS group.",
        where: "IOS / IOS XE configuration mode",
        commands: ["crypto ipsec profile <PROFILE>", " set pfs group14"],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Add a DH group to esp_proposals",
        detail: "Without a DH group in esp_proposals the CHILD_SA has no PFS.",
        where: "/etc/swanctl/swanctl.conf: connections.<conn>.children.<child>; then swanctl --load-all",
        commands: ["esp_proposals = aes256-sha256-modp2048", "swanctl --load-all"],
      },
      VERIFY_STEPS.strongswan,
    ],
  },
  references: [
    REF.muleMaintenance,
    REF.awsTunnelInstability,
    REF.awsTunnelOptions,
    REF.aliModifyConnection,
    REF.swanctlConf,
  ],
};

const IDLE_RISK: Playbook = {
  code: "IDLE_RISK",
  summary: text(
    "A static tunnel has carried no traffic for longer than the idle timeout and will drop; send keep-alive",
    `traffic (ICMP every ${KEEPALIVE_INTERVAL_SEC} s) or move to BGP.`,
  ),
  steps: [
    {
      title: "Decide whether the tunnel must stay up while idle",
      detail: "If nothing needs the tunnel between uses, a drop while idle is expected; otherwise continue.",
    },
    {
      title: `Send ICMP every ${KEEPALIVE_INTERVAL_SEC} s through the tunnel`,
      detail: text(
        `Run a scheduler on a host that sends one ICMP request every ${KEEPALIVE_INTERVAL_SEC} s to an instance in`,
        "the cloud network that answers ICMP (AWS Security Hub EC2.20 remediation guide; AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Or raise the device's idle timeout",
      detail:
        "Change the vendor-specific idle timeout on the customer gateway (AWS Security Hub EC2.20 remediation guide).",
    },
    {
      title: "Move to BGP",
      detail:
        "BGP keep-alives keep the tunnel busy and give automatic failover (MuleSoft Anypoint VPN maintenance guide recommends BGP).",
    },
  ],
  variants: {
    aws: [
      {
        title: "Allow ICMP to the keep-alive target in the VPC",
        detail: "The instance's security group must allow ICMP echo from the on-premises CIDR.",
        where: "VPC console > Security groups > inbound rules",
      },
    ],
    alibaba: [
      {
        title: "Enable the IPsec connection's health check",
        detail: text(
          "The health check sends probes through the tunnel every few seconds (interval 3, retry 3 by default)",
          "and keeps it busy; target the CPE of this tunnel.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Health Check > Edit",
      },
    ],
    mulesoft: [
      {
        title: "Generate interesting traffic for the Anypoint VPN",
        detail: "Follow 'How to Generate Interesting Traffic for Anypoint VPN'; MuleSoft recommends moving to BGP.",
      },
    ],
    "juniper-srx": [KEEPALIVE_CGW_STEPS["juniper-srx"]],
    "cisco-asa": [KEEPALIVE_CGW_STEPS["cisco-asa"]],
    "cisco-ios": [KEEPALIVE_CGW_STEPS["cisco-ios"]],
    strongswan: [KEEPALIVE_CGW_STEPS.strongswan],
  },
  references: [REF.securityHubEc2_20, REF.awsTunnelInstability, REF.muleMaintenance],
};

const NAT_T_REQUIRED: Playbook = {
  code: "NAT_T_REQUIRED",
  summary: text(
    "The customer gateway is behind NAT (or the VPN is accelerated) without NAT-T; enable NAT-T and allow UDP",
    "4500, otherwise keep UDP 500 and IP protocol 50 open.",
  ),
  steps: [
    {
      title: "Check whether the gateway is behind a NAT device or the connection is accelerated",
      detail:
        "Then NAT-T must be active on the customer gateway (AWS Knowledge Center article on tunnel inactivity and instability).",
    },
    {
      title: "Enable NAT-T and allow UDP 4500",
      detail: "Verify that UDP 4500 passes between the network and the VPN endpoints in both directions.",
    },
    {
      title: "Without NAT: allow UDP 500 and IP protocol 50",
      detail: text(
        "If the gateway is not behind NAT, IKE on UDP 500 and ESP (IP protocol 50, not a UDP port) must pass",
        "between the network and the VPN endpoints.",
      ),
    },
    {
      title: "Verify the SAs use the expected encapsulation",
      detail:
        "With NAT-T the IPsec SA shows port 4500; without it, port 500 and plain ESP (Juniper route-based IPsec VPN guide).",
    },
  ],
  variants: {
    aws: [
      {
        title: "Check nat_t_detected and acceleration",
        detail: text(
          "Tunnel activity logs report nat_t_detected; describe-vpn-connections shows Options.EnableAcceleration.",
          "Accelerated connections require NAT-T on the customer gateway.",
        ),
        commands: [
          'aws ec2 describe-vpn-connections --vpn-connection-ids <vpn-id> --query "VpnConnections[0].Options"',
        ],
      },
    ],
    alibaba: [
      {
        title: "Enable NAT traversal on the IPsec connection",
        detail: "EnableNatTraversal true (the default); per tunnel for dual-tunnel connections.",
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            "--EnableNatTraversal true",
          ),
        ],
      },
    ],
    mulesoft: [
      {
        title: "Enable NAT-T on the customer device",
        detail: "Allow UDP 4500 to both Anypoint tunnel outside IPs.",
      },
    ],
    "juniper-srx": [
      {
        title: "Keep NAT-T enabled on the SRX",
        detail: "NAT-T is on unless no-nat-traversal is configured.",
        where: "Junos configuration mode, then commit",
        commands: [
          "delete security ike gateway <GW> no-nat-traversal",
          "set security ike gateway <GW> nat-keepalive 10",
        ],
      },
    ],
    "cisco-asa": [
      {
        title: "Enable NAT traversal on the ASA",
        detail: "Needed for IKEv1 peers behind NAT.",
        where: "ASA configuration mode",
        commands: ["crypto isakmp nat-traversal 10"],
      },
    ],
    "cisco-ios": [
      {
        title: "Keep NAT transparency on the router",
        detail: "UDP encapsulation is on by default.",
        where: "IOS / IOS XE configuration mode",
        commands: ["crypto ipsec nat-transparency udp-encapsulation", "crypto isakmp nat keepalive 20"],
      },
    ],
    strongswan: [
      {
        title: "Force UDP encapsulation",
        detail: "encap = yes forces NAT-T even when NAT detection does not trigger it.",
        where: "/etc/swanctl/swanctl.conf: connections.<conn>; then swanctl --load-all",
        commands: ["encap = yes", "swanctl --load-all"],
      },
    ],
  },
  references: [REF.awsTunnelInstability, REF.junosRouteBased, REF.awsFirewallRules, REF.aliModifyConnection],
};

const STARTUP_ACTION_ADD: Playbook = {
  code: "STARTUP_ACTION_ADD",
  summary: text(
    "The provider side only responds, so after an endpoint replacement the tunnel stays DOWN until the customer",
    "gateway initiates; make the gateway initiate both tunnels and keep them up.",
  ),
  steps: [
    {
      title: "Make the customer gateway initiate immediately",
      detail: text(
        "Configure both tunnels to be established at start-up, not on demand, so that a replaced endpoint is",
        "contacted as soon as it exists.",
      ),
    },
    {
      title: "Keep the tunnels up",
      detail: `Send keep-alive traffic (ICMP every ${KEEPALIVE_INTERVAL_SEC} s) or run BGP over both tunnels.`,
    },
    {
      title: "Re-initiate after the provider's maintenance",
      detail:
        "If a tunnel is not back 10-15 minutes after an update, restart it from the gateway (MuleSoft Anypoint VPN maintenance guide).",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Optionally let AWS initiate (startup action start)",
        text(
          "With start, AWS initiates IKE when the tunnel is created or modified; it needs the customer gateway's",
          "public IP address. Combine with DPD timeout action restart.",
        ),
        "StartupAction=start,DPDTimeoutAction=restart",
      ),
    ],
    mulesoft: [
      {
        title: "Initiate from the device: Anypoint VPN is responder-only",
        detail: text(
          "The Anypoint side does not initiate: the device must bring up and keep up both tunnels, and generate",
          "interesting traffic with static routing (MuleSoft Anypoint VPN maintenance guide).",
        ),
      },
    ],
    "juniper-srx": [KEEPALIVE_CGW_STEPS["juniper-srx"]],
    "cisco-asa": [KEEPALIVE_CGW_STEPS["cisco-asa"]],
    "cisco-ios": [KEEPALIVE_CGW_STEPS["cisco-ios"]],
    strongswan: [KEEPALIVE_CGW_STEPS.strongswan],
  },
  references: [REF.muleMaintenance, REF.awsInitiation, REF.awsEndpointReplacements, REF.muleHa],
};

const IKEV1_IN_USE: Playbook = {
  code: "IKEV1_IN_USE",
  summary: text(
    "The tunnel runs IKEv1 where IKEv2 is supported; move the customer gateway and the provider side to IKEv2",
    "(AWS Config rule ec2-vpn-connection-ike-version-check).",
  ),
  steps: [
    {
      title: "Check that the customer gateway supports IKEv2",
      detail: "Plan the change per tunnel so that one tunnel stays up while the other is converted.",
    },
    {
      title: "Configure IKEv2 on the customer gateway",
      detail: "Use an IKEv2 proposal (AES-256, SHA2-256, DH group 14 or higher).",
    },
    {
      title: "Allow only IKEv2 on the provider side",
      detail: "Once the gateway negotiates IKEv2, remove IKEv1 from the tunnel's allowed versions.",
    },
    {
      title: "Apply the IKEv2 lifetimes",
      detail: text(
        `With MuleSoft, moving to IKEv2 also changes the recommended lifetimes to ${MULE_V2.phase1LifetimeSec} s /`,
        `${MULE_V2.phase2LifetimeSec} s on the customer device (MuleSoft Anypoint VPN maintenance guide).`,
      ),
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Allow only IKEv2 on the tunnel",
        "The AWS Config rule ec2-vpn-connection-ike-version-check is NON_COMPLIANT while IKEv1 is allowed.",
        "IKEVersions=[{Value=ikev2}]",
      ),
    ],
    alibaba: [
      {
        title: "Set IkeVersion to ikev2",
        detail: "Change it on the IPsec connection and the customer gateway together.",
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            `--IkeConfig '{"IkeVersion":"ikev2"}'`,
          ),
        ],
      },
    ],
    mulesoft: [
      {
        title: `Switch the device to IKEv2 with ${MULE_V2.phase1LifetimeSec} / ${MULE_V2.phase2LifetimeSec}`,
        detail: `Phase 1 ${MULE_V2.phase1LifetimeSec} s, phase 2 ${MULE_V2.phase2LifetimeSec} s for IKEv2 (MuleSoft Anypoint VPN maintenance guide).`,
      },
    ],
    "juniper-srx": [
      {
        title: "Run IKEv2 only on the SRX gateway",
        detail: "The gateway's version must match the provider's.",
        where: "Junos configuration mode, then commit",
        commands: ["set security ike gateway <GW> version v2-only"],
      },
    ],
    "cisco-asa": [
      {
        title: "Use IKEv2 on the ASA",
        detail: "Enable IKEv2 on the outside interface and reference an IKEv2 IPsec proposal.",
        where: "ASA configuration mode",
        commands: ["crypto ikev2 enable <outside-if>", "crypto map <MAP> <seq> set ikev2 ipsec-proposal <PROP>"],
      },
    ],
    "cisco-ios": [
      {
        title: "Use an IKEv2 profile on the router",
        detail: "Bind the IKEv2 profile to the IPsec profile used by the tunnel.",
        where: "IOS / IOS XE configuration mode",
        commands: ["crypto ipsec profile <PROFILE>", " set ikev2-profile <IKEV2-PROFILE>"],
      },
    ],
    strongswan: [
      {
        title: "Set version = 2",
        detail: "version = 0 accepts both and initiates with IKEv2; 2 enforces IKEv2.",
        where: "/etc/swanctl/swanctl.conf: connections.<conn>; then swanctl --load-all",
        commands: ["version = 2", "swanctl --load-all"],
      },
    ],
  },
  references: [REF.muleMaintenance, REF.awsConfigIkeVersion, REF.awsSecurityHubEc2, REF.awsTunnelOptions],
};

const WEAK_CRYPTO: Playbook = {
  code: "WEAK_CRYPTO",
  summary: text(
    "DES/3DES, MD5/SHA-1 or DH groups below 14 are offered or negotiated; restrict both sides to AES, SHA-2 and",
    "DH group 14 or higher.",
  ),
  steps: [
    {
      title: "List what each side offers and what was negotiated",
      detail: "Check phase 1 and phase 2: encryption, integrity and DH group, on both tunnels.",
    },
    {
      title: "Restrict the customer gateway's proposals",
      detail: "AES-128/256 (CBC or GCM), SHA2-256 or stronger, DH group 14 or higher for IKE and PFS.",
    },
    {
      title: "Restrict the provider's allowed lists",
      detail: "Remove weak algorithms on the provider side so they cannot be negotiated again.",
    },
    {
      title: "Change one tunnel at a time and verify",
      detail: "Confirm the tunnel re-establishes with the strong suite before changing the other.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Allow only strong algorithms on the tunnel",
        "AWS allows SHA1 and DH groups 2 and 5 by default; remove them.",
        cat(
          "Phase1EncryptionAlgorithms=[{Value=AES256},{Value=AES256-GCM-16}],",
          "Phase1IntegrityAlgorithms=[{Value=SHA2-256},{Value=SHA2-384}],",
          "Phase1DHGroupNumbers=[{Value=14},{Value=19},{Value=20}],",
          "Phase2EncryptionAlgorithms=[{Value=AES256},{Value=AES256-GCM-16}],",
          "Phase2IntegrityAlgorithms=[{Value=SHA2-256},{Value=SHA2-384}],",
          "Phase2DHGroupNumbers=[{Value=14},{Value=19},{Value=20}]",
        ),
      ),
    ],
    alibaba: [
      {
        title: "Use aes256, sha256 and group14 on the IPsec connection",
        detail: "Alibaba's defaults include group2 PFS; set IkePfs and IpsecPfs to group14.",
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            `--IkeConfig '{"IkeEncAlg":"aes256","IkeAuthAlg":"sha256","IkePfs":"group14"}'`,
            `--IpsecConfig '{"IpsecEncAlg":"aes256","IpsecAuthAlg":"sha256","IpsecPfs":"group14"}'`,
          ),
        ],
      },
    ],
    mulesoft: [
      {
        title: "Offer only strong proposals from the device",
        detail: "The Anypoint side accepts AWS's algorithm set; the device decides what is offered.",
      },
    ],
    "juniper-srx": [
      {
        title: "Use strong IKE and IPsec proposals on the SRX",
        detail: "Replace any des/3des/md5/sha1/group1/group2/group5 settings.",
        where: "Junos configuration mode, then commit",
        commands: [
          "set security ike proposal <P1> encryption-algorithm aes-256-cbc",
          "set security ike proposal <P1> authentication-algorithm sha-256",
          "set security ike proposal <P1> dh-group group14",
          "set security ipsec proposal <P2> encryption-algorithm aes-256-gcm",
          "set security ipsec policy <IPSEC-POL> perfect-forward-secrecy keys group14",
        ],
      },
    ],
    "cisco-asa": [
      {
        title: "Use strong IKEv2 policies on the ASA",
        detail: "Remove policies and proposals with des, 3des, md5, sha or group 2/5.",
        where: "ASA configuration mode",
        commands: ["crypto ikev2 policy 10", " encryption aes-256", " integrity sha256", " group 14", " prf sha256"],
      },
    ],
    "cisco-ios": [
      {
        title: "Use strong IKEv2 proposals on the router",
        detail: "Remove weak transform sets as well (esp-des, esp-3des, esp-md5-hmac, esp-sha-hmac).",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "crypto ikev2 proposal <PROP>",
          " encryption aes-cbc-256",
          " integrity sha256",
          " group 14",
          "crypto ipsec transform-set <TS> esp-aes 256 esp-sha256-hmac",
        ],
      },
    ],
    strongswan: [
      {
        title: "Use strong proposals in swanctl.conf",
        detail: "List only strong suites; strongSwan negotiates only what is listed.",
        where: "/etc/swanctl/swanctl.conf; then swanctl --load-all",
        commands: ["proposals = aes256-sha256-modp2048", "esp_proposals = aes256gcm16-modp2048", "swanctl --load-all"],
      },
    ],
  },
  references: [REF.awsTunnelOptions, REF.aliModifyConnection, REF.swanctlConf],
};

const TUNNEL_LOGGING_DISABLED: Playbook = {
  code: "TUNNEL_LOGGING_DISABLED",
  summary: text(
    "The provider's tunnel logs are off (AWS Security Hub EC2.171), so faults cannot be diagnosed from logs;",
    "enable tunnel logging on both tunnels and forward the customer gateway's logs too.",
  ),
  steps: [
    {
      title: "Create the log destination",
      detail: "A log group (or bucket) with a retention that covers your incident reviews.",
    },
    {
      title: "Enable tunnel logging on both tunnels",
      detail: "Logs show IKE negotiation, DPD and state changes per tunnel (JSON is easiest to parse).",
    },
    {
      title: "Forward the customer gateway's IKE logs",
      detail: "Send the gateway's IKE/IPsec syslog to Tunnelwatch so that both sides of a fault are visible.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Turn on Site-to-Site VPN tunnel activity logs",
        "Tunnel activity logs go to CloudWatch Logs, one stream per tunnel.",
        cat(
          "LogOptions={CloudWatchLogOptions={LogEnabled=true,",
          "LogGroupArn=arn:aws:logs:<region>:<account>:log-group:<log-group>,LogOutputFormat=json}}",
        ),
      ),
    ],
    alibaba: [
      {
        title: "Read the IPsec connection logs",
        detail: text(
          "Alibaba keeps IPsec connection logs queryable per connection (DescribeVpnConnectionLogs, 10-minute",
          "windows); make sure Tunnelwatch's credentials can call it.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > logs",
      },
    ],
    mulesoft: [
      {
        title: "Enable VPN logs on the private space connection (CloudHub 2.0)",
        detail: text(
          "CloudHub 2.0 VPN settings include enabling VPN logs; no tunnel log API was found for CloudHub 1.0, so",
          "forward the device's logs instead.",
        ),
        where: "Runtime Manager > Private Spaces > <space> > Network > Connections > <VPN> > edit",
      },
    ],
    "juniper-srx": [
      {
        title: "Send kmd/IKE events to syslog",
        detail: "Forward to the Tunnelwatch collector.",
        where: "Junos configuration mode, then commit",
        commands: ["set system syslog host <collector> any info", "set system syslog file kmd-logs daemon info"],
      },
    ],
    "cisco-asa": [
      {
        title: "Send VPN syslog to the collector",
        detail: "Informational level includes tunnel up/down and IKE messages.",
        where: "ASA configuration mode",
        commands: ["logging enable", "logging trap informational", "logging host <inside-if> <collector>"],
      },
    ],
    "cisco-ios": [
      {
        title: "Send crypto syslog to the collector",
        detail: "Informational level includes crypto session up/down events.",
        where: "IOS / IOS XE configuration mode",
        commands: ["logging host <collector>", "logging trap informational", "crypto logging session"],
      },
    ],
    strongswan: [
      {
        title: "Log charon's IKE events to syslog",
        detail: "Set the IKE log level in strongswan.conf and restart the daemon.",
        where: "/etc/strongswan.conf: charon.syslog.daemon",
        commands: ["charon {", "  syslog {", "    daemon {", "      default = 1", "      ike = 2", "    }", "  }", "}"],
      },
    ],
  },
  references: [REF.awsLogs, REF.awsSecurityHubEc2],
};

export const FINDING_PLAYBOOKS: Record<FindingCode, Playbook> = {
  ...FINDING_PLAYBOOKS_ROUTING,
  TUNNEL_REDUNDANCY_LOST,
  SINGLE_TUNNEL,
  NO_AUTOMATIC_FAILOVER,
  DPD_DISABLED,
  LIFETIME_MISMATCH,
  PFS_DISABLED,
  IDLE_RISK,
  NAT_T_REQUIRED,
  STARTUP_ACTION_ADD,
  IKEV1_IN_USE,
  WEAK_CRYPTO,
  TUNNEL_LOGGING_DISABLED,
};
