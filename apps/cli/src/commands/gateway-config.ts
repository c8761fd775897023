import { parseArgs } from "node:util";
import { GATEWAY_CONFIG_VENDORS, generateGatewayConfig, isGatewayConfigVendor } from "@tunnelwatch/core";
import { type Command, UsageError } from "../command.ts";
import { readConnections } from "../connection-input.ts";

export const gatewayConfig: Command = {
  name: "gateway-config",
  summary: "Write the customer gateway's configuration for a connection (JSON on stdin)",
  usage: `tunnelwatch gateway-config --vendor ${GATEWAY_CONFIG_VENDORS.join("|")} [--region R] [--vpc ID]

Reads one connection, or an array of them, as JSON on stdin (a normalised connection or the
providers' own output, as for \`tunnelwatch posture\`) and writes the customer gateway's
configuration for each: the provider's tunnel endpoints and inside addresses, the strongest
proposal the provider accepts, the recommended lifetimes, DPD and BGP timers, and the gateway
initiating. Notes at the top say what the provider forces or does not tell; <placeholders> stand
for what only you know (pre-shared keys, interface names).

examples:
  aws ec2 describe-vpn-connections --vpn-connection-ids vpn-0a1b2c3d \\
    | npm run -s tunnelwatch -- gateway-config --vendor juniper-srx --region ap-northeast-1`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        vendor: { type: "string" },
        region: { type: "string", default: "unknown" },
        vpc: { type: "string", default: "unknown" },
      },
    });
    if (!values.vendor || !isGatewayConfigVendor(values.vendor)) {
      throw new UsageError(`--vendor must be one of ${GATEWAY_CONFIG_VENDORS.join(", ")}`);
    }
    const vendor = values.vendor;
    const input = await readConnections(io, "gateway-config", { region: values.region, anypointVpc: values.vpc });
    if ("exitCode" in input) return input.exitCode;
    io.stdout.write(input.connections.map((connection) => generateGatewayConfig(connection, vendor).text).join("\n"));
    return 0;
  },
};
