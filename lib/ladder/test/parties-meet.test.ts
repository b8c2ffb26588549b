/**
 * Where two parties or two routes meet: the rules DOMAIN.md v2 corrected, each with its id.
 */
import { snapshot } from "../snapshot";
import { describe, expect, it } from "vitest";
import { arbitrationGate } from "../arbitration-gate";
import { foldCase } from "../case-state";
import { clock, clocks } from "../clocks";
import { referralProposals } from "../enforcement";
import type { LadderEvent } from "../events";
import { nextActions } from "../next-actions";
import { caseView } from "../case-view";
import { caseStatus, DECISION_EVENT, waitingOn } from "../status";
import { anchorRemedies, arbitrationInvocation, monetaryDemands } from "../remedies";
import { calendarDay } from "../calendar";
import { decide } from "../transitions";
import { at, ev, facts, filed, FILED, subject } from "./builders";

const responded = ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation");
const proposed = ev("organisation.resolution_proposed", "2026-01-20T10:00:00Z", "organisation", { remedies: ["delete"] });
const commerce = ev("commerce.requested", "2026-01-12T10:00:00Z", "complainant");
const atIrm = [filed(), responded, ev("irm.escalated", "2026-01-25T10:00:00Z", "complainant")];
const eligible = [...atIrm, ev("irm.eligibility_decided", "2026-01-26T10:00:00Z", "irm", { decision: "eligible" })];
const irmClosed = [...eligible, ev("case.closed", "2026-02-01T10:00:00Z", "irm", { outcome: "Closed after conciliation failed." })];
const hrPanel = [filed(), responded, ev("panel.escalated", "2026-01-21T10:00:00Z", "complainant")];
const hr = { subject: subject({ hrData: true }) };

type Row = [rule: string, label: string, events: LadderEvent[], event: LadderEvent, expected: string | true, over?: Parameters<typeof facts>[1]];

const rows: Row[] = [
  // R2.1: receipt is a dated fact.
  ["R2.1", "nothing climbs before the company received the complaint", [ev("case.filed", FILED, "complainant", { awaitingDelivery: true })], ev("irm.escalated", "2026-03-01T00:00:00Z", "complainant"), "not_yet_received"],
  ["R2.1", "Recourse records the delivery to the published contact", [ev("case.filed", FILED, "complainant", { awaitingDelivery: true })], ev("organisation.received", "2026-01-12T00:00:00Z", "system", { via: "published_contact", receivedAt: at("2026-01-12T00:00:00Z") }), true],
  ["R2.1", "receipt is recorded once", [filed()], ev("organisation.received", "2026-01-12T00:00:00Z", "system", { via: "published_contact", receivedAt: at("2026-01-12T00:00:00Z") }), "already_received"],
  ["R2.1", "a receipt cannot be dated after it is recorded", [ev("case.filed", FILED, "complainant", { awaitingDelivery: true })], ev("organisation.received", "2026-01-12T00:00:00Z", "system", { via: "published_contact", receivedAt: at("2026-01-13T00:00:00Z") }), "event_in_future"],
  // R2.7: the Commerce review runs beside the other routes.
  ["R2.7", "the company still records its response after the Commerce review was asked for", [filed(), commerce], ev("organisation.responded", "2026-01-15T00:00:00Z", "organisation"), true],
  ["R2.7", "the company still asks for information after the Commerce review was asked for", [filed(), commerce], ev("organisation.info_requested", "2026-01-15T00:00:00Z", "organisation"), true],
  ["R2.7", "the complainant can still go to the IRM after asking for the Commerce review", [filed(), commerce, responded], ev("irm.escalated", "2026-01-21T00:00:00Z", "complainant"), true],
  // R2.4: a body closes its rung only.
  ["R2.4", "after the IRM closes its rung, the complainant can still ask for the Commerce review", irmClosed, ev("commerce.requested", "2026-02-02T00:00:00Z", "complainant"), true],
  ["R2.4", "after the IRM closes its rung, it takes no further steps there", irmClosed, ev("irm.determined", "2026-02-02T00:00:00Z", "irm", { verdict: "not_upheld", remedies: [] }), "rung_closed"],
  ["R2.4", "a body closes only a rung the case has reached", [filed(), responded], ev("case.closed", "2026-01-21T00:00:00Z", "irm", { outcome: "x" }), "not_your_rung"],
  ["R2.4", "Commerce closes its own rung while the case is at the company", [filed(), commerce, ev("commerce.referred", "2026-01-13T00:00:00Z", "dpa")], ev("case.closed", "2026-01-14T00:00:00Z", "commerce", { outcome: "Administratively closed" }), true],
  ["R2.4", "a withdrawn case takes no further step", [filed(), ev("complainant.withdrew", "2026-01-11T00:00:00Z", "complainant")], ev("commerce.requested", "2026-01-12T00:00:00Z", "complainant"), "case_closed"],
  // R2.2: the acknowledgment route, per organisation.
  ["R2.2", "no timely acknowledgment opens the IRM where the company's policy says so", [filed()], ev("irm.escalated", "2026-01-17T00:00:00Z", "complainant"), true, { irmOnMissedAcknowledgment: true }],
  ["R2.2", "…from the day after the acknowledgment was due", [filed()], ev("irm.escalated", "2026-01-16T12:00:00Z", "complainant"), "acknowledgment_deadline_running", { irmOnMissedAcknowledgment: true }],
  ["R2.2", "…and not where it does not", [filed()], ev("irm.escalated", "2026-01-17T00:00:00Z", "complainant"), "organisation_deadline_running"],
  ["R2.2", "a timely acknowledgment keeps the 45 days", [filed(), ev("organisation.acknowledged", "2026-01-12T00:00:00Z", "organisation")], ev("irm.escalated", "2026-01-20T00:00:00Z", "complainant"), "organisation_deadline_running", { irmOnMissedAcknowledgment: true }],
  ["R2.2", "a late acknowledgment was still missed", [filed(), ev("organisation.acknowledged", "2026-01-19T00:00:00Z", "organisation")], ev("irm.escalated", "2026-01-20T00:00:00Z", "complainant"), true, { irmOnMissedAcknowledgment: true }],
  // R2.5, R2.6: the DPA panel.
  ["R2.5", "the organisation refers an HR case to the DPA panel itself", [filed()], ev("panel.escalated", "2026-01-12T00:00:00Z", "organisation"), true, hr],
  ["R2.5", "the organisation cannot refer a case the panel is not competent for", [filed()], ev("panel.escalated", "2026-01-12T00:00:00Z", "organisation"), "panel_not_competent"],
  ["R2.6", "no advice the day after the referral, before either side commented", hrPanel, ev("panel.advised", "2026-01-22T10:00:00Z", "dpa_panel", { verdict: "not_upheld", remedies: [] }), "comments_window_open", hr],
  [
    "R2.6",
    "advice once both sides commented",
    [...hrPanel, ev("panel.commented", "2026-01-22T10:00:00Z", "complainant", { from: "complainant" }), ev("panel.commented", "2026-01-23T10:00:00Z", "organisation", { from: "organisation" })],
    ev("panel.advised", "2026-01-24T10:00:00Z", "dpa_panel", { verdict: "not_upheld", remedies: [] }),
    true,
    hr,
  ],
  ["R2.6", "advice once the comment window has passed without comments", hrPanel, ev("panel.advised", "2026-02-05T10:00:00Z", "dpa_panel", { verdict: "not_upheld", remedies: [] }), true, hr],
  ["R2.6", "the panel's 60 days are never recorded as a breach", hrPanel, ev("clock.breached", "2026-03-30T00:00:00Z", "system", { clock: "panel.advice" }), "clock_is_an_aim", hr],
  // R3.6: accepting is not settling.
  ["R3.6", "a settlement needs the company's proposal first", [filed()], ev("complainant.settled", "2026-01-12T00:00:00Z", "complainant", { remedies: [] }), "nothing_to_settle"],
  ["R3.6", "an answer alone is no agreement to settle", [filed(), responded], ev("complainant.settled", "2026-01-21T00:00:00Z", "complainant", { remedies: [] }), "nothing_to_settle"],
  ["R3.6", "a settlement with agreed remedies", [filed(), proposed], ev("complainant.settled", "2026-01-21T00:00:00Z", "complainant", { remedies: [{ id: "s1", kind: "delete", dueAt: at("2026-02-21T00:00:00Z") }] }), true],
];

describe("where parties and routes meet", () => {
  it.each(rows)("%s %s", (_rule, _label, events, event, expected, over) => {
    const now = event.at;
    const d = decide(snapshot(facts(events, over), now), event);
    if (expected === true) expect(d).toEqual({ ok: true });
    else expect(d.ok === false && d.reason.code).toBe(expected);
  });
});

describe("R2.1 the company's question and its answer", () => {
  const asked = [filed(), ev("organisation.info_requested", "2026-01-12T10:00:00Z", "organisation")];
  const answerable = (events: LadderEvent[]) => nextActions(snapshot(facts(events), events.at(-1)!.at), "complainant").some((a) => a.event === "complainant.info_provided");
  it("an open question asks the complainant for an answer", () => {
    expect(foldCase(asked).organisation.infoRequestOpen).toBe(true);
    expect(answerable(asked)).toBe(true);
  });
  it("the case waits on the company, then on the complainant while its question is open, and again once it answered", () => {
    const waiting = (events: LadderEvent[]) => {
      const snap = snapshot(facts(events), events.at(-1)!.at);
      return waitingOn(snap.state, snap.clocks);
    };
    expect(waiting([filed()])).toBe("organisation");
    expect(waiting(asked)).toBe("complainant");
    expect(waiting([...asked, ev("complainant.info_provided", "2026-01-14T10:00:00Z", "complainant", { to: "organisation" })])).toBe("organisation");
    expect(waiting([...asked, ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation")])).toBe("complainant");
  });
  it.each(["organisation.responded", "organisation.resolution_proposed"] as const)("the company's %s closes its own question: nothing is asked of the complainant any more", (type) => {
    const answered = [...asked, ev(type, "2026-01-20T10:00:00Z", "organisation", type === "organisation.resolution_proposed" ? { remedies: [] } : {})];
    expect(foldCase(answered).organisation.infoRequestOpen).toBe(false);
    expect(answerable(answered)).toBe(false);
  });
});

describe("R2.7 the Commerce review beside the company", () => {
  it("keeps the company's rung and its clocks", () => {
    const f = facts([filed(), commerce]);
    expect(foldCase(f.events).rung).toBe("organisation");
    expect(nextActions(snapshot(f, at("2026-01-15T00:00:00Z")), "organisation").find((a) => a.action === "respond")?.allowed).toBe(true);
    expect(clock(f, "organisation.response", at("2026-01-15T00:00:00Z"))?.state).toBe("running");
  });
});

describe("R2.4 closing a rung", () => {
  it("stops that rung's clocks and leaves the later steps to the complainant", () => {
    const now = at("2026-02-02T00:00:00Z");
    const f = facts(irmClosed);
    const state = foldCase(f.events);
    expect(state.closed).toBeNull();
    expect(state.irm?.closed?.outcome).toBe("Closed after conciliation failed.");
    expect(clock(f, "irm.acknowledgment", now)?.state).not.toBe("running");
    expect(nextActions(snapshot(f, now), "complainant").find((a) => a.action === "request_commerce_review")?.allowed).toBe(true);
    // R3.1(b): the individual used the IRM.
    expect(arbitrationGate(snapshot(f, now)).preconditions.find((p) => p.id === "R3.1b")?.met).toBe(true);
  });

  it("an administrator's closing closes the whole case", () => {
    const state = foldCase([...eligible, ev("case.closed", "2026-02-01T10:00:00Z", "administrator", { outcome: "Duplicate" })]);
    expect(state.closed?.outcome).toBe("Duplicate");
  });
});

describe("R2.3 a missed deadline stays missed", () => {
  const missed = [...eligible, ev("irm.info_requested", "2026-03-20T10:00:00Z", "irm", { from: "complainant" })];
  it("an information request after the determination deadline does not move it", () => {
    const f = facts(missed);
    const now = at("2026-03-25T00:00:00Z");
    const determination = clock(f, "irm.determination", now)!;
    expect(determination.state).toBe("missed");
    expect(determination.pausedDays).toBe(0);
    expect(arbitrationGate(snapshot(f, now)).preconditions.find((p) => p.id === "R3.1b")?.detail).toBe("irm_deadline_missed");
  });

  it("a request before the deadline still pauses it", () => {
    const f = facts([...eligible, ev("irm.info_requested", "2026-02-01T10:00:00Z", "irm", { from: "complainant" }), ev("complainant.info_provided", "2026-02-11T10:00:00Z", "complainant", { to: "irm" })]);
    expect(clock(f, "irm.determination", at("2026-02-12T00:00:00Z"))!.pausedDays).toBe(10);
  });

  it("a recorded breach is missed whatever comes after", () => {
    const breached = [...eligible, ev("clock.breached", "2026-03-12T00:00:00Z", "system", { clock: "irm.determination" })];
    const f = facts(breached);
    expect(clock(f, "irm.determination", at("2026-03-13T00:00:00Z"))!.state).toBe("missed");
  });
});

describe("R2.6 the panel's 60 days are an aim", () => {
  it("shows as an aim, not a deadline", () => {
    const c = clocks(facts(hrPanel, hr), at("2026-04-01T00:00:00Z")).find((x) => x.id === "panel.advice")!;
    expect(c.aim).toBe(true);
  });
});

describe("R3.4 struck names", () => {
  const names = ["Ada", "Ben", "Cleo", "Dov", "Eli"];
  const struck = [
    ev("arbitration.invoked", "2026-06-01T00:00:00Z", "complainant"),
    ev("arbitration.notice_delivered", "2026-06-02T00:00:00Z", "arbitration"),
    ev("arbitration.arbitrators_proposed", "2026-06-03T00:00:00Z", "arbitration", { names }),
    ev("arbitration.strikes_submitted", "2026-06-04T00:00:00Z", "complainant", { side: "complainant", struck: ["Ada", "Ben"], ranking: ["Cleo", "Dov", "Eli"] }),
  ];
  it("a name struck by either side cannot be appointed", () => {
    // The gate is not asked again once arbitration is under way; the walk starts from invocation.
    const d = decide(snapshot(facts([filed(), ...struck]), at("2026-06-05T00:00:00Z")), ev("arbitration.panel_constituted", "2026-06-05T00:00:00Z", "arbitration", { arbitrators: ["Ada"] }));
    expect(d.ok === false && d.reason.code).toBe("arbitrator_struck");
    const ok = decide(snapshot(facts([filed(), ...struck]), at("2026-06-05T00:00:00Z")), ev("arbitration.panel_constituted", "2026-06-05T00:00:00Z", "arbitration", { arbitrators: ["Cleo"] }));
    expect(ok).toEqual({ ok: true });
  });
});

describe("R3.3 the Notice may not ask for money", () => {
  it.each([
    ["I ask for damages of 500 € and my costs.", ["damages", "costs"]],
    ["Ich verlange Schadensersatz und die Anwaltsgebühren.", ["damages", "fees"]],
    ["Je demande des dommages-intérêts et le remboursement de mes frais.", ["damages", "costs"]],
    ["Delete my data and stop processing it.", []],
  ])("%s", (notice, expected) => {
    expect(monetaryDemands(notice)).toEqual(expected);
  });

  it("the refused part is kept with the case; the rest goes ahead", () => {
    const data = arbitrationInvocation("Please delete my data. I also want compensation.");
    expect(data).toEqual({ refused: ["damages"] });
    const state = foldCase([filed(), ev("arbitration.invoked", "2026-06-01T00:00:00Z", "complainant", data)]);
    expect(state.arbitration?.refused).toEqual(["damages"]);
  });
});

describe("R3.6 accepting is not settling", () => {
  it("accepting closes the case without barring arbitration as a settlement", () => {
    const state = foldCase([filed(), responded, ev("complainant.accepted", "2026-01-21T00:00:00Z", "complainant")]);
    expect(state.closed?.outcome).toBe("accepted");
    expect(state.bars).not.toContain("settled");
  });

  it("a settlement bars arbitration and tracks its agreed remedies", () => {
    const state = foldCase([filed(), proposed, ev("complainant.settled", "2026-01-21T00:00:00Z", "complainant", { remedies: [{ id: "s1", kind: "delete", dueAt: at("2026-02-21T00:00:00Z") }] })]);
    expect(state.bars).toContain("settled");
    expect(state.remedies).toMatchObject([{ id: "s1", source: "settlement", compliedAt: null }]);
  });
});

describe("R2.7, R2.4 referrals", () => {
  it("Commerce may refer a company that left its referral unresolved", () => {
    const state = foldCase([filed(), commerce, ev("commerce.referred", "2026-01-13T00:00:00Z", "dpa"), ev("commerce.concluded", "2026-03-01T00:00:00Z", "commerce", { outcome: "unable_to_resolve" })]);
    expect(referralProposals(state, at("2026-03-02T00:00:00Z"))).toEqual([{ rule: "R4.1", referrer: "commerce", source: "commerce_review", remedyIds: [] }]);
  });
});

describe("R4.3 a remedy's day ends in the acting party's zone", () => {
  it("a remedy due on 1 March is due at the end of 1 March in New York", () => {
    const data = anchorRemedies({ remedies: [{ id: "r", kind: "delete" as const, dueAt: at("2026-03-01T12:00:00Z") }] }, "America/New_York");
    expect(data.remedies[0]!.dueAt.toISOString()).toBe("2026-03-02T04:59:59.999Z");
    expect(calendarDay(data.remedies[0]!.dueAt, "America/New_York").toISOString().slice(0, 10)).toBe("2026-03-01");
  });
});

describe("where the case stands, for each reader", () => {
  const view = (events: LadderEvent[], party: Parameters<typeof caseView>[1], iso: string, over?: Parameters<typeof facts>[1]) => caseStatus(caseView(facts(events, over), party, at(iso)), party);

  it("while the company's 45 days run, the company must act and nothing is pushed on the complainant", () => {
    const s = view([filed()], "complainant", "2026-01-12T00:00:00Z");
    expect(s).toMatchObject({ where: "with_organisation", next: "organisation_replies", actor: "organisation", you: false, recommended: null });
    expect(view([filed()], "organisation", "2026-01-12T00:00:00Z")).toMatchObject({ you: true, recommended: "respond" });
  });

  it("R2.1: the acknowledgment still to come is told beside the reply's date, to the company and the complainant alike", () => {
    for (const party of ["organisation", "complainant"] as const) expect(view([filed()], party, "2026-01-12T00:00:00Z").acknowledge).not.toBeNull();
    expect(view([filed(), ev("organisation.acknowledged", "2026-01-12T00:00:00Z", "organisation")], "organisation", "2026-01-13T00:00:00Z").acknowledge).toBeNull();
  });

  it("R2.2: a missed acknowledgment is said, where the company's policy opens the IRM", () => {
    expect(view([filed()], "complainant", "2026-01-20T00:00:00Z", { irmOnMissedAcknowledgment: true }).next).toBe("acknowledgment_missed");
    expect(view([filed()], "complainant", "2026-01-20T00:00:00Z").next).toBe("organisation_replies");
  });

  it("R2.2: the company is told of its missed acknowledgment as the complainant is, though the climb is not its own step", () => {
    expect(view([filed()], "organisation", "2026-01-20T00:00:00Z", { irmOnMissedAcknowledgment: true })).toMatchObject({ next: "acknowledgment_missed", you: true });
  });

  it("once the 45 days ran out, climbing to the IRM is the recommended step", () => {
    expect(view([filed()], "complainant", "2026-03-01T00:00:00Z")).toMatchObject({ next: "organisation_overdue", recommended: "escalate_to_irm" });
  });

  it("R2.2: once the 45 days ran out, every reader is told the IRM is open, and only the next rung is named", () => {
    for (const party of ["complainant", "organisation", "administrator"] as const) expect(view([filed()], party, "2026-03-01T00:00:00Z").opens).toEqual(["irm"]);
    expect(view([filed()], "complainant", "2026-01-12T00:00:00Z").opens).toEqual([]);
  });

  it("R2.4, R2.7: after the IRM closes its rung, the later steps are named", () => {
    expect(view(irmClosed, "organisation", "2026-02-02T00:00:00Z").opens).toContain("commerce");
  });

  it("R2.7: the Commerce review is told beside the rung", () => {
    expect(view([filed(), commerce], "complainant", "2026-01-13T00:00:00Z")).toMatchObject({ where: "with_organisation", beside: "commerce_requested" });
  });

  it("a question to the complainant comes first", () => {
    const asked = [filed(), ev("organisation.info_requested", "2026-01-12T00:00:00Z", "organisation")];
    expect(view(asked, "complainant", "2026-01-13T00:00:00Z")).toMatchObject({ next: "you_answer_question", you: true, recommended: "provide_information" });
  });

  it("R2.4: after the IRM closes its rung, the later steps are open", () => {
    expect(view(irmClosed, "complainant", "2026-02-02T00:00:00Z")).toMatchObject({ where: "irm_closed", next: "later_steps_open", recommended: "request_commerce_review" });
  });

  it("R2.4, R2.7: a decision the status tells of is named for a link to it; a plain closing is none", () => {
    const determined = [...eligible, ev("irm.determined", "2026-02-01T10:00:00Z", "irm", { verdict: "not_upheld", remedies: [], findings: "Access refused." })];
    expect(view(determined, "complainant", "2026-02-02T00:00:00Z")).toMatchObject({ where: "irm_decided", decisions: ["irm_determination"] });
    const dismissed = [...atIrm, ev("irm.eligibility_decided", "2026-01-26T10:00:00Z", "irm", { decision: "dismissed", reason: "Frivolous." })];
    expect(view(dismissed, "complainant", "2026-02-02T00:00:00Z")).toMatchObject({ where: "irm_decided", decisions: ["irm_eligibility"] });
    expect(view(irmClosed, "complainant", "2026-02-02T00:00:00Z").decisions).toEqual([]);
    expect(view(eligible, "complainant", "2026-01-27T00:00:00Z").decisions).toEqual([]);
    const concluded = [filed(), commerce, ev("commerce.referred", "2026-01-13T00:00:00Z", "dpa"), ev("commerce.concluded", "2026-01-20T00:00:00Z", "commerce", { outcome: "successfully_closed" })];
    expect(view(concluded, "complainant", "2026-01-21T00:00:00Z")).toMatchObject({ beside: "commerce_concluded", decisions: ["commerce_conclusion"] });
    expect(DECISION_EVENT.irm_determination).toBe("irm.determined");
  });
});

describe("R2.1 the company's clocks run from its receipt", () => {
  it("none before delivery; from delivery after it; from an earlier contact when documented", () => {
    const pending = [ev("case.filed", FILED, "complainant", { awaitingDelivery: true })];
    expect(clocks(facts(pending), at("2026-01-20T00:00:00Z")).filter((c) => c.party === "organisation")).toEqual([]);
    const delivered = [...pending, ev("organisation.received", "2026-01-14T15:00:00Z", "system", { via: "published_contact", receivedAt: at("2026-01-14T15:00:00Z") })];
    expect(clock(facts(delivered), "organisation.response", at("2026-01-20T00:00:00Z"))?.dueAt.toISOString()).toBe("2026-02-28T23:59:59.999Z");
    const earlier = [ev("case.filed", FILED, "complainant", { via: "earlier_contact", receivedAt: at("2025-11-20T00:00:00Z") })];
    expect(clock(facts(earlier), "organisation.response", at("2026-01-11T00:00:00Z"))?.state).toBe("missed");
    expect(foldCase(earlier).organisation.receivedVia).toBe("earlier_contact");
  });

  it("a company that acts has received the complaint", () => {
    const state = foldCase([ev("case.filed", FILED, "complainant", { awaitingDelivery: true }), ev("organisation.acknowledged", "2026-01-13T00:00:00Z", "organisation")]);
    expect(state.organisation).toMatchObject({ receivedVia: "link", receivedAt: at("2026-01-13T00:00:00Z") });
  });

  it("an older case, filed before receipt was recorded, counts from filing", () => {
    expect(foldCase([filed()]).organisation).toMatchObject({ receivedAt: at(FILED), receivedVia: "account" });
  });
});
