// Alibaba Cloud's DiagnoseVpnConnections reason codes (FailedReasonCode), from its troubleshooting
// table ("Error codes (API)"): PeerMismatch is a packet that does not match the customer gateway,
// EncryptionAlgorithmMismatch is IPsec's (phase 2) and AuthenticationAlgorithmMismatch and
// DhGroupMismatch are IKE's (phase 1). The worker stores a diagnosis under these codes, and the
// classifier reads a line that is one of them.
import type { LogFaultCode } from "../codes.ts";

export const ALIBABA_DIAGNOSIS_CODES: Readonly<Record<string, LogFaultCode>> = {
  PskMismatch: "IKE_AUTH_FAILURE",
  PeerMismatch: "IKE_AUTH_FAILURE",
  PeerIdMismatch: "IKE_AUTH_FAILURE",
  IkeVersionMismatch: "IKE_PROPOSAL_MISMATCH",
  NegotiationModeMismatch: "IKE_PROPOSAL_MISMATCH",
  ProposalMismatch: "IKE_PROPOSAL_MISMATCH",
  AlgorithmMismatch: "IKE_PROPOSAL_MISMATCH",
  AlgorithmCompatibility: "IKE_PROPOSAL_MISMATCH",
  AuthenticationAlgorithmMismatch: "IKE_PROPOSAL_MISMATCH",
  DhGroupMismatch: "IKE_PROPOSAL_MISMATCH",
  EncryptionAlgorithmMismatch: "IPSEC_PROPOSAL_MISMATCH",
  PfsMismatch: "IPSEC_PROPOSAL_MISMATCH",
  EncapsulationModeMismatch: "IPSEC_PROPOSAL_MISMATCH",
  SecurityProtocolMismatch: "IPSEC_PROPOSAL_MISMATCH",
  CommitMismatch: "IPSEC_PROPOSAL_MISMATCH",
  TrafficSelectorMismatch: "TRAFFIC_SELECTOR_MISMATCH",
  LifetimeMismatch: "REKEY_FAILURE",
  NatTMismatch: "NAT_T_ISSUE",
  NoResponse: "PEER_UNREACHABLE",
  Phase1NegotiationTimeout: "PEER_UNREACHABLE",
  Phase2NegotiationTimeout: "PEER_UNREACHABLE",
  DpdTimeout: "DPD_TIMEOUT",
  DpdHashNotifyCompatibility: "DPD_TIMEOUT",
  ReceiveDeleteNotify: "TUNNEL_DOWN_OTHER",
  NegotiationFailed: "TUNNEL_DOWN_OTHER",
  NoExceptionFound: "INFO",
};
