export {
  type ActiveIncident,
  advanceIncidents,
  DEFAULT_POLICY,
  FAULT_CODES,
  type FoldingEvent,
  type FoldingPolicy,
  foldEvent,
  type IncidentDecision,
  type IncidentState,
  renewsSa,
  SA_RENEWAL,
} from "./folding.ts";
