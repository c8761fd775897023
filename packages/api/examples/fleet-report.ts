// A script an integration could run: prints the fleet's state and its weakest connections
// through the typed API client, authenticated with an API token (read scope is enough).
//
//   TUNNELWATCH_URL=http://localhost:3000 TUNNELWATCH_TOKEN=tw_... \
//     node --import tsx packages/api/examples/fleet-report.ts
import { createTunnelwatchClient } from "../src/client.ts";

const url = process.env.TUNNELWATCH_URL ?? "http://localhost:3000";
const token = process.env.TUNNELWATCH_TOKEN;
if (!token) {
  console.error("Set TUNNELWATCH_TOKEN to an API token (create one on the API tokens page).");
  process.exit(2);
}

const tw = createTunnelwatchClient({ url, token });
const overview = await tw.fleet.overview.query();
console.log(JSON.stringify(overview.tunnels));

// Connections graded D (one tunnel, or static routing without failover), worst downtime first.
const weakest = await tw.connections.list.query({
  grade: "D",
  sort: "expectedDowntimeSec",
  order: "desc",
  pageSize: 10,
});
for (const connection of weakest.items) {
  console.log(`${connection.name}\t${connection.provider}\t${connection.expectedDowntimeSec ?? "?"} s`);
}

const open = await tw.incidents.list.query({ pageSize: 10 });
console.log(`${open.total} open incidents`);
for (const incident of open.items) console.log(`${incident.code}\t${incident.title}`);
