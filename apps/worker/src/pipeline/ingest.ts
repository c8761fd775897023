// Customer-gateway lines pushed over HTTP or the CLI: classified, stored once per batch and line,
// folded into the connection's (or the named tunnel's) incidents — the same path as provider logs.

import type { Vendor } from "@tunnelwatch/core";
import { insertLogEvents, type Prisma } from "@tunnelwatch/db";
import type { JobPayload } from "@tunnelwatch/queue";
import { classifyEvents } from "./classify-events.ts";
import { foldNewEvents } from "./fold-batch.ts";
import { type IncidentScope, policyOf } from "./incidents.ts";

type Tx = Prisma.TransactionClient;
type Db = { $transaction: <T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }) => Promise<T> } & Tx;
export type IngestPayload = JobPayload<"ingest-lines", "ingest">;

export class UnknownConnectionError extends Error {}

export async function ingestLines(
  db: Db,
  payload: Required<IngestPayload>,
): Promise<{ stored: number; duplicates: number }> {
  const connection = await db.vpnConnection.findFirst({
    where: { id: payload.connectionId, tenantId: payload.tenantId },
    select: {
      id: true,
      tunnels: { select: { id: true, index: true } },
      tenant: { select: { incidentOpenDelaySec: true, incidentResolveDelaySec: true } },
    },
  });
  if (!connection)
    throw new UnknownConnectionError(`connection ${payload.connectionId} not found in this organisation`);
  const tunnel =
    payload.tunnelIndex === null ? null : (connection.tunnels.find((t) => t.index === payload.tunnelIndex) ?? null);
  const receivedAt = new Date(payload.receivedAt).getTime();
  const classified = classifyEvents({
    tenantId: payload.tenantId,
    cloudAccountId: null,
    connectionId: connection.id,
    tunnelId: tunnel?.id ?? null,
    source: "CUSTOMER_GATEWAY",
    stream: `cgw:${payload.stream}`,
    vendor: (payload.vendor ?? undefined) as Vendor | undefined,
    events: payload.lines.map((message, i) => ({ id: `${payload.batchId}:${i}`, timestamp: receivedAt, message })),
  });
  const policy = policyOf(connection.tenant);
  const stored = await db.$transaction(
    async (tx) => {
      const inserted = await insertLogEvents(
        tx,
        classified.map((c) => c.row),
      );
      const scope: IncidentScope = {
        tenantId: payload.tenantId,
        connectionId: connection.id,
        tunnelId: tunnel?.id ?? null,
        tunnelIndex: tunnel?.index ?? null,
      };
      await foldNewEvents(tx, scope, classified, inserted, policy);
      return inserted.size;
    },
    { timeout: 30_000 },
  );
  return { stored, duplicates: classified.length - stored };
}
