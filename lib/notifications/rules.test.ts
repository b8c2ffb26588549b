/** Who is told what (issue 7): each event's notices by audience, from the ladder's own state. */
import { describe, expect, it } from "vitest";
import { at, ev, facts, filed } from "@/lib/ladder/test/builders";
import { snapshot, type LadderEvent } from "@/lib/ladder";
import { reminder as reminderNotice } from "./kinds";
import type { Notice } from "./notice";
import { noticesForEvent, referralPromptKey, withdrawsReferralPrompt } from "./rules";

const summary = (notices: Notice[]) =>
  notices.map((n) => `${n.audience.to}${n.audience.to === "body" ? `:${n.audience.rung}` : ""}/${n.kind}${n.mail ? "" : " (bell only)"}`).sort();

const acknowledged = ev("organisation.acknowledged", "2026-01-12T09:00:00Z", "organisation");
const responded = ev("organisation.responded", "2026-01-20T09:00:00Z", "organisation");
const escalated = ev("irm.escalated", "2026-01-21T09:00:00Z", "complainant");

describe("the filing's notices (R2.1)", () => {
  it("the receipt goes to the complainant who filed, with a link that signs them in, and both carry the company's dates", () => {
    const notices = noticesForEvent(facts([]), filed(), at("2026-01-10T12:00:00Z"));
    const receipt = notices.find((n) => n.kind === "filed")!;
    expect(receipt).toMatchObject({ audience: { to: "complainant" }, mail: true, toActor: true, signIn: true });
    expect(receipt.params.due).toMatch(/^2026-02-2\dT/);
    const company = notices.find((n) => n.kind === "new-case")!;
    expect(company.params).toMatchObject({ due: receipt.params.due, ackDue: expect.any(String) });
    expect(company.toActor).toBeUndefined();
  });
});

describe("notices for events", () => {
  it.each<[string, LadderEvent[], LadderEvent, string, string[]]>([
    ["a new complaint: the complainant's receipt and the company's notice", [], filed(), "2026-01-10T12:00:00Z", ["complainant/filed", "organisation/new-case"]],
    ["the company acknowledges: the complainant is told", [filed()], acknowledged, "2026-01-12T09:00:00Z", ["complainant/step"]],
    ["the company answers: the complainant is told, and the IRM rung opens to them", [filed(), acknowledged], responded, "2026-01-20T09:00:00Z", ["complainant/rung-opened", "complainant/step"]],
    ["the complainant escalates: the provider gets the case, the company hears it moved up", [filed(), acknowledged, responded], escalated, "2026-01-21T09:00:00Z", ["body:irm/escalated", "organisation/moved-up"]],
    [
      "the provider determines with remedies: the complainant is told, the company must comply",
      [filed(), acknowledged, responded, escalated, ev("irm.acknowledged", "2026-01-22T09:00:00Z", "irm"), ev("irm.eligibility_decided", "2026-01-23T09:00:00Z", "irm", { decision: "eligible" })],
      ev("irm.determined", "2026-02-10T09:00:00Z", "irm", { remedies: [{ id: "r1", kind: "delete", dueAt: at("2026-03-10T00:00:00Z") }] }),
      "2026-02-10T09:00:00Z",
      ["complainant/step", "organisation/remedies-ordered"],
    ],
    [
      "Commerce concludes it could not resolve the matter: both sides are told, arbitration opens to the complainant (R3.1), and an FTC referral by Commerce is proposed (R2.7)",
      [filed(), acknowledged, responded, escalated, ev("irm.eligibility_decided", "2026-01-23T09:00:00Z", "irm", { decision: "eligible" }), ev("irm.determined", "2026-02-10T09:00:00Z", "irm", { remedies: [] }), ev("commerce.requested", "2026-02-11T09:00:00Z", "complainant"), ev("commerce.referred", "2026-02-12T09:00:00Z", "dpa_panel")],
      ev("commerce.concluded", "2026-03-10T09:00:00Z", "commerce", { outcome: "unable_to_resolve" }),
      "2026-03-10T09:00:00Z",
      ["administrators/referral-proposed", "complainant/rung-opened", "complainant/step", "organisation/step"],
    ],
    [
      "R2.4: the provider refers the company that ignored its determination: Commerce receives the case and is told",
      [
        filed(), acknowledged, responded, escalated,
        ev("irm.eligibility_decided", "2026-01-23T09:00:00Z", "irm", { decision: "eligible" }),
        ev("irm.determined", "2026-02-10T09:00:00Z", "irm", { remedies: [{ id: "r1", kind: "delete", dueAt: at("2026-03-10T00:00:00Z") }] }),
        ev("referral.status_changed", "2026-03-20T09:00:00Z", "irm", { referralId: "F-1", status: "proposed", referrer: "irm" }),
      ],
      ev("referral.status_changed", "2026-03-21T09:00:00Z", "irm", { referralId: "F-1", status: "referred", referrer: "irm" }),
      "2026-03-21T09:00:00Z",
      ["body:commerce/escalated", "complainant/step", "organisation/moved-up"],
    ],
    ["an assignment tells the assignee only", [filed()], ev("case.assigned", "2026-01-11T09:00:00Z", "organisation", { assigneeUserId: "u-1" }), "2026-01-11T09:00:00Z", ["user/assigned"]],
    ["the complainant's information goes to the company", [filed(), ev("organisation.info_requested", "2026-01-11T09:00:00Z", "organisation")], ev("complainant.info_provided", "2026-01-12T09:00:00Z", "complainant", { to: "organisation" }), "2026-01-12T09:00:00Z", ["organisation/step"]],
  ])("%s", (_label, history, event, now, expected) => {
    expect(summary(noticesForEvent(facts(history), event, at(now)))).toEqual(expected);
  });

  it("R2.1: the company's 45 days run out: the company hears of its breach, the complainant in one message that it was missed and that the IRM is open", () => {
    const now = at("2026-02-25T00:05:00Z");
    const notices = noticesForEvent(facts([filed(), acknowledged]), ev("clock.breached", "2026-02-25T00:05:00Z", "system", { clock: "organisation.response" }), now);
    expect(summary(notices)).toEqual(["complainant/missed", "organisation/breach"]);
    expect(notices.find((n) => n.kind === "missed")!.params).toEqual({ clock: "organisation.response", due: "2026-02-24T23:59:59.999Z", zone: "UTC", opens: "irm" });
  });

  it("the states a caller folded already give the same notices as folding anew", () => {
    const history = [filed(), acknowledged];
    const breach = ev("clock.breached", "2026-02-25T00:05:00Z", "system", { clock: "organisation.response" });
    for (const [events, event, now] of [
      [history, breach, at("2026-02-25T00:05:00Z")],
      [history, responded, at("2026-01-20T09:00:00Z")],
      [[...history, responded], escalated, at("2026-01-21T09:00:00Z")],
    ] as const) {
      const folded = { before: snapshot(facts([...events]), now), after: snapshot(facts([...events, event]), now) };
      expect(noticesForEvent(facts([...events]), event, now, folded)).toEqual(noticesForEvent(facts([...events]), event, now));
    }
  });

  it("reminders go to whoever must act on the clock", () => {
    const due = at("2026-02-24T23:59:59.999Z");
    expect(reminderNotice({ kind: "organisation.response", party: "organisation", dueAt: due, zone: "UTC" }, 7)).toMatchObject({ audience: { to: "organisation" }, kind: "reminder", params: { days: 7 } });
    expect(reminderNotice({ kind: "irm.determination", party: "irm", dueAt: due, zone: "UTC" }, 1)).toMatchObject({ audience: { to: "body", rung: "irm" } });
    expect(reminderNotice({ kind: "panel.advice", party: "dpa_panel", dueAt: due, zone: "UTC" }, 1)).toMatchObject({ audience: { to: "body", rung: "dpa_panel" } });
    expect(reminderNotice({ kind: "x", party: "system", dueAt: due, zone: "UTC" }, 1)).toBeNull();
  });
});

describe("R4.1 the administrators' referral prompt", () => {
  const determined = [
    filed(), acknowledged, responded, escalated,
    ev("irm.eligibility_decided", "2026-01-23T09:00:00Z", "irm", { decision: "eligible" }),
    ev("irm.determined", "2026-02-10T09:00:00Z", "irm", { remedies: [{ id: "r1", kind: "delete", dueAt: at("2026-03-10T00:00:00Z") }] }),
  ];
  const now = at("2026-03-20T09:00:00Z");
  const after = (events: LadderEvent[]) => snapshot(facts(events), now).state;

  it("is withdrawn by a referral that leaves nothing to propose, and by nothing else", () => {
    const referral = ev("referral.status_changed", "2026-03-20T09:00:00Z", "irm", { referralId: "F-1", status: "proposed", referrer: "irm" });
    expect(withdrawsReferralPrompt(referral, after([...determined, referral]), now)).toBe(true);
    // Before the referral the ladder still proposes one: a step that is not a referral withdraws nothing.
    const note = ev("case.assigned", "2026-03-20T09:00:00Z", "organisation", { assigneeUserId: null });
    expect(withdrawsReferralPrompt(note, after(determined), now)).toBe(false);
  });

  it("has one key per case, whatever raised it", () => {
    expect(referralPromptKey("c-1")).toBe(referralPromptKey("c-1"));
    expect(referralPromptKey("c-1")).not.toBe(referralPromptKey("c-2"));
  });
});
