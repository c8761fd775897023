import { createHash } from "node:crypto";

/** Identity of a log event: the same event read twice gets the same fingerprint. */
export function fingerprint(parts: ReadonlyArray<string | number>): string {
  let text = "";
  for (const part of parts) {
    const value = String(part);
    text += `${value.length}:${value}|`;
  }
  return createHash("sha256").update(text).digest("base64url");
}
