// Customer gateway configuration generated from a connection: the provider's endpoints and
// inside addresses with the proposals, lifetimes, DPD and BGP timers recommended for it.
import type { NormalizedConnection } from "../connection.ts";
import { type PlanOptions, planGatewayConfig } from "./parameters.ts";
import { renderGatewayConfig } from "./render.ts";
import type { GatewayConfigVendor } from "./vendors.ts";

export { type GatewayPlan, insideAddresses, type PlanOptions, planGatewayConfig } from "./parameters.ts";
export {
  GATEWAY_CONFIG_VENDOR_LABELS,
  GATEWAY_CONFIG_VENDORS,
  type GatewayConfigVendor,
  isGatewayConfigVendor,
} from "./vendors.ts";

export interface GatewayConfig {
  vendor: GatewayConfigVendor;
  /** The configuration, with <placeholders> for what the provider does not tell (keys, interfaces). */
  text: string;
  notes: string[];
  tunnelCount: number;
}

export function generateGatewayConfig(
  connection: NormalizedConnection,
  vendor: GatewayConfigVendor,
  options: PlanOptions = {},
): GatewayConfig {
  const plan = planGatewayConfig(connection, options);
  return { vendor, text: renderGatewayConfig(plan, vendor), notes: plan.notes, tunnelCount: plan.tunnels.length };
}
