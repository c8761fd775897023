import type { FindingCode, Grade, Severity } from "../codes.ts";
import type { RecommendedParameters } from "../recommended.ts";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The tunnel the finding is about, when it is about one (1-based). */
  tunnelIndex?: number;
  title: string;
  /** What was seen, with the values, and what it risks. */
  detail: string;
  /** The values that decided it, for the UI and the API. */
  evidence: Record<string, unknown>;
}

export interface GradeStep {
  /** The grade the connection would reach... */
  grade: Grade;
  /** ...once these findings are fixed... */
  fix: FindingCode[];
  /** ...or, in words, once this is changed. */
  change: string;
}

export interface Posture {
  grade: Grade;
  /** Why the connection has this grade, in one sentence. */
  gradeReason: string;
  findings: Finding[];
  /** Expected downtime when the provider next patches its endpoints (faults.md §3). */
  expectedDowntimeSeconds: number;
  /** No tunnel is UP now. */
  isOutageNow: boolean;
  /** What to change to move up, one grade at a time. */
  nextGrade: GradeStep | null;
  recommended: RecommendedParameters;
}
