// The Prisma client over the pg driver adapter, created once per process; and, for the few
// statements where Prisma's own parameter handling is the cost (bulk log inserts), the pg
// connection underneath a Prisma transaction, so such a statement still runs inside it.
import { PrismaPg } from "@prisma/adapter-pg";
import { dbEnv, loadEnv } from "@tunnelwatch/config";
import pg from "pg";
import type { Prisma } from "./generated/prisma/client.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

// Every pooled connection this process opened, by its server process id. pg's Client records
// the id the server sends at startup (BackendKeyData) as `processID`; it is what
// pg_backend_pid() returns inside a transaction on that connection.
const connectionsByBackendPid = new Map<number, pg.PoolClient>();
const poolOfClient = new WeakMap<PrismaClient, pg.Pool>();
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
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  poolOfClient.set(prisma, pool);
  return prisma;
}

export type SqlConnection = Pick<pg.PoolClient, "query">;

/**
 * Where to send a plain pg query so that it takes part in `db`'s work: the pool of a client, or
 * the very connection (and so the transaction) of a Prisma interactive transaction. Queries on
 * it are ordered with the transaction's own: each is awaited before the next is sent.
 */
export async function sqlConnection(db: PrismaClient | Prisma.TransactionClient): Promise<SqlConnection> {
  const pool = poolOfClient.get(db as PrismaClient);
  if (pool) return pool;
  // A Prisma transaction client cannot be told apart from other clients by its shape: its
  // connection must be inside a transaction, or this is not one.
  const transaction = db as Prisma.TransactionClient;
  const [{ pid }] = await transaction.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
  const connection = connectionsByBackendPid.get(pid);
  if (connection?.getTransactionStatus() !== "T") {
    throw new Error("sqlConnection takes a client from createPrismaClient or a Prisma transaction");
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
