import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "../src/index.ts";

const secret = "whsec_test_secret";
const timestamp = 1735740000;
const body = '{"version":1,"id":"dlv_123","type":"tunnel.down"}';
// printf '%s' "$ts.$body" | openssl dgst -sha256 -hmac "$secret"
const expectedHex = "0ce4cf9333f293e17147b2f85dca2675e87401215a637d379dd9a89d1f07b1e5";
const now = timestamp * 1000 + 10_000;

describe("webhook signatures", () => {
  it("matches an independently computed HMAC-SHA256", () => {
    expect(signatureHeader(secret, timestamp, body)).toBe(`t=${timestamp},v1=${expectedHex}`);
  });

  it("accepts a good signature, also among several v1 values", () => {
    const header = signatureHeader(secret, timestamp, body);
    expect(verifySignature(secret, header, body, { now })).toBe(true);
    expect(verifySignature(secret, `t=${timestamp},v1=${"0".repeat(64)},v1=${expectedHex}`, body, { now })).toBe(true);
  });

  it("rejects a tampered body, a wrong secret and a stale or future timestamp", () => {
    const header = signatureHeader(secret, timestamp, body);
    expect(verifySignature(secret, header, body.replace("down", "up"), { now })).toBe(false);
    expect(verifySignature("whsec_other", header, body, { now })).toBe(false);
    expect(verifySignature(secret, header, body, { now: (timestamp + 301) * 1000 })).toBe(false);
    expect(verifySignature(secret, header, body, { now: (timestamp - 301) * 1000 })).toBe(false);
    expect(verifySignature(secret, header, body, { now: (timestamp + 3600) * 1000, toleranceSec: 7200 })).toBe(true);
  });

  it("rejects malformed headers", () => {
    for (const header of [
      "",
      "garbage",
      `v1=${expectedHex}`,
      `t=${timestamp}`,
      `t=abc,v1=${expectedHex}`,
      `t=${timestamp},v1=${expectedHex.slice(0, 63)}`,
      `t=${timestamp},v1=${expectedHex}zz`,
      `t=${timestamp},t=${timestamp},v1=${expectedHex}`,
      `t=${timestamp},v0=${expectedHex}`,
    ]) {
      expect(verifySignature(secret, header, body, { now }), header).toBe(false);
    }
    expect(verifySignature(secret, undefined, body, { now })).toBe(false);
  });
});
