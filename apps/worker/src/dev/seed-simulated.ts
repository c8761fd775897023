// Creates the cloud accounts of a simulated fleet in a tenant, pointed at the simulator: what
// the demo, the end-to-end tests and the ingestion benchmark start from.
import type { Keyring, PrismaClient } from "@tunnelwatch/db";
import { sealCredentials } from "../pipeline/account-target.ts";

/** The parts of a simulator fleet account this needs (GET /_sim/fleet returns them). */
export interface SimulatedAccount {
  id: string;
  provider: "aws" | "alibaba" | "mulesoft";
  name: string;
  regions: string[];
  /** As the simulator lists them: accessKeyId/secretAccessKey, accessKeyId/accessKeySecret, or clientId/clientSecret/orgId. */
  credentials: object;
  orgId?: string;
  awsAccountId?: string;
  uid?: string;
}

export async function seedSimulatedAccounts(
  prisma: PrismaClient,
  keyring: Keyring,
  options: {
    tenantId: string;
    simulatorUrl: string;
    accounts: readonly SimulatedAccount[];
    statusIntervalSec?: number;
    logsIntervalSec?: number;
  },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const account of options.accounts) {
    const provider = account.provider.toUpperCase() as "AWS" | "ALIBABA" | "MULESOFT";
    const given = account.credentials as Record<string, string | undefined>;
    const credentials =
      account.provider === "mulesoft"
        ? { clientId: given.clientId, clientSecret: given.clientSecret, orgId: given.orgId ?? account.orgId }
        : given;
    const sealed = sealCredentials(keyring, options.tenantId, credentials as never);
    const externalAccountId = account.awsAccountId ?? account.uid ?? account.orgId ?? null;
    const existing = await prisma.cloudAccount.findFirst({
      where: { tenantId: options.tenantId, provider, name: account.name },
      select: { id: true },
    });
    const data = {
      regions: account.regions,
      endpointOverride: options.simulatorUrl,
      externalAccountId,
      statusIntervalSec: options.statusIntervalSec ?? 30,
      logsIntervalSec: options.logsIntervalSec ?? 30,
      ...sealed,
    };
    const row = existing
      ? await prisma.cloudAccount.update({ where: { id: existing.id }, data, select: { id: true } })
      : await prisma.cloudAccount.create({
          data: { tenantId: options.tenantId, provider, name: account.name, ...data },
          select: { id: true },
        });
    ids.set(account.id, row.id);
  }
  return ids;
}
