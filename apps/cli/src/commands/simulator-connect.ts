import { parseArgs } from "node:util";
import { credentialsEnv, dbEnv, loadEnv } from "@tunnelwatch/config";
import { createPrismaClient, parseKeyring } from "@tunnelwatch/db";
import { type SimulatedAccount, seedSimulatedAccounts } from "@tunnelwatch/worker/seed-simulated";
import { type Command, UsageError } from "../command.ts";

export const simulatorConnect: Command = {
  name: "simulator:connect",
  summary: "Add the simulator's cloud accounts to an organisation (demo and trials)",
  usage: `tunnelwatch simulator:connect --tenant <slug> [--url http://127.0.0.1:4566] [--interval 15]

Reads the running simulator's fleet (GET /_sim/fleet) and adds each of its AWS, Alibaba
Cloud and Anypoint accounts to the organisation, with the simulator as the endpoint and the
credentials encrypted like any other account. Safe to run again: it updates what exists.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { tenant: { type: "string" }, url: { type: "string" }, interval: { type: "string" } },
    });
    if (!values.tenant) throw new UsageError("--tenant is required");
    const url = values.url ?? "http://127.0.0.1:4566";
    const interval = Number(values.interval ?? 15);
    if (!Number.isInteger(interval) || interval < 1) throw new UsageError("--interval is whole seconds, 1 or more");
    const env = loadEnv({ ...dbEnv(), ...credentialsEnv() }, io.env);
    const response = await fetch(new URL("/_sim/fleet", url)).catch((error: Error) => {
      throw new Error(
        `cannot reach the simulator at ${url} (${error.message}); start it with: npm run -s tunnelwatch -- simulator`,
      );
    });
    if (!response.ok) throw new Error(`${url}/_sim/fleet answered ${response.status}`);
    const fleet = (await response.json()) as { accounts: SimulatedAccount[] };
    const prisma = createPrismaClient(env.DATABASE_URL, { maxConnections: 2 });
    try {
      const tenant = await prisma.tenant.findUnique({
        where: { slug: values.tenant },
        select: { id: true, name: true },
      });
      if (!tenant) throw new UsageError(`no organisation with slug "${values.tenant}"`);
      const ids = await seedSimulatedAccounts(
        prisma,
        parseKeyring(env.CREDENTIALS_KEYS, env.CREDENTIALS_ACTIVE_KEY_ID),
        {
          tenantId: tenant.id,
          simulatorUrl: url,
          accounts: fleet.accounts,
          statusIntervalSec: interval,
          logsIntervalSec: interval,
        },
      );
      io.stdout.write(
        `Connected ${ids.size} simulated cloud accounts to ${tenant.name} (polled every ${interval} s).\n`,
      );
      return 0;
    } finally {
      await prisma.$disconnect();
    }
  },
};
