import { PassThrough, Readable } from "node:stream";
import { BGP_VPN, PSK, STATIC_VPN } from "@tunnelwatch/worker/providers/anypoint-examples";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";

async function run(argv: string[], stdin = "") {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  const code = await runCli(argv, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, env: {} });
  return { code, out, err };
}

describe("tunnelwatch classify", () => {
  it("writes one JSON object per input line, in order, with the contract's fields", async () => {
    const input = [
      "Feb  9 23:08:00 gw charon: 13[IKE] <aws-tun1|74> received TS_UNACCEPTABLE notify, no CHILD_SA built",
      "",
      "garbage \u0001\u0002",
      '{"event_timestamp": 1700000000, "details": "AWS tunnel DPD timed out after 3 retransmits"}',
    ].join("\n");
    const { code, out } = await run(["classify"], input);
    expect(code).toBe(0);
    const rows = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.line, r.code])).toEqual([
      [1, "TRAFFIC_SELECTOR_MISMATCH"],
      [2, "UNKNOWN"],
      [3, "UNKNOWN"],
      [4, "DPD_TIMEOUT"],
    ]);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(expect.arrayContaining(["code", "severity", "vendor", "phase", "evidence"]));
    expect(rows[0]).toMatchObject({
      vendor: "strongswan",
      phase: "2",
      severity: "critical",
      evidence: "TS_UNACCEPTABLE",
    });
    expect(rows[2].reason).toMatch(/binary/);
  });

  it("applies a vendor hint and refuses an unknown one", async () => {
    const hinted = await run(["classify", "--vendor", "alibaba"], "received NO_PROPOSAL_CHOSEN notify error\n");
    expect(JSON.parse(hinted.out).vendor).toBe("alibaba");
    const bad = await run(["classify", "--vendor", "nokia"], "x\n");
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('unknown vendor "nokia"');
    expect(bad.err).toContain("strongswan");
    expect(bad.err).not.toMatch(/\bunknown\b(?! vendor)/);
  });

  it("reports an oversized line without holding it", async () => {
    const { out } = await run(["classify"], `${"a".repeat(100_000)}\nok\n`);
    const [first] = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      code: "UNKNOWN",
      reason: "line is 100000 bytes, over the 16384 a log line can have",
    });
  });
});

describe("tunnelwatch posture", () => {
  const connection = {
    provider: "aws",
    externalId: "vpn-0abc",
    routing: "bgp",
    tunnels: [
      { index: 1, status: "UP", options: { dpdTimeoutAction: "restart" } },
      { index: 2, status: "DOWN", statusMessage: "IPSEC IS DOWN", options: { dpdTimeoutAction: "restart" } },
    ],
  };

  it("grades one connection", async () => {
    const { code, out } = await run(["posture"], JSON.stringify(connection));
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ grade: "D", expectedDowntimeSeconds: 3600 });
    expect(result.findings.map((f: { code: string }) => f.code)).toContain("TUNNEL_REDUNDANCY_LOST");
  });

  it("grades an array", async () => {
    const { out } = await run(
      ["posture"],
      JSON.stringify([connection, { ...connection, externalId: "vpn-2", tunnels: [] }]),
    );
    expect(JSON.parse(out).map((r: { grade: string }) => r.grade)).toEqual(["D", "F"]);
  });

  it("names the invalid field and refuses invalid JSON", async () => {
    const invalid = await run(["posture"], JSON.stringify({ ...connection, routing: "ospf" }));
    expect(invalid.code).toBe(65);
    expect(invalid.err).toMatch(/routing/);
    const notJson = await run(["posture"], "{nope");
    expect(notJson.code).toBe(65);
    expect(notJson.err).toMatch(/not valid JSON/);
  });
});

describe("tunnelwatch posture on the providers' own CLI output", () => {
  // aws-cli's modify-vpn-tunnel-options example output (awsdocs), both tunnels DOWN.
  const modified = {
    CustomerGatewayId: "cgw-aabbccddee1122334",
    Category: "VPN",
    State: "available",
    Type: "ipsec.1",
    VpnConnectionId: "vpn-12345678901234567",
    VpnGatewayId: "vgw-11223344556677889",
    Options: {
      StaticRoutesOnly: false,
      TunnelOptions: [
        {
          OutsideIpAddress: "203.0.113.17",
          Phase1DHGroupNumbers: [{ Value: 14 }],
          Phase2DHGroupNumbers: [{ Value: 14 }],
        },
        { OutsideIpAddress: "203.0.114.19" },
      ],
    },
    VgwTelemetry: [
      {
        AcceptedRouteCount: 0,
        LastStatusChange: "2019-09-10T21:56:54.000Z",
        OutsideIpAddress: "203.0.113.17",
        Status: "DOWN",
        StatusMessage: "IPSEC IS DOWN",
      },
      {
        AcceptedRouteCount: 0,
        LastStatusChange: "2019-09-10T21:56:43.000Z",
        OutsideIpAddress: "203.0.114.19",
        Status: "DOWN",
        StatusMessage: "IPSEC IS DOWN",
      },
    ],
  };
  // A static connection with tunnel 1 up and DPD's action left at the default.
  const staticOneUp = {
    ...modified,
    VpnConnectionId: "vpn-0f00",
    Options: {
      StaticRoutesOnly: true,
      TunnelOptions: [
        { OutsideIpAddress: "203.0.113.17", DpdTimeoutAction: "clear" },
        { OutsideIpAddress: "203.0.114.19", DpdTimeoutAction: "clear" },
      ],
    },
    VgwTelemetry: [{ ...modified.VgwTelemetry[0], Status: "UP", StatusMessage: "" }, modified.VgwTelemetry[1]],
  };

  it("reads `aws ec2 describe-vpn-connections` output, tunnel by tunnel", async () => {
    const { code, out } = await run(
      ["posture", "--region", "us-east-1"],
      JSON.stringify({ VpnConnections: [modified, staticOneUp] }),
    );
    expect(code).toBe(0);
    const results = JSON.parse(out);
    expect(results.map((r: { externalId: string; grade: string }) => [r.externalId, r.grade])).toEqual([
      ["vpn-12345678901234567", "F"],
      ["vpn-0f00", "D"],
    ]);
    const codes = results[1].findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["STATIC_ROUTING", "TUNNEL_REDUNDANCY_LOST"]));
    // Options the output leaves out are AWS's defaults: startup action add, SHA-1 and group 2 offered.
    expect(codes).toEqual(expect.arrayContaining(["STARTUP_ACTION_ADD", "WEAK_CRYPTO", "IKEV1_IN_USE"]));
  });

  it("reads the bare list that `--query VpnConnections` prints", async () => {
    const { code, out } = await run(["posture"], JSON.stringify([modified, staticOneUp]));
    expect(code).toBe(0);
    expect(JSON.parse(out).map((r: { externalId: string }) => r.externalId)).toEqual([
      "vpn-12345678901234567",
      "vpn-0f00",
    ]);
  });

  it("writes an empty list for a region with no VPN connections", async () => {
    const { code, out } = await run(["posture"], JSON.stringify({ VpnConnections: [] }));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  });

  it("reads the one connection that create and modify print, and the AWS CLI example's unwrapped form", async () => {
    for (const input of [{ VpnConnection: modified }, { VpnConnections: modified }, modified]) {
      const { code, out } = await run(["posture"], JSON.stringify(input));
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ provider: "aws", externalId: "vpn-12345678901234567", grade: "F" });
    }
  });

  it("reads Alibaba's DescribeVpnConnections output", async () => {
    const ike = {
      IkeVersion: "ikev1",
      IkeMode: "main",
      IkeEncAlg: "aes",
      IkeAuthAlg: "sha1",
      IkePfs: "group2",
      IkeLifetime: 86400,
    };
    const single = {
      VpnConnectionId: "vco-bp1bbi27hojx80nck****",
      Name: "dc1",
      VpnGatewayId: "vpn-bp1q8bgx4xnkm2ogj****",
      CustomerGatewayId: "cgw-bp1mvj4g9kogwwcxk****",
      State: "active",
      Status: "ipsec_sa_established",
      EnableDpd: true,
      EnableNatTraversal: true,
      LocalSubnet: "10.0.0.0/16",
      RemoteSubnet: "192.168.0.0/24",
      IkeConfig: ike,
      IpsecConfig: { IpsecEncAlg: "aes", IpsecAuthAlg: "sha1", IpsecPfs: "group2", IpsecLifetime: 86400 },
      VpnBgpConfig: { EnableBgp: "false" },
    };
    const { code, out } = await run(
      ["posture", "--region", "cn-hangzhou"],
      JSON.stringify({ VpnConnections: { VpnConnection: [single] }, TotalCount: 1, RequestId: "x" }),
    );
    expect(code).toBe(0);
    const [result] = JSON.parse(out);
    expect(result).toMatchObject({ provider: "alibaba", externalId: single.VpnConnectionId });
    expect(result.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(["SINGLE_TUNNEL", "STATIC_ROUTING", "IKEV1_IN_USE", "WEAK_CRYPTO"]),
    );
  });
  it("reads Anypoint's CloudHub VPN API output, without copying the pre-shared keys", async () => {
    const { code, out } = await run(
      ["posture", "--region", "us-east-1", "--vpc", "vpc-0abc"],
      JSON.stringify({ total: 2, data: [BGP_VPN, STATIC_VPN] }),
    );
    expect(code).toBe(0);
    expect(out).not.toContain(PSK);
    const [first, second] = JSON.parse(out);
    expect(first).toMatchObject({ provider: "mulesoft", externalId: BGP_VPN.id });
    const codesOf = (r: { findings: Array<{ code: string }> }) => r.findings.map((f) => f.code);
    expect(codesOf(first)).toEqual(expect.arrayContaining(["TUNNEL_REDUNDANCY_LOST", "STARTUP_ACTION_ADD"]));
    expect(codesOf(first)).not.toContain("STATIC_ROUTING");
    expect(second).toMatchObject({ provider: "mulesoft", externalId: STATIC_VPN.id });
    expect(codesOf(second)).toEqual(expect.arrayContaining(["STATIC_ROUTING", "STARTUP_ACTION_ADD"]));
    expect(codesOf(second)).not.toContain("TUNNEL_REDUNDANCY_LOST");

    const one = await run(["posture"], JSON.stringify(BGP_VPN));
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ provider: "mulesoft", externalId: BGP_VPN.id, grade: first.grade });
  });
});

describe("tunnelwatch playbook", () => {
  it("prints numbered steps with vendor variants", async () => {
    const { code, out } = await run(["playbook", "IDLE_TIMEOUT", "--provider", "aws"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^IDLE_TIMEOUT/);
    expect(out).toMatch(/\n {2}1\. /);
    expect(out).toContain("AWS Site-to-Site VPN");
    expect(out).not.toContain("Juniper SRX");
  });

  it("refuses an unknown code with a usage error", async () => {
    const { code, err } = await run(["playbook", "NOT_A_CODE"]);
    expect(code).toBe(64);
    expect(err).toContain('no playbook for "NOT_A_CODE"');
  });
});

describe("tunnelwatch gateway-config", () => {
  const aws = {
    VpnConnectionId: "vpn-0a1b2c3d4e5f60718",
    CustomerGatewayId: "cgw-1",
    State: "available",
    Type: "ipsec.1",
    VpnGatewayId: "vgw-1",
    Options: {
      StaticRoutesOnly: true,
      TunnelOptions: [
        { OutsideIpAddress: "203.0.113.17", TunnelInsideCidr: "169.254.44.88/30" },
        { OutsideIpAddress: "203.0.114.19", TunnelInsideCidr: "169.254.44.92/30" },
      ],
    },
  };

  it("writes the gateway's configuration from the provider's own output", async () => {
    const { code, out } = await run(
      ["gateway-config", "--vendor", "cisco-ios", "--region", "eu-west-1"],
      JSON.stringify({ VpnConnections: [aws] }),
    );
    expect(code).toBe(0);
    expect(out).toContain("! Tunnelwatch: customer gateway configuration for vpn-0a1b2c3d4e5f60718, aws");
    expect(out).toContain("interface Tunnel2\n ip address 169.254.44.94 255.255.255.252");
    expect(out).toContain(" tunnel destination 203.0.114.19");
    // AWS's defaults offer group 14 with SHA-2: the strong proposal, not the SHA-1 / group 2 also allowed.
    expect(out).toContain(
      "crypto ikev2 proposal TW-E5F60718-PROPOSAL-1\n encryption aes-cbc-256\n integrity sha256\n group 14",
    );
    expect(out).toContain("ip route <cloud-cidr> <cloud-netmask> Tunnel2 20");
  });

  it("numbers the tunnel interfaces of several connections one after the other, from --first-unit", async () => {
    const second = { ...aws, VpnConnectionId: "vpn-0ffffffffffffffff" };
    const { code, out } = await run(
      ["gateway-config", "--vendor", "juniper-srx", "--first-unit", "10"],
      JSON.stringify({ VpnConnections: [aws, second] }),
    );
    expect(code).toBe(0);
    expect(out.match(/bind-interface st0\.\d+/g)).toEqual([
      "bind-interface st0.10",
      "bind-interface st0.11",
      "bind-interface st0.12",
      "bind-interface st0.13",
    ]);
    // Each connection's objects carry its own name.
    expect(out).toContain("set security ipsec vpn TW-E5F60718-VPN-1 bind-interface st0.10");
    expect(out).toContain("set security ipsec vpn TW-FFFFFFFF-VPN-1 bind-interface st0.12");
    const bad = await run(["gateway-config", "--vendor", "juniper-srx", "--first-unit", "x"], JSON.stringify(aws));
    expect(bad.code).toBe(64);
    expect(bad.err).toMatch(/--first-unit must be a whole number/);
  });

  it("refuses a missing or unknown vendor, and bad input, with clear errors", async () => {
    const missing = await run(["gateway-config"], JSON.stringify(aws));
    expect(missing.code).toBe(64);
    expect(missing.err).toMatch(/--vendor must be one of strongswan, cisco-ios, juniper-srx/);
    const unknown = await run(["gateway-config", "--vendor", "mikrotik"], JSON.stringify(aws));
    expect(unknown.code).toBe(64);
    const notJson = await run(["gateway-config", "--vendor", "strongswan"], "{nope");
    expect(notJson.code).toBe(65);
    expect(notJson.err).toMatch(/tunnelwatch gateway-config: the input is not valid JSON/);
  });
});
