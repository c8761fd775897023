// The AWS client over real HTTP against a local server answering in EC2 Query XML (namespace
// 2016-11-15) and JSON 1.1 (CloudWatch Logs, AWS Health), as the real endpoints do.
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
import { AwsProviderClient } from "./client.ts";
import { advanceAwsCursor, parseAwsCursor } from "./logs.ts";
import { AWS_TUNNEL_DEFAULTS, pairTunnels } from "./normalize.ts";
import { TrafficReadings } from "./traffic-readings.ts";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const PSK = "psk-never-leaves-aws-1234";
const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/vpn:*";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const list = (tag: string, values: Array<string | number>) =>
  `<${tag}>${values.map((v) => `<item><value>${v}</value></item>`).join("")}</${tag}>`;

interface TunnelSpec {
  ip: string;
  inside: string;
  p2Groups?: number[];
  dpdAction?: string;
  ike?: string[];
  startup?: string;
  logging?: boolean;
  bgpLogging?: boolean;
  lifecycle?: boolean;
  /** A tunnel whose options were never changed: only its addresses and key are described. */
  unchanged?: boolean;
}

function tunnelXml(t: TunnelSpec): string {
  if (t.unchanged)
    return `<item><outsideIpAddress>${t.ip}</outsideIpAddress><tunnelInsideCidr>${t.inside}</tunnelInsideCidr><preSharedKey>${PSK}</preSharedKey></item>`;
  const logging =
    t.logging === undefined
      ? ""
      : `<logOptions><cloudWatchLogOptions><logEnabled>${t.logging}</logEnabled>${
          t.logging ? `<logGroupArn>${LOG_GROUP_ARN}</logGroupArn><logOutputFormat>json</logOutputFormat>` : ""
        }${t.bgpLogging ? `<bgpLogEnabled>true</bgpLogEnabled><bgpLogGroupArn>${LOG_GROUP_ARN.replace("vpn:", "vpn-bgp:")}</bgpLogGroupArn>` : ""}</cloudWatchLogOptions></logOptions>`;
  return `<item>
    <outsideIpAddress>${t.ip}</outsideIpAddress>
    <tunnelInsideCidr>${t.inside}</tunnelInsideCidr>
    <preSharedKey>${PSK}</preSharedKey>
    <phase1LifetimeSeconds>28800</phase1LifetimeSeconds>
    <phase2LifetimeSeconds>3600</phase2LifetimeSeconds>
    <rekeyMarginTimeSeconds>270</rekeyMarginTimeSeconds>
    <rekeyFuzzPercentage>100</rekeyFuzzPercentage>
    <replayWindowSize>1024</replayWindowSize>
    <dpdTimeoutSeconds>30</dpdTimeoutSeconds>
    <dpdTimeoutAction>${t.dpdAction ?? "restart"}</dpdTimeoutAction>
    ${list("phase1EncryptionAlgorithmSet", ["AES256", "AES128"])}
    ${list("phase2EncryptionAlgorithmSet", ["AES256-GCM-16"])}
    ${list("phase1IntegrityAlgorithmSet", ["SHA2-256"])}
    ${list("phase2IntegrityAlgorithmSet", ["SHA2-256"])}
    ${list("phase1DHGroupNumberSet", [14, 20])}
    ${list("phase2DHGroupNumberSet", t.p2Groups ?? [14])}
    ${list("ikeVersionSet", t.ike ?? ["ikev2"])}
    <startupAction>${t.startup ?? "start"}</startupAction>
    ${logging}
    <enableTunnelLifecycleControl>${t.lifecycle ?? false}</enableTunnelLifecycleControl>
  </item>`;
}

interface TelemetrySpec {
  ip: string;
  status: string;
  message: string;
  accepted?: number;
}

function vpnXml(v: {
  id: string;
  staticOnly: boolean;
  tunnels: TunnelSpec[];
  telemetry: TelemetrySpec[];
  routes?: string[];
  tgw?: boolean;
  state?: string;
}): string {
  return `<item>
    <vpnConnectionId>${v.id}</vpnConnectionId>
    <state>${v.state ?? "available"}</state>
    <customerGatewayConfiguration>&lt;vpn_connection&gt;&lt;pre_shared_key&gt;${PSK}&lt;/pre_shared_key&gt;&lt;/vpn_connection&gt;</customerGatewayConfiguration>
    <customerGatewayId>cgw-0a1</customerGatewayId>
    <type>ipsec.1</type>
    <category>VPN</category>
    ${v.tgw ? "<transitGatewayId>tgw-0abc</transitGatewayId>" : "<vpnGatewayId>vgw-0abc</vpnGatewayId>"}
    <options>
      <enableAcceleration>false</enableAcceleration>
      <staticRoutesOnly>${v.staticOnly}</staticRoutesOnly>
      <localIpv4NetworkCidr>0.0.0.0/0</localIpv4NetworkCidr>
      <remoteIpv4NetworkCidr>0.0.0.0/0</remoteIpv4NetworkCidr>
      <tunnelInsideIpVersion>ipv4</tunnelInsideIpVersion>
      <tunnelOptionSet>${v.tunnels.map(tunnelXml).join("")}</tunnelOptionSet>
    </options>
    <routes>${(v.routes ?? [])
      .map(
        (cidr) =>
          `<item><destinationCidrBlock>${cidr}</destinationCidrBlock><source>Static</source><state>available</state></item>`,
      )
      .join("")}</routes>
    <tagSet><item><key>Name</key><value>${v.id}-name</value></item><item><key>env</key><value>prod</value></item></tagSet>
    <vgwTelemetry>${v.telemetry
      .map(
        (t) => `<item>
        <outsideIpAddress>${t.ip}</outsideIpAddress>
        <status>${t.status}</status>
        <lastStatusChange>2024-05-01T10:00:00.000Z</lastStatusChange>
        <statusMessage>${t.message}</statusMessage>
        ${t.accepted === undefined ? "" : `<acceptedRouteCount>${t.accepted}</acceptedRouteCount>`}
      </item>`,
      )
      .join("")}</vgwTelemetry>
  </item>`;
}

const describeResponse = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<DescribeVpnConnectionsResponse xmlns="${NS}">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <vpnConnectionSet>${items.join("")}</vpnConnectionSet>
</DescribeVpnConnectionsResponse>`;

const ec2Error = (status: number, code: string, message: string): Reply => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`,
});

const jsonError = (status: number, type: string, message: string): Reply => ({
  status,
  headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": type },
  body: { __type: type, message },
});

const BGP_VPN = vpnXml({
  id: "vpn-0bgp",
  staticOnly: false,
  tunnels: [
    { ip: "203.0.113.10", inside: "169.254.10.0/30", logging: true, bgpLogging: true, lifecycle: true },
    { ip: "203.0.113.20", inside: "169.254.11.0/30", logging: false, lifecycle: true },
  ],
  // Telemetry in the other order: joined by outside IP, not by position.
  telemetry: [
    { ip: "203.0.113.20", status: "DOWN", message: "IPSEC IS DOWN", accepted: 0 },
    { ip: "203.0.113.10", status: "UP", message: "2 BGP ROUTES" },
  ],
});

const STATIC_VPN = vpnXml({
  id: "vpn-0static",
  staticOnly: true,
  tgw: true,
  routes: ["10.20.0.0/16", "10.30.0.0/16"],
  tunnels: [
    {
      ip: "198.51.100.1",
      inside: "169.254.20.0/30",
      p2Groups: [],
      dpdAction: "none",
      ike: ["ikev1", "ikev2"],
      startup: "add",
    },
    // Endpoint being provisioned: no outside IP yet.
    { ip: "", inside: "169.254.21.0/30", dpdAction: "none", startup: "add" },
  ],
  telemetry: [
    { ip: "198.51.100.1", status: "UP", message: "IPSEC IS UP", accepted: 0 },
    { ip: "", status: "DOWN", message: "", accepted: 0 },
  ],
});

type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

function awsHandler(overrides: Partial<Record<string, Handler>> = {}, vpns = [BGP_VPN, STATIC_VPN]): Handler {
  return (request) => {
    const target = String(request.headers["x-amz-target"] ?? "");
    const action = target ? (target.split(".")[1] ?? "") : (new URLSearchParams(request.body).get("Action") ?? "");
    const override = overrides[action];
    if (override) return override(request);
    switch (action) {
      case "DescribeVpnConnections":
        return { body: describeResponse(vpns) };
      case "DescribeCustomerGateways":
        return {
          body: `<DescribeCustomerGatewaysResponse xmlns="${NS}"><requestId>r</requestId><customerGatewaySet><item>
            <customerGatewayId>cgw-0a1</customerGatewayId><state>available</state><type>ipsec.1</type>
            <ipAddress>192.0.2.44</ipAddress><bgpAsn>65010</bgpAsn></item></customerGatewaySet></DescribeCustomerGatewaysResponse>`,
        };
      case "GetVpnTunnelReplacementStatus": {
        const params = new URLSearchParams(request.body);
        const ip = params.get("VpnTunnelOutsideIpAddress");
        const pending = ip === "203.0.113.10";
        return {
          body: `<GetVpnTunnelReplacementStatusResponse xmlns="${NS}"><requestId>r</requestId>
            <vpnConnectionId>${params.get("VpnConnectionId")}</vpnConnectionId><vpnGatewayId>vgw-0abc</vpnGatewayId>
            <customerGatewayId>cgw-0a1</customerGatewayId><vpnTunnelOutsideIpAddress>${ip}</vpnTunnelOutsideIpAddress>
            <maintenanceDetails>${
              pending
                ? "<pendingMaintenance>Tunnel endpoint replacement pending</pendingMaintenance><maintenanceAutoAppliedAfter>2024-06-01T00:00:00.000Z</maintenanceAutoAppliedAfter>"
                : ""
            }<lastMaintenanceApplied>2024-01-01T00:00:00.000Z</lastMaintenanceApplied></maintenanceDetails>
            </GetVpnTunnelReplacementStatusResponse>`,
        };
      }
      case "DescribeEvents":
        return {
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: {
            events: [
              {
                arn: "arn:aws:health:us-east-1::event/VPN/AWS_VPN_REDUNDANCY_LOSS/AWS_VPN_REDUNDANCY_LOSS-abc123",
                service: "VPN",
                eventTypeCode: "AWS_VPN_REDUNDANCY_LOSS",
                eventTypeCategory: "accountNotification",
                region: "us-east-1",
                startTime: 1714557600,
                lastUpdatedTime: 1714557600,
                statusCode: "open",
                eventScopeCode: "ACCOUNT_SPECIFIC",
              },
            ],
          },
        };
      case "DescribeLogStreams":
        return {
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: { logStreams: [{ logStreamName: "vpn-0bgp_203.0.113.10" }] },
        };
      case "DescribeAffectedEntities":
        return {
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: {
            entities: [
              {
                entityArn: "arn:aws:health:us-east-1:123456789012:entity/abc",
                eventArn: "arn:aws:health:us-east-1::event/VPN/AWS_VPN_REDUNDANCY_LOSS/AWS_VPN_REDUNDANCY_LOSS-abc123",
                entityValue: "vpn-0bgp",
                awsAccountId: "123456789012",
                statusCode: "IMPAIRED",
              },
            ],
          },
        };
      case "DescribeEventDetails":
        return {
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: {
            successfulSet: [
              {
                event: {
                  arn: "arn:aws:health:us-east-1::event/VPN/AWS_VPN_REDUNDANCY_LOSS/AWS_VPN_REDUNDANCY_LOSS-abc123",
                },
                eventDescription: { latestDescription: "One of the tunnels of your VPN connection is down." },
              },
            ],
            failedSet: [],
          },
        };
      case "GetMetricData":
        return metricData(request, () => 0);
      default:
        return jsonError(400, "InvalidAction", `unexpected action ${action}`);
    }
  };
}

/**
 * A GetMetricData reply with six 5-minute periods per query, newest first, ending 10 minutes
 * before the request's EndTime (AWS publishes the periods late); `bytes` gives each period's
 * traffic by its age (0 the newest).
 */
function metricData(request: RecordedRequest, bytes: (age: number, address: string) => number): Reply {
  const input = JSON.parse(request.body) as {
    EndTime: number;
    MetricDataQueries: Array<{ Id: string; MetricStat: { Metric: { Dimensions: Array<{ Value: string }> } } }>;
  };
  const newest = Math.floor(input.EndTime / 300) * 300 - 900;
  return {
    headers: { "content-type": "application/x-amz-json-1.0" },
    body: {
      MetricDataResults: input.MetricDataQueries.map((q) => {
        const address = q.MetricStat.Metric.Dimensions[0]?.Value ?? "";
        const ages = [0, 1, 2, 3, 4, 5];
        return {
          Id: q.Id,
          StatusCode: "Complete",
          Timestamps: ages.map((age) => newest - age * 300),
          Values: ages.map((age) => bytes(age, address)),
        };
      }),
      Messages: [],
    },
  };
}

function client(url: string, options = {}) {
  return new AwsProviderClient(
    {
      provider: "aws",
      regions: ["us-east-1"],
      endpoint: url,
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET },
    },
    { ...FAST, ...options },
  );
}

describe("AWS fetchStatus", () => {
  it("gives a tunnel whose options were never changed AWS's defaults, and posture reads them", async () => {
    const vpn = vpnXml({
      id: "vpn-0default",
      staticOnly: false,
      tunnels: [
        { ip: "203.0.113.30", inside: "169.254.30.0/30", unchanged: true },
        { ip: "203.0.113.40", inside: "169.254.31.0/30", unchanged: true },
      ],
      telemetry: [
        { ip: "203.0.113.30", status: "UP", message: "3 BGP ROUTES" },
        { ip: "203.0.113.40", status: "UP", message: "3 BGP ROUTES" },
      ],
    });
    server = await startServer(awsHandler({}, [vpn]));
    const [connection] = (await client(server.url).fetchStatus()).connections;
    if (!connection) throw new Error("missing connection");
    expect(connection.tunnels[0]?.options).toEqual({ ...AWS_TUNNEL_DEFAULTS, pfsEnabled: true });
    expect(connection.tunnels[1]?.options.startupAction).toBe("add");

    const posture = evaluatePosture(connection);
    const codes = posture.findings.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(["STARTUP_ACTION_ADD", "IKEV1_IN_USE", "WEAK_CRYPTO", "TUNNEL_LOGGING_DISABLED"]),
    );
    expect(codes).not.toContain("LIFETIME_MISMATCH");
    expect(codes).not.toContain("PFS_DISABLED");
    expect(posture.findings.find((f) => f.code === "WEAK_CRYPTO")?.detail).toMatch(/SHA1.*DH group 2/);
    // BGP with both tunnels up, but AWS's default DPD action clears rather than restarts.
    expect(posture.grade).toBe("B");
  });

  it("normalises every field posture reads, from EC2 Query XML", async () => {
    server = await startServer(awsHandler());
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections).toHaveLength(2);
    const [bgp, stat] = snapshot.connections;
    if (!bgp || !stat) throw new Error("missing connections");
    for (const connection of snapshot.connections) expect(() => connectionSchema.parse(connection)).not.toThrow();

    expect(bgp).toMatchObject({
      provider: "aws",
      externalId: "vpn-0bgp",
      name: "vpn-0bgp-name",
      region: "us-east-1",
      state: "available",
      routing: "bgp",
      gatewayId: "vgw-0abc",
      customerGatewayId: "cgw-0a1",
      customerGatewayIp: "192.0.2.44",
      remoteAsn: 65010,
      isAccelerated: false,
      tags: { Name: "vpn-0bgp-name", env: "prod" },
    });
    expect(bgp.encryptionDomains).toBeUndefined();
    expect(bgp.tunnels.map((t) => [t.index, t.outsideIp, t.status, t.statusMessage, t.acceptedRouteCount])).toEqual([
      [1, "203.0.113.10", "UP", "2 BGP ROUTES", 2],
      [2, "203.0.113.20", "DOWN", "IPSEC IS DOWN", 0],
    ]);
    expect(bgp.tunnels[0]?.bgp).toEqual({ status: "up" });
    expect(bgp.tunnels[0]?.lastStatusChange).toBe("2024-05-01T10:00:00.000Z");
    expect(bgp.tunnels[0]?.insideCidr).toBe("169.254.10.0/30");
    expect(bgp.tunnels[0]?.options).toEqual({
      ikeVersions: ["ikev2"],
      phase1LifetimeSec: 28800,
      phase2LifetimeSec: 3600,
      rekeyMarginSec: 270,
      rekeyFuzzPct: 100,
      replayWindow: 1024,
      dpdTimeoutSec: 30,
      dpdTimeoutAction: "restart",
      phase1Encryption: ["AES256", "AES128"],
      phase1Integrity: ["SHA2-256"],
      phase1DhGroups: [14, 20],
      phase2Encryption: ["AES256-GCM-16"],
      phase2Integrity: ["SHA2-256"],
      phase2DhGroups: [14],
      pfsEnabled: true,
      startupAction: "start",
      loggingEnabled: true,
    });
    expect(bgp.tunnels[1]?.options.loggingEnabled).toBe(false);
    expect(bgp.logStreams).toEqual([
      {
        key: "aws:us-east-1:/aws/vendedlogs/vpn:vpn-0bgp_203.0.113.10",
        kind: "tunnel",
        region: "us-east-1",
        connectionExternalId: "vpn-0bgp",
        tunnelIndex: 1,
        locator: {
          logGroupArn: LOG_GROUP_ARN,
          logGroupName: "/aws/vendedlogs/vpn",
          logStreamName: "vpn-0bgp_203.0.113.10",
        },
      },
      expect.objectContaining({
        kind: "bgp",
        locator: expect.objectContaining({ logGroupName: "/aws/vendedlogs/vpn-bgp" }),
      }),
    ]);

    expect(stat).toMatchObject({
      routing: "static",
      gatewayId: "tgw-0abc",
      staticRoutes: ["10.20.0.0/16", "10.30.0.0/16"],
    });
    expect(stat.remoteAsn).toBeUndefined();
    expect(stat.tunnels.map((t) => [t.index, t.outsideIp, t.status])).toEqual([
      [1, "198.51.100.1", "UP"],
      [2, null, "DOWN"],
    ]);
    expect(stat.tunnels[0]?.options).toMatchObject({
      ikeVersions: ["ikev1", "ikev2"],
      phase2DhGroups: [],
      pfsEnabled: false,
      dpdTimeoutAction: "none",
      startupAction: "add",
    });
    // No log options: logging was never turned on.
    expect(stat.tunnels[0]?.options.loggingEnabled).toBe(false);
    expect(stat.logStreams).toEqual([]);

    // Lifecycle control: tunnel 1 of vpn-0bgp has maintenance pending.
    expect(bgp.tunnels[0]?.pendingMaintenance).toEqual({
      description: "Tunnel endpoint replacement pending",
      autoAppliedAfter: "2024-06-01T00:00:00.000Z",
    });
    expect(bgp.tunnels[1]?.pendingMaintenance).toBeUndefined();
    const lifecycle = snapshot.maintenance.filter((m) => m.source === "AWS_TUNNEL_LIFECYCLE");
    expect(lifecycle).toEqual([
      expect.objectContaining({
        externalId: "vpn-0bgp:1",
        connectionExternalId: "vpn-0bgp",
        tunnelIndex: 1,
        status: "UPCOMING",
        autoAppliedAfter: new Date("2024-06-01T00:00:00.000Z"),
      }),
    ]);
    expect(snapshot.unavailable["aws:tunnel-lifecycle:us-east-1"]).toMatch(/not enabled on vpn-0static tunnel 1/);

    const health = snapshot.maintenance.filter((m) => m.source === "AWS_HEALTH");
    expect(health).toEqual([
      expect.objectContaining({
        externalId:
          "arn:aws:health:us-east-1::event/VPN/AWS_VPN_REDUNDANCY_LOSS/AWS_VPN_REDUNDANCY_LOSS-abc123#vpn-0bgp",
        connectionExternalId: "vpn-0bgp",
        title: "AWS Health: AWS_VPN_REDUNDANCY_LOSS",
        description: "One of the tunnels of your VPN connection is down.",
        status: "IN_PROGRESS",
        startsAt: new Date(1714557600 * 1000),
      }),
    ]);
    const describeEvents = server.requests.find(
      (r) => r.headers["x-amz-target"] === "AWSHealth_20160804.DescribeEvents",
    );
    expect(JSON.parse(describeEvents?.body ?? "{}").filter).toMatchObject({
      services: ["VPN"],
      regions: ["us-east-1"],
    });

    expect(JSON.stringify(snapshot)).not.toContain(PSK);
  });

  it("keeps tunnel indexes when AWS replaces an endpoint and its outside IP changes", async () => {
    const before = vpnXml({
      id: "vpn-0x",
      staticOnly: false,
      tunnels: [
        { ip: "203.0.113.10", inside: "169.254.10.0/30" },
        { ip: "203.0.113.20", inside: "169.254.11.0/30" },
      ],
      telemetry: [
        { ip: "203.0.113.10", status: "UP", message: "3 BGP ROUTES", accepted: 3 },
        { ip: "203.0.113.20", status: "UP", message: "3 BGP ROUTES", accepted: 3 },
      ],
    });
    const after = vpnXml({
      id: "vpn-0x",
      staticOnly: false,
      tunnels: [
        { ip: "203.0.113.10", inside: "169.254.10.0/30" },
        { ip: "203.0.113.99", inside: "169.254.11.0/30" },
      ],
      telemetry: [
        { ip: "203.0.113.99", status: "DOWN", message: "IPSEC IS DOWN", accepted: 0 },
        { ip: "203.0.113.10", status: "UP", message: "3 BGP ROUTES", accepted: 3 },
      ],
    });
    let vpns = [before];
    server = await startServer((request) => awsHandler({}, vpns)(request));
    const first = await client(server.url).fetchStatus();
    vpns = [after];
    const second = await client(server.url).fetchStatus();
    const shape = (s: typeof first) =>
      s.connections[0]?.tunnels.map((t) => [t.index, t.insideCidr, t.outsideIp, t.status]);
    expect(shape(first)).toEqual([
      [1, "169.254.10.0/30", "203.0.113.10", "UP"],
      [2, "169.254.11.0/30", "203.0.113.20", "UP"],
    ]);
    expect(shape(second)).toEqual([
      [1, "169.254.10.0/30", "203.0.113.10", "UP"],
      [2, "169.254.11.0/30", "203.0.113.99", "DOWN"],
    ]);
  });

  it("pairs a tunnel without an outside IP with the leftover telemetry, by position", () => {
    const pairs = pairTunnels(
      [{ OutsideIpAddress: "" }, { OutsideIpAddress: "192.0.2.2" }],
      [
        { OutsideIpAddress: "192.0.2.2", Status: "UP" },
        { OutsideIpAddress: "", Status: "DOWN" },
      ],
    );
    expect(pairs.map((p) => p.telemetry?.Status)).toEqual(["DOWN", "UP"]);
  });

  it("puts optional data that fails into `unavailable` and still returns status", async () => {
    server = await startServer(
      awsHandler({
        DescribeEvents: () =>
          jsonError(400, "SubscriptionRequiredException", "The AWS Support plan does not allow Health API access"),
        GetVpnTunnelReplacementStatus: () =>
          ec2Error(400, "InvalidParameterValue", "Tunnel endpoint lifecycle control is not enabled for this tunnel"),
        DescribeCustomerGateways: () =>
          ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."),
        GetMetricData: () =>
          jsonError(400, "AccessDenied", "User is not authorized to perform: cloudwatch:GetMetricData"),
      }),
    );
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections).toHaveLength(2);
    expect(snapshot.unavailable["aws:tunnel-traffic:us-east-1"]).toMatch(/AccessDenied.*cloudwatch:GetMetricData/);
    expect(snapshot.connections.flatMap((c) => c.tunnels.map((t) => t.idleSeconds))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(snapshot.maintenance).toEqual([]);
    expect(snapshot.unavailable["aws:health"]).toMatch(/SubscriptionRequiredException.*support plan/);
    expect(snapshot.unavailable["aws:tunnel-replacement-status:us-east-1"]).toMatch(/lifecycle control is not enabled/);
    expect(snapshot.unavailable["aws:customer-gateways:us-east-1"]).toMatch(/UnauthorizedOperation/);
  });

  it("reads how long a static connection's UP tunnel has carried no traffic, up to the newest period AWS published", async () => {
    const idleFor = async (bytes: (age: number) => number) => {
      server = await startServer(awsHandler({ GetMetricData: (request) => metricData(request, bytes) }));
      const snapshot = await client(server.url).fetchStatus();
      await server.close();
      server = undefined;
      const staticVpn = snapshot.connections.find((c) => c.routing === "static");
      // Only the UP tunnel of the static connection is asked about; BGP keeps its tunnels busy.
      expect(snapshot.connections.find((c) => c.routing === "bgp")?.tunnels.map((t) => t.idleSeconds)).toEqual([
        undefined,
        undefined,
      ]);
      expect(staticVpn?.tunnels.find((t) => t.status !== "UP")?.idleSeconds).toBeUndefined();
      return staticVpn?.tunnels.find((t) => t.status === "UP")?.idleSeconds;
    };
    expect(await idleFor(() => 1_500)).toBe(0);
    expect(await idleFor((age) => (age >= 3 ? 1_500 : 0))).toBe(900);
    const silent = await idleFor(() => 0);
    expect(silent).toBeGreaterThanOrEqual(900);
    // Idle for 15 minutes or more on a static tunnel: IDLE_RISK.
    server = await startServer(awsHandler());
    const snapshot = await client(server.url).fetchStatus();
    const staticVpn = snapshot.connections.find((c) => c.routing === "static");
    const posture = evaluatePosture(connectionSchema.parse(staticVpn));
    expect(posture.findings.find((f) => f.code === "IDLE_RISK")?.tunnelIndex).toBe(1);
    const queries = JSON.parse(
      server.requests.find((r) => r.headers["x-amz-target"] === "GraniteServiceVersion20100801.GetMetricData")?.body ??
        "{}",
    ).MetricDataQueries;
    expect(
      queries.map((q: { MetricStat: { Metric: unknown; Stat: string } }) => [q.MetricStat.Metric, q.MetricStat.Stat]),
    ).toEqual([
      [
        {
          Namespace: "AWS/VPN",
          MetricName: "TunnelDataIn",
          Dimensions: [{ Name: "TunnelIpAddress", Value: "198.51.100.1" }],
        },
        "Sum",
      ],
      [
        {
          Namespace: "AWS/VPN",
          MetricName: "TunnelDataOut",
          Dimensions: [{ Name: "TunnelIpAddress", Value: "198.51.100.1" }],
        },
        "Sum",
      ],
    ]);
  });

  it("reads a tunnel's traffic once per 5-minute period when the worker keeps the readings across polls", async () => {
    let failMetrics = true;
    let traffic = 1_500;
    server = await startServer(
      awsHandler({
        GetMetricData: (request) =>
          failMetrics ? jsonError(503, "ServiceUnavailable", "try again") : metricData(request, () => traffic),
      }),
    );
    const readings = new TrafficReadings();
    const periodStart = Date.UTC(2026, 11, 1, 12, 0, 0);
    const poll = async (at: number) => {
      const snapshot = await new AwsProviderClient(
        {
          provider: "aws",
          regions: ["us-east-1"],
          endpoint: server?.url,
          credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET },
        },
        { ...FAST, maxAttempts: 1, now: () => at },
        readings,
      ).fetchStatus();
      const metricReads = (server?.requests ?? []).filter(
        (r) => r.headers["x-amz-target"] === "GraniteServiceVersion20100801.GetMetricData",
      ).length;
      const idle = snapshot.connections.find((c) => c.routing === "static")?.tunnels.find((t) => t.status === "UP");
      return { metricReads, idleSeconds: idle?.idleSeconds, unavailable: snapshot.unavailable };
    };
    // A failed read is not kept: the next poll in the same period reads again.
    const failed = await poll(periodStart + 10_000);
    expect(failed.unavailable["aws:tunnel-traffic:us-east-1"]).toMatch(/ServiceUnavailable/);
    expect(failed.idleSeconds).toBeUndefined();
    failMetrics = false;
    expect(await poll(periodStart + 70_000)).toMatchObject({ metricReads: 2, idleSeconds: 0 });
    // Polls later in the same period reuse the reading, even though the traffic has stopped since.
    traffic = 0;
    expect(await poll(periodStart + 130_000)).toMatchObject({ metricReads: 2, idleSeconds: 0 });
    expect(await poll(periodStart + 299_000)).toMatchObject({ metricReads: 2, idleSeconds: 0 });
    // The next period may hold new data: read again.
    const next = await poll(periodStart + 300_000);
    expect(next.metricReads).toBe(3);
    expect(next.idleSeconds).toBeGreaterThanOrEqual(900);
    // A client without kept readings (the fetch-status CLI) reads every time.
    const alone = await client(server.url, { now: () => periodStart + 310_000 }).fetchStatus();
    expect(alone.connections.find((c) => c.routing === "static")?.tunnels.some((t) => t.idleSeconds)).toBe(true);
    expect(
      server.requests.filter((r) => r.headers["x-amz-target"] === "GraniteServiceVersion20100801.GetMetricData"),
    ).toHaveLength(4);
  });

  it("retries RequestLimitExceeded (503) with backoff, then succeeds", async () => {
    let throttled = 0;
    server = await startServer(
      awsHandler({
        DescribeVpnConnections: () => {
          if (throttled++ < 2) return ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.");
          return { body: describeResponse([BGP_VPN]) };
        },
      }),
    );
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections).toHaveLength(1);
    expect(throttled).toBe(3);
  });

  it("gives up on persistent throttling with kind throttled", async () => {
    server = await startServer(
      awsHandler({ DescribeVpnConnections: () => ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.") }),
    );
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe("throttled");
    expect(error.isRetryable).toBe(true);
    expect(error.details).toMatchObject({
      action: "DescribeVpnConnections",
      region: "us-east-1",
      code: "RequestLimitExceeded",
    });
    expect(server.requests.length).toBe(FAST.maxAttempts);
  });

  it.each([
    [401, "AuthFailure", "AWS was not able to validate the provided access credentials", "auth"],
    [
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
      "auth",
    ],
    [403, "UnauthorizedOperation", "You are not authorized to perform this operation.", "permission"],
    [500, "InternalError", "An internal error has occurred.", "unavailable"],
  ])("maps HTTP %i %s to kind and keeps the provider's message", async (status, code, message, kind) => {
    server = await startServer(awsHandler({ DescribeVpnConnections: () => ec2Error(status, code, message) }));
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe(kind);
    expect(error.message).toContain("AWS DescribeVpnConnections (us-east-1) failed");
    expect(error.message).toContain(message);
    expect(error.message).not.toContain(SECRET);
  });

  it("finds a tunnel's log stream when AWS names it in another form than <vpn id>_<ip>", async () => {
    const streams = (names: string[]) => () => ({
      headers: { "content-type": "application/x-amz-json-1.1" },
      body: { logStreams: names.map((logStreamName) => ({ logStreamName })) },
    });
    server = await startServer(
      awsHandler({
        DescribeLogStreams: streams(["vpn-0bgp-203.0.113.100", "vpn-0bgp-203.0.113.10", "vpn-0other-203.0.113.10"]),
      }),
    );
    const found = await client(server.url).fetchStatus();
    const tunnelStream = found.connections[0]?.logStreams.find((s) => s.kind === "tunnel");
    expect(tunnelStream?.locator.logStreamName).toBe("vpn-0bgp-203.0.113.10");
    // The key, and with it the stored cursor, does not change.
    expect(tunnelStream?.key).toBe("aws:us-east-1:/aws/vendedlogs/vpn:vpn-0bgp_203.0.113.10");

    // Listing not allowed: the assumed name stays, and status is still returned.
    await server.close();
    server = await startServer(
      awsHandler({
        DescribeLogStreams: () => ({
          status: 400,
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: { __type: "AccessDeniedException", message: "not authorized to perform: logs:DescribeLogStreams" },
        }),
      }),
    );
    const denied = await client(server.url).fetchStatus();
    expect(denied.connections[0]?.logStreams.find((s) => s.kind === "tunnel")?.locator.logStreamName).toBe(
      "vpn-0bgp_203.0.113.10",
    );
    expect(denied.unavailable["aws:log-streams:us-east-1:/aws/vendedlogs/vpn"]).toMatch(/DescribeLogStreams/);
  });

  it("reads a log group that holds both tunnel and BGP records once per tunnel, unless a stream names BGP", async () => {
    const oneGroup = () => ({
      body: describeResponse([BGP_VPN, STATIC_VPN]).replaceAll(
        LOG_GROUP_ARN.replace("vpn:", "vpn-bgp:"),
        LOG_GROUP_ARN,
      ),
    });
    const streams = (names: string[]) => () => ({
      headers: { "content-type": "application/x-amz-json-1.1" },
      body: { logStreams: names.map((logStreamName) => ({ logStreamName })) },
    });
    server = await startServer(
      awsHandler({ DescribeVpnConnections: oneGroup, DescribeLogStreams: streams(["vpn-0bgp_203.0.113.10"]) }),
    );
    const shared = await client(server.url).fetchStatus();
    expect(shared.connections[0]?.logStreams.map((s) => [s.kind, s.locator.logStreamName])).toEqual([
      ["tunnel", "vpn-0bgp_203.0.113.10"],
    ]);

    await server.close();
    server = await startServer(
      awsHandler({
        DescribeVpnConnections: oneGroup,
        DescribeLogStreams: streams(["vpn-0bgp_203.0.113.10", "vpn-0bgp_203.0.113.10_BGP"]),
      }),
    );
    const separate = await client(server.url).fetchStatus();
    expect(separate.connections[0]?.logStreams.map((s) => [s.kind, s.locator.logStreamName])).toEqual([
      ["tunnel", "vpn-0bgp_203.0.113.10"],
      ["bgp", "vpn-0bgp_203.0.113.10_BGP"],
    ]);
  });

  it("says which tunnels write their activity logs as text rather than JSON", async () => {
    server = await startServer(
      awsHandler({
        DescribeVpnConnections: () => ({
          body: describeResponse([BGP_VPN, STATIC_VPN]).replace(
            "<logOutputFormat>json</logOutputFormat>",
            "<logOutputFormat>text</logOutputFormat>",
          ),
        }),
      }),
    );
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.unavailable["aws:log-format:us-east-1"]).toMatch(/vpn-0bgp \(203\.0\.113\.10\).*json/);
  });

  it("reads a 4-byte customer ASN from bgpAsnExtended", async () => {
    server = await startServer(
      awsHandler({
        DescribeCustomerGateways: () => ({
          body: `<DescribeCustomerGatewaysResponse xmlns="${NS}"><requestId>r</requestId><customerGatewaySet><item>
            <customerGatewayId>cgw-0a1</customerGatewayId><state>available</state><type>ipsec.1</type>
            <ipAddress>192.0.2.44</ipAddress><bgpAsnExtended>4200000000</bgpAsnExtended></item></customerGatewaySet></DescribeCustomerGatewaysResponse>`,
        }),
      }),
    );
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections.find((c) => c.externalId === "vpn-0bgp")?.remoteAsn).toBe(4_200_000_000);
  });

  it("reports an opt-in region that answers AuthFailure as unavailable when the credentials work elsewhere", async () => {
    const regionOf = (request: RecordedRequest) =>
      /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(request.headers.authorization))?.[1];
    const optInRegion: Handler = (request) =>
      regionOf(request) === "ap-east-1"
        ? ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials")
        : { body: describeResponse([BGP_VPN, STATIC_VPN]) };
    server = await startServer(awsHandler({ DescribeVpnConnections: optInRegion }));
    const twoRegions = (url: string) =>
      new AwsProviderClient(
        {
          provider: "aws",
          regions: ["us-east-1", "ap-east-1"],
          endpoint: url,
          credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET },
        },
        FAST,
      );
    const snapshot = await twoRegions(server.url).fetchStatus();
    expect(snapshot.connections.map((c) => c.region)).toEqual(["us-east-1", "us-east-1"]);
    expect(snapshot.unavailable["aws:region:ap-east-1"]).toMatch(/AuthFailure.*opt-in region/);

    // Rejected in every region: the credentials are at fault.
    await server.close();
    server = await startServer(
      awsHandler({
        DescribeVpnConnections: () =>
          ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials"),
      }),
    );
    expect((await providerFailure(twoRegions(server.url).fetchStatus())).kind).toBe("auth");
  });

  it("never puts the secret in an error message, even when the server echoes it", async () => {
    server = await startServer(
      awsHandler({
        DescribeVpnConnections: () =>
          ec2Error(
            403,
            "SignatureDoesNotMatch",
            `The canonical string was signed with ${SECRET} and ${encodeURIComponent(SECRET)}`,
          ),
      }),
    );
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe("auth");
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(encodeURIComponent(SECRET));
    expect(error.message).toContain("[redacted]");
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it("times out a hanging response with kind timeout", async () => {
    server = await startServer(awsHandler({ DescribeVpnConnections: () => "hang" }));
    const started = Date.now();
    const error = await providerFailure(client(server.url, { maxAttempts: 2, requestTimeoutMs: 200 }).fetchStatus());
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("DescribeVpnConnections");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests.length).toBe(2);
  });
});

// --- CloudWatch Logs ---------------------------------------------------------------------------

interface StoredEvent {
  eventId: string;
  timestamp: number;
  message: string;
}

/** FilterLogEvents with the real paging semantics: startTime, limit, opaque nextToken, empty pages. */
function logsHandler(events: StoredEvent[], options: { emptyPageAt?: number; throttleFirst?: number } = {}): Handler {
  let throttles = options.throttleFirst ?? 0;
  let emptyServed = false;
  return (request) => {
    if (request.headers["x-amz-target"] !== "Logs_20140328.FilterLogEvents") {
      return jsonError(400, "InvalidAction", "unexpected");
    }
    if (throttles > 0) {
      throttles--;
      return jsonError(400, "ThrottlingException", "Rate exceeded");
    }
    const input = JSON.parse(request.body) as {
      logGroupName: string;
      logStreamNames: string[];
      startTime?: number;
      limit?: number;
      nextToken?: string;
    };
    const matching = events
      .filter((e) => e.timestamp >= (input.startTime ?? 0))
      .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
    const offset = input.nextToken ? Number(Buffer.from(input.nextToken, "base64").toString()) : 0;
    if (options.emptyPageAt !== undefined && offset === options.emptyPageAt && !emptyServed) {
      emptyServed = true;
      return {
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: { events: [], searchedLogStreams: [], nextToken: Buffer.from(String(offset)).toString("base64") },
      };
    }
    const limit = input.limit ?? 10_000;
    const page = matching.slice(offset, offset + limit);
    const next =
      offset + page.length < matching.length ? Buffer.from(String(offset + page.length)).toString("base64") : undefined;
    return {
      headers: { "content-type": "application/x-amz-json-1.1" },
      body: {
        events: page.map((e) => ({ ...e, logStreamName: input.logStreamNames[0], ingestionTime: e.timestamp + 500 })),
        searchedLogStreams: [],
        ...(next ? { nextToken: next } : {}),
      },
    };
  };
}

const STREAM = {
  key: "aws:us-east-1:/aws/vendedlogs/vpn:vpn-0bgp_203.0.113.10",
  kind: "tunnel" as const,
  region: "us-east-1",
  connectionExternalId: "vpn-0bgp",
  tunnelIndex: 1,
  locator: { logGroupArn: LOG_GROUP_ARN, logGroupName: "/aws/vendedlogs/vpn", logStreamName: "vpn-0bgp_203.0.113.10" },
};

// Three events share a millisecond, straddling page boundaries.
const EVENTS: StoredEvent[] = [
  {
    eventId: "e1",
    timestamp: 1_700_000_000_000,
    message: '{"details":"AWS tunnel DPD timed out after 3 retransmits"}',
  },
  { eventId: "e2", timestamp: 1_700_000_001_000, message: '{"details":"a"}' },
  { eventId: "e3", timestamp: 1_700_000_002_000, message: '{"details":"b"}' },
  { eventId: "e4", timestamp: 1_700_000_002_000, message: '{"details":"c"}' },
  { eventId: "e5", timestamp: 1_700_000_002_000, message: '{"details":"d"}' },
  { eventId: "e6", timestamp: 1_700_000_003_000, message: '{"details":"e"}' },
];

async function drain(c: AwsProviderClient, maxEvents: number, start: Record<string, unknown> | null = null) {
  const seen: string[] = [];
  let cursor = start;
  for (let i = 0; i < 50; i++) {
    const page = await c.pullLogs(STREAM, cursor, { since: new Date(1_699_999_999_000), maxEvents });
    seen.push(...page.events.map((e) => e.id));
    cursor = JSON.parse(JSON.stringify(page.cursor));
    if (!page.hasMore) break;
  }
  return { seen, cursor };
}

describe("AWS pullLogs", () => {
  it("follows nextToken through small pages, including an empty one, without skips or repeats", async () => {
    server = await startServer(logsHandler(EVENTS, { emptyPageAt: 2 }));
    const { seen } = await drain(client(server.url), 2);
    expect(seen).toEqual(["e1", "e2", "e3", "e4", "e5", "e6"]);
    const calls = server.requests.map((r) => JSON.parse(r.body));
    expect(calls[0]).toMatchObject({ logGroupName: "/aws/vendedlogs/vpn", logStreamNames: ["vpn-0bgp_203.0.113.10"] });
  });

  it("returns an empty page that still has more when every page it reads is empty", async () => {
    server = await startServer(() => ({
      headers: { "content-type": "application/x-amz-json-1.1" },
      body: { events: [], nextToken: `t${server?.requests.length ?? 0}`, searchedLogStreams: [] },
    }));
    const page = await client(server.url).pullLogs(STREAM, null, { since: new Date(0), maxEvents: 10 });
    expect(page.events).toEqual([]);
    expect(page.hasMore).toBe(true);
    expect(page.cursor).toMatchObject({ nextToken: expect.any(String) });
  });

  it("is idempotent: re-pulling from the same cursor returns the same events", async () => {
    server = await startServer(logsHandler(EVENTS));
    const c = client(server.url);
    const first = await c.pullLogs(STREAM, null, { since: new Date(1_699_999_999_000), maxEvents: 3 });
    const again = await c.pullLogs(STREAM, null, { since: new Date(1_699_999_999_000), maxEvents: 3 });
    expect(again).toEqual(first);
    const cursor = JSON.parse(JSON.stringify(first.cursor));
    const next1 = await c.pullLogs(STREAM, cursor, { since: new Date(0), maxEvents: 3 });
    const next2 = await c.pullLogs(STREAM, cursor, { since: new Date(0), maxEvents: 3 });
    expect(next2.events).toEqual(next1.events);
    expect([...first.events, ...next1.events].map((e) => e.id)).toEqual(["e1", "e2", "e3", "e4", "e5", "e6"]);
  });

  it("re-reads the boundary millisecond on a fresh query and drops what it already delivered", async () => {
    // A first drain stops after e3 (mid-millisecond); new events arrive; the next query starts at
    // that millisecond again (no token) and must deliver e4, e5 and e6 exactly once.
    const cursor = advanceAwsCursor(parseAwsCursor(null, new Date(0)), EVENTS.slice(0, 3), { queryStart: 0 }).cursor;
    expect(cursor).toEqual({ v: 1, ts: 1_700_000_002_000, idsAtTs: ["e3"] });
    server = await startServer(logsHandler(EVENTS));
    const { seen } = await drain(client(server.url), 100, { ...cursor });
    expect(seen).toEqual(["e4", "e5", "e6"]);
    expect(JSON.parse(server.requests[0]?.body ?? "{}").startTime).toBe(1_700_000_002_000);
  });

  it("keeps one copy of an event a page repeats, in time order, on large pages", async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ({
      eventId: `e${i % 10_000}`,
      timestamp: 1_700_000_000_000 + (i % 10_000),
      message: `line ${i % 10_000}`,
    }));
    const { events: kept, cursor } = advanceAwsCursor(parseAwsCursor(null, new Date(0)), events.reverse(), {
      queryStart: 0,
    });
    expect(kept).toHaveLength(10_000);
    expect(kept[0]).toEqual({ id: "e0", timestamp: 1_700_000_000_000, message: "line 0" });
    expect(kept.at(-1)?.id).toBe("e9999");
    expect(cursor).toEqual({ v: 1, ts: 1_700_000_009_999, idsAtTs: ["e9999"] });
  });

  it("falls back to a fresh query when a stored nextToken is rejected", async () => {
    const handler = logsHandler(EVENTS);
    server = await startServer((request) => {
      const input = JSON.parse(request.body) as { nextToken?: string };
      if (input.nextToken === "expired")
        return jsonError(400, "InvalidParameterException", "The specified nextToken is invalid.");
      return handler(request);
    });
    const cursor = { v: 1, ts: 1_700_000_002_000, idsAtTs: ["e3", "e4"], nextToken: "expired", queryStart: 0 };
    const { seen } = await drain(client(server.url), 100, cursor);
    expect(seen).toEqual(["e5", "e6"]);
  });

  it("retries ThrottlingException from CloudWatch Logs", async () => {
    server = await startServer(logsHandler(EVENTS, { throttleFirst: 2 }));
    const page = await client(server.url).pullLogs(STREAM, null, { since: new Date(0), maxEvents: 100 });
    expect(page.events).toHaveLength(6);
    expect(page.hasMore).toBe(false);
  });
});
