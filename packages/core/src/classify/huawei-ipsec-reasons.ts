// Huawei's IPsec fault causes, as its firewalls and routers write them in Reason= of
// IPSECNEGOFAIL (negotiation failed) and OfflineReason= of IPSECTUNNELSTOP and
// IPSEC_TUNNEL_TEARED_DOWN (tunnel torn down), from the hwIPSecNegoFail alarm reference and the
// "IPSec Fault Cause Reference" (Open Telekom Cloud's VPN, built on Huawei's, documents the same
// names with their meanings). The responder's "phase1 proposal <parameter> mismatch" variants
// are read by their prefix (reason-codes.ts). Causes not listed are left to the other rules,
// which read the line as a negotiation failure or a teardown with no cause named.
import type { LogFaultCode } from "../codes.ts";

export const HUAWEI_IPSEC_REASONS: Readonly<Record<string, LogFaultCode>> = {
  // Negotiation failures.
  "phase1 proposal mismatch": "IKE_PROPOSAL_MISMATCH",
  "phase2 proposal or pfs mismatch": "IPSEC_PROPOSAL_MISMATCH",
  "encapsulation mode mismatch": "IPSEC_PROPOSAL_MISMATCH",
  "flow or peer mismatch": "TRAFFIC_SELECTOR_MISMATCH",
  "flow mismatch": "TRAFFIC_SELECTOR_MISMATCH",
  "netmask mismatch": "TRAFFIC_SELECTOR_MISMATCH",
  "version mismatch": "IKE_PROPOSAL_MISMATCH",
  "unsupported version": "IKE_PROPOSAL_MISMATCH",
  "responder dh mismatch": "IKE_PROPOSAL_MISMATCH",
  "initiator dh mismatch": "IKE_PROPOSAL_MISMATCH",
  "exchange mode mismatch": "IKE_PROPOSAL_MISMATCH",
  "unknown exchange type": "IKE_PROPOSAL_MISMATCH",
  "proposal mismatch or use sm in ikev2": "IPSEC_PROPOSAL_MISMATCH",
  "ikev2 not support sm in ipsec proposal": "IPSEC_PROPOSAL_MISMATCH",
  "peer address mismatch": "IKE_AUTH_FAILURE",
  "config ID mismatch": "IKE_AUTH_FAILURE",
  "construct local ID fail": "IKE_AUTH_FAILURE",
  "authentication fail": "IKE_AUTH_FAILURE",
  "form cert payload fail": "IKE_AUTH_FAILURE",
  "no valid local cert": "IKE_AUTH_FAILURE",
  "peer cert is expired": "IKE_AUTH_FAILURE",
  "peer cert is revoked by CRL": "IKE_AUTH_FAILURE",
  "xauth authentication fail": "IKE_AUTH_FAILURE",
  "eap authentication fail": "IKE_AUTH_FAILURE",
  "rekey no find old sa": "REKEY_FAILURE",
  "rekey fail": "REKEY_FAILURE",
  "nat detection fail": "NAT_T_ISSUE",
  "max transmit reached": "PEER_UNREACHABLE",
  "exchange timeout": "PEER_UNREACHABLE",
  // Causes that name no fault of the peer's configuration: limits, local policy, parsing.
  "malformed message": "TUNNEL_DOWN_OTHER",
  "critical drop": "TUNNEL_DOWN_OTHER",
  "license or specification limited": "TUNNEL_DOWN_OTHER",
  "dynamic peers number reaches limitation": "TUNNEL_DOWN_OTHER",
  "ipsec tunnel number reaches limitation": "TUNNEL_DOWN_OTHER",
  "flow confict": "TUNNEL_DOWN_OTHER",
  "no policy applied on interface": "TUNNEL_DOWN_OTHER",
  // Tunnels torn down.
  "dpd timeout": "DPD_TIMEOUT",
  "heartbeat timeout": "DPD_TIMEOUT",
  "phase1 hard expiry": "REKEY_FAILURE",
  "phase2 hard expiry": "REKEY_FAILURE",
  "receive invalid spi notify": "REKEY_FAILURE",
  "phase1 sa replace": "INFO",
  "phase2 sa replace": "INFO",
  "kick old sa with same flow": "INFO",
  "peer request": "TUNNEL_DOWN_OTHER",
  "config modify or manual offline": "TUNNEL_DOWN_OTHER",
  "aaa cut user": "TUNNEL_DOWN_OTHER",
  "spi conflict": "TUNNEL_DOWN_OTHER",
  "peer address switch": "TUNNEL_DOWN_OTHER",
  "hash gene adjusted": "TUNNEL_DOWN_OTHER",
  "ikev1 phase1-phase2 sa dependent offline": "TUNNEL_DOWN_OTHER",
};
