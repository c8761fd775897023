import { type Found, MARK } from "./markers.ts";
import type { IkePhase } from "./types.ts";
import { FORTIGATE_DEBUG_PREFIX } from "./vocabulary.ts";

// The exchange or state named in a line tells which phase a notify belongs to: the same
// NO_PROPOSAL_CHOSEN is a phase 1 failure in IKE_SA_INIT or main mode and a phase 2 failure in
// IKE_AUTH, CREATE_CHILD_SA or quick mode.
// An IKEv1 informational without a HASH payload is not protected by an ISAKMP SA yet: phase 1;
// one with a HASH travels under an established ISAKMP SA, so a failure it reports is quick mode.
// IDr and AUTH payloads travel only in IKE_AUTH; racoon names the notify's protocol
// (proto_id 1 ISAKMP, 2 AH, 3 ESP). An IKEv1 notify with a non-zero message id (Libreswan's
// msgid=1a2b3c4d) travels under the ISAKMP SA: it answers quick mode.
// "During phase 1 or 2 processing" names neither. charon's IKE_SA rekeying and reauthentication
// ("peer continued rekeying, but we are deleting", "colliding passive exchange", "unable to
// reauthenticate in CHILD_SA REKEYING state") concern the IKE SA, whatever child they mention.
// Read ignoring case, as the rules are ("Quick Mode", "quick mode", "IKE SA", "ike sa"). A source file or
// function named after ISAKMP (racoon's "isakmp_inf.c:350:isakmp_log_notify()") names no exchange;
// one named after a phase does ("proposal.c:1052:get_ph2approvalx()", "isakmp_ph1resend()").
// Azure's IKE diagnostic log names the SA: "[SA_type] MM_SA" (main mode) or "QM_SA" (quick mode).
// Alibaba's IPsec daemon ends every line with the phase 1 SA it belongs to ("[{remote id:4}{ph1:
// 172.16.0.88[500] <=> 192.168.0.206[500], ...}]"), a phase 2 line's too: that names no phase.
// Libreswan 5 names the IKE SA's own states after the exchange it waits in ("#1: IKE_AUTH_I:",
// "in state IKE_AUTH_I"): the IKE SA's authentication, phase 1.
// Libreswan 3 calls IKE_AUTH's answer the "AUTH response": an error it carries concerns the CHILD SA
// (an authentication failure is read as phase 1 by its own rule).
// Windows' quick mode failure event (4654) names the main mode SA it ran under ("Main Mode SA ID").
// FortiGate's debug names its main and aggressive mode messages "ident_i1send", "agg_r1recv".
// The SSH IPsec toolkit (Junos kmd) names the exchange after the SA's cookies: "{ ... } IP;" is main
// mode (Identity Protection), "Aggr;" aggressive mode, "QM;" quick mode.
// Yamaha names an SA's kind after its number: "[IKE1] SA:1/IKE established" is the IKE SA; RouterOS
// calls an IKEv2 SA an "ike2 SA" ("killing ike2 SA: ...").
// OpenIKED starts a line with the 64-bit SPI of the IKE SA it concerns ("spi=0x1a2b3c4d5e6f7081:
// sa_free: rekey timeout"): without a child SA named, the IKE SA's, phase 1.
// Windows and z/OS write the SA out: an "IKE [version 2.0] Security Association" is phase 1's, an
// "IPsec security association" phase 2's, as z/OS's IpDataOffer (the data protection it offers).
// Cisco's IKEv2 debug (IKEv2-PROTO-n, IKEv2-PLAT-n) speaks of the IKEv2 SA unless it names a child
// SA; racoon2 and OpenIKED name the IKE SA's functions "ikesa" and IKE_SA_INIT's "state0" (racoon2
// calls CREATE_CHILD_SA's "createchild"), and racoon starts phase 1 on the kernel's acquire in
// "isakmp_post_acquire()"; NAT-T's port floating and option filling happen in phase 1. An ASA's
// "Remote Proxy 10.1.0.0, Local Proxy ..." (not the crypto map's "local Proxy Address" that starts
// a phase 1), an IPsec packet, racoon's getspi, SA proposal comparison (cmpsaprop) and
// RESPONDER-LIFETIME notify, and Libreswan's "Delete SA payload via #n" (a child's delete arriving
// over its IKE SA) are phase 2's,
// as are IKEv1's NAT-OA payloads (the original addresses, sent in quick mode, RFC 3947),
// as are strongSwan's updown events ("[UPDOWN] received up-client event", run for each CHILD_SA), a
// Zyxel tunnel named by its SA's SPI ("Tunnel [<connection>:<gateway>:0xc5bbc159]") and Cisco IOS's
// notify for an AH or ESP SA ("processing NOTIFY INVALID_ID_INFO protocol 3"), as is pluto's IKEv1
// notify of 16 bytes ("ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000,
// length=16"): 12 bytes and the SPI, whose 4 bytes are an AH or ESP SA's (an ISAKMP SA's are 0 or 16).
const DEFINITELY_PHASE_1 =
  /Initial exchange|unsecured informational|phase ?1 proposal|INFORMATIONAL_V1 (?:request|response) \d+ \[ (?!HASH)|IKE_SA_INIT|STATE_PARENT_I1|STATE_MAIN_|STATE_AGGR_|main mode(?! SA ID)|aggressive mode|Identity Protection|\} (?:IP|Aggr); |IKE_NEGO:|waiting for phase ?1|IKE_INIT_SA|\bSA[_ ]INIT\b|STATE_PARENT_[IR]\d\b|STATE_IKESA_|(?<!while )deleting IKE[_ ]SA\b|has no corresponding IKE[_ ]SA|initiating IKEv[12] connection|unauthenticated INVALID_KE_PAYLOAD|guessed wrong keying material group|_WAIT_INIT\b|phase 1 is done|\bN\(DPD(?:_ACK)?\)|R_U_THERE|\bID_PROT (?:request|response)|\bAGGRESSIVE (?:request|response)|authentication of '[^']*' (?:\(myself\) )?with .* successful|\bEAP(?:_[A-Z]+|\/)|requested EAP\b|XAUTH(?![a-z])|IKE_INTERMEDIATE|STATE_V2_PARENT_|IKE_SESSION_RESUME|\b(?:first|1st) (?:phase|stage)\b|STATE_V2_REKEY_IKE_|in state IKE_AUTH_[IR]\b|#\d+: IKE_AUTH_[IR]:|tearing down (?:the )?old phase ?1\b|\bIKE_REKEY\b|\bIKE (?:SA )?rekey(?:ing)?\b|\bDelete IKE-SA\b|rekeying, but we are (?:deleting|reauthenticating)\b|\bcolliding passive exchange\b|\bunable to reauthenticate\b|\b(?:ident|agg)_[ir]\d|\bIKE SA delete payload\b/i;
const PHASE_2 =
  /IKE_AUTH|\bcreatechild_|\bIPsec Security Associations?\b|\bIpDataOffer\b|KMD_PM_SA_ESTABLISHED|\bipsec_sa_|QMNegotiation|LAN-to-LAN SA\b|Security negotiation complete|IPSEC state|PROTO_IPSEC_ESP|create-child|pfkey|SEC_PROTO_ESP|CHILD_SA|child SA|INFORMATIONAL_V1 (?:request|response) \S+ \[ HASH\b|quick mode|\bQM(?:_SA)?\b|STATE_V2_CREATE_|STATE_V2_NEW_CHILD_|STATE_CHILDSA_|STATE_CHILD_C\d|quick-mode|\bSAs? (?:in|into) (?:the )?kernel\b|\bIKE_P2_|\b(?:Tunnel|Transport) mode\b|STATE_QUICK|QUICK_MODE|\bAH:|address block constraint|\bIPCOMP\b|accepted selectors|\bquick_\w|proxy (?:subnet|MATCH|range)|Selector received|selector (?:down|up) event|the peer proposed:|negotiated connection \[|\breplay\b|CREATE_CHILD\b|KEY_ADD\b|STATE_V2_IPSEC|\bIPSEC: |IPsec phase to\b|inbound SPI|outbound SPI|IPSEC\(|\bPFS\b|\bsainfo\b|_qm_|ike_connect_ipsec|ipsec_sa_pair|child_(?:responder|initiator)|(?:Hard|Soft)life timer|N\(REKEY_SA\)|IKE_QM_\w|IPSec install callback|encaps is \d|ID_IPV4_ADDR_(?:SUBNET|RANGE)|crypto map check|phase[- ]?2|\bph2\b|ph2\w*\(\)|\bP2\b|IPsec SA|IPsec proposal|ESP proposal|IPsec (?:encryption|authentication|integrity|hash) algorithm|IPsec-SA|IPsec negotiation|IPSec tunnel|traffic[- ]selector|proxy[- ]?id|\bESP\b|\bIDr AUTH\b|proto_id=[23]\b|for '[^']+' tunnel\b|\bTunnel='|\bikev2_childsa_|childsa\w*\(\)|_create_child_sa\b|_ike_auth_recv\b|sending encrypted notification|secured informational payload|\b(?:second|2nd) (?:phase|stage)\b|\bIPsec crypto\b|IPSEC-EVENT:|IPSEC KEY\b|STATE_V2_REKEY_CHILD_|\bphase=2\b|\bAUTH response contained the error notification\b|\bmsgid=(?!0+\b)[0-9a-fA-F]{8}\b|\b(?:Remote|Local) Proxy (?!Address\b)|\bDelete SA payload via #\d+|\bdelete request \(proto [23]\)|\bgetspi\b|\bcmpsaprop_|RESPONDER-LIFETIME|\bIPsec packets?\b|\[UPDOWN\] received (?:up|down)-client\b|\bNOTIFY \S+ protocol [23]\b|\bNAT-?OA\b|\bmsgid=[0-9a-f]{8}, length=16\b|\bTunnel \[[^\]:\s]+:[^\]:\s]+:0x[0-9a-f]+\]/i;
const PHASE_1 =
  /phase[- ]?1(?! or 2\b)|\bIKE (?:version [12](?:\.0)? )?Security Associations?\b|^spi=0x[0-9a-f]{16}: |\bike_sa_|MMNegotiation|\bMM_SA\b|\bIKE_P1_|(?<!\{)\bph1\b|ph1\w*\(\)|\bP1\b|ISAKMP(?!d\b|\w*\.c:|\w*\(\))|\bIKE SAs?\b|IKE_SA\b|\bIKE-SA\b|\bIKEv[12] SA|message ID 0\b|msgid=0+\b|\bIKE:|\bIKE negotiation|\bIKE proposal|\bIKE policy|Oakley|proto_id=1\b|parent (?:state|SA)\b|\bIKE algorithms?\b|\bIKE (?:encryption|authentication|integrity|hash) algorithm|\bPPK\b|AUTH_LIFETIME|\bIDi\b|MOBIKE|EAP identity|EAP-only|\bIKE ID PAIR|NAT[- ](?:detect(?:ed|ion)|discovery|not (?:found|detected))|NAT-Traversal: Result|detected NAT|\bNATed\b|authentication (?:succeeded|successful|method)|authen\w*tication data PASSED|peer ID (?:is|verified|check)|signature verification succeeded|IKMP_NO_SA|\bIKEv2 profile|\bAUTH (?:msg|message)|auth message|AUTH_RESPONSE|peer's (?:identity|policy)|pre-?shared key|\bkeyring\b|Found Policy|peer configs?\b|\bDPD\b|dead peer detection|R-U-THERE|ARE-YOU-THERE|\bVID\b|vendor ID\b|\bestablished peer\b|\bsa_state: |\bIKE peer\b|\bIKE crypto\b|\bphase=1\b|\bSA:\d+\/IKE\b|\bike2 SA\b|\bIKEv2-(?:PROTO|PLAT)-\d\b|Informational Exchange is for an unknown|\bdelete request \(proto 1\)|_ikesa_|\bikesa_|\bfloat port\b|\bnatt_|_state0_|\bisakmp_post_acquire\(\)/i;

// FortiGate debug names the phase 2 in its prefix: "ike 0:<gateway>:<IKE SA>:<phase 2>:<child>:"
// or "ike 0:<gateway>:<IKE SA>:<child>:"; a phase 1 line stops at "<gateway>:<IKE SA>:".
const FORTIGATE_CHILD_PREFIX = new RegExp(`${FORTIGATE_DEBUG_PREFIX}[^:\\s]+:\\d+:(?:[^:\\s]+:)?\\d+: `);
// A negotiation FortiGate names by its IKE SA's cookies ("ike 0:75182ea269d7d772/0000000000000000:50865:") is phase 1.
const FORTIGATE_IKE_SA_PREFIX = new RegExp(`${FORTIGATE_DEBUG_PREFIX}[0-9a-f]{16}/[0-9a-f]{16}:`);

// Chinese consoles: 第一阶段 is phase 1, 第二阶段 phase 2 (traditional 階段); Japanese フェーズ1/2.
const CHINESE_PHASE = /第([一二])[阶階]段/;
const JAPANESE_PHASE = /フェーズ ?([12])/;

/**
 * `text` is a message with its connection names blanked out (names.ts): "l2tp-psk-phase2" says
 * nothing of the exchange. `found` holds the scan of the text (or of the line it came from), to
 * skip expressions that cannot match.
 */
export function phaseFromContext(text: string, found: Found): IkePhase | null {
  if (found.hasSuspectCharacters) {
    const chinese = CHINESE_PHASE.exec(text);
    if (chinese) return chinese[1] === "一" ? "1" : "2";
    const japanese = JAPANESE_PHASE.exec(text);
    if (japanese) return japanese[1] as IkePhase;
  }
  if (text.startsWith("ike ")) {
    if (FORTIGATE_CHILD_PREFIX.test(text)) return "2";
    if (FORTIGATE_IKE_SA_PREFIX.test(text)) return "1";
  }
  if (found.has(MARK.phase1Definite) && DEFINITELY_PHASE_1.test(text)) return "1";
  if (found.has(MARK.phase2) && PHASE_2.test(text)) return "2";
  if (found.has(MARK.phase1) && PHASE_1.test(text)) return "1";
  return null;
}
