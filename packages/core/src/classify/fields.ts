// Fields a network engineer searches by: addresses, SPIs, message ids, connection names.
import type { Found } from "./markers.ts";
import type { ParsedFields, Vendor } from "./types.ts";

const IPV4 = String.raw`(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}`;
const IPV4_GLOBAL = new RegExp(`(?<![\\d.])${IPV4}(?![\\d.]*\\d)`, "g");
const BETWEEN = new RegExp(`between (${IPV4})\\[[^\\]]*\\]\\.\\.\\.(${IPV4})`);
const PEER_LABELLED = new RegExp(
  `(?:peer ip: ?|Remote(?: gateway)?: ?|IP = |remote-address="|peer_contact='|Remote IKE-ID: ?|from |to )(${IPV4})`,
);
const LOCAL_LABELLED = new RegExp(`(?:my ip: ?|Local(?: gateway)?: ?|local-address="|Local-ip: ?)(${IPV4})`);
const SPI =
  /SPI[:= ]+(?:0x)?([0-9a-fA-F]{8})\b|SPIs ([0-9a-f]{8})_i ([0-9a-f]{8})_o|spi[:=]((?:0x)?[0-9a-f]{8,16}(?::[0-9a-f]{16})?)/;
const MESSAGE_ID =
  /[Mm]essage ID:? (\d+)|msgid=([0-9a-fA-F]+)|(?:request|response) (\d+) \[|mess id (0x[0-9a-f]+)|\(id=(\w+)\)/;
const NOTIFY =
  /\b(NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE|AUTHENTICATION_FAILED|INVALID_ID_INFORMATION|INVALID_KE_PAYLOAD|TEMPORARY_FAILURE|INVALID_SYNTAX|UNSUPPORTED_CRITICAL_PAYLOAD|SINGLE_PAIR_REQUIRED|NO_ADDITIONAL_SAS|INTERNAL_ADDRESS_FAILURE|FAILED_CP_REQUIRED|CHILD_SA_NOT_FOUND|INVALID_MAJOR_VERSION|INVALID_SPI|R_U_THERE)\b|N\((NO_PROP|TS_UNACCEPT|AUTH_FAILED|INVAL_KE|TEMP_FAIL|INVAL_ID|INVAL_SYN)\)/;
const SHORT_NOTIFY: Record<string, string> = {
  NO_PROP: "NO_PROPOSAL_CHOSEN",
  TS_UNACCEPT: "TS_UNACCEPTABLE",
  AUTH_FAILED: "AUTHENTICATION_FAILED",
  INVAL_KE: "INVALID_KE_PAYLOAD",
  TEMP_FAIL: "TEMPORARY_FAILURE",
  INVAL_ID: "INVALID_ID_INFORMATION",
  INVAL_SYN: "INVALID_SYNTAX",
};
const TUNNEL_ID = /\b(vpn-[0-9a-f]{8,17}|vco-[\w*]+|tun-[\w*]+)\b|tunnel-id: ?(\d+)/;
const STRONGSWAN_CONN = /<([^|>]+)\|\d+>|\b(?:IKE_SA|CHILD_SA) ([\w.-]+)[[{]\d+[\]}]/;
const LIBRESWAN_CONN = /^(?:\d{3} )?"([^"]+)"/;
const JUNIPER_VPN = /VPN: ?([\w.-]+)|vpn name: ?([\w.-]+)/;
const IKE_VERSION = /IKE ?[Vv]ersion:? ?([12])\b|\bIKEv([12])\b|\bikev([12])\b/;

// Each expression runs only where the scan saw a marker it needs.
export function extractFields(message: string, vendor: Vendor, into: ParsedFields, found: Found): ParsedFields {
  const between = found.has("between") ? BETWEEN.exec(message) : null;
  if (between) {
    into.localIp ??= between[1];
    into.peerIp ??= between[2];
  } else if (found.has("digitDot")) {
    const peer = found.has("peerLabel") ? PEER_LABELLED.exec(message) : null;
    if (peer) into.peerIp ??= peer[1];
    const local = found.has("localLabel") ? LOCAL_LABELLED.exec(message) : null;
    if (local) into.localIp ??= local[1];
    if (!into.peerIp) {
      const all = message.match(IPV4_GLOBAL);
      if (all && all.length > 0) into.peerIp = all.find((ip) => ip !== into.localIp);
    }
  }
  if (found.has("spi")) {
    const spi = SPI.exec(message);
    if (spi) into.spi = [spi[1], spi[2], spi[3], spi[4]].filter((v): v is string => Boolean(v));
  }
  if (found.has("messageId")) {
    const messageId = MESSAGE_ID.exec(message);
    if (messageId) into.messageId = messageId.slice(1).find(Boolean);
  }
  if (found.has("notify")) {
    const notify = NOTIFY.exec(message);
    if (notify) into.notify = notify[1] ?? SHORT_NOTIFY[notify[2] as string];
  }
  if (found.has("tunnelId")) {
    const tunnel = TUNNEL_ID.exec(message);
    if (tunnel) into.tunnelId ??= tunnel[1] ?? tunnel[2];
  }
  const conn =
    vendor === "strongswan" || vendor === "meraki"
      ? STRONGSWAN_CONN.exec(message)
      : vendor === "libreswan"
        ? LIBRESWAN_CONN.exec(message)
        : vendor === "juniper"
          ? JUNIPER_VPN.exec(message)
          : null;
  if (conn) into.connectionName = conn[1] ?? conn[2];
  if (found.has("ike")) {
    const version = IKE_VERSION.exec(message);
    if (version) into.ikeVersion = (version[1] ?? version[2] ?? version[3]) as "1" | "2";
  }
  return into;
}
