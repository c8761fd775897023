// Configuration drift from the status pipeline: a setting that changed between two polls is
// recorded once, with the grade before and after, and somebody's change raises CONFIG_CHANGED;
// an endpoint the provider replaced is recorded without an alert.
import { createPrismaClient, type PrismaClient } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMessage } from "../src/alerts/message.ts";
import { applyStatusSnapshot } from "../src/pipeline/status.ts";
import type { FetchedConnection, StatusSnapshot } from "../src/providers/types.ts";
import { awsConnection } from "./aws-connection.ts";

/** The value, or a failed test when it is missing. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("expected a value");
  return value;
}

const T0 = Date.UTC(2026, 11, 6, 0, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

type Options = FetchedConnection["tunnels"][number]["options"];

function connection(change: { tunnel2?: Partial<Options>; outsideIp1?: string; routing?: "bgp" | "static" } = {}) {
  const fetched = awsConnection(["UP", "UP"], {
    externalId: "vpn-0drift00000000001",
    name: "kobe-dc",
    region: "ap-northeast-1",
  });
  return {
    ...fetched,
    routing: change.routing ?? fetched.routing,
    tunnels: fetched.tunnels.map((t) => ({
      ...t,
      options: { ...t.options, dpdEnabled: true, dpdTimeoutSec: 30, ...(t.index === 2 ? change.tunnel2 : {}) },
      ...(t.index === 1 && change.outsideIp1 ? { outsideIp: change.outsideIp1 } : {}),
    })),
  };
}

describe("configuration changes from the status pipeline", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let account: {
    id: string;
    tenantId: string;
    tenant: { incidentOpenDelaySec: number; incidentResolveDelaySec: number };
  };

  const poll = (seconds: number, fetched: FetchedConnection) => {
    const snapshot: StatusSnapshot = {
      fetchedAt: at(seconds),
      connections: [fetched],
      maintenance: [],
      unavailable: {},
    };
    return applyStatusSnapshot(prisma, account, snapshot);
  };
  const changes = () =>
    prisma.configChange.findMany({
      where: { tenantId: account.tenantId },
      orderBy: [{ detectedAt: "asc" }, { tunnelIndex: "asc" }, { parameter: "asc" }],
    });
  const configAlerts = () =>
    prisma.alertOutbox.findMany({
      where: { tenantId: account.tenantId, trigger: "CONFIG_CHANGED" },
      orderBy: { createdAt: "asc" },
    });

  beforeAll(async () => {
    db = await createMigratedTestDatabase("config_changes");
    prisma = createPrismaClient(db.url);
    const tenant = await prisma.tenant.create({ data: { name: "Drift", slug: "drift" } });
    const created = await prisma.cloudAccount.create({
      data: {
        tenantId: tenant.id,
        provider: "AWS",
        name: "prod",
        regions: ["ap-northeast-1"],
        credentialsCipher: "x",
        credentialsKeyId: "k1",
      },
    });
    account = {
      id: created.id,
      tenantId: tenant.id,
      tenant: { incidentOpenDelaySec: 60, incidentResolveDelaySec: 60 },
    };
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("records nothing for a connection seen for the first time, or polled again unchanged", async () => {
    await poll(0, connection());
    await poll(60, connection());
    expect(await changes()).toEqual([]);
    expect(await configAlerts()).toEqual([]);
  });

  it("records each changed setting once, with the grade before and after, and raises one alert", async () => {
    const weakened = connection({ tunnel2: { dpdEnabled: false, dpdTimeoutAction: "clear" } });
    await poll(120, weakened);
    const rows = await changes();
    expect(rows.map((r) => [r.tunnelIndex, r.parameter, r.before, r.after])).toEqual([
      [2, "dpdEnabled", "on", "off"],
      [2, "dpdTimeoutAction", "restart", "clear"],
    ]);
    const connectionRow = await prisma.vpnConnection.findFirstOrThrow({ where: { tenantId: account.tenantId } });
    expect(rows.every((r) => r.detectedAt.getTime() === at(120).getTime())).toBe(true);
    expect(rows[0]?.gradeAfter).toBe(connectionRow.grade);
    // Disabling DPD on a BGP connection costs a grade.
    expect("ABCDF".indexOf(rows[0]?.gradeAfter ?? "A")).toBeGreaterThan("ABCDF".indexOf(rows[0]?.gradeBefore ?? "F"));

    const [alert, ...others] = await configAlerts();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      connectionId: connectionRow.id,
      severity: "MAJOR",
      payload: {
        changeCount: 2,
        changes: "Tunnel 2 dead peer detection: on → off; Tunnel 2 DPD timeout action: restart → clear",
        gradeBefore: rows[0]?.gradeBefore,
        gradeAfter: rows[0]?.gradeAfter,
      },
    });
    const message = await buildMessage(
      prisma,
      { idempotencyKey: "k", foldedCount: 1, createdAt: present(alert).createdAt, outbox: present(alert) },
      "https://tunnelwatch.example",
    );
    expect(message.summary).toBe("Configuration of kobe-dc changed: 2 settings");
    expect(message.url).toBe(`https://tunnelwatch.example/connections/${connectionRow.id}?org=drift`);
    expect(message.details).toMatchObject({ changeCount: 2, gradeAfter: rows[0]?.gradeAfter });

    // The same poll run again finds the stored connection already changed.
    await poll(120, weakened);
    await poll(180, weakened);
    expect(await changes()).toHaveLength(2);
    expect(await configAlerts()).toHaveLength(1);
  });

  it("records an endpoint the provider replaced without an alert, and a mended setting as a minor alert", async () => {
    await poll(
      240,
      connection({ tunnel2: { dpdEnabled: false, dpdTimeoutAction: "clear" }, outsideIp1: "203.0.113.41" }),
    );
    const replaced = (await changes()).filter((r) => r.detectedAt.getTime() === at(240).getTime());
    expect(replaced.map((r) => [r.tunnelIndex, r.parameter, r.before, r.after])).toEqual([
      [1, "outsideIp", "203.0.113.1", "203.0.113.41"],
    ]);
    expect(await configAlerts()).toHaveLength(1);

    await poll(300, connection({ outsideIp1: "203.0.113.41" }));
    const alerts = await configAlerts();
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toMatchObject({ severity: "MINOR", payload: { changeCount: 2 } });
    const mended = await buildMessage(
      prisma,
      { idempotencyKey: "k2", foldedCount: 1, createdAt: present(alerts[1]).createdAt, outbox: present(alerts[1]) },
      "https://tunnelwatch.example",
    );
    expect(mended.summary).toBe("Configuration of kobe-dc changed: 2 settings");
  });

  it("names a single change in the alert's summary", async () => {
    await poll(360, connection({ outsideIp1: "203.0.113.41", routing: "static" }));
    const alerts = await configAlerts();
    const last = present(alerts[alerts.length - 1]);
    expect(last.payload).toMatchObject({ changeCount: 1, changes: "Routing: BGP → static" });
    const message = await buildMessage(
      prisma,
      { idempotencyKey: "k3", foldedCount: 1, createdAt: last.createdAt, outbox: last },
      "https://tunnelwatch.example",
    );
    expect(message.summary).toBe("Configuration of kobe-dc changed: Routing: BGP → static");
  });
});
