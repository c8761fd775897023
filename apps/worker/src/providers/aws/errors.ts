// AWS error codes -> ProviderError kinds. Codes from the EC2 error reference (Query API), the
// CloudWatch Logs and AWS Health JSON error types, and the SDK's own client-side errors.

import { type ErrorContext, messageOf, networkErrorKind, providerError } from "../common/errors.ts";
import type { ProviderError, ProviderErrorKind } from "../types.ts";

const AUTH = new Set([
  "AuthFailure",
  "SignatureDoesNotMatch",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "IncompleteSignature",
  "InvalidSignatureException",
  "MissingAuthenticationToken",
  "InvalidAccessKeyId",
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
  "CredentialsProviderError",
]);
const PERMISSION = new Set([
  "UnauthorizedOperation",
  "AccessDenied",
  "AccessDeniedException",
  "SubscriptionRequiredException",
  "Blocked",
]);
const REGION = new Set(["OptInRequired", "InvalidRegion", "UnknownEndpoint", "UnrecognizedRegion"]);
const THROTTLED = new Set([
  "RequestLimitExceeded",
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestThrottled",
  "RequestThrottledException",
  "ProvisionedThroughputExceededException",
  "LimitExceededException",
  "SlowDown",
]);
const UNAVAILABLE = new Set(["ServiceUnavailable", "ServiceUnavailableException", "InternalError", "InternalFailure"]);

interface AwsLikeError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
}

export function awsErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as AwsLikeError;
  return e.Code ?? (typeof e.code === "string" && !e.code.startsWith("E") ? e.code : undefined) ?? e.name;
}

export function awsErrorKind(error: unknown, hasEndpointOverride: boolean): ProviderErrorKind {
  const network = networkErrorKind(error);
  const e = (error ?? {}) as AwsLikeError & { code?: string };
  // An unknown region has no DNS name: ec2.<region>.amazonaws.com does not resolve.
  if (network === "unavailable" && e.code === "ENOTFOUND" && !hasEndpointOverride) return "region";
  if (network) return network;
  const code = awsErrorCode(error) ?? "";
  if (AUTH.has(code)) return "auth";
  if (PERMISSION.has(code)) return "permission";
  if (REGION.has(code)) return "region";
  if (THROTTLED.has(code) || e.$metadata?.httpStatusCode === 429) return "throttled";
  if (UNAVAILABLE.has(code)) return "unavailable";
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return "unavailable";
  if (status === 401) return "auth";
  if (status === 403) return "permission";
  // The SDK reports bodies it cannot parse as "Deserialization error" or a SyntaxError.
  if (
    code === "SyntaxError" ||
    /Deserialization error|Expected (?:closing|opening)|Unexpected token/i.test(e.message ?? "")
  ) {
    return "invalid-response";
  }
  return "other";
}

export function toAwsProviderError(error: unknown, context: ErrorContext, hasEndpointOverride: boolean): ProviderError {
  const kind = awsErrorKind(error, hasEndpointOverride);
  const code = awsErrorCode(error);
  const status = (error as AwsLikeError | undefined)?.$metadata?.httpStatusCode;
  const text = messageOf(error);
  const reason =
    kind === "timeout"
      ? `no response within the time limit (${text})`
      : kind === "region" && (error as { code?: string }).code === "ENOTFOUND"
        ? `the region "${context.region}" has no endpoint (${text})`
        : code && !text.startsWith(code)
          ? `${code}: ${text}`
          : text;
  return providerError(context, kind, reason, {
    ...(status === undefined ? {} : { status }),
    ...(code === undefined ? {} : { code }),
  });
}
