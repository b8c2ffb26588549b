import { describe, expect, it } from "vitest";
import { bodyTimeframes, clock, clocks, missedDeadlines, nextDeadline, owedDeadline } from "../clocks";
import { DEFAULT_POLICY, FRAMEWORK_CLOCKS } from "../policy";
import { foldCase } from "../case-state";
import type { LadderEvent } from "../events";
import { deadlineAfter } from "../calendar";
import { at, ev, facts, filed, FILED } from "./builders";

const response = (now: string, events = [filed()]) => clock(facts(events), "organisation.response", at(now))!;

describe("R2.1 the organisation's 45 days", () => {
  it.each([
    ["day 44", "2026-02-23T12:00:00Z", "running", 1],
    ["day 45, morning", "2026-02-24T00:00:00Z", "running", 0],
    ["day 45, last minute", "2026-02-24T23:59:59Z", "running", 0],
    ["day 46", "2026-02-25T00:00:00Z", "missed", -1],
  ])("%s (%s) → %s, %d days left", (_label, now, state, daysLeft) => {
    const c = response(now);
    expect(c.dueAt.toISOString()).toBe("2026-02-24T23:59:59.999Z");
    expect(c.state).toBe(state);
    expect(c.daysLeft).toBe(daysLeft);
    expect(c.rule).toBe("R2.1");
    expect(c.policy).toBe(false);
  });
  it("is met by a response on day 45 and missed (late) by one on day 46", () => {
    expect(response("2026-03-01T00:00:00Z", [filed(), ev("organisation.responded", "2026-02-24T20:00:00Z", "organisation")]).state).toBe("met");
    const late = response("2026-03-01T00:00:00Z", [filed(), ev("organisation.responded", "2026-02-25T08:00:00Z", "organisation")]);
    expect(late).toMatchObject({ state: "missed", late: true });
  });
  it("does not pause while the organisation awaits information", () => {
    const c = response("2026-02-25T00:00:00Z", [filed(), ev("organisation.info_requested", "2026-01-20T00:00:00Z", "organisation")]);
    expect(c).toMatchObject({ state: "missed", pausedDays: 0 });
  });
  it("stops when the complainant withdraws", () => {
    expect(response("2026-03-01T00:00:00Z", [filed(), ev("complainant.withdrew", "2026-01-12T00:00:00Z", "complainant")]).state).toBe("stopped");
  });
  it.each([
    ["counted in New York: 22:00 on 10 January there", "2026-01-11T03:00:00Z", "America/New_York", "2026-02-25T04:59:59.999Z"],
    ["counted in UTC: already 11 January", "2026-01-11T03:00:00Z", "UTC", "2026-02-25T23:59:59.999Z"],
    ["one minute before midnight UTC", "2026-01-10T23:59:00Z", "UTC", "2026-02-24T23:59:59.999Z"],
    ["one minute after midnight UTC", "2026-01-11T00:01:00Z", "UTC", "2026-02-25T23:59:59.999Z"],
    ["in Berlin, 00:30 local is still 10 January in UTC", "2026-01-10T23:30:00Z", "Europe/Berlin", "2026-02-25T22:59:59.999Z"],
  ])("time zones: %s", (_label, filedAt, zone, due) => {
    const c = clock(facts([ev("case.filed", filedAt, "complainant")], { zones: { organisation: zone } }), "organisation.response", at(filedAt))!;
    expect(c.dueAt.toISOString()).toBe(due);
  });
});

describe("R2.1 policy: acknowledgment within 5 working days", () => {
  it.each([
    ["a Saturday", "2026-01-10T12:00:00Z", "2026-01-16"],
    ["a Friday", "2026-01-09T12:00:00Z", "2026-01-16"],
    ["a Monday (first working day)", "2026-01-12T12:00:00Z", "2026-01-19"],
    ["a Sunday (last day before the first working day)", "2026-01-11T12:00:00Z", "2026-01-16"],
  ])("filed on %s → due end of %s", (_label, filedAt, dueDay) => {
    const c = clock(facts([ev("case.filed", filedAt, "complainant")]), "organisation.acknowledgment", at(filedAt))!;
    expect(c.dueAt.toISOString()).toBe(`${dueDay}T23:59:59.999Z`);
    expect(c.policy).toBe(true);
  });
  it("is met by any first contact from the organisation", () => {
    const c = clock(facts([filed(), ev("organisation.info_requested", "2026-01-13T09:00:00Z", "organisation")]), "organisation.acknowledgment", at("2026-02-01T00:00:00Z"))!;
    expect(c).toMatchObject({ state: "met", completedAt: at("2026-01-13T09:00:00Z") });
  });
  it("is configurable per organisation", () => {
    const c = clock(facts([filed()], { organisationAcknowledge: { days: 2, unit: "calendar" } }), "organisation.acknowledgment", at(FILED))!;
    expect(c.dueAt.toISOString()).toBe("2026-01-12T23:59:59.999Z");
  });
});

describe("R2.3 the IRM's clocks", () => {
  const escalated = [
    filed(),
    ev("organisation.responded", "2026-02-01T10:00:00Z", "organisation"),
    ev("irm.escalated", "2026-03-02T10:00:00Z", "complainant"),
  ];
  it("defaults: acknowledge in 5 working days, determine in 45 days", () => {
    const all = clocks(facts(escalated), at("2026-03-03T00:00:00Z"));
    expect(all.find((c) => c.id === "irm.acknowledgment")!.dueAt.toISOString()).toBe("2026-03-09T23:59:59.999Z");
    expect(all.find((c) => c.id === "irm.determination")!.dueAt.toISOString()).toBe("2026-04-16T23:59:59.999Z");
  });
  it("a provider's own policy: PrivacyTrust acknowledges in 3 working days", () => {
    const providers = { jams: { acknowledge: { days: 3, unit: "working" as const }, determination: { days: 45, unit: "calendar" as const }, pausesWhileAwaitingComplainant: false } };
    const c = clock(facts(escalated, { providers }), "irm.acknowledgment", at("2026-03-03T00:00:00Z"))!;
    expect(c.dueAt.toISOString()).toBe("2026-03-05T23:59:59.999Z");
  });
  const paused = [
    ...escalated,
    ev("irm.acknowledged", "2026-03-03T10:00:00Z", "irm"),
    ev("irm.eligibility_decided", "2026-03-04T10:00:00Z", "irm", { decision: "eligible" }),
    ev("irm.info_requested", "2026-04-10T10:00:00Z", "irm", { from: "complainant" }),
  ];
  it("pauses while awaiting the complainant, across the original deadline", () => {
    const c = clock(facts(paused), "irm.determination", at("2026-04-18T00:00:00Z"))!;
    expect(c.state).toBe("paused");
    expect(c.pausedDays).toBe(8);
  });
  it("adds the days paused to the deadline once the information arrives", () => {
    const resumed = [...paused, ev("complainant.info_provided", "2026-04-20T09:00:00Z", "complainant", { to: "irm" })];
    const c = clock(facts(resumed), "irm.determination", at("2026-04-21T00:00:00Z"))!;
    expect(c.pausedDays).toBe(10);
    expect(c.dueAt.toISOString()).toBe("2026-04-26T23:59:59.999Z");
    expect(c.state).toBe("running");
  });
  it("does not pause where the provider's policy says it does not", () => {
    const providers = { jams: { acknowledge: { days: 5, unit: "working" as const }, determination: { days: 45, unit: "calendar" as const }, pausesWhileAwaitingComplainant: false } };
    const c = clock(facts(paused, { providers }), "irm.determination", at("2026-04-18T00:00:00Z"))!;
    expect(c).toMatchObject({ state: "missed", pausedDays: 0 });
  });
  it("does not pause while awaiting the organisation", () => {
    const orgPaused = [...escalated, ev("irm.eligibility_decided", "2026-03-04T10:00:00Z", "irm", { decision: "eligible" }), ev("irm.info_requested", "2026-04-10T10:00:00Z", "irm", { from: "organisation" })];
    expect(clock(facts(orgPaused), "irm.determination", at("2026-04-18T00:00:00Z"))!.state).toBe("missed");
  });
});

describe("R2.6 the DPA panel's clocks", () => {
  const base = [
    filed(),
    ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation"),
    ev("panel.escalated", "2026-02-01T10:00:00Z", "complainant"),
  ];
  const hr = { subject: { framework: "eu-us-ps" as const, hrData: true, complainantCountry: "DE", dataSubject: "self" as const } };
  it("advice within 60 days of receiving the complaint", () => {
    const c = clock(facts(base, hr), "panel.advice", at("2026-02-02T00:00:00Z"))!;
    expect(c.dueAt.toISOString()).toBe("2026-04-02T23:59:59.999Z");
    expect(c.rule).toBe("R2.6");
  });
  it("compliance within 25 days of the advice", () => {
    const advised = [...base, ev("panel.advised", "2026-03-01T10:00:00Z", "dpa_panel", { remedies: [{ id: "r1", kind: "delete", dueAt: at("2026-03-20T00:00:00Z") }] })];
    const c = clock(facts(advised, hr), "panel.compliance", at("2026-03-27T00:00:00Z"))!;
    expect(c.dueAt.toISOString()).toBe("2026-03-26T23:59:59.999Z");
    expect(c.state).toBe("missed");
    expect(c.party).toBe("organisation");
  });
  it("no compliance clock for an advice with nothing to do", () => {
    const advised = [...base, ev("panel.advised", "2026-03-01T10:00:00Z", "dpa_panel", { remedies: [] })];
    expect(clock(facts(advised, hr), "panel.compliance", at("2026-03-27T00:00:00Z"))).toBeUndefined();
  });
});

describe("R2.7 / R3.5 / R4.3 other clocks", () => {
  it("Commerce's 90-day window (policy) runs from the DPA's referral", () => {
    const events = [filed(), ev("commerce.requested", "2026-01-15T10:00:00Z", "complainant"), ev("commerce.referred", "2026-01-20T10:00:00Z", "dpa_panel")];
    const c = clock(facts(events), "commerce.review", at("2026-01-21T00:00:00Z"))!;
    expect(c).toMatchObject({ rule: "R2.7", policy: true });
    expect(c.dueAt.toISOString()).toBe("2026-04-20T23:59:59.999Z");
  });
  it("no Commerce clock until the DPA has referred", () => {
    const events = [filed(), ev("commerce.requested", "2026-01-15T10:00:00Z", "complainant")];
    expect(clock(facts(events), "commerce.review", at("2026-01-21T00:00:00Z"))).toBeUndefined();
  });
  it("each remedy's due date, tracked until complied", () => {
    const events = [
      filed(),
      ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation"),
      ev("irm.escalated", "2026-01-21T10:00:00Z", "complainant"),
      ev("irm.eligibility_decided", "2026-01-22T10:00:00Z", "irm", { decision: "eligible" }),
      ev("irm.determined", "2026-02-01T10:00:00Z", "irm", { remedies: [{ id: "del", kind: "delete", dueAt: at("2026-03-01T12:00:00Z") }] }),
    ];
    expect(clock(facts(events), "remedy:del", at("2026-03-01T12:00:00Z"))!.state).toBe("running");
    expect(clock(facts(events), "remedy:del", at("2026-03-01T12:00:01Z"))!.state).toBe("missed");
    const complied = [...events, ev("remedy.complied", "2026-02-20T10:00:00Z", "organisation", { remedyId: "del", evidence: "deletion log" })];
    expect(clock(facts(complied), "remedy:del", at("2026-04-01T00:00:00Z"))!).toMatchObject({ state: "met", rule: "R4.3" });
  });
  it.each<[string, LadderEvent[], string, string | undefined]>([
    ["a new case owes its acknowledgment first", [filed()], FILED, "organisation.acknowledgment"],
    ["a missed acknowledgment stays missed on the record, but the answer is what is owed next", [filed()], "2026-01-20T00:00:00Z", "organisation.response"],
    ["R2.1: 45 days passed without an answer: the company still owes it, overdue", [filed(), ev("organisation.acknowledged", "2026-01-12T10:00:00Z", "organisation")], "2026-03-10T00:00:00Z", "organisation.response"],
    [
      "once the complainant moved on to the IRM, the company's missed answer is history and the IRM's clocks are owed",
      [filed(), ev("organisation.acknowledged", "2026-01-12T10:00:00Z", "organisation"), ev("irm.escalated", "2026-03-10T00:00:00Z", "complainant")],
      "2026-03-10T00:00:00Z",
      "irm.acknowledgment",
    ],
    [
      "R4.3: a remedy not carried out is owed after the case closes",
      [
        filed(),
        ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation"),
        ev("irm.escalated", "2026-01-21T10:00:00Z", "complainant"),
        ev("irm.eligibility_decided", "2026-01-22T10:00:00Z", "irm", { decision: "eligible" }),
        ev("irm.determined", "2026-02-01T10:00:00Z", "irm", { remedies: [{ id: "del", kind: "delete", dueAt: at("2026-03-01T12:00:00Z") }] }),
        ev("case.closed", "2026-02-02T10:00:00Z", "irm", { outcome: "determined" }),
      ],
      "2026-04-01T00:00:00Z",
      "remedy:del",
    ],
    ["a closed case owes nothing", [filed(), ev("case.closed", "2026-01-11T10:00:00Z", "administrator", { outcome: "closed" })], "2026-04-01T00:00:00Z", undefined],
  ])("owedDeadline: %s", (_label, events, now, expected) => {
    const f = facts(events);
    expect(owedDeadline(clocks(f, at(now)), foldCase(events))?.id).toBe(expected);
  });

  it("nextDeadline picks the earliest running clock", () => {
    const all = clocks(facts([filed()]), at(FILED));
    expect(nextDeadline(all)!.id).toBe("organisation.acknowledgment");
    expect(nextDeadline(all, "organisation")!.id).toBe("organisation.acknowledgment");
    expect(nextDeadline(all, "irm")).toBeUndefined();
  });
});

describe("deadline arithmetic", () => {
  it("adds pause days after the working-day count", () => {
    expect(deadlineAfter(at("2026-01-09T10:00:00Z"), { days: 1, unit: "working" }, "UTC", 2).toISOString()).toBe("2026-01-14T23:59:59.999Z");
  });
});

describe("clocks remembered per folded state", () => {
  it("answers again from memory only for the same instant and the same case's facts", () => {
    const base = facts([filed()]);
    const state = foldCase(base.events);
    const first = clocks(base, at("2026-01-20T00:00:00Z"), state);
    // The same question: equal answers, in a fresh array the caller may change.
    const again = clocks({ ...base }, at("2026-01-20T00:00:00Z"), state);
    expect(again).toEqual(first);
    again.pop();
    expect(clocks(base, at("2026-01-20T00:00:00Z"), state)).toHaveLength(first.length);
    // Another instant: the response clock has run out by then.
    expect(clocks(base, at("2026-03-20T00:00:00Z"), state).find((c) => c.id === "organisation.response")!.state).toBe("missed");
    // Other facts with the same state (another zone): computed afresh, not reused.
    const tokyo = clocks({ ...base, zones: { organisation: "Asia/Tokyo" } }, at("2026-01-20T00:00:00Z"), state);
    expect(tokyo.find((c) => c.id === "organisation.response")!.zone).toBe("Asia/Tokyo");
    expect(first.find((c) => c.id === "organisation.response")!.zone).toBe("UTC");
  });
});

describe("R2.3, R2.6, R2.7, R3.5 the timeframes a body works to", () => {
  it("an IRM's own published clocks, else the defaults; the panel's framework clocks; none for a national DPA", () => {
    const own = { acknowledge: { days: 3, unit: "working" as const }, determination: { days: 45, unit: "calendar" as const }, pausesWhileAwaitingComplainant: false };
    expect(bodyTimeframes("irm", own).map((f) => [f.kind, f.span, f.source])).toEqual([
      ["irm.acknowledgment", own.acknowledge, "body"],
      ["irm.determination", own.determination, "body"],
    ]);
    expect(bodyTimeframes("irm", null).map((f) => [f.span, f.source])).toEqual([
      [DEFAULT_POLICY.providerDefault.acknowledge, "policy"],
      [DEFAULT_POLICY.providerDefault.determination, "policy"],
    ]);
    expect(bodyTimeframes("dpa_panel", null).find((f) => f.kind === "panel.advice")).toEqual({ kind: "panel.advice", rule: "R2.6", span: FRAMEWORK_CLOCKS.panelAdvice, source: "framework", aim: true });
    expect(bodyTimeframes("commerce", null, { commerceReview: { days: 60, unit: "calendar" } })[0]!.span).toEqual({ days: 60, unit: "calendar" });
    expect(bodyTimeframes("dpa", null)).toEqual([]);
  });
});

describe("the deadlines a party missed (R2.1, R2.3)", () => {
  const missed = (events: LadderEvent[], now: string) => missedDeadlines(clocks(facts(events), at(now)), "organisation").map((c) => c.id);
  it("none while its clocks run, or when it acknowledged and answered in time", () => {
    expect(missed([filed()], "2026-01-12T12:00:00Z")).toEqual([]);
    expect(missed([filed(), ev("organisation.acknowledged", "2026-01-12T09:00:00Z", "organisation"), ev("organisation.responded", "2026-02-01T09:00:00Z", "organisation")], "2026-03-01T00:00:00Z")).toEqual([]);
  });
  it("a late acknowledgment stays missed though the answer came in time", () => {
    expect(missed([filed(), ev("organisation.acknowledged", "2026-01-20T09:00:00Z", "organisation"), ev("organisation.responded", "2026-02-01T09:00:00Z", "organisation")], "2026-03-01T00:00:00Z")).toEqual(["organisation.acknowledgment"]);
  });
  it("a silence past 45 days misses both", () => {
    expect(missed([filed()], "2026-03-01T00:00:00Z").sort()).toEqual(["organisation.acknowledgment", "organisation.response"]);
  });
  it("only that party's clocks", () => {
    expect(missedDeadlines(clocks(facts([filed()]), at("2026-03-01T00:00:00Z")), "irm")).toEqual([]);
  });
});
