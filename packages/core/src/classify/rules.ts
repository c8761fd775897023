// The classification rules, most specific first: the first rule whose pattern matches decides.
// Rules read what a message means (notify types, the vendor's wording of a failure), not one
// sample line, so that other lines of the same family classify the same way.
import type { LogFaultCode } from "../codes.ts";
import { ALIBABA_DIAGNOSIS_CODES } from "./alibaba-diagnosis.ts";
import { BGP_TRANSITION, BGP_TRANSITION_KEYWORDS } from "./bgp-transition.ts";
import { BLOCKED_TUNNEL_TRAFFIC, BLOCKED_TUNNEL_TRAFFIC_KEYWORDS } from "./blocked-traffic.ts";
import { HUAWEI_IPSEC_REASONS } from "./huawei-ipsec-reasons.ts";
import { IBM_VPN_STATUS_REASONS } from "./ibm-status-reasons.ts";
import { PANOS_EVENT_IDS } from "./panos-event-ids.ts";
import { keywordsOfNames } from "./reason-codes.ts";
import { SSH_IKE_NOTIFY_NAMES } from "./ssh-ike-notify-codes.ts";
import type { IkePhase } from "./types.ts";
import { BIRD_OTHER_PROTOCOLS, RASCLIENT_DIALED } from "./vocabulary.ts";
import {
  TUNNEL_WORDED_ERROR_TEXTS,
  tunnelWordedErrorTexts,
  WINDOWS_IKE_ERRORS,
  windowsErrorTexts,
} from "./windows-ike-errors.ts";

/**
 * PROPOSAL resolves to IKE_ or IPSEC_PROPOSAL_MISMATCH by phase; INVALID_ID by phase too;
 * SESSION_REASON by the reason a session ended; REASON_CODE by a provider's reason code;
 * BGP_TRANSITION by the states a BGP session moved between.
 */
export type RuleCode =
  | LogFaultCode
  | "PROPOSAL"
  | "INVALID_ID"
  | "SESSION_REASON"
  | "REASON_CODE"
  /** By the SSH IPsec toolkit's notify code (ssh-ike-notify-codes.ts). */
  | "SSH_IKE_NOTIFY"
  | "BGP_TRANSITION"
  /** An SA's delete that names no cause: the tunnel down, or a rekey's routine for an IPsec SA. */
  | "SA_DELETE"
  /** A firewall dropped the tunnel's own packets: IKE and ESP unreachable, UDP 4500 NAT traversal. */
  | "BLOCKED_TRAFFIC";

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
  /**
   * Its wording is every network program's ("No route to host", "Authentication failed"): it
   * decides only for a line that reads as a tunnel log (a known vendor's, or one that uses IKE,
   * IPsec or BGP words).
   */
  needsTunnelContext?: true;
  test: RegExp;
  /**
   * Its wording's case carries meaning (a status word in capitals): its expression is read as
   * written. Every other rule's expression ignores case.
   */
  caseSensitive?: true;
  code: RuleCode;
  /** A fixed phase; otherwise the phase comes from the line's context, then `defaultPhase`. */
  phase?: IkePhase | null;
  defaultPhase?: IkePhase;
  confidence: number;
  clears?: LogFaultCode[];
}

// Expressions ignore case: the same message is capitalised differently across vendors and
// releases ("Peer not responding", "DPD Timeout"). A rule whose wording's case carries meaning
// says so (caseSensitive).
const r = (rule: Rule): Rule =>
  rule.caseSensitive || rule.nonAscii || rule.test.flags.includes("i")
    ? rule
    : { ...rule, test: new RegExp(rule.test.source, `${rule.test.flags}i`) };

// A BGP neighbour's adjacency change in Cisco's and FRR's wording, up to the state it names:
// "%BGP-5-ADJCHANGE: neighbor 10.0.0.2 vpn vrf blue Up", FRR 8+ "%ADJCHANGE: vrf blue neighbor ... Down".
const ADJCHANGE_NEIGHBOR =
  /ADJCHANGE: (?:vrf \S+ )?neighbor (?:neighbor )?(?:\S+ )?(?:active |passive )?(?:in vrf \S+ )?(?:vpn vrf \S+ )?/
    .source;

// Rekey collisions name themselves; they come before the routine rekey messages below.
const REKEY_COLLISIONS: Rule[] = [
  r({
    id: "rekey.collision",
    keywords: [
      "collision",
      "abort active rekeying",
      "abort rekeying",
      "simultaneous phase-2 negotiation",
      "duplicate phase-2 rekey",
      "rekeying, but we",
      "to not support",
      "colliding passive",
      "resolving simultaneous",
      "simultaneous rekeying for child sa",
      "after responding to our rekeying",
      "as already got a newer",
      "rekey conflict",
    ],
    test: /(?:CHILD_REKEY|IKE_REKEY|rekey(?:ing)?) collision|\brekey conflict\b|rekeying attempt due to collision|redundant SA .*collision|detected a \(\w+\) collision|abort (?:active )?rekeying|Dropped a simultaneous phase-2 negotiation|duplicate phase-2 rekey request|peer (?:initiated|continued) rekeying, but we (?:are|did)|peer seems to not support (?:CHILD_SA |IKE )?rekeying|colliding passive (?:rekeying|exchange)|resolving simultaneous (?:\w+ )*rekeying|simultaneous rekeying for CHILD SA|incorrect delete for CHILD_SA .* after responding to our rekeying|Collision of phase [12] negotiation|not replacing stale (?:IKE|IPsec|ISAKMP) SA #\d+;? as already got a newer/i,
    code: "REKEY_FAILURE",
    defaultPhase: "2",
    confidence: 0.85,
  }),
];

/** The rule of an SA rekeyed as it should be: incident folding takes it for a new SA (renewsSa). */
export const REKEY_OK_RULE = "benign.rekey-ok";

/** Lines that look like faults to a naive reader but are routine. */
const BENIGN: Rule[] = [
  r({
    id: REKEY_OK_RULE,
    keywords: ["rekey", "reauthenticating"],
    test: /(?<!before )rekey(?:ing)? (?:completed|succeeded|successful)|(?<!without (?:being )?|not (?:been |being )?)\brekeyed\b|initiating rekey|(?<!while )rekeying (?:of )?(?:CHILD_SA|IKE_SA|IKE SA)(?! failed)|detected rekeying|state change: \w+ => REKEY(?:ING|ED)|is rekeying due to|negotiation is succeeded as \w+, rekey\b|reauthenticating IKE_SA(?! failed)/,
    code: "INFO",
    confidence: 0.9,
  }),
  r({
    // strongSwan reports the kernel's answer to a netlink request ("Network is unreachable (101)"
    // while removing a route, "File exists (17)"): a local kernel error, not the peer's state.
    id: "benign.netlink-error",
    keywords: ["received netlink error: "],
    test: /received netlink error: /,
    code: "INFO",
    confidence: 0.7,
  }),
  r({
    // Pluto passes on what its updown script printed while it set routes and policies up or took
    // them down ('command "unroute" output: RTNETLINK answers: Network is unreachable'): the
    // local host's routing commands, not the peer's answer.
    id: "benign.updown-output",
    keywords: [" output: "],
    test: /(?:\bcommand "[\w-]+"|\b(?:up|down|route|unroute|prepare)-(?:client|host)(?:-v6)?) output: /,
    code: "INFO",
    confidence: 0.7,
  }),
  r({
    id: "benign.invalid-ke",
    keywords: ["invalid_ke_payload", "inval_ke", "peer didn't accept"],
    // racoon2 (Alibaba's daemon) does not retry on an INVALID_KE_PAYLOAD for a group it will not
    // take: it drops it ("unknown dh group, dropping a packet with INVALID_KE_PAYLOAD").
    test: /(?<!failed with error notification |dropping a packet with )INVALID_KE_PAYLOAD(?!.*is not acceptable)|(?<!INFORMATIONAL_V1 (?:request|response) \d+ \[ (?:\S+ )*)N\(INVAL_KE\)|peer didn't accept (?:DH group|key exchange method)/,
    code: "INFO",
    confidence: 0.85,
  }),
  r({
    id: "benign.nat-detected",
    keywords: [
      "i am nated",
      "behind nat",
      "i am behind",
      "nat-traversal: result",
      "nat detected",
      "keep-alive",
      "keepalive",
    ],
    test: /i am NATed|I am behind (?:a )?NAT\b|(?:local|remote) host is behind NAT|NAT-Traversal: Result|NAT detected(?![^.]*\b(?:but|while)\b[^.]*\b(?:disabled|not (?:enabled|supported|allowed|configured)|no (?:IKE |ESP |UDP )?(?:packets?|traffic|responses?|reply|replies)|blocked|failed|failure))(?!.*\bno (?:IKE(?:[ _]AUTH)? |ESP |UDP |NAT-T )?(?:packets?|traffic|responses?|reply|replies)\b(?:[^.;]|\.(?=\w)){0,40}?\b(?:UDP[/ ]?4500|port 4500))|sending (?:NAT-T |NAT )?keep-?alive/i,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    id: "benign.bgp-collision",
    keywords: [
      "6/7 (cease/",
      "6/7 (connection collision",
      "subcode 7 (connection collision resolution)",
      '"errorsubcode":7',
    ],
    test: /6\/7 \((?:Cease\/)?connection collision resolution\)|code 6 \(Cease\) subcode 7 \(connection collision resolution\)|"ErrorCode":6,"ErrorSubcode":7\b.*"msg":"(?:sent|received) notification"/,
    code: "INFO",
    confidence: 0.9,
  }),
  // IOS: a packet for an SA already gone, usually during a rekey or restart of the peer.
  r({ id: "benign.ios-no-sa", keywords: ["ikmp_no_sa"], test: /IKMP_NO_SA/, code: "INFO", confidence: 0.6 }),
  r({
    id: "benign.idle-timeout-setting",
    keywords: [
      "idle timeout set to",
      "idle timeout configured",
      "idle-timeout:",
      "idle timeout:",
      "idle timeout =",
      "idle-timeout=",
      "idle_timeout:",
      "idle_timeout =",
      "idle_timeout=",
      "idle timeout is",
    ],
    // A configured value, not a teardown: "idle timeout set to: 30", "X-CSTP-Idle-Timeout: 3600",
    // "X-CSTP-Idle-Timeout=none", "Idle timeout is 180 minutes."
    test: /idle timeout (?:set to|configured)|idle[ _-]timeout ?[:=] ?(?:\d+(?![\d.])|none\b)|idle timeout is \d+ (?:minutes|seconds|hours)\b/i,
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
    // A responder answering a request it has already answered: the peer sent it again (pluto's
    // "retransmitting in response to duplicate packet", "received duplicate IKE_SA_INIT message
    // request ...; retransmitting response", charon's "received retransmit of request with ID 0,
    // retransmitting response", ASA 713201), as FortiGate's "detected retransmit, resend last
    // message". The peer is heard and answered; only its own log can say whether it never got
    // the answer.
    id: "benign.duplicate-answered",
    keywords: [
      "retransmitting response",
      "retransmitting in response to duplicate",
      "received retransmit of request",
      "duplicate phase 1 packet detected",
    ],
    test: /received duplicate \w+ message request.*; retransmitting response|has duplicate Message ID \d+; retransmitting response|retransmitting in response to duplicate packet|received retransmit of request|Duplicate Phase 1 packet detected/,
    code: "INFO",
    defaultPhase: "1",
    confidence: 0.6,
  }),
  r({
    // pluto discarding a state already marked deleted (STATE_IKESA_DEL, STATE_CHILDSA_DEL): the
    // delete itself, sent, received or after a rekey, was logged when it happened.
    id: "benign.deleted-state-cleanup",
    keywords: ["sa_del)"],
    test: /deleting (?:other )?state (?:#\d+ )?\(STATE_(?:IKESA|CHILDSA)_DEL\)/,
    code: "INFO",
    confidence: 0.7,
  }),
  r({
    // A new negotiation given up because an SA already serves the connection: charon's
    // uniqueness policy keeping the existing IKE_SA ("canceling IKE_SA setup due to uniqueness
    // policy"), pluto initiating a Child SA on a fresh IKE SA while the old one goes away ("IKE SA
    // #3 no longer viable for initiating a Child SA").
    id: "benign.superseded-negotiation",
    keywords: ["due to uniqueness policy", "no longer viable for initiating"],
    test: /canceling (?:IKE_SA setup|Main Mode|Aggressive Mode) due to uniqueness policy|no longer viable for initiating a Child SA/,
    code: "INFO",
    confidence: 0.6,
  }),
  r({
    // pluto: the peer deletes an IPsec SA that a rekey is already replacing ("received Delete SA
    // payload: already replacing IPSEC State #1173 in 0 seconds"): the old SA going away.
    id: "benign.delete-while-replacing",
    keywords: ["already replacing"],
    test: /received Delete SA payload: already replacing /,
    code: "INFO",
    confidence: 0.7,
  }),
  r({
    // RouterOS: the old ISAKMP SA removed once its rekey replaced it ("... rekey:1").
    id: "benign.rekeyed-sa-deleted",
    keywords: ["rekey:1"],
    test: /ISAKMP-SA deleted .*\brekey:1\b/,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    // SonicWall: a repeat of a packet it is already handling is dropped; the peer is answering.
    id: "benign.duplicate-dropped",
    keywords: ["drop duplicate packet"],
    test: /Received packet retransmission\. Drop duplicate packet/,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    // Cisco IKEv2 aborting one exchange it will redo: the peer's DH group (it retries with the
    // group asked for) or an SA already being negotiated.
    id: "benign.ikev2-abort-retried",
    keywords: ["wrong dh group", "already in negotiation"],
    test: /Negotiation aborted due to ERROR: (?:The peer's KE payload contained the wrong DH group|SA is already in negotiation)/,
    code: "INFO",
    confidence: 0.7,
  }),
  r({
    // SonicWall's and ZyXEL's per-packet ESP checks (a packet dropped), not a negotiation's
    // authentication.
    id: "benign.esp-packet-check",
    keywords: ["decryption failed", "authentication failed"],
    test: /msg="IPSec (?:VPN )?(?:Decryption|Authentication) Failed"|\bInbound packet (?:authentication|decryption|authentication\/decryption) failed/,
    code: "INFO",
    phase: "2",
    confidence: 0.7,
  }),
  r({
    // The ASA's IKEv2 platform registering a session with its session manager.
    id: "benign.connection-registered",
    keywords: ["connection status: registered", "connection status: deregistered"],
    test: /CONNECTION STATUS: (?:REGISTERED|DEREGISTERED)\.\.\. peer:/,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    // Alibaba's health check through the tunnel passed (its failure is a tunnel down).
    id: "benign.health-check-ok",
    keywords: ["health_check_success"],
    test: /\bipsec_health_check_success\b/,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    // ASA: a key acquire for a tunnel the tunnel manager is already setting up.
    id: "benign.tunnel-manager-entry",
    keywords: ["entry already in tunnel manager"],
    test: /Entry already in Tunnel Manager/,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    // strongSwan: a DELETE for an SA it does not have changes nothing (before 5.5: "received
    // DELETE for ESP CHILD_SA with SPI 0badf00d, but no such SA").
    id: "benign.delete-unknown",
    keywords: ["received delete for unknown", "received delete for different ike_sa", ", but no such sa"],
    test: /received DELETE for unknown \w+ CHILD_SA|received DELETE for different IKE_SA, ignored|received DELETE for \w+ CHILD_SA with SPI \w+, but no such SA\b/,
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
      "dpd request",
      "dpd response",
      "r_u_there",
      "did not advertise dpd",
      "dpd: peer",
    ],
    test: /\bN\(DPD(?:_ACK)?\)|ISAKMP_DPD task|sending DPD request|DPD (?:request|response|R_U_THERE(?:_ACK)?) (?:sent|received)|R_U_THERE(?:_ACK)? (?:sent|received)|not enabled because remote peer did not advertise DPD|DPD: Peer \S+ is UP\b/,
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
      "vpn tunnel will start soon",
      "vpn task maintenance",
      "negotiation exception is not found",
    ],
    test: /^(?:FIRST_HANDSHAKE|PROVISIONING|DEPROVISIONING|WAITING_FOR_FULL_CONFIG|ALLOCATING_RESOURCES): |VPN tunnel will start soon|VPN Task maintenance|reason for the negotiation exception is not found/,
    code: "INFO",
    confidence: 0.8,
  }),
  r({
    // The detailedStatus Google Cloud's API gives an ESTABLISHED Classic VPN tunnel.
    id: "status.gcp-up",
    keywords: ["tunnel is up and running"],
    test: /^Tunnel is up and running\.?$/,
    code: "TUNNEL_UP",
    phase: null,
    confidence: 0.8,
  }),
];

// Azure VPN Gateway's own diagnostics name the fault in a sentence: the portal's connection
// insights ("Microsoft Azure has detected ..."), Resource Health events, the tunnel event table
// and its gateway tenant events.
const AZURE_DIAGNOSTICS: Rule[] = [
  r({
    id: "azure.policy-mismatch",
    keywords: ["has detected an ipsec/ike", "(ipsec/ike) policy mismatch"],
    test: /Microsoft Azure has detected an IPsec\/IKE (?:Diffie-Hellman \(DH\) group|policy) mismatch|due to security policy \(IPsec\/IKE\) policy mismatch/,
    code: "PROPOSAL",
    confidence: 0.8,
  }),
  r({
    id: "azure.connection-timeout",
    keywords: ["has detected connection timeout"],
    test: /Microsoft Azure has detected connection timeout on your VPN connection/,
    code: "PEER_UNREACHABLE",
    phase: null,
    confidence: 0.75,
  }),
  r({
    // A rekey collision, or the IKE SA's lifetime ending without a new one.
    id: "azure.rekey",
    // The insight's title says "VPN tunnel", its heading "S2S tunnel".
    keywords: ["s2s tunnel disconnected due to", "vpn tunnel disconnected due to"],
    test: /\b(?:S2S|VPN) tunnel disconnected due to (?:simultaneous rekeying|IKE (?:Security Association|SA) (?:expiration or deletion|deletion or expiration))/,
    code: "REKEY_FAILURE",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    id: "azure.down",
    keywords: [
      "tunnelstatechangedtodisconnected",
      "internal platform issue with your vpn gateway",
      "s2s tunnels are disconnected",
      "your vpn connection is unavailable",
      "quick mode sas) are deleted",
      "connectivity state changed from",
    ],
    test: /\bTunnelStateChangedToDisconnected\b|has detected an internal platform issue with your VPN gateway|S2S tunnels are disconnected|your VPN connection is unavailable|All IPsec Security Associations \(IKE Quick Mode SAs\) are deleted|connectivity state changed from \w+ to (?:Disconnected|NotConnected)\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.7,
  }),
  r({
    id: "azure.up",
    keywords: ["tunnelstatechangedtoconnected", "connectivity state changed from"],
    test: /\bTunnelStateChangedToConnected\b|connectivity state changed from \w+ to Connected\b/,
    code: "TUNNEL_UP",
    phase: null,
    confidence: 0.7,
  }),
];

// The Linux audit records Libreswan's pluto writes for each SA (linux_audit.c): CRYPTO_IKE_SA for
// the IKE SA, CRYPTO_IPSEC_SA for the IPsec SA; op=start with res=success when one is up, op=start
// with res=failed when one failed to establish (no cause is given), op=destroy when one is deleted.
const LINUX_AUDIT: Rule[] = (
  [
    ["IKE", "ike", "1"],
    ["IPSEC", "ipsec", "2"],
  ] as const
).flatMap(([type, name, phase]) => [
  r({
    id: `up.linux-audit-${name}-sa`,
    keywords: [`crypto_${name}_sa`],
    test: new RegExp(`\\bCRYPTO_${type}_SA\\b.*?\\bop=start\\b.*\\bres=success\\b`),
    code: "TUNNEL_UP",
    phase,
    confidence: 0.9,
  }),
  r({
    id: `down.linux-audit-${name}-sa`,
    keywords: [`crypto_${name}_sa`],
    test: new RegExp(`\\bCRYPTO_${type}_SA\\b.*?\\bop=(?:start\\b.*\\bres=failed\\b|destroy\\b)`),
    code: "TUNNEL_DOWN_OTHER",
    phase,
    confidence: 0.7,
  }),
]);

// The kernel's own audit records of its SA and policy databases (net/xfrm, type
// MAC_IPSEC_EVENT, 1415): "op=<operation> ... src= dst= spi=N(0xN) [res=0|1]". An SA the kernel
// would not install (SAD-add, res=0) leaves the tunnel down; an ESP packet for an SA it does not
// hold (SA-notfound) is the peer still using an SA this side replaced or deleted, read as every
// invalid SPI is; a sequence number that ran out (SA-replay-overflow) is an SA not rekeyed in
// time. SA and policy adds and deletes (every rekey makes them), replayed packets and ICV
// failures are routine or one packet's.
const KERNEL_XFRM_AUDIT: Rule[] = [
  r({
    id: "down.xfrm-audit-sa-add",
    keywords: ["op=sad-add"],
    test: /\bop=SAD-add\b.*\bres=0\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "rekey.xfrm-audit",
    keywords: ["op=sa-notfound", "op=sa-replay-overflow"],
    test: /\bop=SA-(?:notfound|replay-overflow)\b/,
    code: "REKEY_FAILURE",
    phase: "2",
    confidence: 0.7,
  }),
  r({
    id: "benign.xfrm-audit",
    keywords: ["op=sad-", "op=spd-", "op=sa-replayed-pkt", "op=sa-icv-failure"],
    test: /\bop=(?:SAD|SPD)-(?:add|delete)\b|\bop=SA-(?:replayed-pkt|icv-failure)\b/,
    code: "INFO",
    phase: "2",
    confidence: 0.8,
  }),
];

// Alibaba Cloud's VPN Gateway events (CloudMonitor, published to EventBridge): the event type
// names the phase and the outcome, not the cause. A failed health check is probes through the
// tunnel going unanswered: the tunnel carries no traffic.
const ALIBABA_EVENTS: Rule[] = (
  [
    ["up.alibaba-event-phase1", "IpsecPhase1NegoSuccess", "TUNNEL_UP", "1", 0.9],
    ["up.alibaba-event-phase2", "IpsecPhase2NegoSuccess", "TUNNEL_UP", "2", 0.9],
    ["down.alibaba-event-phase1", "IpsecPhase1NegoFailed", "TUNNEL_DOWN_OTHER", "1", 0.8],
    ["down.alibaba-event-phase2", "IpsecPhase2NegoFailed", "TUNNEL_DOWN_OTHER", "2", 0.8],
    ["down.alibaba-event-health-check", "IpsecHealthCheckFailed", "TUNNEL_DOWN_OTHER", null, 0.75],
    ["status.alibaba-event-health-check-ok", "IpsecHealthCheckSuccess", "INFO", null, 0.8],
  ] as const
).map(([id, event, code, phase, confidence]) =>
  r({ id, keywords: [event.toLowerCase()], test: new RegExp(`\\b${event}\\b`), code, phase, confidence }),
);

// Cisco GET VPN (GDOI): a group member registers with its key server and receives the group's
// keys (the TEK is the group's IPsec SA), then rekeys from the key server; the mnemonic names the
// outcome. A member that finds its SA gone registers again (GM_RE_REGISTER, also after an
// administrator's clear: routine, as the corpus labels it); one that missed a rekey says so.
const GDOI: Rule[] = (
  [
    ["up.gdoi-registered", ["GM_REGS_COMPL", "KS_REGS_COMPL"], "TUNNEL_UP", null, 0.85],
    ["rekey.gdoi-missed", ["GM_REKEY_NOT_RECD"], "REKEY_FAILURE", "2", 0.8],
    ["auth.gdoi-unauthorized", ["UNAUTHORIZED_IDENTITY", "UNAUTHORIZED_IPADDR"], "IKE_AUTH_FAILURE", "1", 0.85],
    ["proposal.gdoi-policy-rejected", ["GM_REJECTING_SA_PAYLOAD"], "IPSEC_PROPOSAL_MISMATCH", "2", 0.8],
  ] as const
).map(([id, mnemonics, code, phase, confidence]) =>
  r({
    id,
    keywords: mnemonics.map((m) => m.toLowerCase()),
    test: new RegExp(`%GDOI-\\d-(?:${mnemonics.join("|")})\\b`),
    code,
    phase,
    confidence,
  }),
);

// racoon2's iked, the IKE daemon of Alibaba Cloud's VPN Gateway ("[PROTO_ERR]: <file>:<line>:<function>(): ..."):
// wordings of its own. Its IKEv2 side logs an SA coming up only as a state change or as the SA it
// hands the kernel (SADB_ADD/SADB_UPDATE).
const RACOON2: Rule[] = [
  r({
    // Alibaba's troubleshooting table files these log keywords of its gateway's phase 1 under
    // AlgorithmMismatch, EncryptionAlgorithmMismatch and ProposalMismatch: on its own lines
    // ("[PROTO_ERR]: <file>:<line>:<function>(): ...") they are read its way, the keyword being
    // the evidence, while other racoon builds' same words are left to the other rules.
    id: "proposal.alibaba-log-keyword",
    keywords: [
      "packet lacks expected payload",
      "invalid encryption algorithm",
      "expecting the packet encrypted",
      "couldn't find configuaration",
    ],
    test: /(?<=\[PROTO_ERR\]: .*)(?:packet lacks expected payload|invalid encryption algorithm|ignore the packet, ?expecting the packet encrypted|couldn't find configuaration)/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    // Alibaba's table: an informational ignored before the ISAKMP SA is up is its
    // Phase1NegotiationTimeout, the peer's phase 1 answers not arriving.
    id: "unreachable.alibaba-log-keyword",
    keywords: ["isakmp-sa has not been established"],
    test: /(?<=\[PROTO_ERR\]: .*)ignore information because ISAKMP-SA has not been established/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    // The phase 1 transforms compared and found different ("ours: enctype=...", "theirs: ..."); a
    // Diffie-Hellman group the peer asks for that iked will not take.
    id: "proposal.racoon2-phase1",
    keywords: ["print_ph1mismatched", "dropping a packet with invalid_ke_payload", "exchange type is mismatched"],
    test: /\bprint_ph1mismatched\(\)|dropping a packet with INVALID_KE_PAYLOAD|\bexchange type is mismatched\b/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    id: "proposal.racoon2-phase2",
    keywords: [
      "get_ph2approval",
      "mode mismatch: peer",
      "response does not match my proposal",
      "proto_id mismat",
      "lacks kei payload",
      "extended sequence number is",
    ],
    // The initiator's check of the proposal chosen (proto_id "mismathed" in its spelling), a
    // CREATE_CHILD_SA without the KE payload PFS needs, an ESN setting the kernel cannot do.
    test: /\bget_ph2approvalx?\(\): not matched\b|\bmode mismatch: peer (?:transport|tunnel) mine (?:transport|tunnel)\b|\bpeer response does not match my proposal\b|\bproto_id mismat\w*ed: my:\d+ peer:\d+|\bmessage lacks KEi payload\b|\bExtended Sequence Number is \w+, but it is unsupported\b/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    // An identity or a key it has no configuration for, or a key that cannot be used.
    id: "auth.racoon2",
    keywords: [
      "no shared key with peer",
      "pre-shared key length",
      "couldn't find configuration",
      "id mismatched",
      "no sig payload",
      "cert file found",
      "validating my certificate",
      "lacks my valid certificate",
      "failed verifying certificate",
      "no matching public key",
      "failed to get public key",
      "rsa_verify failed",
      "unsupported auth method",
      "is unsupported",
      "is not acceptable",
      "id type passed",
      "message lacks auth payload",
      "message lacks idr payload",
      "failed to create ike_auth message",
    ],
    // Identities, certificates and signatures (in its spellings: "authrotiy", "Inpropper"); an
    // IKE_AUTH answer without AUTH or IDr is the peer refusing our authentication. An IKE_AUTH
    // message it cannot build lacks an identity: racoon2's message guide gives "my_id or peers_id
    // mismatch or not exist" as its cause.
    test: /\bno shared key with peer\b|\bpre-shared key length \(\d+\) does not match\b|\bisakmp_ph1begin_r\(\): couldn't find configuration\b|\bID mismatched\b|\bno SIG payload was passed\b|\bno peer's CERT file found\b|\bfailed validating my certificate\b|\bconfiguration lacks my valid certificate\b|\bfailed verifying certificate \w+ of cert\b|\bno matching public key\b|\bfailed to get public key\b|\bRSA_verify failed\b|\bunsupported auth method \(\d+\)|\bpeer id \(type \d+\) is unsupported\b|\bpeer ID type \S+ is not acceptable\b|\bIn?propp?er ID type passed\b|\bmessage lacks (?:AUTH|IDr) payload\b|\bfailed to create IKE_AUTH message\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    id: "ts.racoon2-id-type",
    keywords: ["is not supported id type", "both ids wasn't found", "too many id payloads"],
    // Quick mode's ID payloads (the selectors): a type it cannot use, none, or more than two.
    test: /\breceived ID for (?:local|remote)side \(type [\w-]+\) is not supported ID type\b|\bBoth IDs wasn't found in payload\b|\breceived too many ID payloads\b/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.75,
  }),
  r({
    // Logged only while the IKE SA is still being negotiated: its negotiation timed out.
    id: "unreachable.racoon2-ike-sa-expired",
    keywords: ["ikev2_sa_expire(): ike_sa expired"],
    test: /\bikev2_sa_expire\(\): ike_sa expired\b/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    // It cannot send to the peer at all: no local address routes to it.
    id: "unreachable.racoon2-no-route",
    keywords: ["failed finding local sockaddr"],
    test: /\bfailed finding local sockaddr to connect with peer\b/,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.7,
  }),
  r({
    id: "natt.racoon2",
    keywords: [
      "udp_encap_espinudp",
      "natk transmit error",
      "failed to receive nat-keepalive",
      "dropping unexpected notify payload",
    ],
    // Also the NAT detection notifies (types 16388, 16389) dropped as unexpected. (A peer's port
    // other than the configured one, "remote address mismatched. db=a[500], act=a[4500]", is NAT-T
    // at work.)
    test: /\bUDP_ENCAP_ESPINUDP\)?: (?:UDP_ENCAP )?(?:Protocol not available|Operation not supported|Protocol not supported)\b|\bnatk transmit error\b|\bfailed to receive NAT-Keepalive packet\b|\bdropping unexpected notify payload \(protocol_id \d+, type 1638[89]\)/,
    code: "NAT_T_ISSUE",
    confidence: 0.7,
  }),
  r({
    id: "up.racoon2-ike-sa",
    keywords: ["-> established"],
    test: /\bike_sa (?:0x)?[0-9a-f]+ state \w+ -> ESTABLISHED\b/,
    code: "TUNNEL_UP",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "up.racoon2-child-sa",
    keywords: ["-> mature", "sadb_add ul_proto", "sadb_update ul_proto"],
    test: /\bchild_sa (?:0x)?[0-9a-f]+ state \w+ -> MATURE\b|\bSADB_(?:ADD|UPDATE) ul_proto=\d+ .*\bsatype=(?:ESP|AH)\b/,
    code: "TUNNEL_UP",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "down.racoon2",
    keywords: [
      "established -> dying",
      "established -> dead",
      "initiating delete",
      "delete phase1 handle",
      "aborting ike_sa",
      "discarding ike_sa",
      "failed creating ipsec sa",
    ],
    test: /\bike_sa (?:0x)?[0-9a-f]+ state ESTABLISHED -> (?:DYING|DEAD)\b|\binitiating DELETE (?:IKE_SA|CHILD_SA)\b|\bdelete phase1 handle\b|\b(?:aborting|discarding) ike_sa\b|\bfailed creating ipsec SA\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
];

// OpenBSD's isakmpd writes the function that failed before its message
// ("responder_recv_HASH_SA_NONCE: peer proposed invalid phase 2 IDs: ..."): wordings of its own.
const ISAKMPD: Rule[] = [
  r({
    // Main mode's transforms: each attribute the peer offered and the one the policy expects.
    id: "proposal.isakmpd-phase1",
    keywords: ["attribute_unacceptable: ", "multiple sa or proposal payloads in phase 1"],
    test: /\battribute_unacceptable: (?!malloc)|\bmultiple SA or proposal payloads in phase 1\b/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // The SA payload it answered: main mode's or quick mode's, which the line does not say.
    id: "proposal.isakmpd-no-compatible",
    keywords: ["no compatible proposal found"],
    test: /\bmessage_negotiate_sa: no compatible proposal found\b/,
    code: "PROPOSAL",
    confidence: 0.8,
  }),
  r({
    // Quick mode: PFS on one side only, or the KeyNote policy refusing the SA the peer chose.
    id: "proposal.isakmpd-phase2",
    keywords: [
      "disagreement on pfs",
      "key_exch payload without a group desc",
      "differing group descriptions in one qm",
      "policy check failed",
      "failed policy check",
    ],
    test: /\bdisagreement on PFS\b|\bKEY_EXCH payload without a group desc\. attribute|\bdiffering group descriptions in one QM\b|\brecv_HASH_SA_NONCE: policy check failed\b|\bnegotiated SA failed policy check\b/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.75,
  }),
  r({
    id: "ts.isakmpd-phase2-ids",
    keywords: ["peer proposed invalid phase 2 ids"],
    test: /\bpeer proposed invalid phase 2 IDs\b/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    // A main mode message that decrypts to nonsense is the other pre-shared key; the identity,
    // key or certificate the peer presents is not the one configured for it.
    id: "auth.isakmpd",
    keywords: [
      "check passphrases",
      "remote id other than expected",
      "no key found for peer",
      "no cert subject match the id",
      "received cert can't be validated",
      'no "default" tag in [phase 1]',
    ],
    test: /\binvalid payload type \d+ in ISAKMP header \(check passphrases\b|\breceived remote ID other than expected\b|\bno key found for peer\b|\bno CERT subject match the ID\b|\breceived CERT can't be validated\b|\bno "Default" tag in \[Phase 1\] section/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    // ipsecctl names a quick mode exchange after its flow ("from-10.0.1.0/24-to-10.0.2.0/24") and
    // a main mode one after the peer ("peer-203.0.113.7"): an unanswered quick mode is phase 2's.
    id: "unreachable.isakmpd-quick-mode",
    keywords: ["giving up on exchange from-"],
    test: /\bgiving up on exchange from-\S+-to-\S+, no response from peer\b/,
    code: "PEER_UNREACHABLE",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    // Its DPD retries an unanswered R_U_THERE a few times before it declares the peer dead.
    id: "dpd.isakmpd-retry",
    keywords: ["dpd_check_event: peer not responding"],
    test: /\bdpd_check_event: peer not responding, retry \d+ of \d+/,
    code: "INFO",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    // The phase is the exchange it names: phase 1 (main mode) or quick mode.
    id: "up.isakmpd",
    keywords: ["isakmpd: phase 1 done", "isakmpd: quick mode done"],
    test: /\bisakmpd: (?:phase 1|quick mode) done\b/,
    code: "TUNNEL_UP",
    confidence: 0.9,
  }),
  r({
    // The peer's DELETE of an SA in use; protocol 1 is the ISAKMP SA, 2 and 3 IPsec SAs (AH, ESP).
    id: "down.isakmpd-peer-delete-isakmp",
    keywords: ["made us delete live sa"],
    test: /\bmade us delete live SA \S+ for proto 1\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    id: "down.isakmpd-peer-delete",
    keywords: ["made us delete live sa"],
    test: /\bmade us delete live SA\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "2",
    confidence: 0.7,
  }),
];

// Huawei's fault causes as expression alternatives: the listed names, and the responder's
// "phase1 proposal <parameter> mismatch" forms.
const HUAWEI_REASON_PATTERNS = [
  ...Object.keys(HUAWEI_IPSEC_REASONS),
  "phase1 proposal [a-z ]+ mismatch",
  "phase2 proposal [a-z ]+ mismatch",
];

// A provider's or vendor's reason code (reason-codes.ts): a line that is one of Alibaba's
// diagnosis reason codes, as DiagnoseVpnConnections returns it, or one that names an IBM Cloud
// VPN status reason, a PAN-OS system log event ID or a Huawei IPsec fault cause.
const REASON_CODES: Rule[] = [
  r({
    // The SSH IPsec toolkit's notify codes (ssh-ike-notify-codes.ts), by number or name; its traces
    // also name the code in words before the number: "IP; Error = Timeout (8197)",
    // "Info; Received notify err = Invalid hash information (23) to isakmp sa, delete it",
    // "ike_st_i_n: Start, doi = 1, protocol = 3, code = No proposal chosen (14), ...".
    id: "ssh-ike.notify-code",
    keywords: ["ssh_ike_notify_message_", "negotiation error: code ", "error = ", "notify err = ", "code = "],
    test: new RegExp(
      `\\bConnection got error = (\\d+)\\b|\\bSSH_IKE_NOTIFY_MESSAGE_(${SSH_IKE_NOTIFY_NAMES.join("|")})\\b|\\bPhase [12] negotiation error: code (\\d+)\\b|(?:(?<=[;:] )Error|\\bnotify err|(?<=, )code) = [A-Za-z][\\w ,/-]*? \\((\\d+)\\)`,
    ),
    code: "SSH_IKE_NOTIFY",
    confidence: 0.8,
  }),
  r({
    id: "alibaba.diagnosis-code",
    keywords: keywordsOfNames(Object.keys(ALIBABA_DIAGNOSIS_CODES)),
    test: new RegExp(`^(${Object.keys(ALIBABA_DIAGNOSIS_CODES).join("|")})$`),
    code: "REASON_CODE",
    confidence: 0.9,
  }),
  r({
    id: "ibm.status-reason",
    keywords: Object.keys(IBM_VPN_STATUS_REASONS),
    test: new RegExp(`\\b(${Object.keys(IBM_VPN_STATUS_REASONS).join("|")})\\b`),
    code: "REASON_CODE",
    confidence: 0.85,
  }),
  r({
    id: "panos.event-id",
    keywords: keywordsOfNames(Object.keys(PANOS_EVENT_IDS)),
    test: new RegExp(`(?<![\\w-])(${Object.keys(PANOS_EVENT_IDS).join("|")})(?![\\w-])`),
    code: "REASON_CODE",
    confidence: 0.85,
  }),
  r({
    // In Reason= or OfflineReason=, or alone as the fault cause reference lists them.
    id: "huawei.ipsec-reason",
    keywords: [
      "reason=",
      ...keywordsOfNames([...Object.keys(HUAWEI_IPSEC_REASONS), "phase1 proposal ", "phase2 proposal "]),
    ],
    test: new RegExp(`(?:\\b(?:Offline)?Reason=\\[?|^)(${HUAWEI_REASON_PATTERNS.join("|")})(?=[\\],)]|\\.?$)`),
    code: "REASON_CODE",
    confidence: 0.85,
  }),
  r({
    // By name after ERROR_IPSEC_, or by number after "error" / "[ErrorCode]" (decimal, or hex
    // with up to four leading zeros: "error code:0x000035e9").
    id: "windows.ike-error",
    keywords: ["error"],
    test: new RegExp(
      `(?:\\bERROR_IPSEC_|\\berror(?: ?code)?(?: ?[:=] ?| )(?:0x0{0,4})?|\\[ErrorCode\\] (?:0x0{0,4})?)(${WINDOWS_IKE_ERRORS.flatMap(
        ({ code, name }) => [name, String(code), code.toString(16)],
      ).join("|")})\\b`,
    ),
    code: "REASON_CODE",
    confidence: 0.85,
  }),
  r({
    // A quick mode negotiation (event 4654) that failed on security attributes or a DH group:
    // the IPsec SA's proposal (its PFS group), not the IKE SA's. (The event's text spans lines.)
    id: "windows.quick-mode-proposal",
    keywords: ["quick mode negotiation failed"],
    test: new RegExp(
      `\\bQuick Mode negotiation failed\\b[\\s\\S]*?\\bFailure Reason:\\s*(?:${windowsErrorTexts("IKE_PROPOSAL_MISMATCH")})`,
    ),
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    // Windows' IPsec audit events (4653 main mode and 4654 quick mode failed, 4655 ended) give
    // the error's text after "Failure Reason:"; IKEEXT's trace (an Azure gateway's diagnostics)
    // writes it after the peer's address: "[ikeext] 3038|198.51.100.20|    Negotiation timed out".
    id: "windows.failure-reason",
    keywords: ["failure reason:", "[ikeext] "],
    test: new RegExp(`(?:\\bFailure Reason:\\s*|\\[ikeext\\] \\d+\\|[^|\\s]*\\|\\s*)(${windowsErrorTexts()})`),
    code: "REASON_CODE",
    confidence: 0.85,
  }),
  r({
    // An error's text alone, as a tool that maps the codes or a client's dialog writes it
    // ("Main mode SA assumed to be invalid because peer stopped responding."): only the texts that
    // name IKE, IPsec or the peer, from the start of the message.
    id: "windows.error-text",
    keywords: [...TUNNEL_WORDED_ERROR_TEXTS],
    test: new RegExp(`^(${tunnelWordedErrorTexts()})(?:\\.|$)`, "i"),
    code: "REASON_CODE",
    confidence: 0.75,
  }),
  r({
    // RasClient's failed dial (event 20227): the code decides, and a code that names no fault
    // is still a VPN connection that did not come up.
    id: "windows.ras-dial-failure",
    keywords: ["error code returned on failure is ", "error code returned after failure is "],
    // An IKE policy mismatch (13868, 13825) is a proposal mismatch: the proposal rules read it.
    // Some Windows versions write "has a dial up connection called ... returned after failure".
    test: new RegExp(
      `${RASCLIENT_DIALED} .* has failed\\. The error code returned (?:on|after) failure is (?!13868\\b|13825\\b)(\\d+)`,
    ),
    code: "REASON_CODE",
    confidence: 0.8,
  }),
  r({
    // Windows' audit events 4976-4978: a negotiation that received a packet it could not process
    // failed, without naming why (the mode names the phase; Extended Mode is AuthIP's second
    // authentication within main mode).
    id: "windows.invalid-negotiation-packet",
    keywords: ["ipsec received an invalid negotiation packet"],
    test: /During (?:Main|Quick|Extended) Mode negotiation, IPsec received an invalid negotiation packet/,
    code: "TUNNEL_DOWN_OTHER",
    defaultPhase: "1",
    confidence: 0.6,
  }),
];

// Alibaba Cloud's and Tencent Cloud's Chinese consoles and diagnoses name what does not match:
// "<parameter>不匹配" or "<parameter>不一致". 第一阶段/第二阶段 are phase 1 and phase 2, 协商
// negotiation, 超时 timed out.
const ZH_CLAUSE = "[^，。,.]*";
const ZH_DOES_NOT_MATCH = "不匹配|不一致";
const CHINESE: Rule[] = [
  r({
    id: "zh.psk",
    nonAscii: true,
    keywords: [],
    test: new RegExp(`预共享密钥${ZH_CLAUSE}(?:${ZH_DOES_NOT_MATCH}|错误)`),
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "zh.identity",
    nonAscii: true,
    keywords: [],
    test: new RegExp(
      `(?:用户网关信息|LocalId|RemoteId|本端(?:标识|ID)|对端(?:标识|ID)|身份)${ZH_CLAUSE}(?:${ZH_DOES_NOT_MATCH})|身份认证失败|身份验证凭[证證]不可接受`,
      "i",
    ),
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "zh.ipsec-proposal",
    nonAscii: true,
    keywords: [],
    test: new RegExp(
      `(?:IPsec|第二阶段|二阶段)${ZH_CLAUSE}(?:算法|DH分组|DH组|PFS)${ZH_CLAUSE}(?:${ZH_DOES_NOT_MATCH})`,
      "i",
    ),
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    id: "zh.proposal",
    nonAscii: true,
    keywords: [],
    test: new RegExp(
      `(?:加密算法|认证算法|完整性算法|DH分组|DH组|协商模式|IKE版本)${ZH_CLAUSE}(?:${ZH_DOES_NOT_MATCH})`,
    ),
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.85,
  }),
  r({
    id: "zh.nat-t",
    nonAscii: true,
    keywords: [],
    // Also NAT traversal left off ("未开启NAT穿越") and UDP 4500 unanswered or blocked.
    test: new RegExp(
      `NAT穿越${ZH_CLAUSE}(?:${ZH_DOES_NOT_MATCH}|未开启|失败)|(?:未开启|未启用|关闭)NAT穿越|UDP ?4500${ZH_CLAUSE}(?:无响应|不通|被阻断|被拦截|被丢弃)`,
    ),
    code: "NAT_T_ISSUE",
    confidence: 0.8,
  }),
  r({
    id: "zh.lifetime",
    nonAscii: true,
    keywords: [],
    test: new RegExp(`(?:生存周期|生命周期|生存时间)${ZH_CLAUSE}(?:${ZH_DOES_NOT_MATCH})`),
    code: "REKEY_FAILURE",
    confidence: 0.6,
  }),
  r({
    id: "zh.traffic-selector",
    nonAscii: true,
    keywords: [],
    test: new RegExp(`(?:感兴趣流|兴趣流|保护子网|网段)${ZH_CLAUSE}(?:${ZH_DOES_NOT_MATCH})`),
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "zh.dpd",
    nonAscii: true,
    keywords: [],
    test: /DPD[^，。,.]*(?:超时|不可达)/,
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
    // 空闲超时: idle timeout; 无流量: no traffic.
    id: "zh.idle",
    nonAscii: true,
    keywords: [],
    test: /空[闲閒]超[时時]|因(?:长时间)?[无無]流量/,
    code: "IDLE_TIMEOUT",
    confidence: 0.7,
  }),
  r({
    // 重协商 / 重新协商 is renegotiation (a rekey): its failure is a rekey failure.
    id: "zh.rekey-failed",
    nonAscii: true,
    keywords: [],
    test: new RegExp(`(?:重|重新)[协協]商${ZH_CLAUSE}失[败敗]|密[钥鑰]更新失[败敗]`),
    code: "REKEY_FAILURE",
    confidence: 0.7,
  }),
  r({
    id: "zh.failed",
    nonAscii: true,
    keywords: [],
    // 健康检查失败: the health check through the tunnel failed (Alibaba takes the tunnel out of use).
    test: /[协協]商失[败敗]|建立失[败敗]|链路状态变为down|SA ?已删除|[无無]法建立 ?IPsec ?[连連][接線]|健康[检檢]查失[败敗]/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.5,
  }),
  r({
    id: "zh.bgp-down",
    nonAscii: true,
    keywords: [],
    // The clause runs to a Chinese comma or full stop (a neighbour's address has dots).
    test: /BGP[^，。；]*?(?:状态(?:变)?为 ?(?:Idle|Active|Connect)|断开|中断)/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.7,
  }),
  r({
    id: "zh.up",
    nonAscii: true,
    keywords: [],
    // 隧道已建立 / SA已建立 / 连接建立成功: the tunnel, SA or connection is established.
    test: /[协協]商成功|(?:隧道|SA|[连連][接線])(?:已经?|成功)建立|建立成功/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
];

// Japanese consoles and localized messages: "一致しません" (does not match), 事前共有鍵 the
// pre-shared key, フェーズ1/2 the phases, ネゴシエーションに失敗 a failed negotiation.
const JAPANESE: Rule[] = [
  r({
    id: "ja.psk",
    nonAscii: true,
    keywords: [],
    test: /事前共有(?:鍵|キー)[^、。,.]*(?:一致しません|不一致|誤り|間違)/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    id: "ja.proposal",
    nonAscii: true,
    keywords: [],
    test: /(?:プロポーザル|暗号化アルゴリズム|認証アルゴリズム|DH ?グループ)[^、。,.]*(?:一致しません|不一致)/,
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.8,
  }),
  r({
    id: "ja.failed",
    nonAscii: true,
    keywords: [],
    test: /(?:ネゴシエーション|ネゴ)(?:に|が)?失敗|トンネル(?:が|は)?ダウン/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.5,
  }),
];

// A firewall's record of an IKE, NAT-T or ESP packet it dropped (blocked-traffic.ts).
const FIREWALL_DROPS: Rule[] = [
  r({
    id: "blocked.tunnel-traffic",
    keywords: BLOCKED_TUNNEL_TRAFFIC_KEYWORDS,
    test: BLOCKED_TUNNEL_TRAFFIC,
    code: "BLOCKED_TRAFFIC",
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
    // pluto (Libreswan, Openswan) hands over NAT-T keepalives or runts that the kernel's UDP 4500
    // encapsulation should have taken: the ESP-in-UDP socket is not set up.
    id: "natt.pluto-runt",
    keywords: ["too small packet ("],
    test: /:(?:4500|EPHEM)\b.*too small packet \(\d+\)/,
    code: "NAT_T_ISSUE",
    phase: null,
    confidence: 0.6,
  }),
  r({
    id: "natt.port-floating-off",
    keywords: [
      "port floating is off",
      "nat-t",
      "natt",
      "nat_traversal",
      "nat traversal",
      "nat detection fail",
      "nat-d",
      "natd payloads",
      "nat: cannot",
      "does not support nat",
      "passthrough nat device",
      "cannot be nat'ed",
      "cannot be nated",
    ],
    test: /port floating is off|NAT[- ]?T(?:raversal)? (?:is )?(?:disabled|not (?:enabled|supported|allowed|configured))|NAT[- ]?T(?:raversal)? (?:does not match|mismatch)|nat detection fail|disabling NAT-D|Aborting NAT-Traversal negotiation|NAT: cannot (?:float|switch) to|(?<!peer )does not support NAT\b|unable to build NATD payloads|NAT-D payload hash failed|nat_traversal=no|NAT Traversal is not enabled|IPsec-passthrough NAT device suspected|cannot be NAT'?ed\b|NAT-?T(?:raversal)? is turned OFF/i,
    code: "NAT_T_ISSUE",
    defaultPhase: "1",
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
    test: /unsupported IKE version (?![12]\.)\d+\.\d+ from .*INVALID_MAJOR_VERSION/,
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
      "espinudp(",
    ],
    test: /unable to set UDP_ENCAP|NAT-Traversal: ESPINUDP\(\d\) not supported by kernel\b|failed to set UDP encap|unsupported NAT-T version|UDP[- ]?(?:en|de)cap(?:sulation)?\b[^.]*?(?:not supported|failed|disabled|not enabled)|NAT (?:detected|discovered)[^.]*(?:but|while)[^.]*(?:disabled|not (?:enabled|supported))|NAT_DETECTION\w* .*(?:disabled|unsupported)|nat-t (?:mismatch|blocked|fail)/i,
    code: "NAT_T_ISSUE",
    confidence: 0.75,
  }),
  r({
    // NAT-T that cannot work as negotiated: a NAT-OA payload that fails, a NAPT in front of a
    // peer this side must initiate to, a NAT mapping that changed under an SA, a port that clashes
    // with NAT-T's, a daemon that cannot open its NAT-T (UDP 4500) socket.
    id: "natt.broken",
    keywords: [
      "nat-d hash",
      "natoa payload",
      "napt in front of",
      "nat traversal remapping",
      "reserved for ipsec/nat-t",
      "nat-oa payload must be",
      "hard expiry triggered by port mismatch",
      "nat-t socket",
      "float port",
      "nat-traversal: transport mode not allowed",
    ],
    test: /(?:could not|unable to|failed to) (?:open|create|bind) (?:IPv[46] )?NAT-T socket|NAT-d hash doesn.t match|Error processing NatOA payload|NAT-OA Payload must be zero|hard expiry triggered by port mismatch|detected an NAPT in front of the remote security endpoint|NAT traversal remapping detected|which is reserved for IPsec\/NAT-T|failed to float port|NAT-Traversal: Transport Mode not allowed/i,
    code: "NAT_T_ISSUE",
    confidence: 0.7,
  }),
  r({
    // Cisco ASA: the peer refused NAT-T, or sent NAT-T vendor ids without NAT discovery.
    id: "natt.asa",
    keywords: ["rejected nat enabled ipsec", "nat-discovery payloads missing"],
    test: /rejected NAT enabled IPsec (?:Over UDP )?request|NAT-Discovery payloads missing\. Aborting NAT-Traversal/,
    code: "NAT_T_ISSUE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    // The ASA received ESP inside UDP where it expected plain ESP, or the reverse: the two ends
    // disagree on NAT traversal (message 402115).
    id: "natt.encapsulation-mismatch",
    keywords: ["data instead of"],
    test: /containing (?:UDP|ESP) data instead of (?:ESP|UDP) data/,
    code: "NAT_T_ISSUE",
    confidence: 0.8,
  }),
  r({
    // strongSwan's userland IPsec (kernel-libipsec) can only install ESP in UDP: an SA without
    // NAT traversal cannot be installed.
    id: "natt.udp-encapsulation-only",
    keywords: ["only udp encapsulation is supported"],
    test: /to add SAD entry: only UDP encapsulation is supported/,
    code: "NAT_T_ISSUE",
    phase: "2",
    confidence: 0.75,
  }),
  r({
    // The ASA's phase 2 attribute check: one end proposes ESP in UDP (NAT-T), the other plain ESP
    // (the UDP mode written "UDP-Tunnel", "UDP Tunnel(NAT-T)" or the like).
    id: "natt.asa-encapsulation-mode",
    keywords: ["class encapsulation mode"],
    test: /class Encapsulation Mode:\s+Rcv'd: (?:\S*(?:UDP|NAT-T)\S*(?: \S+)?\s+Cfg'd: (?:Tunnel|Transport)\b|(?:Tunnel|Transport)\s+Cfg'd: \S*(?:UDP|NAT-T))/,
    code: "NAT_T_ISSUE",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    // NAT traversal said to fail, or UDP 4500 said to be blocked or silent, in a gateway's own words.
    id: "natt.failure-wording",
    keywords: ["nat-t", "natt", "nat t", "4500"],
    test: /\bNAT[- ]?T(?:raversal)?\b(?:[^.;:(]|\.(?=\w)){0,40}?\b(?:failed|failure|blocked|not working)\b|\b(?:UDP[/ ]?4500|port 4500)\b(?:[^.;]|\.(?=\w)){0,30}?\b(?:blocked|filtered|dropped|closed|no (?:response|reply|answer))\b|\bno (?:IKE(?:[ _]AUTH)? |ESP |NAT-T |UDP )?(?:packets?|traffic|responses?|replies)\b(?:[^.;]|\.(?=\w)){0,40}?\b(?:UDP[/ ]?4500|port 4500)\b/,
    code: "NAT_T_ISSUE",
    phase: "1",
    confidence: 0.7,
  }),
];

const TRAFFIC_SELECTORS: Rule[] = [
  r({
    id: "ts.unacceptable",
    keywords: [
      "ts_unaccept",
      "ts unaccept",
      "ts-unacceptable",
      "single_pair_required",
      "invalid_selectors",
      "selectors not acceptable",
      "selector are not acceptable",
      "selectors is not acceptable",
      "selector not acceptable",
      "selectors are not acceptable",
      "selector is not acceptable",
      "selector mismatch",
      "selectors mismatch",
      "ts mismatch",
      "does not match",
      "doesn't match",
    ],
    // Junos writes the notify in words: "failed with error: TS unacceptable"; racoon2 (Alibaba's
    // daemon) "responder's TSi does not match my selector".
    test: /\bTS[ir]? does(?: not|n't) match\b|\bdoes(?: not|n't) match (?:my|our|the local|the configured) selectors?\b|TS[_-]UNACCEPTABLE|TS_UNACCEPT\b|N\(TS_UNACCEPT\)|\bTS unacceptable\b|\bSINGLE_PAIR_REQUIRED\b|\bINVALID_SELECTORS\b|traffic selectors? (?:are |is )?not acceptable|\bselectors? mismatch(?:ed)?\b|\bTS mismatch\b/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.95,
  }),
  r({
    id: "ts.no-acceptable",
    keywords: [
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
      "no matching policy for",
      "no matching phase 2 id",
      "no matching phase2 id",
      "should not have been decrypted",
      "find matching selector",
      "protected data flow",
      "after decryption, source address check failed",
      "within an encrypted connection",
    ],
    test: /no acceptable traffic selectors|reject responder TSi\/TSr Traffic Selector|was rejected by Traffic Selectors\b|no matching phase ?2 ID\b|packet should not have been decrypted|no matching policy for (?:the )?(?:traffic selectors?|TS|proxy[- ]?IDs?)\b|unacceptable traffic selectors?|traffic[- ]selectors? (?:are )?(?:not in configured range|unacceptable|mismatch|do not match|don't match)|(?:Remote|Local) traffic selectors narrowed|selected invalid traffic selectors|traffic selector missing in configuration|Traffic Selector range \S+ is not supported|traffic selectors .* (?:unacceptable|inacceptable)$|no (?:IKEv2 )?connection found with compatible traffic selectors|can'?t find matching selector|no matching CHILD_SA config|cannot respond to IPsec SA request because no connection is known|no CHILD_SA config found|unable to install policy(?! .* the same policy for reqid \d+ exists)|proxy[- ]?ID (?:mismatch|does not match|not match)|mismatched proxy|failed to match the peer proxy[- ]ids?|no IPSEC policy found for (?:the )?received TS|Protected Data Flows? (?:parameter )?does not match|\bAfter decryption, source address check failed\b|\bReceived a clear ?text packet within an encrypted connection\b/i,
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
      "packet missing esp",
      "not an ipsec packet",
      "doesn't match negotiated identity",
      "client subnet returned doesn't match",
      "default does not match proposal",
      "unable to find policy",
      "recvd_pkt_inv_identity_acl",
      "no proxy match",
      "incomplete due to missing acl",
      "conflicts",
      "proxy identities not supported",
      "proxy range",
      "did not find matching map",
      "peer doesn't match map entry",
    ],
    // RECVD_PKT_NOT_IPSEC: a cleartext packet matched the crypto ACL, which the peer does not mirror.
    // IOS "policy invalidated proposal with error 32": the proxy identities differ (256 is a transform).
    test: /decapsulated inner packet doesn't match the negotiated policy|peer doesn't match map entry|Received invalid (?:local|remote) Proxy Range|proxy identities not supported|did not find matching map|RECVD_PKT_NOT_IPSEC|No matching tunnel route for peer proposed|no matching crypto map entry|crypto map policy not found|IPSec policy invalidated proposal with error 32\b|packet missing ESP|Rec'd packet not an IPSEC packet|identity doesn't match negotiated identity|peer client subnet returned doesn't match my proposal|payloads missing in message but default does not match proposal|IKE Initiator unable to find policy|RECVD_PKT_INV_IDENTITY_ACL|Crypto Map: No proxy match|crypto map \S+ seq \d+ is incomplete due to missing ACL|Remote IP \S+ ?\/ ?\S+ conflicts|Rejecting IPSec tunnel: no matching|KMD_PM_P2_POLICY_LOOKUP_FAILURE|Policy lookup for Phase-2 .* failed/,
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
      "check and compare ids : value mismatch",
      "was returned",
      "but no ipsec required",
      "no outbound policy found",
    ],
    test: /failed to get sainfo|failed to pre-process ph2 packet|no policy found(?!, try to generate the policy)|failed to get proposal for responder|check and compare ids : value mismatch|mismatched ID(?:ci|cr)? was returned|policy found, but no IPsec required|no outbound policy found/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "ts.invalid-id",
    keywords: ["invalid_id_info", "invalid-id-information", "n(inval_id)", "invalid id info"],
    // "Invalid ID info", "Invalid ID information" (Junos): the same notify in words.
    test: /INVALID_ID_INFO(?:RMATION)?\b|invalid-id-information|N\(INVAL_ID\)|Invalid ID info(?:rmation)?\b/i,
    code: "INVALID_ID",
    confidence: 0.8,
  }),
  r({
    // charon's IKEv1 messages under an ISAKMP SA carry a HASH keyed from the pre-shared key; one
    // that does not match ("integrity check failed", answered with INVALID_HASH_INFORMATION) was
    // keyed by another secret. (Alibaba's FAQ reads its own bare line as a selector mismatch.)
    id: "auth.charon-integrity",
    keywords: ["integrity check failed"],
    test: /\[IKE\] (?:<[^>]*> )?integrity check failed/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    id: "ts.remote-id-verify",
    keywords: [
      "verifying remote id failed",
      "verifying local id failed",
      "hash payload does not match",
      "integrity check failed",
    ],
    test: /Verifying (?:Remote|Local) ID failed|HASH payload does not match(?! computed)|integrity check failed/,
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
      "acl = deny; no sa created",
    ],
    // 302302 "ACL = deny; no sa created": the proxies negotiated fall in a deny entry of the crypto ACL.
    test: /ACL = deny; no sa created|ACL does not match proxy IDs|Static Crypto Map check, map = \S+, seq = \S+, no ACL configured|IKE peer does not match remote peer as defined in L2L policy|initiated a tunnel with (?:the )?same outer and inner addresses|existing sa from different peer, rejecting new sa|Crypto Map Policy not found for remote traffic selector|Received INVALID_SELECTORS Notification|Received a non-IPSec packet|failed to match peer selectors/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    // PAN-OS: the phase 2 failed on the peer's proxy IDs or traffic selectors.
    id: "ts.panos-processing",
    keywords: ["when processing proxy id", "when processing traffic selector"],
    test: /negotiation failed when processing proxy ID|negotiation failed when processing traffic selector/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.85,
  }),
  r({
    // Selectors refused or narrowed: Libreswan, Google Cloud VPN, ZyXEL, Check Point.
    id: "ts.refused-wording",
    keywords: [
      "ipdynvpnaction was not found",
      "does not fit the proposal",
      "ts payloads missing",
      "traffic selector payload is missing",
      "identification type not supported",
      "proxy address",
      "security label",
      "peer client id payload",
      "match my proposal",
      "no remote client selector",
      "virtual connection policy",
      "ts_narrowing_not_allowed",
      "ips of incoming request conflict",
      "should not have been decrypted",
      "unsupported ikev2 traffic selector",
      "not contained in any address block constraint",
      "failed to get ipsec policy for phase 2",
      "mismatched local cidrs",
      "mismatched local and remote cidrs",
      "proposed local",
      "proposed remote",
      "no policy exists for the proxy id",
      "specified selectors mismatch",
      "no matching phase2 found",
      "subnet returned",
      "find matching policy for",
      "did not match any spd entry",
      "no narrowing possible",
      "proposed ip did not match",
      "encryption domain",
      "subnets do not match",
      "subnet do not match",
      "subnets does not match",
      "networks do not match",
      "network do not match",
      "networks does not match",
      "subnet does not match",
      "network does not match",
      "configured proxy",
      "incorrect acl",
      "does not contain existing ipsec sa traffic selectors",
      "rejecting responder tsi/tsr",
      "payload contains no entries",
      "phase 2 identity",
    ],
    // SonicWall: "IKE Responder: No match for proposed remote network address". H3C:
    // "Failed to establish IPsec SA. Reason: The policy contains incorrect ACL or IKE profile
    // configuration." (the ACL names the flows the SA protects). Libreswan refusing a Child SA
    // rekey whose selectors differ from the SA's: "rekey: received Traffic Selectors does not
    // contain existing IPsec SA Traffic Selectors". Aruba: "Initiator IKE Phase 2 Identity doesn't
    // match for ipsec-map azure".
    test: /\bPhase 2 Identity (?:doesn't|does not) match\b|\bIpFilterRule with an IpDynVpnAction was not found\b|\bno match for (?:the )?proposed (?:remote|local) (?:network|subnet|address)|TS payloads missing|\bTS[ir] payload contains no entries\b|traffic selector payload is missing|Identification type not supported, Phase 2|Invalid (?:source|destination) proxy address|security labels? .*(?:don't|doesn't|do not|does not) match|peer client ID payload .*(?:unacceptable|bad subnet|is invalid)|peer returned (?:protocol id|port) (?:does not|doesn't) match my proposal|Quick Mode request rejected; connection has no remote client selector|peer proposal was rejected in a virtual connection policy|Traffic Selector response .* does not fit the proposal|unsupported IKEv2 traffic selector|TS \S+ is not contained in any address block constraint|TS_NARROWING_NOT_ALLOWED|IPs of incoming request conflict with rule|According to the Policy the Packet should not have been decrypted|failed to get IPsec policy for phase 2\b|Mismatched local (?:CIDRs )?and remote CIDRs|proposed (?:local|remote) selector \S+ does not match\b|No policy exists for the proxy ID\b|specified selectors mismatch|no matching phase2 found|client subnet returned (?:does not|doesn'?t) match my proposal|can'?t find matching policy for \S+ <=> \S+|traffic selectors? did not match any SPD entry|No narrowing possible|virtual IP was required, but the proposed IP did not match|\bencryption domains? (?:mismatch|do(?:es)? not match)\b|\b(?:local and remote|local|remote|protected) (?:subnets?|networks?) do(?:es)? not match\b|\bdoes not match (?:the )?configured proxy[- ]?ID\b|\bThe policy contains incorrect ACL\b|received (?:Traffic Selectors|TS[ir] payload) does not contain existing IPsec SA Traffic Selectors|\brejecting responder TSi\/TSr Traffic Selector\b/,
    code: "TRAFFIC_SELECTOR_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
];

const AUTH: Rule[] = [
  r({
    // DMVPN's NHRP registration carries its own authentication string, not IKE's: a wrong one
    // keeps the spoke from registering with the hub.
    id: "down.nhrp-registration",
    keywords: ["nhrp_error"],
    test: /NHRP_ERROR: .*(?:wrong authentication string|authentication failure)/,
    code: "TUNNEL_DOWN_OTHER",
    phase: null,
    confidence: 0.7,
  }),
  r({
    id: "auth.notify",
    keywords: [
      "authentication_failed",
      "authentication-failed",
      "auth_failed",
      "invalid_hash_information",
      "n(inval_hash)",
      "invalid-hash-information",
      "invalid_key_information",
      "invalid-key-information",
      "invalid_certificate",
      "invalid-certificate",
      "invalid_signature",
      "invalid-signature",
      "certificate_unavailable",
      "certificate-unavailable",
      "cert_unavailable",
      "cert-unavailable",
      "invalid_cert_authority",
      "invalid-cert-authority",
      "invalid_cert_encoding",
      "invalid-cert-encoding",
      "cert_type_unsupported",
      "cert-type-unsupported",
      "inval_ke",
      "eap/fail",
      "notify message - authentication failed",
      "notification from peer: authentication failed",
      "verification failed",
      "failed with error",
      "xauth pam_authenticate for",
      "peer cert is not allowed",
    ],
    // IKEv1's certificate notifies (RFC 2408 types 21-28) say the peer cannot prove or check an identity.
    test: /(?<!-\d-)AUTHENTICATION[_-]FAILED|N\(AUTH_FAILED\)|\bAUTH_FAILED\b|INVALID[_-]HASH[_-]INFORMATION|N\(INVAL_HASH\)|INVALID[_-]KEY[_-]INFORMATION|INVALID[_-]CERTIFICATE|INVALID[_-]SIGNATURE|CERT(?:IFICATE)?[_-]UNAVAILABLE|INVALID[_-]CERT[_-](?:AUTHORITY|ENCODING)|CERT[_-]TYPE[_-]UNSUPPORTED|INFORMATIONAL_V1 (?:request|response) \d+ \[ (?:\S+ )*N\(INVAL_KE\)|\[ (?:\S+ )*EAP\/FAIL\b|Notify Message - Authentication failed|notification from peer: Authentication failed\b|EAP-[\w-]+ (?:verification failed|failed with error)\b|XAuth pam_authenticate for .* failed|subject name of the peer cert is not allowed/,
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
      "bad psk",
      "wrong psk",
      "invalid psk",
      "incorrect psk",
      "mismatched psk",
      "psk mismatch",
      "psk found",
      "secret found",
      "no matching secret",
      "pre-shared address key",
      "couldn't find the pskey for",
    ],
    test: /couldn't find the pskey for|pre-?shared[- ]key (?:mismatch|is (?:wrong|incorrect))|invalid pre-?shared key|mismatched pre-?shared key|pre-?shared (?:secret|keys?) mismatch|PSK mismatch|no (?:matching )?(?:PSK|secret|(?:pre-?)?shared key) found|no matching secret|probable pre-shared secret mismatch|shared secret (?:does not match|mismatch)|pre-?shared key (?:does not|doesn't|did not) match|No Cert or pre-shared address key|pre-?shared key matching .{1,80} not found|No pre-shared key with \S+|\b(?:invalid|bad|wrong|incorrect|mismatched) (?:pre-?shared (?:key|secret)|shared secret|PSK)\b/i,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.95,
  }),
  r({
    // The SSH IPsec toolkit's (Junos kmd's) own words for phase 1 proofs that failed or keys it
    // does not have.
    id: "auth.ssh-ike",
    keywords: ["hash value mismatch", "signature check failed", "no pre shared key found", "no private key found"],
    test: /\b(?:IP|Aggr); (?:Hash value mismatch|Signature check failed|No pre shared key found|No private key found)\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // racoon derives SKEYID from the pre-shared key: it cannot when it has none for the peer.
    id: "auth.racoon-skeyid",
    keywords: ["failed to generate skeyid"],
    test: /failed to generate SKEYID(?![-_])/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    id: "auth.psk-wording",
    keywords: [
      "mac mismatched",
      "preshared secrets",
      "pre-shared secrets",
      "hash payload does not match computed",
      "calculated hash does not match",
      "possible cause: wrong password",
      "find our preshared key",
      "find our pre-shared key",
      "probably wrong pre",
    ],
    // Libreswan main mode: the peer's HASH, keyed by the pre-shared key, is not ours.
    test: /tried \d+ shared keys? for .* but MAC mismatched|mismatch of pre-?shared secrets|received Hash Payload does not match computed value|calculated HASH does not match HASH payload|possible cause: wrong password|failed to find our pre-?shared key|probably wrong pre-?shared key/i,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.95,
  }),
  r({
    // The IKE daemons' own wording: an identity in quotes, the method that failed, a peer's rejection.
    id: "auth.failed",
    keywords: ["authenticat", "signature check"],
    test: /(?<!re)authentication of '[^']*'.* failed|(?<!re)authentication .*with .* failed|authentication request rejected(?!(?: by peer)?: (?!AUTHENTICATION_FAILED\b)[A-Z][A-Z_]+)|signature check .* failed|RSA Signature check/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.9,
  }),
  r({
    // Libreswan names the IKEv2 authentication method the peer used and the one it wants: "peer
    // attempted PSK authentication but we want rsasig" (before the generic wording it starts with).
    id: "auth.libreswan-method",
    keywords: ["authentication but we want", "authentication requires policy"],
    test: /peer attempted \S+ authentication but we want \S+|peer authentication requires policy \w+/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // Libreswan dropping an IKE_AUTH request without an AUTH payload: the peer wants to
    // authenticate by EAP, which this end does not offer, so the IKE SA cannot authenticate.
    id: "auth.libreswan-missing-auth",
    keywords: ["missing payloads"],
    test: /dropping unexpected (?:ISAKMP_v2_)?IKE_AUTH (?:message|request)\b.*; missing payloads: (?:\w+,)*AUTH\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // The ASA receiving, unencrypted, a peer's complaint that it could not parse or verify our
    // encrypted main mode message: the two ends derived different keys, i.e. different
    // pre-shared keys.
    id: "auth.asa-unencrypted-malformed",
    keywords: ["un-encrypted payload_malformed", "un-encrypted invalid_hash_info"],
    test: /Received an un-encrypted (?:PAYLOAD_MALFORMED|INVALID_HASH_INFO) notify message/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    // An IKE identity that does not match the one configured, in a gateway's short words
    // (Zyxel's "Phase 1 ID mismatch").
    id: "auth.id-mismatch-wording",
    keywords: ["id mismatch"],
    test: /\b(?:phase ?1|peer|remote|local|IKE) ID mismatch(?:ed)?\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    // Cisco IOS IKEv2: the peer's AUTH payload did not verify (with IOS's own spelling at times).
    // (IKMP_NO_ID_CERT_*_MATCH, an identity other than the certificate's, is a notice: the
    // tunnel still comes up.)
    id: "auth.ios-verification",
    keywords: ["tication data failed"],
    test: /Verification of peer's authen\w*tication data FAILED/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    // Junos iked (23.4 and later) refuses a peer whose IKE identity matches a blocklist rule.
    id: "auth.identity-blocklisted",
    keywords: ["ike_gateway_peer_blocked", "reason: blocklisted", "reason: blacklisted"],
    test: /\bIKE_GATEWAY_PEER_BLOCKED\b|\bReason: (?:Block|Black)listed\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // Every login service's wording too (PAM, Kerberos, RADIUS clients).
    id: "auth.failed-generic",
    keywords: ["authenticat", "auth fail", "auth check fail"],
    test: /can'?t authenticate|failed to authenticate|(?<!packet |PPP: |re-?)authentication (?:of .+ )?(?:failed|failure)(?!, incomplete IKE_AUTH response contains the Child SA error)|authentication result: fail|(?<!packet |PPP: |re-?)auth(?:entication)? (?:check )?fail(?!ed, incomplete IKE_AUTH response contains the Child SA error)/,
    needsTunnelContext: true,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    id: "auth.failed-wording",
    keywords: [
      "signing certificate with encoding",
      "crl verification request blocked",
      "auth exchange failed",
      "could not authenticate",
      "verify the peer hash",
      "verify the peer signature",
      "gateway validation failed",
      "xauth fail",
      "loading eap_",
      "method failed",
      "no eap key found",
      "result fnbam_",
      "not supported",
      "ppk",
      "is needed",
      "cert payload bogus",
      "aborting entire ike exchange",
      "fail status in xauth reply",
      "xauth user credentials not found",
      "no xauth password",
      "no xauth secret",
      "peer attempted",
      "authentication using",
      "phase-1 authentication method",
      "invalid rsa signature",
      "cannot verify rsa signature",
      "incorrect public key authentication method",
    ],
    // FortiGate checks the peer's ID or certificate against the gateway ("gateway validation").
    // strongSwan's "none allows pre-shared key authentication using Main Mode": the configs for
    // the peer want another authentication method (in aggressive mode, the mode differs: proposal).
    // z/OS IKE refuses the encoding of the peer's signing certificate; WatchGuard's iked could not
    // check the certificate's revocation (CRL).
    test: /sent a signing certificate with encoding \S+ that is not allowed|CRL verification request blocked|Auth exchange failed|could not authenticate|Peer attempted [\w-]+ authentication but we want|none allows [\w-]+(?: key)? authentication using Main Mode|Rejected phase-1 authentication method \S+ from|authentication using [\w-]+ failed|failed to verify the peer (?:HASH|signature)|gateway validation failed|XAUTH fail|(?:loading )?EAP_\w+ method failed|EAP[-_][\w-]+ request configured, but not supported|no EAP key found|(?:EAP|XAUTH) \w+ result FNBAM_(?!SUCCESS|CHALLENGED)\w+|authentication method \S+ not supported|connection requires PPK|PPK_ID not found|private key matching certificate .* but \w+ is needed|CERT payload bogus or revoked|XAUTH: aborting entire IKE Exchange|received FAIL status in XAUTH reply|xauth user credentials not found|no XAuth (?:password|secret) found for|Received an invalid RSA signature|Cannot verify RSA signature|Received an incorrect public key authentication method/,
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
      "should have been encrypted",
      "failed its sanity check",
      "message parsing failed",
      "notification payload_malformed",
      "payload has an unknown value",
      "payload must be zero",
      "payload is larger than can fit",
      "probable authentication (pre",
      "computed hash does not match",
      "ikmp_hash_fail",
      "ike hash failed",
      "main mode packet with invalid payloads",
      "illegal payload length",
    ],
    // The ASA's "Received encrypted Oakley Main Mode packet with invalid payloads" and WatchGuard's
    // "Check Payloads : illegal payload length(...)": the peer's encrypted main mode message
    // decrypted to garbage, under a key made from another PSK.
    test: /encrypted (?:Oakley )?Main Mode packet with invalid payloads|Check Payloads ?: illegal payload length|failed to decrypt (?:IKE )?packet from|could not decrypt payloads|decryption (?:failed|was unsuccessful)|problems decrypting packet|HASH_V1 payload|was not encrypted and it should.ve been|packet rejected: should have been encrypted|failed its sanity check or is malformed|message parsing failed|sending notification PAYLOAD_MALFORMED\b|next payload type of ISAKMP (?:Hash|Identification) Payload has an unknown value|byte \d+ of ISAKMP (?:Hash|Identification) Payload must be zero|(?:\d+-byte )?length of ISAKMP (?:Hash|Identification) Payload is larger than can fit|\bprobable authentication \(pre-?shared secret\) failure|computed hash does not match hash received from peer|\bIKMP_HASH_FAIL\b|\bIKE hash failed\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.7,
  }),
  // racoon, and racoon2's iked that Alibaba's gateways run, delete phase 1 on a fatal notify; a
  // peer that finds our main-mode messages malformed could not decrypt them, classically a
  // pre-shared key mismatch.
  // A single malformed-payload notify without the deletion names no cause.
  r({
    id: "auth.fatal-malformed-notify",
    keywords: [
      "fatal payload-malformed",
      "fatal invalid-payload-type",
      "fatal unequal-payload-lengths",
      "notification from peer: payload malformed",
    ],
    // Check Point: "Main Mode Received Notification from Peer: payload malformed".
    test: /fatal (?:PAYLOAD-MALFORMED|INVALID-PAYLOAD-TYPE|UNEQUAL-PAYLOAD-LENGTHS) notify|\bMain Mode Received Notification from Peer: payload malformed\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    id: "auth.peer-config",
    keywords: [
      "peer config",
      "config inacceptable",
      "config unacceptable",
      "no alternative config found",
      "connection has been authorized",
      "profile is matched",
      "received idr",
      "find configuration for ike phase-1",
      "kmd_pm_p1_policy_lookup_failure",
      "policy lookup for phase-1",
      "policy lookup failed",
      "unknown peer",
      "unrecognized peer gateway",
      "peer id",
      "does not match",
      "ike-id",
      "remote id mismatch",
      "no matching id found",
      "ike id",
      "ikeid",
      "identity mismatch",
      "id did not match",
      "idi did not match",
      "idr did not match",
      "idir did not match",
      "id_i did not match",
      "id_r did not match",
      "identity not found for",
      "can't find identity for peer",
      "from an unrecognized source",
      "no user configuration was found",
      "could not locate phase",
      "no matching phase 1 id found",
      "incoming ike from wrong ip",
      "no matching tunnel was found",
    ],
    // Azure names the peer it has no configuration for by its address ("Incoming IKE from Wrong IP
    // which is not configured") or by the tunnel it finds none of.
    test: /no (?:matching )?peer config(?:s)? found|Incoming IKE from Wrong IP\b|incoming IKE connection (?:was|is) ignored because no matching tunnel was found|identity not found for (?:server|peer)\b|can't find identity for peer\b|no (?:matching )?connection has been authorized|Couldn.t find configuration for IKE phase-1|KMD_PM_P1_POLICY_LOOKUP_FAILURE|Policy lookup for Phase-1 .* failed|IKE Phase-1: \((?:Responder|Initiator)\) Policy lookup failed|(?<!from )unknown peer|from an unrecognized peer gateway|peer (?:ID|identifier)\b.*(?:does not match|mismatch)|\bID(?:ir|i|r|_[IR])?\b(?![=:"])[^=]{0,80}? does not match|\bID(?:ir|i|r|_[IR])? did not match|(?:Local|Remote|on-premises) ?ID\b.* does not match|Remote ID mismatch|received AUTH payload, but no matching ID found|IKE[- ]?ID .*(?:mismatch|does not match)|identity (?:mismatch|does not match)|peer config '[^']*' (?:in|un)acceptable|requested EAP, config (?:in|un)acceptable|no alternative config found|No (?:IKE )?profile is matched\b|received IDr \S+, but require|packet received does not match the customer gateway|the peer does not match|PeerID does not match|does not match peers? id\b|Rejected first Phase 1 packet from an unrecognized source|no user configuration was found for that ID|\bpeer id mismatch\b|could not locate phase ?1 configuration|No matching phase 1 ID found\b|Phase 1 Authentication Method does not match/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    // The peer's proof of identity does not verify (racoon: the pre-shared key, a signature or a
    // certificate), or what it needs to authenticate is missing or refused.
    id: "auth.identity-proof",
    keywords: [
      "hash mismatched",
      "event: ev_auth_fail",
      "certificate is not verified",
      "invalid sig",
      "id mismatched with",
      "id type mismatched",
      "no peer's cert payload found",
      "rsa key not found",
      "invalid id payload",
      "no id match",
      "login failed for user",
      "did not succeed xauth",
      "xauth performed with no login",
      "ppk required but",
      "requires a valid ppk",
      "no xauth",
      "invalid xauth status",
      "configuration payload missing in xauth",
      "non-mutual eap-only",
      "private key",
      "acceptable signature hash algorithms",
      "psk length of",
      "xauth client mode not enabled",
      "unable to open password file",
      "expected hash payload as first payload",
      "malformed payload",
      "failed to validate the certificate",
      "no pskey found",
      "key id in id payload too big",
      "unknown identification type",
      "no group found by matching ou",
      "invalid certificate handle",
      "unexpected certificate payload",
      "cert filehandle failure",
      "cert validation failure",
      "certificate chain failed validation",
      "certificate is revoked",
      "failed user authentication",
      "failed our user authentication",
      "user authorization failed",
      "unexpected auth method",
      "authverify failed",
      "no compatible policy found",
      "policy mismatch",
      "localid mismatch",
      "no valid local certificate found",
      "without matching key",
      "mode hash payload",
    ],
    test: /Event: EV_AUTH_FAIL\b|HASH mismatched|Received invalid (?:main|aggressive) mode hash payload|the peer's certificate is not verified|Invalid SIG\b|ID mismatched with (?:ASN1 SubjectName|subjectAltName)|ID type mismatched|no peer's CERT payload found|RSA key not found|failed to get private key|invalid ID payload|No ID match|login failed for user "|did not succeed Xauth exchange|Xauth performed with no login supplied|PPK required but|requires a valid PPK|no XAuth (?:authentication round|method) found|invalid XAUTH status|configuration payload missing in XAuth|do not allow non-mutual EAP-only|private key (?:of type \S+ )?(?:size )?not supported|\d+ bit \w+ private key size not supported|sent no acceptable signature hash algorithms|FIPS Error: connection PSK length of|XAUTH client mode not enabled|XAUTH: unable to open password file|expected HASH payload as first payload|failed to validate the certificate|No pskey found|Key ID in ID payload too big|Unknown identification type, Phase 1|No Group found by matching OU|Invalid certificate handle|Received unexpected Certificate payload|Cert filehandle failure|Cert validation failure|Certificate chain failed validation|(?:OCSP|CRL) status check failed\. Reason: Certificate is revoked|Failed user authentication|failed our user authentication attempt|User Authorization failed|received \d+ malformed payload notifies|too many (?:\(\d+\) )?malformed payloads|unexpected auth method \S+, was expecting|ikev2_msg_authverify failed|no compatible policy found|ike_auth_recv: policy mismatch|localid mismatch|no valid local certificate found|found cert with matching ID but without matching key/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  // IKEv2 negotiates no authentication method: each end authenticates as configured, so a peer
  // using another method (a pre-shared key where a certificate is expected) fails authentication.
  // (In IKEv1 the method is an attribute of the phase 1 proposal: a proposal mismatch below.)
  r({
    id: "auth.method-ikev2",
    keywords: ["received authentication method", "constraint requires"],
    // strongSwan's check of the peer's authentication against the config: "constraint requires
    // public key authentication, but pre-shared key was used".
    test: /IKEv2 .*received authentication method \S+, expecting|\bconstraint requires [\w -]+ authentication, but [\w -]+ was used\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  // ASA/FTD 'Failed to locate an item in the database': no tunnel group matches the peer's identity.
  r({
    id: "auth.identity-wording",
    keywords: [
      "failed to locate an item in the database",
      "no matching gateway",
      "peer id check failed",
      "peer id check: failed",
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
      "credentials are unacceptable",
      "find a valid tunnel group",
      "tunnel group search using certificate maps failed",
      "id validation failed",
      "can not start main mode",
      "wrong remote peer id",
      "wrong peer id",
      "received incorrect id payload",
      "received invalid phase 1",
      "id data length",
      "ignoring ike request, incorrect id",
    ],
    test: /Failed to locate an item in the database|wrong (?:remote )?peer ID\b|no matching gateway for new request|Peer ID check:? failed|profile could not be found by peer|IKEv2 profile not found|Peer mismatch on first found connection|we require (?:IKEv[12] )?peer to have ID '[^']*', but peer declares|unknow peer id|Parse PEERID failed|message lacks IDr payload|Expecting IP address type in main mode, ?but|matching policy not found|Matching gateway endpoint not found|Gateway endpoint with matching ID was not found|no suitable connection for peer|identity not found for (?:responder|peer)|can'?t find identity for peer|(?:IKE|Internet key exchange \(IKE\)) authentication credentials are unacceptable|can'?t find a valid tunnel group|tunnel group search using certificate maps failed|IKE[- ]?ID validation failed|Can not start Main mode|Received incorrect ID payload|Received invalid phase 1 (?:port value|protocol) .*in ID payload|Phase 1 ID Data length \d+ too long|ignoring IKE request, incorrect ID\b/i,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    // Libreswan 5: a certificate chain without the peer's own (end-entity) certificate, our AUTH
    // signature failing, an identity type phase 1 cannot use.
    id: "auth.libreswan-signature",
    keywords: ["no ee-cert in chain", "auth signature calculation failed", "unsupported identity type"],
    test: /\bno EE-cert in chain\b|\bAUTH signature calculation failed\b|\bUnsupported identity type \(\S+\) in Phase 1\b/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
  // racoon and RouterOS write OpenSSL's verification error with its number and the certificate's
  // depth: "certificate signature failure(7) at depth:0 cert:CN=..."; only an unavailable CRL
  // ("unable to get certificate CRL(3)") is a warning racoon lets pass.
  r({
    id: "auth.certificate",
    keywords: [
      "cert payload does not match",
      "does not match expected",
      "certificate",
      "public key found",
      "private key",
      "subjectaltname",
      "peer cert",
      "peer's cert",
      "constraint check",
      "suitable trustpoints",
      "known trusted ca",
      "not allowed but peer supports",
      "ppk=insist",
      "failed to get my cert",
      "public key known for",
      "path length of",
      "extension not supported",
      "requires cert policy",
      "issuer cacert not found",
      ") at depth:",
    ],
    test: /certificate .*(?:expired|invalid|revoked|not (?:yet )?valid|untrusted|does not match)|\bNo matching subjectAltName found\b|certificate does not contain subjectAltName\b|CERT payload does not match connection ID|\bcertificate .* failed IPsec verification|\bID_(?:DER_ASN1_DN|FQDN|USER_FQDN|IPV4_ADDR|IPV6_ADDR|KEY_ID) '[^']*' does not match expected\b|EXPIRED_CERTIFICATE|no (?:trusted )?(?:\S+ )?public key found|no issuer certificate found|No suitable trustpoints found|not issued by (?:a )?known trusted CA|no (?:[\w-]+ )?private key found for|unable to get local issuer certificate|received end entity certificate is not trusted|X\.509 certificate rejected|No CA certificate available|Failed to get ID information from certificate|path length of \d+ (?:violates constraint|exceeded)|maximum (?:ca )?path length of \d+ (?:levels )?exceeded|critical '[^']+' extension not supported|constraint requires cert policy|failed to get subjectAltName|failed to get my CERT|no (?:RSA|ECDSA) public key known for|unable to locate my private key|private key .*not found|Can't find the (?:certificate|private key)\b|subjectAltName\b.*\bdoes not match|no end entity certificate|constraint check(?:ing)? failed|certificate with nickname .* not found|certificate contains no subjectAltName extension to match|certificate (?:payload )?rejected for this connection|unmatched IKE ID in certificate|certificate does not contain ID_\w+|Peer's certificate (?:has expired|issuer is not recognized|has been revoked|has an invalid signature)|rejecting peer cert with key size|is not allowed but peer supports nothing else|ppk=insist but peer does not support PPK|(?:failed to|can(?:'|no)t|unable to|could not) verify (?:the )?peer(?:'s)? cert(?:ificate)?\b|Certificate received has (?:a subject name that does not match|a different \w+(?: \w+)? \S+ than expected)|Cannot find the CA certificate|Unsupported certificate (?:encoding type|keytype)|\bissuer cacert not found\b|failed to match the configured certificate map\b|\b[a-z][\w ]*(?<!\bCRL)\(\d+\) at depth:\d+/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.85,
  }),
  r({
    // The gateway cannot load its own (or the peer's) credentials: every program's wording, so
    // only in a tunnel log ("Failed to get certificate." in H3C's IKE debugging).
    id: "auth.credentials-missing",
    keywords: [
      "failed to get",
      "failed to find",
      "failed to load",
      "certificate doesn't exist",
      "failed to set p1 auth",
      "private key is needed",
      "no private key exists",
      "could not retrieve authentication attributes",
      "no preshared key or trustpoint",
      "querying key pair failed",
    ],
    needsTunnelContext: true,
    test: /failed to (?:get|find|load) (?:the )?(?:local |peer |my |our )?(?:certificate|(?:RSA |ECDSA )?private key|(?:RSA|ECDSA) key|keychain)\b|certificate doesn't exist|Failed to set P1 auth\b|RSA private key is needed to sign packets|No private key exists to sign packets|Could not retrieve authentication attributes for peer|No preshared key or trustpoint configured\b|Querying key pair failed/,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.7,
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
    test: /IKMP_MODE_FAILURE: Processing of (?:Main|Aggressive) mode failed/,
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
      "mismatched on first found connection",
      "no certificate authority in nss",
      "ppk confirmation",
      "eap is not allowed",
      "receipt of unknown tunnel group",
      "self-authentication method",
      "ike_quickmode_bad_cert",
      "fail_reason:peer authentication failure",
      "signature validation failed",
      "rejecting certificate without",
      "authorization hook forbids",
      "authorization forbids",
      "idr payload missing",
      "no common hash algorithm found to create signature",
      "ppk required",
      "ppk_id",
      "peer requested eap",
      "eap-only authentication",
      "eap method",
      "with eap msk failed",
      "failed xauth authentication",
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
      "received peer certificate",
      "requested certificate",
      "certificate validation failed",
      "suitable trustpoint",
      "gw validation failed",
      "cert group matching failed",
      "failed for user",
      "due to eap failure",
    ],
    test: /Computed authentication value for peer differs|Peer ID '[^']*' mismatched on first found connection|no Certificate Authority in NSS Certificate DB|failed to receive PPK confirmation|but EAP is not allowed|receipt of unknown tunnel group|Unable to determine self-authentication method|IKE_QUICKMODE_BAD_CERT|fail_reason:Peer Authentication Failure|signature validation failed|rejecting certificate without|authorization (?:hook )?forbids IKE_SA|\bIDr payload missing\b|no common hash algorithm found to create signature|PPK required but no PPK found|received PPK_ID '[^']*', but require|peer requested EAP, config unacceptable|configured EAP-only authentication, but peer does not support it|EAP method \S+ failed|verification of AUTH payload with EAP MSK failed|failed XAuth authentication|Verification of peer's authentication data FAILED|authentication method configured is mismatching|Verify cert failed|Unsupported cert encoding|Can't find tunnel group for peer|unable to set self auth method|Hash verification failed|failed to send valid machine certificate|config ID mismatch|No Group found matching .* for Pre-shared key|BASE GROUP default preshared key not configured|Client IKE Auth mode differs from the group's configured Auth mode|Remote peer has failed user authentication|no trust-point defined in tunnel-group|with unknown tunnel group name|No pre-shared key or trustpoint configured for self|No remote authentication method configured for peer|Unable to find tunnel group for peer|Failed to retrieve identity certificate|No identity cert specified|Unable to process the received peer certificate|Unable to find the requested certificate|certificate validation failed|Failed to find a suitable trustpoint|: gw validation failed|cert group matching failed|(?:XAUTH|EAP) failed for user|expiring due to EAP failure/,
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
      "incorrect preshared key",
      "bad shared secret",
      "failed verification",
      "xauth: user",
      "xauth: failure user",
      "pam: authentication of user",
      "authorization_error:",
      "peer_identity_mismatch:",
    ],
    test: /certificate verification failed|peer identity '[^']*' not whitelisted|XAUTH status: FAIL|IKMP_AUTH_FAIL|IKMP_SA_NOT_AUTH|incorrect pre-?shared key|bad shared secret|Certificate .* failed verification|XAUTH: User .*: Authentication Failed|XAUTH: failure user|PAM: authentication of user '[^']*' (?:FAILED|ABORTED)|^(?:AUTHORIZATION_ERROR|PEER_IDENTITY_MISMATCH): /,
    code: "IKE_AUTH_FAILURE",
    phase: "1",
    confidence: 0.8,
  }),
];

const PROPOSALS: Rule[] = [
  r({
    // Debug output that names NO_PROPOSAL_CHOSEN by its event or notify number (14): Cisco
    // IKEv2's state machine event while verifying or waiting for IKE_AUTH is the child SA's
    // (phase 2), elsewhere the IKE SA's; FortiGate names the phase of the notify it sent.
    id: "proposal.child-no-proposal-event",
    keywords: ["ev_no_prop_chosen", "(p2_notify_14)"],
    test: /CurState: \w*AUTH\w* Event: EV_NO_PROP_CHOSEN\b|\bsent IKE msg \(p2_notify_14\)/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.8,
  }),
  r({
    id: "proposal.ike-no-proposal-event",
    keywords: ["ev_no_prop_chosen", "(p1_notify_14)"],
    test: /Event: EV_NO_PROP_CHOSEN\b|\bsent IKE msg \(p1_notify_14\)/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    // strongSwan: the peer asked for a key exchange (PFS) group none of our child proposals has,
    // or sent a KE payload of another group than the child proposal's (CREATE_CHILD_SA's wording;
    // IKE_SA_INIT's names the "negotiated" group), or asked again after one retry.
    id: "proposal.child-ke-method",
    keywords: ["not contained in any of our proposals", "in received payload doesn't match", "already retried with"],
    test: /requested key exchange method \S+ not contained in any of our proposals|(?:DH group|key exchange method) \S+ in received payload doesn't match \S+|already retried with (?:DH group|key exchange method) \S+, ignore requested\b/,
    code: "PROPOSAL",
    defaultPhase: "2",
    confidence: 0.8,
  }),
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
    test: /phase ?([12]) failure: Mismatched attribute|Mismatched attribute types for class/,
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.9,
  }),
  r({
    id: "proposal.pfs",
    keywords: [
      "pfs",
      "dh group mismatch",
      "dhgroupmismatch",
      "lacks ke payload",
      "does not have diffie_hellman_group",
      "expecting no dh",
      "but remote's accepted proposal includes",
      "instead of expected group",
      "requires a group_description attribute",
    ],
    // A quick mode or child SA without a KE payload, or a peer proposal without a DH group (an
    // IKE SA proposal always has one): one side wants PFS, the other does not.
    test: /lacks KE payload|Peer proposal: DOES NOT HAVE DIFFIE_HELLMAN_GROUP|expecting (?:no DH|\w+) but remote's accepted proposal includes\b|require PFS but|not supported for PFS|PFS (?:group )?(?:mismatch|does not match)|pfs[^.]*(?:mismatch|not match)|DhGroupMismatch|proposal without PFS|PFS not enabled|PFS not allowed|for PFS is not (?:yet )?supported|Received DH group \d+ instead of expected group \d+ for PFS|KE payload requires a GROUP_DESCRIPTION attribute\b|\bPFS\b(?:[^.;]|\.(?=\w)){0,40}?\b(?:not (?:offered|proposed|configured|enabled)|expected (?:PFS )?group)\b/i,
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
    // FortiGate's IKE debug names the notify it sends in a quick mode's informational by number:
    // type 14 is NO_PROPOSAL_CHOSEN.
    id: "proposal.fortigate-notify-phase2",
    keywords: ["info_send_n2, type 14"],
    test: /\binfo_send_n2, type 14\b/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.8,
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
    test: /NO_PROPOSAL_CHOSEN|BAD_PROPOSAL_SYNTAX|NO-PROPOSAL-CHOSEN|N\(NO_PROP\)|no (?:SA )?proposal chosen/,
    code: "PROPOSAL",
    confidence: 0.9,
  }),
  // IKEv1 notifies that refuse what a proposal offers (RFC 2408 §3.14.1): its attributes, its
  // domain of interpretation, or the exchange (mode) itself.
  r({
    id: "proposal.notify-refused-offer",
    keywords: [
      "attributes_not_supported",
      "attributes-not-supported",
      "doi_not_supported",
      "doi-not-supported",
      "situation_not_supported",
      "situation-not-supported",
      "invalid_exchange_type",
      "invalid-exchange-type",
      "unsupported_exchange_type",
      "unsupported-exchange-type",
      "invalid exchange type",
      "unsupported exchange type",
      "n((29))",
      "(29) error notify",
    ],
    test: /ATTRIBUTES[_-]NOT[_-]SUPPORTED|(?:DOI|SITUATION)[_-]NOT[_-]SUPPORTED|(?:INVALID|UNSUPPORTED)[_ -]EXCHANGE[_ -]TYPE|INFORMATIONAL_V1 (?:request|response) \d+ \[ (?:\S+ )*N\(\(29\)\)|received \(29\) error notify/,
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.8,
  }),
  // A transform or protocol id is refused mostly in quick mode, where ESP and AH transforms are offered.
  r({
    id: "proposal.notify-refused-transform",
    keywords: ["invalid_transform_id", "invalid-transform-id", "invalid_protocol_id", "invalid-protocol-id"],
    test: /INVALID[_-](?:TRANSFORM|PROTOCOL)[_-]ID/,
    code: "PROPOSAL",
    defaultPhase: "2",
    confidence: 0.75,
  }),
  r({
    id: "proposal.no-match",
    keywords: [
      "ipdataoffer",
      "proposal",
      "no acceptable",
      "algorithmmismatch",
      "no common",
      "matching transform",
      "suitable transform",
      "unsupported ipsec polic",
      "unsupported ike polic",
      "incorrect ike parameter",
      "ike policies that aren't supported",
      "unsupported oakley group",
    ],
    // z/OS IKE names the attribute that differs ("... in local proposal 1 does not match ... in
    // remote proposal 1") or the protocol its phase 2 offer (IpDataOffer) requires.
    test: /\bin local proposal \S+ does not match .* in remote proposal\b|\bProtocol mismatch ?: IpDataOffer\b|no (?:suitable|acceptable|matching) (?:IKE |IPsec |ESP |transform )?proposal|proposals? (?:(?:is|are|was|were) )?(?:unacceptable|inacceptable|not acceptable)|received proposals (?:un|in)acceptable|no local proposal matches|not presented in the (?:IKE|IPsec|ESP) proposal|no acceptable (?:(?:Oakley|ESP|AH|IPsec|ISAKMP) )?transforms?\b|SA proposals? (?:found )?unacceptable|proposals? (?:do not|does not|don't|doesn't|did not) match|failed to match (?:the |any )?proposals?\b|SA proposal not match|proposal mismatch|no acceptable (?:ENCRYPTION_ALGORITHM|INTEGRITY_ALGORITHM|DIFFIE_HELLMAN_GROUP|KEY_EXCHANGE_METHOD|PSEUDO_RANDOM_FUNCTION|EXTENDED_SEQUENCE_NUMBERS)|suitable matching Proposal|no matching proposal|no (?:match proposal|proposal match)|proposal(?: [\w-]+){1,3} mismatch|(?:Encryption|Authentication)?AlgorithmMismatch|\b(?:IKE|IPsec|ESP|phase ?[12]|SA) proposals? (?:was |were |is |are )?rejected\b|\bno common (?:IKE |IPsec |ESP )?proposals?\b|\bno matching transforms?\b|\bunsupported (?:IPsec|IKE) polic(?:y|ies)\b|\bincorrect IKE parameters?\b|\bIKE policies that aren't supported\b|\bphase ?2 SA proposals? failed\b|\bFailed to get (?:IKE|IPsec) proposal\b|\bUnsupported Oakley group\b|\bremote accepted the invalid proposal\b/i,
    code: "PROPOSAL",
    confidence: 0.85,
  }),
  r({
    id: "proposal.no-match-wording",
    keywords: [
      "failed to find a matching policy",
      "could not find acceptable proposal",
      "failed to verify the proposed policies",
      "no proposal found",
      "failed to match",
      "atts are not acceptable",
      "atts not acceptable",
      "attrs are not acceptable",
      "attrs not acceptable",
      "transform proposal",
      "transforma proposal",
      "sa not acceptable",
      "proposal matched",
      "proposals matched",
      "peer likes no proposal",
      "failed to compute dh value",
      "oakley_authentication_method",
      "reason=received",
      "ike version did not match",
      "does not have",
      "dh group",
      "dh-group",
      "does not match",
      "is incompatible",
      "13868",
      "13825",
      "362c",
      "3601",
      "selection invalid",
      "is not acceptable",
      "accepted an unsupported algorithm",
      "invalid diffie-helmann group",
      "unsupported version number",
      "proposal does not support xauth",
      "dh key with bad length",
      "security attributes are unacceptable",
      "error_ipsec_ike_policy_match",
      "error_ipsec_ike_no_policy",
      "policy mismatch",
      "no offers accepted",
      "sa policy not acceptable",
      "algorithm mismatch",
      "dh mismatch",
      "group mismatch",
      "diffie-hellman mismatch",
      "policy match error",
      "no policy configured",
      "did not negotiate the following",
      "crypto suites",
      "no available proposal",
      "parent proposal selected",
      "rejected proposals from peer",
      "mode settings",
    ],
    test: /\bCould not find acceptable proposal\b|Failed to find a matching policy|Failed to verify the proposed policies|Remote Peer did not negotiate the following:|\bno proposal found|failed to match (?:IKE |IPsec )?proposal|offered does not match policy|(?:atts|attrs) (?:are )?not acceptable|\btransforma? proposal\b[^.]*?\bnot supported\b|\bphase 2 SA (?:policy )?not acceptable|none of (?:my |the )?proposals? matched|perhaps peer likes no proposal|failed to compute dh value|policy (?:does not allow|mandates) .*OAKLEY_AUTHENTICATION_METHOD|Reason=Received (?:'[^']*' exchange type|protocol '[^']*'\. Expecting|[^,.]+, expecting)|Received IKE version did not match|Peer proposal: DOES NOT HAVE|DH group (?:\S+ )?not supported|algorithm[^.]* (?:does not match|is incompatible)|DH[- ]group(?: parameter)?[^.]* does not match|The (?:IKE version|negotiation mode|proposal) does not match|peer'?s (?:proposal|key exchange method) selection invalid|suggested (?:KEM|KE|DH) \S+ is not acceptable|IKE responder accepted an unsupported algorithm|invalid Diffie-Hel+man+ group[_ ]descriptor|Detected unsupported version number|Xauth required but selected Proposal does not support xauth|Received DH key with bad length|IKE security attributes are unacceptable|\berror(?: ?code)?(?: ?[:=] ?| )(?:13868|13825|0x0{0,4}362c|0x0{0,4}3601)\b|\[ErrorCode\] (?:0x0{0,4}(?:362c|3601)|13868|13825)\b|ERROR_IPSEC_IKE_(?:POLICY_MATCH|NO_POLICY)\b|error code returned (?:on|after) failure is (?:13868|13825)\b|Notify Message - Policy Mismatch|\bPolicy match error\b|\bFailure Reason:\s*No policy configured\b|None of the proposed (?:IKE|IPsec) crypto suites (?:was|were) acceptable|no offers accepted|\bSA policy not acceptable|key length does not match policy|\b(?:encryption|hash|integrity|authentication|PRF) algorithm mismatch(?:ed)?\b|\b(?:DH|Diffie-Hellman)(?: group)? mismatch(?:ed)?\b|\b(?:IKE|IPsec|IPsec\/IKE|IKE\/IPsec|crypto) policy mismatch\b|\bNo available proposal\b|\bNo PARENT proposal selected\b|Rejected proposals from peer|\brejected (?:Quick|Main) Mode settings\b/i,
    code: "PROPOSAL",
    confidence: 0.85,
  }),
  r({
    // The SSH IPsec toolkit (Junos kmd) refusing what the other end selected, or a quick mode
    // that needs a PFS group none is configured for.
    id: "proposal.ssh-ike",
    keywords: ["another end selected", "other end selected locally unsupported", "connect flags require pfs"],
    test: /\bAnother end selected (?:authentication method|proposal), that (?:is not supported|contains unsupported)|\bOther end selected locally unsupported\b|\bNo group defined, and the connect flags require PFS\b/,
    code: "PROPOSAL",
    confidence: 0.75,
  }),
  // A phase 1 proposal attribute refused by name: racoon (pfSense, MikroTik, Alibaba's IKEv1
  // daemon) compares each attribute and names it; Libreswan, strongSwan, OpenIKED and the ASA
  // name the DH group, algorithm or IKE version they could not accept; H3C's IKE fails to parse
  // the SA payload whose transforms it cannot accept.
  r({
    id: "proposal.racoon-phase1",
    keywords: [
      "rejected enctype",
      "rejected hashtype",
      "rejected dh_group",
      "rejected authmethod",
      "failed to get valid proposal",
      "invalid dh group",
      "unsupported dh group",
      "parse the ike sa payload",
      "invalied encryption algorithm",
      "invalied hash algorithm",
      "isn't supported",
      "configuration failure about dh group",
      "invalid major version",
      "proposals do not contain a valid dh",
      "proposed an unsupported algorithm",
      "oakley proposal refused",
      "missing mandatory attribute(s) oakley_",
      "dh group selection failed",
      "key exchange method",
      "unable to select dh group",
      "unsupported group in invalid_ke",
      "failed to negotiate ike sa",
      "did not find",
    ],
    test: /rejected (?:enctype|hashtype|dh_group|authmethod)|failed to get valid proposal|invalid DH group \d+|unsupported DH group\b|Failed to parse the IKE SA payload|invalied (?:encryption|hash) algorithm=|auth method .* isn't supported|configuration failure about DH group|invalid major version \d|proposals do not contain a valid DH|IKE initiator proposed an unsupported algorithm|OAKLEY proposal refused|missing mandatory attribute\(s\) OAKLEY_|DH group selection failed|(?:configured|requested|negotiated) key exchange method \S+ not supported|unable to select DH group|unsupported group in INVALID_KE|\w+: failed to negotiate IKE SA|did not find \w+ transform/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    // A key exchange group other than the one expected: in IKE_SA_INIT or main mode the IKE SA's
    // DH group, for a child SA its PFS group.
    id: "proposal.ke-group",
    // strongSwan: a KE payload of another group than negotiated ("DH group" before 6.0, "key
    // exchange method" since), or multiple key exchanges proposed without IKE_INTERMEDIATE.
    keywords: [
      "received ke type",
      "invalid key exchange payload",
      "tried all configured dh groups",
      "in received payload",
      "while proposing multiple key exchanges",
    ],
    test: /received KE type \d+, ?expected \d+|failed with error: Invalid key exchange payload|tried all configured DH groups|(?:DH group|key exchange method) in received payload \S+ doesn't match negotiated\b|didn't send INTERMEDIATE_EXCHANGE_SUPPORTED while proposing multiple key exchanges/,
    code: "PROPOSAL",
    defaultPhase: "1",
    confidence: 0.75,
  }),
  r({
    // Libreswan/Openswan: a KE payload whose size is not the agreed group's. The IKE SA's own
    // group is agreed with its KE (IKEv2 answers another group with INVALID_KE_PAYLOAD), so a
    // wrong-sized or empty KE is most often a quick mode's or CREATE_CHILD_SA's PFS exchange.
    id: "proposal.pluto-ke-size",
    keywords: ["byte dh public value"],
    test: /\bKE has \d+ byte DH public value; \d+ required\b/,
    code: "PROPOSAL",
    defaultPhase: "2",
    confidence: 0.7,
  }),
  // The same for phase 2 (the ESP/AH transform, PFS, key length, SPI size), in racoon's,
  // Libreswan's and strongSwan's wording, and an algorithm the kernel cannot install.
  r({
    id: "proposal.racoon-phase2",
    keywords: [
      "trns_id mismatched",
      "proto_id mismatched",
      "encmode mismatched",
      "authtype mismatched",
      "spisize mismatched",
      "pfs is specified",
      "low key length proposed",
      "key length mismatched",
      "proposal mismathed",
      "no suitable transform found",
      "no suitable policy found",
      "transform-id=",
      "isn't supported",
      "invalid encryption mode=",
      "attr auth must be present",
      "proposal check failed",
      "ah ipsec transform refused",
      "esp integrity algorithm",
      "esp encryption algorithm",
      "did not specify required key_length",
      "group_description inconsistent",
      "compression proposed by",
      "must specify encapsulation_mode",
      "missing ke payload in quick mode",
      "a proposal we don't actually support",
      "not supported by kernel",
      "unsupported esp ",
      "unsupported ah ",
      "unsupported ipsec attribute",
    ],
    test: /(?:trns_id|proto_id|encmode|authtype|spisize) mismatched|(?:no )?PFS is specified, but peer (?:doesn't )?sends? KE|low key length proposed|key length mismatched|proposal mismathed|no suitable (?:transform|policy) found|(?:invalid|not support) transform-id=\d+ (?:in (?:ESP|AH|IPCOMP)|for ipsec proto)|auth algorithm \d+ isn't supported|invalid encryption mode=|attr AUTH must be present for ESP NULL|proposal check failed|unsupported ESP Transform|AH IPsec Transform refused|ESP (?:integrity|encryption) algorithm \S+ (?:not supported|is not implemented or allowed)|IPsec encryption transform (?:\S+ )?did not specify required KEY_LENGTH|GROUP_DESCRIPTION inconsistent with that of the Proposal|compression proposed by \S+, but policy for .* forbids it|IPsec Transform must specify ENCAPSULATION_MODE|missing KE payload in Quick Mode|responder proposed\/accepted a proposal we don't actually support|algorithm \S+ not supported by kernel|Unsupported (?:ESP|AH) (?:transform|authentication algorithm|encryption algorithm)\b|Unsupported IPsec attribute\b/,
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
      "mode requested by",
      "unsupported ipsec",
      "have a proposal specified",
      "have a transform set specified",
      "fail_reason:ipsec proposal failure",
      "unexpected ipcomp request",
    ],
    test: /policy dictates \w+ Mode, but peer requested|(?:transport|tunnel) mode (?:mismatch|not (?:allowed|acceptable|supported))|encapsulation mode (?:mismatch|does not match)|the security protocol does not match|the commit bit does not match|(?:TRANSPORT|TUNNEL|BEET) mode requested by \w+ is unacceptable|unsupported IPsec (?:encryption|integrity) algorithm|Doesn't have a (?:proposal|transform set) specified|fail_reason:IPSec Proposal failure|local policy requires \w+ Mode but peer requires (?:required )?\w+ Mode|Unexpected IPCOMP request/,
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
      "authentication using aggressive mode",
      "exchange mode mismatch",
      "cannot use a preshared key because",
    ],
    // One side in main mode (identity protection), the other in aggressive mode, or IKE versions.
    test: /not acceptable (?:Aggressive|Identity Protection|Main) mode|Aggressive Mode PSK disabled|IKMP_AG_MODE_DISABLED|initial Aggressive Mode message from .* but no (?:\(wildcard\) )?connection has been configured|unknown ikev2 peer|none allows [\w-]+(?: key)? authentication using Aggressive Mode|exchange [\w ]+ not allowed in any applicable rmconf|no suitable connection found with IKEv[12] policy|exchange mode mismatch|Cannot use a preshared key because the peer's gateway has a dynamic IP address and negotiations are in Main mode/,
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
      "ikev1 not",
      "ikev2 not",
      "ikev2 is not",
      "ike version or negotiation mode",
      "invalid_major_version",
      "packet as global policy",
      "unsupported exchange type",
      "invalid major version",
      "no ikev1 configuration",
      "no ikev2 configuration",
      "invalid version major",
      "n(inval_major)",
    ],
    // racoon2 (Alibaba's daemon): "ikev2 not acceptable by configuration", "received IKEv1 request
    // but no IKEv1 configuration for peer ..."; isakmpd (IKEv1 only) sent IKEv2: "invalid version major 2".
    test: /IKE version mismatch|INVALID_MAJOR_VERSION|IKE version or negotiation mode does not match|negotiation fails\..*version mismatch|IKEv[12] (?:is )?not (?:allowed|supported|enabled|acceptable|authorized)|\bno IKEv[12] configuration\b|(?:ignoring|rejecting) IKEv[12] packet as global policy|Unsupported exchange type\b|Invalid major version\b|\binvalid version major [2-9]\b|\bN\(INVAL_MAJOR\)/,
    code: "IKE_PROPOSAL_MISMATCH",
    phase: "1",
    confidence: 0.75,
  }),
  // ASA: the peer proposed an IPsec protocol the ASA does not run (AH, or an unknown one).
  r({
    id: "proposal.asa-protocol",
    keywords: ["ah proposal not supported", "not adding sa w/spi"],
    test: /AH proposal not supported|Unknown protocol \(?\w+\)?\. Not adding SA w\/spi/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.7,
  }),
  r({
    // Cisco ASA IKEv2: a child SA may not be stronger than the IKE SA that protects it.
    id: "proposal.asa-child-stronger",
    keywords: ["not strong enough to secure proposed ipsec"],
    // 750011 rejects the tunnel; 750012, the same words without "Tunnel Rejected", only warns.
    test: /Tunnel Rejected: Selected IKEv2 encryption algorithm .* is not strong enough to secure proposed IPSEC encryption algorithm/,
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
    // Libreswan/Openswan: an Oakley (phase 1) attribute ("OAKLEY_GROUP 20 not supported", "Pluto
    // does not support OAKLEY_ECDSA_P384 authentication", "only OAKLEY_GROUP_MODP1024 and
    // OAKLEY_GROUP_MODP1536 supported"), or a whole Oakley or IPsec transform, that it does not accept: "Oakley Transform [AES_CBC (256), HMAC_MD5, MODP1024] refused", "ESP
    // IPsec Transform [ESP_3DES (192), AUTH_ALGORITHM_HMAC_MD5] refused". The peer's offer may
    // hold another transform that is accepted; the line still says this one does not match.
    id: "proposal.libreswan-refused",
    keywords: ["attribute oakley_", "transform refused", "] refused"],
    test: /(?:supported|does not support \S+ authentication)\.\s+Attribute OAKLEY_\w+|(?:Oakley|IPsec|IPSec) Transform (?:\[[^\]]*\] )?refused/,
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
    test: /failed to establish CHILD_SA|rejected Child SA(?! with (?:FAILED_CP_REQUIRED|INTERNAL_ADDRESS_FAILURE))|CHILD SA failed|CHILD_SA negotiation failed|(?<!(?:INTERNAL_ADDRESS_FAILURE notify|NO_ADDITIONAL_SAS notify|payload negotiation failed), )no CHILD_SA built|CREATE_CHILD_SA (?:request )?failed/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.5,
  }),
];

const REKEY: Rule[] = [
  r({
    // Libreswan: a rekey or replace exchange of an established SA that got no (acceptable)
    // answer before its timeout, or whose state expired waiting ("Possible message id deadlock?"),
    // or that was deleted before it completed: "deleting state (STATE_V2_REKEY_CHILD_I1)",
    // Openswan's "deleting state #3 (STATE_CHILD_C1_REKEY)".
    id: "rekey.libreswan-unanswered",
    keywords: ["state_v2_rekey_", "state_child_c1_rekey"],
    test: /STATE_V2_REKEY_(?:CHILD|IKE)_I\d?: (?:\d+ second timeout exceeded|max number of retransmissions)|expiring STATE_V2_REKEY_(?:CHILD|IKE)_\w+ state\b|deleting state (?:#\d+ )?\(STATE_(?:V2_REKEY_(?:CHILD|IKE)_I\d?|CHILD_C1_REKEY)\)/,
    code: "REKEY_FAILURE",
    confidence: 0.75,
  }),
  r({
    // IKEv2 creates the first child SA inside IKE_AUTH: a CREATE_CHILD_SA exchange that fails is
    // a rekey (or an added child) refused for a cause other than proposals or selectors
    // (INVALID_SYNTAX, TEMPORARY_FAILURE, CHILD_SA_NOT_FOUND...). Libreswan drops the answer that
    // carries the notify instead of an SA: "dropping unexpected ISAKMP_v2_CREATE_CHILD_SA message
    // containing v2N_INVALID_SYNTAX notification".
    id: "rekey.create-child-refused",
    keywords: ["create_child_sa failed with error notification", "isakmp_v2_create_child_sa message containing v2n_"],
    test: /(?:CREATE_CHILD_SA failed with error notification |\bISAKMP_v2_CREATE_CHILD_SA message containing v2N_)(?!NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE|INVALID_KE_PAYLOAD|AUTHENTICATION_FAILED|SINGLE_PAIR_REQUIRED)\w+/,
    code: "REKEY_FAILURE",
    phase: "2",
    confidence: 0.7,
  }),
  r({
    // The peer's SA lifetime differs from the configured one (strongSwan's IKEv1 main and quick
    // mode): the lifetime mismatch faults.md counts among rekey problems, as Alibaba's
    // "The Lifetime parameter does not match" is.
    id: "rekey.lifetime-mismatch",
    keywords: ["configured lifetime", "lifetime, configured"],
    test: /received (?:lifetime \d+s does not match configured lifetime|\d+s lifetime, configured) \d+s/,
    code: "REKEY_FAILURE",
    confidence: 0.6,
  }),
  r({
    // strongSwan's kernel interface: an SA with a real SPI reached its hard lifetime without a
    // replacement (a soft expiry creates a rekey job instead; an SPI of zero is an acquire's
    // larval SA).
    id: "rekey.hard-expired",
    keywords: ["creating delete job for child_sa"],
    test: /creating delete job for CHILD_SA (?:ESP|AH)\/0x(?!0{8}\/)[0-9a-f]{8}\//,
    code: "REKEY_FAILURE",
    phase: "2",
    confidence: 0.7,
  }),
  r({
    id: "rekey.failed",
    keywords: [
      "no viable to parent",
      "no viable parent",
      "rekey",
      "reauthenticat",
      "hard expire",
      "install replacement",
      "child_sa_not_found",
      "re-authentication failed",
      "creating child_sa failed, trying again",
      "for unestablished ike_sa",
      "due to phase1 expired",
      "no suitable isakmp-sa",
      "pf_key expire message",
      "re-negotication",
      "failed to obtain state for message id",
      "sa_free: tmpfail",
      "sa_free: failed to send create_child_sa",
      "doesn't exist",
      "wasn't found",
      "doesn't have a parent sa",
      "peer busy, retrying",
      "corresponding child_sa",
      "failed to initiate a create_child_sa",
      "invalid_ike_spi",
      "deleted during",
    ],
    // Junos kmd: "IPSec Rekey for SPI 0x1a2b3c4d failed".
    test: /\bIPsec Rekey for SPI \S+ failed\b|Failed to obtain state for message Id|\bno viable (?:to )?parent to initiate CREATE_CHILD_EXCHANGE\b|\bfailed (?:starting|processing|to start) (?:\w+ )?rekey(?:ing)?\b|\bunexpected rekey request\b|\bcan't start rekey(?:ing)?\b|\bfailed (?:to send REKEY|parsing SA payload for (?:IKE_SA|CHILD_SA) REKEY)\b|\bcan't find corresponding child_sa\b|\bunsupported rekey_proto\b|\brekey\w*\(\): packet lacks expected payload\b|re-?authentication failed, trying to reestablish|delete during reauthentication failed|creating CHILD_SA failed, trying again|unable to create CHILD_SA while rekeying|request for unestablished IKE_SA, (?:rejected|ignored)|phase2 negotiation failed due to phase1 expired|there is no suitable ISAKMP-SA|PF_KEY EXPIRE message received from kernel for SA being negotiated|failed to begin ipsec sa re-negotication|CHILD SA expired \(--dontrekey\)|IPsec SA rekey (?:invalid Protocol ID|contains zero SPI)|sa_free: (?:rekey timeout|tmpfail|failed to send CREATE_CHILD_SA)|CHILD SA (?:\S+ )?(?:doesn't exist|wasn't found)|doesn't have a parent SA|peer busy, retrying|failed to initiate a CREATE_CHILD_SA exchange|INVALID_IKE_SPI|rekey(?:ing)?(?: of \S+)? (?:failed|failure|was not successful)|rekeying (?:IKE_SA|CHILD_SA) failed|reauthenticating IKE_SA failed|unable to reauthenticate(?! in \w+ state, delaying)|did not reauthenticate as requested|peer initiated rekeying, but a child is half-open|we tried to rekey|no longer viable for rekey|rekey of (?:IKE|Child) SA abandoned|no such IPsec SA to rekey|CHILD_SA_NOT_FOUND|after failing to install replacement|recreate after hard expire|rekey fail\b|Simultaneous rekeys were detected|to rekey #\d+ vanished|unable to rekey|failed to rekey|rekey(?:ing)? .*(?:TEMPORARY_FAILURE|timed out)|CHILD_SA rekeying failed|IKE_SA rekeying failed|(?:encountered fatal error in state|state transition function for) STATE_V2_REKEY_\w+|negotiation is failed as (?:initiator|responder), rekey\. .*due to (?:negotiation )?timeout|NEGOTIATION FAILED AS (?:INITIATOR|RESPONDER), rekey\b|\brekey(?:ing)? (?:timeout|timed out)\b|\bdeleted during (?:IKE |IPsec )?re-?key\b|\b(?:IPsec|IKE|CHILD|ISAKMP|phase ?[12])[ _-]?SA rekey(?:ing)?\b(?:[^.;]|\.(?=\w)){0,60}?\bfailed\b|\brekey(?:ing)? of (?:the )?(?:phase ?[12]|IKE|IPsec|CHILD|child|ISAKMP)[ _]SA\b(?:[^.;]|\.(?=\w)){0,30}?\bfailed\b/i,
    code: "REKEY_FAILURE",
    confidence: 0.9,
  }),
  r({
    // The IKE SA's periodic re-authentication did not complete (Huawei's teardown reason); the
    // words are also 802.1X's, so they decide only in a tunnel log.
    id: "rekey.reauth-timeout",
    keywords: ["re-auth", "reauth"],
    test: /\bre-?auth(?:entication)? (?:timeout|timed out)\b/i,
    code: "REKEY_FAILURE",
    phase: "1",
    needsTunnelContext: true,
    confidence: 0.7,
  }),
  // Packets or notifies for an SPI the peer no longer has: the two sides' SAs went out of step,
  // typically when a rekey did not complete on both ends.
  r({
    id: "rekey.invalid-spi",
    keywords: [
      "invalid_spi",
      "invalid-spi",
      "invalid spi",
      "inv_spi",
      "find sa for proto",
      "find child sa by",
      "cannot find phase 2 sa",
      "cannot find ipsec sa",
      "bad spi",
      "unknown spi",
      "illegal ipsec spi",
      "unknown ipsec spi",
      "could not get sas from packet",
    ],
    // A request or packet for an SA the receiver no longer has: the two ends' SAs are out of step.
    test: /INVALID[_-]SPI|invalid SPI(?! length| size)|a packet with a bad SPI|ESP packet with unknown SPI|^ike \S+: unknown SPI \w+ \d |invalid spi\b(?! length| size)|RECVD_PKT_INV_SPI|can'?t find sa for proto|(?:could not|cannot|can'?t) find child SA by (?:received )?SPI|received a bad SPI|(?:Illegal|Unknown) IPSec SPI|\bCould not get SAs from packet\b|Cannot find (?:Phase 2|IPSec) SA\b/,
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
    keywords: [
      "none message must be encrypted",
      "there is no isakmp-sa",
      "there is no valid isakmp-sa",
      "no phase-1 sa is found",
      "non-existent",
    ],
    test: /none message must be encrypted|Quick Mode message is for a non-existent \(expired or deleted\?\) ISAKMP SA|can'?t start the quick mode, there is no (?:valid )?ISAKMP-SA|negotiation request received but no phase-1 SA is found/,
    code: "REKEY_FAILURE",
    defaultPhase: "1",
    confidence: 0.6,
  }),
  r({
    // racoon (Alibaba's table: LifetimeMismatch): the peer proposes a longer lifetime than ours.
    // Lifetimes are not negotiated in IKEv2; a mismatch shows as rekeys out of step.
    id: "rekey.lifetime-proposed",
    keywords: ["lifetime"],
    test: /long lifetime proposed|lifetime(?: parameter)? does not match|lifetime mismatch/,
    code: "REKEY_FAILURE",
    confidence: 0.5,
  }),
  r({
    // racoon refuses a phase 2 proposal whose volume limit (lifebyte) its proposal_check does not
    // accept: an attribute of the IPsec proposal, not the time lifetimes that drive rekeys.
    id: "proposal.lifebyte",
    keywords: ["lifebyte"],
    test: /long lifebyte proposed|lifebyte mismatched/,
    code: "IPSEC_PROPOSAL_MISMATCH",
    phase: "2",
    confidence: 0.6,
  }),
  r({
    id: "rekey.expired",
    // Libreswan's EVENT_SA_EXPIRE firing, not an `ipsec status` row that schedules it ("EVENT_SA_EXPIRE in 28590s").
    keywords: [
      "closing expired",
      "hard lifetime",
      "expired without",
      "expired and was not",
      "expired and has not been",
      "sa expired",
      "(expired?) sa",
      "(expired?) isakmp sa",
      "event_sa_expire",
      "expired, not rekeying",
      "expired before",
      "hard expired",
      "hard expiry",
      "expired by ipsec driver",
      "whose lifetime has expired",
      "responder lifetime notify is below",
    ],
    test: /closing expired (?:CHILD|IKE)_SA|SA was expired by IPsec driver|received on an IPsec SA whose lifetime has expired|Responder Lifetime Notify is below|hard lifetime (?:expired|reached)|expired without (?:being )?(?:rekeyed|replaced|replacement)|expired and (?:was not|has not been) (?:renewed|rekeyed|replaced)\b|(?:IKE|ISAKMP) SA expired(?![^.]*\b(?:inactivity|idle)\b)|for an unknown \(expired\?\) SA|Quick Mode message is for a non-existent \(expired\?\) ISAKMP SA|(?:CHILD|IPsec) SA expired \((?:LATEST!|--dontrekey)\)|EVENT_SA_EXPIRE\b(?! in \d)|(?:CHILD_SA|IKE_SA) .* expired, not rekeying|expired before (?:finishing )?rekey(?:ing)?(?: (?:was )?completed?)?\b|retry timeout because phase-1 SA expired|IPsec SA \w+\/\w+ hard expired|phase ?[12] hard expiry/,
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
    // OpenIKED retransmitting an INFORMATIONAL request: only an established IKE SA sends one, and
    // iked's liveness check is one ("retransmit 3 INFORMATIONAL req 14 peer ...").
    id: "dpd.iked-informational-retransmit",
    keywords: ["informational req"],
    test: /\bretransmit \d+ INFORMATIONAL req \d+/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    id: "dpd.peer-dead",
    keywords: ["dead", "dpd", "r_u_there", "lost contact", "liveness", "lost service"],
    test: /declaring peer dead|peer (?:\S+ )?(?:is )?(?:declared )?dead\b(?! peer detection)|dead peer detected\b|dead peer detection detected dead peer|DPD(?: packets?| messages?)?[ -](?:timed out|timeout|failed|failure)|\bDPD: no (?:response|reply|answer)\b|Reason: DPD kill|dpd_failure|dead peer detect(?:ed|ion)(?: \S+)* (?:timed out|failed)|KMD_DPD|peer (?:is )?not responding to DPD|peer didn't respond to DPD|no (?:response|reply|ack) to (?:R_U_THERE|DPD)|R_U_THERE (?:timed out|unanswered)|lost contact with remote peer.*(?:DPD|keepalive)|liveness (?:action|check failed)|(?<!in )DPD action|DPD: (?:clearing|restarting|putting|terminating)|(?:peer|remote)(?: \([^)]*\))? seems to be dead|Reason: Lost Service|DPD .* is down|peer .* down .* DPD|presumed dead due to keep-alive|DPD: action - (?:clearing|restarting|holding|hold)\b|peer liveness - (?:restarting|clearing|putting|holding)\b|DPD request timeout\b/,
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
      "message has no hash payload",
      "dpd_peer_dead",
      "dpd failed",
      "ping-restart",
      "ping-exit",
      "retransmission timed out",
      "retransmissions timed out",
      "keepalive timed out",
      "heartbeats have been lost",
      "missed",
      "dpd_time",
      "dpd-time",
    ],
    // OpenVPN's --ping-restart/--ping-exit are its keepalive giving up on a silent peer (its
    // --inactive is the idle timer). racoon ignoring an informational exchange without a HASH
    // payload is Alibaba's DpdHashNotifyCompatibility: the peer's DPD messages (notify before hash)
    // are dropped, so DPD declares the peer dead.
    test: /determined by DPD|DPD down\b|liveness_check - peer .* has not responded|liveness: action|heartbeat timeout|DPD payload sequence is incompatible|ignore information because the message has no hash payload|IKE_GATEWAY_DPD_PEER_DEAD|DPD Failed\b|\bDPD(?: packets?| messages?| requests?)? retransmissions? timed out|\b(?:IKE|ISAKMP) keepalive timed out|Inactivity timeout \(--ping-(?:restart|exit)\)|\[soft,ping-(?:restart|exit)\]|Heartbeats have been lost \d+ times|\bmissed (?:\d+ )?(?:consecutive )?DPD\b|\b(?:event|reason|status|cause)="?dpd[_-]time[_-]?(?:d[_-]?)?out\b|\bDPD (?:replies|responses|acks?) (?:were )?missed\b/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.9,
  }),
  // Retransmissions on an SA that was already up are liveness (DPD) probes going unanswered, as are
  // WatchGuard's IKE keep-alives and DPD R_U_THEREs the peer does not acknowledge.
  r({
    id: "dpd.established-retransmit",
    keywords: [
      "established_ike_sa",
      "state_main_i4",
      "state_main_r3",
      "retransmitting liveness probe",
      "keep_alive_ack",
      "r_u_there_ack message",
    ],
    // Main mode is established in STATE_MAIN_I4 (initiator) and STATE_MAIN_R3 (responder).
    test: /(?:STATE_V2_)?ESTABLISHED_IKE_SA: (?:retransmission|\d+ second timeout exceeded|max number of retransmissions)|retransmitting liveness probe|did not send (?:KEEP_ALIVE_ACK|DPD R_U_THERE_ACK) message|STATE_MAIN_(?:I4|R3): .*(?:retransmission|timeout exceeded)/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    // Cisco IOS's DPD is its "peers alive" timer: the last attempt, or the error counter
    // exceeded, is DPD giving up; an earlier attempt is a probe going unanswered once.
    id: "dpd.ios-peers-alive",
    keywords: ["peers_alive_timer"],
    test: /errcounter exceeded \(PEERS_ALIVE_TIMER\)|attempt (\d+) of \1: PEERS_ALIVE_TIMER/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    id: "dpd.ios-peers-alive-attempt",
    keywords: ["peers_alive_timer"],
    test: /PEERS_ALIVE_TIMER/,
    code: "INFO",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    // PAN-OS tunnel monitoring: its probe through the tunnel (a ping to a host behind the peer)
    // failed and the tunnel is taken down. Not IKE's dead peer detection: the peer may still
    // answer IKE. A down without an IKE cause, as Junos's VPN monitor and Alibaba's health check.
    id: "down.panos-tunnel-monitor",
    keywords: ["tunnel monitoring failed"],
    test: /going down due to tunnel monitoring failed/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.75,
  }),
  r({
    // A DPD probe that went unanswered, sent again or counted as missed before the peer is
    // declared dead: H3C's "Retransmit DPD packet.", FortiClient's "DPD monitoring....dpd_fails=2"
    // (the unanswered R_U_THERE of faults.md, as pluto's retransmissions on an established IKE SA).
    id: "dpd.probe-unanswered",
    keywords: ["retransmit dpd", "dpd_fails="],
    test: /\bRetransmit DPD packet\b|\bdpd_fails=[1-9]/,
    code: "DPD_TIMEOUT",
    confidence: 0.6,
  }),
  r({
    // Dead peer detection named with what went wrong, in any order and wording: "DPD: peer ...
    // not responding", "No DPD ack received", "DPD max retries reached", "failed DPD", "IKE DPD:
    // peer ... is down"; Azure's "IKE Tunnel Closed: Peer stopped responding" (an established
    // tunnel's peer falling silent).
    id: "dpd.failure-wording",
    keywords: [
      "dpd",
      "dead peer detection",
      "r-u-there",
      "r_u_there",
      "liveness",
      "keepalive",
      "keep-alive",
      "peer stopped responding",
    ],
    test: /\b(?:DPD|dead peer detection|R-U-THERE(?:-ACK)?|R_U_THERE(?:_ACK)?)\b(?:[^.;]|\.(?=\w)){0,60}?\b(?:not responding|no (?:ack|reply|response)|not (?:received|answered|acknowledged)|max(?:imum)? (?:retries|retransmissions|retransmit failures)|retr(?:y|ies|ansmissions?)(?: count)? (?:exceeded|reached)|unreachable|timed out|timeout)\b|\bno (?:DPD|R-U-THERE) (?:ack|reply|response)\b|\bfailed DPD\b|\bDPD detected (?:the )?peer (?:as )?(?:down|dead)\b|\btunnel closed\b(?:[^.;]|\.(?=\w)){0,20}?\bpeer stopped responding\b|\bDPD\b(?:[^.;]|\.(?=\w)){0,40}?\bpeer\b(?:[^.;]|\.(?=\w)){0,40}?\bis (?:now )?down\b|\b(?:due to|because of|after) (?:DPD|dead peer detection) (?:failures?|timeouts?)\b|\bno (?:response|reply|answer) to (?:DPD|dead peer detection|R-U-THERE)\b|\b(?:no (?:response|reply|answer|ack)|did not (?:respond|answer|reply|acknowledge)|not responding)\b(?:[^.;]|\.(?=\w)){0,40}?\b(?:to|for) (?:the |our |its )?(?:DPD|dead peer detection|R-U-THERE|R_U_THERE|liveness|(?:IKE |ISAKMP )?keep-?alive)/,
    code: "DPD_TIMEOUT",
    phase: "1",
    confidence: 0.75,
  }),
];

const IDLE: Rule[] = [
  r({
    id: "idle.timeout",
    keywords: ["idle", "inactivity", "no traffic", "inactive"],
    // Not a firewall's flow record ("RT_FLOW_SESSION_CLOSE: session closed idle Timeout"), nor an
    // idle timer started again because traffic flowed (racoon's "restart idle-timeout because
    // peer sent data").
    test: /(?<!session closed |restart(?:ed|ing)? |reset(?:ting)? )idle[ _-]?time[ _-]?out|idle time(?:r)? expired|idle time out|due to idle time\b|Reason: Idle Timeout|due to inactivity|after \d+\s*s(?:econds)? of (?:CHILD_SA )?inactivity|inactivity timeout|inactivity timer expired|no traffic (?:for|since)|closing (?:CHILD_SA|IKE_SA) .* (?:inactive|inactivity)|SIG\w+\[soft,inactive\]|has been idle for more than \d+|not replacing stale (?:IPsec|ISAKMP|IKE|Child) SA: inactive for \d+s/,
    code: "IDLE_TIMEOUT",
    confidence: 0.85,
  }),
];

const UNREACHABLE: Rule[] = [
  r({
    // Only pluto writes this: an ICMP error came back for an IKE packet it sent.
    id: "unreachable.pluto-network-error",
    keywords: ["asynchronous network error report"],
    test: /asynchronous network error report/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.7,
  }),
  r({
    // Cisco IKEv2 state machine: retransmissions exhausted, or the peer never sent IKE_AUTH.
    id: "unreachable.ios-ikev2-event",
    keywords: ["ev_re_xmt_exceed", "ev_wait4_auth_tmo"],
    test: /Event: EV_(?:RE_XMT_EXCEED|WAIT4_AUTH_TMO)\b/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.8,
  }),
  r({
    id: "unreachable.icmp",
    keywords: [
      "no route to host",
      "host unreachable",
      "network is unreachable",
      "error: sendto (",
      "sendfromto failed",
      "error writing to socket",
      "): host is down",
      "failed to send ike packet",
      "econnrefused",
      "connection refused",
      "no local source address",
      "resolved dynamic peer ip address",
      'resolution of "',
    ],
    // The IKE packets cannot even leave: no route, or the socket refuses them.
    test: /no route to host|host unreachable|network is unreachable|ERROR: sendto \(|sendfromto failed|error writing to socket|\bsendmsg \([^)]*\): Host is down|Failed to send IKE Packet|rejected with ECONNREFUSED|failed to receive isakmp packet: Connection refused|connecting to \S+:(?:500|4500): Connection refused|no local source address to reach remote|without resolved dynamic peer IP address|resolution of "[^"]+" failed/,
    needsTunnelContext: true,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.7,
  }),
  // pluto's status row (ipsec status, ipsec auto --status) of a connection whose first message is
  // still unanswered, its retransmission pending: "STATE_MAIN_I1 (sent MI1, expecting MR1);
  // EVENT_RETRANSMIT in 8s". The log line of the same state ("STATE_MAIN_I1: sent MI1, expecting
  // MR1") is only progress.
  r({
    id: "unreachable.pluto-status-first-message",
    keywords: ["expecting mr1", "expecting ar1", "expected v2r1", "(sent ike_sa_init request)"],
    test: /STATE_(?:MAIN|AGGR|PARENT|V2_PARENT)_I1 \(sent (?:[MA]I1, expecting [MA]R1|v2I1, expected v2R1|IKE_SA_INIT request)\); (?:EVENT_)?(?:v[12]_)?RETRANSMIT\b/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.6,
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
      "no reply from",
      "no answer from",
      "unreachable",
      "request timed out",
      "retransmission limit",
      "unable to reach",
      "unable to contact",
      "retransmission count exceeded",
      "half open ike_sa",
      "deleting incomplete state after",
      "deleting state (state_",
      "(sent ike_sa_init request)",
      "deleting isakmp sa (",
      "sa (parent_i1)",
      "sa (ike_sa_init_i)",
      "fsm error history",
      "path probings",
      "no route found to reach",
      "unable to resolve",
      "cannot resolve",
      "to peer was not found",
      "max transmit reached",
      "auth msg before the timer expired",
      "no response for",
      "maximum number of retransmissions reached",
      "death by retransmission",
      "dns lookup for",
      "not received in expected time",
      "not received in the expected time",
      "ike message retransmission",
      "before it could be established",
      "took too long",
      "sendto on",
      "no address found to reach",
      "peer is not responding",
      "failed, no route",
      "reviving connection which timeout",
      "reached the maximum",
      "ike_peer_reach_max_retrans",
      "remote server is not responding",
      "no response received from",
      "did not respond",
      "did not answer",
      "did not reply",
      "did not receive a",
      "did not get a",
      "did not receive response",
      "did not receive reply",
      "did not get response",
      "did not get reply",
      "unresponsive peer",
    ],
    test: /failed due to unresponsive peer\b|giving up after \d+ retransmits|the VPN server could not be established because the remote server is not responding|\bno response received from (?:the )?(?:peer|remote (?:peer|gateway|end))\b|retransmission count exceeded|peer not responding|establishing IKE_SA failed|no response (?:\(or no acceptable response\) )?to our first|timeout exceeded after \d+ retransmits|Timeout: deleting un-established|peer no response|no (?:response|reply|answer) from (?:the )?(?:peer|remote (?:gateway|peer|end|side|host)|(?:customer |VPN )?gateway|CGW|responder)\b|\b(?:peer|remote (?:gateway|peer|end|side|host)|(?:customer |VPN )?gateway|CGW|responder) (?:\S+ )?did not (?:respond|answer|reply)\b|did not (?:receive|get) (?:a |any )?(?:response|reply|answer) from (?:the )?(?:peer|remote (?:gateway|peer|end|side|host)|(?:customer |VPN )?gateway|CGW|responder)\b|(?:peer|remote (?:gateway|peer)) \S+ (?:is )?unreachable\b|(?:IKE_SA_INIT|IKE_AUTH|ISAKMP|IKE|main mode|aggressive mode) request timed out|retransmission limit (?:has been )?(?:reached|exceeded)|no response for \S+ request|maximum number of retransmissions reached|Death by retransmission P[12]|DNS lookup for (?:Primary|Secondary|Backup) VPN Server \S+ failed|not received in (?:the )?expected time|unable to (?:reach|contact) (?:the )?peer|Reason=Message retry timeout|deleting half open IKE_SA\b.{0,80}? after timeout|giving up after \d+ path probings|Output interface \d+ to peer was not found|no route found to reach|unable to resolve \S+, (?:initiate aborted|retrying)|cannot resolve (?:the )?(?:secure |remote |peer |VPN )?gateway\b|deleting incomplete state after \d+ seconds|deleting state \(STATE_(?:(?:V2_)?PARENT|MAIN|AGGR)_[IR]1\) aged|deleting IKE SA \(sent IKE_SA_INIT request\)|deleting ISAKMP SA \((?:MAIN|AGGR)_I1\)|deleting IKE SA \((?:PARENT_I1|IKE_SA_INIT_I)\)|max transmit reached|IKE message retransmissions? timed out|IKE_SA timed out before it could be established|Failed to receive the AUTH msg before the timer expired|FSM error history .*<event>:\s+(?:MM|AM)_DONE, EV_\w+\W+(?:MM|AM)_WAIT_MSG2|negotiation with \S+ (?:"[^"]*" )?took too long\b|negotiating with \S+ took too long\b|\bsendto on \S+ to \S+ failed\b|no address found to reach\b|deleting incomplete state after [\d.]+ seconds|peer is not responding\b(?! to DPD)|SA connect \d+ \S+->\S+ failed, no route|reviving connection which timeout (?:IKE|Child|IPsec|ISAKMP) SA|\bretransmissions? reached the maximum\b|\bIKE_PEER_REACH_MAX_RETRANS\b/,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.9,
  }),
  r({
    // An exchange that timed out: racoon's and Alibaba's "time up", retransmission and IKE
    // timeouts ("Failed to negotiate child SA IKEv2_I with 52.1.2.3. Error: ERR_IKE_TIMEOUT"), and the
    // Shrew Soft client's "negotiation timout occurred" (its spelling).
    id: "unreachable.time-up",
    keywords: [
      "time up",
      "send error",
      "timeout",
      "timed out",
      "time limit has elapsed",
      "sa_init",
      "ike_auth",
      "negotiation timout",
    ],
    test: /phase 1 retry timeout|negotiation timout occurred|IKE timeout\b|\bERR_IKE_TIMEOUT\b|retransmission timeout\b|negotiation failed due to time up|Phase-[12] Failure: Timed out|give up to get IPsec-SA due to time up|negotiation aborted due to timeout|failed due to (?:send error|(?:retry |retransmission )?timeout)|is failed .* due to timeout|with (?:error|status): Timed out|negotiation failed as (?:initiator|responder)\b.*\bdue to timeout\b|negotiations? timed out|negotiation timeout|negotiation failed: "?timed out|Phase1NegotiationTimeout|phase ?1 (?:negotiation )?(?:timed out|timeout)|Aborted negotiations because the time limit has elapsed|\b(?:IKE_SA_INIT|SA_INIT|IKE_AUTH)\b[^.]{0,40}\b(?:timed out|timeout)\b|\b(?:timed out|timeout) waiting for (?:an? |the )?(?:IKE_SA_INIT |IKE_AUTH |IKE |ISAKMP |main mode |aggressive mode |quick mode |phase ?[12] |peer'?s? )?(?:response|reply|answer)\b/i,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.85,
  }),
  r({
    id: "unreachable.retransmit",
    keywords: [
      "retransmit",
      "retransmission",
      "ike_decode resending",
      "resend phase",
      "incrementing error counter on sa",
      "re-send last message",
      "sa_init timeout",
      "path probing attempt",
      "ev_re_xmt",
    ],
    // IOS counts each unanswered retransmission on the SA: "incrementing error counter on sa, attempt 2 of 5",
    // and its IKEv2 state machine traces each one: "CurState: I_WAIT_AUTH Event: EV_RE_XMT".
    test: /\bretransmit (?:\d+ )?[A-Z_]+ (?:req|res) \d+|retransmit limit reached|sa_free: retransmit failed|SA_INIT timeout|path probing attempt \d+|incrementing error counter on sa, attempt \d+ of \d+|^ike \S+: retransmission, re-send last message|sent IKE msg \(retransmit\)|IKE_DECODE RESENDING|retransmitting (?:due to retransmit )?phase [12]\b|Retransmitting packet\b|ISAKMP Phase [12] retransmission|\((?:P[12]_RETRANSMIT|Phase ?[12] Retransmit)\)|resend phase ?[12] packet|discarding duplicate packet -- exhausted retransmission|max number of retransmissions \(\d+\) reached|retransmit(?:ting)? \d+ of (?:request|response)|retransmission; will wait|retransmitting \w+ request; will wait|IKE Packet Retransmit|retransmit IKEv[12] .* times|sent IKE msg \(RETRANSMIT_\w+\)|sending retransmit \d+ of request|retransmi(?:ssion|ttion)s? of +(?:the )?(?:phase ?[12]|IKE|ISAKMP|IPsec|quick mode|main mode) (?:packets?|messages?|requests?) timed out|^Retransmit phase ?[12] packet\b|\bretransmitting (?:IKE_SA_INIT|IKE_AUTH|SA_INIT)\b|\(retransmit count=\d+\)|Event: EV_RE_XMT\b/,
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
    // A client or gateway that gave up connecting: NetworkManager's strongSwan plugin ("Connect
    // timer expired, disconnecting."), Azure's tunnel status.
    id: "unreachable.connect-timeout",
    keywords: ["connect timer expired", "tunnel connection timed out"],
    test: /\bConnect timer expired, disconnecting\b|\btunnel connection timed out\b/,
    code: "PEER_UNREACHABLE",
    phase: "1",
    confidence: 0.75,
  }),
  r({
    // The SSH IPsec toolkit (Junos kmd): a negotiation ended without any notify, its retries used
    // up, or an ICMP unreachable for its packets.
    id: "unreachable.ssh-ike",
    keywords: [
      "connection timed out or error, calling callback",
      "query retry limit reached",
      "got udp port unreachable",
      "got udp host unreachable",
    ],
    test: /\bConnection timed out or error, calling callback\b|\bIsakmp query retry limit reached\b|\bgot UDP (?:port|host) unreachable from\b/,
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
      "no response from",
    ],
    test: /remote party timeout|response packets cannot be received from the peer|peer(?: gateway)? does not respond|exchange retransmit timed out|No incoming packets from peer|no response from \S+?,? (?:timeout|timed out)\b|^NETWORK_ERROR: /,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.75,
  }),
];

// The BGP TCP session cannot open (refused, no route, a TCP MD5 key mismatch): BGP is down, and
// the "No route to host" in these lines is about the BGP neighbour, not an IKE peer.
const BGP_TRANSPORT: Rule[] = [
  r({
    id: "bgp.connect-failed",
    keywords: [
      "sock status:",
      "[sock cb] ",
      "bgp_connect_failed",
      "jtask_io_connect_failed: bgp_",
      "task_connect: task bgp_",
      "md5 digest",
      "bgp_read_error",
      "bgp_write_failed",
      "bgp_no_remote_read",
      "for i/o session",
      "bgp error",
      "[event] connect failed",
      "[error] bgp_read_packet error: ",
      'msg="failed to connect"',
      "socket error: ",
      "read error: ",
      "write error: ",
      ": connect: ",
      "setting md5sig: ",
    ],
    // Junos rpd traces: "USER_IND_ERROR event for I/O session Broken pipe - closing it". FRR's
    // "[Event] Connect failed 113(No route to host)" and "[Error] bgp_read_packet error: No route to host", GoBGP's failed dial to the BGP port and
    // OpenBGPD's "neighbor 169.254.21.1 (aws-t1): connect: No route to host" and FortiGate's "BGP:
    // 10.0.0.1-Outgoing [NETWORK] FD=26, Sock Status: 113-No route to host" are the session's
    // transport, read before the unreachable rules take the words for IKE's; so is ZebOS's (EdgeOS)
    // socket callback failing: "BGP-3: [SOCK CB] sock_getpeer() failed (134:Transport endpoint is not connected)".
    test: /\[SOCK CB\] \w+\(\) failed \(\d+:|Sock Status: \d+-(?:Connection (?:timed out|refused|reset by peer)|Transport endpoint is not connected|No route to host)|BGP_(?:READ_ERROR|WRITE_FAILED): .* failed|event .*for I\/O session\b.* - closing it|%BGP-3-BGP_NO_REMOTE_READ\b|BGP_CONNECT_FAILED|JTASK_IO_CONNECT_FAILED: BGP_|task_connect: task BGP_|Packet from \S+ (?:wrong|missing|unexpectedly has) MD5 digest|Socket error: TCP_MD5SIG\b|\[Event\] BGP error \d+ on fd\b|\[Event\] Connect failed\b|\[Error\] bgp_read_packet error: (?:No route to host|Network is unreachable|Host is unreachable)|\bneighbor \S+(?: \([^)]*\))?: (?:(?:socket|read|write) error|connect|setting md5sig): |msg="failed to connect"(?: .*)? Error="dial tcp \S+:179: /,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.7,
  }),
  r({
    // BIRD's session events, after the protocol's name ("aws_t1: Connection lost (No route to
    // host)", read before the unreachable rules take the words for IKE's): the TCP connection lost,
    // closed or stalled, the session down, a notification received, the neighbour or its link or BFD
    // lost, a graceful restart under way or timed out, a connection refused, a delayed restart.
    // Its other protocols (BFD, OSPF, RPKI, the kernel's) are not BGP sessions.
    id: "bgp.bird-session",
    needsTunnelContext: true,
    keywords: [
      "connection lost (",
      "socket error: ",
      "received: ",
      "connection closed",
      "connection stalled",
      "neighbor lost",
      "link down",
      "bfd session down",
      "neighbor graceful restart",
      ") rejected",
      "due to errors",
      ": down",
    ],
    test: new RegExp(
      `^(?!(?:${BIRD_OTHER_PROTOCOLS})\\w*:)[\\w.-]+: ${/(?:Connection lost \(|Socket error: |Received: (?!Connection collision)|Down$|Connection (?:closed|stalled)$|Neighbor lost$|Link down$|BFD session down$|Neighbor graceful restart (?:detected|timeout)$|Incoming connection from \S+ \(port \d+\) rejected$|Startup delayed by \d+ seconds? due to errors$)/.source}`,
    ),
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.7,
  }),
  r({
    // ExaBGP 4/5: the TCP session lost, closed or timing out, a connect that failed, MD5 unusable,
    // an incoming connection with no session configured, the peer's helper process gone.
    id: "bgp.exabgp-session",
    needsTunnelContext: true,
    keywords: [
      "lost tcp session with peer",
      ", closing connection",
      "problem sending message (",
      "closing the session without notification",
      "could not connect to peer",
      "connection to ",
      "does not support tcp_md5sig",
      "no session configured for incoming",
      "lost the helper process for this peer",
    ],
    test: /\blost TCP session with peer\b|\S+-\S+, closing connection$|\bproblem sending message \(|\bclosing the session without notification\b|\bCould not connect to peer \S+:179\b|\bconnection to \S+:179 failed\b|\bconnection to [\d.:a-fA-F]+ closed$|\bdoes not support TCP_MD5SIG\b|\bno session configured for incoming-\d+\b|\blost the helper process for this peer\b/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.7,
  }),
];

const BGP: Rule[] = [
  r({
    // AWS's BGP log gives every change short of Established the status DOWN (Idle to Connect,
    // Connect to OpenSent...): its session is down until it is up.
    id: "bgp.aws-short-of-established",
    keywords: ["aws-side peer bgp session state has changed from "],
    test: /^AWS-side peer BGP session state has changed from (?:Idle|Connect|Active|OpenSent|OpenConfirm) to (?:Idle|Connect|Active|OpenSent|OpenConfirm)\b/i,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.8,
  }),
  r({
    id: "bgp.transition",
    keywords: BGP_TRANSITION_KEYWORDS,
    test: BGP_TRANSITION,
    code: "BGP_TRANSITION",
    phase: null,
    confidence: 0.85,
  }),
  r({
    id: "bgp.established",
    keywords: ["enters established state", "adjchange", "bgp", "peer up", "into established state", "up (established)"],
    test: new RegExp(
      `${/msg"?[=:]"Peer Up"|\bPeer (?:\(VRF: [^)]*\) )?\S+ UP \(ESTABLISHED\)|BGP state = Established\b|ADJCHANGE: +(?:bgp-\d* \[\d+\] \([^)]*\) |VRF \d+ )neighbor \S+ Up\b|moved into established state|/.source}${ADJCHANGE_NEIGHBOR}Up\\b${/|BGP .*(?:neighbor|peer) .* (?:is )?up\b|\bBGP (?:session|neighbou?r|peer)\b[^.;]*?\b(?:is (?:now )?|came |comes |has come )up\b|ADJCHANGE : neighbor \S+ Up\b|session enters established state|\bBGP FSM enters the Established state\b|\bBGP session established\b|\bBgpConnectedEvent\b/.source}`,
    ),
    code: "TUNNEL_UP",
    phase: null,
    confidence: 0.9,
    clears: ["BGP_SESSION_DOWN"],
  }),
  r({
    id: "bgp.progress",
    keywords: [
      "is initiating a connection",
      "end-of-rib",
      "an open message",
      "received update with attributes",
      "received by cloud router",
      "route event: ",
      "connect delayed by",
      "sending open",
      "got open",
      "got keepalive",
      "got update",
      "sending keepalive",
      "sending update",
      "[event] connect start",
    ],
    // BIRD, OpenBGPD and FRR debug wording of a session on its way up.
    test: /received by cloud router|Route Event: (?!Dropping)|Connect delayed by \d+ seconds|(?:Sending|Got) (?:OPEN|KEEPALIVE|UPDATE|END-OF-RIB)\b|\[Event\] Connect start|is initiating a connection|sent an End-of-RIB|(?:sent|received) an OPEN message|received update with attributes/,
    code: "INFO",
    confidence: 0.9,
  }),
  r({
    // AWS refusing the customer gateway's routes ("DENIED due to: as-path contains our own AS") is
    // a session that learns no routes; Cisco's per-route debug ("rcv UPDATE about ... -- DENIED due
    // to: ORIGINATOR is us;") is not.
    id: "bgp.down",
    keywords: [
      "adjchange",
      "hold timer expired",
      "hold time expired",
      "notification",
      "bad open message",
      "maximum prefix limit was exceeded",
      "denied due to",
      "bgp",
      "read from peer",
      "nbr_reset",
      "removed from session",
      "no such peer configured",
      "from unconfigured neighbor",
      "from unconfigured neighbour",
      "error code",
      "[decode] open: invalid",
      "0 routes",
      "0 route ",
      "0 prefixes",
      "max number of prefix",
      "maximum number of prefix",
    ],
    test: new RegExp(
      `${/BGP not established with\b|/.source}${ADJCHANGE_NEIGHBOR}Down\\b${/|%BGP-5-NBR_RESET|bgp_recv: read from peer .* failed|read from peer \S+ \((?:In|Ex)ternal AS \d+\) failed|topology base removed from session|hold timer expired|hold time expired|(?:sent|received|recv|receive|send) (?:a )?notification(?: message)? \d+\/\d+|Reset \(BGP Notification (?:received|sent)\)|\[DECODE\] Open: Invalid\b|\bBGP_UNUSABLE_NEXTHOP\b|Accept Thread: \S+ - No such Peer configured|Connection attempt from unconfigured neighbou?r\b|A NOTIFICATION message (?:has been received from|is being sent to) a neighbor|\b(?:received|sent) (?:a )?NOTIFICATION message (?:from|to) peer \S+ \(ErrorCode=(?:(?!6, SubErrorCode=7\b)\d+|\[\w+\])|Error code\s*= (?:Cease|UPDATE Message Error|OPEN Message Error|Message Header Error|Finite State Machine Error) \(\d\)|%BGP-3-NOTIFICATION|bad OPEN message|maximum prefix limit was exceeded|(?<!-- )DENIED due to:|BGP_SESSION_DOWN|\b0 BGP ROUTES\b|BGP:? (?:session|neighbou?r|peer) .*\b(?:down|closed|reset|terminated)\b|\bexceeded the max(?:imum)? number of prefix(?:es)?\b|\bBGP (?:process )?(?:is )?down due to\b|\bBGP\b.*notification\b.*\bCease\b|\b0 (?:BGP )?(?:routes?|prefixes) (?:received|learned|accepted)\b/.source}`,
    ),
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.85,
  }),
  r({
    // FRR/Quagga bgpd, GoBGP and BFD: a NOTIFICATION (other than 6/7, the loser of a connection
    // collision), the FSM leaving Established, the TCP session closing, BFD declaring the path down
    // (FRR's bfd state, Arista's BGP-BFD state change of the peer), Arista putting a peer over its
    // route limit into Idle, JUNOSe's NOTIFICATION with its codes in words, and watchfrr finding
    // bgpd itself gone (every session with it).
    id: "bgp.down-daemons",
    keywords: [
      "%notification",
      "receive_notification_message",
      "bgp connection closed",
      "bfd state up -> down",
      "bgp-bfd-state-change",
      "hold timer expire",
      "peer down",
      "notification sent to",
      "notification received from",
      "prefix_limit_exceeded",
      "notification(code=",
      "receipt failed for peer",
      "put into idle state",
      "notification message to peer",
      "notification message from peer",
      "bgpd state -> down",
      "error close after sending notification",
    ],
    test: /\bPut into idle state\b|\berror close after sending NOTIFICATION\b|\bNOTIFICATION message (?:to|from) peer \S+ in \S+ error-code = (?!6 \([^)]*\), error-subcode = 7\b)\d+|\bbgpd state -> down\b|%NOTIFICATION(?:\([^)]*\))?: (?:vrf \S+ )?(?:sent to|received from) neighbor \S+ (?!6\/7\b)\d+\/\d+|\[FSM\] Receive_NOTIFICATION_message|BGP connection closed fd|bfd state Up -> Down|%BGP-BFD-STATE-CHANGE: peer \S+ (?:\(AS [\d.]+\) )?Up to Down\b|BFD \w+ mode Hold timer expire|msg"?[=:]"Peer Down"|NOTIFICATION (?:sent to|received from) .*code (?!6 \(Cease\) subcode 7\b)\d+ \(|BGP_CEASE_PREFIX_LIMIT_EXCEEDED|NOTIFICATION\(code=(?!6\.7\b)\d+\.\d+\)|\bBGP (?:OPEN|UPDATE|KEEPALIVE|NOTIFY|ROUTEREFRESH|CAPABILITY) receipt failed for peer\b/,
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
      "maxpfxexceed",
      "bgp session closed",
      "received: ",
      "notification: ",
      "bgp_read_packet error",
      'notification"',
      "bgp session down",
      "closing session",
      "moved from higher state",
      "remote end closed connection",
      "bgp connection is closed",
      "bgp connection is normally closed",
      "bgp state =",
      "errorsubcode",
      "received notification",
      "sent notification",
      "graceful notification",
      "sent a notification to the peer",
    ],
    // Huawei, NX-OS and FortiGate ADJCHANGE forms, BIRD, OpenBGPD, FRR debug, GoBGP and MetalLB,
    // Nokia SR OS: the session left Established, or a NOTIFICATION (other than a collision's
    // Cease 6/7) ended it.
    test: /BGP FSM move[sd]? from a higher numbered state to a lower|BGP_IO_ERROR_CLOSE_SESSION|BGP peering with \S+ went down|ADJCHANGE: +(?:bgp-\d* \[\d+\] \([^)]*\) |VRF \d+ )neighbor \S+ Down\b|\[FSM\] BGP Notification received|%BGP-\d-MAXPFXEXCEED|BGP session closed|: Received: (?:Hold timer expired|Other configuration change|Administrative (?:shutdown|reset)|Peer de-configured|Out of resources|Maximum number of prefixes reached|Connection rejected|Bad peer AS|FSM error|Malformed AS_PATH)|(?:sending|received) (?:graceful )?notification: (?!Cease, connection collision)|bgp_read_packet error|msg="?(?:received|sent) notification"?(?!.*\bCode=6\b.*\bSubcode=7\b)|BGP session down\b|peer sent notification, closing session|moved from higher state \w+ to lower state \w+|Peer \S+: remote end closed connection|BGP connection is (?:normally )?closed|BGP state = (?:Idle|Connect|Active|OpenSent|OpenConfirm)\b|"ErrorCode":(?!6,"ErrorSubcode":7\b)\d+,"ErrorSubcode":\d+.*"msg":"(?:sent|received) notification"|\bSent a NOTIFICATION to the peer\.(?!.*\bErrorCode=6, SubErrorCode=7\b)/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.85,
  }),
  r({
    // Cisco IOS: an OPEN the router cannot parse, a TCP MD5 mismatch on the BGP port, or a
    // session that cannot open. NEC IX: a neighbour's OPEN with the wrong AS or authentication
    // code, or the session closed with a NOTIFICATION ("BGP.005 Bad AS number from neighbor ...",
    // "BGP.007 Closing connection to neighbor ... with notification").
    id: "bgp.down-open",
    keywords: [
      "%bgp-4-msgdump",
      "badauth",
      "open failed",
      "bad open",
      "bad as number from neighbor",
      "security code in open message",
      "closing connection to neighbor",
    ],
    test: /%BGP-4-MSGDUMP: unsupported or mal-formatted message|%TCP-6-BADAUTH: (?:Invalid|No) MD5 digest from \S+\(179\)|%TCP-6-BADAUTH: (?:Invalid|No) MD5 digest from \S+ to \S+\(179\)|BGP: \S+ open failed: |\bbad OPEN\b|\bBad AS number from neighbor\b|\bBGP security code in OPEN message is incorrect\b|\bClosing connection to neighbor \S+ with notification\b/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.75,
  }),
  r({
    // IOS-XR and H3C state changes, IOS `debug ip bgp` open failures, PAN-OS routed BGP, BIRD,
    // ExaBGP, GoBGP's text log, MetalLB, FRR connection and notification lines, Junos refusing an
    // unconfigured neighbour: the session is not (or no longer) established.
    id: "bgp.down-more",
    keywords: [
      "sendq progress",
      "open receipt failed",
      "[fsm] failure handling event",
      "[fsm] unexpected packet received",
      "high round-trip-time",
      "is the same as ours",
      "resetting connection",
      "administrative shutdown on bgp",
      "bgp identifier",
      "tcp md5 option",
      "do not overlap with received mp capabilities",
      "rpki cache is not connected",
      "%maxpfxexceed",
      "error: ",
      "received: ",
      "route limit exceeded",
      "route import limit",
      "route receive limit",
      "[fsm] hold timer expire",
      "- not configured",
      "failed to open tcp connection",
      "disabled after cease notification",
      "adjchange :",
      "%routing-bgp-",
      "resetting neighbor",
      "active open failed",
      "act reset (",
      "left established state",
      "bad peer as",
      "unexpected connect from unknown address",
      "peer reset, message [",
      "peer down ",
      "failed to connect to peer",
      "read failed",
      "notification sent to neighbor",
      "connection attempt from unconfigured neighbor",
      "peering established = 0",
      "(established) event",
      "post close cleanup",
      "unexpected eof",
      "bgpdisconnectedevent",
      "new passive connection",
      "enforce neighbor-as enabled",
      "waiting for nht",
      "resetting peer",
      "bgp: terminating on signal",
      "peer sent wrong as",
      "unacceptable holdtime",
      "prefix limit reached (>",
      "connection from non-peer",
      "time-out, flushing",
      "protocol: bgp",
    ],
    test: /\bBFD (?:control detection time expired|neighbor signaled session down)\b.*\bProtocol: BGP\b|has not made any SendQ progress for \d+ holdtimes? .*terminating session|BGP OPEN receipt failed|\[FSM\] (?:Failure handling event|unexpected packet received in state)|shutdown due to high round-trip-time|router-id \S+ is the same as ours|nexthop_set failed, .*resetting connection|enabled administrative shutdown on BGP|BGP identifier is missing|due missing BGP identifier|Unable to set TCP MD5 option on socket for peer|Configured AFI\/SAFIs do not overlap with received MP capabilities|RPKI strict mode enabled, but RPKI cache is not connected|%MAXPFXEXCEED|(?:Error|Received): (?:Unacceptable hold time|Bad BGP identifier|Required capability missing|Unexpected message in \w+ state|Malformed AS_PATH|Bad message length|Unsupported optional parameter|Unsupported version number|Hold timer expired)|Route limit exceeded, shutting down|hits route (?:import|receive) limit \(\d+\), action: (?:disable|restart)|\[FSM\] Hold timer expire\b|\bconnection rejected\([^)]*\) - not configured\b|\broute,bgp,\w+ .*\bFailed to open TCP connection\b|Disabled after Cease notification|ADJCHANGE : neighbor \S+ Down\b|%ROUTING-BGP-\d-\w*_RESET\b|resetting neighbor|Active open failed|act Reset \(|(?:session|\bBGP peer (?!session\b)\S+(?: \([^)]*\))?) left established state|Bad peer AS\b|Unexpected connect from unknown address|peer reset, message \[|\bPeer Down +Key=|"msg":"failed to connect to peer"|stream_read_try: read failed|Notification sent to neighbor \S+:|bgp_listen_accept: Connection attempt from unconfigured neighbor|\bpeer sent wrong AS \d+|\bpeer requests unacceptable holdtime\b|\bprefix limit reached \(>\d+\/\d+\)|\bconnection from non-peer \S+ refused\b|\bgraceful restart of \S+ \S+, time-out, flushing\b|\bbird6?: \S+: Socket error: |BGP peering established = 0\b|closing peer \S+ \((?:Internal|External) AS ?\d+\), state is \d \(Established\) event|CLOSE: post close cleanup|bgp_pp_recv: .*unexpected EOF|\bBgpDisconnectedEvent\b|Can't find configuration for a new passive connection\b|bad path, starting with \S+ (?:expected \S+, )?enforce neighbor-as enabled|\[FSM\] Waiting for NHT, no path to neighbor present|\bResetting peer \S+ due to\b|\bBGP: Terminating on signal\b/,
    code: "BGP_SESSION_DOWN",
    phase: null,
    confidence: 0.75,
  }),
];

// A tunnel interface whose line protocol reports the tunnel's state: numbered tunnels, the
// Virtual-Access interfaces IOS clones for FlexVPN/DVTI peers, and VTI or tun interfaces.
const TUNNEL_INTERFACE = /(?:Tunnel\d+(?: \([^)]*\))?|Virtual-Access\d+(?:\.\d+)?|[\w-]*(?:tun|vti)[\w-]*\d)/;

// A row of VyOS's `show vpn ipsec sa` / `show vpn ipsec connections` starts with the child SA's
// name, "peer-<peer>-tunnel-<n>" (or with underscores), then its state.
const VYOS_TUNNEL_ROW = String.raw`^peer[-_]\S+?[-_]tunnel[-_]\d+\s+`;
const VYOS_TUNNEL_ROW_KEYWORDS = ["-tunnel", "_tunnel"];

const DOWN: Rule[] = [
  r({
    // Meraki MX client VPN sessions (AnyConnect, L2TP over IPsec) in its event log.
    id: "down.meraki-client-vpn",
    keywords: ["anyconnect_vpn_disconnect", "client_vpn_disconnect"],
    test: /\bevents (?:type=)?(?:anyconnect|client)_vpn_disconnect\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: null,
    confidence: 0.6,
  }),
  r({
    // Cisco SD-WAN (vManage) alarms: BFD runs inside each IPsec data-plane tunnel, so every BFD
    // session of a TLOC, node or site down is every tunnel there down, cause not named.
    id: "down.sdwan-bfd",
    keywords: ["all bfd sessions for the "],
    test: /\bAll BFD sessions for the (?:tloc|node|site) (?:are|went) down\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: null,
    confidence: 0.7,
  }),
  r({
    // Cisco's quick-mode state machine failed without naming why (a proposal, the proxy
    // identities or a lost packet may be behind it): phase 2 did not come up.
    id: "down.cisco-quick-mode-failed",
    keywords: ["qm fsm error", "processing of quick mode failed"],
    test: /QM FSM error|IKMP_MODE_FAILURE: Processing of Quick mode failed/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "2",
    confidence: 0.6,
  }),
  r({
    // The peer said to be unreachable or silent, or an IKE request said to time out, in a
    // gateway's own words (after the BGP rules: a BGP open that times out is BGP's).
    id: "unreachable.wording",
    keywords: [
      "not reachable",
      "unreachable",
      "not responding",
      "isn't reachable",
      "isn't responding",
      "timed out",
      "timeout",
    ],
    needsTunnelContext: true,
    test: /\b(?:peer|gateway|device|remote (?:peer|gateway|end|host|device)|responder)\b(?:[^.;]|\.(?=\w)){0,40}?\b(?:not reachable|unreachable|not responding|isn't reachable|isn't responding)\b|\bIKE (?:request|packet|message|exchange)s?\b(?:[^.;]|\.(?=\w)){0,30}?\b(?:timed out|timeout)\b/,
    code: "PEER_UNREACHABLE",
    defaultPhase: "1",
    confidence: 0.65,
  }),
  r({
    // The IKE daemon itself died or cannot start (or cannot listen on UDP 500): every tunnel it
    // holds is down until it runs again.
    id: "down.daemon",
    keywords: [
      "charon has died",
      "killing ourself",
      "aborting charon",
      "charon refused to be started",
      "no address could be bound",
      "failed to bind to address",
      "!pluto failure!",
      "pluto exited",
      "killing charon due to",
      "assertion failed",
      "main process exited, code=",
      "failed with result 'core-dump'",
      "failed with result 'signal'",
      "failed with result 'watchdog'",
      "segfault at",
      "has been killed by sig",
      "no socket implementation registered",
      "[dmn] thread ",
    ],
    // systemd and the kernel report the IKE daemon's crash in their own words; charon names the
    // signal that killed a thread first ("15[DMN] thread 15 received 11": SIGSEGV; also SIGILL,
    // SIGABRT, SIGBUS, SIGFPE).
    test: /\[DMN\] thread \d+ received (?:4|6|7|8|11)\b|charon has died|killing ourself, received critical signal|initialization failed - aborting charon|charon refused to be started|no address could be bound|failed to bind to address \S+\[500\]|!pluto failure!|\bPluto exited\b|Killing charon due to\b|(?:FATAL|ABORT): ASSERTION FAILED|\b(?:ipsec|strongswan(?:-starter|-swanctl)?|libreswan|openswan|racoon)\.service: (?:Main process exited, code=(?:dumped|killed, status=(?:6\/ABRT|11\/SEGV|9\/KILL))|Failed with result '(?:core-dump|signal|watchdog)')|\b(?:charon(?:-systemd)?|pluto|starter|racoon|iked|kmd)\[\d+\]: segfault at |segfault at \w+ ip \w+ sp \w+ error \d+ in (?:charon(?:-systemd)?|libcharon|libstrongswan|pluto|racoon|iked)\b|\((?:charon|pluto)\) has been killed by sig \d+|no socket implementation registered/,
    code: "TUNNEL_DOWN_OTHER",
    phase: null,
    confidence: 0.7,
  }),
  r({
    // A negotiation that failed or was refused here without naming a cause the rules above read.
    id: "down.refused",
    keywords: [
      "failed to process ph",
      "no configuration found for",
      "failed to begin ipsec sa negotication",
      "processing failed",
      "no longer viable for initiating",
      "parent isakmp",
      "childless ike_sa",
      "uniqueness policy",
      "hitting ike_sa limit",
      "creating ike_sa failed",
      "due to asymmetric setup",
      "queue full",
      "negotiating limit reached",
      "context limit of",
      "ike peer address",
      "doesn't support multiple peers",
      "_connection_down",
      "_tunnel_down",
      "_session_down",
      "sa_free: ike_auth failed",
      "sa_free: timeout",
      "no matching policy found, terminating sa",
      "failed to initiate a ike_sa_init exchange",
      "abort exchange",
      "negotiation aborted due to error",
      "couldn't find configuration",
      "cannot identify ourselves with either end",
      "cannot install route: peer is within its client",
      "packet with missing payload",
      "zero length data in",
      "denied new tunnel to",
      "phase-1 failure:",
      "phase-2 failure:",
      "mode failed",
      "key derivation failed",
      "applying key exchange public value failed",
      "unable to apply received ke value",
      "abort ike_sa initiation, half open",
    ],
    test: /failed to process ph[12] packet|no configuration found for \S+|failed to begin ipsec sa negotication|(?<!INFORMATIONAL(?:_V1)? )(?:request|response) with message ID \d+ processing failed|initiation failed because parent ISAKMP #\d+ is gone|(?:does not support|tried to initiate a|did not initiate a) childless IKE_SA|hitting IKE_SA limit|creating IKE_SA failed, ignoring message|unable to reestablish IKE_SA due to asymmetric setup|ignoring \w+ request, queue full|Negotiating limit reached|in-negotiation context limit of \d+ reached|IKE Peer address (?:same as our interface address|not configured for destination)|IKEv2 Doesn't support Multiple Peers|\b[A-Z]+_(?:CONNECTION|TUNNEL|SESSION)_DOWN\b|sa_free: (?:IKE_AUTH failed|timeout)$|No matching Policy found, terminating SA|failed to initiate a IKE_SA_INIT exchange|IKEv2-PROTO-\d: (?:\(\d+\): )?Abort exchange\b|(?:IKEv2 )?Negotiation aborted due to ERROR:|couldn't find configuration\.?$|\bWe cannot identify ourselves with either end of this connection\b|\bcannot install route: peer is within its client\b|\bReceived packet with missing payload\b|\bZero length data in \w+ payload\b|\bDenied new tunnel to \S+\. VPN peer limit\b|\bIKE Phase-[12] Failure:|\b(?:Quick|Main|Aggressive) mode failed\b|(?:^|\] |> )(?:key derivation failed|applying key exchange public value failed|unable to apply received KE value)$|\babort IKE_SA initiation, half open IKE_SA count of \d+ exceeds limit\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    // Cisco ASA: an IKEv1 initiator's main or aggressive mode answered without the responder's
    // cookie or a payload the exchange needs.
    id: "down.asa-incomplete-answer",
    keywords: ["received a packet from its peer without"],
    test: /\bIKE (?:AM |MM )?Initiator received a packet from its peer without an? (?:\w+ )?(?:cookie|payload)\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    // F5 BIG-IP's IKE daemon aborts an IKE SA whose negotiation failed.
    id: "down.ike-sa-abort",
    keywords: ["ike_sa abort"],
    test: /\bike_sa ABORT\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "1",
    confidence: 0.6,
  }),
  r({
    id: "down.session-reason",
    keywords: [
      "session disconnected",
      "session is being torn down",
      "connection terminated for peer",
      "svc closing connection",
    ],
    // ASA: the reason a site-to-site or AnyConnect (SVC) session ended, read by codeOfSessionReason.
    test: /(?:Session disconnected\.|Session is being torn down\.|Connection terminated for peer \S+ ?\.).*?Reason: ((?:(?! Remote Proxy)[^,.])+)|SVC closing connection: ([^.]+)/,
    code: "SESSION_REASON",
    confidence: 0.8,
  }),
  r({
    id: "down.delete",
    keywords: [
      "initiating delete of connection's",
      "exchange contains: delete",
      "sent delete, closing sa",
      "received delete",
      "deleting ike",
      "deleting child sa",
      "deleting isakmp sa",
      "deleting ipsec sa",
      "delete ipsec sa.",
      "isakmp phase 1 delete",
      "sending delete for",
      "sending delete info message for",
      "request to delete",
      "delete ike sa",
      "closing child_sa",
      "deleting established child sa",
      "deleting child_sa",
      "child_sa ",
      " closed",
      "destroying ike_sa",
      "closing ike_sa",
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
      "delete packet",
      "received sa_delete",
      "delete sa payload",
      "sa delete",
      "sa is deleted",
      "sa was deleted",
      "ipsec sa with spi",
      "schedule delete of ike sa",
      "processing delete request (proto",
      "tunnel-down message to ems",
      "ev_delete",
      "ev_recv_del",
      "ev_snd_sa_del",
      "key_mgr_delete_sas",
      "key_eng_delete_sas",
      "key_mgr_session_closed",
      "bring down existing phase 1 and 2",
      "/ike deleted",
      "peer sent delete",
      "peer sent a delete",
      "(state_quick_i2)",
      "(state_quick_r2)",
      "(state_v2_ipsec_",
      "(state_v2_established_child_sa)",
      "received pfkey delete sa",
      "successfully removed child sas",
      "ipsec-delete-sa:",
      "removed phase 2 sas after receiving",
      "corresponding ipsec sas cleared",
    ],
    // pluto before 4.x names an established IPsec SA by its state: "deleting state (STATE_QUICK_R2)".
    test: /sent delete, closing SA|received (?:IKE|IPsec|ISAKMP) SA delete packet|Received PFKEY delete SA\b|Successfully removed child SAs|IPSEC-EVENT:IPSEC-DELETE-SA:|Removed Phase 2 SAs after receiving|\b(?:(?:IKE|IPSec) SA )?delete payload received from peer, corresponding IPSec SAs cleared\b|deleting (?:other )?state (?:#\d+ )?\((?:STATE_QUICK_[IR]2|STATE_V2_IPSEC_[IR]|STATE_V2_ESTABLISHED_CHILD_SA)\)|^Peer sent (?:a )?delete$|_recv_delete: received delete|sa_free: received delete|received DELETE (?:for|IKE[_-]SA|CHILD_SA|payload)|received Delete(?: SA)?(?:\(0x\w+\))? payload|received Delete\/Notify|(?<!while )deleting IKE[_ ]SA|deleting (?:Child|ISAKMP|IPsec) SA(?: \(\w+\)|$)|deleting IPsec SA for\b|\bDelete IPsec SA\.$|ISAKMP Phase 1 delete (?:received|sent)|(?:IKE(?:v[12])?|IPsec|CHILD)[_ ]SA (?:is |has been |was )?deleted|sending DELETE (?:INFO message )?for|sent INFORMATIONAL request to delete|delete IKE SA|closing CHILD_SA|deleting established Child SA\b|deleting CHILD_SA|(?:CHILD|IKE)_SA (?:\S+ )?closed\b|notify error, destroying IKE_SA|mismatch, closing IKE_SA|ISAKMP-SA deleted|IPsec-SA deleted|Deleted SA\b|delete proto (?:ESP|AH)\b|SA .* has been deleted|deleting SA\b|no corresponding tunnel exists|received SA_DELETE|sending delete for (?:IPsec|IKE) SA|(?:recv|send) (?:ISAKMP|IPsec) SA delete|delet(?:ing|ed) IPsec SA with SPI|schedule delete of IKE SA|processing delete request \(proto \d\)|sent tunnel-down message to EMS|session manager killed ikev2 tunnel|error code : IKEV2_DELETE_\w+|Processing DELETE INFO message for (?:IKEv2|IKE|IPsec) SA|INFORMATIONAL Exchange Contains: DELETE\b|initiating delete of connection's (?:Child|IPsec|IKE|ISAKMP) SA\b|IPsec (?:Main|Quick) Mode security association ended|delete packet (?:is received )?from the peer|Delete SA payload: .*deleting anyway|IKE phase-[12] SA is deleted|CurState: \w+ Event: EV_(?:DELETE|RECV_DEL|SND_SA_DEL)\b|\bKEY_(?:MGR|ENG)_DELETE_SAS\b|\bKEY_MGR_SESSION_CLOSED\b|bring down existing phase 1 and 2 SA's|\bSA:\d+\/IKE deleted\b/,
    code: "SA_DELETE",
    confidence: 0.6,
  }),
  r({
    // PAN-OS's system log "IPSec key deleted." ends the SA; ikemgr's "IPSEC KEY DELETED" is logged
    // at every rekey.
    id: "down.panos-key-deleted",
    keywords: ["ipsec key delete"],
    test: /IPSec key delete/,
    caseSensitive: true,
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
      "deleting other state (",
      "deleting state #",
      "ipsec tunnel is deleted",
      "ipsectunnelstop",
      "delete_phase1_sa",
      "due to phase1 down",
      "without notification",
      "terminating sas using this connection",
      "closing ike_sa due",
      "deleting isakmp sa",
      "=> destroying",
      "processing delete payload",
      "ike_dest_sa",
      "ike_phase1_del",
      "failed to initialize sa",
      "delete all ike sas",
      "deactivated the sa",
      "only terminating ipsec sa",
      "sa by received",
      "delete packet",
      "killing ike",
      "sa request deleted",
      "process delete request from peer",
      "connection status: down",
      "session deregistered from session manager",
      "ipsec connection interrupt",
      "deleted by peer",
      "deleted by the peer",
      "deleted by remote",
      "deleted by the remote",
      "peer deleted",
      " from cli",
      "corresponding ike/ipsec sas are deleted",
    ],
    test: /IKE SA delete request|IKEv2 session deregistered from session manager|processing DELETE payload|New State = IKE_DEST_SA\b|\bIKE_PHASE1_DEL\b|Failed to initialize SA\b|Delete all IKE SAs|state change: (?:ESTABLISHED|CONNECTING|INSTALLED) => (?:DELETING|DESTROYING)|deleting (?:other )?state (?:#\d+ )?\(STATE_\w+\)|IPSec tunnel is deleted|IPSECTUNNELSTOP|delete_phase1_sa|expiring due to phase1 down|destroying IKE_SA in state \w+ without notification|terminating SAs using this connection|closing IKE_SA due\b|request rejected.*; deleting ISAKMP SA|has deactivated the SA\b|IKE SA is shared - only terminating IPsec SA|\bdelete (?:IKE|IPsec|ISAKMP) SA by received\b|\bphase ?[12] delete packet (?:is |was )?received|\bkilling ike[12]? SA\b|(?:Negotiating|Active) (?:ike )?SA request deleted|Process delete request from peer|CONNECTION STATUS: DOWN\.\.\. peer:|IPSec connection interrupt\b|\b(?:IPsec|IKE|VPN|CHILD) (?:tunnel|SA)\b[^;]{0,60}? (?:was |has been )?deleted by (?:the )?(?:peer|remote (?:peer|gateway|end))\b|\bpeer deleted (?:the )?(?:IKE|IPsec|CHILD) SA\b|\bcleared (?:IKE|IPsec) SAs? from CLI\b|Corresponding IKE\/IPSec SAs are deleted\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    // Google Cloud Router's reason for a BGP session over a tunnel that is not up.
    id: "down.tunnel-not-established",
    keywords: ["vpn tunnel is not in"],
    test: /\bVPN tunnel is not in (?:the )?Established state\b/i,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.7,
  }),
  r({
    id: "down.draytek-l2l",
    keywords: ["[l2l][down]["],
    test: /\[L2L\]\[DOWN\]\[IPSec\]/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.7,
  }),
  r({
    id: "down.status",
    keywords: [
      "down",
      "sa_not_established",
      "connectivity='false'",
      "connectivity: 'false'",
      "connectivity state",
      'logdesc="ipsec phase 2 sa deleted"',
      'logdesc="ipsec connection failed"',
      "disconnected",
      "disconnecting from server",
      "recursive routing",
    ],
    // Zyxel names a phase 2 tunnel "[<VPN connection>:<VPN gateway>:<SPI>]": "Tunnel [...] is disconnected".
    // IOS disables a tunnel interface whose peer's address it learns through the tunnel itself
    // ("%TUN-5-RECURDOWN: Tunnel1 temporarily disabled due to recursive routing").
    test: /KMD_VPN_DOWN_ALARM_USER|\bIPsec disconnecting from server\b|\btemporarily disabled due to recursive routing\b|\bTunnel \[[^\]]+\] is disconnected\b|(?<!SSL[- ])\b(?:IPsec|IPSec|IPSEC|VPN) tunnel(?: (?:(?:to|with|for) )?[\w.:/'"-]+)? (?:is (?:now )?|has been |was |got )?disconnected\b|\bNETWORK_VPNLINK_DOWN\b|VPN .* is down|connectivity(?:=|: )'false'|SNMP_TRAP_LINK_DOWN[: ].*(?:interface-name="|ifName )st0|IPSEC IS DOWN|(?<!SSL VPN )tunnel (?:is )?(?:now )?DOWN\b|(?<!SSL VPN )tunnels (?:are )?(?:now )?DOWN\b|tunnel ?\d+ is (?:now )?DOWN\b|SESSION_STATUS: Crypto tunnel (?:v2 )?is DOWN|(?:action="?|\bact=)(?:tunnel-down|phase2-down)(?!.*tunneltype="?ssl)|IPsec tunnel .* down|ipsec_sa_not_established|ike_sa_not_established|Connectivity State ?: ?(?:NotConnected|Not Connected|Disconnected)\b|(?<!SSL VPN )tunnel (?:(?:to|with|for) )?[\w.:/'"-]+ (?:is (?:now )?|went |has gone )?DOWN\b|\bTunnel to (?:Non SD-WAN Destination )?\[[^\]]+\](?: via Edge \[[^\]]+\])? is down\b|(?<!SSL VPN )tunnel(?: [\w.:/'"-]+){0,3} (?:went|has gone|goes) down\b|(?:tunnel|VPN|IPsec|IPSec|IKE SA|phase ?[12])(?: [\w.:/'"-]+){0,3} (?:state|status) (?:has )?changed (?:from \w+ )?to DOWN\b|\b(?:IKE|ISAKMP|IPsec) SA (?:is )?DOWN\b|phase ?[12] (?:is )?DOWN\b|IKE (?:gateway|peer) \S+ (?:is )?DOWN\b|%DMVPN-\d-\w+: .*\bis DOWN\b|\bNH[CPS] down nbma_src: |\bTunnelDisconnected\b|\blogdesc="IPsec (?:VPN tunnel down|phase 2 SA deleted|connection failed)"/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.7,
  }),
  r({
    // A VyOS status row of a child SA that is down (VYOS_TUNNEL_ROW).
    id: "down.vyos-tunnel-row",
    keywords: VYOS_TUNNEL_ROW_KEYWORDS,
    test: new RegExp(`${VYOS_TUNNEL_ROW}down\\b`),
    code: "TUNNEL_DOWN_OTHER",
    phase: "2",
    confidence: 0.6,
  }),
  r({
    // A status word in capitals (AWS VgwTelemetry, Aviatrix): "status=down" in another case is
    // often an interface or a health check's.
    id: "down.status-word",
    keywords: ["status"],
    test: /status[=: ]+"?DOWN"?\b/,
    caseSensitive: true,
    needsTunnelContext: true,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    // A numbered tunnel (interface) down, or up with its line protocol down: Cisco IOS VTIs (an
    // Arista one with its description, an ASA one by a name that says tunnel), Huawei's, H3C's, and
    // gateways that name tunnels by number.
    id: "down.numbered-tunnel",
    keywords: ["tunnel", "line protocol on interface", "%track-"],
    test: new RegExp(
      `${/tunnel ?\d+ (?:is )?DOWN\b|% ?TUN-5-RECURDOWN: Tunnel\d+ temporarily disabled|Tunnel\d+ is \w+, line protocol is down/.source}|(?:Line protocol on )?Interface ${TUNNEL_INTERFACE.source}, changed state to (?:administratively )?down|${/line protocol (?:IP )?on the interface Tunnel[\d/.:]+ has entered the DOWN state|Line protocol state on the interface Tunnel[\d/.:]+ changed to down\b|\bTunnel[\d/.:]+ link status is down\b|Physical state on the interface Tunnel[\d/.:]+ changed to down\b|%TRACK-\d-STATE: .*\binterface Tu(?:nnel)?\d+ line-protocol Up -> Down\b/.source}`,
    ),
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    id: "down.status-wording",
    keywords: [
      "ip tunnel[",
      "down-client",
      "revival attempt",
      "detection change",
      "selector down event",
      "must remain up per local policy",
      "could not establish ipsec connection",
      "ipsec connection failed",
      "ipsec connection has failed",
      "health_check_failed",
      "tunnelstatuschange:",
      "went down, bringing it up",
      "doesn't have a transport",
    ],
    // Libreswan revives a connection whose SA went down ("reviving connection which received a
    // Delete/Notify but must remain up per local policy"); NetworkManager reports a failed tunnel;
    // Barracuda CloudGen's kernel tunnel agent finds a tunnel with no transport up.
    test: /IP Tunnel\[\d+\] Down\b|KTINA-WARN: \S+ doesn't have a transport\b|TunnelStatusChange: .*\bnew_state=Down\b|link status of IPsec \w+ detection changed? to down|selector down event|\[UPDOWN\] received down-client|supposed to remain up; revival attempt|\bwhich (?:received|delete|timeout|re-schedule)\b.* but must remain up per local policy|could not establish IPsec connection|\bIPsec connection (?:has )?failed\b|\bipsec_health_check_failed\b|\bConnection \S+ went down, bringing it up\b/,
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
      "tunnel status change to down",
    ],
    test: /tunnel \S+ \(id:[^)]*\) is down|is going down due to|SA delete message (?:received from|sent to) peer|(?:closing|aborting) IKEv2 SA\b|SA dying from state ESTABLISHED|conn?ection failed, peer \S+, retry|tunnel status change to DOWN\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.65,
  }),
  r({
    // Huawei's tunnel teardown and Google Cloud VPN's failed handshake (its status and its
    // detailed status), causes not named.
    id: "down.teardown-wording",
    keywords: [
      "ipsec_tunnel_teared_down",
      "negotiation_failure: handshake failed",
      "handshake with peer broken",
      "stopped: tunnel",
      "rejected: tunnel",
      "failed: tunnel",
    ],
    test: /IPSEC_TUNNEL_TEARED_DOWN|NEGOTIATION_FAILURE: Handshake failed|Handshake with peer broken\b|^(?:STOPPED|REJECTED|FAILED): Tunnel\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.6,
  }),
  r({
    // ASA 715065: the negotiation ended in an error; the state/event pairs name no cause.
    id: "down.asa-fsm-error-history",
    keywords: ["fsm error history"],
    test: /IKE (?:MM|AM|QM) (?:Initiator|Responder) FSM error history/,
    code: "TUNNEL_DOWN_OTHER",
    defaultPhase: "1",
    confidence: 0.6,
  }),
];

// A negotiation that failed without naming why: the tunnel is not coming up, which is not benign.
// Every rule above that names a cause wins over this one.
const NEGOTIATION_FAILED: Rule[] = [
  r({
    // The peer refused a child SA (or we refused the peer's) for a cause other than proposals or
    // selectors: no more child SAs (NO_ADDITIONAL_SAS), or no virtual address for it
    // (INTERNAL_ADDRESS_FAILURE, FAILED_CP_REQUIRED, a configuration payload that failed), in
    // strongSwan's words ("received ... notify error", "N(FAIL_CP_REQ)") and Libreswan's
    // ("rejected by peer: ...", "rejected Child SA with ...").
    id: "down.child-refused-notify",
    keywords: [
      "no_additional_sas",
      "internal_address_failure",
      "failed_cp_required",
      "n(fail_cp_req)",
      "configuration payload negotiation failed",
    ],
    test: /\breceived (?:NO_ADDITIONAL_SAS|INTERNAL_ADDRESS_FAILURE|FAILED_CP_REQUIRED) (?:error )?notify(?: error)?|\brejected (?:by peer:|Child SA with) (?:NO_ADDITIONAL_SAS|INTERNAL_ADDRESS_FAILURE|FAILED_CP_REQUIRED)\b|sending INTERNAL_ADDRESS_FAILURE|N\((?:INTERNAL_ADDRESS_FAILURE|FAIL_CP_REQ)\)|configuration payload negotiation failed/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "2",
    confidence: 0.7,
  }),
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
      "failed to process",
      "negotiation from",
      "exchange from",
      "negotiate_error",
      "error notify response, abort",
      "negotiate sa error",
      "negotiate isakmp sa error",
      "going to be deleted",
      "status=failure",
      'status="failure',
      "negotiations fail",
      "negotiations is failed",
      "failed to negotiate",
      "_nego_failed",
      "establishing connection",
      "mode failure",
      "invalid payload",
      "ike_invalid_payload",
      "initial exchange failed",
      "failed sa init exchange",
      "cannot establish phase",
      "child sa ignored",
      "not attempting to setup child sa",
      "redirect exceeds limit",
      "tunnel rejected:",
      "sa rejected due to",
      "sa request rejected",
      "sa rejected by",
      "failed to dispatch a key_acquire",
      "giving up after",
      "ike_gateway_peer_failed",
      "ike_gateway_peer_blocked",
      "phase 1 failed",
      "phase 2 failed",
      "phase1 failed",
      "phase2 failed",
      "connect start l2l failed",
      "establishing ike_sa",
      "negotiation with a remote computer failed",
      "qm rejected",
      "inval_syn",
      "' failed",
      "missing at least one of the child sa payloads",
      "malformed quick mode message",
      "malformed ike message",
      "malformed isakmp message",
      "data does not match computed value",
      ") mismatch",
      "encountered fatal error in state",
      "concurrent ike negotiations exceeded",
      "invalid_syntax",
      "ignoring ike_sa setup",
      "n(fail_cp_req)",
      "post getspi",
      "sas exceeded the limit",
      "active connection allowed exceeded",
      "negotiations have failed",
      "no policy uses the peer configuration",
      "failed to complete diffie-hellman",
      "cannot obtain an ip address",
      "failed to allocate ip address",
      "unable to find ipv4 address pool",
      "address pool exhausted",
      "terminating the vpn connection attempt",
      "maximum license limit",
      "error processing payload",
      "sa_negotiation_failed",
      "could not build ikev2 policy",
      "error processing quick-mode message",
      "error processing main-mode message",
      "error processing aggressive-mode message",
      "failed to establish ipsec sa",
      "failed to establish ike sa",
      "failed to establish the",
      "ipsec_sa_establish_fail",
      "failed to add sa",
      "failed to add ipsec sa",
      "could not be established",
      "incorrect ike payload",
      "state transition fail",
      "can't accept phase",
      "failed to establish phase",
      "ike_p1_sa_establish_fail",
      "ike_p2_sa_establish_fail",
      "failed to initiate connection",
    ],
    test: /(?<=: )failed to initiate connection$|(?<!SSL |TLS |TLS key )negotiations? (?:failed|fails|failure|is failed)\b|rejected by peer: INVALID_SYNTAX|notify: INVALID_SYNTAX\b|failed to start post getspi|state transition '[^']*' failed|missing at least one of the Child SA payloads|malformed (?:Quick Mode|IKE|ISAKMP) message|HASH\(\d\) (?:data does not match computed value|mismatch)|encountered fatal error in state|Maximum concurrent IKE negotiations exceeded|(?:response|reply|INFORMATIONAL_V1 request) \d+ \[ (?:\S+ )*N\(INVAL_SYN\)|received INVALID_SYNTAX (?:error )?notif(?:y|ication)\b|(?:notification|response containing|fatal error:) INVALID_SYNTAX\b|ignoring IKE_SA setup from .*(?:half[- ]open|limit)|error notify response, abort|Negotiate (?:ISAKMP )?SA Error|^ike \S+: going to be deleted|cannot establish phase ?[12]\b|Child SA ignored|not attempting to setup CHILD SA|redirect exceeds limit|giving up after \d+ retries|Tunnel rejected:|SA (?:request )?rejected (?:due to|by)|failed to dispatch a KEY_ACQUIRE|IKE_GATEWAY_PEER_(?:FAILED|BLOCKED)\b|establishing connection '[^']*' failed|failed to negotiate or establish security associations|(?:Main|Quick) Mode Failure\b|sent invalid payload|Initial exchange failed|Failed SA init exchange|phase ?[12] failed\b|connect start L2L failed|establishing IKE_SA '[^']*' failed|IPsec negotiation with a remote computer failed|reason "QM rejected"|(?<!SSL |TLS |TLS key )NEGOTIATION FAILED|establishing CHILD_SA (?:'[^']*' )?failed|ignoring (?:IKEv2 )?request(?: to establish IPsec SA)?, no policy configured|(?:negotiation|exchange) from \S+ to \S+ failed|failed to (?:pre-)?process (?:ph[12] )?packet|status="?negotiate_error|msg="?\s*(?:progress|negotiate) IPsec phase \d"?.*status="?failure|failed to negotiate (?:the )?(?:IKE|IPsec|ISAKMP|CHILD)[ _]SA\b|\bipsec_phase[12]_nego_failed\b|\bSAs exceeded the limit\b|\bActive connection allowed exceeded\b|negotiations have failed|Dropped peer packet because no policy uses the peer configuration|Failed to complete Diffie-Hellman operation|Cannot obtain an IP address for remote peer|Failed to allocate IP address|Unable to find IPv4 address pool|address pool exhausted|Terminating the VPN connection attempt from|Maximum license limit \d+ exceeded|Error processing payload: Payload ID|\bSA_NEGOTIATION_FAILED\b|Could not build ikev2 policy|\berror processing (?:quick|main|aggressive)-mode message from\b|\bFailed to establish (?:the )?(?:IPsec|IKE|phase ?[12]) SA\b|\b(?:IPSEC|IKE_P[12])_SA_ESTABLISH_FAIL\b|\bfailed to add (?:IPsec )?SA (?:in|to) (?:the )?kernel\b|\b(?:IPsec|VPN|IKE) (?:connection|tunnel|SA) could not be established\b|\bincorrect IKE payload\b|\bstate transition fail(?:ed)?: STATE_\w+|\bCan't accept phase ?[12] client\b/,
    code: "TUNNEL_DOWN_OTHER",
    confidence: 0.5,
  }),
  r({
    // The peers agreed, but the local kernel refused the SAs or policies: the child SA never carries traffic.
    id: "down.kernel-install",
    keywords: [
      "unable to install",
      "unable to add sad entry",
      "failed to add sad entry",
      "setting wfp sa spi failed",
      "pfkey add failed",
      "pfkey update failed",
      "netlink response for add sa",
      "unable to add policy",
      "cannot install kernel policy",
      "pfkey write() of",
      "pf_key_v2_set_spi: ",
      "cannot install eroute",
      "failed to create xfrm interface",
      "ipsec sa (sad) in kernel",
      "the same policy for reqid",
      "unable to get spi",
      "unable to allocate spi",
      "allocating spi from kernel failed",
      "unable to update sad entry",
      "unable to update policy",
      "installing ipsec sa failed",
      "ipsec key installation failed",
      "kernel: install_",
      "failed to install ipsec sa",
      "into ipsec db failed",
      "can't load an ipsec sa",
      "error at the kernel on",
    ],
    test: /unable to (?:get|allocate) SPI|allocating SPI from kernel failed|unable to update (?:SAD entry|policy)|installing IPsec SA failed|IPSec key installation failed|kernel: install_\w+_kernel_policy\(\) failed|unable to install policy .* the same policy for reqid \d+ exists|unable to install (?:inbound and outbound )?IPsec SA \(SAD\) in kernel|unable to install IPsec policies \(SPD\) in kernel|(?:unable|failed) to add SAD entry|setting WFP SA SPI failed|pfkey (?:ADD|UPDATE) failed|netlink response for Add SA (?:.* included errno|\S+: .*\(errno \d+\))|unable to add policy|cannot install kernel policy|pfkey write\(\) of \S+ message \d+ for Add SA\b.*\bfailed\b|cannot install eroute\b|failed to create XFRM interface|unable to install (?:inbound |outbound )IPsec SA \(SAD\) in kernel|failed to install IPsec SA\b|Installation of IPsec SA into IPsec DB failed|Can't load an IPsec SA|\bpf_key_v2_set_spi: (?:ADD|UPDATE): |\berror at the kernel on (?:ADD|UPDATE|GETSPI)\b/,
    code: "TUNNEL_DOWN_OTHER",
    phase: "2",
    confidence: 0.6,
  }),
];

const UP: Rule[] = [
  r({
    id: "up.meraki-client-vpn",
    keywords: ["anyconnect_vpn_connect", "client_vpn_connect"],
    test: /\bevents (?:type=)?(?:anyconnect|client)_vpn_connect\b/,
    code: "TUNNEL_UP",
    phase: null,
    confidence: 0.6,
  }),
  r({
    // Cisco SD-WAN's recovery from down.sdwan-bfd: the TLOC's, node's or site's tunnels are back.
    id: "up.sdwan-bfd",
    keywords: ["bfd sessions for the "],
    test: /\bBFD sessions for the (?:tloc|node|site) came up\b/,
    code: "TUNNEL_UP",
    phase: null,
    confidence: 0.7,
  }),
  r({
    // Includes Topsec NGTOS's negotiate record: msg="Tunnel established.".
    id: "up.established",
    keywords: ["established"],
    test: /(?:IKE_SA|CHILD_SA)(?: (?!not\b|state\b)\S+)? +established|(?:IPsec|VPN) tunnel (?:(?!not )\S+ )?(?:is |has been |was )?established|phase[ -]?[12] (?:SA )?(?:is |has been |was )?established|ISAKMP[- ]SA established|IPsec[- ]SA +established|IPSEC-SA established|PARENT SA established|(?:initiator|responder) established (?:IKE|Child) SA|IKE SA established|Child SA established|connection '[^']+' established successfully|Established SA\b|\bIKE established\b|\b(?:Quick|Main) Mode SA established\b|(?:^|: )Established IPsec SA\b|\bmsg="Tunnel established\b/,
    code: "TUNNEL_UP",
    confidence: 0.9,
  }),
  // State changes (a strongSwan CHILD_SA reaching INSTALLED is its IPsec SA in the kernel), Libreswan
  // 4.x wording (before 4.5 an IKEv2 SA established says only that the peer is authenticated: "#1:
  // authenticated using authby=secret and peer ID_FQDN '@east'"), and the SA lists of swanctl and
  // ipsec statusall.
  r({
    id: "up.established-state",
    keywords: [
      "=> established",
      "installing => installed",
      ": established",
      ", established, ikev",
      ": authenticated using ",
      "(established ",
    ],
    test: /state change: \w+ => ESTABLISHED|state change: INSTALLING => INSTALLED\b|#\d+: established (?:IKE|Child) SA\b|\bSTATE_\w+ \(established (?:IKE|Child) SA\)|#\d+: authenticated using \S+ (?:and|with) .*\bpeer (?:ID_\w+|certificate|FQDN|IPV4_ADDR|IPV6_ADDR|USER_FQDN|DER_ASN1_DN)\b|, ESTABLISHED, IKEv[12]\b|: ESTABLISHED \d+ \w+ ago\b/,
    code: "TUNNEL_UP",
    defaultPhase: "1",
    confidence: 0.9,
  }),
  r({
    // Vendors' success wordings; Topsec NGTOS calls the phases stages ("The second stage was successful").
    id: "up.vendor",
    keywords: [
      "ipsec tunnel up",
      "complete",
      "has been created",
      "is succeeded",
      "process done",
      "connectivity='true'",
      "connectivity: 'true'",
      "tunnel-up",
      "phase2-up",
      "is up",
      "bgp routes",
      "sa_established",
      "status",
      "_up",
      "negotiation succeeded",
      "negotiations succeeded",
      "negotiation with",
      "negotiation successful",
      "security association was established",
      "security associations were established",
      "connectivity state",
      "established peer",
      "-> established",
      "loaded spis",
      "] done for",
      "ipsec key installed",
      'logdesc="ipsec vpn tunnel up"',
      'logdesc="ipsec sa installed"',
      'msg="the first stage was successful',
      'msg="the second stage was successful',
    ],
    test: /PHASE ([12]) COMPLETED|\bIPsec tunnel (?:is )?up\b|Security negotiation complete|LAN-to-LAN SA .* has been created|KMD_PM_SA_ESTABLISHED|KMD_VPN_UP_ALARM_USER|\b(?:IKE|IPsec) (?:SA )?negotiation successfully completed|negotiation is succeeded|Phase 1 IKE SA process done|connectivity(?:=|: )'true'|SNMP_TRAP_LINK_UP[: ].*(?:interface-name="|ifName )st0|SESSION_STATUS: Crypto tunnel (?:v2 )?is UP|ISAKMP Phase [12] exchange completed|(?:action="?|\bact=)(?:tunnel-up|phase2-up)(?!.*tunneltype="?ssl)|VPN .* is up\b|IPSEC IS UP|\b\d+ BGP ROUTES\b|(?:ike|ipsec)_sa_established|phase ?[12](?: of IKE Tunnel)? negotiations? (?:succeeded|successful)\b|\bphase-[12] negotiation with \S+ succeeded\b|Status:UP-ACTIVE\b|\blog_component="IPSec".*\bstatus="Established"|IPsec (?:Main|Quick) Mode security association was established|IPsec Main Mode and Extended Mode security associations were established|Connectivity State ?: ?Connected\b|\b[A-Z]+_(?:CONNECTION|TUNNEL|SESSION)_UP\b|\bestablished peer \S+ local \S+ policy '|\bsa_state: \w+ -> ESTABLISHED\b|ikev2_childsa_enable: loaded SPIs|\bPhase-[12] \[(?:responder|initiator)\] done for|IPSec key installed\b|Completed (?:(?:Main|Aggressive) mode )?negotiations with|\blogdesc="IPsec (?:VPN tunnel up|SA installed)"|\bmsg="The (?:first|second) stage was successful\b/,
    code: "TUNNEL_UP",
    confidence: 0.85,
  }),
  r({
    // A status word in capitals, as for down.status-word.
    id: "up.status-word",
    keywords: ["status"],
    test: /status[=: ]+"?UP"?\b/,
    caseSensitive: true,
    needsTunnelContext: true,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
  r({
    // A VyOS status row of a child SA that is up (VYOS_TUNNEL_ROW).
    id: "up.vyos-tunnel-row",
    keywords: VYOS_TUNNEL_ROW_KEYWORDS,
    test: new RegExp(`${VYOS_TUNNEL_ROW}up\\b`),
    code: "TUNNEL_UP",
    phase: "2",
    confidence: 0.6,
  }),
  r({
    // DrayTek Vigor's LAN-to-LAN status lines: "[L2L][UP][IPSec][@1:AWS-T1]", "[L2L][DOWN][IPSec][@2:AWS-T2]".
    id: "up.draytek-l2l",
    keywords: ["[l2l][up]["],
    test: /\[L2L\]\[UP\]\[IPSec\]/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
  r({
    id: "up.numbered-tunnel",
    keywords: ["tunnel", "line protocol on interface", "%track-"],
    test: new RegExp(
      `${/tunnel ?\d+ (?:is )?(?:now )?UP\b|(?<!SSL VPN )tunnel (?:(?:to|with|for) )?(?:[\w.:/'"-]+|\[[^\]]+\]) (?:is (?:now )?|came |has come )UP\b|\bTunnel to Non SD-WAN Destination \[[^\]]+\](?: via Edge \[[^\]]+\])? is up\b|(?<!SSL VPN )tunnels? (?:is|are) (?:now )?UP\b/.source}|(?:Line protocol on )?Interface ${TUNNEL_INTERFACE.source}, changed state to up|${/line protocol (?:IP )?on the interface Tunnel[\d/.:]+ has entered the UP state|Line protocol state on the interface Tunnel[\d/.:]+ changed to up\b|\bTunnel[\d/.:]+ link status is up\b|Physical state on the interface Tunnel[\d/.:]+ changed to up\b|%TRACK-\d-STATE: .*\binterface Tu(?:nnel)?\d+ line-protocol Down -> Up\b/.source}`,
    ),
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
      "-sa_up",
      "successfully installed ipsec sa",
      "phase2_complete",
      "ike id pair",
      "sa has been authenticated",
      "mode completion",
      "installed, tunnel",
      "installed, transport",
      "ike_p1_complete",
      "ikev2 sa created",
      "mode completed successfully",
      "established_ike_sa;",
      "established_child_sa;",
      "set oper up",
      "tunnel up event",
      "adding ipsec sa",
      "tunnel-up message to ems",
      "lan-to-lan tunnel to",
      "session type: ipsec/lan-to-lan",
      "ike_st_o_all_done",
      "phase 2 connection succeeded",
      "added ipsec sa pair",
      "ike_send_notify: connected",
      "message: phase 1 version",
      "came up",
      "comes up",
      "to up",
      "sa is established",
      "%dmvpn-",
      " up nbma_src: ",
      "sa state changed from",
      "_nego_success",
      "phase of the",
      "negotiation complete",
      "negotiation is complete",
      "tunnelstatuschange:",
      "ipsec key installed",
      "create_sa): sa created",
      "tunnelconnected",
      "negotiation succeeded as",
      "configured tunnels are up",
      "ipsec tunnel successfully added",
      "negotiation is complete",
      "negotiation was complete",
      "negotiation has been complete",
      "negotiation done",
      'msg="phase established"',
    ],
    test: /%DMVPN-\d-\w+: .*\bis +UP\b|\bNH[CPS] up nbma_src: |IPSEC\(create_sa\): sa created\b|IPSEC KEY INSTALLED\b|TunnelStatusChange: .*\bnew_state=Up\b|IP Tunnel\[\d+\] Up\b|\b(?:IKE|IPsec|ISAKMP) SA is established\b|tunnel(?: [\w.:/'"-]+){0,3} (?:came|comes) up\b|(?:tunnel|VPN|IPsec)(?: [\w.:/'"-]+){0,3} (?:state|status) (?:has )?changed (?:from \w+ )?to UP\b|\[UPDOWN\] received up-client|IPSec tunnel is established|IPSECTUNNELSTART|IKEv2 SA UP\b|%IKEV2-\d-SA_UP\b|Successfully installed IPSEC SA|New State = IKE_QM_PHASE2_COMPLETE|New State = IKE_P1_COMPLETE|IKEV2 SA created|phase-1 (?:main|aggressive)[ -]?mode completed successfully|Session with IKE ID PAIR ?\(.*\) is UP|SA has been authenticated with|(?:Quick|Main) Mode completion|[:,] +INSTALLED, (?:TUNNEL|TRANSPORT)\b|STATE_V2_ESTABLISHED_(?:IKE|CHILD)_SA;|: set oper up$|tunnel up event|negotiation complete\. Adding IPsec SA|IKE negotiation done for .* with status: (?:Error )?ok\b|ike_st_o_all_done: MESSAGE: Phase 1\b|Phase 2 connection succeeded|successfully added ipsec SA PAIR|ike_send_notify: Connected, SA =|sent tunnel-up message to EMS|LAN-to-LAN tunnel to (?:\S+ )?device \S+ connected|connected, Session Type: IPSec\/LAN-to-LAN|(?:IP|Aggr); MESSAGE: Phase 1 version =|\b(?:IKE|IPsec) SA state changed from \w+ to \w*_ESTABLISHED\b|\bipsec_phase[12]_nego_success\b|\b(?:first|second) phase of the .{0,60}negotiation (?:is |was )?(?:successful|succeeded)\b|\bIKE(?:v[12])? negotiation (?:is )?completed?\.?$|\bTunnelConnected\b|NEGOTIATION SUCCEEDED AS (?:INITIATOR|RESPONDER)\b(?!, rekey)|\bConnections for all\(\d+\) configured tunnels are Up\b|\bIPsec tunnel successfully added\b|\bphase ?[12] negotiation (?:is |was |has been )?(?:completed|complete|done)\b|\bmsg="Phase established"/,
    code: "TUNNEL_UP",
    confidence: 0.85,
  }),
  r({
    // FortiGate's negotiation progress record reaching its last stage ("progress IPsec phase 1"
    // ... status="success" ... result="DONE"): that phase is established. An IKEv2 CREATE_CHILD
    // exchange done is a rekey (or another child SA), routine.
    id: "up.fortigate-progress-done",
    keywords: ['result="done"', "result=done"],
    test: /msg="progress IPsec phase [12]"(?!.*\bexch="?CREATE_CHILD).*\bstatus="?success"?.*\bresult="?DONE"?/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
  r({
    // Cisco's IKEv2 state machine reaching READY on the initiator's or responder's success.
    id: "up.cisco-ikev2-ready",
    keywords: ["curstate: ready event: ev_"],
    test: /\bCurState: READY Event: EV_[IR]_OK\b/,
    code: "TUNNEL_UP",
    phase: "1",
    confidence: 0.6,
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
      "svc connection established",
      "connection status: up",
      "ipsec-create-sa:",
    ],
    test: /was successful at setting up a tunnel|CONNECTION STATUS: UP\.\.\. peer:|IPSEC-EVENT:IPSEC-CREATE-SA:|First (?:TCP|UDP) SVC connection established|IKE got a KEY_ADD msg for SA|^ike (?:V=[\w-]+:)?\d+:.*: (?:established IKE SA \w+|added IPsec SA: SPIs=)|sending SNMP tunnel UP trap/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
  r({
    id: "up.panos",
    keywords: [") is up", "tunnel status change to up"],
    test: /tunnel \S+ \(id:[^)]*\) is up\b|tunnel status change to UP\b/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
  r({
    // SonicWall phase 1 complete; Google Cloud VPN's established tunnel status; Forcepoint
    // (Stonesoft) NGFW's phase 1 or 2 done (an IKE SA established is TUNNEL_UP, as ASA's PHASE 1 COMPLETED).
    id: "up.complete-wording",
    keywords: [
      "mode complete (phase 1)",
      "secure session is successfully established",
      "initiator done",
      "responder done",
    ],
    test: /(?:Main|Aggressive) Mode complete \(Phase 1\)|Secure session is successfully established|IKE Phase-[12] (?:initiator|responder) done\b/,
    code: "TUNNEL_UP",
    confidence: 0.8,
  }),
];

export const RULES: readonly Rule[] = [
  ...REKEY_COLLISIONS,
  ...BENIGN,
  ...GOOGLE_STATUS,
  ...AZURE_DIAGNOSTICS,
  ...REASON_CODES,
  ...LINUX_AUDIT,
  ...KERNEL_XFRM_AUDIT,
  ...ALIBABA_EVENTS,
  ...GDOI,
  ...RACOON2,
  ...ISAKMPD,
  ...CHINESE,
  ...JAPANESE,
  ...FIREWALL_DROPS,
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
  if (text.includes("authentic") || text.includes("certificate")) return "IKE_AUTH_FAILURE";
  if (text === "sa expired") return "REKEY_FAILURE";
  return "TUNNEL_DOWN_OTHER";
}
