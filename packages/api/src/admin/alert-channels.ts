// Alert channel input validation and how a webhook URL is shown to people who may not manage
// channels. The stored configuration and the signing secret are packages/db's (alert-channels.ts).
import { WEBHOOK_FORMATS } from "@tunnelwatch/db";
import { z } from "zod";
import { isPlainHttpUrl } from "./cloud-accounts.ts";

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
