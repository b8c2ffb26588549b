import { describe, expect, it } from "vitest";
import { snapshot } from "../snapshot";
import { decide } from "../transitions";
import type { LadderEvent } from "../events";
import { at, ev, facts, filed, subject } from "./builders";

const answered = [filed(), ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation")];
const atIrm = [...answered, ev("irm.escalated", "2026-01-25T10:00:00Z", "complainant")];
const eligible = [...atIrm, ev("irm.eligibility_decided", "2026-01-26T10:00:00Z", "irm", { decision: "eligible" })];
const NOW = "2026-02-01T00:00:00Z";

const cases: [string, string, LadderEvent[], LadderEvent, string | true][] = [
  ["R1.2", "filing against a non-participant is refused", [], ev("case.filed", "2026-01-10T00:00:00Z", "complainant"), "not_participant_no_certification"],
  ["R1.4", "filing by an uncovered complainant is refused", [], ev("case.filed", "2026-01-10T00:00:00Z", "complainant"), "not_covered_country_not_covered"],
  ["R1.2", "filing against a participant is accepted", [], ev("case.filed", "2026-01-10T00:00:00Z", "complainant"), true],
  ["R2.1", "the organisation acknowledges once", [filed()], ev("organisation.acknowledged", "2026-01-11T00:00:00Z", "organisation"), true],
  ["R2.1", "a second acknowledgment is refused", [filed(), ev("organisation.acknowledged", "2026-01-11T00:00:00Z", "organisation")], ev("organisation.acknowledged", "2026-01-12T00:00:00Z", "organisation"), "already_acknowledged"],
  ["R2.1", "the complainant cannot accept before any answer", [filed()], ev("complainant.accepted", "2026-01-12T00:00:00Z", "complainant"), "nothing_to_accept"],
  ["R2.1", "the complainant accepts an answer", answered, ev("complainant.accepted", "2026-01-21T00:00:00Z", "complainant"), true],
  ["R2.2", "escalation to the IRM before day 45 without an answer is refused", [filed()], ev("irm.escalated", "2026-02-24T23:00:00Z", "complainant"), "organisation_deadline_running"],
  ["R2.2", "escalation to the IRM on day 46 without an answer is accepted", [filed()], ev("irm.escalated", "2026-02-25T00:00:00Z", "complainant"), true],
  ["R2.2", "escalation to the IRM after an unsatisfactory answer is accepted at once", answered, ev("irm.escalated", "2026-01-21T00:00:00Z", "complainant"), true],
  ["R2.5", "a non-HR case cannot go to the DPA panel of an organisation with a private IRM", answered, ev("panel.escalated", "2026-01-21T00:00:00Z", "complainant"), "panel_not_competent"],
  ["R2.2", "ineligible needs a recorded reason", atIrm, ev("irm.eligibility_decided", "2026-01-26T00:00:00Z", "irm", { decision: "ineligible" }), "reason_required"],
  ["R2.2", "a dismissal with a reason is accepted", atIrm, ev("irm.eligibility_decided", "2026-01-26T00:00:00Z", "irm", { decision: "dismissed", reason: "Obviously frivolous: no transfer alleged." }), true],
  ["R2.2", "a determination before eligibility is refused", atIrm, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "not_upheld", remedies: [] }), "eligibility_not_decided"],
  ["R2.4", "a determination with remedies is accepted", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "upheld", remedies: [{ id: "r1", kind: "delete", dueAt: at("2026-03-01T00:00:00Z") }] }), true],
  ["R4.3", "a remedy already due is refused", eligible, ev("irm.determined", "2026-01-27T00:00:00Z", "irm", { verdict: "upheld", remedies: [{ id: "r1", kind: "delete", dueAt: at("2026-01-20T00:00:00Z") }] }), "remedy_due_in_past"],
  ["R2.3", "a request to the complainant while one is open is refused", [...eligible, ev("irm.info_requested", "2026-01-27T00:00:00Z", "irm", { from: "complainant" })], ev("irm.info_requested", "2026-01-28T00:00:00Z", "irm", { from: "complainant" }), "request_already_open"],
  ["R2.7", "Commerce cannot conclude before the DPA referred", [filed(), ev("commerce.requested", "2026-01-11T00:00:00Z", "complainant")], ev("commerce.concluded", "2026-01-12T00:00:00Z", "commerce", { outcome: "denied" }), "commerce_not_referred"],
  ["R2.7", "Commerce concludes in its own vocabulary", [filed(), ev("commerce.requested", "2026-01-11T00:00:00Z", "complainant"), ev("commerce.referred", "2026-01-12T00:00:00Z", "dpa_panel")], ev("commerce.concluded", "2026-01-13T00:00:00Z", "commerce", { outcome: "unable_to_resolve" }), true],
  ["R2.7", "an outcome outside Commerce's vocabulary is refused", [filed(), ev("commerce.requested", "2026-01-11T00:00:00Z", "complainant"), ev("commerce.referred", "2026-01-12T00:00:00Z", "dpa_panel")], ev("commerce.concluded", "2026-01-13T00:00:00Z", "commerce", { outcome: "won" as never }), "unknown_outcome"],
  ["R3.1", "arbitration with no pre-condition met is refused", answered, ev("arbitration.invoked", "2026-01-21T00:00:00Z", "complainant"), "arbitration_gate_closed"],
  ["—", "an organisation cannot act for the complainant", [filed()], ev("irm.escalated", "2026-03-01T00:00:00Z", "organisation"), "not_your_action"],
  ["—", "an event dated after now is refused", [filed()], ev("organisation.acknowledged", "2026-03-01T00:00:00Z", "organisation"), "event_in_future"],
  ["—", "an event dated before the last one is refused", answered, ev("organisation.acknowledged", "2026-01-15T00:00:00Z", "organisation"), "event_before_last"],
  ["—", "nothing but enforcement after the case is closed", [filed(), ev("complainant.withdrew", "2026-01-11T00:00:00Z", "complainant")], ev("organisation.responded", "2026-01-12T00:00:00Z", "organisation"), "case_closed"],
  ["R2.1", "the company gives one formal response; what follows is a message", answered, ev("organisation.responded", "2026-01-21T00:00:00Z", "organisation"), "already_responded"],
  ["—", "a case is filed once", [filed()], ev("case.filed", "2026-01-11T00:00:00Z", "complainant"), "already_filed"],
  ["—", "a body closes a case only on its own rung", answered, ev("case.closed", "2026-01-21T00:00:00Z", "irm", { outcome: "x" }), "not_your_rung"],
];

describe("decide: the only gate for events", () => {
  it.each(cases)("%s %s", (_rule, label, events, event, expected) => {
    const over = label.includes("non-participant") ? { certification: undefined } : label.includes("uncovered") ? { subject: subject({ complainantCountry: "US" }) } : {};
    const now = event.at.getTime() > at(NOW).getTime() && expected !== "event_in_future" ? event.at : at(NOW);
    const d = decide(snapshot(facts(events, over), now), event);
    if (expected === true) expect(d).toEqual({ ok: true });
    else expect(d.ok === false && d.reason.code).toBe(expected);
  });

  it("says from when escalation will be possible (R2.2)", () => {
    const d = decide(snapshot(facts([filed()]), at("2026-01-20T00:00:00Z")), ev("irm.escalated", "2026-01-20T00:00:00Z", "complainant"));
    expect(d.ok === false && d.reason.params?.until).toEqual(at("2026-02-25T00:00:00.000Z"));
  });
});

describe("R3.4 arbitrator selection", () => {
  const names = ["Ada", "Ben", "Cleo", "Dov", "Eli"];
  const proposed = [
    ev("arbitration.invoked", "2026-06-01T00:00:00Z", "complainant"),
    ev("arbitration.notice_delivered", "2026-06-02T00:00:00Z", "arbitration"),
    ev("arbitration.arbitrators_proposed", "2026-06-03T00:00:00Z", "arbitration", { names }),
  ];
  const f = (extra: LadderEvent[] = []) => facts([filed(), ...proposed, ...extra]);
  const now = at("2026-06-10T00:00:00Z");
  it.each([
    ["strike two, rank three", { side: "complainant", struck: ["Ada", "Ben"], ranking: ["Eli", "Cleo", "Dov"] }, "complainant", true],
    ["strike three", { side: "complainant", struck: ["Ada", "Ben", "Cleo"], ranking: ["Dov", "Eli"] }, "complainant", "strike_two_rank_three"],
    ["strike a name not on the list", { side: "complainant", struck: ["Ada", "Zed"], ranking: ["Ben", "Cleo", "Dov"] }, "complainant", "strike_two_rank_three"],
    ["strike for the other side", { side: "organisation", struck: ["Ada", "Ben"], ranking: ["Eli", "Cleo", "Dov"] }, "complainant", "not_your_action"],
  ] as const)("%s", (_l, data, by, expected) => {
    const d = decide(snapshot(f(), now), ev("arbitration.strikes_submitted", "2026-06-04T00:00:00Z", by, { ...data, struck: [...data.struck], ranking: [...data.ranking] }));
    if (expected === true) expect(d.ok).toBe(true);
    else expect(d.ok === false && d.reason.code).toBe(expected);
  });
  it.each([
    [["Ada"], true],
    [["Ada", "Ben", "Cleo"], true],
    [["Ada", "Ben"], "one_or_three_from_list"],
    [["Zed"], "one_or_three_from_list"],
  ] as const)("panel of %j", (arbitrators, expected) => {
    const d = decide(snapshot(f(), now), ev("arbitration.panel_constituted", "2026-06-05T00:00:00Z", "arbitration", { arbitrators: [...arbitrators] }));
    if (expected === true) expect(d.ok).toBe(true);
    else expect(d.ok === false && d.reason.code).toBe(expected);
  });
  it("five distinct names are required", () => {
    const d = decide(snapshot(facts([filed(), ...proposed.slice(0, 2)]), now), ev("arbitration.arbitrators_proposed", "2026-06-03T00:00:00Z", "arbitration", { names: ["A", "B", "C", "D", "D"] }));
    expect(d.ok === false && d.reason.code).toBe("five_names_required");
  });
  it.each([
    ["access", true],
    ["correct", true],
    ["delete", true],
    ["return_data", true],
    ["compensation", "non_monetary_relief_only"],
    ["publicity", "non_monetary_relief_only"],
  ] as const)("R3.3 an award of %s", (kind, expected) => {
    const constituted = f([ev("arbitration.panel_constituted", "2026-06-05T00:00:00Z", "arbitration", { arbitrators: ["Ada"] })]);
    const d = decide(snapshot(constituted, now), ev("arbitration.awarded", "2026-06-09T00:00:00Z", "arbitration", { verdict: "upheld", remedies: [{ id: "a1", kind, dueAt: at("2026-07-01T00:00:00Z") }] }));
    if (expected === true) expect(d.ok).toBe(true);
    else expect(d.ok === false && d.reason.code).toBe(expected);
  });
});
