// Windows IKE and IPsec error codes (winerror.h; Microsoft's "System Error Codes (12000-15999)"),
// as Windows clients, RRAS and the IKE diagnostic logs of Azure VPN gateways write them: by name
// (ERROR_IPSEC_IKE_AUTH_FAIL), in decimal ("Windows error 13801") or in hex ("[ErrorCode] 0x35E9").
// Only codes that name a fault. Policy match error (13868) and No policy configured (13825) are
// proposal mismatches whose phase the line's exchange decides: the proposal rules read them.
import type { LogFaultCode } from "../codes.ts";

interface WindowsIkeError {
  code: number;
  /** The name after "ERROR_IPSEC_". */
  name: string;
  fault: LogFaultCode;
  /** The error's text, as Windows' audit events write it after "Failure Reason:". */
  message: string;
}

export const WINDOWS_IKE_ERRORS: readonly WindowsIkeError[] = [
  {
    code: 13801,
    name: "IKE_AUTH_FAIL",
    fault: "IKE_AUTH_FAILURE",
    message: "IKE authentication credentials are unacceptable.",
  },
  {
    code: 13802,
    name: "IKE_ATTRIB_FAIL",
    fault: "IKE_PROPOSAL_MISMATCH",
    message: "IKE security attributes are unacceptable.",
  },
  {
    code: 13804,
    name: "IKE_GENERAL_PROCESSING_ERROR",
    fault: "TUNNEL_DOWN_OTHER",
    message: "General processing error.",
  },
  { code: 13805, name: "IKE_TIMED_OUT", fault: "PEER_UNREACHABLE", message: "Negotiation timed out." },
  {
    code: 13806,
    name: "IKE_NO_CERT",
    fault: "IKE_AUTH_FAILURE",
    message: "IKE failed to find valid machine certificate.",
  },
  {
    code: 13807,
    name: "IKE_SA_DELETED",
    fault: "TUNNEL_DOWN_OTHER",
    message: "IKE SA deleted by peer before establishment completed.",
  },
  {
    code: 13808,
    name: "IKE_SA_REAPED",
    fault: "TUNNEL_DOWN_OTHER",
    message: "IKE SA deleted before establishment completed.",
  },
  {
    code: 13809,
    name: "IKE_MM_ACQUIRE_DROP",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Negotiation request sat in Queue too long.",
  },
  {
    code: 13810,
    name: "IKE_QM_ACQUIRE_DROP",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Negotiation request sat in Queue too long.",
  },
  {
    code: 13811,
    name: "IKE_QUEUE_DROP_MM",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Negotiation request sat in Queue too long.",
  },
  {
    code: 13812,
    name: "IKE_QUEUE_DROP_NO_MM",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Negotiation request sat in Queue too long.",
  },
  { code: 13813, name: "IKE_DROP_NO_RESPONSE", fault: "PEER_UNREACHABLE", message: "No response from peer." },
  { code: 13814, name: "IKE_MM_DELAY_DROP", fault: "PEER_UNREACHABLE", message: "Negotiation took too long." },
  { code: 13815, name: "IKE_QM_DELAY_DROP", fault: "PEER_UNREACHABLE", message: "Negotiation took too long." },
  { code: 13816, name: "IKE_ERROR", fault: "TUNNEL_DOWN_OTHER", message: "Unknown error occurred." },
  { code: 13817, name: "IKE_CRL_FAILED", fault: "IKE_AUTH_FAILURE", message: "Certificate Revocation Check failed." },
  { code: 13818, name: "IKE_INVALID_KEY_USAGE", fault: "IKE_AUTH_FAILURE", message: "Invalid certificate key usage." },
  { code: 13819, name: "IKE_INVALID_CERT_TYPE", fault: "IKE_AUTH_FAILURE", message: "Invalid certificate type." },
  {
    code: 13820,
    name: "IKE_NO_PRIVATE_KEY",
    fault: "IKE_AUTH_FAILURE",
    message: "IKE negotiation failed because the machine certificate used does not have a private key.",
  },
  {
    code: 13821,
    name: "IKE_SIMULTANEOUS_REKEY",
    fault: "REKEY_FAILURE",
    message: "Simultaneous rekeys were detected.",
  },
  { code: 13822, name: "IKE_DH_FAIL", fault: "TUNNEL_DOWN_OTHER", message: "Failure in Diffie-Hellman computation." },
  {
    code: 13823,
    name: "IKE_CRITICAL_PAYLOAD_NOT_RECOGNIZED",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Don't know how to process critical payload.",
  },
  { code: 13824, name: "IKE_INVALID_HEADER", fault: "TUNNEL_DOWN_OTHER", message: "Invalid header." },
  { code: 13826, name: "IKE_INVALID_SIGNATURE", fault: "IKE_AUTH_FAILURE", message: "Failed to verify signature." },
  {
    code: 13827,
    name: "IKE_KERBEROS_ERROR",
    fault: "IKE_AUTH_FAILURE",
    message: "Failed to authenticate using Kerberos.",
  },
  {
    code: 13828,
    name: "IKE_NO_PUBLIC_KEY",
    fault: "IKE_AUTH_FAILURE",
    message: "Peer's certificate did not have a public key.",
  },
  { code: 13843, name: "IKE_INVALID_PAYLOAD", fault: "TUNNEL_DOWN_OTHER", message: "Invalid payload received." },
  { code: 13846, name: "IKE_INVALID_COOKIE", fault: "TUNNEL_DOWN_OTHER", message: "Invalid cookie received." },
  {
    code: 13847,
    name: "IKE_NO_PEER_CERT",
    fault: "IKE_AUTH_FAILURE",
    message: "Peer failed to send valid machine certificate.",
  },
  {
    code: 13848,
    name: "IKE_PEER_CRL_FAILED",
    fault: "IKE_AUTH_FAILURE",
    message: "Certification Revocation check of peer's certificate failed.",
  },
  {
    code: 13850,
    name: "IKE_NO_MM_POLICY",
    fault: "IKE_PROPOSAL_MISMATCH",
    message: "There is no available Main Mode IKE policy.",
  },
  {
    code: 13857,
    name: "IKE_GETSPIFAIL",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Failed to obtain new SPI for the inbound SA from IPsec driver.",
  },
  {
    code: 13860,
    name: "IKE_ADD_UPDATE_KEY_FAILED",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Failed to add Security Association to IPsec Driver.",
  },
  { code: 13861, name: "IKE_INVALID_POLICY", fault: "TUNNEL_DOWN_OTHER", message: "Invalid policy." },
  { code: 13864, name: "IKE_DH_FAILURE", fault: "TUNNEL_DOWN_OTHER", message: "Diffie-Hellman failure." },
  { code: 13865, name: "IKE_INVALID_GROUP", fault: "IKE_PROPOSAL_MISMATCH", message: "Invalid Diffie-Hellman group." },
  { code: 13867, name: "IKE_DECRYPT", fault: "IKE_AUTH_FAILURE", message: "Error decrypting payload." },
  { code: 13869, name: "IKE_UNSUPPORTED_ID", fault: "IKE_AUTH_FAILURE", message: "Unsupported ID." },
  { code: 13870, name: "IKE_INVALID_HASH", fault: "IKE_AUTH_FAILURE", message: "Hash verification failed." },
  { code: 13871, name: "IKE_INVALID_HASH_ALG", fault: "IKE_PROPOSAL_MISMATCH", message: "Invalid hash algorithm." },
  {
    code: 13873,
    name: "IKE_INVALID_ENCRYPT_ALG",
    fault: "IKE_PROPOSAL_MISMATCH",
    message: "Invalid encryption algorithm.",
  },
  {
    code: 13874,
    name: "IKE_INVALID_AUTH_ALG",
    fault: "IKE_PROPOSAL_MISMATCH",
    message: "Invalid authentication algorithm.",
  },
  { code: 13875, name: "IKE_INVALID_SIG", fault: "IKE_AUTH_FAILURE", message: "Invalid certificate signature." },
  {
    code: 13879,
    name: "IKE_INVALID_RESPONDER_LIFETIME_NOTIFY",
    fault: "REKEY_FAILURE",
    message:
      "The lifetime value received in the Responder Lifetime Notify is below the Windows 2000 configured minimum value.",
  },
  {
    code: 13880,
    name: "IKE_INVALID_MAJOR_VERSION",
    fault: "IKE_PROPOSAL_MISMATCH",
    message: "The recipient cannot handle version of IKE specified in the header.",
  },
  {
    code: 13881,
    name: "IKE_INVALID_CERT_KEYLEN",
    fault: "IKE_AUTH_FAILURE",
    message: "Key length in certificate is too small for configured security requirements.",
  },
  {
    code: 13885,
    name: "IKE_MM_EXPIRED",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Main mode SA lifetime expired or peer sent a main mode delete.",
  },
  {
    code: 13886,
    name: "IKE_PEER_MM_ASSUMED_INVALID",
    fault: "DPD_TIMEOUT",
    message: "Main mode SA assumed to be invalid because peer stopped responding.",
  },
  {
    code: 13887,
    name: "IKE_CERT_CHAIN_POLICY_MISMATCH",
    fault: "IKE_AUTH_FAILURE",
    message: "Certificate doesn't chain to a trusted root in IPsec policy.",
  },
  {
    code: 13889,
    name: "IKE_INVALID_AUTH_PAYLOAD",
    fault: "IKE_AUTH_FAILURE",
    message: "Received invalid authentication offers.",
  },
  {
    code: 13895,
    name: "IKE_QM_EXPIRED",
    fault: "REKEY_FAILURE",
    message: "Quick mode SA was expired by IPsec driver.",
  },
  {
    code: 13899,
    name: "IKE_INNER_IP_ASSIGNMENT_FAILURE",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Error in assigning inner IP address to initiator in tunnel mode.",
  },
  {
    code: 13900,
    name: "IKE_REQUIRE_CP_PAYLOAD_MISSING",
    fault: "TUNNEL_DOWN_OTHER",
    message: "Require configuration payload missing.",
  },
  {
    code: 13905,
    name: "IKE_AUTHORIZATION_FAILURE",
    fault: "IKE_AUTH_FAILURE",
    message: "SA establishment is not authorized.",
  },
  {
    code: 13907,
    name: "IKE_AUTHORIZATION_FAILURE_WITH_OPTIONAL_RETRY",
    fault: "IKE_AUTH_FAILURE",
    message: "SA establishment is not authorized.",
  },
  {
    code: 13910,
    name: "BAD_SPI",
    fault: "REKEY_FAILURE",
    message: "The SPI in the packet does not match a valid IPsec SA.",
  },
  {
    code: 13911,
    name: "SA_LIFETIME_EXPIRED",
    fault: "REKEY_FAILURE",
    message: "Packet was received on an IPsec SA whose lifetime has expired.",
  },
];

/**
 * Remote Access (raserror.h) codes that name a fault, as RasClient's dial failure writes them:
 * "The error code returned on failure is 809." (ERROR_VPN_TIMEOUT: the server does not answer,
 * classically UDP 500/4500 blocked); 691 (ERROR_AUTHENTICATION_FAILURE: the credentials were
 * refused) and 812 (the server's policy refused the authentication method). Other codes of a
 * failed dial name no cause.
 */
export const WINDOWS_RAS_ERROR_FAULTS: Readonly<Record<string, LogFaultCode>> = {
  "809": "PEER_UNREACHABLE",
  "691": "IKE_AUTH_FAILURE",
  "812": "IKE_AUTH_FAILURE",
};

/** An error's text without its final period ("Negotiation timed out"), as audit events may write it. */
const windowsErrorText = (message: string) => message.replace(/\.$/, "");

/**
 * The errors' texts (those of one fault, or all) as expression alternatives, each once, found with
 * or without its final period.
 */
export function windowsErrorTexts(fault?: LogFaultCode): string {
  const texts = WINDOWS_IKE_ERRORS.filter((error) => fault === undefined || error.fault === fault).map(({ message }) =>
    windowsErrorText(message),
  );
  return asAlternatives(texts);
}

const asAlternatives = (texts: readonly string[]) =>
  [...new Set(texts)].map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

// The texts that name IKE, IPsec, an SA, a mode, the DH exchange or the peer: these say what they
// are even without the event around them; "General processing error" or "Invalid policy" do not.
const NAMES_A_TUNNEL = /\b(?:IKE|IPsec|SA|Main mode|Quick mode|Diffie-Hellman|peer(?:'s)?|rekeys)\b/i;

/** The error texts that name a tunnel's parts, lower case, each once: a line that is one of them is Windows'. */
export const TUNNEL_WORDED_ERROR_TEXTS: readonly string[] = [
  ...new Set(
    WINDOWS_IKE_ERRORS.map(({ message }) => windowsErrorText(message).toLowerCase()).filter((text) =>
      NAMES_A_TUNNEL.test(text),
    ),
  ),
];

/** TUNNEL_WORDED_ERROR_TEXTS as expression alternatives. */
export const tunnelWordedErrorTexts = (): string => asAlternatives(TUNNEL_WORDED_ERROR_TEXTS);

/** Each error by name, decimal and hex code and text, for the reason-code lookup. */
export const WINDOWS_IKE_ERROR_FAULTS: Readonly<Record<string, LogFaultCode>> = Object.fromEntries(
  WINDOWS_IKE_ERRORS.flatMap(({ code, name, fault, message }) => [
    [name, fault],
    [String(code), fault],
    [code.toString(16), fault],
    [windowsErrorText(message), fault],
  ]),
);
