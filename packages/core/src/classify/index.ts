export { ALIBABA_DIAGNOSIS_CODES } from "./alibaba-diagnosis.ts";
export { faultOfAlibabaDiagnosis } from "./alibaba-diagnosis-fault.ts";
export { classifyLine, MAX_LINE_LENGTH } from "./classify.ts";
export {
  type Classification,
  type ClassifyOptions,
  DEFAULT_SEVERITY,
  type IkePhase,
  type ParsedFields,
  VENDORS,
  type Vendor,
} from "./types.ts";
