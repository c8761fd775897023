// Remediation playbooks: look one up for a code, resolve it for a provider and gateway vendor, and render
// it as plain text for `tunnelwatch playbook <CODE>`.
import type { FindingCode, LogFaultCode } from "../codes.ts";
import { PLAYBOOKS } from "./catalog.ts";
import type { Playbook, PlaybookContext, PlaybookStep, PlaybookVariant } from "./types.ts";
import { PLAYBOOK_VARIANT_LABELS, PLAYBOOK_VARIANTS } from "./types.ts";

export { PLAYBOOKS } from "./catalog.ts";
export type { Playbook, PlaybookContext, PlaybookStep, PlaybookVariant } from "./types.ts";
export { PLAYBOOK_VARIANT_LABELS, PLAYBOOK_VARIANTS } from "./types.ts";

export type PlaybookCode = LogFaultCode | FindingCode;

/** A step with a stable id `${code}/${variant ?? "general"}/${n}` (n 1-based within its group). */
export type ResolvedPlaybookStep = PlaybookStep & { id: string; variant?: PlaybookVariant };

export interface ResolvedPlaybook {
  code: PlaybookCode;
  summary: string;
  /** Neutral steps first, then the variant steps (provider, then gateway vendor, or all in PLAYBOOK_VARIANTS order). */
  steps: ResolvedPlaybookStep[];
  references: Playbook["references"];
}

function isPlaybookCode(code: string): code is PlaybookCode {
  return Object.hasOwn(PLAYBOOKS, code);
}

export function stepId(code: PlaybookCode, variant: PlaybookVariant | undefined, n: number): string {
  return `${code}/${variant ?? "general"}/${n}`;
}

function resolveSteps(code: PlaybookCode, steps: readonly PlaybookStep[], variant?: PlaybookVariant) {
  return steps.map((step, index): ResolvedPlaybookStep => {
    const id = stepId(code, variant, index + 1);
    return variant === undefined ? { ...step, id } : { ...step, id, variant };
  });
}

/**
 * The playbook for a log fault code or finding code, or undefined for an unknown code. With a context, the
 * neutral steps are followed by the provider's variant and then the gateway vendor's variant; without one
 * (or with an empty one), by every variant in PLAYBOOK_VARIANTS order.
 */
export function getPlaybook(code: string, context?: PlaybookContext): ResolvedPlaybook | undefined {
  const normalized = code.trim().toUpperCase();
  if (!isPlaybookCode(normalized)) return undefined;
  const playbook = PLAYBOOKS[normalized];
  const selected: PlaybookVariant[] =
    context?.provider === undefined && context?.gatewayVendor === undefined
      ? [...PLAYBOOK_VARIANTS]
      : [context.provider, context.gatewayVendor].filter((v): v is PlaybookVariant => v !== undefined);
  const steps = resolveSteps(normalized, playbook.steps);
  for (const variant of new Set(selected)) {
    steps.push(...resolveSteps(normalized, playbook.variants[variant] ?? [], variant));
  }
  return { code: normalized, summary: playbook.summary, steps, references: [...playbook.references] };
}

const WRAP_WIDTH = 100;

function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && indent.length + line.length + 1 + word.length > WRAP_WIDTH) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(indent + line);
  return lines;
}

/** Plain text for the CLI: numbered steps per group, where/commands indented, references last. */
export function formatPlaybook(resolved: ResolvedPlaybook): string {
  const out: string[] = [`${resolved.code}`, ...wrap(resolved.summary, "  ")];
  let group: PlaybookVariant | "general" | undefined;
  let n = 0;
  for (const step of resolved.steps) {
    const stepGroup = step.variant ?? "general";
    if (stepGroup !== group) {
      group = stepGroup;
      n = 0;
      out.push("", stepGroup === "general" ? "Steps" : `${PLAYBOOK_VARIANT_LABELS[stepGroup]}`);
    }
    n += 1;
    out.push(`  ${n}. ${step.title}  [${step.id}]`);
    out.push(...wrap(step.detail, "     "));
    if (step.where !== undefined) out.push(...wrap(`Where: ${step.where}`, "     "));
    if (step.commands !== undefined && step.commands.length > 0) {
      out.push("     Commands:");
      for (const command of step.commands) out.push(`       ${command}`);
    }
  }
  if (resolved.references.length > 0) {
    out.push("", "References");
    for (const ref of resolved.references) out.push(`  - ${ref.title}${ref.url === undefined ? "" : ` <${ref.url}>`}`);
  }
  return `${out.join("\n")}\n`;
}
