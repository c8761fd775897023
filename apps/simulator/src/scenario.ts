// What happens to each tunnel over time. Time is cut into fixed slots; everything that happens in a
// slot is decided by a PRNG seeded from (seed, tunnel, slot) plus the faults injected through the
// control API, so the events of any window are reproducible and countable however a client pages.
import { type Fleet, outsideIpFor, type SimConnection, type SimTunnel } from "./fleet.ts";
import { hash32, rng } from "./prng.ts";

export const SLOT_MS = 10_000;
const HOUR_MS = 3_600_000;
/** Scheduled replacements take tunnel 1 first and tunnel 2 this much later (one tunnel at a time). */
export const MAINTENANCE_TUNNEL_GAP_MS = 30 * 60_000;
/** Tunnel endpoint lifecycle control announces a replacement this long before it is applied. */
export const MAINTENANCE_NOTICE_MS = 7 * 24 * HOUR_MS;
const ASYMMETRY_AFTER_MAINTENANCE_MS = 6 * HOUR_MS;

export const FAULT_KINDS = [
  "dpd-timeout",
  "ike-proposal-mismatch",
  "ipsec-proposal-mismatch",
  "ts-mismatch",
  "idle-timeout",
  "rekey-failure",
  "auth-failure",
  "maintenance",
  "bgp-asymmetry",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type ConditionKind = FaultKind | "permanent-down";
export type SaState = "Established" | "Rekeying" | "Negotiating" | "Down";

export const DEFAULT_FAULT_DURATION_SEC: Record<FaultKind, number> = {
  "dpd-timeout": 300,
  "ike-proposal-mismatch": 600,
  "ipsec-proposal-mismatch": 600,
  "ts-mismatch": 600,
  "idle-timeout": 300,
  "rekey-failure": 60,
  "auth-failure": 600,
  maintenance: 300,
  "bgp-asymmetry": 3600,
};

export interface InjectedFault {
  id: string;
  connectionId: string;
  tunnelIndex: number;
  /** "recover" forces the tunnel UP over [start, end), hiding scheduled faults. */
  kind: FaultKind | "recover";
  start: number;
  end: number;
}

export interface Condition {
  kind: ConditionKind | "up";
  key: string;
  start: number;
  end: number;
  source: "fault" | "maintenance" | "episode" | "permanent" | "none";
}

export interface SimEvent {
  ts: number;
  /** Deterministic and unique per event; event ids derive from it. */
  key: string;
  connection: SimConnection;
  tunnel: SimTunnel;
  channel: "tunnel" | "bgp";
  /** "chatter", "<kind>:start", "<kind>:ongoing", "up", "bgp:down", "bgp:up", "bgp:asym-start", "bgp:asym-end". */
  code: string;
  variant: number;
  phase1: SaState;
  phase2: SaState;
  /** Provider-side outside IP at the time of the event (names the AWS log stream). */
  outsideIp: string;
}

export const DOWN_KINDS: ReadonlySet<string> = new Set<string>([
  "dpd-timeout",
  "ike-proposal-mismatch",
  "ipsec-proposal-mismatch",
  "ts-mismatch",
  "idle-timeout",
  "rekey-failure",
  "auth-failure",
  "maintenance",
  "permanent-down",
]);

const EPISODE_WEIGHTS: { kind: FaultKind; weight: number; minSec: number; maxSec: number; staticOnly?: boolean }[] = [
  { kind: "dpd-timeout", weight: 30, minSec: 60, maxSec: 600 },
  { kind: "rekey-failure", weight: 25, minSec: 15, maxSec: 60 },
  { kind: "idle-timeout", weight: 20, minSec: 120, maxSec: 900, staticOnly: true },
  { kind: "ipsec-proposal-mismatch", weight: 6, minSec: 300, maxSec: 1800 },
  { kind: "ts-mismatch", weight: 6, minSec: 300, maxSec: 1800 },
  { kind: "ike-proposal-mismatch", weight: 4, minSec: 300, maxSec: 1800 },
  { kind: "auth-failure", weight: 3, minSec: 300, maxSec: 1200 },
];

/** SA states that a provider log line reports while a tunnel is in a condition. */
export function phaseStates(kind: ConditionKind | "up"): { phase1: SaState; phase2: SaState } {
  switch (kind) {
    case "up":
    case "bgp-asymmetry":
      return { phase1: "Established", phase2: "Established" };
    case "ipsec-proposal-mismatch":
    case "ts-mismatch":
    case "idle-timeout":
      return { phase1: "Established", phase2: "Down" };
    case "rekey-failure":
      return { phase1: "Established", phase2: "Rekeying" };
    case "ike-proposal-mismatch":
    case "auth-failure":
    case "maintenance":
    case "permanent-down":
      return { phase1: "Negotiating", phase2: "Down" };
    default:
      return { phase1: "Down", phase2: "Down" };
  }
}

export interface ScenarioOptions {
  fleet: Fleet;
  logRatePerTunnelPerMinute: number;
  faults: () => readonly InjectedFault[];
}

export class Scenario {
  readonly fleet: Fleet;
  readonly seed: number;
  logRatePerTunnelPerMinute: number;
  private readonly faults: () => readonly InjectedFault[];
  private readonly cache = new Map<string, SimEvent[]>();

  constructor(options: ScenarioOptions) {
    this.fleet = options.fleet;
    this.seed = options.fleet.seed;
    this.logRatePerTunnelPerMinute = options.logRatePerTunnelPerMinute;
    this.faults = options.faults;
  }

  private faultsOf(connection: SimConnection, tunnel: SimTunnel): InjectedFault[] {
    return this.faults().filter((f) => f.connectionId === connection.id && f.tunnelIndex === tunnel.index);
  }

  /** The scheduled fault of a tunnel in one hour, if any; it starts and ends inside that hour. */
  episode(connection: SimConnection, tunnel: SimTunnel, hour: number): Condition | null {
    if (tunnel.permanentlyDown) return null;
    const r = rng(this.seed, "episode", tunnel.id, hour);
    if (!r.chance(this.fleet.shape.faultsPerTunnelPerDay / 24)) return null;
    const choices = EPISODE_WEIGHTS.filter((e) => !e.staticOnly || connection.routing === "static");
    let roll = r.next() * choices.reduce((sum, e) => sum + e.weight, 0);
    let choice = choices[0];
    for (const e of choices) {
      roll -= e.weight;
      if (roll < 0) {
        choice = e;
        break;
      }
    }
    if (!choice) return null;
    const durationMs = r.int(choice.minSec, choice.maxSec) * 1000;
    const start = hour * HOUR_MS + r.int(0, Math.floor((HOUR_MS - durationMs - 1000) / 1000)) * 1000;
    return { kind: choice.kind, key: `ep:${tunnel.id}:${hour}`, start, end: start + durationMs, source: "episode" };
  }

  /** Index of the scheduled replacement of this tunnel last applied at or before t. */
  maintenanceIndex(connection: SimConnection, tunnel: SimTunnel, t: number): number | null {
    const m = connection.maintenance;
    if (!m) return null;
    return Math.floor((t - m.offsetMs - (tunnel.index - 1) * MAINTENANCE_TUNNEL_GAP_MS) / m.periodMs);
  }

  maintenanceTime(connection: SimConnection, tunnel: SimTunnel, k: number): number {
    const m = connection.maintenance;
    if (!m) return Number.NaN;
    return k * m.periodMs + m.offsetMs + (tunnel.index - 1) * MAINTENANCE_TUNNEL_GAP_MS;
  }

  /** How long a replaced endpoint stays DOWN: quick with startup action `start`, else until the CGW initiates. */
  private replacementDownMs(connection: SimConnection, tunnel: SimTunnel, key: string | number): number {
    if (tunnel.startupAction === "start") return 90_000;
    return rng(this.seed, "replacement-down", connection.id, tunnel.index, key).int(300, 900) * 1000;
  }

  /** Scheduled maintenance conditions (replacement DOWN windows, BGP asymmetry after them) around [from, to). */
  private maintenanceConditions(connection: SimConnection, tunnel: SimTunnel, from: number, to: number): Condition[] {
    const out: Condition[] = [];
    const first = this.maintenanceIndex(connection, tunnel, from - ASYMMETRY_AFTER_MAINTENANCE_MS - HOUR_MS);
    const last = this.maintenanceIndex(connection, tunnel, to);
    if (first === null || last === null) return out;
    for (let k = first; k <= last; k++) {
      const at = this.maintenanceTime(connection, tunnel, k);
      if (at < connection.createdAt) continue;
      const downEnd = at + this.replacementDownMs(connection, tunnel, k);
      out.push({ kind: "maintenance", key: `mt:${tunnel.id}:${k}`, start: at, end: downEnd, source: "maintenance" });
      const asymmetric =
        connection.routing === "bgp" && tunnel.index === 1 && rng(this.seed, "asym", connection.id, k).chance(0.5);
      if (asymmetric) {
        out.push({
          kind: "bgp-asymmetry",
          key: `as:${tunnel.id}:${k}`,
          start: downEnd,
          end: downEnd + ASYMMETRY_AFTER_MAINTENANCE_MS,
          source: "maintenance",
        });
      }
    }
    return out;
  }

  private faultConditions(connection: SimConnection, tunnel: SimTunnel): Condition[] {
    return this.faultsOf(connection, tunnel).map((f) => ({
      kind: f.kind === "recover" ? "up" : f.kind,
      key: `ft:${f.id}`,
      start: f.start,
      end: f.end,
      source: "fault" as const,
    }));
  }

  /** Every condition that may be active somewhere in [from, to). */
  conditions(connection: SimConnection, tunnel: SimTunnel, from: number, to: number): Condition[] {
    // Inclusive of a condition ending exactly at `from`: its end is a transition inside the window.
    const touches = (c: Condition) => c.end >= from && c.start < to;
    const out = this.faultConditions(connection, tunnel).filter(touches);
    out.push(...this.maintenanceConditions(connection, tunnel, from, to).filter(touches));
    for (let h = Math.floor(from / HOUR_MS); h <= Math.floor((to - 1) / HOUR_MS); h++) {
      const e = this.episode(connection, tunnel, h);
      if (e && touches(e)) out.push(e);
    }
    return out;
  }

  /** The condition in force at t: injected faults win, then maintenance, then scheduled episodes. */
  stateAt(connection: SimConnection, tunnel: SimTunnel, t: number): Condition {
    const active = (c: Condition) => c.start <= t && t < c.end;
    const faults = this.faultConditions(connection, tunnel).filter(active);
    if (faults.length > 0) return faults.reduce((a, b) => (b.start >= a.start ? b : a));
    const maintenance = this.maintenanceConditions(connection, tunnel, t, t + 1).filter(active);
    const down = maintenance.find((c) => c.kind === "maintenance");
    if (down) return down;
    const hour = Math.floor(t / HOUR_MS);
    const e = this.episode(connection, tunnel, hour);
    if (e && active(e)) return e;
    if (tunnel.permanentlyDown) {
      return {
        kind: "permanent-down",
        key: `pd:${tunnel.id}`,
        start: connection.createdAt,
        end: Infinity,
        source: "permanent",
      };
    }
    const asym = maintenance.find((c) => c.kind === "bgp-asymmetry");
    if (asym) return asym;
    return { kind: "up", key: "up", start: Number.NEGATIVE_INFINITY, end: Infinity, source: "none" };
  }

  isDown(condition: Condition): boolean {
    return DOWN_KINDS.has(condition.kind);
  }

  /** When the tunnel's UP/DOWN status last changed at or before t. */
  lastStatusChange(connection: SimConnection, tunnel: SimTunnel, t: number): number {
    const now = this.stateAt(connection, tunnel, t);
    const nowDown = this.isDown(now);
    const lookBack = 48 * HOUR_MS;
    const points = new Set<number>();
    for (const c of this.conditions(connection, tunnel, t - lookBack, t + 1)) {
      if (c.start <= t && c.start > t - lookBack) points.add(c.start);
      if (c.end <= t && c.end > t - lookBack) points.add(c.end);
    }
    const sorted = [...points].sort((a, b) => b - a);
    for (const p of sorted) {
      const before = this.isDown(this.stateAt(connection, tunnel, p - 1));
      const after = this.isDown(this.stateAt(connection, tunnel, p));
      if (before !== after && after === nowDown) return p;
    }
    return Math.max(connection.createdAt, t - lookBack);
  }

  /** Outside IP of a tunnel at t: changes with every endpoint replacement, scheduled or injected. */
  outsideIpAt(connection: SimConnection, tunnel: SimTunnel, t: number): string {
    const k = this.maintenanceIndex(connection, tunnel, t);
    const injected = this.faultsOf(connection, tunnel).filter((f) => f.kind === "maintenance" && f.start <= t).length;
    if (k === null && injected === 0) return tunnel.baseOutsideIp;
    const scheduled = k === null || this.maintenanceTime(connection, tunnel, k) < connection.createdAt ? "0" : `m${k}`;
    const generation = injected === 0 ? scheduled : `${scheduled}f${injected}`;
    return outsideIpFor(this.seed, connection, tunnel, generation);
  }

  /** Forget cached slots: call whenever the injected faults or the log rate change. */
  invalidate() {
    this.cache.clear();
  }

  /** Every event of one tunnel in one slot, sorted by time (cached: slots are pure functions of their inputs). */
  slotEvents(connection: SimConnection, tunnel: SimTunnel, slot: number): SimEvent[] {
    const cacheKey = `${connection.id}|${tunnel.index}|${slot}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const events = this.computeSlotEvents(connection, tunnel, slot);
    if (this.cache.size >= 400_000) this.cache.clear();
    this.cache.set(cacheKey, events);
    return events;
  }

  private computeSlotEvents(connection: SimConnection, tunnel: SimTunnel, slot: number): SimEvent[] {
    const slotStart = slot * SLOT_MS;
    const slotEnd = slotStart + SLOT_MS;
    const events: SimEvent[] = [];
    const push = (ts: number, key: string, channel: "tunnel" | "bgp", code: string, variant: number, c: Condition) => {
      const phases = phaseStates(c.kind);
      events.push({
        ts,
        key,
        connection,
        tunnel,
        channel,
        code,
        variant,
        ...phases,
        outsideIp: this.outsideIpAt(connection, tunnel, ts),
      });
    };

    // Routine chatter, or the repeated complaint of the condition the tunnel is in.
    const r = rng(this.seed, "slot", tunnel.id, slot);
    const expected = (this.logRatePerTunnelPerMinute * SLOT_MS) / 60_000;
    let draws = Math.floor(expected);
    if (r.chance(expected - draws)) draws++;
    for (let i = 0; i < draws; i++) {
      const ts = slotStart + Math.floor(r.next() * SLOT_MS);
      const variant = r.int(0, 1_000_000);
      const state = this.stateAt(connection, tunnel, ts);
      // An idle static tunnel is quiet: no traffic, no negotiation, nothing to log.
      if (state.kind === "idle-timeout") continue;
      const code = this.isDown(state) ? `${state.kind}:ongoing` : "chatter";
      push(ts, `${tunnel.id}|${slot}|${i}`, "tunnel", code, variant, state);
    }

    // Transitions: wherever the condition in force changes inside the slot.
    const points = new Set<number>();
    for (const c of this.conditions(connection, tunnel, slotStart, slotEnd)) {
      if (c.start >= slotStart && c.start < slotEnd) points.add(c.start);
      if (c.end >= slotStart && c.end < slotEnd) points.add(c.end);
    }
    for (const p of [...points].sort((a, b) => a - b)) {
      const before = this.stateAt(connection, tunnel, p - 1);
      const after = this.stateAt(connection, tunnel, p);
      if (before.key === after.key || before.kind === after.kind) continue;
      const variant = hash32(this.seed, tunnel.id, p) % 1_000_000;
      const key = `${tunnel.id}|${p}|t`;
      const wasDown = this.isDown(before);
      const isDown = this.isDown(after);
      // A rekey collision is over before BGP's hold timer notices; everything else drops the session.
      const bgp = connection.routing === "bgp";
      if (isDown) {
        push(p, `${key}0`, "tunnel", `${after.kind}:start`, variant, after);
        if (!wasDown && bgp && after.kind !== "rekey-failure")
          push(p + 1, `${key}1`, "bgp", "bgp:down", variant, after);
      } else {
        if (wasDown) {
          push(p, `${key}0`, "tunnel", "up", variant, after);
          if (bgp && before.kind !== "rekey-failure") push(p + 1, `${key}1`, "bgp", "bgp:up", variant, after);
        }
        if (after.kind === "bgp-asymmetry") push(p + 2, `${key}2`, "bgp", "bgp:asym-start", variant, after);
        else if (before.kind === "bgp-asymmetry") push(p + 2, `${key}2`, "bgp", "bgp:asym-end", variant, after);
      }
    }
    return events.filter((e) => e.ts < slotEnd).sort((a, b) => a.ts - b.ts || (a.key < b.key ? -1 : 1));
  }

  /** Events of one tunnel with from <= ts <= to (inclusive bounds, as CloudWatch Logs treats them). */
  tunnelEvents(connection: SimConnection, tunnel: SimTunnel, from: number, to: number): SimEvent[] {
    const out: SimEvent[] = [];
    if (to < from) return out;
    for (let s = Math.floor(from / SLOT_MS); s <= Math.floor(to / SLOT_MS); s++) {
      for (const e of this.slotEvents(connection, tunnel, s)) if (e.ts >= from && e.ts <= to) out.push(e);
    }
    return out;
  }
}
