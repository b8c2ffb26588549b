import { describe, expect, it } from "vitest";
import { bodyInboxEntries, bodyInboxView } from "../body-inbox";
import { clocks } from "../clocks";
import { foldCase } from "../case-state";
import type { LadderEvent } from "../events";
import type { BodyPlace } from "../routing";
import { ev, facts, filed } from "./builders";

const remedy = { id: "r1", kind: "delete" as const, dueAt: new Date("2026-04-01T12:00:00Z") };
/** The case's events after its filing, read at the last of them unless `now` is given. */
const state = (...events: LadderEvent[]) => [filed(), ...events];
const view = (events: LadderEvent[], place: BodyPlace, now = events.at(-1)!.at) => bodyInboxView(facts(events), foldCase(events), place, now);
const entries = (events: LadderEvent[], now = events.at(-1)!.at) => bodyInboxEntries(facts(events), foldCase(events), clocks(facts(events), now), now);
const views = (events: LadderEvent[]) => Object.fromEntries(entries(events).map((e) => [e.place, e.view]));

describe("a body's inbox views", () => {
  it("the IRM: new until it decides eligibility, waiting on an open request, then deciding, then watching its remedies, then closed", () => {
    const up = ev("irm.escalated", "2026-02-01T10:00:00Z", "complainant");
    expect(view(state(), "irm")).toBeNull();
    expect(view(state(up), "irm")).toBe("new");
    expect(view(state(up, ev("irm.acknowledged", "2026-02-02T10:00:00Z", "irm")), "irm")).toBe("new");
    const eligible = ev("irm.eligibility_decided", "2026-02-03T10:00:00Z", "irm", { decision: "eligible" });
    expect(view(state(up, eligible), "irm")).toBe("decision_due");
    expect(view(state(up, eligible, ev("irm.info_requested", "2026-02-04T10:00:00Z", "irm", { from: "complainant" })), "irm")).toBe("awaiting_complainant");
    expect(view(state(up, eligible, ev("irm.info_requested", "2026-02-04T10:00:00Z", "irm", { from: "organisation" })), "irm")).toBe("awaiting_company");
    const determined = ev("irm.determined", "2026-02-10T10:00:00Z", "irm", { remedies: [remedy] });
    expect(view(state(up, eligible, determined), "irm")).toBe("remedies");
    // Remedies still open are watched even once the case closed (R4.3).
    expect(view(state(up, eligible, determined, ev("complainant.withdrew", "2026-02-11T10:00:00Z", "complainant")), "irm")).toBe("remedies");
    expect(view(state(up, eligible, determined, ev("remedy.complied", "2026-02-12T10:00:00Z", "organisation", { remedyId: "r1", evidence: "Done." })), "irm")).toBe("closed");
    expect(view(state(up, ev("irm.eligibility_decided", "2026-02-03T10:00:00Z", "irm", { decision: "ineligible", reason: "No." })), "irm")).toBe("closed");
  });

  it("the DPA panel waits for the side that did not bring the case, then owes its advice (R2.6)", () => {
    const byComplainant = ev("panel.escalated", "2026-02-01T10:00:00Z", "complainant");
    expect(view(state(byComplainant), "dpa_panel")).toBe("awaiting_company");
    expect(view(state(byComplainant, ev("panel.commented", "2026-02-05T10:00:00Z", "organisation", { from: "organisation" })), "dpa_panel")).toBe("decision_due");
    expect(view(state(ev("panel.escalated", "2026-02-01T10:00:00Z", "organisation")), "dpa_panel")).toBe("awaiting_complainant");
    // Once the side's window to comment has passed, the advice is due without a step (R2.6).
    expect(view(state(byComplainant), "dpa_panel", new Date("2026-02-14T10:00:00Z"))).toBe("awaiting_company");
    expect(view(state(byComplainant), "dpa_panel", new Date("2026-02-17T10:00:00Z"))).toBe("decision_due");
    expect(view(state(byComplainant, ev("panel.advised", "2026-03-01T10:00:00Z", "dpa_panel", { remedies: [remedy] })), "dpa_panel")).toBe("remedies");
    expect(view(state(byComplainant, ev("panel.advised", "2026-03-01T10:00:00Z", "dpa_panel", { remedies: [] })), "dpa_panel")).toBe("closed");
  });

  it("the national DPA has a request to refer; Commerce then reviews it; each is closed once its part is done (R2.7)", () => {
    const asked = ev("commerce.requested", "2026-02-01T10:00:00Z", "complainant");
    const referred = ev("commerce.referred", "2026-02-03T10:00:00Z", "dpa");
    expect(views(state(asked))).toEqual({ dpa: "new" });
    expect(views(state(asked, referred))).toEqual({ dpa: "closed", commerce: "decision_due" });
    expect(views(state(asked, referred, ev("commerce.concluded", "2026-03-03T10:00:00Z", "commerce", { outcome: "successfully_closed" })))).toEqual({ dpa: "closed", commerce: "closed" });
  });

  it("the arbitration administrator delivers the Notice, then the panel owes its award (R3.5)", () => {
    const invoked = ev("arbitration.invoked", "2026-02-01T10:00:00Z", "complainant");
    expect(view(state(invoked), "arbitration")).toBe("new");
    expect(view(state(invoked, ev("arbitration.notice_delivered", "2026-02-02T10:00:00Z", "arbitration")), "arbitration")).toBe("decision_due");
  });

  it("stores each place's view with the instant it moves on by itself and the body's own due date (R2.6, R2.3)", () => {
    const byComplainant = ev("panel.escalated", "2026-02-01T10:00:00Z", "complainant");
    const [waiting] = entries(state(byComplainant));
    expect(waiting).toMatchObject({ place: "dpa_panel", view: "awaiting_company" });
    // The window to comment closes with no step: the sweep projects the case again then.
    expect(waiting!.changesAt).toBeInstanceOf(Date);
    expect(entries(state(byComplainant), new Date(waiting!.changesAt!.getTime() - 1))[0]).toMatchObject({ view: "awaiting_company", changesAt: waiting!.changesAt });
    expect(entries(state(byComplainant), new Date(waiting!.changesAt!.getTime() + 1))[0]).toMatchObject({ view: "decision_due", changesAt: null });
    // The panel's own clock (its advice aim) is its due date, not the company's.
    expect(waiting!.dueAt).toBeInstanceOf(Date);

    const up = ev("irm.escalated", "2026-02-01T10:00:00Z", "complainant");
    const eligible = ev("irm.eligibility_decided", "2026-02-03T10:00:00Z", "irm", { decision: "eligible" });
    const deciding = state(up, eligible);
    const [irm] = entries(deciding);
    const determination = clocks(facts(deciding), eligible.at).find((c) => c.id === "irm.determination")!;
    expect(irm).toEqual({ place: "irm", view: "decision_due", changesAt: null, dueAt: determination.dueAt });
    // Overdue, the determination is still the IRM's to give: the same due date, not the next clock.
    const late = new Date(determination.dueAt.getTime() + 86_400_000);
    expect(entries(deciding, late)[0]!.dueAt).toEqual(determination.dueAt);
    // Once determined, nothing is the IRM's to do.
    expect(entries(state(up, eligible, ev("irm.determined", "2026-02-10T10:00:00Z", "irm", { remedies: [] })))[0]).toMatchObject({ view: "closed", dueAt: null });
  });
});
