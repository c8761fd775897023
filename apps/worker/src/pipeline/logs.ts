// Log pull of one cloud account: for each tunnel log stream, pages from the stored cursor are
// classified, stored once (fingerprints), and the cursor moves in the same transaction; new
// fault events fold into the tunnel's incidents.
import { isDeepStrictEqual } from "node:util";
import type { Vendor } from "@tunnelwatch/core";
import { insertLogEvents, type Prisma } from "@tunnelwatch/db";
import { mapLimit } from "../providers/common/pool.ts";
import type { LogCursor, LogStreamRef, ProviderClient } from "../providers/types.ts";
import { classifyEvents } from "./classify-events.ts";
import { foldNewEvents } from "./fold-batch.ts";
import { type IncidentScope, policyOf } from "./incidents.ts";

type Tx = Prisma.TransactionClient;
type Db = { $transaction: <T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }) => Promise<T> } & Tx;

export interface LogsAccount {
  id: string;
  tenantId: string;
  provider: "AWS" | "ALIBABA" | "MULESOFT";
  tenant: { incidentOpenDelaySec: number; incidentResolveDelaySec: number };
}

export interface LogsResult {
  streams: number;
  pages: number;
  events: number;
  inserted: number;
}

const VENDOR_OF: Record<LogsAccount["provider"], Vendor | undefined> = {
  AWS: "aws",
  ALIBABA: "alibaba",
  MULESOFT: undefined,
};

export const STREAMS_IN_PARALLEL = 8;

// First pull of a stream starts this far back; later pulls follow the cursor.
export const FIRST_PULL_LOOKBACK_MS = 60 * 60 * 1000;

export async function pullAccountLogs(
  db: Db,
  account: LogsAccount,
  client: ProviderClient,
  options: { now: Date; maxEventsPerPage: number; maxPagesPerStream: number; deadline: number },
): Promise<LogsResult> {
  const result: LogsResult = { streams: 0, pages: 0, events: 0, inserted: 0 };
  const connections = await db.vpnConnection.findMany({
    where: { tenantId: account.tenantId, cloudAccountId: account.id, deletedAt: null },
    select: { id: true, normalized: true, tunnels: { select: { id: true, index: true } } },
  });
  const policy = policyOf(account.tenant);
  const work = connections.flatMap((connection) =>
    (((connection.normalized as { logStreams?: LogStreamRef[] }).logStreams ?? []) as LogStreamRef[]).map((stream) => ({
      connection,
      stream,
    })),
  );
  // The stored cursors are read once per run; after that each committed page's cursor is the
  // stream's position (a run never overlaps another run of the same account).
  const storedCursors = await db.ingestionCursor.findMany({
    where: { cloudAccountId: account.id },
    select: { stream: true, position: true },
  });
  const storedPosition = new Map(storedCursors.map((c) => [c.stream, c.position as LogCursor]));
  // Streams are independent (own cursor, own tunnel): a few at a time keeps both the provider
  // and PostgreSQL busy without flooding either.
  await mapLimit(work, STREAMS_IN_PARALLEL, async ({ connection, stream }) => {
    result.streams++;
    const tunnel = connection.tunnels.find((t) => t.index === stream.tunnelIndex) ?? null;
    let position = storedPosition.get(stream.key) ?? null;
    const since = new Date(options.now.getTime() - FIRST_PULL_LOOKBACK_MS);
    for (let page = 0; page < options.maxPagesPerStream && Date.now() < options.deadline; page++) {
      const pulled = await client.pullLogs(stream, position, { since, maxEvents: options.maxEventsPerPage });
      result.pages++;
      result.events += pulled.events.length;
      // A quiet stream (no events, same position) has nothing to store: no transaction for it.
      if (pulled.events.length === 0 && isDeepStrictEqual(pulled.cursor, position)) break;
      const classified = classifyEvents({
        tenantId: account.tenantId,
        cloudAccountId: account.id,
        connectionId: connection.id,
        tunnelId: tunnel?.id ?? null,
        source: "PROVIDER",
        stream: stream.key,
        vendor: VENDOR_OF[account.provider],
        events: pulled.events.map((e) => ({ id: e.id, timestamp: e.timestamp, message: e.message })),
      });
      // Read the count after the await: `result.inserted += await ...` would lose concurrent updates.
      const inserted = await db.$transaction(
        async (tx) => {
          const inserted = await insertLogEvents(
            tx,
            classified.map((c) => c.row),
          );
          await tx.ingestionCursor.upsert({
            where: { cloudAccountId_stream: { cloudAccountId: account.id, stream: stream.key } },
            create: {
              tenantId: account.tenantId,
              cloudAccountId: account.id,
              stream: stream.key,
              position: pulled.cursor as Prisma.InputJsonValue,
            },
            update: { position: pulled.cursor as Prisma.InputJsonValue },
          });
          const scope: IncidentScope = {
            tenantId: account.tenantId,
            connectionId: connection.id,
            tunnelId: tunnel?.id ?? null,
            tunnelIndex: stream.tunnelIndex ?? null,
          };
          await foldNewEvents(tx, scope, classified, inserted, policy);
          return inserted.size;
        },
        { timeout: 30_000 },
      );
      result.inserted += inserted;
      position = pulled.cursor;
      if (!pulled.hasMore) break;
    }
  });
  return result;
}
