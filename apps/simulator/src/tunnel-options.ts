// Changing a simulated tunnel's options, as somebody would in the provider's console (AWS
// ModifyVpnTunnelOptions, Alibaba ModifyVpnConnectionAttribute): the control API's way to show
// configuration drift. Only the options below can change, each checked for its type.
import type { SimTunnel } from "./fleet.ts";
import { HttpError } from "./http-util.ts";

type Check = (value: unknown) => boolean;

const positiveInt: Check = (v) => Number.isInteger(v) && (v as number) > 0;
const boolean: Check = (v) => typeof v === "boolean";
const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    typeof v === "string" && allowed.includes(v);
const strings: Check = (v) => Array.isArray(v) && v.every((s) => typeof s === "string" && s.length > 0);
const ints: Check = (v) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n > 0);

export const EDITABLE_TUNNEL_OPTIONS = {
  ikeVersions: (v: unknown) => strings(v) && (v as string[]).every((s) => s === "ikev1" || s === "ikev2"),
  phase1LifetimeSeconds: positiveInt,
  phase2LifetimeSeconds: positiveInt,
  rekeyMarginTimeSeconds: positiveInt,
  rekeyFuzzPercentage: (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100,
  replayWindowSize: positiveInt,
  dpdEnabled: boolean,
  dpdTimeoutSeconds: positiveInt,
  dpdTimeoutAction: oneOf("clear", "none", "restart"),
  natTraversal: boolean,
  phase1EncryptionAlgorithms: strings,
  phase1IntegrityAlgorithms: strings,
  phase1DhGroups: ints,
  phase2EncryptionAlgorithms: strings,
  phase2IntegrityAlgorithms: strings,
  phase2DhGroups: ints,
  startupAction: oneOf("add", "start"),
  loggingEnabled: boolean,
} satisfies Partial<Record<keyof SimTunnel, Check>>;

export type TunnelOptionChanges = Partial<Pick<SimTunnel, keyof typeof EDITABLE_TUNNEL_OPTIONS>>;

/** The changes in `body`, checked; an unknown option or a wrong value is a 400 naming it. */
export function parseTunnelOptionChanges(body: Record<string, unknown>): TunnelOptionChanges {
  const entries = Object.entries(body);
  if (entries.length === 0) throw new HttpError(400, "name at least one option to change");
  for (const [name, value] of entries) {
    const check = Object.hasOwn(EDITABLE_TUNNEL_OPTIONS, name)
      ? (EDITABLE_TUNNEL_OPTIONS as Record<string, Check>)[name]
      : undefined;
    if (!check) {
      throw new HttpError(
        400,
        `${name} cannot be changed; options: ${Object.keys(EDITABLE_TUNNEL_OPTIONS).join(", ")}`,
      );
    }
    if (!check(value)) throw new HttpError(400, `${name}: ${JSON.stringify(value)} is not a valid value`);
  }
  return body as TunnelOptionChanges;
}

/** The tunnel's current values of the options `changes` names, to put them back on reset. */
export function currentOptions(tunnel: SimTunnel, changes: TunnelOptionChanges): TunnelOptionChanges {
  return Object.fromEntries(Object.keys(changes).map((name) => [name, tunnel[name as keyof SimTunnel]]));
}
