// Defensive parsing of provider values that arrive as numbers, numeric strings, booleans or
// "true"/"false" strings depending on the API and field (Alibaba mixes them, vendor-apis.md §4.3).

/** Integer from a number or a numeric string; undefined for anything else. */
export function toInt(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === "string" && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Math.trunc(Number(value));
  return undefined;
}

export function positiveInt(value: unknown): number | undefined {
  const n = toInt(value);
  return n !== undefined && n > 0 ? n : undefined;
}

export function nonNegativeInt(value: unknown): number | undefined {
  const n = toInt(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** true/false from a boolean, "true"/"false" (any case), "on"/"off", "enable(d)"/"disable(d)" or 1/0. */
export function toBool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (["true", "on", "enable", "enabled", "yes", "1"].includes(v)) return true;
  if (["false", "off", "disable", "disabled", "no", "0"].includes(v)) return false;
  return undefined;
}

/** Non-empty trimmed string, else undefined. */
export function toStr(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** The value as an object, or undefined. */
export function toObj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value as an array of objects; a single object is a one-element list (XML-to-JSON quirk). */
export function toObjList(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap((v) => (toObj(v) ? [v as Record<string, unknown>] : []));
  const single = toObj(value);
  return single ? [single] : [];
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
