// The Prisma client over the pg driver adapter, created once per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { dbEnv, loadEnv } from "@tunnelwatch/config";
import { PrismaClient } from "./generated/prisma/client.ts";

export function createPrismaClient(connectionString: string, options: { maxConnections?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
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
