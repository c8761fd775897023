import { createHash } from "node:crypto";

/** Identity of a log event: the same event read twice gets the same fingerprint. */
export function fingerprint(parts: ReadonlyArray<string | number>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${String(part).length}:${part}|`);
  return hash.digest("base64url");
}
