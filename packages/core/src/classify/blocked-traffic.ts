// A firewall's record of a packet it dropped is no tunnel line, except when the packet is the
// tunnel's own: IKE (UDP 500), NAT traversal (UDP 4500) or ESP (IP protocol 50). Such a record is
// the direct evidence that something on the path blocks the tunnel, the cause faults.md gives for
// PEER_UNREACHABLE (UDP 500 or ESP blocked) and NAT_T_ISSUE (UDP 4500 blocked). Each firewall
// writes the record its own way; the group an alternative captures is the port or protocol the
// dropped packet was addressed to.
import type { LogFaultCode } from "../codes.ts";
import type { IkePhase } from "./types.ts";

const PORT = "(500|4500)\\b";
const FORMATS = [
  // Cisco ASA/FTD access lists: 106023 "Deny udp src outside:A/500 dst inside:B/500 by
  // access-group ...", 106006 "Deny inbound UDP from A/500 to B/500 on interface outside", 710003
  // "UDP access denied by ACL from A/500 to outside:B/500" (to the box itself), 106100
  // "access-list X denied udp outside/A(500) -> inside/B(500) hit-cnt 1", and ESP: "Deny protocol
  // 50 src ...", "access-list X denied esp outside/A(0) -> ...".
  `\\b(?:Deny (?:inbound )?udp src \\S+ dst|Deny (?:inbound )?udp from \\S+ to|UDP access denied by ACL from \\S+ to) [^\\s/]+\\/${PORT}`,
  `\\bdenied udp \\S+ -> [^\\s(]+\\(${PORT}\\)`,
  "\\bDeny (?:inbound )?protocol (50) ",
  "\\bdenied (esp) \\S+ -> ",
  // NEC UNIVERGE IX's filter: "BLOCK udp A:500 > B:500, not match any filters, GigaEthernet0.1 in".
  `\\bBLOCK udp \\S+ > [^\\s:]+:${PORT}`,
  // Linux netfilter (iptables, nftables, UFW, firewalld) with a prefix that says the packet was
  // dropped: "[UFW BLOCK] IN=eth0 ... PROTO=UDP SPT=500 DPT=500 LEN=536", firewalld's
  // "FINAL_REJECT: IN=eth0 ... PROTO=ESP SPI=0x...".
  `(?<![A-Za-z])(?:BLOCK|DROP|REJECT|DENY)\\w*\\b.*?\\bPROTO=(?:UDP\\b.*?\\bDPT=${PORT}|(ESP|50)\\b)`,
  // Junos: "RT_FLOW_SESSION_DENY: session denied A/500->B/500 0x0 junos-ike 17(0) ...".
  `\\bsession denied \\S+->[^\\s/]+\\/${PORT} (?:0x\\w+ )?\\S+ 17\\(`,
  "\\bsession denied \\S+->\\S+ (?:0x\\w+ )?\\S+ (50)\\(",
  // FortiGate's traffic log: "dstport=500 ... proto=17 action=\"deny\"", "proto=50 action=deny".
  `\\bdstport=${PORT}.*?\\bproto=17\\b.*?\\baction="?(?:deny|drop|dropped|blocked)\\b`,
  '\\bproto=(50)\\b.*?\\baction="?(?:deny|drop|dropped|blocked)\\b',
  // PAN-OS traffic log (CSV), by App-ID: "...,TRAFFIC,drop,...,ike,..." or ipsec-esp(-udp).
  ",TRAFFIC,(?:drop|deny),.*?,(ike|ipsec-esp-udp|ipsec-esp),",
  // pf's filterlog (pfSense, OPNsense): "...,block,in,4,...,17,udp,100,A,B,500,500,80", "...,50,esp,...".
  `,(?:block|reject),(?:in|out),.*?,(?:17,udp,\\d+,[^,]+,[^,]+,\\d+,${PORT},|(50),esp,)`,
  // Windows Firewall's pfirewall.log: "DROP UDP A B 500 500 ...", "DROP 50 A B - - ...".
  `\\bDROP UDP \\S+ \\S+ \\d+ ${PORT}`,
  "\\bDROP (50) \\S+ \\S+ - -",
];

/** The dropped packet's destination port or protocol, in the first group that is set. */
export const BLOCKED_TUNNEL_TRAFFIC = new RegExp(FORMATS.join("|"), "i");

export const BLOCKED_TUNNEL_TRAFFIC_KEYWORDS = [
  "deny inbound udp",
  "deny udp",
  "udp access denied",
  "denied udp",
  "deny protocol 50",
  "deny inbound protocol 50",
  "denied esp",
  "block udp",
  "dpt=500",
  "dpt=4500",
  "proto=esp",
  "proto=50",
  "session denied",
  "dstport=500",
  "dstport=4500",
  ",traffic,drop,",
  ",traffic,deny,",
  ",block,",
  ",reject,",
  "drop udp",
  "drop 50",
];

/** The fault a dropped packet of the tunnel's shows, by what it was addressed to. */
export function faultOfBlockedTraffic(match: RegExpExecArray): { code: LogFaultCode; phase: IkePhase | null } {
  const target = (match.slice(1).find((group) => group !== undefined) ?? "").toLowerCase();
  if (target === "4500" || target === "ipsec-esp-udp") return { code: "NAT_T_ISSUE", phase: null };
  if (target === "500" || target === "ike") return { code: "PEER_UNREACHABLE", phase: "1" };
  return { code: "PEER_UNREACHABLE", phase: null };
}
