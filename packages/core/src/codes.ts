// The names every part of Tunnelwatch shares (shared/design/faults.md): stored by the worker,
// shown by the dashboard and alerts, returned by the API. Change one only with a data migration.

/** §1: one log line or event -> one code. */
export const LOG_FAULT_CODES = [
  "IKE_AUTH_FAILURE",
  "IKE_PROPOSAL_MISMATCH",
  "IPSEC_PROPOSAL_MISMATCH",
  "TRAFFIC_SELECTOR_MISMATCH",
  "DPD_TIMEOUT",
  "IDLE_TIMEOUT",
  "REKEY_FAILURE",
  "PEER_UNREACHABLE",
  "NAT_T_ISSUE",
  "BGP_SESSION_DOWN",
  "TUNNEL_UP",
  "TUNNEL_DOWN_OTHER",
  "INFO",
  "UNKNOWN",
] as const;
export type LogFaultCode = (typeof LOG_FAULT_CODES)[number];

/** §2: a connection's configuration and status -> findings. */
export const FINDING_CODES = [
  "TUNNEL_REDUNDANCY_LOST",
  "SINGLE_TUNNEL",
  "STATIC_ROUTING",
  "NO_AUTOMATIC_FAILOVER",
  "DPD_DISABLED",
  "LIFETIME_MISMATCH",
  "PFS_DISABLED",
  "MULTIPLE_ENCRYPTION_DOMAINS",
  "BGP_AS_PATH_ASYMMETRY",
  "IDLE_RISK",
  "HEALTHCHECK_PATH_ASYMMETRY",
  "ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY",
  "NAT_T_REQUIRED",
  "STARTUP_ACTION_ADD",
  "BGP_PREFERENCE_ASYMMETRY",
  "IKEV1_IN_USE",
  "WEAK_CRYPTO",
  "TUNNEL_LOGGING_DISABLED",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** §3: HA grades, best first. */
export const GRADES = ["A", "B", "C", "D", "F"] as const;
export type Grade = (typeof GRADES)[number];

export const SEVERITIES = ["critical", "major", "minor", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PROVIDERS = ["aws", "alibaba", "mulesoft"] as const;
export type Provider = (typeof PROVIDERS)[number];

export function isLogFaultCode(value: string): value is LogFaultCode {
  return (LOG_FAULT_CODES as readonly string[]).includes(value);
}

export function isFindingCode(value: string): value is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(value);
}
