import { describe, expect, it } from "vitest";
import { classifyLine } from "../classify/index.ts";
import { type ActiveIncident, advanceIncidents, type FoldingPolicy, foldEvent, renewsSa } from "./folding.ts";

const t = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 0, 0, seconds));
const policy: FoldingPolicy = { openAfterSeconds: 60, openAfterEvents: 3, resolveAfterSeconds: 120 };
const dpd = (at: number) => ({ code: "DPD_TIMEOUT" as const, severity: "major" as const, occurredAt: t(at) });
const up = (at: number) => ({ code: "TUNNEL_UP" as const, severity: "info" as const, occurredAt: t(at) });
const incident = (over: Partial<ActiveIncident>): ActiveIncident => ({
  id: "i1",
  code: "DPD_TIMEOUT",
  state: "pending",
  firstEventAt: t(0),
  lastEventAt: t(0),
  eventCount: 1,
  ...over,
});

describe("foldEvent", () => {
  it("starts a pending incident for a new fault", () => {
    expect(foldEvent([], dpd(0), policy)).toEqual([
      { action: "create", code: "DPD_TIMEOUT", severity: "major", confirmed: false, isMaintenance: false },
    ]);
  });

  it("opens at once when the tenant wants no hysteresis, and labels maintenance", () => {
    expect(foldEvent([], dpd(0), { ...policy, openAfterSeconds: 0, inMaintenance: true })).toEqual([
      { action: "create", code: "DPD_TIMEOUT", severity: "major", confirmed: true, isMaintenance: true },
    ]);
  });

  it("folds repeats into the same incident and confirms it on the third event", () => {
    expect(foldEvent([incident({ eventCount: 1 })], dpd(5), policy)).toEqual([
      { action: "fold", incidentId: "i1", confirmed: false },
    ]);
    expect(foldEvent([incident({ eventCount: 2 })], dpd(10), policy)).toEqual([
      { action: "fold", incidentId: "i1", confirmed: true },
    ]);
    expect(foldEvent([incident({ state: "open", eventCount: 9 })], dpd(90), policy)).toEqual([
      { action: "fold", incidentId: "i1", confirmed: false },
    ]);
  });

  it("confirms a fault that persisted past the delay even without repeats", () => {
    expect(foldEvent([incident({ eventCount: 1 })], dpd(61), policy)).toEqual([
      { action: "fold", incidentId: "i1", confirmed: true },
    ]);
  });

  it("keeps different faults of a tunnel apart", () => {
    const decisions = foldEvent(
      [incident({})],
      { code: "IKE_AUTH_FAILURE", severity: "critical", occurredAt: t(5) },
      policy,
    );
    expect(decisions).toEqual([
      { action: "create", code: "IKE_AUTH_FAILURE", severity: "critical", confirmed: false, isMaintenance: false },
    ]);
  });

  it("discards a pending fault that recovered before it persisted (a blip is not an incident)", () => {
    expect(foldEvent([incident({})], up(20), policy)).toEqual([
      { action: "discard", incidentId: "i1", reason: "recovered (TUNNEL_UP) before it persisted" },
    ]);
  });

  it("opens a pending fault whose recovery shows it persisted, as of when it had, then recovers it", () => {
    // Logs read late, in one batch: the fault at 0 s and its recovery at 600 s arrive together,
    // before any scheduled check could confirm it. On the event clock it was a 10-minute outage.
    expect(foldEvent([incident({})], up(600), policy)).toEqual([
      { action: "confirm", incidentId: "i1", at: t(60) },
      { action: "start-recovery", incidentId: "i1" },
    ]);
    expect(foldEvent([incident({})], up(600), { ...policy, resolveAfterSeconds: 0 })).toEqual([
      { action: "confirm", incidentId: "i1", at: t(60) },
      { action: "resolve", incidentId: "i1", reason: "recovered: TUNNEL_UP", at: t(600) },
    ]);
  });

  it("starts recovery of an open fault on TUNNEL_UP, and reopens if the fault comes back", () => {
    expect(foldEvent([incident({ state: "open" })], up(200), policy)).toEqual([
      { action: "start-recovery", incidentId: "i1" },
    ]);
    expect(foldEvent([incident({ state: "recovering", recoveringSince: t(200) })], dpd(230), policy)).toEqual([
      { action: "reopen", incidentId: "i1" },
    ]);
  });

  it("resolves at once when no hold is asked for", () => {
    expect(foldEvent([incident({ state: "open" })], up(200), { ...policy, resolveAfterSeconds: 0 })).toEqual([
      { action: "resolve", incidentId: "i1", reason: "recovered: TUNNEL_UP", at: t(200) },
    ]);
  });

  // A BGP session over the tunnel reaching Established, as classifyLine reads it.
  const bgpEstablished = {
    code: "TUNNEL_UP",
    severity: "info",
    occurredAt: t(10),
    clears: ["BGP_SESSION_DOWN"],
  } as const;

  it("does not let an IPsec SA coming up clear a BGP session that is still down; BGP Established does", () => {
    const bgp = incident({ code: "BGP_SESSION_DOWN", state: "open" });
    expect(foldEvent([bgp], up(10), policy)).toEqual([]);
    expect(foldEvent([bgp], bgpEstablished, policy)).toEqual([{ action: "start-recovery", incidentId: "i1" }]);
  });

  it("lets BGP Established over the tunnel end the tunnel's IPsec faults too", () => {
    const dpdIncident = incident({ id: "i2", code: "DPD_TIMEOUT", state: "open" });
    const bgp = incident({ code: "BGP_SESSION_DOWN", state: "open" });
    expect(foldEvent([bgp, dpdIncident], bgpEstablished, policy)).toEqual([
      { action: "start-recovery", incidentId: "i1" },
      { action: "start-recovery", incidentId: "i2" },
    ]);
  });

  it("names the cause of an incident opened as a down without a cause", () => {
    const generic = incident({ code: "TUNNEL_DOWN_OTHER", state: "open" });
    expect(foldEvent([generic], dpd(30), policy)).toEqual([
      { action: "refine", incidentId: "i1", code: "DPD_TIMEOUT", severity: "major" },
    ]);
  });

  it("folds a down without a cause into the named fault already active", () => {
    const named = incident({ state: "open" });
    expect(foldEvent([named], { code: "TUNNEL_DOWN_OTHER", severity: "major", occurredAt: t(30) }, policy)).toEqual([
      { action: "fold", incidentId: "i1", confirmed: false },
    ]);
  });

  const downWithoutCause = (at: number, renewedAt?: number) => ({
    code: "TUNNEL_DOWN_OTHER" as const,
    severity: "major" as const,
    occurredAt: t(at),
    ...(renewedAt === undefined ? {} : { renewedAt: t(renewedAt) }),
  });

  it("takes a down without a cause just after an SA was renewed for the replaced SA's delete", () => {
    // charon: "CHILD_SA net{4} established ..." then "closing CHILD_SA net{3} ..." in the same second.
    expect(foldEvent([], downWithoutCause(100, 100), policy)).toEqual([]);
    expect(
      foldEvent([incident({ state: "recovering", recoveringSince: t(90) })], downWithoutCause(130, 90), policy),
    ).toEqual([]);
    // Past the opening delay, or before the renewal, it is a down like any other.
    expect(foldEvent([], downWithoutCause(161, 100), policy)).toEqual([
      { action: "create", code: "TUNNEL_DOWN_OTHER", severity: "major", confirmed: false, isMaintenance: false },
    ]);
    expect(foldEvent([], downWithoutCause(99, 100), policy)).toHaveLength(1);
    expect(foldEvent([], downWithoutCause(100), policy)).toHaveLength(1);
  });

  it("takes the delete of an SA a logged rekey replaced for routine, however late it comes", () => {
    // Libreswan keeps a replaced ISAKMP SA until it expires, minutes after its successor is up.
    expect(foldEvent([], { ...downWithoutCause(700, 100), deletesReplacedSa: true }, policy)).toEqual([]);
    expect(foldEvent([], { ...downWithoutCause(700), deletesReplacedSa: false }, policy)).toHaveLength(1);
    // Only a down without a cause: a named fault on a replaced SA is still a fault.
    expect(foldEvent([], { ...dpd(700), deletesReplacedSa: true }, policy)).toHaveLength(1);
  });

  it("reads the SA a Libreswan line is about and the one its rekey replaces", () => {
    const rekey = classifyLine(
      'Jul  6 11:42:43 gw pluto[812]: "ph275" #1690570: initiating Main Mode to replace #1690531',
    );
    expect(rekey.fields).toMatchObject({ saNumber: "1690570", replacesSa: "1690531" });
    expect(classifyLine('"west-cuckold" #4: initiator rekeyed IKE SA #1 {cipher=AES_CBC_128}').fields).toMatchObject({
      saNumber: "4",
      replacesSa: "1",
    });
    const late = classifyLine(
      'Jul  6 12:32:43 gw pluto[812]: "ph275"[2] 192.0.2.7 #1690531: deleting state (STATE_MAIN_I4) aged 28800.2s and sending notification',
    );
    expect(late).toMatchObject({ code: "TUNNEL_DOWN_OTHER", fields: { saNumber: "1690531" } });
    expect(late.fields.replacesSa).toBeUndefined();
  });

  it("never lets a renewal hide a named fault", () => {
    expect(foldEvent([], { ...dpd(100), renewedAt: t(100) }, policy)).toEqual([
      { action: "create", code: "DPD_TIMEOUT", severity: "major", confirmed: false, isMaintenance: false },
    ]);
  });

  it("reads SA renewals from classified lines", () => {
    const renews = (line: string) => renewsSa(classifyLine(line));
    expect(
      renews(
        "Dec 16 03:23:38 gw charon: 10[IKE] CHILD_SA aws-1{4} established with SPIs c9a2f8c1_i 7d3f1a2b_o and TS 10.0.0.0/16 === 172.16.0.0/16",
      ),
    ).toBe(true);
    expect(
      renews(
        "Dec 16 03:23:38 gw charon: 10[IKE] IKE_SA aws-1[2] rekeyed between 192.0.2.1[192.0.2.1]...198.51.100.7[198.51.100.7]",
      ),
    ).toBe(true);
    expect(
      renews(
        "Dec 16 03:23:38 gw charon: 10[IKE] closing CHILD_SA aws-1{3} with SPIs c5a2f8c1_i (0 bytes) 7c3f1a2b_o (0 bytes) and TS 10.0.0.0/16 === 172.16.0.0/16",
      ),
    ).toBe(false);
    expect(renews("Dec 16 03:23:38 gw charon: 10[IKE] CHILD_SA rekeying failed, trying again in 30 seconds")).toBe(
      false,
    );
  });

  it("ignores informational and unknown lines", () => {
    expect(foldEvent([incident({})], { code: "INFO", severity: "info", occurredAt: t(5) }, policy)).toEqual([]);
    expect(foldEvent([], { code: "UNKNOWN", severity: "info", occurredAt: t(5) }, policy)).toEqual([]);
  });
});

describe("advanceIncidents", () => {
  it("opens pending faults that persisted and resolves recoveries that held", () => {
    const incidents = [
      incident({ id: "young", firstEventAt: t(100) }),
      incident({ id: "old", firstEventAt: t(0) }),
      incident({ id: "holding", state: "recovering", recoveringSince: t(0) }),
      incident({ id: "fresh-recovery", state: "recovering", recoveringSince: t(100) }),
    ];
    // Dated when the delays ran out (60 s after the first event, 120 s into the recovery), not
    // when the schedule looked.
    expect(advanceIncidents(incidents, t(130), policy)).toEqual([
      { action: "confirm", incidentId: "old", at: t(60) },
      { action: "resolve", incidentId: "holding", reason: "recovery held for 130 s", at: t(120) },
    ]);
  });

  it("dates a backlog's fault and recovery on the event clock, however late the schedule runs", () => {
    const late = t(3_600);
    const decisions = advanceIncidents(
      [
        incident({ id: "old-fault", firstEventAt: t(0) }),
        incident({ id: "old-recovery", state: "recovering", recoveringSince: t(300) }),
      ],
      late,
      policy,
    );
    expect(decisions).toEqual([
      { action: "confirm", incidentId: "old-fault", at: t(60) },
      { action: "resolve", incidentId: "old-recovery", reason: "recovery held for 3300 s", at: t(420) },
    ]);
  });
});
