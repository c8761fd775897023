import { type HttpOutcome, postWebhook } from "./http.ts";
import type { AlertMessage } from "./message.ts";
import { WEBHOOK_EVENT_TYPES, webhookPayload } from "./payload.ts";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
  TIMESTAMP_HEADER,
  USER_AGENT,
} from "./signature.ts";
import { slackPayload } from "./slack.ts";

export type WebhookFormat = "json" | "slack";

export interface WebhookChannel {
  url: string;
  format: WebhookFormat;
  secret: string | null;
}

/** What a receiver's answer is read up to: enough for any error message, bounded for a hostile one. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookOptions {
  timeoutMs: number;
  /** MAX_RESPONSE_BYTES unless given. */
  maxResponseBytes?: number;
  allowList: string | undefined;
  now?: () => Date;
}

export function webhookBody(message: AlertMessage, format: WebhookFormat): string {
  return JSON.stringify(format === "slack" ? slackPayload(message) : webhookPayload(message));
}

export function webhookHeaders(
  message: AlertMessage,
  body: string,
  secret: string | null,
  timestamp: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": USER_AGENT,
    [EVENT_HEADER]: WEBHOOK_EVENT_TYPES[message.trigger],
    [DELIVERY_HEADER]: message.idempotencyKey,
    [IDEMPOTENCY_HEADER]: message.idempotencyKey,
    [TIMESTAMP_HEADER]: String(timestamp),
  };
  if (secret) headers[SIGNATURE_HEADER] = signatureHeader(secret, timestamp, body);
  return headers;
}

/** Builds, signs and posts one webhook delivery. Never throws. */
export async function deliverWebhook(
  message: AlertMessage,
  channel: WebhookChannel,
  options: WebhookOptions,
): Promise<HttpOutcome> {
  let body: string;
  let headers: Record<string, string>;
  try {
    const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
    body = webhookBody(message, channel.format);
    headers = webhookHeaders(message, body, channel.secret, timestamp);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      statusCode: null,
      latencyMs: 0,
      error: `could not build the payload: ${reason}`,
      responseSnippet: null,
    };
  }
  return postWebhook({
    url: channel.url,
    body,
    headers,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    allowList: options.allowList,
  });
}
