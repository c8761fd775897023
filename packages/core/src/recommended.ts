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
  dpdTimeoutAction: "restart";
  pfs: true;
  ikeVersion: IkeVersion;
  /** Where the numbers come from, for the UI and playbooks. */
  source: string;
  /** Which side's values these are: the provider's tunnel options or the customer gateway. */
  appliesTo: "provider" | "customer-gateway";
}

// AWS: 28800 / 3600 s; rekey margin 540 s in the console (AWS Security Hub EC2.20 remediation guide), 270 s as the API default:
// both are defaults. DPD R_U_THERE every 10 s, peer dead after 3 misses (AWS Knowledge Center article on tunnel inactivity and instability).
const AWS: RecommendedParameters = {
  phase1LifetimeSec: 28_800,
  phase2LifetimeSec: 3_600,
  rekeyMarginSec: [540, 270],
  rekeyFuzzPct: 100,
  replayWindow: 1_024,
  dpdIntervalSec: 10,
  dpdTimeoutSec: 30,
  dpdTimeoutAction: "restart",
  pfs: true,
  ikeVersion: "ikev2",
  source: "AWS Site-to-Site VPN tunnel option defaults",
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
  ikeVersion: "ikev1",
  source: "MuleSoft Anypoint VPN maintenance guide (IKEv1)",
  appliesTo: "customer-gateway",
};

// Alibaba Cloud VPN Gateway's defaults: IKE SA 86400 s, IPsec SA 86400 s, DPD on. The peer must
// match them; PFS group2 is Alibaba's default for phase 2.
const ALIBABA: RecommendedParameters = {
  phase1LifetimeSec: 86_400,
  phase2LifetimeSec: 86_400,
  rekeyMarginSec: [],
  rekeyFuzzPct: 100,
  replayWindow: 1_024,
  dpdIntervalSec: 10,
  dpdTimeoutSec: 30,
  dpdTimeoutAction: "restart",
  pfs: true,
  ikeVersion: "ikev2",
  source: "Alibaba Cloud VPN Gateway IPsec connection defaults",
  appliesTo: "provider",
};

export function recommendedParameters(provider: Provider, ikeVersion: IkeVersion = "ikev2"): RecommendedParameters {
  switch (provider) {
    case "aws":
      return { ...AWS, ikeVersion };
    case "mulesoft":
      return ikeVersion === "ikev1" ? MULESOFT_IKEV1 : MULESOFT_IKEV2;
    case "alibaba":
      return { ...ALIBABA, ikeVersion };
  }
}

/** The lifetime pairs accepted for a provider: AWS's defaults are accepted for MuleSoft too. */
export function acceptedLifetimes(provider: Provider, ikeVersion: IkeVersion): Array<[number, number]> {
  const recommended = recommendedParameters(provider, ikeVersion);
  const pairs: Array<[number, number]> = [[recommended.phase1LifetimeSec, recommended.phase2LifetimeSec]];
  if (provider === "mulesoft" && ikeVersion === "ikev2") pairs.push([AWS.phase1LifetimeSec, AWS.phase2LifetimeSec]);
  return pairs;
}
