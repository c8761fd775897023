// Provider clients: one per cloud account, speaking the provider's real API (or the simulator
// behind `endpoint`). The pipeline sees only the contract in types.ts.
import { AlibabaProviderClient } from "./alibaba/client.ts";
import { AwsProviderClient } from "./aws/client.ts";
import type { TrafficReadings } from "./aws/traffic-readings.ts";
import type { ClientOptions } from "./common/options.ts";
import { MulesoftProviderClient } from "./mulesoft/client.ts";
import type { AccountTarget, ProviderClient } from "./types.ts";

export { AlibabaProviderClient } from "./alibaba/client.ts";
export { normalizeAlibabaConnection } from "./alibaba/normalize.ts";
export { AwsProviderClient } from "./aws/client.ts";
export { normalizeAwsConnection } from "./aws/normalize.ts";
export { TrafficReadings } from "./aws/traffic-readings.ts";
export { type ClientOptions, DEFAULT_CLIENT_OPTIONS } from "./common/options.ts";
export { MulesoftProviderClient } from "./mulesoft/client.ts";
export { normalizeAnypointVpn } from "./mulesoft/normalize.ts";
export * from "./types.ts";

/**
 * The client for one account. `options` tunes timeouts and retries (tests shorten them);
 * `trafficReadings`, kept by a worker across polls, spares AWS metric reads within a period.
 */
export function createProviderClient(
  target: AccountTarget,
  options: Partial<ClientOptions> = {},
  trafficReadings?: TrafficReadings,
): ProviderClient {
  switch (target.provider) {
    case "aws":
      return new AwsProviderClient(target, options, trafficReadings);
    case "alibaba":
      return new AlibabaProviderClient(target, options);
    case "mulesoft":
      return new MulesoftProviderClient(target, options);
  }
}
