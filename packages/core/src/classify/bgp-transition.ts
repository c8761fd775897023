// A BGP session's state change, in every daemon's wording, read once: each wording says where the
// (from, to) states and the triggering event sit, and one decision reads them. BIRD and ExaBGP name
// only the state the session entered, in words of their own (up, down, start...).

// In any case: FRR, Junos and OpenBGPD write "OpenSent", H3C and GoBGP "OPENSENT".
const STATE = "(Idle|Connect|Active|OpenSent|OpenConfirm|Established|Clearing|Closing|Deleted)\\b";

interface Wording {
  pattern: string;
  /** Capture-group numbers within `pattern`. */
  from?: number;
  to: number;
  event?: number;
}

const WORDINGS: Wording[] = [
  // OpenBGPD: "state change Connect -> Active, reason: Connection open failed"
  { pattern: `state change ${STATE} -> ${STATE}`, from: 1, to: 2 },
  // FRR and IOS `debug ip bgp`: "went from OpenSent to Active"
  { pattern: `went from ${STATE} to ${STATE}`, from: 1, to: 2 },
  // FRR FSM debug: "[FSM] TCP_fatal_error (OpenSent->Active)"
  { pattern: `\\[FSM\\] (\\w+) \\(${STATE}->${STATE}\\)`, event: 1, from: 2, to: 3 },
  // AWS BGP logs and H3C: "session state has changed from Connect to Active"; older Comware:
  // "BGP.: 192.168.109.29 State is changed from OPENCONFIRM to ESTABLISHED."
  { pattern: `state (?:has|is) changed from ${STATE} to ${STATE}`, from: 1, to: 2 },
  // Junos rpd: "changed state from Active to Connect (event TransportError)"
  { pattern: `changed state from ${STATE} to ${STATE}(?: \\(event (\\w+)\\))?`, from: 1, to: 2, event: 3 },
  // Arista EOS and Junos traces: "old state Established event HoldTime new state Idle"
  { pattern: `old state ${STATE} event (\\w+) new state ${STATE}`, from: 1, event: 2, to: 3 },
  // GoBGP's JSON and logfmt records, whose keys are sorted ("new" before "old") or not.
  { pattern: `"?new"?[=:] ?"?BGP_FSM_${STATE}[^{}]*?"?old"?[=:] ?"?BGP_FSM_${STATE}`, to: 1, from: 2 },
  { pattern: `"?old"?[=:] ?"?BGP_FSM_${STATE}[^{}]*?"?new"?[=:] ?"?BGP_FSM_${STATE}`, from: 1, to: 2 },
  // GoBGP's neighbour monitor names only the state entered: "[NEIGH] 10.0.0.2 fsm: BGP_FSM_IDLE admin: down"
  { pattern: `\\[NEIGH\\] \\S+ fsm: BGP_FSM_${STATE}`, to: 1 },
  // ExaBGP's JSON state record: "type": "state", ... "state": "down"
  { pattern: `"type": ?"state",.*"state": ?"(up|down|connected)"`, to: 1 },
  // Any daemon that names BGP before its state change: "BGP peer 169.254.10.1 state changed from Established to Idle",
  // "BGP (veth1.2 192.168.92.2 - 192.168.92.1) state changed from openconfirm -> established"
  { pattern: `\\bBGP\\b[^;]{0,80}?\\bstate changed from ${STATE} (?:to|->) ${STATE}`, from: 1, to: 2 },
  // ScreenOS names only the state entered: "BGP peer 10.108.251.21 changed to Idle state"
  { pattern: `\\bBGP peer \\S+ changed to ${STATE} state`, to: 1 },
  // Junos structured-data syslog: [junos@2636... old-state="Established" new-state="Idle" event-name="HoldTime" ...]
  { pattern: `old-state="${STATE}" new-state="${STATE}"(?: event-name="(\\w+)")?`, from: 1, to: 2, event: 3 },
  // Cisco SD-WAN (Viptela) vEdge notifications: "bgp-peer-state-change ... peer:169.254.22.5 peer-new-state:idle"
  { pattern: `bgp-peer-state-change\\b.*?\\bpeer-new-state:${STATE}`, to: 1 },
  // Huawei VRP: "BGP/6/PEER_STATE_CHG ... (PrevState=Established, CurrState=Idle, InputEvent=HOLD_TIMER, ...)"
  { pattern: `PrevState=${STATE}, CurrState=${STATE}(?:, InputEvent=(\\w+))?`, from: 1, to: 2, event: 3 },
  // BIRD: "BGP1: State changed to feed"
  { pattern: `: State changed to (up|down|stop|start|feed|flush)\\b`, to: 1 },
];

/** Lower-case words of which every wording's match holds one (the rule's keywords). */
export const BGP_TRANSITION_KEYWORDS = [
  "state change ",
  "went from ",
  "[fsm] ",
  "state has changed from ",
  "state is changed from ",
  "changed state from ",
  "old state ",
  "bgp_fsm_",
  '"state"',
  "state changed to ",
  "state changed from ",
  "bgp peer ",
  "prevstate=",
  'old-state="',
  "bgp-peer-state-change",
];

function groupCount(pattern: string): number {
  return (new RegExp(`${pattern}|`).exec("") as RegExpExecArray).length - 1;
}

// Where each wording's groups start in the combined expression.
const OFFSETS = WORDINGS.map((_, i) => 1 + WORDINGS.slice(0, i).reduce((n, w) => n + groupCount(w.pattern), 0));

export const BGP_TRANSITION = new RegExp(WORDINGS.map((w) => `(?:${w.pattern})`).join("|"), "i");

export interface BgpTransition {
  from?: string;
  to: string;
  event?: string;
}

/** The states and event a match of BGP_TRANSITION names, lower-cased. */
export function bgpTransitionOf(match: RegExpExecArray): BgpTransition {
  for (let i = 0; i < WORDINGS.length; i++) {
    const wording = WORDINGS[i] as Wording;
    const offset = (OFFSETS[i] as number) - 1;
    const to = match[offset + wording.to];
    if (to === undefined) continue;
    const from = wording.from === undefined ? undefined : match[offset + wording.from];
    const event = wording.event === undefined ? undefined : match[offset + wording.event];
    return { from: from?.toLowerCase(), to: to.toLowerCase(), event: event?.toLowerCase() };
  }
  // Unreachable: every wording captures the state entered. Read as progress rather than throw.
  return { to: "" };
}

const ERROR_EVENT = /error|fail|holdtime|notif|bfddown/;

/**
 * Reaching Established is the session up; entering Closing or Clearing, leaving Established,
 * falling back to Idle (from any other state, or with no state named before), or a connection
 * attempt falling back (Connect to Active, OpenSent/OpenConfirm to Active or Connect) is the
 * session down; every other change is the session on its way up.
 */
export function bgpSessionMove({ from, to, event }: BgpTransition): "up" | "down" | "progress" {
  if (to === "established" || to === "up") return from === "established" ? "progress" : "up";
  if (to === "down" || to === "stop") return "down";
  // Closing (IOS) and Clearing (FRR) are entered only to tear a session down.
  if ((to === "closing" || to === "clearing") && from !== "closing" && from !== "clearing") return "down";
  if (from === "established" || from === "clearing" || from === "closing") return "down";
  if (to === "idle" && from !== "idle") return "down";
  if ((from === "opensent" || from === "openconfirm") && (to === "active" || to === "connect")) return "down";
  if (from === "connect" && to === "active") return "down";
  if (event !== undefined && ERROR_EVENT.test(event)) return "down";
  return "progress";
}
