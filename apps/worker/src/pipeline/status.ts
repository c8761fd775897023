// Status poll of one cloud account: connections and tunnels upserted, every status change
// recorded once, samples and hourly rollups for charts, posture evaluated and snapshotted when it
// changes, incidents folded from status (a DOWN tunnel, a recovered one, lost redundancy).
import { createHash } from "node:crypto";
import {
  assessCustomerGateway,
  evaluatePosture,
  findingCodesOf,
  GRADES,
  type Posture,
  withCustomerGateway,
} from "@tunnelwatch/core";
import {
  type CustomerGatewayCount,
  customerGatewayCounts,
  type Grade,
  type Prisma,
  recordAlertEvent,
  recordIncidentAlert,
  type TunnelStatus,
} from "@tunnelwatch/db";
import { latestGatewayEvent, STILL_DOWN_FACTS } from "../alerts/gateway-cover.ts";
import type { FetchedConnection, LogStreamRef, MaintenanceNotice, StatusSnapshot } from "../providers/types.ts";
import { configChangesSince, recordConfigChanges } from "./config-changes.ts";
import { foldBatch } from "./fold-batch.ts";
import { type IncidentScope, incidentTitle, lockScope, policyOf, resolveIncident } from "./incidents.ts";

type Tx = Prisma.TransactionClient;

export interface StatusAccount {
  id: string;
  tenantId: string;
  tenant: { incidentOpenDelaySec: number; incidentResolveDelaySec: number };
}

export interface StatusResult {
  connections: number;
  transitions: number;
  postureChanges: number;
  removed: number;
}

function postureHash(posture: Posture): string {
  const findings = posture.findings.map((f) => `${f.code}:${f.tunnelIndex ?? ""}`).sort();
  return createHash("sha256")
    .update(JSON.stringify([posture.grade, posture.expectedDowntimeSeconds, findings]))
    .digest("hex");
}

// Retired streams are read this long after their tunnel moved to a new endpoint.
export const RETIRED_STREAM_KEEP_MS = 6 * 60 * 60 * 1000;

type RetirableStream = LogStreamRef & { retiredAt?: string };

export function withRetiredStreams(
  current: LogStreamRef[],
  previous: RetirableStream[] | undefined,
  now: Date,
): RetirableStream[] {
  const keys = new Set(current.map((s) => s.key));
  const retired = (previous ?? [])
    .filter((s) => !keys.has(s.key))
    .map((s) => ({ ...s, retiredAt: s.retiredAt ?? now.toISOString() }))
    .filter((s) => now.getTime() - Date.parse(s.retiredAt) < RETIRED_STREAM_KEEP_MS);
  return [...current, ...retired];
}

// GRADES runs best to worst: a drop is a move to the right.
const GRADE_DROP_SEVERITY: Record<Grade, "INFO" | "MINOR" | "MAJOR" | "CRITICAL"> = {
  A: "INFO",
  B: "INFO",
  C: "MINOR",
  D: "MAJOR",
  F: "CRITICAL",
};

const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);

function criticalityOf(tags: Record<string, string> | undefined) {
  const value = tags?.criticality?.toUpperCase();
  return value === "LOW" || value === "HIGH" || value === "CRITICAL" ? value : undefined;
}

/** Applies a fetched snapshot; one transaction per connection keeps locks short. */
export async function applyStatusSnapshot(
  prisma: { $transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> } & Tx,
  account: StatusAccount,
  snapshot: StatusSnapshot,
): Promise<StatusResult> {
  const result: StatusResult = { connections: 0, transitions: 0, postureChanges: 0, removed: 0 };
  const policy = policyOf(account.tenant);
  const gateways = [
    ...new Set(snapshot.connections.flatMap((c) => (c.customerGatewayIp ? [c.customerGatewayIp] : []))),
  ];
  const gatewaysBefore = await gatewaysBeforePoll(prisma, account.tenantId, gateways);
  const seen: string[] = [];
  for (const connection of snapshot.connections) {
    const changes = await prisma.$transaction((tx) =>
      applyConnection(tx, account, connection, snapshot.fetchedAt, policy),
    );
    seen.push(changes.connectionId);
    result.connections++;
    result.transitions += changes.transitions;
    result.postureChanges += changes.postureChanged ? 1 : 0;
  }
  const gone = await prisma.vpnConnection.updateMany({
    where: { tenantId: account.tenantId, cloudAccountId: account.id, deletedAt: null, id: { notIn: seen } },
    data: { deletedAt: snapshot.fetchedAt },
  });
  result.removed = gone.count;
  // Only a tunnel changing status can take a gateway's connections down or bring them back.
  if (result.transitions > 0) await alertCustomerGateways(prisma, account.tenantId, gatewaysBefore);
  await upsertMaintenance(prisma, account, snapshot.maintenance);
  return result;
}

interface GatewaysBefore {
  /** The database's clock when they were counted. */
  countedAt: Date;
  counts: Map<string, CustomerGatewayCount>;
}

async function gatewayCounts(tx: Tx, tenantId: string, addresses: string[]) {
  const counts = await customerGatewayCounts(tx, tenantId, { minDown: 0, limit: addresses.length, only: addresses });
  return new Map(counts.map((c) => [c.customerGatewayIp, c]));
}

async function gatewaysBeforePoll(tx: Tx, tenantId: string, addresses: string[]): Promise<GatewaysBefore | null> {
  if (addresses.length === 0) return null;
  const [clock] = await tx.$queryRaw<Array<{ now: Date }>>`SELECT clock_timestamp() AS now`;
  return { countedAt: clock?.now ?? new Date(), counts: await gatewayCounts(tx, tenantId, addresses) };
}

/**
 * A customer gateway whose connections this poll took down far enough to point at the gateway
 * (core's assessCustomerGateway) alerts once, with no connection: the on-call hears "the gateway"
 * first, not only each of its tunnels. A gateway first seen in this poll has lost nothing yet.
 * One whose connections this poll brought back far enough that it no longer looks down says so
 * once, if it alerted: its alert stood for its connections' (alerts/gateway-cover.ts), and this
 * one tells the on-call that it no longer does. The accounts whose connections end on one gateway are polled
 * at the same time: under a lock per organisation, a poll that finds the gateway's event raised
 * since it counted, or its recovery already told, leaves it at one.
 */
async function alertCustomerGateways(
  prisma: { $transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> },
  tenantId: string,
  before: GatewaysBefore | null,
) {
  if (!before) return;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`tunnelwatch:gateway-alerts:${tenantId}`}))`;
    const after = await gatewayCounts(tx, tenantId, [...before.counts.keys()]);
    for (const [address, count] of after) {
      const previous = before.counts.get(address);
      if (!previous || previous.connections === 0) continue;
      const wasDown = assessCustomerGateway(previous)?.likelyCause === "customer-gateway";
      const assessment = assessCustomerGateway(count);
      const isDown = assessment?.likelyCause === "customer-gateway";
      // Only tunnels changing status move it: not connections removed or an address first read.
      if (isDown && !wasDown && count.down > previous.down) {
        await raiseGatewayDown(tx, tenantId, before.countedAt, count, assessment.summary);
      } else if (wasDown && !isDown && count.down < previous.down) {
        await raiseGatewayRecovered(tx, tenantId, count);
      }
    }
  });
}

/** The database's clock, which the look-ups of earlier events compare with. */
async function databaseNow(tx: Tx): Promise<Date | undefined> {
  const [clock] = await tx.$queryRaw<Array<{ now: Date }>>`SELECT clock_timestamp() AS now`;
  return clock?.now;
}

async function raiseGatewayDown(
  tx: Tx,
  tenantId: string,
  countedAt: Date,
  count: CustomerGatewayCount,
  summary: string,
) {
  const address = count.customerGatewayIp;
  const raised = await tx.alertOutbox.findFirst({
    where: {
      tenantId,
      trigger: "CUSTOMER_GATEWAY_DOWN",
      payload: { path: ["customerGatewayIp"], equals: address },
      createdAt: { gte: countedAt },
    },
    select: { id: true },
  });
  if (raised) return;
  const raisedAt = await databaseNow(tx);
  await recordAlertEvent(tx, {
    tenantId,
    trigger: "CUSTOMER_GATEWAY_DOWN",
    severity: "CRITICAL",
    ...(raisedAt ? { createdAt: raisedAt } : {}),
    facts: {
      customerGatewayIp: address,
      down: count.down,
      connections: count.connections,
      providers: count.providers.join(", "),
      regions: count.regions.join(", "),
      assessment: summary,
      tunnelAlerts:
        "While the gateway is down, channels that get this alert get no tunnel down, redundancy, incident or grade alerts for its connections: the delivery log lists them as suppressed. On channels that get the gateway's recovered alert, it stands for the resolutions of those incidents on the connections back by then.",
    },
  });
}

async function raiseGatewayRecovered(tx: Tx, tenantId: string, count: CustomerGatewayCount) {
  const address = count.customerGatewayIp;
  const last = await latestGatewayEvent(tx, tenantId, address);
  // Nothing to take back when the gateway's outage raised no alert, or its end was told.
  if (last?.trigger !== "CUSTOMER_GATEWAY_DOWN") return;
  // The tunnels not up yet, and their connections, tell their incidents' resolutions themselves.
  const notUp = await tx.tunnel.findMany({
    where: {
      tenantId,
      status: { not: "UP" },
      connection: { customerGatewayIp: address, deletedAt: null },
    },
    select: { id: true, connectionId: true },
  });
  const raisedAt = (await databaseNow(tx)) ?? new Date();
  await recordAlertEvent(tx, {
    tenantId,
    trigger: "CUSTOMER_GATEWAY_RECOVERED",
    severity: "CRITICAL",
    createdAt: raisedAt,
    facts: {
      customerGatewayIp: address,
      down: count.down,
      connections: count.connections,
      downSince: last.createdAt.toISOString(),
      downForSec: Math.max(0, Math.round((raisedAt.getTime() - last.createdAt.getTime()) / 1000)),
      [STILL_DOWN_FACTS.tunnels]: notUp.map((t) => t.id).join(","),
      [STILL_DOWN_FACTS.connections]: [...new Set(notUp.map((t) => t.connectionId))].join(","),
      tunnelAlerts:
        count.down > 0
          ? "On channels that got the gateway's down alert, this alert stands for the resolutions of the incidents it stood for on the tunnels now up. The tunnels still down tell their incidents' resolutions as each recovers, and new alerts about their connections are sent."
          : "Every connection that ends on the gateway has a tunnel up. On channels that got the gateway's down alert, this alert stands for the resolutions of the incidents it stood for.",
    },
  });
}

async function applyConnection(
  tx: Tx,
  account: StatusAccount,
  fetched: FetchedConnection,
  now: Date,
  policy: ReturnType<typeof policyOf>,
) {
  // A replaced tunnel endpoint gets a new log stream (named after its new outside IP); the old
  // one keeps the events from before the replacement. Keep reading retired streams for a while
  // so those events are not lost.
  let connection = fetched;
  const previous = await tx.vpnConnection.findUnique({
    where: {
      cloudAccountId_region_externalId: {
        cloudAccountId: account.id,
        region: connection.region,
        externalId: connection.externalId,
      },
    },
    select: { normalized: true, customerGateway: true, customerGatewayId: true, customerGatewayIp: true, grade: true },
  });
  const logStreams = withRetiredStreams(
    connection.logStreams,
    (previous?.normalized as { logStreams?: RetirableStream[] } | null)?.logStreams,
    now,
  );
  connection = { ...connection, logStreams };
  // The provider's view is stored as fetched; the tenant's facts about its gateway join it for grading.
  const posture = evaluatePosture(withCustomerGateway(connection, previous?.customerGateway));
  const hash = postureHash(posture);
  const tunnelsUp = connection.tunnels.filter((t) => t.status === "UP").length;
  const criticality = criticalityOf(connection.tags);
  const fields = {
    provider: connection.provider.toUpperCase() as "AWS" | "ALIBABA" | "MULESOFT",
    name: connection.name || connection.externalId,
    state: connection.state ?? "available",
    routing: connection.routing === "bgp" ? ("BGP" as const) : ("STATIC" as const),
    gatewayId: connection.gatewayId ?? null,
    customerGatewayId: connection.customerGatewayId ?? null,
    // A customer gateway look-up that failed this poll keeps the address the same gateway had.
    customerGatewayIp:
      connection.customerGatewayIp ??
      (previous && previous.customerGatewayId === (connection.customerGatewayId ?? null)
        ? previous.customerGatewayIp
        : null),
    localAsn: connection.localAsn === undefined || connection.localAsn === null ? null : BigInt(connection.localAsn),
    remoteAsn:
      connection.remoteAsn === undefined || connection.remoteAsn === null ? null : BigInt(connection.remoteAsn),
    tags: connection.tags ?? {},
    normalized: connection as unknown as Prisma.InputJsonValue,
    grade: posture.grade as Grade,
    expectedDowntimeSec: posture.expectedDowntimeSeconds,
    findingCodes: findingCodesOf(posture),
    tunnelsUp,
    tunnelsTotal: connection.tunnels.length,
    lastSeenAt: now,
    deletedAt: null,
  };
  const row = await tx.vpnConnection.upsert({
    where: {
      cloudAccountId_region_externalId: {
        cloudAccountId: account.id,
        region: connection.region,
        externalId: connection.externalId,
      },
    },
    create: {
      tenantId: account.tenantId,
      cloudAccountId: account.id,
      region: connection.region,
      externalId: connection.externalId,
      ...(criticality ? { criticality } : {}),
      ...fields,
    },
    update: fields,
    select: { id: true },
  });

  await recordConfigChanges(tx, {
    tenantId: account.tenantId,
    connectionId: row.id,
    changes: configChangesSince(previous?.normalized, connection),
    gradeBefore: previous?.grade ?? null,
    gradeAfter: posture.grade as Grade,
    detectedAt: now,
  });

  let transitions = 0;
  const samples: TunnelSample[] = [];
  // One read for the connection's tunnels, rather than one per tunnel.
  const previousTunnels = await tx.tunnel.findMany({
    where: { connectionId: row.id },
    select: { index: true, status: true },
  });
  for (const tunnel of connection.tunnels) {
    const status = tunnel.status as TunnelStatus;
    const o = tunnel.options;
    const tunnelFields = {
      outsideIp: tunnel.outsideIp ?? null,
      insideCidr: tunnel.insideCidr ?? null,
      status,
      statusMessage: tunnel.statusMessage ?? null,
      lastStatusChange: tunnel.lastStatusChange ? new Date(tunnel.lastStatusChange) : null,
      acceptedRouteCount: tunnel.acceptedRouteCount ?? null,
      ikeVersions: o.ikeVersions ?? [],
      phase1LifetimeSec: o.phase1LifetimeSec ?? null,
      phase2LifetimeSec: o.phase2LifetimeSec ?? null,
      rekeyMarginSec: o.rekeyMarginSec ?? null,
      rekeyFuzzPct: o.rekeyFuzzPct ?? null,
      replayWindow: o.replayWindow ?? null,
      dpdEnabled: o.dpdEnabled ?? null,
      dpdTimeoutSec: o.dpdTimeoutSec ?? null,
      dpdTimeoutAction: o.dpdTimeoutAction ?? null,
      pfsEnabled: o.pfsEnabled ?? (o.phase2DhGroups ? o.phase2DhGroups.length > 0 : null),
      phase1Encryption: o.phase1Encryption ?? [],
      phase1Integrity: o.phase1Integrity ?? [],
      phase1DhGroups: o.phase1DhGroups ?? [],
      phase2Encryption: o.phase2Encryption ?? [],
      phase2Integrity: o.phase2Integrity ?? [],
      phase2DhGroups: o.phase2DhGroups ?? [],
      startupAction: o.startupAction ?? null,
      natTraversal: o.natTraversal ?? null,
      loggingEnabled: o.loggingEnabled ?? null,
    };
    const previous = previousTunnels.find((t) => t.index === tunnel.index);
    const saved = await tx.tunnel.upsert({
      where: { connectionId_index: { connectionId: row.id, index: tunnel.index } },
      create: { tenantId: account.tenantId, connectionId: row.id, index: tunnel.index, ...tunnelFields },
      update: tunnelFields,
      select: { id: true },
    });
    if (previous?.status !== status) {
      const isNewlyDown = previous !== undefined && previous.status !== "DOWN" && status === "DOWN";
      // The provider's own change time when it gives one; a re-run of the same poll is a no-op.
      const occurredAt = tunnelFields.lastStatusChange ?? now;
      const created = await tx.tunnelStatusTransition.createMany({
        data: [
          {
            tenantId: account.tenantId,
            tunnelId: saved.id,
            fromStatus: previous?.status ?? null,
            toStatus: status,
            statusMessage: tunnelFields.statusMessage,
            occurredAt,
            observedAt: now,
          },
        ],
        skipDuplicates: true,
      });
      transitions += created.count;
      if (isNewlyDown && created.count > 0) {
        await recordAlertEvent(tx, {
          tenantId: account.tenantId,
          trigger: "TUNNEL_DOWN",
          severity: tunnelsUp === 0 ? "CRITICAL" : "MAJOR",
          connectionId: row.id,
          tunnelId: saved.id,
          facts: {
            tunnelIndex: tunnel.index,
            outsideIp: tunnelFields.outsideIp,
            fromStatus: previous.status,
            statusMessage: tunnelFields.statusMessage,
            tunnelsUp,
            tunnelsTotal: connection.tunnels.length,
          },
        });
      }
    }
    samples.push({ tunnelId: saved.id, status, acceptedRouteCount: tunnelFields.acceptedRouteCount });

    // Status as an incident signal: a DOWN tunnel is a fault until the logs name its cause, an
    // UP tunnel is a recovery. Hysteresis in the folding rules absorbs short blips.
    if (status !== "UNKNOWN") {
      const scope: IncidentScope = {
        tenantId: account.tenantId,
        connectionId: row.id,
        tunnelId: saved.id,
        tunnelIndex: tunnel.index,
      };
      await lockScope(tx, scope);
      await foldBatch(
        tx,
        scope,
        [
          status === "UP"
            ? { code: "TUNNEL_UP", severity: "info", occurredAt: now }
            : {
                code: "TUNNEL_DOWN_OTHER",
                severity: "major",
                occurredAt: now,
                evidence: `status DOWN: ${tunnel.statusMessage ?? "no message"}`,
              },
        ],
        policy,
      );
    }
  }

  await recordSamples(tx, account.tenantId, now, samples);

  const last = await tx.postureSnapshot.findFirst({
    where: { connectionId: row.id },
    orderBy: { evaluatedAt: "desc" },
    select: { hash: true, grade: true },
  });
  const postureChanged = last?.hash !== hash;
  if (postureChanged && last && GRADES.indexOf(posture.grade as Grade) > GRADES.indexOf(last.grade)) {
    await recordAlertEvent(tx, {
      tenantId: account.tenantId,
      trigger: "GRADE_DROPPED",
      severity: GRADE_DROP_SEVERITY[posture.grade as Grade],
      connectionId: row.id,
      facts: {
        fromGrade: last.grade,
        toGrade: posture.grade,
        findings: findingCodesOf(posture).join(", "),
        expectedDowntimeSec: posture.expectedDowntimeSeconds,
      },
    });
  }
  if (postureChanged) {
    await tx.postureSnapshot.create({
      data: {
        tenantId: account.tenantId,
        connectionId: row.id,
        grade: posture.grade as Grade,
        findings: posture.findings as unknown as Prisma.InputJsonValue,
        expectedDowntimeSec: posture.expectedDowntimeSeconds,
        hash,
        evaluatedAt: now,
      },
    });
  }
  await foldRedundancy(tx, account, row.id, posture, now, { isKnown: previous !== null, tunnelsUp });
  return { connectionId: row.id, transitions, postureChanged };
}

interface TunnelSample {
  tunnelId: string;
  status: TunnelStatus;
  acceptedRouteCount: number | null;
}

/** This poll's sample of each tunnel, and its count in the tunnel's hourly uptime: two statements. */
async function recordSamples(tx: Tx, tenantId: string, now: Date, samples: TunnelSample[]) {
  if (samples.length === 0) return;
  await tx.tunnelStatusSample.createMany({
    data: samples.map((sample) => ({ tenantId, sampledAt: now, ...sample })),
  });
  const ids = samples.map((sample) => sample.tunnelId);
  const ups = samples.map((sample) => (sample.status === "UP" ? 1 : 0));
  await tx.$executeRaw`
    INSERT INTO "TunnelUptimeHourly" ("tenantId", "tunnelId", "hour", "upSamples", "downSamples")
    SELECT ${tenantId}, s."tunnelId", ${hourOf(now)}, s."up", 1 - s."up"
    FROM unnest(${ids}::text[], ${ups}::int[]) AS s("tunnelId", "up")
    ON CONFLICT ("tunnelId", "hour") DO UPDATE
    SET "upSamples" = "TunnelUptimeHourly"."upSamples" + EXCLUDED."upSamples",
        "downSamples" = "TunnelUptimeHourly"."downSamples" + EXCLUDED."downSamples"`;
}

// Lost redundancy is a connection-level incident that opens once it has lasted the tenant's
// delay and resolves when the posture check passes again.
async function foldRedundancy(
  tx: Tx,
  account: StatusAccount,
  connectionId: string,
  posture: Posture,
  now: Date,
  connection: { isKnown: boolean; tunnelsUp: number },
) {
  const code = "TUNNEL_REDUNDANCY_LOST";
  const isLost = posture.findings.some((f) => f.code === code);
  const active = await tx.incident.findUnique({ where: { activeKey: `${connectionId}:${code}` } });
  if (isLost && !active) {
    // A connection seen for the first time has lost nothing yet: its state shows on the dashboard.
    if (connection.isKnown) {
      await recordAlertEvent(tx, {
        tenantId: account.tenantId,
        trigger: "REDUNDANCY_LOST",
        severity: "MAJOR",
        connectionId,
        facts: { tunnelsUp: connection.tunnelsUp, expectedDowntimeSec: posture.expectedDowntimeSeconds },
      });
    }
    const opened = await tx.incident.create({
      data: {
        tenantId: account.tenantId,
        connectionId,
        kind: "FINDING",
        code,
        severity: "MAJOR",
        status: account.tenant.incidentOpenDelaySec <= 0 ? "OPEN" : "PENDING",
        title: incidentTitle("Tunnel redundancy lost", null),
        firstEventAt: now,
        lastEventAt: now,
        activeKey: `${connectionId}:${code}`,
      },
      select: { id: true, status: true },
    });
    if (opened.status === "OPEN") await recordIncidentAlert(tx, opened.id, "INCIDENT_OPENED", null);
  } else if (isLost && active) {
    const persisted = (now.getTime() - active.firstEventAt.getTime()) / 1000 >= account.tenant.incidentOpenDelaySec;
    await tx.incident.update({
      where: { id: active.id },
      data: {
        eventCount: { increment: 1 },
        lastEventAt: now,
        ...(active.status === "PENDING" && persisted ? { status: "OPEN", openedAt: now } : {}),
      },
    });
    if (active.status === "PENDING" && persisted) {
      await tx.incidentActivity.create({ data: { tenantId: account.tenantId, incidentId: active.id, kind: "OPENED" } });
      await recordIncidentAlert(tx, active.id, "INCIDENT_OPENED", "redundancy stayed lost");
    }
  } else if (!isLost && active) {
    if (active.status === "PENDING") await tx.incident.delete({ where: { id: active.id } });
    else await resolveIncident(tx, account, active.id, "posture check passed: every tunnel is up", now);
  }
}

async function upsertMaintenance(tx: Tx, account: StatusAccount, notices: MaintenanceNotice[]) {
  for (const notice of notices) {
    const connection = notice.connectionExternalId
      ? await tx.vpnConnection.findFirst({
          where: { tenantId: account.tenantId, cloudAccountId: account.id, externalId: notice.connectionExternalId },
          select: { id: true, grade: true, expectedDowntimeSec: true },
        })
      : null;
    const fields = {
      title: notice.title,
      description: notice.description ?? null,
      status: notice.status,
      startsAt: notice.startsAt ?? null,
      endsAt: notice.endsAt ?? null,
      autoAppliedAfter: notice.autoAppliedAfter ?? null,
      region: notice.region ?? null,
      connectionId: connection?.id ?? null,
      tunnelIndex: notice.tunnelIndex ?? null,
    };
    const key = { tenantId: account.tenantId, source: notice.source, externalId: notice.externalId };
    const isAnnounced = !(await tx.maintenanceEvent.findUnique({
      where: { tenantId_source_externalId: key },
      select: { id: true },
    }));
    const saved = await tx.maintenanceEvent.upsert({
      where: { tenantId_source_externalId: key },
      create: {
        tenantId: account.tenantId,
        provider: notice.source === "ALIBABA_OM" ? "ALIBABA" : "AWS",
        source: notice.source,
        externalId: notice.externalId,
        cloudAccountId: account.id,
        ...fields,
      },
      update: fields,
      select: { id: true },
    });
    if (isAnnounced && connection?.grade && GRADES.indexOf(connection.grade) >= GRADES.indexOf("C")) {
      await recordAlertEvent(tx, {
        tenantId: account.tenantId,
        trigger: "MAINTENANCE_ANNOUNCED",
        severity: connection.grade === "C" ? "MINOR" : "MAJOR",
        connectionId: connection.id,
        facts: {
          maintenanceId: saved.id,
          title: notice.title,
          startsAt: notice.startsAt?.toISOString() ?? null,
          autoAppliedAfter: notice.autoAppliedAfter?.toISOString() ?? null,
          tunnelIndex: notice.tunnelIndex ?? null,
          grade: connection.grade,
          expectedDowntimeSec: connection.expectedDowntimeSec,
        },
      });
    }
  }
}
