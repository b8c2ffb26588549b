/**
 * Where a case stands in the inbox of a body it was handed to, by the place the body holds on it
 * (`handedOverBy`): the one definition the workspace's views and counts read (projected on each
 * hand-over row, `case_bodies`, with the body's own due date and the instant the view moves on).
 *
 * - remedies: the body ordered remedies (IRM determination, panel advice, arbitration award)
 *   and at least one is not yet carried out (R4.3); it comes first, as the body must refer a
 *   missed one, whether or not the case closed since.
 * - closed: the case closed, or the body's own part ended — its rung closed or decided
 *   (R2.4), Commerce concluded, the national DPA referred the matter to Commerce.
 * - awaiting_complainant / awaiting_company: the body waits for that side — an open
 *   information request of the IRM; for the panel, the side that did not bring the case and
 *   has not commented yet, while its window to comment is open (R2.6: advice only after both
 *   sides could comment); when the window closes the case is the panel's to advise on, with no
 *   step taken, so the projection stores that instant and the sweep projects the case again then. A case waiting on
 *   a side is counted here even before its eligibility is decided: nothing is the body's to do.
 * - new: the body has not taken its first step — the IRM has not decided eligibility (nor, so,
 *   acknowledged), the arbitration administrator has not delivered the Notice, the national
 *   DPA has not referred the request to Commerce.
 * - decision_due: the rest: the body's own clock runs (the IRM's determination, the panel's
 *   advice aim, Commerce's review, the arbitration's conclusion), or ran out and is still owed.
 */
import type { CaseState, RemedySource } from "./case-state";
import { nextDeadline, owedDeadline, type Clock } from "./clocks";
import type { CaseFacts } from "./facts";
import type { BodyPlace } from "./routing";
import { panelCommentWindowEnd } from "./transitions";

export const BODY_INBOX_VIEWS = ["new", "awaiting_company", "awaiting_complainant", "decision_due", "remedies", "closed"] as const;
export type BodyInboxView = (typeof BODY_INBOX_VIEWS)[number];

const REMEDY_SOURCE: Partial<Record<BodyPlace, RemedySource>> = { irm: "irm", dpa_panel: "dpa_panel", arbitration: "arbitration" };

/** A case's place in a body's inbox: its view, and the view it takes at `until` if no step comes first. */
export interface BodyInboxPlace {
  view: BodyInboxView;
  until?: Date;
  then?: BodyInboxView;
}

/** The view a case belongs to for a body at `place` at `now`, or null where the case never reached that place. */
export function bodyInboxView(facts: CaseFacts, s: CaseState, place: BodyPlace, now: Date): BodyInboxView | null {
  const at = bodyInboxPlace(facts, s, place);
  return at ? viewAt(at, now) : null;
}

/** Whether a place's view has moved on by itself at `now`. */
const movedOn = (at: BodyInboxPlace, now: Date) => !!at.until && !!at.then && now.getTime() > at.until.getTime();
const viewAt = (at: BodyInboxPlace, now: Date): BodyInboxView => (movedOn(at, now) ? at.then! : at.view);

/** Where a case stands for a body at `place`, from its state alone, with the instant it moves without a step. */
export function bodyInboxPlace(facts: CaseFacts, s: CaseState, place: BodyPlace): BodyInboxPlace | null {
  const view = placeView(s, place);
  if (!view) return null;
  if (place === "dpa_panel" && s.panel && (view === "awaiting_company" || view === "awaiting_complainant")) return { view, until: panelCommentWindowEnd(facts, s.panel), then: "decision_due" };
  return { view };
}

function placeView(s: CaseState, place: BodyPlace): BodyInboxView | null {
  const source = REMEDY_SOURCE[place];
  if (source && s.remedies.some((r) => r.source === source && !r.compliedAt)) return "remedies";
  switch (place) {
    case "irm": {
      if (!s.irm) return null;
      if (s.closed || s.irm.closed || s.irm.outcome) return "closed";
      if (s.irm.openRequests.includes("complainant")) return "awaiting_complainant";
      if (s.irm.openRequests.includes("organisation")) return "awaiting_company";
      return s.irm.eligibility ? "decision_due" : "new";
    }
    case "dpa_panel": {
      if (!s.panel) return null;
      if (s.closed || s.panel.closed || s.panel.advisedAt) return "closed";
      const other = s.panel.by === "organisation" ? "complainant" : "organisation";
      if (!s.panel.comments.some((c) => c.from === other)) return other === "organisation" ? "awaiting_company" : "awaiting_complainant";
      return "decision_due";
    }
    case "dpa":
      if (!s.commerce) return null;
      return s.closed || s.commerce.referredAt || s.commerce.closed ? "closed" : "new";
    case "commerce":
      // An IRM's referral of a company that did not comply also reaches Commerce (R2.4).
      if (!s.commerce?.referredAt) return s.referrals.some((r) => r.referrer === "irm") ? (s.remedies.some((r) => !r.compliedAt) ? "remedies" : "closed") : null;
      return s.closed || s.commerce.outcome || s.commerce.closed ? "closed" : "decision_due";
    case "arbitration": {
      if (!s.arbitration) return null;
      if (s.closed || s.arbitration.closed || s.arbitration.awardedAt) return "closed";
      return s.arbitration.noticeDeliveredAt ? "decision_due" : "new";
    }
  }
}

/** What a body's inbox shows of a case at one place: its view now, when that changes with no step, and the body's own due date. */
export interface BodyInboxEntry {
  place: BodyPlace;
  view: BodyInboxView;
  /** The instant the view moves on by itself (a panel's window to comment closing), if still ahead. */
  changesAt: Date | null;
  /** The body's own step: the ladder's owed deadline when it is the body's (an overdue step stays owed), else its earliest clock still running. */
  dueAt: Date | null;
}

/** Every place the case reached, as the projection stores it at `now`. */
export function bodyInboxEntries(facts: CaseFacts, s: CaseState, all: readonly Clock[], now: Date): BodyInboxEntry[] {
  const owed = s.closed ? undefined : owedDeadline(all, s);
  return (["irm", "dpa_panel", "dpa", "commerce", "arbitration"] as const).flatMap((place) => {
    const at = bodyInboxPlace(facts, s, place);
    if (!at) return [];
    const dueAt = owed?.party === place ? owed.dueAt : (nextDeadline(all, place)?.dueAt ?? null);
    return [{ place, view: viewAt(at, now), changesAt: at.until && !movedOn(at, now) ? at.until : null, dueAt }];
  });
}
