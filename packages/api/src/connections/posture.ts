// A connection's posture for the detail page: evaluated by @tunnelwatch/core from the normalised
// connection the worker stored (the same input the worker grades), so the page also gets the
// reason for the grade and the next step up; the stored snapshot stands in when the stored
// connection cannot be read. Each finding comes with its playbook for this provider and gateway.
import {
  acceptedLifetimes,
  type Provider as CoreProvider,
  connectionSchema,
  evaluatePosture,
  type Finding,
  type GradeStep,
  getPlaybook,
  type IkeVersion,
  type NormalizedConnection,
  negotiatedIkeVersion,
  numberRanges,
  type PlaybookVariant,
  parseCustomerGateway,
  type RecommendedParameters,
  type ResolvedPlaybook,
  recommendedParameters,
  withCustomerGateway,
} from "@tunnelwatch/core";
import type { Grade, Provider } from "@tunnelwatch/db";
import { gatewayVariant } from "../incidents/playbook.ts";

export interface ConnectionPosture {
  /** live: evaluated now from the stored connection; snapshot: the worker's last stored evaluation. */
  source: "live" | "snapshot" | "none";
  grade: Grade | null;
  gradeReason: string | null;
  expectedDowntimeSec: number | null;
  findings: Finding[];
  nextGrade: GradeStep | null;
  evaluatedAt: Date | null;
  recommended: RecommendedParameters;
  ikeVersion: IkeVersion;
  gatewayVendor: PlaybookVariant | null;
}

export function parseStored(normalized: unknown): NormalizedConnection | null {
  const parsed = connectionSchema.safeParse(normalized);
  return parsed.success ? parsed.data : null;
}

/** The stored connection with what the tenant says of its customer gateway, or null when it does not parse. */
export function storedWithGateway(normalized: unknown, customerGateway: unknown): NormalizedConnection | null {
  const stored = parseStored(normalized);
  return stored ? withCustomerGateway(stored, customerGateway) : null;
}

export function connectionPosture(options: {
  provider: Provider;
  normalized: unknown;
  /** What the tenant says of its customer gateway (stored apart from the provider's view). */
  customerGateway: unknown;
  tunnels: ReadonlyArray<{ ikeVersions: string[] }>;
  stored: { grade: Grade | null; expectedDowntimeSec: number | null };
  snapshot: { grade: Grade; findings: unknown; expectedDowntimeSec: number; evaluatedAt: Date } | null;
}): ConnectionPosture {
  const provider = options.provider.toLowerCase() as CoreProvider;
  const connection = storedWithGateway(options.normalized, options.customerGateway);
  const ikeVersion = negotiatedIkeVersion(
    options.tunnels.map((t) => t.ikeVersions),
    parseCustomerGateway(options.customerGateway)?.ikeVersion,
  );
  const gatewayVendor = gatewayVariant(options.provider, connection?.customerGateway?.vendor, []) ?? null;
  if (connection) {
    const posture = evaluatePosture(connection);
    return {
      source: "live",
      grade: posture.grade,
      gradeReason: posture.gradeReason,
      expectedDowntimeSec: posture.expectedDowntimeSeconds,
      findings: posture.findings,
      nextGrade: posture.nextGrade,
      evaluatedAt: new Date(),
      recommended: posture.recommended,
      ikeVersion,
      gatewayVendor,
    };
  }
  const snapshot = options.snapshot;
  return {
    source: snapshot ? "snapshot" : "none",
    grade: snapshot?.grade ?? options.stored.grade,
    gradeReason: null,
    expectedDowntimeSec: snapshot?.expectedDowntimeSec ?? options.stored.expectedDowntimeSec,
    findings: Array.isArray(snapshot?.findings) ? (snapshot.findings as Finding[]) : [],
    nextGrade: null,
    evaluatedAt: snapshot?.evaluatedAt ?? null,
    recommended: recommendedParameters(provider, ikeVersion),
    ikeVersion,
    gatewayVendor,
  };
}

/** The playbook of each code, for this provider and (when known) gateway vendor; unknown codes are left out. */
export function playbooksFor(
  codes: Iterable<string>,
  provider: Provider,
  gatewayVendor: PlaybookVariant | null,
): Record<string, ResolvedPlaybook> {
  const context = {
    provider: provider.toLowerCase() as CoreProvider,
    ...(gatewayVendor ? { gatewayVendor } : {}),
  };
  const playbooks: Record<string, ResolvedPlaybook> = {};
  for (const code of new Set(codes)) {
    const playbook = getPlaybook(code, context);
    if (playbook) playbooks[code] = playbook;
  }
  return playbooks;
}

// --- Configuration against the recommendation ------------------------------------------------

export interface TunnelOptionColumns {
  index: number;
  ikeVersions: string[];
  phase1LifetimeSec: number | null;
  phase2LifetimeSec: number | null;
  rekeyMarginSec: number | null;
  rekeyFuzzPct: number | null;
  replayWindow: number | null;
  dpdEnabled: boolean | null;
  dpdTimeoutSec: number | null;
  dpdTimeoutAction: string | null;
  pfsEnabled: boolean | null;
  phase1Encryption: string[];
  phase1Integrity: string[];
  phase1DhGroups: number[];
  phase2Encryption: string[];
  phase2Integrity: string[];
  phase2DhGroups: number[];
  startupAction: string | null;
  natTraversal: boolean | null;
  loggingEnabled: boolean | null;
}

export interface ParameterCheck {
  parameter: string;
  label: string;
  /** As configured, in words; null when the provider does not report it. */
  value: string | null;
  recommended: string;
  /** true: matches; false: differs; null: not reported, or nothing to compare with. */
  ok: boolean | null;
}

const list = (values: ReadonlyArray<string | number>) => (values.length > 0 ? values.join(", ") : null);
const onOff = (value: boolean | null) => (value === null ? null : value ? "on" : "off");
const seconds = (value: number | null) => (value === null ? null : `${value} s`);

/**
 * Every tunnel option against the provider's recommendation (packages/core/src/recommended.ts).
 * Algorithm strength and NAT-T are judged by the posture findings of the tunnel, so the table
 * and the findings never disagree.
 */
export function compareWithRecommended(options: {
  provider: Provider;
  ikeVersion: IkeVersion;
  recommended: RecommendedParameters;
  tunnel: TunnelOptionColumns;
  findings: readonly Finding[];
  /** Whether `findings` come from an evaluation (live or snapshot) rather than nothing. */
  isJudged: boolean;
}): ParameterCheck[] {
  const { recommended: rec, tunnel: t, findings } = options;
  const provider = options.provider.toLowerCase() as CoreProvider;
  const accepted = acceptedLifetimes(provider, options.ikeVersion);
  const phase1Accepted = [...new Set(accepted.map(([p1]) => p1))];
  const phase2Accepted = [...new Set(accepted.map(([, p2]) => p2))];
  const tunnelFinding = (code: string) =>
    findings.find((f) => f.code === code && (f.tunnelIndex === undefined || f.tunnelIndex === t.index));
  const weak = (tunnelFinding("WEAK_CRYPTO")?.evidence.weak as string[] | undefined) ?? [];
  // Strength is judged by the posture's WEAK_CRYPTO finding; without a posture there is no verdict.
  const algorithmsOk = (values: ReadonlyArray<string>) =>
    values.length === 0 || !options.isJudged ? null : !values.some((v) => weak.includes(v));
  const dhOk = (groups: number[]) =>
    groups.length === 0 || !options.isJudged ? null : !groups.some((g) => weak.includes(`DH group ${g}`));
  // No accepted values (Alibaba): any lifetime is right when both peers share it.
  const lifetimeOk = (value: number | null, acceptedValues: number[]) =>
    value === null || acceptedValues.length === 0 ? null : acceptedValues.includes(value);
  const lifetimeText = (acceptedValues: number[]) =>
    acceptedValues.length > 0 ? acceptedValues.map((v) => `${v} s`).join(" or ") : "the same on both peers";
  const known = <T>(value: T | null, check: (v: T) => boolean) => (value === null ? null : check(value));

  return [
    {
      parameter: "ikeVersions",
      label: "IKE versions",
      value: list(t.ikeVersions),
      recommended: "ikev2 only",
      ok: t.ikeVersions.length === 0 ? null : !t.ikeVersions.includes("ikev1"),
    },
    {
      parameter: "phase1LifetimeSec",
      label: "Phase 1 lifetime",
      value: seconds(t.phase1LifetimeSec),
      recommended: lifetimeText(phase1Accepted),
      ok: lifetimeOk(t.phase1LifetimeSec, phase1Accepted),
    },
    {
      parameter: "phase2LifetimeSec",
      label: "Phase 2 lifetime",
      value: seconds(t.phase2LifetimeSec),
      recommended: lifetimeText(phase2Accepted),
      ok: lifetimeOk(t.phase2LifetimeSec, phase2Accepted),
    },
    {
      parameter: "rekeyMarginSec",
      label: "Rekey margin",
      value: seconds(t.rekeyMarginSec),
      recommended: rec.rekeyMarginSec.length > 0 ? rec.rekeyMarginSec.map((v) => `${v} s`).join(" or ") : "–",
      ok: rec.rekeyMarginSec.length === 0 ? null : known(t.rekeyMarginSec, (v) => rec.rekeyMarginSec.includes(v)),
    },
    {
      parameter: "rekeyFuzzPct",
      label: "Rekey fuzz",
      value: t.rekeyFuzzPct === null ? null : `${t.rekeyFuzzPct} %`,
      recommended: `${rec.rekeyFuzzPct} %`,
      ok: known(t.rekeyFuzzPct, (v) => v === rec.rekeyFuzzPct),
    },
    {
      parameter: "replayWindow",
      label: "Replay window",
      value: t.replayWindow === null ? null : `${t.replayWindow} packets`,
      recommended: `${rec.replayWindow} packets`,
      ok: known(t.replayWindow, (v) => v === rec.replayWindow),
    },
    {
      parameter: "dpdEnabled",
      label: "Dead peer detection",
      value: onOff(t.dpdEnabled),
      recommended: `on (a probe every ${rec.dpdIntervalSec} s)`,
      ok: known(t.dpdEnabled, (v) => v),
    },
    {
      parameter: "dpdTimeoutSec",
      label: "DPD timeout",
      value: seconds(t.dpdTimeoutSec),
      recommended:
        rec.dpdTimeoutMaxSec > rec.dpdTimeoutSec
          ? `${rec.dpdTimeoutSec} to ${rec.dpdTimeoutMaxSec} s`
          : `${rec.dpdTimeoutSec} s`,
      // A longer timeout only delays failover; a shorter one is not offered by the providers.
      ok: known(t.dpdTimeoutSec, (v) => v <= rec.dpdTimeoutMaxSec),
    },
    {
      parameter: "dpdTimeoutAction",
      label: "DPD timeout action",
      value: t.dpdTimeoutAction,
      recommended: rec.dpdTimeoutAction,
      ok: known(t.dpdTimeoutAction, (v) => v === rec.dpdTimeoutAction),
    },
    {
      parameter: "pfsEnabled",
      label: "Perfect forward secrecy",
      value: onOff(t.pfsEnabled),
      recommended: "on",
      ok: known(t.pfsEnabled, (v) => v),
    },
    {
      parameter: "phase1Algorithms",
      label: "Phase 1 encryption / integrity",
      value: list([...t.phase1Encryption, ...t.phase1Integrity]),
      recommended: "AES or AES-GCM with SHA-2",
      ok: algorithmsOk([...t.phase1Encryption, ...t.phase1Integrity]),
    },
    {
      parameter: "phase1DhGroups",
      label: "Phase 1 DH groups",
      value: t.phase1DhGroups.length > 0 ? numberRanges(t.phase1DhGroups) : null,
      recommended: "14 or higher",
      ok: dhOk(t.phase1DhGroups),
    },
    {
      parameter: "phase2Algorithms",
      label: "Phase 2 encryption / integrity",
      value: list([...t.phase2Encryption, ...t.phase2Integrity]),
      recommended: "AES or AES-GCM with SHA-2",
      ok: algorithmsOk([...t.phase2Encryption, ...t.phase2Integrity]),
    },
    {
      parameter: "phase2DhGroups",
      label: "Phase 2 DH groups (PFS)",
      value: t.phase2DhGroups.length > 0 ? numberRanges(t.phase2DhGroups) : null,
      recommended: "14 or higher",
      ok: dhOk(t.phase2DhGroups),
    },
    {
      parameter: "startupAction",
      label: "Startup action",
      value: t.startupAction,
      recommended: "start (or a customer gateway that initiates)",
      ok: t.startupAction === null || !options.isJudged ? null : !tunnelFinding("STARTUP_ACTION_ADD"),
    },
    {
      parameter: "natTraversal",
      label: "NAT traversal",
      value: onOff(t.natTraversal),
      recommended: "on when the customer gateway is behind NAT",
      ok: t.natTraversal === null || !options.isJudged ? null : !tunnelFinding("NAT_T_REQUIRED"),
    },
    {
      parameter: "loggingEnabled",
      label: "Tunnel logs",
      value: onOff(t.loggingEnabled),
      recommended: "on",
      ok: known(t.loggingEnabled, (v) => v),
    },
  ];
}
