import { describe, expect, it } from "vitest";
import { type NormalizedConnectionInput, parseConnection, type TunnelOptions } from "../connection.ts";
import { generateGatewayConfig, insideAddresses, planGatewayConfig } from "./index.ts";

const AWS_OPTIONS: TunnelOptions = {
  ikeVersions: ["ikev1", "ikev2"],
  phase1LifetimeSec: 28_800,
  phase2LifetimeSec: 3_600,
  phase1Encryption: ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"],
  phase1Integrity: ["SHA1", "SHA2-256", "SHA2-384", "SHA2-512"],
  phase1DhGroups: [2, 14, 15, 16, 19, 20],
  phase2Encryption: ["AES128", "AES256", "AES128-GCM-16", "AES256-GCM-16"],
  phase2Integrity: ["SHA1", "SHA2-256"],
  phase2DhGroups: [2, 5, 14, 15],
  startupAction: "add",
};

function aws(overrides: Partial<NormalizedConnectionInput> = {}) {
  return parseConnection({
    provider: "aws",
    externalId: "vpn-0a1b2c3d4e5f60718",
    name: "tokyo-dc1",
    routing: "bgp",
    customerGatewayIp: "198.51.100.7",
    localAsn: 64512,
    remoteAsn: 65000,
    tunnels: [
      { index: 1, outsideIp: "52.68.10.21", insideCidr: "169.254.10.0/30", status: "UP", options: AWS_OPTIONS },
      { index: 2, outsideIp: "54.92.1.9", insideCidr: "169.254.10.4/30", status: "DOWN", options: AWS_OPTIONS },
    ],
    ...overrides,
  });
}

describe("insideAddresses", () => {
  it("gives the provider the first host of the tunnel's network and the gateway the second", () => {
    expect(insideAddresses("169.254.10.4/30")).toEqual({
      cidr: "169.254.10.4/30",
      providerIp: "169.254.10.5",
      gatewayIp: "169.254.10.6",
      prefixLength: 30,
    });
    // An address inside the network is taken to its network.
    expect(insideAddresses("169.254.10.7/30")?.providerIp).toBe("169.254.10.5");
    for (const bad of [null, "", "169.254.10.0", "169.254.10.0/31", "300.1.1.1/30", "fd00::/126"]) {
      expect(insideAddresses(bad)).toBeNull();
    }
  });
});

describe("planGatewayConfig", () => {
  it("picks the strongest proposal the provider accepts, and its lifetimes", () => {
    const plan = planGatewayConfig(aws());
    expect(plan.tunnels.map((t) => [t.index, t.providerOutsideIp, t.inside?.gatewayIp, t.ikeVersion])).toEqual([
      [1, "52.68.10.21", "169.254.10.2", "ikev2"],
      [2, "54.92.1.9", "169.254.10.6", "ikev2"],
    ]);
    expect(plan.tunnels[0]?.phase1).toEqual({ cipher: "aes256", integrity: "sha256", dhGroup: 14 });
    expect(plan.tunnels[0]?.phase2).toEqual({ cipher: "aes256", integrity: "sha256", dhGroup: 14 });
    expect(plan.tunnels.map((t) => [t.unit, t.phase1LifetimeSec, t.phase2LifetimeSec])).toEqual([
      [1, 28_800, 3_600],
      [2, 28_800, 3_600],
    ]);
    expect(plan).toMatchObject({ tag: "E5F60718", dpdIntervalSec: 10, dpdTimeoutSec: 30, dpdRetries: 3 });
    expect(plan.notes.join(" ")).not.toMatch(/weak|WEAK_CRYPTO/);
  });

  it("uses weak proposals only when the provider offers nothing else, and says so", () => {
    const weak: TunnelOptions = {
      ...AWS_OPTIONS,
      phase1Integrity: ["SHA1"],
      phase2DhGroups: [2, 5],
      ikeVersions: ["ikev1"],
    };
    const plan = planGatewayConfig(
      aws({ tunnels: [{ index: 1, outsideIp: "52.68.10.21", status: "UP", options: weak }] }),
    );
    expect(plan.tunnels[0]?.phase1.integrity).toBe("sha1");
    expect(plan.tunnels[0]?.phase2.dhGroup).toBe(5);
    expect(plan.tunnels[0]?.ikeVersion).toBe("ikev1");
    const notes = plan.notes.join("\n");
    expect(notes).toMatch(/tunnel 1 phase 1: sha1; tunnel 1 phase 2: DH group 5.*WEAK_CRYPTO/);
    expect(notes).toMatch(/IKEV1_IN_USE/);
  });

  it("follows MuleSoft's gateway lifetimes and the defaults where the provider reports no options", () => {
    const plan = planGatewayConfig(
      parseConnection({
        provider: "mulesoft",
        externalId: "6cd10e7234cae100c62c0547",
        routing: "bgp",
        tunnels: [{ index: 1, outsideIp: "54.187.170.189", insideCidr: "169.254.23.96/30", status: "UP" }],
      }),
    );
    expect(plan.tunnels[0]).toMatchObject({ phase1LifetimeSec: 28_000, phase2LifetimeSec: 3_000 });
    expect(plan.gatewayPublicIp).toBeNull();
    expect(plan.tunnels[0]?.phase1).toEqual({ cipher: "aes256", integrity: "sha256", dhGroup: 14 });
    expect(plan.notes.join("\n")).toMatch(/does not report the customer gateway's public address/);
  });

  it("leaves out a tunnel still being provisioned, and turns encryption domains round for a policy-based gateway", () => {
    const plan = planGatewayConfig(
      parseConnection({
        provider: "alibaba",
        externalId: "vco-bp1dcp0rs1yyis5lgv3f",
        routing: "static",
        customerGatewayIp: "198.51.100.183",
        encryptionDomains: [{ local: "172.26.0.0/16", remote: "10.142.80.0/24" }],
        tunnels: [
          {
            index: 1,
            outsideIp: "39.50.125.226",
            status: "UP",
            options: {
              phase1Encryption: ["aes"],
              phase1Integrity: ["sha256"],
              phase1DhGroups: [14],
              phase1LifetimeSec: 86_400,
              phase2LifetimeSec: 43_200,
              pfsEnabled: false,
              phase2DhGroups: [],
            },
          },
          { index: 2, outsideIp: null, status: "DOWN" },
        ],
      }),
    );
    expect(plan.tunnels.map((t) => t.index)).toEqual([1]);
    expect(plan.selectors).toEqual([{ local: "10.142.80.0/24", remote: "172.26.0.0/16" }]);
    expect(plan.tunnels[0]?.phase1.cipher).toBe("aes128");
    expect(plan.tunnels[0]?.phase2.dhGroup).toBeNull();
    // Alibaba: both peers must use the same lifetimes, so the provider's are kept.
    expect(plan.tunnels[0]).toMatchObject({ phase1LifetimeSec: 86_400, phase2LifetimeSec: 43_200 });
    const notes = plan.notes.join("\n");
    expect(notes).toMatch(/Tunnel 2 has no outside IP yet/);
    expect(notes).toMatch(/without PFS/);
  });
});

describe("generateGatewayConfig", () => {
  it("writes strongSwan's swanctl.conf with XFRM interfaces and FRR for BGP", () => {
    const { text, tunnelCount } = generateGatewayConfig(aws(), "strongswan");
    expect(tunnelCount).toBe(2);
    expect(text).toContain("# Tunnelwatch: customer gateway configuration for tokyo-dc1 (vpn-0a1b2c3d4e5f60718), aws");
    expect(text).toMatch(
      / {2}tw-e5f60718-1 \{\n {4}version = 2\n {4}local_addrs = 198\.51\.100\.7\n {4}remote_addrs = 52\.68\.10\.21\n {4}proposals = aes256-sha256-modp2048\n {4}rekey_time = 28800s\n {4}dpd_delay = 10s/,
    );
    expect(text).toContain(
      "        esp_proposals = aes256-sha256-modp2048\n        rekey_time = 3600s\n        dpd_action = restart\n        close_action = restart\n        start_action = start",
    );
    expect(text).toContain("        if_id_in = 2\n        if_id_out = 2");
    expect(text).toContain('    secret = "<pre-shared-key-of-tunnel-2>"');
    expect(text).toContain("# ip address add 169.254.10.6/30 dev xfrm2");
    expect(text).toContain("#  neighbor 169.254.10.5 remote-as 64512");
    // FRR sends nothing over eBGP without a policy, unless told so; the gateway's networks are the tenant's.
    expect(text).toContain("#  no bgp ebgp-requires-policy");
    expect(text).toContain("#   network <on-prem-cidr>");
    expect(text).toContain("# router bgp 65000");
    // Braces balance: the file parses as sections.
    expect(text.split("{").length).toBe(text.split("}").length);
  });

  it("writes Cisco IOS IKEv2 with a VTI per tunnel and BGP timers", () => {
    const { text } = generateGatewayConfig(aws(), "cisco-ios");
    expect(text).toContain(
      "crypto ikev2 proposal TW-E5F60718-PROPOSAL-1\n encryption aes-cbc-256\n integrity sha256\n group 14",
    );
    // Five retries 4 s apart after a 10 s probe: the peer is dead after 30 s.
    expect(text).toContain(" lifetime 28800\n dpd 10 4 periodic");
    expect(text).toContain("crypto ipsec transform-set TW-E5F60718-TRANSFORM-2 esp-aes 256 esp-sha256-hmac");
    expect(text).toContain(
      " set pfs group14\n set security-association lifetime seconds 3600\n set ikev2-profile TW-E5F60718-IKEV2-2",
    );
    expect(text).toContain("interface Tunnel2\n ip address 169.254.10.6 255.255.255.252");
    expect(text).toContain(" tunnel destination 54.92.1.9");
    expect(text).toContain(
      "router bgp 65000\n neighbor 169.254.10.1 remote-as 64512\n neighbor 169.254.10.1 timers 10 30 30",
    );
  });

  it("writes Cisco IOS ISAKMP for an IKEv1-only tunnel, without PFS when the provider has none", () => {
    const options: TunnelOptions = { ...AWS_OPTIONS, ikeVersions: ["ikev1"], phase2DhGroups: [] };
    const { text } = generateGatewayConfig(
      aws({ routing: "static", tunnels: [{ index: 1, outsideIp: "52.68.10.21", status: "UP", options }] }),
      "cisco-ios",
    );
    expect(text).toContain(
      "crypto isakmp policy 201\n encryption aes 256\n hash sha256\n authentication pre-share\n group 14",
    );
    expect(text).not.toContain("set pfs");
    expect(text).toContain(" set isakmp-profile TW-E5F60718-ISAKMP-1");
    expect(text).toContain("ip route <cloud-cidr> <cloud-netmask> Tunnel1");
    expect(text).not.toContain("router bgp");
  });

  it("writes Juniper SRX set commands with st0 interfaces, DPD and BGP", () => {
    const { text } = generateGatewayConfig(aws(), "juniper-srx");
    expect(text).toContain("set security ike proposal TW-E5F60718-IKE-PROPOSAL-1 dh-group group14");
    expect(text).toContain("set security ike proposal TW-E5F60718-IKE-PROPOSAL-1 encryption-algorithm aes-256-cbc");
    expect(text).toContain("set security ike gateway TW-E5F60718-GATEWAY-2 address 54.92.1.9");
    expect(text).toContain("set security ike gateway TW-E5F60718-GATEWAY-2 dead-peer-detection interval 10");
    expect(text).toContain("set security ike gateway TW-E5F60718-GATEWAY-1 version v2-only");
    expect(text).toContain(
      "set security ipsec proposal TW-E5F60718-IPSEC-PROPOSAL-1 authentication-algorithm hmac-sha-256-128",
    );
    expect(text).toContain("set security ipsec policy TW-E5F60718-IPSEC-POLICY-1 perfect-forward-secrecy keys group14");
    expect(text).toContain("set security ipsec vpn TW-E5F60718-VPN-1 establish-tunnels immediately");
    expect(text).toContain("set interfaces st0 unit 2 family inet address 169.254.10.6/30");
    expect(text).toContain("set protocols bgp group TW-E5F60718-EBGP peer-as 64512");
    expect(text).toContain("set protocols bgp group TW-E5F60718-EBGP neighbor 169.254.10.5");
    expect(text).toContain("set routing-options autonomous-system 65000");
    // Every command line is a set command.
    const commands = text.split("\n").filter((l) => l && !l.startsWith("#"));
    expect(commands.every((l) => l.startsWith("set "))).toBe(true);
  });

  it("writes traffic selectors for a policy-based gateway", () => {
    const connection = parseConnection({
      provider: "alibaba",
      externalId: "vco-1",
      routing: "static",
      customerGatewayIp: "198.51.100.183",
      encryptionDomains: [
        { local: "172.26.0.0/16", remote: "10.142.80.0/24" },
        { local: "172.26.0.0/16", remote: "192.168.42.0/24" },
      ],
      tunnels: [{ index: 1, outsideIp: "39.50.125.226", status: "UP" }],
    });
    const srx = generateGatewayConfig(connection, "juniper-srx").text;
    expect(srx).toContain(
      "set security ipsec vpn TW-VCO1-VPN-1 traffic-selector TS2 local-ip 192.168.42.0/24 remote-ip 172.26.0.0/16",
    );
    expect(srx).not.toContain("routing-options static");
    const swan = generateGatewayConfig(connection, "strongswan").text;
    // One child per encryption domain: no pair the provider does not have.
    expect(swan).toContain(
      "      tw-vco1-1-2 {\n        local_ts = 192.168.42.0/24\n        remote_ts = 172.26.0.0/16",
    );
    const ios = generateGatewayConfig(connection, "cisco-ios").text;
    expect(ios).toContain(
      "ip access-list extended TW-VCO1-DOMAINS\n permit ip 10.142.80.0 0.0.0.255 172.26.0.0 0.0.255.255\n permit ip 192.168.42.0 0.0.0.255 172.26.0.0 0.0.255.255",
    );
    expect(ios).toContain("crypto map TW-VCO1-MAP 10 ipsec-isakmp\n set peer 39.50.125.226\n");
    expect(ios).toContain(" match address TW-VCO1-DOMAINS\ninterface <wan-interface>\n crypto map TW-VCO1-MAP");
    expect(ios).not.toContain("interface Tunnel");
    expect(swan).not.toContain("if_id_in");
  });

  it("numbers interfaces from the first unit asked, keeps each tunnel's lifetimes and follows the gateway's facts", () => {
    const connection = aws({
      tunnels: [
        { index: 1, outsideIp: "52.68.10.21", insideCidr: "169.254.10.0/30", status: "UP", options: AWS_OPTIONS },
        {
          index: 2,
          outsideIp: "54.92.1.9",
          insideCidr: "169.254.10.4/30",
          status: "UP",
          options: { ...AWS_OPTIONS, phase1LifetimeSec: 14_400 },
        },
      ],
      customerGateway: { ikeVersion: "ikev1", behindNat: true },
    });
    const plan = planGatewayConfig(connection, { firstUnit: 7 });
    expect(plan.tunnels.map((t) => [t.unit, t.phase1LifetimeSec, t.ikeVersion])).toEqual([
      [7, 28_800, "ikev1"],
      [8, 14_400, "ikev1"],
    ]);
    const swan = generateGatewayConfig(connection, "strongswan", { firstUnit: 7 }).text;
    expect(swan).toContain("# Tunnel interfaces 7 and 8, objects named after E5F60718");
    expect(swan).toContain("        if_id_in = 8");
    // Behind NAT, IKE binds to the private address and keeps the public one as its identity.
    expect(swan).toContain("    local_addrs = <private-wan-address>");
    expect(swan).toContain("      id = 198.51.100.7");
    expect(swan).toContain("    version = 1\n");
    expect(swan).toContain("    dpd_timeout = 30s");
    const srx = generateGatewayConfig(connection, "juniper-srx", { firstUnit: 7 }).text;
    expect(srx).toContain("set interfaces st0 unit 8 family inet address 169.254.10.6/30");
    expect(srx).toContain("set security ike proposal TW-E5F60718-IKE-PROPOSAL-2 lifetime-seconds 14400");
    expect(srx).toContain("set security ike gateway TW-E5F60718-GATEWAY-2 version v1-only");
    // BGP advertises the gateway's networks through an export policy.
    expect(srx).toContain("set protocols bgp group TW-E5F60718-EBGP export TW-E5F60718-EXPORT");
    expect(srx).toContain(
      "set policy-options policy-statement TW-E5F60718-EXPORT term on-prem from route-filter <on-prem-cidr> exact",
    );
  });

  it("writes only the header and notes while no tunnel has an endpoint, and keeps a policy-based second tunnel standing by", () => {
    const provisioning = aws({ tunnels: [{ index: 1, status: "DOWN" }] });
    for (const vendor of ["strongswan", "cisco-ios", "juniper-srx"] as const) {
      const { text, tunnelCount } = generateGatewayConfig(provisioning, vendor);
      expect(tunnelCount).toBe(0);
      expect(text).toMatch(/Note: Tunnel 1 has no outside IP yet/);
      expect(text).not.toMatch(/router bgp|connections \{|set protocols/);
    }
    const policy = parseConnection({
      provider: "alibaba",
      externalId: "vco-2",
      routing: "static",
      encryptionDomains: [{ local: "172.26.0.0/16", remote: "10.142.80.0/24" }],
      tunnels: [
        { index: 1, outsideIp: "39.50.125.226", status: "UP" },
        { index: 2, outsideIp: "39.50.125.227", status: "UP" },
      ],
    });
    const swan = generateGatewayConfig(policy, "strongswan").text;
    expect(swan.match(/start_action = start/g)).toHaveLength(1);
    expect(swan).toContain(
      "        # standby: swanctl --initiate --child <child> when tunnel 1 fails\n        start_action = none",
    );
  });
});
