import { describe, expect, it } from "vitest";
import { snapshot } from "../snapshot";
import { canMoveReferral, mayDelist, nextReferralStatuses, persistentFailure, referralProposals, remedyStatus } from "../enforcement";
import { foldCase } from "../case-state";
import { decide } from "../transitions";
import type { LadderEvent, ReferralStatus } from "../events";
import { at, ev, facts, filed } from "./builders";

const determined: LadderEvent[] = [
  filed(),
  ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation"),
  ev("irm.escalated", "2026-01-25T10:00:00Z", "complainant"),
  ev("irm.eligibility_decided", "2026-01-26T10:00:00Z", "irm", { decision: "eligible" }),
  ev("irm.determined", "2026-02-01T10:00:00Z", "irm", { remedies: [{ id: "del", kind: "delete", dueAt: at("2026-03-01T00:00:00Z") }] }),
];

describe("R4.1 referral state machine", () => {
  it.each([
    [null, "proposed", true],
    [null, "referred", false],
    ["proposed", "referred", true],
    ["proposed", "action_taken", false],
    ["referred", "acknowledged", true],
    ["acknowledged", "under_review", true],
    ["under_review", "action_taken", true],
    ["under_review", "closed_without_action", true],
    ["action_taken", "referred", false],
    ["closed_without_action", "under_review", false],
  ] as const)("%s → %s: %s", (from, to, allowed) => {
    expect(canMoveReferral(from as ReferralStatus | null, to)).toBe(allowed);
  });
});

describe("R4.3 remedies tracked until carried out → R4.1 referral", () => {
  it("a pending remedy prompts nothing", () => {
    expect(referralProposals(foldCase(determined), at("2026-02-15T00:00:00Z"))).toEqual([]);
  });
  it("a missed remedy prompts a referral by the IRM that ordered it", () => {
    expect(referralProposals(foldCase(determined), at("2026-03-02T00:00:00Z"))).toEqual([{ rule: "R4.1", referrer: "irm", source: "irm", remedyIds: ["del"] }]);
  });
  it("not once the IRM has referred", () => {
    const referred = [...determined, ev("referral.status_changed", "2026-03-02T00:00:00Z", "irm", { referralId: "f1", status: "proposed", referrer: "irm" })];
    expect(decide(snapshot(facts(determined), at("2026-03-02T00:00:00Z")), referred.at(-1)!)).toEqual({ ok: true });
    expect(referralProposals(foldCase(referred), at("2026-03-03T00:00:00Z"))).toEqual([]);
  });
  it("the IRM cannot refer before anything is missed", () => {
    const d = decide(snapshot(facts(determined), at("2026-02-10T00:00:00Z")), ev("referral.status_changed", "2026-02-10T00:00:00Z", "irm", { referralId: "f1", status: "proposed", referrer: "irm" }));
    expect(d.ok === false && d.reason.code).toBe("nothing_to_refer");
  });
  it.each([
    ["2026-02-15T00:00:00Z", null, "pending"],
    ["2026-03-02T00:00:00Z", null, "overdue"],
    ["2026-03-02T00:00:00Z", "2026-02-20T00:00:00Z", "complied"],
    ["2026-03-10T00:00:00Z", "2026-03-05T00:00:00Z", "complied_late"],
  ])("at %s, complied %s → %s", (now, complied, expected) => {
    const events = complied ? [...determined, ev("remedy.complied", complied, "organisation", { remedyId: "del", evidence: "log" })] : determined;
    expect(remedyStatus(foldCase(events).remedies[0]!, at(now))).toBe(expected);
  });
  it("compliance needs evidence", () => {
    const d = decide(snapshot(facts(determined), at("2026-02-10T00:00:00Z")), ev("remedy.complied", "2026-02-10T00:00:00Z", "organisation", { remedyId: "del", evidence: "  " }));
    expect(d.ok === false && d.reason.code).toBe("evidence_required");
  });
});

describe("R4.2 persistent failure to comply", () => {
  it("a final IRM determination still not carried out 30 days after due", () => {
    expect(persistentFailure(foldCase(determined), at("2026-03-20T00:00:00Z"))).toBe(false);
    expect(persistentFailure(foldCase(determined), at("2026-04-01T00:00:00Z"))).toBe(true);
  });
  it("the grace period is a policy", () => {
    expect(persistentFailure(foldCase(determined), at("2026-03-20T00:00:00Z"), { persistentFailureAfterDays: 10 })).toBe(true);
  });
  it("not once complied", () => {
    const complied = [...determined, ev("remedy.complied", "2026-03-10T00:00:00Z", "organisation", { remedyId: "del", evidence: "log" })];
    expect(persistentFailure(foldCase(complied), at("2026-06-01T00:00:00Z"))).toBe(false);
  });
});

describe("R4.1/R4.2 the register's gates", () => {
  it("offers delisting only once a referral was made, never on a proposal alone", () => {
    expect(mayDelist([])).toBe(false);
    expect(mayDelist(["proposed", "proposed"])).toBe(false);
    expect(mayDelist(["proposed", "referred"])).toBe(true);
    expect(mayDelist(["closed_without_action"])).toBe(true);
    expect(nextReferralStatuses("proposed")).toEqual(["referred"]);
    expect(nextReferralStatuses("under_review")).toEqual(["action_taken", "closed_without_action"]);
    expect(nextReferralStatuses("action_taken")).toEqual([]);
  });
});
