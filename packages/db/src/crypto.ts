// AES-256-GCM for cloud credentials and webhook secrets. Each ciphertext records the id of the
// key that made it, so keys can be rotated: add a new key, make it active, re-encrypt, then
// remove the old one.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

export interface Keyring {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

export interface Sealed {
  cipher: string;
  keyId: string;
}

const VERSION = "v1";

/** Parses CREDENTIALS_KEYS ("id:base64,id:base64") and CREDENTIALS_ACTIVE_KEY_ID. */
export function parseKeyring(keysSpec: string, activeKeyId: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const pair of keysSpec.split(",")) {
    const [id, encoded] = pair.trim().split(":");
    if (!id || !encoded) throw new Error('CREDENTIALS_KEYS must be "id:base64key" pairs separated by commas');
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error(`CREDENTIALS_KEYS: key "${id}" must be 32 bytes, not ${key.length}`);
    keys.set(id, key);
  }
  if (!keys.has(activeKeyId)) throw new Error(`CREDENTIALS_ACTIVE_KEY_ID "${activeKeyId}" is not in CREDENTIALS_KEYS`);
  return { activeKeyId, keys };
}

/**
 * Encrypts `plaintext`. `context` (e.g. the tenant id) is bound as additional authenticated
 * data: the ciphertext cannot be moved to another tenant's row and still decrypt.
 */
export function seal(keyring: Keyring, plaintext: string, context: string): Sealed {
  const key = keyring.keys.get(keyring.activeKeyId);
  if (!key) throw new Error(`Active credentials key "${keyring.activeKeyId}" is missing`);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    cipher: [VERSION, iv.toString("base64"), tag.toString("base64"), body.toString("base64")].join(":"),
    keyId: keyring.activeKeyId,
  };
}

export function open(keyring: Keyring, sealed: Sealed, context: string): string {
  const key = keyring.keys.get(sealed.keyId);
  if (!key) throw new Error(`Credentials were encrypted with key "${sealed.keyId}", which is not in CREDENTIALS_KEYS`);
  const [version, iv, tag, body] = sealed.cipher.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Encrypted value is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Encrypted value failed authentication (wrong key, wrong context or tampered data)");
  }
}

export function sealJson(keyring: Keyring, value: unknown, context: string): Sealed {
  return seal(keyring, JSON.stringify(value), context);
}

export function openJson<T>(keyring: Keyring, sealed: Sealed, context: string): T {
  return JSON.parse(open(keyring, sealed, context)) as T;
}

/** A random secret for API tokens, invitation links and webhook signing, with a readable prefix. */
export function generateToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString("base64url")}`;
}

/** Tokens are stored as sha256: they are long random values, so a fast hash is enough. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
