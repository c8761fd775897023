import { parseArgs } from "node:util";
import { evaluatePosture, type Posture } from "@tunnelwatch/core";
import type { Command } from "../command.ts";
import { readConnections } from "../connection-input.ts";

function report(posture: Posture) {
  const { recommended, ...rest } = posture;
  return {
    ...rest,
    recommended: {
      phase1LifetimeSec: recommended.phase1LifetimeSec,
      phase2LifetimeSec: recommended.phase2LifetimeSec,
      dpdTimeoutSec: recommended.dpdTimeoutSec,
      dpdTimeoutAction: recommended.dpdTimeoutAction,
      source: recommended.source,
    },
  };
}

export const posture: Command = {
  name: "posture",
  summary: "Grade a normalised connection (JSON on stdin): findings, grade, expected downtime",
  usage: `tunnelwatch posture [--pretty] [--region R] [--vpc ID]

Reads one normalised VPN connection, or an array of them, as JSON on stdin and writes the HA
grade (A-F), the findings (faults.md section 2, each with a code) and the expected downtime in
seconds at the provider's next maintenance. The connection format is packages/core's
NormalizedConnection: provider, externalId, routing ("bgp" | "static"), tunnels [{ index,
status, options }], optional healthChecks, routeWeights and customerGateway facts.

The providers' own output is read as well, with the mapping the worker uses:
\`aws ec2 describe-vpn-connections\` (also with --query VpnConnections, and the VpnConnection
that create/modify print); Alibaba's \`aliyun vpc DescribeVpnConnections\` or
DescribeVpnConnection; Anypoint's CloudHub VPN API (GET
/cloudhub/api/organizations/{orgId}/vpcs/{vpcId}/ipsec, or one VPN from .../ipsec/{vpnId}).
--region names the region they came from and --vpc the Anypoint VPC (the output does not say
them).

examples:
  echo '{"provider":"aws","externalId":"vpn-1","routing":"static","tunnels":[{"index":1,"status":"UP"}]}' \\
    | npm run -s tunnelwatch -- posture --pretty
  aws ec2 describe-vpn-connections | npm run -s tunnelwatch -- posture --region eu-west-1
  curl -s -H "Authorization: Bearer $TOKEN" \\
    https://anypoint.mulesoft.com/cloudhub/api/organizations/$ORG/vpcs/$VPC/ipsec \\
    | npm run -s tunnelwatch -- posture --region us-east-1 --vpc $VPC`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        pretty: { type: "boolean", default: false },
        region: { type: "string", default: "unknown" },
        vpc: { type: "string", default: "unknown" },
      },
    });
    const input = await readConnections(io, "posture", { region: values.region, anypointVpc: values.vpc });
    if ("exitCode" in input) return input.exitCode;
    const { connections, isList } = input;
    const results = connections.map((connection) => ({
      externalId: connection.externalId,
      provider: connection.provider,
      ...report(evaluatePosture(connection)),
    }));
    const output = isList ? results : results[0];
    io.stdout.write(`${JSON.stringify(output, null, values.pretty ? 2 : undefined)}\n`);
    return 0;
  },
};
