// Connections on stdin for the commands that take them (posture, gateway-config): normalised
// connections or the providers' own output, one or a list. Bad input is reported on stderr with
// exit code 65 (EX_DATAERR).
import { InvalidConnectionError, type NormalizedConnection, parseConnection } from "@tunnelwatch/core";
import { type CommandIo, UsageError } from "./command.ts";
import { readConnectionsInput } from "./provider-connections.ts";
import { readAllText } from "./read-stdin.ts";

const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export type ConnectionInput = { connections: NormalizedConnection[]; isList: boolean } | { exitCode: number };

export async function readConnections(
  io: CommandIo,
  command: string,
  where: { region: string; anypointVpc: string },
): Promise<ConnectionInput> {
  const text = await readAllText(io.stdin, MAX_INPUT_BYTES);
  if (!text.trim()) throw new UsageError("no input: pipe a connection (JSON) into stdin");
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    io.stderr.write(`tunnelwatch ${command}: the input is not valid JSON (${(error as Error).message})\n`);
    return { exitCode: 65 };
  }
  const { items, isList } = readConnectionsInput(input, where);
  const connections: NormalizedConnection[] = [];
  for (const [i, item] of items.entries()) {
    try {
      connections.push(parseConnection(item));
    } catch (error) {
      if (!(error instanceof InvalidConnectionError)) throw error;
      io.stderr.write(
        `tunnelwatch ${command}: connection ${isList ? `#${i + 1} ` : ""}is invalid:\n${error.message}\n`,
      );
      return { exitCode: 65 };
    }
  }
  return { connections, isList };
}
