// Two organisations for the isolation suite: in each, a member of every role, API tokens with
// each scope, and one realistic object of every kind a procedure can name.
import { createHash, randomBytes } from "node:crypto";
import { getPlaybook } from "@tunnelwatch/core";
import {
  createApiToken,
  hashPassword,
  hashToken,
  insertLogEvents,
  type Keyring,
  type PrismaClient,
  type Role,
  sealJson,
} from "@tunnelwatch/db";

export const PASSWORD = "isolation-test-password";
export const ROLES_LOW_TO_HIGH: readonly Role[] = ["VIEWER", "OPERATOR", "ADMIN", "OWNER"];

/** Every object a procedure can name, by the name the sample inputs use. */
export interface TenantIds {
  tenant: string;
  account: string;
  connection: string;
  tunnel: string;
  tunnel2: string;
  incident: string;
  activity: string;
  posture: string;
  maintenance: string;
  channel: string;
  rule: string;
  outbox: string;
  delivery: string;
  invitation: string;
  readToken: string;
  writeToken: string;
  /** The API's audit ids are BigInts: given as strings. */
  audit: string;
  logEvent: string;
  ownerUser: string;
  adminUser: string;
  operatorUser: string;
  viewerUser: string;
  ownerMembership: string;
  adminMembership: string;
  operatorMembership: string;
  viewerMembership: string;
}
export type IdName = keyof TenantIds;

export interface SeededTenant {
  slug: string;
  name: string;
  marker: string;
  ids: TenantIds;
  users: Record<Role, { email: string; id: string }>;
  tokens: { read: string; write: string };
  /** The secret of the pending invitation's link. */
  invitationToken: string;
  /** A playbook step id valid for the incident's code. */
  stepId: string;
}

/** An id that exists nowhere, shaped like the real ones (cuid: "c" and 24 characters). */
export function unknownCuid(): string {
  return `c${randomBytes(16).toString("hex").slice(0, 24)}`;
}

const INCIDENT_CODE = "DPD_TIMEOUT";

function normalizedConnection(marker: string, externalId: string) {
  const tunnel = (index: number, status: "UP" | "DOWN") => ({
    index,
    outsideIp: `203.0.113.${10 + index}`,
    insideCidr: `169.254.${10 + index}.0/30`,
    status,
    statusMessage: status === "UP" ? "2 BGP ROUTES" : "IPSEC IS DOWN",
    lastStatusChange: new Date(Date.now() - 3_600_000).toISOString(),
    acceptedRouteCount: status === "UP" ? 2 : 0,
    options: {
      ikeVersions: ["ikev2"],
      phase1LifetimeSec: 28800,
      phase2LifetimeSec: 3600,
      rekeyMarginSec: 540,
      rekeyFuzzPct: 100,
      replayWindow: 1024,
      dpdEnabled: true,
      dpdTimeoutSec: 30,
      dpdTimeoutAction: "clear",
      phase1Encryption: ["AES256"],
      phase1Integrity: ["SHA2-256"],
      phase1DhGroups: [14],
      phase2Encryption: ["AES256"],
      phase2Integrity: ["SHA2-256"],
      phase2DhGroups: [14],
      pfsEnabled: true,
      startupAction: "add",
      loggingEnabled: true,
    },
  });
  return {
    provider: "aws",
    externalId,
    name: `${marker} dc1 primary`,
    region: "us-east-1",
    state: "available",
    routing: "bgp",
    gatewayId: "vgw-0123456789abcdef0",
    customerGatewayId: "cgw-0123456789abcdef0",
    customerGatewayIp: "198.51.100.7",
    localAsn: 64512,
    remoteAsn: 65000,
    tunnels: [tunnel(1, "UP"), tunnel(2, "DOWN")],
    tags: { team: marker },
    criticality: "high",
  };
}

export async function seedTenant(
  prisma: PrismaClient,
  keyring: Keyring,
  options: { marker: string; slug: string; passwordHash?: string },
): Promise<SeededTenant> {
  const { marker, slug } = options;
  const now = Date.now();
  const name = `${marker} Networks`;
  const tenant = await prisma.tenant.create({ data: { name, slug }, select: { id: true } });
  const tenantId = tenant.id;
  const passwordHash = options.passwordHash ?? (await hashPassword(PASSWORD));

  const users = {} as SeededTenant["users"];
  const memberships = {} as Record<Role, string>;
  for (const role of ROLES_LOW_TO_HIGH) {
    const email = `${role.toLowerCase()}@${slug}.example.com`;
    const user = await prisma.user.create({
      data: { email, name: `${marker} ${role.toLowerCase()}`, passwordHash },
      select: { id: true },
    });
    const membership = await prisma.membership.create({
      data: { tenantId, userId: user.id, role },
      select: { id: true },
    });
    users[role] = { email, id: user.id };
    memberships[role] = membership.id;
  }

  const credentials = sealJson(
    keyring,
    { accessKeyId: `AKIA${marker}EXAMPLE`, secretAccessKey: `${marker}-secret-access-key-do-not-leak` },
    `cloud-account:${tenantId}`,
  );
  const account = await prisma.cloudAccount.create({
    data: {
      tenantId,
      provider: "AWS",
      name: `${marker} production`,
      externalAccountId: "123456789012",
      regions: ["us-east-1"],
      credentialsCipher: credentials.cipher,
      credentialsKeyId: credentials.keyId,
      endpointOverride: "http://127.0.0.1:9",
      syncState: "FAILING",
      lastSyncAt: new Date(now - 60_000),
      lastSuccessAt: new Date(now - 3_600_000),
      lastError: `${marker}: UnauthorizedOperation`,
      failingSince: new Date(now - 600_000),
      consecutiveFailures: 3,
    },
    select: { id: true },
  });

  const externalId = `vpn-${randomBytes(8).toString("hex")}`;
  const normalized = normalizedConnection(marker, externalId);
  const connection = await prisma.vpnConnection.create({
    data: {
      tenantId,
      cloudAccountId: account.id,
      provider: "AWS",
      region: "us-east-1",
      externalId,
      name: normalized.name,
      state: "available",
      routing: "BGP",
      gatewayId: normalized.gatewayId,
      customerGatewayId: normalized.customerGatewayId,
      customerGatewayIp: normalized.customerGatewayIp,
      localAsn: 64512n,
      remoteAsn: 65000n,
      tags: normalized.tags,
      criticality: "HIGH",
      normalized,
      grade: "C",
      expectedDowntimeSec: 90,
      findingCodes: ["SINGLE_TUNNEL_UP"],
      tunnelsUp: 1,
      tunnelsTotal: 2,
      lastSeenAt: new Date(now - 30_000),
    },
    select: { id: true },
  });
  const tunnels = [];
  for (const t of normalized.tunnels) {
    tunnels.push(
      await prisma.tunnel.create({
        data: {
          tenantId,
          connectionId: connection.id,
          index: t.index,
          outsideIp: t.outsideIp,
          insideCidr: t.insideCidr,
          status: t.status,
          statusMessage: t.statusMessage,
          lastStatusChange: new Date(now - 3_600_000),
          acceptedRouteCount: t.acceptedRouteCount,
          ikeVersions: ["ikev2"],
          phase1LifetimeSec: 28800,
          phase2LifetimeSec: 3600,
          dpdEnabled: true,
          dpdTimeoutSec: 30,
          dpdTimeoutAction: "clear",
          pfsEnabled: true,
          loggingEnabled: true,
          phase1Encryption: ["AES256"],
          phase1Integrity: ["SHA2-256"],
          phase1DhGroups: [14],
          phase2Encryption: ["AES256"],
          phase2Integrity: ["SHA2-256"],
          phase2DhGroups: [14],
        },
        select: { id: true, index: true },
      }),
    );
  }
  const [tunnel1, tunnel2] = tunnels as unknown as [{ id: string }, { id: string }];
  const hour = new Date(Math.floor(now / 3_600_000) * 3_600_000);
  await prisma.tunnelStatusTransition.createMany({
    data: [
      { tenantId, tunnelId: tunnel2.id, fromStatus: "UP", toStatus: "DOWN", occurredAt: new Date(now - 3_600_000) },
      { tenantId, tunnelId: tunnel1.id, fromStatus: null, toStatus: "UP", occurredAt: new Date(now - 7_200_000) },
    ],
  });
  await prisma.tunnelStatusSample.createMany({
    data: [
      { tenantId, tunnelId: tunnel1.id, sampledAt: new Date(now - 60_000), status: "UP", acceptedRouteCount: 2 },
      { tenantId, tunnelId: tunnel2.id, sampledAt: new Date(now - 60_000), status: "DOWN", acceptedRouteCount: 0 },
    ],
  });
  await prisma.tunnelUptimeHourly.createMany({
    data: [
      { tenantId, tunnelId: tunnel1.id, hour, upSamples: 60, downSamples: 0 },
      { tenantId, tunnelId: tunnel2.id, hour, upSamples: 0, downSamples: 60 },
    ],
  });
  const posture = await prisma.postureSnapshot.create({
    data: {
      tenantId,
      connectionId: connection.id,
      grade: "C",
      findings: [
        {
          code: "SINGLE_TUNNEL_UP",
          severity: "MAJOR",
          tunnelIndex: 2,
          title: `${marker}: only one tunnel is up`,
          detail: "Tunnel 2 is down: the next endpoint replacement takes the connection down.",
          evidence: { tunnelsUp: 1 },
        },
      ],
      expectedDowntimeSec: 90,
      hash: createHash("sha256").update(marker).digest("hex"),
    },
    select: { id: true },
  });

  await prisma.configChange.createMany({
    data: [
      { parameter: "dpdTimeoutAction", before: "restart", after: `none (${marker})` },
      { parameter: "outsideIp", before: "203.0.113.1", after: `203.0.113.9 (${marker})` },
    ].map((change) => ({
      tenantId,
      connectionId: connection.id,
      tunnelIndex: 2,
      ...change,
      gradeBefore: "B" as const,
      gradeAfter: "C" as const,
      detectedAt: new Date(now - 30 * 60_000),
    })),
  });

  const eventTime = new Date(now - 20 * 60_000);
  const raw = `2024-01-01T00:00:00Z ${marker} charon: DPD timeout on tunnel 2, clearing SA`;
  await prisma.$transaction((tx) =>
    insertLogEvents(tx, [
      {
        tenantId,
        cloudAccountId: account.id,
        connectionId: connection.id,
        tunnelId: tunnel2.id,
        source: "PROVIDER",
        stream: `${externalId}-203.0.113.12`,
        occurredAt: eventTime,
        raw,
        parsed: { details: raw },
        vendor: "aws",
        code: INCIDENT_CODE,
        severity: "MAJOR",
        phase: "dpd",
        confidence: 0.95,
        evidence: "DPD timeout",
        rule: "dpd.peer-dead",
        fingerprint: createHash("sha256").update(`${tenantId}${raw}`).digest("hex"),
      },
    ]),
  );
  const logEvent = await prisma.tunnelLogEvent.findFirstOrThrow({ where: { tenantId }, select: { id: true } });

  const incident = await prisma.incident.create({
    data: {
      tenantId,
      connectionId: connection.id,
      tunnelId: tunnel2.id,
      kind: "LOG_FAULT",
      code: INCIDENT_CODE,
      severity: "MAJOR",
      status: "OPEN",
      title: `${marker}: dead peer detection timed out on tunnel 2`,
      activeKey: `${tunnel2.id}:${INCIDENT_CODE}`,
      firstEventAt: eventTime,
      lastEventAt: eventTime,
      openedAt: new Date(now - 19 * 60_000),
    },
    select: { id: true },
  });
  const activity = await prisma.incidentActivity.create({
    data: { tenantId, incidentId: incident.id, kind: "OPENED", body: `${marker}: opened after 60 s` },
    select: { id: true },
  });

  const maintenance = await prisma.maintenanceEvent.create({
    data: {
      tenantId,
      provider: "AWS",
      source: "AWS_TUNNEL_LIFECYCLE",
      externalId: `${externalId}:203.0.113.12`,
      cloudAccountId: account.id,
      connectionId: connection.id,
      tunnelIndex: 2,
      region: "us-east-1",
      title: `${marker}: tunnel endpoint replacement`,
      description: "AWS replaces the tunnel endpoint during the maintenance window.",
      status: "UPCOMING",
      startsAt: new Date(now + 2 * 86_400_000),
      autoAppliedAfter: new Date(now + 7 * 86_400_000),
    },
    select: { id: true },
  });

  const secret = sealJson(keyring, { secret: `${marker}-webhook-secret` }, `alert-channel:${tenantId}`);
  const channel = await prisma.alertChannel.create({
    data: {
      tenantId,
      kind: "WEBHOOK",
      name: `${marker} on-call webhook`,
      config: { url: `https://hooks.example.com/${marker}` },
      secretCipher: secret.cipher,
      secretKeyId: secret.keyId,
    },
    select: { id: true },
  });
  const rule = await prisma.alertRule.create({
    data: {
      tenantId,
      name: `${marker} tunnel down`,
      trigger: "TUNNEL_DOWN",
      minSeverity: "MAJOR",
      channels: { create: [{ channelId: channel.id }] },
    },
    select: { id: true },
  });
  const outbox = await prisma.alertOutbox.create({
    data: {
      tenantId,
      trigger: "TUNNEL_DOWN",
      severity: "MAJOR",
      connectionId: connection.id,
      tunnelId: tunnel2.id,
      payload: { title: `${marker}: tunnel 2 down` },
      dispatchedAt: new Date(now - 3_500_000),
    },
    select: { id: true },
  });
  // A customer gateway outage, for the fleet's outage history.
  await prisma.alertOutbox.create({
    data: {
      tenantId,
      trigger: "CUSTOMER_GATEWAY_DOWN",
      severity: "CRITICAL",
      payload: { customerGatewayIp: `${marker}-gateway`, down: 2, connections: 2 },
      dispatchedAt: new Date(now - 3_500_000),
    },
  });
  const delivery = await prisma.alertDelivery.create({
    data: {
      tenantId,
      outboxId: outbox.id,
      ruleId: rule.id,
      channelId: channel.id,
      idempotencyKey: `${outbox.id}:${channel.id}`,
      foldKey: `${rule.id}:${connection.id}`,
      status: "DELIVERED",
      attempts: 1,
      lastAttemptAt: new Date(now - 3_500_000),
      deliveredAt: new Date(now - 3_500_000),
      responseCode: 200,
      latencyMs: 42,
    },
    select: { id: true },
  });

  const invitationToken = `inv_${randomBytes(24).toString("base64url")}`;
  const invitation = await prisma.invitation.create({
    data: {
      tenantId,
      email: `invitee@${slug}.example.com`,
      role: "OPERATOR",
      tokenHash: hashToken(invitationToken),
      invitedById: users.OWNER.id,
      expiresAt: new Date(now + 7 * 86_400_000),
    },
    select: { id: true },
  });

  const read = await createApiToken(prisma, {
    tenantId,
    name: `${marker} grafana (read)`,
    scopes: ["read"],
    createdById: users.ADMIN.id,
  });
  const write = await createApiToken(prisma, {
    tenantId,
    name: `${marker} runbook bot (write)`,
    scopes: ["write"],
    createdById: users.ADMIN.id,
  });

  const auditRow = await prisma.auditLog.create({
    data: {
      tenantId,
      actorUserId: users.ADMIN.id,
      action: "cloudAccount.create",
      targetType: "CloudAccount",
      targetId: account.id,
      details: { name: `${marker} production` },
      ip: "192.0.2.1",
    },
    select: { id: true },
  });

  const stepId = getPlaybook(INCIDENT_CODE)?.steps[0]?.id;
  if (!stepId) throw new Error(`no playbook step for ${INCIDENT_CODE}`);
  return {
    slug,
    name,
    marker,
    users,
    tokens: { read: read.token, write: write.token },
    invitationToken,
    stepId,
    ids: {
      tenant: tenantId,
      account: account.id,
      connection: connection.id,
      tunnel: tunnel1.id,
      tunnel2: tunnel2.id,
      incident: incident.id,
      activity: activity.id,
      posture: posture.id,
      maintenance: maintenance.id,
      channel: channel.id,
      rule: rule.id,
      outbox: outbox.id,
      delivery: delivery.id,
      invitation: invitation.id,
      readToken: read.id,
      writeToken: write.id,
      audit: String(auditRow.id),
      logEvent: String(logEvent.id),
      ownerUser: users.OWNER.id,
      adminUser: users.ADMIN.id,
      operatorUser: users.OPERATOR.id,
      viewerUser: users.VIEWER.id,
      ownerMembership: memberships.OWNER,
      adminMembership: memberships.ADMIN,
      operatorMembership: memberships.OPERATOR,
      viewerMembership: memberships.VIEWER,
    },
  };
}

/** Ids of the same kinds that exist nowhere. Numeric ids stay numeric, and far beyond any row. */
export function unknownIds(): TenantIds {
  const ids = {} as Record<IdName, string>;
  const names: IdName[] = [
    "tenant",
    "account",
    "connection",
    "tunnel",
    "tunnel2",
    "incident",
    "activity",
    "posture",
    "maintenance",
    "channel",
    "rule",
    "outbox",
    "delivery",
    "invitation",
    "readToken",
    "writeToken",
    "audit",
    "logEvent",
    "ownerUser",
    "adminUser",
    "operatorUser",
    "viewerUser",
    "ownerMembership",
    "adminMembership",
    "operatorMembership",
    "viewerMembership",
  ];
  for (const name of names) ids[name] = unknownCuid();
  ids.audit = String(900_000_000 + Math.floor(Math.random() * 1000));
  ids.logEvent = String(900_000_000 + Math.floor(Math.random() * 1000));
  return ids;
}

/** What the suite must find unchanged in tenant A at the end: everything a mutation could touch. */
export async function snapshotTenant(prisma: PrismaClient, tenantId: string): Promise<string> {
  const where = { tenantId };
  const rows = {
    tenant: await prisma.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: {
        name: true,
        slug: true,
        incidentOpenDelaySec: true,
        incidentResolveDelaySec: true,
        retentionDays: true,
      },
    }),
    memberships: await prisma.membership.findMany({
      where,
      orderBy: { id: "asc" },
      select: { id: true, userId: true, role: true },
    }),
    invitations: await prisma.invitation.findMany({ where, orderBy: { id: "asc" } }),
    accounts: await prisma.cloudAccount.findMany({
      where,
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        regions: true,
        credentialsCipher: true,
        endpointOverride: true,
        isPaused: true,
        statusIntervalSec: true,
        logsIntervalSec: true,
      },
    }),
    connections: await prisma.vpnConnection.findMany({
      where,
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        tags: true,
        criticality: true,
        customerGateway: true,
        deletedAt: true,
        normalized: true,
      },
    }),
    tunnels: await prisma.tunnel.count({ where }),
    incidents: await prisma.incident.findMany({ where, orderBy: { id: "asc" } }),
    activities: await prisma.incidentActivity.findMany({ where, orderBy: { id: "asc" } }),
    maintenance: await prisma.maintenanceEvent.findMany({ where, orderBy: { id: "asc" } }),
    channels: await prisma.alertChannel.findMany({ where, orderBy: { id: "asc" } }),
    rules: await prisma.alertRule.findMany({ where, orderBy: { id: "asc" }, include: { channels: true } }),
    outbox: await prisma.alertOutbox.count({ where }),
    deliveries: await prisma.alertDelivery.findMany({ where, orderBy: { id: "asc" } }),
    tokens: await prisma.apiToken.findMany({
      where,
      orderBy: { id: "asc" },
      select: { id: true, name: true, scopes: true, revokedAt: true, expiresAt: true, tokenHash: true },
    }),
    audit: await prisma.auditLog.count({ where }),
    logEvents: await prisma.tunnelLogEvent.count({ where }),
    configChanges: await prisma.configChange.count({ where }),
  };
  return JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value), 2);
}
