// Splits a log line into its transport header (syslog timestamp, host, program) and the
// message, and recognises the vendor from the line's structure, not from product names that
// could appear in any text.
import { type Found, MARK } from "./markers.ts";
import type { ParsedFields, Vendor } from "./types.ts";
import {
  BIRD_OTHER_PROTOCOLS,
  CHARON_LOG_GROUPS,
  CHARON_STATUS_FIELDS,
  CISCO_MESSAGE_TAG,
  RASCLIENT_DIALED,
  VPN_VOCABULARY,
} from "./vocabulary.ts";

export interface Header {
  message: string;
  fields: ParsedFields;
  /**
   * Where the line's text after its timestamp starts (host, program and message; they can
   * carry a vendor's marks, the timestamp cannot), or 0.
   */
  afterTime: number;
  /** The vendor the program name says, if it is a VPN daemon's. */
  programVendor: Vendor | undefined;
}

const MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
// RouterOS's own time: "oct/27 22:37:49".
const ROUTEROS_TIME = new RegExp(`^${MONTHS}/`);
// journald and syslog write the month in the system's language ("Dez", "okt", "Geg", "тра",
// "févr."): any short word of Latin or Cyrillic letters where the month stands.
const ANY_MONTH = "[A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF]{3,5}\\.?";
// RFC 5424 "<pri>1 2023-05-04T15:19:33.984+10:00 host app procid msgid [sd] msg"
const SYSLOG_5424 = /^<\d{1,3}>1 (\S+) (\S+) (\S+) (\S+) (\S+) (?:(\[[^\]]*\]|-) ?)?/;
// "Mar 20 10:03:52 host program[pid]: " and "Dec 04 2014 12:37:51: " (Cisco, which may add the
// time zone: "Mar 13 15:29:24.294 UTC: ") and
// "2025-07-09T07:24:00.634073+00:00 host program[pid]: " (ISO), "oct/27 22:37:49 " (MikroTik) and
// "2021/12/02 11:46:04.740 BGP: " (FRR's log file, Yamaha RTX, NEC IX; LANCOM's trace writes "2004/01/20 15:18:34,530 "), "1/20/16 3:08:02.703 PM racoon[6269]: "
// (macOS Console's export) and
// "2019:01:15-10:23:45 utm pluto[5042]: " (Sophos UTM, formerly Astaro) and
// "2017 May 4 13:58:24.709 GMT N9k01 %BGP-5-ADJCHANGE: " (Cisco NX-OS); a time of day may carry
// its offset ("08:35:42.991510+01:00 lb-101 bird: "), an ISO time its milliseconds after a comma
// ("2026-12-05 10:11:12,123 ", as Python's and Java's loggers write it).
// Cisco IOS may put a sequence number before the time ("000123: ") and marks a clock that is not
// synchronised with "*" or one that lost synchronisation with "." ("*Mar  3 10:00:00.123 UTC: ").
// The time zone Cisco's clocks write after the time ("Mar 13 15:29:24.294 UTC: ").
const ZONE = "(?:UTC|GMT|[ECMP][SD]T|CES?T|JST|KST|IST|AES?T|BST)";
const SYSLOG_TIME = new RegExp(
  `^(?:<\\d{1,3}>)?(?:\\d{1,10}: )?[*.]?(?:\\w{3},? )?(${ANY_MONTH}\\s+\\d{1,2}(?:\\s+\\d{4})?\\s+\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:\\s+\\d{4}(?=\\s))?|\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?(?=\\s)|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?|\\d{4}\\/\\d{2}\\/\\d{2} \\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?|\\d{1,2}\\/\\d{1,2}\\/\\d{2}(?:\\d{2})? \\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)? [AP]M|\\d{4}:\\d{2}:\\d{2}-\\d{2}:\\d{2}:\\d{2}|${MONTHS}/\\d{1,2} \\d{2}:\\d{2}:\\d{2}|\\d{9,10}\\.\\d+|\\d{4} ${MONTHS}\\s+\\d{1,2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?: ${ZONE}(?= ))?)(?: ${ZONE}(?=:))?(?::)?\\s+(?:<\\d+(?:\\.\\d+)?>\\s+)?`,
);
const PRIORITY = /^<\d{1,3}>/;
const KV_RECORD_HOST = /^((?:\d{1,3}\.){3}\d{1,3}|[A-Za-z][\w.-]*) (?=(?:date|logver|devname|device_id|id)=)/;
const FACILITY_LEVEL =
  /^(?:kern|user|mail|daemon|auth|authpriv|syslog|lpr|news|uucp|cron|ftp|security|local[0-7])\.(?:emerg|alert|crit|err|error|warn|warning|notice|info|debug)$/;
const BARE_PROGRAM = /^(?:[VDIWE]\/)?([A-Za-z][\w.-]*)\s*(?:(\[\d+\])|\(\s*\d+\))?:\s+/;
// charon's status rows name an SA where a program would stand: "aws-1[3]: ESTABLISHED 2 hours ago, ...".
const CHARON_STATUS_FIELD = new RegExp(`^(?:${CHARON_STATUS_FIELDS})`);
const CRI_STREAM = /^std(?:out|err) [FP] /;
const CRI_STREAM_LENGTH = "stdout F ".length;
// A PAM module may follow the program's name ("sshd(pam_unix)[19939]: "), a level may follow
// its pid ("krb5kdc[2281](info): ", or Apple's "racoon[747] <Error>: "), or the pid be in
// parentheses ("charon (812): ").
const APPLE_LEVEL = "(?: <(?:Emergency|Alert|Critical|Error|Warning|Notice|Info|Debug)>)?";
const PROGRAM = new RegExp(
  `^([A-Za-z][\\w.\\-/]*)(?:\\(pam_\\w+\\))?(?:\\[(\\d+)\\])?(?: ?\\(\\d+\\)|\\((?:info|notice|warning|err|error|debug|crit|alert|emerg)\\))?${APPLE_LEVEL}:\\s+`,
);
// OpenWrt and BusyBox syslog put the facility and level between host and program:
// "host authpriv.warn pluto[7015]: ", F5 BIG-IP the level alone: "bigip1 info tmm[20647]: ". A
// host name does not end with a colon ("BGP: bgp_read: ..." is a tag, then the message).
const HOST_THEN_PROGRAM = new RegExp(
  `^(\\S*[^\\s:])\\s+(?:(?:[a-z]+\\.[a-z]+|emerg|alert|crit|err|warning|notice|info|debug)\\s+)?([A-Za-z][\\w.\\-/]*)(?:\\(pam_\\w+\\))?(?:\\[(\\d+)\\])?${APPLE_LEVEL}:\\s+`,
);
// OPNsense's log view: "2025-05-09T12:32:58-07:00   Notice   charon   [UPDOWN] received up-client event".
const LOG_VIEW_EXPORT =
  /^(?:Emergency|Alert|Critical|Error|Warning|Notice|Informational|Debug)\s+([A-Za-z][\w.-]*)(?:\[\d+\])?\s+/;
// Android logcat (threadtime): "04-19 21:29:15.337  6097  6097 I racoon  : ".
const LOGCAT = /^(\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})\s+\d+\s+\d+ [VDIWEF] ([A-Za-z][\w.-]*)\s*: /;

const OPENIKED_MESSAGE = /^(?:spi=0x[0-9a-f]+: |[a-z][a-z0-9]*_[a-z0-9_]+: )/;
const GREP_FILE_PREFIX = /^\/[\w./-]+\.log(?:\.\d+)?:(?=\w)|^\/var\/log\/[\w./-]+:(?=\w)/;

/** ScreenOS (NetScreen) event logs: "NetScreen device_id=fw1  [Root]system-information-00536: ...". */
export const SCREENOS_EVENT =
  /NetScreen device_id=|\]system-(?:emergency|alert|critical|error|warning|notification|information|debugging)-\d{5}\b/;

// A syslog server's host before a Cisco message, which has no program: "asa1 %ASA-4-113019: ",
// ASA's "logging device-id hostname" form "asa1 : %ASA-4-113019: " (or "asa1: "), IOS's with a sequence
// number and uptime "rtr1 3972364: 5w5d: %CRYPTO-6-...".
const CISCO_HOST = new RegExp(
  `^([\\w.:-]*[\\w.-])(?: ?:)? +(?:\\d+: +)?(?:\\d+[wdhms][\\d:wdhms.]*: +)?(?=${CISCO_MESSAGE_TAG})`,
);
// A syslog server's export that puts the sender's address and port and the facility and level
// before a Cisco message: "172.16.200.253:514 : local7.notice %PIX-5-713050: ...".
const SYSLOG_SOURCE = new RegExp(
  `^((?:\\d{1,3}\\.){3}\\d{1,3})(?::\\d+)? : (?:[a-z]+\\d?\\.[a-z]+ +)?(?=${CISCO_MESSAGE_TAG})`,
);
const TIME_WITH_COLON = /:\s*$/;
// The relay's host before a forwarded line's own timestamp (a digit, "<pri>" or a month name).
const RELAY_HOST = /^[\w.:-]+ +(?=<\d{1,3}>|\d|[A-Z][a-z]{2} )/;
// The device's own time right after the server's: narrower than what may follow a relay's host
// (a month and day, or a year), because every line without a host or program is tried with it.
const SECOND_TIME = new RegExp(`^(?:${MONTHS} +\\d|\\d{4}[-/ ])`);

// racoon writes its level where syslog puts a program: "2014-06-02 12:39:30: INFO: purged ...".
const RACOON_LEVEL = /^(?:ERROR|INFO|WARNING|NOTIFY|DEBUG)$/;
// FRR's log file with "log record-priority" writes the priority before the daemon's name:
// "2023/04/04 07:02:11 debugging: BGP: [MZNH7-XJV7F] evaluate_paths: ...".
const FRR_PRIORITY = /^(?:emergencies|alerts|critical|errors|warnings|notifications|informational|debugging)$/;
const FRR_DAEMON = /^([A-Z][A-Z\d]{1,9}): /;

// charon's log groups ("09[IKE] ", "[CFG] "; another program's "[RIB] " is not one), its
// exchanges, and its names of an IKE SA "<connection>[<unique id>]" and a CHILD SA
// "<connection>{<reqid>}".
const CHARON_GROUP = `\\[(?:${CHARON_LOG_GROUPS.join("|")})\\d?\\]`;
const STRONGSWAN_MESSAGE = new RegExp(
  `^(?:\\d{2})?${CHARON_GROUP} |(?:^|: )(?:parsed|generating) [A-Z][A-Z_\\d]+ (?:request|response) \\d+ \\[ |\\b\\d{2}${CHARON_GROUP}|\\bIKE_SA [^\\s[{]+\\[\\d+\\]|\\bCHILD_SA [^\\s[{]+\\{\\d+\\}`,
);
// charon's own wording, read in a bare message (quoted from a document or a console without its
// log group), after the "<connection|unique id> " it may start with. It names the daemon, not the
// device: a vendor hint comes first (Alibaba's VPN gateway speaks charon's words).
const STRONGSWAN_WORDING =
  /^(?:<[^>\s]*> )?(?:authentication of '[^']*' (?:\(myself\) )?(?:with|using) |received [A-Z][A-Z_\d]+ notify(?: error|, no CHILD_SA built|, will retry later)|no private key found for '|(?:sending )?retransmit \d+ of (?:request|response) |giving up after \d+ retransmits|establishing IKE_SA failed, peer not responding|peer not responding, trying again \(\d+\/\d+\)|no IKE config found for |looking for (?:[\w-]+ )*peer configs matching |no matching peer config found|selected peer config '|found matching (?:ike|child) config|(?:selected|received|configured) proposals?: (?:IKE|ESP|AH):|tried \d+ shared keys? for '|constraint check failed: |received [\w ().-]+ vendor ID$|(?:local|remote) host is behind NAT|sending keep alive to |\S+ is initiating an? (?:Main Mode |Aggressive Mode )?IKE_SA|scheduling (?:rekeying|reauthentication) in \d+s|maximum IKE_SA lifetime \d+s|unable to install (?:IPsec policies|inbound and outbound IPsec SA)|failed to establish CHILD_SA, keeping IKE_SA|(?:sending|received) packet: from \S+\[\d+\] to \S+\[\d+\]|(?:initiate failed: )?establishing CHILD_SA '[^']*' failed|IDir '[^']*' does not match to '|ignoring KE payload, agreed on a non-PFS proposal|[\w.-]+\{\d+\}: +(?:INSTALLED|REKEYED), (?:TUNNEL|TRANSPORT)|[\w.-]+\[\d+\]: (?:ESTABLISHED \d+ \w+ ago, |IKEv[12] SPIs: |IKE proposal: )|establishing connection '[^']*' failed|connection '[^']*' established successfully|peer didn't accept (?:DH group|key exchange method) \S+, it requested |(?:received|sending) DELETE for (?:ESP|AH) CHILD_SA|traffic selectors .* unacceptable$|no shared key found for '|(?:received|sending) (?:\d+ )?cert requests? for |received unknown vendor ID: |deleting CHILD_SA after \d+ seconds of inactivity|creating rekey job for CHILD_SA|detected CHILD_REKEY collision|DPD check timed out, enforcing DPD action|no IDi configured, fall back on IP address)/;

// pluto's own wording in a bare message, after its whack status code ("002 ") or state number: a
// connection named in quotes with its instance and peer ('"west"[1] 192.0.2.2: '), but not a JSON
// member ('"summary": "..."', '"StatusMessage": "IPSEC IS DOWN"'), and messages only Libreswan and
// Openswan write.
const LIBRESWAN_WORDING =
  /^(?:\d{3} )?(?:#\d+: +)?(?:"[^"]+"(?:\[\d+\])?(?: [\w.:-]+)?: (?!["{[\d]|true\b|false\b|null\b)|authentication failed: (?:computed hash|peer attempted|peer authentication requires)|responding to [A-Z_]+ (?:\(\d+\) )?message \((?:Message )?ID \d+\) from \S+ with (?:un)?encrypted notification|received unauthenticated v2N_|sending notification [A-Z_]+ to \S+:\d+|No IKEv2 connection found with compatible Traffic Selectors|IKE SA authentication request rejected(?: by peer)?: |cannot respond to IPsec SA request because no connection is known for|initial (?:Main|Aggressive) Mode message from \S+ but no (?:\(wildcard\) )?connection has been configured|Peer ID '[^']*' mismatched on first found connection|ignoring informational payload, type [A-Z_]+|No PARENT proposal selected|probable authentication failure \(mismatch of preshared secrets\?\)|queue Child SA; waiting on IKE SA|queuing pending IPsec SA|added (?:oriented )?IKEv[12] connection|added connection description "|listening for IKE messages|adding interface \S+ \S+:UDP\/\d+|Starting Pluto \(|NAT-Traversal support +\[|(?:Warning: )?ignored obsolete keyword ')/;

const VPN_PROGRAMS: Record<string, Vendor> = {
  charon: "strongswan",
  "charon-systemd": "strongswan",
  "charon-nm": "strongswan",
  "charon-cmd": "strongswan",
  ipsec: "strongswan",
  ipsec_starter: "strongswan",
  swanctl: "strongswan",
  pluto: "libreswan",
  racoon: "racoon",
  isakmpd: "isakmpd",
  kmd: "juniper",
  iked: "juniper",
  rpd: "juniper",
  ikemgr: "paloalto",
  // SRX's data plane reports ESP errors under its own tag: "RT_IPSEC: RT_IPSEC_BAD_SPI: ...".
  RT_IPSEC: "juniper",
  ipsec__plutorun: "libreswan",
  // Libreswan's configuration reader, which warns about a connection's options as it loads them.
  libipsecconf: "libreswan",
  addconn: "libreswan",
  // Cisco IOS debug output names its facility where syslog puts a program: "ISAKMP: transform 1, ESP_DES".
  ISAKMP: "cisco-ios",
  crypto_engine: "cisco-ios",
  bird: "bird",
  bird6: "bird",
};

// Huawei (VRP, USG) and H3C (Comware) write "MODULE/level/MNEMONIC:", after "%%<version>" in
// syslog; only the IKE, IPsec and BGP modules' messages are tunnel lines.
const VRP_TUNNEL_MESSAGE = /(?:^|\s|%%\d{2})(?:IKE|IKEV2|IPSEC|IPSEC-VPN|BGP)\/\d\/(\w+)(\(\w\)(?:\[\d+\])?)?:/;
// Huawei: version 01, a trap's OID (Huawei's enterprise number 2011), parameters in parentheses.
const HUAWEI_SIGN = /%%01[A-Z]|\bOID (?:\[\w+\]|1\.3\.6\.1\.4\.1\.2011\.)|[.:] ?\([A-Z][A-Za-z0-9]*=/;
// H3C: version 10, the MDC, milliseconds after a colon and the year, the BGP instance ("BGP.vpn1:").
const H3C_SIGN = /%%10[A-Z]|-MDC=\d|\d{2}:\d{2}:\d{2}:\d{3} \d{4} |\bBGP\.[\w-]*: /;
// SonicWall ("id=firewall sn=...") and Stormshield ("id=firewall time=... fw=...") key=value logs.
const SONICWALL_RECORD = /\bid=firewall sn=\S+ time="/;
const STORMSHIELD_RECORD = /\bid=firewall time="[^"]*" fw="/;
const STORMSHIELD_VPN = /\blogtype="?vpn\b|\bikev=\d/;
// WatchGuard's IKE and IPsec message ids are 0200-021F ("msg_id="0203-0025""); without its
// header its failures still read "IKE phase-1 negotiation from A:500 to B:500 failed. Gateway-Endpoint='gw'".
const WATCHGUARD_VPN =
  /\bmsg_id="02[0-9A-F]{2}-[0-9A-F]{4}"|\b(?:negotiation|exchange) from \S+ to \S+ failed\. (?:Gateway-?Endpoint|Tunnel)='/;
const RASCLIENT_LINE = new RegExp(`\\b${RASCLIENT_DIALED} `, "i");
const SOPHOS_VPN = /\bdevice="SFW".*\blog_component="IPSec"/;
// FRR (and Quagga) bgpd: "%ADJCHANGE: ", "%NOTIFICATION(Hard Reset): " and, where the program
// is bgpd (Cisco IOS debug writes them too), "[FSM] " and "went from OpenConfirm to Established".
const FRR_MESSAGE = /%(?:ADJCHANGE|NOTIFICATION)(?:\([^)]*\))?: /;
const FRR_BGPD_MESSAGE = /\[FSM\] |\bwent from [A-Z]\w+ to [A-Z]\w+/;
// BIRD without a syslog header, on a protocol other than BFD, OSPF and the kernel's routes.
const BIRD_BARE = new RegExp(`(?:^|\\s)bird6?(?:\\[\\d+\\])?: (?!${BIRD_OTHER_PROTOCOLS})`);
// BIRD's own log file puts a message class in angle brackets after the time, BIRD 3 the thread
// first: "2026-02-05 14:02:51.007 <RMT> bgp1: Received: Hold timer expired", "... [0004] <TRACE> ...".
const BIRD_LOG_CLASS = /^(?:\[\d{4}\] )?<(?:RMT|TRACE|INFO|WARN|ERR|AUTH|FATAL|BUG|DBG)> /;

/**
 * Firewalls and routers that log everything through one syslog are recognised only by their
 * tunnel (IKE, IPsec, BGP) messages: their other lines stay unknown, as another program's would.
 */
function vendorOfOneSyslogDevice(message: string, line: string, found: Found, program: string | undefined) {
  if (found.has(MARK.vrp)) {
    const vrp = VRP_TUNNEL_MESSAGE.exec(line);
    if (vrp) {
      if (vrp[2] !== undefined || HUAWEI_SIGN.test(line)) return "huawei";
      if (H3C_SIGN.test(line)) return "h3c";
      return (vrp[1] as string).includes("_") ? "h3c" : "huawei";
    }
  }
  if (found.has(MARK.firewallRecord)) {
    if (SONICWALL_RECORD.test(line) && VPN_VOCABULARY.test(message)) return "sonicwall";
    if (STORMSHIELD_RECORD.test(line) && (STORMSHIELD_VPN.test(line) || VPN_VOCABULARY.test(message)))
      return "stormshield";
  }
  if (found.has(MARK.watchguard) && WATCHGUARD_VPN.test(line)) return "watchguard";
  if (found.has(MARK.sophos) && SOPHOS_VPN.test(line)) return "sophos";
  // Windows: the IKE service's trace, and RasClient's events for a VPN connection that failed.
  if (found.has(MARK.windows) && (/\[ikeext\]/i.test(line) || RASCLIENT_LINE.test(line))) return "windows";
  if (found.has(MARK.frr)) {
    const isBgpd = program?.endsWith("bgpd") === true;
    // FRR's own log file tags its lines "BGP:" where syslog puts a program.
    if ((program === undefined || program === "BGP" || isBgpd) && FRR_MESSAGE.test(message)) return "frr";
    if (isBgpd && FRR_BGPD_MESSAGE.test(message)) return "frr";
  }
  if (found.has(MARK.bird) && program === undefined && BIRD_BARE.test(line)) return "bird";
  return undefined;
}

// NEC UNIVERGE IX names the facility and message number where syslog puts a program: "IKE.016: ".
export const NEC_IX_TAG = /^(?:IKE2?|IPSEC|SEC|BGP)\.\d{3}$/;
// Yamaha RTX: "2018/10/29 17:32:55: [IKE] initiate ISAKMP phase ..." and "... IP Tunnel[1] Up";
// newer firmware tags IKEv1 and IKEv2 apart: "[IKE1] SA:1/IKE established".
const YAMAHA_TIME = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}: /;
const YAMAHA_TUNNEL_MESSAGE = /^(?:\[(?:IKE[12]?|IPSEC)\] |IP Tunnel\[\d+\] (?:Up|Down)\b)/;

/**
 * The ASA's VPN messages name the tunnel group (captured) and usually the peer first: "Group =
 * 203.0.113.9, IP = 203.0.113.9, ...", "Group = HQ-L2L, All IPSec SA proposals found
 * unacceptable!" (also where a collector kept the message without its "%ASA-5-713xxx:" tag).
 */
export const ASA_TUNNEL_GROUP = /(?:^|[|:\]] ?)Group = ([^,]+), (?:Username = [^,]+, )?(?:IP = |[A-Z])/;
// An ASA's line: its syslog tag, its debug output's IKE version in brackets before the peer
// ("[IKEv1 DEBUG]: Group = ..."), or the tunnel group.
const ASA_LINE = new RegExp(
  `%(?:ASA|FTD|PIX)-|\\[IKEv[12](?: DEBUG)?\\]:? ?(?:Group|IP) = |${ASA_TUNNEL_GROUP.source}`,
);

const F5_IKE_LINE = /\btmm\d*\[\d+\]: [0-9a-f]{8}(?::\d:)? .*\[IKE\] /;

// Each expression runs only where the scan saw its marker: most lines fail them all cheaply.
// Messages of AWS's tunnel logs that do not name AWS first (its documentation's table of them).
const AWS_OWN_WORDING =
  /^(?:Peer is not responsive - Declaring peer dead|No Proposal Match Found(?: by AWS|\. Notifying with))/;
// A Cisco IOS message copied without its "%": "CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ...".
const IOS_MESSAGE_WITHOUT_PERCENT = /^(?:CRYPTO|IKEV2|ISAKMP|IPSEC|DMVPN)-\d-[A-Z_]+: /;

function vendorOfMessage(message: string, line: string, found: Found, program: string | undefined): Vendor {
  // Junos kmd/iked traceoptions files: "[Aug 22 20:40:14]ike_st_o_all_done: ...".
  if (message.charCodeAt(0) === 91 /* [ */ && /^\[[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}\]\S/.test(message))
    return "juniper";
  if (message.startsWith("AWS-side peer") || message.startsWith("DENIED due to")) return "aws-bgp";
  if (line.charCodeAt(4) === 47 /* / */ && YAMAHA_TIME.test(line) && YAMAHA_TUNNEL_MESSAGE.test(message))
    return "yamaha";
  const first = message.charCodeAt(0);
  if (message.startsWith("AWS ") || message.startsWith("AWS:")) return "aws";
  if ((first === 80 /* P */ || first === 78) /* N */ && AWS_OWN_WORDING.test(message)) return "aws";
  // A tunnel's telemetry as DescribeVpnConnections returns it (VgwTelemetry).
  if (first === 123 /* { */ && message.includes('"OutsideIpAddress"') && message.includes('"StatusMessage"'))
    return "aws";
  // OpenIKED starts a line with the 64-bit SPI of the IKE SA it concerns, then a function's name:
  // "spi=0x1a2b3c4d5e6f7081: sa_free: authentication failed" is its own even without its program.
  if (message.startsWith("spi=0x") && /^spi=0x[0-9a-f]{16}: [a-z]\w*: /.test(message)) return "openiked";
  // AWS's text log format puts the record's fields before the message (no program names it).
  if (program === undefined && line.includes("AWS")) {
    if (/(?:^|\s)(?:AWS tunnel |VpnLogDetail)/.test(line)) return "aws";
    if (/(?:^|\s)AWS-side peer /.test(line)) return "aws-bgp";
  }
  // Topsec NGTOS's VPN records are key=value too (id="NGTOS" dev="TopsecOS" ... recorder="ipsec ...").
  if (found.has(MARK.topsec) && /\b(?:recorder|type)="[^"]*\b(?:ipsec|vpn)\b/.test(line)) return "topsec";
  // FortiGate event logs (key=value: VPN events, and routing events that quote the BGP daemon's
  // Cisco-style "%BGP-5-ADJCHANGE"; some exports keep only the event's logdesc and msg) and
  // FortiClient's IKE daemon: "[<time>] [<pid>:<tid>] [iked  1466    info] ...".
  if (
    found.has(MARK.fortinet) &&
    /\blog_?id="?010[13]0\d{5}(?!\d)|\blogdesc=["']|subtype="?vpn"?|action="?negotiate|xauth_status|vpntunnel=|\] \[(?:iked|FortiIKE) +\d+ +\w+\] /.test(
      line,
    )
  )
    return "fortinet";
  if (found.has(MARK.asa) && ASA_LINE.test(line)) return "cisco-asa";
  if (
    (first === 67 /* C */ || first === 73 /* I */ || first === 68) /* D */ &&
    IOS_MESSAGE_WITHOUT_PERCENT.test(message)
  )
    return "cisco-ios";
  if (
    found.has(MARK.ios) &&
    /%(?:CRYPTO|IKEV2|ISAKMP|IPSEC|BGP|BGP_SESSION|DMVPN|GDOI|ROUTING-BGP|TUN)-\d|%(?:LINEPROTO|LINK)-\d-\w+: (?:Line protocol on )?Interface (?:Tunnel|Virtual-Access)\d|\bCRYPTO_PKI: |\bISAKMP ?:? ?\(\d+(?::\d+)?\)|(?:^|: )ISAKMP : |\bISAKMP-\w+: ?\(\d+\)|\bIPSEC\(\w+\):|\bIKEv2[-:]\w*:?\(|\bIKEv2-(?:PLAT|PROTO)-\d|\bIKEv2-(?:INTERNAL|PAK|ERROR):|\bIKEv2:%|(?:^|: )(?:ISAKMP|CRYPTO_ENGINE): |(?:^|: )IKEv2:[A-Za-z]|\bIPSEC-EVENT:|(?:^|: )SA ID:\d+ +SESSION ID:\d+ /.test(
      line,
    )
  ) {
    return "cisco-ios";
  }
  // F5 BIG-IP's traffic manager runs its IKEv2 daemon: "tmm1[20647]: 017c0000  [0.0] [IKE] v2 ...".
  if (found.has(MARK.f5) && F5_IKE_LINE.test(line)) return "f5";
  // Alibaba's IPsec daemon (racoon2's iked) names its level, source file, line and function:
  // "[INTERNAL_ERR]: sockmisc.c:499:sendfromto(): ...", with or without the connection before it,
  // and ends a line with the phase 1 SA it belongs to ("[{remote id:5}{ph1: ...}]").
  if (
    found.has(MARK.alibaba) &&
    /\bvco-[\w*]+|\[PROTO_ERR\]|\[(?:PROTO|INTERNAL|SYSTEM)_[A-Z]+\]: \w+\.c:\d+:|\[\{remote id:\d+\}\{ph1: |\bisakmp_\w+\(\)|(?<!\/)\bikev[12]\.c:\d+/.test(
      line,
    )
  )
    return "alibaba";
  // Meraki MX event logs carry charon's text after their own header.
  if (found.has(MARK.meraki) && /\bevents (?:Site-to-[Ss]ite VPN|VPN|type=\w*vpn\w*)\b/.test(line)) return "meraki";
  if (found.has(MARK.strongswanTag) && STRONGSWAN_MESSAGE.test(message)) {
    return "strongswan";
  }
  if (
    found.has(MARK.libreswan) &&
    // Its Linux audit records name the SA: "type=CRYPTO_IKE_SA msg=audit(...): ... msg='op=start ...'".
    /(?:^|: )(?:-?\d{3} |\[pluto\] )?"[^"]+"(?:\[\d+\])*(?: \S+?)? ?#\d+:|^packet from \S+:|STATE_(?:MAIN|QUICK|PARENT|V2|AGGR)_|^\| .*(?:EVENT_\w+|state #\d+|NAT-Traversal|phase [12]\b|ISAKMP|IKE|retransmit)|\bCRYPTO_(?:IKE|IPSEC)_SA\b.*\bmsg='op=/.test(
      message,
    )
  ) {
    return "libreswan";
  }
  if (
    found.has(MARK.juniper) &&
    // rpd names a BGP peer by its type and AS: "BGP peer 169.254.10.1 (External AS 64512)"; st0 is
    // the secure tunnel interface; the kernel checks a BGP peer's TCP MD5 digest in tcp_auth_ok().
    (/\bKMD_|\bRPD_BGP|\bSNMP_TRAP_LINK_(?:UP|DOWN)\b.*(?:interface-name="|ifName )st0\.|\btcp_auth_ok: |\bIKE_(?:GATEWAY|VPN)_[A-Z_]+:|IKE negotiation (?:failed|successfully)|IPSec negotiation failed|\((?:Internal|External) AS ?\d+\)/.test(
      line,
    ) ||
      SCREENOS_EVENT.test(line))
  ) {
    return "juniper";
  }
  if (
    found.has(MARK.paloalto) &&
    /IKE phase-[12] negotiation (?:is|failed when processing)|IKEv2 (?:child SA|IKE SA|SA) negotiation (?:is|failed)|(?:IKE phase-1|IKEv2 IKE) SA is down determined by DPD|IKE protocol (?:phase-1|IPSec) SA delete message|ikemgr|ike-nego-p[12]|\bpan_ikev2_|\[(?:INFO|PWRN|PERR|PNTF|DEBG|PROTO_ERR)\]: \{|,SYSTEM,(?:vpn|routing),/.test(
      line,
    )
  ) {
    return "paloalto";
  }
  // Check Point's IKE daemon trace (ikev2.xmll, iked.elg): "[iked9 16833 4065632704]@fw-1[13 Nov 17:34:51][ikev2] ...".
  if (found.has(MARK.checkpoint) && /^\[iked\d* \d+ \d+\]@[^[\s]+\[[^\]]+\]/.test(message)) return "checkpoint";
  // "ike 0:<phase1>:..." and, with VDOMs, "ike V=root:0:<phase1>:..." (or "ike V=root:0 <text>").
  if (message.startsWith("ike ") && /^ike (?:V=[\w-]+:)?\d+[: ]|^ike Negotiate /.test(message)) return "fortinet";
  if (found.has(MARK.tencent) && /\bIKE_SA_ESTABLISH_FAIL|\bIKE_NEGO:|\bTANS_IKE_NEGO/.test(line)) return "tencent";
  const device = vendorOfOneSyslogDevice(message, line, found, program);
  if (device) return device;
  if ((program === undefined || program === "pluto") && PLUTO_ERROR.test(message)) return "libreswan";
  if (found.has(MARK.racoon)) {
    // (Another program's "WARNING: " is its own.)
    if ((program === undefined || program === "racoon") && /^(?:ERROR|INFO|WARNING|NOTIFY|DEBUG): /.test(message))
      return "racoon";
    // MikroTik RouterOS, whose IKE daemon words its messages as racoon does, logs by topic:
    // "ipsec,info ..." or, after a timestamp, "ipsec ...".
    if (
      /\bipsec,(?:info|error|debug|warning)\b/.test(line) ||
      (message.startsWith("ipsec ") && line.length > message.length)
    )
      return "mikrotik";
  }
  return "unknown";
}

// pluto writes "ERROR: " before some messages (after the state number, "#23817: ERROR: "), as
// racoon writes its level: a connection in quotes, its ICMP error report, its kernel's netlink answers.
const PLUTO_ERROR = /^(?:#\d+: )?ERROR: (?:"[^"]+"|asynchronous network error report\b|netlink response for )/;

/** The device's own header of a line a relay forwarded (starting at `start` of the whole line), if it has one. */
function relayedLine(forwarded: string, start: number): Header | undefined {
  const inner = splitHeader(forwarded);
  return inner.fields.time !== undefined ? { ...inner, afterTime: start + inner.afterTime } : undefined;
}

// An ISO 8601 time with its offset names one instant ("2025-07-09T07:24:00.634073+00:00",
// "2023-05-04 15:19:33Z"); one without (a device's local time) or without a year does not.
const ZONED_ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,3}))?\d*(Z|[+-]\d{2}):?(\d{2})?$/;

/** The line's time as written, and as epoch milliseconds when it names one instant. */
export function setTime(fields: ParsedFields, time: string): void {
  fields.time = time;
  const zoned = time.length >= 20 ? ZONED_ISO_TIME.exec(time) : null;
  if (!zoned) return;
  const offset = zoned[4] === "Z" ? "Z" : `${zoned[4]}:${zoned[5] ?? "00"}`;
  const fraction = zoned[3] !== undefined ? `.${zoned[3]}` : "";
  const ms = Date.parse(`${zoned[1]}T${zoned[2]}${fraction}${offset}`);
  if (!Number.isNaN(ms)) fields.epochMs = ms;
}

/** The line's transport header and message; the vendor is read after the message is scanned. */
export function splitHeader(line: string): Header {
  const fields: ParsedFields = {};
  let rest = line;
  let afterTime = 0;
  let programVendor: Vendor | undefined;

  // "grep pluto /var/log/*" prefixes each line with the file it came from.
  const file = rest.charCodeAt(0) === 47 /* / */ ? GREP_FILE_PREFIX.exec(rest) : null;
  if (file) rest = rest.slice(file[0].length);
  const first = rest.charCodeAt(0);
  const rfc5424 = first === 60 /* < */ ? SYSLOG_5424.exec(rest) : null;
  if (rfc5424) {
    setTime(fields, rfc5424[1] as string);
    fields.host = rfc5424[2];
    if (rfc5424[3] !== "-") fields.program = rfc5424[3];
    // Juniper puts the event name in MSGID and key="value" pairs in the structured data.
    const msgId = rfc5424[5] !== "-" ? `${rfc5424[5]} ` : "";
    const structured = rfc5424[6] && rfc5424[6] !== "-" ? `${rfc5424[6]} ` : "";
    rest = `${msgId}${structured}${rest.slice(rfc5424[0].length)}`;
    // A relay's RFC 5424 header before the device's own syslog line.
    const first = rest.charCodeAt(0);
    if (fields.program === undefined && msgId === "" && structured === "" && first >= 48 && first <= 122) {
      const inner = relayedLine(rest, line.length - rest.length);
      if (inner) return inner;
    }
  } else {
    // Timestamps start with a letter (month, weekday, in any language), a digit or "<pri>".
    const isTimeStart =
      (first >= 48 && first <= 57) ||
      (first >= 65 && first <= 90) ||
      (first >= 97 && first <= 122) ||
      first === 60 ||
      first === 42 /* * */ ||
      first === 46 /* . */ ||
      (first >= 0xc0 && first <= 0x4ff);
    const time = isTimeStart ? SYSLOG_TIME.exec(rest) : null;
    const logcat = time || !(first >= 48 && first <= 57) ? null : LOGCAT.exec(rest);
    if (logcat) {
      fields.time = logcat[1];
      fields.program = logcat[2];
      rest = rest.slice(logcat[0].length);
    } else if (time) {
      setTime(fields, time[1] as string);
      rest = rest.slice(time[0].length);
      afterTime = line.length - rest.length;
      // A container runtime's log file (Kubernetes' CRI format) writes the stream and whether the
      // line is whole after its own time: "2026-12-05T10:11:12.123456789Z stdout F <line>". The
      // line keeps the daemon's own header when it has one.
      if (rest.charCodeAt(0) === 115 /* s */ && CRI_STREAM.test(rest)) {
        rest = rest.slice(CRI_STREAM_LENGTH);
        afterTime = line.length - rest.length;
        const own = relayedLine(rest, afterTime);
        if (own) return own;
      }
      // RouterOS's own log ("oct/25 23:50:30 ipsec notify: ...") writes its topics after the time, no host or program.
      if (ROUTEROS_TIME.test(time[1] as string)) return { message: rest, fields, afterTime, programVendor };
      const first = rest.charCodeAt(0);
      const birdClass = first === 60 /* < */ || first === 91 /* [ */ ? BIRD_LOG_CLASS.exec(rest) : null;
      if (birdClass) {
        fields.program = "bird";
        rest = rest.slice(birdClass[0].length);
        return { message: rest, fields, afterTime, programVendor: "bird" };
      }
      // OPNsense's log view copies a line as time, severity, process and message, without colons.
      const exported = LOG_VIEW_EXPORT.exec(rest);
      if (exported && VPN_PROGRAMS[exported[1] as string] !== undefined) {
        fields.program = exported[1];
        rest = rest.slice(exported[0].length);
      } else {
        const program = PROGRAM.exec(rest);
        // "name[pid]: " is a program (a host name carries no pid); otherwise the first word may be the host.
        const isProgram =
          program !== null && (VPN_PROGRAMS[program[1] as string] !== undefined || program[2] !== undefined);
        // A time written with a colon after it, as Cisco's clock ("*Jun 22 06:39:28.270: ") and
        // pluto's own log file write it, is followed by the message or a tag, never by a host.
        const isTimeWithColon = TIME_WITH_COLON.test(time[0]);
        const hostProgram = isProgram || isTimeWithColon ? null : HOST_THEN_PROGRAM.exec(rest);
        // Pluto's debug lines start with "| ", which is not a host: "| retransmits: current time ...".
        const isPlutoDebug =
          hostProgram !== null && hostProgram[1] === "|" && VPN_PROGRAMS[hostProgram[2] as string] === undefined;
        const ciscoHost = isProgram || hostProgram || !rest.includes("%") ? null : CISCO_HOST.exec(rest);
        if (program && isProgram) {
          fields.program = program[1];
          rest = rest.slice(program[0].length);
        } else if (hostProgram && !isPlutoDebug) {
          // OpenWrt's logread writes the facility and level where a host would be: "authpriv.warn pluto[24873]: ".
          if (!FACILITY_LEVEL.test(hostProgram[1] as string)) fields.host = hostProgram[1];
          fields.program = hostProgram[2];
          rest = rest.slice(hostProgram[0].length);
        } else if (ciscoHost) {
          fields.host = ciscoHost[1];
          rest = rest.slice(ciscoHost[0].length);
        } else if (program && !isPlutoDebug && !RACOON_LEVEL.test(program[1] as string)) {
          fields.program = program[1];
          rest = rest.slice(program[0].length);
          const daemon = FRR_PRIORITY.test(fields.program as string) ? FRR_DAEMON.exec(rest) : null;
          if (daemon) {
            fields.program = daemon[1];
            rest = rest.slice(daemon[0].length);
          }
        } else {
          // A syslog server's host before a device's key=value record: "Jul  1 07:03:38 10.255.252.1 date=2020-07-01 ...".
          const kvHost = KV_RECORD_HOST.exec(rest);
          if (kvHost) {
            fields.host = kvHost[1];
            rest = rest.slice(kvHost[0].length);
            return { message: rest, fields, afterTime, programVendor };
          }
          // A server's time before the device's own: "Jun 12 14:34:49 Jun 12 2008 14:34:49 pix : %PIX-...".
          const own = SECOND_TIME.test(rest) ? relayedLine(rest, line.length - rest.length) : undefined;
          if (own) return own;
          // A relay that forwards the line with its own header before the device's:
          // "Dec  3 10:00:01 relay01 Aug  3 10:18:01 srx1 kmd[14162]: ...".
          const relay = RELAY_HOST.exec(rest);
          const inner = relay
            ? relayedLine(rest.slice(relay[0].length), line.length - rest.length + relay[0].length)
            : null;
          if (inner) return inner;
        }
      }
    } else {
      // A syslog priority with no time after it, as a device that sends none writes it ("<30>charon: ...").
      const priority = first === 60 /* < */ ? PRIORITY.exec(rest) : null;
      if (priority) rest = rest.slice(priority[0].length);
      const start = rest.charCodeAt(0);
      const source = start >= 48 && start <= 57 ? SYSLOG_SOURCE.exec(rest) : null;
      // Android logcat "I/charon  (14804): ", bare "charon: " and any "program[pid]: " (journald's
      // JSON export writes its program and pid so).
      const bare = source ? null : BARE_PROGRAM.exec(rest);
      if (source) {
        fields.host = source[1];
        rest = rest.slice(source[0].length);
      } else if (
        bare &&
        (VPN_PROGRAMS[bare[1] as string] ||
          (bare[2] !== undefined && !CHARON_STATUS_FIELD.test(rest.slice(bare[0].length))))
      ) {
        fields.program = bare[1];
        rest = rest.slice(bare[0].length);
      }
    }
  }
  if (fields.program) {
    const base = fields.program.replace(/^.*\//, "");
    // OpenBSD's iked (OpenIKED) shares Junos iked's name; it writes an SA's SPI or a function
    // name first, where Junos writes an event name: "spi=0x1a2b...: sa_free: SA_INIT timeout".
    programVendor =
      base === "iked" && OPENIKED_MESSAGE.test(rest)
        ? "openiked"
        : (VPN_PROGRAMS[base] ?? (NEC_IX_TAG.test(base) ? "nec-ix" : undefined));
  }
  return { message: rest, fields, afterTime, programVendor };
}

/** The daemon whose own wording a message that shows no vendor uses, else "unknown". */
export function vendorOfWording(message: string, found: Found): Vendor {
  if (found.has(MARK.strongswanWording) && STRONGSWAN_WORDING.test(message)) return "strongswan";
  if (found.has(MARK.libreswanWording) && LIBRESWAN_WORDING.test(message)) return "libreswan";
  return "unknown";
}

/**
 * The vendor of a split line; `found` holds the scan of the line after its timestamp. A
 * VPN daemon's program name settles the vendor, except for lines other daemons write in its name
 * (Meraki and Alibaba logs carry strongSwan or racoon text), or that two daemons share.
 */
export function vendorOf(header: Header, line: string, found: Found): Vendor {
  const { programVendor } = header;
  // "ipsec" is strongSwan's starter on Debian and Libreswan's wrapper alike: its text decides.
  const isProgramShared = programVendor === "racoon" || header.fields.program === "ipsec";
  const messageVendor =
    programVendor && !isProgramShared
      ? programVendor
      : vendorOfMessage(header.message, line, found, header.fields.program);
  return messageVendor !== "unknown" ? messageVendor : (programVendor ?? "unknown");
}
