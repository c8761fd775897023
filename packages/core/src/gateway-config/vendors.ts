// The customer gateways Tunnelwatch writes configuration for.
export const GATEWAY_CONFIG_VENDORS = ["strongswan", "cisco-ios", "juniper-srx"] as const;
export type GatewayConfigVendor = (typeof GATEWAY_CONFIG_VENDORS)[number];

export const GATEWAY_CONFIG_VENDOR_LABELS: Record<GatewayConfigVendor, string> = {
  strongswan: "strongSwan (swanctl.conf)",
  "cisco-ios": "Cisco IOS / IOS XE",
  "juniper-srx": "Juniper SRX",
};

export function isGatewayConfigVendor(value: string): value is GatewayConfigVendor {
  return (GATEWAY_CONFIG_VENDORS as readonly string[]).includes(value);
}
