// Playbooks for the log fault codes of faults.md §1 (one log line -> one code).
import type { LogFaultCode } from "../codes.ts";
import {
  ALI_REC,
  ALI_STATUS_STEP,
  AWS_MODIFY_CONNECTION_PATH,
  AWS_REC,
  AWS_REKEY_MARGINS,
  AWS_STATUS_STEP,
  aliHealthCheckCommand,
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
  RESTART_STEPS,
  text,
  VERIFY_STEPS,
} from "./shared.ts";
import type { Playbook } from "./types.ts";

const IKE_AUTH_FAILURE: Playbook = {
  code: "IKE_AUTH_FAILURE",
  summary: text(
    "Phase 1 authentication failed because the pre-shared key, certificate or IKE identity differs between the",
    "peers; make both sides use the same key and identities for that tunnel.",
  ),
  steps: [
    {
      title: "Identify the tunnel and read the exact error",
      detail: text(
        "Note the connection and tunnel number (tunnel 1 or 2) and the message: AUTHENTICATION_FAILED or",
        "'authentication of ... failed' points at the key, an ID mismatch at the identities.",
      ),
    },
    {
      title: "Compare the pre-shared key of this tunnel on both sides",
      detail: text(
        "Each tunnel has its own pre-shared key: putting tunnel 1's key on tunnel 2's peer is a common mistake.",
        "Re-enter the key on the customer gateway exactly as the provider shows it (no trailing spaces).",
      ),
    },
    {
      title: "Compare the IKE identities",
      detail: text(
        "The customer gateway's local ID must be the public IP (or ID) registered with the provider, and the",
        "remote ID the provider's outside IP of that tunnel. With certificates, check validity dates, the CA",
        "chain and the subject the peer expects.",
      ),
    },
    {
      title: "Re-initiate the tunnel and confirm phase 1 comes up",
      detail: "Clear the failed SA on the customer gateway and watch the next negotiation in the logs.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Read or reset the tunnel's pre-shared key",
        detail: text(
          "Download the configuration for your device to read each tunnel's key, or set a new key (8-64",
          "characters, not starting with 0) on the tunnel and the same key on the customer gateway.",
        ),
        where: "VPC console > Site-to-Site VPN connections > Download configuration, or Modify VPN tunnel options",
        commands: [
          text(
            "aws ec2 modify-vpn-tunnel-options --vpn-connection-id <vpn-id>",
            "--vpn-tunnel-outside-ip-address <tunnel-outside-ip> --tunnel-options PreSharedKey=<new-psk>",
          ),
        ],
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Check the IPsec connection's Psk, LocalId and RemoteId",
        detail: text(
          "IkeConfig.Psk, IkeConfig.LocalId and IkeConfig.RemoteId must match the customer gateway's key and",
          "identities (LocalId defaults to the VPN gateway IP, RemoteId to the customer gateway IP).",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            `--IkeConfig '{"Psk":"<psk>","LocalId":"<vpn-gateway-ip>","RemoteId":"<customer-gateway-ip>"}'`,
          ),
        ],
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Use the pre-shared keys of the Anypoint VPN tunnels",
        detail: text(
          "Each tunnel of the Anypoint VPN has its own PSK (tunnelConfigs[].psk); configure each on the matching",
          "tunnel of the customer device. Changing a key on the Anypoint side needs MuleSoft support.",
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Set the key and identities on the SRX",
        detail: "Re-enter the pre-shared key in the IKE policy and pin the identities on the IKE gateway.",
        where: "Junos configuration mode, then commit",
        commands: [
          'set security ike policy <IKE-POL> pre-shared-key ascii-text "<psk>"',
          "set security ike gateway <GW> local-identity inet <customer-gateway-public-ip>",
          "set security ike gateway <GW> remote-identity inet <provider-outside-ip>",
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Set the key on the ASA tunnel group",
        detail: "IKEv2 keys are set per direction; IKEv1 uses a single ikev1 pre-shared-key.",
        where: "ASA configuration mode",
        commands: [
          "tunnel-group <provider-outside-ip> type ipsec-l2l",
          "tunnel-group <provider-outside-ip> ipsec-attributes",
          " ikev2 remote-authentication pre-shared-key <psk>",
          " ikev2 local-authentication pre-shared-key <psk>",
        ],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Set the key in the IKEv2 keyring",
        detail: "The keyring entry must match the peer address of this tunnel and be referenced by the IKEv2 profile.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "crypto ikev2 keyring <KEYRING>",
          " peer <TUNNEL-NAME>",
          "  address <provider-outside-ip>",
          "  pre-shared-key <psk>",
        ],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Set the key and identities in swanctl.conf",
        detail: text(
          "Add a secret per tunnel whose id matches the remote identity, and set local.id / remote.id in the",
          "connection; reload with swanctl --load-all.",
        ),
        where: "/etc/swanctl/swanctl.conf: secrets.ike-<name> and connections.<conn>.local / .remote",
        commands: [
          "# in connections.<conn>:",
          "local {",
          "  auth = psk",
          "  id = <customer-gateway-public-ip>",
          "}",
          "remote {",
          "  auth = psk",
          "  id = <provider-outside-ip>",
          "}",
          "# at top level:",
          "secrets {",
          "  ike-<name> {",
          "    id = <provider-outside-ip>",
          "    secret = <psk>",
          "  }",
          "}",
          "swanctl --load-all",
        ],
      },
      VERIFY_STEPS.strongswan,
    ],
  },
  references: [REF.junosRouteBased, REF.awsTunnelOptions, REF.aliModifyConnection, REF.swanctlConf],
};

const IKE_PROPOSAL_MISMATCH: Playbook = {
  code: "IKE_PROPOSAL_MISMATCH",
  summary: text(
    "The phase 1 (IKE SA) proposals share no common encryption, integrity, DH group, IKE version or mode; align",
    "the customer gateway's proposal with one the provider accepts.",
  ),
  steps: [
    {
      title: "List the phase 1 proposals of both peers",
      detail: text(
        "NO_PROPOSAL_CHOSEN during IKE_SA_INIT or main mode means no overlap. Compare IKE version (IKEv2",
        "preferred), mode (main, not aggressive), encryption (AES-128/256, GCM), integrity (SHA2-256 or",
        "stronger) and DH group (14 or higher).",
      ),
    },
    {
      title: "Make the customer gateway offer one proposal the provider allows",
      detail: text(
        `For example IKEv2, AES-256, SHA2-256, DH group 14, phase 1 lifetime ${AWS_REC.phase1LifetimeSec} s on AWS.`,
        "Avoid DES/3DES, MD5/SHA-1 and groups below 14 (they are also a WEAK_CRYPTO finding).",
      ),
    },
    {
      title: "Restrict the provider side to the same set if needed",
      detail: "Narrowing the provider's allowed list makes a mismatch explicit instead of negotiating a weak suite.",
    },
    {
      title: "Re-initiate and confirm the IKE SA is established",
      detail: "Clear the SA on the customer gateway and check the negotiated algorithms in the SA details.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Check or set the allowed phase 1 algorithms of the tunnel",
        text(
          "Phase 1 accepts AES128, AES256, AES128-GCM-16, AES256-GCM-16; SHA1, SHA2-256, SHA2-384, SHA2-512;",
          "DH groups 2 and 14-24; IKE versions ikev1 and ikev2.",
        ),
        cat(
          "IKEVersions=[{Value=ikev2}],Phase1EncryptionAlgorithms=[{Value=AES256}],",
          "Phase1IntegrityAlgorithms=[{Value=SHA2-256}],Phase1DHGroupNumbers=[{Value=14}]",
        ),
      ),
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Align IkeConfig on the IPsec connection",
        detail: text(
          "Set IkeVersion, IkeMode (main), IkeEncAlg, IkeAuthAlg and IkePfs (the phase 1 DH group) to the",
          "customer gateway's values; DiagnoseVpnConnections reports AlgorithmMismatch/DhGroupMismatch with the",
          "mismatching local and remote parameters.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            cat(
              `--IkeConfig '{"IkeVersion":"ikev2","IkeMode":"main","IkeEncAlg":"aes256","IkeAuthAlg":"sha256",`,
              `"IkePfs":"group14","IkeLifetime":${ALI_REC.phase1LifetimeSec}}'`,
            ),
          ),
        ],
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Match the customer device to the Anypoint VPN's IKE settings",
        detail: text(
          "Anypoint VPN is an AWS Site-to-Site VPN: offer IKEv2 with AES-256, SHA2-256 and DH group 14 on the",
          `device, lifetime ${MULE_V2.phase1LifetimeSec} s for IKEv2 (${MULE_V1.phase1LifetimeSec} s for IKEv1).`,
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Set the IKE proposal on the SRX",
        detail: "The IKE policy must reference this proposal and the gateway must run the same IKE version.",
        where: "Junos configuration mode, then commit",
        commands: [
          "set security ike proposal <P1> authentication-method pre-shared-keys",
          "set security ike proposal <P1> dh-group group14",
          "set security ike proposal <P1> authentication-algorithm sha-256",
          "set security ike proposal <P1> encryption-algorithm aes-256-cbc",
          `set security ike proposal <P1> lifetime-seconds ${AWS_REC.phase1LifetimeSec}`,
          "set security ike policy <IKE-POL> proposals <P1>",
          "set security ike gateway <GW> version v2-only",
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Set the IKEv2 policy on the ASA",
        detail: "Lower policy numbers are tried first; make sure IKEv2 is enabled on the outside interface.",
        where: "ASA configuration mode",
        commands: [
          "crypto ikev2 policy 10",
          " encryption aes-256",
          " integrity sha256",
          " group 14",
          " prf sha256",
          ` lifetime seconds ${AWS_REC.phase1LifetimeSec}`,
          "crypto ikev2 enable <outside-if>",
        ],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Set the IKEv2 proposal and policy on the router",
        detail: "The policy selects the proposal; the IKEv2 profile matches the peer.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "crypto ikev2 proposal <PROP>",
          " encryption aes-cbc-256",
          " integrity sha256",
          " group 14",
          "crypto ikev2 policy <POL>",
          " proposal <PROP>",
        ],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Set the IKE proposals in swanctl.conf",
        detail: "version = 2 forces IKEv2; the proposal string is encryption-integrity-DH group.",
        where: "/etc/swanctl/swanctl.conf: connections.<conn>; then swanctl --load-all",
        commands: ["version = 2", "proposals = aes256-sha256-modp2048", "swanctl --load-all"],
      },
      VERIFY_STEPS.strongswan,
    ],
  },
  references: [
    REF.awsTunnelInstability,
    REF.junosRouteBased,
    REF.awsTunnelOptions,
    REF.aliModifyConnection,
    REF.swanctlConf,
  ],
};

const IPSEC_PROPOSAL_MISMATCH: Playbook = {
  code: "IPSEC_PROPOSAL_MISMATCH",
  summary: text(
    "The phase 2 (CHILD/IPsec SA) proposals do not match, often because PFS is on one side only or uses a",
    "different DH group; align the ESP algorithms and PFS group on both sides.",
  ),
  steps: [
    {
      title: "Compare the phase 2 proposals of both peers",
      detail: text(
        "NO_PROPOSAL_CHOSEN for the CHILD_SA / quick mode, or 'no acceptable proposal for CHILD_SA': compare ESP",
        "encryption, integrity and the PFS DH group.",
      ),
    },
    {
      title: "Enable PFS on the customer gateway with a group the provider allows",
      detail: text(
        "PFS is enabled by default on the AWS side; make sure it is enabled on the customer gateway (AWS Knowledge Center article on tunnel inactivity and instability)",
        "with a group from the provider's phase 2 list (14 or higher).",
      ),
    },
    {
      title: "Align the ESP algorithms",
      detail: text(
        "For example ESP AES-256 with SHA2-256, or AES-256-GCM, and phase 2 lifetime",
        `${AWS_REC.phase2LifetimeSec} s on AWS.`,
      ),
    },
    {
      title: "Re-initiate and confirm the IPsec SA is installed",
      detail: "Check the negotiated ESP algorithms and PFS group in the IPsec SA details.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Check or set the allowed phase 2 algorithms of the tunnel",
        "Phase 2 accepts the same ciphers and integrity algorithms as phase 1 and DH groups 2, 5 and 14-24.",
        cat(
          "Phase2EncryptionAlgorithms=[{Value=AES256}],Phase2IntegrityAlgorithms=[{Value=SHA2-256}],",
          "Phase2DHGroupNumbers=[{Value=14}]",
        ),
      ),
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Align IpsecConfig on the IPsec connection",
        detail: text(
          "IpsecEncAlg, IpsecAuthAlg and IpsecPfs (disabled, group1, group2, group5, group14) must match the",
          "customer gateway; Alibaba's default IpsecPfs is group2, so set group14 on both sides.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            cat(
              `--IpsecConfig '{"IpsecEncAlg":"aes256","IpsecAuthAlg":"sha256","IpsecPfs":"group14",`,
              `"IpsecLifetime":${ALI_REC.phase2LifetimeSec}}'`,
            ),
          ),
        ],
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Enable PFS on the customer device for the Anypoint VPN",
        detail: text(
          "MuleSoft documents Anypoint VPNs dropping periodically when phase 2 runs without PFS (for example with",
          `Azure VPN): enable PFS and use phase 2 lifetime ${MULE_V2.phase2LifetimeSec} s with IKEv2`,
          `(${MULE_V1.phase2LifetimeSec} s with IKEv1).`,
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Set the IPsec proposal and PFS on the SRX",
        detail: "The IPsec policy carries PFS; the VPN references the policy.",
        where: "Junos configuration mode, then commit",
        commands: [
          "set security ipsec proposal <P2> protocol esp",
          "set security ipsec proposal <P2> authentication-algorithm hmac-sha-256-128",
          "set security ipsec proposal <P2> encryption-algorithm aes-256-cbc",
          `set security ipsec proposal <P2> lifetime-seconds ${AWS_REC.phase2LifetimeSec}`,
          "set security ipsec policy <IPSEC-POL> perfect-forward-secrecy keys group14",
          "set security ipsec policy <IPSEC-POL> proposals <P2>",
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Set the IPsec proposal and PFS on the ASA",
        detail: "Use the crypto map entry of the peer (policy-based) or the IPsec profile (VTI).",
        where: "ASA configuration mode",
        commands: [
          "crypto ipsec ikev2 ipsec-proposal <PROP>",
          " protocol esp encryption aes-256",
          " protocol esp integrity sha-256",
          "crypto map <MAP> <seq> set ikev2 ipsec-proposal <PROP>",
          "crypto map <MAP> <seq> set pfs group14",
        ],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Set the transform set and PFS on the router",
        detail: "The IPsec profile used by tunnel protection carries the transform set and PFS group.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "crypto ipsec transform-set <TS> esp-aes 256 esp-sha256-hmac",
          " mode tunnel",
          "crypto ipsec profile <PROFILE>",
          " set transform-set <TS>",
          " set pfs group14",
        ],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Set the ESP proposals (with PFS) in swanctl.conf",
        detail: "A DH group in esp_proposals enables PFS for the CHILD_SA; without one there is no PFS.",
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

const TRAFFIC_SELECTOR_MISMATCH: Playbook = {
  code: "TRAFFIC_SELECTOR_MISMATCH",
  summary: text(
    "The encryption domains (proxy IDs, traffic selectors) of the peers do not match; use 0.0.0.0/0 selectors on",
    "route-based tunnels, or one summarised encryption domain on policy-based peers.",
  ),
  steps: [
    {
      title: "Compare local and remote selectors on both sides",
      detail: text(
        "TS_UNACCEPTABLE, INVALID_ID_INFORMATION or 'proxy ID mismatch': write down the local/remote networks",
        "(and protocol/port) each side proposes for the CHILD_SA. Proxy-ID mismatch is one of the most common",
        "IPsec errors (Juniper route-based IPsec VPN guide).",
      ),
    },
    {
      title: "Route-based tunnels: use 0.0.0.0/0 on both sides",
      detail: text(
        "A route-based VPN's default proxy ID is local 0.0.0.0/0, remote 0.0.0.0/0, service any; routes, not",
        "selectors, decide what enters the tunnel. Several route-based VPNs to the same peer IP need a unique",
        "proxy ID each.",
      ),
    },
    {
      title: "Policy-based peers: keep one encryption domain",
      detail: text(
        "AWS supports one encryption domain (one SA pair): summarise the networks on the customer gateway and",
        "make the provider's local/remote network CIDRs cover the expected traffic (default 0.0.0.0/0).",
      ),
    },
    {
      title: "Re-initiate and confirm the CHILD SA carries traffic",
      detail: "Check the installed selectors in the SA details and ping across the tunnel.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Set the connection's local and remote IPv4 network CIDR",
        detail: text(
          "These define the single encryption domain AWS negotiates. Changing them replaces both tunnel",
          "endpoints: both tunnels are unavailable while they are provisioned, so do it in a maintenance window.",
        ),
        where: AWS_MODIFY_CONNECTION_PATH,
        commands: [
          text(
            "aws ec2 modify-vpn-connection-options --vpn-connection-id <vpn-id>",
            "--local-ipv4-network-cidr <on-prem-summary-cidr> --remote-ipv4-network-cidr <vpc-cidr>",
          ),
        ],
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Align LocalSubnet and RemoteSubnet on the IPsec connection",
        detail: text(
          "0.0.0.0/0 on both selects destination routing mode; specific CIDRs select protected data flow mode and",
          "must mirror the customer gateway's remote/local networks.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            "--LocalSubnet <vpc-cidr> --RemoteSubnet <on-prem-cidr>",
          ),
        ],
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Match the customer device's selectors to the Anypoint VPN",
        detail: text(
          "With static routing the device's encryption domain must cover the Anypoint VPC CIDR and the",
          "remoteNetworks configured on the VPN; prefer a route-based (VTI) device configuration.",
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Check st0 binding and proxy ID on the SRX",
        detail: text(
          "A missing st0 interface binding is another common IPsec failure (Juniper route-based IPsec VPN guide). Bind the VPN to st0 and set",
          "the proxy identity the provider expects; check the kmd log or enable IKE traceoptions if IPsec still",
          "fails.",
        ),
        where: "Junos configuration mode, then commit",
        commands: [
          "set security ipsec vpn <VPN> bind-interface st0.0",
          "set security ipsec vpn <VPN> ike proxy-identity local 0.0.0.0/0 remote 0.0.0.0/0 service any",
          "set security ike traceoptions file ike-trace",
          "set security ike traceoptions flag all",
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Mirror the crypto ACL on the ASA",
        detail: text(
          "The crypto map ACL must be the mirror image of the peer's selectors; 'no matching crypto map entry",
          "for remote proxy 0.0.0.0/0.0.0.0' means the peer proposes any-any while the ACL is specific.",
        ),
        where: "ASA configuration mode",
        commands: [
          "access-list <ACL> extended permit ip <local-net> <local-mask> <remote-net> <remote-mask>",
          "crypto map <MAP> <seq> match address <ACL>",
        ],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Use a VTI (any-any selectors) on the router",
        detail: "A static VTI negotiates 0.0.0.0/0 selectors and routes traffic into the tunnel interface.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "interface Tunnel1",
          " tunnel mode ipsec ipv4",
          " tunnel destination <provider-outside-ip>",
          " tunnel protection ipsec profile <PROFILE>",
        ],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Set local_ts and remote_ts in swanctl.conf",
        detail: "Use 0.0.0.0/0 on both for route-based (XFRM/VTI) tunnels, or the single summarised domain.",
        where: "/etc/swanctl/swanctl.conf: connections.<conn>.children.<child>; then swanctl --load-all",
        commands: ["local_ts = 0.0.0.0/0", "remote_ts = 0.0.0.0/0", "swanctl --load-all", "swanctl --list-pols"],
      },
      VERIFY_STEPS.strongswan,
    ],
  },
  references: [
    REF.awsTunnelInstability,
    REF.junosRouteBased,
    REF.awsConnectionOptions,
    REF.aliModifyConnection,
    REF.swanctlConf,
  ],
};

const DPD_TIMEOUT: Playbook = {
  code: "DPD_TIMEOUT",
  summary: text(
    "Dead peer detection gave up on the peer (R_U_THERE unanswered); make the customer gateway answer DPD",
    "reliably, and set the DPD timeout action deliberately (restart, or none if no action must be taken).",
  ),
  steps: [
    {
      title: "Confirm the DPD timeout in the logs",
      detail: text(
        "The provider logs 'Peer is not responsive - Declaring peer dead'. By default AWS sends DPD R_U_THERE",
        `every ${AWS_REC.dpdIntervalSec} s and declares the peer dead after ${DPD_RETRIES} unanswered messages,`,
        "then closes the connection (AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Check that the customer gateway receives and answers DPD",
      detail: text(
        "DPD and keep-alives are UDP 500 or 4500 packets: the device must accept them from both tunnel outside",
        "IPs and reply R_U_THERE_ACK, and must not be too busy to answer.",
      ),
    },
    {
      title: "Allow DPD through intrusion prevention without rate limits",
      detail: "If the firewall's IPS feature is active, make sure DPD messages are not rate-limited or dropped.",
    },
    {
      title: "Check the Internet connection of the customer gateway",
      detail: "Packet loss or flaps on the uplink to the provider's outside IPs cause missed DPD replies.",
    },
    {
      title: "Set the DPD timeout action deliberately",
      detail: text(
        "restart makes the provider re-initiate IKE after a timeout (recommended with failover); if the provider",
        "must take no action on a DPD timeout, set it to none (AWS Security Hub EC2.20 remediation guide; AWS Knowledge Center article on tunnel inactivity and instability): the tunnel is then not marked",
        "DOWN by DPD, so do not use none where failover relies on DPD.",
      ),
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Set the tunnel's DPD timeout action (restart, or none)",
        text(
          "DPD timeout action: clear (default) ends the IKE session, restart restarts IKE initiation, none takes",
          `no action. DPD timeout ${AWS_REC.dpdTimeoutSec} s or more.`,
        ),
        `DPDTimeoutAction=${AWS_REC.dpdTimeoutAction},DPDTimeoutSeconds=${AWS_REC.dpdTimeoutSec}`,
      ),
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Keep DPD enabled on the IPsec connection",
        detail: text(
          "EnableDpd (default true) makes the VPN gateway send DPD and delete the SAs when the peer does not",
          "answer; the customer gateway must answer it. For dual-tunnel connections set EnableDpd per tunnel.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration > DPD",
        commands: [
          "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id> --EnableDpd true",
        ],
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Check the DPD settings of the customer device",
        detail: text(
          "MuleSoft's guidance for IPsec DPD errors in VPN logs is to verify that DPD is defined correctly on the",
          `device (see 'DPD (Dead Peer Detection) and Anypoint VPN'): DPD on, ${AWS_REC.dpdIntervalSec} s interval,`,
          `${DPD_RETRIES} retries, and answering the Anypoint side's R_U_THERE.`,
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [DPD_CGW_STEPS["juniper-srx"], VERIFY_STEPS["juniper-srx"]],
    "cisco-asa": [DPD_CGW_STEPS["cisco-asa"], VERIFY_STEPS["cisco-asa"]],
    "cisco-ios": [DPD_CGW_STEPS["cisco-ios"], VERIFY_STEPS["cisco-ios"]],
    strongswan: [DPD_CGW_STEPS.strongswan, VERIFY_STEPS.strongswan],
  },
  references: [
    REF.securityHubEc2_20,
    REF.awsTunnelInstability,
    REF.muleMaintenance,
    REF.awsInitiation,
    REF.junosDpd,
    REF.swanctlConf,
  ],
};

const IDLE_TIMEOUT: Playbook = {
  code: "IDLE_TIMEOUT",
  summary: text(
    `The SA was torn down because no traffic crossed the tunnel; keep traffic flowing (ICMP every`,
    `${KEEPALIVE_INTERVAL_SEC} s) or move to BGP, whose keep-alives keep the tunnel busy.`,
  ),
  steps: [
    {
      title: "Decide whether traffic was expected",
      detail: text(
        "A static tunnel that drops while idle is expected behaviour unless traffic was expected; if the",
        "tunnel must stay up, continue.",
      ),
    },
    {
      title: "Confirm bidirectional traffic between the local network and the cloud network",
      detail: "Check that traffic flows both ways, not only from one side (security groups, ACLs, routes).",
    },
    {
      title: `Send ICMP into the cloud network every ${KEEPALIVE_INTERVAL_SEC} s`,
      detail: text(
        `Create a scheduler or host that sends one ICMP request every ${KEEPALIVE_INTERVAL_SEC} s to an instance in`,
        "the VPC that answers ICMP, so packets are encrypted and decrypted continuously (AWS Security Hub EC2.20 remediation guide; AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Review the device's vendor-specific idle timeout",
      detail: "If no traffic crosses the tunnel within the device's idle time, the IPsec session ends: raise it.",
    },
    {
      title: "Move to BGP routing",
      detail: "Dynamic routing is recommended over static routing; BGP keep-alives keep the tunnel active.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Allow the keep-alive ICMP into the VPC",
        detail: text(
          "The target instance's security group and the subnet's network ACL must allow ICMP echo from the",
          "on-premises CIDR, and the VPC route table must route replies to the virtual private gateway.",
        ),
        where: "VPC console > Security groups > inbound rules (ICMP - IPv4 from the on-premises CIDR)",
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Enable the IPsec connection's health check",
        detail: text(
          "The health check probes through the tunnel (interval 3 s, 3 retries by default) and switches routes",
          "when it fails; the destination must answer back through the same tunnel.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Health Check > Edit",
        commands: [aliHealthCheckCommand("<cpe-ip-of-this-tunnel>")],
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Generate interesting traffic for the Anypoint VPN",
        detail: text(
          "When no traffic crosses the tunnel it goes down from inactivity: generate interesting traffic",
          "(traffic that must be encrypted by the Anypoint VPN) and consider moving to BGP (MuleSoft Anypoint VPN maintenance guide, 'How to",
          "Generate Interesting Traffic for Anypoint VPN').",
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [KEEPALIVE_CGW_STEPS["juniper-srx"], VERIFY_STEPS["juniper-srx"]],
    "cisco-asa": [KEEPALIVE_CGW_STEPS["cisco-asa"], VERIFY_STEPS["cisco-asa"]],
    "cisco-ios": [KEEPALIVE_CGW_STEPS["cisco-ios"], VERIFY_STEPS["cisco-ios"]],
    strongswan: [KEEPALIVE_CGW_STEPS.strongswan, VERIFY_STEPS.strongswan],
  },
  references: [REF.securityHubEc2_20, REF.awsTunnelInstability, REF.muleMaintenance, REF.alibabaRedundancy],
};

const REKEY_FAILURE: Playbook = {
  code: "REKEY_FAILURE",
  summary: text(
    "A phase 1 or phase 2 rekey failed or collided; set the customer gateway's lifetimes to the provider's",
    "values, let only one side drive the rekey, enable PFS and let the provider's rekeys in.",
  ),
  steps: [
    {
      title: "Compare phase 1 and phase 2 lifetimes with the provider's",
      detail: text(
        `AWS: ${AWS_REC.phase1LifetimeSec} s / ${AWS_REC.phase2LifetimeSec} s. MuleSoft with IKEv2:`,
        `${MULE_V2.phase1LifetimeSec} s / ${MULE_V2.phase2LifetimeSec} s on the customer side; with IKEv1`,
        `${MULE_V1.phase1LifetimeSec} s / ${MULE_V1.phase2LifetimeSec} s. Alibaba defaults:`,
        `${ALI_REC.phase1LifetimeSec} s / ${ALI_REC.phase2LifetimeSec} s.`,
      ),
    },
    {
      title: "Let one peer initiate the rekey",
      detail: text(
        "IKEv2 lifetimes are not negotiated: the side with the lower lifetime initiates the rekey. Configure one",
        "peer to drive the rekey (AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Enable PFS on the customer gateway",
      detail: "PFS is on by default on the AWS side; a peer without it fails phase 2 rekeys.",
    },
    {
      title: "Allow the provider's rekeys in",
      detail: text(
        "Inbound UDP 500 (IKE), UDP 4500 (NAT-T) and IP protocol 50 (ESP) from both tunnel outside IPs must reach",
        "the customer gateway so that the provider side can rekey (AWS Security Hub EC2.20 remediation guide).",
      ),
    },
    {
      title: "Watch the next rekey",
      detail: "After the phase 2 lifetime elapses, the logs should show a rekey without the tunnel going DOWN.",
    },
  ],
  variants: {
    aws: [
      awsTunnelOptionsStep(
        "Keep the tunnel's rekey options at the defaults",
        text(
          `Phase 1 ${AWS_REC.phase1LifetimeSec} s, phase 2 ${AWS_REC.phase2LifetimeSec} s, rekey margin`,
          `${AWS_REKEY_MARGINS} s, rekey fuzz ${AWS_REC.rekeyFuzzPct} %, replay window ${AWS_REC.replayWindow}`,
          "packets (AWS Security Hub EC2.20 remediation guide).",
        ),
        cat(
          `Phase1LifetimeSeconds=${AWS_REC.phase1LifetimeSec},Phase2LifetimeSeconds=${AWS_REC.phase2LifetimeSec},`,
          `RekeyMarginTimeSeconds=${AWS_REC.rekeyMarginSec[0]},RekeyFuzzPercentage=${AWS_REC.rekeyFuzzPct}`,
        ),
      ),
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Match IkeLifetime and IpsecLifetime",
        detail: text(
          `Alibaba's defaults are IkeLifetime ${ALI_REC.phase1LifetimeSec} s and IpsecLifetime`,
          `${ALI_REC.phase2LifetimeSec} s; set the customer gateway to the same values or change both sides.`,
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Set the MuleSoft-recommended lifetimes on the customer device",
        detail: text(
          `IKEv2: phase 1 ${MULE_V2.phase1LifetimeSec} s, phase 2 ${MULE_V2.phase2LifetimeSec} s, so that the`,
          "device times out first and controls the rekey. IKEv1: the defaults",
          `${MULE_V1.phase1LifetimeSec} s / ${MULE_V1.phase2LifetimeSec} s (MuleSoft Anypoint VPN maintenance guide).`,
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Set the lifetimes and PFS on the SRX",
        detail: text(
          `AWS values shown; for MuleSoft IKEv2 use ${MULE_V2.phase1LifetimeSec} / ${MULE_V2.phase2LifetimeSec}`,
          `instead of ${AWS_REC.phase1LifetimeSec} / ${AWS_REC.phase2LifetimeSec}.`,
        ),
        where: "Junos configuration mode, then commit",
        commands: [
          `set security ike proposal <P1> lifetime-seconds ${AWS_REC.phase1LifetimeSec}`,
          `set security ipsec proposal <P2> lifetime-seconds ${AWS_REC.phase2LifetimeSec}`,
          "set security ipsec policy <IPSEC-POL> perfect-forward-secrecy keys group14",
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Set the lifetimes and PFS on the ASA",
        detail: "The ASA defaults (86400 s phase 1, 28800 s phase 2) differ from AWS: set them explicitly.",
        where: "ASA configuration mode",
        commands: [
          "crypto ikev2 policy 10",
          ` lifetime seconds ${AWS_REC.phase1LifetimeSec}`,
          `crypto map <MAP> <seq> set security-association lifetime seconds ${AWS_REC.phase2LifetimeSec}`,
          "crypto map <MAP> <seq> set pfs group14",
        ],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Set the lifetimes and PFS on the router",
        detail: "The IKEv2 profile carries the phase 1 lifetime, the IPsec profile the phase 2 lifetime and PFS.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "crypto ikev2 profile <IKEV2-PROFILE>",
          ` lifetime ${AWS_REC.phase1LifetimeSec}`,
          "crypto ipsec profile <PROFILE>",
          ` set security-association lifetime seconds ${AWS_REC.phase2LifetimeSec}`,
          " set pfs group14",
        ],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Set rekey_time for IKE and CHILD SAs",
        detail: text(
          "rekey_time starts the rekey; keep it at or below the provider's lifetime so strongSwan drives the",
          "rekey, and keep a DH group in esp_proposals for PFS.",
        ),
        where: "/etc/swanctl/swanctl.conf: connections.<conn> and .children.<child>; then swanctl --load-all",
        commands: [
          "# in connections.<conn>:",
          `rekey_time = ${AWS_REC.phase1LifetimeSec}s`,
          "# in connections.<conn>.children.<child>:",
          `rekey_time = ${AWS_REC.phase2LifetimeSec}s`,
          "esp_proposals = aes256-sha256-modp2048",
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
    REF.swanctlConf,
  ],
};

const PEER_UNREACHABLE: Playbook = {
  code: "PEER_UNREACHABLE",
  summary: text(
    "IKE requests get no answer at all; check that both peers' addresses are right and that UDP 500, UDP 4500",
    "and IP protocol 50 (ESP) pass in both directions.",
  ),
  steps: [
    {
      title: "Confirm the addresses on both sides",
      detail: text(
        "Re-read the provider's current outside IP of each tunnel and the customer gateway's public IP",
        "registered with the provider; outside IPs can change when the provider replaces an endpoint.",
      ),
    },
    {
      title: "Open IKE, NAT-T and ESP between the peers",
      detail: text(
        "Allow UDP 500 (IKE) and IP protocol 50 (ESP) in both directions between the customer gateway and both",
        "tunnel outside IPs; if NAT-T is used, also UDP 4500. Check every firewall and the ISP edge in the path.",
      ),
    },
    {
      title: "Check who initiates",
      detail: text(
        "If the provider side only responds (AWS startup action add, Anypoint VPN), the customer gateway must",
        "initiate: 'no response' from the provider can mean the CGW never sent IKE_SA_INIT.",
      ),
    },
    {
      title: "Capture IKE packets on the customer gateway's outside interface",
      detail: "Outgoing requests without replies point upstream; no outgoing requests point at the CGW config.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Check the firewall rules AWS documents for the customer gateway",
        detail: text(
          "Inbound and outbound UDP 500 and IP 50 (ESP) for Tunnel1 and Tunnel2 outside IPs; UDP 4500 too when",
          "NAT-T is used. Read the current outside IPs and the tunnel status from the API.",
        ),
        where: "VPC console > Site-to-Site VPN connections > select the connection > Tunnel details",
        commands: [
          text(
            "aws ec2 describe-vpn-connections --vpn-connection-ids <vpn-id>",
            '--query "VpnConnections[0].Options.TunnelOptions[].OutsideIpAddress"',
          ),
        ],
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Diagnose the negotiation timeout on Alibaba Cloud",
        detail: text(
          "DiagnoseVpnConnections reports FailedReasonCode Phase1NegotiationTimeout or PeerMismatch; check the",
          "customer gateway's IP address registered in the VPN Gateway console and the gateway's public IP.",
        ),
        where: "VPN Gateway console > Customer Gateways, and IPsec Connections > select the connection",
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Initiate from the customer device",
        detail: text(
          "The Anypoint side only responds: the device must initiate IKE to both tunnel outside IPs shown for the",
          "VPN, over UDP 500/4500 with ESP allowed.",
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Allow IKE on the SRX's external zone and capture",
        detail: "The external interface's zone must accept IKE as host-inbound traffic.",
        where: "Junos configuration mode (set) and operational mode (monitor)",
        commands: [
          "set security zones security-zone untrust host-inbound-traffic system-services ike",
          'monitor traffic interface <outside-if> matching "udp port 500 or udp port 4500 or esp"',
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Trace and capture IKE on the ASA",
        detail: "packet-tracer shows whether the ASA would accept IKE from the peer; the capture shows what arrives.",
        where: "ASA privileged EXEC",
        commands: [
          "packet-tracer input <outside-if> udp <provider-outside-ip> 500 <cgw-outside-ip> 500",
          "capture CAPIKE interface <outside-if> match udp host <provider-outside-ip> any eq 500",
          "show capture CAPIKE",
        ],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Debug the IKE exchange on the router",
        detail: "Retransmissions without a reply confirm that the peer's answers do not arrive.",
        where: "IOS / IOS XE privileged EXEC",
        commands: ["debug crypto ikev2", "show crypto ikev2 sa", "undebug all"],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Capture IKE and ESP on the strongSwan host",
        detail: "Check local firewall rules (nftables/iptables) for UDP 500, UDP 4500 and ESP too.",
        where: "strongSwan host shell (root)",
        commands: ["tcpdump -ni <outside-if> 'udp port 500 or udp port 4500 or esp'", "swanctl --log"],
      },
      VERIFY_STEPS.strongswan,
    ],
  },
  references: [REF.securityHubEc2_20, REF.awsTunnelInstability, REF.awsFirewallRules, REF.awsInitiation],
};

const NAT_T_ISSUE: Playbook = {
  code: "NAT_T_ISSUE",
  summary: text(
    "NAT traversal fails: the customer gateway is behind NAT (or the VPN is accelerated) but NAT-T is off or UDP",
    "4500 is blocked; enable NAT-T and allow UDP 4500.",
  ),
  steps: [
    {
      title: "Find out whether the customer gateway is behind NAT",
      detail: text(
        "AWS tunnel logs carry nat_t_detected; otherwise compare the gateway's interface address with the public",
        "IP registered with the provider. Accelerated AWS VPNs also require NAT-T.",
      ),
    },
    {
      title: "Enable NAT-T on the customer gateway",
      detail: "With NAT or acceleration, NAT-T must be active so that IKE and ESP move to UDP 4500.",
    },
    {
      title: "Allow UDP 4500 in both directions",
      detail: text(
        "Verify UDP 4500 passes between the network and the VPN endpoints; without NAT, UDP 500 and IP protocol",
        "50 (ESP) must be open instead (AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Use the public IP as the IKE identity",
      detail: "Behind NAT, make the local IKE ID the public IP registered with the provider, not the private one.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Check NAT-T detection in the tunnel logs",
        detail: "Tunnel activity logs (JSON) report nat_t_detected true/false for the customer gateway.",
        where: "CloudWatch Logs > the tunnel's log group > stream <vpn-id>_<tunnel-outside-ip>",
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Keep NAT traversal enabled on the IPsec connection",
        detail: "EnableNatTraversal (default true) lets IKE skip UDP port checks and discover NAT devices.",
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit > Advanced Configuration",
        commands: [
          text(
            "aliyun vpc ModifyVpnConnectionAttribute --RegionId <region> --VpnConnectionId <vco-id>",
            "--EnableNatTraversal true",
          ),
        ],
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Enable NAT-T on the customer device",
        detail: "Anypoint VPN (AWS underneath) checks whether the device advertises NAT-T; allow UDP 4500.",
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Make sure NAT-T is not disabled on the SRX",
        detail: "NAT-T is on by default; remove no-nat-traversal and keep NAT mappings alive.",
        where: "Junos configuration mode, then commit",
        commands: [
          "delete security ike gateway <GW> no-nat-traversal",
          "set security ike gateway <GW> nat-keepalive 10",
          "set security ike gateway <GW> local-identity inet <public-ip>",
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Enable NAT traversal on the ASA",
        detail: "IKEv1 needs NAT-T enabled globally (keepalive 10 s); IKEv2 detects NAT automatically.",
        where: "ASA configuration mode",
        commands: ["crypto isakmp nat-traversal 10"],
      },
      VERIFY_STEPS["cisco-asa"],
    ],
    "cisco-ios": [
      {
        title: "Keep NAT transparency on the router",
        detail: "UDP encapsulation is on by default; make sure it was not disabled and keep NAT mappings alive.",
        where: "IOS / IOS XE configuration mode",
        commands: ["crypto ipsec nat-transparency udp-encapsulation", "crypto isakmp nat keepalive 20"],
      },
      VERIFY_STEPS["cisco-ios"],
    ],
    strongswan: [
      {
        title: "Force UDP encapsulation if NAT detection fails",
        detail: "strongSwan detects NAT and switches to UDP 4500; encap = yes forces it.",
        where: "/etc/swanctl/swanctl.conf: connections.<conn>; then swanctl --load-all",
        commands: ["encap = yes", "swanctl --load-all"],
      },
      VERIFY_STEPS.strongswan,
    ],
  },
  references: [REF.awsTunnelInstability, REF.awsFirewallRules, REF.awsLogs, REF.aliModifyConnection],
};

const BGP_SESSION_DOWN: Playbook = {
  code: "BGP_SESSION_DOWN",
  summary: text(
    "BGP over the tunnel is down or learns no routes; bring up IPsec first, then check inside addresses, ASNs,",
    "timers, TCP 179 on the tunnel and the advertised prefixes.",
  ),
  steps: [
    {
      title: "Make sure the IPsec SA of the tunnel is up first",
      detail: "BGP runs inside the tunnel: if phase 1/2 is down, fix that fault first.",
    },
    {
      title: "Check the BGP peering parameters",
      detail: text(
        "Tunnel inside addresses (/30 from 169.254.0.0/16), the provider's ASN (AWS virtual private gateway",
        "default 64512) and the customer ASN must match the configuration; allow TCP 179 on the tunnel interface.",
      ),
    },
    {
      title: "Check the advertised and accepted routes",
      detail: text(
        "'0 BGP ROUTES' means the session is up but no prefix was accepted: advertise the on-premises prefixes",
        "and stay under the provider's route limits.",
      ),
    },
    {
      title: "Verify the session on both sides",
      detail: "The session should be Established and the provider should report n BGP ROUTES with n > 0.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Read the BGP status and accepted routes per tunnel",
        detail: text(
          "StatusMessage 'n BGP ROUTES' and AcceptedRouteCount per tunnel; enable BGP logs in the tunnel's log",
          "options to see session events.",
        ),
        where: "VPC console > Site-to-Site VPN connections > select the connection > Tunnel details",
        commands: [
          text(
            "aws ec2 describe-vpn-connections --vpn-connection-ids <vpn-id>",
            '--query "VpnConnections[0].VgwTelemetry[].[OutsideIpAddress,Status,StatusMessage,AcceptedRouteCount]"',
          ),
        ],
      },
    ],
    alibaba: [
      {
        title: "Check the tunnel's BGP configuration on Alibaba Cloud",
        detail: text(
          "EnableTunnelsBgp and each tunnel's TunnelBgpConfig (LocalAsn, LocalBgpIp, TunnelCidr) must match the",
          "customer gateway; BgpStatus shows the session state.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > BGP configuration",
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Check the Anypoint VPN's BGP peering",
        detail: "The VPN's remoteAsn must be the device's ASN; tunnel status shows the number of BGP routes.",
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Check BGP on the SRX",
        detail: "The st0 unit needs its inside address, and the vpn zone must accept BGP as host-inbound traffic.",
        where: "Junos operational and configuration mode",
        commands: [
          "show bgp summary",
          "show bgp neighbor <provider-inside-ip>",
          "show route advertising-protocol bgp <provider-inside-ip>",
          "set security zones security-zone vpn host-inbound-traffic protocols bgp",
        ],
      },
    ],
    "cisco-asa": [
      {
        title: "Check BGP on the ASA",
        detail: "Route-based (VTI) tunnels carry BGP on the tunnel interface's inside address.",
        where: "ASA privileged EXEC",
        commands: ["show bgp summary", "show bgp neighbors <provider-inside-ip> advertised-routes"],
      },
    ],
    "cisco-ios": [
      {
        title: "Check BGP on the router",
        detail: "AWS sample configurations use neighbor timers 10 30 30.",
        where: "IOS / IOS XE privileged EXEC and configuration mode",
        commands: [
          "show ip bgp summary",
          "show ip bgp neighbors <provider-inside-ip> advertised-routes",
          "router bgp <customer-asn>",
          " neighbor <provider-inside-ip> timers 10 30 30",
        ],
      },
    ],
    strongswan: [
      {
        title: "Check the routing daemon next to strongSwan",
        detail: "strongSwan carries no BGP itself: check FRR (or BIRD) and the route-based XFRM/VTI interface.",
        where: "strongSwan host shell (root)",
        commands: ['vtysh -c "show bgp summary"', "ip -d link show", "swanctl --list-sas"],
      },
    ],
  },
  references: [REF.muleMaintenance, REF.awsLogs, REF.awsRoutePriority],
};

const TUNNEL_UP: Playbook = {
  code: "TUNNEL_UP",
  summary: text(
    "The IKE/IPsec SA, or the BGP session over the tunnel, came up normally; no remediation, but confirm",
    "redundancy and watch for flapping.",
  ),
  steps: [
    {
      title: "No remediation needed",
      detail: text(
        "The line clears open faults of this tunnel once the recovery has held for the tenant's delay; a BGP",
        "session reaching Established also clears BGP_SESSION_DOWN, an IPsec SA coming up does not.",
      ),
    },
    {
      title: "Confirm the other tunnel of the connection",
      detail: "Redundancy needs both tunnels UP (AWS Security Hub EC2.20); check tunnel 2 as well as tunnel 1.",
    },
    {
      title: "Watch for flapping",
      detail: text(
        "If UP alternates with DOWN, look at the fault lines before each DOWN (DPD timeout, idle timeout, rekey",
        "failure) and apply that playbook.",
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
  references: [REF.securityHubEc2_20],
};

const TUNNEL_DOWN_OTHER: Playbook = {
  code: "TUNNEL_DOWN_OTHER",
  summary: text(
    "The tunnel went down without a recognised cause; rule out provider maintenance, restart the tunnel if it",
    "is not back after 10-15 minutes, and collect logs to find the cause.",
  ),
  steps: [
    {
      title: "Check for provider maintenance",
      detail: text(
        "A tunnel DOWN for seconds during a provider's routine work is not an incident. Look for a pending or",
        "just-applied endpoint update on that tunnel.",
      ),
    },
    {
      title: "Wait 10-15 minutes, then restart the tunnel",
      detail:
        "If the tunnel does not come back within 10-15 minutes, restart it from the customer gateway (MuleSoft Anypoint VPN maintenance guide).",
    },
    {
      title: "With static routing, generate interesting traffic",
      detail:
        "A static tunnel may only come up when traffic that must be encrypted is sent (MuleSoft Anypoint VPN maintenance guide).",
    },
    {
      title: "Collect the logs around the drop",
      detail: text(
        "Read the provider's tunnel logs and the customer gateway's IKE logs for the minutes before the DOWN;",
        "enable tunnel logging if it is off, then reclassify.",
      ),
    },
    {
      title: "If a tunnel monitor took it down, check what it probes",
      detail: text(
        "Junos VPN monitoring, PAN-OS tunnel monitoring and Alibaba health checks send probes through the tunnel and",
        "tear it down when they go unanswered, while IKE itself may be fine: confirm the monitored address answers",
        "through this tunnel (and back through it), that the probe's source is inside the encryption domain, and that",
        "no firewall drops it.",
      ),
    },
  ],
  variants: {
    aws: [
      {
        title: "Check pending tunnel endpoint maintenance",
        detail: text(
          "GetVpnTunnelReplacementStatus shows PendingMaintenance, MaintenanceAutoAppliedAfter and",
          "LastMaintenanceApplied per tunnel; with tunnel endpoint lifecycle control you can apply pending",
          "maintenance in your own window, one tunnel at a time.",
        ),
        where: "VPC console > Site-to-Site VPN connections > select the connection > Tunnel details; AWS Health",
        commands: [
          text(
            "aws ec2 get-vpn-tunnel-replacement-status --vpn-connection-id <vpn-id>",
            "--vpn-tunnel-outside-ip-address <tunnel-outside-ip>",
          ),
          text(
            "aws ec2 replace-vpn-tunnel --vpn-connection-id <vpn-id> --vpn-tunnel-outside-ip-address",
            "<tunnel-outside-ip> --apply-pending-maintenance",
          ),
        ],
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Check Alibaba O&M events and the connection logs",
        detail: text(
          "O&M events list affected resources and a default execution time you can reschedule. Connection logs",
          "(DescribeVpnConnectionLogs) are queried in windows of about 10 minutes (From/To in Unix seconds).",
        ),
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Assume Anypoint maintenance and restart from the device",
        detail: text(
          "Since the October 2022 maintenance window MuleSoft applies AWS updates on demand with no published",
          "schedule: if a tunnel is not back within 10-15 minutes, restart it from the device; with static",
          "routing, generate interesting traffic (MuleSoft Anypoint VPN maintenance guide).",
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [RESTART_STEPS["juniper-srx"], VERIFY_STEPS["juniper-srx"]],
    "cisco-asa": [RESTART_STEPS["cisco-asa"], VERIFY_STEPS["cisco-asa"]],
    "cisco-ios": [RESTART_STEPS["cisco-ios"], VERIFY_STEPS["cisco-ios"]],
    strongswan: [RESTART_STEPS.strongswan, VERIFY_STEPS.strongswan],
  },
  references: [REF.muleMaintenance, REF.securityHubEc2_20, REF.awsLifecycle, REF.awsEndpointReplacements],
};

const INFO: Playbook = {
  code: "INFO",
  summary: "Recognised, benign negotiation chatter; no action is needed.",
  steps: [
    {
      title: "No action required",
      detail: "The line was recognised as routine (for example rekey or keep-alive chatter) and opens no incident.",
    },
  ],
  variants: {},
  references: [],
};

const UNKNOWN: Playbook = {
  code: "UNKNOWN",
  summary: "The line was not recognised; it is kept and counted, and should be reported so that it can be classified.",
  steps: [
    {
      title: "Read the raw line in context",
      detail: text(
        "Open the line with the lines before and after it from the same tunnel; a fault is often spelled out",
        "one or two lines earlier or later.",
      ),
    },
    {
      title: "Report the line for classification",
      detail: text(
        "Send the vendor, software version, the line with secrets removed (pre-shared keys, certificates; mask",
        "public IPs if needed) and the code you expected to the Tunnelwatch maintainers so that the classifier",
        "learns it.",
      ),
    },
  ],
  variants: {},
  references: [],
};

export const LOG_FAULT_PLAYBOOKS: Record<LogFaultCode, Playbook> = {
  IKE_AUTH_FAILURE,
  IKE_PROPOSAL_MISMATCH,
  IPSEC_PROPOSAL_MISMATCH,
  TRAFFIC_SELECTOR_MISMATCH,
  DPD_TIMEOUT,
  IDLE_TIMEOUT,
  REKEY_FAILURE,
  PEER_UNREACHABLE,
  NAT_T_ISSUE,
  BGP_SESSION_DOWN,
  TUNNEL_UP,
  TUNNEL_DOWN_OTHER,
  INFO,
  UNKNOWN,
};
