// The Alerts screen's "send test" button: a test message through the channel's real transport,
// with the outcome (response code, latency, error) shown to the administrator at once.
import { randomUUID } from "node:crypto";
import { type AlertMessage, createMailer, type SendOutcome, sendAlert } from "@tunnelwatch/alerts";
import type { AlertsEnv } from "@tunnelwatch/config";
import type { ChannelConfig } from "@tunnelwatch/db";

export async function sendTestAlert(
  env: AlertsEnv,
  channel: { tenant: { id: string; name: string; slug: string }; config: ChannelConfig; secret: string | null },
): Promise<SendOutcome> {
  const message: AlertMessage = {
    idempotencyKey: `tw_test_${randomUUID()}`,
    trigger: "TEST",
    severity: "INFO",
    occurredAt: new Date(),
    summary: `Test alert from Tunnelwatch for ${channel.tenant.name}`,
    tenant: { id: channel.tenant.id, name: channel.tenant.name },
    connection: null,
    tunnel: null,
    incident: null,
    fault: null,
    details: { note: "Sent from the Alerts screen to check this channel. No tunnel is affected." },
    remediation: [],
    folded: null,
    url: `${env.APP_URL.replace(/\/+$/, "")}/alerts?org=${encodeURIComponent(channel.tenant.slug)}`,
  };
  const mailer = env.SMTP_URL
    ? createMailer({ smtpUrl: env.SMTP_URL, from: env.ALERT_EMAIL_FROM, timeoutMs: env.ALERT_HTTP_TIMEOUT_MS })
    : null;
  try {
    const target = "to" in channel.config ? channel.config : { ...channel.config, secret: channel.secret };
    return await sendAlert(message, target, {
      mailer,
      timeoutMs: env.ALERT_HTTP_TIMEOUT_MS,
      allowList: env.PRIVATE_HOSTS_ALLOWED,
    });
  } finally {
    mailer?.close();
  }
}
