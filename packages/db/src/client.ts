// The Prisma client over the pg driver adapter, created once per process; and, for the few
// statements Prisma cannot send cheaply (bulk log inserts), the pg connection underneath a
// Prisma transaction, so such a statement still runs inside it.
import { PrismaPg } from "@prisma/adapter-pg";
import { dbEnv, loadEnv } from "@tunnelwatch/config";
import pg from "pg";
import type { Prisma } from "./generated/prisma/client.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

// Every pooled connection this process opened, by its server process id. pg's Client records
// the id the server sends at startup (BackendKeyData) as `processID`; it is what
// pg_backend_pid() returns inside a transaction on that connection.
const connectionsByBackendPid = new Map<number, pg.PoolClient>();
const backendPid = (client: pg.PoolClient) => (client as unknown as { processID: number | null }).processID;

export function createPrismaClient(connectionString: string, options: { maxConnections?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  pool.on("connect", (client) => {
    const pid = backendPid(client);
    if (pid !== null) connectionsByBackendPid.set(pid, client);
  });
  pool.on("remove", (client) => {
    const pid = backendPid(client);
    if (pid !== null && connectionsByBackendPid.get(pid) === client) connectionsByBackendPid.delete(pid);
  });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

export type SqlConnection = Pick<pg.PoolClient, "query">;

/**
 * The pg connection of a Prisma interactive transaction, for statements Prisma cannot send
 * cheaply (COPY, large parameters); they run inside that transaction. Each query on it must be
 * awaited before the transaction's next one is sent, as Prisma's own are.
 */
export async function sqlConnection(tx: Prisma.TransactionClient): Promise<SqlConnection> {
  const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
  const connection = connectionsByBackendPid.get(pid);
  // A client that is not a transaction runs that query on some pooled connection, idle again by now.
  if (connection?.getTransactionStatus() !== "T") {
    throw new Error("sqlConnection takes a Prisma transaction of a client from createPrismaClient");
  }
  return connection;
}

// Kept on globalThis so that Next.js's hot reload in development does not open a new pool per reload.
const holder = globalThis as unknown as { tunnelwatchPrisma?: PrismaClient };

/** The process's Prisma client, connected to DATABASE_URL. */
export function getPrisma(): PrismaClient {
  holder.tunnelwatchPrisma ??= createPrismaClient(loadEnv(dbEnv()).DATABASE_URL);
  return holder.tunnelwatchPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await holder.tunnelwatchPrisma?.$disconnect();
  holder.tunnelwatchPrisma = undefined;
}
