// What the providers' own CLIs print for VPN connections, read into normalised connections with
// the mapping the worker applies to the same API responses: `aws ec2 describe-vpn-connections`
// ({"VpnConnections": [...]}), the single connection that create/modify print
// ({"VpnConnection": {...}}), and Alibaba's `aliyun vpc DescribeVpnConnections`
// ({"VpnConnections": {"VpnConnection": [...]}}) and DescribeVpnConnection (one connection,
// "vco-..."). Anything else is taken as normalised connections already.
import { normalizeAlibabaConnection, normalizeAwsConnection } from "@tunnelwatch/worker/providers";

export interface ConnectionsInput {
  /** Connections to validate and grade, normalised or still as the caller gave them. */
  items: unknown[];
  /** Whether the input held a list (the output is then a list too). */
  isList: boolean;
  /** Whose output it was. */
  source: "aws" | "alibaba" | "normalised";
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

// The AWS CLI prints dates as ISO strings and numbers as numbers, which is what the mapping reads
// from the SDK's shapes (it accepts a date as a string).
const fromAws = (raw: Raw, region: string) =>
  normalizeAwsConnection(raw as unknown as Parameters<typeof normalizeAwsConnection>[0], region);

export function readConnectionsInput(input: unknown, region: string): ConnectionsInput {
  if (isObject(input)) {
    const list = input.VpnConnections;
    // Alibaba wraps its list once more; the AWS CLI's own example prints one connection unwrapped.
    if (isObject(list) && Array.isArray(list.VpnConnection)) {
      return {
        items: list.VpnConnection.map((raw) => (isObject(raw) ? normalizeAlibabaConnection(raw, region) : raw)),
        isList: true,
        source: "alibaba",
      };
    }
    // An account with no VPN connections in the region prints an empty list.
    if (Array.isArray(list) && (list.length === 0 || list.some(isAwsConnection))) {
      return {
        items: list.map((raw) => (isAwsConnection(raw) ? fromAws(raw, region) : raw)),
        isList: true,
        source: "aws",
      };
    }
    if (isAwsConnection(list)) return { items: [fromAws(list, region)], isList: false, source: "aws" };
    if (isAwsConnection(input.VpnConnection)) {
      return { items: [fromAws(input.VpnConnection, region)], isList: false, source: "aws" };
    }
    if (isAwsConnection(input)) return { items: [fromAws(input, region)], isList: false, source: "aws" };
    if (isAlibabaConnection(input)) {
      return { items: [normalizeAlibabaConnection(input, region)], isList: false, source: "alibaba" };
    }
  }
  return Array.isArray(input)
    ? { items: input, isList: true, source: "normalised" }
    : { items: [input], isList: false, source: "normalised" };
}
