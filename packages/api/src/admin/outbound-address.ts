// Where the server may be sent: the policy lives in @tunnelwatch/alerts (webhooks share it);
// this wraps it for the API, where a refusal is a BAD_REQUEST.
import { TRPCError } from "@trpc/server";
import { outboundAddressProblem, type Resolve } from "@tunnelwatch/alerts";
import { loadEnv, outboundEnv } from "@tunnelwatch/config";

export { isPrivateAddress } from "@tunnelwatch/alerts";

/** Refuses a URL whose host is, or resolves to, a private, loopback or link-local address. */
export async function assertOutboundAllowed(
  rawUrl: string,
  what: string,
  allowList: string | undefined = loadEnv(outboundEnv()).PRIVATE_HOSTS_ALLOWED,
  resolve?: Resolve,
): Promise<void> {
  const problem = await outboundAddressProblem(rawUrl, what, allowList, resolve);
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: problem });
}
