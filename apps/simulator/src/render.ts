// Turns scenario events into provider log text. AWS `details` strings are the documented ones
// (AWS Site-to-Site VPN log contents page), placeholders filled in; Alibaba lines follow the one
// documented IPsec daemon line (`DiagnoseVpnConnections` SourceLog example) for IKEv1 and use
// strongSwan/charon wording for IKEv2, both inside the same `<time> <vco-id> [<TAG>]: ` prefix.
import type { SimConnection, SimTunnel } from "./fleet.ts";
import type { SimEvent } from "./scenario.ts";

function hex(n: number, length: number): string {
  let out = "";
  let x = n >>> 0;
  while (out.length < length) {
    out += (x & 0xf).toString(16);
    x = Math.imul(x ^ (x >>> 7), 0x9e3779b1) >>> 0;
  }
  return out;
}

/** The customer-gateway and provider addresses inside a tunnel's /30. */
export function insideIps(tunnel: SimTunnel): { provider: string; customer: string } {
  const [base = "169.254.0.0"] = tunnel.insideCidr.split("/");
  const parts = base.split(".").map(Number);
  const last = parts[3] ?? 0;
  const prefix = parts.slice(0, 3).join(".");
  return { provider: `${prefix}.${last + 1}`, customer: `${prefix}.${last + 2}` };
}

function isIkev1Only(tunnel: SimTunnel): boolean {
  return !tunnel.ikeVersions.includes("ikev2");
}

function awsDetails(e: SimEvent): string {
  const v1 = isIkev1Only(e.tunnel);
  const cgw = e.connection.customerGatewayIp;
  const spi = hex(e.variant, 8);
  const id = e.variant % 400;
  const [kind, phase] = e.code.split(":");
  switch (kind) {
    case "chatter":
    case "up": {
      if (v1 && kind === "chatter") return `AWS tunnel received DELETE for Phase 2 SA with SPI: ${spi}`;
      const lines = [
        `AWS tunnel processed request (id=${id}) for CREATE_CHILD_SA`,
        `AWS tunnel is sending response (id=${id}) for CREATE_CHILD_SA`,
        `AWS tunnel is sending request (id=${id}) for CREATE_CHILD_SA`,
        `AWS tunnel processed response (id=${id}) for CREATE_CHILD_SA`,
      ];
      return kind === "up" ? (lines[3] as string) : (lines[e.variant % 4] as string);
    }
    case "dpd-timeout":
      if (phase === "start")
        return v1 ? "Peer is not responsive - Declaring peer dead" : "AWS tunnel DPD timed out after 3 retransmits";
      return `AWS tunnel Timeout: deleting un-established Phase 1 IKE_SA with cgw: ${cgw}`;
    case "ike-proposal-mismatch":
      return "No Proposal Match Found by AWS";
    case "ipsec-proposal-mismatch":
      if (phase === "start" || v1) return 'No Proposal Match Found. Notifying with "No proposal chosen"';
      return "AWS tunnel Phase 2 was unable to establish while keeping Phase 1";
    case "ts-mismatch":
      return "AWS: Traffic Selector: TS_UNACCEPTABLE: received from responder";
    case "idle-timeout":
      return `AWS tunnel received DELETE for Phase 2 SA with SPI: ${spi}`;
    case "rekey-failure":
      if (v1) return `AWS tunnel received DELETE for Phase 2 SA with SPI: ${spi}`;
      return phase === "start"
        ? "AWS tunnel detected a (CHILD_REKEY) collision as CHILD_DELETE"
        : "AWS tunnel (CHILD_SA) redundant SA is being deleted due to detected collision";
    case "auth-failure":
      if (v1) return "AWS tunnel payload decryption was unsuccessful due to invalid Pre-shared Key";
      return phase === "start"
        ? `AWS tunnel detected a pre-shared key mismatch with cgw: ${cgw}`
        : "AWS tunnel is sending AUTHENTICATION_FAILED as the response";
    default:
      // maintenance (new endpoint waiting for the CGW to initiate) and tunnels that never come up
      return `AWS tunnel Timeout: deleting un-established Phase 1 IKE_SA with cgw: ${cgw}`;
  }
}

/**
 * An AWS tunnel activity record in the JSON output format. Only the keys are documented; values follow
 * the documented meaning (event_timestamp in seconds, states Established|Rekeying|Negotiating|Down).
 */
export function renderAwsTunnelRecord(e: SimEvent): string {
  return JSON.stringify({
    event_timestamp: Math.floor(e.ts / 1000),
    details: awsDetails(e),
    dpd_enabled: e.tunnel.dpdEnabled,
    nat_t_detected: e.tunnel.natTraversal,
    ike_phase1_state: e.phase1,
    ike_phase2_state: e.phase2,
  });
}

/**
 * An AWS BGP log record. The keys and the `details` wording are documented; the route attribute keys
 * inside `message` (prefix, as_path, next_hop) are an assumption: no verbatim RouteStatus record was found.
 */
export function renderAwsBgpRecord(e: SimEvent): string {
  const neighbor = insideIps(e.tunnel).customer;
  const base = {
    resource_id: `${e.connection.id}_${e.outsideIp}`,
    event_timestamp: e.ts,
    timestamp: new Date(e.ts).toISOString(),
  };
  const prefix = e.connection.remoteCidrs[0] ?? "10.0.0.0/24";
  const asn = e.connection.customerAsn;
  switch (e.code) {
    case "bgp:down":
      return JSON.stringify({
        ...base,
        type: "BGPStatus",
        status: "DOWN",
        message: {
          details: `AWS-side peer BGP session state has changed from Established to Idle with neighbor ${neighbor}`,
        },
      });
    case "bgp:up":
      return JSON.stringify({
        ...base,
        type: "BGPStatus",
        status: "UP",
        message: {
          details: `AWS-side peer BGP session state has changed from OpenConfirm to Established with neighbor ${neighbor}`,
        },
      });
    default: {
      const asPath = e.code === "bgp:asym-start" ? `${asn} ${asn} ${asn}` : `${asn}`;
      return JSON.stringify({
        ...base,
        type: "RouteStatus",
        status: "UPDATED",
        message: {
          details: `AWS-side peer received update with attributes from neighbor ${neighbor}: AS path: ${asPath}`,
          prefix,
          as_path: asPath,
          next_hop: neighbor,
        },
      });
    }
  }
}

function alibabaTime(ts: number): string {
  // Assumed UTC: the one documented line carries no zone.
  return new Date(ts).toISOString().slice(0, 19).replace("T", " ");
}

function racoonLine(e: SimEvent, gw: string, cgw: string): [string, string] {
  const spi1 = hex(e.variant, 16);
  const spi2 = hex(e.variant ^ 0x5a5a5a, 16);
  const spi = e.variant % 200_000_000;
  const [kind, phase] = e.code.split(":");
  const ph1 = `[{remote id:${(e.variant % 9) + 1}}{ph1: ${gw}[500] <=> ${cgw}[500], ${gw} <=> ${cgw}}]`;
  switch (kind) {
    case "chatter": {
      const lines: [string, string][] = [
        ["INFO", `isakmp.c:2926:isakmp_ph2begin_i(): initiate new phase 2 negotiation: ${gw}[500]<=>${cgw}[500]`],
        [
          "INFO",
          `pfkey.c:1250:pk_recvupdate(): IPsec-SA established: ESP ${gw}[500]->${cgw}[500] spi=${spi}(0x${hex(spi, 8)})`,
        ],
        ["INFO", `isakmp.c:2190:isakmp_ph1expire(): ISAKMP-SA expired ${gw}[500]-${cgw}[500] spi:${spi1}:${spi2}`],
      ];
      return lines[e.variant % lines.length] as [string, string];
    }
    case "up":
      return [
        "INFO",
        `isakmp.c:2878:isakmp_ph1established(): ISAKMP-SA established ${gw}[500]-${cgw}[500] spi:${spi1}:${spi2}`,
      ];
    case "dpd-timeout":
      if (phase === "start") {
        return [
          "PROTO_ERR",
          `isakmp_inf.c:1590:isakmp_info_recv_r_u_ack(): DPD: remote (ISAKMP-SA spi=${spi1}:${spi2}) seems to be dead. ${ph1}`,
        ];
      }
      return ["PROTO_ERR", `ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up. ${ph1}`];
    case "ike-proposal-mismatch":
      return ["PROTO_ERR", `ipsec_doi.c:1227:get_ph1approval(): no suitable proposal found. ${ph1}`];
    case "ipsec-proposal-mismatch":
      return ["PROTO_ERR", `isakmp_quick.c:2179:quick_r1recv(): failed to get proposal for responder. ${ph1}`];
    case "ts-mismatch": {
      const remote = (e.connection.remoteCidrs[0] ?? "10.0.0.0/24").replace("/", "/");
      return [
        "PROTO_ERR",
        `isakmp_quick.c:2121:get_proposal_r(): no policy found: ${remote}[0] ${e.connection.localCidr}[0] proto=any dir=in`,
      ];
    }
    case "idle-timeout":
      return [
        "INFO",
        `pfkey.c:1741:pk_recvexpire(): IPsec-SA expired: ESP/Tunnel ${cgw}[500]->${gw}[500] spi=${spi}(0x${hex(spi, 8)})`,
      ];
    case "rekey-failure":
      return [
        "PROTO_ERR",
        `isakmp.c:2543:isakmp_chkph1there(): phase2 negotiation failed due to time up waiting for phase1. ESP ${cgw}[500]->${gw}[500]`,
      ];
    case "auth-failure":
      return ["PROTO_ERR", `oakley.c:2451:oakley_compute_hash(): HASH mismatched, pre-shared key may be wrong. ${ph1}`];
    default:
      return ["PROTO_ERR", `ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up. ${ph1}`];
  }
}

function charonLine(e: SimEvent, gw: string, cgw: string, connection: SimConnection): [string, string] {
  const name = connection.id;
  const ike = (e.variant % 90) + 1;
  const child = (e.variant % 70) + 1;
  const spiI = hex(e.variant, 8);
  const spiO = hex(e.variant ^ 0x3c3c3c, 8);
  const ts = `${connection.localCidr} === ${connection.remoteCidrs.join(" ")}`;
  const [kind, phase] = e.code.split(":");
  switch (kind) {
    case "chatter": {
      const lines: [string, string][] = [
        ["CHD", `CHILD_SA ${name}{${child}} established with SPIs ${spiI}_i ${spiO}_o and TS ${ts}`],
        ["IKE", `sending DPD request`],
        ["KNL", `creating rekey job for CHILD_SA ESP/0x${spiI}/${gw}`],
      ];
      return lines[e.variant % lines.length] as [string, string];
    }
    case "up":
      return ["IKE", `IKE_SA ${name}[${ike}] established between ${gw}[${gw}]...${cgw}[${cgw}]`];
    case "dpd-timeout":
      return phase === "start"
        ? ["IKE", "giving up after 5 retransmits"]
        : ["IKE", `initiating IKE_SA ${name}[${ike}] to ${cgw}`];
    case "ike-proposal-mismatch":
      return ["IKE", "received NO_PROPOSAL_CHOSEN notify error"];
    case "ipsec-proposal-mismatch":
      return ["IKE", "received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built"];
    case "ts-mismatch":
      return ["IKE", "received TS_UNACCEPTABLE notify, no CHILD_SA built"];
    case "idle-timeout":
      return [
        "CHD",
        `closing CHILD_SA ${name}{${child}} with SPIs ${spiI}_i (0 bytes) ${spiO}_o (0 bytes) and TS ${ts}`,
      ];
    case "rekey-failure":
      return ["IKE", "detected CHILD_REKEY collision with CHILD_REKEY"];
    case "auth-failure":
      return ["IKE", "received AUTHENTICATION_FAILED notify error"];
    default:
      return ["IKE", `initiating IKE_SA ${name}[${ike}] to ${cgw}`];
  }
}

/** One line of Alibaba `DescribeVpnConnectionLogs` `Data.Logs[]`. */
export function renderAlibabaLine(e: SimEvent): string {
  const gw = e.outsideIp;
  const cgw = e.connection.customerGatewayIp;
  const [tag, text] = isIkev1Only(e.tunnel) ? racoonLine(e, gw, cgw) : charonLine(e, gw, cgw, e.connection);
  return `${alibabaTime(e.ts)} ${e.connection.id} [${tag}]: ${text}`;
}
