import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Tunnelwatch-Signature";
export const TIMESTAMP_HEADER = "X-Tunnelwatch-Timestamp";
export const EVENT_HEADER = "X-Tunnelwatch-Event";
export const DELIVERY_HEADER = "X-Tunnelwatch-Delivery";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const USER_AGENT = "Tunnelwatch-Alerts/1";

export const DEFAULT_SIGNATURE_TOLERANCE_SEC = 300;

function sign(secret: string, timestamp: number | string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${sign(secret, timestamp, body)}`;
}

export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  options: { toleranceSec?: number; now?: number } = {},
): boolean {
  const { toleranceSec = DEFAULT_SIGNATURE_TOLERANCE_SEC, now = Date.now() } = options;
  if (typeof header !== "string") return false;
  let timestamp: string | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const match = /^\s*(t|v1)=(.*?)\s*$/.exec(part);
    if (!match) continue;
    if (match[1] === "t") {
      if (timestamp !== null) return false;
      timestamp = match[2] ?? "";
    } else {
      signatures.push(match[2] ?? "");
    }
  }
  if (timestamp === null || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSec) return false;
  const expected = Buffer.from(sign(secret, timestamp, body), "hex");
  let valid = false;
  for (const signature of signatures) {
    if (!/^[0-9a-f]{64}$/i.test(signature)) continue;
    if (timingSafeEqual(expected, Buffer.from(signature, "hex"))) valid = true;
  }
  return valid;
}
