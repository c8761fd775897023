// The Alibaba Cloud client through the official SDK (@alicloud/vpc20160428) over real HTTP against a
// local server answering Alibaba RPC JSON (PascalCase, with the documented type quirks).
import { connectionSchema, evaluatePosture } from "@tunnelwatch/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  FAST,
  providerFailure,
  type RecordedRequest,
  type Reply,
  startServer,
  type TestServer,
} from "../testing/server.ts";
import type { FetchedConnection } from "../types.ts";
import { AlibabaProviderClient, parseEndpointOverride } from "./client.ts";
import { LOG_PAGE_SIZE, lineTimestamp, WINDOW_SECONDS } from "./logs.ts";
import { dhGroup, markSharedHealthChecks, normalizeAlibabaConnection, tunnelStatus } from "./normalize.ts";

const SECRET = "Xq9sEcReTkEyAlIbAbA0123456789ab";
const PSK = "alibaba-psk-do-not-leak";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ike = (lifetime: number | string, pfs = "group14", version = "ikev2") => ({
  IkeVersion: version,
  IkeMode: "main",
  IkeEncAlg: "aes256",
  IkeAuthAlg: "sha256",
  IkePfs: pfs,
  IkeLifetime: lifetime,
  LocalId: "47.1.1.1",
  RemoteId: "192.0.2.10",
  Psk: PSK,
});
const ipsec = (lifetime: number | string, pfs = "group14") => ({
  IpsecEncAlg: "aes256",
  IpsecAuthAlg: "sha256",
  IpsecPfs: pfs,
  IpsecLifetime: lifetime,
});

// Dual-tunnel: everything per tunnel, as strings; tunnels listed out of order.
const DUAL = {
  VpnConnectionId: "vco-dual",
  Name: "hq-dual",
  VpnGatewayId: "vpn-gw1",
  State: "attached",
  Status: "",
  CreateTime: 1_700_000_000_000,
  EnableTunnelsBgp: true,
  LocalSubnet: "0.0.0.0/0",
  RemoteSubnet: "0.0.0.0/0",
  Tag: { Tag: [{ Key: "env", Value: "prod" }] },
  TunnelOptionsSpecification: {
    TunnelOptions: [
      {
        TunnelId: "tun-2",
        TunnelIndex: 2,
        Role: "slave",
        State: "active",
        Status: "ike_sa_not_established",
        InternetIp: "47.1.1.3",
        CustomerGatewayId: "cgw-b",
        EnableDpd: "true",
        EnableNatTraversal: "false",
        TunnelIkeConfig: ike("86400"),
        TunnelIpsecConfig: ipsec("86400"),
        TunnelBgpConfig: { LocalAsn: "45104", PeerAsn: "65001", TunnelCidr: "169.254.11.0/30", BgpStatus: "false" },
      },
      {
        TunnelId: "tun-1",
        TunnelIndex: 1,
        Role: "master",
        State: "active",
        Status: "ipsec_sa_established",
        InternetIp: "47.1.1.2",
        CustomerGatewayId: "cgw-a",
        EnableDpd: "true",
        EnableNatTraversal: "true",
        TunnelIkeConfig: ike("86400"),
        TunnelIpsecConfig: ipsec("86400"),
        TunnelBgpConfig: { LocalAsn: "45104", PeerAsn: "65001", TunnelCidr: "169.254.10.0/30", BgpStatus: "success" },
      },
    ],
  },
};

// Single-tunnel (legacy): top-level fields; booleans real booleans, health check Enable a string.
const SINGLE_A = {
  VpnConnectionId: "vco-a",
  Name: "dc1-a",
  VpnGatewayId: "vpn-gw1",
  CustomerGatewayId: "cgw-a",
  State: "active",
  Status: "ipsec_sa_established",
  EnableDpd: true,
  EnableNatTraversal: true,
  LocalSubnet: "10.0.0.0/16,10.1.0.0/16",
  RemoteSubnet: "192.168.0.0/24",
  IkeConfig: ike(86400, "group2", "ikev1"),
  IpsecConfig: ipsec(86400, "disabled"),
  VcoHealthCheck: {
    Enable: "true",
    Sip: "10.0.0.1",
    Dip: "192.168.0.1",
    Status: "success",
    Policy: "revoke_route",
    Interval: 3,
    Retry: 3,
  },
  VpnBgpConfig: { EnableBgp: "false" },
};

// Second page: top-level values as strings too (defensive parsing), health check off.
const SINGLE_B = {
  VpnConnectionId: "vco-b",
  Name: "dc1-b",
  VpnGatewayId: "vpn-gw1",
  CustomerGatewayId: "cgw-b",
  State: "active",
  Status: "ike_sa_established",
  EnableDpd: "false",
  EnableNatTraversal: "true",
  LocalSubnet: "0.0.0.0/0",
  RemoteSubnet: "0.0.0.0/0",
  IkeConfig: ike("28800"),
  IpsecConfig: ipsec("3600"),
  VcoHealthCheck: { Enable: "false" },
  VpnBgpConfig: { EnableBgp: "false", LocalAsn: 45104 },
};

const requestId = "238752DC-0693-49BE-9C85-711D5691D3E5";

function actionOf(request: RecordedRequest): string {
  return String(request.headers["x-acs-action"] ?? request.query.get("Action") ?? "");
}

function param(request: RecordedRequest, name: string): string | null {
  return request.query.get(name) ?? new URLSearchParams(request.body).get(name);
}

const aliError = (status: number, code: string, message: string): Reply => ({
  status,
  body: {
    RequestId: requestId,
    HostId: "vpc.aliyuncs.com",
    Code: code,
    Message: message,
    Recommend: "https://api.aliyun.com/troubleshoot",
  },
});

type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

function aliHandler(overrides: Partial<Record<string, Handler>> = {}): Handler {
  return (request) => {
    const action = actionOf(request);
    const override = overrides[action];
    if (override) return override(request);
    const page = Number(param(request, "PageNumber") ?? "1");
    switch (action) {
      case "DescribeVpnGateways":
        return {
          body: {
            RequestId: requestId,
            PageNumber: page,
            PageSize: 50,
            TotalCount: 1,
            VpnGateways: {
              VpnGateway: [
                {
                  VpnGatewayId: "vpn-gw1",
                  Name: "gw",
                  InternetIp: "47.1.1.1",
                  Status: "active",
                  IpsecVpn: "enable",
                  Spec: "10M",
                },
              ],
            },
          },
        };
      case "DescribeVpnConnections": {
        // The server pages by 2 whatever PageSize says: the client must follow TotalCount.
        const all = [DUAL, SINGLE_A, SINGLE_B];
        return {
          body: {
            RequestId: requestId,
            PageNumber: page,
            PageSize: 2,
            TotalCount: all.length,
            VpnConnections: { VpnConnection: all.slice((page - 1) * 2, page * 2) },
          },
        };
      }
      case "DescribeVpnRouteEntries":
        return {
          body: {
            RequestId: requestId,
            PageNumber: 1,
            PageSize: 50,
            TotalCount: 3,
            VpnRouteEntries: {
              VpnRouteEntry: [
                {
                  RouteDest: "10.10.0.0/16",
                  NextHop: "vco-a",
                  Weight: 100,
                  State: "published",
                  RouteEntryType: "Custom",
                },
                {
                  RouteDest: "10.10.0.0/16",
                  NextHop: "vco-b",
                  Weight: 0,
                  State: "published",
                  RouteEntryType: "Custom",
                },
                {
                  RouteDest: "172.16.0.0/12",
                  NextHop: "vco-dual",
                  NextHopTunnelId: "tun-1",
                  Weight: 100,
                  Source: "BGP",
                  RouteEntryType: "System",
                  AsPath: "65001",
                },
              ],
            },
          },
        };
      case "DescribeCustomerGateways":
        return {
          body: {
            RequestId: requestId,
            PageNumber: page,
            PageSize: 50,
            TotalCount: 2,
            CustomerGateways: {
              CustomerGateway: [
                { CustomerGatewayId: "cgw-a", IpAddress: "198.51.100.20", Asn: 65001, Name: "hq-fw", CreateTime: 1 },
                { CustomerGatewayId: "cgw-b", IpAddress: "198.51.100.21", Asn: "65002", Name: "dr-fw", CreateTime: 1 },
              ],
            },
          },
        };
      case "DiagnoseVpnConnections":
        return {
          body: {
            RequestId: requestId,
            PageNumber: 1,
            PageSize: 50,
            TotalCount: 1,
            VpnConnections: [
              {
                VpnConnectionId: "vco-dual",
                TunnelId: "tun-2",
                FailedTime: 1673581161000,
                FailedReason: "Phase1 negotiation timeout",
                FailedReasonCode: "Phase1NegotiationTimeout",
                Severity: "Warn",
                SourceLog:
                  "2023-01-13 11:39:21 vco-dual [PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up.",
              },
            ],
          },
        };
      default:
        return aliError(400, "InvalidAction.NotFound", `Specified api is not found: ${action}`);
    }
  };
}

function client(url: string, options = {}) {
  return new AlibabaProviderClient(
    {
      provider: "alibaba",
      regions: ["cn-hangzhou"],
      endpoint: url,
      credentials: { accessKeyId: "LTAI5tEXAMPLEKEYID", accessKeySecret: SECRET },
    },
    { ...FAST, ...options },
  );
}

describe("Alibaba fetchStatus", () => {
  it("normalises dual- and single-tunnel connections with string-typed fields", async () => {
    server = await startServer(aliHandler());
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections.map((c) => c.externalId)).toEqual(["vco-dual", "vco-a", "vco-b"]);
    for (const connection of snapshot.connections) expect(() => connectionSchema.parse(connection)).not.toThrow();
    const [dual, a, b] = snapshot.connections;
    if (!dual || !a || !b) throw new Error("missing");

    expect(dual).toMatchObject({
      provider: "alibaba",
      name: "hq-dual",
      region: "cn-hangzhou",
      routing: "bgp",
      gatewayId: "vpn-gw1",
      customerGatewayId: "cgw-a",
      localAsn: 45104,
      remoteAsn: 65001,
      tags: { env: "prod" },
    });
    expect(dual.tunnels.map((t) => [t.index, t.outsideIp, t.status, t.bgp?.status, t.insideCidr])).toEqual([
      [1, "47.1.1.2", "UP", "up", "169.254.10.0/30"],
      [2, "47.1.1.3", "DOWN", "down", "169.254.11.0/30"],
    ]);
    expect(dual.tunnels[0]?.statusMessage).toBe("IPsec SA established; master tunnel");
    expect(dual.tunnels[1]?.statusMessage).toBe("IKE SA not established; slave tunnel");
    expect(dual.tunnels[0]?.options).toEqual({
      ikeVersions: ["ikev2"],
      ikeMode: "main",
      phase1LifetimeSec: 86400,
      phase2LifetimeSec: 86400,
      phase1Encryption: ["aes256"],
      phase1Integrity: ["sha256"],
      phase1DhGroups: [14],
      phase2Encryption: ["aes256"],
      phase2Integrity: ["sha256"],
      phase2DhGroups: [14],
      pfsEnabled: true,
      dpdEnabled: true,
      natTraversal: true,
    });
    expect(dual.tunnels[1]?.options.natTraversal).toBe(false);
    // The route names the connection, whichever of its tunnels carries it now.
    expect(dual.routeWeights).toEqual([{ destinationCidr: "172.16.0.0/12", weight: 100, nextHop: "vco-dual" }]);
    expect(dual.staticRoutes).toBeUndefined();
    expect(dual.logStreams.map((s) => [s.kind, s.tunnelIndex, s.locator])).toEqual([
      ["tunnel", 1, { vpnConnectionId: "vco-dual", tunnelId: "tun-1" }],
      ["tunnel", 2, { vpnConnectionId: "vco-dual", tunnelId: "tun-2" }],
    ]);

    expect(a).toMatchObject({ routing: "static", customerGatewayId: "cgw-a", staticRoutes: ["10.10.0.0/16"] });
    expect(a.tunnels).toHaveLength(1);
    expect(a.tunnels[0]).toMatchObject({
      index: 1,
      outsideIp: "47.1.1.1",
      status: "UP",
      statusMessage: "IPsec SA established",
    });
    expect(a.tunnels[0]?.options).toMatchObject({
      ikeVersions: ["ikev1"],
      phase1LifetimeSec: 86400,
      phase1DhGroups: [2],
      phase2DhGroups: [],
      pfsEnabled: false,
      dpdEnabled: true,
      natTraversal: true,
    });
    expect(a.healthChecks).toEqual([
      { enabled: true, sourceIp: "10.0.0.1", destinationIp: "192.168.0.1", status: "success", policy: "revoke_route" },
    ]);
    // The pair's weights, this connection's and the standby's, are graded together.
    expect(a.routeWeights).toEqual([
      { destinationCidr: "10.10.0.0/16", weight: 100, nextHop: "vco-a" },
      { destinationCidr: "10.10.0.0/16", weight: 0, nextHop: "vco-b" },
    ]);
    expect(a.encryptionDomains).toEqual([
      { local: "10.0.0.0/16", remote: "192.168.0.0/24" },
      { local: "10.1.0.0/16", remote: "192.168.0.0/24" },
    ]);
    expect(a.logStreams).toEqual([
      {
        key: "alibaba:cn-hangzhou:vco-a",
        kind: "connection",
        region: "cn-hangzhou",
        connectionExternalId: "vco-a",
        tunnelIndex: 1,
        locator: { vpnConnectionId: "vco-a" },
      },
    ]);

    expect(b.tunnels[0]).toMatchObject({
      status: "DOWN",
      statusMessage: "IKE SA established, IPsec SA not established",
    });
    expect(b.tunnels[0]?.options).toMatchObject({
      dpdEnabled: false,
      phase1LifetimeSec: 28800,
      phase2LifetimeSec: 3600,
    });
    expect(b.healthChecks).toEqual([{ enabled: false }]);
    expect(b.routeWeights).toEqual([
      { destinationCidr: "10.10.0.0/16", weight: 100, nextHop: "vco-a" },
      { destinationCidr: "10.10.0.0/16", weight: 0, nextHop: "vco-b" },
    ]);
    // Active/standby weights, but no health check on the standby: seed 002 wants one on both.
    expect(evaluatePosture(connectionSchema.parse(b)).findings.map((f) => f.code)).toContain(
      "ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY",
    );
    expect(evaluatePosture(connectionSchema.parse(a)).findings.map((f) => f.code)).not.toContain(
      "ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY",
    );

    expect(snapshot.diagnostics).toEqual([
      {
        connectionExternalId: "vco-dual",
        tunnelIndex: 2,
        reasonCode: "Phase1NegotiationTimeout",
        reason: "Phase1 negotiation timeout",
        faultCode: "PEER_UNREACHABLE",
        severity: "Warn",
        at: new Date(1673581161000),
        sourceLog: expect.stringContaining("phase1 negotiation failed"),
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toContain(PSK);
    // The API diagnoses what it is told to: dual-tunnel connections by tunnel id, single-tunnel
    // ones (vco-b is down) by connection id.
    const diagnosis = server.requests.find((r) => actionOf(r) === "DiagnoseVpnConnections") as RecordedRequest;
    expect([param(diagnosis, "TunnelIds.1"), param(diagnosis, "TunnelIds.2")].sort()).toEqual(["tun-1", "tun-2"]);
    expect(param(diagnosis, "VpnConnectionIds.1")).toBe("vco-b");

    // Paging: DescribeVpnConnections was read in two pages; requests carry RegionId and the API version.
    const pages = server.requests.filter((r) => actionOf(r) === "DescribeVpnConnections");
    expect(pages.map((r) => param(r, "PageNumber"))).toEqual(["1", "2"]);
    expect(pages[0]?.headers["x-acs-version"]).toBe("2016-04-28");
    expect(param(pages[0] as RecordedRequest, "RegionId")).toBe("cn-hangzhou");
    expect(String(pages[0]?.headers.authorization)).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI5tEXAMPLEKEYID,/);
  });

  it("gives each connection its customer gateway's address (the first tunnel's where the tunnels end on two)", async () => {
    server = await startServer(aliHandler());
    const snapshot = await client(server.url).fetchStatus();
    const byId = new Map(snapshot.connections.map((c) => [c.externalId, c]));
    expect(byId.get("vco-a")?.customerGatewayIp).toBe("198.51.100.20");
    expect(byId.get("vco-b")?.customerGatewayIp).toBe("198.51.100.21");
    const dual = byId.get("vco-dual");
    expect(dual?.customerGatewayIp).toBe(dual?.customerGatewayId === "cgw-a" ? "198.51.100.20" : "198.51.100.21");
    expect(snapshot.unavailable["alibaba:customer-gateways:cn-hangzhou"]).toBeUndefined();
  });

  it("puts a failing DiagnoseVpnConnections, DescribeVpnRouteEntries or DescribeCustomerGateways into `unavailable`", async () => {
    server = await startServer(
      aliHandler({
        DiagnoseVpnConnections: () =>
          aliError(403, "Forbidden.RAM", "User not authorized to operate on the specified resource."),
        DescribeVpnRouteEntries: () => aliError(400, "OperationUnsupported.RouteEntry", "not supported"),
        DescribeCustomerGateways: () =>
          aliError(403, "Forbidden.RAM", "User not authorized to operate on the specified resource."),
      }),
    );
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections).toHaveLength(3);
    expect(snapshot.unavailable["alibaba:customer-gateways:cn-hangzhou"]).toMatch(/Forbidden\.RAM/);
    expect(snapshot.connections.map((c) => c.customerGatewayIp ?? null)).toEqual([null, null, null]);
    expect(snapshot.unavailable["alibaba:diagnose:cn-hangzhou"]).toMatch(/Forbidden\.RAM/);
    expect(snapshot.unavailable["alibaba:route-entries:cn-hangzhou"]).toMatch(/OperationUnsupported/);
    // Route entries not read are unknown, not none: no drift is read into them.
    expect(snapshot.connections.map((c) => c.routeWeights)).toEqual([undefined, undefined, undefined]);
    expect(snapshot.diagnostics).toEqual([]);
  });

  it("reports a gateway with no route entries as no route weights, so removing the last one is a change", async () => {
    server = await startServer(
      aliHandler({
        DescribeVpnRouteEntries: () => ({
          body: {
            RequestId: requestId,
            PageNumber: 1,
            PageSize: 50,
            TotalCount: 0,
            VpnRouteEntries: { VpnRouteEntry: [] },
          },
        }),
      }),
    );
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections.map((c) => c.routeWeights)).toEqual([[], [], []]);
  });

  it("retries Throttling.User, then succeeds", async () => {
    let throttled = 0;
    const base = aliHandler();
    server = await startServer((request) => {
      if (actionOf(request) === "DescribeVpnGateways" && throttled++ < 2) {
        return aliError(400, "Throttling.User", "Request was denied due to user flow control.");
      }
      return base(request);
    });
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections).toHaveLength(3);
    expect(throttled).toBe(3);
  });

  it.each([
    [404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", "auth"],
    [400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", "auth"],
    [403, "Forbidden.RAM", "User not authorized to operate on the specified resource.", "permission"],
    [400, "Throttling.User", "Request was denied due to user flow control.", "throttled"],
    [503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.", "unavailable"],
  ])("maps HTTP %i %s to its kind with the provider's message", async (status, code, message, kind) => {
    server = await startServer(aliHandler({ DescribeVpnGateways: () => aliError(status, code, message) }));
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe(kind);
    expect(error.message).toContain("Alibaba Cloud DescribeVpnGateways (cn-hangzhou) failed");
    expect(error.message).toContain(`${code}: ${message}`);
    expect(error.details).toMatchObject({ status, code });
    expect(error.message).not.toContain(SECRET);
  });

  it("never puts the secret in an error message, even when the server echoes it", async () => {
    server = await startServer(
      aliHandler({
        DescribeVpnGateways: () => aliError(400, "SignatureDoesNotMatch", `string to sign with ${SECRET}`),
      }),
    );
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe("auth");
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain("[redacted]");
  });

  it("times out a hanging response with kind timeout", async () => {
    server = await startServer(aliHandler({ DescribeVpnGateways: () => "hang" }));
    const error = await providerFailure(client(server.url, { maxAttempts: 2, requestTimeoutMs: 200 }).fetchStatus());
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("DescribeVpnGateways");
    expect(server.requests).toHaveLength(2);
  });
});

// --- DescribeVpnConnectionLogs -----------------------------------------------------------------

const BASE = 1_700_000_400; // aligned to 10 minutes
const pad = (n: number) => String(n).padStart(2, "0");
/** "YYYY-MM-DD HH:mm:ss" in UTC+8, as the gateway writes it. */
function beijing(seconds: number): string {
  const d = new Date((seconds + 8 * 3600) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

interface Line {
  at: number;
  text: string;
}
// Window 0: 60 lines (two pages, several identical texts); window 1: none; window 2: 3 lines.
const LINES: Line[] = [
  ...Array.from({ length: 60 }, (_, i) => ({
    at: BASE + i * 5,
    text: `${beijing(BASE + i * 5)} vco-dual [PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up.`,
  })),
  ...[0, 1, 2].map((i) => ({
    at: BASE + 2 * WINDOW_SECONDS + i,
    text: `${beijing(BASE + 2 * WINDOW_SECONDS + i)} vco-dual [INFO]: IKE SA established line ${i}`,
  })),
];

function logsHandler(options: { incompleteFrom?: number } = {}): Handler {
  return (request) => {
    if (actionOf(request) !== "DescribeVpnConnectionLogs") return aliError(400, "InvalidAction.NotFound", "no");
    const from = Number(param(request, "From"));
    const to = Number(param(request, "To"));
    const size = Number(param(request, "PageSize") ?? "10");
    const page = Number(param(request, "PageNumber") ?? "1");
    if (to - from > 600) return aliError(400, "InvalidParameter.TimeRange", "The time range exceeds 10 minutes.");
    const inWindow = LINES.filter((l) => l.at >= from && l.at < to).map((l) => l.text);
    const logs = inWindow.slice((page - 1) * size, page * size);
    return {
      body: {
        RequestId: requestId,
        Count: logs.length,
        PageNumber: page,
        PageSize: size,
        IsCompleted: options.incompleteFrom === undefined || from < options.incompleteFrom,
        Data: { Logs: logs },
      },
    };
  };
}

const DUAL_STREAM = {
  key: "alibaba:cn-hangzhou:vco-dual:tun-1",
  kind: "tunnel" as const,
  region: "cn-hangzhou",
  connectionExternalId: "vco-dual",
  tunnelIndex: 1,
  locator: { vpnConnectionId: "vco-dual", tunnelId: "tun-1" },
};

describe("Alibaba pullLogs", () => {
  const now = () => (BASE + 3 * WINDOW_SECONDS + 300) * 1000; // windows 0-2 closed, window 3 open

  it("walks 10-minute windows and pages without skipping or repeating a line", async () => {
    server = await startServer(logsHandler());
    const c = client(server.url, { now });
    const events: Array<{ id: string; timestamp: number; message: string }> = [];
    let cursor: Record<string, unknown> | null = null;
    for (let i = 0; i < 40; i++) {
      const page = await c.pullLogs(DUAL_STREAM, cursor, { since: new Date(BASE * 1000 + 1000), maxEvents: 7 });
      events.push(...page.events);
      cursor = JSON.parse(JSON.stringify(page.cursor));
      if (!page.hasMore) break;
    }
    expect(events.map((e) => e.message)).toEqual(LINES.map((l) => l.text));
    expect(new Set(events.map((e) => e.id)).size).toBe(LINES.length);
    // Timestamps recovered from UTC+8 local time.
    expect(events.map((e) => e.timestamp)).toEqual(LINES.map((l) => l.at * 1000));
    expect(cursor).toEqual({ v: 1, from: BASE + 3 * WINDOW_SECONDS, page: 1, offset: 0 });

    const calls = server.requests.map((r) => [
      param(r, "From"),
      param(r, "To"),
      param(r, "PageNumber"),
      param(r, "TunnelId"),
    ]);
    expect(calls.every(([from, to]) => Number(to) - Number(from) === WINDOW_SECONDS)).toBe(true);
    expect(calls.every((call) => call[3] === "tun-1")).toBe(true);
    expect(server.requests.every((r) => param(r, "PageSize") === String(LOG_PAGE_SIZE))).toBe(true);
  });

  it("is idempotent: the same cursor gives the same lines with the same ids", async () => {
    server = await startServer(logsHandler());
    const c = client(server.url, { now });
    const first = await c.pullLogs(DUAL_STREAM, null, { since: new Date(BASE * 1000), maxEvents: 45 });
    const again = await c.pullLogs(DUAL_STREAM, null, { since: new Date(BASE * 1000), maxEvents: 45 });
    expect(again).toEqual(first);
    const cursor = JSON.parse(JSON.stringify(first.cursor));
    const next1 = await c.pullLogs(DUAL_STREAM, cursor, { since: new Date(0), maxEvents: 45 });
    const next2 = await c.pullLogs(DUAL_STREAM, cursor, { since: new Date(0), maxEvents: 45 });
    expect(next2).toEqual(next1);
    expect(first.events).toHaveLength(45);
    expect(next1.events[0]?.message).toBe(LINES[45]?.text);
  });

  it("waits for a recent window the API calls incomplete, and takes an old one as it is", async () => {
    // Window 2 (three lines) is still incomplete.
    server = await startServer(logsHandler({ incompleteFrom: BASE + 2 * WINDOW_SECONDS }));
    const pull = (at: number) =>
      client(server?.url ?? "", { now: () => at * 1000 }).pullLogs(
        DUAL_STREAM,
        { v: 1, from: BASE + 2 * WINDOW_SECONDS, page: 1, offset: 0 },
        { since: new Date(0), maxEvents: 10 },
      );
    const soon = await pull(BASE + 3 * WINDOW_SECONDS + 300);
    expect(soon.events).toEqual([]);
    expect(soon.cursor).toEqual({ v: 1, from: BASE + 2 * WINDOW_SECONDS, page: 1, offset: 0 });
    const late = await pull(BASE + 3 * WINDOW_SECONDS + 3600);
    expect(late.events.map((e) => e.message)).toEqual(LINES.slice(60).map((l) => l.text));
  });

  it("does not read a window that is still open", async () => {
    server = await startServer(logsHandler());
    const c = client(server.url, { now: () => (BASE + 60) * 1000 });
    const page = await c.pullLogs(DUAL_STREAM, null, { since: new Date(BASE * 1000), maxEvents: 10 });
    expect(page).toEqual({ events: [], cursor: { v: 1, from: BASE, page: 1, offset: 0 }, hasMore: false });
    expect(server.requests).toHaveLength(0);
  });
});

describe("Alibaba helpers", () => {
  it("marks a health check whose destination another connection of the gateway checks too", () => {
    const pair = (destinations: [string, string], gatewayIds: [string, string] = ["vpn-gw1", "vpn-gw1"]) =>
      (["vco-a", "vco-b"] as const).map((externalId, i) => ({
        provider: "alibaba" as const,
        externalId,
        name: externalId,
        region: "cn-hangzhou",
        routing: "static" as const,
        gatewayId: gatewayIds[i] as string,
        tunnels: [{ index: 1, status: "UP" as const, options: {} }],
        healthChecks: [{ enabled: true, destinationIp: destinations[i] as string }],
      })) as unknown as FetchedConnection[];
    const shared = pair(["192.168.0.10", "192.168.0.10"]);
    markSharedHealthChecks(shared);
    expect(shared.map((c) => c.healthChecks?.[0]?.sharedWithConnections)).toEqual([["vco-b"], ["vco-a"]]);
    const posture = evaluatePosture(connectionSchema.parse(shared[0]));
    expect(posture.findings.find((f) => f.code === "HEALTHCHECK_PATH_ASYMMETRY")?.evidence).toMatchObject({
      sharedDestinations: ["192.168.0.10"],
    });
    // Each checks its own customer gateway, or the two connections are on different gateways: nothing shared.
    for (const apart of [
      pair(["192.168.0.1", "192.168.1.1"]),
      pair(["192.168.0.10", "192.168.0.10"], ["gw1", "gw2"]),
    ]) {
      markSharedHealthChecks(apart);
      expect(apart.map((c) => c.healthChecks?.[0]?.sharedWithConnections)).toEqual([undefined, undefined]);
      expect(evaluatePosture(connectionSchema.parse(apart[0])).findings.map((f) => f.code)).not.toContain(
        "HEALTHCHECK_PATH_ASYMMETRY",
      );
    }
  });

  it("maps negotiation states to tunnel status", () => {
    expect(tunnelStatus("ipsec_sa_established", "active")).toEqual({
      status: "UP",
      statusMessage: "IPsec SA established",
    });
    expect(tunnelStatus("ike_sa_established", "updating").status).toBe("DOWN");
    expect(tunnelStatus(undefined, "init")).toEqual({ status: "UNKNOWN", statusMessage: "connection init" });
  });

  it("reads single-tunnel BGP from the BGP peer, as the list response has no EnableBgp", () => {
    const bgp = normalizeAlibabaConnection(
      {
        ...SINGLE_B,
        VpnBgpConfig: {
          LocalAsn: 45104,
          PeerAsn: 65010,
          TunnelCidr: "169.254.11.0/30",
          LocalBgpIp: "169.254.11.1",
          PeerBgpIp: "169.254.11.2",
          Status: "false",
        },
      },
      "cn-hangzhou",
    );
    expect(bgp.routing).toBe("bgp");
    expect(bgp.tunnels[0]?.bgp).toEqual({ status: "down" });
    expect(
      normalizeAlibabaConnection({ ...SINGLE_B, VpnBgpConfig: { AuthKey: "", Status: "" } }, "cn-hangzhou").routing,
    ).toBe("static");
    expect(normalizeAlibabaConnection(SINGLE_A, "cn-hangzhou").routing).toBe("static");
  });

  it("parses DH groups", () => {
    expect([dhGroup("group14"), dhGroup("disabled"), dhGroup(""), dhGroup("bogus")]).toEqual([
      14,
      null,
      undefined,
      undefined,
    ]);
  });

  it("reads the endpoint override as host and protocol", () => {
    expect(parseEndpointOverride("http://127.0.0.1:4000")).toEqual({ endpoint: "127.0.0.1:4000", protocol: "HTTP" });
    expect(parseEndpointOverride("vpc.cn-hangzhou.aliyuncs.com")).toEqual({
      endpoint: "vpc.cn-hangzhou.aliyuncs.com",
      protocol: "HTTPS",
    });
  });

  it("falls back to the window start for a line without a timestamp", () => {
    expect(lineTimestamp("no time here", BASE)).toBe(BASE * 1000);
  });
});
