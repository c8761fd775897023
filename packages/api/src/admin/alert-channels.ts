// Alert channel configuration and webhook signing secrets. The secret is sealed like cloud
// credentials (AES-256-GCM, the CREDENTIALS_KEYS keyring) and bound to the organisation:
// alert delivery opens it with openChannelSecret and the same context.
import { generateToken, type Keyring, openJson, sealJson } from "@tunnelwatch/db";
import { z } from "zod";
import { isPlainHttpUrl } from "./cloud-accounts.ts";

/** Additional authenticated data for a channel's secret: it cannot be moved to another organisation. */
export const channelSecretContext = (tenantId: string) => `alert-channel:${tenantId}`;

export function newChannelSecret(keyring: Keyring, tenantId: string) {
  const secret = generateToken("whsec");
  const sealed = sealJson(keyring, { secret }, channelSecretContext(tenantId));
  return { secret, secretCipher: sealed.cipher, secretKeyId: sealed.keyId };
}

export function openChannelSecret(
  keyring: Keyring,
  channel: { tenantId: string; secretCipher: string; secretKeyId: string },
): string {
  return openJson<{ secret: string }>(
    keyring,
    { cipher: channel.secretCipher, keyId: channel.secretKeyId },
    channelSecretContext(channel.tenantId),
  ).secret;
}

export const WEBHOOK_FORMATS = ["json", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const channelName = z.string().trim().min(1, "Name the channel, e.g. NOC on-call").max(100);

export const recipients = z
  .array(z.email("Enter valid email addresses, one per line or separated by commas").max(320))
  .min(1, "Give at least one recipient")
  .max(50, "Give at most 50 recipients")
  .transform((list) => [...new Set(list.map((e) => e.toLowerCase()))]);

export const webhookUrl = z
  .string()
  .trim()
  .max(2000, "Use a URL of at most 2000 characters")
  .refine(isPlainHttpUrl, "Enter an http:// or https:// URL without a user name or password in it");

export const webhookFormat = z.enum(WEBHOOK_FORMATS, { message: 'Choose the format: "json" or "slack"' });

/** Stored config: EMAIL { to }, WEBHOOK/SLACK { url, format } (schema.prisma, AlertChannel.config). */
export type ChannelConfig = { to: string[] } | { url: string; format: WebhookFormat };

export function readConfig(kind: string, config: unknown): ChannelConfig {
  const value = (config && typeof config === "object" ? config : {}) as Record<string, unknown>;
  if (kind === "EMAIL") {
    return { to: Array.isArray(value.to) ? value.to.filter((v): v is string => typeof v === "string") : [] };
  }
  const format: WebhookFormat = value.format === "slack" || kind === "SLACK" ? "slack" : "json";
  return { url: typeof value.url === "string" ? value.url : "", format };
}

/**
 * A webhook URL for people who may not manage channels: the host only. Chat webhook URLs carry
 * their credential in the path (Slack's /services/T…/B…/secret).
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return "…";
  }
}
