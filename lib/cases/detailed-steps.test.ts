import { describe, expect, it } from "vitest";
import { detailedEvent } from "./detailed-steps";

describe("steps with details become ladder events", () => {
  it("a determination's remedies get ids and their due day (anchored to the organisation's end of day when recorded)", () => {
    const result = detailedEvent("issue_determination", { verdict: "upheld", remedies: [{ kind: "delete", due: "2027-01-31", description: "Delete the profile" }], findings: "The profile was kept after the objection." });
    expect(result.ok && result.type).toBe("irm.determined");
    const remedy = result.ok ? (result.data as { remedies: { id: string; dueAt: Date }[] }).remedies[0]! : null;
    expect(remedy!.id).toMatch(/^rem-[0-9a-f]{8}$/);
    expect(remedy!.dueAt.toISOString()).toBe("2027-01-31T12:00:00.000Z");
  });
  it.each([
    ["decide_eligibility", { decision: "maybe" }],
    ["issue_advice", { verdict: "upheld", remedies: [{ kind: "delete", due: "31/01/2027" }], findings: "Wrong data." }],
    ["issue_determination", { verdict: "not_upheld", remedies: [], findings: "" }],
    ["conclude_review", { outcome: "won" }],
    ["record_compliance", { evidence: "" }],
    ["close_case", { outcome: "<b>done</b>" }],
  ] as const)("%s refuses %j", (action, input) => {
    expect(detailedEvent(action, input).ok).toBe(false);
  });
  it("an eligibility decision keeps its reason", () => {
    expect(detailedEvent("decide_eligibility", { decision: "dismissed", reason: "Frivolous" })).toEqual({ ok: true, type: "irm.eligibility_decided", data: { decision: "dismissed", reason: "Frivolous" } });
  });
  it("a decision keeps its written findings", () => {
    const result = detailedEvent("issue_award", { verdict: "not_upheld", remedies: [], findings: "No violation remains." });
    expect(result.ok && (result.data as { findings: string }).findings).toBe("No violation remains.");
  });
  it("R2.4: a decision says whether it upholds the complaint, and orders remedies exactly when it does", () => {
    const remedy = { kind: "delete", due: "2027-01-31" };
    expect(detailedEvent("issue_determination", { remedies: [remedy], findings: "Kept after the objection." })).toEqual({ ok: false, errors: { verdict: ["required"] } });
    expect(detailedEvent("issue_determination", { verdict: "won", remedies: [remedy], findings: "Kept." })).toEqual({ ok: false, errors: { verdict: ["required"] } });
    expect(detailedEvent("issue_determination", { verdict: "upheld", remedies: [], findings: "Kept." })).toEqual({ ok: false, errors: { remedies: ["verdict_needs_remedies"] } });
    expect(detailedEvent("issue_advice", { verdict: "partly_upheld", remedies: [], findings: "Kept." })).toEqual({ ok: false, errors: { remedies: ["verdict_needs_remedies"] } });
    expect(detailedEvent("issue_award", { verdict: "not_upheld", remedies: [remedy], findings: "No violation." })).toEqual({ ok: false, errors: { remedies: ["not_upheld_orders_nothing"] } });
    const partly = detailedEvent("issue_determination", { verdict: "partly_upheld", remedies: [remedy], findings: "Only the deletion request stands." });
    expect(partly.ok && (partly.data as { verdict: string }).verdict).toBe("partly_upheld");
    expect(detailedEvent("issue_advice", { verdict: "not_upheld", remedies: [], findings: "The record is accurate." })).toMatchObject({ ok: true, data: { verdict: "not_upheld", remedies: [] } });
  });
  it("compliance is recorded against the remedy the step names (its target), never one the details name", () => {
    expect(detailedEvent("record_compliance", { evidence: "Deleted.", remedyId: "rem-other" })).toEqual({ ok: false, errors: { target: ["required"] } });
    expect(detailedEvent("record_compliance", { evidence: "Deleted." }, { target: "rem-1" })).toEqual({ ok: true, type: "remedy.complied", data: { remedyId: "rem-1", evidence: "Deleted." } });
  });
  it("strikes are the side's taking them, whatever the details say (R3.4)", () => {
    const choices = { A: "strike", B: "strike", C: "2", D: "1", E: "3" } as const;
    const result = detailedEvent("submit_strikes", { choices, side: "complainant" }, { party: "organisation" });
    expect(result).toEqual({ ok: true, type: "arbitration.strikes_submitted", data: { side: "organisation", struck: ["A", "B"], ranking: ["D", "C", "E"] } });
  });
});
