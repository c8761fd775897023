// A GatewayPlan as one vendor's configuration text.
import { ciscoIos } from "./cisco-ios.ts";
import { juniperSrx } from "./juniper-srx.ts";
import type { GatewayPlan } from "./parameters.ts";
import { strongswan } from "./strongswan.ts";
import type { GatewayConfigVendor } from "./vendors.ts";

export function renderGatewayConfig(plan: GatewayPlan, vendor: GatewayConfigVendor): string {
  switch (vendor) {
    case "strongswan":
      return strongswan(plan);
    case "cisco-ios":
      return ciscoIos(plan);
    case "juniper-srx":
      return juniperSrx(plan);
  }
}
