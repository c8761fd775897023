// Recommended tunnel parameters per provider and IKE version (faults.md §2, MuleSoft Anypoint VPN maintenance guide; AWS Security Hub EC2.20 remediation guide; AWS Knowledge Center article on tunnel inactivity and instability).
import type { Provider } from "./codes.ts";

export type IkeVersion = "ikev1" | "ikev2";

export interface RecommendedParameters {
  phase1LifetimeSec: number;
  phase2LifetimeSec: number;
  /** Defaults that are acceptable as-is (AWS documents two rekey margins). */
  rekeyMarginSec: readonly number[];
  rekeyFuzzPct: number;
  replayWindow: number;
  /** DPD: a probe every `dpdIntervalSec`, the peer declared dead after `dpdTimeoutSec`. */
  dpdIntervalSec: number;
  dpdTimeoutSec: number;
  /** The longest DPD timeout that detects a dead peer as soon (AWS counts 40 s from the last answer). */
  dpdTimeoutMaxSec: number;
  dpdTimeoutAction: "restart";
  pfs: true;
  /** Always IKEv2 (IKEV1_IN_USE); the connection's IKE version only chooses MuleSoft's lifetimes. */
  ikeVersion: "ikev2";
  /** Where the numbers come from, for the UI and playbooks. */
  source: string;
  /**
   * Which side's values these are: the provider's tunnel options (a customer gateway may go
   * lower, not higher), the customer gateway's, or defaults any value can replace as long as
   * both peers use the same.
   */
  appliesTo: "provider" | "customer-gateway" | "both-peers";
}

// AWS: 28800 / 3600 s; rekey margin 540 s in the console (AWS Security Hub EC2.20 remediation guide), 270 s as the API default:
// both are defaults. DPD R_U_THERE every 10 s, peer dead after 3 misses (AWS Knowledge Center article on tunnel inactivity and instability):
// the API's DPD timeout is 30 s by default on create and 40 s on modify, where "a DPD timeout of 40
// seconds means that the VPN endpoint will consider the peer dead 30 seconds after the first failed
// keep-alive" (ModifyVpnTunnelOptionsSpecification), so both are right.
const AWS: RecommendedParameters = {
  phase1LifetimeSec: 28_800,
  phase2LifetimeSec: 3_600,
  rekeyMarginSec: [540, 270],
  rekeyFuzzPct: 100,
  replayWindow: 1_024,
  dpdIntervalSec: 10,
  dpdTimeoutSec: 30,
  dpdTimeoutMaxSec: 40,
  dpdTimeoutAction: "restart",
  pfs: true,
  ikeVersion: "ikev2",
  source: "AWS Site-to-Site VPN tunnel option defaults, with the DPD timeout action restart (faults.md §3, grade A)",
  appliesTo: "provider",
};

// MuleSoft Anypoint VPN runs on AWS Site-to-Site VPN. With IKEv2, MuleSoft recommends 28000 /
// 3000 s on the customer device so that it expires first and drives the rekey; with IKEv1 the
// AWS defaults 28800 / 3600 s (MuleSoft Anypoint VPN maintenance guide).
const MULESOFT_IKEV2: RecommendedParameters = {
  ...AWS,
  phase1LifetimeSec: 28_000,
  phase2LifetimeSec: 3_000,
  source: "MuleSoft Anypoint VPN maintenance guide (IKEv2)",
  appliesTo: "customer-gateway",
};
const MULESOFT_IKEV1: RecommendedParameters = {
  ...AWS,
  source: "MuleSoft Anypoint VPN maintenance guide (IKEv1)",
  appliesTo: "customer-gateway",
};

// Alibaba Cloud VPN Gateway's defaults: IKE SA 86400 s, IPsec SA 86400 s, DPD on. Any lifetimes
// work when both peers use the same (its diagnosis reports LifetimeMismatch otherwise). Alibaba
// documents no rekey margin, fuzz or replay window, so none is recommended (`rekeyMarginSec`
// empty; fuzz and window are AWS's values, shown for comparison only).
const ALIBABA: RecommendedParameters = {
  phase1LifetimeSec: 86_400,
  phase2LifetimeSec: 86_400,
  rekeyMarginSec: [],
  rekeyFuzzPct: 100,
  replayWindow: 1_024,
  dpdIntervalSec: 10,
  dpdTimeoutSec: 30,
  dpdTimeoutMaxSec: 30,
  dpdTimeoutAction: "restart",
  pfs: true,
  ikeVersion: "ikev2",
  source: "Alibaba Cloud VPN Gateway IPsec connection defaults",
  appliesTo: "both-peers",
};

/**
 * The IKE version a connection negotiates: the provider's where its tunnels allow one version only,
 * else what the customer gateway says (MuleSoft reports none; AWS tunnels allow both by default),
 * else IKEv2.
 */
export function negotiatedIkeVersion(
  tunnelVersions: ReadonlyArray<readonly string[] | undefined>,
  gatewayVersion: IkeVersion | undefined,
): IkeVersion {
  const versions = tunnelVersions.flatMap((v) => v ?? []);
  const only = versions[0];
  if ((only === "ikev1" || only === "ikev2") && versions.every((v) => v === only)) return only;
  return gatewayVersion ?? "ikev2";
}

export function recommendedParameters(provider: Provider, ikeVersion: IkeVersion = "ikev2"): RecommendedParameters {
  switch (provider) {
    case "aws":
      return AWS;
    case "mulesoft":
      return ikeVersion === "ikev1" ? MULESOFT_IKEV1 : MULESOFT_IKEV2;
    case "alibaba":
      return ALIBABA;
  }
}

/**
 * The lifetime pairs accepted on the provider's side of a tunnel: AWS's defaults for MuleSoft too
 * (its recommendation is for the customer gateway); none for Alibaba, where any pair both peers
 * share is right.
 */
export function acceptedLifetimes(provider: Provider, ikeVersion: IkeVersion): Array<[number, number]> {
  const recommended = recommendedParameters(provider, ikeVersion);
  if (recommended.appliesTo === "both-peers") return [];
  const pairs: Array<[number, number]> = [[recommended.phase1LifetimeSec, recommended.phase2LifetimeSec]];
  if (provider === "mulesoft" && ikeVersion === "ikev2") pairs.push([AWS.phase1LifetimeSec, AWS.phase2LifetimeSec]);
  return pairs;
}
