// The classification rules, most specific first: the first rule whose pattern matches decides.
// Rules read what a message means (notify types, the vendor's wording of a failure), not one
// sample line, so that other lines of the same family classify the same way.
import type { LogFaultCode } from "../codes.ts";
import { ALIBABA_DIAGNOSIS_CODES } from "./alibaba-diagnosis.ts";
import type { IkePhase } from "./types.ts";

/**
 * PROPOSAL resolves to IKE_ or IPSEC_PROPOSAL_MISMATCH by phase; INVALID_ID by phase too;
 * SESSION_REASON by the reason a session ended; ALIBABA_DIAGNOSIS by the diagnosis code.
 */
export type RuleCode = LogFaultCode | "PROPOSAL" | "INVALID_ID" | "SESSION_REASON" | "ALIBABA_DIAGNOSIS";

export interface Rule {
  id: string;
  /**
   * Lower-case substrings of which every match of `test` contains at least one: the rule's
   * expression runs only on lines that contain one (a test checks this on every fixture).
   * Empty for `nonAscii` rules.
   */
  keywords: readonly string[];
  /** A rule for messages in Chinese: it runs on every line with non-ASCII text. */
  nonAscii?: true;
  test: RegExp;
  code: RuleCode;
  /** A fixed phase; otherwise the phase comes from the line's context, then `defaultPhase`. */
  phase?: IkePhase | null;
  defaultPhase?: IkePhase;
  confidence: number;
  clears?: LogFaultCode[];
}

const r = (rule: Rule): Rule => rule;

// Rekey collisions name themselves; they come before the routine rekey messages below.
const REKEY_COLLISIONS: Rule[] = [
  r({
    id: "rekey.collision",
    keywords: ["collision", "abort active rekeying", "simultaneous phase-2 negotiation", "duplicate phase-2 rekey"],
    test: /(?:CHILD_REKEY|IKE_REKEY|rekey(?:ing)?) collision|rekeying attempt due to collision|redundant SA .*collision|detected a \(\w+\) collision|abort active rekeying|Dropped a simultaneous phase-2 negotiation|duplicate phase-2 rekey request/i,
    code: "REKEY_FAILURE",
    defaultPhase: "2",
    confidence: 0.85,
  }),
];

/** Lines that look like faults to a naive reader but are routine. */
const BENIGN: Rule[] = [
  r({
    id: "benign.rekey-ok",
    keywords: ["rekey", "reauthenticating"],
    test: /rekey(?:ing)? (?:completed|succeeded|successful)|\brekeyed\b|initiating rekey|[Rr]ekeying (?:of )?(?:CHILD_SA|IKE_SA|IKE SA)(?! failed)|detected rekeying|state change: \w+ => REKEY(?:ING|ED)|is rekeying due to|reauthenticating IKE_SA/,
    code: "INFO",
    confidence: 0.9,
  }),
  r({
    id: "benign.invalid-ke",
    keywords: ["invalid_ke_payload", "inval_ke", "peer didn't accept"],
    test: /(?<!failed with error notification )INVALID_KE_PAYLOAD|N\(INVAL_KE\)|peer didn't accept (?:DH group|key exchange method)/,
    code: "INFO",
    confidence: 0.85,
  }),
  r({
    id: "benign.nat-detected",
    keywords: ["i am nated", "behind nat", "nat-traversal: result", "nat detected", "keep-alive", "keepalive"],
    test: /i am NATed|(?:local|remote) host is behind NAT|NAT-Traversal: Result|NAT detected|sending (?:NAT-T |NAT )?keep-?alive/i,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    id: "benign.bgp-collision",
    keywords: ["6/7 (cease/"],
    test: /6\/7 \(Cease\/[Cc]onnection [Cc]ollision [Rr]esolution\)/,
    code: "INFO",
    confidence: 0.9,
  }),
  // IOS: a packet for an SA already gone, usually during a rekey or restart of the peer.
  r({ id: "benign.ios-no-sa", keywords: ["ikmp_no_sa"], test: /IKMP_NO_SA/, code: "INFO", confidence: 0.6 }),
  r({
    id: "benign.idle-timeout-setting",
    keywords: ["idle timeout set to", "idle timeout configured", "idle-timeout:", "idle timeout:", "idle timeout ="],
    // A configured value, not a teardown: "idle timeout set to: 30", "X-CSTP-Idle-Timeout: 3600".
    test: /idle timeout (?:set to|configured)|idle[ -]timeout ?[:=] ?\d+(?![\d.])/i,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    // FortiGate: an ESP packet for the SA it has just negotiated arrived before the SA was ready.
    id: "benign.spi-just-negotiated",
    keywords: ["ipsec sa just negotiated"],
    test: /invalid SPI \S+, IPsec SA just negotiated/,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    id: "benign.bgp-prefix-warning",
    keywords: ["maximum prefix limit warning"],
    test: /maximum prefix limit warning/,
    code: "INFO",
    confidence: 0.9,
  }),
  r({
    id: "benign.dpd-chatter",
    keywords: [
      "n(dpd",
      "isakmp_dpd task",
      "sending dpd request",
      "dpd request",
      "dpd response",
      "r_u_there",
      "did not advertise dpd",
      "dpd: peer",
    ],
    test: /N\(DPD(?:_ACK)?\)|ISAKMP_DPD task|sending DPD request|DPD (?:request|response|R_U_THERE(?:_ACK)?) (?:sent|received)|R_U_THERE(?:_ACK)? (?:sent|received)|not enabled because remote peer did not advertise DPD|DPD: Peer \S+ is UP\b/,
    code: "INFO",
    confidence: 0.85,
  }),
];

// Google Cloud VPN's tunnel status names, as its logs and detailed status carry them.
const GOOGLE_STATUS: Rule[] = [
  r({
    id: "status.gcp-progress",
    keywords: [
      "first_handshake:",
      "provisioning:",
      "waiting_for_full_config:",
      "allocating_resources:",
      "vpn task maintenance",
      "negotiation exception is not found",
    ],
    test: /^(?:FIRST_HANDSHAKE|PROVISIONING|DEPROVISIONING|WAITING_FOR_FULL_CONFIG|ALLOCATING_RESOURCES): |VPN Task maintenance|reason for the negotiation exception is not found/,
    code: "INFO",
    confidence: 0.8,
  }),
];

// A line that is one of Alibaba's diagnosis reason codes, as DiagnoseVpnConnections returns it.
const ALIBABA_DIAGNOSIS: Rule[] = [
  r({
    id: "alibaba.diagnosis-code",
    keywords: Object.keys(ALIBABA_DIAGNOSIS_CODES).map((name) => name.toLowerCase()),
    test: new RegExp(`^(${Object.keys(ALIBABA_DIAGNOSIS_CODES).join("|")})$`),
    code: "ALIBABA_DIAGNOSIS",
    confidence: 0.9,
  }),
];

// Alibaba Cloud's and Tencent Cloud's Chinese consoles and diagnoses name what does not match:
// "<parameter>不匹配". 第一阶段/第二阶段 are phase 1 and phase 2, 协商 negotiation, 超时 timed out.
const CHINESE: Rule[] = [
  r({
    id: "zh.psk",
    nonAscii: true,
    keywords: [],
    test: /预共享密钥[^，。,.]*(?:不匹配|不一致|错误)/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "zh.identity",
    nonAscii: true,
    keywords: [],
    test: /(?:用户网关信息|LocalId|RemoteId|本端(?:标识|ID)|对端(?:标识|ID)|身份)[^，。,.]*不匹配|身份认证失败/i,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "zh.ipsec-proposal",
    nonAscii: true,
    keywords: [],
    test: /(?:IPsec|第二阶段|二阶段)[^，。,.]*(?:算法|DH分组|DH组|PFS)[^，。,.]*不匹配/i,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    id: "zh.proposal",
    nonAscii: true,
    keywords: [],
    test: /(?:加密算法|认证算法|完整性算法|DH分组|DH组|协商模式|IKE版本)[^，。,.]*不匹配/,
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.85,
  }),
  r({
    id: "zh.nat-t",
    nonAscii: true,
    keywords: [],
    test: /NAT穿越[^，。,.]*(?:不匹配|未开启)/,
    code: "NAT_T_ISSUE",
    confidence: 0.8,
  }),
  r({
    id: "zh.lifetime",
    nonAscii: true,
    keywords: [],
    test: /(?:生存周期|生命周期|生存时间)[^，。,.]*不匹配/,
    code: "REKEY_FAILURE",
    confidence: 0.6,
  }),
  r({
    id: "zh.traffic-selector",
    nonAscii: true,
    keywords: [],
    test: /(?:感兴趣流|兴趣流|保护子网|网段)[^，。,.]*不匹配/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "zh.dpd",
    nonAscii: true,
    keywords: [],
    test: /DPD[^，。,.]*超时/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "zh.unreachable",
    nonAscii: true,
    keywords: [],
    test: /(?:第一[阶階]段|一[阶階]段)?[协協]商超[时時]|(?:未|没有)收到对端(?:的)?(?:响应|回复|报文)|对端无响应/,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.8,
  }),
  r({
    id: "zh.failed",
    nonAscii: true,
    keywords: [],
    test: /[协協]商失[败敗]|链路状态变为down/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.5,
  }),
  r({
    id: "zh.up",
    nonAscii: true,
    keywords: [],
    test: /[协協]商成功/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
];

const NAT_T: Rule[] = [
  // ICMP errors for IKE packets to the peer's NAT-T port: UDP 4500 is refused or filtered.
  r({
    id: "natt.udp4500-refused",
    keywords: ["asynchronous network error report"],
    test: /asynchronous network error report .*(?:sport=4500|port 4500).*(?:refused|unreachable|prohibited)/i,
    code: "NAT_T_ISSUE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    id: "natt.port-floating-off",
    keywords: ["port floating is off", "nat-t", "natt", "nat_traversal", "nat traversal", "nat detection fail"],
    test: /port floating is off|NAT-?T(?:raversal)? (?:is )?(?:disabled|not (?:enabled|supported|allowed|configured))|NAT[- ]?T(?:raversal)? (?:does not match|mismatch)|nat detection fail|nat_traversal=no|NAT Traversal is not enabled/i,
    code: "NAT_T_ISSUE",
    confidence: 0.85,
  }),
  r({
    id: "natt.draft-payload",
    keywords: ["payload type 13"],
    test: /unexpect(?:ing|ed) payload type 13[01]\b/,
    code: "NAT_T_ISSUE",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    id: "natt.non-esp-marker",
    keywords: ["non-esp marker"],
    test: /non-ESP marker/i,
    code: "NAT_T_ISSUE",
    confidence: 0.8,
  }),
  // ESP-in-UDP packets arriving on UDP 500 parse as IKE with a nonsense version.
  r({
    id: "natt.esp-as-ike",
    keywords: ["invalid_major_version"],
    test: /unsupported IKE version \d+\.\d+ from .*INVALID_MAJOR_VERSION/,
    code: "NAT_T_ISSUE",
    confidence: 0.6,
  }),
  r({
    id: "natt.udp-encap",
    keywords: [
      "udp-encap",
      "udpencap",
      "udp encap",
      "nat detected",
      "nat discovered",
      "nat_detection",
      "nat-t",
      "udp_encap",
      "udp decap",
      "udp-decap",
    ],
    test: /unable to set UDP_ENCAP|UDP[- ]?(?:en|de)cap(?:sulation)?\b[^.]*?(?:not supported|failed|disabled|not enabled)|NAT (?:detected|discovered)[^.]*(?:but|while)[^.]*(?:disabled|not (?:enabled|supported))|NAT_DETECTION\w* .*(?:disabled|unsupported)|nat-t (?:mismatch|blocked|fail)/i,
    code: "NAT_T_ISSUE",
    confidence: 0.75,
  }),
  r({
    // Cisco ASA: the peer refused NAT-T, or sent NAT-T vendor ids without NAT discovery.
    id: "natt.asa",
    keywords: ["rejected nat enabled ipsec", "nat-discovery payloads missing"],
    test: /rejected NAT enabled IPsec request|NAT-Discovery payloads missing\. Aborting NAT-Traversal/,
    code: "NAT_T_ISSUE",
    phase: "1",
    confidence: 0.7,
  }),
];

const TRAFFIC_SELECTORS: Rule[] = [
  r({
    id: "ts.unacceptable",
    keywords: ["ts_unaccept"],
    test: /TS_UNACCEPTABLE|TS_UNACCEPT\b|N\(TS_UNACCEPT\)/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.95,
  }),
  r({
    id: "ts.no-acceptable",
    keywords: [
      "no acceptable traffic selectors",
      "no connection is known",
      "traffic-selector",
      "traffic selector",
      "no matching child_sa config",
      "no child_sa config found",
      "unable to install policy",
      "proxy-id",
      "proxyid",
      "proxy id",
      "mismatched proxy",
      "no ipsec policy found",
      "find matching selector",
      "protected data flow",
    ],
    test: /no acceptable traffic selectors|traffic[- ]selectors? (?:are )?(?:not in configured range|unacceptable|mismatch|do not match|don't match)|(?:Remote|Local) traffic selectors narrowed|traffic selectors .* (?:unacceptable|inacceptable)$|no (?:IKEv2 )?connection found with compatible traffic selectors|can'?t find matching selector|no matching CHILD_SA config|cannot respond to IPsec SA request because no connection is known|no CHILD_SA config found|unable to install policy|[Pp]roxy[- ]?ID (?:mismatch|does not match|not match)|mismatched proxy|no IPSEC policy found for (?:the )?received TS|Protected Data Flows? (?:parameter )?does not match/i,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.9,
  }),
  r({
    id: "ts.crypto-map",
    keywords: [
      "no matching crypto map entry",
      "crypto map policy not found",
      "rejecting ipsec tunnel: no matching",
      "kmd_pm_p2_policy_lookup_failure",
      "policy lookup for phase-2",
      "match the negotiated policy",
      "recvd_pkt_not_ipsec",
      "no matching tunnel route",
      "policy invalidated proposal with error 32",
      "no proxy match",
      "incomplete due to missing acl",
      "conflicts",
    ],
    // RECVD_PKT_NOT_IPSEC: a cleartext packet matched the crypto ACL, which the peer does not mirror.
    // IOS "policy invalidated proposal with error 32": the proxy identities differ (256 is a transform).
    test: /decapsulated inner packet doesn't match the negotiated policy|RECVD_PKT_NOT_IPSEC|No matching tunnel route for peer proposed|no matching crypto map entry|[Cc]rypto [Mm]ap [Pp]olicy not found|IPSec policy invalidated proposal with error 32\b|Crypto Map: No proxy match|[Cc]rypto map \S+ seq \d+ is incomplete due to missing ACL|Remote IP \S+ ?\/ ?\S+ conflicts|Rejecting IPSec tunnel: no matching|KMD_PM_P2_POLICY_LOOKUP_FAILURE|Policy lookup for Phase-2 .* failed/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.9,
  }),
  r({
    id: "ts.racoon-sainfo",
    keywords: [
      "failed to get sainfo",
      "failed to pre-process ph2 packet",
      "no policy found",
      "failed to get proposal for responder",
    ],
    test: /failed to get sainfo|failed to pre-process ph2 packet|no policy found|failed to get proposal for responder/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "ts.invalid-id",
    keywords: ["invalid_id_info", "invalid-id-information", "n(inval_id)", "invalid id info"],
    test: /INVALID_ID_INFO(?:RMATION)?\b|invalid-id-information|N\(INVAL_ID\)|Invalid ID info\b/i,
    code: "INVALID_ID",
    confidence: 0.8,
  }),
  r({
    id: "ts.remote-id-verify",
    keywords: [
      "verifying remote id failed",
      "verifying local id failed",
      "hash payload does not match",
      "integrity check failed",
    ],
    test: /Verifying (?:Remote|Local) ID failed|HASH payload does not match|integrity check failed/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.55,
  }),
  r({
    // Cisco ASA: the crypto map's ACL, peer or networks do not match what the peer proposes.
    id: "ts.asa-crypto-map",
    keywords: [
      "acl does not match proxy ids",
      "static crypto map check",
      "does not match remote peer as defined in l2l policy",
      "same outer and inner addresses",
      "existing sa from different peer",
      "crypto map policy not found",
      "invalid_selectors",
      "non-ipsec packet",
      "failed to match peer selectors",
    ],
    test: /ACL does not match proxy IDs|Static Crypto Map check, map = \S+, seq = \S+, no ACL configured|IKE peer does not match remote peer as defined in L2L policy|initiated a tunnel with same outer and inner addresses|existing sa from different peer, rejecting new sa|Crypto Map Policy not found for remote traffic selector|Received INVALID_SELECTORS Notification|Received a non-IPSec packet|failed to match peer selectors/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    // PAN-OS: the phase 2 failed on the peer's proxy IDs or traffic selectors.
    id: "ts.panos-processing",
    keywords: ["when processing proxy id", "when processing traffic selector"],
    test: /negotiation failed when processing [Pp]roxy ID|negotiation failed when processing traffic selector/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    // Selectors refused or narrowed: Libreswan, Google Cloud VPN, ZyXEL, Check Point.
    id: "ts.refused-wording",
    keywords: [
      "does not fit the proposal",
      "ts_narrowing_not_allowed",
      "ips of incoming request conflict",
      "should not have been decrypted",
    ],
    test: /Traffic Selector response .* does not fit the proposal|TS_NARROWING_NOT_ALLOWED|IPs of incoming request conflict with rule|According to the Policy the Packet should not have been decrypted/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
];

const AUTH: Rule[] = [
  r({
    id: "auth.notify",
    keywords: ["authentication_failed", "auth_failed", "invalid_hash_information"],
    test: /AUTHENTICATION_FAILED|N\(AUTH_FAILED\)|AUTH_FAILED\b|INVALID_HASH_INFORMATION/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.95,
  }),
  r({
    id: "auth.psk",
    keywords: [
      "shared key",
      "shared-key",
      "sharedkey",
      "shared secret",
      "psk mismatch",
      "psk found",
      "secret found",
      "no matching secret",
      "shared key found",
      "pre-shared address key",
    ],
    test: /pre-?shared[- ]key (?:mismatch|is (?:wrong|incorrect))|invalid [Pp]re-?[Ss]hared [Kk]ey|mismatched pre-?shared key|pre-?shared (?:secret|key) mismatch|PSK mismatch|no (?:matching )?(?:PSK|secret|(?:pre-?)?shared key) found|no matching secret|probable pre-shared secret mismatch|shared secret (?:does not match|mismatch)|pre-?shared key (?:does not|doesn't|did not) match|No Cert or pre-shared address key/i,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.95,
  }),
  r({
    id: "auth.psk-wording",
    keywords: ["mac mismatched", "preshared secrets", "pre-shared secrets", "hash payload does not match computed"],
    // Libreswan main mode: the peer's HASH, keyed by the pre-shared key, is not ours.
    test: /tried \d+ shared keys? for .* but MAC mismatched|mismatch of pre-?shared secrets|received Hash Payload does not match computed value/i,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.95,
  }),
  r({
    id: "auth.failed",
    keywords: ["authenticat", "signature check", "auth fail", "auth check fail"],
    test: /[Cc]an'?t authenticate|[Ff]ailed to authenticate|(?<![Pp]acket )[Aa]uthentication (?:of .+ )?(?:failed|failure)|authentication result: fail|[Aa]uthentication .*with .* failed|authentication request rejected|[Ss]ignature check .* failed|RSA Signature check|(?<![Pp]acket )[Aa]uth(?:entication)? (?:check )?fail/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "auth.failed-wording",
    keywords: ["auth exchange failed", "could not authenticate", "verify the peer hash", "verify the peer signature"],
    test: /Auth exchange failed|[Cc]ould not authenticate|[Ff]ailed to verify the peer (?:HASH|signature)/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "auth.decrypt",
    keywords: [
      "failed to decrypt",
      "could not decrypt payloads",
      "decryption failed",
      "decryption was unsuccessful",
      "problems decrypting packet",
      "hash_v1 payload",
      "was not encrypted and it should",
      "failed its sanity check",
      "message parsing failed",
    ],
    test: /[Ff]ailed to decrypt (?:IKE )?packet from|could not decrypt payloads|decryption (?:failed|was unsuccessful)|problems decrypting packet|HASH_V1 payload|was not encrypted and it should.ve been|failed its sanity check or is malformed|[Mm]essage parsing failed/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    id: "auth.peer-config",
    keywords: [
      "peer config",
      "no connection has been authorized",
      "find configuration for ike phase-1",
      "kmd_pm_p1_policy_lookup_failure",
      "policy lookup for phase-1",
      "policy lookup failed",
      "unknown peer",
      "peer id",
      "does not match",
      "ike-id",
      "ike id",
      "ikeid",
      "identity mismatch",
      "identity does not match",
    ],
    test: /no (?:matching )?peer config(?:s)? found|no connection has been authorized|Couldn.t find configuration for IKE phase-1|KMD_PM_P1_POLICY_LOOKUP_FAILURE|Policy lookup for Phase-1 .* failed|IKE Phase-1: \((?:Responder|Initiator)\) Policy lookup failed|(?<!from )unknown peer|peer ID .*(?:does not match|mismatch)|\bID(?:ir|i|r|_[IR])?\b.* does not match|(?:Local|Remote|on-premises) ?ID\b.* does not match|IKE[- ]?ID .*(?:mismatch|does not match)|identity (?:mismatch|does not match)|peer config '[^']*' inacceptable|packet received does not match the customer gateway|[Tt]he peer does not match|PeerID does not match|does not match peers? id\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  // ASA/FTD 'Failed to locate an item in the database': no tunnel group matches the peer's identity.
  r({
    id: "auth.identity-wording",
    keywords: [
      "failed to locate an item in the database",
      "no matching gateway",
      "peer id check failed",
      "profile could not be found",
      "profile not found",
      "peer mismatch on first found connection",
      "peer to have id",
      "unknow peer id",
      "parse peerid failed",
      "lacks idr payload",
      "expecting ip address type",
      "matching policy not found",
      "matching gateway endpoint not found",
      "with matching id was not found",
      "no suitable connection for peer",
      "identity not found for",
      "find identity for peer",
      "error_ipsec_ike_auth_fail",
      "13801",
      "35e9",
      "credentials are unacceptable",
    ],
    test: /Failed to locate an item in the database|no matching gateway for new request|Peer ID check failed|[Pp]rofile could not be found by peer|IKEv2 profile not found|Peer mismatch on first found connection|we require (?:IKEv[12] )?peer to have ID '[^']*', but peer declares|[Uu]nknow peer id|Parse PEERID failed|message lacks IDr payload|Expecting IP address type in main mode, ?but|[Mm]atching policy not found|Matching gateway endpoint not found|Gateway endpoint with matching ID was not found|no suitable connection for peer|identity not found for (?:responder|peer)|can'?t find identity for peer|ERROR_IPSEC_IKE_AUTH_FAIL|\berror 13801\b|\b0x0*35e9\b|IKE authentication credentials are unacceptable/i,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "auth.certificate",
    keywords: [
      "certificate",
      "public key found",
      "private key",
      "subjectaltname",
      "constraint check",
      "suitable trustpoints",
      "known trusted ca",
      "no private key found",
      "no subjectaltname extension",
      "certificate rejected for this connection",
      "rejecting peer cert",
      "not allowed but peer supports",
      "ppk=insist",
    ],
    test: /certificate .*(?:expired|invalid|revoked|not (?:yet )?valid|untrusted|does not match)|EXPIRED_CERTIFICATE|[Nn]o (?:trusted )?(?:RSA |ECDSA |TLS )?public key found|no issuer certificate found|No suitable trustpoints found|not issued by (?:a )?known trusted CA|no private key found for|unable to locate my private key|private key .*not found|Can't find the certificate|subjectAltName .* does not match|no end entity certificate|constraint check(?:ing)? failed|certificate with nickname .* not found|certificate contains no subjectAltName extension to match|certificate rejected for this connection|rejecting peer cert with key size|is not allowed but peer supports nothing else|ppk=insist but peer does not support PPK/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "auth.unsupported-critical",
    keywords: ["unsupported_critical_payload"],
    test: /UNSUPPORTED_CRITICAL_PAYLOAD/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    id: "auth.ios-main-mode",
    keywords: ["ikmp_mode_failure"],
    test: /IKMP_MODE_FAILURE: Processing of (?:Main|Aggressive) [Mm]ode failed/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.55,
  }),
  r({
    // Cisco ASA: no tunnel group, pre-shared key, trustpoint or certificate for the peer.
    id: "auth.asa-tunnel-group",
    keywords: [
      "no group found matching",
      "default preshared key not configured",
      "auth mode differs",
      "computed authentication value",
      "authentication data failed",
      "authentication method configured is mismatching",
      "verify cert failed",
      "unsupported cert encoding",
      "can't find tunnel group",
      "unable to set self auth method",
      "hash verification failed",
      "valid machine certificate",
      "config id mismatch",
      "failed user authentication",
      "no trust-point defined",
      "unknown tunnel group name",
      "no pre-shared key or trustpoint configured",
      "no remote authentication method configured",
      "unable to find tunnel group for peer",
      "identity cert",
      "identity certificate",
      "received peer certificate",
      "requested certificate",
      "certificate validation failed",
      "suitable trustpoint",
      "gw validation failed",
      "cert group matching failed",
      "failed for user",
      "due to eap failure",
    ],
    test: /Computed authentication value for peer differs|Verification of peer's authentication data FAILED|authentication method configured is mismatching|Verify cert failed|Unsupported cert encoding|Can't find tunnel group for peer|unable to set self auth method|Hash verification failed|failed to send valid machine certificate|config ID mismatch|No Group found matching .* for Pre-shared key|BASE GROUP default preshared key not configured|Client IKE Auth mode differs from the group's configured Auth mode|Remote peer has failed user authentication|no trust-point defined in tunnel-group|with unknown tunnel group name|No pre-shared key or trustpoint configured for self|No remote authentication method configured for peer|Unable to find tunnel group for peer|Failed to retrieve identity certificate|No identity cert specified|Unable to process the received peer certificate|Unable to find the requested certificate|[Cc]ertificate validation failed|Failed to find a suitable trustpoint|: gw validation failed|cert group matching failed|(?:XAUTH|EAP) failed for user|expiring due to EAP failure/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    // Peer identity and credentials refused: strongSwan, Libreswan XAUTH, Cisco IOS, NetDefendOS,
    // and Google Cloud VPN's tunnel status.
    id: "auth.refused-wording",
    keywords: [
      "certificate verification failed",
      "not whitelisted",
      "xauth status: fail",
      "ikmp_auth_fail",
      "ikmp_sa_not_auth",
      "incorrect pre-shared key",
      "bad shared secret",
      "failed verification",
      "xauth: user",
      "xauth: failure user",
      "pam: authentication of user",
      "authorization_error:",
      "peer_identity_mismatch:",
    ],
    test: /[Cc]ertificate verification failed|peer identity '[^']*' not whitelisted|XAUTH status: FAIL|IKMP_AUTH_FAIL|IKMP_SA_NOT_AUTH|[Ii]ncorrect pre-?shared key|bad shared secret|Certificate .* failed verification|XAUTH: User .*: Authentication Failed|XAUTH: failure user|PAM: authentication of user '[^']*' (?:FAILED|ABORTED)|^(?:AUTHORIZATION_ERROR|PEER_IDENTITY_MISMATCH): /,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
];

const PROPOSALS: Rule[] = [
  r({
    // strongSwan's IKEv1 quick mode (main mode says "no proposal found").
    id: "proposal.strongswan-quick-mode",
    keywords: ["no matching proposal found, sending"],
    test: /no matching proposal found, sending NO_PROPOSAL_CHOSEN/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    id: "proposal.aws-ike",
    keywords: ["no proposal match found by aws"],
    test: /^No Proposal Match Found by AWS/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "proposal.aws-ipsec",
    keywords: ["no proposal match found. notifying"],
    test: /^No Proposal Match Found\. Notifying/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "proposal.aws-phase2",
    keywords: ["phase 2 was unable to establish"],
    test: /Phase 2 was unable to establish while keeping Phase 1/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.75,
  }),
  r({
    id: "proposal.attribute-mismatch",
    keywords: ["failure: mismatched attribute", "mismatched attribute types"],
    test: /[Pp]hase ?([12]) failure: Mismatched attribute|Mismatched attribute types for class/,
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.9,
  }),
  r({
    id: "proposal.pfs",
    keywords: ["pfs", "dh group mismatch", "dhgroupmismatch", "lacks ke payload", "does not have diffie_hellman_group"],
    // A quick mode or child SA without a KE payload, or a peer proposal without a DH group (an
    // IKE SA proposal always has one): one side wants PFS, the other does not.
    test: /lacks KE payload|Peer proposal: DOES NOT HAVE DIFFIE_HELLMAN_GROUP|PFS (?:group )?(?:mismatch|does not match)|pfs[^.]*(?:mismatch|not match)|DH group mismatch|DhGroupMismatch|proposal without PFS|PFS not enabled/i,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  // The notify itself, in each vendor's spelling: NO_PROPOSAL_CHOSEN, v2N_NO_PROPOSAL_CHOSEN, N(NO_PROP), "No proposal chosen".
  // Cisco IOS names the protocol of the refused proposal: 1 is ISAKMP, 2 AH and 3 ESP.
  r({
    id: "proposal.ios-notify-isakmp",
    keywords: ["proposal_not_chosen protocol 1"],
    test: /PROPOSAL_NOT_CHOSEN protocol 1\b/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "proposal.ios-notify-ipsec",
    keywords: ["proposal_not_chosen protocol 2", "proposal_not_chosen protocol 3"],
    test: /PROPOSAL_NOT_CHOSEN protocol [23]\b/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    id: "proposal.ios-ipsec-policy",
    keywords: ["sa policy not acceptable", "policy invalidated proposal", "transform proposal not supported"],
    test: /phase 2 SA policy not acceptable|IPSec policy invalidated proposal|transform proposal not supported/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    id: "proposal.notify",
    keywords: [
      "no_proposal_chosen",
      "n(no_prop)",
      "no proposal chosen",
      "no sa proposal chosen",
      "no-proposal-chosen",
      "bad_proposal_syntax",
    ],
    test: /NO_PROPOSAL_CHOSEN|BAD_PROPOSAL_SYNTAX|NO-PROPOSAL-CHOSEN|N\(NO_PROP\)|[Nn]o (?:SA )?[Pp]roposal [Cc]hosen/,
    code: "PROPOSAL",
    confidence: 0.9,
  }),
  r({
    id: "proposal.no-match",
    keywords: ["proposal", "no acceptable", "algorithmmismatch"],
    test: /no (?:suitable|acceptable|matching) (?:IKE |IPsec |ESP )?proposal|proposals? (?:unacceptable|not acceptable)|received proposals unacceptable|no local proposal matches|not presented in the (?:IKE|IPsec|IPSec|ESP) proposal|no acceptable (?:Oakley|ESP|AH|IPsec) [Tt]ransform|SA proposals? (?:found )?unacceptable|proposal(?:s)? (?:do not|don't|did not) match|SA proposal not match|proposal mismatch|no acceptable (?:ENCRYPTION_ALGORITHM|INTEGRITY_ALGORITHM|DIFFIE_HELLMAN_GROUP|KEY_EXCHANGE_METHOD|PSEUDO_RANDOM_FUNCTION|EXTENDED_SEQUENCE_NUMBERS)|suitable matching Proposal|no matching proposal|no match proposal|(?:Encryption|Authentication)?AlgorithmMismatch/i,
    code: "PROPOSAL",
    confidence: 0.85,
  }),
  r({
    id: "proposal.no-match-wording",
    keywords: [
      "failed to find a matching policy",
      "failed to verify the proposed policies",
      "no proposal found",
      "failed to match proposal",
      "offered does not match policy",
      "atts are not acceptable",
      "proposal matched",
      "peer likes no proposal",
      "failed to compute dh value",
      "oakley_authentication_method",
      "reason=received",
      "ike version did not match",
      "does not have",
      "dh group",
      "does not match",
      "is incompatible",
      "13868",
      "security attributes are unacceptable",
      "error_ipsec_ike_no_policy",
      "policy mismatch",
    ],
    test: /Failed to find a matching policy|Failed to verify the proposed policies|\bno proposal found|failed to match proposal|offered does not match policy|atts are not acceptable|none of my proposals? matched|perhaps peer likes no proposal|failed to compute dh value|policy does not allow .*OAKLEY_AUTHENTICATION_METHOD|Reason=Received (?:'[^']*' exchange type|[^,.]+, expecting)|Received IKE version did not match|Peer proposal: DOES NOT HAVE|DH group (?:\S+ )?not supported|algorithm[^.]* (?:does not match|is incompatible)|DH group(?: parameter)?[^.]* does not match|The (?:IKE version|negotiation mode|proposal) does not match|\berror 13868\b|IKE security attributes are unacceptable|ERROR_IPSEC_IKE_NO_POLICY|Notify Message - Policy Mismatch/i,
    code: "PROPOSAL",
    confidence: 0.85,
  }),
  // racoon (pfSense, Alibaba's IKEv1 daemon) compares each attribute of a proposal and names it.
  r({
    id: "proposal.racoon-phase1",
    keywords: [
      "rejected enctype",
      "rejected hashtype",
      "rejected dh_group",
      "rejected authmethod",
      "received ke type",
      "failed to get valid proposal",
    ],
    test: /rejected (?:enctype|hashtype|dh_group|authmethod)|failed to get valid proposal|received KE type \d+, ?expected \d+/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    id: "proposal.racoon-phase2",
    keywords: ["trns_id mismatched", "proto_id mismatched", "encmode mismatched", "authtype mismatched"],
    test: /(?:trns_id|proto_id|encmode|authtype) mismatched/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "proposal.encapsulation-mode",
    keywords: [
      "policy dictates",
      "transport mode",
      "tunnel mode",
      "encapsulation mode mismatch",
      "encapsulation mode does not match",
      "security protocol does not match",
      "commit bit does not match",
      "local policy requires",
      "unexpected ipcomp request",
    ],
    test: /policy dictates \w+ Mode, but peer requested|(?:[Tt]ransport|[Tt]unnel) mode (?:mismatch|not (?:allowed|acceptable|supported))|encapsulation mode (?:mismatch|does not match)|[Tt]he security protocol does not match|[Tt]he commit bit does not match|local policy requires \w+ Mode but peer requires (?:required )?\w+ Mode|Unexpected IPCOMP request/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "proposal.mode",
    keywords: [
      "rmconf",
      "no suitable connection found with ikev",
      "not acceptable aggressive mode",
      "not acceptable identity protection mode",
      "not acceptable main mode",
      "aggressive mode psk disabled",
      "ikmp_ag_mode_disabled",
      "initial aggressive mode message",
      "unknown ikev2 peer",
    ],
    // One side in main mode (identity protection), the other in aggressive mode, or IKE versions.
    test: /not acceptable (?:Aggressive|Identity Protection|Main) mode|Aggressive Mode PSK disabled|IKMP_AG_MODE_DISABLED|initial Aggressive Mode message from .* but no (?:\(wildcard\) )?connection has been configured|unknown ikev2 peer|exchange [\w ]+ not allowed in any applicable rmconf|no suitable connection found with IKEv[12] policy/,
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.75,
  }),
  // The IKE version is settled by the first exchange, whatever the line names after it.
  r({
    id: "proposal.ike-version",
    keywords: [
      "version mismatch",
      "ikev1 is not",
      "ikev2 is not",
      "ike version or negotiation mode",
      "invalid_major_version",
    ],
    test: /IKE version mismatch|INVALID_MAJOR_VERSION|IKE version or negotiation mode does not match|negotiation fails\..*version mismatch|IKEv[12] is not (?:allowed|supported|enabled)/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    id: "proposal.asa-qm",
    keywords: ["qm fsm error", "processing of quick mode failed"],
    test: /QM FSM error|IKMP_MODE_FAILURE: Processing of Quick mode failed/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.5,
  }),
  r({
    // Cisco ASA IKEv2: a child SA may not be stronger than the IKE SA that protects it.
    id: "proposal.asa-child-stronger",
    keywords: ["not strong enough to secure proposed ipsec"],
    test: /is not strong enough to secure proposed IPSEC encryption algorithm/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    // PAN-OS: the peer's SA payload (its proposals) could not be accepted; Junos kmd: the
    // phase 2 proposal named a protocol it cannot use.
    id: "proposal.sa-payload",
    keywords: ["sa payload", "in phase 2 proposal was invalid"],
    test: /Unable to process peer.s SA payload|negotiation failed when processing SA payload|in Phase 2 proposal was invalid/,
    code: "PROPOSAL",
    confidence: 0.8,
  }),
  r({
    // Junos kmd: the phase 2 SA was negotiated with a protocol it cannot use.
    id: "proposal.kmd-protocol",
    keywords: ["was negotiated for sa"],
    test: /(?:Invalid|Unsupported) (?:IPComp )?protocol .*was negotiated for SA/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.75,
  }),
  r({
    // Cisco IOS: the responder chose an attribute the initiator never offered.
    id: "proposal.ios-not-offered",
    keywords: ["ikmp_sa_not_offered"],
    test: /IKMP_SA_NOT_OFFERED/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // Libreswan: an Oakley (phase 1) attribute or an ESP transform it does not accept.
    id: "proposal.libreswan-refused",
    keywords: ["attribute oakley_", "esp ipsec transform refused"],
    test: /not supported\.\s+Attribute OAKLEY_\w+|ESP IPsec Transform refused/,
    code: "PROPOSAL",
    confidence: 0.75,
  }),
];

// A child SA that failed without a named cause: most often proposals, sometimes selectors.
const CHILD_FAILED: Rule[] = [
  r({
    id: "phase2.child-failed",
    keywords: [
      "failed to establish child_sa",
      "rejected child sa",
      "child sa failed",
      "child_sa negotiation failed",
      "no child_sa built",
      "unable to install",
      "create_child_sa request failed",
      "create_child_sa failed",
    ],
    test: /failed to establish CHILD_SA|rejected Child SA(?! with (?:FAILED_CP_REQUIRED|INTERNAL_ADDRESS_FAILURE))|CHILD SA failed|CHILD_SA negotiation failed|no CHILD_SA built|unable to install (?:inbound|outbound) IPsec SA|CREATE_CHILD_SA (?:request )?failed/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.5,
  }),
];

const REKEY: Rule[] = [
  r({
    id: "rekey.failed",
    keywords: ["rekey"],
    test: /rekey(?:ing)?(?: of \S+)? (?:failed|failure|was not successful)|rekeying (?:IKE_SA|CHILD_SA) failed|rekey fail\b|Simultaneous rekeys were detected|to rekey #\d+ vanished|unable to rekey|failed to rekey|rekey(?:ing)? .*(?:TEMPORARY_FAILURE|timed out)|CHILD_SA rekeying failed|IKE_SA rekeying failed/i,
    code: "REKEY_FAILURE",
    confidence: 0.9,
  }),
  // Packets or notifies for an SPI the peer no longer has: the two sides' SAs went out of step,
  // typically when a rekey did not complete on both ends.
  r({
    id: "rekey.invalid-spi",
    keywords: ["invalid_spi", "invalid spi", "inv_spi", "find sa for proto"],
    test: /INVALID_SPI|[Ii]nvalid SPI|RECVD_PKT_INV_SPI|can'?t find sa for proto/,
    code: "REKEY_FAILURE",
    phase: "2",
    confidence: 0.6,
  }),
  r({
    id: "rekey.temporary-failure",
    keywords: ["temporary_failure", "n(temp_fail)"],
    test: /TEMPORARY_FAILURE|N\(TEMP_FAIL\)/,
    code: "REKEY_FAILURE",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    // racoon: one side still uses a phase 1 SA the other has dropped (pfSense "stuck phase 1").
    id: "rekey.stale-phase1",
    keywords: ["none message must be encrypted", "there is no isakmp-sa", "no phase-1 sa is found"],
    test: /none message must be encrypted|can'?t start the quick mode, there is no ISAKMP-SA|negotiation request received but no phase-1 SA is found/,
    code: "REKEY_FAILURE",
    confidence: 0.6,
  }),
  r({
    // racoon (Alibaba's table: LifetimeMismatch): the peer proposes a longer lifetime than ours.
    // Lifetimes are not negotiated in IKEv2; a mismatch shows as rekeys out of step.
    id: "rekey.lifetime-proposed",
    keywords: ["lifetime proposed", "lifetime"],
    test: /long lifetime proposed|[Ll]ifetime(?: parameter)? does not match|[Ll]ifetime mismatch/,
    code: "REKEY_FAILURE",
    confidence: 0.5,
  }),
  r({
    id: "rekey.expired",
    keywords: [
      "closing expired",
      "hard lifetime",
      "expired without",
      "sa expired",
      "(expired?) sa",
      "event_sa_expire",
      "expired, not rekeying",
      "expired before finishing rekey",
      "phase-1 sa expired",
      "hard expired",
      "hard expiry",
    ],
    test: /closing expired (?:CHILD|IKE)_SA|hard lifetime (?:expired|reached)|expired without (?:being )?(?:rekeyed|replaced|replacement)|(?:IKE|ISAKMP) SA expired|for an unknown \(expired\?\) SA|EVENT_SA_EXPIRE\b|(?:CHILD_SA|IKE_SA) .* expired, not rekeying|expired before finishing rekey|retry timeout because phase-1 SA expired|IPsec SA [0-9a-f]+\/[0-9a-f]+ hard expired|phase ?[12] hard expiry/,
    code: "REKEY_FAILURE",
    confidence: 0.7,
  }),
  r({
    // Cisco ASA: the phase 1 rekey left no live SA (the peers' rekey timing is out of step).
    id: "rekey.asa-dead-sa",
    keywords: ["new sa is dead"],
    test: /Old P1 SA is being deleted but new SA is DEAD/,
    code: "REKEY_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // Libreswan: the peer's child SA rekey request was dropped.
    id: "rekey.libreswan-dropped",
    keywords: ["containing rekey_sa notification"],
    test: /dropping unexpected CREATE_CHILD_SA message containing REKEY_SA notification/,
    code: "REKEY_FAILURE",
    phase: "2",
    confidence: 0.7,
  }),
];

const DPD: Rule[] = [
  r({
    id: "dpd.peer-dead",
    keywords: ["dead", "dpd", "dead peer detect", "r_u_there", "lost contact", "liveness", "lost service"],
    test: /[Dd]eclaring peer dead|[Pp]eer (?:is )?dead|(?:DPD|dpd)(?: packets?| messages?)?[ -](?:timed out|timeout|failed|failure)|Reason: DPD kill|dpd_failure|dead peer detect(?:ed|ion)(?: \S+)* (?:timed out|failed)|KMD_DPD|[Pp]eer (?:is )?not responding to DPD|peer didn't respond to DPD|no (?:response|reply|ack) to (?:R_U_THERE|DPD)|R_U_THERE (?:timed out|unanswered)|lost contact with remote peer.*(?:DPD|keepalive)|[Ll]iveness (?:action|check failed)|DPD action|DPD: (?:[Cc]learing|[Rr]estarting|[Pp]utting)|(?:peer|remote)(?: \([^)]*\))? seems to be dead|Reason: Lost Service|DPD .* is down|peer .* down .* DPD|presumed dead due to keep-alive/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "dpd.peer-dead-wording",
    keywords: [
      "determined by dpd",
      "dpd down",
      "liveness_check",
      "liveness: action",
      "heartbeat timeout",
      "dpd payload sequence",
      "dpd_peer_dead",
      "dpd failed",
      "ping-restart",
      "ping-exit",
    ],
    // OpenVPN's --ping-restart/--ping-exit are its keepalive giving up on a silent peer (its
    // --inactive is the idle timer).
    test: /determined by DPD|DPD down\b|liveness_check - peer .* has not responded|liveness: action|heartbeat timeout|DPD payload sequence is incompatible|IKE_GATEWAY_DPD_PEER_DEAD|DPD Failed\b|Inactivity timeout \(--ping-(?:restart|exit)\)|\[soft,ping-(?:restart|exit)\]/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.9,
  }),
  // Retransmissions on an SA that was already up are liveness (DPD) probes going unanswered.
  r({
    id: "dpd.established-retransmit",
    keywords: ["established_ike_sa", "state_main_i3", "state_main_i4", "state_main_r3", "state_main_r4"],
    test: /(?:STATE_V2_)?ESTABLISHED_IKE_SA: (?:retransmission|\d+ second timeout exceeded)|STATE_MAIN_[IR][34]: .*(?:retransmission|timeout exceeded)/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    // PAN-OS tunnel monitoring: its liveness probe through the tunnel failed.
    id: "dpd.panos-tunnel-monitor",
    keywords: ["tunnel monitoring failed"],
    test: /going down due to tunnel monitoring failed/,
    code: "DPD_TIMEOUT",
    confidence: 0.75,
  }),
];

const IDLE: Rule[] = [
  r({
    id: "idle.timeout",
    keywords: ["idle", "inactivity", "no traffic", "inactive"],
    // Not a firewall's flow record ("RT_FLOW_SESSION_CLOSE: session closed idle Timeout").
    test: /(?<!session closed )[Ii]dle[ -]?[Tt]ime[ -]?[Oo]ut|idle timer expired|idle time out|Reason: Idle Timeout|due to inactivity|after \d+\s*s(?:econds)? of (?:CHILD_SA )?inactivity|[Ii]nactivity timeout|no traffic (?:for|since)|closing (?:CHILD_SA|IKE_SA) .* (?:inactive|inactivity)|SIG\w+\[soft,inactive\]/,
    code: "IDLE_TIMEOUT",
    phase: "2",
    confidence: 0.85,
  }),
];

const UNREACHABLE: Rule[] = [
  r({
    id: "unreachable.icmp",
    keywords: [
      "asynchronous network error report",
      "no route to host",
      "host unreachable",
      "network is unreachable",
      "error: sendto (",
      "sendfromto failed",
      "error writing to socket",
      "failed to send ike packet",
    ],
    // The IKE packets cannot even leave: no route, or the socket refuses them.
    test: /asynchronous network error report|[Nn]o route to host|[Hh]ost unreachable|[Nn]etwork is unreachable|ERROR: sendto \(|sendfromto failed|error writing to socket|Failed to send IKE Packet/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    id: "unreachable.giving-up",
    keywords: [
      "giving up after",
      "message retry timeout",
      "peer not responding",
      "establishing ike_sa failed",
      "to our first",
      "timeout exceeded after",
      "timeout: deleting un-established",
      "peer no response",
      "no response from",
      "unable to reach",
      "unable to contact",
      "retransmission count exceeded",
      "half open ike_sa",
      "deleting incomplete state after",
      "(sent ike_sa_init request)",
      "fsm error history",
      "max transmit reached",
      "auth msg before the timer expired",
    ],
    test: /giving up after \d+ retransmits|retransmission count exceeded|peer not responding|establishing IKE_SA failed|[Nn]o response (?:\(or no acceptable response\) )?to our first|timeout exceeded after \d+ retransmits|Timeout: deleting un-established|peer no response|[Nn]o response from (?:the )?(?:peer|remote gateway)|unable to (?:reach|contact) (?:the )?peer|Reason=Message retry timeout|deleting half open IKE_SA (?:with \S+ )?after timeout|deleting incomplete state after \d+ seconds|deleting IKE SA \(sent IKE_SA_INIT request\)|max transmit reached|Failed to receive the AUTH msg before the timer expired|FSM error history .*<event>:\s+(?:MM|AM)_DONE, EV_\w+\W+(?:MM|AM)_WAIT_MSG2/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "unreachable.time-up",
    keywords: ["time up", "send error", "timeout", "timed out"],
    test: /[Pp]hase 1 retry timeout|IKE [Tt]imeout\b|retransmission timeout\b|negotiation failed due to time up|negotiation aborted due to timeout|failed due to (?:send error|timeout)|is failed .* due to timeout|with error: Timed out|negotiations? timed out|negotiation timeout|negotiation failed: "?timed out|Phase1NegotiationTimeout|phase ?1 (?:negotiation )?(?:timed out|timeout)/i,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.85,
  }),
  r({
    id: "unreachable.retransmit",
    keywords: ["retransmit", "retransmission", "duplicate phase 1 packet", "ike_decode resending", "resend phase"],
    test: /IKE_DECODE RESENDING|retransmitting (?:due to retransmit )?phase [12]\b|Retransmitting packet\b|received duplicate \w+ message request.*; retransmitting response|\(P[12]_RETRANSMIT\)|resend phase[12] packet|retransmitting in response to duplicate packet|max number of retransmissions \(\d+\) reached|retransmit(?:ting)? \d+ of (?:request|response)|retransmission; will wait|retransmitting \w+ request; will wait|IKE Packet Retransmit|retransmit IKEv[12] .* times|received retransmit of request|sent IKE msg \(RETRANSMIT_\w+\)|Duplicate Phase 1 packet detected|sending retransmit \d+ of request/,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.6,
  }),
  r({
    // Cisco ASA: the negotiation got no answer in time.
    id: "unreachable.asa-timed-out",
    keywords: ["session establishment timed out", "timed out on initial contact"],
    test: /IKE session establishment timed out|Timed out on initial contact to server/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    // No answer from the peer: SonicWall, z/OS IKE, Google Cloud VPN's tunnel status.
    id: "unreachable.no-answer-wording",
    keywords: [
      "remote party timeout",
      "exchange retransmit timed out",
      "no incoming packets from peer",
      "network_error:",
      "cannot be received from the peer",
      "does not respond",
    ],
    test: /[Rr]emote party timeout|[Rr]esponse packets cannot be received from the peer|peer(?: gateway)? does not respond|exchange retransmit timed out|No incoming packets from peer|^NETWORK_ERROR: /,
    code: "PEER_UNREACHABLE",
    confidence: 0.75,
  }),
];

// The BGP TCP session cannot open (refused, no route, a TCP MD5 key mismatch): BGP is down, and
// the "No route to host" in these lines is about the BGP neighbour, not an IKE peer.
const BGP_TRANSPORT: Rule[] = [
  r({
    id: "bgp.connect-failed",
    keywords: ["bgp_connect_failed", "jtask_io_connect_failed: bgp_", "task_connect: task bgp_", "md5 digest"],
    test: /BGP_CONNECT_FAILED|JTASK_IO_CONNECT_FAILED: BGP_|task_connect: task BGP_|Packet from \S+ (?:wrong|missing|unexpectedly has) MD5 digest/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.7,
  }),
];

const BGP: Rule[] = [
  r({
    id: "bgp.established",
    keywords: [
      "to established",
      "adjchange",
      "bgp",
      "peer up",
      "state changed to up",
      "-> established",
      "moved into established state",
    ],
    test: /msg"?[=:]"Peer Up"|BGP state = Established\b|ADJCHANGE: +(?:bgp-\d* \[\d+\] \([^)]*\) |VRF \d+ )neighbor \S+ Up\b|: State changed to up\b|state change \w+ -> Established\b|moved into established state|session state has changed from \w+ to Established|changed state from \w+ to Established|ADJCHANGE: neighbor (?:\S+ )?(?:active |passive )?(?:in vrf \S+ )?(?:vpn vrf \S+ )?Up\b|new state Established|BGP .*(?:neighbor|peer) .* (?:is )?[Uu]p\b/,
    code: "INFO",
    confidence: 0.9,
    clears: ["BGP_SESSION_DOWN"],
  }),
  r({
    id: "bgp.progress",
    keywords: [
      "session state has changed from",
      "is initiating a connection",
      "end-of-rib",
      "an open message",
      "received update with attributes",
      "received by cloud router",
      "route event: ",
      "state changed to start",
      "state changed to feed",
      "connect delayed by",
      "sending open",
      "got open",
      "got keepalive",
      "got end-of-rib",
      "state change ",
      "[fsm] bgp_start",
      "[event] connect start",
    ],
    // BIRD, OpenBGPD and FRR debug wording of a session on its way up.
    test: /received by cloud router|Route Event: (?!Dropping)|: State changed to (?:start|feed)\b|Connect delayed by \d+ seconds|(?:Sending|Got) (?:OPEN|KEEPALIVE|UPDATE|END-OF-RIB)\b|state change (?:Idle|Connect|Active|OpenSent|OpenConfirm) -> (?:Idle|Connect|Active|OpenSent|OpenConfirm)\b|\[FSM\] BGP_Start \(Idle->Connect\)|\[Event\] Connect start|session state has changed from (?:Idle to Connect|Connect to OpenSent|OpenSent to OpenConfirm|Active to (?:Connect|OpenSent))|is initiating a connection|sent an End-of-RIB|(?:sent|received) an OPEN message|received update with attributes/,
    code: "INFO",
    confidence: 0.9,
  }),
  r({
    id: "bgp.down",
    keywords: [
      "session state has changed from",
      "changed state from established",
      "adjchange",
      "hold timer expired",
      "hold time expired",
      "notification",
      "bad open message",
      "maximum prefix limit was exceeded",
      "denied due to",
      "bgp_session_down",
      "bgp routes",
      "bgp",
      "changed state from",
      "old state established",
      "nbr_reset",
      "bgp_recv",
      "removed from session",
    ],
    test: /session state has changed from \w+ to (?:Idle|Active)|changed state from Established to|changed state from \w+ to Idle|changed state from (?:Connect|OpenSent|OpenConfirm) to Active|ADJCHANGE: neighbor (?:\S+ )?(?:active |passive )?(?:in vrf \S+ )?(?:vpn vrf \S+ )?Down\b|old state Established event \w+ new state (?:Idle|Active|Connect)|%BGP-5-NBR_RESET|bgp_recv: read from peer .* failed|topology base removed from session|[Hh]old [Tt]imer [Ee]xpired|hold time expired|(?:sent|received) (?:a )?notification \d+\/\d+|%BGP-3-NOTIFICATION|bad OPEN message|maximum prefix limit was exceeded|DENIED due to|BGP_SESSION_DOWN|\b0 BGP ROUTES\b|BGP (?:session|neighbor|peer) .* (?:down|Down|DOWN)/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.85,
  }),
  r({
    // FRR/Quagga bgpd, GoBGP and BFD: a NOTIFICATION (other than 6/7, the loser of a connection
    // collision), the FSM leaving Established, the TCP session closing, BFD declaring the path down.
    id: "bgp.down-daemons",
    keywords: [
      "%notification",
      "receive_notification_message",
      "went from established",
      "went from clearing",
      "bgp connection closed",
      "bfd state up -> down",
      "hold timer expire",
      "peer down",
      "notification sent to",
      "notification received from",
      "prefix_limit_exceeded",
    ],
    test: /%NOTIFICATION(?:\([^)]*\))?: (?:sent to|received from) neighbor \S+ (?!6\/7\b)\d+\/\d+|\[FSM\] Receive_NOTIFICATION_message|went from (?:Established|Clearing) to|BGP connection closed fd|bfd state Up -> Down|BFD \w+ mode Hold timer expire|msg"?[=:]"Peer Down"|NOTIFICATION (?:sent to|received from) .*code (?!6 \(Cease\) subcode 7\b)\d+ \(|BGP_CEASE_PREFIX_LIMIT_EXCEEDED/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.8,
  }),
  r({
    id: "bgp.down-wording",
    keywords: [
      "higher numbered state",
      "bgp_io_error_close_session",
      "bgp peering with",
      "adjchange:",
      "bgp notification received",
      "sock status:",
      "maxpfxexceed",
      "state changed to down",
      "state changed to stop",
      "bgp session closed",
      "received: ",
      "state change established ->",
      "notification: ",
      "(established->",
      "bgp_read_packet error",
      'notification"',
      "bgp session down",
      "closing session",
      "moved from higher state",
      "remote end closed connection",
      "bgp connection is closed",
      "bgp state =",
    ],
    // Huawei, NX-OS and FortiGate ADJCHANGE forms, BIRD, OpenBGPD, FRR debug, GoBGP and MetalLB,
    // Nokia SR OS: the session left Established, or a NOTIFICATION (other than a collision's
    // Cease 6/7) ended it.
    test: /BGP FSM move[sd]? from a higher numbered state to a lower|BGP_IO_ERROR_CLOSE_SESSION|BGP peering with \S+ went down|ADJCHANGE: +(?:bgp-\d* \[\d+\] \([^)]*\) |VRF \d+ )neighbor \S+ Down\b|\[FSM\] BGP Notification received|Sock Status: \d+-Connection (?:timed out|refused)|%BGP-\d-MAXPFXEXCEED|: State changed to (?:down|stop)\b|BGP session closed|: Received: (?:Hold timer expired|Other configuration change|Administrative (?:shutdown|reset)|Peer de-configured|Out of resources|Maximum number of prefixes reached|Connection rejected|Bad peer AS|FSM error|Malformed AS_PATH)|state change Established -> (?!Established)\w+|(?:sending|received) notification: (?!Cease, connection collision)|\[FSM\] \w+ \(Established->\w+\)|bgp_read_packet error|msg="?(?:received|sent) notification"?(?!.*\bCode=6\b.*\bSubcode=7\b)|BGP session down\b|peer sent notification, closing session|moved from higher state \w+ to lower state \w+|Peer \S+: remote end closed connection|BGP connection is closed|BGP state = (?:Idle|Connect|Active|OpenSent|OpenConfirm)\b/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.85,
  }),
  r({
    // Cisco IOS: an OPEN the router cannot parse, a TCP MD5 mismatch on the BGP port, or a
    // session that cannot open.
    id: "bgp.down-open",
    keywords: ["%bgp-4-msgdump", "badauth", "open failed", "bad open"],
    test: /%BGP-4-MSGDUMP: unsupported or mal-formatted message|%TCP-6-BADAUTH: (?:Invalid|No) MD5 digest from \S+\(179\)|%TCP-6-BADAUTH: (?:Invalid|No) MD5 digest from \S+ to \S+\(179\)|BGP: \S+ open failed: |\bbad OPEN\b/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.75,
  }),
];

const DOWN: Rule[] = [
  r({
    id: "down.session-reason",
    keywords: ["session disconnected", "session is being torn down", "connection terminated for peer"],
    test: /(?:Session disconnected\.|Session is being torn down\.|Connection terminated for peer \S+ ?\.).*?Reason: ((?:(?! Remote Proxy)[^,.])+)/,
    code: "SESSION_REASON",
    confidence: 0.8,
  }),
  r({
    id: "down.delete",
    keywords: [
      "received delete",
      "deleting ike",
      "ike_sa deleted",
      "ike sa deleted",
      "sending delete for",
      "sending delete info message for",
      "request to delete",
      "delete ike sa",
      "closing child_sa",
      "deleting established child sa",
      "deleting child_sa",
      "child_sa closed",
      "isakmp-sa deleted",
      "ipsec-sa deleted",
      "has been deleted",
      "ipsec key delete",
      "deleting sa",
      "no corresponding tunnel exists",
      "deleted sa",
      "delete proto",
      "session manager killed ikev2 tunnel",
      "ikev2_delete_",
      "processing delete info message",
      "security association ended",
      "cannot find phase 2 sa",
      "delete packet",
      "received sa_delete",
      "delete sa payload",
      "sending delete for",
      "sa delete",
      "ipsec sa with spi",
      "schedule delete of ike sa",
    ],
    test: /received DELETE (?:for|IKE_SA|CHILD_SA)|received Delete(?: SA)?(?:\(0x[0-9a-fA-F]+\))? payload|received Delete\/Notify|deleting IKE[_ ]SA|IKE[_ ]SA deleted|[Ss]ending DELETE (?:INFO message )?for|sent INFORMATIONAL request to delete|delete IKE SA|closing CHILD_SA|deleting established Child SA\b|deleting CHILD_SA|CHILD_SA closed|ISAKMP-SA deleted|IPsec-SA deleted|Deleted SA\b|delete proto (?:ESP|AH)\b|SA .* has been deleted|IPSec key delete|[Dd]eleting SA\b|no corresponding tunnel exists|[Rr]eceived SA_DELETE|sending delete for (?:IPsec|IKE) SA|recv (?:ISAKMP|IPsec) SA delete|delet(?:ing|ed) IPsec SA with SPI|schedule delete of IKE SA|session manager killed ikev2 tunnel|error code : IKEV2_DELETE_\w+|Processing DELETE INFO message for IKEv2 SA|IPsec (?:Main|Quick) Mode security association ended|Cannot find Phase 2 SA|delete packet (?:is received )?from the peer|Delete SA payload: .*deleting anyway/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    id: "down.delete-wording",
    keywords: [
      "sa delete request",
      "=> deleting",
      "deleting state (",
      "deleting other state #",
      "ipsec tunnel is deleted",
      "ipsectunnelstop",
      "delete_phase1_sa",
      "due to phase1 down",
      "without notification",
      "terminating sas using this connection",
      "closing ike_sa due",
      "deleting isakmp sa",
    ],
    test: /IKE SA delete request|state change: ESTABLISHED => (?:DELETING|DESTROYING)|deleting (?:other )?state (?:#\d+ )?\(STATE_\w+\)|IPSec tunnel is deleted|IPSECTUNNELSTOP|delete_phase1_sa|expiring due to phase1 down|destroying IKE_SA in state \w+ without notification|terminating SAs using this connection|closing IKE_SA due\b|request rejected.*; deleting ISAKMP SA/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    id: "down.status",
    keywords: ["down", "sa_not_established", "connectivity='false'", "connectivity state"],
    test: /KMD_VPN_DOWN_ALARM_USER|VPN .* is down|connectivity='false'|SNMP_TRAP_LINK_DOWN[: ].*(?:interface-name="|ifName )st0|IPSEC IS DOWN|(?<!SSL VPN )[Tt]unnel (?:is )?(?:DOWN|down)\b|SESSION_STATUS: Crypto tunnel is DOWN|action="?tunnel-down(?!.*tunneltype="?ssl)|IPsec tunnel .* down|status[=: ]+"?DOWN"?\b|ipsec_sa_not_established|ike_sa_not_established|Connectivity State ?: ?(?:NotConnected|Not Connected|Disconnected)\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.7,
  }),
  r({
    // A numbered tunnel (interface) down, or up with its line protocol down: Cisco IOS VTIs and
    // gateways that name tunnels by number.
    id: "down.numbered-tunnel",
    keywords: ["tunnel"],
    test: /[Tt]unnel ?\d+ (?:is )?(?:DOWN|down)\b|Tunnel\d+ is \w+, line protocol is down|Line protocol on Interface Tunnel\d+, changed state to down/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    id: "down.status-wording",
    keywords: ["ip tunnel[", "down-client", "revival attempt", "detection change", "selector down event"],
    test: /IP Tunnel\[\d+\] Down\b|link status of IPsec \w+ detection changed? to down|selector down event|\[UPDOWN\] received down-client|supposed to remain up; revival attempt/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.7,
  }),
  r({
    // Cisco ASA: SAs torn down without one of the causes above.
    id: "down.asa",
    keywords: [
      "delete with reason",
      "tearing down old phase1",
      "sa down",
      "session aborted",
      "unsuccessful at setting up a tunnel",
      "failed to establish an l2l sa",
      "sa creation error",
      "no crypto map bound to interface",
    ],
    test: /Delete With Reason message|Tearing down old phase1 tunnel|\bSA DOWN\b|IKEv2 Session aborted|was unsuccessful at setting up a tunnel|has failed to establish an L2L SA|IPSEC: SA creation error|No crypto map bound to interface/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.65,
  }),
  r({
    // PAN-OS system log: tunnel state and SA deletes.
    id: "down.panos",
    keywords: [
      "is going down due to",
      "sa delete message",
      "closing ikev2 sa",
      "aborting ikev2 sa",
      "sa dying from state established",
      "ction failed, peer",
      ") is down",
    ],
    test: /[Tt]unnel \S+ \(id:[^)]*\) is down|is going down due to|SA delete message (?:received from|sent to) peer|(?:closing|aborting) IKEv2 SA\b|SA dying from state ESTABLISHED|conn?ection failed, peer \S+, retry/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.65,
  }),
  r({
    // Huawei's tunnel teardown and Google Cloud VPN's failed handshake, causes not named.
    id: "down.teardown-wording",
    keywords: [
      "ipsec_tunnel_teared_down",
      "negotiation_failure: handshake failed",
      "stopped: ",
      "rejected: ",
      "failed: ",
    ],
    test: /IPSEC_TUNNEL_TEARED_DOWN|NEGOTIATION_FAILURE: Handshake failed|^(?:STOPPED|REJECTED|FAILED): /,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
];

// A negotiation that failed without naming why: the tunnel is not coming up, which is not benign.
// Every rule above that names a cause wins over this one.
const NEGOTIATION_FAILED: Rule[] = [
  r({
    id: "down.negotiation-failed",
    keywords: [
      "negotiation failed",
      "negotiation fails",
      "negotiation failure",
      "no policy configured",
      "establishing child_sa",
      "negotiation is failed",
      "failed to pre-process",
      "negotiation from",
      "exchange from",
      "negotiate_error",
      "error notify response, abort",
      "negotiate sa error",
      "negotiate isakmp sa error",
      "going to be deleted",
      "status=failure",
      'status="failure',
      "negotiations failed",
      "establishing connection",
      "failed to negotiate or establish",
      "mode failure",
      "invalid payload",
      "ike_invalid_payload",
      "initial exchange failed",
      "failed sa init exchange",
      "cannot establish phase",
      "rejected child sa with",
      "child sa ignored",
      "not attempting to setup child sa",
      "redirect exceeds limit",
      "ike_gateway_peer_failed",
      "phase 1 failed",
      "phase 2 failed",
      "phase1 failed",
      "phase2 failed",
      "connect start l2l failed",
      "establishing ike_sa",
      "negotiation with a remote computer failed",
      "qm rejected",
    ],
    test: /[Nn]egotiations? (?:[Ff]ailed|fails|failure|is failed)\b|error notify response, abort|Negotiate (?:ISAKMP )?SA Error|^ike \S+: going to be deleted|[Cc]annot [Ee]stablish [Pp]hase ?[12]\b|rejected Child SA with (?:FAILED_CP_REQUIRED|INTERNAL_ADDRESS_FAILURE)|Child SA ignored|not attempting to setup CHILD SA|redirect exceeds limit|IKE_GATEWAY_PEER_FAILED|establishing connection '[^']*' failed|failed to negotiate or establish security associations|(?:Main|Quick) Mode Failure\b|sent invalid payload|ERROR_IPSEC_IKE_INVALID_PAYLOAD|Initial exchange failed|Failed SA init exchange|[Pp]hase ?[12] [Ff]ailed\b|connect start L2L failed|establishing IKE_SA '[^']*' failed|IPsec negotiation with a remote computer failed|reason "QM rejected"|NEGOTIATION FAILED|establishing CHILD_SA (?:'[^']*' )?failed|ignoring request to establish IPsec SA, no policy configured|(?:negotiation|exchange) from \S+ to \S+ failed|failed to pre-process (?:ph[12] )?packet|status="?negotiate_error|msg="?\s*(?:progress|negotiate) IPsec phase \d"?.*status="?failure/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.5,
  }),
  r({
    // The peers agreed, but the local kernel refused the SAs or policies: the child SA never carries traffic.
    id: "down.kernel-install",
    keywords: [
      "unable to install",
      "unable to add sad entry",
      "setting wfp sa spi failed",
      "pfkey add failed",
      "pfkey update failed",
      "netlink response for add sa",
    ],
    test: /unable to install (?:inbound and outbound )?IPsec SA \(SAD\) in kernel|unable to install IPsec policies \(SPD\) in kernel|unable to add SAD entry|setting WFP SA SPI failed|pfkey (?:ADD|UPDATE) failed|netlink response for Add SA .* included errno/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "2",
    confidence: 0.6,
  }),
];

const UP: Rule[] = [
  r({
    id: "up.established",
    keywords: ["established"],
    test: /(?:IKE_SA|CHILD_SA) \S+ established|ISAKMP[- ]SA established|IPsec[- ]SA +established|IPSEC-SA established|PARENT SA established|(?:initiator|responder) established (?:IKE|Child) SA|IKE SA established|Child SA established|connection '[^']+' established successfully|Established SA\b/,
    code: "TUNNEL_UP",
    confidence: 0.9,
  }),
  // State changes, Libreswan 4.x wording, and the SA lists of swanctl and ipsec statusall.
  r({
    id: "up.established-state",
    keywords: ["=> established", ": established", ", established, ikev"],
    test: /state change: \w+ => ESTABLISHED|#\d+: established (?:IKE|Child) SA\b|, ESTABLISHED, IKEv[12]\b|: ESTABLISHED \d+ \w+ ago\b/,
    code: "TUNNEL_UP",
    confidence: 0.9,
  }),
  r({
    id: "up.vendor",
    keywords: [
      "complete",
      "has been created",
      "kmd_pm_sa_established",
      "kmd_vpn_up_alarm_user",
      "is succeeded",
      "process done",
      "connectivity='true'",
      "snmp_trap_link_up",
      "tunnel is up",
      "tunnel-up",
      "phase2-up",
      "is up",
      "bgp routes",
      "sa_established",
      "status",
      "_up",
      "negotiation succeeded",
      "negotiations succeeded",
      "negotiation successful",
      "status:up-active",
      "security association was established",
      "connectivity state",
    ],
    test: /PHASE ([12]) COMPLETED|Security negotiation complete|LAN-to-LAN SA .* has been created|KMD_PM_SA_ESTABLISHED|KMD_VPN_UP_ALARM_USER|IKE negotiation successfully completed|negotiation is succeeded|Phase 1 IKE SA process done|connectivity='true'|SNMP_TRAP_LINK_UP[: ].*(?:interface-name="|ifName )st0|SESSION_STATUS: Crypto tunnel is UP|action="?(?:tunnel-up|phase2-up)(?!.*tunneltype="?ssl)|VPN .* is up\b|IPSEC IS UP|\b\d+ BGP ROUTES\b|(?:ike|ipsec)_sa_established|status[=: ]+"?UP"?\b|[Pp]hase ?[12](?: of IKE Tunnel)? [Nn]egotiations? (?:[Ss]ucceeded|[Ss]uccessful)\b|Status:UP-ACTIVE\b|IPsec (?:Main|Quick) Mode security association was established|Connectivity State ?: ?Connected\b|\b[A-Z]+_(?:CONNECTION|TUNNEL|SESSION)_UP\b/,
    code: "TUNNEL_UP",
    confidence: 0.85,
  }),
  r({
    id: "up.numbered-tunnel",
    keywords: ["tunnel"],
    test: /[Tt]unnel ?\d+ (?:is )?(?:UP|up)\b|Line protocol on Interface Tunnel\d+, changed state to up/,
    code: "TUNNEL_UP",
    confidence: 0.6,
  }),
  r({
    id: "up.vendor-wording",
    keywords: [
      "ip tunnel[",
      "up-client",
      "ipsec tunnel is established",
      "ipsectunnelstart",
      "sa up",
      "successfully installed ipsec sa",
      "phase2_complete",
      "ike id pair",
      "sa has been authenticated",
      "quick mode completion",
      "installed, tunnel",
      "installed, transport",
      "ike_p1_complete",
      "ikev2 sa created",
      "mode completed successfully",
      "established_ike_sa;",
      "established_child_sa;",
      "set oper up",
      "tunnel up event",
    ],
    test: /IP Tunnel\[\d+\] Up\b|\[UPDOWN\] received up-client|IPSec tunnel is established|IPSECTUNNELSTART|IKEv2 SA UP\b|Successfully installed IPSEC SA|New State = IKE_QM_PHASE2_COMPLETE|New State = IKE_P1_COMPLETE|IKEV2 SA created|phase-1 (?:main|aggressive) ?mode completed successfully|Session with IKE ID PAIR .* is UP|SA has been authenticated with|Quick Mode completion|[:,] +INSTALLED, (?:TUNNEL|TRANSPORT)\b|STATE_V2_ESTABLISHED_(?:IKE|CHILD)_SA;|: set oper up$|tunnel up event/,
    code: "TUNNEL_UP",
    confidence: 0.85,
  }),
  r({
    // Cisco ASA: the tunnel manager set the tunnel up, or IKE loaded the IPsec keys.
    id: "up.asa",
    keywords: [
      "successful at setting up a tunnel",
      "key_add msg for sa",
      "established ike sa",
      "added ipsec sa",
      "tunnel up trap",
    ],
    test: /was successful at setting up a tunnel|IKE got a KEY_ADD msg for SA|^ike (?:V=[\w-]+:)?\d+:.*: (?:established IKE SA [0-9a-f]+|added IPsec SA: SPIs=)|sending SNMP tunnel UP trap/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
  r({
    id: "up.panos",
    keywords: [") is up"],
    test: /[Tt]unnel \S+ \(id:[^)]*\) is up\b/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
  r({
    // SonicWall phase 1 complete; Google Cloud VPN's established tunnel status.
    id: "up.complete-wording",
    keywords: ["mode complete (phase 1)", "secure session is successfully established"],
    test: /(?:Main|Aggressive) Mode complete \(Phase 1\)|Secure session is successfully established/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
];

export const RULES: readonly Rule[] = [
  ...REKEY_COLLISIONS,
  ...BENIGN,
  ...GOOGLE_STATUS,
  ...ALIBABA_DIAGNOSIS,
  ...CHINESE,
  ...NAT_T,
  ...TRAFFIC_SELECTORS,
  ...AUTH,
  ...PROPOSALS,
  ...REKEY,
  ...CHILD_FAILED,
  ...DPD,
  ...IDLE,
  ...BGP_TRANSPORT,
  ...UNREACHABLE,
  ...BGP,
  ...DOWN,
  ...NEGOTIATION_FAILED,
  ...UP,
];

/** Cisco ASA "Reason: ..." of a torn-down session, mapped to what it means. */
export function codeOfSessionReason(reason: string): LogFaultCode {
  const text = reason.toLowerCase();
  if (text.includes("idle")) return "IDLE_TIMEOUT";
  if (text.includes("lost service") || text.includes("dpd") || text.includes("keepalive")) return "DPD_TIMEOUT";
  if (text.includes("crypto map") || text.includes("proxy")) return "TRAFFIC_SELECTOR_MISMATCH";
  if (text.includes("phase 2 mismatch") || text.includes("proposal")) return "IPSEC_PROPOSAL_MISMATCH";
  if (text.includes("phase 1 mismatch")) return "IKE_PROPOSAL_MISMATCH";
  if (text.includes("authentic")) return "IKE_AUTH_FAILURE";
  return "TUNNEL_DOWN_OTHER";
}
