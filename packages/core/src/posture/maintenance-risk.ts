// Maintenance risk: connections ranked by the downtime they would suffer at the provider's next
// maintenance, weighted by how likely maintenance is soon and how critical the connection is
// (faults.md §3).
import type { Grade, Provider } from "../codes.ts";

export type Criticality = "low" | "normal" | "high" | "critical";

export interface MaintenanceRiskInput {
  id: string;
  provider: Provider;
  region?: string;
  grade: Grade;
  expectedDowntimeSeconds: number;
  criticality?: Criticality;
  /** Announced maintenance touching this connection: when it starts or is applied automatically. */
  announcedMaintenanceAt?: Date | null;
}

export interface MaintenanceRisk extends MaintenanceRiskInput {
  /** Expected downtime x likelihood x criticality weight: comparable across the fleet. */
  score: number;
  likelihood: number;
  reason: string;
}

export const CRITICALITY_WEIGHT: Record<Criticality, number> = { low: 0.5, normal: 1, high: 2, critical: 4 };

// How likely maintenance is within the next weeks when nothing is announced. MuleSoft publishes
// no windows since October 2022 and applies upgrades on demand (MuleSoft Anypoint VPN maintenance guide): assume any time. AWS
// replaces endpoints for health, upgrades and retirement, one tunnel at a time, and announces
// planned work; Alibaba's gateway is redundant internally and announces O&M events.
export const BASELINE_LIKELIHOOD: Record<Provider, number> = { mulesoft: 0.5, aws: 0.25, alibaba: 0.1 };

const DAY_MS = 86_400_000;

export function maintenanceLikelihood(input: MaintenanceRiskInput, now: Date): { likelihood: number; reason: string } {
  const at = input.announcedMaintenanceAt;
  // An announcement more than a day past its date has been applied, or the provider has not yet
  // withdrawn it: it no longer says maintenance is coming.
  const days = at ? (at.getTime() - now.getTime()) / DAY_MS : undefined;
  if (days !== undefined && days > -1) {
    if (days <= 7)
      return {
        likelihood: 1,
        reason: days <= 0 ? "maintenance is due now" : `maintenance announced in ${Math.ceil(days)} days`,
      };
    if (days <= 30) return { likelihood: 0.7, reason: `maintenance announced in ${Math.ceil(days)} days` };
    return {
      likelihood: Math.max(BASELINE_LIKELIHOOD[input.provider], 0.4),
      reason: `maintenance announced in ${Math.ceil(days)} days`,
    };
  }
  const base = BASELINE_LIKELIHOOD[input.provider];
  return {
    likelihood: base,
    reason:
      input.provider === "mulesoft"
        ? "MuleSoft publishes no maintenance windows: maintenance can happen at any time"
        : days !== undefined
          ? `the announced maintenance was due ${Math.floor(-days)} days ago; none announced since`
          : "no maintenance announced",
  };
}

/** Highest risk first; ties broken by downtime, then id, so the order is stable. */
export function rankMaintenanceRisk(
  inputs: readonly MaintenanceRiskInput[],
  now: Date = new Date(),
): MaintenanceRisk[] {
  return inputs
    .map((input) => {
      const { likelihood, reason } = maintenanceLikelihood(input, now);
      const weight = CRITICALITY_WEIGHT[input.criticality ?? "normal"];
      const score = Math.round(input.expectedDowntimeSeconds * likelihood * weight * 100) / 100;
      return { ...input, score, likelihood, reason };
    })
    .sort(
      (a, b) => b.score - a.score || b.expectedDowntimeSeconds - a.expectedDowntimeSeconds || a.id.localeCompare(b.id),
    );
}
