// `tunnelwatch simulator`: start the provider simulator from flags and environment.
import { parseArgs } from "node:util";
import type { FleetShape } from "./fleet.ts";
import { createSimulator, type RunningSimulator, type Simulator } from "./simulator.ts";

const USAGE = `Usage: simulator [options]
  --port <n>                 port (env SIM_PORT, default 4566; 0 picks a free one)
  --host <addr>              bind address (env SIM_HOST, default 127.0.0.1)
  --seed <n>                 fleet and scenario seed (env SIM_SEED, default 1)
  --tenants <n>              tenants (default 2)
  --aws-accounts <n>         AWS accounts per tenant (default 1)
  --alibaba-accounts <n>     Alibaba Cloud accounts per tenant (default 1)
  --mulesoft-orgs <n>        Anypoint organisations per tenant (default 1)
  --connections <n>          VPN connections per account (default 6)
  --aws-regions <a,b>        AWS regions (default us-east-1,eu-west-1)
  --alibaba-regions <a,b>    Alibaba regions (default cn-hangzhou,ap-southeast-1)
  --faults-per-day <n>       scheduled faults per tunnel per day (default 2)
  --log-rate <n>             routine log lines per tunnel per minute (env SIM_LOG_RATE, default 2)
  --history <sec>            seconds of log history before start (default 3600)
  --json                     print the fleet (accounts, credentials, connections) as JSON
  --help`;

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${value}"`);
  return n;
}

export interface SimulatorCliResult {
  simulator: Simulator;
  server: RunningSimulator;
}

export async function runSimulatorCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<SimulatorCliResult | null> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      tenants: { type: "string" },
      "aws-accounts": { type: "string" },
      "alibaba-accounts": { type: "string" },
      "mulesoft-orgs": { type: "string" },
      connections: { type: "string" },
      "aws-regions": { type: "string" },
      "alibaba-regions": { type: "string" },
      "faults-per-day": { type: "string" },
      "log-rate": { type: "string" },
      history: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const shape: Partial<FleetShape> = {
    tenants: int(values.tenants, "--tenants"),
    awsAccountsPerTenant: int(values["aws-accounts"], "--aws-accounts"),
    alibabaAccountsPerTenant: int(values["alibaba-accounts"], "--alibaba-accounts"),
    mulesoftOrgsPerTenant: int(values["mulesoft-orgs"], "--mulesoft-orgs"),
    connectionsPerAccount: int(values.connections, "--connections"),
    faultsPerTunnelPerDay: int(values["faults-per-day"], "--faults-per-day"),
    awsRegions: values["aws-regions"]?.split(",").filter(Boolean),
    alibabaRegions: values["alibaba-regions"]?.split(",").filter(Boolean),
  };
  const simulator = createSimulator({
    seed: int(values.seed ?? env.SIM_SEED, "--seed") ?? 1,
    fleet: shape,
    logRatePerTunnelPerMinute: int(values["log-rate"] ?? env.SIM_LOG_RATE, "--log-rate"),
    historySec: int(values.history, "--history"),
  });
  const server = await simulator.listen(
    int(values.port ?? env.SIM_PORT, "--port") ?? 4566,
    values.host ?? env.SIM_HOST ?? "127.0.0.1",
  );
  if (values.json) {
    console.log(JSON.stringify(simulator.fleetView(server.url), null, 2));
  } else {
    console.log(`Tunnelwatch provider simulator listening on ${server.url}`);
    console.log(simulator.summary());
    console.log(`Fleet and credentials: GET ${server.url}/_sim/fleet`);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return { simulator, server };
}
