import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PARTIES, caseView } from "@/lib/ladder";
import { history } from "@/lib/ladder/test/histories";
import en from "@/messages/en.json";
import { DETAILED_STEPS, detailedEvent } from "./detailed-steps";
import { DECISION_STEPS, MESSAGE_STEPS, ONE_CLICK_STEPS, STEPS, needsConfirmation, stepForm } from "./step-registry";

describe("the step registry", () => {
  it("every step with details or a decision page has its schema, and no other step has one", () => {
    const withDetails = Object.keys(STEPS).filter((a) => ["details", "decision"].includes(stepForm(a as keyof typeof STEPS))).sort();
    expect(Object.keys(DETAILED_STEPS).sort()).toEqual(withDetails);
  });

  it("the API's one-request steps are the clicks and the messages that may go without one; decisions are not among them", () => {
    expect(ONE_CLICK_STEPS).toContain("escalate_to_irm");
    expect(ONE_CLICK_STEPS).toContain("respond");
    expect(ONE_CLICK_STEPS).not.toContain("propose_resolution");
    for (const d of DECISION_STEPS) expect(ONE_CLICK_STEPS).not.toContain(d);
    expect(MESSAGE_STEPS).toEqual(expect.arrayContaining(["respond", "request_information", "propose_resolution", "comment_to_panel", "invoke_arbitration"]));
  });

  it("every step that asks once more has the words that say what is given up", () => {
    const texts = en.actions.confirmText as Record<string, string>;
    for (const action of Object.keys(STEPS) as (keyof typeof STEPS)[]) if (needsConfirmation(action)) expect(texts[action], action).toBeTruthy();
    // The complainant's steps that give something up for good.
    for (const action of ["accept_answer", "withdraw", "escalate_to_irm", "escalate_to_panel", "request_commerce_review"] as const) expect(needsConfirmation(action)).toBe(true);
  });

  it("recording a bar to arbitration needs its kind (the administrator's form)", () => {
    expect(detailedEvent("record_bar", {})).toMatchObject({ ok: false, errors: { bar: expect.any(Array) } });
    expect(detailedEvent("record_bar", { bar: "court_judgment" })).toEqual({ ok: true, type: "case.bar_recorded", data: { bar: "court_judgment" } });
  });

  it("every step the ladder offers, for every party of random histories, is one the registry knows how to take", () => {
    for (const { facts, end } of fc.sample(history, 100)) {
      for (const party of PARTIES) for (const a of caseView(facts, party, end).actions) expect(STEPS[a.action], a.action).toBeDefined();
    }
  });
});
