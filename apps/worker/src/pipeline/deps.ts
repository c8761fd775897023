import type { Keyring, PrismaClient } from "@tunnelwatch/db";
import type { Redis } from "ioredis";
import type { AccountTarget, ProviderClient } from "../providers/types.ts";

/** What the pipeline's jobs need, passed in so tests and the process wire them the same way. */
export interface PipelineDeps {
  prisma: PrismaClient;
  redis: Redis;
  keyring: Keyring;
  queuePrefix: string;
  clientFor: (target: AccountTarget) => ProviderClient;
  now: () => Date;
}
