import { describe, expect, it } from "vitest";
import { snapshot } from "../snapshot";
import { arbitrationGate } from "../arbitration-gate";
import { decide } from "../transitions";
import type { LadderEvent } from "../events";
import { at, ev, facts, filed, subject } from "./builders";

const walked: LadderEvent[] = [
  filed(),
  ev("organisation.responded", "2026-01-20T10:00:00Z", "organisation"),
  ev("irm.escalated", "2026-01-25T10:00:00Z", "complainant"),
  ev("irm.eligibility_decided", "2026-01-26T10:00:00Z", "irm", { decision: "eligible" }),
  ev("irm.determined", "2026-02-20T10:00:00Z", "irm", { remedies: [] }),
  ev("commerce.requested", "2026-02-21T10:00:00Z", "complainant"),
  ev("commerce.referred", "2026-02-22T10:00:00Z", "dpa_panel"),
  ev("commerce.concluded", "2026-03-20T10:00:00Z", "commerce", { outcome: "unable_to_resolve" }),
];
const NOW = at("2026-04-01T00:00:00Z");
const status = (events: LadderEvent[], now = NOW, over = {}) => {
  const g = arbitrationGate(snapshot(facts(events, over), now));
  return { open: g.open, pre: Object.fromEntries(g.preconditions.map((p) => [p.id, p.met])), bars: g.bars.filter((b) => b.barred).map((b) => b.id) };
};

describe("R3.1 pre-conditions", () => {
  it("all three met: the gate is open", () => {
    expect(status(walked)).toEqual({ open: true, pre: { "R3.1a": true, "R3.1b": true, "R3.1c": true }, bars: [] });
  });
  it("(a) the organisation's 45 days running and no answer", () => {
    expect(status([filed()], at("2026-02-01T00:00:00Z")).pre["R3.1a"]).toBe(false);
    expect(status([filed()], at("2026-02-25T00:00:00Z")).pre["R3.1a"]).toBe(true);
  });
  it("(b) the IRM not used", () => {
    expect(status([...walked.slice(0, 2), ...walked.slice(5)]).pre["R3.1b"]).toBe(false);
  });
  it("(b) the IRM escalated but still deciding, then its time passed", () => {
    const deciding = walked.slice(0, 4);
    expect(status(deciding, at("2026-02-10T00:00:00Z")).pre["R3.1b"]).toBe(false);
    expect(status(deciding, at("2026-03-12T00:00:00Z")).pre["R3.1b"]).toBe(true);
  });
  it("(c) Commerce not asked, asked but not referred, referred and within its window, window passed", () => {
    const upToIrm = walked.slice(0, 5);
    expect(status(upToIrm).pre["R3.1c"]).toBe(false);
    expect(status(walked.slice(0, 6)).pre["R3.1c"]).toBe(false);
    expect(status(walked.slice(0, 7), at("2026-03-01T00:00:00Z")).pre["R3.1c"]).toBe(false);
    expect(status(walked.slice(0, 7), at("2026-05-24T00:00:00Z")).pre["R3.1c"]).toBe(true);
  });
  it("details say when a condition will be met", () => {
    const g = arbitrationGate(snapshot(facts([filed()]), at("2026-01-11T00:00:00Z")));
    expect(g.preconditions[0]).toMatchObject({ detail: "organisation_deadline_running", from: at("2026-02-24T23:59:59.999Z") });
  });
});

describe("R3.2 bars", () => {
  it.each([
    ["court_judgment", "R3.2-court-judgment"],
    ["settled", "R3.2-settled"],
    ["already_arbitrated", "R3.2-already-arbitrated"],
  ] as const)("a recorded %s bars arbitration", (bar, id) => {
    expect(status([...walked, ev("case.bar_recorded", "2026-03-25T00:00:00Z", "administrator", { bar })])).toMatchObject({ open: false, bars: [id] });
  });
  it("a conciliation is a settlement", () => {
    const conciliated = [...walked.slice(0, 4), ev("irm.conciliated", "2026-02-20T10:00:00Z", "irm"), ...walked.slice(5)];
    expect(status(conciliated).bars).toEqual(["R3.2-settled"]);
  });
  it("HR data: a DPA has authority", () => {
    expect(status(walked, NOW, { subject: subject({ hrData: true }) }).bars).toContain("R3.2-dpa-authority");
  });
  it("an organisation that chose the DPAs as its IRM", () => {
    expect(status(walked, NOW, { certification: { framework: "eu-us-ps", status: "active", retainsFrameworkData: true, irm: { kind: "dpa" }, coversHrData: true } }).bars).toContain("R3.2-dpa-authority");
  });
  it("an award already made closes the gate", () => {
    const arbitrated = [...walked, ev("arbitration.invoked", "2026-03-25T00:00:00Z", "complainant")];
    expect(status(arbitrated).open).toBe(false);
  });
});

describe("R3.3 remedies arbitration may grant", () => {
  it("non-monetary, individual relief only; the list is illustrative, so stopping the processing qualifies", () => {
    const { remedies } = arbitrationGate(snapshot(facts(walked), NOW));
    expect(remedies.allowed.sort()).toEqual(["access", "correct", "delete", "return_data", "reverse_effects", "stop_processing"]);
    expect(remedies.forbidden).toContainEqual({ kind: "compensation", reason: "monetary" });
  });
});

describe("R3.1 invoking arbitration is decided by the gate the complainant is shown", () => {
  it("the step is accepted exactly when the gate is open, at every step of the walk, before and after each window", () => {
    const answers: boolean[] = [];
    for (let n = 1; n <= walked.length; n++) {
      for (const now of ["2026-02-01T00:00:00Z", "2026-03-12T00:00:00Z", "2026-04-01T00:00:00Z", "2026-06-01T00:00:00Z"]) {
        const events = walked.slice(0, n).filter((e) => e.at.getTime() <= at(now).getTime());
        const snap = snapshot(facts(events), at(now));
        const invoked = decide(snap, ev("arbitration.invoked", now, "complainant", {}));
        expect(invoked.ok, `${n} events at ${now}`).toBe(arbitrationGate(snap).open);
        answers.push(invoked.ok);
      }
    }
    // Both answers occur, so the agreement above is not only on closed gates.
    expect(new Set(answers)).toEqual(new Set([true, false]));
  });
});
