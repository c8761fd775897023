// IKE notify message types a line may name, in full and in strongSwan's short form "N(NO_PROP)":
// the field extractor reads them, the keyword scan looks for them.
export const NOTIFY_NAMES = [
  "NO_PROPOSAL_CHOSEN",
  "TS_UNACCEPTABLE",
  "AUTHENTICATION_FAILED",
  "INVALID_ID_INFORMATION",
  "INVALID_KE_PAYLOAD",
  "TEMPORARY_FAILURE",
  "INVALID_SYNTAX",
  "UNSUPPORTED_CRITICAL_PAYLOAD",
  "SINGLE_PAIR_REQUIRED",
  "NO_ADDITIONAL_SAS",
  "INTERNAL_ADDRESS_FAILURE",
  "FAILED_CP_REQUIRED",
  "CHILD_SA_NOT_FOUND",
  "INVALID_MAJOR_VERSION",
  "INVALID_SPI",
  "R_U_THERE",
  "R_U_THERE_ACK",
] as const;

export const SHORT_NOTIFY_NAMES: Record<string, (typeof NOTIFY_NAMES)[number]> = {
  NO_PROP: "NO_PROPOSAL_CHOSEN",
  TS_UNACCEPT: "TS_UNACCEPTABLE",
  AUTH_FAILED: "AUTHENTICATION_FAILED",
  INVAL_KE: "INVALID_KE_PAYLOAD",
  TEMP_FAIL: "TEMPORARY_FAILURE",
  INVAL_ID: "INVALID_ID_INFORMATION",
  INVAL_SYN: "INVALID_SYNTAX",
  DPD: "R_U_THERE",
  DPD_ACK: "R_U_THERE_ACK",
};

/**
 * Other names vendors give a notify: Cisco IOS writes "PROPOSAL_NOT_CHOSEN"; the ASA, FortiGate
 * and others write RFC 3706's dead peer detection as "R-U-THERE" (an acknowledgement listed first,
 * so that the alternation takes it whole), Shrew Soft's client as "ARE-YOU-THERE".
 */
export const NOTIFY_ALIASES: Record<string, (typeof NOTIFY_NAMES)[number]> = {
  PROPOSAL_NOT_CHOSEN: "NO_PROPOSAL_CHOSEN",
  "R-U-THERE-ACK": "R_U_THERE_ACK",
  "R-U-THERE": "R_U_THERE",
  "ARE-YOU-THERE-ACK": "R_U_THERE_ACK",
  "ARE-YOU-THERE": "R_U_THERE",
};

/** The lower-case words the keyword scan marks a line by when it may name a notify. */
export const NOTIFY_KEYWORDS: readonly string[] = [
  ...NOTIFY_NAMES,
  ...Object.keys(SHORT_NOTIFY_NAMES).map((short) => `N(${short})`),
  ...Object.keys(NOTIFY_ALIASES),
].map((word) => word.toLowerCase());
