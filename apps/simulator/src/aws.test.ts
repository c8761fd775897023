import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  DescribeCustomerGatewaysCommand,
  DescribeVpnConnectionsCommand,
  EC2Client,
  GetVpnTunnelReplacementStatusCommand,
} from "@aws-sdk/client-ec2";
import {
  DescribeAffectedEntitiesCommand,
  DescribeEventDetailsCommand,
  DescribeEventsCommand,
  HealthClient,
} from "@aws-sdk/client-health";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isIdleConnection } from "./aws-metrics.ts";
import type { AwsAccount } from "./fleet.ts";
import type { SimStats } from "./simulator.ts";
import { control, startSim, type TestSim } from "./test-helpers.ts";

let t: TestSim;
const REGION = "us-east-1";

function ec2(
  account: AwsAccount,
  secret = account.credentials.secretAccessKey,
  accessKeyId = account.credentials.accessKeyId,
) {
  return new EC2Client({
    region: REGION,
    endpoint: t.url,
    credentials: { accessKeyId, secretAccessKey: secret },
    maxAttempts: 1,
  });
}
function logs(account: AwsAccount) {
  return new CloudWatchLogsClient({
    region: REGION,
    endpoint: t.url,
    credentials: account.credentials,
    maxAttempts: 1,
  });
}
function health(account: AwsAccount) {
  return new HealthClient({ region: "us-east-1", endpoint: t.url, credentials: account.credentials, maxAttempts: 1 });
}

beforeAll(async () => {
  t = await startSim({
    fleet: { connectionsPerAccount: 8, maintenanceShare: 1, lifecycleControlShare: 1 },
    logRatePerTunnelPerMinute: 6,
  });
});
afterAll(async () => {
  await t.server.close();
});

describe("EC2 DescribeVpnConnections", () => {
  test("the real SDK parses every field", async () => {
    const out = await ec2(t.aws).send(new DescribeVpnConnectionsCommand({}));
    const expected = t.sim.fleet.connections.filter((c) => c.accountId === t.aws.id && c.region === REGION);
    expect(out.VpnConnections).toHaveLength(expected.length);
    const model = expected[0];
    const vpn = out.VpnConnections?.find((v) => v.VpnConnectionId === model?.id);
    if (!model || !vpn) throw new Error("connection missing");
    expect(vpn.State).toBe("available");
    expect(vpn.Type).toBe("ipsec.1");
    expect(vpn.CustomerGatewayId).toBe(model.customerGatewayId);
    expect(vpn.VpnGatewayId ?? vpn.TransitGatewayId).toBe(model.gatewayId);
    expect(vpn.Options?.StaticRoutesOnly).toBe(model.routing === "static");
    expect(vpn.Tags).toContainEqual({ Key: "Name", Value: model.tags.Name });
    expect(vpn.CustomerGatewayConfiguration).toContain("<vpn_connection");
    const tunnels = vpn.Options?.TunnelOptions ?? [];
    expect(tunnels).toHaveLength(2);
    const [o1] = tunnels;
    const m1 = model.tunnels[0];
    if (!o1 || !m1) throw new Error("tunnel missing");
    expect(o1.Phase1LifetimeSeconds).toBe(m1.phase1LifetimeSeconds);
    expect(o1.Phase2LifetimeSeconds).toBe(m1.phase2LifetimeSeconds);
    expect(o1.RekeyMarginTimeSeconds).toBe(m1.rekeyMarginTimeSeconds);
    expect(o1.RekeyFuzzPercentage).toBe(100);
    expect(o1.ReplayWindowSize).toBe(1024);
    expect(o1.DpdTimeoutSeconds).toBe(m1.dpdTimeoutSeconds);
    expect(o1.DpdTimeoutAction).toBe(m1.dpdTimeoutAction);
    expect(o1.Phase1EncryptionAlgorithms?.map((a) => a.Value)).toEqual(m1.phase1EncryptionAlgorithms);
    expect(o1.Phase1DHGroupNumbers?.map((a) => a.Value)).toEqual(m1.phase1DhGroups);
    expect(o1.Phase2IntegrityAlgorithms?.map((a) => a.Value)).toEqual(m1.phase2IntegrityAlgorithms);
    expect(o1.IkeVersions?.map((a) => a.Value)).toEqual(m1.ikeVersions);
    expect(o1.StartupAction).toBe(m1.startupAction);
    expect(o1.EnableTunnelLifecycleControl).toBe(model.lifecycleControl);
    expect(o1.LogOptions?.CloudWatchLogOptions?.LogEnabled).toBe(m1.loggingEnabled);
    if (m1.loggingEnabled) expect(o1.LogOptions?.CloudWatchLogOptions?.LogGroupArn).toContain(t.aws.logGroupName);
    const telemetry = vpn.VgwTelemetry ?? [];
    expect(telemetry).toHaveLength(2);
    for (const tel of telemetry) {
      expect(["UP", "DOWN"]).toContain(tel.Status);
      expect(tel.LastStatusChange).toBeInstanceOf(Date);
      expect(tel.StatusMessage).toMatch(/^(\d+ BGP ROUTES|IPSEC IS UP|IPSEC IS DOWN)$/);
      expect(typeof tel.AcceptedRouteCount).toBe("number");
    }
    expect(telemetry[0]?.OutsideIpAddress).toBe(o1.OutsideIpAddress);
  });

  test("DescribeCustomerGateways: a site's gateway is one address and ASN for every connection of the site", async () => {
    const inRegion = t.sim.fleet.connections.filter((c) => c.accountId === t.aws.id && c.region === REGION);
    const out = await ec2(t.aws).send(new DescribeCustomerGatewaysCommand({}));
    const ids = [...new Set(inRegion.map((c) => c.customerGatewayId))];
    expect(out.CustomerGateways?.map((g) => g.CustomerGatewayId).sort()).toEqual(ids.sort());
    for (const c of inRegion) {
      const gateway = out.CustomerGateways?.find((g) => g.CustomerGatewayId === c.customerGatewayId);
      expect(gateway).toMatchObject({ State: "available", Type: "ipsec.1", IpAddress: c.customerGatewayIp });
      expect(gateway?.BgpAsn).toBe(String(c.customerAsn));
    }
    // Every connection of a site, in every account, region and provider, ends on the same gateway.
    const bySite = new Map<string, Set<string>>();
    for (const c of t.sim.fleet.connections.filter((x) => x.tenantId === t.aws.tenantId)) {
      const site = c.tags.site ?? "";
      bySite.set(site, (bySite.get(site) ?? new Set()).add(c.customerGatewayIp));
    }
    for (const addresses of bySite.values()) expect(addresses.size).toBe(1);
    // And no two sites share one.
    const siteAddresses = [...bySite.values()].flatMap((addresses) => [...addresses]);
    expect(new Set(siteAddresses).size).toBe(siteAddresses.length);
    const one = ids[0] as string;
    const byId = await ec2(t.aws).send(new DescribeCustomerGatewaysCommand({ CustomerGatewayIds: [one] }));
    expect(byId.CustomerGateways?.map((g) => g.CustomerGatewayId)).toEqual([one]);
    await expect(
      ec2(t.aws).send(new DescribeCustomerGatewaysCommand({ CustomerGatewayIds: ["cgw-0000000000000dead"] })),
    ).rejects.toMatchObject({ name: "InvalidCustomerGatewayID.NotFound" });
  });

  test("the control API changes a tunnel's options as the console would, checks them, and reset puts them back", async () => {
    const c = t.sim.fleet.connections.find((x) => x.accountId === t.aws.id && x.region === REGION);
    const generated = c?.tunnels[1];
    if (!c || !generated) throw new Error("no connection");
    const before = { dpd: generated.dpdTimeoutAction, p1: generated.phase1LifetimeSeconds };
    const tunnel2 = async () =>
      (await ec2(t.aws).send(new DescribeVpnConnectionsCommand({ VpnConnectionIds: [c.id] }))).VpnConnections?.[0]
        ?.Options?.TunnelOptions?.[1];
    const path = `/_sim/connections/${c.id}/tunnels/2`;
    await control(t.url, path, { dpdTimeoutAction: "none", phase1LifetimeSeconds: 3_600, phase2DhGroups: [] });
    expect(await tunnel2()).toMatchObject({ DpdTimeoutAction: "none", Phase1LifetimeSeconds: 3_600 });
    expect((await tunnel2())?.Phase2DHGroupNumbers ?? []).toEqual([]);
    await control(t.url, path, { phase1LifetimeSeconds: 7_200 });
    for (const [body, message] of [
      [{ dpdTimeoutAction: "reboot" }, /dpdTimeoutAction: .*reboot.* is not a valid value/],
      [{ psk: "secret" }, /psk cannot be changed/],
      [{ toString: "x" }, /toString cannot be changed/],
      [{}, /name at least one option/],
    ] as const) {
      await expect(control(t.url, path, body)).rejects.toThrow(message);
    }
    await expect(control(t.url, `/_sim/connections/${c.id}/tunnels/9`, { dpdEnabled: false })).rejects.toThrow(/404/);
    await control(t.url, "/_sim/reset", {});
    expect(await tunnel2()).toMatchObject({ DpdTimeoutAction: before.dpd, Phase1LifetimeSeconds: before.p1 });
  });

  test("filters by vpn-connection-id and by id list", async () => {
    const id = t.sim.fleet.connections.find((c) => c.accountId === t.aws.id && c.region === REGION)?.id ?? "";
    const byFilter = await ec2(t.aws).send(
      new DescribeVpnConnectionsCommand({ Filters: [{ Name: "vpn-connection-id", Values: [id] }] }),
    );
    expect(byFilter.VpnConnections?.map((v) => v.VpnConnectionId)).toEqual([id]);
    const byId = await ec2(t.aws).send(new DescribeVpnConnectionsCommand({ VpnConnectionIds: [id] }));
    expect(byId.VpnConnections?.map((v) => v.VpnConnectionId)).toEqual([id]);
  });

  test("EC2 errors: unknown id, unknown key, wrong secret, denied action", async () => {
    await expect(
      ec2(t.aws).send(new DescribeVpnConnectionsCommand({ VpnConnectionIds: ["vpn-0000000000000dead"] })),
    ).rejects.toMatchObject({
      name: "InvalidVpnConnectionID.NotFound",
    });
    await expect(
      ec2(t.aws, "x".repeat(40), "AKIAUNKNOWN000000000").send(new DescribeVpnConnectionsCommand({})),
    ).rejects.toMatchObject({
      name: "AuthFailure",
      message: "AWS was not able to validate the provided access credentials",
    });
    await expect(ec2(t.aws, "wrong-secret").send(new DescribeVpnConnectionsCommand({}))).rejects.toMatchObject({
      name: "SignatureDoesNotMatch",
    });
    await control(t.url, `/_sim/accounts/${t.aws.id}`, { deny: ["ec2:DescribeVpnConnections"] });
    await expect(ec2(t.aws).send(new DescribeVpnConnectionsCommand({}))).rejects.toMatchObject({
      name: "UnauthorizedOperation",
    });
    await control(t.url, `/_sim/accounts/${t.aws.id}`, { deny: [] });
  });

  test("GetVpnTunnelReplacementStatus shows the pending replacement before it happens", async () => {
    const c = t.sim.fleet.connections.find((x) => x.accountId === t.aws.id && x.region === REGION && x.maintenance);
    const tunnel = c?.tunnels[0];
    if (!c || !tunnel) throw new Error("no maintenance connection");
    const k = t.sim.scenario.maintenanceIndex(c, tunnel, t.clock.now) ?? 0;
    const next = t.sim.scenario.maintenanceTime(c, tunnel, k + 1);
    const saved = t.clock.now;
    try {
      t.clock.now = next - 3_600_000; // an hour before the replacement
      const ipBefore = t.sim.scenario.outsideIpAt(c, tunnel, t.clock.now);
      const out = await ec2(t.aws).send(
        new GetVpnTunnelReplacementStatusCommand({ VpnConnectionId: c.id, VpnTunnelOutsideIpAddress: ipBefore }),
      );
      expect(out.VpnConnectionId).toBe(c.id);
      expect(out.VpnTunnelOutsideIpAddress).toBe(ipBefore);
      expect(out.MaintenanceDetails?.PendingMaintenance).toBeTruthy();
      expect(out.MaintenanceDetails?.MaintenanceAutoAppliedAfter?.getTime()).toBe(next);
      // After the replacement the endpoint has a new outside IP and the tunnel is DOWN until the CGW initiates.
      t.clock.now = next + 1000;
      const after = await ec2(t.aws).send(new DescribeVpnConnectionsCommand({ VpnConnectionIds: [c.id] }));
      const tel = after.VpnConnections?.[0]?.VgwTelemetry?.[0];
      expect(tel?.OutsideIpAddress).not.toBe(ipBefore);
      expect(tel?.Status).toBe("DOWN");
      expect(tel?.StatusMessage).toBe("IPSEC IS DOWN");
      const status = await ec2(t.aws).send(
        new GetVpnTunnelReplacementStatusCommand({
          VpnConnectionId: c.id,
          VpnTunnelOutsideIpAddress: tel?.OutsideIpAddress,
        }),
      );
      expect(status.MaintenanceDetails?.LastMaintenanceApplied?.getTime()).toBe(next);
    } finally {
      t.clock.now = saved;
    }
  });
});

describe("CloudWatch Logs", () => {
  test("FilterLogEvents pages through a window and returns exactly what /_sim/stats counts", async () => {
    const until = t.clock.now;
    const stats = await control<SimStats>(t.url, `/_sim/stats?until=${until}&accountId=${t.aws.id}`);
    const expected = (stats.accounts[0]?.streams ?? [])
      .filter((s) => s.region === REGION && s.logGroupName === t.aws.logGroupName)
      .reduce((n, s) => n + s.count, 0);
    expect(expected).toBeGreaterThan(100);
    const client = logs(t.aws);
    let nextToken: string | undefined;
    const ids = new Set<string>();
    let pages = 0;
    let previous = 0;
    do {
      const page = await client.send(
        new FilterLogEventsCommand({
          logGroupName: t.aws.logGroupName,
          startTime: stats.from,
          endTime: until,
          limit: 500,
          nextToken,
        }),
      );
      pages++;
      for (const e of page.events ?? []) {
        expect(e.timestamp).toBeGreaterThanOrEqual(previous);
        previous = e.timestamp ?? 0;
        expect(e.eventId).toMatch(/^\d{56}$/);
        expect(e.logStreamName).toMatch(/^vpn-[0-9a-f]{17}_\d+\.\d+\.\d+\.\d+$/);
        const record = JSON.parse(e.message ?? "{}") as Record<string, unknown>;
        expect(record.event_timestamp).toBe(Math.floor((e.timestamp ?? 0) / 1000));
        expect(["Established", "Rekeying", "Negotiating", "Down"]).toContain(record.ike_phase1_state);
        expect(typeof record.details).toBe("string");
        ids.add(e.eventId ?? "");
      }
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toBeGreaterThan(1);
    expect(ids.size).toBe(expected);
  });

  test("logStreamNames narrows to one tunnel and matches its stream count", async () => {
    const stats = await control<SimStats>(t.url, `/_sim/stats?accountId=${t.aws.id}`);
    const stream = stats.accounts[0]?.streams.find((s) => s.region === REGION && s.logGroupName === t.aws.logGroupName);
    if (!stream?.logStreamName) throw new Error("no stream");
    let total = 0;
    let nextToken: string | undefined;
    do {
      const page = await logs(t.aws).send(
        new FilterLogEventsCommand({
          logGroupIdentifier: `arn:aws:logs:${REGION}:${t.aws.awsAccountId}:log-group:${t.aws.logGroupName}`,
          logStreamNames: [stream.logStreamName],
          startTime: stats.from,
          endTime: stats.until,
          nextToken,
        }),
      );
      total += page.events?.length ?? 0;
      for (const e of page.events ?? []) expect(e.logStreamName).toBe(stream.logStreamName);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(total).toBe(stream.count);
    const streams = await logs(t.aws).send(new DescribeLogStreamsCommand({ logGroupName: t.aws.logGroupName }));
    expect(streams.logStreams?.map((s) => s.logStreamName)).toContain(stream.logStreamName);
  });

  test("unknown group: ResourceNotFoundException; chaos: ThrottlingException", async () => {
    await expect(logs(t.aws).send(new FilterLogEventsCommand({ logGroupName: "/nope" }))).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
    await control(t.url, "/_sim/chaos", { provider: "aws", throttleRate: 1 });
    try {
      await expect(
        logs(t.aws).send(new FilterLogEventsCommand({ logGroupName: t.aws.logGroupName })),
      ).rejects.toMatchObject({
        name: "ThrottlingException",
      });
      await expect(ec2(t.aws).send(new DescribeVpnConnectionsCommand({}))).rejects.toMatchObject({
        name: "RequestLimitExceeded",
        $metadata: { httpStatusCode: 503 },
      });
    } finally {
      await control(t.url, "/_sim/chaos", { provider: "aws", throttleRate: 0 });
    }
  });
});

describe("CloudWatch metrics", () => {
  test("GetMetricData gives each tunnel's traffic by period: none while down or on an idle connection", async () => {
    // A fleet of static connections only, so that some are idle.
    const sim = await startSim({ fleet: { connectionsPerAccount: 12, staticShare: 1, awsRegions: [REGION] } });
    try {
      const metrics = new CloudWatchClient({
        region: REGION,
        endpoint: sim.url,
        credentials: sim.aws.credentials,
        maxAttempts: 1,
      });
      const now = sim.sim.now();
      const tunnels = sim.sim.fleet.connections
        .filter((c) => c.accountId === sim.aws.id)
        .flatMap((c) => c.tunnels.map((tunnel) => ({ c, tunnel })));
      const out = await metrics.send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 3_600_000),
          EndTime: new Date(now),
          MetricDataQueries: tunnels.flatMap(({ c, tunnel }, i) =>
            (["TunnelDataIn", "TunnelState"] as const).map((name) => ({
              Id: `${name === "TunnelState" ? "s" : "d"}${i}`,
              MetricStat: {
                Metric: {
                  Namespace: "AWS/VPN",
                  MetricName: name,
                  Dimensions: [{ Name: "TunnelIpAddress", Value: sim.sim.scenario.outsideIpAt(c, tunnel, now) }],
                },
                Period: 300,
                Stat: "Sum",
              },
            })),
          ),
        }),
      );
      const results = new Map((out.MetricDataResults ?? []).map((r) => [r.Id, r]));
      const seen = { idle: 0, busy: 0 };
      for (const [i, { c }] of tunnels.entries()) {
        const data = results.get(`d${i}`);
        const state = results.get(`s${i}`);
        expect(data?.StatusCode).toBe("Complete");
        expect(data?.Timestamps?.length).toBe(12);
        for (const [k, bytes] of (data?.Values ?? []).entries()) {
          const up = state?.Values?.[k] === 1;
          if (isIdleConnection(c) || !up) expect(bytes).toBe(0);
          else expect(bytes).toBeGreaterThan(0);
        }
        seen[isIdleConnection(c) ? "idle" : "busy"]++;
      }
      expect(seen.idle).toBeGreaterThan(0);
      expect(seen.busy).toBeGreaterThan(0);
    } finally {
      await sim.server.close();
    }
  });
});

describe("AWS Health", () => {
  test("DescribeEvents lists VPN events; DescribeAffectedEntities names the connection", async () => {
    await control(t.url, `/_sim/accounts/${t.aws.id}`, { hasSupportPlan: true });
    const c = t.sim.fleet.connections.find((x) => x.accountId === t.aws.id && x.region === REGION);
    if (!c) throw new Error("no connection");
    await control(t.url, "/_sim/faults", { connectionId: c.id, kind: "maintenance" });
    const out = await health(t.aws).send(
      new DescribeEventsCommand({ filter: { services: ["VPN"], eventTypeCodes: ["AWS_VPN_REDUNDANCY_LOSS"] } }),
    );
    const open = out.events?.find((e) => e.statusCode === "open" && e.region === REGION);
    expect(open?.arn).toMatch(
      /^arn:aws:health:us-east-1::event\/VPN\/AWS_VPN_REDUNDANCY_LOSS\/AWS_VPN_REDUNDANCY_LOSS-\d+$/,
    );
    expect(open?.startTime).toBeInstanceOf(Date);
    const entities = await health(t.aws).send(
      new DescribeAffectedEntitiesCommand({ filter: { eventArns: [open?.arn ?? ""] } }),
    );
    expect(entities.entities?.map((e) => e.entityValue)).toContain(c.id);
    const details = await health(t.aws).send(new DescribeEventDetailsCommand({ eventArns: [open?.arn ?? ""] }));
    expect(details.successfulSet?.[0]?.eventDescription?.latestDescription).toContain(c.id);
    await control(t.url, "/_sim/reset", {});
  });

  test("an account without a support plan gets SubscriptionRequiredException", async () => {
    await control(t.url, `/_sim/accounts/${t.aws.id}`, { hasSupportPlan: false });
    await expect(health(t.aws).send(new DescribeEventsCommand({}))).rejects.toMatchObject({
      name: "SubscriptionRequiredException",
      $metadata: { httpStatusCode: 400 },
    });
    await control(t.url, "/_sim/reset", {});
  });
});
