// Input rules for cloud accounts and the bridge to the worker's own code: credentials are sealed
// with the worker's sealCredentials (same shape, same key, same tenant binding it opens them
// with), and a credentials test runs the worker's provider client, so "Test" exercises exactly
// what the scheduled polls will do.
import type { AccountTarget, ProviderClient } from "@tunnelwatch/worker/providers";
import { z } from "zod";

export { accountTarget, sealCredentials } from "@tunnelwatch/worker/pipeline";

export const PROVIDERS = ["AWS", "ALIBABA", "MULESOFT"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ALIBABA_REGION = /^[a-z]{2}(-[a-z]+)+(-\d{1,2})?$/;
// Anypoint: "eu"/"eu1" picks the EU control plane, "gov" the US Government one; AWS-style
// regions filter the VPCs by region.
const MULESOFT_REGION = /^(us|eu|us1|eu1|gov)$|^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function regionList(pattern: RegExp, example: string, min: number) {
  return z
    .array(z.string().trim().toLowerCase().max(40))
    .max(40, "Give at most 40 regions")
    .transform((regions) => [...new Set(regions.filter((r) => r !== ""))])
    .superRefine((regions, ctx) => {
      const bad = regions.filter((r) => !pattern.test(r));
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          message: `Not a region id: ${bad.slice(0, 5).join(", ")} (expected ids like ${example})`,
        });
      }
      if (regions.length < min) ctx.addIssue({ code: "custom", message: `Give at least one region, e.g. ${example}` });
    });
}

export const regionsByProvider = {
  AWS: regionList(AWS_REGION, "us-east-1, eu-west-1", 1),
  ALIBABA: regionList(ALIBABA_REGION, "cn-hangzhou, ap-southeast-1", 1),
  MULESOFT: regionList(
    MULESOFT_REGION,
    '"eu" or "gov" for the EU or US Government control plane, or VPC regions like us-east-1',
    0,
  ),
} as const;

const secret = (label: string) => z.string().trim().min(8, `Enter the ${label}`).max(4096, `The ${label} is too long`);

// Exactly the shapes the worker's provider clients read (apps/worker/src/providers/types.ts).
export const credentialsByProvider = {
  AWS: z.object({
    accessKeyId: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{16,128}$/, "An access key ID is 16 to 128 capital letters and digits (AKIA… or ASIA…)"),
    secretAccessKey: secret("secret access key"),
    // Temporary credentials (ASIA…) need their session token.
    sessionToken: z
      .string()
      .trim()
      .max(4096)
      .optional()
      .transform((v) => v || undefined),
  }),
  ALIBABA: z.object({
    accessKeyId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{8,128}$/, "An AccessKey ID is letters and digits (LTAI…)"),
    accessKeySecret: secret("AccessKey secret"),
  }),
  MULESOFT: z.object({
    clientId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{8,128}$/, "Enter the connected app's client ID"),
    clientSecret: secret("client secret"),
    orgId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{8,64}$/, "Enter the Anypoint organisation (business group) ID"),
  }),
} as const;

export const accountName = z.string().trim().min(1, "Name the account").max(100, "Use at most 100 characters");

export const endpointOverride = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((v) => v || null)
  .superRefine((value, ctx) => {
    if (value !== null && !isPlainHttpUrl(value)) {
      ctx.addIssue({
        code: "custom",
        message: "Enter an http:// or https:// URL without credentials, or leave it empty for the provider's own API",
      });
    }
  });

/** An http(s) URL with no user name or password in it. */
export function isPlainHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const intervalSec = (what: string) =>
  z.number().int().min(30, `Poll ${what} at most every 30 s`).max(3600, `Poll ${what} at least every hour (3600 s)`);

export const externalAccountId = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((v) => v || null);

export interface TestResult {
  ok: boolean;
  connections: number;
  message: string;
  /** Optional data the credentials cannot read (logs, Health...), with the provider's reason. */
  unavailable: Record<string, string>;
}

export const TEST_TIMEOUT_MS = 20_000;

const PROVIDER_LABEL: Record<ProviderName, string> = { AWS: "AWS", ALIBABA: "Alibaba Cloud", MULESOFT: "Anypoint" };

/**
 * Fetches the account's status once with the worker's provider client, within `timeoutMs`.
 * Never throws for a provider failure: the result says what failed, without secrets.
 */
export async function testProviderTarget(
  provider: ProviderName,
  target: AccountTarget,
  timeoutMs = TEST_TIMEOUT_MS,
): Promise<TestResult> {
  // Loaded on first use: the provider SDKs are large and only this action needs them in the web app.
  const { createProviderClient, ProviderError } = await import("@tunnelwatch/worker/providers");
  const client: ProviderClient = createProviderClient(target, {
    maxAttempts: 2,
    connectTimeoutMs: Math.min(8_000, timeoutMs),
    requestTimeoutMs: Math.min(10_000, timeoutMs),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TestTimeout()), timeoutMs);
  });
  try {
    const snapshot = await Promise.race([client.fetchStatus(), timeout]);
    const count = snapshot.connections.length;
    const unavailable = snapshot.unavailable ?? {};
    const where = target.regions.length ? ` in ${target.regions.join(", ")}` : "";
    const gaps = Object.keys(unavailable).length;
    return {
      ok: true,
      connections: count,
      unavailable,
      message: `Connected to ${PROVIDER_LABEL[provider]}: ${count} VPN connection${count === 1 ? "" : "s"}${where}.${gaps ? ` ${gaps} optional feature${gaps === 1 ? " is" : "s are"} unavailable (see details).` : ""}`,
    };
  } catch (error) {
    const message =
      error instanceof TestTimeout
        ? `${PROVIDER_LABEL[provider]} did not answer within ${Math.round(timeoutMs / 1000)} s: check the endpoint, the regions and the network path from the server.`
        : error instanceof ProviderError
          ? error.message
          : `The test failed: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`;
    return { ok: false, connections: 0, unavailable: {}, message: message.slice(0, 1000) };
  } finally {
    clearTimeout(timer);
  }
}

class TestTimeout extends Error {}

/** Provider, regions and credentials, checked together (the credential fields depend on the provider). */
export function accountDraftShape<T extends z.ZodRawShape>(extra: T) {
  return z.discriminatedUnion("provider", [
    z.object({
      provider: z.literal("AWS"),
      regions: regionsByProvider.AWS,
      credentials: credentialsByProvider.AWS,
      ...extra,
    }),
    z.object({
      provider: z.literal("ALIBABA"),
      regions: regionsByProvider.ALIBABA,
      credentials: credentialsByProvider.ALIBABA,
      ...extra,
    }),
    z.object({
      provider: z.literal("MULESOFT"),
      regions: regionsByProvider.MULESOFT,
      credentials: credentialsByProvider.MULESOFT,
      ...extra,
    }),
  ]);
}

export type AccountDraft =
  | { provider: "AWS"; regions: string[]; credentials: z.output<typeof credentialsByProvider.AWS> }
  | { provider: "ALIBABA"; regions: string[]; credentials: z.output<typeof credentialsByProvider.ALIBABA> }
  | { provider: "MULESOFT"; regions: string[]; credentials: z.output<typeof credentialsByProvider.MULESOFT> };

/** The worker's target for credentials that are not stored yet (the "Test" button of the add form). */
export function draftTarget(draft: AccountDraft, endpoint: string | null): AccountTarget {
  const common = { regions: draft.regions, ...(endpoint ? { endpoint } : {}) };
  switch (draft.provider) {
    case "AWS":
      return { provider: "aws", ...common, credentials: draft.credentials };
    case "ALIBABA":
      return { provider: "alibaba", ...common, credentials: draft.credentials };
    case "MULESOFT":
      return { provider: "mulesoft", ...common, credentials: draft.credentials };
  }
}
