// The names an operator gives (connections, gateways, tunnel groups, VPNs) say nothing of what
// happened: a connection called "dc1-dpd-phase2" or a gateway called "backup-failover" must not
// make its lines a DPD timeout, a phase 2 line or a failure. The rules and the phase words read
// a message with those names blanked out, each character replaced by "x" so that offsets (and so
// the evidence cut from the original message) stay the same.

import { Found, MARK, scan } from "./markers.ts";
import { CHARON_STATUS_STATES, CISCO_MESSAGE_TAG, RASCLIENT_DIALED } from "./vocabulary.ts";

export interface NameSite {
  /** The scan markers without which the site cannot occur (all of them). */
  markers: readonly number[];
  /** Groups that together cover the match: the even ones (2, 4) are names, the odd ones kept. */
  pattern: RegExp;
  /** The parts of a name group that are names, when not all of it is (matched within the group). */
  namesWithin?: RegExp;
}

// The exported sites name the connection a line is about: fields.ts reports it as connectionName.

// WatchGuard's tunnel and gateway: "Tunnel='aws-1' ... GatewayEndpoint='aws-gw'".
export const WATCHGUARD_TUNNEL: NameSite = {
  markers: [MARK.nameInWatchguardField],
  pattern: /(\b(?:Tunnel|Gateway|GatewayEndpoint|Gateway-Endpoint)=')([^']+)(')/g,
};

// Libreswan's Linux audit records: msg='op=start direction=initiator conn-name="aws-1" ...'.
export const LIBRESWAN_AUDIT_CONNECTION: NameSite = {
  markers: [MARK.nameInAuditRecord],
  pattern: /(\bconn-name=")([^"]+)(")/,
};

// Windows' RasClient: "dialed a connection named AzureGateway that has failed", "has a dial up
// connection called Algo VPN, which has failed".
export const RASCLIENT_CONNECTION: NameSite = {
  markers: [MARK.windows],
  pattern: new RegExp(`(\\b${RASCLIENT_DIALED} )(.+?)(,? \\w+ has failed)`),
};

// PAN-OS system log records (CSV): the object an event names after its id is a gateway or tunnel
// ("...,SYSTEM,vpn,0,2024/03/12 08:31:00,,ike-nego-p1-fail,gw-aws-dpd,0,0,general,...").
export const PANOS_EVENT_OBJECT: NameSite = {
  markers: [MARK.nameInPanosRecord],
  pattern: /(,SYSTEM,(?:vpn|routing),\d+,[^,]*,[^,]*,[\w-]+,)([^,]+)(,)/,
};

// pluto's connection name, the first quoted text of its line, with its instance, peer and
// state (`"aws-1"[2] 203.0.113.9 #3: `, `"aws-1" #3: `, `000 #2: "aws-1"[2] 203.0.113.9:4500
// STATE_QUICK_R2 ...`), or starting a connection-level line (`"aws-1": added IKEv2 connection`).
export const PLUTO_CONNECTION: NameSite = {
  markers: [MARK.namePluto],
  pattern: /^([^"]{0,80}")([^"]+)("(?:\[\d+\])?(?: +[^\s"#]+)? *#\w+: |"\[\d+\])/,
};
export const PLUTO_CONNECTION_LINE: NameSite = {
  markers: [MARK.namePluto],
  pattern: /^((?:\d{3} )?(?:ERROR: )?")([^"]+)(": )/,
};

// charon's connection and unique id after its log group: "09[IKE] <aws-tunnel-1|12> ...", and
// as strongSwan 6 writes them: "[IKE] [aws-tunnel-1|12] ...".
export const CHARON_CONNECTION: NameSite = { markers: [MARK.nameInAngles], pattern: /(<)([^<>|\s]+)(\|\d+>)/g };
export const CHARON_6_CONNECTION: NameSite = {
  markers: [MARK.nameInAngles],
  pattern: /(^(?:\d{2})?\[[A-Z]{3}\d?\] \[)([^|\]\s]+)(\|\d+\])/,
};

// charon's status rows: "aws-1[3]: ESTABLISHED 2 hours ago, ...", "aws-1{5}:  INSTALLED, TUNNEL, ...".
export const CHARON_STATUS_ROW: NameSite = {
  markers: [MARK.nameInStatusRow],
  pattern: new RegExp(`(^)([\\w.-]+)([[{]\\d+[\\]}]: +)(?=${CHARON_STATUS_STATES})`),
};

// charon's IKE and CHILD SA names: "IKE_SA aws-1[12] established", "closing CHILD_SA net{3}"
// (not its "(unnamed)" before a config is found, nor an SA written as "ESP/0x.../<address>").
export const CHARON_SA_NAME: NameSite = {
  markers: [MARK.nameOfSa],
  pattern: /(\b(?:IKE_SA|CHILD_SA) )([^\s[\]{}'"()/]+)(?=[[{]\d+[\]}])/g,
};

// charon naming the configuration it uses or starts: "selected peer config 'aws-1'",
// "establishing connection 'aws-1' failed", "connection 'aws-1' established successfully" (the
// generic quoted-name site below blanks them; this one reads the connection).
export const CHARON_CONFIG_NAME: NameSite = {
  markers: [MARK.nameInSingleQuotes],
  pattern: /((?:\bselected peer config|\bestablishing connection|^connection) ')([^'\s]+)(')/,
};

// Junos' VPN (and its gateway): "VPN: vpn-aws Gateway: gw-aws,", "vpn name: vpn-aws,", and the
// alarms' "VPN vpn-aws from 203.0.113.9 is down".
export const JUNOS_VPN: NameSite = {
  markers: [MARK.nameInJunosField],
  pattern: /(\bVPN: )(\S+)( Gateway: )([^,\s]+)/,
};
export const JUNOS_VPN_NAME: NameSite = { markers: [MARK.nameInJunosField], pattern: /(\bvpn name: )([^,\s]+)/ };
export const JUNOS_ALARM_VPN: NameSite = {
  markers: [MARK.nameInJunosAlarm],
  pattern: /(_ALARM_USER: VPN )(\S+)( from )/,
};

// OpenIKED's policy: "for policy 'aws-1'".
export const OPENIKED_POLICY: NameSite = { markers: [MARK.nameInSingleQuotes], pattern: /(\bpolicy ')([^']+)(')/g };

const SITES: NameSite[] = [
  CHARON_CONNECTION,
  CHARON_6_CONNECTION,
  CHARON_STATUS_ROW,
  CHARON_SA_NAME,
  // Configuration names and identities in quotes, by the words before them: "selected peer config
  // 'aws-1'", "establishing connection 'aws-1' failed", "authentication of 'CN=gw-1' with ...",
  // "IDir '@a' does not match to '@b'", pluto's "peer ID_FQDN '@east'" and "peer certificate
  // 'CN=east'", PAM's "authentication of user 'alice'".
  {
    markers: [MARK.nameInSingleQuotes],
    pattern:
      /(\b(?:peer config|child config|IKE config|config|connection|CHILD_SA|authentication of|for peer|IDi|IDr|IDir|identity|match to|user|certificate|profile|(?:ID_)?(?:IPV[46]_ADDR(?:_SUBNET|_RANGE)?|FQDN|USER_FQDN|DER_ASN1_DN|KEY_ID):?) ')([^']+)(')/g,
  },
  // Any other quoted text of charon's, which quotes only names, identities and labels ("start
  // action: start 'aws-1'", "with generic label 'system_u:...'"); another daemon's quotes may
  // hold words that matter (pluto's "state transition 'initiate create Child SA' failed",
  // WatchGuard's "Received 'No Proposal Chosen' message").
  {
    markers: [MARK.nameInQuotes, MARK.charonGroup],
    pattern: /((?:^|[\s(=,])')([^'\n]+)('(?=[\s,.;:)]|$))/g,
  },
  // charon's identities after addresses: "between 10.0.0.1[CN=gw-1]...203.0.113.9[@branch]".
  {
    markers: [MARK.charonGroup, MARK.between],
    pattern: /((?:\d{1,3}\.){3}\d{1,3}\[)([^\]]+)(\])/g,
  },
  WATCHGUARD_TUNNEL,
  PLUTO_CONNECTION,
  PLUTO_CONNECTION_LINE,
  LIBRESWAN_AUDIT_CONNECTION,
  // pluto's connection named in a sentence (`deleting connection "aws-1" instance`, `pending Phase 2 for "aws-1" replacing #0`).
  {
    markers: [MARK.namePlutoSentence],
    pattern: /(\bconnection "|#\d+: "|\bfor "|\bresolution of ")([^"]+)("(?= |$))/g,
  },
  // FortiGate's debug prefix: "ike 0:to-aws-1:53:", "ike 0:to-aws-1: " for the gateway itself,
  // "ike 0:to-aws-1:53:aws-p2:1234: " with a phase 2's name: the names are the segments that are
  // not numbers (nor the IKE SA's cookies, "ike 0:75182ea269d7d772/0000000000000000:50865:").
  {
    markers: [MARK.nameInFortigatePrefix],
    pattern: /((?:^|\s)ike (?:V=[\w-]+:)?\d+:)((?:[^:\s]+:)*[^:\s]*)(?= )/,
    namesWithin: /[^:]*[^\d:/][^:/]*(?=:|$)/g,
  },
  // FortiGate's event fields: vpntunnel="to-aws-1", devname="fgt-dpd-lab", vd="root", the users
  // and groups of XAUTH and EAP.
  {
    markers: [MARK.nameInFortinetField],
    pattern:
      /(\b(?:vpntunnel|vpn_tunnel|phase2_name|devname|vd|xauthuser|xauthgroup|xauth_user|xauth_group|eapuser|eapauthgroup|user|useralt|group)="?)([^"\s]+)/g,
  },
  // The host a syslog server wrote before a Cisco message in a header splitHeader does not know
  // (it splits off the host of every form in the corpus, templates and samples: CISCO_HOST and
  // SYSLOG_SOURCE); this is the fallback that keeps an unknown form's host from being read.
  {
    markers: [MARK.nameBeforeCisco],
    pattern: new RegExp(`(\\s)([A-Za-z][\\w.-]*)((?: :)? +(?:\\d+: +)?(?:[\\w.:]+: +)?${CISCO_MESSAGE_TAG})`),
  },
  RASCLIENT_CONNECTION,
  PANOS_EVENT_OBJECT,
  // Cisco ASA's tunnel group and user: "Group = aws-dpd, Username = branch-1, IP = ..." (a
  // LAN-to-LAN group is most often named by its peer's address, which is not a name).
  {
    markers: [MARK.nameInAsaField],
    pattern: /(\b(?:Group|Username) = )(?!(?:\d{1,3}\.){3}\d{1,3},)([^,\s]+)(,)/g,
  },
  // Cisco ASA's crypto map: "Map Tag = aws-dpd-map. Map Sequence Number = 10."
  { markers: [MARK.nameInAsaField], pattern: /(\bMap Tag = )([^\s,]+?)(?=\.?(?:[\s,]|$))/g },
  JUNOS_VPN,
  JUNOS_VPN_NAME,
  JUNOS_ALARM_VPN,
  OPENIKED_POLICY,
  // Junos' gateways: "gateway name: gw-aws,", "IKE-Gateway: gw-2,".
  { markers: [MARK.nameInJunosField], pattern: /(\b(?:gateway name|IKE-Gateway): )([^,\s]+)/g },
];

// The names found in a message, as [start, end) offsets; reused from line to line.
const starts: number[] = [];
const ends: number[] = [];

function addName(start: number, end: number): void {
  if (end > start) {
    starts.push(start);
    ends.push(end);
  }
}

/** Records where the site's names are in `text`: its even groups (or the names within them). */
function findNames(text: string, site: NameSite): void {
  const { pattern, namesWithin } = site;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.global ? pattern.exec(text) : null) {
    let at = match.index;
    for (let group = 1; group < match.length; group++) {
      const part = match[group] ?? "";
      if (group % 2 === 0) {
        if (namesWithin === undefined) addName(at, at + part.length);
        else for (const name of part.matchAll(namesWithin)) addName(at + name.index, at + name.index + name[0].length);
      }
      at += part.length;
    }
  }
}

/** The name a site finds first in `text` (its first name group), if any. */
export function nameAt(site: NameSite, text: string): string | undefined {
  site.pattern.lastIndex = 0;
  const match = site.pattern.exec(text);
  return match?.[2];
}

/**
 * `message` with the names of connections, gateways, tunnel groups and hosts replaced by "x"s of
 * the same length. `found` holds the scan of the message (or of the line it came from).
 */
export function withoutNames(message: string, found: Found = scan(message, new Found())): string {
  starts.length = 0;
  ends.length = 0;
  const flags = found.flags;
  for (let i = 0; i < SITES.length; i++) {
    const site = SITES[i] as NameSite;
    const markers = site.markers;
    let mayHold = true;
    for (let k = 0; k < markers.length; k++) if (flags[markers[k] as number] !== 1) mayHold = false;
    if (mayHold) findNames(message, site);
  }
  if (starts.length === 0) return message;
  // Names found by two sites may overlap: blank from left to right, never going back.
  const order = starts.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
  let blanked = "";
  let from = 0;
  for (const i of order) {
    const start = Math.max(starts[i] as number, from);
    const end = ends[i] as number;
    if (end <= start) continue;
    blanked += message.slice(from, start) + "x".repeat(end - start);
    from = end;
  }
  return blanked + message.slice(from);
}
