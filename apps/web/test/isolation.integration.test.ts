// The isolation proof, over HTTP against the built app: two organisations, a member of every
// role in each, and API tokens of each scope. Every procedure of the API (taken from the router
// itself, so a new one cannot be forgotten) is tried across organisations and above the
// caller's role, and each attempt must fail the same way an attempt on nothing at all fails.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Access, ROLES, TENANT_COOKIE } from "@tunnelwatch/api";
import { createPrismaClient, hashPassword, type PrismaClient, parseKeyring, type Role } from "@tunnelwatch/db";
import { createMigratedTestDatabase, type TestDatabase } from "@tunnelwatch/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PASSWORD,
  ROLES_LOW_TO_HIGH,
  type SeededTenant,
  seedTenant,
  snapshotTenant,
  type TenantIds,
  unknownIds,
} from "./isolation-fixtures.ts";
import { signIn, startWebServer, testWebEnv, type WebServer } from "./next-server.ts";
import {
  type Credentials,
  callTrpc,
  listProcedures,
  mapLimit,
  type ProcedureInfo,
  type TrpcResponse,
} from "./trpc-http.ts";

/** Requests in flight at once: enough to be quick, few enough for two shared cores. */
const PARALLEL = 8;

/** What a sample needs besides ids: secrets and values that belong to the tenant the ids come from. */
interface SampleContext {
  ids: TenantIds;
  stepId: string;
  invitationToken: string;
}

/**
 * A valid input for every procedure, built from a tenant's ids. Called once with tenant A's ids
 * and once with ids that exist nowhere: a procedure whose sample names objects (the two differ)
 * is tried with both, and the answers must be the same. A procedure missing here fails the suite.
 */
const SAMPLES: Record<string, (s: SampleContext) => unknown> = {
  // tenants
  "tenants.signUp": () => ({
    name: "Never Called",
    email: "never-called@example.com",
    password: "never-called-password",
    organisation: "Never Called",
  }),
  "tenants.mine": () => undefined,
  "tenants.create": () => ({ name: "BRAVO second organisation" }),
  "tenants.current": () => undefined,
  "tenants.updateSettings": () => ({ name: "Renamed by an attacker", incidentOpenDelaySec: 3600 }),
  // A random link token: nobody but the invitee holds tenant A's.
  "tenants.acceptInvitation": () => ({ token: `inv_${randomBytes(24).toString("base64url")}` }),

  // logs
  "logs.search": ({ ids }) => ({ connectionId: ids.connection, tunnelId: ids.tunnel2, pageSize: 20 }),
  "logs.connectionOptions": ({ ids }) => ({ q: "", ids: [ids.connection] }),

  // incidents
  "incidents.list": ({ ids }) => ({ status: "all", connectionId: ids.connection, page: 1, pageSize: 20 }),
  "incidents.detail": ({ ids }) => ({ incidentId: ids.incident }),
  "incidents.acknowledge": ({ ids }) => ({ incidentId: ids.incident, note: "acknowledged by an attacker" }),
  "incidents.comment": ({ ids }) => ({ incidentId: ids.incident, body: "comment by an attacker" }),
  "incidents.recordRemediation": ({ ids, stepId }) => ({ incidentId: ids.incident, stepId, note: "by an attacker" }),
  "incidents.resolve": ({ ids }) => ({ incidentId: ids.incident, reason: "resolved by an attacker" }),
  "incidents.mttr": ({ ids }) => ({ connectionId: ids.connection, limit: 10 }),

  // maintenance
  "maintenance.events": ({ ids }) => ({ status: "all", connectionId: ids.connection, page: 1, pageSize: 20 }),
  "maintenance.atRisk": () => ({ provider: "AWS", region: "us-east-1", page: 1, pageSize: 20 }),
  "maintenance.scopes": () => undefined,
  "maintenance.whatIf": () => ({ provider: "AWS", region: "us-east-1" }),

  // accounts
  "accounts.list": () => ({ page: 1, pageSize: 20 }),
  "accounts.byId": ({ ids }) => ({ id: ids.account }),
  "accounts.create": () => ({
    provider: "AWS",
    name: "BRAVO created by the suite",
    regions: ["us-east-1"],
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  }),
  "accounts.update": ({ ids }) => ({ id: ids.account, provider: "AWS", name: "renamed by an attacker" }),
  "accounts.setPaused": ({ ids }) => ({ id: ids.account, isPaused: true }),
  "accounts.delete": ({ ids }) => ({ id: ids.account }),
  "accounts.test": ({ ids }) => ({ id: ids.account }),
  "accounts.testCredentials": () => ({
    provider: "AWS",
    name: "draft",
    regions: ["us-east-1"],
    endpointOverride: "http://127.0.0.1:9",
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  }),
  "accounts.syncNow": ({ ids }) => ({ id: ids.account }),

  // tokens
  "tokens.list": () => ({ page: 1, pageSize: 20, status: "all" }),
  "tokens.create": () => ({ name: "created by an attacker", scopes: ["write"] }),
  "tokens.revoke": ({ ids }) => ({ id: ids.writeToken }),

  // members
  "members.list": () => ({ page: 1, pageSize: 20 }),
  "members.changeRole": ({ ids }) => ({ id: ids.viewerMembership, role: "OWNER" }),
  "members.remove": ({ ids }) => ({ id: ids.ownerMembership }),
  "members.leave": () => undefined,
  "members.invite": () => ({ email: "attacker-invitee@example.com", role: "OWNER" }),
  "members.invitations": () => ({ page: 1, pageSize: 20 }),
  "members.revokeInvitation": ({ ids }) => ({ id: ids.invitation }),

  // audit
  "audit.list": ({ ids }) => ({ page: 1, pageSize: 20, targetId: ids.account }),

  // fleet
  "fleet.overview": () => undefined,
  "fleet.configChanges": () => ({ page: 1, pageSize: 20, days: 7, madeOnly: false }),
  "fleet.gatewayOutages": () => ({ days: 7 }),

  // connections
  "connections.list": ({ ids }) => ({ cloudAccountId: ids.account, page: 1, pageSize: 20 }),
  "connections.filterOptions": () => undefined,
  "connections.detail": ({ ids }) => ({ connectionId: ids.connection }),
  "connections.timeline": ({ ids }) => ({ connectionId: ids.connection }),
  "connections.logEvents": ({ ids }) => ({ connectionId: ids.connection, tunnelIndex: 2, page: 1, pageSize: 20 }),
  "connections.configChanges": ({ ids }) => ({ connectionId: ids.connection, page: 1, pageSize: 20 }),
  "connections.gatewayConfig": ({ ids }) => ({ connectionId: ids.connection, vendor: "juniper-srx" }),
  "connections.setCriticality": ({ ids }) => ({ connectionId: ids.connection, criticality: "LOW" }),
  "connections.setCustomerGateway": ({ ids }) => ({
    connectionId: ids.connection,
    customerGateway: { vendor: "set-by-an-attacker", initiates: false },
  }),

  // alerts
  "alerts.listChannels": () => ({ page: 1, pageSize: 20 }),
  "alerts.createChannel": () => ({ kind: "EMAIL", name: "created by the suite", recipients: ["noc@example.com"] }),
  "alerts.updateChannel": ({ ids }) => ({ id: ids.channel, name: "renamed by an attacker", isEnabled: false }),
  "alerts.rotateSecret": ({ ids }) => ({ id: ids.channel }),
  "alerts.deleteChannel": ({ ids }) => ({ id: ids.channel }),
  "alerts.listRules": () => ({ page: 1, pageSize: 20 }),
  "alerts.createRule": ({ ids }) => ({
    name: "rule naming another tenant's objects",
    trigger: "TUNNEL_DOWN",
    scope: { cloudAccountIds: [ids.account], connectionIds: [ids.connection] },
    channelIds: [ids.channel],
  }),
  "alerts.updateRule": ({ ids }) => ({ id: ids.rule, isEnabled: false, channelIds: [ids.channel] }),
  "alerts.deleteRule": ({ ids }) => ({ id: ids.rule }),
  "alerts.testChannel": ({ ids }) => ({ id: ids.channel }),
  "alerts.listDeliveries": ({ ids }) => ({ page: 1, pageSize: 20, channelId: ids.channel }),
  "alerts.deliveryStats": () => ({ hours: 24 }),
  "alerts.retryDelivery": ({ ids }) => ({ id: ids.delivery }),
};

const isTenantLevel = (access: Access): access is Role => (ROLES as readonly string[]).includes(access);
const rank = (role: Role) => ROLES_LOW_TO_HIGH.indexOf(role);

interface Signed {
  role: Role;
  cookie: string;
}

// A few hundred HTTP calls per test: generous timeouts for a CI machine busy with other packages.
describe("tenant isolation over HTTP", { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let server: WebServer;
  let queuePrefix: string;
  let A: SeededTenant;
  let B: SeededTenant;
  const sessions: { A: Record<Role, Signed>; B: Record<Role, Signed> } = {
    A: {} as Record<Role, Signed>,
    B: {} as Record<Role, Signed>,
  };
  let before: string;
  const unknown = unknownIds();
  const all = listProcedures();
  const tenantLevel = all.filter((p) => isTenantLevel(p.access));
  const report: string[] = [];

  /** The sample for tenant A's objects, and the same with ids that exist nowhere. */
  const sampleA = (p: ProcedureInfo) =>
    SAMPLES[p.path]?.({ ids: A.ids, stepId: A.stepId, invitationToken: A.invitationToken });
  const sampleUnknown = (p: ProcedureInfo) =>
    SAMPLES[p.path]?.({ ids: unknown, stepId: A.stepId, invitationToken: A.invitationToken });
  const namesObjects = (p: ProcedureInfo) => JSON.stringify(sampleA(p)) !== JSON.stringify(sampleUnknown(p));

  const call = (p: Pick<ProcedureInfo, "path" | "type">, input: unknown, credentials: Credentials) =>
    callTrpc(server.url, p, input, credentials);

  /** The response with every id of the two id sets replaced by its name, and times blanked. */
  function normalise(response: TrpcResponse): string {
    let text = response.text;
    for (const ids of [A.ids, unknown]) {
      for (const [name, value] of Object.entries(ids)) {
        // Numeric ids (audit rows, log events) are short: replaced only where they stand as a value.
        text = value.length > 12 ? text.split(value).join(`<${name}>`) : text.split(`"${value}"`).join(`"<${name}>"`);
      }
    }
    return `${response.status} ${text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<time>")}`;
  }

  /** Whatever of tenant A a response shows: its marker, name, slug or the id of any of its objects. */
  function leaksOfA(response: TrpcResponse, input: unknown): string[] {
    const found: string[] = [];
    if (response.text.includes(A.marker)) found.push(`the marker ${A.marker}`);
    if (response.text.includes(A.slug)) found.push("its slug");
    // An id the request itself named may be echoed (the comparison with unknown ids covers that).
    const named = JSON.stringify(input) ?? "";
    for (const [name, value] of Object.entries(A.ids)) {
      if (value.length > 12 && response.text.includes(value) && !named.includes(value)) found.push(`the id of ${name}`);
    }
    return found;
  }

  const brief = (r: TrpcResponse) =>
    `${r.status} ${r.error ? `${r.error.code}: ${r.error.message}` : r.text.slice(0, 200)}`;

  beforeAll(async () => {
    const started = Date.now();
    db = await createMigratedTestDatabase("isolation");
    prisma = createPrismaClient(db.url);
    const env = testWebEnv(db.url);
    queuePrefix = env.QUEUE_PREFIX ?? "";
    const keyring = parseKeyring(env.CREDENTIALS_KEYS ?? "", env.CREDENTIALS_ACTIVE_KEY_ID ?? "");
    const passwordHash = await hashPassword(PASSWORD);
    const suffix = randomBytes(3).toString("hex");
    A = await seedTenant(prisma, keyring, { marker: "ALPHA", slug: `alpha-${suffix}`, passwordHash });
    B = await seedTenant(prisma, keyring, { marker: "BRAVO", slug: `bravo-${suffix}`, passwordHash });
    const [webServer] = await Promise.all([startWebServer(env)]);
    server = webServer;
    for (const [key, tenant] of [
      ["A", A],
      ["B", B],
    ] as const) {
      await Promise.all(
        ROLES_LOW_TO_HIGH.map(async (role) => {
          const { status, jar } = await signIn(server.url, tenant.users[role].email, PASSWORD);
          if (status !== 200) throw new Error(`${tenant.users[role].email} could not sign in (${status})`);
          sessions[key][role] = { role, cookie: jar.header() };
        }),
      );
    }
    before = await snapshotTenant(prisma, A.ids.tenant);
    report.push(`setup: ${Date.now() - started} ms, ${all.length} procedures`);
  }, 120_000);

  afterAll(async () => {
    const outputDir = path.resolve(import.meta.dirname, "../test-output");
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, "isolation-report.txt"), `${report.join("\n")}\n`);
    await server?.stop();
    if (queuePrefix) {
      const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
      try {
        const keys = await redis.keys(`${queuePrefix}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    }
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("has a sample input for every procedure of the API", () => {
    const missing = all.filter((p) => !(p.path in SAMPLES)).map((p) => p.path);
    const stale = Object.keys(SAMPLES).filter((name) => !all.some((p) => p.path === name));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(all.every((p) => p.type !== "subscription")).toBe(true);
  });

  it("refuses every non-public procedure to a caller with no session and no token (401)", async () => {
    const checked = all.filter((p) => p.access !== "PUBLIC");
    const problems = (
      await mapLimit(checked, PARALLEL, async (p) => {
        const out: string[] = [];
        for (const credentials of [{}, { tenant: A.slug }, { token: "tw_not-a-real-token" }] as Credentials[]) {
          const response = await call(p, sampleA(p), credentials);
          if (response.status !== 401 || response.error?.code !== "UNAUTHORIZED") {
            out.push(`${p.path} ${JSON.stringify(credentials)}: ${brief(response)}`);
          }
        }
        return out;
      })
    ).flat();
    report.push(`e. unauthenticated: ${checked.length} procedures × 3 ways`);
    expect(problems).toEqual([]);
  });

  it("answers a member of tenant B naming tenant A exactly as it answers a tenant that does not exist (404)", async () => {
    const nowhere = `no-such-organisation-${randomBytes(4).toString("hex")}`;
    const cases = tenantLevel.flatMap((p) =>
      ROLES_LOW_TO_HIGH.map((role) => ({ p, credentials: { cookie: sessions.B[role].cookie }, who: `B ${role}` })),
    );
    const problems = (
      await mapLimit(cases, PARALLEL, async ({ p, credentials, who }) => {
        const baseline = await call(p, sampleA(p), { ...credentials, tenant: nowhere });
        const out: string[] = [];
        if (baseline.status !== 404 || baseline.error?.code !== "NOT_FOUND") {
          out.push(`${p.path} as ${who} naming a nonexistent tenant: ${brief(baseline)}`);
        }
        // By the header (integrations), by id, and by the dashboard's tenant cookie.
        const namings: [string, Credentials][] = [
          ["slug", { ...credentials, tenant: A.slug }],
          ["id", { ...credentials, tenant: A.ids.tenant }],
          ["cookie", { cookie: `${credentials.cookie}; ${TENANT_COOKIE}=${A.slug}` }],
        ];
        for (const [how, naming] of namings) {
          const response = await call(p, sampleA(p), naming);
          if (response.status !== baseline.status || response.error?.message !== baseline.error?.message) {
            out.push(`${p.path} as ${who} naming tenant A (${how}): ${brief(response)}`);
          }
          const leaks = leaksOfA(response, sampleA(p));
          if (leaks.length) out.push(`${p.path} as ${who} naming tenant A shows ${leaks.join(", ")}`);
        }
        return out;
      })
    ).flat();
    report.push(`a. tenant B members naming tenant A: ${cases.length} calls × 4`);
    expect(problems).toEqual([]);
  });

  it("answers tenant B's tokens naming tenant A, or naming A's objects, as it answers nothing at all", async () => {
    const nowhere = `no-such-organisation-${randomBytes(4).toString("hex")}`;
    const problems = (
      await mapLimit(tenantLevel, PARALLEL, async (p) => {
        const out: string[] = [];
        for (const [scope, token] of Object.entries(B.tokens)) {
          const baseline = await call(p, sampleA(p), { token, tenant: nowhere });
          if (baseline.status !== 404 || baseline.error?.code !== "NOT_FOUND") {
            out.push(`${p.path} with B's ${scope} token naming a nonexistent tenant: ${brief(baseline)}`);
          }
          for (const tenant of [A.slug, A.ids.tenant]) {
            const response = await call(p, sampleA(p), { token, tenant });
            if (response.status !== baseline.status || response.error?.message !== baseline.error?.message) {
              out.push(`${p.path} with B's ${scope} token naming tenant A: ${brief(response)}`);
            }
          }
        }
        // In its own tenant, B's write token names A's objects: the answer must be the one for ids
        // that exist nowhere, so it cannot even tell that they exist.
        if (namesObjects(p)) {
          const withA = await call(p, sampleA(p), { token: B.tokens.write });
          const withUnknown = await call(p, sampleUnknown(p), { token: B.tokens.write });
          if (normalise(withA) !== normalise(withUnknown)) {
            out.push(
              `${p.path} with B's write token and A's ids: ${brief(withA)}; with unknown ids: ${brief(withUnknown)}`,
            );
          }
          if (withA.status === 400) out.push(`${p.path}: the sample input is invalid: ${brief(withA)}`);
          const leaks = leaksOfA(withA, sampleA(p));
          if (leaks.length) out.push(`${p.path} with B's write token and A's ids shows ${leaks.join(", ")}`);
        }
        return out;
      })
    ).flat();
    report.push(`b. tenant B tokens: ${tenantLevel.length} procedures`);
    expect(problems).toEqual([]);
  });

  it("answers tenant B's owner naming tenant A's objects exactly as it answers ids that exist nowhere", async () => {
    const checked = tenantLevel.filter(namesObjects);
    const owner = { cookie: sessions.B.OWNER.cookie };
    const answers: string[] = [];
    const problems = (
      await mapLimit(checked, PARALLEL, async (p) => {
        const out: string[] = [];
        const withA = await call(p, sampleA(p), owner);
        const withUnknown = await call(p, sampleUnknown(p), owner);
        if (normalise(withA) !== normalise(withUnknown)) {
          out.push(`${p.path}: with A's ids ${brief(withA)}; with unknown ids ${brief(withUnknown)}`);
        }
        if (withA.status === 400) out.push(`${p.path}: the sample input is invalid: ${brief(withA)}`);
        if (withA.status >= 500) out.push(`${p.path}: server error ${brief(withA)}`);
        const leaks = leaksOfA(withA, sampleA(p));
        if (leaks.length) out.push(`${p.path} with A's ids shows ${leaks.join(", ")}`);
        answers.push(
          `  ${p.path.padEnd(30)} ${withA.status} ${withA.error ? `${withA.error.code}: ${withA.error.message}` : "(same data as for unknown ids)"}`,
        );
        return out;
      })
    ).flat();
    report.push(
      `c. tenant B owner with A's ids (the answer, identical to the one for unknown ids):`,
      ...answers.sort(),
    );
    expect(checked.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("shows tenant B's own lists without any of tenant A's rows", async () => {
    const queries = tenantLevel.filter((p) => p.type === "query" && !namesObjects(p));
    const problems = (
      await mapLimit(queries, PARALLEL, async (p) => {
        const response = await call(p, sampleA(p), { cookie: sessions.B.OWNER.cookie });
        const out: string[] = [];
        if (response.status !== 200) out.push(`${p.path} as B's owner: ${brief(response)}`);
        const leaks = leaksOfA(response, sampleA(p));
        if (leaks.length) out.push(`${p.path} as B's owner shows ${leaks.join(", ")}`);
        return out;
      })
    ).flat();
    const mine = await call({ path: "tenants.mine", type: "query" }, undefined, {
      cookie: sessions.B.OWNER.cookie,
    });
    if (leaksOfA(mine, undefined).length) problems.push(`tenants.mine as B's owner shows tenant A`);
    expect(problems).toEqual([]);
  });

  it("refuses tenant A's members and tokens below a procedure's role (403)", async () => {
    const cases: { p: ProcedureInfo; credentials: Credentials; who: string }[] = [];
    for (const p of all) {
      if (isTenantLevel(p.access)) {
        for (const role of ROLES_LOW_TO_HIGH.filter((r) => rank(r) < rank(p.access as Role))) {
          cases.push({ p, credentials: { cookie: sessions.A[role].cookie, tenant: A.slug }, who: `A ${role}` });
        }
      }
      // read tokens act as viewers and write tokens as operators; neither is a person (USER).
      if (p.access === "USER" || p.access === "OPERATOR" || p.access === "ADMIN" || p.access === "OWNER") {
        cases.push({ p, credentials: { token: A.tokens.read }, who: "A read token" });
      }
      if (p.access === "USER" || p.access === "ADMIN" || p.access === "OWNER") {
        cases.push({ p, credentials: { token: A.tokens.write }, who: "A write token" });
      }
    }
    const problems = (
      await mapLimit(cases, PARALLEL, async ({ p, credentials, who }) => {
        const response = await call(p, sampleA(p), credentials);
        return response.status === 403 && response.error?.code === "FORBIDDEN"
          ? []
          : [`${p.path} (${p.access}) as ${who}: ${brief(response)}`];
      })
    ).flat();
    report.push(`d. below the role in tenant A: ${cases.length} calls`);
    expect(problems).toEqual([]);
  });

  it("serves every query to tenant A's member of exactly the needed role, and to its tokens", async () => {
    // The other side of the refusals: the samples are valid and the role boundary is where the
    // meta says, not higher.
    const queries = tenantLevel.filter((p) => p.type === "query");
    const problems = (
      await mapLimit(queries, PARALLEL, async (p) => {
        const out: string[] = [];
        const role = p.access as Role;
        const response = await call(p, sampleA(p), { cookie: sessions.A[role].cookie, tenant: A.slug });
        if (response.status !== 200) out.push(`${p.path} as A ${role}: ${brief(response)}`);
        if (role === "VIEWER") {
          const viaToken = await call(p, sampleA(p), { token: A.tokens.read });
          if (viaToken.status !== 200) out.push(`${p.path} with A's read token: ${brief(viaToken)}`);
        }
        return out;
      })
    ).flat();
    expect(problems).toEqual([]);
  });

  it("left every row of tenant A as it was", async () => {
    const after = await snapshotTenant(prisma, A.ids.tenant);
    expect(after).toEqual(before);
    const incident = await prisma.incident.findUniqueOrThrow({ where: { id: A.ids.incident } });
    expect(incident.status).toBe("OPEN");
    const token = await prisma.apiToken.findUniqueOrThrow({ where: { id: A.ids.writeToken } });
    expect(token.revokedAt).toBeNull();
    expect(await prisma.cloudAccount.count({ where: { id: A.ids.account, isPaused: false } })).toBe(1);
    expect(await prisma.membership.count({ where: { tenantId: A.ids.tenant } })).toBe(4);
    // Nobody of tenant B became a member of tenant A.
    expect(
      await prisma.membership.count({
        where: { tenantId: A.ids.tenant, userId: { in: Object.values(B.users).map((u) => u.id) } },
      }),
    ).toBe(0);
  });
  it("lets tenant A's owner do what every refused mutation tried, so the refusals above were not vacuous", async () => {
    // Runs last: it changes tenant A. Each id-naming mutation, with tenant A's ids, must reach its
    // object (no NOT_FOUND, no invalid input); deletions go last so that the others find theirs.
    const FIRST = ["accounts.syncNow"];
    const LAST = [
      "incidents.resolve",
      "alerts.deleteRule",
      "alerts.deleteChannel",
      "tokens.revoke",
      "members.revokeInvitation",
      "accounts.delete",
      // The sample removes the owner's own membership (a second owner exists by then).
      "members.remove",
    ];
    const order = (p: ProcedureInfo) =>
      FIRST.includes(p.path) ? -1 : LAST.includes(p.path) ? 1 + LAST.indexOf(p.path) : 0;
    const mutations = tenantLevel
      .filter((p) => p.type === "mutation" && namesObjects(p))
      .sort((a, b) => order(a) - order(b) || a.path.localeCompare(b.path));
    const problems: string[] = [];
    const answers: string[] = [];
    for (const p of mutations) {
      const response = await call(p, sampleA(p), { cookie: sessions.A.OWNER.cookie, tenant: A.slug });
      answers.push(
        `  ${p.path.padEnd(30)} ${response.status} ${response.error ? `${response.error.code}: ${response.error.message}` : "OK"}`,
      );
      // CONFLICT and PRECONDITION_FAILED are business rules (e.g. the last owner cannot be removed): the object was found.
      if (![200, 409, 412].includes(response.status)) problems.push(`${p.path} as A's owner: ${brief(response)}`);
    }
    report.push("control: tenant A's owner with A's ids:", ...answers);
    expect(problems).toEqual([]);
    // And the snapshot the suite compares does see such changes.
    expect(await snapshotTenant(prisma, A.ids.tenant)).not.toEqual(before);
  });
});
