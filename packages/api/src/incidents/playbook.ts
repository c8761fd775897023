// The playbook of an incident's code, for its connection's provider and, when known, the
// customer gateway's vendor (from the tenant's description of the gateway, or from the vendor
// the classifier recognised in the incident's own log lines).
import { getPlaybook, PLAYBOOK_VARIANTS, type PlaybookVariant, type ResolvedPlaybook } from "@tunnelwatch/core";
import type { Provider as DbProvider } from "@tunnelwatch/db";

const PROVIDER_VARIANT: Record<DbProvider, "aws" | "alibaba" | "mulesoft"> = {
  AWS: "aws",
  ALIBABA: "alibaba",
  MULESOFT: "mulesoft",
};

// Classifier vendors (log formats) that name a customer-gateway playbook variant.
const LOG_VENDOR_VARIANT: Record<string, PlaybookVariant> = {
  juniper: "juniper-srx",
  "juniper-srx": "juniper-srx",
  srx: "juniper-srx",
  "cisco-asa": "cisco-asa",
  asa: "cisco-asa",
  "cisco-ios": "cisco-ios",
  ios: "cisco-ios",
  "ios-xe": "cisco-ios",
  strongswan: "strongswan",
  libreswan: "strongswan",
};

const CLOUD_VARIANTS = new Set<PlaybookVariant>(["aws", "alibaba", "mulesoft"]);

export function gatewayVariant(
  provider: DbProvider,
  declaredVendor: unknown,
  logVendors: readonly string[],
): PlaybookVariant | undefined {
  if (typeof declaredVendor === "string") {
    const key = declaredVendor.trim().toLowerCase();
    const variant = (PLAYBOOK_VARIANTS as readonly string[]).includes(key)
      ? (key as PlaybookVariant)
      : LOG_VENDOR_VARIANT[key];
    if (variant && !CLOUD_VARIANTS.has(variant)) return variant;
  }
  for (const vendor of logVendors) {
    const variant = LOG_VENDOR_VARIANT[vendor.toLowerCase()];
    // Alibaba's own gateway logs are strongSwan's: they say nothing of the customer's device.
    if (variant && !(variant === "strongswan" && provider === "ALIBABA")) return variant;
  }
  return undefined;
}

export function incidentPlaybook(
  code: string,
  provider: DbProvider,
  gateway: PlaybookVariant | undefined,
): ResolvedPlaybook | null {
  return (
    getPlaybook(code, { provider: PROVIDER_VARIANT[provider], ...(gateway ? { gatewayVendor: gateway } : {}) }) ?? null
  );
}

/** Every step id the code's playbook has, in any variant: what a remediation may name. */
export function knownStepIds(code: string): Set<string> {
  return new Set(getPlaybook(code)?.steps.map((s) => s.id) ?? []);
}

export function providerVariant(provider: DbProvider) {
  return PROVIDER_VARIANT[provider];
}
