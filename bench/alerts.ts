// npm run bench:alerts
// Time from a tunnel going down in the simulator to the signed webhook arriving, through the
// whole product: the worker process polls the simulated AWS account on its schedule, records
// the transition and its alert event, dispatches it to the rule and delivers it to a local
// receiver. One trial per connection, injected at random moments relative to the poll schedule.
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@tunnelwatch/alerts";
import { newChannelSecret } from "@tunnelwatch/db";
import { createSimulator } from "@tunnelwatch/simulator";
import { openBenchDatabase, seedBenchOrganisation } from "./stage.ts";
import { buildWorker, spawnWorker } from "./worker-process.ts";

const TRIALS = Number(process.env.BENCH_TRIALS ?? 40);
const POLL_INTERVAL_SEC = Number(process.env.BENCH_POLL_INTERVAL_SEC ?? 5);

const say = (message: string) => console.log(message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

buildWorker();
const sim = createSimulator({
  seed: 7,
  fleet: {
    tenants: 1,
    awsAccountsPerTenant: 1,
    alibabaAccountsPerTenant: 0,
    mulesoftOrgsPerTenant: 0,
    awsRegions: ["us-east-1"],
    connectionsPerAccount: TRIALS,
    downTunnelShare: 0,
    maintenanceShare: 0,
    faultsPerTunnelPerDay: 0,
  },
});
const simServer = await sim.listen(0);

// The receiver: arrival time of the first signed tunnel-down webhook per connection.
const arrivals = new Map<string, number>();
let badSignatures = 0;
let secret = "";
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    const arrivedAt = Date.now();
    if (!verifySignature(secret, String(req.headers["x-tunnelwatch-signature"]), body)) badSignatures++;
    const payload = JSON.parse(body) as { type: string; connection?: { externalId: string } };
    const id = payload.connection?.externalId;
    if (payload.type === "tunnel.down" && id && !arrivals.has(id)) arrivals.set(id, arrivedAt);
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tunnelwatch`;

const bench = await openBenchDatabase("bench_alerts");
const { db, prisma, keyring } = bench;
let worker: ChildProcess | undefined;
try {
  const { tenantId } = await seedBenchOrganisation(bench, {
    slug: "bench",
    simulatorUrl: simServer.url,
    accounts: sim.fleet.accounts,
    statusIntervalSec: POLL_INTERVAL_SEC,
    logsIntervalSec: 3600,
  });
  const sealed = newChannelSecret(keyring, tenantId);
  secret = sealed.secret;
  const channel = await prisma.alertChannel.create({
    data: {
      tenantId,
      kind: "WEBHOOK",
      name: "bench receiver",
      config: { url: receiverUrl, format: "json" },
      secretCipher: sealed.secretCipher,
      secretKeyId: sealed.secretKeyId,
    },
  });
  await prisma.alertRule.create({
    data: {
      tenantId,
      name: "Tunnel down",
      trigger: "TUNNEL_DOWN",
      quietPeriodSec: 900,
      channels: { create: [{ channelId: channel.id }] },
    },
  });

  worker = spawnWorker({
    databaseUrl: db.url,
    credentialKeys: bench.credentialKeys,
    env: { PRIVATE_HOSTS_ALLOWED: "127.0.0.1" },
  });

  // Every tunnel known and UP before the first trial: a trial measures a transition.
  const tunnels = TRIALS * 2;
  const deadline = Date.now() + 120_000;
  while ((await prisma.tunnel.count({ where: { status: "UP" } })) < tunnels) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the first status poll");
    await sleep(500);
  }
  await sleep(POLL_INTERVAL_SEC * 1000);
  say(
    `${TRIALS} trials: ${TRIALS} AWS connections polled every ${POLL_INTERVAL_SEC} s by one worker process; each trial takes tunnel 1 of one connection down at a random moment`,
  );

  const injectedAt = new Map<string, number>();
  for (const connection of sim.fleet.connections) {
    await sleep(200 + Math.random() * 800);
    sim.injectFault({ connectionId: connection.id, kind: "dpd-timeout", tunnelIndex: 1, durationSec: 3600 });
    injectedAt.set(connection.id, Date.now());
  }
  const waitUntil = Date.now() + POLL_INTERVAL_SEC * 1000 + 60_000;
  while (arrivals.size < TRIALS && Date.now() < waitUntil) await sleep(250);

  const latencies = [...injectedAt].flatMap(([id, at]) => {
    const arrived = arrivals.get(id);
    return arrived === undefined ? [] : [arrived - at];
  });
  latencies.sort((a, b) => a - b);
  const p50Ms = Math.round(percentile(latencies, 50));
  const p95Ms = Math.round(percentile(latencies, 95));
  say(
    `arrived: ${latencies.length} of ${TRIALS} webhooks (bad signatures: ${badSignatures}); tunnel down -> webhook p50 ${p50Ms} ms, p95 ${p95Ms} ms, max ${latencies.at(-1)} ms`,
  );
  say(
    `target: p95 under 5,000 ms + the ${POLL_INTERVAL_SEC * 1000} ms poll interval = ${5000 + POLL_INTERVAL_SEC * 1000} ms`,
  );
  console.log(JSON.stringify({ p50Ms, p95Ms, pollIntervalMs: POLL_INTERVAL_SEC * 1000, trials: latencies.length }));
  if (latencies.length < TRIALS || badSignatures > 0) process.exitCode = 1;
} finally {
  worker?.kill("SIGTERM");
  if (worker) await new Promise((resolve) => worker?.once("exit", resolve));
  await prisma.$disconnect();
  await db.drop();
  await simServer.close();
  receiver.close();
}
