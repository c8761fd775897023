import { parseArgs } from "node:util";
import { GATEWAY_CONFIG_VENDORS, generateGatewayConfig, isGatewayConfigVendor } from "@tunnelwatch/core";
import { type Command, UsageError } from "../command.ts";
import { readConnections } from "../connection-input.ts";

export const gatewayConfig: Command = {
  name: "gateway-config",
  summary: "Write the customer gateway's configuration for a connection (JSON on stdin)",
  usage: `tunnelwatch gateway-config --vendor ${GATEWAY_CONFIG_VENDORS.join("|")} [--first-unit N] [--region R] [--vpc ID]

Reads one connection, or an array of them, as JSON on stdin (a normalised connection or the
providers' own output, as for \`tunnelwatch posture\`) and writes the customer gateway's
configuration for each: the provider's tunnel endpoints and inside addresses, the recommended
proposal the provider accepts (AES-256, SHA-256, DH group 14 where offered), the lifetimes, DPD
and BGP timers, and the gateway initiating. Tunnel interfaces (Tunnel, st0 units, XFRM if_id)
are numbered from --first-unit (default 1) on, across the connections given, and each
connection's objects carry its own name, so that several connections fit on one gateway. Notes
at the top say what the provider forces or does not tell; <placeholders> stand for what only you
know (pre-shared keys, interface names, your networks).

examples:
  aws ec2 describe-vpn-connections --vpn-connection-ids vpn-0a1b2c3d \\
    | npm run -s tunnelwatch -- gateway-config --vendor juniper-srx --region ap-northeast-1`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        vendor: { type: "string" },
        "first-unit": { type: "string", default: "1" },
        region: { type: "string", default: "unknown" },
        vpc: { type: "string", default: "unknown" },
      },
    });
    if (!values.vendor || !isGatewayConfigVendor(values.vendor)) {
      throw new UsageError(`--vendor must be one of ${GATEWAY_CONFIG_VENDORS.join(", ")}`);
    }
    const firstUnit = Number(values["first-unit"]);
    if (!Number.isInteger(firstUnit) || firstUnit < 0 || firstUnit > 9_999) {
      throw new UsageError("--first-unit must be a whole number from 0 to 9999");
    }
    const vendor = values.vendor;
    const input = await readConnections(io, "gateway-config", { region: values.region, anypointVpc: values.vpc });
    if ("exitCode" in input) return input.exitCode;
    let unit = firstUnit;
    const texts = input.connections.map((connection) => {
      const config = generateGatewayConfig(connection, vendor, { firstUnit: unit });
      unit += config.tunnelCount;
      return config.text;
    });
    io.stdout.write(texts.join("\n"));
    return 0;
  },
};
