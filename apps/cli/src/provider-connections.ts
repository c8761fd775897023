// What the providers' own CLIs print for VPN connections, read into normalised connections with
// the mapping the worker applies to the same API responses: `aws ec2 describe-vpn-connections`
// ({"VpnConnections": [...]}), the single connection that create/modify print
// ({"VpnConnection": {...}}), and Alibaba's `aliyun vpc DescribeVpnConnections`
// ({"VpnConnections": {"VpnConnection": [...]}}) and DescribeVpnConnection (one connection,
// "vco-..."), Anypoint's CloudHub VPN API (`GET .../vpcs/{vpcId}/ipsec`: {"total", "data": [...]},
// or one VPN from `.../ipsec/{vpnId}`), and a bare list of any of them. Anything else is taken as
// normalised connections already.
import {
  normalizeAlibabaConnection,
  normalizeAnypointVpn,
  normalizeAwsConnection,
} from "@tunnelwatch/worker/providers";

export interface ConnectionsInput {
  /** Connections to validate and grade: normalised, or as the caller gave them when not a provider's. */
  items: unknown[];
  /** Whether the input held a list (the output is then a list too). */
  isList: boolean;
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);

const isAwsConnection = (value: unknown): value is Raw =>
  isObject(value) &&
  typeof value.VpnConnectionId === "string" &&
  value.VpnConnectionId.startsWith("vpn-") &&
  ("VgwTelemetry" in value || "Options" in value || "CustomerGatewayConfiguration" in value);

const isAlibabaConnection = (value: unknown): value is Raw =>
  isObject(value) && typeof value.VpnConnectionId === "string" && value.VpnConnectionId.startsWith("vco-");

// An Anypoint VPN: its id, the spec the customer set and the state AWS reports under it.
const isAnypointVpn = (value: unknown): value is Raw =>
  isObject(value) && typeof value.id === "string" && isObject(value.spec) && isObject(value.state);

/** Where the input came from beyond what it says itself. */
export interface InputContext {
  region: string;
  /** The Anypoint VPC of the VPNs (their API output does not name it). */
  anypointVpc: string;
}

/** A provider's connection through the worker's mapping; anything else as it is. */
function normalisedOf(item: unknown, { region, anypointVpc }: InputContext): unknown {
  // The AWS CLI prints dates as ISO strings and numbers as numbers, which is what the mapping reads
  // from the SDK's shapes (it accepts a date as a string).
  if (isAwsConnection(item))
    return normalizeAwsConnection(item as unknown as Parameters<typeof normalizeAwsConnection>[0], region);
  if (isAlibabaConnection(item)) return normalizeAlibabaConnection(item, region);
  if (isAnypointVpn(item)) return normalizeAnypointVpn(item, { id: anypointVpc, region });
  return item;
}

export function readConnectionsInput(input: unknown, context: InputContext): ConnectionsInput {
  const wrapped = isObject(input)
    ? (input.VpnConnections ?? (Array.isArray(input.data) ? input.data : undefined))
    : undefined;
  // Alibaba wraps its list once more; AWS's list is empty for a region without connections;
  // Anypoint's is `data`; a bare list is what `--query VpnConnections` prints, or normalised
  // connections.
  const list =
    isObject(wrapped) && Array.isArray(wrapped.VpnConnection)
      ? wrapped.VpnConnection
      : Array.isArray(wrapped)
        ? wrapped
        : Array.isArray(input)
          ? input
          : undefined;
  if (list) return { items: list.map((item) => normalisedOf(item, context)), isList: true };
  // One connection: unwrapped in the AWS CLI's own example, "VpnConnection" as create/modify print it.
  const one = isAwsConnection(wrapped)
    ? wrapped
    : isObject(input) && isAwsConnection(input.VpnConnection)
      ? input.VpnConnection
      : input;
  return { items: [normalisedOf(one, context)], isList: false };
}
