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
} from "./folding.ts";
