// Fields a network engineer searches by: addresses, SPIs, message ids, connection names.
import { ASA_TUNNEL_GROUP } from "./header.ts";
import { type Found, MARK } from "./markers.ts";
import {
  CHARON_6_CONNECTION,
  CHARON_CONFIG_NAME,
  CHARON_CONNECTION,
  CHARON_SA_NAME,
  CHARON_STATUS_ROW,
  JUNOS_ALARM_VPN,
  JUNOS_VPN,
  JUNOS_VPN_NAME,
  LIBRESWAN_AUDIT_CONNECTION,
  type NameSite,
  nameAt,
  OPENIKED_POLICY,
  PANOS_EVENT_OBJECT,
  PLUTO_CONNECTION,
  PLUTO_CONNECTION_LINE,
  RASCLIENT_CONNECTION,
  WATCHGUARD_TUNNEL,
} from "./names.ts";
import { NOTIFY_ALIASES, NOTIFY_NAMES, SHORT_NOTIFY_NAMES } from "./notify.ts";
import type { ParsedFields, Vendor } from "./types.ts";
import { FORTIGATE_DEBUG_PREFIX } from "./vocabulary.ts";

// Two addresses written as a pair, with what stands between them: racoon and its descendants
// (MikroTik, Meraki, Alibaba) "A[500]<=>B[500]" and strongSwan "A[id]...B[id]" or "for A...B"
// name this side first; FortiGate debug names a packet's "A:500->B:500", this side first when it
// sends it or connects ("sent IKE msg", "could not send IKE Packet", "IPsec SA connect 6 A->B:500"),
// the peer first when it "comes"; PAN-OS and Huawei name an SA "A[500]-B[500]", this side first,
// as racoon2 (Alibaba's and PAN-OS's IKE daemon) does with spaces: "A[500] - B[500]".
const SENT_OR_CONNECTING = /sent IKE msg|could not send IKE Packet|IPsec SA connect |link is idle /;
// A dotted-quad IPv4 address, as the vendors' fixed message layouts below write one.
const IPV4 = "(?:\\d{1,3}\\.){3}\\d{1,3}";

// WatchGuard names a failed negotiation from its initiator to its responder: "IKE phase-1
// negotiation from <initiator>:500 to <responder>:500 failed. ... Reason=...". The Firebox
// initiated when its requests went unanswered (a retry timeout, no response); otherwise it
// received the peer's proposal and refused it ("Received DH group 2, expecting 14").
const WATCHGUARD_NEGOTIATION = new RegExp(`\\b(?:negotiation|exchange) from (${IPV4}):\\d+ to (${IPV4}):\\d+`);
const UNANSWERED = /retry timeout|No response|not received/i;
/** [local, peer] of a WatchGuard negotiation that failed. */
function watchguardSides(message: string): [string, string] | undefined {
  const negotiation = WATCHGUARD_NEGOTIATION.exec(message);
  if (!negotiation) return undefined;
  const initiator = negotiation[1] as string;
  const responder = negotiation[2] as string;
  return UNANSWERED.test(message) ? [initiator, responder] : [responder, initiator];
}
// Cisco ASA/FTD names an IPsec SA's two ends and its tunnel group (602303, 602304): "An outbound
// LAN-to-LAN SA (SPI= 0x2CC7158D) between <A> and <B> (user= <group>)". A LAN-to-LAN tunnel group
// is most often named by the peer's address, which settles the sides (FTD writes an inbound SA's
// ends the other way round); otherwise the message guide's order holds: this side, then the peer.
const ASA_SA_ENDS = new RegExp(
  `\\bSA \\(SPI= ?0x[0-9A-Fa-f]+\\) between (${IPV4}) and (${IPV4}) \\(user= ?([^)\\s]*)\\)`,
);
/** [local, peer] of a Cisco ASA SA's creation or deletion. */
function asaSaSides(message: string): [string, string] | undefined {
  const ends = ASA_SA_ENDS.exec(message);
  if (!ends) return undefined;
  const first = ends[1] as string;
  const second = ends[2] as string;
  return ends[3] === first ? [second, first] : [first, second];
}
// Stormshield names the firewall's own interfaces after it ("srcname=Firewall_out"): that end of
// a negotiation's src/dst is this side.
const STORMSHIELD_ENDS = new RegExp(`\\bsrc=(${IPV4}) srcname=(\\S+) dst=(${IPV4}) dstname=(\\S+)`);
/** [local, peer] of a Stormshield VPN record that names the firewall's own interface. */
function stormshieldSides(message: string): [string, string] | undefined {
  const ends = STORMSHIELD_ENDS.exec(message);
  if (!ends) return undefined;
  if ((ends[2] as string).startsWith("Firewall_")) return [ends[1] as string, ends[3] as string];
  if ((ends[4] as string).startsWith("Firewall_")) return [ends[3] as string, ends[1] as string];
  return undefined;
}
// A packet's source and destination: charon's "sending packet: from <this side>[500] to
// <peer>[500]" and "received packet: from <peer>[4500] to <this side>[4500]"; Cisco IOS's IKEv2
// debug names the peer first either way: "Sending Packet [To <peer>:500/From <this side>:500/...]",
// "Received Packet [From <peer>:500/To <this side>:500/...]". An end that is no address (an IPv6
// one is; "x.x.x.x" or "<MYIP>" where a post anonymised it is not) names neither side.
const PACKET_ENDS = new RegExp(
  `\\b(sending|received) packet: from ([^\\s[\\]]+)\\[\\d+\\] to ([^\\s[\\]]+)\\[\\d+\\]|\\b(?:Sending|Received) Packet \\[(?:To|From) (${IPV4}):\\d+\\/(?:From|To) (${IPV4}):\\d+`,
);
/** [local, peer] of a packet sent or received, each undefined where the line gives no address. */
function packetSides(message: string, addresses: readonly Address[]): [string?, string?] | undefined {
  const packet = PACKET_ENDS.exec(message);
  if (!packet) return undefined;
  if (packet[4] !== undefined) return [packet[5] as string, packet[4]];
  const address = (end: string) => (addresses.some((a) => a.text === end) ? end : undefined);
  const from = address(packet[2] as string);
  const to = address(packet[3] as string);
  return packet[1] === "sending" ? [from, to] : [to, from];
}
// charon names its own identity first, then the peer's: "no shared key found for '<me>' - '<peer>'".
const PAIR_GAP = /^(?:\[[^\]]*\]|:\d+)? ?(<=>|\.\.\.|->) ?$|^\[\d+\] ?(-) ?$|^' - '$/;

/** [local, peer] of the first pair of addresses written as one. */
function addressPair(message: string, addresses: readonly Address[]): [string, string] | undefined {
  // An identity in brackets right after its address ("A[A]") belongs to it, not to the pair.
  const hosts = addresses.filter(
    (a, i) =>
      i === 0 || (addresses[i - 1] as Address).start + (addresses[i - 1] as Address).text.length !== a.start - 1,
  );
  for (let i = 0; i + 1 < hosts.length; i++) {
    const first = hosts[i] as Address;
    const second = hosts[i + 1] as Address;
    const gap = PAIR_GAP.exec(message.slice(first.start + first.text.length, second.start));
    if (!gap) continue;
    if (gap[1] !== "->") return [first.text, second.text];
    if (message.startsWith("comes ", first.start - 6)) return [second.text, first.text];
    if (SENT_OR_CONNECTING.test(message)) return [first.text, second.text];
    // FortiGate writes a connection as "<this side>-><peer>:<port>" ("created connection: 0xb6fe810
    // 6 10.5.18.8->10.5.17.111:500", NAT keep-alives, SA rekeys) and a packet it received by its
    // source port: "unknown SPI 33fd7e58 3 <peer>:4500-><this side>".
    const firstHasPort = gap[0].startsWith(":");
    const secondHasPort = message.charCodeAt(second.start + second.text.length) === 58; /* : */
    if (!firstHasPort && secondHasPort) return [first.text, second.text];
    if (firstHasPort && !secondHasPort) return [second.text, first.text];
  }
  return undefined;
}

// Text right before an address that says whose it is (case as the vendors write it). A label
// ending in a colon may have one space after it.
const withOptionalSpace = (labels: string[]) => labels.flatMap((label) => [label, `${label} `]);
const PEER_LABELS = [
  ...withOptionalSpace(["peer ip:", "Remote:", "remote:", "Remote gateway:", "Remote IKE-ID:"]),
  "IP = ",
  'remote-address="',
  "peer_contact='",
  // FortiGate event logs: remip= and locip=, quoted or not.
  "remip=",
  'remip="',
  "from ",
  "to ",
  // Cisco IOS names an inbound packet's addresses: "destaddr=<this router>, ..., srcaddr=<peer>".
  "srcaddr=",
  // Cisco DMVPN names the next hop's transport address: "nbma_src: <this router> ... nbma_dest: <NHS>",
  // "Next Hop Server : (Tunnel: <its tunnel address> NBMA: <its transport address>) for (... this router)".
  "nbma_dest: ",
  "NBMA: ",
  // Cisco IOS's IPsec key engine events: "loc: 30.1.1.1, rem: 30.1.1.2".
  "rem: ",
  // Huawei's tunnel events: "DstIP=203.0.113.2, ... SrcIP=198.51.100.1".
  "DstIP=",
  // Junos BFD: "new state: down, peer addr: 10.44.225.3".
  "peer addr: ",
  "remote ",
  "remote address : ",
  "remote address: ",
  "peer ",
];
const LOCAL_LABELS = [
  ...withOptionalSpace(["my ip:", "Local:", "local:", "Local gateway:", "Local-ip:"]),
  'local-address="',
  "locip=",
  'locip="',
  "destaddr=",
  "nbma_src: ",
  "loc: ",
  // pluto: "packet from <peer>:500: initial Main Mode message received on <this host>:500".
  "received on ",
  "SrcIP=",
  "local ",
  "local address : ",
  "local address: ",
  // Yamaha: "initiate ISAKMP phase to 200.1.1.1 (local address 100.1.1.1)".
  "(local address ",
  // AWS's own endpoint of a tunnel, in its telemetry (VgwTelemetry): AWS writes the record.
  '"OutsideIpAddress": "',
  // SonicWall names the firewall itself: "fw=203.0.113.1".
  "fw=",
];
// Libreswan's audit records give each SPI in decimal, then in hex: "in-spi=3170410937(0xbcf7c2b9)";
// the kernel's own (xfrm) audit records and racoon too, without leading zeros: "spi=244423608(0xe919bb8)".
// pluto's "IPsec SA established" gives the outbound SPI, then the inbound: "{ESP/NAT=>0x9b3c6a8e <0x4a7f0b2c".
// Cisco IOS's IPsec event trace writes "sa_spi = 0xB820B40F(3089150991)", charon an SA as
// "ESP/0xc6c8dba9/95.217.221.141".
const SPI =
  /=>0x([0-9a-f]{8}) <0x([0-9a-f]{8})\b|\bsa_spi ?= ?0x([0-9a-fA-F]{1,8})\(|\bESP\/0x([0-9a-f]{8})\/|\bin-spi=\d+\(0x([0-9a-f]{8})\) out-spi=\d+\(0x([0-9a-f]{8})\)|\bspi=\d+\(0x([0-9a-f]{1,8})\)|SPI[:= ]+(?:0x)?([0-9a-fA-F]{8})\b|SPIs ([0-9a-f]{8})_i ([0-9a-f]{8})_o|spi[:=](?:0x)?([0-9a-fA-F]{8,16}(?::[0-9a-f]{16})?)/;
// Cisco ASA names both of an SA pair's ("Inbound SPI = 0x850a79e0, Outbound SPI = 0x2cc7158d")
// and writes one as "(SPI= 0x2CC7158D)"; pluto names a deleted one: "received Delete SA(0xfa2bb9e8) payload".
const ASA_SPI =
  /\bInbound SPI = 0x([0-9a-fA-F]{1,8}), Outbound SPI = 0x([0-9a-fA-F]{1,8})\b|\(SPI= ?0x([0-9a-fA-F]{1,8})\)/;
const PLUTO_DELETED_SPI = /\bDelete SA\(0x([0-9a-f]{8})\)/;
const SPI_BY_VENDOR: Partial<Record<Vendor, RegExp>> = { "cisco-asa": ASA_SPI, libreswan: PLUTO_DELETED_SPI };
// ASA writes "msg id = 6abd3691" and "(MsgId 4f2a91c3)", IOS "message ID = 2353076638".
// pluto writes "message (ID 2)" and, starting quick mode, "{using isakmp#7728 msgid:bd2103f0 ...".
// FortiGate's IKE debug names an IKEv2 message by the SA's SPIs and its id: "exchange=AUTH_RESPONSE
// id=554498e2804b4c46/9352e4e98f9c4c1a:00000001".
const MESSAGE_ID =
  /\bexchange=[^=]*? id=[0-9a-f]{16}\/[0-9a-f]{16}:([0-9a-f]{8})\b|[Mm]essage ID:? (?:= )?(\d+)|\bmsg id = ([0-9a-fA-F]+)|\(MsgId ([0-9a-fA-F]+)\)|msgid[=:]([0-9a-fA-F]+)|(?:request|response) (\d+) \[|mess id (0x[0-9a-f]+)|\(id=(\d+)\)|\bmessage \(ID (\d+)\)/;
// Libreswan writes IKEv2 notifies with a "v2N_" prefix ("received unauthenticated v2N_NO_PROPOSAL_CHOSEN").
const NOTIFY = new RegExp(
  `(?:\\b|\\bv2N_)(${NOTIFY_NAMES.join("|")})\\b|N\\((${Object.keys(SHORT_NOTIFY_NAMES).join("|")})\\)|\\b(${Object.keys(NOTIFY_ALIASES).join("|")})\\b`,
);
const TUNNEL_ID = /\b(vpn-[0-9a-f]{8,17}|vco-[\w*]+|tun-[\w*]+)\b|tunnel-id: ?(\d+)/;
// FortiGate's IKE debug names the phase 1 after the VDOM; before a phase 1 is matched it names
// the SA by its cookies ("ike 0:0bba3c1cc48194fd/0000000000000000:2001:").
const FORTIGATE_DEBUG_NAME = new RegExp(`${FORTIGATE_DEBUG_PREFIX}(?![0-9a-f]{16}/)([^:\\s]+):`);
// FortiGate's event log names the tunnel (vpntunnel="to-aws"), unless it has none ("N/A").
// FortiOS 4 wrote it vpn_tunnel="branchOffice".
const FORTIGATE_TUNNEL = /\bvpn_?tunnel=(?:"(?!N\/A")([^"]+)"|'([^']+)'|(?!N\/A\b)([^"'\s]+))/;
// Key=value records carry their time in fields: FortiGate "date=2024-03-12 time=08:02:07",
// SonicWall time="2024-03-12 08:02:07 UTC".
const RECORD_TIME =
  /\bdate=(\d{4}-\d{2}-\d{2}) time=(\d{2}:\d{2}:\d{2})|\btime="(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[^"]*)"/;
// FortiGate's eventtime is the epoch in seconds (FortiOS 6.0) or to the micro- or nanosecond
// (later releases): "eventtime=1640685288", "eventtime=1710230527123456789".
const FORTIGATE_EVENT_TIME = /\beventtime=(\d{10})(\d{3}|\d{6}|\d{9})?\b/;
// The ASA's remote-access and IKEv2 session messages name the group otherwise: "Group <HQ> User <alice>
// IP <...>" (722xxx), "Username:alice IKEv2 Group:HQ" (751xxx).
const ASA_SESSION_GROUP = /\bGroup <([^>\s]+)> User <|\bGroup:(\S+)/;
// Cisco IOS names the tunnel interface: "%DMVPN-5-NHRP_NHC_UP: Tunnel0: ...", "Line protocol on
// Interface Tunnel1, changed state to down", "%TUN-5-RECURDOWN: Tunnel0 temporarily disabled".
const IOS_TUNNEL_INTERFACE = /%DMVPN-\d-\w+: +(Tunnel\d+):|\bInterface (Tunnel\d+),|%TUN-\d-\w+: (Tunnel\d+) /;
// Where each vendor writes the name of the connection a line is about, in order of preference:
// mostly the names.ts sites that blank those names before the rules read a line. Three places
// are read here instead, because what is the connection and what is blanked differ there:
// FortiGate's vpntunnel="N/A" (no tunnel) is blanked but names none, and its debug prefix holds
// the gateway and the phase 2 (both blanked; the gateway is the connection); an ASA tunnel group
// named by the peer's address is the connection but, being no name, is not blanked; Cisco IOS's
// tunnel interface (Tunnel0) is the connection but no operator's word.
type NameReader = (message: string) => string | undefined;
const firstGroup =
  (expression: RegExp): NameReader =>
  (message) =>
    expression
      .exec(message)
      ?.slice(1)
      .find((group) => group !== undefined);
const siteName =
  (site: NameSite): NameReader =>
  (message) =>
    nameAt(site, message);
// pluto names a connection's instances after it: "aws1/2x2" (one of its subnet pairs),
// "private-or-clear#192.0.2.0/24" (an opportunistic one); the connection is the name before.
const PLUTO_INSTANCE = /(?:\/\d+x\d+|#\S*)$/;
const withoutInstance =
  (read: NameReader): NameReader =>
  (message) =>
    read(message)?.replace(PLUTO_INSTANCE, "");
const CHARON_CONNECTION_NAMES = [
  CHARON_STATUS_ROW,
  CHARON_6_CONNECTION,
  CHARON_CONNECTION,
  CHARON_SA_NAME,
  CHARON_CONFIG_NAME,
].map(siteName);
const CONNECTION_NAMES: Partial<Record<Vendor, readonly NameReader[]>> = {
  strongswan: CHARON_CONNECTION_NAMES,
  meraki: CHARON_CONNECTION_NAMES,
  libreswan: [PLUTO_CONNECTION, PLUTO_CONNECTION_LINE, LIBRESWAN_AUDIT_CONNECTION].map(siteName).map(withoutInstance),
  juniper: [JUNOS_VPN, JUNOS_VPN_NAME, JUNOS_ALARM_VPN].map(siteName),
  openiked: [siteName(OPENIKED_POLICY)],
  fortinet: [firstGroup(FORTIGATE_TUNNEL), firstGroup(FORTIGATE_DEBUG_NAME)],
  "cisco-asa": [firstGroup(ASA_TUNNEL_GROUP), firstGroup(ASA_SESSION_GROUP)],
  "cisco-ios": [firstGroup(IOS_TUNNEL_INTERFACE)],
  paloalto: [siteName(PANOS_EVENT_OBJECT)],
  watchguard: [siteName(WATCHGUARD_TUNNEL)],
  windows: [siteName(RASCLIENT_CONNECTION)],
};
// pluto numbers its SAs (states) and names the one a line is about after the connection
// ("\"aws-1\" #5: ..."), and the one a rekey replaces: "initiating Main Mode to replace #1",
// "initiating Quick Mode ... to replace #7735", "initiator rekeyed IKE SA #1".
const PLUTO_SA_NUMBER = /(?:^|["\]\s])#(\d+): /;
const PLUTO_REPLACED_SA = /\b(?:to replace|rekeyed) (?:(?:IKE|ISAKMP|IPsec|Child) SA )?#(\d+)\b/;
// Libreswan speaks of an IKEv2 SA and its Child SAs ("initiator established Child SA using #1",
// "responder rekeyed IKE SA #1"), of IKEv1's as an ISAKMP SA and IPsec SAs.
// Libreswan 5 names the IKEv2 SAs' states ESTABLISHED_IKE_SA and ESTABLISHED_CHILD_SA.
const LIBRESWAN_IKEV2_WORDS =
  /\b(?:established|rekeyed) (?:Child|IKE) SA\b|\b(?:[Cc]hild|CHILD) SA #\d|\bESTABLISHED_(?:IKE|CHILD)_SA\b/;
const IKE_VERSION = /IKE ?[Vv]ersion:? ?([12])\b|\bIKEv([12])\b|\bikev([12])\b/;
// Exchanges and states only one version has: IKEv1's main, aggressive and quick modes (Cisco
// IOS's "ISAKMP: (1001):" debug is IKEv1's; its IKEv2 debug says "IKEv2"), IKEv2's IKE_SA_INIT,
// IKE_AUTH and CREATE_CHILD_SA (Libreswan's "v2N_" notifies and STATE_PARENT/STATE_V2 states).
// IKEv1 alone has Oakley transforms and proposals, the TRANSACTION (mode config) exchange, RFC
// 3706's R-U-THERE and its vendor ID, RFC 3947's NAT-T and the drafts' vendor IDs before it, and
// Cisco IOS's ISAKMP messages (%CRYPTO-n-IKMP_*); IKEv2 alone the "ikev2_*" functions of pluto, racoon2 and
// OpenIKED, and charon's INFORMATIONAL exchange (IKEv1's it calls INFORMATIONAL_V1). (Openswan called its IKEv2 SA an "ISAKMP SA" too, and operators name connections after
// XAUTH, so neither word says a version.)
const IKE_VERSION_BY_EXCHANGE =
  /\b(?:(Main Mode|Aggressive Mode|Quick Mode|Identity Protection|STATE_(?:MAIN|AGGR|QUICK)_[IR]\d|INFORMATIONAL_V1|ID_PROT|QUICK_MODE|HASH_V1|(?:main|aggr|quick)_(?:in|out)[IR]\d|mode="?(?:main|aggressive)\b|ISAKMP ?(?:-[A-Z]+)?:? ?\(\d|Oakley (?:Transform|proposal|Main Mode)|type=OAKLEY_|TRANSACTION (?:request|response)|R-U-THERE|R_U_THERE|ARE-YOU-THERE|RFC 3947|DPD vendor ID|draft-ietf-ipsec-nat-t-ike-\d+|CRYPTO-\d-IKMP_)|(IKE_SA_INIT|IKE_INIT_SA|IKE_AUTH|CREATE_CHILD_SA|IKE_INTERMEDIATE|STATE_PARENT_[IR]\d|STATE_V2_\w+|v2N_\w+|ike2 SA|ikev2_\w+|(?:parsed|generating) INFORMATIONAL (?:request|response)))/i;
// Cisco IOS's IKEv1 debug tags ("ISAKMP: (1001):", "ISAKMP-ERROR: (0):") stand where a program would.
const ISAKMP_TAG = /^ISAKMP(?:-[A-Z]+)?$/;

const MARKDOWN_PLACEHOLDER = /^_\S+_$/;

// Each expression runs only where the scan saw a marker it needs.
export function extractFields(message: string, vendor: Vendor, into: ParsedFields, found: Found): ParsedFields {
  const addresses = ipAddresses(message, found);
  const pair =
    (vendor === "watchguard" ? watchguardSides(message) : undefined) ??
    (vendor === "cisco-asa" && addresses.length > 1 ? asaSaSides(message) : undefined) ??
    (vendor === "stormshield" && addresses.length > 1 ? stormshieldSides(message) : undefined) ??
    (found.has(MARK.packet) ? packetSides(message, addresses) : undefined) ??
    (addresses.length > 1 && found.has(MARK.between) ? addressPair(message, addresses) : undefined);
  if (pair) {
    if (pair[0] !== undefined) into.localIp ??= pair[0];
    if (pair[1] !== undefined) into.peerIp ??= pair[1];
  } else if (addresses.length > 0) {
    if (found.has(MARK.peerLabel)) into.peerIp ??= labelled(message, addresses, PEER_LABELS);
    if (found.has(MARK.localLabel)) into.localIp ??= labelled(message, addresses, LOCAL_LABELS);
    // charon names its own identity "(myself)": "authentication of '172.22.16.3' (myself) with ...".
    if (found.has(MARK.myself)) into.localIp ??= addresses.find((a) => isMyself(message, a))?.text;
    // Otherwise the first other address that is not a subnet ("10.0.0.0/16" in a selector) nor in
    // 0.0.0.0/8, which no peer has (a placeholder "0.0.0.0", a version number "0.99.22.4").
    if (!into.peerIp)
      into.peerIp = addresses.find(
        (a) => a.text !== into.localIp && !a.text.startsWith("0.") && !isSubnet(message, a),
      )?.text;
  }
  if (found.has(MARK.spi)) {
    const spi = SPI_BY_VENDOR[vendor]?.exec(message) ?? SPI.exec(message);
    // Written as pluto and charon write them, whatever the line's case: "0x215EBFF1" -> "215ebff1".
    if (spi) into.spi = spi.slice(1).flatMap((v) => (v ? [v.toLowerCase()] : []));
  }
  if (found.has(MARK.messageId)) {
    const messageId = MESSAGE_ID.exec(message);
    if (messageId) into.messageId = messageId.slice(1).find(Boolean);
  }
  if (found.has(MARK.notify)) {
    const notify = NOTIFY.exec(message);
    if (notify)
      into.notify = notify[1] ?? SHORT_NOTIFY_NAMES[notify[2] as string] ?? NOTIFY_ALIASES[notify[3] as string];
  }
  if (found.has(MARK.tunnelId)) {
    const tunnel = TUNNEL_ID.exec(message);
    if (tunnel) into.tunnelId ??= tunnel[1] ?? tunnel[2];
  }
  for (const read of CONNECTION_NAMES[vendor] ?? []) {
    const name = read(message)?.trim();
    // Cisco's message guide writes its placeholders in italics: "Group = _groupname_".
    if (name && !MARKDOWN_PLACEHOLDER.test(name)) {
      into.connectionName = name;
      break;
    }
  }
  if (vendor === "libreswan" && message.includes("#")) {
    const number = PLUTO_SA_NUMBER.exec(message);
    if (number) into.saNumber = number[1];
    const replaced = found.has(MARK.replacesSa) ? PLUTO_REPLACED_SA.exec(message) : null;
    if (replaced) into.replacesSa = replaced[1];
  }
  if (into.time === undefined && (vendor === "fortinet" || vendor === "sonicwall")) {
    const time = RECORD_TIME.exec(message);
    if (time) into.time = time[3] ?? `${time[1]} ${time[2]}`;
  }
  if (into.epochMs === undefined && vendor === "fortinet") {
    const eventTime = FORTIGATE_EVENT_TIME.exec(message);
    if (eventTime) into.epochMs = Number(eventTime[1]) * 1000 + Number((eventTime[2] ?? "000").slice(0, 3));
  }
  if (found.has(MARK.ikeVersion)) {
    // Not from the connection's name: "westnet-eastnet-ikev2" may run IKEv1.
    // Every time the line writes it: "<ikev2-psk|1> selected peer config 'ikev2-psk'".
    const name = into.connectionName;
    const said = name ? message.replaceAll(name, " ") : message;
    const version = IKE_VERSION.exec(said);
    if (version) into.ikeVersion = (version[1] ?? version[2] ?? version[3]) as "1" | "2";
  }
  into.ikeVersion ??= ikeVersionOfExchange(message, vendor, into.program, found);
  return into;
}

/** The IKE version a line shows by its exchange, state or words rather than by saying it. */
function ikeVersionOfExchange(
  message: string,
  vendor: Vendor,
  program: string | undefined,
  found: Found,
): "1" | "2" | undefined {
  const exchange = found.has(MARK.ikeExchange) ? IKE_VERSION_BY_EXCHANGE.exec(message) : null;
  if (exchange) return exchange[1] !== undefined ? "1" : "2";
  if (program !== undefined && ISAKMP_TAG.test(program)) return "1";
  if (vendor === "libreswan" && LIBRESWAN_IKEV2_WORDS.test(message)) return "2";
  return undefined;
}

interface Address {
  text: string;
  start: number;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The end of a dotted-quad octet starting at `i` (0-255, no leading zero on three digits), or -1. */
function octetEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length && end - i < 3 && isDigit(text.charCodeAt(end))) end++;
  if (end === i) return -1;
  if (end - i === 3) {
    const first = text.charCodeAt(i);
    if (first === 48 || first > 50 || (first === 50 && Number(text.slice(i, end)) > 255)) return -1;
  }
  return end;
}

/**
 * Every IPv4 address in the text, in order: four octets not glued to other digits or dots
 * (so versions like 5.9.1.2.3 and long numbers are not addresses).
 */
export function ipv4Addresses(text: string): Address[] {
  const found: Address[] = [];
  for (let i = text.indexOf("."); i !== -1 && i < text.length; i = text.indexOf(".", i + 1)) {
    // Walk back from the first dot to the start of the first octet.
    let start = i;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    if (start === i || (start > 0 && text.charCodeAt(start - 1) === 46 && !isEllipsisBefore(text, start))) continue;
    let end = octetEnd(text, start);
    if (end !== i) continue;
    for (let octet = 1; octet < 4 && end !== -1; octet++) {
      end = text.charCodeAt(end) === 46 ? octetEnd(text, end + 1) : -1;
    }
    if (end === -1) continue;
    // Not followed by more digits, nor by dots and then digits (a longer dotted number).
    let after = end;
    while (text.charCodeAt(after) === 46) after++;
    if (isDigit(text.charCodeAt(after)) && after - end !== 3) continue;
    found.push({ text: text.slice(start, end), start });
    i = end - 1;
  }
  return found;
}

// An IPv6 address: hex groups with "::" standing for zeros, or all eight of them. A time
// ("10:11:12"), a MAC address (six groups) or a C++ scope ("std::string") is not one. Read as
// the runs of hex digits and colons around each colon, on a line with "::" or seven colons.
const isHexOrColon = (code: number) =>
  (code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const isWordOrColon = (code: number) =>
  isHexOrColon(code) || (code >= 71 && code <= 90) || (code >= 103 && code <= 122) || code === 95;

/**
 * The IPv6 addresses in `text`, other than the unspecified "::" and an all-ones mask.
 * `hasDoubleColon`: whether the text holds "::", when the keyword scan already knows.
 */
export function ipv6Addresses(text: string, hasDoubleColon = text.includes("::")): Address[] {
  const found: Address[] = [];
  if (!hasDoubleColon && !hasEightGroups(text)) return found;
  for (let at = text.indexOf(":"); at !== -1; ) {
    let colons = 1;
    let start = at;
    for (let code = text.charCodeAt(start - 1); start > 0 && isHexOrColon(code); code = text.charCodeAt(--start - 1))
      if (code === 58) colons++;
    let end = at + 1;
    for (let code = text.charCodeAt(end); end < text.length && isHexOrColon(code); code = text.charCodeAt(++end))
      if (code === 58) colons++;
    // Two colons at the least ("::"), seven when no zeros are compressed.
    if (colons >= 2 && end - start >= 3) {
      const candidate = text.slice(start, end);
      if (isIpv6(candidate) && isDelimited(text, start, end)) found.push({ text: candidate, start });
    }
    at = text.indexOf(":", end);
  }
  return found;
}

/**
 * Not part of a longer word or dotted number: strongSwan writes a pair as "A...B", so an
 * ellipsis may stand next to an address, a single dot may not.
 */
function isDelimited(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (isWordOrColon(before) || isWordOrColon(after)) return false;
  if (before === 46 /* . */ && !text.startsWith("...", start - 3)) return false;
  return after !== 46 || text.startsWith("...", end);
}

function isIpv6(candidate: string): boolean {
  const compressed = candidate.indexOf("::");
  if (compressed !== candidate.lastIndexOf("::") || candidate.includes(":::")) return false;
  const groups = candidate.split(":");
  if (groups.some((g) => g.length > 4)) return false;
  if (compressed === -1)
    return groups.length === 8 && groups.every((g) => g !== "") && !/^(?:ffff:){7}ffff$/i.test(candidate);
  // A single colon may not start or end it ("::1" and "fe80::" may).
  if (
    (candidate.startsWith(":") && compressed !== 0) ||
    (candidate.endsWith(":") && compressed !== candidate.length - 2)
  )
    return false;
  const written = groups.filter((g) => g !== "").length;
  return written >= 1 && written <= 7;
}

function hasEightGroups(text: string): boolean {
  let at = -1;
  for (let colons = 0; colons < 7; colons++) {
    at = text.indexOf(":", at + 1);
    if (at === -1) return false;
  }
  return true;
}

/** The IPv4 and IPv6 addresses in `text`, in the order they are written. */
function ipAddresses(text: string, found: Found): Address[] {
  const v4 = ipv4Addresses(text);
  const v6 = ipv6Addresses(text, found.has(MARK.doubleColon));
  // (An IPv4-mapped address, "::ffff:192.0.2.1", is no IPv6 one here: isDelimited refuses the dot
  // after "::ffff:192"; the IPv4 address it carries is read.)
  return v6.length === 0 ? v4 : [...v4, ...v6].sort((a, b) => a.start - b.start);
}

/** strongSwan separates a pair of addresses with "...": "198.51.100.1...203.0.113.9". */
function isEllipsisBefore(text: string, start: number): boolean {
  return start >= 3 && text.startsWith("...", start - 3) && text.charCodeAt(start - 4) !== 46;
}

// A prefix length or a dotted mask after the address; "/500" and "/4500" are Junos's ports.
const SUBNET_SUFFIX = /^\/(?:\d{1,2}(?!\d)|\d{1,3}\.)/;

/** A network (followed by its prefix length or mask) or a mask (after a "/"), not a host. */
function isSubnet(text: string, address: Address): boolean {
  if (text.charCodeAt(address.start - 1) === 47 /* / */) return true;
  const end = address.start + address.text.length;
  // Either end of a range: pluto's selectors "[192.168.18.0-192.168.18.255:0-65535 0]".
  if (text.charCodeAt(end) === 45 /* - */ && isDigit(text.charCodeAt(end + 1))) return true;
  if (text.charCodeAt(address.start - 1) === 45 && isDigit(text.charCodeAt(address.start - 2))) return true;
  // Azure's traffic selectors: "StartAddress 10.20.0.0 EndAddress 10.20.255.255".
  if (text.startsWith("StartAddress ", address.start - 13) || text.startsWith("EndAddress ", address.start - 11))
    return true;
  return text.charCodeAt(end) === 47 && SUBNET_SUFFIX.test(text.slice(end, end + 5));
}

const isMyself = (text: string, address: Address) => text.startsWith("' (myself)", address.start + address.text.length);

/** The first address written right after one of the labels that is not a subnet. */
function labelled(text: string, addresses: readonly Address[], labels: readonly string[]): string | undefined {
  for (const address of addresses) {
    if (isSubnet(text, address)) continue;
    for (const label of labels) {
      if (address.start >= label.length && text.startsWith(label, address.start - label.length)) return address.text;
    }
  }
  return undefined;
}
