// Providers' and vendors' reason codes and event IDs, each a closed vocabulary from its own
// reference: a line that names one is read through these tables rather than through wording.
import type { LogFaultCode } from "../codes.ts";
import { ALIBABA_DIAGNOSIS_CODES } from "./alibaba-diagnosis.ts";
import { HUAWEI_IPSEC_REASONS } from "./huawei-ipsec-reasons.ts";
import { IBM_VPN_STATUS_REASONS } from "./ibm-status-reasons.ts";
import { PANOS_EVENT_IDS } from "./panos-event-ids.ts";
import type { IkePhase } from "./types.ts";
import { WINDOWS_IKE_ERROR_FAULTS, WINDOWS_RAS_ERROR_FAULTS } from "./windows-ike-errors.ts";

// By lower-cased name: the rules that find these names ignore case, as every rule does.
const FAULT_OF_REASON_CODE: ReadonlyMap<string, LogFaultCode> = new Map(
  Object.entries({
    ...ALIBABA_DIAGNOSIS_CODES,
    ...IBM_VPN_STATUS_REASONS,
    ...PANOS_EVENT_IDS,
    ...HUAWEI_IPSEC_REASONS,
    ...WINDOWS_IKE_ERROR_FAULTS,
    ...WINDOWS_RAS_ERROR_FAULTS,
  }).map(([name, code]) => [name.toLowerCase(), code]),
);

// The phase a name spells: Alibaba's Phase2NegotiationTimeout, Huawei's "phase1 hard expiry",
// PAN-OS's ike-nego-p2-no-p1 and ikev2-nego-child-dup-rekey; an invalid SPI is an IPsec SA's.
const PHASE_2_NAME = /phase2|-p2-|-child-|invalid spi/i;
const PHASE_1_NAME = /phase1|-p1-|-ike-/i;

function codeOf(name: string): LogFaultCode {
  const lower = name.toLowerCase();
  const code = FAULT_OF_REASON_CODE.get(lower);
  if (code) return code;
  // Huawei's responder names the parameter: "phase1 proposal dh mismatch".
  if (lower.startsWith("phase1 proposal")) return "IKE_PROPOSAL_MISMATCH";
  if (lower.startsWith("phase2 proposal")) return "IPSEC_PROPOSAL_MISMATCH";
  return "TUNNEL_DOWN_OTHER";
}

/** The fault a reason code names, with the phase the code or its fault implies. */
export function faultOfReasonCode(name: string): { code: LogFaultCode; phase: IkePhase | null } {
  const code = codeOf(name);
  if (PHASE_2_NAME.test(name)) return { code, phase: "2" };
  if (code === "IPSEC_PROPOSAL_MISMATCH" || code === "TRAFFIC_SELECTOR_MISMATCH") return { code, phase: "2" };
  // DPD runs on the IKE SA.
  if (
    code === "IKE_PROPOSAL_MISMATCH" ||
    code === "IKE_AUTH_FAILURE" ||
    code === "PEER_UNREACHABLE" ||
    code === "DPD_TIMEOUT"
  )
    return { code, phase: "1" };
  return { code, phase: PHASE_1_NAME.test(name) ? "1" : null };
}

/**
 * The shortest names that still find every name by substring (a name that contains another,
 * such as "EncryptionAlgorithmMismatch" and "AlgorithmMismatch", is found through the shorter
 * one), lower-cased: the keywords of a rule that matches the names.
 */
export function keywordsOfNames(names: readonly string[]): string[] {
  const lower = names.map((name) => name.toLowerCase());
  return lower.filter((name) => !lower.some((other) => other !== name && name.includes(other)));
}
