/**
 * R3.1, R3.2, R3.3 — whether binding arbitration may be invoked, condition by condition.
 */
import { arbitrationRemedies, type ForbiddenRemedy, type RemedyKind } from "./remedies";
import { clockIn, type CaseSnapshot } from "./snapshot";

export type PreconditionId = "R3.1a" | "R3.1b" | "R3.1c";
export interface Precondition {
  id: PreconditionId;
  met: boolean;
  /** A code the UI explains, and the date from which it will be met where that is known. */
  detail: "organisation_answered" | "organisation_deadline_passed" | "organisation_deadline_running" | "irm_concluded" | "irm_deadline_missed" | "irm_not_used" | "irm_running" | "commerce_concluded" | "commerce_window_passed" | "commerce_not_requested" | "commerce_not_referred" | "commerce_running";
  from?: Date;
}

export type BarId = "R3.2-already-arbitrated" | "R3.2-court-judgment" | "R3.2-settled" | "R3.2-dpa-authority" | "R1.2-not-participant";
export interface Bar {
  id: BarId;
  barred: boolean;
}

export interface ArbitrationGate {
  open: boolean;
  /** What to tell the individual: open now, already under way, barred for good, or not yet. */
  status: "open" | "under_way" | "barred" | "not_yet";
  preconditions: Precondition[];
  bars: Bar[];
  remedies: { allowed: RemedyKind[]; forbidden: ForbiddenRemedy[] };
}

export function arbitrationGate(snap: CaseSnapshot): ArbitrationGate {
  const { state, route: r } = snap;
  const t = snap.now.getTime();

  // (a) raised with the organisation, which had its 45 days: it answered, or they ran out.
  const response = clockIn(snap, "organisation.response");
  const a: Precondition = state.organisation.respondedAt
    ? { id: "R3.1a", met: true, detail: "organisation_answered" }
    : !response
      ? { id: "R3.1a", met: false, detail: "organisation_deadline_running" }
    : response && t > response.dueAt.getTime()
      ? { id: "R3.1a", met: true, detail: "organisation_deadline_passed" }
      : { id: "R3.1a", met: false, detail: "organisation_deadline_running", from: response?.dueAt };

  // (b) used the independent recourse mechanism: it reached an outcome or let its time pass.
  const determination = clockIn(snap, "irm.determination");
  const usedBody = state.irm ?? null;
  const b: Precondition = !usedBody
    ? { id: "R3.1b", met: false, detail: "irm_not_used" }
    : usedBody.outcome
      ? { id: "R3.1b", met: true, detail: "irm_concluded" }
      : determination && determination.state === "missed"
        ? { id: "R3.1b", met: true, detail: "irm_deadline_missed" }
        : { id: "R3.1b", met: false, detail: "irm_running", from: determination?.dueAt };

  // (c) raised through the DPA with Commerce, which had its window.
  const review = clockIn(snap, "commerce.review");
  const c: Precondition = !state.commerce
    ? { id: "R3.1c", met: false, detail: "commerce_not_requested" }
    : !state.commerce.referredAt
      ? { id: "R3.1c", met: false, detail: "commerce_not_referred" }
      : state.commerce.outcome
        ? { id: "R3.1c", met: true, detail: "commerce_concluded" }
        : review && t > review.dueAt.getTime()
          ? { id: "R3.1c", met: true, detail: "commerce_window_passed" }
          : { id: "R3.1c", met: false, detail: "commerce_running", from: review?.dueAt };

  const bars: Bar[] = [
    { id: "R1.2-not-participant", barred: !r.applies },
    { id: "R3.2-already-arbitrated", barred: state.bars.includes("already_arbitrated") },
    { id: "R3.2-court-judgment", barred: state.bars.includes("court_judgment") },
    { id: "R3.2-settled", barred: state.bars.includes("settled") },
    { id: "R3.2-dpa-authority", barred: r.applies && r.dpaAuthority },
  ];
  const preconditions = [a, b, c];
  const open = !state.closed && !state.arbitration && preconditions.every((p) => p.met) && bars.every((x) => !x.barred);
  const status = state.arbitration ? "under_way" : bars.some((x) => x.barred) || state.closed ? "barred" : open ? "open" : "not_yet";
  return { open, status, preconditions, bars, remedies: arbitrationRemedies() };
}
