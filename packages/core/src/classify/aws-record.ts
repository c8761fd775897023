// AWS Site-to-Site VPN tunnel activity and BGP log records, as CloudWatch Logs delivers them
// (one JSON object per event). Field names from the AWS log-contents documentation; casing of
// state values and the unit of event_timestamp (s or ms) vary, so both are accepted.
import { epochMsOf } from "./epoch-ms.ts";
import type { ParsedFields, Vendor } from "./types.ts";

export interface AwsRecord {
  vendor: Vendor;
  /** The text to classify: the record's `details` (or BGP message details). */
  message: string;
  fields: ParsedFields;
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "True") return true;
  if (value === "false" || value === "False") return false;
  return undefined;
}

/** A field's value when it is a non-empty string (AWS writes absent values as "" or leaves them out). */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Returns undefined when the object is not an AWS VPN log record. */
export function readAwsRecord(record: Record<string, unknown>): AwsRecord | undefined {
  // VPC Route Server peer logs carry the same BGP records under resource_arn.
  const resource = typeof record.resource_id === "string" ? record.resource_id : record.resource_arn;
  const isBgp = typeof resource === "string" && (record.type === "BGPStatus" || record.type === "RouteStatus");
  // The JSON keys, or the field names the log-contents documentation gives them (VpnLogDetail...).
  const isTunnel =
    "ike_phase1_state" in record ||
    "ike_phase2_state" in record ||
    "dpd_enabled" in record ||
    "nat_t_detected" in record ||
    "TunnelIKEPhase1State" in record ||
    "TunnelIKEPhase2State" in record ||
    "VpnLogDetail" in record;
  if (!isBgp && !isTunnel && !("details" in record && "event_timestamp" in record)) return undefined;

  const fields: ParsedFields = {
    time: nonEmptyString(record.timestamp) ?? nonEmptyString(record.VpnLogCreationTimestampReadable),
    // AWS documents event_timestamp in seconds for tunnel logs and in milliseconds for BGP logs.
    epochMs: epochMsOf(record.event_timestamp ?? record.VpnLogCreationTimestamp),
  };
  if (isBgp) {
    const message = (record.message ?? {}) as Record<string, unknown>;
    if (typeof record.resource_id === "string") {
      // resource_id is "<vpn connection id>_<tunnel outside ip>".
      const [vpnId, outsideIp] = record.resource_id.split("_");
      fields.tunnelId = vpnId;
      if (outsideIp) fields.localIp = outsideIp;
    } else {
      // "arn:aws:ec2:<region>:<account>:route-server-peer/rsp-..."
      fields.tunnelId = String(resource).split("/").pop();
    }
    fields.bgpStatus = `${String(record.type)}:${String(record.status ?? "")}`;
    const details = nonEmptyString(message.details) ?? "";
    fields.message = details;
    return { vendor: "aws-bgp", message: details, fields };
  }
  const details = nonEmptyString(record.details) ?? nonEmptyString(record.VpnLogDetail) ?? "";
  fields.message = details;
  fields.tunnelId = nonEmptyString(record.vpn_connection_id) ?? nonEmptyString(record.VpnConnectionId);
  fields.localIp = nonEmptyString(record.tunnel_outside_ip) ?? nonEmptyString(record.TunnelOutsideIPAddress);
  fields.ikePhase1State = nonEmptyString(record.ike_phase1_state) ?? nonEmptyString(record.TunnelIKEPhase1State);
  fields.ikePhase2State = nonEmptyString(record.ike_phase2_state) ?? nonEmptyString(record.TunnelIKEPhase2State);
  fields.dpdEnabled = asBoolean(record.dpd_enabled ?? record.TunnelDPDEnabled);
  fields.natTDetected = asBoolean(record.nat_t_detected ?? record.TunnelCGWNATTDetectionStatus);
  return { vendor: "aws", message: details, fields };
}
