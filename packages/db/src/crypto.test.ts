import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateToken, hashToken, open, openJson, parseKeyring, seal, sealJson } from "./crypto.ts";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");

describe("credential encryption", () => {
  it("round-trips and never stores the plaintext", () => {
    const keyring = parseKeyring(`k1:${k1}`, "k1");
    const sealed = seal(keyring, "AKIAEXAMPLE/secret", "tenant-a");
    expect(sealed.keyId).toBe("k1");
    expect(sealed.cipher).not.toContain("AKIAEXAMPLE");
    expect(open(keyring, sealed, "tenant-a")).toBe("AKIAEXAMPLE/secret");
  });

  it("uses a fresh IV each time", () => {
    const keyring = parseKeyring(`k1:${k1}`, "k1");
    expect(seal(keyring, "x", "t").cipher).not.toBe(seal(keyring, "x", "t").cipher);
  });

  it("refuses a ciphertext moved to another tenant", () => {
    const keyring = parseKeyring(`k1:${k1}`, "k1");
    const sealed = seal(keyring, "secret", "tenant-a");
    expect(() => open(keyring, sealed, "tenant-b")).toThrow(/failed authentication/);
  });

  it("refuses tampered data", () => {
    const keyring = parseKeyring(`k1:${k1}`, "k1");
    const sealed = seal(keyring, "secret", "t");
    const parts = sealed.cipher.split(":");
    parts[3] = Buffer.from("tampered").toString("base64");
    expect(() => open(keyring, { ...sealed, cipher: parts.join(":") }, "t")).toThrow(/failed authentication/);
  });

  it("decrypts with an older key after rotation and encrypts with the new one", () => {
    const before = parseKeyring(`k1:${k1}`, "k1");
    const old = sealJson(before, { accessKeyId: "A" }, "t");
    const after = parseKeyring(`k1:${k1},k2:${k2}`, "k2");
    expect(openJson(after, old, "t")).toEqual({ accessKeyId: "A" });
    expect(sealJson(after, {}, "t").keyId).toBe("k2");
  });

  it("names a missing key", () => {
    const keyring = parseKeyring(`k2:${k2}`, "k2");
    expect(() => open(keyring, { cipher: "v1:a:b:c", keyId: "k1" }, "t")).toThrow(
      /key "k1", which is not in CREDENTIALS_KEYS/,
    );
  });

  it("rejects bad keyrings", () => {
    expect(() => parseKeyring("k1:c2hvcnQ=", "k1")).toThrow(/must be 32 bytes/);
    expect(() => parseKeyring(`k1:${k1}`, "k9")).toThrow(/"k9" is not in CREDENTIALS_KEYS/);
  });
});

describe("tokens", () => {
  it("are prefixed, random and hashed deterministically", () => {
    const a = generateToken("tw");
    expect(a).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
    expect(generateToken("tw")).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).toHaveLength(64);
  });
});
