// classifyLine: one raw log line from any supported vendor -> one fault code, with the phase,
// vendor, confidence, the evidence that decided it and the fields an engineer searches by.
// It never throws: anything it cannot read becomes UNKNOWN with a reason.
import type { LogFaultCode } from "../codes.ts";
import { readVpnAlarm, type VpnAlarm } from "./aws-alarm.ts";
import { type AwsRecord, readAwsRecord } from "./aws-record.ts";
import { bgpSessionMove, bgpTransitionOf } from "./bgp-transition.ts";
import { BLOCKED_TUNNEL_TRAFFIC, faultOfBlockedTraffic } from "./blocked-traffic.ts";
import { extractFields } from "./fields.ts";
import { ASA_TUNNEL_GROUP, NEC_IX_TAG, SCREENOS_EVENT, splitHeader, vendorOf, vendorOfWording } from "./header.ts";
import { Found, MARK, scan } from "./markers.ts";
import { withoutNames } from "./names.ts";
import { asPlainText, hasPasteMarks, withoutQuoteMarks } from "./pasted.ts";
import { phaseFromContext } from "./phase.ts";
import { joinPlaceholderWords, mayHoldPlaceholder, withPlaceholdersRestored } from "./placeholders.ts";
import { faultOfReasonCode } from "./reason-codes.ts";
import { codeOfSessionReason, RULES, type Rule } from "./rules.ts";
import { isObject, withEnvelopeFields, wrappedLine } from "./shipper-record.ts";
import { meaningOfSshIkeNotify } from "./ssh-ike-notify-codes.ts";
import {
  type Classification,
  type ClassifyOptions,
  DEFAULT_SEVERITY,
  type IkePhase,
  type ParsedFields,
  type Vendor,
} from "./types.ts";
import { BIRD_OTHER_PROTOCOLS, VPN_VOCABULARY } from "./vocabulary.ts";

/** Longer lines are not log lines (or were concatenated by a broken shipper). */
export const MAX_LINE_LENGTH = 16 * 1024;

// C0 controls other than tab and the group separator, DEL and lone surrogates: not text. (auditd's
// enriched records put a group separator before the names it resolved: `res=success'\x1dUID="root"`.)
// Checked only on lines where the keyword scan saw a control or non-ASCII character.
const CONTROL_OR_LONE_SURROGATE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001c\u001e\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const REPLACEMENT_CHARACTERS = /\ufffd/g;

/**
 * Whether a line is binary data or badly decoded bytes rather than a log message. A lossy
 * decoder leaves U+FFFD for each invalid byte: a few in a readable line (a mangled IKE identity
 * in an otherwise plain message) leave it readable, many do not.
 */
function isBinary(text: string): boolean {
  if (CONTROL_OR_LONE_SURROGATE.test(text)) return true;
  const replaced = text.match(REPLACEMENT_CHARACTERS)?.length ?? 0;
  return replaced > 4 || replaced * 20 > text.length;
}

const HEX_DUMP = /^(?:[\w,]+ )?(?:[0-9a-fA-F]{8}\s*)+$/;
// Cisco ASA/FTD logs everything through one syslog: only its VPN messages (IKE, IPsec, session
// teardown) are tunnel lines; a firewall deny or a connection teardown is not. FTD may name the
// message class: "%FTD-vpn-7-715046".
// ASDM's log viewer exports "<level>|<date>|<time>|<message id>|...|<message>".
const ASA_VPN_MESSAGE =
  /(?:%(?:ASA|FTD|PIX)-(?:\w+-)?\d-|^\d\|[A-Z][a-z]{2} \d{1,2} \d{4}\|[\d:]+\|)(?:113019|302302|402\d{3}|602\d{3}|702\d{3}|71[3-7]\d{3}|75[0-2]\d{3})\b/;
// Cisco ASA/FTD firewall messages (denies, connection build and teardown, NAT, ICMP, permitted
// TCP, FTD's connection events) and its own administrators' logins: never tunnel lines, whatever
// they say ("Teardown UDP connection ... due to idle timeout", "User authentication failed: ...
// Uname: admin", a connection event for UDP/500). 710007 (a NAT-T keepalive received) and 302302
// (no SA created for proxies the crypto ACL denies) are the tunnel's.
const ASA_FIREWALL_MESSAGE =
  /%(?:ASA|FTD|PIX)-(?:\w+-)?\d-(?:106\d{3}|(?!302302)30[2-5]\d{3}|313\d{3}|430\d{3}|605\d{3}|611\d{3}|710(?!007)\d{3}):/;
// Fortinet key=value logs of anything but VPN and routing events: traffic and UTM records, system,
// admin, user-authentication and mail events ("SSL connection failed", "AUTH_FAIL_USER", STARTTLS).
// Routing events carry the BGP sessions over the tunnels ("BGP: %BGP-5-ADJCHANGE: ...").
const FORTINET_NOT_VPN = /\b(?:type="?(?:utm|traffic)"?|subtype="?(?!vpn\b|ipsec\b|router\b)[\w-]+"?)(?=[\s,]|$)/;
const FORTINET_RECORD = /\b(?:devname|devid|device_id|logdesc)=/;
// OSPF's inactivity timer or the kernel's unreachable network in BIRD are not a BGP session's.
const BIRD_OTHER_PROTOCOL = new RegExp(`^(?:${BIRD_OTHER_PROTOCOLS})\\d*(?::| [<>]) `, "i");
// RouterOS logs by topic: "pppoe,ppp,info pppoe-out1: terminating... - peer is not responding" is
// PPPoE's, not a tunnel's; only its ipsec topic and BGP (route,bgp) speak of the tunnels.
// The level may have topics after it ("route,bgp,debug,timer", "ipsec,debug,packet").
const ROUTEROS_TOPICS =
  /(?:^|\s)[a-z][a-z-]*(?:,[a-z][a-z-]*)*,(?:info|error|warning|debug|critical)(?:,[a-z][a-z-]*)* /;
const ROUTEROS_TUNNEL_TOPIC = /(?:^|\s|,)(?:ipsec|bgp),/;
/** "tunnel" for a RouterOS line of its ipsec or BGP topics, "other" for another topic's, else undefined. */
function routerosTopicOf(line: string, found: Found): "tunnel" | "other" | undefined {
  if (!found.has(MARK.routerosTopic) || !ROUTEROS_TOPICS.test(line)) return undefined;
  return ROUTEROS_TUNNEL_TOPIC.test(line) ? "tunnel" : "other";
}
// Cisco IOS/NX-OS messages of facilities that never report a tunnel or its BGP session (time,
// management, logins, LAN protocols, other routing protocols): "%NTP-4-PEERUNREACH: Peer
// 192.0.2.123 is unreachable" is a time server's, not an IKE peer's.
const CISCO_OTHER_FACILITY =
  /%(?:NTP|SNMP|SSH|SEC_LOGIN|SYS|DHCPD?|CDP|LLDP|SPANTREE|DOT1X|AUTHMGR|MAB|RADIUS|TACACS|OSPF|OSPFV3|EIGRP|DUAL|ISIS|CLNS|BFD|BFDFSM|PIM|HSRP|STANDBY|VRRP|ETHPORT|ILPOWER|PORT_SECURITY|HA_EM|ENVMON)-\d-\w+:/;
// Junos security flow and application records (sessions opened, closed "idle Timeout", denied).
const JUNOS_FLOW_RECORD = /\b(?:RT_FLOW|APPTRACK)_[A-Z_]+\b/;
// ScreenOS (NetScreen) logs every event through one syslog: its traffic records are never
// tunnel lines, and its other events are only when they speak of IKE, IPsec or VPNs.
const SCREENOS_TRAFFIC_RECORD = /\]system-[a-z]+-\d{5}\(traffic\):/;
const SCREENOS_VPN_WORDS = /\bVPN\b/;
// tcpdump's one-line packet summaries: "18:32:02.219017 IP 10.0.0.1.500 > 10.0.0.2.500: isakmp: ...".
const PACKET_CAPTURE = /^IP6? \S+ > \S+: /;
// Cisco ISE RADIUS accounting and authentication records.
const CISCO_ISE_RECORD = /\bCISE_\w+ \d{10} /;
// Daemons of a VPN gateway that never write IKE, IPsec or BGP lines: their "Authentication
// failed" or "timeout" is PPP's, SSH's, DHCP's or mail's, not a tunnel's.
const NOT_TUNNEL_PROGRAMS = new Set([
  "pppd",
  "xl2tpd",
  "openl2tpd",
  "sshd",
  "sudo",
  "cron",
  "CRON",
  "dhclient",
  "dhcpcd",
  "dnsmasq",
  "chronyd",
  "ntpd",
  "miniupnpd",
  "netifd",
  "login",
  "systemd-logind",
  "systemd-timesyncd",
  "krb5kdc",
  "kadmind",
  "smtpd",
  "smtp",
  "postfix/smtpd",
  "postfix/smtp",
  "sendmail",
  "exim",
  "dovecot",
]);
// BGP daemons of a customer gateway: their lines are routing lines of the tunnels' BGP sessions.
const BGP_PROGRAMS = new Set(["bgpd", "bird", "bird6", "gobgpd", "exabgp", "openbgpd"]);
// macOS's VPN session managers log the built-in IPsec client's progress ("IPSec Phase1 starting.").
const VPN_SESSION_MANAGERS = new Set(["nesessionmanager", "neagent"]);
// Tags that name a protocol, not a daemon, where syslog puts a program ("BGP: Peer 10.0.0.1 UP",
// Cisco IOS debug's "ISAKMP-ERROR: " and "IKEv2-PROTO-2: "), NEC IX's facility tags ("IKE.016: "),
// LANCOM's trace tags ("VPN: start IKE negotiation for ...", "VpnIpm: info; phase-1 negotiation ...")
// and Junos event names written without the daemon's name ("SNMP_TRAP_LINK_DOWN: ifIndex 525, ...
// ifName st0.1").
const PROTOCOL_TAG =
  /^(?:DPD|dpd|IKE|IPSEC|IPsec|BGP|ISAKMP(?:-[A-Z]+)?|IKEv2(?:-[A-Z]+(?:-\d)?)?|VPN|Vpn[A-Z][a-z]+)$|^[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]$/;
const isTagProgram = (program: string) => PROTOCOL_TAG.test(program) || NEC_IX_TAG.test(program);
// A BGP or IKE daemon's function name in a trace line.
const TRACE_FUNCTION = /^(?:bgp|ike|ikev2|isakmp|ipsec|quick|main|aggr)_\w/;
// Junos rpd events of routing protocols that do not run over the tunnels Tunnelwatch watches.
const JUNOS_OTHER_ROUTING = /\bRPD_(?:OSPF|ISIS|LDP|RSVP|PIM|MPLS|RIP|L2VPN|VPLS)_/;
// FortiGate and PAN-OS routing events: only their BGP sessions run over the tunnels.
const ROUTING_EVENT = /\bsubtype="?router\b|\blogdesc="Routing log"|,SYSTEM,routing,/;
const BGP_WORD = /\bbgp/i;
const utf8 = new TextDecoder("utf-8", { fatal: true });

function unknown(reason: string, vendor: Vendor = "unknown", fields: ParsedFields = {}): Classification {
  return {
    code: "UNKNOWN",
    severity: "info",
    phase: null,
    vendor,
    confidence: 0,
    evidence: null,
    rule: null,
    reason,
    clears: [],
    fields,
  };
}

function toText(input: unknown): string | Classification {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) {
    try {
      return utf8.decode(input);
    } catch {
      return unknown("invalid UTF-8");
    }
  }
  return unknown(`not a text line (${input === null ? "null" : typeof input})`);
}

// An SSL VPN's or OpenVPN's session (AnyConnect's SVC and DTLS, GlobalProtect, OpenVPN's ping timers).
const TLS_VPN_SESSION =
  /\b(?:SVC|DTLS|SSL|GPST|AnyConnect)\b|\bTLS tunnel\b|\bopenvpn\b|--ping-(?:restart|exit)\b|\[soft,ping-(?:restart|exit)\]/i;

/**
 * An idle timeout concerns the SA the line names; a LAN-to-LAN session idles out when its IPsec
 * SAs carry no traffic (phase 2), while a remote-access or OpenVPN session's idle timer has no
 * IKE phase.
 */
function idlePhase(phase: IkePhase | null, message: string): IkePhase | null {
  return phase ?? (/Session Type: (?:IPSec)?LAN(?:-to-|2)LAN/i.test(message) ? "2" : null);
}

interface ResolvedCode {
  code: LogFaultCode;
  phase: IkePhase | null;
  /** The rule id to report when the line's meaning is narrower than the rule that matched it. */
  rule?: string;
  /** Faults the line shows to be over, when the rule's own list does not decide. */
  clears?: LogFaultCode[];
}

const CHARON_CHILD_NO_PROPOSAL = /\bno acceptable proposal found$/;

const proposalMismatchOf = (phase: IkePhase): LogFaultCode =>
  phase === "2" ? "IPSEC_PROPOSAL_MISMATCH" : "IKE_PROPOSAL_MISMATCH";

/** The phase the SSH IPsec toolkit's "protocol = n" names: 1 ISAKMP, 2 AH, 3 ESP, 4 IPcomp. */
function sshIkeProtocolPhase(message: string): IkePhase | null {
  const protocol = /\bprotocol = ([1-4]),/.exec(message)?.[1];
  if (protocol === undefined) return /\bto isakmp sa\b/.test(message) ? "1" : null;
  return protocol === "1" ? "1" : "2";
}

function resolveCode(rule: Rule, match: RegExpExecArray, phase: IkePhase | null, message: string): ResolvedCode {
  switch (rule.code) {
    case "PROPOSAL": {
      // charon's CHILD_SA task writes "no acceptable proposal found" when the peer's ESP/AH
      // proposals match none of its own; its IKE_SA_INIT answers "received proposals unacceptable"
      // (it writes the same words only when an IKE proposal carries no DH group, which IKE's must).
      // Without an exchange named, IKEv1's "<notify> error notify" wording is most often a
      // quick-mode (phase 2) answer, IKEv2's "notify error" an IKE_SA_INIT (phase 1) answer. Older
      // Libreswan names the IKE_AUTH exchange by its state: "STATE_PARENT_I2: v2N_NO_PROPOSAL_CHOSEN"
      // answers the Child SA's proposals that IKE_AUTH carries.
      const resolved =
        /\bSTATE_PARENT_I2: /.test(message) || (phase === null && CHARON_CHILD_NO_PROPOSAL.test(message))
          ? "2"
          : (phase ?? (/error notify/.test(message) ? "2" : "1"));
      return { code: proposalMismatchOf(resolved), phase: resolved };
    }
    case "INVALID_ID":
      // On the ISAKMP/IKE SA itself it is an identity problem; on a child SA, the selectors.
      return phase === "1"
        ? ({ code: "IKE_AUTH_FAILURE", phase: "1" } as const)
        : ({ code: "TRAFFIC_SELECTOR_MISMATCH", phase: "2" } as const);
    case "REASON_CODE": {
      // A code that says nothing of the phase takes the exchange the line names (Windows' main
      // or quick mode event).
      const fault = faultOfReasonCode(match[1] ?? "");
      return fault.phase === null ? { ...fault, phase } : fault;
    }
    case "SSH_IKE_NOTIFY": {
      const meaning = meaningOfSshIkeNotify(match[1] ?? match[2] ?? match[3] ?? match[4] ?? "");
      if (meaning === "INFO") return { code: "INFO", phase };
      const resolved = resolveCode({ ...rule, code: meaning }, match, sshIkeProtocolPhase(message) ?? phase, message);
      // An authentication or IKE proposal failure is the ISAKMP SA's, whatever exchange the line names.
      const isakmpOnly = resolved.code === "IKE_AUTH_FAILURE" || resolved.code === "IKE_PROPOSAL_MISMATCH";
      return isakmpOnly ? { ...resolved, phase: "1" } : resolved;
    }
    case "SESSION_REASON": {
      const code = codeOfSessionReason(match[1] ?? match[2] ?? "");
      if (code === "IDLE_TIMEOUT") return { code, phase: idlePhase(phase, message) } as const;
      return { code, phase: code === "TRAFFIC_SELECTOR_MISMATCH" ? "2" : phase } as const;
    }
    case "BGP_TRANSITION": {
      const move = bgpSessionMove(bgpTransitionOf(match));
      if (move === "down") return { code: "BGP_SESSION_DOWN", phase: null };
      // A BGP session over the tunnel can only reach Established through a tunnel that is up.
      if (move === "up") return { code: "TUNNEL_UP", phase: null, clears: ["BGP_SESSION_DOWN"] };
      return { code: "INFO", phase: null, clears: [] };
    }
    case "PEER_UNREACHABLE":
      // An unanswered IKE_AUTH leaves the IKE SA itself unestablished.
      return { code: rule.code, phase: /\bIKE_AUTH\b/.test(message) ? "1" : phase } as const;
    case "IDLE_TIMEOUT":
      return { code: rule.code, phase: idlePhase(phase, message) } as const;
    case "DPD_TIMEOUT":
      // An SSL VPN's or OpenVPN's keepalive has no IKE phase.
      return { code: rule.code, phase: TLS_VPN_SESSION.test(message) ? null : phase } as const;
    case "BLOCKED_TRAFFIC":
      return faultOfBlockedTraffic(match);
    case "SA_DELETE": {
      if (phase === "2" && isRoutineChildDelete(match[0], message))
        return { code: "INFO", phase, rule: CHILD_SA_DELETE_RULE };
      // pluto names the ISAKMP SA a delete arrived over, then the one it deletes: a delete of an
      // older SA over a newer one ("#5: received Delete SA payload: deleting ISAKMP State #1") is
      // the peer removing the SA its rekey replaced, while the newer one stays up.
      const over = message.includes("ISAKMP State #") ? PLUTO_ISAKMP_DELETE.exec(message) : null;
      if (over && over[1] !== over[2]) return { code: "INFO", phase: "1", rule: SUPERSEDED_SA_DELETE_RULE };
      return { code: "TUNNEL_DOWN_OTHER", phase };
    }
    default:
      return { code: rule.code, phase } as const;
  }
}

/** The rule id of an IPsec (child) SA's delete that names no cause. */
const CHILD_SA_DELETE_RULE = "benign.child-sa-delete";
/** The rule id of a delete of an SA that a newer one of the same tunnel replaced. */
const SUPERSEDED_SA_DELETE_RULE = "benign.superseded-sa-delete";
const PLUTO_ISAKMP_DELETE = /#(\d+): received Delete SA(?:\(0x[0-9a-f]+\))? payload: deleting ISAKMP State #(\d+)\b/;

/**
 * An IPsec (child) SA deleted, closed or sent a delete for, with no cause named, is what every
 * rekey does to the SA it replaces ("closing CHILD_SA", "received DELETE for ESP CHILD_SA", PAN-OS's
 * "IPSec SA delete message sent to peer"): routine. Not so a half-open quick mode given up
 * (QUICK_I1, QUICK_R1), a delete after a rejection, timeout or failure the line names, one
 * that takes the IKE SA with it, or the reason Junos gives for a VPN it reports down
 * ("KMD_VPN_DOWN_ALARM_USER: VPN ... is down. ... Reason: IPSec SA delete payload received ...").
 */
function isRoutineChildDelete(evidence: string, message: string): boolean {
  return (
    !/ISAKMP|IKE[_ ]?SA|no corresponding tunnel/i.test(evidence) &&
    !/\band (?:ISAKMP|IKE)[_ ]?SA\b|\(QUICK_[IR]1\)|\brejected\b|\btimed out\b|\btimeout\b|\bfail|_DOWN_ALARM_/i.test(
      message,
    )
  );
}

/**
 * The first rule that matches, running only the expressions of rules whose keywords occur (the
 * keyword index, like the expressions, ignores case). Without a tunnel's context, a rule whose
 * wording every network program uses is passed over and the later rules may still read the line.
 */
export function applyRules(
  message: string,
  found: Found = scan(message, new Found()),
  isTunnel = true,
): { rule: Rule; match: RegExpExecArray } | undefined {
  // Most lines are candidates for a few rules: skip the rules four at a time while none is.
  const words = found.words;
  for (let start = 0; start < RULES.length; start += 4) {
    if (words[start >>> 2] === 0) continue;
    const end = Math.min(start + 4, RULES.length);
    for (let i = start; i < end; i++) {
      if (!found.isRuleCandidate(i)) continue;
      const rule = RULES[i] as Rule;
      const match = rule.test.exec(message);
      if (match && (isTunnel || !rule.needsTunnelContext)) return { rule, match };
    }
  }
  return undefined;
}

/** Every rule in order without the keyword index: the reference the index must agree with. */
export function applyRulesExhaustively(
  message: string,
  isTunnel = true,
): { rule: Rule; match: RegExpExecArray } | undefined {
  for (const rule of RULES) {
    const match = rule.test.exec(message);
    if (match && (isTunnel || !rule.needsTunnelContext)) return { rule, match };
  }
  return undefined;
}

/**
 * Whether a line reads as a tunnel log for a rule whose wording every network program uses: a
 * known vendor's line, a BGP daemon's, one with IKE, IPsec or BGP words, or a bare fragment of a few words (a
 * message quoted from a vendor's table). Another program's line, or a long line in a format of
 * its own, is not.
 */
function isTunnelContext(message: string, vendor: Vendor, fields: ParsedFields): boolean {
  if (vendor !== "unknown" || VPN_VOCABULARY.test(message)) return true;
  if (fields.program !== undefined && BGP_PROGRAMS.has(fields.program)) return true;
  return fields.program === undefined && fields.time === undefined && message.length <= 40;
}

/**
 * `message` is what the rules read (names blanked out, see names.ts); `original` is the same text
 * with its names, from which the evidence is cut.
 */
function classifyMessage(
  message: string,
  vendor: Vendor,
  fields: ParsedFields,
  found: Found,
  original = message,
): Classification | undefined {
  let hit = applyRules(message, found);
  // Only the rare line whose first matching rule needs a tunnel's context pays for the check, and
  // without that context the search runs again past such rules.
  if (hit?.rule.needsTunnelContext && !isTunnelContext(message, vendor, fields))
    hit = applyRules(message, found, false);
  if (!hit) return undefined;
  const { rule, match } = hit;
  const contextPhase =
    rule.phase === undefined ? (phaseFromContext(message, found) ?? rule.defaultPhase ?? null) : rule.phase;
  const resolved = resolveCode(rule, match, contextPhase, message);
  const code: LogFaultCode = resolved.code;
  const evidence = original === message ? match[0] : original.slice(match.index, match.index + match[0].length);
  return {
    code,
    severity: DEFAULT_SEVERITY[code],
    phase: code === "BGP_SESSION_DOWN" ? (rule.phase ?? null) : resolved.phase,
    vendor,
    confidence: rule.confidence,
    evidence: evidence.length > 200 ? `${evidence.slice(0, 200)}…` : evidence,
    rule: resolved.rule ?? rule.id,
    // TUNNEL_UP clears the tunnel's IPsec faults by its code (incident folding knows); `clears`
    // names what else a line ends, such as BGP Established ending BGP_SESSION_DOWN.
    clears: resolved.clears ?? rule.clears ?? [],
    fields,
  };
}

function stateResult(
  fields: ParsedFields,
  vendor: Vendor,
  code: LogFaultCode,
  phase: IkePhase | null,
  confidence: number,
  evidence: string,
  clears: LogFaultCode[] = [],
  rule = "aws.state",
): Classification {
  return {
    code,
    severity: DEFAULT_SEVERITY[code],
    phase,
    vendor,
    confidence,
    evidence,
    rule,
    clears,
    fields,
  };
}

// AWS writes a record's phase states in any case ("Established", "established", "DOWN").
const isEstablished = (state: string | undefined) => state?.toLowerCase() === "established";
const isDown = (state: string | undefined) => state?.toLowerCase() === "down";
const isNotUp = (state: string | undefined) => isDown(state) || state?.toLowerCase() === "negotiating";
const isUpOrRekeying = (state: string | undefined) => isEstablished(state) || state?.toLowerCase() === "rekeying";

/**
 * What a record's state fields say when its message names no fault: a BGP status is the session
 * down, or up (read as the tunnel up, as a session reaching Established is); a phase down is the
 * tunnel down; both phases established is the tunnel up only in a record with no message (a periodic
 * one), since a message that names no fault with both phases up is routine exchange chatter
 * ("processed response (id=41) for CREATE_CHILD_SA" at a rekey).
 */
function classifyAwsStates(fields: ParsedFields, vendor: Vendor, message: string): Classification | undefined {
  if (fields.bgpStatus === "BGPStatus:DOWN")
    return stateResult(fields, vendor, "BGP_SESSION_DOWN", null, 0.7, "status DOWN");
  if (fields.bgpStatus === "BGPStatus:UP")
    return stateResult(fields, vendor, "TUNNEL_UP", null, 0.7, "status UP", ["BGP_SESSION_DOWN"]);
  const p1 = fields.ikePhase1State;
  const p2 = fields.ikePhase2State;
  if (isDown(p1) || isDown(p2)) {
    const phase = isDown(p1) ? "1" : "2";
    return stateResult(fields, vendor, "TUNNEL_DOWN_OTHER", phase, 0.6, `ike_phase${phase}_state Down`);
  }
  if (message === "" && isEstablished(p1) && isEstablished(p2)) {
    return stateResult(fields, vendor, "TUNNEL_UP", "2", 0.6, "both IKE phases Established");
  }
  return undefined;
}

/**
 * Why a line is not a tunnel line whatever words it uses, or undefined: a daemon that never
 * writes IKE, IPsec or BGP, an ASA's firewall message, the Junos routing daemon's other protocols,
 * another kind of record (Fortinet traffic, UTM or system events, Junos flow records, Cisco ISE).
 */
export function notTunnelLine(
  program: string | undefined,
  vendor: Vendor,
  line: string,
  message: string,
  found: Found,
): string | undefined {
  // A firewall's record of a dropped IKE, NAT-T or ESP packet is the tunnel's, whoever wrote it.
  if (found.has(MARK.blockedTraffic) && BLOCKED_TUNNEL_TRAFFIC.test(line)) return undefined;
  if (program !== undefined && NOT_TUNNEL_PROGRAMS.has(program)) return `a ${program} line, not a tunnel log`;
  if (program === "bird" && BIRD_OTHER_PROTOCOL.test(message))
    return "a BIRD line of another protocol (OSPF, BFD, RPKI, the kernel's routes), not a BGP session";
  if (line.includes("%") && CISCO_OTHER_FACILITY.test(line))
    return "a Cisco message of another facility, not a tunnel line";
  if (message.startsWith("IP") && PACKET_CAPTURE.test(message))
    return "a packet capture (tcpdump) line, not a log message";
  if (vendor === "cisco-asa" && ASA_FIREWALL_MESSAGE.test(line))
    return "a Cisco ASA firewall message, not a tunnel line";
  if (program === "rpd" && JUNOS_OTHER_ROUTING.test(message)) return "a Junos routing line of another protocol";
  if ((vendor === "fortinet" || vendor === "paloalto") && ROUTING_EVENT.test(line) && !BGP_WORD.test(message))
    return "a routing event of another protocol, not a tunnel line";
  if (vendor === "juniper" && SCREENOS_TRAFFIC_RECORD.test(line)) return "a ScreenOS traffic record, not a tunnel line";
  if (routerosTopicOf(line, found) === "other") return "a RouterOS line of another topic, not a tunnel line";
  if (!found.has(MARK.otherRecord)) return undefined;
  if (FORTINET_RECORD.test(line) && FORTINET_NOT_VPN.test(line)) return "a Fortinet record other than a VPN event";
  if (JUNOS_FLOW_RECORD.test(line)) return "a Junos security flow record, not a tunnel line";
  if (CISCO_ISE_RECORD.test(line)) return "a Cisco ISE record, not a tunnel line";
  return undefined;
}

const MALFORMED = Symbol("malformed JSON");
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return MALFORMED;
  }
}

/**
 * Whether a line that names no fault is still a tunnel log (INFO rather than UNKNOWN).
 * Vocabulary alone counts only for bare messages: a line from another program (NetworkManager,
 * sshd, the kernel) that mentions IPsec is not a tunnel log. A tag such as "DPD:" or "IKE:" in
 * the program's place is a tunnel log's. A vendor given by the caller names who sent the line,
 * not that it is a tunnel log, so only a vendor the line itself shows counts (by its header, or
 * by a daemon's own wording in a bare message). Cisco ASA and ScreenOS log
 * through one syslog for everything: only their VPN messages are tunnel lines. RouterOS names
 * the topic instead: its ipsec and BGP topics' lines are tunnel lines.
 */
function readsAsTunnelLine(
  detected: Vendor,
  line: string,
  message: string,
  program: string | undefined,
  found: Found,
): boolean {
  if (detected === "cisco-asa")
    return ASA_VPN_MESSAGE.test(line) || ASA_TUNNEL_GROUP.test(line) || VPN_VOCABULARY.test(message);
  if (detected === "juniper" && SCREENOS_EVENT.test(line))
    return VPN_VOCABULARY.test(message) || SCREENOS_VPN_WORDS.test(message);
  if (detected !== "unknown") return true;
  if (routerosTopicOf(line, found) === "tunnel") return true;
  if (program === undefined || VPN_SESSION_MANAGERS.has(program)) return VPN_VOCABULARY.test(message);
  // Junos rpd and kmd traces write the function's name where syslog puts a program:
  // "bgp_read_v4_message: ...", "ike_st_i_n: ...".
  // A protocol tag ("VPN: ") is no program: the message's words decide, as without one.
  return (
    BGP_PROGRAMS.has(program) ||
    TRACE_FUNCTION.test(program) ||
    VPN_VOCABULARY.test(program) ||
    (isTagProgram(program) && VPN_VOCABULARY.test(message))
  );
}

// One scan buffer per process: classification is synchronous, so it is never shared.
const found = new Found();

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10 || code === 11 || code === 12;
}

export function classifyLine(input: string | Uint8Array, options: ClassifyOptions = {}): Classification {
  const text = toText(input);
  if (typeof text !== "string") return text;
  if (text.length > MAX_LINE_LENGTH) {
    return unknown(`line is ${text.length} characters, over the ${MAX_LINE_LENGTH} a log line can have`);
  }
  const line = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? text.trim() : text;
  if (line === "") return unknown("empty line");
  const first = line.charCodeAt(0);
  const unquoted = first === 62 /* > */ || first === 96 /* ` */ ? withoutQuoteMarks(line) : line;
  if (unquoted === "") return unknown("empty line");
  return classifyTrimmedLine(unquoted, options, false);
}

/**
 * `isPasteUndone`: the line is already the text a paste (HTML entities, Unicode spaces, colour
 * codes) stood for; it is not undone twice, so that "&amp;amp;" stays "&amp;" and the work stays
 * linear.
 */
function classifyTrimmedLine(line: string, options: ClassifyOptions, isPasteUndone: boolean): Classification {
  let isMalformedJson = false;
  if (line.charCodeAt(0) === 123 /* { */) {
    const parsed = parseJson(line);
    isMalformedJson = parsed === MALFORMED;
    if (isObject(parsed)) {
      const record = readAwsRecord(parsed);
      if (record) return classifyAwsRecord(record, options);
      const alarm = readVpnAlarm(parsed);
      if (alarm) return classifyVpnAlarm(alarm);
      const wrapped = wrappedLine(parsed);
      if (wrapped !== undefined) return withEnvelopeFields(classifyLine(wrapped, options), parsed);
    }
  }
  const prefixed = isMalformedJson ? undefined : prefixedAwsRecord(line);
  if (prefixed) return classifyAwsRecord(prefixed, options);
  const joined = mayHoldPlaceholder(line) ? joinPlaceholderWords(line) : line;
  const result = classifyText(joined, isMalformedJson, options, isPasteUndone);
  return joined === line ? result : withPlaceholdersRestored(result, line);
}

// A record's opening brace: pretty-printers and the AWS documentation put a space inside the braces
// ('{ "resource_arn": ...').
const RECORD_START = /\{\s*"/;

/**
 * An AWS tunnel or BGP record after what a tool printed before it: `aws logs tail` (time and log
 * stream), `aws logs get-log-events --output text` (EVENTS and the ingestion time, the event's
 * time after it), a Logs Insights export (its @timestamp; in CSV the record is quoted, its own
 * quotes doubled) or a syslog relay's header.
 */
function prefixedAwsRecord(line: string): AwsRecord | undefined {
  const start = line.search(RECORD_START);
  if (start <= 0) return undefined;
  const end = line.lastIndexOf("}");
  if (end <= start) return undefined;
  const json = line.slice(start, end + 1);
  const parsed = parseJson(json.startsWith('{""') ? json.replaceAll('""', '"') : json);
  return isObject(parsed) ? readAwsRecord(parsed) : undefined;
}

/** A text line (or a JSON record that did not parse) after its placeholders were joined. */
function classifyText(
  textLine: string,
  isMalformedJson: boolean,
  options: ClassifyOptions,
  isPasteUndone: boolean,
): Classification {
  // Keywords are not looked for in the timestamp, which holds none.
  const header = splitHeader(textLine);
  const { message, fields, afterTime } = header;
  scan(textLine, found, afterTime);
  // A line copied through a web page or a terminal: read the text it stands for.
  if (!isPasteUndone && (found.hasSuspectCharacters || found.has(MARK.htmlEntity)) && hasPasteMarks(textLine)) {
    const plain = withoutQuoteMarks(asPlainText(textLine));
    if (plain === "") return unknown("empty line");
    if (plain !== textLine) return classifyTrimmedLine(plain, options, true);
  }
  if (found.hasSuspectCharacters && isBinary(textLine)) {
    return unknown("binary data or invalid UTF-8 in the line");
  }
  const detected = vendorOf(header, textLine, found);
  const otherTraffic = notTunnelLine(fields.program, detected, textLine, message, found);
  if (otherTraffic) return unknown(otherTraffic, detected, fields);
  let vendor = detected;
  if (isMalformedJson && /"(?:ike_phase[12]_state|dpd_enabled|nat_t_detected|details)"/.test(textLine)) vendor = "aws";
  // A daemon's own wording names it after a hint does, and makes the line a tunnel line as a header would.
  const worded = detected === "unknown" ? vendorOfWording(message, found) : detected;
  if (vendor === "unknown" && options.vendor) vendor = options.vendor;
  if (vendor === "unknown") vendor = worded;

  // A tag such as "DPD:" where syslog puts a program is part of what the message says
  // (MikroTik's "dpd: peer not responding, removing").
  const tag = fields.program !== undefined && isTagProgram(fields.program) ? `${fields.program}: ` : "";
  const taggedMessage = tag + message;
  const ruleText = tag + withoutNames(message, found);
  const result = message ? classifyMessage(ruleText, vendor, fields, found, taggedMessage) : undefined;
  if (result) {
    extractFields(message, vendor, fields, found);
    fields.message = message;
    return result;
  }
  if (isMalformedJson) return unknown("malformed or truncated JSON record", vendor, fields);
  const isDump = HEX_DUMP.test(message);
  if (readsAsTunnelLine(worded, textLine, message, fields.program, found) && !isDump) {
    extractFields(message, vendor, fields, found);
    fields.message = message;
    return {
      code: "INFO",
      severity: "info",
      phase: phaseFromContext(ruleText, found),
      vendor,
      confidence: 0.5,
      evidence: null,
      rule: "vendor.recognised",
      reason:
        vendor === "unknown"
          ? "a tunnel line that names no fault"
          : `${/^[aeio]/.test(vendor) ? "an" : "a"} ${vendor} line that names no fault`,
      clears: [],
      fields,
    };
  }
  return unknown(isDump ? "packet dump, not a message" : "no rule recognises this line", vendor, fields);
}

/** A CloudWatch alarm's state change on a VPN tunnel's metric (an SNS notification's message). */
function classifyVpnAlarm({ tunnel, evidence, fields }: VpnAlarm): Classification {
  const code: LogFaultCode = tunnel === "down" ? "TUNNEL_DOWN_OTHER" : tunnel === "up" ? "TUNNEL_UP" : "INFO";
  return stateResult(fields, "aws", code, null, 0.7, evidence, [], "aws.vpn-alarm");
}

/**
 * An SA delete read by the record's phase states. AWS logs "received DELETE for Phase 2 SA" at
 * every rekey, when the peer removes the SA the new one replaced; the record's own states then
 * still say both phases are Established, or the phase whose SA was replaced is Rekeying: routine.
 * A child SA's delete while the record says a phase is not up is the tunnel going down.
 */
function deleteOfStates(result: Classification, fields: ParsedFields): Classification {
  const isChildDelete = result.rule === CHILD_SA_DELETE_RULE;
  if (result.code !== "TUNNEL_DOWN_OTHER" && !isChildDelete) return result;
  const { ikePhase1State: p1, ikePhase2State: p2 } = fields;
  if (isUpOrRekeying(p1) && isUpOrRekeying(p2))
    return { ...result, code: "INFO", severity: "info", rule: "aws.sa-replaced" };
  if (isChildDelete && (isNotUp(p1) || isNotUp(p2)))
    return { ...result, code: "TUNNEL_DOWN_OTHER", severity: DEFAULT_SEVERITY.TUNNEL_DOWN_OTHER, rule: "down.delete" };
  return result;
}

const NAMES_A_PHASE = /\bphase ?[12]\b/i;

/**
 * A proposal mismatch in a record whose states say which phase is being negotiated: with phase 1
 * established and phase 2 not up it is phase 2's proposal, with phase 1 not up phase 1's. The
 * message alone ("No Proposal Match Found by AWS") does not say; one that names a phase ("Phase 2
 * was unable to establish while keeping Phase 1") does, whatever states the record carries.
 */
function proposalPhaseOfStates(result: Classification, message: string, fields: ParsedFields): Classification {
  if (result.code !== "IKE_PROPOSAL_MISMATCH" && result.code !== "IPSEC_PROPOSAL_MISMATCH") return result;
  if (NAMES_A_PHASE.test(message)) return result;
  const { ikePhase1State: p1, ikePhase2State: p2 } = fields;
  const phase = isEstablished(p1) && isNotUp(p2) ? "2" : isNotUp(p1) ? "1" : undefined;
  if (phase === undefined || proposalMismatchOf(phase) === result.code) return result;
  return { ...result, code: proposalMismatchOf(phase), phase };
}

function classifyAwsRecord(record: AwsRecord, options: ClassifyOptions): Classification {
  const { message, fields } = record;
  const vendor = record.vendor ?? options.vendor;
  if (message) {
    scan(message, found);
    if (found.hasSuspectCharacters && isBinary(message))
      return unknown("binary data in the record's details", vendor, fields);
  }
  const result = message ? classifyMessage(message, vendor, fields, found) : undefined;
  if (message) extractFields(message, vendor, fields, found);
  if (result) return proposalPhaseOfStates(deleteOfStates(result, fields), message, fields);
  return (
    classifyAwsStates(fields, vendor, message) ?? {
      code: "INFO",
      severity: "info",
      phase: null,
      vendor,
      confidence: 0.6,
      evidence: message || null,
      rule: "aws.record",
      clears: [],
      fields,
    }
  );
}
