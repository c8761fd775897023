import { describe, expect, it } from "vitest";
import { readLabelledLines } from "../../test/labelled-lines.ts";
import { classifyLine } from "./classify.ts";
import { withoutNames } from "./names.ts";

describe("withoutNames", () => {
  const cases: [string, string][] = [
    ["09[IKE] <aws-dpd|12> giving up after 5 retransmits", "09[IKE] <xxxxxxx|12> giving up after 5 retransmits"],
    [
      "IKE_SA phase2-gw[3] established between 10.0.0.1[a]...203.0.113.9[b]",
      "IKE_SA xxxxxxxxx[3] established between 10.0.0.1[a]...203.0.113.9[b]",
    ],
    ["closing CHILD_SA net-down{7} with SPIs c1(inbound)", "closing CHILD_SA xxxxxxxx{7} with SPIs c1(inbound)"],
    [
      "[IKE] [dpd-gw|16] failed to establish CHILD_SA, keeping IKE_SA",
      "[IKE] [xxxxxx|16] failed to establish CHILD_SA, keeping IKE_SA",
    ],
    [
      "aws-down-1[135]: ESTABLISHED 2 hours ago, 10.0.0.221[10.0.0.221]...18.222.98.126[18.222.98.126]",
      "xxxxxxxxxx[135]: ESTABLISHED 2 hours ago, 10.0.0.221[10.0.0.221]...18.222.98.126[18.222.98.126]",
    ],
    [
      "IKE_SA (unnamed)[262] state change: CONNECTING => DESTROYING",
      "IKE_SA (unnamed)[262] state change: CONNECTING => DESTROYING",
    ],
    [
      '"l2tp-psk"[1] 203.0.113.9 #3: STATE_MAIN_R2: retransmission',
      '"xxxxxxxx"[1] 203.0.113.9 #3: STATE_MAIN_R2: retransmission',
    ],
    ['003 "xauth-psk" #1: XAUTH-Message: Enter Username', '003 "xxxxxxxxx" #1: XAUTH-Message: Enter Username'],
    ['"aws-1": added IKEv2 connection', '"xxxxx": added IKEv2 connection'],
    [
      '000 #2: "ikev2-cp"[2] 203.0.113.9:4500 STATE_QUICK_R2 (IPsec SA established)',
      '000 #2: "xxxxxxxx"[2] 203.0.113.9:4500 STATE_QUICK_R2 (IPsec SA established)',
    ],
    [
      'deleting connection "phase2-office" instance with peer 203.0.113.9',
      'deleting connection "xxxxxxxxxxxxx" instance with peer 203.0.113.9',
    ],
    ["ike 0:to-aws-dpd:53: sent IKE msg (retransmit)", "ike 0:xxxxxxxxxx:53: sent IKE msg (retransmit)"],
    ["ike 0:to-aws:53:aws-p2:1234: add SA", "ike 0:xxxxxx:53:xxxxxx:1234: add SA"],
    ["ike V=root:0:vpn-p1: auto-negotiate connection", "ike V=root:0:xxxxxx: auto-negotiate connection"],
    [
      "ike 0:75182ea269d7d772/0000000000000000:50865: negotiation failure",
      "ike 0:75182ea269d7d772/0000000000000000:50865: negotiation failure",
    ],
    [
      'action="negotiate" vpntunnel="to-aws-dpd" status="negotiate_error" msg="IPsec phase 1 error"',
      'action="negotiate" vpntunnel="xxxxxxxxxx" status="negotiate_error" msg="IPsec phase 1 error"',
    ],
    [
      "1,2024/03/12 08:31:00,016201012345,SYSTEM,vpn,0,2024/03/12 08:31:00,,ike-nego-p1-fail,gw-dpd,0,0,general,",
      "1,2024/03/12 08:31:00,016201012345,SYSTEM,vpn,0,2024/03/12 08:31:00,,ike-nego-p1-fail,xxxxxx,0,0,general,",
    ],
    ["selected peer config 'dpd-lab'", "selected peer config 'xxxxxxx'"],
    [
      "pluto: #3: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN '@vpn-dead'",
      "pluto: #3: responder established IKE SA; authenticated peer using authby=secret and ID_FQDN 'xxxxxxxxx'",
    ],
    [
      "10[IKE] IKE_SA x[1] established between 10.0.0.1[CN=gw-down]...203.0.113.9[@dpd]",
      "10[IKE] IKE_SA x[1] established between 10.0.0.1[xxxxxxxxxx]...203.0.113.9[xxxx]",
    ],
    ["08[JOB] start action: start 'phase2-office'", "08[JOB] start action: start 'xxxxxxxxxxxxx'"],
    [
      "%ASA-3-752007: Tunnel Manager failed to dispatch a KEY_ACQUIRE message. Map Tag = aws-dpd. Map Sequence Number = 10.",
      "%ASA-3-752007: Tunnel Manager failed to dispatch a KEY_ACQUIRE message. Map Tag = xxxxxxx. Map Sequence Number = 10.",
    ],
    [
      'vd="root" action="negotiate" vpn_tunnel="p2-down" xauth_user="alice" msg="x"',
      'vd="xxxx" action="negotiate" vpn_tunnel="xxxxxxx" xauth_user="xxxxx" msg="x"',
    ],
    [
      "IKE phase-2 negotiation from 172.16.12.82:500 to 172.16.12.81:500 failed. Tunnel='dpd.1' GatewayEndpoint='gw-down'",
      "IKE phase-2 negotiation from 172.16.12.82:500 to 172.16.12.81:500 failed. Tunnel='xxxxx' GatewayEndpoint='xxxxxxx'",
    ],
    [
      "IKEv2:(SESSION ID = 1,SA ID = 1):Found matching IKEv2 profile 'AWS-DPD'",
      "IKEv2:(SESSION ID = 1,SA ID = 1):Found matching IKEv2 profile 'xxxxxxx'",
    ],
    [
      "type=CRYPTO_IKE_SA msg=audit(1749899159.004:5177): pid=903 msg='op=start direction=initiator conn-name=\"dpd-down\" connstate=45 res=failed'",
      "type=CRYPTO_IKE_SA msg=audit(1749899159.004:5177): pid=903 msg='op=start direction=initiator conn-name=\"xxxxxxxx\" connstate=45 res=failed'",
    ],
    [
      "The user SYSTEM dialed a connection named DPD-Test that has failed. The error code returned on failure is 809.",
      "The user SYSTEM dialed a connection named xxxxxxxx that has failed. The error code returned on failure is 809.",
    ],
    [
      "Aug 24 2017 HQ-DPD %ASA-6-113009: AAA retrieved default group policy",
      "Aug 24 2017 xxxxxx %ASA-6-113009: AAA retrieved default group policy",
    ],
    [
      "%ASA-5-713119: Group = AWS-idle, Username = branch-down, IP = 203.0.113.9, PHASE 1 COMPLETED",
      "%ASA-5-713119: Group = xxxxxxxx, Username = xxxxxxxxxxx, IP = 203.0.113.9, PHASE 1 COMPLETED",
    ],
    [
      "KMD_VPN_DOWN_ALARM_USER: VPN vpn-dpd from 203.0.113.9 is down. Local-ip: 198.51.100.10, gateway name: gw-nat-t, vpn name: vpn-dpd, tunnel-id: 131074",
      "KMD_VPN_DOWN_ALARM_USER: VPN xxxxxxx from 203.0.113.9 is down. Local-ip: 198.51.100.10, gateway name: xxxxxxxx, vpn name: xxxxxxx, tunnel-id: 131074",
    ],
    [
      "IKE negotiation failed with error: Timed out. IKE Version: 1, VPN: IPSEC-TUN1 Gateway: IKE-TUN1-GW, Local: 10.0.0.1/500",
      "IKE negotiation failed with error: Timed out. IKE Version: 1, VPN: xxxxxxxxxx Gateway: xxxxxxxxxxx, Local: 10.0.0.1/500",
    ],
  ];
  it.each(cases)("blanks the names in %s", (message, blanked) => {
    expect(withoutNames(message)).toBe(blanked);
  });

  it("leaves a message that holds no operator's names as it is", () => {
    for (const message of [
      'logid="0101037129" type="event" subtype="vpn" msg="progress IPsec phase 1" status="failure"',
      "%ASA-4-113019: Group = 203.0.113.9, Username = 203.0.113.9, IP = 203.0.113.9, Session disconnected.",
      "NO_PROPOSAL_CHOSEN notify received, 50% of retries used",
      "\"westnet-eastnet\" #5: state transition 'initiate create Child SA (CREATE_CHILD_SA)' failed".replace(
        "westnet-eastnet",
        "x".repeat(15),
      ),
      "msg_id=\"0203-0014\" Received 'No Proposal Chosen' message from 172.16.12.81:500",
      "received DELETE for IKE_SA [3]",
      '{ "exabgp": "4.0.1", "type": "state", "neighbor": { "ip": "10.9.0.1", "state": "down" } }',
    ]) {
      expect(withoutNames(message)).toBe(message);
    }
  });
});

// Names that are fault words: a name must never decide a line's code or phase.
const LOADED_NAMES = [
  "dpd-timeout-gw",
  "phase2-office",
  "peer-unreachable",
  "nat-t-blocked",
  "idle-failover",
  "bgp-down",
];

/** The line with the operator's name at `site` replaced by `name`, or undefined when the line has no such site. */
function renamed(line: string, name: string): string | undefined {
  const sites: RegExp[] = [
    /(<)[^<>|\s]+(\|\d+>)/, // charon
    /((?:^|\s|: )(?:\d{3} )?")[^"]+("(?:\[\d+\])? (?:\S+ )?#\d+: )/, // pluto
    /(^(?:\S+ )*?ike (?:V=[\w-]+:)?\d+:)[^:\s/\d][^:\s/]*(:\d+: )/, // FortiGate debug
    /(\bGroup = )[A-Za-z][^,\s]*(, )/, // Cisco ASA
    /(\bvpn name: )[^,\s]+(,)/, // Junos
    /(\b(?:Tunnel|GatewayEndpoint|Gateway-Endpoint)=')[^']+(')/, // WatchGuard
    /(\bauthentication of ')[^']+(')/, // an IKE identity
    /(\bID_(?:FQDN|IPV4_ADDR|DER_ASN1_DN|USER_FQDN) ')[^']+(')/, // pluto's peer identity
  ];
  for (const site of sites) {
    if (site.test(line)) return line.replace(site, `$1${name}$2`);
  }
  return undefined;
}

describe("an operator's names", () => {
  const lines = [...readLabelledLines("corpus"), ...readLabelledLines("templates")]
    .map((labelled) => labelled.line)
    .filter((line) => renamed(line, "x") !== undefined);

  it("are found in enough lines for the check to mean something", () => {
    expect(lines.length).toBeGreaterThan(800);
  });

  it("never change a line's code or phase, and stay in its evidence", () => {
    const changed: string[] = [];
    for (const line of lines) {
      const original = classifyLine(line);
      for (const name of LOADED_NAMES) {
        const variant = renamed(line, name) as string;
        const result = classifyLine(variant);
        if (result.code !== original.code || result.phase !== original.phase)
          changed.push(`${original.code}/${original.phase} -> ${result.code}/${result.phase}: ${variant}`);
      }
    }
    expect(changed).toEqual([]);
  });

  it("keeps the name in the evidence it quotes", () => {
    const result = classifyLine(
      "Mar  3 10:01:07 gw1 charon: 06[IKE] <aws-east|12> IKE_SA aws-east[12] established between a...b",
    );
    expect(result.code).toBe("TUNNEL_UP");
    expect(result.evidence).toContain("aws-east");
  });
});
