/**
 * A body's decision says whether it upholds the complaint (R2.4, R2.6, R3.3), and an IRM ends
 * its review only with one of R2.4's outcomes, never before it decided eligibility (R2.2).
 */
import { describe, expect, it } from "vitest";
import { foldCase } from "../case-state";
import { caseView } from "../case-view";
import { verdictOf, type LadderEvent } from "../events";
import { nextActions } from "../next-actions";
import { snapshot } from "../snapshot";
import { caseStatus } from "../status";
import { decide } from "../transitions";
import { at, ev, facts, filed } from "./builders";

const responded = ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation");
const atIrm = [filed(), responded, ev("irm.escalated", "2026-01-25T10:00:00Z", "complainant")];
const eligible = [...atIrm, ev("irm.eligibility_decided", "2026-01-26T10:00:00Z", "irm", { decision: "eligible" })];
const ineligible = [...atIrm, ev("irm.eligibility_decided", "2026-01-26T10:00:00Z", "irm", { decision: "ineligible", reason: "The data was never transferred from the EU." })];
const remedy = (id: string, kind: "delete" | "access" | "correct" = "delete") => ({ id, kind, dueAt: at("2026-03-01T00:00:00Z") });
const NOW = at("2026-02-01T00:00:00Z");

const hrPanel = [filed(), responded, ev("panel.escalated", "2026-01-21T10:00:00Z", "complainant")];
const hr = { subject: { framework: "eu-us-ps", hrData: true, complainantCountry: "DE", dataSubject: "self" } } as const;

type Row = [rule: string, label: string, events: LadderEvent[], event: LadderEvent, expected: string | true];

const rows: Row[] = [
  ["R2.4", "a determination that upholds the complaint orders remedies", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "upheld", remedies: [remedy("r1")] }), true],
  ["R2.4", "a determination that partly upholds it orders remedies", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "partly_upheld", remedies: [remedy("r1")] }), true],
  ["R2.4", "a determination that does not uphold it orders nothing", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "not_upheld", remedies: [] }), true],
  ["R2.4", "a determination without a verdict is refused", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { remedies: [remedy("r1")] }), "verdict_required"],
  ["R2.4", "a verdict outside the three is refused", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "won" as never, remedies: [remedy("r1")] }), "unknown_verdict"],
  ["R2.4", "an upheld complaint with nothing ordered is refused", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "upheld", remedies: [] }), "verdict_needs_remedies"],
  ["R2.4", "a partly upheld complaint with nothing ordered is refused", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "partly_upheld", remedies: [] }), "verdict_needs_remedies"],
  ["R2.4", "a complaint not upheld orders nothing", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "not_upheld", remedies: [remedy("r1")] }), "not_upheld_orders_nothing"],
  ["R2.6", "the panel's advice says whether it upholds the complaint", hrPanel, ev("panel.advised", "2026-02-20T10:00:00Z", "dpa_panel", { remedies: [] }), "verdict_required"],
  ["R2.6", "advice that upholds the complaint advises something", hrPanel, ev("panel.advised", "2026-02-20T10:00:00Z", "dpa_panel", { verdict: "upheld", remedies: [] }), "verdict_needs_remedies"],
  ["R2.6", "advice that does not uphold it advises nothing", hrPanel, ev("panel.advised", "2026-02-20T10:00:00Z", "dpa_panel", { verdict: "not_upheld", remedies: [] }), true],
  // R2.2, R2.4: the IRM's review before eligibility is decided.
  ["R2.4", "the IRM does not close its review before deciding eligibility", atIrm, ev("case.closed", "2026-01-27T00:00:00Z", "irm", { outcome: "The complainant stopped answering." }), "close_before_eligibility"],
  ["R2.2", "…it finds the complaint not eligible, with a reason, instead", atIrm, ev("irm.eligibility_decided", "2026-01-27T00:00:00Z", "irm", { decision: "ineligible", reason: "No transfer from the EU." }), true],
  ["R2.2", "…or dismisses it, with a reason", atIrm, ev("irm.eligibility_decided", "2026-01-27T00:00:00Z", "irm", { decision: "dismissed", reason: "Obviously frivolous." }), true],
  ["R2.4", "…and closes its review once it decided eligibility", eligible, ev("case.closed", "2026-01-27T00:00:00Z", "irm", { outcome: "The complainant withdrew from the review." }), true],
  ["R2.4", "…or once it found the complaint not eligible", ineligible, ev("case.closed", "2026-01-27T00:00:00Z", "irm", { outcome: "Not eligible." }), true],
  ["R2.2", "no conciliation before eligibility is decided", atIrm, ev("irm.conciliated", "2026-01-27T00:00:00Z", "irm"), "eligibility_not_decided"],
  ["R2.2", "no determination before eligibility is decided", atIrm, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "not_upheld", remedies: [] }), "eligibility_not_decided"],
  ["R2.4", "the complainant withdraws while the IRM has not yet decided eligibility", atIrm, ev("complainant.withdrew", "2026-01-27T00:00:00Z", "complainant"), true],
  ["R2.4", "an administrator still closes the whole case", atIrm, ev("case.closed", "2026-01-27T00:00:00Z", "administrator", { outcome: "Duplicate of another case." }), true],
];

describe("decisions with a verdict, and the IRM's review before eligibility", () => {
  it.each(rows)("%s %s", (_rule, label, events, event, expected) => {
    const d = decide(snapshot(facts(events, label.includes("panel") || label.includes("advice") ? hr : {}), NOW > event.at ? NOW : event.at), event);
    if (expected === true) expect(d).toEqual({ ok: true });
    else expect(d.ok === false && d.reason.code).toBe(expected);
  });

  it("R3.3: an award says whether it upholds the claim", () => {
    const names = ["Ada", "Ben", "Cleo", "Dov", "Eli"];
    const constituted = facts([
      filed(),
      ev("arbitration.invoked", "2026-06-01T00:00:00Z", "complainant"),
      ev("arbitration.notice_delivered", "2026-06-02T00:00:00Z", "arbitration"),
      ev("arbitration.arbitrators_proposed", "2026-06-03T00:00:00Z", "arbitration", { names }),
      ev("arbitration.panel_constituted", "2026-06-05T00:00:00Z", "arbitration", { arbitrators: ["Ada"] }),
    ]);
    const award = (data: Parameters<typeof ev<"arbitration.awarded">>[3]) => decide(snapshot(constituted, at("2026-06-10T00:00:00Z")), ev("arbitration.awarded", "2026-06-09T00:00:00Z", "arbitration", data));
    const code = (d: ReturnType<typeof award>) => (d.ok ? true : d.reason.code);
    expect(code(award({ verdict: "not_upheld", remedies: [] }))).toBe(true);
    expect(code(award({ verdict: "upheld", remedies: [{ id: "a1", kind: "access", dueAt: at("2026-07-01T00:00:00Z") }] }))).toBe(true);
    expect(code(award({ verdict: "upheld", remedies: [] }))).toBe("verdict_needs_remedies");
    expect(code(award({ remedies: [] }))).toBe("verdict_required");
  });

  it("R2.2, R2.4: before eligibility the IRM is offered the decision on it, not a closing, a conciliation or a determination", () => {
    const offered = (party: "irm" | "complainant") => Object.fromEntries(nextActions(snapshot(facts(atIrm), NOW), party).map((a) => [a.action, a.allowed ? true : a.reason?.code]));
    expect(offered("irm")).toMatchObject({ decide_eligibility: true, close_case: "close_before_eligibility", record_conciliation: "eligibility_not_decided", issue_determination: "eligibility_not_decided" });
    expect(offered("complainant")).toMatchObject({ withdraw: true });
    const afterwards = Object.fromEntries(nextActions(snapshot(facts(eligible), NOW), "irm").map((a) => [a.action, a.allowed]));
    expect(afterwards).toMatchObject({ close_case: true, record_conciliation: true, issue_determination: true });
  });

  it("R2.4: a determination recorded without a verdict reads as upheld when it ordered remedies, as not upheld when it ordered none", () => {
    expect(verdictOf({ remedies: [remedy("r1")] })).toBe("upheld");
    expect(verdictOf({ remedies: [] })).toBe("not_upheld");
    expect(verdictOf({ verdict: "partly_upheld", remedies: [remedy("r1")] })).toBe("partly_upheld");
    expect(foldCase([...eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { remedies: [remedy("r1")] })]).irm?.verdict).toBe("upheld");
    expect(foldCase([...eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { remedies: [] })]).irm?.verdict).toBe("not_upheld");
  });

  it("R2.4: every party's status tells the verdict beside the decision, with what it ordered", () => {
    const partly = [...eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "partly_upheld", remedies: [remedy("r1"), remedy("r2", "access"), remedy("r3")] })];
    for (const party of ["complainant", "organisation", "irm"] as const) {
      const status = caseStatus(caseView(facts(partly), party, NOW), party);
      expect(status).toMatchObject({ where: "irm_decided", decisions: ["irm_determination"], verdict: { decision: "irm_determination", verdict: "partly_upheld", remedies: ["delete", "access"] } });
    }
    const notUpheld = [...eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "not_upheld", remedies: [] })];
    expect(caseStatus(caseView(facts(notUpheld), "complainant", NOW), "complainant").verdict).toEqual({ decision: "irm_determination", verdict: "not_upheld", remedies: [] });
    const advised = [...hrPanel, ev("panel.advised", "2026-02-20T10:00:00Z", "dpa_panel", { verdict: "upheld", remedies: [remedy("p1", "correct")] })];
    expect(caseStatus(caseView(facts(advised, hr), "complainant", at("2026-02-21T00:00:00Z")), "complainant").verdict).toEqual({ decision: "panel_advice", verdict: "upheld", remedies: ["correct"] });
    // An ineligibility decision or a plain closing upholds nothing and tells no verdict.
    expect(caseStatus(caseView(facts(ineligible), "complainant", NOW), "complainant").verdict).toBeNull();
  });
});
