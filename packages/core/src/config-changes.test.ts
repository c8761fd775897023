import { describe, expect, it } from "vitest";
import { describeConfigChange, diffConnectionConfig, listDifference } from "./config-changes.ts";
import { type NormalizedConnectionInput, parseConnection } from "./connection.ts";

/** The value, or a failed test when it is missing. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("expected a value");
  return value;
}

const tunnelOptions = {
  ikeVersions: ["ikev2", "ikev1"],
  phase1LifetimeSec: 28_800,
  phase2LifetimeSec: 3_600,
  dpdEnabled: true,
  dpdTimeoutSec: 30,
  dpdTimeoutAction: "restart",
  phase1Encryption: ["AES256", "AES128"],
  phase2DhGroups: [14, 15, 16],
  startupAction: "start",
} as const;

function connection(overrides: Partial<NormalizedConnectionInput> = {}) {
  return parseConnection({
    provider: "aws",
    externalId: "vpn-0a1b2c3d",
    routing: "bgp",
    customerGatewayId: "cgw-1",
    customerGatewayIp: "198.51.100.7",
    remoteAsn: 65000,
    tunnels: [1, 2].map((index) => ({
      index,
      outsideIp: `203.0.113.${index}`,
      status: index === 1 ? "UP" : "DOWN",
      options: { ...tunnelOptions },
    })),
    ...overrides,
  });
}

function withTunnel(index: number, options: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const base = connection();
  return connection({
    tunnels: base.tunnels.map((t) =>
      t.index === index ? { ...t, ...extra, options: { ...t.options, ...options } } : t,
    ) as NormalizedConnectionInput["tunnels"],
  });
}

describe("diffConnectionConfig", () => {
  it("finds nothing between two polls of an unchanged connection, whatever the status and set order", () => {
    const later = connection({
      tunnels: connection().tunnels.map((t) => ({
        ...t,
        status: "UP",
        statusMessage: "2 BGP ROUTES",
        lastStatusChange: "2026-12-06T01:00:00Z",
        acceptedRouteCount: 2,
        options: { ...t.options, ikeVersions: ["ikev1", "ikev2"], phase1Encryption: ["AES128", "AES256"] },
      })),
    });
    expect(diffConnectionConfig(connection(), later)).toEqual([]);
  });

  it("names a tunnel option that changed, with both values in words", () => {
    const changes = diffConnectionConfig(connection(), withTunnel(2, { dpdEnabled: false, dpdTimeoutSec: 10 }));
    expect(changes).toEqual([
      { tunnelIndex: 2, parameter: "dpdEnabled", before: "on", after: "off" },
      { tunnelIndex: 2, parameter: "dpdTimeoutSec", before: "30 s", after: "10 s" },
    ]);
    expect(changes.map(describeConfigChange)).toEqual([
      "Tunnel 2 dead peer detection: on → off",
      "Tunnel 2 DPD timeout: 30 s → 10 s",
    ]);
  });

  it("compares algorithm and group sets, and an emptied PFS group list reads as none", () => {
    const changes = diffConnectionConfig(
      connection(),
      withTunnel(1, { phase1Encryption: ["AES128-GCM-16"], phase2DhGroups: [], ikeVersions: ["ikev2"] }),
    );
    expect(changes).toEqual([
      { tunnelIndex: 1, parameter: "ikeVersions", before: "ikev1, ikev2", after: "ikev2" },
      { tunnelIndex: 1, parameter: "phase1Encryption", before: "AES128, AES256", after: "AES128-GCM-16" },
      { tunnelIndex: 1, parameter: "phase2DhGroups", before: "14–16", after: "none" },
    ]);
  });

  it("ignores a value the provider did not report on one side", () => {
    const partial = connection({
      customerGatewayIp: null,
      tunnels: connection().tunnels.map((t) => ({
        ...t,
        outsideIp: null,
        options: { ikeVersions: ["ikev2", "ikev1"] },
      })),
    });
    expect(diffConnectionConfig(connection(), partial)).toEqual([]);
    expect(diffConnectionConfig(partial, connection())).toEqual([]);
  });

  it("reports connection settings before tunnel settings", () => {
    const moved = connection({
      routing: "static",
      customerGatewayId: "cgw-2",
      customerGatewayIp: "198.51.100.9",
      staticRoutes: ["10.1.0.0/16"],
      tunnels: withTunnel(1, {}, { outsideIp: "203.0.113.99" }).tunnels as NormalizedConnectionInput["tunnels"],
    });
    const changes = diffConnectionConfig(connection({ staticRoutes: [] }), moved);
    expect(changes.map((c) => [c.tunnelIndex, c.parameter])).toEqual([
      [null, "routing"],
      [null, "customerGatewayId"],
      [null, "customerGatewayIp"],
      [null, "staticRoutes"],
      [1, "outsideIp"],
    ]);
    expect(describeConfigChange(present(changes[0]))).toBe("Routing: BGP → static");
    expect(changes[3]).toMatchObject({ before: "none", after: "10.1.0.0/16" });
  });

  it("reports a tunnel added or removed", () => {
    const single = connection({ tunnels: connection().tunnels.slice(0, 1) as NormalizedConnectionInput["tunnels"] });
    const removed = diffConnectionConfig(connection(), single);
    expect(removed).toEqual([
      { tunnelIndex: 2, parameter: "tunnel", before: "present (203.0.113.2)", after: "absent" },
    ]);
    expect(describeConfigChange(present(removed[0]))).toBe("Tunnel 2 removed");
    const added = diffConnectionConfig(single, connection());
    expect(describeConfigChange(present(added[0]))).toBe("Tunnel 2 added: present (203.0.113.2)");
  });

  it("reports Alibaba health checks turned off or repointed, and route weights", () => {
    const alibaba = (checks: unknown[], weight: number) =>
      connection({
        provider: "alibaba",
        healthChecks: checks as NormalizedConnectionInput["healthChecks"],
        routeWeights: [{ destinationCidr: "10.0.0.0/8", weight }],
      });
    const on = { enabled: true, sourceIp: "10.0.0.1", destinationIp: "192.168.0.1", policy: "revoke_route" };
    const changes = diffConnectionConfig(alibaba([on], 100), alibaba([{ ...on, destinationIp: "192.168.0.2" }], 0));
    expect(changes).toEqual([
      { tunnelIndex: null, parameter: "routeWeights", before: "10.0.0.0/8 weight 100", after: "10.0.0.0/8 weight 0" },
      {
        tunnelIndex: null,
        parameter: "healthCheck",
        before: "on 10.0.0.1 → 192.168.0.1, revoke_route",
        after: "on 10.0.0.1 → 192.168.0.2, revoke_route",
      },
    ]);
    expect(diffConnectionConfig(alibaba([on], 100), alibaba([], 100))).toMatchObject([
      { parameter: "healthCheck", after: "off" },
    ]);
    // A poll that could not read the health checks says nothing of them.
    const unread = connection({ provider: "alibaba", routeWeights: [{ destinationCidr: "10.0.0.0/8", weight: 100 }] });
    expect(diffConnectionConfig(alibaba([on], 100), unread)).toEqual([]);
  });

  it("tells a longer list's change by what it gained and lost", () => {
    const routes = ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"];
    const [change] = diffConnectionConfig(
      connection({ staticRoutes: routes }),
      connection({ staticRoutes: [...routes.slice(1), "10.9.0.0/16"] }),
    );
    expect(change).toMatchObject({ parameter: "staticRoutes", before: routes.join(", ") });
    expect(listDifference(present(change))).toEqual({ added: ["10.9.0.0/16"], removed: ["10.1.0.0/16"] });
    expect(describeConfigChange(present(change))).toBe("Static routes: added 10.9.0.0/16; removed 10.1.0.0/16");
    // A short list reads better whole; a value that is no list has no difference.
    const [short] = diffConnectionConfig(
      connection({ staticRoutes: [] }),
      connection({ staticRoutes: ["10.1.0.0/16"] }),
    );
    expect(listDifference(present(short))).toEqual({ added: ["10.1.0.0/16"], removed: [] });
    expect(describeConfigChange(present(short))).toBe("Static routes: none → 10.1.0.0/16");
    expect(listDifference({ parameter: "dpdTimeoutSec", before: "30 s", after: "10 s" })).toBeNull();
  });

  it("caps a very long list so one change stays readable", () => {
    const routes = (n: number) => Array.from({ length: n }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const [change] = diffConnectionConfig(
      connection({ staticRoutes: routes(2) }),
      connection({ staticRoutes: routes(500) }),
    );
    expect(change?.after.length).toBeLessThan(1_100);
    expect(change?.after).toMatch(/… \(\d+ more\)$/);
    expect(listDifference(present(change))).toBeNull();
  });
});
