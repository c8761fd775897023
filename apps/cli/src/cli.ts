import { ConfigError } from "@tunnelwatch/config";
import { type Command, type CommandIo, UsageError } from "./command.ts";
import { alertsReceiver } from "./commands/alerts-receiver.ts";
import { classify } from "./commands/classify.ts";
import { dbCheck } from "./commands/db-check.ts";
import { fetchStatus } from "./commands/fetch-status.ts";
import { gatewayConfig } from "./commands/gateway-config.ts";
import { ingest } from "./commands/ingest.ts";
import { playbook } from "./commands/playbook.ts";
import { posture } from "./commands/posture.ts";
import { simulator } from "./commands/simulator.ts";
import { simulatorConnect } from "./commands/simulator-connect.ts";
import { tokenCreate } from "./commands/token-create.ts";

export const COMMANDS: Command[] = [
  classify,
  posture,
  playbook,
  gatewayConfig,
  fetchStatus,
  simulator,
  simulatorConnect,
  ingest,
  tokenCreate,
  alertsReceiver,
  dbCheck,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `tunnelwatch: fleet tooling for site-to-site IPsec VPNs

usage: npm run -s tunnelwatch -- <command> [flags]
       npm run -s tunnelwatch -- <command> --help

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}
`;
}

export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(overview());
    return name ? 0 : 64;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`tunnelwatch: unknown command "${name}"\n\n${overview()}`);
    return 64;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`tunnelwatch ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return 64;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`tunnelwatch ${name}: ${error.message}\n`);
      return 78;
    }
    io.stderr.write(`tunnelwatch ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
