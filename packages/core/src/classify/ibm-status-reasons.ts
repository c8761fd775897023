// IBM Cloud VPN for VPC's connection status reasons (status_reasons[].code in its API and its
// "VPN health" documentation): a line that names one is read like Alibaba's diagnosis codes.
import type { LogFaultCode } from "../codes.ts";

export const IBM_VPN_STATUS_REASONS: Readonly<Record<string, LogFaultCode>> = {
  cannot_authenticate_connection: "IKE_AUTH_FAILURE",
  ike_policy_mismatch: "IKE_PROPOSAL_MISMATCH",
  // "Invalid IKE ID or mismatched local CIDRs and remote CIDRs in IKE V1": IKEv1's INVALID-ID-INFORMATION,
  // read without a phase as the selectors, as that notify is.
  ike_v1_id_local_remote_cidr_mismatch: "TRAFFIC_SELECTOR_MISMATCH",
  ike_v2_local_remote_cidr_mismatch: "TRAFFIC_SELECTOR_MISMATCH",
  ipsec_policy_mismatch: "IPSEC_PROPOSAL_MISMATCH",
  peer_not_responding: "PEER_UNREACHABLE",
};
