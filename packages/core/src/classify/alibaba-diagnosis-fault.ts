// What a DiagnoseVpnConnections result means: the worker stores each failed check as a fault.
import type { LogFaultCode } from "../codes.ts";
import { ALIBABA_DIAGNOSIS_CODES } from "./alibaba-diagnosis.ts";
import { classifyLine } from "./classify.ts";

/**
 * DiagnoseVpnConnections FailedReasonCode (and FailedReason) -> fault code (faults.md §1). Known
 * codes come from ALIBABA_DIAGNOSIS_CODES; a reason that names a phase decides the
 * phase of a proposal mismatch. For a code not in the table, the classifier reads the reason text
 * (English or Chinese, as the console writes it); when that names no fault, the code's and the
 * reason's wording decide (subnet or traffic selector, timeout, DPD, identity or key, algorithm,
 * BGP, NAT), else TUNNEL_DOWN_OTHER.
 */
export function faultOfAlibabaDiagnosis(reasonCode: string, reason = ""): LogFaultCode {
  const text = `${reasonCode} ${reason}`;
  const known = ALIBABA_DIAGNOSIS_CODES[reasonCode];
  if (known === "IKE_PROPOSAL_MISMATCH" || known === "IPSEC_PROPOSAL_MISMATCH") {
    if (/phase\s*2|ipsec|child|第二阶段|二阶段/i.test(reason)) return "IPSEC_PROPOSAL_MISMATCH";
    if (/phase\s*1|\bike\b|第一阶段|一阶段/i.test(reason)) return "IKE_PROPOSAL_MISMATCH";
    return known;
  }
  if (known) return known;
  const read = reason ? classifyLine(reason, { vendor: "alibaba" }).code : "UNKNOWN";
  if (read !== "UNKNOWN" && read !== "INFO" && read !== "TUNNEL_UP") return read;
  const phase2 = /phase\s*2|ipsec|child/i.test(text);
  if (/subnet|traffic\s*selector|\bts\b|proxy\s*id/i.test(text)) return "TRAFFIC_SELECTOR_MISMATCH";
  if (/timeout|time\s*up|no\s*response|unreachable/i.test(text) && !/dpd/i.test(text)) return "PEER_UNREACHABLE";
  if (/dpd/i.test(text)) return "DPD_TIMEOUT";
  if (/peer\s*mismatch|psk|pre-?shared|authentication\s*fail|auth\s*fail|\bid\s*mismatch|identity/i.test(text)) {
    return "IKE_AUTH_FAILURE";
  }
  if (/mismatch|proposal|algorithm|dh\s*group|pfs/i.test(text)) {
    return phase2 ? "IPSEC_PROPOSAL_MISMATCH" : "IKE_PROPOSAL_MISMATCH";
  }
  if (/bgp/i.test(text)) return "BGP_SESSION_DOWN";
  if (/nat/i.test(text)) return "NAT_T_ISSUE";
  return "TUNNEL_DOWN_OTHER";
}
