import { deliverWebhook, type WebhookChannel, type WebhookOptions } from "./deliver.ts";
import type { Mailer } from "./mailer.ts";
import type { AlertMessage } from "./message.ts";
import { oneLine } from "./message.ts";

/** An email channel's recipients, or a webhook channel with its signing secret opened. */
export type AlertTarget = { to: string[] } | WebhookChannel;

export interface SendOptions extends WebhookOptions {
  /** null when SMTP is not configured: email channels then fail with a clear error. */
  mailer: Mailer | null;
}

/** One attempt's result, for either transport: responseCode is the SMTP reply or HTTP status. */
export interface SendOutcome {
  ok: boolean;
  responseCode: number | null;
  latencyMs: number;
  error: string | null;
  responseSnippet?: string | null;
}

/** Sends one message through an email or webhook channel. Never throws. */
export async function sendAlert(
  message: AlertMessage,
  target: AlertTarget,
  options: SendOptions,
): Promise<SendOutcome> {
  if ("to" in target) {
    if (!options.mailer) {
      return {
        ok: false,
        responseCode: null,
        latencyMs: 0,
        error: "SMTP is not configured: set SMTP_URL (and ALERT_EMAIL_FROM) on the worker and the web app",
      };
    }
    return options.mailer.send(message, target.to);
  }
  const outcome = await deliverWebhook(message, target, options);
  const snippet = outcome.responseSnippet ? oneLine(outcome.responseSnippet).slice(0, 200) : null;
  return {
    ok: outcome.ok,
    responseCode: outcome.statusCode,
    latencyMs: outcome.latencyMs,
    error: outcome.error && snippet ? `${outcome.error}: ${snippet}` : outcome.error,
    responseSnippet: outcome.responseSnippet,
  };
}
