/**
 * Where a case stands in the inbox of a body it was handed to, by the place the body holds on it
 * (`handedOverBy`): the one definition the workspace's views and counts read (projected on the
 * case row as `body_views`, one entry per place the case has reached).
 *
 * - remedies: the body ordered remedies (IRM determination, panel advice, arbitration award)
 *   and at least one is not yet carried out (R4.3); it comes first, as the body must refer a
 *   missed one, whether or not the case closed since.
 * - closed: the case closed, or the body's own part ended — its rung closed or decided
 *   (R2.4), Commerce concluded, the national DPA referred the matter to Commerce.
 * - awaiting_complainant / awaiting_company: the body waits for that side — an open
 *   information request of the IRM; for the panel, the side that did not bring the case and
 *   has not commented yet (R2.6: advice only after both sides could comment). A case waiting on
 *   a side is counted here even before its eligibility is decided: nothing is the body's to do.
 * - new: the body has not taken its first step — the IRM has not decided eligibility (nor, so,
 *   acknowledged), the arbitration administrator has not delivered the Notice, the national
 *   DPA has not referred the request to Commerce.
 * - decision_due: the rest: the body's own clock runs (the IRM's determination, the panel's
 *   advice aim, Commerce's review, the arbitration's conclusion), or ran out and is still owed.
 */
import type { CaseState, RemedySource } from "./case-state";
import type { BodyPlace } from "./routing";

export const BODY_INBOX_VIEWS = ["new", "awaiting_company", "awaiting_complainant", "decision_due", "remedies", "closed"] as const;
export type BodyInboxView = (typeof BODY_INBOX_VIEWS)[number];

const REMEDY_SOURCE: Partial<Record<BodyPlace, RemedySource>> = { irm: "irm", dpa_panel: "dpa_panel", arbitration: "arbitration" };

/** The view a case belongs to for a body at `place`, or null where the case never reached that place. */
export function bodyInboxView(s: CaseState, place: BodyPlace): BodyInboxView | null {
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

/** Every place's view of a case, for the projection. */
export function bodyInboxViews(s: CaseState): Partial<Record<BodyPlace, BodyInboxView>> {
  const out: Partial<Record<BodyPlace, BodyInboxView>> = {};
  for (const place of ["irm", "dpa_panel", "dpa", "commerce", "arbitration"] as const) {
    const view = bodyInboxView(s, place);
    if (view) out[place] = view;
  }
  return out;
}
