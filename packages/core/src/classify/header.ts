// Splits a log line into its transport header (syslog timestamp, host, program) and the
// message, and recognises the vendor from the line's structure, not from product names that
// could appear in any text.
import type { ParsedFields, Vendor } from "./types.ts";

export interface Header {
  vendor: Vendor;
  message: string;
  fields: ParsedFields;
}

const MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
// RFC 5424 "<pri>1 2023-05-04T15:19:33.984+10:00 host app procid msgid [sd] msg"
const SYSLOG_5424 = /^<\d{1,3}>1 (\S+) (\S+) (\S+) (\S+) (\S+) (?:(\[[^\]]*\]|-) ?)?/;
// "Mar 20 10:03:52 host program[pid]: " and "Dec 04 2014 12:37:51: " (Cisco) and
// "2025-07-09T07:24:00.634073+00:00 host program[pid]: " (ISO) and "oct/27 22:37:49 " (MikroTik).
const SYSLOG_TIME = new RegExp(
  `^(?:<\\d{1,3}>)?(?:\\w{3},? )?(${MONTHS}\\s+\\d{1,2}(?:\\s+\\d{4})?\\s+\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:\\s+\\d{4}(?=\\s))?|\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?=\\s)|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?|${MONTHS}/\\d{1,2} \\d{2}:\\d{2}:\\d{2}|\\d{9,10}\\.\\d+)(?::)?\\s+(?:<\\d+(?:\\.\\d+)?>\\s+)?`,
);
const PROGRAM = /^([A-Za-z][\w.\-/]*)(?:\[(\d+)\])?(?: ?\(\d+\))?:\s+/;
const HOST_THEN_PROGRAM = /^(\S+)\s+([A-Za-z][\w.\-/]*)(?:\[(\d+)\])?:\s+/;

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
  kmd: "juniper",
  iked: "juniper",
  rpd: "juniper",
  ikemgr: "paloalto",
};

function vendorOfMessage(message: string, line: string): Vendor {
  if (message.startsWith("AWS-side peer") || message.startsWith("DENIED due to")) return "aws-bgp";
  if (message.startsWith("AWS ") || message.startsWith("AWS:")) return "aws";
  if (line.includes("%ASA-") || line.includes("%FTD-") || line.includes("%PIX-")) return "cisco-asa";
  if (/%(?:CRYPTO|IKEV2|ISAKMP|IPSEC|BGP)-\d|\bISAKMP:\(\d+\)|\bIPSEC\(\w+\):|\bIKEv2[-:]\w*:?\(/.test(line))
    return "cisco-ios";
  if (/\bvco-[\w*]+|\[PROTO_ERR\]|\bisakmp_\w+\(\)|\bikev[12]\.c:\d+/.test(line)) return "alibaba";
  if (
    /^\d{2}\[[A-Z]{3}\] |^\[[A-Z]{3}\] |\b\d{2}\[(?:IKE|ENC|CFG|NET|KNL|CHD|LIB|DMN|JOB|MGR|ASN|APP|ESP|TLS)\]/.test(
      message,
    )
  ) {
    return "strongswan";
  }
  if (
    /^(?:\d{3} )?"[^"]+"(?:\[\d+\])?(?: \S+)? #\d+:|^packet from \S+:|STATE_(?:MAIN|QUICK|PARENT|V2|AGGR)_/.test(
      message,
    )
  ) {
    return "libreswan";
  }
  if (/\bKMD_|\bRPD_BGP|IKE negotiation (?:failed|successfully)|IPSec negotiation failed/.test(line)) return "juniper";
  if (/IKE phase-[12] negotiation is|ikemgr|ike-nego-p[12]|IKEv2 (?:child SA|IKE SA) negotiation is/.test(line))
    return "paloalto";
  if (/logid="?01010|subtype="?vpn"?|action="?negotiate|xauth_status|vpntunnel=/.test(line)) return "fortinet";
  if (/\bevents (?:Site-to-site VPN|VPN|type=vpn_connectivity_change)\b/.test(line)) return "meraki";
  if (/\bIKE_SA_ESTABLISH_FAIL|\bIKE_NEGO:|\bTANS_IKE_NEGO/.test(line)) return "tencent";
  if (/^(?:ERROR|INFO|WARNING|NOTIFY|DEBUG): /.test(message) || /\bipsec,(?:info|error|debug|warning)\b/.test(line)) {
    return "racoon";
  }
  return "unknown";
}

export function splitHeader(line: string): Header {
  const fields: ParsedFields = {};
  let rest = line;
  let programVendor: Vendor | undefined;

  const rfc5424 = SYSLOG_5424.exec(rest);
  if (rfc5424) {
    fields.time = rfc5424[1];
    fields.host = rfc5424[2];
    if (rfc5424[3] !== "-") fields.program = rfc5424[3];
    // Juniper puts the event name in MSGID and key="value" pairs in the structured data.
    const msgId = rfc5424[5] !== "-" ? `${rfc5424[5]} ` : "";
    const structured = rfc5424[6] && rfc5424[6] !== "-" ? `${rfc5424[6]} ` : "";
    rest = `${msgId}${structured}${rest.slice(rfc5424[0].length)}`;
  } else {
    const time = SYSLOG_TIME.exec(rest);
    if (time) {
      fields.time = time[1];
      rest = rest.slice(time[0].length);
      const hostProgram = HOST_THEN_PROGRAM.exec(rest);
      const program = PROGRAM.exec(rest);
      if (program && VPN_PROGRAMS[program[1] as string]) {
        fields.program = program[1];
        rest = rest.slice(program[0].length);
      } else if (hostProgram) {
        fields.host = hostProgram[1];
        fields.program = hostProgram[2];
        rest = rest.slice(hostProgram[0].length);
      } else if (program) {
        fields.program = program[1];
        rest = rest.slice(program[0].length);
      }
    } else {
      // Android logcat "I/charon  (14804): " and bare "charon: ".
      const bare = /^(?:[VDIWE]\/)?([A-Za-z][\w.-]*)\s*(?:\[\d+\]|\(\s*\d+\))?:\s+/.exec(rest);
      if (bare && VPN_PROGRAMS[bare[1] as string]) {
        fields.program = bare[1];
        rest = rest.slice(bare[0].length);
      }
    }
  }
  if (fields.program) {
    const base = fields.program.replace(/^.*\//, "");
    programVendor = VPN_PROGRAMS[base];
  }
  const messageVendor = vendorOfMessage(rest, line);
  const vendor = messageVendor !== "unknown" ? messageVendor : (programVendor ?? "unknown");
  return { vendor, message: rest, fields };
}
