import * as OpenApi from "@alicloud/openapi-client";
import Vpc, * as $Vpc from "@alicloud/vpc20160428";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SimConnection } from "./fleet.ts";
import type { SimStats } from "./simulator.ts";
import { control, startSim, type TestSim } from "./test-helpers.ts";

let t: TestSim;
const REGION = "cn-hangzhou";

function client(options: { accessKeyId?: string; accessKeySecret?: string; signatureAlgorithm?: string } = {}) {
  return new Vpc(
    new OpenApi.Config({
      accessKeyId: options.accessKeyId ?? t.alibaba.credentials.accessKeyId,
      accessKeySecret: options.accessKeySecret ?? t.alibaba.credentials.accessKeySecret,
      regionId: REGION,
      endpoint: t.url.replace("http://", ""),
      protocol: "http",
      ...(options.signatureAlgorithm ? { signatureAlgorithm: options.signatureAlgorithm } : {}),
    }),
  );
}

function dualTunnelConnection(): SimConnection {
  const c = t.sim.fleet.connections.find(
    (x) => x.accountId === t.alibaba.id && x.region === REGION && x.tunnels.length === 2,
  );
  if (!c) throw new Error("no dual-tunnel connection");
  return c;
}

beforeAll(async () => {
  t = await startSim({ fleet: { connectionsPerAccount: 10, singleTunnelShare: 0.3 }, logRatePerTunnelPerMinute: 6 });
});
afterAll(async () => {
  await t.server.close();
});

describe("Alibaba Cloud VPC API", () => {
  test("describeVpnConnections with the SDK's real ACS3 signing, type quirks included", async () => {
    const out = await client().describeVpnConnections(
      new $Vpc.DescribeVpnConnectionsRequest({ regionId: REGION, pageSize: 50 }),
    );
    const expected = t.sim.fleet.connections.filter((c) => c.accountId === t.alibaba.id && c.region === REGION);
    expect(out.body?.totalCount).toBe(expected.length);
    const list = out.body?.vpnConnections?.vpnConnection ?? [];
    expect(list).toHaveLength(expected.length);
    const dual = dualTunnelConnection();
    const wire = list.find((c) => c.vpnConnectionId === dual.id);
    const tunnels = wire?.tunnelOptionsSpecification?.tunnelOptions ?? [];
    expect(tunnels).toHaveLength(2);
    expect(tunnels[0]?.tunnelId).toBe(dual.tunnels[0]?.id);
    expect(tunnels[0]?.enableDpd).toBe(String(dual.tunnels[0]?.dpdEnabled));
    expect(tunnels[0]?.tunnelIkeConfig?.ikeLifetime).toBe(String(dual.tunnels[0]?.phase1LifetimeSeconds));
    expect([
      "ipsec_sa_established",
      "ipsec_sa_not_established",
      "ike_sa_established",
      "ike_sa_not_established",
    ]).toContain(tunnels[0]?.status);
    expect(typeof wire?.vcoHealthCheck?.enable).toBe("string");
    expect(typeof wire?.createTime).toBe("number");
    const single = list.find((c) => !c.tunnelOptionsSpecification);
    if (single) expect(typeof single.ikeConfig?.ikeLifetime).toBe("number");
  });

  test("describeCustomerGateways gives each customer gateway's address and ASN, paged", async () => {
    const inRegion = t.sim.fleet.connections.filter((c) => c.accountId === t.alibaba.id && c.region === REGION);
    const ids = [...new Set(inRegion.map((c) => c.customerGatewayId))];
    const out = await client().describeCustomerGateways(
      new $Vpc.DescribeCustomerGatewaysRequest({ regionId: REGION, pageSize: 50 }),
    );
    expect(out.body?.totalCount).toBe(ids.length);
    const list = out.body?.customerGateways?.customerGateway ?? [];
    expect(list.map((g) => g.customerGatewayId).sort()).toEqual([...ids].sort());
    for (const c of inRegion) {
      expect(list.find((g) => g.customerGatewayId === c.customerGatewayId)).toMatchObject({
        ipAddress: c.customerGatewayIp,
        asn: c.customerAsn,
      });
    }
    const first = await client().describeCustomerGateways(
      new $Vpc.DescribeCustomerGatewaysRequest({ regionId: REGION, pageSize: 1 }),
    );
    expect(first.body?.customerGateways?.customerGateway).toHaveLength(1);
  });

  test("paging with PageNumber/PageSize", async () => {
    const p1 = await client().describeVpnConnections(
      new $Vpc.DescribeVpnConnectionsRequest({ regionId: REGION, pageSize: 2 }),
    );
    const p2 = await client().describeVpnConnections(
      new $Vpc.DescribeVpnConnectionsRequest({ regionId: REGION, pageSize: 2, pageNumber: 2 }),
    );
    expect(p1.body?.vpnConnections?.vpnConnection?.length).toBe(2);
    expect(p2.body?.pageNumber).toBe(2);
    expect(p2.body?.vpnConnections?.vpnConnection?.[0]?.vpnConnectionId).not.toBe(
      p1.body?.vpnConnections?.vpnConnection?.[0]?.vpnConnectionId,
    );
  });

  test("the older signature (v1 Signature parameter) is verified too", async () => {
    const out = await client({ signatureAlgorithm: "v2" }).describeVpnGateways(
      new $Vpc.DescribeVpnGatewaysRequest({ regionId: REGION }),
    );
    expect(out.body?.vpnGateways?.vpnGateway?.[0]?.vpnGatewayId).toMatch(/^vpn-bp1/);
    await expect(
      client({ signatureAlgorithm: "v2", accessKeySecret: "nope" }).describeVpnGateways(
        new $Vpc.DescribeVpnGatewaysRequest({ regionId: REGION }),
      ),
    ).rejects.toMatchObject({ code: "SignatureDoesNotMatch" });
  });

  test("describeVpnConnectionLogs pages 10-minute windows and matches /_sim/stats", async () => {
    const c = dualTunnelConnection();
    const tunnel = c.tunnels[0];
    if (!tunnel) throw new Error("no tunnel");
    const fromSec = Math.ceil(t.sim.originMs() / 1000);
    const toSec = Math.floor(t.clock.now / 1000) - 1;
    const stats = await control<SimStats>(
      t.url,
      `/_sim/stats?accountId=${t.alibaba.id}&from=${fromSec * 1000}&until=${toSec * 1000 + 999}`,
    );
    const expected = stats.accounts[0]?.streams.find((s) => s.tunnelId === tunnel.id)?.count ?? 0;
    expect(expected).toBeGreaterThan(50);
    const lines: string[] = [];
    for (let from = fromSec; from <= toSec; from += 600) {
      const to = Math.min(from + 599, toSec);
      for (let page = 1; ; page++) {
        const out = await client().describeVpnConnectionLogs(
          new $Vpc.DescribeVpnConnectionLogsRequest({
            regionId: REGION,
            vpnConnectionId: c.id,
            tunnelId: tunnel.id,
            from,
            to,
            pageNumber: page,
            pageSize: 50,
          }),
        );
        const logs = out.body?.data?.logs ?? [];
        lines.push(...logs);
        expect(out.body?.isCompleted).toBe(true);
        if (logs.length < 50) break;
      }
    }
    expect(lines).toHaveLength(expected);
    for (const line of lines)
      expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${c.id} \\[[A-Z_]+\\]: `));
  });

  test("DiagnoseVpnConnections and the log name an injected fault", async () => {
    const c = dualTunnelConnection();
    await control(t.url, "/_sim/faults", { connectionId: c.id, tunnelIndex: 1, kind: "dpd-timeout", durationSec: 300 });
    t.clock.now += 5000;
    try {
      const out = await client().diagnoseVpnConnections(
        new $Vpc.DiagnoseVpnConnectionsRequest({
          regionId: REGION,
          vpnGatewayId: c.gatewayId,
          // A dual-tunnel connection is diagnosed by its tunnels' ids.
          tunnelIds: c.tunnels.map((tunnel) => tunnel.id),
        }),
      );
      const row = out.body?.vpnConnections?.find((r) => r.tunnelId === c.tunnels[0]?.id);
      expect(row?.failedReasonCode).toBe("Phase1NegotiationTimeout");
      expect(row?.severity).toBe("Critical");
      const conns = await client().describeVpnConnections(
        new $Vpc.DescribeVpnConnectionsRequest({ regionId: REGION, vpnConnectionId: c.id }),
      );
      const tunnel = conns.body?.vpnConnections?.vpnConnection?.[0]?.tunnelOptionsSpecification?.tunnelOptions?.[0];
      expect(tunnel?.status).toBe("ike_sa_not_established");
      const routes = await client().describeVpnRouteEntries(
        new $Vpc.DescribeVpnRouteEntriesRequest({ regionId: REGION, vpnGatewayId: c.gatewayId }),
      );
      expect(routes.body?.vpnRouteEntries?.vpnRouteEntry?.some((r) => r.nextHop === c.id)).toBe(true);
    } finally {
      await control(t.url, "/_sim/reset", {});
    }
  });

  test("errors: unknown key, wrong secret, bad region, denied action, throttling", async () => {
    const req = new $Vpc.DescribeVpnConnectionsRequest({ regionId: REGION });
    await expect(client({ accessKeyId: "LTAIunknownunknown00000" }).describeVpnConnections(req)).rejects.toMatchObject({
      code: "InvalidAccessKeyId.NotFound",
      statusCode: 404,
    });
    await expect(client({ accessKeySecret: "wrong" }).describeVpnConnections(req)).rejects.toMatchObject({
      code: "SignatureDoesNotMatch",
      statusCode: 400,
    });
    await expect(
      client().describeVpnConnections(new $Vpc.DescribeVpnConnectionsRequest({ regionId: "xx-nowhere-9" })),
    ).rejects.toMatchObject({ code: "InvalidRegionId.NotFound" });
    await control(t.url, `/_sim/accounts/${t.alibaba.id}`, { deny: ["vpc:DescribeVpnConnections"] });
    await expect(client().describeVpnConnections(req)).rejects.toMatchObject({
      code: "Forbidden.RAM",
      statusCode: 403,
    });
    await control(t.url, "/_sim/reset", {});
    await control(t.url, "/_sim/chaos", { provider: "alibaba", throttleRate: 1 });
    try {
      await expect(client().describeVpnConnections(req)).rejects.toMatchObject({ code: "Throttling.User" });
    } finally {
      await control(t.url, "/_sim/reset", {});
    }
  });
});
