import { parseArgs } from "node:util";
import { dbEnv, loadEnv } from "@tunnelwatch/config";
import { API_TOKEN_SCOPES, type ApiTokenScope, createApiToken, createPrismaClient } from "@tunnelwatch/db";
import { type Command, UsageError } from "../command.ts";

export const tokenCreate: Command = {
  name: "token:create",
  summary: "Create an API token for an organisation (printed once)",
  usage: `tunnelwatch token:create --tenant <slug> --name <name> [--scope read] [--scope write]

Creates an API token for integrations and prints it once; only its hash is stored. Scopes:
read (query the API), write (change things, push customer-gateway logs). Default: read.
Tokens are also managed in the web app under API tokens.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { tenant: { type: "string" }, name: { type: "string" }, scope: { type: "string", multiple: true } },
    });
    if (!values.tenant || !values.name) throw new UsageError("--tenant and --name are required");
    const scopes = (values.scope ?? ["read"]) as ApiTokenScope[];
    const unknown = scopes.filter((s) => !(API_TOKEN_SCOPES as readonly string[]).includes(s));
    if (unknown.length > 0)
      throw new UsageError(`unknown scope ${unknown.join(", ")}; one of ${API_TOKEN_SCOPES.join(", ")}`);
    const prisma = createPrismaClient(loadEnv(dbEnv(), io.env).DATABASE_URL, { maxConnections: 1 });
    try {
      const tenant = await prisma.tenant.findUnique({
        where: { slug: values.tenant },
        select: { id: true, name: true },
      });
      if (!tenant) throw new UsageError(`no organisation with slug "${values.tenant}"`);
      const created = await createApiToken(prisma, { tenantId: tenant.id, name: values.name, scopes });
      io.stdout.write(`${created.token}\n`);
      io.stderr.write(`Token "${values.name}" (${scopes.join(", ")}) for ${tenant.name}. Shown once: store it now.\n`);
      return 0;
    } finally {
      await prisma.$disconnect();
    }
  },
};
