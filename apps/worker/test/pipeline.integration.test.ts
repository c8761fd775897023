// The pipeline's database behaviour, step by step, over real PostgreSQL: status snapshots,
// transitions recorded once, posture snapshots on change, incidents from status and from logs,
// idempotent log ingestion with cursors. Provider responses are given as StatusSnapshot and
// LogPage values here; the end-to-end tests run the real clients against the simulator.
import { createPrismaClient, incidentEvidence, type PrismaClient } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceIncidentsInTime } from "../src/pipeline/incidents.ts";
import { ingestLines } from "../src/pipeline/ingest.ts";
import { pullAccountLogs } from "../src/pipeline/logs.ts";
import { applyStatusSnapshot } from "../src/pipeline/status.ts";
import type {
  FetchedConnection,
  LogCursor,
  LogPage,
  LogStreamRef,
  ProviderClient,
  StatusSnapshot,
} from "../src/providers/types.ts";
import { awsConnection as awsTestConnection } from "./aws-connection.ts";

const T0 = Date.UTC(2026, 10, 23, 0, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

function awsConnection(status1: "UP" | "DOWN", status2: "UP" | "DOWN"): FetchedConnection {
  return awsTestConnection([status1, status2], {
    externalId: "vpn-0aaaaaaaaaaaaaaa1",
    name: "dc1",
    region: "us-east-1",
    logStreams: [
      {
        key: "aws:us-east-1:g:vpn-0aaaaaaaaaaaaaaa1_203.0.113.1",
        kind: "tunnel",
        region: "us-east-1",
        connectionExternalId: "vpn-0aaaaaaaaaaaaaaa1",
        tunnelIndex: 1,
        locator: {},
      },
    ],
  });
}

/** An AWS tunnel activity record at `when`, both phases in `state`. */
const awsRecord = (when: Date, details: string, state: string) =>
  JSON.stringify({
    event_timestamp: Math.floor(when.getTime() / 1000),
    details,
    dpd_enabled: true,
    nat_t_detected: false,
    ike_phase1_state: state,
    ike_phase2_state: state,
  });

const snapshot = (seconds: number, connection: FetchedConnection): StatusSnapshot => ({
  fetchedAt: at(seconds),
  connections: [connection],
  maintenance: [],
  unavailable: {},
});

describe("pipeline over PostgreSQL", () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let account: {
    id: string;
    tenantId: string;
    provider: "AWS";
    tenant: { incidentOpenDelaySec: number; incidentResolveDelaySec: number };
  };

  beforeAll(async () => {
    db = await createMigratedTestDatabase("pipeline");
    prisma = createPrismaClient(db.url);
    const tenant = await prisma.tenant.create({
      data: { name: "T", slug: "t", incidentOpenDelaySec: 60, incidentResolveDelaySec: 0 },
    });
    const created = await prisma.cloudAccount.create({
      data: {
        tenantId: tenant.id,
        provider: "AWS",
        name: "prod",
        regions: ["us-east-1"],
        credentialsCipher: "x",
        credentialsKeyId: "k1",
      },
    });
    account = {
      id: created.id,
      tenantId: tenant.id,
      provider: "AWS",
      tenant: { incidentOpenDelaySec: 60, incidentResolveDelaySec: 0 },
    };
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("records each status change once, snapshots posture on change, and opens and resolves incidents from status", async () => {
    await applyStatusSnapshot(prisma, account, snapshot(0, awsConnection("UP", "UP")));
    const connection = await prisma.vpnConnection.findFirstOrThrow({
      select: { id: true, grade: true, tunnelsUp: true },
    });
    expect(connection).toMatchObject({ grade: "A", tunnelsUp: 2 });

    // Tunnel 2 goes down and stays down across three polls; the same poll applied twice changes nothing twice.
    const degraded = snapshot(30, awsConnection("UP", "DOWN"));
    await applyStatusSnapshot(prisma, account, degraded);
    await applyStatusSnapshot(prisma, account, degraded);
    await applyStatusSnapshot(prisma, account, snapshot(60, awsConnection("UP", "DOWN")));
    await applyStatusSnapshot(prisma, account, snapshot(90, awsConnection("UP", "DOWN")));

    const tunnel2 = await prisma.tunnel.findFirstOrThrow({ where: { index: 2 }, select: { id: true } });
    const transitions = await prisma.tunnelStatusTransition.findMany({
      where: { tunnelId: tunnel2.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(transitions.map((t) => [t.fromStatus, t.toStatus])).toEqual([
      [null, "UP"],
      ["UP", "DOWN"],
    ]);
    expect(await prisma.postureSnapshot.count()).toBe(2);
    expect((await prisma.vpnConnection.findFirstOrThrow()).grade).toBe("D");

    const incidents = await prisma.incident.findMany({ orderBy: { createdAt: "asc" } });
    const down = incidents.find((i) => i.code === "TUNNEL_DOWN_OTHER");
    expect(down).toMatchObject({ status: "OPEN", tunnelId: tunnel2.id, title: "Tunnel down on tunnel 2" });
    const redundancy = incidents.find((i) => i.code === "TUNNEL_REDUNDANCY_LOST");
    expect(redundancy).toMatchObject({ status: "OPEN", kind: "FINDING" });

    // Recovery: the tunnel is back, the posture check passes, both incidents resolve.
    await applyStatusSnapshot(prisma, account, snapshot(120, awsConnection("UP", "UP")));
    const after = await prisma.incident.findMany();
    expect(after.every((i) => i.status === "RESOLVED" && i.activeKey === null)).toBe(true);
    expect(await prisma.tunnelStatusTransition.count({ where: { tunnelId: tunnel2.id } })).toBe(3);
    const hourly = await prisma.tunnelUptimeHourly.findFirstOrThrow({ where: { tunnelId: tunnel2.id } });
    expect(hourly).toMatchObject({ upSamples: 2, downSamples: 4 });
    const samples = await prisma.tunnelStatusSample.findMany({ where: { tunnelId: tunnel2.id } });
    expect(samples.map((sample) => sample.status).sort()).toEqual(["DOWN", "DOWN", "DOWN", "DOWN", "UP", "UP"]);
  });

  it("stores each log event once, moves the cursor with it, and names an incident's cause", async () => {
    const events = [
      {
        id: "e1",
        timestamp: T0 + 200_000,
        message: JSON.stringify({
          event_timestamp: (T0 + 200_000) / 1000,
          details: "AWS tunnel DPD timed out after 3 retransmits",
        }),
      },
      {
        id: "e2",
        timestamp: T0 + 201_000,
        message: JSON.stringify({
          event_timestamp: (T0 + 201_000) / 1000,
          details: "Peer is not responsive - Declaring peer dead",
        }),
      },
      {
        id: "e3",
        timestamp: T0 + 202_000,
        message: JSON.stringify({
          event_timestamp: (T0 + 202_000) / 1000,
          details: "AWS tunnel DPD timed out after 3 retransmits",
        }),
      },
    ];
    const pulls: Array<LogCursor | null> = [];
    const client: ProviderClient = {
      provider: "aws",
      fetchStatus: async () => snapshot(0, awsConnection("UP", "UP")),
      pullLogs: async (_stream: LogStreamRef, cursor: LogCursor | null): Promise<LogPage> => {
        pulls.push(cursor);
        // The provider re-sends the boundary event on the next pull; fingerprints absorb it.
        const from = cursor ? Number(cursor.next) : 0;
        const page = events.slice(Math.max(from - 1, 0), from + 2);
        return { events: page, cursor: { next: from + 2 }, hasMore: from + 2 < events.length };
      },
    };
    const options = { now: at(300), maxEventsPerPage: 100, maxPagesPerStream: 10, deadline: Date.now() + 60_000 };
    const first = await pullAccountLogs(prisma, account, client, options);
    expect(first).toMatchObject({ streams: 1, pages: 2, events: 4, inserted: 3 });
    expect(pulls).toEqual([null, { next: 2 }]);
    const again = await pullAccountLogs(prisma, account, client, options);
    expect(again.inserted).toBe(0);
    expect(await prisma.tunnelLogEvent.count({ where: { source: "PROVIDER" } })).toBe(3);
    expect(await prisma.ingestionCursor.findFirstOrThrow()).toMatchObject({ position: { next: 6 } });

    const dpd = await prisma.incident.findFirstOrThrow({ where: { code: "DPD_TIMEOUT" } });
    expect(dpd).toMatchObject({ status: "OPEN", eventCount: 3 });
    const evidence = await incidentEvidence(prisma, dpd);
    expect(evidence.map((e) => e.code)).toEqual(["DPD_TIMEOUT", "DPD_TIMEOUT", "DPD_TIMEOUT"]);
  });

  it("spends no transaction on a quiet stream: no events and the same position", async () => {
    const stored = await prisma.ingestionCursor.findFirstOrThrow();
    const quiet: ProviderClient = {
      provider: "aws",
      fetchStatus: async () => snapshot(0, awsConnection("UP", "UP")),
      pullLogs: async (_stream: LogStreamRef, cursor: LogCursor | null): Promise<LogPage> => ({
        events: [],
        cursor: cursor ?? {},
        hasMore: false,
      }),
    };
    const options = { now: at(400), maxEventsPerPage: 100, maxPagesPerStream: 10, deadline: Date.now() + 60_000 };
    expect(await pullAccountLogs(prisma, account, quiet, options)).toMatchObject({ pages: 1, events: 0 });
    // Not even rewritten with the same value: updatedAt would have moved.
    expect(await prisma.ingestionCursor.findFirstOrThrow()).toEqual(stored);

    const moved: ProviderClient = {
      ...quiet,
      pullLogs: async () => ({ events: [], cursor: { next: 6, scanned: 1 }, hasMore: false }),
    };
    await pullAccountLogs(prisma, account, moved, options);
    expect((await prisma.ingestionCursor.findFirstOrThrow()).position).toEqual({ next: 6, scanned: 1 });
  });

  it("ingests pushed customer-gateway lines once per batch and folds them", async () => {
    const connection = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    const payload = {
      tenantId: account.tenantId,
      connectionId: connection.id,
      tunnelIndex: 1,
      stream: "dc1-srx",
      batchId: "batch-1",
      vendor: null,
      receivedAt: at(400).toISOString(),
      lines: [
        "Aug  3 10:18:44  srx1 kmd[14162]: IKE negotiation failed with error: No proposal chosen. IKE Version: 2, VPN: to-aws Gateway: gw-a",
        "garbage line",
      ],
    };
    expect(await ingestLines(prisma, payload)).toEqual({ stored: 2, duplicates: 0 });
    expect(await ingestLines(prisma, payload)).toEqual({ stored: 0, duplicates: 2 });
    const stored = await prisma.tunnelLogEvent.findMany({
      where: { source: "CUSTOMER_GATEWAY" },
      orderBy: { code: "asc" },
    });
    expect(stored.map((e) => [e.code, e.vendor, e.stream])).toEqual([
      ["IKE_PROPOSAL_MISMATCH", "juniper", "cgw:dc1-srx"],
      ["UNKNOWN", "unknown", "cgw:dc1-srx"],
    ]);
    await expect(ingestLines(prisma, { ...payload, connectionId: "missing" })).rejects.toThrow(/not found/);
  });

  it("opens and resolves an outage whose fault and recovery arrive in one batch (logs read late)", async () => {
    const connection = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    // Ten minutes down, well past the tenant's 60 s opening delay, read in one page.
    await ingestLines(prisma, {
      tenantId: account.tenantId,
      connectionId: connection.id,
      tunnelIndex: 2,
      stream: "late-backlog",
      batchId: "late-1",
      vendor: null,
      receivedAt: at(2000).toISOString(),
      lines: [
        awsRecord(at(1000), "AWS tunnel DPD timed out after 3 retransmits", "Down"),
        awsRecord(at(1600), "", "Established"),
      ],
    });
    const incident = await prisma.incident.findFirstOrThrow({
      where: { connectionId: connection.id, code: "DPD_TIMEOUT", tunnel: { index: 2 } },
      include: { activities: { orderBy: { createdAt: "asc" } } },
    });
    expect(incident).toMatchObject({ status: "RESOLVED", openedAt: at(1060), resolvedAt: at(1600) });
    expect(incident.activities.map((a) => a.kind)).toEqual(["OPENED", "RESOLVED"]);
  });

  const charon = (message: string) => `Nov 23 00:50:00 gw charon[812]: 10[IKE] ${message}`;
  /** Pushes customer-gateway lines to one tunnel (or to the connection) at `seconds`. */
  const pushTo =
    (connectionId: string, tunnelIndex: number | null, stream: string) =>
    (batchId: string, seconds: number, lines: string[]) =>
      ingestLines(prisma, {
        tenantId: account.tenantId,
        connectionId,
        tunnelIndex,
        stream,
        batchId,
        vendor: null,
        receivedAt: at(seconds).toISOString(),
        lines,
      });

  it("takes the delete of the SA a rekey replaced for routine, a delete on its own for a down, and names its cause", async () => {
    const connection = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    const push = pushTo(connection.id, 2, "dc1-strongswan");
    const downIncidents = () =>
      prisma.incident.findMany({
        where: { connectionId: connection.id, code: "TUNNEL_DOWN_OTHER", firstEventAt: { gte: at(3000) } },
      });
    // charon replaces make-before-break: the new IKE_SA, then the old one deleted.
    await push("rekey-1", 3000, [
      charon("IKE_SA dc1[2] established between 192.0.2.1[192.0.2.1]...198.51.100.7[198.51.100.7]"),
      charon("deleting IKE_SA dc1[1] between 192.0.2.1[192.0.2.1]...198.51.100.7[198.51.100.7]"),
    ]);
    // A late delete of another old IKE_SA arrives in the next push: the renewal is read back from the store.
    await push("rekey-2", 3030, [
      charon("deleting IKE_SA dc1[0] between 192.0.2.1[192.0.2.1]...198.51.100.7[198.51.100.7]"),
    ]);
    expect(await downIncidents()).toEqual([]);
    // Minutes later, a delete with no renewal before it is a down.
    await push("drop-1", 3300, [
      charon("deleting IKE_SA dc1[2] between 192.0.2.1[192.0.2.1]...198.51.100.7[198.51.100.7]"),
    ]);
    expect((await downIncidents()).map((i) => [i.status, i.firstEventAt])).toEqual([["PENDING", at(3300)]]);
    // Its cause arrives later from another source, stamped ten seconds earlier: the incident is
    // named after it and spans both events.
    const [down] = await downIncidents();
    await push("dpd-1", 3290, [charon("DPD check timed out, enforcing DPD action")]);
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: down?.id } })).toMatchObject({
      code: "DPD_TIMEOUT",
      firstEventAt: at(3290),
      lastEventAt: at(3300),
      eventCount: 2,
    });
  });

  it("reads a rekey logged as routine in an earlier push back from the store, so the delete after it is no down", async () => {
    const connection = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    // A line that names no tunnel folds at the connection, where no incident is active.
    const push = pushTo(connection.id, null, "dc1-rekeys");
    // The rekey is INFO (it names no new SA coming up), stored with its rule; the old IKE_SA's
    // delete comes in the next push.
    await push("rekey-info-1", 5000, [charon("rekeying IKE_SA dc1[7]")]);
    await push("rekey-info-2", 5020, [
      charon("deleting IKE_SA dc1[7] between 192.0.2.1[192.0.2.1]...198.51.100.7[198.51.100.7]"),
    ]);
    const stored = await prisma.tunnelLogEvent.findMany({
      where: { stream: "cgw:dc1-rekeys" },
      orderBy: { occurredAt: "asc" },
      select: { code: true, rule: true },
    });
    expect(stored).toEqual([
      { code: "INFO", rule: "benign.rekey-ok" },
      { code: "TUNNEL_DOWN_OTHER", rule: "down.delete" },
    ]);
    const downs = await prisma.incident.findMany({
      where: { connectionId: connection.id, tunnelId: null, lastEventAt: { gte: at(5000) } },
    });
    expect(downs).toEqual([]);
  });

  it("takes Libreswan's late delete of an ISAKMP SA its rekey replaced for routine, and any other delete for a down", async () => {
    const connection = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    const push = pushTo(connection.id, null, "dc1-pluto");
    const pluto = (message: string) => `Nov 23 00:50:00 gw pluto[812]: "dc1/1x1" ${message}`;
    await push("pluto-1", 6000, [
      pluto("#7: initiating Main Mode to replace #3"),
      pluto(
        "#7: STATE_MAIN_I4: ISAKMP SA established {auth=PRESHARED_KEY cipher=aes_256 integ=sha2_256 group=MODP2048}",
      ),
    ]);
    // Pluto keeps the replaced SA until it expires: its delete comes minutes later, past the opening delay.
    await push("pluto-2", 6540, [pluto("#3: deleting state (STATE_MAIN_I4) aged 28800.2s and sending notification")]);
    const since = { connectionId: connection.id, tunnelId: null, lastEventAt: { gte: at(6000) } };
    expect(await prisma.incident.findMany({ where: since })).toEqual([]);
    // The SA in use going away is a down.
    await push("pluto-3", 7200, [pluto("#7: deleting state (STATE_MAIN_I4) aged 1200.0s and sending notification")]);
    const downs = await prisma.incident.findMany({ where: since, select: { code: true } });
    expect(downs).toEqual([{ code: "TUNNEL_DOWN_OTHER" }]);
  });

  it("stores a pushed line at its own time when its timestamp names one instant, else at its arrival", async () => {
    const connection = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    const lines = [
      "2026-11-22T23:10:05.250-01:00 gw charon[812]: 05[IKE] sending DPD request",
      "2026-11-23 00:11:00 gw charon[812]: 05[IKE] sending DPD request",
      // journald's JSON export: the record's own time (microseconds) files the line.
      '{"__REALTIME_TIMESTAMP":"1795392720500000","_HOSTNAME":"gw","SYSLOG_IDENTIFIER":"charon","MESSAGE":"05[IKE] sending DPD request"}',
    ];
    await ingestLines(prisma, {
      tenantId: account.tenantId,
      connectionId: connection.id,
      tunnelIndex: 1,
      stream: "dc1-times",
      batchId: "times-1",
      vendor: null,
      receivedAt: at(4000).toISOString(),
      lines,
    });
    const stored = await prisma.tunnelLogEvent.findMany({
      where: { stream: "cgw:dc1-times" },
      orderBy: { raw: "asc" },
    });
    expect(stored.map((e) => [e.raw, e.occurredAt])).toEqual([
      [lines[0], new Date(Date.UTC(2026, 10, 23, 0, 10, 5, 250))],
      [lines[1], at(4000)],
      [lines[2], new Date(1795392720500)],
    ]);
  });

  it("grades with what the tenant says of its customer gateway, and never overwrites it", async () => {
    const row = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    await prisma.vpnConnection.update({ where: { id: row.id }, data: { customerGateway: { dpdEnabled: false } } });
    await applyStatusSnapshot(prisma, account, snapshot(2000, awsConnection("UP", "UP")));
    const graded = await prisma.vpnConnection.findFirstOrThrow({
      select: { grade: true, findingCodes: true, customerGateway: true, normalized: true },
    });
    expect(graded).toMatchObject({ grade: "B", customerGateway: { dpdEnabled: false } });
    expect(graded.findingCodes).toContain("DPD_DISABLED");
    // The stored normalised connection stays as fetched: the tenant's facts are not written into it.
    expect((graded.normalized as { customerGateway?: unknown }).customerGateway).toEqual({ initiates: true });
  });

  it("opens a backlog's fault and resolves its recovery as of when the delays ran out, however late the schedule runs", async () => {
    const connection = await prisma.vpnConnection.findFirstOrThrow({ select: { id: true } });
    const push = (batchId: string, lines: string[]) =>
      ingestLines(prisma, {
        tenantId: account.tenantId,
        connectionId: connection.id,
        tunnelIndex: 1,
        stream: "scheduled-backlog",
        batchId,
        vendor: null,
        receivedAt: at(9000).toISOString(),
        lines,
      });
    const find = () =>
      prisma.incident.findFirstOrThrow({
        where: { connectionId: connection.id, code: "IKE_AUTH_FAILURE", tunnel: { index: 1 } },
      });
    // One fault line read long after it was logged: pending until the schedule finds it persisted.
    await push("sched-1", [awsRecord(at(5000), "AWS tunnel received AUTHENTICATION_FAILED notify", "Down")]);
    expect((await find()).status).toBe("PENDING");
    await prisma.tenant.update({ where: { id: account.tenantId }, data: { incidentResolveDelaySec: 120 } });
    try {
      expect(await advanceIncidentsInTime(prisma, at(9000))).toBeGreaterThanOrEqual(1);
      expect(await find()).toMatchObject({ status: "OPEN", openedAt: at(5060) });
      // Its recovery, read as late, holds for the 120 s resolving delay from the recovery's own time.
      await push("sched-2", [awsRecord(at(5300), "", "Established")]);
      expect((await find()).recoveringSince).toEqual(at(5300));
      expect(await advanceIncidentsInTime(prisma, at(9060))).toBeGreaterThanOrEqual(1);
      expect(await find()).toMatchObject({ status: "RESOLVED", openedAt: at(5060), resolvedAt: at(5420) });
    } finally {
      await prisma.tenant.update({ where: { id: account.tenantId }, data: { incidentResolveDelaySec: 0 } });
    }
  });
});
