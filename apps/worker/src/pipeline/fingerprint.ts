import { hash } from "node:crypto";

/** Identity of a log event: the same event read twice gets the same fingerprint. */
export function fingerprint(parts: ReadonlyArray<string | number>): string {
  let text = "";
  for (const part of parts) {
    const value = String(part);
    text += `${value.length}:${value}|`;
  }
  // One-shot hash: a Hash object per event costs more than the digest itself.
  return hash("sha256", text, "base64url");
}
