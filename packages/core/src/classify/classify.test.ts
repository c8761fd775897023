import { describe, expect, it } from "vitest";
import { expressionSamples } from "../../test/expression-samples.ts";
import { type LabelledLine, readLabelledLines } from "../../test/labelled-lines.ts";
import { seededRandom } from "../../test/seeded-random.ts";
import { LOG_FAULT_CODES, type LogFaultCode } from "../codes.ts";
import { applyRules, applyRulesExhaustively, classifyLine, MAX_LINE_LENGTH, notTunnelLine } from "./classify.ts";
import { extractFields, ipv4Addresses, ipv6Addresses } from "./fields.ts";
import { splitHeader, vendorOf } from "./header.ts";
import { KeywordIndex } from "./keyword-index.ts";
import { Found, scan } from "./markers.ts";
import { phaseFromContext } from "./phase.ts";
import { RULES } from "./rules.ts";

type CorpusLine = LabelledLine & { code: LogFaultCode };

const corpus = readLabelledLines("corpus") as CorpusLine[];
// Vendors' own message formats and catalogue entries filled in with values (test/templates/README.md).
const templates = readLabelledLines("templates") as CorpusLine[];

describe("the real-line corpus", () => {
  it("is well formed: known codes, a source for every line, no duplicates", () => {
    expect(corpus.length).toBeGreaterThan(300);
    for (const entry of corpus) {
      expect(LOG_FAULT_CODES).toContain(entry.code);
      expect(entry.source.length).toBeGreaterThan(5);
    }
    expect(new Set(corpus.map((e) => e.line)).size).toBe(corpus.length);
  });

  it("has real lines for every log fault code", () => {
    for (const code of LOG_FAULT_CODES) {
      expect(corpus.filter((e) => e.code === code).length, code).toBeGreaterThanOrEqual(3);
    }
  });

  it("is classified as a network engineer labelled it, for 95% of lines and 80% of each code", () => {
    const misses: string[] = [];
    const perCode = new Map<LogFaultCode, { hits: number; total: number }>();
    for (const entry of corpus) {
      const result = classifyLine(entry.line);
      const tally = perCode.get(entry.code) ?? { hits: 0, total: 0 };
      tally.total++;
      if (result.code === entry.code) tally.hits++;
      else misses.push(`${entry.code} <- ${result.code} [${result.rule}] ${entry.line.slice(0, 120)}`);
      perCode.set(entry.code, tally);
    }
    const accuracy = 1 - misses.length / corpus.length;
    expect(accuracy, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
    for (const [code, { hits, total }] of perCode) {
      expect(
        hits / total,
        `${code}: ${hits}/${total}\n${misses.filter((m) => m.startsWith(code)).join("\n")}`,
      ).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("gives the labelled phase for fault lines classified correctly", () => {
    const wrongPhase = corpus.filter((entry) => {
      const result = classifyLine(entry.line);
      const isFault = !["INFO", "UNKNOWN", "BGP_SESSION_DOWN", "TUNNEL_UP", "TUNNEL_DOWN_OTHER"].includes(entry.code);
      return (
        isFault &&
        result.code === entry.code &&
        entry.phase !== null &&
        result.phase !== null &&
        result.phase !== entry.phase
      );
    });
    expect(wrongPhase.map((e) => e.line)).toEqual([]);
  });
});

describe("documented message templates", () => {
  it("are classified as labelled, for 95% of them, and none of them is also a corpus line", () => {
    const corpusLines = new Set(corpus.map((e) => e.line));
    expect(templates.length).toBeGreaterThan(300);
    expect(templates.filter((e) => corpusLines.has(e.line))).toEqual([]);
    const misses = templates
      .filter((entry) => classifyLine(entry.line).code !== entry.code)
      .map((entry) => `${entry.code} <- ${classifyLine(entry.line).code} ${entry.line.slice(0, 120)}`);
    expect(1 - misses.length / templates.length, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("select the same rule through the keyword index as by running every rule", () => {
    for (const { line } of templates) {
      expect(applyRules(line)?.rule.id, line).toBe(applyRulesExhaustively(line)?.rule.id);
    }
  });
});

describe("the keyword index", () => {
  it("selects the same rule as running every rule, on every corpus line, written case and their case variants", () => {
    for (const line of [...corpus.map((c) => c.line), ...meaningCases.map(([line]) => line)]) {
      for (const variant of [line, line.toUpperCase(), line.toLowerCase()]) {
        expect(applyRules(variant)?.rule.id, variant).toBe(applyRulesExhaustively(variant)?.rule.id);
      }
    }
  });

  it("finds the groups a plain search finds, with 16-bit states and with more states than 16 bits number", () => {
    const random = seededRandom(7);
    const letters = "abcdefghij-. 0123";
    const word = (length: number) =>
      Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join("");
    for (const [keywordsPerGroup, entries] of [
      [3, Uint16Array],
      [400, Uint32Array],
    ] as const) {
      const groups = Array.from({ length: 40 }, () =>
        Array.from({ length: keywordsPerGroup }, () => word(3 + Math.floor(random() * 12))),
      );
      const index = new KeywordIndex(groups);
      expect(Reflect.get(index, "table")).toBeInstanceOf(entries);
      for (let i = 0; i < 300; i++) {
        const text = word(200);
        const found = new Uint8Array(groups.length + 1);
        index.scan(text.toUpperCase(), found);
        for (const [group, keywords] of groups.entries()) {
          expect(found[group], text).toBe(keywords.some((k) => text.includes(k)) ? 1 : 0);
        }
      }
    }
  });

  it("passes over the rules that need a tunnel's context without it, as running every rule does", () => {
    let passedOver = 0;
    for (const { line } of [...corpus, ...templates]) {
      const next = applyRulesExhaustively(line, false);
      expect(applyRules(line, undefined, false)?.rule.id, line).toBe(next?.rule.id);
      if (next && applyRulesExhaustively(line)?.rule !== next.rule) passedOver++;
    }
    expect(passedOver).toBeGreaterThan(10);
  });

  it("finds the markers the vendor, record, field and phase readers need, on every labelled line and its case variants", () => {
    const everyMarker = new Found();
    everyMarker.flags.fill(1);
    for (const { line } of [...corpus, ...templates]) {
      for (const variant of [line, line.toUpperCase(), line.toLowerCase()]) {
        const header = splitHeader(variant);
        const { message, afterTime, fields } = header;
        const found = scan(variant, new Found(), afterTime);
        const vendor = vendorOf(header, variant, found);
        expect(vendor, variant).toBe(vendorOf(header, variant, everyMarker));
        expect(notTunnelLine(fields.program, vendor, variant, message, found), variant).toBe(
          notTunnelLine(fields.program, vendor, variant, message, everyMarker),
        );
        expect(extractFields(message, vendor, {}, found), variant).toEqual(
          extractFields(message, vendor, {}, everyMarker),
        );
        expect(phaseFromContext(message, found), variant).toBe(phaseFromContext(message, everyMarker));
      }
    }
  });

  it("has a keyword of its rule in every match of a rule's expression, on every labelled line and written case", () => {
    const lines = [...corpus, ...templates].map((c) => c.line).concat(meaningCases.map(([line]) => line));
    for (const rule of RULES) {
      if (rule.nonAscii) continue;
      const everyMatch = new RegExp(rule.test.source, `${rule.test.flags}g`);
      for (const line of lines) {
        for (const match of line.matchAll(everyMatch)) {
          const text = match[0].toLowerCase();
          expect(
            rule.keywords.some((keyword) => text.includes(keyword)),
            `${rule.id}: ${match[0]}`,
          ).toBe(true);
        }
      }
    }
  });

  it("has a keyword of its rule in every wording an expression's alternatives allow, beyond the labelled lines", () => {
    // A wording with no keyword is a line the rule silently never sees (a plural, a spelling
    // variant, an optional word): strings generated from each alternative find it.
    for (const rule of RULES) {
      if (rule.nonAscii) continue;
      for (const sample of expressionSamples(rule.test, 150)) {
        const text = sample.toLowerCase();
        expect(
          rule.keywords.some((keyword) => text.includes(keyword)),
          `${rule.id}: ${sample}`,
        ).toBe(true);
      }
    }
  });

  it("has no rule expression that matches an empty string (an empty alternative would match every line)", () => {
    for (const rule of RULES) expect(rule.test.test(""), rule.id).toBe(false);
  });

  it("has lower-case keywords for every rule, none containing another of the same rule", () => {
    for (const rule of RULES) {
      expect(rule.keywords.length > 0, rule.id).toBe(!rule.nonAscii);
      for (const keyword of rule.keywords) {
        expect(keyword).toBe(keyword.toLowerCase());
        // A keyword that contains another of the rule's selects nothing more.
        const shorter = rule.keywords.find((other) => other !== keyword && keyword.includes(other));
        expect(shorter, `${rule.id}: "${keyword}"`).toBeUndefined();
      }
    }
  });
});

// Lines written for one point each: a notify, a vendor's wording, a plain-words variant.
const meaningCases: Array<[string, LogFaultCode, "1" | "2" | null]> = [
  // ASA's FSM error history ends a negotiation without naming a cause; starter reports charon's crash.
  [
    "%ASA-7-715065: Group = 52.1.2.3, IP = 52.1.2.3, IKE MM Initiator FSM error history (struct &0x00007f) <state>, <event>: MM_DONE, EV_ERROR-->MM_WAIT_MSG4, EV_TIMEOUT",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  ["Dec  3 10:00:00 gw ipsec_starter[16402]: child 16403 (charon) has been killed by sig 6", "TUNNEL_DOWN_OTHER", null],
  ["Dec  3 10:00:00 gw vpn: IKEv2 SA deleted: peer 52.1.2.3", "TUNNEL_DOWN_OTHER", "1"],
  // The generic "authentication failed" needs a tunnel word this program's line lacks; the
  // certificate rule after it still reads the line.
  [
    "Mar  3 10:00:00 gw1 vpnd[12]: X509: authentication failed; peer certificate subjectAltName extension does not match FQDN 'gw2.example.net'",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // A tunnel's or BGP session's state in plain words, "now" or not, one tunnel or both.
  ["Tunnel1 is now up", "TUNNEL_UP", null],
  ["AWS tunnel is up", "TUNNEL_UP", null],
  ["IPsec tunnel to 52.1.2.3 is now down", "TUNNEL_DOWN_OTHER", "2"],
  ["both tunnels are down", "TUNNEL_DOWN_OTHER", null],
  ["BGP session is up", "TUNNEL_UP", null],
  // A peer that does not answer in plain words; not answering DPD's probes is DPD's verdict.
  ["AWS tunnel did not receive a response from the customer gateway", "PEER_UNREACHABLE", "1"],
  ["timed out waiting for quick mode reply", "PEER_UNREACHABLE", "2"],
  ["Peer 52.1.2.3 did not respond to R-U-THERE", "DPD_TIMEOUT", "1"],
  ["no response from peer to R_U_THERE", "DPD_TIMEOUT", "1"],
  // Alibaba's log keyword of DpdHashNotifyCompatibility: the peer's DPD messages are dropped.
  ["Mar 20 10:31:53 gw racoon: ERROR: ignore information because the message has no hash payload.", "DPD_TIMEOUT", "1"],
  // Alibaba's daemon names the function that logged: one named after a phase names the phase.
  [
    "2024-03-20 10:07:41 vco-bp1k3x9q2m7w5z8n1c [PROTO_ERR]: proposal.c:1052:get_ph2approvalx(): no suitable proposal found.",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  // Junos event names where syslog puts a daemon are read with the message; a ScreenOS BGP peer
  // falling to Idle is down; Junos iked's summary of a peer refused for its blocklisted IKE identity.
  [
    "22:30:12  SNMP_TRAP_LINK_DOWN: ifIndex 525, ifAdminStatus up(1), ifOperStatus down(2), ifName st0.1",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "fw-1-m9: NetScreen device_id=fw-1-m9  [Root]system-information-00542: BGP peer 10.108.251.21 changed to Idle state (2011-08-17 00:01:14)",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "IKE_GATEWAY_PEER_FAILED: L:1.1.1.1:500, R:100.64.50.21:500, Peer-Role: Initiator, Exchange-Type: IKEv2, Negotiation-Phase: AUTH, IKE-Gateway: gw-2, Reason: Blocklisted",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // NAT traversal: ESP where UDP-encapsulated ESP was expected, UDP 4500 silent, NAT-T left off.
  [
    "Mar 14 2025 09:20:18 asa-edge01 : %ASA-4-402115: IPSEC: Received a packet from 203.0.113.5 to 198.51.100.1 containing UDP data instead of ESP data",
    "NAT_T_ISSUE",
    "2",
  ],
  [
    "AWS tunnel detected NAT on the path to cgw: 198.51.100.23 but received no IKE packets on UDP port 4500",
    "NAT_T_ISSUE",
    "1",
  ],
  ["对端网关设备位于NAT之后，但IPsec连接未开启NAT穿越，UDP 4500报文无响应", "NAT_T_ISSUE", null],
  // Azure's IKE log sending a policy mismatch; Cisco's quick mode failing without a cause.
  [
    "SESSION_ID :{5b2f0c1e-8a77-4c1d-9a3e-2f6b7d0e9c41} Remote 203.0.113.40:500: Local 20.61.12.4:500: [SEND][SA_INIT] Sending Notify Message - Policy match error for tunnel Id 0x3F2A1B0D",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "Mar 14 09:53:10.550: %CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at 203.0.113.5",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  // strongSwan's kernel deleting an SA at its hard lifetime (a real SPI) is an SA not replaced;
  // pluto turning NAT traversal off for want of kernel support leaves NATed peers unreachable.
  [
    "Mar  4 06:15:00 cgw-01 charon: 06[KNL] creating delete job for CHILD_SA ESP/0xc8a31f07/52.14.88.201",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "Nov 19 21:00:01 gw1 pluto[987]: NAT-Traversal: ESPINUDP for this kernel not supported or not found for family IPv4; NAT-traversal is turned OFF",
    "NAT_T_ISSUE",
    "1",
  ],
  // Chinese consoles: an established tunnel, an idle timeout, an establishment that failed.
  ["IPsec隧道已建立", "TUNNEL_UP", null],
  ["隧道因空闲超时被删除", "IDLE_TIMEOUT", null],
  ["IPsec连接建立失败", "TUNNEL_DOWN_OTHER", null],
  // The phase a line names by its state, exchange or SA prefix.
  ['"tun" #67: deleting state (STATE_V2_CREATE_I) aged 0.165s and NOT sending notification', "TUNNEL_DOWN_OTHER", "2"],
  ["ike 0:75182ea269d7d772/0000000000000000:50865: negotiation failure", "TUNNEL_DOWN_OTHER", "1"],
  ["ike 0:to-aws:28: error processing quick-mode message from 52.1.2.3 as responder", "TUNNEL_DOWN_OTHER", "2"],
  // Key=value records name the event; a setting of the same name is not one.
  ["2026-12-03 10:00:00 WARN [vpn] tunnel=aws-tun1 peer=52.1.2.3 event=dpd_timeout action=restart", "DPD_TIMEOUT", "1"],
  [
    "2026-12-03 10:00:00 INFO [vpn] tunnel=aws-tun1 peer=52.1.2.3 event=idle_timeout action=clear",
    "IDLE_TIMEOUT",
    null,
  ],
  ["2026-12-03 10:00:00 INFO [ike] tunnel aws-tun1 loaded: idle_timeout=300 dpd_timeout=30", "INFO", null],
  // Plain words of a gateway no rule names: the meaning decides.
  ["IPsec tunnel to 52.1.2.3 removed after 5 missed DPD replies", "DPD_TIMEOUT", "1"],
  ["IKE SA with 52.1.2.3 expired due to idle time", "IDLE_TIMEOUT", "1"],
  ["IPsec SA expired and was not renewed", "REKEY_FAILURE", "2"],
  ["No response received from peer 52.1.2.3 after 6 retries", "PEER_UNREACHABLE", "1"],
  ["BGP peer 169.254.10.1 state changed from Established to Idle", "BGP_SESSION_DOWN", null],
  ["BGP peer 169.254.10.1 state changed from OpenConfirm to Established", "TUNNEL_UP", null],
  ["IPsec SA with 52.1.2.3 deleted by peer", "TUNNEL_DOWN_OTHER", "2"],
  // Windows: RRAS's failed demand dial names the error; RasClient's failed dial gives its code
  // (809: the server does not answer); Azure's IKE diagnostic log writes the code in decimal.
  [
    "RoutingDomainID- {00000000-0000-0000-0000-000000000000}: A demand dial connection to the remote interface AzureGateway on port VPN2-4 was successfully initiated but failed to complete successfully because of the following error: Internet key exchange (IKE) authentication credentials are unacceptable.",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a connection named AzureGateway that has failed. The error code returned on failure is 809.",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "CoId={C3D95A70-1E2F-4B6D-9A48-70F1B2E6D5C3}: The user SYSTEM dialed a connection named AWS-T1 that has failed. The error code returned on failure is 691.",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a connection named AzureGateway that has failed. The error code returned on failure is 13801.",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a connection named AzureGateway that has failed. The error code returned on failure is 720.",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "(Error)[Remote] 203.0.113.9:4500 [Local] 198.51.100.7:4500 [SESSION_ID] {ae0c8227-8a13-4748-bc1b-4d4bee0e92fe} [ConnType] IKEv2-S2S [IkeEvent] SA_DELETE [SA_type] QM_SA [ErrorCode] 13868",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  ["Error: On-premises device rejected Quick Mode settings. Check values.", "IPSEC_PROPOSAL_MISMATCH", "2"],
  // Google Cloud VPN's detailed status: up, failing with no cause, starting.
  ["Tunnel is up and running.", "TUNNEL_UP", null],
  ["Handshake with peer broken for unknown reason. Trying again soon.", "TUNNEL_DOWN_OTHER", null],
  ["Allocating resources. VPN tunnel will start soon.", "INFO", null],
  // The IKE daemon crashed, in systemd's and the kernel's words: every tunnel it held is down.
  [
    "Dec  3 10:00:01 gw systemd[1]: strongswan-starter.service: Main process exited, code=dumped, status=11/SEGV",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  ["Dec  3 10:00:01 gw systemd[1]: ipsec.service: Failed with result 'core-dump'.", "TUNNEL_DOWN_OTHER", null],
  [
    "Dec  3 10:00:01 gw kernel: [81234.5678] charon[2211]: segfault at 0 ip 00007f3a1c2b sp 00007ffd9a10 error 4 in libstrongswan.so.0.0.0[7f3a1c200000+9a000]",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "pluto[2448]: ABORT: ASSERTION FAILED: st != NULL (main_inR1_outI2() +120 programs/pluto/ikev1_main.c)",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // A stopped web server or another daemon's crash is not a tunnel's.
  ["Dec  3 10:00:01 gw systemd[1]: nginx.service: Main process exited, code=dumped, status=11/SEGV", "UNKNOWN", null],
  // The kernel's answer to a netlink request, and a route that could not be added, leave the SA up.
  ["Dec  3 10:00:01 gw charon: 06[KNL] received netlink error: Network is unreachable (101)", "INFO", null],
  ["Dec  3 10:00:01 gw charon: 06[KNL] unable to install source route for 10.8.0.1", "INFO", null],
  // pluto's own report of an ICMP error for an IKE packet, even with its connection name masked.
  [
    "#23817: ERROR: asynchronous network error report on ens5 (203.0.113.9:500), complainant 203.0.113.9: Connection refused [errno 111, origin ICMP type 3 code 3 (not authenticated)]",
    "PEER_UNREACHABLE",
    "1",
  ],
  // NAT-T keepalives reaching pluto on UDP 4500: the kernel's ESP-in-UDP socket is not set up.
  ["Sep 22 12:39:33 gw pluto[1717]: recvfrom 198.51.100.7:4500 too small packet (0)", "NAT_T_ISSUE", null],
  // Payload lengths that make no sense after decryption: the pre-shared keys differ.
  [
    'pluto[2448]: "tun"[1] 198.51.100.7 #1: 60057-byte length of ISAKMP Identification Payload is larger than can fit',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // NO_PROPOSAL_CHOSEN: the exchange decides the phase.
  ["charon: 09[ENC] parsed IKE_SA_INIT response 0 [ N(NO_PROP) ]", "IKE_PROPOSAL_MISMATCH", "1"],
  ["charon: 09[ENC] parsed CREATE_CHILD_SA response 7 [ N(NO_PROP) ]", "IPSEC_PROPOSAL_MISMATCH", "2"],
  // IKEv1 informational: without a HASH it is not protected by an ISAKMP SA yet, so phase 1.
  ["charon: 14[ENC] parsed INFORMATIONAL_V1 request 3851683074 [ N(NO_PROP) ]", "IKE_PROPOSAL_MISMATCH", "1"],
  ["charon: 06[ENC] parsed INFORMATIONAL_V1 request 3861985833 [ HASH N(NO_PROP) ]", "IPSEC_PROPOSAL_MISMATCH", "2"],
  // Cisco IOS names the protocol of the refused proposal (1 ISAKMP, 3 ESP).
  ["ISAKMP:(9577): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["ISAKMP:(9577): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 1", "IKE_PROPOSAL_MISMATCH", "1"],
  // racoon names the attribute it refused, and so the phase.
  [
    "ERROR: rejected dh_group: DB(prop#1:trns#1):Peer(prop#1:trns#1) = 2048-bit MODP group:1024-bit MODP group",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  ["ERROR: trns_id mismatched: my:AES peer:3DES", "IPSEC_PROPOSAL_MISMATCH", "2"],
  // A negotiation that failed without a cause is a tunnel not coming up, not chatter; a named cause wins.
  ["17:12:32 ipsec,error 10.5.107.112 phase1 negotiation failed.", "TUNNEL_DOWN_OTHER", "1"],
  ["17:12:32 ipsec,error 10.5.107.112 phase1 negotiation failed due to time up.", "PEER_UNREACHABLE", "1"],
  // BGP adjacency changes in FRR and IOS-XE wording.
  [
    "bgpd[73781]: %ADJCHANGE: neighbor 10.6.106.2(peer.example) in vrf default Down Peer closed the session",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["%BGP-5-ADJCHANGE: neighbor 10.12.1.2 active Down BGP Notification received", "BGP_SESSION_DOWN", null],
  ["%BGP-5-ADJCHANGE: neighbor 10.12.1.2 active Up", "TUNNEL_UP", null],
  ["charon: 14[IKE] received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ['pluto[1]: "tun" #4: STATE_QUICK_I1: received NO_PROPOSAL_CHOSEN', "IPSEC_PROPOSAL_MISMATCH", "2"],
  [
    'pluto[1]: "tun" #1: STATE_MAIN_I1: ignoring informational payload NO_PROPOSAL_CHOSEN',
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "kmd[1]: IKE negotiation failed with error: No proposal chosen. IKE Version: 2, VPN: to-aws Gateway: gw",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "kmd[1]: IPSec negotiation failed with error: No proposal chosen. IKE Version: 2, VPN: to-aws",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "%ASA-5-713257: Phase 1 failure: Mismatched attribute types for class Group: Rcv'd: Group 2 Cfg'd: Group 14",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  ["%ASA-5-713257: Phase 2 failure: Mismatched attribute types for class Encryption", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["PFS group mismatch: peer offered none, local policy requires group14", "IPSEC_PROPOSAL_MISMATCH", "2"],
  // IKEv1 notifies in RFC 2408's hyphenated spelling or strongSwan's underscores.
  ["received ISAKMP notify ATTRIBUTES-NOT-SUPPORTED in main mode", "IKE_PROPOSAL_MISMATCH", "1"],
  ["received notify INVALID_TRANSFORM_ID", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["received notification INVALID-EXCHANGE-TYPE from 203.0.113.9", "IKE_PROPOSAL_MISMATCH", "1"],
  ["received notify CERTIFICATE-UNAVAILABLE", "IKE_AUTH_FAILURE", "1"],
  // The same faults in a gateway's plain words.
  ["Tunnel to 203.0.113.9 is down: dead peer detected", "DPD_TIMEOUT", "1"],
  ["DPD: peer 203.0.113.9 is dead", "DPD_TIMEOUT", "1"],
  ["The VPN tunnel went down", "TUNNEL_DOWN_OTHER", null],
  ["Phase 1 down for peer 203.0.113.9", "TUNNEL_DOWN_OTHER", "1"],
  ["tunnel closed: inactivity timer expired", "IDLE_TIMEOUT", null],
  ["CHILD_SA expired before rekey completed", "REKEY_FAILURE", "2"],
  ["IKE_SA_INIT request timed out", "PEER_UNREACHABLE", "1"],
  ["no reply from remote gateway 203.0.113.9", "PEER_UNREACHABLE", "1"],
  ["no matching policy for traffic selectors", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["BGP notification received from 169.254.1.1: Cease", "BGP_SESSION_DOWN", null],
  ["bgp neighbor 169.254.1.1 down", "BGP_SESSION_DOWN", null],
  ["Phase 2 established with peer 203.0.113.9", "TUNNEL_UP", "2"],
  ["VPN tunnel state changed to UP", "TUNNEL_UP", null],
  [
    "kmd[1]: IPSec negotiation failed with error: TS unacceptable. IKE Version: 2, VPN: to-aws",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  ["iked[1]: IKE gateway 203.0.113.9 is down", "TUNNEL_DOWN_OTHER", null],
  ["%IKEV2-5-SA_UP: SA UP", "TUNNEL_UP", null],
  [
    "[PROTO_ERR]: isakmp_inf.c:1213:isakmp_info_recv_n(): fatal PAYLOAD-MALFORMED notify messsage, phase1 should be deleted.",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["charon: 12[ENC] parsed INFORMATIONAL_V1 request 0 [ N(PLD_MAL) ]", "INFO", "1"],
  ["AWS tunnel IKE_SA established with cgw: 203.0.113.9", "TUNNEL_UP", "1"],

  [
    "2021-08-15 16:23:44.762 IPsec IKE Session (IKE SA) 920 (Client: 24) (168.205.92.8:27015 -> 192.168.1.142:4500): This IKE SA is deleted.",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  ["Mar 4 14:32:36 DPD: Peer 169.132.58.9 is UP status_val: 0.", "INFO", "1"],
  ["Tunnel to-aws is down", "TUNNEL_DOWN_OTHER", null],
  ["Tunnel to-aws is up", "TUNNEL_UP", null],
  ['msg="IKE Responder: No matching phase 2 ID found for proposed remote network"', "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ['msg="IKE Responder: Mode 2 PFS not allowed by VPN Policy"', "IPSEC_PROPOSAL_MISMATCH", "2"],
  ['msg="IPsec Tunnel status changed" note="Tunnel Down"', "TUNNEL_DOWN_OTHER", "2"],
  ["IKE: Main Mode Completion.", "TUNNEL_UP", "1"],
  [
    "Encryption failure: according to the policy the packet should not have been decrypted",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  ["IKE: Wrong remote peer ID", "IKE_AUTH_FAILURE", "1"],
  // Wordings found by generating strings from the rules' expressions: a failure the benign
  // wording of a neighbouring rule used to swallow.
  ["charon: 10[IKE] CHILD_SA expired without being rekeyed", "REKEY_FAILURE", "2"],
  ["NAT detected but NAT-T disabled on this gateway", "NAT_T_ISSUE", "1"],
  ["charon: 10[IKE] re-authentication failed, trying to reestablish IKE_SA", "REKEY_FAILURE", "1"],
  ["DH group mismatch", "IKE_PROPOSAL_MISMATCH", "1"],
  ["IKE phase 2: PFS DH group mismatch", "IPSEC_PROPOSAL_MISMATCH", "2"],
  // An anonymised peer may hold spaces; a kmd trace names its function where a program stands.
  ["charon: 15[JOB] <244> deleting half open IKE_SA with <CLIENT IP ADDRESS> after timeout", "PEER_UNREACHABLE", "1"],
  ["Mar 4 14:32:36 ike_st_i_n: Start, doi = 1, protocol = 1, code = unknown (36137)", "INFO", null],
  // Anonymised lines: a placeholder of several words, SPIs written as X's.
  ['pluto[2060]: "aws-t1" #7728: received Delete SA(0xXXXXXXXX) payload: deleting IPSEC State #7734', "INFO", "2"],
  ["%BGP-5-ADJCHANGE: neighbor <IP ADDRESS> Down BGP Notification sent", "BGP_SESSION_DOWN", null],
  ["ike 0:to-aws:34538: established IKE SA XXXXXXXX/XXXXXXXX", "TUNNEL_UP", "1"],
  // A relay forwards the device's line with its own header first.
  [
    "Dec  3 10:00:01 relay01 Aug  3 10:18:44  srx1 kmd[14162]: KMD_VPN_DOWN_ALARM_USER: VPN to-aws from 203.0.113.9 is down.",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "<134>1 2026-12-03T10:00:01Z relay01 - - - - 2025-01-15 08:59:27.132938 ike V=root:0:to-aws:35404: retransmission, re-send last message",
    "PEER_UNREACHABLE",
    "1",
  ],
  // An initial exchange that times out or is retransmitted has had no answer.
  ["AWS tunnel IKE_SA_INIT failed: timeout", "PEER_UNREACHABLE", "1"],
  ["charon: 05[IKE] no response from peer, retransmitting IKE_AUTH", "PEER_UNREACHABLE", "1"],
  // A packet capture's summary line is not a log message, whatever protocol it decodes.
  ["18:32:02.219017 IP 198.51.100.4.500 > 203.0.113.9.isakmp: isakmp: phase 1 I agg", "UNKNOWN", null],
  // The same faults in a gateway's own words, in any order.
  ["DPD: peer 203.0.113.9 not responding, deleting SA", "DPD_TIMEOUT", "1"],
  ["No DPD ack received from peer", "DPD_TIMEOUT", "1"],
  ["R-U-THERE-ACK not received from 203.0.113.9", "DPD_TIMEOUT", "1"],
  ["IKE peer 203.0.113.9 not reachable", "PEER_UNREACHABLE", "1"],
  ["IKE request to 203.0.113.9 timed out", "PEER_UNREACHABLE", "1"],
  ["NAT traversal failed: UDP 4500 blocked", "NAT_T_ISSUE", "1"],
  ["SA rekey timeout", "REKEY_FAILURE", null],
  ["Phase 2 selector mismatch", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["Phase 1 negotiation completed", "TUNNEL_UP", "1"],
  ["IKE SA expired due to inactivity", "IDLE_TIMEOUT", "1"],
  [
    "Nov 29 20:43:30 lego ipsec__plutorun: 003 NAT-Traversal: ESPINUDP(1) setup failed for new style NAT-T family IPv4 (errno=19)",
    "INFO",
    null,
  ],
  [
    "*Aug 23 00:48:07.911: BGP: 2.2.2.2 open failed: Connection timed out; remote host not responding",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["IKE proposal rejected by peer", "IKE_PROPOSAL_MISMATCH", "1"],
  ["Phase 2 negotiation failed: no matching transform", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["local and remote subnets do not match", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["encryption domain mismatch", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["Authentication failed: invalid shared secret", "IKE_AUTH_FAILURE", "1"],
  ["IPsec tunnel deleted by peer", "TUNNEL_DOWN_OTHER", "2"],
  ["Mar 20 10:31:53 gw racoon: ERROR: no suitable transform found.", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["rekey of phase 2 SA failed with peer 203.0.113.9", "REKEY_FAILURE", "2"],
  ["PFS required but not offered by peer", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["peer proposed PFS group 2, expected group 14", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["TS mismatch with peer", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // A BGP session that learns no routes is down for the tunnel's traffic (faults.md: "0 BGP ROUTES").
  ["BGP: 0 routes received from 169.254.10.1", "BGP_SESSION_DOWN", null],
  ["BGP: 10 routes received from 169.254.10.1", "INFO", null],
  ['pluto[812]: "aws-t1" #2: IPsec SA expired (LATEST!)', "REKEY_FAILURE", "2"],
  ["*Mar  1 00:01:02.345: %CRYPTO-4-IKMP_HASH_FAIL: IKE hash failed. Invalid hash", "IKE_AUTH_FAILURE", "1"],
  // H3C and Huawei name the cause after the failure.
  [
    "%%10IKE/6/IKE_P1_SA_ESTABLISH_FAIL: Failed to establish phase 1 SA in main mode IKE_P1_STATE_INIT state. Reason: Failed to get IKE proposal.",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "%%10IKE/6/IKE_P2_SA_ESTABLISH_FAIL: Failed to establish phase 2 SA for IPsec policy (policy1) in QUICK_MODE_STATE state. Reason: Failed to get IPsec proposal.",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "%%10IKE/6/IKE_P1_SA_ESTABLISH_FAIL: Failed to establish phase 1 SA in main mode IKE_P1_STATE_INIT state. Reason: Retransmission timeout.",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "IKE/4/IKE_PEER_REACH_MAX_RETRANS: The number of IKE packet retransmissions reached the maximum. (PeerAddress=203.0.113.9)",
    "PEER_UNREACHABLE",
    "1",
  ],
  // A protocol tag where syslog puts a program is part of the message.
  ["oct/27 22:38:44 ipsec,info dpd: peer not responding, removing", "DPD_TIMEOUT", "1"],
  // A negation is not the event.
  ["IPsec tunnel not established: waiting for peer", "INFO", "2"],
  ["charon: 12[IKE] IKE_SA not established yet", "INFO", "1"],
  // Traffic selectors and identities.
  ["charon: 11[IKE] received TS_UNACCEPTABLE notify, no CHILD_SA built", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["received INVALID_ID_INFORMATION error notify in quick mode", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["STATE_MAIN_R2: received INVALID_ID_INFORMATION notification", "IKE_AUTH_FAILURE", "1"],
  [
    "kmd[1]: KMD_PM_P2_POLICY_LOOKUP_FAILURE: Policy lookup for Phase-2 [responder] failed for p1_local=ipv4(udp:500,[0..3]=1.1.1.1)",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  // Authentication.
  ["charon: 13[IKE] received AUTHENTICATION_FAILED notify error", "IKE_AUTH_FAILURE", "1"],
  ["charon: 13[IKE] authentication of '203.0.113.9' with pre-shared key failed", "IKE_AUTH_FAILURE", "1"],
  [
    "%ASA-5-713904: IP = 198.51.100.7, ERROR, had problems decrypting packet, probably due to mismatched pre-shared key",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // Liveness.
  ["charon: 05[IKE] DPD check timed out, enforcing DPD action", "DPD_TIMEOUT", "1"],
  [
    "%ASA-3-713123: IP = 198.51.100.7, IKE lost contact with remote peer, deleting connection (keepalive type: DPD)",
    "DPD_TIMEOUT",
    "1",
  ],
  ["charon: 16[IKE] giving up after 5 retransmits", "PEER_UNREACHABLE", "1"],
  ["charon: 16[IKE] deleting CHILD_SA after 300 seconds of inactivity", "IDLE_TIMEOUT", "2"],
  [
    "%ASA-4-113019: Group = 198.51.100.7, Username = 198.51.100.7, IP = 198.51.100.7, Session disconnected. Session Type: LAN-to-LAN, Duration: 0h:05m:00s, Bytes xmt: 0, Bytes rcv: 0, Reason: Idle Timeout",
    "IDLE_TIMEOUT",
    "2",
  ],
  // A remote-access or OpenVPN session's idle timer has no IKE phase.
  [
    "%ASA-4-113019: Group = RA, Username = alice, IP = 198.51.100.8, Session disconnected. Session Type: SSL, Duration: 1h:00m:00s, Bytes xmt: 10, Bytes rcv: 20, Reason: Idle Timeout",
    "IDLE_TIMEOUT",
    null,
  ],
  ["2020-04-01 12:47:02: Inactivity timeout (--inactive), exiting", "IDLE_TIMEOUT", null],
  ["charon: 07[IKE] CHILD_SA rekeying failed, trying again in 15 seconds", "REKEY_FAILURE", "2"],
  ["charon: 07[IKE] IKE_SA rekeying completed successfully", "INFO", "1"],
  // BGP.
  [
    "AWS-side peer BGP session state has changed from Established to Idle with neighbor 169.254.10.1",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "AWS-side peer BGP session state has changed from OpenConfirm to Established with neighbor 169.254.10.1",
    "TUNNEL_UP",
    null,
  ],
  // Up and down.
  [
    "charon: 12[IKE] IKE_SA aws-tun1[3] established between 198.51.100.7[198.51.100.7]...203.0.113.9[203.0.113.9]",
    "TUNNEL_UP",
    "1",
  ],
  ["kmd[1]: KMD_VPN_DOWN_ALARM_USER: VPN to-aws from 203.0.113.9 is down.", "TUNNEL_DOWN_OTHER", null],
  // Not a tunnel log at all.
  ["sshd[812]: Accepted publickey for admin from 192.0.2.4 port 52144 ssh2", "UNKNOWN", null],
  // WatchGuard Firebox message catalog wording (as in Elastic's watchguard_firebox parser test
  // data): the Reason names what was received and what was expected, or what failed.
  [
    `firewall[10]: msg_id="0205-0003" IKE phase-2 negotiation from 172.16.12.82:500 to 172.16.12.81:500 failed. Tunnel='tunnel.1' Reason=Received protocol 'AH'. Expecting 'ESP' in phase-2 proposal.`,
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    `firewall[10]: msg_id="0203-0017" IKE phase-1 negotiation from 172.16.12.82:500 to 172.16.12.81:500 failed. GatewayEndpoint='gateway.1' Reason=No CA certificate available`,
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    `firewall[10]: msg_id="0203-0027" IKE phase-1 negotiation from 172.16.12.82:500 to 172.16.12.81:500 failed. GatewayEndpoint='gateway.1' Reason=Failed to get ID information from certificate 20001`,
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    `firewall[10]: msg_id="0203-000D" IKE phase-1 negotiation from 172.16.12.82:500 to 172.16.12.81:500 failed. GatewayEndpoint='gateway.1' Reason=Received invalid aggressive mode hash payload.`,
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    `firewall[10]: msg_id="0203-0014" Received 'Invalid Exchange Type' message from 172.16.12.81:500 for 'gateway.1' gateway endpoint.`,
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  // ScreenOS (NetScreen) event logs: its IKE events read like any gateway's.
  [
    "Jun 29 10:38:20 fw1 fw1: NetScreen device_id=fw1  [Root]system-information-00536: IKE 203.0.113.7 Phase 1: Retransmission limit has been reached. (2021-06-29 10:38:20)",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "Jun 29 11:13:05 fw1 fw1: NetScreen device_id=fw1  [Root]system-information-00536: IKE 203.0.113.7 Phase 1: Completed Main mode negotiations with a 28800-second lifetime. (2021-06-29 11:13:04)",
    "TUNNEL_UP",
    "1",
  ],
  [
    "Jun 29 10:38:20 fw1 fw1: NetScreen device_id=fw1  [Root]system-information-00536: Rejected an IKE packet on ethernet0/2 from 198.51.100.4:500 to 203.0.113.7:500 with cookies 3e35c70729dfedef and 0000000000000000 because an initial Phase 1 packet arrived from an unrecognized peer gateway. (2021-06-29 10:38:20)",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "Jun 30 10:23:44 fw1 fw1: NetScreen device_id=fw1  [Root]system-information-00536: VPN monitoring for VPN branch-7 has deactivated the SA with ID 0x0000008c. (2021-06-30 10:23:43)",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // ScreenOS logs everything through one syslog: its other events are not tunnel lines.
  [
    "Jun 29 11:08:50 fw1 fw1: NetScreen device_id=fw1  [Root]system-notification-00531: The system clock was updated from primary NTP server type 192.0.2.1 with an adjustment of -225 ms. Authentication was None. (2021-06-29 11:08:50)",
    "UNKNOWN",
    null,
  ],
  // A half-open IKE SA thrown away after its first exchange: the peer never continued.
  [
    'pluto[2814]: "branch/1x1" #9904: deleting state (STATE_V2_PARENT_I1) aged 200.003s and NOT sending notification',
    "PEER_UNREACHABLE",
    "1",
  ],
  ['pluto[2814]: "branch/1x1": IKE SA is shared - only terminating IPsec SA', "TUNNEL_DOWN_OTHER", "2"],
  // An informational exchange that failed to process takes no tunnel down.
  ["charon: 14[IKE] INFORMATIONAL_V1 request with message ID 3723659419 processing failed", "INFO", null],
  ["charon: 04[IKE] QUICK_MODE request with message ID 3259367201 processing failed", "TUNNEL_DOWN_OTHER", "2"],
  // BGP's TCP connection failing on the way up, and FRR's FSM leaving Established.
  [
    "rpd[2902]: RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer 169.254.10.1 (External AS 64512) changed state from Active to Connect (event TransportError) (instance master)",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["bgpd[2146]: 169.254.10.1 [FSM] Clearing_Completed (Clearing->Idle), fd -1", "BGP_SESSION_DOWN", null],
  [
    "There are no acceptable transform proposals from the client for establishing an IPsec SA.",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  ["This IKE SA is established between the server and the client.", "TUNNEL_UP", "1"],
  // Cisco IKEv2 state-machine traces name the failing event; a check event is not a failure.
  [
    "IKEv2-PROTO-5: (16): SM Trace-> SA: I_SPI=D7307E13C686A26E R_SPI=1FDBEBAAE40753CF (R) MsgID = 00000001 CurState: R_VERIFY_AUTH Event: EV_AUTH_FAIL",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "IKEv2-PROTO-5: (16): SM Trace-> SA: I_SPI=D7307E13C686A26E R_SPI=1FDBEBAAE40753CF (R) MsgID = 00000001 CurState: R_VERIFY_AUTH Event: EV_CHK_AUTH_FAIL",
    "INFO",
    "1",
  ],
  // Cisco DMVPN: the crypto socket and the NHRP next-hop server of a spoke going down and up.
  [
    "%DMVPN-5-CRYPTO_SS:  Tunnel0: local address : 203.0.113.2 remote address : 198.51.100.2 socket is DOWN",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "%DMVPN-5-NHRP_NHS_UP: Tunnel0: Next Hop Server : (Tunnel: 172.16.0.1 NBMA: 203.0.113.2) for (Tunnel: 172.16.0.2 NBMA: 198.51.100.2) is  UP",
    "TUNNEL_UP",
    null,
  ],
  // Libreswan reviving a connection whose SA went down, and its IKE SA states.
  [
    'pluto[812]: "site-a"[1] 192.0.2.2: reviving connection which received Delete/Notify but must remain up per local policy (serial $2)',
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // Its cleanup of a state already marked deleted; the delete itself was logged before.
  ['pluto[812]: "site-a" #7: deleting state (STATE_IKESA_DEL) aged 31.411s and NOT sending notification', "INFO", "1"],
  ['pluto[812]: "site-a" #2633: deleting IKE SA (sent IKE_AUTH request)', "TUNNEL_DOWN_OTHER", "1"],
  // The peer deleting an older ISAKMP SA over a newer one: the SA its rekey replaced; the newer one stays up.
  ['pluto[812]: "site-a" #1690570: received Delete SA payload: deleting ISAKMP State #1690531', "INFO", "1"],
  ['pluto[812]: "site-a" #8: received Delete SA payload: self-deleting ISAKMP State #8', "TUNNEL_DOWN_OTHER", "1"],
  // A malformed DPD packet is not an SA out of step; a NAT-T socket that cannot open breaks NAT-T.
  ["Invalid SPI length (length) in DPD packet.", "INFO", "1"],
  ["charon: 00[NET] could not open IPv4 NAT-T socket", "NAT_T_ISSUE", null],
  // Lines a log shipper wrapped in JSON: Docker's json-file, journald's export.
  [
    '{"log":"Mar 20 10:03:52 gw charon: 16[IKE] giving up after 5 retransmits\\n","stream":"stderr","time":"2026-03-20T10:03:52.1Z"}',
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    '{"MESSAGE":"09[IKE] received AUTHENTICATION_FAILED notify error","SYSLOG_IDENTIFIER":"charon","_PID":"812"}',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // journald's export of a BGP daemon, which is no IPsec daemon: its program and pid still head the message.
  [
    '{"MESSAGE":"%ADJCHANGE: neighbor 169.254.44.9 in vrf default Down BGP Notification received: hold time expired","SYSLOG_IDENTIFIER":"bgpd","_PID":"1201"}',
    "BGP_SESSION_DOWN",
    null,
  ],
  // A container runtime's log file (Kubernetes' CRI format) around a daemon's line, with and without its own header.
  [
    "2026-12-05T10:11:12.123456789Z stdout F Dec  5 10:11:12 gw1 charon[812]: 09[IKE] giving up after 5 retransmits",
    "PEER_UNREACHABLE",
    "1",
  ],
  ["2026-12-05T10:11:12.123456789Z stderr F bird: BGP_aws_t1: Down", "BGP_SESSION_DOWN", null],
  // A syslog priority with no time after it (a device that sends none, captured off the wire).
  ["<30>charon: 16[IKE] giving up after 5 retransmits", "PEER_UNREACHABLE", "1"],
  // An ISO time with its milliseconds after a comma, as Python's and Java's loggers write it.
  ["2026-12-05 10:11:12,123 gw1 racoon: ERROR: sendfromto failed", "PEER_UNREACHABLE", "1"],
  // Google Cloud Logging's textPayload, Azure Monitor's Message (a NAT detected, then UDP 4500 silent).
  [
    '{"textPayload":"traffic selectors 10.20.0.0/16 === 192.168.50.0/24 unacceptable","resource":{"type":"vpn_gateway"},"severity":"WARNING"}',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    '{"Category":"IKEDiagnosticLog","Level":"Error","Message":"SESSION_ID :{a7c21d90-35e8-4f0b-b1c4-98d2e6f0a311} Remote 198.51.100.200:500: Local 52.167.18.94:500: [LOCAL] NAT detected on remote side but no IKE packets received on UDP 4500 after floating ports"}',
    "NAT_T_ISSUE",
    "1",
  ],
  // Alibaba Cloud's VPN Gateway events as EventBridge delivers them: the type names phase and outcome.
  [
    '{"id":"7e2d5c8b-1a4f-4b9e-8c3d-5f6a0b1c2d3e","source":"acs.vpn","specversion":"1.0","type":"vpn:CloudMonitor:IpsecPhase1NegoFailed","subject":"acs:vpn:cn-beijing:1807346612059934:vpnconnection/vco-2zeq7w1vh3n8k2p5s6xle","time":"2026-03-03T10:15:02Z","data":{"instanceId":"vco-2zeq7w1vh3n8k2p5s6xle"}}',
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    '{"id":"4c1a9e7d-5b2f-4e83-9d61-0f7a3c2b8e15","source":"acs.vpn","specversion":"1.0","type":"vpn:CloudMonitor:IpsecPhase2NegoSuccess","subject":"acs:vpn:cn-shanghai:1403889573112905:vpnconnection/vco-uf6m2d8r4t1y7u3i9o5pa","time":"2026-03-03T10:16:40Z","data":{}}',
    "TUNNEL_UP",
    "2",
  ],
  [
    '{"id":"d5c4b3a2-9180-4f7e-b6d5-c4b3a2918070","source":"acs.vpn","specversion":"1.0","type":"vpn:CloudMonitor:IpsecHealthCheckFailed","subject":"acs:vpn:cn-hangzhou:1620337485966120:vpnconnection/vco-bp1k9x3h2m7qz5w8r4tyd","time":"2026-03-03T10:20:00Z","data":{}}',
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // Alibaba's daemon names the phase 1 SA at the end of every line: that says nothing of the
  // line's own phase.
  [
    "2023-12-01 06:44:21 vco-t4n8c3v6b1n9m2x5z7lqw [PROTO_ERR]: proposal.c:287:cmpsaprop_alloc(): lifetime mismatched: my:3600 peer:28800 [{remote id:11}{ph1: 47.74.200.17[500] <=> 203.117.45.90[500], 47.74.200.17 <=> 203.117.45.90}]",
    "REKEY_FAILURE",
    "2",
  ],
  // racoon2's iked, Alibaba's daemon: an identity, the IKE version, the responder's selectors, a rekey.
  [
    "2024-10-28 12:44:59 vco-2zeq7w1vh3n8k2p5s6xle [PROTO_ERR]: isakmp_ident.c:1417:ident_r3recv(): peer identifier does not match [{remote id:7}{ph1: 39.105.66.214[500] <=> 124.65.188.9[500], 39.105.66.214 <=> 124.65.188.9}]",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "2024-10-28 12:44:59 vco-2zeq7w1vh3n8k2p5s6xle [PROTO_ERR]: ikev2.c:1174:responder_state0_recv(): ikev2 not acceptable by configuration [{remote id:7}{ph1: 39.105.66.214[500] <=> 124.65.188.9[500], 39.105.66.214 <=> 124.65.188.9}]",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "2024-10-28 12:44:59 vco-2zeq7w1vh3n8k2p5s6xle [PROTO_ERR]: ikev1.c:950:isakmp_ph1begin_r(): received IKEv1 request but no IKEv1 configuration for peer 124.65.188.9[500] [{remote id:7}{ph1: 39.105.66.214[500] <=> 124.65.188.9[500], 39.105.66.214 <=> 124.65.188.9}]",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "2024-10-28 12:44:59 vco-2zeq7w1vh3n8k2p5s6xle [PROTO_ERR]: ikev2_child.c:1575:ikev2_update_child(): responder's TSi does not match my selector [{remote id:7}{ph1: 39.105.66.214[500] <=> 124.65.188.9[500], 39.105.66.214 <=> 124.65.188.9}]",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "2024-10-28 12:44:59 vco-2zeq7w1vh3n8k2p5s6xle [INTERNAL_ERR]: ikev2_rekey.c:177:ikev2_rekey_childsa(): failed starting rekeying [{remote id:7}{ph1: 39.105.66.214[500] <=> 124.65.188.9[500], 39.105.66.214 <=> 124.65.188.9}]",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "2024-10-28 12:44:59 vco-2zeq7w1vh3n8k2p5s6xle [PROTO_ERR]: ikev2_rekey.c:465:ikev2_rekey_ikesa_responder(): unexpected rekey request (state 4) [{remote id:7}{ph1: 39.105.66.214[500] <=> 124.65.188.9[500], 39.105.66.214 <=> 124.65.188.9}]",
    "REKEY_FAILURE",
    "1",
  ],
  // racoon2's own wordings: phase 1 transforms found different, a DH group it will not take, an
  // encapsulation mode mismatch, no key for the peer, an ID type it cannot use, an IKE SA that
  // expired while negotiating, no ESP-in-UDP in the kernel, a rekey that cannot start, IKEv2 SAs
  // coming up (state change, SA handed to the kernel) and deleted; a selector compared and not
  // chosen while it searches is not a mismatch.
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [PROTO_ERR]: ipsec_doi.c:505:print_ph1mismatched(): DB(prop#1:trns#1):Peer(prop#1:trns#1) theirs: enctype=AES-CBC authmethod=pre-shared key hashtype SHA dh_group 2048-bit MODP group [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [PROTO_WARN]: ikev2_notify.c:197:init_ike_sa_init_recv_notify(): unknown dh group, dropping a packet with INVALID_KE_PAYLOAD [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [PROTO_ERR]: ikev2_child.c:1617:ikev2_update_child(): mode mismatch: peer transport mine tunnel [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [INTERNAL_ERR]: ikev2_auth.c:554:ikev2_auth_verify(): no shared key with peer [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [PROTO_ERR]: ikev1.c:2729:ike_conf_find_ikev1sel_by_id(): received ID for localside (type IPv4_address_range) is not supported ID type [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [INTERNAL_ERR]: ike_sa.c:655:ikev2_sa_expire(): ike_sa expired [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [INTERNAL_WARN]: isakmp.c:543:isakmp_open_address(): setsockopt(UDP_ENCAP_ESPINUDP): Protocol not available",
    "NAT_T_ISSUE",
    null,
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [INFO]: ikev2_rekey.c:111:ikev2_rekey_childsa(): can't start rekey (ike_sa state 7 != ESTABLISHED) [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [DEBUG]: ikev2.c:674:ikev2_set_state(): ike_sa 0x559fc410c760 state INI_IKE_AUTH_SENT -> ESTABLISHED [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "TUNNEL_UP",
    "1",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [INFO]: ike_pfkey.c:304:sadb_log_add(): SADB_UPDATE ul_proto=255 src=34.201.77.15[0] dst=47.253.40.9[0] satype=ESP samode=tunnel spi=0x9c9d4fa0 authtype=HMAC-SHA-256 enctype=AES128-CBC lifetime soft time=3240 bytes=0 hard time=3600 bytes=0 [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "TUNNEL_UP",
    "2",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [DEBUG]: ike_sa.c:701:ikev2_sa_delete(): initiating DELETE IKE_SA [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    "2024-11-07 02:30:03 vco-rj9c2v6b0n4m8k1j5h3gf [INFO]: ikev1.c:2680:id_is_matching(): address mismatch 10.20.0.0[0] != 10.30.0.0[0] [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "INFO",
    null,
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [PROTO_ERR]: ikev1.c:397:ikev1_main(): exchange type is mismatched: db=Identity Protection packet=Aggressive, ignore it. [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [PROTO_ERR]: ipsec_doi.c:965:cmp_aproppair_i(): proto_id mismathed: my:3 peer:2 [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [INTERNAL_ERR]: ike_conf.c:703:ikev2_public_key(): failed verifying certificate authrotiy of cert (/etc/racoon2/cert/peer-34.201.77.15.crt) [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [PROTO_ERR]: ikev2.c:2827:initiator_ike_sa_auth_recv0(): message lacks AUTH payload [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [PROTO_ERR]: isakmp_quick.c:2001:get_proposal_r(): Both IDs wasn't found in payload. [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [PROTO_WARN]: ikev2_notify.c:103:resp_state0_recv_notify(): dropping unexpected notify payload (protocol_id 0, type 16388) [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "NAT_T_ISSUE",
    "1",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [PROTO_ERR]: ikev2_notify.c:522:createchild_resp_recv_notify(): unsupported rekey_proto 1 [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [INTERNAL_ERR]: ikev2.c:797:ikev2_initiate(): failed finding local sockaddr to connect with peer address 34.201.77.15 [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [INFO]: ike_sa.c:264:ikev2_abort(): aborting ike_sa [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    "2025-02-14 03:40:22 vco-rj9c7x2z5l8k1j4h6g3fd [PROTO_WARN]: ikev1.c:324:ikev1_main(): remote address mismatched. db=34.201.77.15[500], act=34.201.77.15[4500] [{remote id:3}{ph1: 47.253.40.9[500] <=> 34.201.77.15[500], 47.253.40.9 <=> 34.201.77.15}]",
    "INFO",
    null,
  ],
  // BGP sessions over the tunnels: BIRD's own log file (its message class after the time), a
  // session lost, a route limit that disables it; FRR's hold timer and an unconfigured peer
  // refused; RouterOS unable to open the session; Huawei's state change as key=value pairs.
  ["2026-02-05 14:02:51.007 <RMT> gcp_r1: Received: Peer de-configured", "BGP_SESSION_DOWN", null],
  ["2026-02-05 14:09:48.902 <TRACE> ali_t2: Connection lost (Connection reset by peer)", "BGP_SESSION_DOWN", null],
  [
    "Feb  6 09:31:02 cgw-bird2 bird: Protocol azure_t2 hits route receive limit (200), action: disable",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "2026/03/07 01:02:33.914 BGP: [S51A7-TN4CP] 169.254.55.9 [FSM] Hold timer expire for Established",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "May 14 16:20:02 cgw-fra1 bgpd[1187]: [TBYZV-W9M3D] [Event] 169.254.99.1 connection rejected(VRF default:65010:default) - not configured and not valid for dynamic",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar 28 10:14:55 mtk-ccr2004 route,bgp,info Failed to open TCP connection: Connection timed out",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  4 2026 10:21:33+08:00 AR6300-CPE %%01BGP/6/PEER_STATE_CHG(l)[27]:The state of the peer changed after receiving an event. (PrevState=Established, CurrState=Idle, InputEvent=HOLD_TIMER, Peer=169.254.30.1, VpnInstance=_public_)",
    "BGP_SESSION_DOWN",
    null,
  ],
  // WatchGuard's "phase-1 SA is established"; Check Point's main mode answered with "payload
  // malformed" (the peer could not read our encrypted message: another pre-shared key).
  [
    "Mar 14 11:10:21 M470-HQ 801003A4C5D6E (2025-03-14T11:10:21) iked[2112]: msg_id=\"0201-0005\" IKE phase-1 SA is established. Gateway-Endpoint='AWS-T1-GW.1'",
    "TUNNEL_UP",
    "1",
  ],
  [
    '<134>1 2025-03-14T11:40:03Z cp-mgmt-01 CheckPoint 20541 - [action:"Reject"; fw_subproduct:"VPN-1"; ike::"Main Mode Received Notification from Peer: payload malformed"; peer_gateway:"203.0.113.77"; reject_category:"IKE failure"; scheme::"IKE"; ]',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // racoon without ESP-in-UDP in the kernel; a peer that cannot rekey the IKE SA (phase 1).
  [
    "Jan 30 02:10:51 pfsense racoon: WARNING: setsockopt(UDP_ENCAP_ESPINUDP): UDP_ENCAP Protocol not available",
    "NAT_T_ISSUE",
    null,
  ],
  [
    "2026-03-16 14:27:03Z 15[IKE] <Azure_S2S-1|61> peer seems to not support IKE rekeying, starting reauthentication",
    "REKEY_FAILURE",
    "1",
  ],
  // Azure's resource logs carry the IKE message in properties.message; its tunnel records name
  // the event in the operation and the cause in stateChangeReason; Oracle Cloud's in data.message.
  [
    '{"time":"2025-09-03T16:40:12.2250000Z","category":"IKEDiagnosticLog","operationName":"IKELogEvent","level":"Informational","properties":{"instance":"GatewayTenantWorker_IN_1","message":"SESSION_ID :{4c7a1b2e-9d3f-4e61-b8a0-2f5c6d7e8a91} Remote 62.214.7.190:4500: Local 20.71.4.122:4500: [LOCAL] IKE Tunnel Closed: Peer stopped responding"}}',
    "DPD_TIMEOUT",
    "1",
  ],
  [
    '{"time":"2025-09-03T16:40:13.0010000Z","category":"TunnelDiagnosticLog","operationName":"TunnelDisconnected","level":"Informational","properties":{"instance":"GatewayTenantWorker_IN_1","remoteIP":"62.214.7.190","status":"Disconnected","stateChangeReason":"DPD timed out"}}',
    "DPD_TIMEOUT",
    "1",
  ],
  [
    '{"TimeGenerated":"2025-03-04T08:12:46.551Z","Category":"TunnelDiagnosticLog","OperationName":"TunnelConnected","instance_s":"GatewayTenantWorker_IN_0","remoteIP_s":"84.17.52.203","status_s":"Connected","Message":"Tunnel connected"}',
    "TUNNEL_UP",
    null,
  ],
  [
    '{"data":{"message":"\\"2062988354\\" #24: STATE_QUICK_I2: sent QI2, IPsec SA established tunnel mode {ESP=>0x5c3e1a7f <0xd41e2b9c xfrm=AES_CBC_256-HMAC_SHA2_256_128 NATOA=none NATD=none DPD=active}","tunnelId":"ocid1.ipsectunnel.oc1.iad.aaaaaaaa3m8x"},"id":"0ec69cc1-94d4-5d12-b853-b5eb86af24bf","oracle":{"ingestedtime":"2025-06-19T10:40:02.912Z"},"source":"ipsec","type":"com.oraclecloud.ipsec.ipsecconnection.log"}',
    "TUNNEL_UP",
    "2",
  ],
  // Another CloudEvents record's data is not unwrapped: Alibaba's event type names the event.
  [
    '{"id":"7e2d5c8b","source":"acs.vpn","specversion":"1.0","type":"vpn:CloudMonitor:IpsecPhase1NegoFailed","data":{"message":"negotiation failed","instanceId":"vco-2zeq7w1vh3n8k2p5s6xle"}}',
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  // NEC IX's BGP events: a neighbour's OPEN refused, the session closed with a NOTIFICATION; Google
  // Cloud Router's reason for a session whose tunnel is down.
  ["2026/03/20 10:03:52 BGP.005: Bad AS number from neighbor 169.254.10.1", "BGP_SESSION_DOWN", null],
  [
    "2026/03/20 10:03:52 BGP.007: Closing connection to neighbor 169.254.10.1 with notification",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["The VPN Tunnel is not in Established state.", "TUNNEL_DOWN_OTHER", null],
  // ZyXEL's per-packet ESP check (routine, as SonicWall's is); WatchGuard's main mode message that
  // decrypted to garbage under another pre-shared key.
  ["Jan 14 10:35:02 zywall: Inbound packet authentication/decryption failed", "INFO", "2"],
  ["Jan 14 10:35:02 fw01 iked[2201]: Check Payloads : illegal payload length(3456) total=92", "IKE_AUTH_FAILURE", "1"],
  // Dead peer detection finding the peer down (PAN-OS); SonicWall's responder finding no policy for
  // the proposed network; Meraki's dashboard event log export of a VPN connectivity change.
  ["IKE DPD: peer 52.95.119.201 is down. Deleting IKE SA.", "DPD_TIMEOUT", "1"],
  [
    "01/14/2025 11:04:33.210\tError\tVPN IKE\tIKE Responder: No match for proposed remote network address\t52.58.201.7, 500\t81.2.69.142, 500, X1\tVPN Policy: AWS-T2",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "Jan 14 10:35:02\tVPN connectivity change\tvpn_type: 'site-to-site', peer_contact: '52.58.201.7:500', peer_ident: 'aws-tgw-t1', connectivity: 'false'",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "Jan 14 10:41:27\tVPN connectivity change\tvpn_type: 'site-to-site', peer_contact: '52.58.201.7:500', peer_ident: 'aws-tgw-t1', connectivity: 'true'",
    "TUNNEL_UP",
    null,
  ],
  // The ASA: an encrypted main mode packet that decrypts to invalid payloads (another PSK); the
  // phase 2 encapsulation check with NAT-T on one side only; a NAT-T keepalive is the tunnel's.
  [
    "[IKEv1]Group = 34.202.11.90, IP = 34.202.11.90, Received encrypted Oakley Main Mode packet with invalid payloads, MessID = 0",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "Mar 03 2026 11:40:02 asa01 : %ASA-5-713257: Group = 81.2.69.163, IP = 81.2.69.163, Phase 2 failure:  Mismatched attribute types for class Encapsulation Mode:  Rcv'd: UDP Tunnel(NAT-T)  Cfg'd: Tunnel",
    "NAT_T_ISSUE",
    "2",
  ],
  [
    "<167>Mar 03 2026 11:04:00: %ASA-7-710007: NAT-T keepalive received from 100.64.17.9/4500 to outside:192.0.2.50/4500",
    "INFO",
    null,
  ],
  // Libreswan 5 names the IKE SA's state after the exchange it waits in: IKE_AUTH_I is phase 1's.
  [
    '2025-06-14T09:02:13+00:00 edge-fw2 pluto[903]: "cgw-tun1" #3: encountered fatal error in state IKE_AUTH_I',
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  // Libreswan 4's rekey state expiring before the exchange completed.
  [
    'Mar  4 17:05:44 vpn-gw01 pluto[2143]: "alibaba-ipsec" #6: expiring STATE_V2_REKEY_CHILD_I0 state. Possible message id deadlock? parent #1 unacknowledged 1 next message id=14 ike exchange window 1',
    "REKEY_FAILURE",
    "2",
  ],
  // Libreswan's Linux audit records: an SA started (res=success) is up; one that failed to start
  // (res=failed, no cause given) or was destroyed is down, in the phase its record type names;
  // auditd's enriched format adds the names it resolved after a group separator.
  [
    'type=CRYPTO_IKE_SA msg=audit(1772532902.114:2231): pid=1204 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 msg=\'op=start direction=initiator conn-name="aws-t1" connstate=7 ike-version=2.0 auth=PRESHARED_KEY cipher=aes_gcm_16 ksize=256 integ=none prf=sha256 pfs=MODP2048  raddr=52.1.2.3 exe="/usr/libexec/ipsec/pluto" hostname=? addr=198.51.100.7 terminal=? res=success\'\u001dUID="root" AUID="unset"',
    "TUNNEL_UP",
    "1",
  ],
  [
    'type=CRYPTO_IKE_SA msg=audit(1772532960.503:2240): pid=1204 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 msg=\'op=start direction=initiator conn-name="aws-t2" connstate=9 ike-version=1 auth=PRESHARED_KEY cipher=aes ksize=128 integ=sha1 prf=sha1 pfs=MODP1024  raddr=52.4.5.6 exe="/usr/libexec/ipsec/pluto" hostname=? addr=198.51.100.7 terminal=? res=failed\'',
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    'type=CRYPTO_IPSEC_SA msg=audit(1772532902.120:2232): pid=1204 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 msg=\'op=start conn-name="aws-t1" connstate=8, satype=ipsec-esp samode=tunnel cipher=AES_GCM_C ksize=256 integ=NONE in-spi=3170410937(0xbcf7c2b9) out-spi=2884121419(0xabe7a54b) in-ipcomp=0(0x00000000) out-ipcomp=0(0x00000000) raddr=52.1.2.3 exe="/usr/libexec/ipsec/pluto" hostname=? addr=198.51.100.7 terminal=? res=success\'',
    "TUNNEL_UP",
    "2",
  ],
  [
    'Mar  3 10:15:02 gw audit[1204]: CRYPTO_IPSEC_SA pid=1204 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 msg=\'op=destroy conn-name="aws-t1" connstate=8, satype=ipsec-esp samode=tunnel cipher=AES_GCM_C ksize=256 integ=NONE in-spi=3170410937(0xbcf7c2b9) out-spi=2884121419(0xabe7a54b) in-ipcomp=0(0x00000000) out-ipcomp=0(0x00000000) raddr=52.1.2.3 exe="/usr/libexec/ipsec/pluto" hostname=? addr=198.51.100.7 terminal=? res=success\'',
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  // The kernel's own xfrm audit records: an SA it would not install, an ESP packet for an SA it
  // does not hold, a sequence number run out; adds, deletes and one packet's failures are routine.
  [
    "type=MAC_IPSEC_EVENT msg=audit(1772532902.130:2233): op=SAD-add auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 src=198.51.100.7 dst=52.1.2.3 spi=2884121419(0xabe7a54b) res=0",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  [
    "type=MAC_IPSEC_EVENT msg=audit(1772532902.130:2234): op=SAD-add auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 src=198.51.100.7 dst=52.1.2.3 spi=2884121419(0xabe7a54b) res=1",
    "INFO",
    "2",
  ],
  [
    "audit: type=1415 audit(1772532990.001:2301): op=SA-notfound src=52.1.2.3 dst=198.51.100.7 spi=3170410937(0xbcf7c2b9) seqno=41",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "type=MAC_IPSEC_EVENT msg=audit(1772532990.001:2302) : op=SA-replay-overflow src=198.51.100.7 dst=52.1.2.3 spi=2884121419(0xabe7a54b)",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "type=MAC_IPSEC_EVENT msg=audit(1772532990.001:2303): op=SA-icv-failure src=52.1.2.3 dst=198.51.100.7 spi=3170410937(0xbcf7c2b9) seqno=42",
    "INFO",
    "2",
  ],
  [
    "type=MAC_IPSEC_EVENT msg=audit(1772532990.001:2304): op=SPD-delete auid=4294967295 ses=4294967295 res=1 src=10.0.0.0 src_prefixlen=16 dst=10.1.0.0 dst_prefixlen=16",
    "INFO",
    "2",
  ],
  // A CloudWatch Logs subscription batch of one event; an AWS tunnel record exported as a JSON
  // string; a rekey's exchange chatter with both phases up is routine, not the tunnel coming up.
  [
    JSON.stringify({
      messageType: "DATA_MESSAGE",
      logGroup: "/aws/vpn/prod",
      logStream: "vpn-07b2e4c6a8d0f1325-52.57.201.144",
      logEvents: [
        {
          id: "1",
          timestamp: 1709550633000,
          message: JSON.stringify({
            event_timestamp: 1709550633,
            details: "AWS tunnel detected a pre-shared key mismatch with cgw: 198.51.100.7",
            ike_phase1_state: "down",
            ike_phase2_state: "down",
          }),
        },
      ],
    }),
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    '{"@timestamp":"2024-03-04 11:10:33.000","@message":"{\\"event_timestamp\\":1709550633,\\"details\\":\\"AWS tunnel received DELETE for IKE_SA from CGW\\",\\"ike_phase1_state\\":\\"down\\",\\"ike_phase2_state\\":\\"down\\"}"}',
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    '{"event_timestamp":1709550912,"details":"AWS tunnel processed response (id=41) for CREATE_CHILD_SA","ike_phase1_state":"established","ike_phase2_state":"established"}',
    "INFO",
    null,
  ],
  // Windows: a dial failing with the IKE policy match error; the quick mode failure event, which
  // names the main mode SA it ran under.
  [
    'Error,3/4/2024 11:05:40 AM,RasClient,20227,None,"CoId={9F1A27C3-58B4-4D0E-B6A2-71E3C94D05F8}: The user SYSTEM dialed a connection named AWS-Tunnel2 which has failed. The error code returned on failure is 13868."',
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "<13>Mar  4 10:29:14 RRAS01 MSWinEventLog\t1\tSecurity\t918273\tMon Mar 04 10:29:14 2024\t4654\tMicrosoft-Windows-Security-Auditing\tN/A\tN/A\tFailure Audit\tRRAS01\tIPsec Quick Mode\t\tAn IPsec quick mode negotiation failed.    Local Endpoint:   Network Address: 10.50.0.0   Network Address mask: 255.255.0.0   Port: 0   Tunnel Endpoint: 198.51.100.61    Remote Endpoint:   Network Address: 172.31.0.0   Address Mask: 255.255.0.0   Port: 0   Tunnel Endpoint: 52.1.188.23   Private Address: -    Additional Information:   Protocol: 0   Keying Module Name: IKEv2   Virtual Interface Tunnel ID: 0   Traffic Selector ID: 0   Mode: Tunnel   Role: Initiator   Quick Mode Filter ID: 0   Main Mode SA ID: 1187    Failure Information:   State: Sent first (SA) payload   Message ID: 1   Failure Point: Remote computer   Failure Reason: IKE security attributes are unacceptable\t6120",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  // Huawei's BGP NOTIFICATION received, H3C's SA establishment failing for a proposal and its
  // IPsec SA established, a rekey that failed for a named tunnel, an idle timer expiring, a
  // renegotiation (重协商) failing, Alibaba's diagnosis naming an IPsec algorithm.
  [
    "Mar  5 2024 11:40:02+08:00 AR6140-HZ %%01BGP/6/RECV_NOTIFY(l)[28]:The router received NOTIFICATION message from peer 169.254.10.2. (ErrorCode=4, SubErrorCode=0, BgpAddressFamily=Public, ErrorData=)",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "<190>Mar  6 09:20:11 2024 MSR3620-SH %%10IKE/6/IKE_P1_SA_ESTABLISH_FAIL: Failed to establish phase 1 SA in main mode IKE_P1_STATE_INIT state. Reason: Failed to match IKE proposal. SA information: Role: responder Local IP: 116.228.90.14 Local ID type: IPV4_ADDR Local ID: 116.228.90.14 Local port: 500 Retransmissions: 0 Remote IP: 47.100.21.87 Remote ID type: IPV4_ADDR Remote ID: 47.100.21.87 Remote port: 500 Recived retransmissions: 0 Inside VPN instance:  Outside VPN instance:  Initiator Cookie: 3c7d91e25a0b4f86 Responder Cookie: 0000000000000000 Message ID: 0 Connection ID: 11 Tunnel ID: 4294967295 IKE profile name: aliyun",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "<190>Mar  6 11:06:30 2024 MSR3620-SH %%10IKE/6/IKE_P2_SA_ESTABLISH_FAIL: Failed to establish phase 2 SA in IKE_P2_STATE_INIT state. Reason: Failed to match IPsec proposal. SA information: Role: responder Local IP: 116.228.90.14 Remote IP: 47.100.21.87 Message ID: 0x7f3a21c4 Connection ID: 11 Tunnel ID: 1",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "<190>Mar  6 09:31:05 2024 MSR3620-SH %%10IPSEC/6/IPSEC_SA_ESTABLISH: Established IPsec SA. The SA's source address is 116.228.90.14, destination address is 47.100.21.87, protocol is ESP, and SPI is 2849120357.",
    "TUNNEL_UP",
    "2",
  ],
  [
    '2024-03-08 00:58:10, WARNING@VPN: IPsec SA rekey for tunnel "aliyun-bj" (peer 39.105.88.12) failed, the SA will expire in 120 seconds',
    "REKEY_FAILURE",
    "2",
  ],
  ['2024-03-07 23:16:02, NOTICE@VPN: IPsec tunnel "aliyun-bj" idle time expired, SA deleted', "IDLE_TIMEOUT", "2"],
  ["2024-03-08 08:00:40 <IPSec> 隧道 to_aliyun IPSec SA重协商失败,旧SA已到期,隧道断开", "REKEY_FAILURE", "2"],
  [
    '{"VpnConnectionId":"vco-bp1k3n8a2m5q7x9t4w6r","FailedReasonCode":"EncryptionAlgorithmMismatch","FailedReason":"IPsec encryption algorithm mismatch","MismatchLocalParam":"aes256","MismatchRemoteParam":"aes","Severity":"Critical","FailedTime":1709624407000}',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  // Junos's VPN down alarm with its reason; the ASA's phase 2 attribute check naming NAT-T's
  // encapsulation on one side only; an FTD connection event for UDP/500 is a flow, not a tunnel line.
  [
    "Apr  9 05:11:46 srx1500-edge iked[4221]: KMD_VPN_DOWN_ALARM_USER: VPN vpn-aws-t1 from 3.120.45.18 is down. Local-ip: 198.51.100.1, gateway name: gw-aws-t1, vpn name: vpn-aws-t1, tunnel-id: 131073, local tunnel-if: st0.1, remote tunnel-ip: Not-Available, Local IKE-ID: 198.51.100.1, Remote IKE-ID: 3.120.45.18, AAA username: Not-Applicable, VR id: 0, Traffic-selector: , Traffic-selector local ID: ipv4_subnet(any:0,[0..7]=0.0.0.0/0), Traffic-selector remote ID: ipv4_subnet(any:0,[0..7]=0.0.0.0/0), SA Type: Static, Reason: DPD detected peer as down. Existing IKE/IPSec SAs cleared",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "Apr 09 2025 07:01:09 asa-dc2 : %ASA-5-713257: Phase 2 failure:  Mismatched attribute types for class Encapsulation Mode:  Rcv'd: UDP-Tunnel  Cfg'd: Tunnel",
    "NAT_T_ISSUE",
    "2",
  ],
  [
    "Apr 09 2025 10:01:02 ftd-br7 : %FTD-1-430002: DeviceUUID: 8e3c2b70-1d4a-11ef-9a61-3f2c6b0d7e21, InstanceID: 1, FirstPacketSecond: 2025-04-09T10:01:02Z, ConnectionID: 20418, AccessControlRuleAction: Allow, SrcIP: 52.58.17.204, DstIP: 198.51.100.7, SrcPort: 500, DstPort: 500, Protocol: udp, IngressInterface: outside, EgressInterface: identity, IngressZone: OUTSIDE, ACPolicy: Branch-ACP, AccessControlRuleName: Allow-IKE, Prefilter Policy: Default Prefilter Policy, User: No Authentication Required, InitiatorPackets: 1, ResponderPackets: 0, InitiatorBytes: 436, ResponderBytes: 0, NAPPolicy: Balanced Security and Connectivity",
    "UNKNOWN",
    null,
  ],
  // Azure's IKE log: a quick mode SA established; NAT detected, then no answer on UDP 4500.
  [
    "SESSION_ID :{1f6a8c3d-e295-47b0-b3c1-9a4d2e7f6058} Remote 198.51.100.20:4500: Local 20.86.141.7:4500: [LOCAL] Quick Mode SA established for tunnel Id 0x6A1C2E52: Inbound SPI 0x8C41D2E7 Outbound SPI 0x1F9AB033",
    "TUNNEL_UP",
    "2",
  ],
  [
    "SESSION_ID :{c41e9b07-52a3-4f8e-9d16-0b7a3e5f2c88} Remote 203.0.113.88:4500: Local 20.86.141.7:4500: [LOCAL] NAT detected on path to remote peer 203.0.113.88. No IKE AUTH response received on UDP port 4500 for tunnel Id 0x2B90D421",
    "NAT_T_ISSUE",
    "1",
  ],
  // strongSwan: an IKE SA rekey collision is phase 1's; a peer's lifetime other than the
  // configured one; userland IPsec that can install only ESP in UDP.
  [
    "Mar 11 06:18:09 cgw-fra1 charon: 09[IKE] <aws-vpn-0a1b-t1|12> detected IKE_REKEY collision with IKE_REKEY",
    "REKEY_FAILURE",
    "1",
  ],
  [
    "Mar 11 07:31:20 cgw-fra1 charon: 05[IKE] <legacy-ikev1|21> received 3600s lifetime, configured 28800s",
    "REKEY_FAILURE",
    null,
  ],
  [
    "Mar 11 05:44:19 vpn-gw02 charon-systemd[1187]: failed to add SAD entry: only UDP encapsulation is supported",
    "NAT_T_ISSUE",
    "2",
  ],
  // PAN-OS naming a notify with hyphens; WatchGuard's DPD verdict and phase 2 success (its "Dead
  // peer detection(DPD)" is not a DPD payload's N(DPD)); Sophos's established connection.
  [
    '<14>Mar 18 09:13:40 PA-3410-DC1 1,2025/03/18 09:13:40,024101007531,SYSTEM,vpn,2817,2025/03/18 09:13:40,,ike-recv-notify,gw-partner-fw,0,0,general,medium,"IKE protocol notification message received: TS-UNACCEPTABLE (38).",7390131,0x0,0,0,0,0,,PA-3410-DC1,0,0,2025-03-18T09:13:40.000+01:00',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "<142>Mar 18 10:12:48 M290-HQ 80AB0C1D2E3F4 (2025-03-18T10:12:48) iked[2211]: (198.51.100.60<->3.213.88.44)Dead peer detection(DPD) detected the peer 3.213.88.44 is dead. Gateway-Endpoint='AWS_GW.2' Tunnel='AWS_T2'",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "<142>Mar 18 10:16:40 M290-HQ 80AB0C1D2E3F4 (2025-03-18T10:16:40) iked[2211]: (198.51.100.60<->52.20.141.7)IKE phase-2 negotiation with 52.20.141.7:4500 succeeded. Gateway-Endpoint='AWS_GW.1' Tunnel='AWS_T1' local=192.168.50.0/24 remote=10.20.0.0/16",
    "TUNNEL_UP",
    "2",
  ],
  [
    'device="SFW" date=2025-03-18 time=10:25:40 timezone="CET" device_name="XGS2100" device_id=X21001ZQ7PA4KB9 log_id=062909617701 log_type="Event" log_component="IPSec" log_subtype="System" status="Established" priority=Notice user_name="" connectionname="AWS_T1" connectiontype="1" localinterfaceip="198.51.100.140" localgateway="" localnetwork="192.168.70.0/24" remoteinterfaceip="52.20.141.7" remotenetwork="10.20.0.0/16" message="IPsec connection AWS_T1 established"',
    "TUNNEL_UP",
    null,
  ],
  // A CREATE_CHILD_SA refused for a cause other than proposals or selectors is a rekey refused;
  // the ASA receiving an unencrypted PAYLOAD_MALFORMED is the peer unable to read our keyed message.
  [
    'Jan 10 02:50:01 cgw2 pluto[2231]: "aws-t2" #24: CREATE_CHILD_SA failed with error notification INVALID_SYNTAX',
    "REKEY_FAILURE",
    "2",
  ],
  [
    "Jan  9 18:10:03 asa-edge : %ASA-5-713904: IP = 35.170.12.44, Received an un-encrypted PAYLOAD_MALFORMED notify message, dropping",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // Zyxel's short identity mismatch; MikroTik's DPD giving up after its retransmits.
  [
    'Mar 12 10:02:11 usgflex200 src="18.185.62.201:500" dst="203.0.113.44:500" msg="[ID] : Tunnel [AWS_T2] Phase 1 ID mismatch" note="IKE_LOG" user="unknown" devID="bc99118a3e21" cat="IKE"',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["Mar 12 08:31:12 rb4011-hq ipsec,info 3.120.45.17 dpd: max retransmit failures reached", "DPD_TIMEOUT", "1"],
  // ZyNOS refusing a negotiation at its limit of simultaneous phase 2 SAs: down, no cause above.
  ["!! Active connection allowed exceeded", "TUNNEL_DOWN_OTHER", null],
  // Cisco IOS: IKEv2 AUTH verification failing in IOS's spelling; DPD (its peers-alive timer)
  // giving up, and one unanswered attempt; a tracked tunnel interface going down.
  [
    "Mar  4 11:02:47.530 UTC: IKEv2:(SESSION ID = 11,SA ID = 1):Verification of peer's authenctication data FAILED",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    '*Mar  4 14:02:40.008: ISAKMP:(1009):deleting SA reason "P1 errcounter exceeded (PEERS_ALIVE_TIMER)" state (I) QM_IDLE       (peer 52.58.91.22)',
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "*Mar  4 14:02:34.991: ISAKMP:(1009):incrementing error counter on sa, attempt 5 of 5: PEERS_ALIVE_TIMER",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "*Mar  4 14:02:14.991: ISAKMP:(1009):incrementing error counter on sa, attempt 1 of 5: PEERS_ALIVE_TIMER",
    "INFO",
    "1",
  ],
  ["Mar  4 18:02:18.390 UTC: %TRACK-6-STATE: 20 interface Tu101 line-protocol Up -> Down", "TUNNEL_DOWN_OTHER", null],
  // Libreswan: an SA left to lapse for want of traffic, a rekey exchange unanswered, a NAT device
  // that passes IPsec through suspected; pluto killed by an abort signal.
  [
    'Jan 22 06:30:02 ip-10-20-1-15 pluto[1893]: "Tunnel1" #14: not replacing stale IPsec SA: inactive for 3187s',
    "IDLE_TIMEOUT",
    "2",
  ],
  [
    'Apr  2 11:24:40 rhel8-vpn01 pluto[1187]: "aws-tgw-t1" #6: STATE_V2_REKEY_CHILD_I: 60 second timeout exceeded after 7 retransmits.  No response (or no acceptable response) to our IKEv2 message',
    "REKEY_FAILURE",
    "2",
  ],
  [
    'Jan 22 04:25:10 ip-10-20-1-15 pluto[1893]: "Tunnel2" #1: IPsec-passthrough NAT device suspected -- NAT-T may not work.',
    "NAT_T_ISSUE",
    "1",
  ],
  [
    "Oct 30 04:20:55 cgw-aws-usw2 systemd[1]: ipsec.service: Main process exited, code=killed, status=6/ABRT",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // Comware (H3C) and Huawei wording: transforms and proposals refused, SA states reaching
  // ESTABLISHED, retransmissions and keepalives timing out, deletes received without a cause.
  ["*Mar  3 10:00:00:100 2026 gw IKE/7/ERROR: -MDC=1; No acceptable transform.", "IKE_PROPOSAL_MISMATCH", "1"],
  ["IPsec proposal was unacceptable", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["The IKE proposal doesn't match", "IKE_PROPOSAL_MISMATCH", "1"],
  ["ESP encryption algorithm mismatched", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["initiator dh mismatch", "IKE_PROPOSAL_MISMATCH", "1"],
  ["IKE SA state changed from IKE_P1_STATE_SEND4 to IKE_P1_STATE_ESTABLISHED.", "TUNNEL_UP", "1"],
  ["DPD request retransmission timed out.", "DPD_TIMEOUT", "1"],
  ["ISAKMP keepalive timed out. Delete IKE SA with connection ID 7.", "DPD_TIMEOUT", "1"],
  ["Retransmission of phase 2 packet timed out.", "PEER_UNREACHABLE", "2"],
  ["Unable to verify the peer's certificate", "IKE_AUTH_FAILURE", "1"],
  ["Pre-shared key matching address 198.51.100.7 not found.", "IKE_AUTH_FAILURE", "1"],
  ["Failed to get IPsec policy for phase 2 initiator.", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["Failed to negotiate CHILD SA", "TUNNEL_DOWN_OTHER", "2"],
  ["Received ISAKMP SA delete packet.", "TUNNEL_DOWN_OTHER", "1"],
  ["re-authentication timed out", "REKEY_FAILURE", "1"],
  ["Dec  1 10:00:00 ap hostapd: wlan0: STA 00:11:22:33:44:55 IEEE 802.1X: reauth timeout", "UNKNOWN", null],
  // Cisco IOS and ASA phase 1 refusals.
  [
    "ISAKMP:(1005): phase 1 SA policy not acceptable! (local 203.0.113.2 remote 198.51.100.2)",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  ["%ASA-3-713118: Detected invalid Diffie-Helmann group_descriptor 31, in IKE area", "IKE_PROPOSAL_MISMATCH", "1"],
  // Alibaba's CloudMonitor VPN events and console texts.
  ["ipsec_phase2_nego_success", "TUNNEL_UP", "2"],
  ["ipsec_phase1_nego_failed", "TUNNEL_DOWN_OTHER", "1"],
  ["ipsec_health_check_failed", "TUNNEL_DOWN_OTHER", null],
  ["ipsec_health_check_success", "INFO", null],
  ["The first phase of the IPsec negotiation is successful.", "TUNNEL_UP", "1"],
  // SonicOS, NEC UNIVERGE IX, RouterOS.
  ["IKEv2 negotiation completed", "TUNNEL_UP", null],
  ["2026/03/20 10:03:52 IKE.016: No response from 198.51.100.7, timeout", "PEER_UNREACHABLE", "1"],
  ["10:03:52 ipsec,error parsing packet failed, possible cause: wrong password", "IKE_AUTH_FAILURE", "1"],
  ["10:03:52 ipsec,info killing ike1 SA: 203.0.113.2[500]-198.51.100.2[500]", "TUNNEL_DOWN_OTHER", null],
  ["10:03:52 dhcp,info server1 assigned 192.168.88.20 for 24:0A:C4:12:34:56 ESP-123456", "UNKNOWN", null],
  ["I am behind a NAT", "INFO", null],
  // BGP: a Cease received, routes ignored for an unusable next hop.
  ["bgpd[812]: 198.51.100.1 recv NOTIFICATION 6/4 (Cease/Administrative Reset)", "BGP_SESSION_DOWN", null],
  [
    "rpd[1234]: BGP_UNUSABLE_NEXTHOP: bgp_nexthop_sanity: peer 169.254.10.1 (External AS 64512) next hop 10.0.0.1 unexpectedly remote, ignoring routes in this update",
    "BGP_SESSION_DOWN",
    null,
  ],
  // IKEv1 notifies strongSwan names by IKEv2's short name or by number: 17 is INVALID-KEY-INFORMATION
  // (IKEv2's 17, INVALID_KE_PAYLOAD, stays routine), 29 UNSUPPORTED-EXCHANGE-TYPE.
  ["charon: 12[ENC] generating INFORMATIONAL_V1 request 2810 [ N(INVAL_KE) ]", "IKE_AUTH_FAILURE", "1"],
  ["charon: 12[ENC] parsed IKE_SA_INIT response 0 [ N(INVAL_KE) ]", "INFO", "1"],
  ["charon: 12[ENC] parsed INFORMATIONAL_V1 request 3861985833 [ N((29)) ]", "IKE_PROPOSAL_MISMATCH", "1"],
  ["charon: 12[IKE] parsed IKE_AUTH response 9 [ EAP/FAIL ]", "IKE_AUTH_FAILURE", "1"],
  ["charon: 12[ENC] generating IKE_AUTH response 1 [ IDr AUTH N(FAIL_CP_REQ) ]", "TUNNEL_DOWN_OTHER", "2"],
  [
    'pluto[812]: "site-a" #2: responding to CREATE_CHILD_SA message with encrypted notification INVALID_SYNTAX',
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  ['pluto[812]: "site-a" #3: received INVALID_SYNTAX notification', "TUNNEL_DOWN_OTHER", null],
  // Alibaba's IPsec daemon writes its informational lines with file and line too.
  [
    "[PROTO_INFO]: pfkey.c:1234:pk_recvupdate(): IPsec-SA established: ESP/Tunnel 52.1.2.3[500]->47.1.2.3[500] spi=123456789(0x75bcd15)",
    "TUNNEL_UP",
    "2",
  ],
  // FortiGate: a phase 2 going down, a BGP socket closing, a BGP peer not configured.
  [
    'date=2026-03-20 time=10:03:52 logid="0101037139" type="event" subtype="vpn" level="notice" vd="root" logdesc="IPsec phase 2 status change" msg="IPsec phase 2 status change" action="phase2-down" remip=198.51.100.2 vpntunnel="to-aws"',
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  ["BGP: 169.254.10.1-Outgoing [NETWORK] FD=26, Sock Status: 104-Connection reset by peer", "BGP_SESSION_DOWN", null],
  ["BGP: [NETWORK] Accept Thread: 169.254.10.1 - No such Peer configured", "BGP_SESSION_DOWN", null],
  // PAN-OS routing: a doubled "neighbor", NOTIFICATIONs in words, a routed.log error code.
  [
    "BGP: [PXVXG-TFNNT] %ADJCHANGE: neighbor neighbor aws-tunnel-1(169.254.10.1) in vrf default Down Hold Timer Expired",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["A NOTIFICATION message has been received from a neighbor.", "BGP_SESSION_DOWN", null],
  ["Error code            = OPEN Message Error (2)", "BGP_SESSION_DOWN", null],
  // Cloud VPN gateways: Azure's IKE log, IBM Cloud VPN's status reasons; Junos refusing a blocklisted peer.
  // Azure's connection insights, Resource Health events and tunnel events.
  ["Microsoft Azure has detected an IPsec/IKE policy mismatch on your VPN connection", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    "The VPN connection can’t be established due to pre-shared keys mismatch. If the pre-shared keys do not match, the IKE authentication will fail and the VPN connection cannot establish.",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["[Reason Verbose]Incoming IKE from Wrong IP which is not configured", "IKE_AUTH_FAILURE", "1"],
  ["Microsoft Azure has detected connection timeout on your VPN connection", "PEER_UNREACHABLE", null],
  ["Microsoft Azure has detected your S2S tunnel disconnected due to simultaneous rekeying", "REKEY_FAILURE", "1"],
  [
    "Your connectivity is impacted because the S2S tunnels are disconnected. The S2S tunnels could not connect because of IKE or connectivity issues.",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  ["TunnelStateChangedToDisconnected", "TUNNEL_DOWN_OTHER", null],
  [
    '<?xml version="1.0"?><NameValues Detail="Site 80320078-1322-41f0-9f6d-21b17b00d548 connectivity state changed from Connecting to Connected state." />',
    "TUNNEL_UP",
    null,
  ],
  ["[RECEIVED][NOTIFY] Received Notify Message - Authentication failed", "IKE_AUTH_FAILURE", "1"],
  ["[LOCAL_MSG] IKE Tunnel closed for tunnelId 7 with status Policy match error", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    "None of the proposed IPsec crypto suites was acceptable (peer proposal: aes128-sha1)",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "Mismatched local CIDRs and remote CIDRs in IKE V2 (local 10.0.0.0/16, remote 192.168.0.0/24)",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "Mismatched local and remote CIDRs in IKE V2 (check the local and remote CIDRs in the IKE V2 configuration).",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "kmd[1]: IKE_GATEWAY_PEER_BLOCKED: IKE gateway peer is blocked: Local-Address: 198.51.100.1, Remote-Address: 203.0.113.2, Negotiation-Phase: AUTH",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // Cisco: the tunnel interface, the IKEv2 platform's connection status and deletes, a crypto map the peer misses.
  ["%LINK-3-UPDOWN: Interface Tunnel1, changed state to up", "TUNNEL_UP", null],
  ["%LINK-5-CHANGED: Interface Tunnel1, changed state to administratively down", "TUNNEL_DOWN_OTHER", null],
  // An ASA VTI by a name that says tunnel, Arista's tunnel with its description, Huawei's tunnel interface.
  ["Mar 05 2025 10:19:58: %ASA-4-411001: Line protocol on Interface aws-tun1, changed state to up", "TUNNEL_UP", null],
  [
    "Mar  5 10:50:41 edge-sw1 Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel10 (to-aws-tun1), changed state to down",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "Mar  5 2025 10:50:41 AR-CGW1 %%01IFNET/4/LINK_STATE(l)[2243]:The line protocol IP on the interface Tunnel0/0/1 has entered the DOWN state.",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  ["Mar 05 2025 10:50:41: %ASA-4-411002: Line protocol on Interface outside, changed state to down", "UNKNOWN", null],
  // H3C Comware V7's tunnel interface; its IPsec SA refused for the policy's ACL (the protected flows).
  [
    "<187>Jun  5 11:40:12 2024 FW-EDGE %%10IFNET/3/TUNNEL_LINK_UPDOWN: Line protocol state on the interface Tunnel1 changed to down.",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "<189>Jun  5 11:41:02 2024 FW-EDGE %%10IFNET/5/LINK_UPDOWN: Line protocol state on the interface Tunnel1 changed to up.",
    "TUNNEL_UP",
    null,
  ],
  // Barracuda CloudGen's kernel tunnel agent: a tunnel with no transport up.
  [
    "Warning  MACHINE-F380 [5647250.628103] KTINA-WARN: IPSEC-v2-EXAMPLE doesn't have a transport",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // H3C's physical state, in Comware 5's and 7's words.
  [
    "%Jul 1 09:55:28:220 2013 Sysname IFNET/3/PHY_UPDOWN: -MDC=2; Tunnel0 link status is down.",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "<189>Jun  5 11:41:02 2024 FW-EDGE %%10IFNET/3/PHY_UPDOWN: Physical state on the interface Tunnel1 changed to up.",
    "TUNNEL_UP",
    null,
  ],
  [
    "<187>Jun  5 11:40:12 2024 FW-EDGE %%10IFNET/3/LINK_UPDOWN: Line protocol state on the interface GigabitEthernet1/0/2 changed to down.",
    "UNKNOWN",
    null,
  ],
  [
    "<190>Jun  5 10:12:44 2024 ZT-F1030 %%10IPSEC/6/IPSEC_SA_ESTABLISH_FAIL: Failed to establish IPsec SA. Reason: The policy contains incorrect ACL or IKE profile configuration.",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  // Openswan 2.6: the kernel refusing an SA (KLIPS's pfkey write, an eroute another connection
  // holds), a quick mode KE without a PFS group, a kernel without ESP-in-UDP, quick mode for an
  // ISAKMP SA that expired; OpenIKED's unanswered INFORMATIONAL request (its liveness check).
  [
    'Mar  4 10:30:09 alivpn-gw pluto[3318]: ERROR: "ali-vpn-t1" #13: pfkey write() of K_SADB_ADD message 1302 for Add SA esp.4d9e02b7@192.0.2.80 failed. Errno 22: Invalid argument',
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  [
    'Mar  3 16:12:44 cgw-centos6 pluto[2231]: "aws-vpn-t2" #34: cannot install eroute -- it is in use for "aws-vpn-t1" #27',
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  [
    'Mar  4 08:34:47 alivpn-gw pluto[3318]: "ali-vpn-t1" #7: Quick Mode I1 message KE payload requires a GROUP_DESCRIPTION attribute in SA',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "Mar  3 10:01:58 cgw-centos6 pluto[2231]: NAT-Traversal: ESPINUDP(2) not supported by kernel for family IPv4",
    "NAT_T_ISSUE",
    null,
  ],
  [
    "Mar  3 10:53:30 cgw-centos6 pluto[2231]: packet from 203.0.113.17:500: Quick Mode message is for a non-existent (expired?) ISAKMP SA",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "Mar  3 13:02:18 obsd-gw iked[4242]: spi=0x9e8d7c6b5a493827: retransmit 3 INFORMATIONAL req 14 peer 198.51.100.21:500 local 203.0.113.20:500",
    "DPD_TIMEOUT",
    "1",
  ],
  // OpenBSD's isakmpd: the function that failed, then what it found (main mode's attributes, PFS,
  // phase 2 IDs, an undecryptable message, the identity), its SAs done and deleted by the peer.
  [
    "Mar  4 11:12:40 obsd-gw isakmpd[51734]: attribute_unacceptable: GROUP_DESCRIPTION: got MODP_1024, expected MODP_3072",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  ["Mar  4 11:35:08 obsd-gw isakmpd[51734]: message_recv: invalid version major 2", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    "Mar  4 11:12:40 obsd-gw isakmpd[51734]: message_negotiate_sa: no compatible proposal found",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "Mar  4 13:02:11 obsd-gw isakmpd[51734]: initiator_recv_HASH_SA_NONCE: disagreement on PFS",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "Mar  4 13:20:05 obsd-gw isakmpd[51734]: responder_recv_HASH_SA_NONCE: peer proposed invalid phase 2 IDs: initiator id 10.0.2.0/255.255.255.0, responder id 10.0.1.0/255.255.254.0",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "Mar  4 09:31:12 obsd-gw isakmpd[51734]: message_recv: invalid payload type 133 in ISAKMP header (check passphrases, if applicable and in Phase 1)",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "Mar  4 09:40:55 obsd-gw isakmpd[51734]: ike_phase_1_recv_ID: received remote ID other than expected gw2.example.net",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["Mar  4 11:03:29 obsd-gw isakmpd[51734]: dpd_check_event: peer not responding, retry 2 of 5", "INFO", "1"],
  [
    "Mar  4 08:47:02 obsd-gw isakmpd[51734]: transport_send_messages: giving up on exchange from-10.0.1.0/24-to-10.0.2.0/24, no response from peer 203.0.113.7:500",
    "PEER_UNREACHABLE",
    "2",
  ],
  [
    "Mar  4 08:47:02 obsd-gw isakmpd[51734]: transport_send_messages: giving up on exchange peer-203.0.113.7, no response from peer 203.0.113.7:500",
    "PEER_UNREACHABLE",
    "1",
  ],
  ["Mar  4 08:15:26 obsd-gw isakmpd[51734]: sendmsg (7, 0x7f7ffffc2f30, 0): Host is down", "PEER_UNREACHABLE", "1"],
  [
    "Mar  4 10:21:59 obsd-gw isakmpd[51734]: isakmpd: phase 1 done: initiator id 198.51.100.1, responder id 203.0.113.7, src: 198.51.100.1 dst: 203.0.113.7",
    "TUNNEL_UP",
    "1",
  ],
  [
    "Mar  4 10:22:00 obsd-gw isakmpd[51734]: isakmpd: quick mode done: src: 198.51.100.1 dst: 203.0.113.7",
    "TUNNEL_UP",
    "2",
  ],
  [
    "Mar  4 15:40:12 obsd-gw isakmpd[51734]: isakmpd: Peer 203.0.113.7 made us delete live SA peer-203.0.113.7 for proto 1, initiator id: 198.51.100.1, responder id: 203.0.113.7",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    "Mar  4 15:40:12 obsd-gw isakmpd[51734]: isakmpd: Peer 203.0.113.7 made us delete live SA from-10.0.1.0/24-to-10.0.2.0/24 for proto 3, initiator id: 10.0.1.0/255.255.255.0, responder id: 10.0.2.0/255.255.255.0",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  ["Mar  4 16:02:46 obsd-gw isakmpd[51734]: pf_key_v2_set_spi: UPDATE: Invalid argument", "TUNNEL_DOWN_OTHER", "2"],
  // The daemon's own name is not ISAKMP's phase.
  ["Mar  4 06:58:12 obsd-gw isakmpd[30211]: isakmpd: starting", "INFO", null],
  // FRR's read error on the BGP session's socket is the session's, not an IKE peer's.
  [
    "Apr  2 05:33:40 vyos bgpd[1423]: [MJ4D6-VBJKV][EC 33554454] 169.254.201.13 [Error] bgp_read_packet error: No route to host",
    "BGP_SESSION_DOWN",
    null,
  ],
  // Junos structured-data syslog carries the BGP states as parameters; FortiGate's CEF export
  // names the action "act"; PAN-OS names the peer before "left established state".
  [
    '<28>1 2024-03-12T11:47:19.902+01:00 srx345-dc1 rpd 1875 RPD_BGP_NEIGHBOR_STATE_CHANGED [junos@2636.1.1.1.2.136 peer-name="169.254.22.1 (External AS 64512)" old-state="OpenConfirm" new-state="Idle" event-name="TransportError" instance="master"]',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar 12 09:15:02 FGT-DC2 CEF: 0|Fortinet|Fortigate|v7.2.8|37138|event:vpn tunnel-up|3|deviceExternalId=FG200FTK21900123 FTNTFGTlogid=0101037138 cat=event:vpn FTNTFGTsubtype=vpn FTNTFGTlogdesc=IPsec connection status changed act=tunnel-up FTNTFGTremip=52.95.66.10 FTNTFGTvpntunnel=aws-tun1 FTNTFGTtunneltype=ipsec msg=IPsec connection status change",
    "TUNNEL_UP",
    null,
  ],
  [
    "Mar 12 10:48:19 FGT-DC2 CEF: 0|Fortinet|Fortigate|v7.2.8|37138|event:vpn tunnel-down|3|deviceExternalId=FG200FTK21900123 FTNTFGTlogid=0101037138 cat=event:vpn FTNTFGTsubtype=vpn FTNTFGTlogdesc=IPsec connection status changed act=tunnel-down FTNTFGTremip=52.95.66.10 FTNTFGTvpntunnel=aws-tun1 FTNTFGTtunneltype=ipsec msg=IPsec connection status change",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "<12>Mar 12 10:48:23 PA-3220-edge LEEF:2.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2.9|routed-bgp-peer-left-established|x7C|cat=SYSTEM|Subtype=routing|msg=BGP peer 169.254.21.1 (virtual router default, peer group aws-peers) left established state.|DeviceName=PA-3220-edge",
    "BGP_SESSION_DOWN",
    null,
  ],
  // Libreswan 3 (CentOS 7): IKE_AUTH's answer is the "AUTH response"; its PFS, selector and
  // rekey wordings.
  [
    'Jan 12 18:44:31 gw1 pluto[1187]: "gcp-vpn" #54: AUTH response contained the error notification NO_PROPOSAL_CHOSEN',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    'Jan 12 18:44:31 gw1 pluto[1187]: "gcp-vpn" #54: AUTH response contained the error notification AUTHENTICATION_FAILED',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    'Jan 12 17:42:03 gw1 pluto[1187]: "gcp-vpn" #46: expecting MODP2048 but remote\'s accepted proposal includes no DH',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    'Mar  4 03:35:12 vpn-hq pluto[2231]: "hq-to-branch" #20: rejecting responder TSi/TSr Traffic Selector',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    'Mar  4 03:42:09 vpn-hq pluto[2231]: "hq-to-branch" #2: Received TSi payload does not contain existing IPsec SA traffic Selectors',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    'Mar  4 04:05:19 vpn-hq pluto[2231]: "hq-to-branch" #24: no viable to parent to initiate CREATE_CHILD_EXCHANGE STATE_V2_REKEY_CHILD_I0; trying replace',
    "REKEY_FAILURE",
    "2",
  ],
  // Check Point's Log Exporter writes "IKE-SA" with a hyphen: the peer deleting the IKE SA.
  [
    "time=1710236102|hostname=fw-hq-cp01|product=VPN-1 & FireWall-1|action=Key Install|ifdir=inbound|ifname=daemon|origin=198.51.100.60|fw_subproduct=VPN-1|ike:=Informational Exchange Received Delete IKE-SA from Peer: 3.121.8.190; Cookies: 7f3a91c2d4e5b608-1c2d3e4f5a6b7c8d |msgid=8e1f2a3b|peer_gateway=3.121.8.190|scheme:=IKE|vpn_feature_name=IKE|",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  // strongSwan before 5.7 spells it "inacceptable"; its check of the peer's authentication
  // method; a DELETE for an SA it no longer has (before 5.5) changes nothing.
  ["Jan 12 12:02:14 gw1 charon: 12[IKE] received proposals inacceptable", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    "Jan 13 09:15:48 edge-vpn02 charon: 10[CFG] constraint requires public key authentication, but pre-shared key was used",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "Jan 12 15:10:12 gw1 charon: 07[IKE] received DELETE for ESP CHILD_SA with SPI 0badf00d, but no such SA",
    "INFO",
    "2",
  ],
  // Windows' IPsec audit events name the error's text after "Failure Reason:" (the event's text
  // spans lines); a quick mode that failed on security attributes or its DH group is phase 2's.
  [
    "An IPsec Main Mode negotiation failed.\n\nFailure Information:\n\tFailure Point:\t\tRemote computer\n\tFailure Reason:\t\tIKE authentication credentials are unacceptable\n\n\tState:\t\t\tAuthentication payload sent",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "<11>Mar 12 14:03:51 RRAS01 MSWinEventLog\t1\tSecurity\t48219\tTue Mar 12 14:03:51 2024\t4654\tMicrosoft-Windows-Security-Auditing\tN/A\tN/A\tFailure Audit\tRRAS01.corp.example.com\tIPsec Quick Mode\t\tAn IPsec Quick Mode negotiation failed. Local Endpoint: Network Address: 0.0.0.0 Tunnel Endpoint: 198.51.100.20 Role: Responder Failure Information: State: No state Message ID: 2 Failure Point: Local computer Failure Reason: Invalid Diffie-Hellman group\t219",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "TimeCreated  : 3/13/2024 2:14:22 AM ProviderName : Microsoft-Windows-Security-Auditing Id           : 4653 Message      : An IPsec Main Mode negotiation failed. Failure Information: Failure Point: Local computer Failure Reason: Negotiation timed out State: Sent first (SA) payload",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "<11>Mar 13 09:01:08 RRAS01 MSWinEventLog\t1\tSecurity\t48223\tWed Mar 13 09:01:08 2024\t4654\tMicrosoft-Windows-Security-Auditing\tN/A\tN/A\tFailure Audit\tRRAS01\tIPsec Quick Mode\t\tAn IPsec Quick Mode negotiation failed. Failure Information: State: Sent first (SA) payload Message ID: 14 Failure Point: Local computer Failure Reason: Simultaneous rekeys were detected.\t223",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "An IPsec Quick Mode negotiation failed. Failure Information: State: No state Message ID: 3 Failure Point: Local computer Failure Reason: No policy configured",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "[1]0368.0F1C::03/13/2024-06:41:27.018 [ikeext] 3038|198.51.100.20|    Main mode SA assumed to be invalid because peer stopped responding",
    "DPD_TIMEOUT",
    "1",
  ],
  // DrayTek's LAN-to-LAN status; VeloCloud names its destinations in brackets; Cisco SD-WAN's
  // vEdge notifies a BGP peer's new state.
  ["<141>Mar  4 11:30:00 Vigor2927: [L2L][UP][IPSec][@1:AWS-T1]", "TUNNEL_UP", null],
  ["<141>Mar  4 13:47:55 Vigor2927: [L2L][DOWN][IPSec][@2:AWS-T2]", "TUNNEL_DOWN_OTHER", null],
  ["Tunnel to [Azure-WEU-VNG] is UP", "TUNNEL_UP", null],
  ["Tunnel to Non SD-WAN Destination [AWS-use1-vgw-T1] via Edge [br-sea-01] is down", "TUNNEL_DOWN_OTHER", null],
  [
    'Mar 12 10:48:24 vedge-br3 BGPD[733]: %Viptela-vedge-br3-bgpd-5-NTCE-1000015: Notification: 3/12/2024 10:48:24 bgp-peer-state-change severity-level:major host-name:"vedge-br3" system-ip:10.255.0.13 vpn-id:10 peer:169.254.22.5 peer-new-state:idle',
    "BGP_SESSION_DOWN",
    null,
  ],
  // An ASA VPN message a collector kept without its "%ASA-6-713xxx:" tag still names the tunnel group.
  [
    "Group = 3.121.8.190, IP = 3.121.8.190, Automatic NAT Detection Status:     Remote end is NOT behind a NAT device     This   end IS   behind a NAT device",
    "INFO",
    "1",
  ],
  // RouterOS calls an IKEv2 SA an "ike2 SA".
  [
    "Mar  4 10:33:47 mt-edge1 ipsec,info killing ike2 SA: aws-tun1 198.51.100.1[4500]-203.0.113.7[4500] spi:5e1c2d3f4a5b6c7d:8e9f0a1b2c3d4e5f",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  // strongSwan 6: a KE payload of another method than negotiated; multiple key exchanges without IKE_INTERMEDIATE.
  [
    "08[IKE] key exchange method in received payload MODP_1024 doesn't match negotiated MODP_2048",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "Sep 14 10:11:30 cgw-deb13 charon-systemd[812]: peer didn't send INTERMEDIATE_EXCHANGE_SUPPORTED while proposing multiple key exchanges",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  // Libreswan before 4.5: an IKEv2 SA established says the peer is authenticated.
  [
    "Mar  3 10:05:12 cgw-rhel8a pluto[1187]: \"aws-tunnel-2\" #3: authenticated using authby=secret and peer ID_IPV4_ADDR '203.0.113.41'",
    "TUNNEL_UP",
    "1",
  ],
  // Libreswan 5: a Child SA rekey with other selectors than the SA's; the kernel refusing an SA.
  [
    'Mar 03 23:51:15 rocky9-cgw pluto[912]: "aws-tunnel-1" #30: rekey: received Traffic Selectors does not contain existing IPsec SA Traffic Selectors',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    'Mar  3 13:20:41 vpn-gw01 pluto[2231]: ERROR: "Tunnel1" #14: netlink response for Add SA esp.a1c3e5f7@198.51.100.10: Invalid argument (errno 22)',
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  [
    'ERROR: "westnet-eastnet-ikev2" #2: netlink response for Del SA esp.ESPSPIi@192.1.2.23: No such process (errno 3)',
    "INFO",
    "2",
  ],
  // BGP daemons' transport and refusals: FRR's failed connect (the session's, not IKE's unreachable
  // peer), GoBGP's failed dial to port 179 and refused passive connection, OpenBGPD's session
  // errors, refusals, limits and a graceful restart that timed out.
  [
    "2024/03/05 16:35:20 BGP: [RGGAC-RJ6WG] 169.254.22.1 [Event] Connect failed 113(No route to host)",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    'time="2024-04-25T07:05:10Z" level=debug msg="failed to connect" Error="dial tcp 0.0.0.0:0->169.254.21.1:179: connect: connection refused" Key=169.254.21.1 Topic=Peer',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    'time=2026-03-03T10:02:40.118+09:00 level=DEBUG msg="failed to connect" Topic=Peer Key=169.254.22.1 Error="dial tcp 0.0.0.0:0->169.254.22.1:179: connect: connection refused"',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    'time="2024-05-04T02:20:33Z" level=info msg="Can\'t find configuration for a new passive connection" Key=169.254.23.1 Topic=Peer',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  6 09:05:10 cgw-obsd1 bgpd[48213]: neighbor 169.254.22.1 (aws-vpn-t2): read error: Connection reset by peer",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  6 09:12:30 cgw-obsd1 bgpd[48213]: neighbor 169.254.22.1 (aws-vpn-t2): connect: No route to host",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  6 10:00:05 cgw-obsd1 bgpd[48213]: neighbor 169.254.21.1 (aws-vpn-t1): peer sent wrong AS 7224",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  6 10:08:02 cgw-obsd1 bgpd[48213]: neighbor 169.254.21.1 (aws-vpn-t1): peer requests unacceptable holdtime 2",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  6 11:30:00 cgw-obsd1 bgpd[48214]: neighbor 169.254.21.1 (aws-vpn-t1): prefix limit reached (>101/100)",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  7 02:15:40 cgw-obsd1 bgpd[48213]: neighbor 169.254.22.1 (aws-vpn-t2): received graceful notification: Cease, administrative reset",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  7 02:17:40 cgw-obsd1 bgpd[48213]: neighbor 169.254.22.1 (aws-vpn-t2): graceful restart of IPv4 unicast, time-out, flushing",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["Mar  7 04:12:09 cgw-obsd1 bgpd[48213]: connection from non-peer 169.254.23.1 refused", "BGP_SESSION_DOWN", null],
  [
    "Oct 30 19:08:45 cgw-obsd1 bgpd[48214]: neighbor 169.254.21.1 (aws-vpn-t1): bad path, starting with 65010 expected 64512, enforce neighbor-as enabled",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["Mar  7 05:30:00 cgw-obsd1 bgpd[48212]: rereading config", "INFO", null],
  // BIRD's session events in its log file (BIRD 3 with its thread) and in syslog, and ExaBGP's.
  ["2024-03-03 13:22:10.004 [0004] <TRACE> ali_t1: Connection lost (No route to host)", "BGP_SESSION_DOWN", null],
  ["Mar  3 13:30:05 cgw1 bird: aws_t1: Connection closed", "BGP_SESSION_DOWN", null],
  ["2024-03-03 14:05:12.090 <RMT> ali_t1: Received: Cease", "BGP_SESSION_DOWN", null],
  ["2024-03-03 15:03:27.777 <TRACE> ali_t2: BFD session down", "BGP_SESSION_DOWN", null],
  ["2024-03-03 15:12:00.501 <TRACE> aws_t1: Neighbor graceful restart timeout", "BGP_SESSION_DOWN", null],
  [
    "Mar  3 15:21:30 cgw1 bird: ali_t1: Socket error: The password for TCP MD5 Signature is too long",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "2024-03-03 15:26:40.222 <TRACE> aws_t1: Incoming connection from 169.254.21.1 (port 40122) rejected",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["2024-03-03 10:02:06.125 <TRACE> aws_t1: Down", "BGP_SESSION_DOWN", null],
  ["2024-03-03 14:05:12.090 <RMT> aws_t1: Received: Connection collision resolution", "INFO", null],
  [
    "Mar 03 13:20:44 vpn-gw2 exabgp[2931]: 13:20:44 | 2931   | outgoing-1      | outgoing-1 169.254.21.2-169.254.21.1 169.254.21.1 lost TCP session with peer",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar 03 15:01:10 vpn-gw2 exabgp[2931]: 15:01:10 | 2931   | outgoing-9      | Could not connect to peer 169.254.21.1:179 ([Errno ENETUNREACH] [Errno 101] Network is unreachable)",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar 03 15:25:07 vpn-gw2 exabgp[2931]: 15:25:07 | 2931   | network         | no session configured for incoming-1 169.254.21.2-169.254.21.1",
    "BGP_SESSION_DOWN",
    null,
  ],
  // Yamaha's newer firmware tags IKEv1 lines [IKE1]: its IKE SA established and deleted.
  ["2026/09/05 02:11:40: [IKE1] SA:1/IKE established", "TUNNEL_UP", "1"],
  ["2026/09/05 03:11:40: [IKE1] SA:1/IKE deleted", "TUNNEL_DOWN_OTHER", "1"],
  // Cisco GET VPN (GDOI): a member registered, a rekey missed, an identity refused, the group's policy refused;
  // a rekey received (routine).
  [
    "*Mar  1 01:12:11.711: %GDOI-5-GM_REGS_COMPL: Registration to KS 192.1.40.2 complete for group GRP-R1 using address 192.1.10.2",
    "TUNNEL_UP",
    null,
  ],
  ["%GDOI-4-GM_REKEY_NOT_RECD: GM did not receive rekey from KS 10.1.1.1 in group GETVPN.", "REKEY_FAILURE", "2"],
  [
    "%GDOI-1-UNAUTHORIZED_IDENTITY: Group LAB-GDOI received registration from unauthorized identity:    Dist. name parsing failed. Peer Address: 10.10.10.1",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "%GDOI-4-GM_REJECTING_SA_PAYLOAD: Registration: Policy in SA payload sent by KS 10.1.1.1 rejected by GM in the group GETVPN reason Unsupported transform.",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  ["%GDOI-5-GM_RECV_REKEY: Received Rekey for group GETVPN from 10.1.1.1 to 239.1.1.1 with seq # 3", "INFO", null],
  // Topsec NGTOS's IPsec records: the tunnel established, and its phases called stages.
  [
    'id="NGTOS" version="v3.2000a5.0058_NGVONE.1_haveroot" time="2025-04-10 14:24:26" dev="TopsecOS" pri="information" type="ipsec vpn negotiate log" recorder="ipsec negotiate" vsid="0" tunnel_name="to-aliyun" action="negotiate" srcip="198.51.100.40" dstip="203.0.113.40" msg="Tunnel established."',
    "TUNNEL_UP",
    null,
  ],
  [
    'id="NGTOS" time="2025-04-12 14:26:12" dev="TopsecOS" pri="6" type="vpn" recorder="ipsec" tunnel_name="to-aliyun" msg="The first stage was successful"',
    "TUNNEL_UP",
    "1",
  ],
  [
    'id="NGTOS" time="2025-04-12 14:26:12" dev="TopsecOS" pri="6" type="vpn" recorder="ipsec" tunnel_name="to-aliyun" ike_moudle="quick mode" sa_savelive="28800" msg="The second stage was successful"',
    "TUNNEL_UP",
    "2",
  ],
  // SonicWall's key=value records (an "id=" key is not an IKE identity); FortiGate's main mode done.
  [
    'date=2024-03-12 time=10:45:18 devname="FGT100F-DC1" devid="FG100FTK21004567" eventtime=1710236718418227113 tz="+0100" logid="0101037127" type="event" subtype="vpn" level="notice" vd="root" logdesc="Progress IPsec phase 1" msg="progress IPsec phase 1" action="negotiate" remip=52.20.141.7 locip=198.51.100.22 remport=500 locport=500 outintf="wan1" cookies="3b1f7c9ad2e04a18/a04c1d2e3f405162" user="N/A" group="N/A" useralt="N/A" xauthuser="N/A" xauthgroup="N/A" assignip=N/A vpntunnel="AWS-T1" status="success" init="local" mode="main" dir="outbound" stage=3 role="initiator" result="DONE"',
    "TUNNEL_UP",
    "1",
  ],
  [
    '<134>id=firewall sn=2CB8ED123456 time="2024-03-12 10:25:33 UTC" fw=203.0.113.50 pri=3 c=4 m=654 msg="IKE Responder: IPsec proposal does not match (Phase 2)" n=4414 src=52.20.141.7:500:X1 dst=203.0.113.50:500:X1',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    '<134>id=firewall sn=2CB8ED123456 time="2024-03-12 10:31:02 UTC" fw=203.0.113.50 pri=3 c=4 m=1061 msg="IKE Responder: NAT Traversal is disabled in VPN policy but NAT device detected" n=4418 src=52.20.141.7:500:X1 dst=203.0.113.50:500:X1',
    "NAT_T_ISSUE",
    "1",
  ],
  // PAN-OS and Junos timeouts in their debug words; a PAN-OS child SA rekeyed is routine; Libreswan
  // refusing NAT with packet offload.
  [
    "2024-03-05 15:08:44.005 +0000  [PNTF]: { 1: }: ====> PHASE-1 NEGOTIATION FAILED AS INITIATOR, MAIN MODE <==== Failed SA: 198.51.100.24[500]-52.28.199.47[500] cookie:a1b2c3d4e5f60718:0000000000000000 due to timeout.",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "[Mar  5 15:12:16][198.51.100.24 <-> 52.28.199.47] IKE negotiation fail for local:198.51.100.24, remote:52.28.199.47 IKEv2 with status: Timed out",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "2024-03-05 19:08:50.770 +0000  [PNTF]: { 2: }: ====> IKEv2 CHILD SA NEGOTIATION SUCCEEDED AS RESPONDER, rekey; tunnel TUN-AWS-T1:TUN-AWS-T1 <==== Received SA: 3.120.45.18[500]-198.51.100.24[500] message id:0x0000000C SPI:0xC9E04B71/0x0D4FA382",
    "INFO",
    "2",
  ],
  [
    'Mar  5 16:01:33 cgw-ord2 pluto[1442]: "aws-tun1" #11: connection cannot be NAT\'ed and use nic-offload=packet',
    "NAT_T_ISSUE",
    "1",
  ],
  // A time server's peer, not an IKE peer.
  ["001866: Mar  4 14:19:55.902 UTC: %NTP-4-PEERUNREACH: Peer 192.0.2.123 is unreachable", "UNKNOWN", null],
  ["IKEv2-PLAT-4: (12): CONNECTION STATUS: UP... peer: 198.51.100.7:500, phase1_id: 198.51.100.7", "TUNNEL_UP", "1"],
  [
    "IKEv2-PLAT-4: (12): CONNECTION STATUS: DOWN... peer: 198.51.100.7:500, phase1_id: 198.51.100.7",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  ["IKEv2-PLAT-4: (12): CONNECTION STATUS: REGISTERED... peer: 198.51.100.7:500, phase1_id: 198.51.100.7", "INFO", "1"],
  ["IKEv2-PROTO-2: (12): Abort exchange", "TUNNEL_DOWN_OTHER", "1"],
  // The platform removing an IPsec SA, as every rekey does to the one it replaces: routine.
  ["IKEv2-PLAT-2: Received PFKEY delete SA for SPI 0x1A2B3C4D error FALSE", "INFO", "2"],
  ["Crypto map AWS_MAP seq 10  peer doesn't match map entry", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // IOS-XE crypto event trace, the ASA's IKEv2 platform, IOS BGP debug and FortiGate's BGP decoder.
  ["IPSEC-EVENT:IPSEC-DELETE-SA:  SESSION ID:0, sa delete : (sa) sa_dest = 198.51.100.7, sa_proto = 50", "INFO", "2"],
  [
    "IPSEC-EVENT:IPSEC-CREATE-SA:  SESSION ID:0, sa create : (sa) sa_dest= 198.51.100.7, sa_proto= 50",
    "TUNNEL_UP",
    "2",
  ],
  ["IKEv2-PLAT-5: Active ike sa request deleted", "TUNNEL_DOWN_OTHER", "1"],
  ["BGP: ses global 169.254.10.1 (0x7F) act Reset (BGP Notification received).", "BGP_SESSION_DOWN", null],
  ["BGP: 169.254.10.1-Outgoing [DECODE] Open: Invalid Router ID 0.0.0.0", "BGP_SESSION_DOWN", null],
  [
    "%ASA-4-750003: Local:198.51.100.2:500 Remote:52.1.2.3:500 Username:52.1.2.3 IKEv2 Negotiation aborted due to ERROR: Create child SA negotiation error",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  // Chinese and Japanese consoles: "不一致" says what "不匹配" says; BGP, SA deletion, NAT traversal; Japanese wording.
  ["第二阶段PFS配置不一致", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["DPD检测对端不可达，删除IKE SA", "DPD_TIMEOUT", "1"],
  ["BGP邻居状态变为Idle", "BGP_SESSION_DOWN", null],
  ["IPsec SA已删除", "TUNNEL_DOWN_OTHER", "2"],
  ["NAT穿越失败", "NAT_T_ISSUE", null],
  ["事前共有鍵が一致しません", "IKE_AUTH_FAILURE", "1"],
  ["フェーズ2のプロポーザルが一致しません", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["IKEネゴシエーションに失敗しました", "TUNNEL_DOWN_OTHER", null],
  // racoon's unprocessable packet; the Aviatrix controller's tunnel state changes.
  ["2026-03-20 10:03:52: ERROR: failed to process packet.", "TUNNEL_DOWN_OTHER", null],
  [
    "cloudxd: AviatrixTunnelStatusChange: src_gw=transit-1(AWS us-east-1) dst_gw=198.51.100.7(NA NA) old_state=Up new_state=Down",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "cloudxd: AviatrixTunnelStatusChange: src_gw=transit-1(AWS us-east-1) dst_gw=198.51.100.7(NA NA) old_state=Down new_state=Up",
    "TUNNEL_UP",
    null,
  ],
  ["charon: 06[IKE] <ra|83> EAP-MS-CHAPv2 verification failed, retry (1)", "IKE_AUTH_FAILURE", "1"],
  ["charon: 06[IKE] XAuth pam_authenticate for 'alice' failed: Authentication failure", "IKE_AUTH_FAILURE", "1"],
  ["%PIX-3-320001: The subject name of the peer cert is not allowed for connection", "IKE_AUTH_FAILURE", "1"],
  // Cisco ASA catalogue entries: a DH group the ASA does not support, a peer certificate outside
  // the certificate map, IKEv1 answers missing what the exchange needs, the VPN peer limit.
  ["%ASA-3-713047: Unsupported Oakley group: Group 24", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    "%ASA-3-717060: Peer certificate with serial number: 4F1A22C9, subject: CN=vpn-gw.example.net, issuer: CN=Example CA failed to match the configured certificate map S2S-MAP",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["%ASA-5-713178: IKE Initiator received a packet from its peer without a Responder cookie", "TUNNEL_DOWN_OTHER", "1"],
  ["%ASA-5-713179: IKE AM Initiator received a packet from its peer without a SA payload", "TUNNEL_DOWN_OTHER", "1"],
  ["%ASA-3-713193: Received packet with missing payload, Expected payload: ID", "TUNNEL_DOWN_OTHER", null],
  ["%ASA-3-713105: Zero length data in ID payload received during phase 1 or 2 processing", "TUNNEL_DOWN_OTHER", null],
  ["%ASA-3-316001: Denied new tunnel to 203.0.113.77. VPN peer limit (250) exceeded", "TUNNEL_DOWN_OTHER", null],
  // strongSwan 6 (charon): a child SA's KE payload of another group, or asked again after a retry;
  // an authorization hook, a missing IDr, no shared signature hash; key derivation and the
  // half-open limit on initiation.
  [
    "charon: 04[IKE] <aws-t1|3> key exchange method ECP_256 in received payload doesn't match MODP_2048",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "charon: 12[IKE] <aws-t2|5> already retried with key exchange method ECP_384, ignore requested MODP_2048",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  ["charon: 08[IKE] <branch-b|2> authorization forbids IKE_SA, canceling", "IKE_AUTH_FAILURE", "1"],
  ["charon: 03[IKE] <aws-t1|15> IDr payload missing", "IKE_AUTH_FAILURE", "1"],
  [
    "charon: 02[IKE] <azure-gw|4> no common hash algorithm found to create signature with RSA key",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["charon: 13[IKE] <aws-t2|5> key derivation failed", "TUNNEL_DOWN_OTHER", null],
  [
    "charon: 02[IKE] <aws-t2|27> abort IKE_SA initiation, half open IKE_SA count of 412 exceeds limit of 400",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  // charon's IKE_SA rekeying and reauthentication concern the IKE SA, whatever child they name.
  ["charon: 15[IKE] <aws-t2|6> peer continued rekeying, but we are deleting", "REKEY_FAILURE", "1"],
  [
    "charon: 10[IKE] <aws-t1|3> unable to reauthenticate in CHILD_SA REKEYING state, delaying for 12s",
    "REKEY_FAILURE",
    "1",
  ],
  // Libreswan 5 (pluto): IKEv1 refused by global policy, a duplicate after retransmissions ran
  // out (our answers are not arriving), a chain without the peer's certificate, our AUTH
  // signature failing, an empty traffic selector payload, a proposal we never offered accepted.
  [
    "pluto[3390]: packet from 203.0.113.10:500: rejecting IKEv1 packet as global policy is set to reject all IKEv1 packets",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    'pluto[1874]: "aws-t1" #1: discarding duplicate packet -- exhausted retransmission; already STATE_MAIN_R1',
    "PEER_UNREACHABLE",
    "1",
  ],
  ['pluto[2211]: "rw-x509"[2] 198.51.100.23 #5: X509: no EE-cert in chain!', "IKE_AUTH_FAILURE", "1"],
  ['pluto[2211]: "azure-vng" #1: AUTH signature calculation failed', "IKE_AUTH_FAILURE", "1"],
  [
    'pluto[3390]: "azure-vng"[1] 203.0.113.44 #2: TSr payload contains no entries when at least one is expected',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    'pluto[3390]: "aws-t2" #1: remote accepted the invalid proposal 1:IKE:ENCR=AES_CBC_256;INTEG=HMAC_SHA2_256_128;PRF=HMAC_SHA2_256;KE=MODP1024',
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  // Junos kmd: a phase's failure whose cause the message does not name.
  [
    "kmd[2113]: KMD_VPN_PV_PHASE2: IKE Phase-2 Failure: Quick mode failed [spi=2f4f3e0e, src_ip=203.0.113.9, dst_ip=198.51.100.10]",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  // FortiGate routing events carry the BGP sessions over the tunnels; its other routing protocols are not tunnel lines.
  [
    'date=2026-03-03 time=10:00:00 devname="fgt" devid="FGT60F" logid="0103020301" type="event" subtype="router" level="warning" vd="root" logdesc="Routing log" msg="OSPF: RECV[Hello]: From 10.1.1.1 via port9:172.16.200.1: Invalid Area ID 0.0.0.0"',
    "UNKNOWN",
    null,
  ],
  [
    'date=2026-03-03 time=10:00:00 devname="fgt" devid="FGT60F" logid="0103020300" type="event" subtype="router" level="warning" vd="root" logdesc="Routing log" msg="BGP: %BGP-5-ADJCHANGE: neighbor 169.254.10.1 Down Hold Timer Expired"',
    "BGP_SESSION_DOWN",
    null,
  ],
  // Junos proxy IDs in words; PAN-OS ikemgr banners.
  [
    "Mar  3 10:00:00 srx1 kmd[1234]: IKE Phase-2 Failure: Failed to match the peer proxy ids [p2_src_id=ipv4_subnet(any:0,[0..7]=10.0.0.0/16), spi=1a2b3c4d]",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "2026-03-03 10:00:00.123 +0000 [PNTF]: { 1: }: ====> PHASE-1 NEGOTIATION FAILED AS INITIATOR, MAIN MODE <====",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    "2026-03-03 10:00:00.123 +0000 [PNTF]: { 1: }: ====> IPSEC KEY INSTALLED; Inbound 198.51.100.2[500]-52.1.2.3[500] SPI:0x1A2B3C4D <====",
    "TUNNEL_UP",
    "2",
  ],
  ["10:00:00 ipsec,error 52.1.2.3 identity not found for server: ADDR4 52.1.2.3", "IKE_AUTH_FAILURE", "1"],
  // Libreswan's certificate, authentication-method and proposal wording.
  ['"aws-t1" #4: X509: certificate payload rejected for this connection', "IKE_AUTH_FAILURE", "1"],
  ['"aws-t1" #4: NSS ERROR: Peer\'s Certificate issuer is not recognized.', "IKE_AUTH_FAILURE", "1"],
  ['"aws-t1" #4: Peer attempted PSK authentication but we want rsasig', "IKE_AUTH_FAILURE", "1"],
  ['"aws-t1" #4: ECDSA authentication using ecdsa failed in R2 Auth Payload', "IKE_AUTH_FAILURE", "1"],
  ['"aws-t1" #4: Failed to find our Pre-Shared Key', "IKE_AUTH_FAILURE", "1"],
  ['"aws-t1" #1: No PARENT proposal selected', "IKE_PROPOSAL_MISMATCH", "1"],
  [
    '"aws-t1" #5: Quick Mode request rejected, peer requested lease but proposed remote selector 10.0.0.0/16 does not match connection 10.1.0.0/16',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  // BGP daemons: a session that falls back to Active or Idle before Established has failed to come up.
  [
    "bgpd[812]: neighbor 169.254.10.1 (aws-t1): state change OpenConfirm -> Idle, reason: Hold timer expired",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["2026/03/03 10:00:00 BGP: 169.254.10.1 went from Connect to Active", "BGP_SESSION_DOWN", null],
  ["bgpd[812]: neighbor 169.254.10.1 (aws-t1): state change Idle -> Connect, reason: Start", "INFO", null],
  ["bgpd[812]: neighbor 169.254.10.1 (aws-t1): socket error: Operation timed out", "BGP_SESSION_DOWN", null],
  ["Mar  3 10:00:00 gw bird: aws_t1: Received NOTIFICATION(code=4.0)", "BGP_SESSION_DOWN", null],
  ["Mar  3 10:00:00 gw bird: aws_t1: Sending NOTIFICATION(code=6.7)", "INFO", null],
  // Cisco IOS: an IPsec SA created; a tunnel interface disabled by recursive routing.
  ["Mar  3 10:00:00.123: IPSEC(create_sa): sa created, (sa) sa_dest= 52.1.2.3, sa_proto= 50", "TUNNEL_UP", "2"],
  [
    "Mar  3 10:00:00.123: %TUN-5-RECURDOWN: Tunnel1 temporarily disabled due to recursive routing",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // Sophos Firewall (strongSwan inside) and racoon wording.
  [
    'log_component="IPSec" status="Failed" message="aws-t2 - IKE message retransmission timed out (Remote: 52.1.2.3)"',
    "PEER_UNREACHABLE",
    "1",
  ],
  ["racoon: ERROR: failed to start post getspi.", "TUNNEL_DOWN_OTHER", "2"],
  // Libreswan and strongSwan daemons dying, liveness actions, negotiations that cannot reach the peer.
  [
    "Mar  3 10:00:00 gw ipsec__plutorun: !pluto failure!:  exited with error status 134 (signal 6)",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  ['Mar  3 10:00:00 gw pluto[812]: "aws-t1" #4: IKEv1 DPD: action - restarting connection', "DPD_TIMEOUT", "1"],
  ['Mar  3 10:00:00 gw pluto[812]: "aws-t1" #4: IKEv2 peer liveness - clearing connection', "DPD_TIMEOUT", "1"],
  [
    'Mar  3 10:00:00 gw pluto[812]: "aws-t1": IKE SA negotiating with 52.1.2.3 took too long -- replacing',
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    'Mar  3 10:00:00 gw pluto[812]: "aws-t1" #1: sendto on eth0 to 52.1.2.3:500 failed in EVENT_RETRANSMIT. Errno 1: Operation not permitted',
    "PEER_UNREACHABLE",
    "1",
  ],
  ["Mar  3 10:00:00 gw charon: 07[KNL] <aws-t1|3> no address found to reach 52.1.2.3/32", "PEER_UNREACHABLE", "1"],
  ["2026-03-03_10:00:00.12345 bird: aws_t1: Socket error: connect: Connection refused", "BGP_SESSION_DOWN", null],
  // H3C Comware IKE debugging wording; IBM Cloud VPN status reasons; Libreswan failing a rekey.
  [
    "*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; Collision of phase 2 negotiation is found.",
    "REKEY_FAILURE",
    "2",
  ],
  ["*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; Failed to float port.", "NAT_T_ISSUE", "1"],
  ["*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; No available proposal.", "IKE_PROPOSAL_MISMATCH", "1"],
  ["*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; Invalid major version(3).", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    "*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; Unsupported ESP encryption algorithm.",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  ["*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; Failed to get local certificate.", "IKE_AUTH_FAILURE", "1"],
  ["Failed to get the peer certificate.", "IKE_AUTH_FAILURE", "1"],
  ["Mar  3 10:00:00 web1 nginx[812]: Failed to load certificate from /etc/ssl/site.pem", "UNKNOWN", null],
  ["*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; Failed to install IPsec SA.", "TUNNEL_DOWN_OTHER", "2"],
  [
    "*Mar  3 10:00:00:123 2026 gw IKE/7/ERROR: -MDC=1; Number of negotiating IKE SAs exceeded the limit.",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  ["status_reasons: ike_policy_mismatch", "IKE_PROPOSAL_MISMATCH", "1"],
  ["status_reasons: ipsec_policy_mismatch", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["status_reasons: ike_v2_local_remote_cidr_mismatch", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["status_reasons: peer_not_responding", "PEER_UNREACHABLE", "1"],
  ["status_reasons: cannot_authenticate_connection", "IKE_AUTH_FAILURE", "1"],
  ['"aws-t1"[1] 52.1.2.3 #12: encountered fatal error in state STATE_V2_REKEY_IKE_I', "REKEY_FAILURE", "1"],
  // GoBGP and ExaBGP FSM records (JSON, or GoBGP's logfmt).
  [
    '{"Key":"169.254.10.1","Topic":"Peer","level":"info","msg":"state changed","new":"BGP_FSM_IDLE","old":"BGP_FSM_ESTABLISHED","reason":"hold-timer-expired","time":"2026-03-03T10:00:00Z"}',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    '{"Key":"169.254.10.1","Topic":"Peer","level":"info","msg":"state changed","new":"BGP_FSM_ESTABLISHED","old":"BGP_FSM_OPENCONFIRM","time":"2026-03-03T10:00:00Z"}',
    "TUNNEL_UP",
    null,
  ],
  [
    'time="2026-03-03T10:00:00Z" level=info msg="state changed" Key=169.254.10.1 Topic=Peer new=BGP_FSM_OPENSENT old=BGP_FSM_ACTIVE',
    "INFO",
    null,
  ],
  [
    '{ "exabgp": "4.2.21", "time": 1772532000, "type": "state", "neighbor": { "address": { "local": "169.254.10.2", "peer": "169.254.10.1" }, "state": "down", "reason": "peer reset" } }',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    '{ "exabgp": "4.2.21", "time": 1772532000, "type": "state", "neighbor": { "address": { "local": "169.254.10.2", "peer": "169.254.10.1" }, "state": "up" } }',
    "TUNNEL_UP",
    null,
  ],
  [
    'WatchGuard-Firebox fw1: msg_id="0206-0002" Rejected phase-1 authentication method RSA-SIG from 52.1.2.3:500, expecting PSK.',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // PAN-OS system log event IDs decide where the description is generic; generic IDs are left to it.
  [
    '<14>Jun  2 10:00:00 pa1 1,2025/06/02 10:00:00,012801000001,SYSTEM,vpn,0,2025/06/02 10:00:00,,ike-nego-p1-fail-cert,gw-dc,0,0,general,informational,"IKE phase-1 negotiation is failed.",1001,0x0,0,0,0,0,,pa1',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    '<14>Jun  2 10:00:00 pa1 1,2025/06/02 10:00:00,012801000001,SYSTEM,vpn,0,2025/06/02 10:00:00,,ikev2-nego-child-simul-fail,gw-dc,0,0,general,informational,"simultaneous child SA rekey request detected, peer is PANOS. Previous request removed.",1001,0x0,0,0,0,0,,pa1',
    "REKEY_FAILURE",
    "2",
  ],
  [
    '<14>Jun  2 10:00:00 pa1 1,2025/06/02 10:00:00,012801000001,SYSTEM,routing,0,2025/06/02 10:00:00,,routed-BGP-peer-failed,default,0,0,general,informational,"BGP peer session has failed and may restart.",1001,0x0,0,0,0,0,,pa1',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    '<14>Jun  2 10:00:00 pa1 1,2025/06/02 10:00:00,012801000001,SYSTEM,vpn,0,2025/06/02 10:00:00,,tunnel-status-down,tun-aws-2,0,0,general,informational,"Tunnel status change to DOWN.",1001,0x0,0,0,0,0,,pa1',
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    '<14>Jun  2 10:00:00 pa1 1,2025/06/02 10:00:00,012801000001,SYSTEM,vpn,0,2025/06/02 10:00:00,,ike-nego-p1-fail,gw-dc,0,0,general,informational,"IKE phase-1 negotiation is failed as initiator, main mode. Failed SA: 198.51.100.1[500]-203.0.113.9[500] cookie:1a2b3c4d5e6f7a8b:0000000000000000. Due to timeout.",1001,0x0,0,0,0,0,,pa1',
    "PEER_UNREACHABLE",
    "1",
  ],
  // Huawei's fault causes, by name, including the responder's per-parameter proposal causes.
  [
    "IPSEC/4/IPSECNEGOFAIL: OID 1.3.6.1.4.1.2011.6.122.26.6.14 IPSec tunnel negotiation fails. (Ifindex=9, SeqNum=20, Reason=flow or peer mismatch, ReasonCode=4, PeerAddress=198.51.100.9, PeerPort=500, VsysName=public, InterfaceName=GigabitEthernet1/0/1)",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "IPSec tunnel negotiation fails. (Ifindex=9, SeqNum=20, Reason=phase1 proposal dh mismatch, ReasonCode=1, PeerAddress=198.51.100.9, PeerPort=500, VsysName=public, InterfaceName=GigabitEthernet1/0/1)",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "IPSEC/4/IPSECTUNNELSTOP: OID 1.3.6.1.4.1.2011.6.122.26.6.2 The IPSec tunnel is deleted. (Ifindex=9, SeqNum=20, TunnelIndex=3, RuleNum=1, DstIP=198.51.100.9, InsideIP=0.0.0.0, RemotePort=500, CpuID=0, SrcIP=203.0.113.1, OfflineReason=heartbeat timeout, VsysName=public, InterfaceName=GigabitEthernet1/0/1)",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "IPSEC-VPN/5/IPSEC_TUNNEL_TEARED_DOWN:An IPSec tunnel is teared down. (PolicyName=p1, IfIndex=9, SeqNum=20, RuleNum=1, SrcIP=203.0.113.1, DstIP=198.51.100.9, InboundSPI=12345678, Slot=1, CpuID=0, OfflineReason=phase2 sa replace, VsysName=public)",
    "INFO",
    "2",
  ],
  // ScreenOS IKE events.
  [
    "Jun  2 10:00:00 ssg5 ssg5: NetScreen device_id=ssg5  [Root]system-information-00536: IKE 198.51.100.9: Heartbeats have been lost 8 times.",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "Jun  2 10:00:00 ssg5 ssg5: NetScreen device_id=ssg5  [Root]system-information-00536: IKE 198.51.100.9 Phase 1: Rejected proposals from peer. Negotiations failed.",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "Jun  2 10:00:00 ssg5 ssg5: NetScreen device_id=ssg5  [Root]system-information-00536: IKE 198.51.100.9 Phase 2: No policy exists for the proxy ID received: local ID 192.168.1.0/255.255.255.0 remote ID 10.0.0.0/255.0.0.0.",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "Jun  2 10:00:00 ssg5 ssg5: NetScreen device_id=ssg5  [Root]system-information-00536: IKE 198.51.100.9 Phase 2: Received DH group 5 instead of expected group 14 for PFS.",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  // Cisco ASA address pools, ID payloads; SonicWall's unknown SPI; Azure gateway events; Junos BGP EOF.
  ["%ASA-3-751017: Configuration Error: Unable to find IPv4 address pool.", "TUNNEL_DOWN_OTHER", null],
  ["%ASA-3-713085: Received invalid phase 1 protocol (17) in ID payload", "IKE_AUTH_FAILURE", "1"],
  [
    'id=firewall sn=00AB12 time="2025-06-02 10:00:00 UTC" fw=203.0.113.1 pri=3 c=4 m=66 msg="Unknown IPSec SPI" n=7 src=198.51.100.9 dst=203.0.113.1',
    "REKEY_FAILURE",
    "2",
  ],
  [
    '{"time": "2025-06-02T10:00:00Z", "category": "TunnelDiagnosticLog", "operationName": "TunnelDisconnected", "properties": {"remoteIP": "198.51.100.9", "instance": "GatewayTenantWorker_IN_0"}}',
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    '{"time": "2025-06-02T10:00:00Z", "category": "RouteDiagnosticLog", "operationName": "BgpDisconnectedEvent", "properties": {"peerAddress": "169.254.21.1"}}',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Jun  2 10:00:00  srx1 rpd[1880]: bgp_pp_recv: peer 169.254.21.1 (External AS 64512): received unexpected EOF",
    "BGP_SESSION_DOWN",
    null,
  ],
  // FortiGate's selector and identity refusals; Libreswan giving up on a half-built state; a Huawei cause alone.
  ["ike 0:to-aws-1:41:17: specified selectors mismatch", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["ike 0:to-aws-1:41:17: no matching phase2 found", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["ike 0:to-aws-1: ignoring IKE request, incorrect ID.", "IKE_AUTH_FAILURE", "1"],
  ['pluto[812]: "aws-t2"[3] 52.1.2.3 #7: deleting incomplete state after 60.000 seconds', "PEER_UNREACHABLE", "1"],
  ["netmask mismatch", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // BGP sessions that cannot start or are reset: MD5 socket option, no route to the neighbour, a refused AS path.
  ["bird: aws_t1: Socket error: TCP_MD5SIG: Operation not permitted", "BGP_SESSION_DOWN", null],
  [
    "2025/06/02 10:00:00.100 BGP: [S7AHN-X0695] 169.254.10.1 [FSM] Waiting for NHT, no path to neighbor present",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "bgpd[400]: neighbor 169.254.10.1 (aws-t1): bad path, starting with 64512, enforce neighbor-as enabled",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["2025/06/02 10:00:00.100 BGP: [NTX3S-9Q8YV] 169.254.10.1 [Event] BGP error 9 on fd 31", "BGP_SESSION_DOWN", null],
  [
    '{"Data":{"Header":{"Marker":null,"Len":21,"Type":3},"Body":{"ErrorCode":4,"ErrorSubcode":0,"Data":null}},"Key":"169.254.10.1","State":6,"Topic":"Peer","level":"warning","msg":"received notification"}',
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    '{"Data":{"Header":{"Marker":null,"Len":21,"Type":3},"Body":{"ErrorCode":6,"ErrorSubcode":7,"Data":null}},"Key":"169.254.10.1","State":4,"Topic":"Peer","level":"warning","msg":"received notification"}',
    "INFO",
    null,
  ],
  // A PAN-OS rekey that timed out is a rekey failure; a first negotiation that timed out, an unreachable peer.
  [
    '<14>Jun  2 10:00:00 pa1 1,2025/06/02 10:00:00,012801000001,SYSTEM,vpn,0,2025/06/02 10:00:00,,ikev2-nego-child-fail,gw-aws,0,0,general,informational,"IKEv2 child SA negotiation is failed as initiator, rekey. Failed SA: 198.51.100.1[500]-52.1.2.3[500] message id:0x00000007. Due to timeout.",1001,0x0,0,0,0,0,,pa1',
    "REKEY_FAILURE",
    "2",
  ],
  [
    '<14>Jun  2 10:00:00 pa1 1,2025/06/02 10:00:00,012801000001,SYSTEM,vpn,0,2025/06/02 10:00:00,,ikev2-nego-ike-fail,gw-aws,0,0,general,informational,"IKEv2 IKE SA negotiation is failed as initiator, non-rekey. Failed SA: 198.51.100.1[500]-52.1.2.3[500] SPI:1a2b3c4d5e6f7a8b:0000000000000000. Due to timeout.",1001,0x0,0,0,0,0,,pa1',
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "2025-06-02 10:00:00 vco-1a2b3c [PROTO_ERR]: ikev2.c:3040:ikev2_sa_init_recv(): peer id mismatch",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["*Jun  2 10:00:00.001: ISAKMP:(0):Peer not responding!", "PEER_UNREACHABLE", "1"],
  // The SSH IPsec toolkit's notify codes (Junos kmd traces, in.iked): the number decides, the
  // exchange named after the cookies ("IP;" main mode, "QM;" quick mode) gives the phase.
  [
    "[Feb  1 10:31:34]198.51.100.2:500 (Initiator) <-> 203.0.113.2:500 { b5683f91 580f05d7 - 3780e055 cd8cc990 [-1] / 0x00000000 } IP; Connection got error = 14, calling callback",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "[Feb  1 10:31:40]198.51.100.2:500 (Initiator) <-> 203.0.113.2:500 { b5683f91 580f05d7 - 3780e055 cd8cc990 [0] / 0x8a3c71e2 } QM; Connection got error = 14, calling callback",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "[Feb  1 10:31:34]198.51.100.2:500 (Responder) <-> 203.0.113.2:500 { b5683f91 580f05d7 - 3780e055 cd8cc990 [-1] / 0x00000000 } IP; Connection got error = 24, calling callback",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "[Feb  1 10:31:40]198.51.100.2:500 (Initiator) <-> 203.0.113.2:500 { b5683f91 580f05d7 - 3780e055 cd8cc990 [0] / 0x8a3c71e2 } QM; Connection got error = 18, calling callback",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  ["Phase 1 negotiation error: code 8197 (Timeout).", "PEER_UNREACHABLE", "1"],
  [
    "INM: MM Negotiation failed with result:SSH_IKE_NOTIFY_MESSAGE_AUTHENTICATION_FAILED Local Address: 192.0.2.4 Remote Address: 203.0.113.1",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // An ASA's crypto ACL denies the proxies the peer negotiated (302302), unlike its connection records.
  ["Mar 14 2025 09:20:18 asa-edge01 : %ASA-3-302302: ACL = deny; no sa created", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // Alibaba's log keywords, read by its troubleshooting table on its own gateway's lines.
  [
    "2024-03-20 10:14:22 vco-bp1k3x9q2m7w5z8n1c**** [PROTO_ERR]: isakmp_ident.c:1049:ident_r3recv(): packet lacks expected payload.",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "2024-03-20 10:14:25 vco-bp1k3x9q2m7w5z8n1c**** [PROTO_ERR]: isakmp_inf.c:148:isakmp_info_recv(): ignore information because ISAKMP-SA has not been established yet.",
    "PEER_UNREACHABLE",
    "1",
  ],
  // charon's IKEv1 HASH check under the ISAKMP SA, and the notify it answers with.
  ["Mar  2 10:19:20 gw charon[5222]: 09[IKE] <aws-t1|3> integrity check failed", "IKE_AUTH_FAILURE", "1"],
  [
    "Mar  2 10:19:20 gw charon[5222]: 09[ENC] <aws-t1|3> generating INFORMATIONAL_V1 request 1842093 [ HASH N(INVAL_HASH) ]",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // Azure's connection insight titles name the cause after "due to".
  ["VPN tunnel disconnected due to IPsec/IKE policy mismatch", "IKE_PROPOSAL_MISMATCH", "1"],
  ["VPN tunnel negotiation failed due to IKE Diffie-Hellman group mismatch", "IKE_PROPOSAL_MISMATCH", "1"],
  ["VPN tunnel disconnected due to simultaneous rekeying", "REKEY_FAILURE", "1"],
  // A refused CREATE_CHILD_SA in Libreswan's words.
  [
    "dropping unexpected ISAKMP_v2_CREATE_CHILD_SA message containing v2N_TEMPORARY_FAILURE notification; message payloads: SK; encrypted payloads: N; missing payloads: SA,Ni,TSi,TSr",
    "REKEY_FAILURE",
    "2",
  ],
  // Main mode is established only in STATE_MAIN_I4 and STATE_MAIN_R3: a retransmission before is not DPD.
  ['pluto[812]: "aws-t1" #1: STATE_MAIN_I3: retransmission; will wait 1 seconds for response', "PEER_UNREACHABLE", "1"],
  ['pluto[812]: "aws-t1" #1: STATE_MAIN_R3: retransmission; will wait 0.5 seconds for response', "DPD_TIMEOUT", "1"],
  // Chinese consoles: a BGP neighbour whose state is Idle, a failed health check; IOS IKEv2 selectors refused.
  ["BGP邻居169.254.10.1状态为Active", "BGP_SESSION_DOWN", null],
  ["健康检查失败，隧道已切换到备用链路", "TUNNEL_DOWN_OTHER", null],
  ["IKEv2:(SESSION ID = 3,SA ID = 1):Traffic selectors not acceptable", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // PAN-OS ikemgr's negotiation outcomes; racoon refusing every proposal.
  [
    "2025-06-02 10:00:00.100 +0000  [PNTF]: { 2: }: ====> PHASE-2 NEGOTIATION SUCCEEDED AS RESPONDER, QUICK MODE <====",
    "TUNNEL_UP",
    "2",
  ],
  [
    "2025-06-02 10:00:00.100 +0000  [PNTF]: { 2: }: ====> IKEv2 IKE SA NEGOTIATION SUCCEEDED AS RESPONDER, non-rekey; gateway gw-aws <====",
    "TUNNEL_UP",
    "1",
  ],
  [
    "2025-06-02 10:00:00.100 +0000  [PNTF]: { 2: }: ====> IKEv2 CHILD SA NEGOTIATION FAILED AS RESPONDER, rekey; tunnel tun-aws <====",
    "REKEY_FAILURE",
    "2",
  ],
  [
    "racoon: ERROR: none of the proposals matched, the peer sent ESP/AES_CBC/HMAC_SHA256",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  // FortiGate debug: no gateway for the request, a peer that does not answer.
  ["ike 0:to-aws-2:88: could not locate phase1 configuration.", "IKE_AUTH_FAILURE", "1"],
  ["ike 0:to-aws-2:88: peer is not responding", "PEER_UNREACHABLE", "1"],
  // IOS without a pre-shared key for the peer.
  ["*Jun  2 10:00:00.001: ISAKMP:(0):No pre-shared key with 52.1.2.3!", "IKE_AUTH_FAILURE", "1"],
  // A NOTIFICATION written with the word 'message' before its code.
  [
    "AWS-side peer received a NOTIFICATION message 6/2 (Cease/Administrative Shutdown) from neighbor 169.254.10.1",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "AWS-side peer sent a NOTIFICATION message 6/7 (Cease/Connection Collision Resolution) to neighbor 169.254.10.1",
    "INFO",
    null,
  ],
  // IKEv1 notifies under the ISAKMP SA (a non-zero message id) answer quick mode; a returned subnet that does not match.
  [
    'pluto[812]: "aws-t1" #2: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=3c4d5e6f, length=12',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    'pluto[812]: "aws-t1" #1: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=12',
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  // A notify of 16 bytes carries a 4-byte SPI, an ESP or AH SA's: quick mode, whatever the message id.
  [
    'pluto[26867]: "Link1" #1: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=16',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    'pluto[26867]: "Link1" #1: ignoring informational payload INVALID_ID_INFORMATION, msgid=00000000, length=16',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  // charon's CHILD_SA task writes "no acceptable proposal found"; its IKE_SA_INIT "received proposals unacceptable".
  ["charon[2440]: 01[IKE] <PEER|5> no acceptable proposal found", "IPSEC_PROPOSAL_MISMATCH", "2"],
  ["charon[2440]: 01[IKE] <5> received proposals unacceptable", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    'pluto[812]: "aws-t1" #2: our client subnet returned doesn\'t match my proposal - us:10.0.0.0/16 vs them:10.0.0.0/24',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  // racoon's returned phase 2 ID that does not match, with or without the ID's side named.
  ["racoon: ERROR: mismatched ID was returned.", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // RouterOS without a policy for the proposed networks; SonicWall's phase 1 identity and method refusals.
  [
    "10:00:00 ipsec,error can't find matching policy for 192.168.88.0/24 <=> 10.20.0.0/16",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    'id=firewall sn=00CD34 time="2025-06-02 10:00:00" fw=198.51.100.1 pri=3 c=4 m=279 msg="IKE Responder: No matching phase 1 ID found for proposed remote network" n=3 src=52.1.2.3:500 dst=198.51.100.1:500',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    'id=firewall sn=00CD34 time="2025-06-02 10:00:00" fw=198.51.100.1 pri=3 c=4 m=1007 msg="IKE Responder: Phase 1 Authentication Method does not match" n=3 src=52.1.2.3:500 dst=198.51.100.1:500',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // A CHILD_SA deleted straight from INSTALLED (not replaced by a rekey) goes down.
  ["charon: 11[CHD] CHILD_SA aws-2{9} state change: INSTALLED => DELETING", "TUNNEL_DOWN_OTHER", "2"],
  ["charon: 11[CHD] CHILD_SA aws-2{9} state change: REKEYED => DELETING", "INFO", "2"],
  // Junos iked traces: selectors no SPD entry accepts, a key the peer cannot decrypt with, an unanswered DPD.
  [
    "[Jun  2 10:00:00]ikev2_fb_spd_select_qm_sa_cb: Responder side: Traffic selectors did not match any SPD entry",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  ["[Jun  2 10:00:00]ssh_ikev2_ts_narrow: No narrowing possible", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["[Jun  2 10:00:00]ike_decode_packet: Decryption failed, probably wrong pre-shared key", "IKE_AUTH_FAILURE", "1"],
  ["[Jun  2 10:00:00]iked_pm_dpd_request_timeout: DPD request timeout for p1 sa 77", "DPD_TIMEOUT", "1"],
  // PAN-OS's phase-1 SA deleted, as its IKEv2 SA deleted already was.
  [
    "IKE phase-1 SA is deleted SA: 198.51.100.10[500]-52.1.2.3[500] cookie:0a0b0c0d0e0f1011:1213141516171819.",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  // ASA IKEv2: an SA down for a DPD timeout however capitalised; a tunnel group without a key or trustpoint.
  [
    "%ASA-5-750007: Local:198.51.100.10:500 Remote:52.1.2.3:500 Username:52.1.2.3 IKEv2 SA DOWN. Reason: DPD Timeout",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "%ASA-3-751002: Local:198.51.100.10:500 Remote:52.1.2.3:500 Username:52.1.2.3 No preshared key or trustpoint configured for self in tunnel group 52.1.2.3",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // The same message capitalised otherwise (another release or vendor) is read when nothing matched as written;
  // a status word's case carries meaning, and a match as written always decides first.
  ["charon: 07[IKE] Giving Up After 5 Retransmits", "PEER_UNREACHABLE", "1"],
  ["charon: 07[IKE] Received AUTHENTICATION_FAILED Notify Error", "IKE_AUTH_FAILURE", "1"],
  ["kmd[1520]: IKE NEGOTIATION FAILED WITH ERROR: NO PROPOSAL CHOSEN. IKE Version: 2", "IKE_PROPOSAL_MISMATCH", "1"],
  ["Traffic Selectors Unacceptable", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  [
    "mib2d[2424]: SNMP_TRAP_LINK_UP: ifIndex 502, ifAdminStatus up(1), ifOperStatus up(1), ifName ge-0/0/1",
    "UNKNOWN",
    null,
  ],
  [
    "msg=\"AUT24604: SSL negotiation failed while client at source IP '198.51.100.7' was trying to connect\"",
    "UNKNOWN",
    null,
  ],
  // A reason code read in another capitalisation still finds its fault.
  ["Flow or peer mismatch", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  [
    "IPSec tunnel negotiation fails. (Ifindex=3, SeqNum=1, Reason=Max transmit reached, ReasonCode=53, PeerAddress=198.51.100.9)",
    "PEER_UNREACHABLE",
    "1",
  ],
  // IOS IKEv2 aborts name their error the ASA's way; an abort it redoes is routine; no key pair for certificates.
  [
    "*Jun  2 10:00:00.001: %IKEV2-3-NEG_ABORT: Negotiation aborted due to ERROR: Create child exchange failed",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "%ASA-4-750003: Local:198.51.100.1:500 Remote:52.1.2.3:500 Username:52.1.2.3 IKEv2 Negotiation aborted due to ERROR: The peer's KE payload contained the wrong DH group",
    "INFO",
    null,
  ],
  ["*Jun  2 10:00:00.001: %CRYPTO-3-IKMP_QUERY_KEY: Querying key pair failed.", "IKE_AUTH_FAILURE", "1"],
  // Cisco IKEv2 platform: the IPsec SA not installed, the session gone, no phase 1 credentials.
  [
    "IKEv2-ERROR:(SESSION ID = 41,SA ID = 2):: Creation/Installation of IPsec SA into IPsec DB failed",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  ["IKEv2-PLAT-2: (7): IKEv2 session deregistered from session manager. Reason: 4", "TUNNEL_DOWN_OTHER", "1"],
  ["IKEv2-PLAT-1: Failed to set P1 auth to build policy", "IKE_AUTH_FAILURE", "1"],
  // PAN-OS BFD protecting a BGP peer: the BGP session goes with it; BFD for a static route does not.
  [
    "BFD neighbor signaled session down for BFD session 4 to neighbor 192.0.2.13 on interface tunnel.12. Protocol: BGP",
    "BGP_SESSION_DOWN",
    null,
  ],
  // IOS-XE IKEv2 and FlexVPN: the session's identities up, a child's delete, a session closed,
  // the virtual-access interface a tunnel is cloned on.
  [
    "*Apr  4 00:17:00.436: SA ID:1 SESSION ID:2 Remote: 198.51.100.2/500 Local: 192.0.2.1/500  Session with IKE ID PAIR(198.51.100.2 , 192.0.2.1) is UP",
    "TUNNEL_UP",
    "1",
  ],
  [
    "*Apr  4 00:17:00.600: SA ID:1 SESSION ID:2 Remote: 198.51.100.2/500 Local: 192.0.2.1/500  Processing DELETE INFO message for IPsec SA [SPI: 0x335DA6C6]",
    "INFO",
    "2",
  ],
  [
    "*Mar  3 10:00:22.343: %LINEPROTO-5-UPDOWN: Line protocol on Interface Virtual-Access2, changed state to down",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // IOS debug after a clock mark: the tag names the SA ("ISAKMP: (1001):").
  ["*Oct 25 18:53:16.538: ISAKMP: (1001):SA has been authenticated with 203.0.113.1", "TUNNEL_UP", "1"],
  // The SA a delete or a stale message concerns, by the words the line uses for it: an IPsec
  // SA's delete that names no cause is routine (every rekey deletes the SA it replaces).
  [
    "%ASA-7-715009: Group = 198.51.100.7, IP = 198.51.100.7, IKE Deleting SA: Remote Proxy 10.20.0.0, Local Proxy 10.10.0.0",
    "INFO",
    "2",
  ],
  ['pluto[1234]: "site-b"[1] 198.51.100.7 #4: received Delete SA payload via #3', "INFO", "2"],
  ["ike V=root:0:site-b:1234: processing delete request (proto 1)", "TUNNEL_DOWN_OTHER", "1"],
  [
    "pluto[2375]: packet from 198.51.100.7:4500: Informational Exchange is for an unknown (expired?) SA with MSGID:0x3c57aad4",
    "REKEY_FAILURE",
    "1",
  ],
  // Junos `show security ike/ipsec security-associations detail` tunnel events.
  ["Tue Jan 30 2018 10:59:18: IKE SA negotiation successfully completed (4 times)", "TUNNEL_UP", "1"],
  ["Tue Jan 30 2018 10:59:18: IPSec SA negotiation successfully completed (2 times)", "TUNNEL_UP", "2"],
  [
    "Mon Jan 29 2018 15:22:43: IPSec SA delete payload received from peer, corresponding IPSec SAs cleared (1 times)",
    "INFO",
    "2",
  ],
  // The IKE SA's delete is a teardown; so is any delete Junos gives as the reason it reports a VPN down.
  [
    "srx kmd[2113]: IKE SA delete payload received from peer, corresponding IPSec SAs cleared",
    "TUNNEL_DOWN_OTHER",
    "1",
  ],
  [
    "srx kmd[2113]: KMD_VPN_DOWN_ALARM_USER: VPN vpn-aws-t2 from 203.0.113.17 is down. Local-ip: 198.51.100.10, gateway name: gw-aws-t2, vpn name: vpn-aws-t2, tunnel-id: 131074, SA Type: Static, Reason: IPSec SA delete payload received from peer, corresponding IPSec SAs cleared",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  ["[Jan 20 12:58:41]IKEv2 packet S(<none>:500 -> 192.0.2.7:500): mID=0 (retransmit count=5)", "PEER_UNREACHABLE", "1"],
  ["IKEv2-PLAT-2: Peer ID check: failed to retreive IP from SAN", "IKE_AUTH_FAILURE", "1"],
  [
    "ike_pfkey.c:163:log_rcpfk_error(): 0:? - ?:0x0:sadb_poll: error at the kernel on UPDATE, No such file or directory",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  // FortiGate's IKE daemon told of an ESP packet whose SPI it does not hold.
  ["ike V=root:0: unknown SPI 0a1b2c3d 3 198.51.100.4:4500->203.0.113.9", "REKEY_FAILURE", "2"],
  // strongSwan's IKEv1 INVALID_SYNTAX, and an XAuth secret it does not have.
  ["charon: 11[IKE] received INVALID_SYNTAX error notify", "TUNNEL_DOWN_OTHER", null],
  ["charon: 11[IKE] no XAuth secret found for 'branch' - 'hq'", "IKE_AUTH_FAILURE", "1"],
  // Libreswan refusing to replace an SA that a newer one already replaced: a rekey race.
  [
    'pluto[812]: "aws-t1" #9: EXPECTATION FAILED: not replacing stale IKE SA #7; as already got a newer #12 (in v2_event_sa_rekey() at ikev2_parent.c:6373)',
    "REKEY_FAILURE",
    "1",
  ],
  // Junos rpd BGP traces: the session's I/O failing or the peer closed while Established.
  [
    "bgp_io_mgmt_cb: peer 169.254.10.1 (External AS 64512): USER_IND_ERROR event for I/O session Connection reset by peer - closing it",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  3 10:00:00.120315 bgp_peer_close_and_restart: closing peer 169.254.10.1 (External AS 64512), state is 7 (Established) event HoldTime",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "Mar  3 10:00:00.120315 bgp_read_v4_message: done with 169.254.10.1 (External AS 64512) received 19 octets 0 updates 0 routes",
    "INFO",
    null,
  ],
  // An "IKE Security Association" written out is the IKE SA: phase 1.
  ["IKE Security Association deleted during IKE re-key", "REKEY_FAILURE", "1"],
  // OpenIKED names the IKE SA a line concerns by its 64-bit SPI; a child SA named decides instead.
  ["Mar 20 10:03:52 gw iked[4242]: spi=0x1a2b3c4d5e6f7081: sa_free: rekey timeout", "REKEY_FAILURE", "1"],
  // z/OS IKE's proposal, selector and certificate refusals; WatchGuard's blocked CRL check.
  [
    "EZD0946I Protocol mismatch : IpDataOffer ( 1 ) requires ( ESP ) but proposal ( 1 ) includes ( AH )",
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  [
    "EZD1755I Transform ENCR local attribute KEY_LENGTH value 256 in local proposal 1 does not match remote attribute KEY_LENGTH value 128 in remote proposal 1",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    "EZD1795I A matching IpFilterRule with an IpDynVpnAction was not found for protecting TCP traffic between 10.1.1.1 ipv4 10.1.1.0/24 and 10.2.2.2 ipv4 10.2.2.0/24",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  [
    "EZD1914I Remote security endpoint at 192.0.2.7 port 500 sent a signing certificate with encoding 4 that is not allowed",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["iked: CRL verification request blocked", "IKE_AUTH_FAILURE", "1"],
  // An `ipsec status` row that schedules the SA's expiry shows the SA established, not expiring; a
  // connection named "xauth-psk" names no XAUTH exchange.
  [
    '000 #2: "xauth-psk"[2] 182.239.88.6:31232 STATE_QUICK_R2 (IPsec SA established); EVENT_SA_EXPIRE in 28590s; newest IPSEC; eroute owner; isakmp#1; idle;',
    "TUNNEL_UP",
    "2",
  ],
  // FortiGate's BGP socket failing is the BGP session's transport, not an unreachable IKE peer.
  ["BGP: 10.10.10.11-Outgoing [NETWORK] FD=26, Sock Status: 113-No route to host", "BGP_SESSION_DOWN", null],
  // GoBGP's text log: a peer event is a BGP line, routine unless it says the peer went down.
  [
    'time="2019-05-06T00:48:21Z" level=info msg="skipped asn negotiation: peer-as: 64512, peer-type: internal" Key=192.168.20.206 State=BGP_FSM_OPENSENT Topic=Peer',
    "INFO",
    null,
  ],
  [
    'time=2026-01-11T11:01:24.232Z level=DEBUG msg="outgoing connection established" Topic=Peer Key=192.168.1.3',
    "INFO",
    null,
  ],
  // FRR's log file with the priority recorded before the daemon's name.
  [
    "2023/04/04 07:02:11 informational: BGP: [M59KS-A3ZXZ] %ADJCHANGE: neighbor 169.254.21.1(Unknown) in vrf default Down BGP Notification received",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "2023/04/04 07:02:11 debugging: BGP: [MZNH7-XJV7F] evaluate_paths: Updating peer (2.3.4.6(VRF 9)) status with NHT nexthops 0",
    "INFO",
    null,
  ],
  // ScreenOS's proxy-ID refusal, with or without "received".
  ["No Policy Exists for the proxy id", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // strongSwan's EAP methods failing (the client's password or identity).
  ["charon: 12[IKE] EAP-MS-CHAPv2 failed with error ERROR_AUTHENTICATION_FAILURE: '(null)'", "IKE_AUTH_FAILURE", "1"],
  // No config for the peer allows its authentication method in Main Mode; in Aggressive Mode the mode differs.
  [
    "charon: 15[IKE] <70> found 1 matching config, but none allows pre-shared key authentication using Main Mode",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  [
    "charon: 09[IKE] <3> found 1 matching config, but none allows pre-shared key authentication using Aggressive Mode",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  ...(
    [
      ["0203-0004", "IKE phase-1", "Reason=Received DH group 2, expecting 14", "IKE_PROPOSAL_MISMATCH", "1"],
      [
        "0205-0007",
        "IKE phase-2",
        "Reason=Received ESP authentication MD5-HMAC, expecting SHA1-HMAC",
        "IPSEC_PROPOSAL_MISMATCH",
        "2",
      ],
      [
        "0205-000D",
        "IKE phase-2",
        "Reason=Received proposal with PFS. PFS not enabled.",
        "IPSEC_PROPOSAL_MISMATCH",
        "2",
      ],
      ["0203-0015", "IKE phase-1", "Reason=Message retry timeout. Check the connection", "PEER_UNREACHABLE", "1"],
      ["0205-000C", "IKE phase-2", "Reason=Message retry timeout because phase-1 SA expired", "REKEY_FAILURE", "2"],
      ["0203-0010", "IKE phase-1", "Reason=Main mode matching policy not found", "IKE_AUTH_FAILURE", "1"],
      ["021A-0008", "IKEv2 IKE_SA_INIT", "Reason=gateway endpoint is disabled.", "TUNNEL_DOWN_OTHER", "1"],
    ] as const
  ).map(
    ([id, exchange, reason, code, phase]) =>
      [
        `<142>May 10 15:19:05 Firebox FVE6035FD3AE3 (2024-05-10T09:49:05) firewall[10]: msg_id="${id}" ${exchange} ${exchange.startsWith("IKE phase") ? "negotiation" : "exchange"} from 192.0.2.2:500 to 192.0.2.1:500 failed. ${reason}`,
        code,
        phase,
      ] as [string, LogFaultCode, "1" | "2" | null],
  ),
  // An SD-WAN orchestrator's IKE timeout is an unanswered exchange; its tunnel events say up and down.
  [
    "Tunnel to [AWS-FRA] - Failed to negotiate child SA IKEv2_I with 52.1.2.3. Error: ERR_IKE_TIMEOUT",
    "PEER_UNREACHABLE",
    "2",
  ],
  ["IPsec tunnel up for edge [BRANCH-7] for provider: [AWS-TGW]", "TUNNEL_UP", "2"],
  [
    '<11>1 2026-12-04T10:00:00.000Z 10.0.0.9 alarm - - - ION_HOST="branch-7" STATUS="Not clear" CODE="NETWORK_VPNLINK_DOWN" Severity="major"',
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  ["Peer sent a delete", "TUNNEL_DOWN_OTHER", null],
  // A NOTIFICATION as Huawei's message catalogue writes it, its codes left as placeholders; Libreswan
  // dropping an IKE_AUTH request that carries no AUTH payload (the peer wants EAP); the Shrew Soft
  // client's negotiation timeout, in its spelling; Aruba's quick mode identities not matching.
  [
    "BGP/6/RECV_NOTIFY:The router received NOTIFICATION message from peer [neighbor-address]. (ErrorCode=[ULONG], SubErrorCode=[ULONG], BgpAddressFamily=[STRING], ErrorData=[STRING])",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    'Dec  4 10:00:00 vpn pluto[912]: "ikev2-cp"[3] 198.51.100.7 #5: dropping unexpected IKE_AUTH message containing INITIAL_CONTACT notification; message payloads: SK; encrypted payloads: IDi,N,IDr,CP,SA,TSi,TSr; missing payloads: AUTH',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["negotiation timout occurred", "PEER_UNREACHABLE", "1"],
  [
    "isakmpd[3470]: <103035> <3470> <INFO> <name 10.0.0.8> Initiator IKE Phase 2 Identity doesn't match for ipsec-map aws-tun1",
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  // pluto giving up on an initiation (its reason is on the lines before); Arista idling a peer over
  // its route limit; JUNOSe's NOTIFICATION in words (not the loser of a connection collision);
  // watchfrr finding bgpd gone.
  ['Apr 14 17:06:40 gw pluto[30497]: "aws-tun1": failed to initiate connection', "TUNNEL_DOWN_OTHER", null],
  [
    "%BGP-5-AFI_SAFI_MAX_ROUTES_LIMIT: Peer 169.254.10.1 (VRF default AS 64512) has exceeded its configured maximum total number of routes (100) of address family IPv4 Unicast; Put into idle state forever",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "WARNING 12/04/2026 10:00:00 bgpMessages (default,169.254.10.1): Send NOTIFICATION message to peer 169.254.10.1 in core error-code = 4 (hold timer expired), error-subcode = 0",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "WARNING 12/04/2026 10:00:00 bgpMessages (default,169.254.10.1): Send NOTIFICATION message to peer 169.254.10.1 in core error-code = 6 (cease), error-subcode = 7 (connection collision resolution)",
    "UNKNOWN",
    null,
  ],
  ["Dec  4 10:00:00 gw watchfrr[1853]: bgpd state -> down : read returned EOF", "BGP_SESSION_DOWN", null],
  // A traffic selector that is an address range, not a subnet, cannot be accepted by Libreswan.
  [
    'Dec  4 10:00:00 west pluto[812]: "aws-tun1" #7: non-CIDR Traffic Selector range 10.1.0.10-10.1.0.99 is not supported (address range is not a subnet)',
    "TRAFFIC_SELECTOR_MISMATCH",
    "2",
  ],
  // Older IOS writes "atts not acceptable"; pluto's garbled ID or hash payload is the pre-shared key.
  ["ISAKMP (0:1): atts not acceptable. Next payload is 3", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    'Dec  4 10:00:00 gw pluto[2288]: "l2tp-psk"[1] 52.1.2.3 #3: length of ISAKMP Hash Payload is larger than can fit',
    "IKE_AUTH_FAILURE",
    "1",
  ],
  // ZebOS (EdgeOS) BGP's socket callback failing is the session's transport.
  [
    "Dec  4 10:00:00 er-4 BGP[3612]:  BGP-3: [SOCK CB] sock_getpeer() failed (107:Transport endpoint is not connected), FD(12)",
    "BGP_SESSION_DOWN",
    null,
  ],
  // FRR 8 and later name the VRF before the neighbour.
  ["bgpd[812]: %ADJCHANGE: vrf blue neighbor 169.254.10.1 Down BGP Notification send", "BGP_SESSION_DOWN", null],
  ["bgpd[812]: %ADJCHANGE: vrf blue neighbor 169.254.10.1 Up", "TUNNEL_UP", null],
  [
    "bgpd[812]: %NOTIFICATION: vrf blue received from neighbor 169.254.10.1 4/0 (Hold Timer Expired) 0 bytes",
    "BGP_SESSION_DOWN",
    null,
  ],
  // A refused transform does not match the local proposals, in phase 1 (Oakley) or phase 2 (ESP).
  ["Oakley Transform [AES_GCM_16 (256), HMAC_SHA2_512, DH21] refused", "IKE_PROPOSAL_MISMATCH", "1"],
  [
    '"aws-t1" #1: Pluto does not support OAKLEY_ECDSA_P384 authentication.  Attribute OAKLEY_AUTHENTICATION_METHOD',
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  [
    '"site-b" #4: ESP IPsec Transform [ESP_3DES (192), AUTH_ALGORITHM_HMAC_MD5] refused',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  // A tunnel disconnected is down; Zyxel names the phase 2 SA by its SPI. An SSL VPN's is not a tunnel line.
  ["Tunnel [AWS_T1:AWS_GW1:0xc5bbc159] is disconnected", "TUNNEL_DOWN_OTHER", "2"],
  ["Dec  4 10:00:00 gw vpnd: VPN tunnel to-aws-1 disconnected", "TUNNEL_DOWN_OTHER", null],
  ["SSL VPN tunnel disconnected", "UNKNOWN", null],
  ["pppd: IPSec connection failed", "TUNNEL_DOWN_OTHER", null],
  // An exchange that failed on its retry timer got no answer.
  ["ike 0:aws-t1:12: quick-mode negotiation failed due to retry timeout", "PEER_UNREACHABLE", "2"],
  // FortiGate sending an IPsec SA's delete, as receiving one: routine without a cause.
  ["ike 0:aws-t1:79: send IPsec SA delete, spi c21221f8", "INFO", "2"],
  // RouterOS's BGP and IPsec topics are the tunnel's, with topics after the level too; PPPoE's are not.
  ["12:41:40 route,bgp,debug,timer KeepaliveTimer expired", "INFO", null],
  ["10:00:00 pppoe,ppp,debug,packet pppoe-out1: terminating... - peer is not responding", "UNKNOWN", null],
  // Cisco IOS names the protocol of the SA a notify concerns: ISAKMP (1) or ESP (3).
  ["ISAKMP:(1001): processing NOTIFY INVALID_ID_INFO protocol 1", "IKE_AUTH_FAILURE", "1"],
  ["ISAKMP:(1001): processing NOTIFY INVALID_ID_INFO protocol 3", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // Check Point writes the peer's notify out in words.
  ["Received notification from peer: Authentication failed", "IKE_AUTH_FAILURE", "1"],
  // D-Link's BGP says a connection closed "normally" when the session ends.
  ["INFO(6) [BGP(2):] BGP connection is normally closed (Peer:<10.110.0.110>).", "BGP_SESSION_DOWN", null],
  // IOS-XE's DMVPN event trace (show monitor event-trace dmvpn) says an NHRP peer went down or came up.
  [
    "*Aug 15 13:59:48.248: NHRP-NHP-DOWN tunnel: Tu1 NHP down nbma_src: 2.2.2.1 vpn_src: 192.168.10.2 nbma_dest: 3.3.3.1 vpn_dest: 192.168.10.3 vrf: global(0x0) reason: NHRP - Hold time expiry",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  [
    "*Jun 22 06:39:28.270: NHRP-NHS-UP tunnel: Tu1 NHS up nbma_src: 3.3.3.1 vpn_src: 192.168.10.3 nbma_dest: 1.1.1.1 vpn_dest: 192.168.10.1 vrf: global(0x0)",
    "TUNNEL_UP",
    null,
  ],
  // A connection's name is not read for the phase ("ipcomp" in it is no IPComp SA).
  [
    "\"westnet-eastnet-ipcomp\" #1: initiator established IKE SA; authenticated peer using preloaded certificate '@east' and 2048-bit RSASSA-PSS with SHA2_512 digital signature",
    "TUNNEL_UP",
    "1",
  ],
  // Libreswan's IKE_AUTH rejection names the peer's notify: only AUTHENTICATION_FAILED is the authentication's.
  ['"aws-t1" #3: IKE SA authentication request rejected by peer: TS_UNACCEPTABLE', "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // GoBGP's neighbour monitor reports the state a session moved to.
  ["[NEIGH] 192.168.10.2 fsm: BGP_FSM_IDLE admin: down", "BGP_SESSION_DOWN", null],
  ["[NEIGH] 192.168.10.2 fsm: BGP_FSM_ESTABLISHED admin: up", "TUNNEL_UP", null],
  // charon's packet log is a tunnel line by its wording alone; IOS-XE's event trace names a delete.
  ["received packet: from 192.0.2.1[4500] to 198.51.100.2[4500] (80 bytes)", "INFO", null],
  [
    "*Apr  4 00:16:59.484: SA ID:2 SESSION ID:1 Remote: 30.1.1.2/500 Local: 30.1.1.1/500  (I) IKEv2 INFORMATIONAL Exchange Contains: DELETE",
    "TUNNEL_DOWN_OTHER",
    null,
  ],
  // Libreswan's certificate and identity checks, and its own key missing, fail the authentication.
  ['002 "san" #1: X509: CERT payload does not match connection ID', "IKE_AUTH_FAILURE", "1"],
  ['003 "san" #1: certificate does not contain subjectAltName=NOTeast.example.org', "IKE_AUTH_FAILURE", "1"],
  [
    "003 \"san\" #1: ID_DER_ASN1_DN 'CN=east.example.org, O=Example' does not match expected 'CN=NOTeast.example.org, O=Example'",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ['003 "road-east-2" #1: Failed to find our RSA key', "IKE_AUTH_FAILURE", "1"],
  // In state PARENT_I2 (IKE_AUTH sent) a NO_PROPOSAL_CHOSEN answers the Child SA's proposals.
  ['214 "aws-t1" #2: STATE_PARENT_I2: v2N_NO_PROPOSAL_CHOSEN', "IPSEC_PROPOSAL_MISMATCH", "2"],
  // A Child SA rekey's state transition failing; IKE over TCP refused by the peer.
  [
    'Apr  5 06:44:36.910213: "west/55x0" #458: state transition function for STATE_V2_REKEY_CHILD_I0 had internal error',
    "REKEY_FAILURE",
    "2",
  ],
  [
    'ERROR: "tcp": TCP: socket 12: connecting to 192.1.2.23:4500: Connection refused (errno 111)',
    "PEER_UNREACHABLE",
    "1",
  ],
  // Older Libreswan: a CREATE_CHILD_SA with a PFS key exchange refused, a pending Child SA that
  // waited too long, a CREATE_CHILD_SA retransmitted, a connection's SAs deleted on request.
  [
    '"aws-t1" #1: rejecting create child SA from 192.0.2.45:4500 -- new KE in DH for PFS is not yet supported',
    "IPSEC_PROPOSAL_MISMATCH",
    "2",
  ],
  ['pending IPsec SA negotiation with 192.0.2.23 "aws-t1" took too long -- replacing phase 1', "PEER_UNREACHABLE", "2"],
  [
    '010 "aws-t1" #3: STATE_V2_NEW_CHILD_I1: retransmission; will wait 0.5 seconds for response',
    "PEER_UNREACHABLE",
    "2",
  ],
  ['"aws-t1": initiating delete of connection\'s IPsec SA #2 and ISAKMP SA #1', "TUNNEL_DOWN_OTHER", "2"],
  // strongSwan's updown script runs for each CHILD_SA.
  ["Dec  4 10:00:00 gw charon: 05[UPDOWN] received up-client event for reqid 2", "TUNNEL_UP", "2"],
  // An IKE SA closed on request is the tunnel down, as a closed CHILD_SA is; a certificate's key
  // missing from the NSS database leaves nothing to sign with.
  ["IKE_SA [7] closed successfully", "TUNNEL_DOWN_OTHER", "1"],
  ['"aws-t2" #4: Can\'t find the private key from the NSS CERT (err -8025)', "IKE_AUTH_FAILURE", "1"],
  // Arista: BFD declaring a BGP peer's path down takes the session down.
  [
    "Dec  4 10:02:11 spine1 Rib: %BGP-BFD-STATE-CHANGE: peer 169.254.21.1 (AS 64512) Up to Down",
    "BGP_SESSION_DOWN",
    null,
  ],
  // H3C IKE: no IKE profile for the peer; an SA payload whose transforms it cannot accept; a DH
  // group it does not support.
  ["*Dec  4 10:03:01:101 2026 HQ-FW IKE/7/ERROR: -MDC=1; No profile is matched.", "IKE_AUTH_FAILURE", "1"],
  [
    "*Dec  4 10:03:01:102 2026 HQ-FW IKE/7/ERROR: -MDC=1; Failed to parse the IKE SA payload.",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  ["*Dec  4 10:03:01:103 2026 HQ-FW IKE/7/ERROR: -MDC=1; Unsupported DH group: 14", "IKE_PROPOSAL_MISMATCH", "1"],
  // Cisco ASA/FTD: an IKE attribute the peer would not negotiate.
  [
    "%ASA-3-713065: IKE Remote Peer did not negotiate the following: Diffie-Hellman group",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  // Windows: an IKE error's text alone, as a client or a code table writes it, when it names the
  // tunnel's parts; event 4979 (main and extended mode up).
  ["Main mode SA assumed to be invalid because peer stopped responding.", "DPD_TIMEOUT", "1"],
  [
    "IKE failed to find valid machine certificate. Contact your Network Security Administrator about installing a valid certificate in the appropriate Certificate Store.",
    "IKE_AUTH_FAILURE",
    "1",
  ],
  ["Packet was received on an IPsec SA whose lifetime has expired", "REKEY_FAILURE", "2"],
  ["IPsec Main Mode and Extended Mode security associations were established.", "TUNNEL_UP", "1"],
  // FortiGate sending NO_PROPOSAL_CHOSEN (notify type 14) in a quick mode's informational; H3C
  // deleting an IPsec SA.
  ["ike 0:to-aws-2:41: info_send_n2, type 14, peer SPI 0c1d2e3f", "IPSEC_PROPOSAL_MISMATCH", "2"],
  [
    "*Dec  4 10:04:11:210 2026 HQ-FW IKE/7/EVENT: -MDC=1; Getting IPsec message timed out. Delete IPsec SA.",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  // Libreswan: a PFS key exchange of another group's size, or none; WatchGuard: a keep-alive the
  // peer does not acknowledge, a phase 1 completed; an authentication that failed for want of an
  // answer.
  ['"aws-t2" #6: KE has 128 byte DH public value; 256 required', "IPSEC_PROPOSAL_MISMATCH", "2"],
  [
    "Remote gateway 'aws-t1' with IP 52.1.2.3:500 did not send KEEP_ALIVE_ACK message. 1 retries left.",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "Remote gateway 'aws-t1' with IP 52.1.2.3:500 did not send DPD R_U_THERE_ACK message. 2 retries left",
    "DPD_TIMEOUT",
    "1",
  ],
  [
    "BOVPN phase-1 aggressive-mode completed successfully as responder for 'aws-t1' gateway endpoint.",
    "TUNNEL_UP",
    "1",
  ],
  ["MUVPN user authentication failed due to unresponsive peer at 198.51.100.7:4500", "PEER_UNREACHABLE", "1"],
  // Openswan's IKEv2 debugging: the peer's traffic selectors refused.
  ["| reject responder TSi/TSr Traffic Selector", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  ["| prefix range fit c aws-t1 c->name was rejected by Traffic Selectors", "TRAFFIC_SELECTOR_MISMATCH", "2"],
  // A child SA the peer refused for want of more SAs or of a virtual address: down, not a proposal.
  ["Mar  3 10:00:00 gw charon: 11[IKE] received NO_ADDITIONAL_SAS notify error", "TUNNEL_DOWN_OTHER", "2"],
  ['"aws-t1" #1: IKE SA authentication request rejected by peer: FAILED_CP_REQUIRED', "TUNNEL_DOWN_OTHER", "2"],
  // VyOS's `show vpn ipsec sa` rows: the child SA's state.
  [
    "peer_192-0-2-14_tunnel_0    up       1m55s     0B/0B           0/0               192.0.2.14        N/A          AES_GCM_16_256/MODP_2048",
    "TUNNEL_UP",
    "2",
  ],
  [
    "peer-192.0.2.1-tunnel-1    down     N/A       N/A             N/A               N/A               N/A          N/A",
    "TUNNEL_DOWN_OTHER",
    "2",
  ],
  // A connection collision's Cease 6/7 ends the losing connection only, with or without "Cease/".
  ["BGP: %BGP-3-NOTIFICATION: received from 192.168.1.2 6/7 (Connection collision resolution) 0 bytes", "INFO", null],
  // A BGP peer down written after a "BGP:" tag.
  ["BGP: Peer down", "BGP_SESSION_DOWN", null],
  // FortiGate's authentication daemon asking for a second factor has not refused the user.
  ["ike 0:SAML-IPSec-VPN:59436 EAP 1174100458 result FNBAM_CHALLENGED", "INFO", null],
  // Openswan refusing an IKE version its connection does not allow; deleting a child SA's rekey state.
  ["./h2hR1-noikev2 connection refused, IKEv2 not authorized", "IKE_PROPOSAL_MISMATCH", "1"],
  ["./rekey-no-reply-I1 deleting state #3 (STATE_CHILD_C1_REKEY)", "REKEY_FAILURE", "2"],
  // Pluto's counterpart of IOS's IKMP_NOT_ENCRYPTED: the peer could not encrypt (or decrypt) with the key.
  ['"aws-t1" #1: packet rejected: should have been encrypted', "IKE_AUTH_FAILURE", "1"],
  // A mail server's TLS certificate check is not an IKE peer's.
  [
    "Nov 11 00:00:16 gw smtpd[86532]: smtp-out: Server certificate verification failed on session 99fc1afc58067419",
    "UNKNOWN",
    null,
  ],
  // A status word alone decides only in a tunnel's log: a switch's interface status is not a tunnel's.
  [
    "<13>1 2019-02-21T16:46:14.931186+00:00 sw1 orchagent - - -  :- setHostIntfsOperStatus: Set operation status UP to host interface Ethernet28",
    "UNKNOWN",
    null,
  ],
  // One route refused in Cisco's BGP update debug is not the session down.
  [
    "*Sep 19 11:56:02.375: BGP(0): 3.3.3.3 rcv UPDATE about 5.5.5.5/32 -- DENIED due to: ORIGINATOR is us;",
    "INFO",
    null,
  ],
  // Pluto's updown script reporting a local routing command's error is not the peer unreachable.
  ['"aws-t1" #4: command "unroute" output: RTNETLINK answers: Network is unreachable', "INFO", null],
  // An idle timer started again because traffic crossed the tunnel is the opposite of an idle timeout.
  [
    "Feb 10 22:20:59 mac racoon[747] <Debug>: ike_session_monitor_idle: restart idle-timeout because peer sent data. monitoring dir 0.",
    "INFO",
    null,
  ],
  // Libreswan deleting a rekey exchange's state before it completed: the rekey failed.
  ['"aws-t1" #4: deleting state (STATE_V2_REKEY_CHILD_I1) and NOT sending notification', "REKEY_FAILURE", "2"],
  // Huawei's BGP session events: Established is up; a NOTIFICATION it sends ends the session
  // (except a connection collision's Cease 6/7), as does going over the peer's route limit.
  [
    "BGP/2/PEER_ESTABLISHED_NOTIFICATION: The BGP FSM enters the Established state. (BgpPeerRemoteAddr=169.254.10.1, BgpPeerLastError=0, BgpPeerState=6,VpnInstance=_public_)",
    "TUNNEL_UP",
    null,
  ],
  [
    "BGP/6/NOTIFY_SEND: Sent a NOTIFICATION to the peer. (Peer=169.254.10.1, SourceInterface=Tunnel0/0/1, ErrorCode=4, SubErrorCode=0,NotifyInfo=, VpnInstance=_public_, ErrorData=)",
    "BGP_SESSION_DOWN",
    null,
  ],
  [
    "BGP/6/NOTIFY_SEND: Sent a NOTIFICATION to the peer. (Peer=169.254.10.1, SourceInterface=Tunnel0/0/1, ErrorCode=6, SubErrorCode=7,NotifyInfo=, VpnInstance=_public_, ErrorData=)",
    "INFO",
    null,
  ],
  [
    "BGP/4/ROUTPRIX_EXCEED:Routes received from peer 169.254.10.1 including the number of prefix 101 exceeded the max number of prefix 100. (BgpAddressFamily=IPv4-UNC)",
    "BGP_SESSION_DOWN",
    null,
  ],
  ["In network-instance default, the BGP session with 169.254.10.1 was terminated.", "BGP_SESSION_DOWN", null],
  // racoon2 (Alibaba's gateway) cannot build its IKE_AUTH message without both identities.
  ["[INTERNAL_ERR]: ikev2.c:1656:initiator_state1_send(): failed to create IKE_AUTH message", "IKE_AUTH_FAILURE", "1"],
  // strongSwan names the key type it found no trusted key of: any type, not only RSA and ECDSA.
  ["charon: 16[IKE] no trusted ED25519 public key found for 'sun.strongswan.org'", "IKE_AUTH_FAILURE", "1"],
  // RasClient's other wording of a failed dial: the code decides as it does in "dialed a connection named".
  [
    "User SYSTEM has a dial up connection called AWS-T1, which has failed. The error code returned after failure is 809.",
    "PEER_UNREACHABLE",
    "1",
  ],
  [
    "User SYSTEM has a dial up connection called AWS-T1, which has failed. The error code returned after failure is 13868.",
    "IKE_PROPOSAL_MISMATCH",
    "1",
  ],
  // pluto's status row of an initiator still waiting for its first answer is the peer not
  // answering; the log line of the same state is progress.
  [
    '000 #1: "aws-tunnel-1":500 STATE_PARENT_I1 (sent v2I1, expected v2R1); EVENT_v2_RETRANSMIT in 4s; idle; import:admin initiate',
    "PEER_UNREACHABLE",
    "1",
  ],
  ['"aws-tunnel-1" #1: STATE_MAIN_I1: sent MI1, expecting MR1', "INFO", "1"],
  [
    '000 #4: "aws-tunnel-1":500 STATE_QUICK_I1 (sent QI1, expecting QR1); EVENT_RETRANSMIT in 7s; import:admin initiate',
    "INFO",
    "2",
  ],
  [
    '000 #2: "aws-tunnel-1":4500 STATE_V2_ESTABLISHED_CHILD_SA (established Child SA); REKEY in 2720s; newest; idle;',
    "TUNNEL_UP",
    "2",
  ],
  ["Feb 11 20:55:47 gw charon: 03[ENC] parsed IKE_SA_INIT response 0 [ N(INVAL_MAJOR) ]", "IKE_PROPOSAL_MISMATCH", "1"],
  ['"aws-tunnel-1" #3: deleting ISAKMP SA', "TUNNEL_DOWN_OTHER", "1"],
];

describe("classification by meaning", () => {
  it.each(meaningCases)("%s -> %s", (line, code, phase) => {
    const result = classifyLine(line);
    expect(result.code).toBe(code);
    expect(result.phase).toBe(phase);
    if (code !== "UNKNOWN")
      expect(result.evidence === null || line.includes(result.evidence.replace(/…$/, ""))).toBe(true);
  });

  it("says whose routine line it read", () => {
    expect(classifyLine("AWS tunnel processed request (id=12) for CREATE_CHILD_SA").reason).toBe(
      "an aws line that names no fault",
    );
    expect(classifyLine("Jun 12 14:03:00 gw charon: 06[IKE] sending keep alive to 203.0.113.9[4500]").reason).toBe(
      "a strongswan line that names no fault",
    );
  });

  it("knows charon's and pluto's own wording in a bare message", () => {
    for (const line of [
      "received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built",
      "authentication of 'vpn.example.com' (myself) with RSA signature failed",
      "<aws-tunnel-1|3> giving up after 5 retransmits",
      "selected proposal: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048",
      "received DPD vendor ID",
      "no IDi configured, fall back on IP address",
    ])
      expect(classifyLine(line).vendor, line).toBe("strongswan");
    for (const line of [
      '"westnet-northnet": added oriented IKEv2 connection',
      '002 added connection description "vpn.example.com"',
      "No IKEv2 connection found with compatible Traffic Selectors",
      "initial Aggressive Mode message from 192.0.2.7 but no (wildcard) connection has been configured with policy PSK+AGGRESSIVE+IKEV1_ALLOW",
      "Starting Pluto (Libreswan Version 4.12 XFRM(netkey) XFRMI esp-hw-offload FORK PTHREAD_SETSCHEDPRIO NSS) pid:412",
      "NAT-Traversal support  [enabled]",
      "Warning: ignored obsolete keyword 'nat_traversal'",
      'Dec  4 10:00:00 gw libipsecconf[2964]: conn: "aws-tun1" warning IKEv2 liveness uses retransmit-timeout=, dpdtimeout= ignored',
    ])
      expect(classifyLine(line).vendor, line).toBe("libreswan");
    // The same faults in another daemon's words name no vendor, and a quoted JSON member is not
    // a connection name.
    expect(classifyLine("no proposal chosen").vendor).toBe("unknown");
    expect(classifyLine('"StatusMessage": "IPSEC IS DOWN"').vendor).toBe("unknown");
    expect(classifyLine('"summary": "We are sorry, your VPN gateway is in standby mode",').vendor).toBe("unknown");
    expect(classifyLine("peer not responding").vendor).toBe("unknown");
  });

  it("reads OpenSSL's certificate verification errors as racoon and RouterOS write them, but not an unavailable CRL", () => {
    for (const line of [
      "Mar  3 10:00:00 gw racoon: ERROR: self signed certificate in certificate chain(19) at depth:1 SubjectName:/CN=ca",
      "oct/25 23:50:30 ipsec,error certificate has expired(10) at depth:0 cert:CN=vpn.example.com",
    ]) {
      expect(classifyLine(line), line).toMatchObject({
        code: "IKE_AUTH_FAILURE",
        phase: "1",
        rule: "auth.certificate",
      });
    }
    const crl =
      "Mar  3 10:00:00 gw racoon: WARNING: unable to get certificate CRL(3) at depth:0 SubjectName:/C=US/CN=gw";
    expect(classifyLine(crl).code).toBe("INFO");
  });

  it("reads a BGP session reaching Established as the tunnel up that also clears BGP_SESSION_DOWN", () => {
    expect(
      classifyLine(
        "AWS-side peer BGP session state has changed from OpenConfirm to Established with neighbor 169.254.10.1",
      ).clears,
    ).toEqual(["BGP_SESSION_DOWN"]);
    // A "BGP:" tag where syslog puts a program is read with the message (NetIron).
    expect(classifyLine("<13>May 19 03:57:43 rtr1 BGP: Peer 10.10.7.137 UP (ESTABLISHED)").clears).toEqual([
      "BGP_SESSION_DOWN",
    ]);
    expect(classifyLine("BGP session is up")).toMatchObject({
      code: "TUNNEL_UP",
      phase: null,
      clears: ["BGP_SESSION_DOWN"],
    });
  });
});

describe("AWS tunnel activity and BGP records (JSON as CloudWatch Logs delivers them)", () => {
  // CloudWatch alarms on a tunnel's TunnelState (raw, or as SNS delivers them): ALARM is the tunnel
  // down, OK back up; an alarm on its traffic says nothing of its state.
  it.each([
    [
      '{"Type":"Notification","MessageId":"7ad03e1d-58dc-4b46-934e-330f28b45c17","TopicArn":"arn:aws:sns:eu-central-1:123456789012:vpn-alerts","Subject":"ALARM: \\"vpn-fra-tun1-down\\" in EU (Frankfurt)","Message":"{\\"AlarmName\\": \\"vpn-fra-tun1-down\\", \\"NewStateValue\\": \\"ALARM\\", \\"OldStateValue\\": \\"OK\\", \\"NewStateReason\\": \\"Threshold Crossed: 3 out of the last 3 datapoints [0.0 (12/03/24 09:14:00)] were less than the threshold (1.0).\\", \\"StateChangeTime\\": \\"2024-03-12T09:17:05.412+0000\\", \\"Region\\": \\"EU (Frankfurt)\\", \\"Trigger\\": {\\"MetricName\\": \\"TunnelState\\", \\"Namespace\\": \\"AWS/VPN\\", \\"StatisticType\\": \\"Statistic\\", \\"Statistic\\": \\"MAXIMUM\\", \\"Dimensions\\": [{\\"value\\": \\"vpn-0a1b2c3d4e5f67890\\", \\"name\\": \\"VpnId\\"}, {\\"value\\": \\"3.121.8.190\\", \\"name\\": \\"TunnelIpAddress\\"}], \\"Period\\": 60, \\"EvaluationPeriods\\": 3, \\"ComparisonOperator\\": \\"LessThanThreshold\\", \\"Threshold\\": 1.0}}","Timestamp":"2024-03-12T09:17:05.455Z"}',
      "TUNNEL_DOWN_OTHER",
      "TunnelState ALARM",
    ],
    [
      '{"AlarmName":"vpn-fra-tun1-down","NewStateValue":"OK","OldStateValue":"ALARM","NewStateReason":"Threshold Crossed: 3 out of the last 3 datapoints [0.0 (12/03/24 09:14:00)] were less than the threshold (1.0).","StateChangeTime":"2024-03-12T09:17:05.412+0000","Region":"EU (Frankfurt)","Trigger":{"MetricName":"TunnelState","Namespace":"AWS/VPN","StatisticType":"Statistic","Statistic":"MAXIMUM","Dimensions":[{"value":"vpn-0a1b2c3d4e5f67890","name":"VpnId"},{"value":"3.121.8.190","name":"TunnelIpAddress"}],"Period":60,"EvaluationPeriods":3,"ComparisonOperator":"LessThanThreshold","Threshold":1.0}}',
      "TUNNEL_UP",
      "TunnelState OK",
    ],
    [
      '{"AlarmName":"vpn-fra-tun1-down","NewStateValue":"ALARM","OldStateValue":"OK","NewStateReason":"Threshold Crossed: 3 out of the last 3 datapoints [0.0 (12/03/24 09:14:00)] were less than the threshold (1.0).","StateChangeTime":"2024-03-12T09:17:05.412+0000","Region":"EU (Frankfurt)","Trigger":{"MetricName":"TunnelDataIn","Namespace":"AWS/VPN","StatisticType":"Statistic","Statistic":"MAXIMUM","Dimensions":[{"value":"vpn-0a1b2c3d4e5f67890","name":"VpnId"},{"value":"3.121.8.190","name":"TunnelIpAddress"}],"Period":60,"EvaluationPeriods":3,"ComparisonOperator":"LessThanThreshold","Threshold":1.0}}',
      "INFO",
      "TunnelDataIn ALARM",
    ],
  ])("reads a CloudWatch alarm on a VPN metric: %s", (line, code, evidence) => {
    const result = classifyLine(line);
    expect(result.code).toBe(code);
    expect(result.vendor).toBe("aws");
    expect(result.evidence).toBe(evidence);
    expect(result.fields.tunnelId).toBe("vpn-0a1b2c3d4e5f67890");
    expect(result.fields.localIp).toBe("3.121.8.190");
  });

  it("reads a proposal mismatch's phase from the record's states when they say which phase is negotiating", () => {
    const record = (details: string, p1: string, p2: string) =>
      JSON.stringify({ event_timestamp: 1732111880, details, ike_phase1_state: p1, ike_phase2_state: p2 });
    const childProposal = classifyLine(record("No Proposal Match Found by AWS", "established", "negotiating"));
    expect([childProposal.code, childProposal.phase]).toEqual(["IPSEC_PROPOSAL_MISMATCH", "2"]);
    const ikeProposal = classifyLine(record("No Proposal Match Found by AWS", "negotiating", "down"));
    expect([ikeProposal.code, ikeProposal.phase]).toEqual(["IKE_PROPOSAL_MISMATCH", "1"]);
    const quickMode = classifyLine(
      record('No Proposal Match Found. Notifying with "No proposal chosen"', "Down", "Down"),
    );
    expect([quickMode.code, quickMode.phase]).toEqual(["IKE_PROPOSAL_MISMATCH", "1"]);
    // A message that names the phase that failed is not overruled by the states.
    const phase2 = classifyLine(
      record("AWS tunnel Phase 2 was unable to establish while keeping Phase 1", "Down", "Down"),
    );
    expect([phase2.code, phase2.phase]).toEqual(["IPSEC_PROPOSAL_MISMATCH", "2"]);
  });

  it("classifies by `details` and reads the documented fields", () => {
    const record = {
      event_timestamp: 1_700_000_000,
      details: "AWS tunnel DPD timed out after 3 retransmits",
      dpd_enabled: true,
      nat_t_detected: "false",
      ike_phase1_state: "Down",
      ike_phase2_state: "Down",
    };
    const result = classifyLine(JSON.stringify(record));
    expect(result).toMatchObject({ code: "DPD_TIMEOUT", vendor: "aws", severity: "major" });
    expect(result.fields).toMatchObject({
      epochMs: 1_700_000_000_000,
      dpdEnabled: true,
      natTDetected: false,
      ikePhase1State: "Down",
      message: "AWS tunnel DPD timed out after 3 retransmits",
    });
  });

  it("accepts milliseconds and lower-case states, and falls back to the states when details are empty", () => {
    const down = classifyLine(
      JSON.stringify({
        event_timestamp: 1_700_000_000_000,
        details: "",
        ike_phase1_state: "established",
        ike_phase2_state: "down",
      }),
    );
    expect(down).toMatchObject({ code: "TUNNEL_DOWN_OTHER", phase: "2", vendor: "aws" });
    expect(down.fields.epochMs).toBe(1_700_000_000_000);
    const up = classifyLine(
      JSON.stringify({
        event_timestamp: 1_700_000_000,
        ike_phase1_state: "Established",
        ike_phase2_state: "Established",
      }),
    );
    expect(up.code).toBe("TUNNEL_UP");
  });

  it("takes a phase 2 delete while both phases stay Established for a routine SA replacement", () => {
    const record = (p2: string) =>
      JSON.stringify({
        event_timestamp: 1796137250,
        details: "AWS tunnel received DELETE for Phase 2 SA with SPI: 0de9ecaf",
        dpd_enabled: true,
        nat_t_detected: false,
        ike_phase1_state: "Established",
        ike_phase2_state: p2,
      });
    expect(classifyLine(record("Established"))).toMatchObject({ code: "INFO", rule: "aws.sa-replaced", phase: "2" });
    expect(classifyLine(record("Negotiating"))).toMatchObject({ code: "TUNNEL_DOWN_OTHER", phase: "2" });
    // Without the record's states, a phase 2 delete is what every rekey does.
    expect(classifyLine("AWS tunnel received DELETE for Phase 2 SA with SPI: 0de9ecaf")).toMatchObject({
      code: "INFO",
      rule: "benign.child-sa-delete",
    });
  });

  it("takes a delete while the phase it replaces is Rekeying for a routine SA replacement", () => {
    const record = (details: string, p1: string, p2: string) =>
      JSON.stringify({ event_timestamp: 1796137250, details, ike_phase1_state: p1, ike_phase2_state: p2 });
    const ikeDelete = "AWS tunnel received DELETE for IKE_SA from CGW";
    expect(classifyLine(record(ikeDelete, "Rekeying", "Established"))).toMatchObject({
      code: "INFO",
      rule: "aws.sa-replaced",
    });
    expect(classifyLine(record(ikeDelete, "Down", "Down"))).toMatchObject({ code: "TUNNEL_DOWN_OTHER" });
    expect(
      classifyLine(record("AWS tunnel received DELETE for Phase 2 SA with SPI: 0de9ecaf", "Established", "Rekeying")),
    ).toMatchObject({ code: "INFO", rule: "aws.sa-replaced" });
  });

  it("reads BGP records: status, resource id and message details", () => {
    const base = {
      resource_id: "vpn-0123456789abcdef0_203.0.113.10",
      event_timestamp: 1_762_580_429_641,
      timestamp: "2025-11-08 05:40:29.641Z",
    };
    const down = classifyLine(
      JSON.stringify({
        ...base,
        type: "BGPStatus",
        status: "DOWN",
        message: { details: "AWS-side peer sent a Hold Timer Expired notification to neighbor 169.254.10.1" },
      }),
    );
    expect(down).toMatchObject({ code: "BGP_SESSION_DOWN", vendor: "aws-bgp" });
    expect(down.fields).toMatchObject({ tunnelId: "vpn-0123456789abcdef0", localIp: "203.0.113.10" });
    const upNoDetails = classifyLine(JSON.stringify({ ...base, type: "BGPStatus", status: "UP", message: {} }));
    expect(upNoDetails).toMatchObject({ code: "TUNNEL_UP", phase: null, clears: ["BGP_SESSION_DOWN"] });
  });

  it("reads a record keyed by the documentation's field names, and the text format's message", () => {
    const record = classifyLine(
      JSON.stringify({
        VpnLogCreationTimestamp: 1_700_000_000,
        VpnConnectionId: "vpn-0abc",
        TunnelOutsideIPAddress: "52.1.2.3",
        TunnelDPDEnabled: true,
        TunnelCGWNATTDetectionStatus: false,
        TunnelIKEPhase1State: "Established",
        TunnelIKEPhase2State: "Established",
        VpnLogDetail: "AWS tunnel received DELETE for Phase 2 SA with SPI: 1a2b3c4d",
      }),
    );
    expect(record).toMatchObject({ code: "INFO", rule: "aws.sa-replaced", vendor: "aws" });
    expect(record.fields).toMatchObject({ tunnelId: "vpn-0abc", epochMs: 1_700_000_000_000, dpdEnabled: true });
    const text = classifyLine(
      "2023-11-14 22:13:20 vpn-0abc 52.1.2.3 True False Down Down AWS tunnel detected a pre-shared key mismatch with cgw: 52.1.2.3",
    );
    expect(text).toMatchObject({ code: "IKE_AUTH_FAILURE", vendor: "aws" });
  });

  it("reads a record after what the AWS CLI or a syslog relay printed before it", () => {
    const record = JSON.stringify({
      event_timestamp: 1_709_550_633,
      details: "No Proposal Match Found by AWS",
      dpd_enabled: true,
      nat_t_detected: false,
      ike_phase1_state: "established",
      ike_phase2_state: "negotiating",
    });
    for (const line of [
      `2024-03-04T11:10:33.000000+00:00 vpn-07b2e4c6a8d0f1325-52.57.201.144 ${record}`,
      `EVENTS\t1709550633412\t${record}\t1709550633000`,
      `Mar  4 11:10:34 relay01 cwlogs: ${record}`,
      `2024-03-04 11:10:33.000,"${record.replaceAll('"', '""')}"`,
      // Pretty-printed with spaces inside the braces, as the AWS documentation shows records.
      `2024-03-04T11:10:33.000Z ${JSON.stringify(JSON.parse(record), null, 1).replaceAll("\n", "")}`,
    ]) {
      const result = classifyLine(line);
      expect(result).toMatchObject({ code: "IPSEC_PROPOSAL_MISMATCH", phase: "2", vendor: "aws" });
      expect(result.fields).toMatchObject({ epochMs: 1_709_550_633_000, ikePhase2State: "negotiating" });
    }
    // A strongSwan line that prints a JSON object is still a strongSwan line.
    expect(classifyLine('charon: 09[CFG] loaded {"name":"tunnel1"}').vendor).toBe("strongswan");
  });

  it("reads VPC Route Server peer records, which carry the same BGP fields under resource_arn", () => {
    const down = classifyLine(
      JSON.stringify({
        resource_arn: "arn:aws:ec2:us-east-1:111122223333:route-server-peer/rsp-0123456789abcdef0",
        event_timestamp: 1_746_643_490_000,
        type: "BGPStatus",
        status: "DOWN",
        message: null,
      }),
    );
    expect(down).toMatchObject({ code: "BGP_SESSION_DOWN", vendor: "aws-bgp" });
    expect(down.fields.tunnelId).toBe("rsp-0123456789abcdef0");
  });

  it("treats a truncated record as UNKNOWN with a reason, unless its text still names a fault", () => {
    expect(
      classifyLine(
        '{"event_timestamp": 1700000000, "details": "AWS tunnel is sending AUTHENTICATION_FAILED as the resp',
      ).code,
    ).toBe("IKE_AUTH_FAILURE");
    const truncated = classifyLine('{"event_timestamp": 1700000000, "ike_phase1_st');
    expect(truncated.code).toBe("UNKNOWN");
    expect(truncated.reason).toMatch(/malformed or truncated JSON/);
  });
});

describe("fields", () => {
  it("reads addresses, SPIs and the connection from a strongSwan line", () => {
    const result = classifyLine(
      "Feb  9 23:08:00 gw charon: 13[IKE] <aws-tun1|74> CHILD_SA aws-tun1{12} established with SPIs c304fbdf_i c8f68e6b_o and TS 10.0.0.0/16 === 172.31.0.0/16",
    );
    expect(result.vendor).toBe("strongswan");
    expect(result.fields).toMatchObject({
      time: "Feb  9 23:08:00",
      host: "gw",
      program: "charon",
      spi: ["c304fbdf", "c8f68e6b"],
      connectionName: "aws-tun1",
    });
    // The selectors are subnets, not the peer.
    expect(result.fields.peerIp).toBeUndefined();
  });

  it("reads the connection, peer and SPIs (in hex) from Libreswan's audit record", () => {
    const result = classifyLine(
      'type=CRYPTO_IPSEC_SA msg=audit(1772532902.120:2232): pid=1204 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 msg=\'op=start conn-name="aws-t1" connstate=8, satype=ipsec-esp samode=tunnel cipher=AES_GCM_C ksize=256 integ=NONE in-spi=3170410937(0xbcf7c2b9) out-spi=2884121419(0xabe7a54b) in-ipcomp=0(0x00000000) out-ipcomp=0(0x00000000) raddr=52.1.2.3 exe="/usr/libexec/ipsec/pluto" hostname=? addr=198.51.100.7 terminal=? res=success\'',
    );
    expect(result).toMatchObject({ vendor: "libreswan", code: "TUNNEL_UP", phase: "2" });
    expect(result.fields).toMatchObject({
      connectionName: "aws-t1",
      peerIp: "52.1.2.3",
      spi: ["bcf7c2b9", "abe7a54b"],
    });
  });

  it("reads the SPI in hex from a kernel audit record or a racoon line that gives it in decimal first", () => {
    const audit = classifyLine(
      "audit: type=1415 audit(1772532990.001:2301): op=SA-notfound src=52.1.2.3 dst=198.51.100.7 spi=3170410937(0xbcf7c2b9) seqno=41",
    );
    expect(audit.fields).toMatchObject({ peerIp: "52.1.2.3", spi: ["bcf7c2b9"] });
    const racoon = classifyLine(
      "Jul 31 16:49:12 gw racoon: INFO: IPsec-SA established: ESP/Tunnel 195.55.47.10[0]->213.4.115.149[0] spi=244423608(0xe919bb8)",
    );
    expect(racoon.fields.spi).toEqual(["e919bb8"]);
  });

  it("reads the connection from strongSwan 6's '[name|n]' prefix, not from a child SA named after it", () => {
    const result = classifyLine(
      "Dec  3 10:00:00 gw charon-systemd[123]: [IKE] [aws-tun1|1] inbound CHILD_SA child{2} established with SPIs c27c0e3f_i 47b8fd3e_o and TS 0.0.0.0/0 === 10.0.1.11/32",
    );
    expect(result).toMatchObject({ vendor: "strongswan", code: "TUNNEL_UP" });
    expect(result.fields.connectionName).toBe("aws-tun1");
  });

  it("reads racoon's 'local<=>remote' pairs and Cisco IOS's destaddr/srcaddr of an inbound packet", () => {
    expect(
      classifyLine(
        "22:26:02 ipsec,info initiate new phase 1 (Identity Protection): 58.32.33.223[500]<=>193.38.139.161[500]",
      ).fields,
    ).toMatchObject({ localIp: "58.32.33.223", peerIp: "193.38.139.161" });
    expect(
      classifyLine(
        "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=198.51.100.1, prot=50, spi=0x3EA71AED(1051138797), srcaddr=203.0.113.9",
      ).fields,
    ).toMatchObject({ localIp: "198.51.100.1", peerIp: "203.0.113.9", spi: ["3ea71aed"] });
  });

  it("reads strongSwan's 'A...B' pairs, addresses named in words and SonicWall's own address", () => {
    expect(
      classifyLine("charon: 05[IKE] no IKE config found for 198.51.100.100...198.51.100.1, sending NO_PROPOSAL_CHOSEN")
        .fields,
    ).toMatchObject({ localIp: "198.51.100.100", peerIp: "198.51.100.1" });
    // An address range is a selector's, not a peer's; OpenWrt's logread writes a facility, not a host.
    const selectors = classifyLine(
      'Tue Sep 24 15:00:03 2024 authpriv.warn pluto[24873]: "SRXJUNOS1/1x1" #4: initiator established Child SA using #1; IPsec tunnel [192.168.18.0-192.168.18.255:0-65535 0] -> [172.16.1.0-172.16.1.255:0-65535 0] {ESP=>0x86c232ec <0x0935486d xfrm=AES_CBC_256-HMAC_SHA2_256_128 DPD=active}',
    ).fields;
    // pluto's instance of a connection ("SRXJUNOS1/1x1", one of its subnet pairs) is that connection's.
    expect(selectors).toMatchObject({ program: "pluto", connectionName: "SRXJUNOS1" });
    expect(selectors.peerIp).toBeUndefined();
    expect(selectors.host).toBeUndefined();
    // This side and the peer by what the line says of them, not by the order they are written in:
    // charon's packets ("sending ... from <this side> to <peer>", "received ... from <peer> to <this
    // side>") and pre-shared key lookups ("for '<me>' - '<peer>'"), Cisco IOS's IKEv2 packet debug
    // (the peer first), FortiGate's connections from this side and packets from their source, an
    // ASA/FTD SA's ends settled by the tunnel group named after the peer, Stormshield's own
    // interface, Yamaha's own address in words.
    for (const [line, local, peer] of [
      ["charon: 05[NET] sending packet: from 10.0.0.1[500] to 203.0.113.5[500] (464 bytes)", "10.0.0.1", "203.0.113.5"],
      [
        "charon: 05[NET] received packet: from 203.0.113.5[4500] to 10.0.0.1[4500] (80 bytes)",
        "10.0.0.1",
        "203.0.113.5",
      ],
      [
        "charon: 13[IKE] tried 1 shared key for '192.168.1.2' - '192.168.0.1', but MAC mismatched",
        "192.168.1.2",
        "192.168.0.1",
      ],
      [
        "IKEv2:(SESSION ID = 23,SA ID = 1):Sending Packet [To 203.0.113.5:500/From 10.0.0.1:500/VRF i0:f0]",
        "10.0.0.1",
        "203.0.113.5",
      ],
      ["ike 0:p1: created connection: 0xb6fe810 6 10.0.0.1->203.0.113.5:500.", "10.0.0.1", "203.0.113.5"],
      ["ike V=root:0: unknown SPI 33fd7e58 3 203.0.113.5:4500->10.0.0.1", "10.0.0.1", "203.0.113.5"],
      [
        "<166>Sep 29 2022 15:00:15 hosty : %FTD-6-602304: IPSEC: An inbound LAN-to-LAN SA (SPI= 0xEAEE970F) between 192.168.0.38 and 192.168.0.139 (user= 192.168.0.38) has been deleted.",
        "192.168.0.139",
        "192.168.0.38",
      ],
      [
        "Apr 27 2020 02:03:03 dev01: %ASA-6-602303: IPSEC: An outbound LAN-to-LAN SA (SPI= 0xF81283) between 81.2.69.144 and 192.168.2.2 (user= admin) has been created.",
        "81.2.69.144",
        "192.168.2.2",
      ],
      [
        'id=firewall time="2023-07-04 11:27:09" fw="SN12345678912345" tz=+0200 startime="2023-07-04 11:27:09" pri=5 src=192.0.2.33 srcname=Firewall_out dst=203.0.113.44 dstname=host_203.0.113.44 ikev=2 ruletype=gateway phase=1 side=initiator msg="Local NAT detected"',
        "192.0.2.33",
        "203.0.113.44",
      ],
      [
        "2015/04/17 14:41:29: [IKE] initiate ISAKMP phase to 203.0.113.2 (local address 192.168.1.1)",
        "192.168.1.1",
        "203.0.113.2",
      ],
    ] as const)
      expect(classifyLine(line).fields, line).toMatchObject({ localIp: local, peerIp: peer });
    // A syslog host written with a colon before a Cisco message is the host.
    expect(
      classifyLine(
        "Apr 27 2020 02:03:03 dev01: %ASA-6-713905: Group = 100.60.140.10, IP = 192.168.1.1, All IPSec SA proposals found unacceptable!",
      ).fields,
    ).toMatchObject({ host: "dev01" });
    expect(
      classifyLine("bring down existing phase 1 and 2 SA's with local 61.128.1.1 remote 103.1.1.1 remote port 4501")
        .fields,
    ).toMatchObject({ localIp: "61.128.1.1", peerIp: "103.1.1.1" });
    expect(
      classifyLine(
        'id=firewall sn=0017C5A1B2C3 time="2024-03-12 08:02:07 UTC" fw=203.0.113.9 pri=3 c=4 m=43 msg="IPSec connection interrupt" n=102 src=198.51.100.20 dst=203.0.113.9',
      ).fields,
    ).toMatchObject({ localIp: "203.0.113.9", peerIp: "198.51.100.20" });
  });

  it("reads FortiGate debug's packet directions and leaves selectors' networks and masks out", () => {
    expect(
      classifyLine("ike 0:p1:14: sent IKE msg (ident_i1send): 10.5.18.8:500->10.5.17.111:500, len=296").fields,
    ).toMatchObject({ localIp: "10.5.18.8", peerIp: "10.5.17.111" });
    expect(classifyLine("ike 0:p1:14: comes 10.5.17.111:500->10.5.18.8:500,ifindex=3....").fields).toMatchObject({
      localIp: "10.5.18.8",
      peerIp: "10.5.17.111",
    });
    const selectors = classifyLine(
      "<142>Apr  2 18:47:10 WatchGuard-Firebox fw1 (2025-04-08T09:26:37) firewall: msg_id=\"020B-0001\" BOVPN tunnel 'tunnel.2' local 10.10.10.0/255.255.255.0 remote 10.20.0.0/255.255.0.0 is up",
    ).fields;
    expect([selectors.localIp, selectors.peerIp]).toEqual([undefined, undefined]);
    // Junos writes a port after the slash: "Local: 198.51.100.10/500".
    expect(
      classifyLine(
        "kmd[1520]: IKE negotiation failed with error: Timed out. IKE Version: 2, VPN: to-aws Gateway: gw-aws, Local: 198.51.100.10/500, Remote: 203.0.113.9/500",
      ).fields,
    ).toMatchObject({ localIp: "198.51.100.10", peerIp: "203.0.113.9" });
  });

  it("reads peer and local addresses and the message id", () => {
    const result = classifyLine(
      "charon: 10[IKE] IKE_SA tun[1] established between 198.51.100.7[198.51.100.7]...203.0.113.9[203.0.113.9]",
    );
    expect(result.fields).toMatchObject({ localIp: "198.51.100.7", peerIp: "203.0.113.9" });
    expect(classifyLine("charon: 05[IKE] retransmit 2 of request with message ID 0").fields.messageId).toBe("0");
  });

  it("takes the time and host of a wrapped line from its shipper's record where the line names none", () => {
    const message = "charon: 10[IKE] received AUTHENTICATION_FAILED notify error";
    const elastic = classifyLine(
      JSON.stringify({ "@timestamp": "2024-01-10T10:00:00.123Z", host: { name: "gw1" }, message }),
    );
    expect(elastic.code).toBe("IKE_AUTH_FAILURE");
    expect(elastic.fields).toMatchObject({ epochMs: 1704880800123, host: "gw1", program: "charon" });
    // journald's microseconds, GELF's seconds, a CloudWatch Logs event's milliseconds.
    const journald = { MESSAGE: "10[IKE] received AUTHENTICATION_FAILED notify error", SYSLOG_IDENTIFIER: "charon" };
    expect(
      classifyLine(JSON.stringify({ ...journald, __REALTIME_TIMESTAMP: "1704880800123456", _HOSTNAME: "gw2" })).fields,
    ).toMatchObject({ epochMs: 1704880800123, host: "gw2" });
    expect(
      classifyLine(JSON.stringify({ version: "1.1", host: "gw3", short_message: message, timestamp: 1704880800.5 }))
        .fields,
    ).toMatchObject({ epochMs: 1704880800500, host: "gw3" });
    expect(
      classifyLine(JSON.stringify({ logEvents: [{ id: "1", timestamp: 1704880800250, message }] })).fields.epochMs,
    ).toBe(1704880800250);
    // The line's own time wins; a wrapper's zoned time gives the instant a syslog time cannot.
    const docker = {
      log: `2024-01-10T11:00:00+01:00 gw4 ${message}\n`,
      stream: "stdout",
      time: "2024-01-10T10:00:05.123456789Z",
    };
    expect(classifyLine(JSON.stringify(docker)).fields).toMatchObject({ epochMs: 1704880800000, host: "gw4" });
    const syslog = classifyLine(
      JSON.stringify({ time: "2024-01-10T10:00:05Z", message: `Jan 10 10:00:00 gw5 ${message}` }),
    );
    expect(syslog.fields).toMatchObject({ time: "Jan 10 10:00:00", epochMs: 1704880805000, host: "gw5" });
  });

  it("reads the fields of an AWS record that names no fault, and no message id from a documented placeholder", () => {
    const record = (details: string) =>
      JSON.stringify({
        event_timestamp: 1709550912,
        details,
        ike_phase1_state: "established",
        ike_phase2_state: "established",
      });
    const routine = classifyLine(record("AWS tunnel processed response (id=41) for CREATE_CHILD_SA"));
    expect(routine.code).toBe("INFO");
    expect(routine.fields).toMatchObject({ messageId: "41", ikeVersion: "2", ikePhase1State: "established" });
    expect(
      classifyLine(record("AWS tunnel is sending request (id=xxx) for CREATE_CHILD_SA")).fields.messageId,
    ).toBeUndefined();
  });

  it("finds IPv4 addresses as a bounded dotted-quad expression would, and no others", () => {
    const octet = "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)";
    // strongSwan's "A...B" pair: exactly three dots may stand between two addresses.
    const reference = new RegExp(
      `(?:(?<![\\d.])|(?<=(?<!\\.)\\.\\.\\.))${octet}(?:\\.${octet}){3}(?!\\.{0,2}\\d|\\.{4,}\\d)`,
      "g",
    );
    const octets = ["0", "1", "10", "99", "199", "200", "249", "255", "256", "099", "01", "1234"];
    const edges = ["", " ", ".", "1", "a", ":500", "..5", "[", "/24", "peer ", ".7", "...", "....", "...9.9.9.9"];
    const random = seededRandom(7);
    const pick = (items: string[]) => items[Math.floor(random() * items.length)] as string;
    const samples = [
      "peer 203.0.113.9.",
      "from 10.0.0.1:500 to 10.0.0.2[4500]",
      "version 5.9.1.2.3 and 1.2.3.4567",
      "255.255.255.255 256.1.1.1 01.2.3.4 001.2.3.4",
      "for 198.51.100.100...198.51.100.1, sending",
    ];
    for (let n = 0; n < 3000; n++) {
      const quad = Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(octets)).join(".");
      samples.push(`${pick(edges)}${quad}${pick(edges)}${random() < 0.3 ? ` ${pick(octets)}.${pick(octets)}` : ""}`);
    }
    let withAddresses = 0;
    for (const text of samples) {
      const expected = text.match(reference) ?? [];
      if (expected.length > 0) withAddresses++;
      expect(
        ipv4Addresses(text).map((a) => a.text),
        text,
      ).toEqual(expected);
    }
    expect(withAddresses).toBeGreaterThan(100);
  });

  it("finds IPv6 addresses, and not times, MAC addresses, scopes, masks or the unspecified address", () => {
    const v6 = (text: string) => ipv6Addresses(text).map((a) => a.text);
    expect(v6("neighbor 2602:fed3:7025:d::3(pf.xiaoyu.net) in vrf default Down")).toEqual(["2602:fed3:7025:d::3"]);
    expect(v6("sent to neighbor fe80::102:2%Et2 (VRF default AS 65102)")).toEqual(["fe80::102:2"]);
    expect(v6("NOTIFICATION sent to 2001:e8:124::f1:12:1+51528 (proto)")).toEqual(["2001:e8:124::f1:12:1"]);
    expect(v6("between 2001:db8::1[2001:db8::1]...2001:db8::2[2001:db8::2]")).toEqual([
      "2001:db8::1",
      "2001:db8::1",
      "2001:db8::2",
      "2001:db8::2",
    ]);
    expect(v6("full 2001:0db8:0000:0000:0000:ff00:0042:8329 and loopback ::1")).toEqual([
      "2001:0db8:0000:0000:0000:ff00:0042:8329",
      "::1",
    ]);
    expect(
      v6(
        "10:11:12.123 00:11:22:33:44:55 std::string next hop :: ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 1:2:3:4:5:6:7",
      ),
    ).toEqual([]);
    expect(v6("1::2::3 and ::ffff:192.0.2.1")).toEqual([]);
    const bgp = classifyLine(
      "2023/02/03 12:38:18 BGP: [HZN6M-XRM1G] %NOTIFICATION: received from neighbor 2602:fed3:7025:d::3 4/0 (Hold Timer Expired) 0 bytes",
    );
    expect(bgp).toMatchObject({ code: "BGP_SESSION_DOWN", fields: { peerIp: "2602:fed3:7025:d::3" } });
    expect(
      classifyLine("charon-systemd[625]: no IKE config found for 2001:db8::1...2001:db8::2, sending NO_PROPOSAL_CHOSEN")
        .fields,
    ).toMatchObject({ localIp: "2001:db8::1", peerIp: "2001:db8::2" });
  });

  it("reads the IKE version from exchanges only one version has, and the vendors' spellings of ids, notifies and SPIs", () => {
    const fields = (line: string) => classifyLine(line).fields;
    expect(
      fields(
        'Jun 18 04:06:53 gw pluto[812]: "ez-cash/0x4" #11: STATE_MAIN_I4: ISAKMP SA established {auth=PRESHARED_KEY}',
      ),
    ).toMatchObject({
      ikeVersion: "1",
      connectionName: "ez-cash",
      saNumber: "11",
    });
    expect(fields("*Oct 25 18:53:16.490: ISAKMP: (0):atts are acceptable. Next payload is 0").ikeVersion).toBe("1");
    // Libreswan's IKEv2 words (its IKEv1 speaks of ISAKMP and IPsec SAs).
    expect(
      fields('"west" #3: initiator rekeyed Child SA #2 using #1; IPsec tunnel [192.0.1.0/24===192.0.2.0/24]')
        .ikeVersion,
    ).toBe("2");
    // IKEv1's Oakley transforms and RFC 3947 NAT-T, racoon2's and OpenIKED's ikev2_* functions,
    // Libreswan 5's IKEv2 state names.
    expect(
      fields('pluto[2081]: "l2tp-psk"[1] 1.2.3.4 #1: Oakley Transform [AES_CBC (256), HMAC_SHA1, DH20] refused')
        .ikeVersion,
    ).toBe("1");
    expect(
      fields("ike 0:a0ee3b66adfc8900/0000000000000000:207145: VID RFC 3947 4A131C81070358455C5728F20E95452F")
        .ikeVersion,
    ).toBe("1");
    expect(fields("[PROTO_ERR]: ikev2_child.c:785:ikev2_create_child_responder(): no proposal chosen").ikeVersion).toBe(
      "2",
    );
    expect(
      fields('Aug 18 22:12:31 gw pluto[812]: "aws-1" #3: ESTABLISHED_IKE_SA: 2s (deleting IKE SA)').ikeVersion,
    ).toBe("2");
    // IKEv1 alone has RFC 3706's DPD vendor ID, the NAT-T drafts' vendor IDs and IOS's ISAKMP
    // messages; charon calls IKEv2's informational exchange INFORMATIONAL, IKEv1's INFORMATIONAL_V1.
    expect(fields("Jun 12 14:03:00 gw charon: 12[IKE] received DPD vendor ID").ikeVersion).toBe("1");
    expect(fields("charon: 08[IKE] received draft-ietf-ipsec-nat-t-ike-02\\n vendor ID").ikeVersion).toBe("1");
    expect(
      fields(
        "*Mar  1 00:31:55.431: %CRYPTO-4-IKMP_NO_SA: IKE message from 10.1.1.1 has no SA and is not an initialization offer",
      ).ikeVersion,
    ).toBe("1");
    expect(fields("charon: 14[ENC] parsed INFORMATIONAL request 0 [ ]")).toMatchObject({
      ikeVersion: "2",
      messageId: "0",
    });
    expect(fields("charon: 09[ENC] parsed INFORMATIONAL_V1 request 1167094233 [ HASH D ]").ikeVersion).toBe("1");
    // Not from the connection's name, however often the line writes it.
    const named = fields("Mar 30 04:22:07 02[CFG] <ikev2-psk|1> selected peer config 'ikev2-psk'");
    expect(named.connectionName).toBe("ikev2-psk");
    expect(named.ikeVersion).toBeUndefined();
    // charon's configuration names in words, and a packet whose other end was anonymised.
    expect(fields("establishing connection 'aws-tunnel-1' failed").connectionName).toBe("aws-tunnel-1");
    expect(fields("connection 'aws-tunnel-2' established successfully").connectionName).toBe("aws-tunnel-2");
    const anonymised = fields("03[NET] received packet: from <MYIP>[4500] to 10.128.0.3[4500] (76 bytes)");
    expect(anonymised.localIp).toBe("10.128.0.3");
    expect(anonymised.peerIp).toBeUndefined();
    expect(
      fields("charon: 11[NET] received packet: from 2001:db8::2[500] to 2001:db8::1[500] (312 bytes)"),
    ).toMatchObject({ localIp: "2001:db8::1", peerIp: "2001:db8::2" });
    // SPIs in IOS's IPsec event trace and in charon's "ESP/0x.../address"; FortiGate debug's
    // message id after the SA's SPIs; a peer the line names as one, not the first address it writes.
    expect(
      fields(
        "*Apr  4 00:10:51.829: IPSEC-EVENT:IPSEC-DELETE-SA:  sa delete : (sa) sa_dest = 30.1.1.1, sa_proto = 50, sa_spi = 0xB820B40F(3089150991), sa_trans = esp-aes esp-sha-hmac",
      ).spi,
    ).toEqual(["b820b40f"]);
    expect(
      fields(
        "charon[501]: 16[KNL] NAT mappings of CHILD_SA ESP/0xc6c8dba9/95.217.221.141 changed to 212.45.80.102[22425], queuing update job",
      ).spi,
    ).toEqual(["c6c8dba9"]);
    expect(
      fields("ike 0: IKEv2 exchange=AUTH_RESPONSE id=554498e2804b4c46/9352e4e98f9c4c1a:00000001 len=72").messageId,
    ).toBe("00000001");
    expect(
      fields(
        "WARNING 12/04/2026 10:00:00 bgpMessages (default,10.0.0.2): Send NOTIFICATION message to peer 172.26.26.104 in core error-code = 4 (hold timer expired), error-subcode = 0",
      ).peerIp,
    ).toBe("172.26.26.104");
    // Azure's traffic selectors are ranges, not the peer.
    expect(
      fields(
        "Remote <IPaddress>:500: Local <IPaddress>:500: Received Traffic Selector payload request- [Tsid 0x729  ]Number of TSIs 2: StartAddress 10.20.0.0 EndAddress 10.20.255.255 PortStart 0 PortEnd 65535",
      ).peerIp,
    ).toBeUndefined();
    // Dead peer detection's notify in the vendors' spellings, the acknowledgement apart.
    expect(
      fields(
        "%PIX-7-715075: Group = hq, IP = 88.255.57.200, Received keep-alive of type DPD R-U-THERE (seq number 0x47e42d7)",
      ).notify,
    ).toBe("R_U_THERE");
    expect(fields("ike 0:aws:12: notify msg received: R-U-THERE-ACK").notify).toBe("R_U_THERE_ACK");
    expect(fields("charon: 10[ENC] parsed INFORMATIONAL_V1 request 123 [ HASH N(DPD_ACK) ]").notify).toBe(
      "R_U_THERE_ACK",
    );
    // A placeholder of Cisco's message guide names no tunnel group.
    expect(
      fields(
        "%ASA-3-713123: Group = _groupname_, Username = _username_, IP = _peerIP_ IKE lost contact with remote peer",
      ).connectionName,
    ).toBeUndefined();
    // The ASA's remote-access and IKEv2 session groups.
    expect(
      fields("%ASA-4-722037: Group <GroupPolicy_HQ> User <Paul> IP <81.2.69.142> SVC closing connection: DPD failure.")
        .connectionName,
    ).toBe("GroupPolicy_HQ");
    expect(
      fields(
        "%ASA-6-751025: Local:203.0.113.10:4500 Remote:198.51.100.27:50468 Username:carol IKEv2 Group:Remote-Power_Users IPv4 Address=172.16.58.32",
      ),
    ).toMatchObject({ connectionName: "Remote-Power_Users", localIp: "203.0.113.10", peerIp: "198.51.100.27" });
    expect(fields("charon: 12[ENC] <PEER|1> parsed IKE_AUTH response 1 [ N(AUTH_FAILED) ]")).toMatchObject({
      ikeVersion: "2",
      messageId: "1",
      notify: "AUTHENTICATION_FAILED",
    });
    // Libreswan's "v2N_" notifies, its "message (ID 2)" and quick mode's "msgid:"; Cisco IOS's PROPOSAL_NOT_CHOSEN.
    expect(
      fields('"office" #111: STATE_PARENT_I1: received unauthenticated v2N_NO_PROPOSAL_CHOSEN - ignored'),
    ).toMatchObject({
      notify: "NO_PROPOSAL_CHOSEN",
      ikeVersion: "2",
    });
    expect(
      fields(
        '"repro" #3: responding to CREATE_CHILD_SA message (ID 2) from 192.0.2.1:500 with encrypted notification TS_UNACCEPTABLE',
      ),
    ).toMatchObject({ messageId: "2", notify: "TS_UNACCEPTABLE", peerIp: "192.0.2.1" });
    expect(
      fields('"t2" #2: initiating Quick Mode PSK+ENCRYPT+TUNNEL {using isakmp#1 msgid:6391a7c2 proposal=AES_CBC_128}')
        .messageId,
    ).toBe("6391a7c2");
    expect(fields("*Oct 25 20:37:02.890: ISAKMP: (1001):processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3").notify).toBe(
      "NO_PROPOSAL_CHOSEN",
    );
    // Both SPIs of an ASA SA pair; the one a pluto delete names.
    expect(
      fields(
        "%ASA-5-713049: Group = 22.22.22.22, IP = 22.22.22.22, Security negotiation complete for LAN-to-LAN Group (22.22.22.22)  Initiator, Inbound SPI = 0x850a79e0, Outbound SPI = 0x2cc7158d",
      ).spi,
    ).toEqual(["850a79e0", "2cc7158d"]);
    expect(fields('"aws1/0x1" #7728: received Delete SA(0xfa2bb9e8) payload: deleting IPSEC State #7734').spi).toEqual([
      "fa2bb9e8",
    ]);
    // A syslog server's host before a key=value record; AWS's own endpoint in its tunnel telemetry.
    const relayed = fields(
      'Jul  1 07:03:38 10.255.252.1 date=2020-07-01 time=09:03:38 devname=fw1 devid=FG1 logid=0101037138 type=event subtype=vpn level=notice vd="root" logdesc="IPsec connection status changed" vpntunnel="to-aws"',
    );
    expect(relayed).toMatchObject({ host: "10.255.252.1", connectionName: "to-aws" });
    expect(relayed.peerIp).toBeUndefined();
    const telemetry = fields('{"Status": "UP", "OutsideIpAddress": "3.231.123.34", "StatusMessage": "IPSEC IS UP"}');
    expect(telemetry.localIp).toBe("3.231.123.34");
    expect(telemetry.peerIp).toBeUndefined();
  });

  it("takes the labelled peer and local addresses over the first one", () => {
    const result = classifyLine(
      "Aug  3 10:18:44  srx1 kmd[14162]: IKE negotiation failed with error: Timed out. Local: 10.0.1.50/500, Remote: 13.68.203.192/500",
    );
    expect(result.fields).toMatchObject({ peerIp: "13.68.203.192", localIp: "10.0.1.50" });
  });

  it("reads FortiGate's remip and locip", () => {
    const result = classifyLine(
      'date=2020-07-01 time=09:03:38 devname="fw1" logid="0101037138" type="event" subtype="vpn" level="notice" logdesc="IPsec connection status changed" action="tunnel-up" locip=198.51.100.1 remip=203.0.113.5 remport=500 vpntunnel="to-aws"',
    );
    expect(result).toMatchObject({ code: "TUNNEL_UP", vendor: "fortinet" });
    expect(result.fields).toMatchObject({ peerIp: "203.0.113.5", localIp: "198.51.100.1" });
  });

  it("reads Alibaba connection ids and Juniper VPN names", () => {
    const alibaba = classifyLine(
      "2023-01-13 11:39:21 vco-bp1spxu8hlcvpd7ry1234 [PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up.",
    );
    expect(alibaba).toMatchObject({ code: "PEER_UNREACHABLE", vendor: "alibaba", phase: "1" });
    expect(alibaba.fields.tunnelId).toBe("vco-bp1spxu8hlcvpd7ry1234");
    const juniper = classifyLine(
      "Aug  3 10:18:44  srx1 kmd[14162]: IKE negotiation failed with error: Timed out. IKE Version: 2, VPN: to-aws Gateway: gw-a, Local: 10.0.1.50/500, Remote: 13.68.203.192/500",
    );
    expect(juniper).toMatchObject({ code: "PEER_UNREACHABLE", vendor: "juniper" });
    expect(juniper.fields).toMatchObject({
      connectionName: "to-aws",
      peerIp: "13.68.203.192",
      localIp: "10.0.1.50",
      ikeVersion: "2",
    });
  });

  it("reads the tunnel, the time and the SA's addresses of FortiGate, PAN-OS and SonicWall records", () => {
    const fortigate = classifyLine(
      'date=2024-03-12 time=08:02:07 devname="FGT60F" logid="0101037124" type="event" subtype="vpn" level="error" msg="IPsec phase 1 error" action="negotiate" remip=198.51.100.7 locip=203.0.113.9 vpntunnel="to aws" status="negotiate_error" reason="peer SA proposal not match local policy"',
    );
    expect(fortigate).toMatchObject({ code: "IKE_PROPOSAL_MISMATCH", vendor: "fortinet" });
    expect(fortigate.fields).toMatchObject({
      time: "2024-03-12 08:02:07",
      connectionName: "to aws",
      peerIp: "198.51.100.7",
      localIp: "203.0.113.9",
    });
    expect(fortigate.fields.epochMs).toBeUndefined();
    // Its eventtime is the epoch, in seconds or to the nanosecond.
    const epochOf = (eventtime: string) =>
      classifyLine(`date=2024-03-12 time=10:45:18 eventtime=${eventtime} logid="0101037127" type="event" subtype="vpn"`)
        .fields.epochMs;
    expect(epochOf("1710236718")).toBe(1_710_236_718_000);
    expect(epochOf("1710236718418227113")).toBe(1_710_236_718_418);
    expect(epochOf("17102367")).toBeUndefined();
    // A dial-up record names no tunnel: "N/A" is not a name.
    expect(
      classifyLine(
        'date=2024-03-12 time=08:02:07 logid="0101037124" type="event" subtype="vpn" msg="IPsec phase 1 error" vpntunnel="N/A" status="negotiate_error"',
      ).fields.connectionName,
    ).toBeUndefined();
    const panos = classifyLine(
      '<14>Mar 12 08:20:01 pa-1 1,2024/03/12 08:20:01,016201012345,SYSTEM,vpn,0,2024/03/12 08:20:01,,ike-nego-p1-fail,gw-aws-t1,0,0,general,informational,"IKE phase-1 negotiation is failed as initiator, main mode. Failed SA: 203.0.113.9[500]-198.51.100.7[500] cookie:1a2b3c4d5e6f7081:0000000000000000. Due to timeout.",18249042,0x8000000000000000',
    );
    expect(panos).toMatchObject({ code: "PEER_UNREACHABLE", vendor: "paloalto", phase: "1" });
    expect(panos.fields).toMatchObject({ connectionName: "gw-aws-t1", localIp: "203.0.113.9", peerIp: "198.51.100.7" });
    expect(
      classifyLine(
        'id=firewall sn=0017C5A1B2C3 time="2024-03-12 08:02:07 UTC" fw=203.0.113.9 pri=3 c=4 m=43 msg="IPSec connection interrupt" n=102 src=198.51.100.20 dst=203.0.113.9',
      ).fields.time,
    ).toBe("2024-03-12 08:02:07 UTC");
  });

  // Which address is this side's and which the peer's, and the connection's name, as each vendor writes them.
  const SIDES: Array<[string, Record<string, string>]> = [
    // racoon2 (Alibaba's and PAN-OS's IKE daemon) and charon's MOBIKE path checks: "local[port] - peer[port]".
    [
      "2016-03-01 14:32:24 [INFO]: ike_sa.c:275:ikev2_abort(): 6:1.1.1.1[500] - 2.2.2.2[500]:(nil):aborting IKEv2 SA GW:6",
      { localIp: "1.1.1.1", peerIp: "2.2.2.2" },
    ],
    [
      "06[IKE] checking path 198.51.100.1[4500] - 203.0.113.5[4500]",
      { localIp: "198.51.100.1", peerIp: "203.0.113.5" },
    ],
    // Cisco: DMVPN's next hop (its transport address), NHRP debug, the IPsec key engine's events.
    [
      "*Sep 21 07:04:05.792: %DMVPN-5-NHRP_NHS_DOWN: Tunnel0: Next Hop Server : (Tunnel: 172.16.0.1 NBMA: 203.0.113.2 ) for (Tunnel: 172.16.0.2 NBMA: 198.51.100.2) is DOWN, Reason: NHRP Registration Failure(NHRP: no error)",
      { connectionName: "Tunnel0", peerIp: "203.0.113.2" },
    ],
    [
      "*Jun 22 07:02:43.386: NHRP-NHS-DOWN tunnel: Tu1 NHS down nbma_src: 3.3.3.1 vpn_src: 192.168.10.3 nbma_dest: 1.1.1.1 vpn_dest: 192.168.10.1 vrf: global(0x0)",
      { localIp: "3.3.3.1", peerIp: "1.1.1.1" },
    ],
    [
      "*Apr  4 00:10:53.235: IPSEC-EVENT:IPSEC-RECV-KMI:  SESSION ID:0, KMI Received: Crypto IKMP->IPSEC key engine:KEY_MGR_CLEAR_ENDPT_SAS, loc: 30.1.1.1, rem: 30.1.1.2",
      { localIp: "30.1.1.1", peerIp: "30.1.1.2" },
    ],
    // WatchGuard's failed negotiation runs from initiator to responder: the Firebox refused what it
    // received as responder, or got no answer as initiator. It names the tunnel or gateway endpoint.
    [
      "IKE phase-1 negotiation from 203.0.113.2:500 to 198.51.100.2:500 failed. Gateway-Endpoint='gw-aws' Reason=Received DH group 2, expecting 14",
      { localIp: "198.51.100.2", peerIp: "203.0.113.2", connectionName: "gw-aws" },
    ],
    [
      "IKE phase-1 negotiation from 198.51.100.2:500 to 203.0.113.2:500 failed. Gateway-Endpoint='gw-aws' Reason=Message retry timeout. Check the connection between local and remote gateway endpoints.",
      { localIp: "198.51.100.2", peerIp: "203.0.113.2" },
    ],
    [
      `<142>May 10 15:19:05 WatchGuard-Firebox FVE6035FD3AE3 (2024-05-10T09:49:05) firewall[10]: msg_id="0203-0008" IKE phase-2 negotiation from 172.16.12.82:500 to 172.16.12.81:500 failed. Tunnel='aws.1' Reason=Received AES key length 128, expecting 256`,
      { connectionName: "aws.1" },
    ],
    // pluto names the address a first message arrived on; charon its own identity "(myself)" and, in
    // its status rows, the connection first.
    [
      "packet from 172.16.0.164:500: initial Main Mode message received on 192.168.182.103:500 but no connection has been authorized with policy=PSK",
      { peerIp: "172.16.0.164", localIp: "192.168.182.103" },
    ],
    ["[IKE] authentication of '172.22.16.3' (myself) with pre-shared key successful", { localIp: "172.22.16.3" }],
    [
      "AWS-VPC-TUNNEL-1[135]: ESTABLISHED 2 hours ago, 10.0.0.221[10.0.0.221]...18.222.98.126[18.222.98.126]",
      { connectionName: "AWS-VPC-TUNNEL-1", localIp: "10.0.0.221", peerIp: "18.222.98.126" },
    ],
    // Huawei's SrcIP and DstIP; FortiGate's idle link, local->peer.
    [
      "IPSEC/4/IPSECTUNNELSTOP: OID 1.3.6.1.4.1.2011.6.122.26.6.2 The IPSec tunnel is deleted. (Ifindex=7, SeqNum=10,TunnelIndex=1, RuleNum=5, DstIP=203.0.113.2, InsideIP=0.0.0.0, RemotePort=500, CpuID=0, SrcIP=198.51.100.1, FlowInfo=10.1.1.0/24 -> 10.2.2.0/24, OfflineReason=peer request)",
      { peerIp: "203.0.113.2", localIp: "198.51.100.1" },
    ],
    [
      "ike 0:VPN-to-SH: link is idle 10 100.1.1.2->200.1.1.2:0 dpd=1 seqno=1 rr=0",
      { localIp: "100.1.1.2", peerIp: "200.1.1.2" },
    ],
    // Windows' RasClient names the VPN connection that failed.
    [
      "User SYSTEM has a dial up connection called Algo VPN 142.93.18.186 IKEv2, which has failed. The error code returned after failure is 13868.",
      { connectionName: "Algo VPN 142.93.18.186 IKEv2" },
    ],
  ];
  it.each(SIDES)("reads the sides and the connection of %s", (line, fields) => {
    expect(classifyLine(line).fields).toMatchObject(fields);
  });

  it("takes no host after a time written with a colon (Cisco's clock, pluto's log file)", () => {
    const nhrp = classifyLine("*Jun 22 07:02:43.386: NHRP-NHS-DOWN tunnel: Tu1 NHS down nbma_src: 3.3.3.1");
    expect(nhrp.fields.host).toBeUndefined();
    expect(nhrp.fields.program).toBeUndefined();
  });

  it("reads the phase 1 of FortiGate's IKE debug, the tunnel group and message id of an ASA, and pluto's SPIs", () => {
    expect(
      classifyLine("ike V=root:0:to-aws:5293:to-aws-p2:24: sending delete for IPsec SA SPI 287f891e").fields,
    ).toMatchObject({
      connectionName: "to-aws",
      spi: ["287f891e"],
    });
    expect(classifyLine("ike 0:to-aws: set oper up").fields.connectionName).toBe("to-aws");
    expect(
      classifyLine("ike V=root:0:to-aws: IPsec SA connect 6 198.51.100.10->203.0.113.9:500 negotiating").fields,
    ).toMatchObject({ localIp: "198.51.100.10", peerIp: "203.0.113.9" });
    expect(
      classifyLine(
        "%CRYPTO-5-IPSEC_SETUP_FAILURE: IPSEC SETUP FAILED for local:198.51.100.10 local_id:198.51.100.10 remote:203.0.113.9 remote_id:203.0.113.9 IKE profile:None fvrf:None fail_reason:IPSec Proposal failure",
      ).fields,
    ).toMatchObject({ localIp: "198.51.100.10", peerIp: "203.0.113.9" });
    // SPIs are written one way, as charon and pluto write them.
    expect(
      classifyLine(
        "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=10.30.30.1, prot=50, spi=0x215EBFF1(605998893), srcaddr=10.40.40.1",
      ).fields.spi,
    ).toEqual(["215ebff1"]);
    // A connection named after an IKE version does not say which one it runs.
    expect(
      classifyLine('002 "westnet--eastnet-ikev2" #3: ISAKMP SA expired (LATEST!)').fields.ikeVersion,
    ).toBeUndefined();
    expect(classifyLine('"west-ikev1" #2: initiating IKEv2 connection').fields.ikeVersion).toBe("2");
    // 0.0.0.0 stands for any address (and 0.99.22.4 is a version number): no peer has one.
    expect(classifyLine("ike 0:to-aws: static tunnel up event 0.0.0.0 (dev=30)").fields.peerIp).toBeUndefined();
    // Before a phase 1 is matched the SA goes by its cookies: no name yet.
    expect(
      classifyLine(
        "ike V=root:0:0bba3c1cc48194fd/0000000000000000:2001: SA proposal chosen, matched gateway DialUp-wan",
      ).fields.connectionName,
    ).toBeUndefined();
    expect(
      classifyLine(
        "May 23 2010 13:15:26: %ASA-7-714006: Group = HQ-L2L, IP = 198.51.100.7, IKE Initiator sending 3rd QM pkt: msg id = 6abd3691",
      ).fields,
    ).toMatchObject({ connectionName: "HQ-L2L", peerIp: "198.51.100.7", messageId: "6abd3691" });
    expect(
      classifyLine(
        "%ASA-7-715033: Group = 198.51.100.7, IP = 198.51.100.7, Processing CONNECTED notify (MsgId 4f2a91c3)",
      ).fields.messageId,
    ).toBe("4f2a91c3");
    expect(classifyLine("ISAKMP: (1003):processing DELETE payload. message ID = 1319368483").fields.messageId).toBe(
      "1319368483",
    );
    expect(
      classifyLine(
        '"aws-t1" #7737: IPsec SA established tunnel mode {ESP/NAT=>0x9b3c6a8e <0x4a7f0b2c xfrm=AES_CBC_128-HMAC_SHA1_96 NATOA=none NATD=52.1.2.3:4500 DPD=active}',
      ).fields,
    ).toMatchObject({ connectionName: "aws-t1", spi: ["9b3c6a8e", "4a7f0b2c"] });
  });
});

describe("vendors", () => {
  const cases: Array<[string, string]> = [
    ['Mar 20 10:03:52 gw pluto[123]: "tun" #1: initiating Main Mode', "libreswan"],
    ["Mar 20 10:03:52 gw charon: 09[IKE] initiating IKE_SA tun[1] to 203.0.113.9", "strongswan"],
    // Alibaba's daemon lines as its diagnosis and docs quote them, without the connection before them.
    [
      "[INTERNAL_ERR]: sockmisc.c:499:sendfromto(): sendto (Network is unreachable) [{remote id:11}{ph1: 182.92.147.6[500] <=> 61.148.203.77[500], 182.92.147.6 <=> 61.148.203.77}]",
      "alibaba",
    ],
    ["[PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up", "alibaba"],
    [
      "[INFO]: isakmp_ident.c:1122:ident_r2recv(): NAT not detected  [{remote id:6}{ph1: 120.79.18.147[500] <=> 183.62.9.201[500], 120.79.18.147 <=> 183.62.9.201}]",
      "alibaba",
    ],
    // OpenIKED's lines start with the IKE SA's SPI and a function's name, with or without its program.
    ["spi=0x1a2b3c4d5e6f7081: sa_free: authentication failed", "openiked"],
    // WatchGuard's failures read as its own without its header.
    [
      "IKE phase-1 negotiation from 203.0.113.2:500 to 198.51.100.2:500 failed. Gateway-Endpoint='gw-aws' Reason=Received DH group 2, expecting 14",
      "watchguard",
    ],
    // "ipsec" is Debian's strongSwan starter and Libreswan's wrapper: the text decides.
    ["Mar 20 10:03:52 gw ipsec[492]: 13[IKE] retransmit 1 of request with message ID 0", "strongswan"],
    [
      'Mar 20 10:03:52 gw ipsec[492]: "tun" #1: STATE_MAIN_I1: retransmission; will wait 1 second for response',
      "libreswan",
    ],
    ["Dec 04 2014 12:37:51: %ASA-5-713119: Group = 1.2.3.4, IP = 1.2.3.4, PHASE 1 COMPLETED", "cisco-asa"],
    ["*Mar 1 00:31:55.431: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP. Peer 10.1.1.1:500", "cisco-ios"],
    [
      "<30>1 2023-07-04T10:21:11.590+10:00 fw kmd 9812 - - IKE negotiation successfully completed. IKE Version: 1",
      "juniper",
    ],
    ["AWS tunnel received DELETE for IKE_SA from CGW", "aws"],
    ["AWS-side peer sent an End-of-RIB message to neighbor 169.254.1.1", "aws-bgp"],
    // IOS debug names its facility where syslog puts a program, after a time that may name its zone.
    ["Mar 13 15:29:24.294 UTC: ISAKMP: Created a peer struct for 198.51.100.4, peer port 500", "cisco-ios"],
    ["Mar 20 19:28:15.595: crypto_engine: Decrypt IKE packet", "cisco-ios"],
    [
      "Jun  6 07:42:54 ip2 iked[18026]: spi=0xa51ee4a19e49248a: send IKE_SA_INIT req 0 peer 192.168.1.1:500",
      "openiked",
    ],
    ["Mar 12 08:44:00 vsrx3 iked[16234]: IKE_GATEWAY_DPD_PEER_DEAD: IKE: Gateway N:gw-aws-t1 Failed Role:I", "juniper"],
    ["Mar  4 10:22:00 obsd-gw isakmpd[51734]: isakmpd: quick mode done: src: 198.51.100.1 dst: 203.0.113.7", "isakmpd"],
    // AWS's own texts that do not start with "AWS", and a tunnel's telemetry as DescribeVpnConnections returns it.
    ["Peer is not responsive - Declaring peer dead", "aws"],
    ["No Proposal Match Found by AWS", "aws"],
    [
      '{"AcceptedRouteCount": 0, "LastStatusChange": "2020-12-29T20:09:58+00:00", "OutsideIpAddress": "3.231.123.34", "Status": "UP", "StatusMessage": "IPSEC IS UP"}',
      "aws",
    ],
    // A Cisco IOS message quoted without its "%"; charon's own wording.
    ["CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.168.15.1 failed its sanity check or is malformed", "cisco-ios"],
    ["received TEMPORARY_FAILURE notify, will retry later", "strongswan"],
    // RouterOS logs by topic, with or without a level, in racoon's words; racoon logs by level.
    ["22:26:02 ipsec acquire for 198.51.100.4 <=> 203.0.113.9", "mikrotik"],
    ["22:26:02 ipsec,error 10.5.107.112 phase1 negotiation failed.", "mikrotik"],
    // PAN-OS syslog in CSV: a SYSTEM log of subtype vpn.
    [
      '1,2024/01/10 10:00:00,012345678901,SYSTEM,vpn,0,2024/01/10 10:00:00,,tunnel-status,to-aws,0,0,general,informational,"Tunnel to-aws is down",1234,0x0,0,0,0,0,,pa-fw',
      "paloalto",
    ],
    // Topsec NGTOS's VPN records are key=value like FortiGate's, with an action="negotiate" of their own.
    [
      'id="NGTOS" version="v3.2000a5.0058_NGVONE.1_haveroot" time="2025-04-10 14:24:26" dev="TopsecOS" pri="information" type="ipsec vpn negotiate log" recorder="ipsec negotiate" vsid="0" tunnel_name="to-aliyun" action="negotiate" srcip="198.51.100.40" dstip="203.0.113.40" msg="Tunnel established."',
      "topsec",
    ],
    [
      'id="NGTOS" time="2025-04-12 14:26:12" dev="TopsecOS" pri="6" type="vpn" recorder="ipsec" tunnel_name="to-aliyun" msg="The first stage was successful"',
      "topsec",
    ],
    // FortiGate routing events quote the BGP daemon's Cisco-style message; PAN-OS routing events in CSV.
    [
      'date=2026-03-03 time=10:00:00 devname="fgt" devid="FGT60F" logid="0103020300" type="event" subtype="router" level="warning" vd="root" logdesc="Routing log" msg="BGP: %BGP-5-ADJCHANGE: neighbor 169.254.10.1 Down Hold Timer Expired"',
      "fortinet",
    ],
    [
      '1,2026/03/03 10:00:00,012345678901,SYSTEM,routing,0,2026/03/03 10:00:00,,routed-bgp-peer-left-established,,0,0,general,high,"BGP peer session left established state. Peer: aws-1 (169.254.10.1)",1234,0x0,0,0,0,0,,pa-fw',
      "paloalto",
    ],
    // PAN-OS's own wording without its CSV wrapper; Junos rpd naming a BGP peer by type and AS.
    ["IKE phase-2 negotiation failed when processing proxy ID.", "paloalto"],
    ["IKEv2 IKE SA is down determined by DPD.", "paloalto"],
    [
      "bgp_read_v4_message:10756: NOTIFICATION received from 169.254.10.1 (External AS 64512): code 6 (Cease) subcode 2",
      "juniper",
    ],
    // charon's SA names without its thread tag; Libreswan behind another program's prefix (VyOS).
    ["IKE_SA aws-tun1[3] established between 198.51.100.10[198.51.100.10]...52.1.2.3[52.1.2.3]", "strongswan"],
    ['VPN-IPSEC: "peer-52.1.2.3-tunnel-1" #12: STATE_MAIN_I1: retransmission; will wait 0.5 seconds', "libreswan"],
    // FortiClient's IKE daemon, FortiOS 4 event logs (log_id=), a negotiation error without its ike prefix id.
    [
      "[2026-01-10 10:00:00.1234567 UTC+01:00] [812:912] [FortiIKE  1537   debug] DPD: remote seems to be dead",
      "fortinet",
    ],
    [
      "date=2026-01-10 time=10:00:00 devname=fgt device_id=FG100E log_id=0101037124 type=event subtype=ipsec pri=error",
      "fortinet",
    ],
    ["ike Negotiate IPsec SA Error: ike 0:to-aws:12:7: no SA proposal chosen", "fortinet"],
    ["Jun 8 19:14:38.055 GMT: CRYPTO_PKI: (A16A8) No suitable trustpoints found", "cisco-ios"],
    // A tunnel interface's state (a physical port's is not a tunnel line: UNKNOWN, vendor unknown).
    [
      "*Sep 30 22:46:48.952: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down",
      "cisco-ios",
    ],
    ["*May  2 16:05:42.447: %LINK-3-UPDOWN: Interface Virtual-Access2, changed state to up", "cisco-ios"],
    ["*Mar 1 08:12:45.197: %TUN-5-RECURDOWN: Tunnel0 temporarily disabled due to recursive routing", "cisco-ios"],
    ["16:45:47.619: %LINEPROTO-5-UPDOWN: Line protocol on Interface Serial1/2, changed state to down", "unknown"],
    // FortiGate event records as some exports abbreviate them (no devname, no subtype); Junos's
    // secure tunnel interface (st0) in an SNMP trap, and its kernel's TCP MD5 check of a BGP peer.
    [
      'id=20300 logdesc="BGP neighbor status changed" msg="BGP: %BGP-5-ADJCHANGE: neighbor 12.12.12.3 Down User reset"',
      "fortinet",
    ],
    [
      '<28>1 2023-05-08T14:25:07.466+10:00 fw1 mib2d 8956 SNMP_TRAP_LINK_DOWN [junos@2636.1.1.1.2.129 snmp-interface-index="508" admin-status="up(1)" operational-status="down(2)" interface-name="st0.60"]',
      "juniper",
    ],
    ["<4>Jul 20 21:23:00 vmx01 /kernel: tcp_auth_ok: Packet from 192.168.140.254:61664 wrong MD5 digest", "juniper"],
    // macOS Console's export: a US date with AM/PM before the program.
    ["1/20/16 3:08:02.703 PM racoon[6269]: IPSec Phase 1 started (Initiated by me).", "racoon"],
    // An ASA VPN message body names the tunnel group and peer first.
    ["Group = 52.1.2.3, IP = 52.1.2.3, Session is being torn down. Reason: Lost Service", "cisco-asa"],
    // Alibaba's IPsec daemon names its source file and line at every level.
    [
      "[PROTO_INFO]: isakmp.c:2101:ph1_main(): ISAKMP-SA established 47.1.2.3[500]-52.1.2.3[500] spi:1a2b3c4d5e6f7a8b:1122334455667788",
      "alibaba",
    ],
    // `grep pluto /var/log/*` prefixes the file name.
    ["/var/log/auth.log:Oct 24 15:10:05 pi pluto[877]: reapchild failed with errno=10 No child processes", "libreswan"],
    // pluto's Linux audit records, from audit.log and as journald shows them.
    [
      'type=CRYPTO_IKE_SA msg=audit(1772532902.114:2231): pid=1204 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 msg=\'op=start direction=initiator conn-name="aws-t1" connstate=7 ike-version=2.0 auth=PRESHARED_KEY cipher=aes_gcm_16 ksize=256 integ=none prf=sha256 pfs=MODP2048  raddr=52.1.2.3 exe="/usr/libexec/ipsec/pluto" hostname=? addr=198.51.100.7 terminal=? res=success\'',
      "libreswan",
    ],
    [
      'Mar  3 10:15:02 gw audit[1204]: CRYPTO_IPSEC_SA pid=1204 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:ipsec_t:s0 msg=\'op=destroy conn-name="aws-t1" connstate=8, satype=ipsec-esp samode=tunnel cipher=AES_GCM_C ksize=256 integ=NONE in-spi=3170410937(0xbcf7c2b9) out-spi=2884121419(0xabe7a54b) in-ipcomp=0(0x00000000) out-ipcomp=0(0x00000000) raddr=52.1.2.3 exe="/usr/libexec/ipsec/pluto" hostname=? addr=198.51.100.7 terminal=? res=success\'',
      "libreswan",
    ],
    // Devices that log everything through one syslog, by their IKE, IPsec and BGP messages.
    [
      "IPSEC/4/IPSECNEGOFAIL: OID 1.3.6.1.4.1.2011.6.122.26.6.14 IPSec tunnel negotiation fails. (Ifindex=7, SeqNum=10, Reason=rekey fail, ReasonCode=17, PeerAddress=203.0.113.20, PeerPort=500)",
      "huawei",
    ],
    ["<190>Jun 17 2026 11:34:49 USG6300 %%01IKE/4/IKEPEERDOWN(l)[3]: The IKE peer went down.", "huawei"],
    [
      "<4>Jun 17 11:34:49 2020 7506X-G %%10BGP/5/BGP_STATE_CHANGED: BGP.: 3.3.3.2 state has changed from ESTABLISHED to IDLE for session down event received from BFD.",
      "h3c",
    ],
    ["*Aug 20 19:19:44:543 2012 Sysname IKE/7/ERROR: -MDC=1; No acceptable transform.", "h3c"],
    ["ZT-F1030 IPSEC/6/IPSEC_SA_ESTABLISH_FAIL: Failed to establish IPsec SA.", "h3c"],
    [
      'id=firewall sn=0017C5A1B2C3 time="2024-03-12 08:05:07 UTC" fw=203.0.113.9 pri=3 c=4 m=65 msg="Illegal IPSec SPI" n=105 src=198.51.100.20 dst=203.0.113.9',
      "sonicwall",
    ],
    [
      'id=firewall time="2019-01-27 13:24:28" fw="V50XXA0G0000002" tz=+0000 startime="2019-01-27 13:24:28" pri=5 error=0 phase=1 src=192.168.0.1 dst=192.168.0.2 ikev=1 side=responder msg="Phase established" logtype="vpn"',
      "stormshield",
    ],
    [
      "<142>May 10 15:19:05 WatchGuard-Firebox FVE6035FD3AE3 (2024-05-10T09:49:05) firewall[10]: msg_id=\"0205-0010\" Received 'No Proposal Chosen' message from 172.16.13.204:500 for 'tunnel.1'",
      "watchguard",
    ],
    [
      '<30>device="SFW" date=2020-05-18 time=14:38:58 timezone="CEST" device_name="XG230" log_id=062511418055 log_type="Event" log_component="IPSec" log_subtype="System" status="Failed" message="aws-tunnel-1 - Remote peer not responding"',
      "sophos",
    ],
    [
      "[0]0368.03A4::02/02/2017-17:36:01.496 [ikeext] 3038|52.161.24.36|IKE authentication credentials are unacceptable",
      "windows",
    ],
    [
      "<30>Jun 19 22:12:41 bgpd[73781]: %ADJCHANGE: neighbor 10.6.106.2(aws-tun1) in vrf default Down Peer closed the session",
      "frr",
    ],
    ["Jan  4 11:23:21 frr daemon.debug bgpd[2146]: 10.0.0.1 went from Clearing to Idle", "frr"],
    ["Nov 01 16:23:00 bird[1376]: BGP1: BGP session closed", "bird"],
    ["2015/09/07 14:52:58 IKE.016: No response from 10.10.10.100, timeout", "nec-ix"],
    ["2018/10/29 17:32:55: IP Tunnel[3] Down", "yamaha"],
    ["2015/04/17 14:41:29: [IKE] initiate ISAKMP phase to 203.0.113.2 (local address 192.168.1.1)", "yamaha"],
    ["2026/09/05 02:11:40: [IKE1] SA:1/IKE established", "yamaha"],
    // FRR's own log file: "BGP:" where syslog puts a program.
    ["2023/12/22 10:46:01 BGP: [VB567-F0EDJ] %ADJCHANGE: neighbor 24.2.1.103(rtr2) in vrf blue Down User reset", "frr"],
    [
      "[iked9 16833 4065632704]@fw-ch01-02[13 Nov 17:34:51][ikev2] Exchange::setState: Changing state from: received message to: waiting for DH..",
      "checkpoint",
    ],
    // F5 BIG-IP's IKEv2 daemon runs in its traffic manager, which writes its level before its name.
    [
      "info tmm[20647]: 017c0000  [0.0] [IKE] v2 192.0.2.1%0-198.51.100.1%0 [0xb9e04f9831b6d377-0x92f7016301791cc2][R] [PROTO_ERR]: message lacks KE payload",
      "f5",
    ],
    [
      "Jun 10 11:14:55 bigip1 notice tmm1[20647]: 017c0000  [0.0] [IKE] [PROTO_WARN]: message to a nonexistent ike_sa",
      "f5",
    ],
    // pluto's connection with a nested instance, or its peer written against the state number.
    ['"labeled"[1][1] 192.1.2.23 #2: CREATE_CHILD_SA failed with error notification TS_UNACCEPTABLE', "libreswan"],
    ['"L2TP-PSK-NAT"[16] 198.51.100.7#15: byte 7 of ISAKMP NAT-OA Payload must be zero, but is not', "libreswan"],
    // pluto's "ERROR: " before a connection or a netlink answer is not racoon's level.
    ['ERROR: "tcp": TCP: socket 12: connecting to 52.1.2.3:4500: Connection refused (errno 111)', "libreswan"],
    [
      "ERROR: netlink response for Add SA esp.c0ffee01@52.1.2.3 included errno 38: Function not implemented",
      "libreswan",
    ],
    ["ERROR: phase1 negotiation failed due to time up. 52.1.2.3[500]<=>198.51.100.7[500]", "racoon"],
    // strongSwan's status rows and swanctl's answers, and pluto's ICMP error report, read by their own wording.
    ["AWS-VPC-TUNNEL-1{1360}:  INSTALLED, TUNNEL, reqid 1, ESP in UDP SPIs: c2217636_i c2fc4ee3_o", "strongswan"],
    [
      "AWS-VPC-TUNNEL-1[135]: ESTABLISHED 2 hours ago, 10.0.0.221[10.0.0.221]...18.222.98.126[18.222.98.126]",
      "strongswan",
    ],
    ["initiate failed: establishing CHILD_SA 'aws-t1' failed", "strongswan"],
    ["establishing connection 'aws-t1' failed", "strongswan"],
    ["peer didn't accept key exchange method MODP_2048, it requested ECP_256", "strongswan"],
    ["traffic selectors 10.1.0.20/32 === 192.168.0.100/32 unacceptable", "strongswan"],
    [
      "ERROR: asynchronous network error report on eth0 (sport=500) for message to 52.1.2.3 port 500, complainant 52.1.2.3: Connection refused [errno 111, origin ICMP type 3 code 3 (not authenticated)]",
      "libreswan",
    ],
  ];
  it.each(cases)("%s -> %s", (line, vendor) => {
    expect(classifyLine(line).vendor).toBe(vendor);
  });

  // Their other messages are no tunnel lines: a detected vendor would make them INFO.
  it.each([
    "<172>Jun 11 20:17:54 2020 S125G2 %%10IFNET/5/LINK_UPDOWN: Line protocol state on the interface HundredGigE1/4/0/1 changed to down.",
    "<29>2018-7-23 01:00:34.270.1 my-awesome-huawei-switch %%01IFNET/4/IF_STATE(l)[4997]:Interface Ethernet0/0/8 has turned into DOWN state.",
    '<142>May 10 15:19:05 WatchGuard-Firebox FVE6035FD3AE3 (2024-05-10T09:49:05) firewall[10]: msg_id="0900-0004" PPPoE authentication failed',
    'Jan  3 13:45:39 192.168.5.1 id=firewall sn=000SERIAL time="2007-01-03 14:48:10" fw=1.128.3.4 pri=6 c=1024 m=537 msg="Connection Closed" n=567999 src=1.128.3.4:500:WAN dst=216.160.83.57:500:WAN proto=udp/500',
    "08:35:42.991775+01:00 lb-101 bird: bfd1: Session to 10.248.16.254 removed",
    "2015/04/17 16:13:36: PP[01] Rejected at OUT(default) filter: UDP 192.168.1.1:10395 > 203.0.113.2:500",
    "2021/04/17 19:12:38 warnings: OSPF: [EC 134217736] ospf_sr_local_block_release_label: Returning label 0 is outside SRLB [15000/15999]",
  ])("does not read another message of a one-syslog device as a tunnel line: %s", (line) => {
    expect(classifyLine(line).code).toBe("UNKNOWN");
  });

  it("does not take Cisco IOS BGP debugging for FRR", () => {
    expect(classifyLine("*Jul 17 21:54:41.973: BGP: 1.1.1.2 went from Established to Idle").vendor).not.toBe("frr");
  });

  it("reads F5 BIG-IP's level between host and program, and keeps its other traffic manager lines out", () => {
    const ike = classifyLine(
      "Jun 10 11:14:55 bigip1 info tmm[20647]: 017c0000:6: [IKE] v2 192.0.2.1%0-198.51.100.1%0 [0xbabf623a8fa1e13f-0x10d7f4bb4e866676][R] [PROTO_ERR]: retransmission count exceeded the limit",
    );
    expect(ike).toMatchObject({ code: "PEER_UNREACHABLE", vendor: "f5", phase: "1" });
    expect(ike.fields).toMatchObject({ host: "bigip1", program: "tmm", peerIp: "192.0.2.1" });
    const pool = classifyLine(
      "Jun 10 11:14:55 bigip1 notice tmm1[20647]: 01010028:3: No members available for pool /Common/web",
    );
    expect(pool).toMatchObject({ code: "UNKNOWN", vendor: "unknown" });
  });

  it("gives an SSL VPN's or OpenVPN's dead peer no IKE phase, and IKE's DPD phase 1", () => {
    expect(
      classifyLine("May 26 03:20:49 speedy openvpn[1194]: Inactivity timeout (--ping-restart), restarting"),
    ).toMatchObject({
      code: "DPD_TIMEOUT",
      phase: null,
    });
    expect(
      classifyLine(
        "Oct 20 2019 15:42:54: %ASA-4-722037: Group <G> User <Paul> IP <81.2.69.142> SVC closing connection: DPD failure.",
      ),
    ).toMatchObject({ code: "DPD_TIMEOUT", phase: null });
    expect(
      classifyLine(
        'Aug 27 04:22:22 svr1 pluto[5085]: "tun"[9] 192.0.2.5 #34: DPD: No response from peer - declaring peer dead',
      ),
    ).toMatchObject({ code: "DPD_TIMEOUT", phase: "1" });
  });

  it("reads the time and program behind a file name prefix and a time zone", () => {
    const grepped = classifyLine('/var/log/syslog:Oct 24 15:10:03 pi pluto[877]: "tun" #1: initiating Main Mode');
    expect(grepped.fields).toMatchObject({ time: "Oct 24 15:10:03", host: "pi", program: "pluto" });
    const zoned = classifyLine("Mar 13 15:29:24.298 UTC: ISAKMP : Looking for xauth in profile branch-1");
    expect(zoned).toMatchObject({ code: "INFO", vendor: "cisco-ios" });
    expect(zoned.fields.time).toBe("Mar 13 15:29:24.298");
    // RouterOS's console log: its topic follows the time, not a host and a program.
    const routeros = classifyLine("oct/25 23:50:30 ipsec notify: INVALID_SYNTAX");
    expect(routeros).toMatchObject({ code: "TUNNEL_DOWN_OTHER", vendor: "mikrotik" });
    expect(routeros.fields).toMatchObject({ time: "oct/25 23:50:30", notify: "INVALID_SYNTAX" });
    expect(routeros.fields.host).toBeUndefined();
    // macOS's VPN session manager is not an IKE daemon, but its IPsec lines are tunnel lines; its others are not.
    const started = classifyLine("1/20/16 3:08:02.685 PM nesessionmanager[3608]: IPSec Phase1 starting.");
    expect(started).toMatchObject({ code: "INFO", phase: "1" });
    expect(started.fields).toMatchObject({ time: "1/20/16 3:08:02.685 PM", program: "nesessionmanager" });
    expect(
      classifyLine("1/20/16 3:08:02.674 PM nesessionmanager[3608]: NESMLegacySession[Taqua]: Received a start command")
        .code,
    ).toBe("UNKNOWN");
  });

  it("uses a vendor hint only when the line does not show its vendor", () => {
    expect(classifyLine("received NO_PROPOSAL_CHOSEN notify error", { vendor: "alibaba" }).vendor).toBe("alibaba");
    expect(classifyLine("charon: 09[IKE] initiating IKE_SA tun[1]", { vendor: "alibaba" }).vendor).toBe("strongswan");
  });

  it("does not take a vendor hint for a sign that the line is a tunnel log", () => {
    const unrelated = classifyLine("Disk quota of user backup exceeded on /var", { vendor: "alibaba" });
    expect(unrelated).toMatchObject({ code: "UNKNOWN", vendor: "alibaba" });
    expect(classifyLine("IPsec SA rekey scheduled in 300 seconds", { vendor: "alibaba" }).code).toBe("INFO");
  });

  it("reads only the VPN messages of a Cisco ASA as tunnel lines", () => {
    const deny =
      '%ASA-4-106023: Deny tcp src outside:10.1.1.1/5000 dst inside:10.2.2.2/22 by access-group "out" [0x0, 0x0]';
    expect(classifyLine(deny)).toMatchObject({ code: "UNKNOWN", vendor: "cisco-asa" });
    expect(classifyLine("%ASA-5-713041: IP = 192.0.2.1, IKE Initiator: New Phase 1, Intf inside").code).toBe("INFO");
  });

  // A firewall that drops the tunnel's own packets is why the tunnel does not come up: IKE (UDP 500)
  // and ESP blocked leave the peer unreachable, UDP 4500 blocked breaks NAT traversal. Any other
  // traffic a firewall drops, or IKE it lets through, is not a tunnel line.
  it.each([
    [
      "May  5 03:09:44 HG-GATEWAY kernel: [21503.274226] [UFW BLOCK] IN=eth0 OUT= MAC=00:15:5d:00:c9:21:00:d0:03:1e:10:00:08:00 SRC=195.241.XXX.XXX DST=85.17.XXX.XXX LEN=556 TOS=0x00 PREC=0x00 TTL=123 ID=18144 PROTO=UDP SPT=500 DPT=500 LEN=536",
      "PEER_UNREACHABLE",
      "1",
    ],
    [
      "Mar  3 10:00:00 fw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 DST=198.51.100.1 LEN=100 PROTO=UDP SPT=4500 DPT=4500 LEN=80",
      "NAT_T_ISSUE",
      null,
    ],
    [
      "Mar  3 10:00:00 fw kernel: FINAL_REJECT: IN=eth0 OUT= SRC=203.0.113.9 DST=198.51.100.1 LEN=100 PROTO=ESP SPI=0x1234",
      "PEER_UNREACHABLE",
      null,
    ],
    [
      '%ASA-4-106023: Deny udp src outside:203.0.113.9/500 dst inside:198.51.100.1/500 by access-group "outside_in" [0x0, 0x0]',
      "PEER_UNREACHABLE",
      "1",
    ],
    [
      '%ASA-4-106023: Deny udp src outside:203.0.113.9/4500 dst inside:198.51.100.1/4500 by access-group "outside_in" [0x0, 0x0]',
      "NAT_T_ISSUE",
      null,
    ],
    [
      '%ASA-4-106023: Deny protocol 50 src outside:203.0.113.9 dst inside:198.51.100.1 by access-group "outside_in" [0x0, 0x0]',
      "PEER_UNREACHABLE",
      null,
    ],
    [
      "%ASA-2-106006: Deny inbound UDP from 203.0.113.9/500 to 198.51.100.1/500 on interface outside",
      "PEER_UNREACHABLE",
      "1",
    ],
    [
      "%ASA-3-710003: UDP access denied by ACL from 203.0.113.9/500 to outside:198.51.100.1/500",
      "PEER_UNREACHABLE",
      "1",
    ],
    [
      "%ASA-4-106100: access-list outside_in denied udp outside/203.0.113.9(4500) -> inside/198.51.100.1(4500) hit-cnt 1 first hit [0x1, 0x0]",
      "NAT_T_ISSUE",
      null,
    ],
    [
      "2015/09/07 14:52:28 FLT.008: BLOCK udp 10.10.10.100:500 > 10.10.10.1:500, not match any filters, GigaEthernet0.1 in",
      "PEER_UNREACHABLE",
      "1",
    ],
    [
      "Mar  3 10:00:00 srx1 RT_FLOW: RT_FLOW_SESSION_DENY: session denied 203.0.113.9/500->198.51.100.1/500 0x0 junos-ike 17(0) default-deny(global) untrust untrust UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0 UNKNOWN policy deny",
      "PEER_UNREACHABLE",
      "1",
    ],
    [
      'date=2024-03-12 time=08:02:07 devname="fgt1" devid="FG100F" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=203.0.113.9 srcport=500 srcintf="wan1" dstip=198.51.100.1 dstport=500 dstintf="internal" proto=17 action="deny" policyid=0 service="IKE"',
      "PEER_UNREACHABLE",
      "1",
    ],
    [
      "Mar 3 10:00:00 pfsense filterlog[1234]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,17,udp,100,203.0.113.9,198.51.100.1,4500,4500,80",
      "NAT_T_ISSUE",
      null,
    ],
    ["2024-03-12 08:02:07 DROP UDP 203.0.113.9 198.51.100.1 500 500 0 - - - - - - - RECEIVE", "PEER_UNREACHABLE", "1"],
    // Not the tunnel's packets, or not dropped.
    [
      '%ASA-4-106023: Deny udp src outside:203.0.113.9/320 dst inside:198.51.100.1/320 by access-group "outside_in" [0x0, 0x0]',
      "UNKNOWN",
      null,
    ],
    [
      "Mar  3 10:00:00 fw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 DST=198.51.100.1 LEN=100 PROTO=UDP SPT=500 DPT=5000 LEN=80",
      "UNKNOWN",
      null,
    ],
    [
      "Mar  3 10:00:00 fw kernel: [UFW ALLOW] IN=eth0 OUT= SRC=203.0.113.9 DST=198.51.100.1 LEN=100 PROTO=UDP SPT=500 DPT=500 LEN=80",
      "UNKNOWN",
      null,
    ],
    [
      "%ASA-6-302015: Built inbound UDP connection 12 for outside:203.0.113.9/500 (203.0.113.9/500) to identity:198.51.100.1/500 (198.51.100.1/500)",
      "UNKNOWN",
      null,
    ],
    [
      "Mar  3 10:00:00 srx1 RT_FLOW: RT_FLOW_SESSION_DENY: session denied 203.0.113.9/443->198.51.100.1/443 0x0 junos-https 6(0) default-deny(global) untrust untrust UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0 UNKNOWN policy deny",
      "UNKNOWN",
      null,
    ],
    [
      'date=2024-03-12 time=08:02:07 devname="fgt1" devid="FG100F" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=203.0.113.9 srcport=500 srcintf="wan1" dstip=198.51.100.1 dstport=500 dstintf="internal" proto=17 action="accept" policyid=3 service="IKE"',
      "UNKNOWN",
      null,
    ],
  ] as const)("reads a firewall's drop of the tunnel's packets: %s -> %s", (line, code, phase) => {
    const result = classifyLine(line);
    expect(result.code).toBe(code);
    if (code !== "UNKNOWN")
      expect({ phase: result.phase, rule: result.rule }).toEqual({ phase, rule: "blocked.tunnel-traffic" });
  });
});

describe("lines of other programs that use a tunnel fault's words", () => {
  // Real lines from logpai/loghub (Linux, Hadoop and Mac samples): a login service's
  // "authentication failure", a Java "No route to host", an application's "WARNING:"; then
  // network devices' records.
  const lines = [
    "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4",
    "Jun 30 20:53:04 combo klogind[19272]: Authentication failed from 163.27.187.39 (163.27.187.39): Permission denied in replay cache code",
    "2015-10-18 18:06:26,029 FATAL [IPC Server handler 13 on 62270] org.apache.hadoop.mapred.TaskAttemptListenerImpl: Task: attempt_1445144423722_0020_m_000002_0 - exited : java.net.NoRouteToHostException: No Route to Host from  MININT-FNANLI5/127.0.0.1 to msra-sa-41:9000 failed on socket timeout exception: java.net.NoRouteToHostException: No route to host: no further information; For more details see:  http://wiki.apache.org/hadoop/NoRouteToHost",
    "Jul  3 16:28:34 authorMacBook-Pro QQ[10018]: tcp_connection_destination_perform_socket_connect 21152 connectx to 203.205.147.206:8080@0 failed: [51] Network is unreachable",
    "Jul  1 21:10:19 calvisitor-10-105-163-202 Preview[11512]: WARNING: Type1 font data isn't in the correct format required by the Adobe Type 1 Font Format specification.",
    // Network devices' records that are not tunnel lines: an administrator's login, web
    // inspection, a flow record closed for idleness, an SSL handshake, NETCONF and RADIUS logins
    // (parser test fixtures).
    // elastic/integrations:packages/cisco_asa/data_stream/log/_dev/test/pipeline/test-additional-messages.log
    "Apr 27 02:03:03 dev01: %ASA-6-611102: User authentication failed: IP address: 10.10.0.87, Uname: admin",
    // elastic/integrations:packages/fortinet_fortigate/data_stream/log/_dev/test/pipeline/test-fortinet.log
    '<189>date=2020-04-23 time=13:15:18 devname="testswitch2" devid="someotherid" logid="1700062001" type="utm" subtype="ssl" eventtype="ssl-anomalies" level="notice" vd="root" eventtime=1587230118838592454 tz="-0400" policyid=12 sessionid=42346234 service="HTTPS" user="elasticuser2" group="elasticgroup2" profile="somecerts" srcip=192.168.2.1 srcport=59726 dstip=67.43.156.13 dstport=443 srcintf="LAN" srcintfrole="lan" dstintf="wan1" dstintfrole="wan" proto=6 action="passthrough" msg="Server certificate passed" reason="untrusted-cert"',
    // elastic/integrations:packages/juniper_srx/data_stream/log/_dev/test/pipeline/test-flow.log
    '<14>1 2018-10-07T01:32:20.898Z TestFW2 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@67.43.156.15 reason="idle Timeout" source-address="67.43.156.14" source-port="52890" destination-address="67.43.156.14" destination-port="53" service-name="junos-dns-udp" nat-source-address="67.43.156.14" nat-source-port="11152" nat-destination-address="67.43.156.14" nat-destination-port="53" src-nat-rule-type="source rule" src-nat-rule-name="NAT_S" dst-nat-rule-type="N/A" dst-nat-rule-name="N/A" protocol-id="17" policy-name="NAT" source-zone-name="Gi_nat" destination-zone-name="Internet" session-id-32="220368889" packets-from-client="1" bytes-from-client="72" packets-from-server="1" bytes-from-server="136" elapsed-time="8" application="UNKNOWN" nested-application="UNKNOWN" username="N/A" roles="N/A" packet-incoming-interface="reth0.108" encrypted="UNKNOWN"]',
    // SEKOIA-IO/intake-formats:pulse-connect:test_event_aut24604.json
    'id=firewall time="2023-10-17 10:21:14" pri=4 fw=3.4.5.6 vpn=EX023-V6 user=System realm="" roles="" type=mgmt proto= src=1.2.3.4 dst= dstname= sent= rcvd= msg="AUT24604: SSL negotiation failed while client at source IP \'1.2.3.4\' was trying to connect to \'5.6.7.8\'. Reason: \'sslv3 alert bad certificate\'"',
    // SEKOIA-IO/intake-formats:cisco-ios:test_auth_failed_1.json
    "Oct 19 18:29:00.044: %DMI-5-AUTHENTICATION_FAILED: Switch 1 R0/0: dmiauthd: Authentication failure from 1.2.3.4:51679 for netconf over ssh.",
    // SEKOIA-IO/intake-formats:fortigate:test_event_login_1.json
    'time=16:22:20 timestamp=1762528940 devname="FortiAuthenticator" devid="TEST_DEV_ID" vd="root" itime=1762528940 faclogindex="111111111" logid="20320" logdesc="AUTH_FAIL_USER_TEST_EVENT_DAT" type="event" subtype="Authentication" level="information" user="user1" nas="1.2.3.4" userip=192.0.2.1 action="Authentication" status="Failed" msg="User authentication from 192.0.2.1 (mschap) with no token failed: user not found" tz="+0100"',
    // FortiGate's other event records and routing protocols, also without devname.
    'date=2020-09-28 time=15:37:01 logid="0114032605" type="event" subtype="switch-controller" level="information" vd="vdom1" logdesc="Switch-Controller Tunnel Up" msg="CAPWAP Tunnel Up (169.254.1.3)"',
    'id=20301 logdesc="Routing log" msg="OSPF: RECV[Hello]: From 31.1.1.1 via port9:172.16.200.1: Invalid Area ID 0.0.0.0"',
    // Programs and facilities on the same gateways: IS-IS's hold time, an NTP server not
    // answering, a Kerberos pre-authentication failure, PPPoE's peer not answering on RouterOS.
    "Mar 12 17:05:14 core-r1 414: Mar 12 17:05:14.220 UTC: %CLNS-5-ADJCHANGE: ISIS: Adjacency to core-r2 (TenGigabitEthernet0/1/0) Down, hold time expired",
    "Mar 12 21:00:17 vpn-gw01 systemd-timesyncd[588]: Timed out waiting for reply from 185.125.190.57:123 (ntp.ubuntu.com).",
    "Mar 12 19:25:17 kdc01 krb5kdc[2281](info): AS_REQ (4 etypes {18 17 20 19}) 10.20.0.15: PREAUTH_FAILED: jdoe@CORP.EXAMPLE for krbtgt/CORP.EXAMPLE@CORP.EXAMPLE, Preauthentication failed",
    "2026-01-14 06:30:02 pppoe,ppp,info pppoe-out1: terminating... - peer is not responding",
    // BIRD's other protocols: OSPF's inactivity timer, the kernel's unreachable network.
    "Mar  3 16:00:01 cgw1 bird: ospf1: Inactivity timer expired for nbr 10.0.0.2 on eth1",
    "2024-03-03 16:03:00.000 <WARN> Netlink: Network is unreachable",
    // A build's stages, in the words Topsec uses for the IKE phases.
    "2026-03-12T10:02:06Z runner-3 ci[812]: The first stage was successful, starting the second stage",
  ];
  it.each(lines)("%s -> UNKNOWN", (line) => {
    expect(classifyLine(line).code).toBe("UNKNOWN");
  });

  it("still reads the same words in a tunnel log", () => {
    expect(classifyLine("charon: 13[IKE] authentication failed, peer rejected us").code).toBe("IKE_AUTH_FAILURE");
    expect(classifyLine("Mar  1 10:00:00 gw racoon: ERROR: sendto (No route to host)").code).toBe("PEER_UNREACHABLE");
    expect(classifyLine("authentication failure").code).toBe("IKE_AUTH_FAILURE");
  });
});

describe("bad input never throws and says why", () => {
  const reasonFor = (input: string | Uint8Array) => {
    const result = classifyLine(input);
    expect(result.code).toBe("UNKNOWN");
    return result.reason;
  };

  it("names empty, binary, invalid UTF-8, oversized and non-text input", () => {
    expect(reasonFor("")).toBe("empty line");
    expect(reasonFor("   \t  ")).toBe("empty line");
    expect(reasonFor("charon: \u0000\u0001\u0002 IKE")).toMatch(/binary/);
    expect(reasonFor(new Uint8Array([0x63, 0x68, 0xff, 0xfe, 0x61]))).toBe("invalid UTF-8");
    expect(reasonFor("a".repeat(1024 * 1024))).toMatch(/1048576 characters, over the 16384/);
    expect(reasonFor("x".repeat(MAX_LINE_LENGTH + 1))).toMatch(/over the/);
    expect(classifyLine(null as unknown as string).reason).toBe("not a text line (null)");
    expect(classifyLine(42 as unknown as string).reason).toBe("not a text line (number)");
    expect(reasonFor("\ud800 lone surrogate")).toMatch(/binary|UTF-8/);
  });

  it("reads a line with a stray badly decoded byte, but not one made mostly of them", () => {
    // Published SRX line whose Local IKE-ID bytes were not UTF-8.
    const mangled =
      "Nov 28 11:24:02  srx kmd[13696]: KMD_VPN_UP_ALARM_USER: VPN VPN_AZURE from 203.0.113.7 is up. Local-ip: 10.200.0.5, gateway name: GW, vpn name: VPN_AZURE, tunnel-id: 131073, local tunnel-if: st0.0, Local IKE-ID: U\ufffd\u04ac, Remote IKE-ID: 203.0.113.7";
    expect(classifyLine(mangled)).toMatchObject({ code: "TUNNEL_UP", vendor: "juniper" });
    expect(reasonFor(`charon: 16[IKE] ${"\ufffd".repeat(6)} giving up after 5 retransmits`)).toMatch(/binary/);
    expect(reasonFor("IKE \ufffd\ufffd")).toMatch(/binary/);
  });

  it("accepts a valid UTF-8 byte line", () => {
    expect(classifyLine(new TextEncoder().encode("charon: 16[IKE] giving up after 5 retransmits")).code).toBe(
      "PEER_UNREACHABLE",
    );
  });

  it("survives random garbage: 20,000 random strings and byte arrays", () => {
    const random = seededRandom(12345);
    const alphabet =
      "abcXYZ019 _-:[]{}()\"'\\/.,;<>|=#%*\u00e9\u65e5\ud83d\ude00\u0000\u001f\ufffdNO_PROPOSAL_CHOSEN IKE_SA CHILD_SA";
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 300);
      let input: string | Uint8Array;
      if (i % 3 === 0) {
        input = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      } else {
        input = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
        if (i % 7 === 0) input = `{"details": "${input}`;
      }
      const result = classifyLine(input);
      expect(LOG_FAULT_CODES).toContain(result.code);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
  });
});
