import { describe, expect, it } from "vitest";
import { foldDecision, nextAttemptAt, ruleMatches } from "./index.ts";

const subject = { provider: "AWS", cloudAccountId: "acc1", connectionId: "c1", tags: { env: "prod", site: "tokyo" } };
const rule = (scope = {}, minSeverity = "MAJOR" as const) => ({ trigger: "TUNNEL_DOWN", minSeverity, scope });

describe("ruleMatches", () => {
  it("takes its trigger at or above the minimum severity", () => {
    expect(ruleMatches(rule(), { trigger: "TUNNEL_DOWN", severity: "MAJOR" }, subject)).toBe(true);
    expect(ruleMatches(rule(), { trigger: "TUNNEL_DOWN", severity: "CRITICAL" }, subject)).toBe(true);
    expect(ruleMatches(rule(), { trigger: "TUNNEL_DOWN", severity: "MINOR" }, subject)).toBe(false);
    expect(ruleMatches(rule(), { trigger: "INCIDENT_OPENED", severity: "CRITICAL" }, subject)).toBe(false);
  });

  it("requires every restriction the scope names, any value within one", () => {
    const event = { trigger: "TUNNEL_DOWN", severity: "MAJOR" } as const;
    expect(ruleMatches(rule({ providers: ["ALIBABA", "AWS"] }), event, subject)).toBe(true);
    expect(ruleMatches(rule({ providers: ["ALIBABA"] }), event, subject)).toBe(false);
    expect(ruleMatches(rule({ providers: ["AWS"], cloudAccountIds: ["acc2"] }), event, subject)).toBe(false);
    expect(ruleMatches(rule({ connectionIds: ["c1"] }), event, subject)).toBe(true);
    expect(ruleMatches(rule({ tags: { env: "prod" } }), event, subject)).toBe(true);
    expect(ruleMatches(rule({ tags: { env: "prod", site: "osaka" } }), event, subject)).toBe(false);
  });

  it("matches an event about no connection only without restrictions", () => {
    const event = { trigger: "TUNNEL_DOWN", severity: "MAJOR" } as const;
    expect(ruleMatches(rule(), event, null)).toBe(true);
    expect(ruleMatches(rule({ tags: { env: "prod" } }), event, null)).toBe(false);
  });
});

describe("foldDecision", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const at = (s: number) => new Date(now.getTime() + s * 1000);

  it("sends the first event at once", () => {
    expect(foldDecision(null, now, 900)).toEqual({ action: "send-now" });
    expect(foldDecision({ id: "d", status: "DELIVERED", attempts: 1, scheduledAt: at(-10) }, now, 0)).toEqual({
      action: "send-now",
    });
  });

  it("schedules one delivery at the end of a running quiet period, then folds into it", () => {
    const sent = { id: "d1", status: "DELIVERED", attempts: 1, scheduledAt: at(-60) };
    expect(foldDecision(sent, now, 900)).toEqual({ action: "schedule", at: at(840) });
    const waiting = { id: "d2", status: "PENDING", attempts: 0, scheduledAt: at(840) };
    expect(foldDecision(waiting, now, 900)).toEqual({ action: "fold", deliveryId: "d2" });
  });

  it("does not fold into a delivery already being tried, and sends at once after the period", () => {
    const retrying = { id: "d2", status: "PENDING", attempts: 1, scheduledAt: at(-30) };
    expect(foldDecision(retrying, now, 900)).toEqual({ action: "schedule", at: at(870) });
    const old = { id: "d3", status: "DELIVERED", attempts: 1, scheduledAt: at(-901) };
    expect(foldDecision(old, now, 900)).toEqual({ action: "send-now" });
  });
});

describe("nextAttemptAt", () => {
  const policy = { baseMs: 10_000, capMs: 3_600_000, windowMs: 24 * 3_600_000 };
  const start = new Date("2026-12-01T00:00:00Z");

  it("doubles the delay up to the cap", () => {
    expect(nextAttemptAt(1, start, start, policy)?.getTime()).toBe(start.getTime() + 10_000);
    expect(nextAttemptAt(3, start, start, policy)?.getTime()).toBe(start.getTime() + 40_000);
    expect(nextAttemptAt(20, start, start, policy)?.getTime()).toBe(start.getTime() + 3_600_000);
  });

  it("keeps trying for the whole window, then gives up", () => {
    let now = start;
    let attempts = 0;
    for (;;) {
      attempts++;
      const next = nextAttemptAt(attempts, now, start, policy);
      if (!next) break;
      now = next;
    }
    expect(now.getTime()).toBe(start.getTime() + policy.windowMs);
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(40);
  });
});
