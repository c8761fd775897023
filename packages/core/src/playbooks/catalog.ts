// The remediation catalog (faults.md §4): one playbook per log fault code (§1) and per posture finding (§2).
import type { FindingCode, LogFaultCode } from "../codes.ts";
import { FINDING_PLAYBOOKS } from "./catalog-findings.ts";
import { LOG_FAULT_PLAYBOOKS } from "./catalog-log-faults.ts";
import type { Playbook } from "./types.ts";

export const PLAYBOOKS: Record<LogFaultCode | FindingCode, Playbook> = {
  ...LOG_FAULT_PLAYBOOKS,
  ...FINDING_PLAYBOOKS,
};
