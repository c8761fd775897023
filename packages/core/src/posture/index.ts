export { DOWNTIME_BY_GRADE, evaluatePosture, findingCodesOf, IDLE_RISK_SECONDS } from "./evaluate.ts";
export {
  BASELINE_LIKELIHOOD,
  CRITICALITY_WEIGHT,
  type Criticality,
  type MaintenanceRisk,
  type MaintenanceRiskInput,
  maintenanceLikelihood,
  rankMaintenanceRisk,
} from "./maintenance-risk.ts";
export type { Finding, GradeStep, Posture } from "./types.ts";
