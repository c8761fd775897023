// One pass over a line finds every keyword the classifier cares about: the rules' keywords
// (which rules may match), vendor markers, field markers and phase markers. Everything after
// runs a regular expression only where its marker was seen.
import { KeywordIndex } from "./keyword-index.ts";
import { NOTIFY_KEYWORDS } from "./notify.ts";
import { RULES } from "./rules.ts";

const MARKERS = {
  asa: ["%asa-", "%ftd-", "%pix-", "[ikev1", "[ikev2"],
  ios: [
    "%crypto-",
    "%ipsec-",
    "%bgp-",
    "isakmp:(",
    "isakmp (",
    "isakmp: (",
    "isakmp : ",
    "ipsec(",
    "ikev2-",
    "ikev2:",
    "isakmp-",
    "%bgp_session-",
    "%dmvpn-",
    "%routing-bgp-",
  ],
  alibaba: ["vco-", "[proto_err]", "isakmp_", ".c:"],
  strongswanTag: [
    "[ike",
    "[enc",
    "[cfg",
    "[net",
    "[knl",
    "[chd",
    "[lib",
    "[dmn",
    "[job",
    "[mgr",
    "[asn",
    "[app",
    "[esp",
    "[tls",
    "parsed ",
    "generating ",
  ],
  libreswan: ["#", "state_", "packet from", "| "],
  juniper: [
    "kmd_",
    "rpd_bgp",
    "ike negotiation",
    "ipsec negotiation",
    "ike_gateway_",
    "ike_vpn_",
    "netscreen device_id=",
    "]system-",
  ],
  paloalto: ["negotiation is", "ikemgr", "ike-nego-p", "]: {", "pan_ikev2", ",system,vpn,", ",system,routing,"],
  fortinet: ["logid", "subtype", "negotiate", "xauth_status", "vpntunnel=", "[iked "],
  meraki: [" events "],
  tencent: ["ike_sa_establish_fail", "ike_nego:"],
  racoon: ["error: ", "info: ", "warning: ", "notify: ", "debug: ", "ipsec,", "ipsec "],
  between: ["between"],
  // Records of other kinds that a tunnel line's words may appear in (see notTunnelLine).
  otherRecord: ["devname=", "devid=", "device_id=", "rt_flow_", "apptrack_", "cise_"],
  peerLabel: ["peer ip:", "remote", "ip = ", "peer_contact=", "from ", "to ", "remip="],
  localLabel: ["my ip:", "local", "locip="],
  spi: ["spi"],
  messageId: ["message id", "msgid=", "(id=", "request ", "response ", "mess id "],
  notify: NOTIFY_KEYWORDS,
  tunnelId: ["vpn-", "vco-", "tun-", "tunnel-id"],
  ikeVersion: ["ike version", "ikeversion", "ikev1", "ikev2"],
  phase1Definite: [
    "initial exchange",
    "unsecured informational",
    "phase1 proposal",
    "phase 1 proposal",
    "informational_v1",
    "state_main_",
    "state_aggr_",
    "main mode",
    "identity protection",
    "ike_nego:",
    "waiting for phase",
    "ike_init_sa",
    "sa_init",
    "sa init",
    "state_parent_",
    "state_ikesa_",
    "deleting ike sa",
    "deleting ike_sa",
    "no corresponding ike",
    "initiating ikev",
    "unauthenticated invalid_ke_payload",
    "guessed wrong keying material group",
    "_wait_init",
    "phase 1 is done",
    "n(dpd",
    "r_u_there",
    "id_prot ",
    "aggressive ",
    "authentication of '",
    "eap_",
    "eap/",
    "requested eap",
    "xauth",
    "ike_intermediate",
    "state_v2_parent_",
    "ike_session_resume",
    "first phase",
    "1st phase",
    "state_v2_rekey_ike_",
  ],
  phase2: [
    "' tunnel",
    "tunnel='",
    "ikev2_childsa_",
    "ike_auth",
    "child_sa",
    "child sa",
    "informational_v1",
    "quick mode",
    "qm",
    "state_quick",
    "ah:",
    "address block constraint",
    "ipcomp",
    "accepted selectors",
    "quick_",
    "selector received",
    "selector down event",
    "selector up event",
    "peer proposed:",
    "negotiated connection [",
    "replay",
    "create_child",
    "key_add",
    "state_v2_ipsec",
    "ipsec: ",
    "ipsec phase to",
    "bound spi",
    "ipsec(",
    "pfs",
    "sainfo",
    "ike_connect_ipsec",
    "child_initiator",
    "life timer",
    "rekey_sa",
    "install callback",
    "encaps is ",
    "id_ipv4_addr_",
    "crypto map check",
    "phase2",
    "phase-2",
    "phase 2",
    "ph2",
    "p2",
    "ipsec sa",
    "ipsec proposal",
    "ipsec-sa",
    "ipsec negotiation",
    "ipsec tunnel",
    "traffic",
    "proxy",
    "esp",
    "idr auth",
    "proto_id=",
    "encrypted notification",
    "secured informational",
    "lan-to-lan sa",
    "security negotiation complete",
    "ipsec state",
    "create-child",
    "pfkey",
    "ipsec_sa_",
    "kmd_pm_sa_established",
    "second phase",
    "2nd phase",
    "ipsec crypto",
    "ipsec-event:",
    "ipsec key",
    "state_v2_rekey_child_",
  ],
  phase1: [
    "phase1",
    "phase-1",
    "phase 1",
    "ph1",
    "p1",
    "isakmp",
    "ike sa",
    "ike_sa",
    "ikev1 sa",
    "ikev2 sa",
    "message id 0",
    "msgid=0",
    "ike:",
    "ike negotiation",
    "ike proposal",
    "ike policy",
    "oakley",
    "proto_id=",
    "mmnegotiation",
    "parent state",
    "ppk",
    "auth_lifetime",
    "idi",
    "mobike",
    "eap identity",
    "eap-only",
    "ike id pair",
    "r-u-there",
    "nat ",
    "detected nat",
    "nat-traversal: result",
    "nat-detect",
    "nat-discovery",
    "nat-not",
    "nated",
    "authentication succeeded",
    "authentication successful",
    "authentication method",
    "tication data passed",
    "peer id ",
    "signature verification succeeded",
    "ikmp_no_sa",
    "ikev2 profile",
    "auth msg",
    "auth message",
    "auth_response",
    "ike algorithm",
    "peer's identity",
    "peer's policy",
    "preshared key",
    "pre-shared key",
    "keyring",
    "found policy",
    "parent sa",
    "peer config",
    "dpd",
    "dead peer detection",
    "r_u_there",
    "are-you-there",
    "vid",
    "vendor id",
    "established peer",
    "sa_state: ",
    "ike peer",
    "ike crypto",
  ],
} as const;

export type Marker = keyof typeof MARKERS;

const MARKER_NAMES = Object.keys(MARKERS) as Marker[];
/** The scan group of each marker: `found.has(MARK.spi)`. */
export const MARK: Readonly<Record<Marker, number>> = Object.freeze(
  Object.fromEntries(MARKER_NAMES.map((name, i) => [name, RULES.length + i])) as Record<Marker, number>,
);

const INDEX = new KeywordIndex([...RULES.map((rule) => rule.keywords), ...MARKER_NAMES.map((name) => MARKERS[name])]);

/** What one scan found: rule candidates by rule index, and markers by name. */
export class Found {
  // Rounded up to whole 32-bit words, so that `words` can skip four rules that did not occur at once.
  readonly flags = new Uint8Array(Math.ceil((INDEX.suspectGroup + 1) / 4) * 4);
  /** The flags four at a time. */
  readonly words = new Uint32Array(this.flags.buffer);

  /** Control characters or non-ASCII text were seen: check for binary data before trusting the line. */
  get hasSuspectCharacters(): boolean {
    return this.flags[INDEX.suspectGroup] === 1;
  }

  isRuleCandidate(ruleIndex: number): boolean {
    return this.flags[ruleIndex] === 1;
  }

  /** Whether a keyword of the marker (`MARK.<name>`) occurred. */
  has(group: number): boolean {
    return this.flags[group] === 1;
  }
}

const NON_ASCII_RULES = RULES.flatMap((rule, i) => (rule.nonAscii ? [i] : []));

/** Scans `text` into `found`, replacing what it held: keywords from `start` on, suspect characters anywhere. */
export function scan(text: string, found: Found, start = 0): Found {
  found.flags.fill(0);
  INDEX.scan(text, found.flags, start);
  // Non-ASCII text is flagged with the suspect characters: the Chinese rules may match.
  if (found.hasSuspectCharacters) for (const i of NON_ASCII_RULES) found.flags[i] = 1;
  return found;
}
