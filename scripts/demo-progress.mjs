// Shows the demo filling up: how many of the simulator's connections the worker has polled so
// far, then the grades and open incidents, so the person starting the demo knows it is alive.
import pg from "pg";

const [simulatorUrl, tenantSlug = "demo", workerPid] = process.argv.slice(2);

const isRunning = (pid) => {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};
const fleet = await (await fetch(new URL("/_sim/fleet", simulatorUrl))).json();
const expected = fleet.connections.length;
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const count = async (sql) => Number((await client.query(sql, [tenantSlug])).rows[0].n);
const TENANT = `(SELECT id FROM "Tenant" WHERE slug = $1)`;
const deadline = Date.now() + 180_000;
let reported = -1;
let reportedAt = 0;
try {
  for (;;) {
    if (workerPid && !isRunning(workerPid)) {
      console.error("The worker stopped: see the [worker] lines above.");
      process.exit(1);
    }
    const seen = await count(
      `SELECT count(*) AS n FROM "VpnConnection" WHERE "tenantId" = ${TENANT} AND "deletedAt" IS NULL`,
    );
    if (seen >= expected) break;
    if (Date.now() > deadline) {
      console.log(`Polled ${seen} of ${expected} connections so far; the rest follow (see the [worker] lines).`);
      process.exit(0);
    }
    if (seen !== reported || Date.now() - reportedAt > 15_000) {
      console.log(`Polling the simulated accounts: ${seen} of ${expected} connections`);
      reported = seen;
      reportedAt = Date.now();
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
  const grades = await client.query(
    `SELECT "grade", count(*)::int AS n FROM "VpnConnection" WHERE "tenantId" = ${TENANT} AND "deletedAt" IS NULL GROUP BY 1 ORDER BY 1`,
    [tenantSlug],
  );
  const incidents = await count(
    `SELECT count(*) AS n FROM "Incident" WHERE "tenantId" = ${TENANT} AND "status" IN ('OPEN', 'ACKNOWLEDGED')`,
  );
  const byGrade = grades.rows.map((r) => `${r.grade ?? "?"}: ${r.n}`).join(", ");
  console.log(`All ${expected} connections polled. HA grades ${byGrade}; ${incidents} open incidents so far.`);
} finally {
  await client.end();
}
