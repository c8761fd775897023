// Helpers to turn transport failures into ProviderErrors whose messages say what failed and never
// carry a secret. The raw error is never attached (an SDK error can hold the signed request).
import type { Provider } from "@tunnelwatch/core";
import { ProviderError, type ProviderErrorKind } from "../types.ts";

export const PROVIDER_LABEL: Record<Provider, string> = {
  aws: "AWS",
  alibaba: "Alibaba Cloud",
  mulesoft: "MuleSoft Anypoint",
};

/** Replaces every occurrence of a secret (and of its URL-encoded form) with "[redacted]". */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("[redacted]");
  }
  return out;
}

/** Error message text of anything thrown, bounded in length. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 500);
  if (typeof error === "string") return error.slice(0, 500);
  return "unknown error";
}

const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
  "UND_ERR_SOCKET",
]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const record = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof record.code === "string") codes.push(record.code);
    if (typeof record.name === "string") codes.push(record.name);
    current = record.cause;
  }
  return codes;
}

/** "timeout" or "unavailable" for socket-level failures (also inside `cause`), else undefined. */
export function networkErrorKind(error: unknown): ProviderErrorKind | undefined {
  const codes = codesOf(error);
  if (codes.some((c) => TIMEOUT_CODES.has(c) || c === "TimeoutError" || c === "AbortError" || /Timeout/.test(c))) {
    return "timeout";
  }
  if (codes.some((c) => UNREACHABLE_CODES.has(c))) return "unavailable";
  return undefined;
}

export function networkErrorCode(error: unknown): string | undefined {
  return codesOf(error).find((c) => TIMEOUT_CODES.has(c) || UNREACHABLE_CODES.has(c));
}

export interface ErrorContext {
  provider: Provider;
  action: string;
  region?: string;
  secrets: readonly (string | undefined)[];
}

/** Builds "<Provider> <action> (<region>) failed: <reason>" with secrets removed. */
export function providerError(
  context: ErrorContext,
  kind: ProviderErrorKind,
  reason: string,
  details: { status?: number; code?: string } = {},
): ProviderError {
  const where = context.region ? ` (${context.region})` : "";
  const message = redact(
    `${PROVIDER_LABEL[context.provider]} ${context.action}${where} failed: ${reason}`,
    context.secrets,
  );
  return new ProviderError(context.provider, kind, message, {
    action: context.action,
    ...(context.region ? { region: context.region } : {}),
    ...(details.status === undefined ? {} : { status: details.status }),
    ...(details.code === undefined ? {} : { code: details.code }),
  });
}

/** Short text for `unavailable`, from a ProviderError or anything else. */
export function unavailableReason(error: unknown, secrets: readonly (string | undefined)[]): string {
  return redact(messageOf(error), secrets);
}
