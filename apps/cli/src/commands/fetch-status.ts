import { parseArgs } from "node:util";
import { FetchStatusUsageError, fetchStatusCommand } from "@tunnelwatch/worker/fetch-status";
import { type Command, UsageError } from "../command.ts";

export const fetchStatus: Command = {
  name: "fetch-status",
  summary: "Read an account's VPN connections from the provider, graded (no database)",
  usage: `tunnelwatch fetch-status --provider aws|alibaba|mulesoft [--region R[,R...]] [--org-id ID] [--endpoint URL] [--pretty]

Calls the provider's API exactly as the worker does and prints what Tunnelwatch sees: each
connection, its tunnels (status and status message) and its posture (grade, findings and
expected downtime at the next maintenance), plus pending maintenance and what could not be
read. Touches no database: use it to test credentials before adding an account.

Credentials come from the standard places:
  aws       the AWS credential chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE, roles)
  alibaba   ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET
  mulesoft  ANYPOINT_CLIENT_ID and ANYPOINT_CLIENT_SECRET, with --org-id (or ANYPOINT_ORG_ID)

--endpoint replaces the provider's base URL (for AWS, every AWS service it calls), e.g. the
simulator's: --endpoint http://127.0.0.1:4566`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        provider: { type: "string" },
        region: { type: "string" },
        "org-id": { type: "string" },
        endpoint: { type: "string" },
        pretty: { type: "boolean", default: false },
      },
    });
    if (!values.provider) throw new UsageError("--provider is required (aws, alibaba or mulesoft)");
    try {
      const result = await fetchStatusCommand({
        provider: values.provider,
        region: values.region,
        orgId: values["org-id"],
        endpoint: values.endpoint,
        env: io.env,
      });
      io.stdout.write(`${JSON.stringify(result, null, values.pretty ? 2 : undefined)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof FetchStatusUsageError) throw new UsageError(error.message);
      throw error;
    }
  },
};
