// The SSH IPsec toolkit's IKEv1 library (inside Juniper's kmd and iked, Solaris' in.iked and other
// gateways) ends a failed negotiation with a notify code: one of RFC 2408's notify message types
// (1–30), sent or received, or one of its own (8194–8202) for a negotiation that ended without one.
// Its traces give the number ("IP; Connection got error = 14, calling callback", "Phase 1
// negotiation error: code 8197 (Timeout).") or the name ("SSH_IKE_NOTIFY_MESSAGE_TIMEOUT").
// PROPOSAL and INVALID_ID resolve by the phase the line names, as the notify names do.
import type { LogFaultCode } from "../codes.ts";

type NotifyMeaning = LogFaultCode | "PROPOSAL" | "INVALID_ID";

const SSH_IKE_NOTIFY_CODES: ReadonlyArray<readonly [number, string, NotifyMeaning]> = [
  [1, "INVALID_PAYLOAD_TYPE", "TUNNEL_DOWN_OTHER"],
  [2, "DOI_NOT_SUPPORTED", "PROPOSAL"],
  [3, "SITUATION_NOT_SUPPORTED", "PROPOSAL"],
  [4, "INVALID_COOKIE", "TUNNEL_DOWN_OTHER"],
  // A peer speaking another IKE version, or another exchange (main against aggressive mode).
  [5, "INVALID_MAJOR_VERSION", "IKE_PROPOSAL_MISMATCH"],
  [6, "INVALID_MINOR_VERSION", "IKE_PROPOSAL_MISMATCH"],
  [7, "INVALID_EXCHANGE_TYPE", "IKE_PROPOSAL_MISMATCH"],
  [8, "INVALID_FLAGS", "TUNNEL_DOWN_OTHER"],
  [9, "INVALID_MESSAGE_ID", "TUNNEL_DOWN_OTHER"],
  [10, "INVALID_PROTOCOL_ID", "PROPOSAL"],
  [11, "INVALID_SPI", "TUNNEL_DOWN_OTHER"],
  [12, "INVALID_TRANSFORM_ID", "PROPOSAL"],
  [13, "ATTRIBUTES_NOT_SUPPORTED", "PROPOSAL"],
  [14, "NO_PROPOSAL_CHOSEN", "PROPOSAL"],
  [15, "BAD_PROPOSAL_SYNTAX", "PROPOSAL"],
  // After the keys are in use, a message that will not parse was encrypted with another key:
  // the peers' pre-shared keys differ.
  [16, "PAYLOAD_MALFORMED", "IKE_AUTH_FAILURE"],
  // A key exchange payload the peer cannot use: another DH group.
  [17, "INVALID_KEY_INFORMATION", "PROPOSAL"],
  [18, "INVALID_ID_INFORMATION", "INVALID_ID"],
  [19, "INVALID_CERT_ENCODING", "IKE_AUTH_FAILURE"],
  [20, "INVALID_CERTIFICATE", "IKE_AUTH_FAILURE"],
  [21, "CERT_TYPE_UNSUPPORTED", "IKE_AUTH_FAILURE"],
  [22, "INVALID_CERT_AUTHORITY", "IKE_AUTH_FAILURE"],
  [23, "INVALID_HASH_INFORMATION", "IKE_AUTH_FAILURE"],
  [24, "AUTHENTICATION_FAILED", "IKE_AUTH_FAILURE"],
  [25, "INVALID_SIGNATURE", "IKE_AUTH_FAILURE"],
  [26, "ADDRESS_NOTIFICATION", "TUNNEL_DOWN_OTHER"],
  [27, "SA_LIFETIME", "TUNNEL_DOWN_OTHER"],
  [28, "CERTIFICATE_UNAVAILABLE", "IKE_AUTH_FAILURE"],
  [29, "UNSUPPORTED_EXCHANGE_TYPE", "IKE_PROPOSAL_MISMATCH"],
  [30, "UNEQUAL_PAYLOAD_LENGTHS", "TUNNEL_DOWN_OTHER"],
  [8194, "NO_SA_ESTABLISHED", "TUNNEL_DOWN_OTHER"],
  [8195, "NO_STATE_MATCHED", "TUNNEL_DOWN_OTHER"],
  [8196, "EXCHANGE_DATA_MISSING", "TUNNEL_DOWN_OTHER"],
  // The library's own comment: "the other end didn't respond".
  [8197, "TIMEOUT", "PEER_UNREACHABLE"],
  // The peer asked for the delete, or this end gave the negotiation up: no cause named.
  [8198, "DELETED", "TUNNEL_DOWN_OTHER"],
  [8199, "ABORTED", "TUNNEL_DOWN_OTHER"],
  // An ICMP unreachable came back for the IKE packets.
  [8200, "UDP_HOST_UNREACHABLE", "PEER_UNREACHABLE"],
  [8201, "UDP_PORT_UNREACHABLE", "PEER_UNREACHABLE"],
  [8202, "OUT_OF_MEMORY", "TUNNEL_DOWN_OTHER"],
];

const BY_NUMBER = new Map(SSH_IKE_NOTIFY_CODES.map(([number, , meaning]) => [String(number), meaning]));
const BY_NAME = new Map(SSH_IKE_NOTIFY_CODES.map(([, name, meaning]) => [name, meaning]));

/** The names as the library spells them, for the rule's expression. */
export const SSH_IKE_NOTIFY_NAMES: readonly string[] = SSH_IKE_NOTIFY_CODES.map(([, name]) => name);

/** Status types start here (RFC 2408): connected, responder lifetime, initial contact, DPD. */
const FIRST_STATUS_CODE = 16_384;

/**
 * What a notify code means, by its number or by its name without the SSH_IKE_NOTIFY_MESSAGE_
 * prefix: a status is routine; an error the library does not define is no cause named.
 */
export function meaningOfSshIkeNotify(code: string): NotifyMeaning {
  if (/^\d+$/.test(code) && Number(code) >= FIRST_STATUS_CODE) return "INFO";
  return BY_NUMBER.get(code) ?? BY_NAME.get(code.toUpperCase()) ?? "TUNNEL_DOWN_OTHER";
}
