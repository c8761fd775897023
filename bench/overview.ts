// npm run bench:overview
// The fleet overview (fleet.overview through the tRPC caller, tenant middleware included) at the
// size issue 5 names: one tenant with 10,000 connections / 20,000 tunnels, a week of hourly
// uptime rows, tens of thousands of incidents and at least 2,000,000 log events. The data lives
// in its own database (tunnelwatch_bench_overview), seeded once in SQL (INSERT ... SELECT
// generate_series) and reused by later runs while it still matches this seed's shape.
//
// Ends with one JSON line: {"p50Ms": n, "p95Ms": n, "tunnels": n, "events": n}.
// BENCH_SEED_ONLY=1 seeds and stops; BENCH_RESEED=1 drops and seeds again; BENCH_CALLS sets the
// number of measured calls (200).

import { DOWNTIME_BY_GRADE } from "@tunnelwatch/core";
import { applyMigrations } from "@tunnelwatch/db/migrations";
import pg from "pg";

const DATABASE = "tunnelwatch_bench_overview";
const CONNECTIONS = 10_000;
const TUNNELS_PER_CONNECTION = 2;
const EVENTS = 2_000_000;
const DAYS = 7;
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const WARM_UP = 20;
// Bump when the seed's shape changes: a database seeded by another version is seeded again.
const SEED_VERSION = "overview-seed-v2";
const TENANT_ID = "bench_overview_tenant";
const USER_ID = "bench_overview_user";

const serverUrl =
  process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
function databaseUrl(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
const benchUrl = databaseUrl(DATABASE);

const say = (message: string) => console.log(message);

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(): Promise<boolean> {
  return admin(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE])).rowCount === 1);
}

/** The seed this database holds, when it is complete and of this version. */
async function seededShape(): Promise<{ tunnels: number; events: number } | null> {
  if (!(await databaseExists())) return null;
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    const marker = await client
      .query(`SELECT name FROM "Tenant" WHERE id = $1`, [TENANT_ID])
      .catch(() => ({ rows: [] as Array<{ name: string }> }));
    if (marker.rows[0]?.name !== `Bench overview (${SEED_VERSION}, complete)`) return null;
    const tunnels = Number((await client.query(`SELECT count(*) AS n FROM "Tunnel"`)).rows[0].n);
    const events = Number(
      (await client.query(`SELECT count(*) AS n FROM "TunnelLogEvent" WHERE "tenantId" = $1`, [TENANT_ID])).rows[0].n,
    );
    if (tunnels !== CONNECTIONS * TUNNELS_PER_CONNECTION || events < EVENTS) return null;
    return { tunnels, events };
  } finally {
    await client.end();
  }
}

async function step(client: pg.Client, label: string, sql: string, params: unknown[] = []): Promise<void> {
  const started = performance.now();
  const result = await client.query(sql, params);
  const rows = result.rowCount === null ? "" : ` (${result.rowCount.toLocaleString("en")} rows)`;
  say(`  ${label}${rows}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Drops a table's secondary indexes for a bulk load and gives back what recreates them. */
async function dropSecondaryIndexes(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = $1 AND NOT x.indisprimary`,
    [table],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((r) => r.definition);
}

async function seed(): Promise<void> {
  const started = performance.now();
  say(
    `Seeding ${DATABASE}: ${CONNECTIONS.toLocaleString("en")} connections, ${EVENTS.toLocaleString("en")} log events`,
  );
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${DATABASE}"`);
  });
  await applyMigrations(benchUrl);
  say("  migrations applied");
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    // A bulk load of rows consistent by construction: no per-row foreign-key triggers, no fsync
    // per statement.
    await client.query("SET session_replication_role = replica");
    await client.query("SET synchronous_commit = off");
    await client.query("SET TIME ZONE 'UTC'");
    await client.query("SET maintenance_work_mem = '256MB'");

    await client.query(`INSERT INTO "Tenant" (id, name, slug, "updatedAt") VALUES ($1, $2, 'bench-overview', now())`, [
      TENANT_ID,
      `Bench overview (${SEED_VERSION}, seeding)`,
    ]);
    await client.query(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, 'bench-overview@tunnelwatch.invalid', 'Bench', now())`,
      [USER_ID],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "tenantId", "userId", role, "updatedAt") VALUES ('bench_overview_member', $1, $2, 'VIEWER', now())`,
      [TENANT_ID, USER_ID],
    );
    // Eight accounts over the three providers; two of them failing to sync.
    await step(
      client,
      "cloud accounts",
      `INSERT INTO "CloudAccount" (id, "tenantId", provider, name, regions, "credentialsCipher", "credentialsKeyId",
                                   "syncState", "lastError", "failingSince", "updatedAt")
       SELECT 'bench_acct_' || g, $1,
              (ARRAY['AWS','AWS','AWS','ALIBABA','ALIBABA','MULESOFT','AWS','ALIBABA'])[g]::"Provider",
              'Bench account ' || g, ARRAY['us-east-1','eu-west-1'], 'bench', 'k1',
              (CASE WHEN g IN (7, 8) THEN 'FAILING' ELSE 'OK' END)::"SyncState",
              CASE WHEN g IN (7, 8) THEN 'AccessDenied: bench' END,
              CASE WHEN g IN (7, 8) THEN now() - interval '2 hours' END, now()
         FROM generate_series(1, 8) g`,
      [TENANT_ID],
    );
    // Grades: 30 % A, 25 % B, 20 % C, 15 % D, 5 % F, 5 % not graded yet (g % 20 picks the band).
    await step(
      client,
      "connections",
      `INSERT INTO "VpnConnection" (id, "tenantId", "cloudAccountId", provider, region, "externalId", name, state,
                                    routing, "customerGatewayIp", tags, criticality, normalized, grade,
                                    "expectedDowntimeSec", "findingCodes", "tunnelsUp", "tunnelsTotal", "lastSeenAt",
                                    "updatedAt")
       SELECT 'bench_conn_' || g, $1, a.id, a.provider,
              (ARRAY['us-east-1','eu-west-1','ap-southeast-1','cn-hangzhou'])[1 + g % 4],
              'vpn-' || lpad(to_hex(g), 8, '0'), 'bench-connection-' || lpad(g::text, 5, '0'), 'available',
              (CASE WHEN b.grade IN ('A', 'F') OR (b.grade = 'D' AND g % 2 = 0) THEN 'BGP' ELSE 'STATIC' END)::"Routing",
              '198.51.' || (g / 250) % 256 || '.' || g % 250,
              jsonb_build_object('env', (ARRAY['prod','staging','dev'])[1 + g % 3], 'team', 'team-' || g % 7),
              (CASE WHEN g % 50 = 0 THEN 'CRITICAL' WHEN g % 10 = 1 THEN 'HIGH' WHEN g % 10 = 2 THEN 'LOW'
                    ELSE 'NORMAL' END)::"Criticality",
              n.normalized, b.grade::"Grade",
              CASE b.grade WHEN 'A' THEN $2::int WHEN 'B' THEN $3::int WHEN 'C' THEN $4::int WHEN 'D' THEN $5::int
                           WHEN 'F' THEN $6::int END,
              CASE b.grade WHEN 'A' THEN ARRAY[]::text[] WHEN 'B' THEN ARRAY['STATIC_ROUTING']
                           WHEN 'C' THEN ARRAY['STATIC_ROUTING','NO_AUTOMATIC_FAILOVER']
                           WHEN 'D' THEN ARRAY['TUNNEL_REDUNDANCY_LOST'] WHEN 'F' THEN ARRAY['TUNNEL_REDUNDANCY_LOST']
                           ELSE ARRAY[]::text[] END,
              CASE b.grade WHEN 'D' THEN 1 WHEN 'F' THEN 0 ELSE 2 END, 2, now(), now()
         FROM generate_series(1, $7::int) g
         JOIN "CloudAccount" a ON a.id = 'bench_acct_' || (1 + g % 8)
         CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 < 6 THEN 'A' WHEN g % 20 < 11 THEN 'B' WHEN g % 20 < 15 THEN 'C'
                                         WHEN g % 20 < 18 THEN 'D' WHEN g % 20 = 18 THEN 'F' END AS grade) b
         CROSS JOIN LATERAL (SELECT 'vpn-' || lpad(to_hex(g), 8, '0') AS ext,
                                    (ARRAY['us-east-1','eu-west-1','ap-southeast-1','cn-hangzhou'])[1 + g % 4] AS region,
                                    CASE b.grade WHEN 'D' THEN 1 WHEN 'F' THEN 0 ELSE 2 END AS up) x
         -- The normalised connection as the worker stores it (about 2 kB), so rows are as wide as real ones.
         CROSS JOIN LATERAL (SELECT jsonb_build_object(
           'provider', lower(a.provider::text), 'externalId', x.ext, 'name', 'bench-connection-' || lpad(g::text, 5, '0'),
           'region', x.region, 'state', 'available',
           'routing', CASE WHEN b.grade IN ('A', 'F') OR (b.grade = 'D' AND g % 2 = 0) THEN 'bgp' ELSE 'static' END,
           'gatewayId', 'vgw-' || lpad(to_hex(g * 13), 17, '0'), 'customerGatewayId', 'cgw-' || lpad(to_hex(g * 7), 17, '0'),
           'customerGatewayIp', '198.51.' || (g / 250) % 256 || '.' || g % 250, 'localAsn', 64512, 'remoteAsn', 65000 + g % 500,
           'tags', jsonb_build_object('env', (ARRAY['prod','staging','dev'])[1 + g % 3], 'team', 'team-' || g % 7),
           'tunnels', (SELECT jsonb_agg(jsonb_build_object(
               'index', i, 'outsideIp', '203.0.' || (g / 250) % 256 || '.' || g % 250, 'insideCidr', '169.254.' || g % 250 || '.0/30',
               'status', CASE WHEN i <= x.up THEN 'UP' WHEN g % 97 = 0 THEN 'UNKNOWN' ELSE 'DOWN' END,
               'statusMessage', CASE WHEN i <= x.up THEN '3 BGP ROUTES' ELSE 'IPSEC IS DOWN' END, 'acceptedRouteCount', 3,
               'options', jsonb_build_object('ikeVersions', jsonb_build_array('ikev2'), 'phase1LifetimeSec', 28800,
                 'phase2LifetimeSec', 3600, 'rekeyMarginSec', 270, 'rekeyFuzzPct', 100, 'replayWindow', 1024,
                 'dpdEnabled', true, 'dpdTimeoutSec', 30, 'dpdTimeoutAction', 'restart',
                 'phase1Encryption', jsonb_build_array('AES256', 'AES256-GCM-16'),
                 'phase1Integrity', jsonb_build_array('SHA2-256', 'SHA2-384'), 'phase1DhGroups', jsonb_build_array(14, 19, 20),
                 'phase2Encryption', jsonb_build_array('AES256', 'AES256-GCM-16'),
                 'phase2Integrity', jsonb_build_array('SHA2-256', 'SHA2-384'), 'phase2DhGroups', jsonb_build_array(14, 19, 20),
                 'pfsEnabled', true, 'startupAction', 'start', 'natTraversal', true, 'loggingEnabled', true),
               'bgp', jsonb_build_object('status', CASE WHEN i <= x.up THEN 'up' ELSE 'down' END,
                                         'receivedAsPath', jsonb_build_array(65000 + g % 500))) ORDER BY i)
             FROM generate_series(1, 2) i),
           'logStreams', (SELECT jsonb_agg(jsonb_build_object(
               'key', 'aws:' || x.region || ':/aws/vendedlogs/vpn:' || x.ext || '_203.0.' || (g / 250) % 256 || '.' || i,
               'kind', 'tunnel', 'region', x.region, 'connectionExternalId', x.ext, 'tunnelIndex', i,
               'locator', jsonb_build_object('logGroupName', '/aws/vendedlogs/vpn',
                                             'logStreamName', x.ext || '_203.0.' || (g / 250) % 256 || '.' || i)) ORDER BY i)
             FROM generate_series(1, 2) i)) AS normalized) n`,
      [
        TENANT_ID,
        DOWNTIME_BY_GRADE.A,
        DOWNTIME_BY_GRADE.B,
        DOWNTIME_BY_GRADE.C,
        DOWNTIME_BY_GRADE.D,
        DOWNTIME_BY_GRADE.F,
        CONNECTIONS,
      ],
    );
    // Tunnel n is UP while n <= tunnelsUp; one in 97 connections has its last tunnel UNKNOWN.
    await step(
      client,
      "tunnels",
      `INSERT INTO "Tunnel" (id, "tenantId", "connectionId", index, "outsideIp", status, "statusMessage",
                             "lastStatusChange", "ikeVersions", "phase1LifetimeSec", "phase2LifetimeSec",
                             "rekeyMarginSec", "rekeyFuzzPct", "replayWindow", "dpdEnabled", "dpdTimeoutSec",
                             "dpdTimeoutAction", "pfsEnabled", "phase1Encryption", "phase1Integrity", "phase1DhGroups",
                             "phase2Encryption", "phase2Integrity", "phase2DhGroups", "startupAction", "natTraversal",
                             "loggingEnabled", "updatedAt")
       SELECT c.id || '_t' || i, c."tenantId", c.id, i, '203.0.' || (n / 250) % 256 || '.' || n % 250,
              (CASE WHEN i <= c."tunnelsUp" THEN 'UP' WHEN n % 97 = 0 THEN 'UNKNOWN' ELSE 'DOWN' END)::"TunnelStatus",
              CASE WHEN i <= c."tunnelsUp" THEN NULL ELSE 'IPSEC IS DOWN' END,
              now() - make_interval(mins => n % 600, secs => 17), ARRAY['ikev2'], 28800, 3600, 270, 100, 1024, true, 30,
              'restart', true, ARRAY['AES256'], ARRAY['SHA2-256'], ARRAY[14], ARRAY['AES256'], ARRAY['SHA2-256'],
              ARRAY[14], 'start', true, true, now()
         FROM (SELECT *, substr(id, 12)::int AS n FROM "VpnConnection") c
         CROSS JOIN generate_series(1, $1::int) i`,
      [TUNNELS_PER_CONNECTION],
    );
    await step(
      client,
      "posture snapshots",
      `INSERT INTO "PostureSnapshot" (id, "tenantId", "connectionId", grade, findings, "expectedDowntimeSec", hash,
                                      "evaluatedAt")
       SELECT c.id || '_p', c."tenantId", c.id, c.grade, '[]'::jsonb, c."expectedDowntimeSec", md5(c.id), now()
         FROM "VpnConnection" c WHERE c.grade IS NOT NULL`,
    );
    // Active incidents: one per tunnel that is not UP, plus lost redundancy on connections with one
    // tunnel down; a history of resolved ones besides.
    await step(
      client,
      "active incidents",
      `INSERT INTO "Incident" (id, "tenantId", "connectionId", "tunnelId", kind, code, severity, status, title,
                               "activeKey", "firstEventAt", "lastEventAt", "openedAt", "updatedAt")
       SELECT t.id || '_i', t."tenantId", t."connectionId", t.id, 'LOG_FAULT'::"IncidentKind", x.code, 'MAJOR'::"Severity",
              (CASE WHEN h % 3 = 0 THEN 'ACKNOWLEDGED' ELSE 'OPEN' END)::"IncidentStatus",
              x.code || ' on tunnel ' || t.index, t.id || ':' || x.code, now() - interval '3 hours',
              now() - interval '1 minute', now() - interval '3 hours', now()
         FROM (SELECT *, abs(hashtext(id)) AS h FROM "Tunnel" WHERE status <> 'UP') t
         CROSS JOIN LATERAL (SELECT (ARRAY['DPD_TIMEOUT','PEER_UNREACHABLE','IKE_PROPOSAL_MISMATCH','IKE_AUTH_FAILURE',
                                           'TUNNEL_DOWN_OTHER','REKEY_FAILURE'])[1 + t.h % 6] AS code) x
       UNION ALL
       SELECT c.id || '_r', c."tenantId", c.id, NULL, 'FINDING'::"IncidentKind", 'TUNNEL_REDUNDANCY_LOST', 'MAJOR'::"Severity",
              'OPEN'::"IncidentStatus",
              'Tunnel redundancy lost', c.id || ':TUNNEL_REDUNDANCY_LOST', now() - interval '3 hours',
              now() - interval '1 minute', now() - interval '3 hours', now()
         FROM "VpnConnection" c WHERE c."tunnelsUp" = 1`,
    );
    await step(
      client,
      "resolved incidents",
      `INSERT INTO "Incident" (id, "tenantId", "connectionId", "tunnelId", kind, code, severity, status, title,
                               "firstEventAt", "lastEventAt", "openedAt", "resolvedAt", "resolvedReason", "updatedAt")
       SELECT 'bench_inc_' || g, $1, 'bench_conn_' || (1 + g % $2::int), 'bench_conn_' || (1 + g % $2::int) || '_t1',
              'LOG_FAULT', (ARRAY['DPD_TIMEOUT','IDLE_TIMEOUT','REKEY_FAILURE','BGP_SESSION_DOWN'])[1 + g % 4], 'MAJOR',
              'RESOLVED', 'resolved bench incident', now() - make_interval(mins => g % 43200) - interval '1 hour',
              now() - make_interval(mins => g % 43200), now() - make_interval(mins => g % 43200) - interval '1 hour',
              now() - make_interval(mins => g % 43200), 'TUNNEL_UP held', now()
         FROM generate_series(1, 50000) g`,
      [TENANT_ID, CONNECTIONS],
    );
    await step(
      client,
      "maintenance events",
      `INSERT INTO "MaintenanceEvent" (id, "tenantId", provider, source, "externalId", "cloudAccountId", "connectionId",
                                       "tunnelIndex", region, title, status, "startsAt", "updatedAt")
       SELECT 'bench_mx_' || g, c."tenantId", c.provider, 'AWS_TUNNEL_LIFECYCLE', c."externalId" || ':' || g,
              c."cloudAccountId", c.id, 1, c.region, 'Tunnel endpoint replacement',
              (CASE WHEN g % 10 = 0 THEN 'COMPLETED' WHEN g % 25 = 1 THEN 'IN_PROGRESS'
                    ELSE 'UPCOMING' END)::"MaintenanceStatus",
              now() + make_interval(days => g % 40), now()
         FROM generate_series(1, 600) g
         JOIN "VpnConnection" c ON c.id = 'bench_conn_' || (1 + (g * 37) % $1::int)`,
      [CONNECTIONS],
    );
    await step(
      client,
      "status transitions",
      `INSERT INTO "TunnelStatusTransition" ("tenantId", "tunnelId", "fromStatus", "toStatus", "statusMessage",
                                             "occurredAt", "observedAt")
       SELECT t."tenantId", t.id, 'UP'::"TunnelStatus", t.status, t."statusMessage", t."lastStatusChange", t."lastStatusChange"
         FROM "Tunnel" t WHERE t.status <> 'UP'
       UNION ALL
       SELECT t."tenantId", t.id, s.from_status::"TunnelStatus", s.to_status::"TunnelStatus", NULL,
              now() - make_interval(hours => k * 9, mins => abs(hashtext(t.id)) % 60) + s.offset_time,
              now() - make_interval(hours => k * 9, mins => abs(hashtext(t.id)) % 60) + s.offset_time
         FROM (SELECT * FROM "Tunnel" WHERE abs(hashtext(id)) % 5 = 0) t
         CROSS JOIN generate_series(1, 18) k
         CROSS JOIN (VALUES ('UP', 'DOWN', interval '0'), ('DOWN', 'UP', interval '4 minutes')) s(from_status, to_status, offset_time)`,
    );

    const uptimeIndexes = await dropSecondaryIndexes(client, "TunnelUptimeHourly");
    // 60 samples an hour per tunnel: tunnels that are down now were down for their last hours,
    // and one tunnel-hour in 40 has a short dip.
    await step(
      client,
      `hourly uptime (${DAYS} days)`,
      `INSERT INTO "TunnelUptimeHourly" ("tenantId", "tunnelId", hour, "upSamples", "downSamples")
       SELECT t."tenantId", t.id, h.hour, 60 - d.down, d.down
         FROM (SELECT id, "tenantId", status, abs(hashtext(id)) AS k FROM "Tunnel") t
         CROSS JOIN (SELECT date_trunc('hour', now()::timestamp) - make_interval(hours => n) AS hour, n
                       FROM generate_series(0, $1::int * 24 - 1) n) h
         CROSS JOIN LATERAL (SELECT CASE WHEN t.status <> 'UP' AND h.n < 1 + t.k % 12 THEN 60
                                         WHEN (t.k + h.n) % 40 = 0 THEN 5 ELSE 0 END AS down) d`,
      [DAYS],
    );
    for (const definition of uptimeIndexes) await client.query(definition);

    const eventIndexes = await dropSecondaryIndexes(client, "TunnelLogEvent");
    // Events in time order (as the worker stores them), spread evenly over the last week.
    const chunk = 500_000;
    const spacingMs = (DAYS * 86_400_000) / EVENTS;
    for (let from = 1; from <= EVENTS; from += chunk) {
      const to = Math.min(EVENTS, from + chunk - 1);
      await step(
        client,
        `log events ${from.toLocaleString("en")}-${to.toLocaleString("en")}`,
        `INSERT INTO "TunnelLogEvent" ("tenantId", "cloudAccountId", "connectionId", "tunnelId", source, stream,
                                       "occurredAt", raw, vendor, code, severity, phase, confidence, fingerprint)
         SELECT $1, 'bench_acct_' || (1 + c % 8), 'bench_conn_' || c, 'bench_conn_' || c || '_t' || (1 + g % 2),
                'PROVIDER', 'vpn-' || lpad(to_hex(c), 8, '0') || '-' || (1 + g % 2),
                now()::timestamp - make_interval(secs => ($4::int - g) * $5::float8 / 1000),
                '{"event_timestamp":' || g || ',"details":"' || x.code || ' bench line"}', 'aws', x.code,
                x.severity::"Severity", NULL, 0.9, md5(g::text)
           FROM generate_series($2::int, $3::int) g
           CROSS JOIN LATERAL (SELECT (1 + (g::bigint * 7919) % $6::int)::int AS c) k(c)
           CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 60 THEN 'INFO' WHEN g % 100 < 72 THEN 'TUNNEL_UP'
                                           WHEN g % 100 < 80 THEN 'DPD_TIMEOUT' WHEN g % 100 < 86 THEN 'IDLE_TIMEOUT'
                                           WHEN g % 100 < 90 THEN 'REKEY_FAILURE' WHEN g % 100 < 93 THEN 'BGP_SESSION_DOWN'
                                           WHEN g % 100 < 95 THEN 'PEER_UNREACHABLE'
                                           WHEN g % 100 < 97 THEN 'IKE_PROPOSAL_MISMATCH' ELSE 'UNKNOWN' END AS code,
                                      CASE WHEN g % 100 < 72 OR g % 100 >= 97 THEN 'INFO'
                                           WHEN g % 100 < 80 OR g % 100 >= 86 AND g % 100 < 93 THEN 'MAJOR'
                                           WHEN g % 100 < 86 THEN 'MINOR' ELSE 'CRITICAL' END AS severity) x`,
        [TENANT_ID, from, to, EVENTS, spacingMs, CONNECTIONS],
      );
    }
    for (const definition of eventIndexes) {
      const startedIndex = performance.now();
      await client.query(definition);
      say(`  index ${definition.split(" ")[2]}: ${((performance.now() - startedIndex) / 1000).toFixed(1)} s`);
    }
    await client.query("SET session_replication_role = DEFAULT");
    const startedVacuum = performance.now();
    await client.query("VACUUM (ANALYZE)");
    say(`  vacuum analyze: ${((performance.now() - startedVacuum) / 1000).toFixed(1)} s`);
    await client.query(`UPDATE "Tenant" SET name = $2 WHERE id = $1`, [
      TENANT_ID,
      `Bench overview (${SEED_VERSION}, complete)`,
    ]);
  } finally {
    await client.end();
  }
  say(`Seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// --- Seed (or reuse) -----------------------------------------------------------------------
let shape = process.env.BENCH_RESEED ? null : await seededShape();
if (shape) {
  say(
    `Reusing ${DATABASE}: ${shape.tunnels.toLocaleString("en")} tunnels, ${shape.events.toLocaleString("en")} events`,
  );
} else {
  await seed();
  shape = await seededShape();
  if (!shape) throw new Error(`${DATABASE} is not complete after seeding`);
}
if (process.env.BENCH_SEED_ONLY) process.exit(0);

// --- Measure -------------------------------------------------------------------------------
// The API's tenant-scoped client reads DATABASE_URL when it first connects.
process.env.DATABASE_URL = benchUrl;
const { appRouter, createApiContext, createCallerFactory } = await import("@tunnelwatch/api");
const { disconnectPrisma, getPrisma } = await import("@tunnelwatch/db");
const prisma = getPrisma();
const createCaller = createCallerFactory(appRouter);
// A new context per call, as every HTTP request gets one; the membership lookup is part of the cost.
const overview = async () =>
  createCaller(
    await createApiContext({ prisma, sessionUserId: USER_ID, authorization: null, tenantHint: null, ip: "127.0.0.1" }),
  ).fleet.overview();

const first = performance.now();
const sample = await overview();
say(`first call (cold caches): ${(performance.now() - first).toFixed(1)} ms`);
say(
  `  tunnels up/down/unknown ${sample.tunnels.up}/${sample.tunnels.down}/${sample.tunnels.unknown}, ` +
    `${sample.connections.total} connections, ${sample.incidents.open} open incidents, ` +
    `${sample.uptime.length} uptime hours, ${sample.maintenanceRisk.length} at-risk rows, ` +
    `${sample.accounts.syncProblems} accounts with sync problems`,
);
for (let i = 0; i < WARM_UP; i++) await overview();
const timings: number[] = [];
for (let i = 0; i < CALLS; i++) {
  const started = performance.now();
  await overview();
  timings.push(performance.now() - started);
}
await disconnectPrisma();
timings.sort((a, b) => a - b);
const percentile = (p: number) => timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;
say(
  `fleet.overview x ${CALLS}: p50 ${round(percentile(50))} ms, p95 ${round(percentile(95))} ms, ` +
    `p99 ${round(percentile(99))} ms, max ${round(timings.at(-1) ?? 0)} ms`,
);
console.log(
  JSON.stringify({
    p50Ms: round(percentile(50)),
    p95Ms: round(percentile(95)),
    tunnels: shape.tunnels,
    events: shape.events,
  }),
);
