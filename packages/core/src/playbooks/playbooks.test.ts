import { describe, expect, it } from "vitest";
import { FINDING_CODES, LOG_FAULT_CODES } from "../codes.ts";
import { recommendedParameters } from "../recommended.ts";
import { formatPlaybook, getPlaybook, PLAYBOOK_VARIANTS, PLAYBOOKS, type ResolvedPlaybook } from "./index.ts";

const ALL_CODES = [...LOG_FAULT_CODES, ...FINDING_CODES];
const SHORT_CODES = new Set<string>(["INFO", "UNKNOWN"]);

function stepText(resolved: ResolvedPlaybook): string {
  return resolved.steps.map((s) => [s.title, s.detail, s.where ?? "", ...(s.commands ?? [])].join("\n")).join("\n");
}

describe("playbook catalog", () => {
  it("has exactly one playbook per log fault code and finding code", () => {
    expect(Object.keys(PLAYBOOKS).sort()).toEqual([...ALL_CODES].sort());
    for (const code of ALL_CODES) expect(PLAYBOOKS[code].code).toBe(code);
  });

  it.each(ALL_CODES)("%s has a summary, enough steps and well-formed variants", (code) => {
    const playbook = PLAYBOOKS[code];
    expect(playbook.summary.length).toBeGreaterThan(20);
    const min = SHORT_CODES.has(code) ? 1 : 3;
    expect(playbook.steps.length).toBeGreaterThanOrEqual(min);
    expect(playbook.steps.length).toBeLessThanOrEqual(7);
    for (const [variant, steps] of Object.entries(playbook.variants)) {
      expect(PLAYBOOK_VARIANTS).toContain(variant);
      expect(steps?.length ?? 0).toBeGreaterThan(0);
    }
    for (const step of [...playbook.steps, ...Object.values(playbook.variants).flat()]) {
      expect(step.title.trim()).not.toBe("");
      expect(step.detail.trim()).not.toBe("");
      for (const command of step.commands ?? []) expect(command.trim()).not.toBe("");
    }
  });

  it("gives every non-trivial playbook at least one cloud-side and one gateway variant", () => {
    // Route weights are Alibaba-side routing only: no customer gateway command applies.
    const cloudOnly = new Set<string>(["ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY"]);
    for (const code of ALL_CODES) {
      if (SHORT_CODES.has(code)) continue;
      const variants = Object.keys(PLAYBOOKS[code].variants);
      expect(
        variants.some((v) => ["aws", "alibaba", "mulesoft"].includes(v)),
        code,
      ).toBe(true);
      const hasGateway = variants.some((v) => ["juniper-srx", "cisco-asa", "cisco-ios", "strongswan"].includes(v));
      expect(hasGateway || cloudOnly.has(code), code).toBe(true);
    }
  });
});

describe("getPlaybook", () => {
  it("returns undefined for an unknown code", () => {
    expect(getPlaybook("NOT_A_CODE")).toBeUndefined();
    expect(getPlaybook("")).toBeUndefined();
    expect(getPlaybook("toString")).toBeUndefined();
  });

  it("accepts codes in any case and with surrounding spaces", () => {
    expect(getPlaybook(" dpd_timeout ")?.code).toBe("DPD_TIMEOUT");
  });

  it("gives unique, stable step ids", () => {
    for (const code of ALL_CODES) {
      const resolved = getPlaybook(code);
      expect(resolved).toBeDefined();
      if (resolved === undefined) continue;
      const ids = resolved.steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const step of resolved.steps) {
        expect(step.id).toMatch(new RegExp(`^${code}/(general|${PLAYBOOK_VARIANTS.join("|")})/[1-9][0-9]*$`));
        expect(step.id.split("/")[1]).toBe(step.variant ?? "general");
      }
      // The same step keeps its id whatever the context.
      const aws = getPlaybook(code, { provider: "aws", gatewayVendor: "strongswan" });
      for (const step of aws?.steps ?? []) {
        expect(resolved.steps.find((s) => s.id === step.id)?.title).toBe(step.title);
      }
    }
    expect(getPlaybook("DPD_TIMEOUT")?.steps[0]?.id).toBe("DPD_TIMEOUT/general/1");
    expect(getPlaybook("DPD_TIMEOUT", { provider: "aws" })?.steps.find((s) => s.variant === "aws")?.id).toBe(
      "DPD_TIMEOUT/aws/1",
    );
  });

  it("without context lists neutral steps then every variant grouped in PLAYBOOK_VARIANTS order", () => {
    const resolved = getPlaybook("DPD_TIMEOUT");
    const groups = (resolved?.steps ?? []).map((s) => s.variant ?? "general");
    const order = groups.filter((g, i) => i === 0 || g !== groups[i - 1]);
    expect(order).toEqual(["general", ...PLAYBOOK_VARIANTS]);
    expect(getPlaybook("DPD_TIMEOUT", {})?.steps.length).toBe(resolved?.steps.length);
  });

  it("with a provider context selects the provider's steps (DPD timeout action on AWS)", () => {
    const resolved = getPlaybook("DPD_TIMEOUT", { provider: "aws" });
    expect(resolved).toBeDefined();
    const variants = new Set(resolved?.steps.map((s) => s.variant));
    expect([...variants]).toEqual([undefined, "aws"]);
    const awsSteps = resolved?.steps.filter((s) => s.variant === "aws") ?? [];
    expect(awsSteps.some((s) => /DPD timeout action/i.test(`${s.title} ${s.detail}`))).toBe(true);
    expect(awsSteps.some((s) => s.commands?.some((c) => c.includes("DPDTimeoutAction=restart")))).toBe(true);
  });

  it("with a gateway vendor selects that vendor's commands (Juniper DPD)", () => {
    const resolved = getPlaybook("DPD_TIMEOUT", { gatewayVendor: "juniper-srx" });
    const juniper = resolved?.steps.filter((s) => s.variant === "juniper-srx") ?? [];
    expect(juniper.length).toBeGreaterThan(0);
    expect(juniper.flatMap((s) => s.commands ?? [])).toContain(
      "set security ike gateway <GW> dead-peer-detection probe-idle-tunnel",
    );
    expect(resolved?.steps.some((s) => s.variant === "aws")).toBe(false);
  });

  it("orders provider steps before gateway vendor steps", () => {
    const resolved = getPlaybook("IDLE_TIMEOUT", { provider: "mulesoft", gatewayVendor: "cisco-asa" });
    const groups = [...new Set(resolved?.steps.map((s) => s.variant ?? "general"))];
    expect(groups).toEqual(["general", "mulesoft", "cisco-asa"]);
    expect(stepText(resolved as ResolvedPlaybook)).toContain("frequency 5");
  });

  it("skips a variant the playbook does not have", () => {
    const resolved = getPlaybook("ROUTE_WEIGHTS_NOT_ACTIVE_STANDBY", { provider: "aws" });
    expect(resolved?.steps.every((s) => s.variant === undefined)).toBe(true);
  });

  it("LIFETIME_MISMATCH uses the recommended lifetimes per provider and IKE version", () => {
    const aws = recommendedParameters("aws");
    const muleV2 = recommendedParameters("mulesoft", "ikev2");
    const muleV1 = recommendedParameters("mulesoft", "ikev1");
    expect([aws.phase1LifetimeSec, aws.phase2LifetimeSec]).toEqual([28_800, 3_600]);
    expect([muleV2.phase1LifetimeSec, muleV2.phase2LifetimeSec]).toEqual([28_000, 3_000]);

    const awsText = stepText(getPlaybook("LIFETIME_MISMATCH", { provider: "aws" }) as ResolvedPlaybook);
    expect(awsText).toContain(String(aws.phase1LifetimeSec));
    expect(awsText).toContain(String(aws.phase2LifetimeSec));
    expect(awsText).toContain(`Phase1LifetimeSeconds=${aws.phase1LifetimeSec}`);

    const muleText = stepText(getPlaybook("LIFETIME_MISMATCH", { provider: "mulesoft" }) as ResolvedPlaybook);
    const muleSteps = getPlaybook("LIFETIME_MISMATCH", { provider: "mulesoft" })?.steps ?? [];
    const muleVariantText = muleSteps
      .filter((s) => s.variant === "mulesoft")
      .map((s) => `${s.title} ${s.detail}`)
      .join(" ");
    for (const n of [muleV2.phase1LifetimeSec, muleV2.phase2LifetimeSec, muleV1.phase1LifetimeSec]) {
      expect(muleText).toContain(String(n));
      expect(muleVariantText).toContain(String(n));
    }
  });
});

describe("formatPlaybook", () => {
  it("renders numbered steps, indented commands, ids and references", () => {
    const resolved = getPlaybook("DPD_TIMEOUT", { provider: "aws", gatewayVendor: "cisco-ios" });
    expect(resolved).toBeDefined();
    const text = formatPlaybook(resolved as ResolvedPlaybook);
    expect(text.startsWith("DPD_TIMEOUT\n")).toBe(true);
    expect(text).toMatch(/^ {2}1\. .+\[DPD_TIMEOUT\/general\/1\]$/m);
    expect(text).toMatch(/^ {2}2\. /m);
    expect(text).toContain("AWS Site-to-Site VPN");
    expect(text).toContain("Cisco IOS / IOS XE");
    expect(text).toMatch(/^ {7}crypto ikev2 dpd 10 3 on-demand$/m);
    expect(text).toMatch(/^References$/m);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("renders every playbook without empty output", () => {
    for (const code of ALL_CODES) {
      const resolved = getPlaybook(code);
      expect(formatPlaybook(resolved as ResolvedPlaybook)).toMatch(/^ {2}1\. /m);
    }
  });
});
