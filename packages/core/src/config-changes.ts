// Configuration drift: what changed in a connection's configuration between two polls of the
// provider (someone disabled DPD, shortened a lifetime, moved the connection to another customer
// gateway, the provider replaced a tunnel endpoint). Status, traffic and BGP state are not
// configuration and are left out.
import type { NormalizedConnection, NormalizedTunnel, TunnelOptions } from "./connection.ts";
import { numberRanges } from "./number-ranges.ts";

export interface ConfigChange {
  /** The tunnel's position, or null for a setting of the whole connection. */
  tunnelIndex: number | null;
  /** A key of CONFIG_PARAMETER_LABELS. */
  parameter: ConfigParameter;
  /** In words, as the dashboard shows it; "absent" for a tunnel that did not exist (or no longer does). */
  before: string;
  after: string;
}

/** What each parameter is called on screen and in alerts. */
export const CONFIG_PARAMETER_LABELS = {
  routing: "Routing",
  gatewayId: "Cloud gateway",
  customerGatewayId: "Customer gateway",
  customerGatewayIp: "Customer gateway address",
  localAsn: "Cloud-side ASN",
  remoteAsn: "Customer gateway ASN",
  isAccelerated: "Accelerated VPN",
  staticRoutes: "Static routes",
  encryptionDomains: "Encryption domains",
  healthCheck: "Health check",
  routeWeights: "Route weights",
  tunnel: "Tunnel",
  outsideIp: "Outside IP (endpoint)",
  insideCidr: "Inside CIDR",
  ikeVersions: "IKE versions",
  ikeMode: "IKE mode",
  phase1LifetimeSec: "Phase 1 lifetime",
  phase2LifetimeSec: "Phase 2 lifetime",
  rekeyMarginSec: "Rekey margin",
  rekeyFuzzPct: "Rekey fuzz",
  replayWindow: "Replay window",
  dpdEnabled: "Dead peer detection",
  dpdTimeoutSec: "DPD timeout",
  dpdTimeoutAction: "DPD timeout action",
  phase1Encryption: "Phase 1 encryption",
  phase1Integrity: "Phase 1 integrity",
  phase1DhGroups: "Phase 1 DH groups",
  phase2Encryption: "Phase 2 encryption",
  phase2Integrity: "Phase 2 integrity",
  phase2DhGroups: "Phase 2 DH groups (PFS)",
  pfsEnabled: "Perfect forward secrecy",
  startupAction: "Startup action",
  natTraversal: "NAT traversal",
  loggingEnabled: "Tunnel logs",
  bgpWeight: "BGP weight",
  bgpLocalPreference: "BGP local preference",
  bgpMed: "BGP MED",
} as const;
export type ConfigParameter = keyof typeof CONFIG_PARAMETER_LABELS;

/**
 * Parameters the provider changes by itself: a new outside IP is an endpoint replacement
 * (maintenance), not somebody's change of configuration.
 */
export const PROVIDER_DRIVEN_PARAMETERS: ReadonlySet<ConfigParameter> = new Set(["outsideIp"]);

export const ABSENT = "absent";
const MAX_VALUE_CHARS = 1000;

type Value = string | null;

const onOff = (v: boolean | undefined | null): Value => (v === undefined || v === null ? null : v ? "on" : "off");
const seconds = (v: number | undefined | null): Value => (v === undefined || v === null ? null : `${v} s`);
const text = (v: string | number | undefined | null): Value => (v === undefined || v === null ? null : String(v));
/** Providers report algorithm and group sets in no stable order: compare them as sets. */
const set = (values: ReadonlyArray<string> | undefined): Value =>
  values === undefined ? null : values.length === 0 ? "none" : capped([...new Set(values)].sort());
const groups = (values: ReadonlyArray<number> | undefined): Value =>
  values === undefined ? null : values.length === 0 ? "none" : numberRanges(values);

function capped(values: string[]): string {
  let out = "";
  for (let i = 0; i < values.length; i++) {
    const next = out ? `${out}, ${values[i]}` : (values[i] as string);
    if (next.length > MAX_VALUE_CHARS) return `${out} … (${values.length - i} more)`;
    out = next;
  }
  return out;
}

const TUNNEL_OPTIONS: ReadonlyArray<[ConfigParameter, (o: TunnelOptions) => Value]> = [
  ["ikeVersions", (o) => set(o.ikeVersions)],
  ["ikeMode", (o) => text(o.ikeMode)],
  ["phase1LifetimeSec", (o) => seconds(o.phase1LifetimeSec)],
  ["phase2LifetimeSec", (o) => seconds(o.phase2LifetimeSec)],
  ["rekeyMarginSec", (o) => seconds(o.rekeyMarginSec)],
  ["rekeyFuzzPct", (o) => (o.rekeyFuzzPct === undefined ? null : `${o.rekeyFuzzPct} %`)],
  ["replayWindow", (o) => (o.replayWindow === undefined ? null : `${o.replayWindow} packets`)],
  ["dpdEnabled", (o) => onOff(o.dpdEnabled)],
  ["dpdTimeoutSec", (o) => seconds(o.dpdTimeoutSec)],
  ["dpdTimeoutAction", (o) => text(o.dpdTimeoutAction)],
  ["phase1Encryption", (o) => set(o.phase1Encryption)],
  ["phase1Integrity", (o) => set(o.phase1Integrity)],
  ["phase1DhGroups", (o) => groups(o.phase1DhGroups)],
  ["phase2Encryption", (o) => set(o.phase2Encryption)],
  ["phase2Integrity", (o) => set(o.phase2Integrity)],
  ["phase2DhGroups", (o) => groups(o.phase2DhGroups)],
  ["pfsEnabled", (o) => onOff(o.pfsEnabled)],
  ["startupAction", (o) => text(o.startupAction)],
  ["natTraversal", (o) => onOff(o.natTraversal)],
  ["loggingEnabled", (o) => onOff(o.loggingEnabled)],
];

const TUNNEL_FIELDS: ReadonlyArray<[ConfigParameter, (t: NormalizedTunnel) => Value]> = [
  ["outsideIp", (t) => text(t.outsideIp)],
  ["insideCidr", (t) => text(t.insideCidr)],
  ...TUNNEL_OPTIONS.map(([p, read]): [ConfigParameter, (t: NormalizedTunnel) => Value] => [p, (t) => read(t.options)]),
  ["bgpWeight", (t) => text(t.bgp?.weight)],
  ["bgpLocalPreference", (t) => text(t.bgp?.localPreference)],
  ["bgpMed", (t) => text(t.bgp?.med)],
];

const CONNECTION_FIELDS: ReadonlyArray<[ConfigParameter, (c: NormalizedConnection) => Value]> = [
  ["routing", (c) => (c.routing === "bgp" ? "BGP" : "static")],
  ["gatewayId", (c) => text(c.gatewayId)],
  ["customerGatewayId", (c) => text(c.customerGatewayId)],
  ["customerGatewayIp", (c) => text(c.customerGatewayIp)],
  ["localAsn", (c) => text(c.localAsn)],
  ["remoteAsn", (c) => text(c.remoteAsn)],
  ["isAccelerated", (c) => onOff(c.isAccelerated)],
  ["staticRoutes", (c) => set(c.staticRoutes)],
  ["encryptionDomains", (c) => set(c.encryptionDomains?.map((d) => `${d.local} ↔ ${d.remote}`))],
  [
    "routeWeights",
    (c) =>
      set(c.routeWeights?.map((r) => `${r.destinationCidr} weight ${r.weight}${r.nextHop ? ` via ${r.nextHop}` : ""}`)),
  ],
];

type HealthCheck = NonNullable<NormalizedConnection["healthChecks"]>[number];

function healthCheckText(check: HealthCheck): string {
  if (!check.enabled) return "off";
  const path = check.sourceIp || check.destinationIp ? ` ${check.sourceIp ?? "?"} → ${check.destinationIp ?? "?"}` : "";
  return `on${path}${check.policy ? `, ${check.policy}` : ""}`;
}

/**
 * What changed from `before` to `after` (the same connection, two polls apart), connection
 * settings first, then each tunnel's in index order. A value the provider did not report on one
 * side is not a change: a partial answer (one failed look-up) must not read as drift.
 */
export function diffConnectionConfig(before: NormalizedConnection, after: NormalizedConnection): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const push = (tunnelIndex: number | null, parameter: ConfigParameter, was: Value, now: Value) => {
    if (was !== null && now !== null && was !== now) changes.push({ tunnelIndex, parameter, before: was, after: now });
  };
  for (const [parameter, read] of CONNECTION_FIELDS) push(null, parameter, read(before), read(after));

  const checksBefore = healthChecksByTunnel(before);
  const checksAfter = healthChecksByTunnel(after);
  for (const key of [...new Set([...checksBefore.keys(), ...checksAfter.keys()])].sort(byIndex)) {
    const was = checksBefore.get(key);
    const now = checksAfter.get(key);
    // A health check created or deleted reads as on/off; the provider lists only the ones that exist.
    if (before.healthChecks !== undefined && after.healthChecks !== undefined)
      push(key, "healthCheck", was ? healthCheckText(was) : "off", now ? healthCheckText(now) : "off");
  }

  const indexes = [...new Set([...before.tunnels, ...after.tunnels].map((t) => t.index))].sort((a, b) => a - b);
  for (const index of indexes) {
    const was = before.tunnels.find((t) => t.index === index);
    const now = after.tunnels.find((t) => t.index === index);
    if (!was || !now) {
      const present = (t: NormalizedTunnel) => (t.outsideIp ? `present (${t.outsideIp})` : "present");
      changes.push({
        tunnelIndex: index,
        parameter: "tunnel",
        before: was ? present(was) : ABSENT,
        after: now ? present(now) : ABSENT,
      });
      continue;
    }
    for (const [parameter, read] of TUNNEL_FIELDS) push(index, parameter, read(was), read(now));
  }
  return changes;
}

/** Health checks keyed by tunnel index (null: the connection's single check). */
function healthChecksByTunnel(connection: NormalizedConnection): Map<number | null, HealthCheck> {
  return new Map((connection.healthChecks ?? []).map((c) => [c.tunnelIndex ?? null, c]));
}

function byIndex(a: number | null, b: number | null): number {
  return (a ?? 0) - (b ?? 0);
}

/** Parameters whose value is a list of items (formatted by `set`): a change can be told item by item. */
const LIST_PARAMETERS: ReadonlySet<ConfigParameter> = new Set([
  "staticRoutes",
  "encryptionDomains",
  "routeWeights",
  "ikeVersions",
  "phase1Encryption",
  "phase1Integrity",
  "phase2Encryption",
  "phase2Integrity",
]);

const items = (value: string) => (value === "none" ? [] : value.split(", "));

/**
 * The items a list parameter gained and lost, or null for any other parameter or a list too long
 * to have been stored whole.
 */
export function listDifference(
  change: Pick<ConfigChange, "parameter" | "before" | "after">,
): { added: string[]; removed: string[] } | null {
  if (!LIST_PARAMETERS.has(change.parameter)) return null;
  if (change.before.includes(" … (") || change.after.includes(" … (")) return null;
  const before = new Set(items(change.before));
  const after = new Set(items(change.after));
  return { added: [...after].filter((i) => !before.has(i)), removed: [...before].filter((i) => !after.has(i)) };
}

/**
 * "Tunnel 2 DPD timeout: 30 s → 10 s", "Routing: BGP → static", or for a longer list what it
 * gained and lost: "Static routes: added 10.1.0.0/16; removed 10.2.0.0/16".
 */
export function describeConfigChange(change: ConfigChange): string {
  const label = CONFIG_PARAMETER_LABELS[change.parameter];
  if (change.parameter === "tunnel") {
    return change.before === ABSENT
      ? `Tunnel ${change.tunnelIndex} added: ${change.after}`
      : `Tunnel ${change.tunnelIndex} removed`;
  }
  const where = change.tunnelIndex === null ? label : `Tunnel ${change.tunnelIndex} ${lowerFirst(label)}`;
  const difference = listDifference(change);
  if (difference && Math.max(items(change.before).length, items(change.after).length) > 2) {
    const parts = [
      difference.added.length > 0 ? `added ${difference.added.join(", ")}` : "",
      difference.removed.length > 0 ? `removed ${difference.removed.join(", ")}` : "",
    ].filter(Boolean);
    return `${where}: ${parts.join("; ")}`;
  }
  return `${where}: ${change.before} → ${change.after}`;
}

function lowerFirst(label: string): string {
  // Acronyms (DPD, IKE, BGP) keep their case.
  return /^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label;
}
