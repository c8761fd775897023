// A two-tunnel AWS connection as the provider client returns it, for pipeline tests.
import type { FetchedConnection, LogStreamRef } from "../src/providers/types.ts";

type Status = "UP" | "DOWN";

export function awsConnection(
  statuses: [Status, Status],
  connection: { externalId: string; name: string; region: string; logStreams?: LogStreamRef[] },
): FetchedConnection {
  const tunnel = (index: number, status: Status) => ({
    index,
    outsideIp: `203.0.113.${index}`,
    status,
    statusMessage: status === "UP" ? "2 BGP ROUTES" : "IPSEC IS DOWN",
    options: { dpdTimeoutAction: "restart" as const, startupAction: "start" as const, loggingEnabled: true },
  });
  return {
    provider: "aws",
    externalId: connection.externalId,
    name: connection.name,
    region: connection.region,
    routing: "bgp",
    tunnels: statuses.map((status, i) => tunnel(i + 1, status)),
    customerGateway: { initiates: true },
    logStreams: connection.logStreams ?? [],
  };
}
