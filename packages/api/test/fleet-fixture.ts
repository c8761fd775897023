// A small fleet for the fleet and connections suites: two organisations on a fresh database,
// members by role, and connections whose counts, grades and risks are known by hand.
//
// Tenant A ("acme"), live connections:
//   alpha    AWS      us-east-1       BGP     A  2/2 up   5 s      env=prod  normal
//   bravo    AWS      eu-west-1       static  C  2/2 up   600 s    env=dev   normal   maintenance in 2 days
//   charlie  Alibaba  cn-hangzhou     static  D  1/2 up   60 s     env=prod  high     redundancy lost
//   delta    MuleSoft us-east-1       BGP     F  0/2 up   3600 s             critical
//   echo     AWS      us-east-1       BGP     –  0/2 (both UNKNOWN), not graded yet
// and foxtrot (AWS, D), removed at the provider. Tenant B ("bravo-org") has zulu (F, 0/2).
import { createPrismaClient, disconnectPrisma, type Prisma, type PrismaClient, type Role } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { createApiContext } from "../src/context.ts";
import { appRouter } from "../src/routers/_app.ts";
import { createCallerFactory } from "../src/trpc.ts";

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

const HOUR = 3_600_000;

export interface FleetFixture {
  db: TestDatabase;
  prisma: PrismaClient;
  tenantA: string;
  tenantB: string;
  /** Connection ids by name. */
  ids: Record<string, string>;
  /** Tunnel ids by "<connection name>/<index>". */
  tunnels: Record<string, string>;
  now: Date;
  api: (who: Role | "OTHER") => Promise<Caller>;
  /** A caller signed in as any user (or nobody). */
  asUser: (userId: string | null) => Promise<Caller>;
  close: () => Promise<void>;
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

interface TunnelSpec {
  status: "UP" | "DOWN" | "UNKNOWN";
  options?: Partial<Prisma.TunnelCreateManyInput>;
}

interface ConnectionSpec {
  name: string;
  tenant: "A" | "B";
  account: string;
  provider: "AWS" | "ALIBABA" | "MULESOFT";
  region: string;
  routing: "BGP" | "STATIC";
  grade: "A" | "B" | "C" | "D" | "F" | null;
  downtime: number | null;
  tunnels: TunnelSpec[];
  tags?: Record<string, string>;
  criticality?: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
  findingCodes?: string[];
  gatewayIp?: string;
  deleted?: boolean;
  normalized?: Prisma.InputJsonValue;
}

/** Tunnel options as AWS reports them by default. */
const AWS_DEFAULT_OPTIONS = {
  ikeVersions: ["ikev2"],
  phase1LifetimeSec: 28_800,
  phase2LifetimeSec: 3_600,
  rekeyMarginSec: 270,
  rekeyFuzzPct: 100,
  replayWindow: 1_024,
  dpdEnabled: true,
  dpdTimeoutSec: 30,
  dpdTimeoutAction: "restart",
  pfsEnabled: true,
  phase1Encryption: ["AES256"],
  phase1Integrity: ["SHA2-256"],
  phase1DhGroups: [14],
  phase2Encryption: ["AES256"],
  phase2Integrity: ["SHA2-256"],
  phase2DhGroups: [14],
  startupAction: "start",
  natTraversal: true,
  loggingEnabled: true,
} satisfies Partial<Prisma.TunnelCreateManyInput>;

/** alpha as the worker stores it: graded A, tunnel 2's logs off and 3DES offered. */
const ALPHA_NORMALIZED = {
  provider: "aws",
  externalId: "vpn-0001",
  name: "alpha",
  region: "us-east-1",
  state: "available",
  routing: "bgp",
  customerGatewayIp: "198.51.100.1",
  tunnels: [1, 2].map((index) => ({
    index,
    status: "UP",
    options: {
      ikeVersions: ["ikev2"],
      phase1LifetimeSec: 28_800,
      phase2LifetimeSec: 3_600,
      rekeyMarginSec: 270,
      dpdEnabled: true,
      dpdTimeoutSec: 30,
      dpdTimeoutAction: "restart",
      pfsEnabled: true,
      phase1Encryption: index === 2 ? ["AES256", "3DES"] : ["AES256"],
      phase1DhGroups: [14],
      phase2DhGroups: [14],
      startupAction: "start",
      loggingEnabled: index === 1,
    },
  })),
};

export const CONNECTIONS: ConnectionSpec[] = [
  {
    name: "alpha",
    tenant: "A",
    account: "aws",
    provider: "AWS",
    region: "us-east-1",
    routing: "BGP",
    grade: "A",
    downtime: 5,
    tags: { env: "prod", team: "core" },
    gatewayIp: "198.51.100.1",
    normalized: ALPHA_NORMALIZED,
    tunnels: [
      { status: "UP" },
      { status: "UP", options: { loggingEnabled: false, phase1Encryption: ["AES256", "3DES"] } },
    ],
  },
  {
    name: "bravo",
    tenant: "A",
    account: "aws",
    provider: "AWS",
    region: "eu-west-1",
    routing: "STATIC",
    grade: "C",
    downtime: 600,
    tags: { env: "dev" },
    gatewayIp: "198.51.100.2",
    findingCodes: ["STATIC_ROUTING", "NO_AUTOMATIC_FAILOVER"],
    // AWS's DPD timeout default on modify (40 s) on tunnel 1, a longer one on tunnel 2.
    tunnels: [
      { status: "UP", options: { dpdTimeoutSec: 40 } },
      { status: "UP", options: { dpdTimeoutAction: "clear", dpdTimeoutSec: 60 } },
    ],
  },
  {
    name: "charlie",
    tenant: "A",
    account: "alibaba",
    provider: "ALIBABA",
    region: "cn-hangzhou",
    routing: "STATIC",
    grade: "D",
    downtime: 60,
    tags: { env: "prod" },
    criticality: "HIGH",
    gatewayIp: "198.51.100.3",
    findingCodes: ["TUNNEL_REDUNDANCY_LOST", "STATIC_ROUTING"],
    tunnels: [{ status: "UP" }, { status: "DOWN" }],
  },
  {
    name: "delta",
    tenant: "A",
    account: "mulesoft",
    provider: "MULESOFT",
    region: "us-east-1",
    routing: "BGP",
    grade: "F",
    downtime: 3_600,
    criticality: "CRITICAL",
    findingCodes: ["TUNNEL_REDUNDANCY_LOST"],
    tunnels: [{ status: "DOWN" }, { status: "DOWN" }],
  },
  {
    name: "echo",
    tenant: "A",
    account: "aws",
    provider: "AWS",
    region: "us-east-1",
    routing: "BGP",
    grade: null,
    downtime: null,
    tunnels: [{ status: "UNKNOWN" }, { status: "UNKNOWN" }],
  },
  {
    name: "foxtrot",
    tenant: "A",
    account: "aws",
    provider: "AWS",
    region: "us-east-1",
    routing: "BGP",
    grade: "D",
    downtime: 3_600,
    deleted: true,
    tunnels: [{ status: "UP" }, { status: "DOWN" }],
  },
  {
    name: "zulu",
    tenant: "B",
    account: "other",
    provider: "AWS",
    region: "us-east-1",
    routing: "BGP",
    grade: "F",
    downtime: 3_600,
    tunnels: [{ status: "DOWN" }, { status: "DOWN" }],
  },
];

export async function fleetFixture(name: string): Promise<FleetFixture> {
  const db = await createMigratedTestDatabase(`api_${name}`);
  // tenantDb() connects to DATABASE_URL on first use.
  process.env.DATABASE_URL = db.url;
  const prisma = createPrismaClient(db.url);
  const now = new Date();
  const tenantA = (await prisma.tenant.create({ data: { name: "Acme", slug: "acme" } })).id;
  const tenantB = (await prisma.tenant.create({ data: { name: "Bravo Org", slug: "bravo-org" } })).id;
  const users = {} as Record<Role | "OTHER", string>;
  for (const role of ["OWNER", "ADMIN", "OPERATOR", "VIEWER"] as const) {
    const user = await prisma.user.create({ data: { email: `${role.toLowerCase()}@acme.test` } });
    await prisma.membership.create({ data: { tenantId: tenantA, userId: user.id, role } });
    users[role] = user.id;
  }
  const other = await prisma.user.create({ data: { email: "admin@bravo.test" } });
  await prisma.membership.create({ data: { tenantId: tenantB, userId: other.id, role: "ADMIN" } });
  users.OTHER = other.id;

  const account = async (tenantId: string, provider: ConnectionSpec["provider"], extra: object = {}) =>
    (
      await prisma.cloudAccount.create({
        data: {
          tenantId,
          provider,
          name: `${provider.toLowerCase()} account`,
          regions: ["us-east-1"],
          credentialsCipher: "x",
          credentialsKeyId: "k1",
          syncState: "OK",
          ...extra,
        },
      })
    ).id;
  const accounts: Record<string, string> = {
    aws: await account(tenantA, "AWS"),
    alibaba: await account(tenantA, "ALIBABA", { syncState: "FAILING", lastError: "InvalidAccessKeyId" }),
    mulesoft: await account(tenantA, "MULESOFT"),
    // Paused and failing: not polled, so not a sync problem.
    paused: await account(tenantA, "AWS", { syncState: "FAILING", isPaused: true }),
    other: await account(tenantB, "AWS", { syncState: "FAILING" }),
  };

  const ids: Record<string, string> = {};
  const tunnels: Record<string, string> = {};
  for (const [n, spec] of CONNECTIONS.entries()) {
    const tenantId = spec.tenant === "A" ? tenantA : tenantB;
    const connection = await prisma.vpnConnection.create({
      data: {
        tenantId,
        cloudAccountId: accounts[spec.account] as string,
        provider: spec.provider,
        region: spec.region,
        externalId: `vpn-000${n + 1}`,
        name: spec.name,
        state: "available",
        routing: spec.routing,
        customerGatewayIp: spec.gatewayIp ?? null,
        localAsn: spec.routing === "BGP" ? 64_512n : null,
        tags: spec.tags ?? {},
        criticality: spec.criticality ?? "NORMAL",
        normalized: spec.normalized ?? {},
        grade: spec.grade,
        expectedDowntimeSec: spec.downtime,
        findingCodes: spec.findingCodes ?? [],
        tunnelsUp: spec.tunnels.filter((t) => t.status === "UP").length,
        tunnelsTotal: spec.tunnels.length,
        lastSeenAt: new Date(now.getTime() - n * 60_000),
        deletedAt: spec.deleted ? now : null,
      },
    });
    ids[spec.name] = connection.id;
    for (const [i, tunnel] of spec.tunnels.entries()) {
      const created = await prisma.tunnel.create({
        data: {
          tenantId,
          connectionId: connection.id,
          index: i + 1,
          outsideIp: `203.0.113.${n * 2 + i + 1}`,
          status: tunnel.status,
          ...AWS_DEFAULT_OPTIONS,
          ...tunnel.options,
        },
      });
      tunnels[`${spec.name}/${i + 1}`] = created.id;
    }
  }

  // Incidents: three open and one acknowledged in A (one resolved and one pending that do not count).
  const incident = (
    connection: string,
    tunnel: string | null,
    code: string,
    status: "OPEN" | "ACKNOWLEDGED" | "RESOLVED" | "PENDING",
  ) => ({
    tenantId: connection === "zulu" ? tenantB : tenantA,
    connectionId: ids[connection] as string,
    tunnelId: tunnel ? (tunnels[tunnel] as string) : null,
    kind: code === "TUNNEL_REDUNDANCY_LOST" ? ("FINDING" as const) : ("LOG_FAULT" as const),
    code,
    severity: "MAJOR" as const,
    status,
    title: `${code} on ${connection}`,
    firstEventAt: new Date(now.getTime() - 2 * HOUR),
    lastEventAt: now,
    openedAt: new Date(now.getTime() - 2 * HOUR),
  });
  await prisma.incident.createMany({
    data: [
      incident("charlie", "charlie/2", "DPD_TIMEOUT", "OPEN"),
      incident("charlie", null, "TUNNEL_REDUNDANCY_LOST", "OPEN"),
      incident("delta", "delta/1", "PEER_UNREACHABLE", "OPEN"),
      incident("delta", "delta/2", "PEER_UNREACHABLE", "ACKNOWLEDGED"),
      incident("alpha", "alpha/1", "DPD_TIMEOUT", "RESOLVED"),
      incident("bravo", "bravo/1", "IDLE_TIMEOUT", "PENDING"),
      incident("zulu", "zulu/1", "IKE_AUTH_FAILURE", "OPEN"),
    ],
  });

  // Maintenance announced on bravo in two days, a completed one on delta that no longer counts.
  await prisma.maintenanceEvent.createMany({
    data: [
      {
        tenantId: tenantA,
        provider: "AWS",
        source: "AWS_TUNNEL_LIFECYCLE",
        externalId: "vpn-0002:1",
        connectionId: ids.bravo,
        tunnelIndex: 1,
        title: "Tunnel endpoint replacement",
        status: "UPCOMING",
        startsAt: new Date(now.getTime() + 2 * 24 * HOUR),
      },
      {
        tenantId: tenantA,
        provider: "MULESOFT",
        source: "MANUAL",
        externalId: "delta-done",
        connectionId: ids.delta,
        title: "Upgrade",
        status: "COMPLETED",
        startsAt: new Date(now.getTime() - 24 * HOUR),
      },
    ],
  });

  const asUser = async (userId: string | null) =>
    createCaller(
      await createApiContext({
        prisma,
        sessionUserId: userId,
        authorization: null,
        tenantHint: null,
        ip: "192.0.2.20",
      }),
    );
  const api = (who: Role | "OTHER") => asUser(users[who]);

  return {
    db,
    prisma,
    tenantA,
    tenantB,
    ids,
    tunnels,
    now,
    api,
    asUser,
    close: async () => {
      await prisma.$disconnect();
      await disconnectPrisma();
      await db.drop();
    },
  };
}

export const HOUR_MS = HOUR;
