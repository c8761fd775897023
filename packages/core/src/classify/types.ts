import type { LogFaultCode, Severity } from "../codes.ts";

/** Log formats the classifier recognises. */
export const VENDORS = [
  "aws",
  "aws-bgp",
  "strongswan",
  "libreswan",
  "racoon",
  "mikrotik",
  "openiked",
  "isakmpd",
  "alibaba",
  "juniper",
  "cisco-asa",
  "cisco-ios",
  "paloalto",
  "fortinet",
  "meraki",
  "tencent",
  "huawei",
  "h3c",
  "topsec",
  "sonicwall",
  "stormshield",
  "watchguard",
  "sophos",
  "checkpoint",
  "f5",
  "yamaha",
  "nec-ix",
  "windows",
  "frr",
  "bird",
  "unknown",
] as const;
export type Vendor = (typeof VENDORS)[number];

export type IkePhase = "1" | "2";

export interface ParsedFields {
  /** The time as the line writes it. */
  time?: string;
  /** The time as epoch milliseconds, where the line's timestamp names one instant (AWS records, ISO 8601 with an offset). */
  epochMs?: number;
  host?: string;
  program?: string;
  peerIp?: string;
  localIp?: string;
  /** Provider or device tunnel/connection identifier (vpn-..., vco-..., a Juniper tunnel id...). */
  tunnelId?: string;
  connectionName?: string;
  spi?: string[];
  messageId?: string;
  notify?: string;
  ikeVersion?: "1" | "2";
  /** Libreswan's number of the SA (its state) the line is about: "#5". */
  saNumber?: string;
  /** Libreswan's number of the SA a rekey replaces: "initiating Main Mode to replace #1", "rekeyed IKE SA #1". */
  replacesSa?: string;
  /** AWS tunnel activity log state fields, when the line is a JSON record. */
  ikePhase1State?: string;
  ikePhase2State?: string;
  dpdEnabled?: boolean;
  natTDetected?: boolean;
  bgpStatus?: string;
  /** The free-text message the rules looked at (AWS `details`, or the line minus its header). */
  message?: string;
}

export interface Classification {
  code: LogFaultCode;
  severity: Severity;
  phase: IkePhase | null;
  vendor: Vendor;
  /** 0..1: how sure the rule is that the line means this code. */
  confidence: number;
  /** The text that decided the code, and the rule that read it. */
  evidence: string | null;
  /** The rule's id, stable across releases (for tests and support). */
  rule: string | null;
  /** Why the line is UNKNOWN (empty, binary, too long...), when it is. */
  reason?: string;
  /** Faults that this line shows to be over (e.g. BGP Established clears BGP_SESSION_DOWN). */
  clears: LogFaultCode[];
  fields: ParsedFields;
}

export interface ClassifyOptions {
  /** Used when the line itself does not show its vendor. */
  vendor?: Vendor;
}

export const DEFAULT_SEVERITY: Record<LogFaultCode, Severity> = {
  IKE_AUTH_FAILURE: "critical",
  IKE_PROPOSAL_MISMATCH: "critical",
  IPSEC_PROPOSAL_MISMATCH: "critical",
  TRAFFIC_SELECTOR_MISMATCH: "critical",
  DPD_TIMEOUT: "major",
  IDLE_TIMEOUT: "minor",
  REKEY_FAILURE: "major",
  PEER_UNREACHABLE: "critical",
  NAT_T_ISSUE: "major",
  BGP_SESSION_DOWN: "major",
  TUNNEL_UP: "info",
  TUNNEL_DOWN_OTHER: "major",
  INFO: "info",
  UNKNOWN: "info",
};
