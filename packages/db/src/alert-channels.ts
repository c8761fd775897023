// An alert channel's stored configuration and webhook signing secret. The secret is sealed like
// cloud credentials (AES-256-GCM, the CREDENTIALS_KEYS keyring) and bound to the organisation.
import { generateToken, type Keyring, openJson, sealJson } from "./crypto.ts";

/** Additional authenticated data for a channel's secret: it cannot be moved to another organisation. */
const channelSecretContext = (tenantId: string) => `alert-channel:${tenantId}`;

export function newChannelSecret(keyring: Keyring, tenantId: string) {
  const secret = generateToken("whsec");
  const sealed = sealJson(keyring, { secret }, channelSecretContext(tenantId));
  return { secret, secretCipher: sealed.cipher, secretKeyId: sealed.keyId };
}

/** The channel's signing secret, or null for a channel without one (email). */
export function openChannelSecret(
  keyring: Keyring,
  channel: { tenantId: string; secretCipher: string | null; secretKeyId: string | null },
): string | null {
  if (!channel.secretCipher || !channel.secretKeyId) return null;
  return openJson<{ secret: string }>(
    keyring,
    { cipher: channel.secretCipher, keyId: channel.secretKeyId },
    channelSecretContext(channel.tenantId),
  ).secret;
}

export const WEBHOOK_FORMATS = ["json", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Stored config: EMAIL { to }, WEBHOOK/SLACK { url, format } (schema.prisma, AlertChannel.config). */
export type ChannelConfig = { to: string[] } | { url: string; format: WebhookFormat };

export function readChannelConfig(kind: string, config: unknown): ChannelConfig {
  const value = (config && typeof config === "object" ? config : {}) as Record<string, unknown>;
  if (kind === "EMAIL") {
    return { to: Array.isArray(value.to) ? value.to.filter((v): v is string => typeof v === "string") : [] };
  }
  const format: WebhookFormat = value.format === "slack" || kind === "SLACK" ? "slack" : "json";
  return { url: typeof value.url === "string" ? value.url : "", format };
}
