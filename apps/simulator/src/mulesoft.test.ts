import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { control, startSim, type TestSim } from "./test-helpers.ts";

let t: TestSim;

beforeAll(async () => {
  t = await startSim();
});
afterAll(async () => {
  await t.server.close();
});

async function token(body: Record<string, string>, form = false) {
  return fetch(`${t.url}/accounts/api/v2/oauth2/token`, {
    method: "POST",
    headers: { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
}

describe("MuleSoft Anypoint", () => {
  test("client_credentials token, then VPCs and IPsec VPNs in the vpnGet shape", async () => {
    const { clientId, clientSecret, orgId } = t.mulesoft.credentials;
    const res = await token({ client_id: clientId, client_secret: clientSecret, grant_type: "client_credentials" });
    expect(res.status).toBe(200);
    const auth = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(auth.token_type).toBe("bearer");
    expect(auth.expires_in).toBeGreaterThan(0);
    const headers = { authorization: `Bearer ${auth.access_token}` };

    const me = (await (await fetch(`${t.url}/accounts/api/me`, { headers })).json()) as { client: { org_id: string } };
    expect(me.client.org_id).toBe(orgId);

    const vpcs = (await (await fetch(`${t.url}/cloudhub/api/organizations/${orgId}/vpcs`, { headers })).json()) as {
      total: number;
      data: { id: string; region: string }[];
    };
    expect(vpcs.total).toBeGreaterThan(0);
    const vpc = vpcs.data[0];
    const list = (await (
      await fetch(`${t.url}/cloudhub/api/organizations/${orgId}/vpcs/${vpc?.id}/ipsec`, { headers })
    ).json()) as {
      total: number;
      data: Record<string, never>[];
    };
    const expected = t.sim.fleet.connections.filter((c) => c.accountId === t.mulesoft.id && c.gatewayId === vpc?.id);
    expect(list.total).toBe(expected.length);
    const vpn = list.data[0] as unknown as {
      id: string;
      name: string;
      updateAvailable: boolean;
      spec: {
        remoteAsn: number;
        remoteIpAddress: string;
        tunnelConfigs: { psk: string; ptpCidr: string; rekeyMarginInSeconds: number; rekeyFuzz: number }[];
      };
      state: {
        vpnConnectionStatus: string;
        vpnTunnels: {
          status: string;
          statusMessage: string;
          lastStatusChange: string;
          acceptedRouteCount: number;
          localExternalIpAddress: string;
        }[];
      };
    };
    expect(vpn.id).toMatch(/^[0-9a-f]{24}$/);
    expect(typeof vpn.updateAvailable).toBe("boolean");
    expect(vpn.spec.tunnelConfigs).toHaveLength(2);
    expect(vpn.spec.tunnelConfigs[0]?.ptpCidr).toMatch(/^169\.254\./);
    expect(typeof vpn.spec.tunnelConfigs[0]?.rekeyMarginInSeconds).toBe("number");
    expect(vpn.state.vpnConnectionStatus).toBe("AVAILABLE");
    expect(vpn.state.vpnTunnels).toHaveLength(2);
    expect(["UP", "DOWN"]).toContain(vpn.state.vpnTunnels[0]?.status);
    expect(vpn.state.vpnTunnels[0]?.lastStatusChange).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const one = await fetch(`${t.url}/cloudhub/api/organizations/${orgId}/vpcs/${vpc?.id}/ipsec/${vpn.id}`, {
      headers,
    });
    expect(((await one.json()) as { id: string }).id).toBe(vpn.id);
    const missing = await fetch(`${t.url}/cloudhub/api/organizations/${orgId}/vpcs/vpc-00000000000000000/ipsec`, {
      headers,
    });
    expect(missing.status).toBe(404);
    const otherOrg = await fetch(`${t.url}/cloudhub/api/organizations/00000000-0000-4000-a000-000000000000/vpcs`, {
      headers,
    });
    expect(otherOrg.status).toBe(404);
  });

  test("form-encoded token requests work; a wrong secret is invalid_client; no token is 401", async () => {
    const { clientId, clientSecret, orgId } = t.mulesoft.credentials;
    const ok = await token(
      { client_id: clientId, client_secret: clientSecret, grant_type: "client_credentials" },
      true,
    );
    expect(ok.status).toBe(200);
    const bad = await token({ client_id: clientId, client_secret: "wrong", grant_type: "client_credentials" });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe("invalid_client");
    const anonymous = await fetch(`${t.url}/cloudhub/api/organizations/${orgId}/vpcs`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toBe("Access token is missing or invalid");
  });

  test("chaos answers 429 with Retry-After", async () => {
    const { clientId, clientSecret, orgId } = t.mulesoft.credentials;
    const auth = (await (
      await token({ client_id: clientId, client_secret: clientSecret, grant_type: "client_credentials" })
    ).json()) as {
      access_token: string;
    };
    await control(t.url, "/_sim/chaos", { provider: "mulesoft", throttleRate: 1 });
    try {
      const res = await fetch(`${t.url}/cloudhub/api/organizations/${orgId}/vpcs`, {
        headers: { authorization: `Bearer ${auth.access_token}` },
      });
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("1");
    } finally {
      await control(t.url, "/_sim/reset", {});
    }
  });
});
