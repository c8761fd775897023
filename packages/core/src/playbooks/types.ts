import type { FindingCode, LogFaultCode, Provider } from "../codes.ts";

/** Who the step is for: the cloud side, or the customer gateway by vendor. */
export const PLAYBOOK_VARIANTS = [
  "aws",
  "alibaba",
  "mulesoft",
  "juniper-srx",
  "cisco-asa",
  "cisco-ios",
  "strongswan",
] as const;
export type PlaybookVariant = (typeof PLAYBOOK_VARIANTS)[number];

/** Human-readable names of the variants, for headings. */
export const PLAYBOOK_VARIANT_LABELS: Record<PlaybookVariant, string> = {
  aws: "AWS Site-to-Site VPN",
  alibaba: "Alibaba Cloud VPN Gateway",
  mulesoft: "MuleSoft Anypoint VPN",
  "juniper-srx": "Juniper SRX",
  "cisco-asa": "Cisco ASA",
  "cisco-ios": "Cisco IOS / IOS XE",
  strongswan: "strongSwan",
};

export interface PlaybookStep {
  /** Imperative, short: "Set the DPD timeout action to restart". */
  title: string;
  /** What to check or change, with the exact parameter and value, and why. */
  detail: string;
  /** Console path, API call or CLI context: "VPC console > Site-to-Site VPN connections > Actions > Modify VPN tunnel options". */
  where?: string;
  /** Commands to paste, exactly as the device or CLI takes them. */
  commands?: string[];
}

export interface Playbook {
  code: LogFaultCode | FindingCode;
  /** One sentence: what is wrong and what fixes it. */
  summary: string;
  /** Vendor-neutral steps, in the order an engineer should follow them. */
  steps: PlaybookStep[];
  /** Vendor-specific steps, shown after the neutral ones for that provider or gateway. */
  variants: Partial<Record<PlaybookVariant, PlaybookStep[]>>;
  references: Array<{ title: string; url?: string }>;
}

export interface PlaybookContext {
  provider?: Provider;
  /** Customer gateway vendor, as detected from its logs or given by the tenant. */
  gatewayVendor?: PlaybookVariant;
}
