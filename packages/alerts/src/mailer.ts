import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { renderEmail } from "./email.ts";
import type { AlertMessage } from "./message.ts";
import { WEBHOOK_EVENT_TYPES } from "./payload.ts";
import { DELIVERY_HEADER, EVENT_HEADER } from "./signature.ts";

export interface MailerConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 */
  smtpUrl: string;
  from: string;
  timeoutMs?: number;
}

export interface MailOutcome {
  ok: boolean;
  latencyMs: number;
  responseCode: number | null;
  error: string | null;
}

export interface Mailer {
  send(message: AlertMessage, to: string[]): Promise<MailOutcome>;
  close(): void;
}

export const DEFAULT_SMTP_TIMEOUT_MS = 15_000;

type SmtpError = Error & { code?: string; responseCode?: number };

/** Same for every attempt of one delivery, so a retried send is recognisable. */
export function alertMessageId(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? "tunnelwatch.invalid";
  const local = /^[A-Za-z0-9._+-]{1,128}$/.test(idempotencyKey)
    ? idempotencyKey
    : createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  return `<alert.${local}@${domain}>`;
}

function secretsOf(smtpUrl: string): string[] {
  const secrets = [smtpUrl];
  try {
    const { password } = new URL(smtpUrl);
    if (password) {
      secrets.push(password);
      try {
        secrets.push(decodeURIComponent(password));
      } catch {
        // a malformed escape: the raw form is scrubbed already
      }
    }
  } catch {
    // not a URL: nothing else to scrub
  }
  return secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

function replyCode(response: string | undefined): number | null {
  const match = /^(\d{3})\b/.exec(response ?? "");
  return match ? Number(match[1]) : null;
}

export function createMailer(config: MailerConfig): Mailer {
  const timeoutMs = config.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  const secrets = secretsOf(config.smtpUrl);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join("***"), text);

  let transport: ReturnType<typeof nodemailer.createTransport> | null = null;
  let setupError: string | null = null;
  try {
    const { protocol } = new URL(config.smtpUrl);
    if (protocol !== "smtp:" && protocol !== "smtps:") throw new Error(`unsupported scheme ${protocol}`);
    transport = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
    });
  } catch (err) {
    const reason = err instanceof Error && err.message.startsWith("unsupported") ? `: ${err.message}` : "";
    setupError = `the SMTP URL is not valid (expected smtp:// or smtps://)${scrub(reason)}`;
  }

  const describe = (err: SmtpError): string => {
    if (err.code === "EABORT") return `timed out after ${timeoutMs} ms`;
    const code = err.code ? `${err.code}: ` : "";
    return scrub(`SMTP ${code}${err.message}`.replace(/\s+/g, " ").trim()).slice(0, 500);
  };

  return {
    async send(message, to) {
      const started = performance.now();
      const latencyMs = () => Math.round(performance.now() - started);
      if (!transport) return { ok: false, latencyMs: 0, responseCode: null, error: setupError };
      if (to.length === 0) return { ok: false, latencyMs: 0, responseCode: null, error: "no recipients" };
      try {
        const { subject, text, html } = renderEmail(message);
        const info = await transport.sendMail({
          from: config.from,
          to,
          subject,
          text,
          html,
          messageId: alertMessageId(message.idempotencyKey, config.from),
          date: message.occurredAt,
          headers: {
            [DELIVERY_HEADER]: message.idempotencyKey,
            [EVENT_HEADER]: WEBHOOK_EVENT_TYPES[message.trigger],
          },
          signal: AbortSignal.timeout(timeoutMs),
        });
        const rejected = (info.rejected ?? []).map(String);
        return {
          ok: rejected.length === 0,
          latencyMs: latencyMs(),
          responseCode: replyCode(info.response),
          error: rejected.length === 0 ? null : scrub(`rejected recipients: ${rejected.join(", ")}`),
        };
      } catch (err) {
        const smtpError = (err instanceof Error ? err : new Error(String(err))) as SmtpError;
        return {
          ok: false,
          latencyMs: latencyMs(),
          responseCode: typeof smtpError.responseCode === "number" ? smtpError.responseCode : null,
          error: describe(smtpError),
        };
      }
    },
    close() {
      transport?.close();
    },
  };
}
