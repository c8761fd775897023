import { describe, expect, it } from "vitest";
import { BGP_TRANSITION, bgpSessionMove, bgpTransitionOf } from "./bgp-transition.ts";
import { classifyLine } from "./classify.ts";

// Written for these tests in each daemon's documented wording; the corpus holds the real lines.
const MOVES: [line: string, move: "up" | "down" | "progress"][] = [
  ["bgpd[812]: neighbor 198.51.100.7 (edge-a): state change Idle -> Connect, reason: Start", "progress"],
  ["bgpd[812]: neighbor 198.51.100.7 (edge-a): state change Active -> Idle, reason: Stop", "down"],
  [
    "bgpd[812]: neighbor 198.51.100.7 (edge-a): state change OpenConfirm -> Established, reason: KEEPALIVE message received",
    "up",
  ],
  ["BGP: 203.0.113.9 went from OpenConfirm to Connect", "down"],
  ["BGP: 203.0.113.9 went from Idle to Deleted", "progress"],
  ["bgpd[77]: 203.0.113.9 [FSM] Hold_Timer_expired (Established->Clearing), fd 30", "down"],
  ["bgpd[77]: 203.0.113.9 [FSM] TCP_connection_open (Connect->OpenSent), fd 30", "progress"],
  ["AWS-side peer BGP session state has changed from Idle to Active with neighbor 169.254.10.1", "progress"],
  ["AWS-side peer BGP session state has changed from OpenSent to Idle with neighbor 169.254.10.1", "down"],
  [
    "rpd[40]: BGP peer 169.254.10.1 (External AS 64512) changed state from Idle to Active (event Start) (instance master)",
    "progress",
  ],
  [
    "rpd[40]: BGP peer 169.254.10.1 (External AS 64512) changed state from Active to Connect (event ConnectRetry) (instance master)",
    "progress",
  ],
  [
    "rpd[40]: BGP peer 169.254.10.1 (External AS 64512) changed state from Active to Connect (event TransportError) (instance master)",
    "down",
  ],
  [
    "Bgp: %BGP-5-ADJCHANGE: peer 10.9.0.1 (VRF default AS 65010) old state OpenSent event RecvOpen new state OpenConfirm",
    "progress",
  ],
  ["BGP/5/BGP_STATE_CHANGED: BGP.: 10.9.0.1 state has changed from OPENSENT to ACTIVE.", "down"],
  ["BGP.: 192.168.109.29 State is changed from OPENCONFIRM to ESTABLISHED.", "up"],
  [
    '{"Key":"10.9.0.1","Topic":"Peer","level":"info","msg":"state changed","new":"BGP_FSM_IDLE","old":"BGP_FSM_ESTABLISHED","reason":"notification-received"}',
    "down",
  ],
  ['level=info msg="state changed" Key=10.9.0.1 old=BGP_FSM_OPENCONFIRM new=BGP_FSM_ESTABLISHED Topic=Peer', "up"],
  ['{ "exabgp": "4.0.1", "type": "state", "neighbor": { "ip": "10.9.0.1", "state": "connected" } }', "progress"],
  ["bird: edge_a: State changed to flush", "progress"],
  ["[NEIGH] 192.168.10.2 fsm: BGP_FSM_IDLE admin: down", "down"],
  ["[NEIGH] 192.168.10.2 fsm: BGP_FSM_ESTABLISHED admin: up", "up"],
];

describe("BGP state changes", () => {
  it.each(MOVES)("%s is the session %s", (line, move) => {
    const match = BGP_TRANSITION.exec(line);
    expect(match).not.toBeNull();
    expect(bgpSessionMove(bgpTransitionOf(match as RegExpExecArray))).toBe(move);
  });

  it("classifies the session up (the tunnel up), down or on its way up, and only up clears BGP_SESSION_DOWN", () => {
    const results = MOVES.map(([line]) => classifyLine(line));
    MOVES.forEach(([line, move], i) => {
      const result = results[i];
      // AWS's BGP log gives a session that is not yet Established the status DOWN (a rule of its own).
      const isAwsShortOfUp = move !== "up" && line.startsWith("AWS-side peer") && !/from Established/i.test(line);
      const isDown = move === "down" || isAwsShortOfUp;
      expect(result?.code).toBe(isDown ? "BGP_SESSION_DOWN" : move === "up" ? "TUNNEL_UP" : "INFO");
      expect(result?.clears).toEqual(move === "up" ? ["BGP_SESSION_DOWN"] : []);
      expect(result?.rule).toBe(isAwsShortOfUp ? "bgp.aws-short-of-established" : "bgp.transition");
    });
  });

  it("does not read other protocols' state changes as BGP", () => {
    for (const line of [
      "ospfd[551]: nbr 10.0.0.2: state change Full -> Down, event InactivityTimer",
      "charon: 09[IKE] IKE_SA aws-1[3] state change: CONNECTING => ESTABLISHED",
      "ISAKMP:(1004):Old State = IKE_I_MM1  New State = IKE_I_MM2",
      "NetworkManager[902]: <info> device (wlan0): state change: config -> ip-config (reason 'none')",
    ]) {
      expect(BGP_TRANSITION.exec(line), line).toBeNull();
    }
  });
});
