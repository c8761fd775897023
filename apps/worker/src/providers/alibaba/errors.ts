// Alibaba Cloud errors -> ProviderError kinds. The SDK (@alicloud/openapi-core) throws
// ThrottlingError (code contains "Throttling"), ClientError (4xx) and ServerError (5xx), each with the
// API's Code and Message; httpx throws RequestTimeoutError for connect and read timeouts.
import { type ErrorContext, messageOf, networkErrorKind, providerError } from "../common/errors.ts";
import type { ProviderError, ProviderErrorKind } from "../types.ts";

interface AlibabaLikeError {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  data?: { Message?: unknown; message?: unknown; RequestId?: unknown };
}

const AUTH = [
  /^InvalidAccessKeyId/,
  /^SignatureDoesNotMatch/,
  /^IncompleteSignature/,
  /^InvalidSecurityToken/,
  /^SignatureNonceUsed/,
  /^InvalidTimeStamp/,
  /^Forbidden\.AccessKeyDisabled/,
  /^InvalidCredentials/,
];
const PERMISSION = [/^Forbidden/, /^NoPermission/, /^UnauthorizedOperation/, /NotAuthorized/, /^Forbbiden/];
const REGION = [/^InvalidRegionId/, /RegionId\.NotFound/, /^Region\.NotSupported/, /^UnsupportedRegion/];

export function alibabaErrorKind(error: unknown): ProviderErrorKind {
  const e = (error ?? {}) as AlibabaLikeError;
  if (e.name === "RequestTimeoutError" || /^(?:ReadTimeout|ConnectTimeout)/.test(e.message ?? "")) return "timeout";
  const code = typeof e.code === "string" ? e.code : "";
  if (e.name === "ThrottlingError" || /Throttling/i.test(code)) return "throttled";
  if (AUTH.some((re) => re.test(code))) return "auth";
  if (REGION.some((re) => re.test(code))) return "region";
  if (PERMISSION.some((re) => re.test(code))) return "permission";
  const network = networkErrorKind(error);
  if (network) return network;
  if (e.name === "ServerError" || (e.statusCode !== undefined && e.statusCode >= 500)) return "unavailable";
  if (/ServiceUnavailable|InternalError|UnknownError/i.test(code)) return "unavailable";
  if (e.statusCode === 401) return "auth";
  if (e.statusCode === 403) return "permission";
  if (e.name === "SyntaxError" || /JSON/.test(e.message ?? "")) return "invalid-response";
  return "other";
}

export function isRetryableAlibaba(error: unknown): boolean {
  const kind = alibabaErrorKind(error);
  return kind === "throttled" || kind === "timeout" || kind === "unavailable";
}

/** Retry-After hint of a ThrottlingError, in ms (the SDK reads the x-ratelimit headers into it). */
export function alibabaRetryAfterMs(error: unknown): number | undefined {
  const value = (error as { retryAfter?: unknown } | undefined)?.retryAfter;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function toAlibabaProviderError(error: unknown, context: ErrorContext): ProviderError {
  const e = (error ?? {}) as AlibabaLikeError;
  const kind = alibabaErrorKind(error);
  const apiMessage = typeof e.data?.Message === "string" ? e.data.Message : undefined;
  const requestId = typeof e.data?.RequestId === "string" ? ` (request id ${e.data.RequestId})` : "";
  const code = typeof e.code === "string" && e.code !== "undefined" ? e.code : undefined;
  const reason =
    kind === "timeout"
      ? `no response within the time limit (${messageOf(error).replace(/\?.*? failed/, " failed")})`
      : apiMessage
        ? `${code ? `${code}: ` : ""}${apiMessage}${requestId}`
        : messageOf(error);
  return providerError(context, kind, reason, {
    ...(e.statusCode === undefined ? {} : { status: e.statusCode }),
    ...(code === undefined ? {} : { code }),
  });
}
