import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { awsEvents, loggedTunnels, renderAws } from "./aws-logs.ts";
import { generateFleet } from "./fleet.ts";
import { renderAlibabaLine } from "./render.ts";
import { createSimulator } from "./simulator.ts";
import { control, startSim, T0, type TestSim } from "./test-helpers.ts";

describe("fleet and scenario", () => {
  test("the same seed gives the same fleet; another seed another", () => {
    const shape = { tenants: 3, connectionsPerAccount: 5 };
    expect(JSON.stringify(generateFleet(42, shape))).toBe(JSON.stringify(generateFleet(42, shape)));
    expect(JSON.stringify(generateFleet(43, shape))).not.toBe(JSON.stringify(generateFleet(42, shape)));
  });

  test("a fleet of several hundred connections generates in well under a second", () => {
    const started = performance.now();
    const fleet = generateFleet(1, { tenants: 10, connectionsPerAccount: 12 });
    expect(fleet.connections.length).toBeGreaterThanOrEqual(300);
    expect(performance.now() - started).toBeLessThan(500);
  });

  test("the same seed gives the same events for a window, independent of when each simulator started", () => {
    const a = createSimulator({ seed: 5, clock: () => T0 });
    const b = createSimulator({ seed: 5, clock: () => T0 + 600_000, historySec: 7200 });
    const account = a.fleet.accounts.find((x) => x.provider === "aws");
    if (account?.provider !== "aws") throw new Error("no aws account");
    const region = account.regions[0] ?? "";
    const from = T0 - 1_800_000;
    const render = (sim: typeof a) =>
      awsEvents(sim, loggedTunnels(sim, account, region, "tunnel"), "tunnel", from, T0).map(renderAws);
    const first = render(a);
    expect(first.length).toBeGreaterThan(0);
    expect(render(b)).toEqual(first);
  });

  test("the log rate option scales the number of events", () => {
    const slow = createSimulator({ seed: 5, clock: () => T0, logRatePerTunnelPerMinute: 1 });
    const fast = createSimulator({ seed: 5, clock: () => T0, logRatePerTunnelPerMinute: 30 });
    expect(fast.stats().total).toBeGreaterThan(slow.stats().total * 10);
  });
});

describe("fault injection", () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startSim({ fleet: { faultsPerTunnelPerDay: 0, downTunnelShare: 0, connectionsPerAccount: 4 } });
  });
  afterAll(async () => {
    await t.server.close();
  });

  function awsConnection(ikev2: boolean) {
    const c = t.sim.fleet.connections.find(
      (x) =>
        x.accountId === t.aws.id &&
        x.tunnels[0]?.loggingEnabled &&
        x.tunnels[0].ikeVersions.includes("ikev2") === ikev2,
    );
    if (!c) throw new Error("no matching connection");
    return c;
  }

  function linesSince(connectionId: string, since: number): string[] {
    const c = t.sim.fleet.connections.find((x) => x.id === connectionId);
    const tunnel = c?.tunnels[0];
    if (!c || !tunnel) return [];
    return t.sim
      .visibleEvents(c, tunnel, since, t.clock.now)
      .map((e) => (c.provider === "alibaba" ? renderAlibabaLine(e) : renderAws(e)));
  }

  test("dpd-timeout: tunnel DOWN at once with the documented line, TUNNEL_UP-style line after recovery", async () => {
    const c = awsConnection(true);
    const injectedAt = t.clock.now;
    expect(t.sim.scenario.isDown(t.sim.scenario.stateAt(c, c.tunnels[0] as never, injectedAt))).toBe(false);
    await control(t.url, "/_sim/faults", { connectionId: c.id, tunnelIndex: 1, kind: "dpd-timeout", durationSec: 60 });
    const view = await control<{ connections: { id: string; tunnels: { status: string; condition: string }[] }[] }>(
      t.url,
      "/_sim/fleet",
    );
    const tunnel = view.connections.find((x) => x.id === c.id)?.tunnels[0];
    expect(tunnel?.status).toBe("DOWN");
    expect(tunnel?.condition).toBe("dpd-timeout");
    const lines = linesSince(c.id, injectedAt);
    expect(lines[0]).toContain('"details":"AWS tunnel DPD timed out after 3 retransmits"');
    expect(lines[0]).toContain('"ike_phase1_state":"Down"');
    t.clock.now = injectedAt + 61_000;
    const after = linesSince(c.id, injectedAt + 60_000);
    expect(after[0]).toContain('"ike_phase1_state":"Established"');
    const back = await control<{ connections: { id: string; tunnels: { status: string }[] }[] }>(t.url, "/_sim/fleet");
    expect(back.connections.find((x) => x.id === c.id)?.tunnels[0]?.status).toBe("UP");
  });

  test("a customer gateway's fault takes down every tunnel of every connection that ends on it", async () => {
    const c = awsConnection(true);
    const sharing = t.sim.fleet.connections.filter((x) => x.customerGatewayIp === c.customerGatewayIp);
    const { faults } = await control<{ faults: { connectionId: string }[] }>(t.url, "/_sim/faults", {
      customerGatewayIp: c.customerGatewayIp,
      kind: "dpd-timeout",
      durationSec: 60,
    });
    expect(faults).toHaveLength(sharing.reduce((n, x) => n + x.tunnels.length, 0));
    const view = await control<{ connections: { id: string; tunnels: { status: string }[] }[] }>(t.url, "/_sim/fleet");
    for (const x of sharing) {
      expect(view.connections.find((v) => v.id === x.id)?.tunnels.map((tunnel) => tunnel.status)).toEqual(
        x.tunnels.map(() => "DOWN"),
      );
    }
    await expect(
      control(t.url, "/_sim/faults", { customerGatewayIp: "192.0.2.255", kind: "dpd-timeout" }),
    ).rejects.toThrow(/404.*no connection ends on 192\.0\.2\.255/);
    t.clock.now += 61_000;
  });

  test.each([
    ["ike-proposal-mismatch", "No Proposal Match Found by AWS"],
    ["ipsec-proposal-mismatch", 'No Proposal Match Found. Notifying with \\"No proposal chosen\\"'],
    ["ts-mismatch", "AWS: Traffic Selector: TS_UNACCEPTABLE: received from responder"],
    ["rekey-failure", "AWS tunnel detected a (CHILD_REKEY) collision as CHILD_DELETE"],
    ["auth-failure", "AWS tunnel detected a pre-shared key mismatch with cgw: "],
  ])("%s emits the documented AWS line", async (kind, expected) => {
    await control(t.url, "/_sim/reset", {});
    t.clock.now += 120_000;
    const c = awsConnection(true);
    const at = t.clock.now;
    await control(t.url, "/_sim/faults", { connectionId: c.id, tunnelIndex: 1, kind });
    expect(linesSince(c.id, at)[0]).toContain(expected);
  });

  test("maintenance replaces tunnel 1 first (new outside IP, new stream), then tunnel 2", async () => {
    await control(t.url, "/_sim/reset", {});
    const c = awsConnection(true);
    const [t1, t2] = c.tunnels;
    if (!t1 || !t2) throw new Error("two tunnels expected");
    const ip1 = t.sim.scenario.outsideIpAt(c, t1, t.clock.now);
    const ip2 = t.sim.scenario.outsideIpAt(c, t2, t.clock.now);
    const res = await control<{ faults: { tunnelIndex: number; start: number; end: number }[] }>(
      t.url,
      "/_sim/faults",
      {
        connectionId: c.id,
        kind: "maintenance",
        durationSec: 120,
      },
    );
    expect(res.faults.map((f) => f.tunnelIndex)).toEqual([1, 2]);
    const second = res.faults[1];
    if (!second) throw new Error("no second fault");
    expect(second.start).toBeGreaterThan(res.faults[0]?.end ?? Number.POSITIVE_INFINITY);
    t.clock.now += 1000;
    expect(t.sim.scenario.outsideIpAt(c, t1, t.clock.now)).not.toBe(ip1);
    expect(t.sim.scenario.outsideIpAt(c, t2, t.clock.now)).toBe(ip2);
    expect(t.sim.scenario.isDown(t.sim.scenario.stateAt(c, t2, t.clock.now))).toBe(false);
    t.clock.now = second.start + 1000;
    expect(t.sim.scenario.outsideIpAt(c, t2, t.clock.now)).not.toBe(ip2);
    expect(t.sim.scenario.isDown(t.sim.scenario.stateAt(c, t1, t.clock.now))).toBe(false);
    expect(t.sim.scenario.isDown(t.sim.scenario.stateAt(c, t2, t.clock.now))).toBe(true);
  });

  test("recover ends a fault now and an Alibaba tunnel logs in the IPsec daemon format", async () => {
    await control(t.url, "/_sim/reset", {});
    const c = t.sim.fleet.connections.find((x) => x.accountId === t.alibaba.id);
    const tunnel = c?.tunnels[0];
    if (!c || !tunnel) throw new Error("no alibaba connection");
    const at = t.clock.now;
    await control(t.url, "/_sim/faults", { connectionId: c.id, tunnelIndex: 1, kind: "ts-mismatch" });
    const first = linesSince(c.id, at)[0] ?? "";
    expect(first).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${c.id} \\[(PROTO_ERR|IKE)\\]: `));
    expect(first).toMatch(/no policy found|TS_UNACCEPTABLE/);
    t.clock.now += 30_000;
    await control(t.url, "/_sim/faults", { connectionId: c.id, kind: "recover" });
    expect(t.sim.scenario.isDown(t.sim.scenario.stateAt(c, tunnel, t.clock.now))).toBe(false);
  });

  test("the control API rejects unknown connections and kinds", async () => {
    await expect(control(t.url, "/_sim/faults", { connectionId: "vpn-nope", kind: "dpd-timeout" })).rejects.toThrow(
      /404/,
    );
    const c = t.sim.fleet.connections[0];
    await expect(control(t.url, "/_sim/faults", { connectionId: c?.id, kind: "gremlins" })).rejects.toThrow(/400/);
  });
});
