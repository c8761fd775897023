// Playbooks for the routing-related posture findings of faults.md §2: static routing, encryption domains,
// BGP path and preference asymmetry, and Alibaba health checks and route weights.
import type { FindingCode } from "../codes.ts";
import {
  ALI_STATUS_STEP,
  AWS_MODIFY_CONNECTION_PATH,
  AWS_STATUS_STEP,
  aliHealthCheckCommand,
  MULE_STATUS_STEP,
  REF,
  text,
  VERIFY_STEPS,
} from "./shared.ts";
import type { Playbook } from "./types.ts";

type RoutingFinding = Extract<
  FindingCode,
  | "STATIC_ROUTING"
  | "MULTIPLE_ENCRYPTION_DOMAINS"
  | "BGP_AS_PATH_ASYMMETRY"
  | "HEALTHCHECK_PATH_ASYMMETRY"
  | "ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY"
  | "BGP_PREFERENCE_ASYMMETRY"
>;

const STATIC_ROUTING: Playbook = {
  code: "STATIC_ROUTING",
  summary: text(
    "The connection uses static routing instead of BGP, which means downtime during maintenance and asymmetric",
    "routing when both tunnels are active; move to BGP, or configure static routing to avoid asymmetry.",
  ),
  steps: [
    {
      title: "Check whether the customer gateway supports BGP",
      detail:
        "Dynamic routing is the recommended practice over static routing (AWS Knowledge Center article on tunnel inactivity and instability).",
    },
    {
      title: "Move to dynamic routing (BGP) if supported",
      detail: text(
        "Anypoint VPNs with a BGP tunnel pair and DPD switch over in seconds during maintenance, static pairs",
        "take longer (MuleSoft Anypoint VPN maintenance guide). The routing type is chosen when the VPN connection is created: plan a migration.",
      ),
    },
    {
      title: "If BGP is not possible, avoid asymmetric routing",
      detail: text(
        "Static tunnels configured active/active can route asymmetrically: enable asymmetric routing on the",
        "tunnel interfaces, or run the tunnels active/passive (AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Add a failover mechanism for static routing",
      detail: "DPD with restart, health checks or route tracking, so that a failed tunnel is detected.",
    },
    {
      title: "Keep interesting traffic flowing",
      detail:
        "Static tunnels may need interesting traffic to come up after maintenance (MuleSoft Anypoint VPN maintenance guide).",
    },
  ],
  variants: {
    aws: [
      {
        title: "Create a VPN connection with dynamic routing and migrate",
        detail: text(
          "Create a customer gateway with your BGP ASN and a new VPN connection with routing 'Dynamic (requires",
          "BGP)', bring its tunnels and BGP up, move traffic, then delete the static connection (AWS migration",
          "post). With static active/active, AWS picks one preferred tunnel at random.",
        ),
        where: "VPC console > Site-to-Site VPN connections > Create VPN connection > Routing options: Dynamic",
        commands: [
          "aws ec2 create-customer-gateway --type ipsec.1 --ip-address <cgw-public-ip> --bgp-asn <customer-asn>",
          text(
            "aws ec2 create-vpn-connection --type ipsec.1 --customer-gateway-id <cgw-id>",
            "--vpn-gateway-id <vgw-id> --options StaticRoutesOnly=false",
          ),
        ],
      },
      AWS_STATUS_STEP,
    ],
    alibaba: [
      {
        title: "Enable BGP on the IPsec connection, or use weighted routes with health checks",
        detail: text(
          "Dual-tunnel connections support EnableTunnelsBgp with a TunnelBgpConfig per tunnel; with static",
          "destination-based routes, use weights 100/0 and a health check on each connection (Alibaba VPN Gateway redundant IPsec guide).",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > BGP configuration",
      },
      ALI_STATUS_STEP,
    ],
    mulesoft: [
      {
        title: "Use BGP on the Anypoint VPN",
        detail: text(
          "A VPN with remoteAsn uses BGP; a static VPN (remoteNetworks) must be recreated with BGP. MuleSoft",
          "recommends BGP with DPD on a tunnel pair to minimise maintenance downtime (MuleSoft Anypoint VPN maintenance guide).",
        ),
      },
      MULE_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Run BGP over st0 on the SRX",
        detail:
          "Route-based VPNs on st0 support dynamic routing protocols such as BGP (Juniper route-based IPsec VPN guide).",
        where: "Junos configuration mode, then commit",
        commands: [
          "set interfaces st0 unit 0 family inet address <customer-inside-ip>/30",
          "set protocols bgp group <GROUP> type external",
          "set protocols bgp group <GROUP> peer-as <provider-asn>",
          "set protocols bgp group <GROUP> neighbor <provider-inside-ip>",
          "set security zones security-zone vpn host-inbound-traffic protocols bgp",
        ],
      },
    ],
    "cisco-asa": [
      {
        title: "Run BGP over a VTI on the ASA",
        detail: "Route-based VTIs (ASA 9.7 and later) carry BGP; policy-based crypto maps cannot.",
        where: "ASA configuration mode",
        commands: [
          "router bgp <customer-asn>",
          " address-family ipv4 unicast",
          "  neighbor <provider-inside-ip> remote-as <provider-asn>",
          "  neighbor <provider-inside-ip> activate",
        ],
      },
    ],
    "cisco-ios": [
      {
        title: "Run BGP over the tunnel interfaces",
        detail: "AWS samples use neighbor timers 10 30 30.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "router bgp <customer-asn>",
          " neighbor <provider-inside-ip> remote-as <provider-asn>",
          " neighbor <provider-inside-ip> timers 10 30 30",
          " address-family ipv4 unicast",
          "  neighbor <provider-inside-ip> activate",
          "  network <on-prem-net> mask <mask>",
        ],
      },
    ],
    strongswan: [
      {
        title: "Run BGP with FRR over route-based tunnels",
        detail: "Use XFRM or VTI interfaces (if_id_in/if_id_out in swanctl.conf) and peer from FRR.",
        where: "FRR (vtysh) on the strongSwan host",
        commands: [
          text(
            'vtysh -c "conf t" -c "router bgp <customer-asn>"',
            '-c "neighbor <provider-inside-ip> remote-as <provider-asn>"',
          ),
        ],
      },
    ],
  },
  references: [REF.muleMaintenance, REF.awsTunnelInstability, REF.awsStaticToBgp, REF.awsTunnelPreference],
};

const MULTIPLE_ENCRYPTION_DOMAINS: Playbook = {
  code: "MULTIPLE_ENCRYPTION_DOMAINS",
  summary: text(
    "A policy-based peer uses more than one encryption domain, but AWS supports one SA pair; summarise the",
    "networks into one domain or move to a route-based tunnel.",
  ),
  steps: [
    {
      title: "List the encryption domains configured on the customer gateway",
      detail: "Each local/remote network pair of a policy-based peer creates its own SA pair.",
    },
    {
      title: "Summarise the networks on the customer gateway",
      detail: text(
        "Site-to-Site VPN supports only one encryption domain: summarise the networks so that only one pair of",
        "security associations is maintained (AWS Knowledge Center article on tunnel inactivity and instability).",
      ),
    },
    {
      title: "Make the provider's encryption domain cover the expected traffic",
      detail: "The provider's local and remote network CIDRs (default 0.0.0.0/0) must cover the summarised ranges.",
    },
    {
      title: "Prefer a route-based tunnel",
      detail: text(
        "With a route-based VPN one IKE and IPsec SA set carries all traffic and routes pick what enters the",
        "tunnel (Juniper route-based IPsec VPN guide).",
      ),
    },
  ],
  variants: {
    aws: [
      {
        title: "Set one local and one remote IPv4 network CIDR",
        detail: text(
          "Specify the encryption domain that covers the expected traffic. This replaces both tunnel endpoints",
          "(both tunnels unavailable while provisioning): schedule it.",
        ),
        where: AWS_MODIFY_CONNECTION_PATH,
        commands: [
          text(
            "aws ec2 modify-vpn-connection-options --vpn-connection-id <vpn-id>",
            "--local-ipv4-network-cidr <on-prem-summary-cidr> --remote-ipv4-network-cidr <vpc-cidr>",
          ),
        ],
      },
    ],
    alibaba: [
      {
        title: "Use destination routing mode",
        detail: text(
          "LocalSubnet and RemoteSubnet 0.0.0.0/0 select destination routing mode; protected data flow mode with",
          "several CIDRs negotiates one SA per pair.",
        ),
        where: "VPN Gateway console > IPsec Connections > select the connection > Edit",
      },
    ],
    mulesoft: [
      {
        title: "Summarise the networks behind the device",
        detail: "Anypoint VPN is an AWS VPN underneath: one encryption domain per tunnel.",
      },
    ],
    "juniper-srx": [
      {
        title: "Use a route-based VPN on st0 with one proxy ID",
        detail: text(
          "Bind the VPN to st0 and keep the default proxy ID 0.0.0.0/0 - 0.0.0.0/0; several route-based VPNs to the",
          "same peer IP need a unique proxy ID each (Juniper route-based IPsec VPN guide). Clamp TCP MSS for IPsec traffic to 1350 on",
          "Ethernet paths with MTU 1500.",
        ),
        where: "Junos configuration mode, then commit",
        commands: [
          "set security ipsec vpn <VPN> bind-interface st0.0",
          "set security ipsec vpn <VPN> ike proxy-identity local 0.0.0.0/0 remote 0.0.0.0/0 service any",
          "set routing-options static route <cloud-cidr> next-hop st0.0",
          "set security flow tcp-mss ipsec-vpn mss 1350",
        ],
      },
      VERIFY_STEPS["juniper-srx"],
    ],
    "cisco-asa": [
      {
        title: "Collapse the crypto ACL to one summarised entry",
        detail: "One ACE per crypto map entry: local summary to remote summary.",
        where: "ASA configuration mode",
        commands: [
          "access-list <ACL> extended permit ip <local-summary> <mask> <remote-summary> <mask>",
          "crypto map <MAP> <seq> match address <ACL>",
        ],
      },
    ],
    "cisco-ios": [
      {
        title: "Use a VTI instead of a crypto map",
        detail: "A static VTI negotiates one any-any SA pair and routes decide what enters the tunnel.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "interface Tunnel1",
          " tunnel mode ipsec ipv4",
          " tunnel protection ipsec profile <PROFILE>",
          " ip tcp adjust-mss 1379",
        ],
      },
    ],
    strongswan: [
      {
        title: "Use one traffic selector pair",
        detail: "List one summarised local_ts and remote_ts (or 0.0.0.0/0 with a route-based interface).",
        where: "/etc/swanctl/swanctl.conf: connections.<conn>.children.<child>; then swanctl --load-all",
        commands: ["local_ts = <local-summary>", "remote_ts = <remote-summary>", "swanctl --load-all"],
      },
    ],
  },
  references: [REF.awsTunnelInstability, REF.junosRouteBased, REF.awsConnectionOptions],
};

const BGP_AS_PATH_ASYMMETRY: Playbook = {
  code: "BGP_AS_PATH_ASYMMETRY",
  summary: text(
    "The two tunnels advertise different AS paths, so the VPN enters asymmetric mode after maintenance; advertise",
    "equal AS paths on both tunnels unless the gateway cannot route asymmetrically.",
  ),
  steps: [
    {
      title: "Compare the prefixes and AS paths advertised on each tunnel",
      detail: "Look for AS-path prepending or different origin ASNs on one tunnel.",
    },
    {
      title: "Advertise equal AS paths on both tunnels",
      detail: text(
        "For gateways that support asymmetric routing, do not prepend, so that the MED the provider sets during",
        "tunnel endpoint updates decides the tunnel.",
      ),
    },
    {
      title: "If the gateway cannot route asymmetrically, prefer one tunnel on purpose",
      detail: "Use AS-path prepending and local preference consistently to make one tunnel primary in both directions.",
    },
    {
      title: "Verify after the next maintenance",
      detail: "Both tunnels should be UP with the same routes; traffic must return on the tunnel it left on.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Check the routes AWS accepted on each tunnel",
        detail: "AcceptedRouteCount should match on both tunnels.",
        commands: [
          text(
            "aws ec2 describe-vpn-connections --vpn-connection-ids <vpn-id>",
            '--query "VpnConnections[0].VgwTelemetry[].[OutsideIpAddress,StatusMessage,AcceptedRouteCount]"',
          ),
        ],
      },
    ],
    mulesoft: [
      {
        title: "Follow MuleSoft's asymmetric-mode guidance",
        detail: text(
          "If the two tunnels of the same VPN have different AS paths, the Anypoint VPN enters asymmetric mode",
          "after on-demand maintenance ('Anypoint VPN with BGP Routing Enters Asymmetric Mode after Upgrade').",
        ),
      },
    ],
    "juniper-srx": [
      {
        title: "Compare the advertised AS paths on the SRX",
        detail: "Remove as-path-prepend from the export policy of one neighbor, or apply it to both.",
        where: "Junos operational and configuration mode",
        commands: [
          "show route advertising-protocol bgp <tunnel1-inside-ip> detail",
          "show route advertising-protocol bgp <tunnel2-inside-ip> detail",
          "show configuration policy-options",
        ],
      },
    ],
    "cisco-asa": [
      {
        title: "Compare the advertised routes on the ASA",
        detail: "Check the route-maps applied outbound to each neighbor.",
        where: "ASA privileged EXEC",
        commands: [
          "show bgp neighbors <tunnel1-inside-ip> advertised-routes",
          "show bgp neighbors <tunnel2-inside-ip> advertised-routes",
          "show running-config route-map",
        ],
      },
    ],
    "cisco-ios": [
      {
        title: "Compare the advertised routes on the router",
        detail: "Check for set as-path prepend in outbound route-maps.",
        where: "IOS / IOS XE privileged EXEC",
        commands: [
          "show ip bgp neighbors <tunnel1-inside-ip> advertised-routes",
          "show ip bgp neighbors <tunnel2-inside-ip> advertised-routes",
          "show running-config | section route-map",
        ],
      },
    ],
    strongswan: [
      {
        title: "Compare the advertised routes in FRR",
        detail: "strongSwan carries the tunnels; the AS paths come from the BGP daemon.",
        where: "FRR (vtysh) on the strongSwan host",
        commands: [
          'vtysh -c "show bgp ipv4 unicast neighbors <tunnel1-inside-ip> advertised-routes"',
          'vtysh -c "show bgp ipv4 unicast neighbors <tunnel2-inside-ip> advertised-routes"',
        ],
      },
    ],
  },
  references: [REF.muleMaintenance, REF.awsRoutePriority, REF.awsRoutingUpdates],
};

const BGP_PREFERENCE_ASYMMETRY: Playbook = {
  code: "BGP_PREFERENCE_ASYMMETRY",
  summary: text(
    "The customer gateway prefers one tunnel by weight or local preference, so the MED the provider lowers on the",
    "healthy tunnel during updates is ignored; use equal weight and local preference on both tunnels.",
  ),
  steps: [
    {
      title: "Find the weight and local preference applied per tunnel",
      detail: "Weight and local preference are evaluated before AS path and MED in BGP best-path selection.",
    },
    {
      title: "Make weight and local preference equal on both tunnels",
      detail: text(
        "During tunnel endpoint updates AWS sets a lower MED on the tunnel that stays up; this only steers",
        "traffic when weight and local preference are the same on both tunnels. A gateway that cannot route",
        "asymmetrically is the exception: it should prefer one tunnel on purpose, with AS-path prepending and",
        "local preference, consistently in both directions.",
      ),
    },
    {
      title: "Enable asymmetric routing on the tunnel interfaces",
      detail: "AWS strongly recommends customer gateway devices that support asymmetric routing.",
    },
    {
      title: "Verify the best path follows MED",
      detail: "Both tunnels' routes should differ only in MED; the best path is the one with the lower MED.",
    },
  ],
  variants: {
    aws: [
      {
        title: "Review AWS's routing behaviour during tunnel updates",
        detail: text(
          "AWS lowers the outbound MED on the tunnel that is not being updated; with static routing or preferences",
          "on the customer side, traffic may keep using the tunnel under maintenance.",
        ),
      },
    ],
    mulesoft: [
      {
        title: "Keep both Anypoint tunnels equally preferred",
        detail: text(
          "During AWS updates one tunnel is disabled briefly and AWS sets a lower MED on the other for failover",
          "(MuleSoft HA guide); do not pin traffic to one tunnel on the device.",
        ),
      },
    ],
    "juniper-srx": [
      {
        title: "Remove local-preference differences on the SRX",
        detail: "Check import policies of both neighbors for then local-preference.",
        where: "Junos operational and configuration mode",
        commands: ["show route receive-protocol bgp <tunnel1-inside-ip> detail", "show configuration protocols bgp"],
      },
    ],
    "cisco-asa": [
      {
        title: "Remove weight and local-preference differences on the ASA",
        detail: "Look for neighbor weight and inbound route-maps setting local-preference.",
        where: "ASA configuration mode",
        commands: ["show running-config router bgp", "show bgp"],
      },
    ],
    "cisco-ios": [
      {
        title: "Remove weight and local-preference differences on the router",
        detail: "neighbor weight is Cisco-local and overrides everything else.",
        where: "IOS / IOS XE configuration mode",
        commands: [
          "show running-config | section router bgp",
          "router bgp <customer-asn>",
          " no neighbor <provider-inside-ip> weight <value>",
          "show ip bgp <cloud-prefix>",
        ],
      },
    ],
    strongswan: [
      {
        title: "Remove preference differences in FRR",
        detail: "Check route-maps setting weight or local-preference for one neighbor.",
        where: "FRR (vtysh) on the strongSwan host",
        commands: ['vtysh -c "show running-config"', 'vtysh -c "show bgp ipv4 unicast <cloud-prefix>"'],
      },
    ],
  },
  references: [REF.awsRoutingUpdates, REF.awsRoutePriority, REF.awsTunnelPreference, REF.muleHa],
};

const HEALTHCHECK_PATH_ASYMMETRY: Playbook = {
  code: "HEALTHCHECK_PATH_ASYMMETRY",
  summary: text(
    "An Alibaba health check targets a host whose replies do not come back through the same tunnel; point tunnel",
    "1's check at CPE 1 and tunnel 2's check at CPE 2.",
  ),
  steps: [
    {
      title: "Find each health check's destination",
      detail: text(
        "A health check only detects the state correctly when both the request and the reply cross the same",
        "IPsec tunnel (Alibaba VPN Gateway redundant IPsec guide).",
      ),
    },
    {
      title: "Point each check at the CPE of its own tunnel",
      detail: text(
        "Tunnel 1 checks the address of CPE 1, tunnel 2 the address of CPE 2. A server in the office fails the",
        "standby tunnel's check because its reply leaves through the active (master) router.",
      ),
    },
    {
      title: "Pick the source address from the VPC CIDR",
      detail: "The source (sip) can be any address of the VPC's CIDR; it may even overlap an existing ECS address.",
    },
    {
      title: "Make the CPE answer through the same tunnel",
      detail: "The CPE must reply to the sip through the tunnel the check came in on and allow ICMP.",
    },
    {
      title: "Test a failover",
      detail:
        "Power off the master router and measure the switch (about 30 s in Alibaba VPN Gateway redundant IPsec guide).",
    },
  ],
  variants: {
    alibaba: [
      {
        title: "Set tunnel 1's health check to CPE 1",
        detail: "Retry interval and count from the defaults (3 s, 3); tune them to avoid flapping.",
        where: "VPN Gateway console > IPsec Connections > tunnel 1's connection > Health Check > Edit",
        commands: [aliHealthCheckCommand("<cpe1-ip>", "<vco-id-tunnel1>")],
      },
      {
        title: "Set tunnel 2's health check to CPE 2",
        detail: "Same settings on the second connection, with the second CPE as destination.",
        where: "VPN Gateway console > IPsec Connections > tunnel 2's connection > Health Check > Edit",
        commands: [aliHealthCheckCommand("<cpe2-ip>", "<vco-id-tunnel2>")],
      },
      ALI_STATUS_STEP,
    ],
    "juniper-srx": [
      {
        title: "Let the SRX answer the health check on st0",
        detail: "Allow ping on the zone of the tunnel interface and route the sip back into the same st0 unit.",
        where: "Junos configuration mode, then commit",
        commands: [
          "set security zones security-zone vpn host-inbound-traffic system-services ping",
          "set routing-options static route <health-check-sip>/32 next-hop st0.0",
        ],
      },
    ],
    "cisco-asa": [
      {
        title: "Let the ASA answer the health check",
        detail: "Permit ICMP on the interface facing the tunnel and route the sip back through the same tunnel.",
        where: "ASA configuration mode",
        commands: ["icmp permit <health-check-sip> 255.255.255.255 <tunnel-if>"],
      },
    ],
    "cisco-ios": [
      {
        title: "Route the health check's source back through the same tunnel",
        detail: "A host route to the sip via the tunnel the check arrives on keeps the reply symmetric.",
        where: "IOS / IOS XE configuration mode",
        commands: ["ip route <health-check-sip> 255.255.255.255 Tunnel1"],
      },
    ],
    strongswan: [
      {
        title: "Route the health check's source back through the same tunnel",
        detail: "Add a host route to the sip on the tunnel's XFRM/VTI interface and allow ICMP in the firewall.",
        where: "strongSwan host shell (root)",
        commands: ["ip route add <health-check-sip>/32 dev <xfrm-if-tunnel1>"],
      },
    ],
  },
  references: [REF.alibabaRedundancy, REF.aliModifyConnection],
};

const ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY: Playbook = {
  code: "ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY",
  summary: text(
    "Redundant Alibaba IPsec connections do not carry weights 100 (active) and 0 (standby) with health checks on",
    "both; set the weights and enable both health checks.",
  ),
  steps: [
    {
      title: "List the destination-based routes and their weights",
      detail: "Weight 100 is high priority (active), 0 low priority (standby); both routes should be published.",
    },
    {
      title: "Give the primary connection weight 100 and the secondary weight 0",
      detail:
        "The VPN gateway prefers the larger weight: here tunnel 1 is 100 and tunnel 2 is 0 (Alibaba VPN Gateway redundant IPsec guide).",
    },
    {
      title: "Enable a health check on both connections",
      detail:
        "When tunnel 1's health check fails, traffic switches to tunnel 2 (Alibaba VPN Gateway redundant IPsec guide).",
    },
    {
      title: "Verify and test the switch-over",
      detail:
        "About 30 s was measured in Alibaba VPN Gateway redundant IPsec guide; tune timers to your policy to avoid flapping.",
    },
  ],
  variants: {
    alibaba: [
      {
        title: "Add or fix the weighted routes",
        detail: text(
          "Register both routes and publish them to the VPC. To change the weight of the active route, delete the",
          "standby route first, then re-add it. Weights apply to single-tunnel connections; for dual-tunnel",
          "connections a changed weight does not take effect.",
        ),
        where: "VPN Gateway console > click the VPN gateway instance > Destination-based Routing > Add Route Entry",
        commands: [
          "aliyun vpc DescribeVpnRouteEntries --RegionId <region> --VpnGatewayId <vpn-gw-id>",
          text(
            "aliyun vpc ModifyVpnRouteEntryWeight --RegionId <region> --VpnGatewayId <vpn-gw-id>",
            "--RouteDest <on-prem-cidr> --NextHop <vco-id-tunnel1> --Weight 0 --NewWeight 100",
          ),
        ],
      },
      {
        title: "Enable the health checks on both connections",
        detail: "Each check's destination is the CPE of its own tunnel (see HEALTHCHECK_PATH_ASYMMETRY).",
        where: "VPN Gateway console > IPsec Connections > select the connection > Health Check > Edit",
        commands: [
          aliHealthCheckCommand("<cpe1-ip>", "<vco-id-tunnel1>"),
          aliHealthCheckCommand("<cpe2-ip>", "<vco-id-tunnel2>"),
        ],
      },
    ],
  },
  references: [REF.alibabaRedundancy, REF.aliRouteWeight, REF.aliModifyConnection],
};

export const FINDING_PLAYBOOKS_ROUTING: Record<RoutingFinding, Playbook> = {
  STATIC_ROUTING,
  MULTIPLE_ENCRYPTION_DOMAINS,
  BGP_AS_PATH_ASYMMETRY,
  HEALTHCHECK_PATH_ASYMMETRY,
  ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY,
  BGP_PREFERENCE_ASYMMETRY,
};
