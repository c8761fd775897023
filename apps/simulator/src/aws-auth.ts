// SigV4 verification, as AWS does it: the access key must exist and the signature must match the
// one computed with that key's secret over the canonical request.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { AwsAccount } from "./fleet.ts";
import { header, parseRawQuery, rfc3986, type SimRequest } from "./http-util.ts";

export interface SigV4Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export function parseSigV4(authorization: string): SigV4Credential | null {
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/.exec(authorization.trim());
  if (!m?.[1]) return null;
  const fields = new Map<string, string>();
  for (const part of m[1].split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const scope = (fields.get("Credential") ?? "").split("/");
  const [accessKeyId, date, region, service, terminator] = scope;
  if (!accessKeyId || !date || !region || !service || terminator !== "aws4_request") return null;
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: (fields.get("SignedHeaders") ?? "").split(";").filter(Boolean),
    signature: fields.get("Signature") ?? "",
  };
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

function canonicalUri(path: string): string {
  // Non-S3 services encode each path segment once more on top of what went over the wire.
  return path
    .split("/")
    .map((segment) => rfc3986(decodeURIComponentSafe(segment)))
    .map((segment) => rfc3986(segment))
    .join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function sigV4Signature(req: SimRequest, credential: SigV4Credential, secret: string): string {
  const query = parseRawQuery(req.rawQuery)
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalHeaders = credential.signedHeaders
    .map((h) => `${h}:${header(req, h).trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payloadHash = header(req, "x-amz-content-sha256") || sha256(req.body);
  const canonicalRequest = [
    req.method,
    canonicalUri(req.path || "/"),
    query,
    canonicalHeaders,
    credential.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const amzDate = header(req, "x-amz-date");
  const scope = `${credential.date}/${credential.region}/${credential.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${secret}`, credential.date);
  const kRegion = hmac(kDate, credential.region);
  const kService = hmac(kRegion, credential.service);
  const kSigning = hmac(kService, "aws4_request");
  return createHmac("sha256", kSigning).update(stringToSign).digest("hex");
}

export type AwsAuthResult =
  | { ok: true; account: AwsAccount; credential: SigV4Credential }
  | { ok: false; reason: "missing" | "unknown-key" | "bad-signature"; credential?: SigV4Credential };

export function authenticateAws(
  req: SimRequest,
  lookup: (accessKeyId: string) => AwsAccount | undefined,
): AwsAuthResult {
  const credential = parseSigV4(header(req, "authorization"));
  if (!credential) return { ok: false, reason: "missing" };
  const account = lookup(credential.accessKeyId);
  if (!account) return { ok: false, reason: "unknown-key", credential };
  const expected = Buffer.from(sigV4Signature(req, credential, account.credentials.secretAccessKey));
  const given = Buffer.from(credential.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: "bad-signature", credential };
  }
  return { ok: true, account, credential };
}
