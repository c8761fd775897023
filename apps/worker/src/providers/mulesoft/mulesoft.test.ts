// The Anypoint client over real HTTP against a local server answering the CloudHub 1.0 JSON shapes
// (salesforce/anypoint-client-go vpc/ and vpn/ OpenAPI specs).
import { connectionSchema } from "@tunnelwatch/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  FAST,
  providerFailure,
  type RecordedRequest,
  type Reply,
  startServer,
  type TestServer,
} from "../testing/server.ts";
import { CONTROL_PLANES, controlPlaneOf, MulesoftProviderClient } from "./client.ts";
import { BGP_VPN, PSK, STATIC_VPN } from "./examples.ts";
import { normalizeAnypointVpn } from "./normalize.ts";

const SECRET = "anypoint-client-secret-0123456789";
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.token-value";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

function anypointHandler(overrides: { token?: Handler; vpcs?: Handler; ipsec?: Handler } = {}): Handler {
  return (request) => {
    if (request.path === "/accounts/api/v2/oauth2/token") {
      if (overrides.token) return overrides.token(request);
      const form = new URLSearchParams(request.body);
      if (form.get("grant_type") !== "client_credentials" || form.get("client_secret") !== SECRET) {
        return { status: 401, body: { error: "invalid_client", error_description: "Invalid client credentials" } };
      }
      return { body: { access_token: TOKEN, token_type: "bearer", expires_in: 3600 } };
    }
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return { status: 401, body: { status: 401, message: "Access token is missing or invalid" } };
    }
    if (request.path === "/cloudhub/api/organizations/org-1/vpcs") {
      if (overrides.vpcs) return overrides.vpcs(request);
      return {
        body: {
          total: 2,
          data: [
            {
              id: "vpc-0b111d1a1ace2a12f",
              name: "myAwesomeVPC",
              ownerId: "org-1",
              region: "us-east-1",
              cidrBlock: "10.0.0.0/20",
            },
            { id: "vpc-0eu", name: "euVPC", ownerId: "org-1", region: "eu-west-1", cidrBlock: "10.1.0.0/20" },
          ],
        },
      };
    }
    const match = /^\/cloudhub\/api\/organizations\/org-1\/vpcs\/([^/]+)\/ipsec$/.exec(request.path);
    if (match) {
      if (overrides.ipsec) return overrides.ipsec(request);
      if (match[1] === "vpc-0b111d1a1ace2a12f") {
        // Two pages by offset/limit, honoured by this server with a page of one.
        const offset = Number(request.query.get("offset") ?? "0");
        const all = [BGP_VPN, STATIC_VPN];
        return { body: { total: all.length, data: all.slice(offset, offset + 1) } };
      }
      return { body: { total: 0, data: [] } };
    }
    return { status: 404, body: { status: 404, message: "The orgId, vpcId or vpnId was not found." } };
  };
}

function client(url: string, options = {}, regions = ["us"]) {
  return new MulesoftProviderClient(
    {
      provider: "mulesoft",
      regions,
      endpoint: url,
      credentials: { clientId: "cid", clientSecret: SECRET, orgId: "org-1" },
    },
    { ...FAST, ...options },
  );
}

describe("MuleSoft fetchStatus", () => {
  it("normalises Anypoint VPNs: BGP vs static, tunnel status, responder-only", async () => {
    server = await startServer(anypointHandler());
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections.map((c) => c.externalId)).toEqual([BGP_VPN.id, STATIC_VPN.id]);
    for (const connection of snapshot.connections) expect(() => connectionSchema.parse(connection)).not.toThrow();
    const [bgp, stat] = snapshot.connections;
    expect(bgp).toMatchObject({
      provider: "mulesoft",
      name: "vpnforawesomevpc",
      region: "us-east-1",
      state: "AVAILABLE",
      routing: "bgp",
      gatewayId: "vpc-0b111d1a1ace2a12f",
      customerGatewayIp: "192.0.2.10",
      localAsn: 64512,
      remoteAsn: 65000,
      logStreams: [],
    });
    expect(
      bgp?.tunnels.map((t) => [t.index, t.outsideIp, t.insideCidr, t.status, t.statusMessage, t.acceptedRouteCount]),
    ).toEqual([
      [1, "3.20.144.122", "169.254.12.0/30", "UP", "4 BGP ROUTES", 4],
      [2, "13.59.129.13", "169.254.12.4/30", "DOWN", "IPSEC IS DOWN", 0],
    ]);
    expect(bgp?.tunnels[0]?.options).toEqual({ rekeyMarginSec: 540, rekeyFuzzPct: 100, startupAction: "add" });
    expect(bgp?.tunnels[1]?.options).toEqual({ startupAction: "add" });
    expect(bgp?.tunnels[0]?.bgp).toEqual({ status: "up" });
    expect(bgp?.tunnels[0]?.pendingMaintenance?.description).toMatch(/updateAvailable/);
    expect(stat).toMatchObject({ routing: "static", staticRoutes: ["10.0.0.0/24"] });
    expect(stat?.tunnels[0]?.pendingMaintenance).toBeUndefined();
    expect(snapshot.unavailable["mulesoft:logs"]).toMatch(/no API/);
    expect(JSON.stringify(snapshot)).not.toContain(PSK);

    // One token for the whole run; form-encoded client_credentials.
    const tokenCalls = server.requests.filter((r) => r.path.endsWith("/oauth2/token"));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.requests.filter((r) => r.path.endsWith("/ipsec") && r.path.includes("vpc-0b111"))).toHaveLength(2);
  });

  it("takes spec.routingType over the ASN guess, and pairs tunnel configs by point-to-point address", () => {
    const vpc = { id: "vpc-1", region: "us-east-1" };
    const declaredStatic = normalizeAnypointVpn(
      { ...BGP_VPN, spec: { ...BGP_VPN.spec, routingType: "STATIC", remoteNetworks: [] } },
      vpc,
    );
    expect(declaredStatic.routing).toBe("static");
    const declaredBgp = normalizeAnypointVpn({ ...STATIC_VPN, spec: { ...STATIC_VPN.spec, routingType: "BGP" } }, vpc);
    expect(declaredBgp.routing).toBe("bgp");
    // Configs listed in the other order than the tunnels: each tunnel keeps its own config.
    const swapped = normalizeAnypointVpn(
      { ...BGP_VPN, spec: { ...BGP_VPN.spec, tunnelConfigs: [...BGP_VPN.spec.tunnelConfigs].reverse() } },
      vpc,
    );
    expect(swapped.tunnels.map((t) => [t.outsideIp, t.insideCidr, t.options.rekeyMarginSec])).toEqual([
      ["3.20.144.122", "169.254.12.0/30", 540],
      ["13.59.129.13", "169.254.12.4/30", undefined],
    ]);
    // No configs at all (seen in real responses): tunnels still come from their state.
    const bare = normalizeAnypointVpn({ ...BGP_VPN, spec: { ...BGP_VPN.spec, tunnelConfigs: [] } }, vpc);
    expect(bare.tunnels.map((t) => [t.outsideIp, t.status])).toEqual([
      ["3.20.144.122", "UP"],
      ["13.59.129.13", "DOWN"],
    ]);
  });

  it("caches the token until it expires, then fetches a new one", async () => {
    let clock = 1_000_000;
    server = await startServer(anypointHandler());
    const c = client(server.url, { now: () => clock });
    await c.fetchStatus();
    await c.fetchStatus();
    expect(server.requests.filter((r) => r.path.endsWith("/oauth2/token"))).toHaveLength(1);
    clock += 3_600_000;
    await c.fetchStatus();
    expect(server.requests.filter((r) => r.path.endsWith("/oauth2/token"))).toHaveLength(2);
  });

  it("filters VPCs by AWS region and picks the EU control plane for eu", async () => {
    server = await startServer(anypointHandler());
    const snapshot = await client(server.url, {}, ["eu-west-1"]).fetchStatus();
    expect(snapshot.connections).toEqual([]);
    expect(controlPlaneOf(["eu"]).baseUrl).toBe(CONTROL_PLANES.eu);
    expect(controlPlaneOf(["gov"]).baseUrl).toBe("https://gov.anypoint.mulesoft.com");
    expect(controlPlaneOf([]).baseUrl).toBe(CONTROL_PLANES.us);
  });

  it("bad client credentials: kind auth, the provider's message, no secret", async () => {
    server = await startServer(
      anypointHandler({
        token: () => ({
          status: 401,
          body: { error: "invalid_client", error_description: `Invalid client secret ${SECRET}` },
        }),
      }),
    );
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("MuleSoft Anypoint OAuth token failed: HTTP 401: Invalid client secret");
    expect(error.message).not.toContain(SECRET);
  });

  it("a 401 on the API renews the token once, then fails as auth without the token in the message", async () => {
    server = await startServer(
      anypointHandler({
        vpcs: () => ({ status: 401, body: { status: 401, message: `Access token ${TOKEN} is invalid` } }),
      }),
    );
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe("auth");
    expect(error.message).not.toContain(TOKEN);
    expect(server.requests.filter((r) => r.path.endsWith("/oauth2/token"))).toHaveLength(2);
  });

  it("retries 500s and 429s with backoff, then succeeds", async () => {
    let failures = 0;
    const base = anypointHandler();
    server = await startServer((request) => {
      if (request.path.endsWith("/vpcs") && failures < 2) {
        failures++;
        return failures === 1
          ? { status: 500, body: { status: 500, message: "Internal Server Error" } }
          : { status: 429, headers: { "retry-after": "0" }, body: { message: "Too Many Requests" } };
      }
      return base(request);
    });
    const snapshot = await client(server.url).fetchStatus();
    expect(snapshot.connections).toHaveLength(2);
    expect(failures).toBe(2);
  });

  it("persistent 5xx: kind unavailable", async () => {
    server = await startServer(
      anypointHandler({ vpcs: () => ({ status: 503, body: { message: "Service Unavailable" } }) }),
    );
    const error = await providerFailure(client(server.url).fetchStatus());
    expect(error.kind).toBe("unavailable");
    expect(error.details.status).toBe(503);
  });

  it("times out a hanging response with kind timeout", async () => {
    server = await startServer(anypointHandler({ vpcs: () => "hang" }));
    const error = await providerFailure(client(server.url, { maxAttempts: 2, requestTimeoutMs: 200 }).fetchStatus());
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("list VPCs");
  });

  it("has no log API: an empty page with the cursor unchanged", async () => {
    const c = client("http://127.0.0.1:9");
    const stream = { key: "k", kind: "tunnel" as const, region: "us-east-1", connectionExternalId: "x", locator: {} };
    const cursor = { anything: 1 };
    expect(await c.pullLogs(stream, cursor, { since: new Date(0), maxEvents: 10 })).toEqual({
      events: [],
      cursor,
      hasMore: false,
    });
  });
});
