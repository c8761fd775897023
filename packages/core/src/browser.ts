// What the dashboard's browser code needs from core: the code lists, the playbook variants' names,
// the gateway configuration vendors and the number-range formatter. The package's main entry also carries the classifier and the
// playbook catalogue, which a page that only lists codes should not download.
export * from "./codes.ts";
export type { CustomerGateway } from "./connection.ts";
export {
  GATEWAY_CONFIG_VENDOR_LABELS,
  GATEWAY_CONFIG_VENDORS,
  type GatewayConfigVendor,
  isGatewayConfigVendor,
} from "./gateway-config/vendors.ts";
export { numberRanges } from "./number-ranges.ts";
export { PLAYBOOK_VARIANT_LABELS, PLAYBOOK_VARIANTS, type PlaybookVariant } from "./playbooks/types.ts";
