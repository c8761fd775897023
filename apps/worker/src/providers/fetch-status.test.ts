// fetch-status: credentials from the standard sources, the provider's API behind --endpoint,
// posture on each connection, plain JSON out.
import { afterEach, describe, expect, it } from "vitest";
import { FetchStatusUsageError, fetchStatusCommand } from "./fetch-status.ts";
import { FAST, startServer, type TestServer } from "./testing/server.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const tunnel = (
  ip: string,
) => `<item><outsideIpAddress>${ip}</outsideIpAddress><tunnelInsideCidr>169.254.1.0/30</tunnelInsideCidr>
  <dpdTimeoutAction>none</dpdTimeoutAction><startupAction>add</startupAction>
  <phase2DHGroupNumberSet><item><value>14</value></item></phase2DHGroupNumberSet>
  <ikeVersionSet><item><value>ikev2</value></item></ikeVersionSet></item>`;

describe("fetchStatusCommand", () => {
  it("AWS: keys from the environment, every AWS call sent to --endpoint, posture per connection", async () => {
    server = await startServer((request) => {
      const action = new URLSearchParams(request.body).get("Action");
      if (action === "DescribeVpnConnections") {
        return {
          body: `<DescribeVpnConnectionsResponse xmlns="${NS}"><requestId>r</requestId><vpnConnectionSet><item>
            <vpnConnectionId>vpn-0abc</vpnConnectionId><state>available</state><vpnGatewayId>vgw-1</vpnGatewayId>
            <options><staticRoutesOnly>true</staticRoutesOnly><tunnelOptionSet>${tunnel("203.0.113.1")}${tunnel("203.0.113.2")}</tunnelOptionSet></options>
            <vgwTelemetry>
              <item><outsideIpAddress>203.0.113.1</outsideIpAddress><status>UP</status><statusMessage>IPSEC IS UP</statusMessage></item>
              <item><outsideIpAddress>203.0.113.2</outsideIpAddress><status>UP</status><statusMessage>IPSEC IS UP</statusMessage></item>
            </vgwTelemetry></item></vpnConnectionSet></DescribeVpnConnectionsResponse>`,
        };
      }
      // Health: no subscription (JSON 1.1 error), the status must still come back.
      return {
        status: 400,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: { __type: "SubscriptionRequiredException", message: "Health API needs a support plan" },
      };
    });
    const result = await fetchStatusCommand({
      provider: "aws",
      region: "eu-west-1",
      endpoint: server.url,
      env: { AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "aws-secret-value-123" },
      clientOptions: FAST,
    });
    expect(result.connections).toHaveLength(1);
    expect(result.connections[0]).toMatchObject({
      provider: "aws",
      externalId: "vpn-0abc",
      name: "vpn-0abc",
      routing: "static",
      tunnels: [
        { index: 1, outsideIp: "203.0.113.1", status: "UP", statusMessage: "IPSEC IS UP" },
        { index: 2, outsideIp: "203.0.113.2", status: "UP", statusMessage: "IPSEC IS UP" },
      ],
      posture: { grade: "C", expectedDowntimeSeconds: 600 },
    });
    const codes = result.connections[0]?.posture.findings.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(["STATIC_ROUTING", "NO_AUTOMATIC_FAILOVER", "DPD_DISABLED", "STARTUP_ACTION_ADD"]),
    );
    expect(result.unavailable["aws:health"]).toMatch(/SubscriptionRequiredException/);
    expect(JSON.stringify(result)).not.toContain("aws-secret-value-123");
    // The Health call (us-east-1) also went to the override.
    expect(server.requests.some((r) => String(r.headers["x-amz-target"]).startsWith("AWSHealth_20160804"))).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("MuleSoft: client id and secret from the environment, --org-id, --endpoint", async () => {
    server = await startServer((request) => {
      if (request.path.endsWith("/oauth2/token")) return { body: { access_token: "tok-1", expires_in: 3600 } };
      if (request.path === "/cloudhub/api/organizations/org-9/vpcs") {
        return { body: { total: 1, data: [{ id: "vpc-1", name: "v", region: "us-east-1" }] } };
      }
      return {
        body: {
          total: 1,
          data: [
            {
              id: "vpn-1",
              name: "dc",
              spec: { remoteAsn: 65000, remoteIpAddress: "192.0.2.1", remoteNetworks: [], tunnelConfigs: [] },
              state: {
                vpnConnectionStatus: "AVAILABLE",
                vpnTunnels: [
                  {
                    localExternalIpAddress: "3.3.3.1",
                    status: "UP",
                    statusMessage: "2 BGP ROUTES",
                    acceptedRouteCount: 2,
                  },
                  {
                    localExternalIpAddress: "3.3.3.2",
                    status: "UP",
                    statusMessage: "2 BGP ROUTES",
                    acceptedRouteCount: 2,
                  },
                ],
              },
            },
          ],
        },
      };
    });
    const result = await fetchStatusCommand({
      provider: "mulesoft",
      orgId: "org-9",
      endpoint: server.url,
      env: { ANYPOINT_CLIENT_ID: "id", ANYPOINT_CLIENT_SECRET: "shh-secret" },
      clientOptions: FAST,
    });
    expect(result.connections[0]).toMatchObject({ provider: "mulesoft", routing: "bgp", externalId: "vpn-1" });
    expect(result.connections[0]?.posture.findings.map((f) => f.code)).toContain("STARTUP_ACTION_ADD");
    expect(result.unavailable["mulesoft:logs"]).toBeDefined();
  });

  it("names the missing settings", async () => {
    await expect(fetchStatusCommand({ provider: "alibaba", region: "cn-hangzhou", env: {} })).rejects.toThrow(
      /ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/,
    );
    await expect(fetchStatusCommand({ provider: "mulesoft", env: { ANYPOINT_CLIENT_ID: "x" } })).rejects.toThrow(
      FetchStatusUsageError,
    );
    await expect(fetchStatusCommand({ provider: "gcp", env: {} })).rejects.toThrow(/Unknown provider/);
  });
});
