/**
 * Where a case stands, told to one party: where it is, what happens next, who acts and by
 * when, and the one step the ladder recommends to this party now. Computed from the case view
 * alone, so the sentence a page shows can never disagree with the rules.
 */
import type { CaseState } from "./case-state";
import type { CaseView } from "./case-view";
import type { Clock } from "./clocks";
import type { EventType, Party, ReceiptVia, Verdict } from "./events";
import { CLIMBS, type ActionId, type ClimbRung } from "./next-actions";
import type { RemedyKind } from "./remedies";

/** Where the case is, as one plain sentence's key. */
export type StatusWhere =
  | "being_delivered"
  | "with_organisation"
  | "organisation_answered"
  | "with_irm"
  | "irm_decided"
  | "irm_closed"
  | "with_panel"
  | "panel_advised"
  | "panel_closed"
  | "with_arbitration"
  | "arbitration_awarded"
  | "arbitration_closed"
  | "closed_accepted"
  | "closed_settled"
  | "closed_withdrawn"
  | "closed";

/** What happens next, as one sentence's key. */
export type StatusNext =
  | "delivery_pending"
  | "you_answer_question"
  | "organisation_replies"
  | "acknowledgment_missed"
  | "organisation_overdue"
  | "review_answer"
  | "irm_reviews"
  | "irm_overdue"
  | "panel_hears_sides"
  | "organisation_complies"
  | "arbitration_runs"
  | "remedies_watched"
  | "later_steps_open"
  | "nothing_more";

/** A body's recorded decision that the status tells of, as one link's key (R2.4, R2.6, R2.7, R3.5). */
export type StatusDecision = "irm_determination" | "irm_eligibility" | "irm_conciliation" | "panel_advice" | "arbitration_award" | "commerce_conclusion";

/** The event that records each decision: the case page links to its entry, where the decision can be read. */
export const DECISION_EVENT: Record<StatusDecision, EventType> = {
  irm_determination: "irm.determined",
  irm_eligibility: "irm.eligibility_decided",
  irm_conciliation: "irm.conciliated",
  panel_advice: "panel.advised",
  arbitration_award: "arbitration.awarded",
  commerce_conclusion: "commerce.concluded",
};

/** R2.4: how an IRM ended its rung with a decision of its own; a plain closing is none. */
const IRM_DECISION: Partial<Record<NonNullable<NonNullable<CaseState["irm"]>["outcome"]>["kind"], StatusDecision>> = {
  determined: "irm_determination",
  ineligible: "irm_eligibility",
  dismissed: "irm_eligibility",
  conciliated: "irm_conciliation",
};

/** A rung the complainant may now take, named where the rung below missed its time or ended. */
export type StatusOpens = ClimbRung;

/** The decisions that uphold a complaint or not (R2.4, R2.6, R3.3). */
export type VerdictDecision = Extract<StatusDecision, "irm_determination" | "panel_advice" | "arbitration_award">;

/** How a decision the status tells of went, for its outcome sentence: the verdict and what it ordered. */
export interface StatusVerdict {
  decision: VerdictDecision;
  verdict: Verdict;
  /** The kinds of remedy it ordered, each once, in the order given. */
  remedies: RemedyKind[];
}

/** The route beside the main ladder (R2.7). */
export type StatusBeside = "commerce_requested" | "commerce_reviewing" | "commerce_concluded" | null;

export interface CaseStatus {
  where: StatusWhere;
  next: StatusNext;
  beside: StatusBeside;
  /** Who must act next, if anyone; `you` when that is the reader. */
  actor: Party | null;
  you: boolean;
  /** The clock that governs the next step, if there is one. */
  due: Pick<Clock, "dueAt" | "zone" | "state" | "aim"> | null;
  /** The single step recommended to the reader now, if any; every other allowed step is secondary. */
  recommended: ActionId | null;
  /** R2.1, R2.3: the acting rung's acknowledgment, while it is still to come and earlier than the decision's date. */
  acknowledge: Pick<Clock, "dueAt" | "zone"> | null;
  /** R2.1: from when, and how, the organisation's 45 days count — while they matter. */
  receipt: { at: Date; via: ReceiptVia; zone: string } | null;
  /**
   * The rungs open to the complainant once the one below missed its time or ended: the next rung
   * of the ladder where there is one, otherwise every later step; empty while a clock runs.
   */
  opens: StatusOpens[];
  /** The decisions the sentences tell of (where the case is, and the route beside it), each for a link to where it is recorded. */
  decisions: StatusDecision[];
  /** The verdict of the decision where the case is, when it is one that upholds a complaint or not. */
  verdict: StatusVerdict | null;
}

/** Steps the ladder recommends, most urgent first; only allowed ones are chosen. */
const RECOMMENDATION_ORDER: ActionId[] = [
  "provide_information",
  "respond",
  "acknowledge",
  "decide_eligibility",
  "issue_determination",
  "comment_to_panel",
  "issue_advice",
  "refer_to_commerce",
  "conclude_review",
  "deliver_notice",
  "propose_arbitrators",
  "submit_strikes",
  "constitute_panel",
  "schedule_hearing",
  "issue_award",
  "record_compliance",
  "invoke_arbitration",
];

const pick = (clock: Clock | undefined): CaseStatus["due"] => (clock ? { dueAt: clock.dueAt, zone: clock.zone, state: clock.state, aim: clock.aim } : null);

/**
 * `climbs`: the climbs the complainant may take now (the case view's), so that every reader is
 * told the same rung opened; without them no rung is named.
 */
export function caseStatus(view: { state: CaseState; clocks: readonly Clock[]; actions: CaseView["actions"]; climbs?: readonly ActionId[] }, party: Party): CaseStatus {
  const s = view.state;
  const byId = (id: string) => view.clocks.find((c) => c.id === id);
  const beside: StatusBeside = !s.commerce ? null : s.commerce.outcome || s.commerce.closed ? "commerce_concluded" : s.commerce.referredAt ? "commerce_reviewing" : "commerce_requested";
  const openRemedies = s.remedies.filter((r) => !r.compliedAt);
  const nextRemedy = openRemedies.length ? byId(`remedy:${[...openRemedies].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0]!.id}`) : undefined;

  let where: StatusWhere;
  let next: StatusNext;
  let actor: Party | null = null;
  let due: CaseStatus["due"] = null;

  if (s.closed) {
    where = s.closed.outcome === "accepted" ? "closed_accepted" : s.closed.outcome === "settled" ? "closed_settled" : s.closed.outcome === "withdrawn" ? "closed_withdrawn" : "closed";
    next = openRemedies.length ? "remedies_watched" : "nothing_more";
    if (openRemedies.length) [actor, due] = ["organisation", pick(nextRemedy)];
  } else if (s.arbitration) {
    const awarded = !!s.arbitration.awardedAt;
    where = s.arbitration.closed ? "arbitration_closed" : awarded ? "arbitration_awarded" : "with_arbitration";
    if (openRemedies.length) [next, actor, due] = ["remedies_watched", "organisation", pick(nextRemedy)];
    else if (!awarded && !s.arbitration.closed) [next, actor, due] = ["arbitration_runs", "arbitration", pick(byId("arbitration.conclusion"))];
    else next = "nothing_more";
  } else if (s.panel) {
    where = s.panel.closed ? "panel_closed" : s.panel.advisedAt ? "panel_advised" : "with_panel";
    if (openRemedies.length) [next, actor, due] = ["organisation_complies", "organisation", pick(nextRemedy)];
    else if (!s.panel.advisedAt && !s.panel.closed) [next, actor, due] = ["panel_hears_sides", "dpa_panel", pick(byId("panel.advice"))];
    else next = "later_steps_open";
  } else if (s.irm) {
    const open = !s.irm.outcome && !s.irm.closed;
    where = s.irm.closed ? "irm_closed" : s.irm.outcome ? "irm_decided" : "with_irm";
    if (open && s.irm.openRequests.includes("complainant")) [next, actor] = ["you_answer_question", "complainant"];
    else if (open) {
      const determination = byId("irm.determination");
      [next, actor, due] = [determination?.state === "missed" ? "irm_overdue" : "irm_reviews", "irm", pick(determination)];
    } else if (openRemedies.length) [next, actor, due] = ["remedies_watched", "organisation", pick(nextRemedy)];
    else next = "later_steps_open";
  } else if (!s.organisation.receivedAt) {
    // R2.1: delivered to the published contact, not yet received.
    [where, next, actor] = ["being_delivered", "delivery_pending", "system"];
  } else {
    where = s.organisation.respondedAt ? "organisation_answered" : "with_organisation";
    // R2.1: a question does not pause the company's 45 days; its date stays in view.
    if (s.organisation.infoRequestOpen) [next, actor, due] = ["you_answer_question", "complainant", pick(byId("organisation.response"))];
    else if (s.organisation.respondedAt) [next, actor] = ["review_answer", "complainant"];
    else {
      const response = byId("organisation.response");
      // R2.2: where the company's policy allows it, a missed acknowledgment already opens its IRM.
      const irmOpen = !!view.climbs?.includes("escalate_to_irm");
      const ackMissed = byId("organisation.acknowledgment")?.state === "missed" && irmOpen;
      [next, actor, due] = [response?.state === "missed" ? "organisation_overdue" : ackMissed ? "acknowledgment_missed" : "organisation_replies", "organisation", pick(response)];
    }
  }

  const ackClock = next === "organisation_replies" ? byId("organisation.acknowledgment") : next === "irm_reviews" ? byId("irm.acknowledgment") : undefined;
  const acknowledge = ackClock?.state === "running" ? { dueAt: ackClock.dueAt, zone: ackClock.zone } : null;
  const allowed = view.actions.filter((a) => a.allowed).map((a) => a.action);
  let recommended = RECOMMENDATION_ORDER.find((a) => allowed.includes(a)) ?? null;
  // A climb is the recommended step once the rung below missed its time or ended; while a body's
  // clock runs, or after an answer the complainant is weighing, nothing is pushed.
  const climbTime = next === "organisation_overdue" || next === "irm_overdue" || next === "later_steps_open";
  // Climbing is recommended only once the rung below has had its turn; arbitration never is.
  if (!recommended && party === "complainant" && climbTime) recommended = CLIMBS.find((c) => c.action !== "invoke_arbitration" && allowed.includes(c.action))?.action ?? null;
  const climbs = CLIMBS.filter((c) => view.climbs?.includes(c.action));
  const nextRung = climbs.filter((c) => c.rung === "irm" || c.rung === "dpa_panel");
  // Also while the complainant weighs the company's answer: told, not pushed.
  const opens = climbTime || next === "review_answer" ? (nextRung.length ? nextRung : climbs).map((c) => c.rung) : [];
  if (party === "organisation" && recommended === "invoke_arbitration") recommended = null;
  const org = byId("organisation.response");
  // Only while the company's 45 days run: once it answered, they no longer count.
  const receipt = s.organisation.receivedAt && s.organisation.receivedVia && !s.organisation.respondedAt && !s.irm && !s.panel && !s.arbitration && !s.closed ? { at: s.organisation.receivedAt, via: s.organisation.receivedVia, zone: org?.zone ?? "UTC" } : null;
  const decisions: StatusDecision[] = [];
  const irmDecision = where === "irm_decided" && s.irm?.outcome ? IRM_DECISION[s.irm.outcome.kind] : undefined;
  if (irmDecision) decisions.push(irmDecision);
  if (where === "panel_advised") decisions.push("panel_advice");
  if (where === "arbitration_awarded") decisions.push("arbitration_award");
  if (beside === "commerce_concluded" && s.commerce?.outcome) decisions.push("commerce_conclusion");
  return { where, next, beside, actor, you: actor === party, due, recommended, acknowledge, receipt, opens, decisions, verdict: verdictIn(s, decisions) };
}

/** Each decision with a verdict: where the state keeps the verdict, and the source of its remedies. */
const VERDICT_SOURCES: Record<VerdictDecision, { verdict: (s: CaseState) => Verdict | null | undefined; source: CaseState["remedies"][number]["source"] }> = {
  irm_determination: { verdict: (s) => s.irm?.verdict, source: "irm" },
  panel_advice: { verdict: (s) => s.panel?.verdict, source: "dpa_panel" },
  arbitration_award: { verdict: (s) => s.arbitration?.verdict, source: "arbitration" },
};

function verdictIn(s: CaseState, decisions: readonly StatusDecision[]): StatusVerdict | null {
  const decision = decisions.find((d): d is VerdictDecision => d in VERDICT_SOURCES);
  const verdict = decision && VERDICT_SOURCES[decision].verdict(s);
  if (!decision || !verdict) return null;
  const remedies = [...new Set(s.remedies.filter((r) => r.source === VERDICT_SOURCES[decision].source).map((r) => r.kind))];
  return { decision, verdict, remedies };
}

/**
 * Who the case waits on now, whoever reads it: the status's actor (no party's allowed steps
 * change who acts), projected on the case row for the company's "waiting on the complainant".
 */
export function waitingOn(state: CaseState, clocks: readonly Clock[]): Party | null {
  return caseStatus({ state, clocks, actions: [] }, "organisation").actor;
}

/** Every key the status can produce, for the message catalogue's completeness test. */
export const STATUS_KEYS = {
  where: [
    "being_delivered", "with_organisation", "organisation_answered", "with_irm", "irm_decided", "irm_closed", "with_panel", "panel_advised", "panel_closed",
    "with_arbitration", "arbitration_awarded", "arbitration_closed", "closed_accepted", "closed_settled", "closed_withdrawn", "closed",
  ] satisfies StatusWhere[],
  next: [
    "delivery_pending", "you_answer_question", "organisation_replies", "acknowledgment_missed", "organisation_overdue", "review_answer", "irm_reviews", "irm_overdue", "panel_hears_sides",
    "organisation_complies", "arbitration_runs", "remedies_watched", "later_steps_open", "nothing_more",
  ] satisfies StatusNext[],
  beside: ["commerce_requested", "commerce_reviewing", "commerce_concluded"] satisfies NonNullable<StatusBeside>[],
  receipt: ["account", "published_contact", "earlier_contact", "link"] satisfies ReceiptVia[],
  opens: CLIMBS.map((c) => c.rung) satisfies StatusOpens[],
  decision: ["irm_determination", "irm_eligibility", "irm_conciliation", "panel_advice", "arbitration_award", "commerce_conclusion"] satisfies StatusDecision[],
  verdict: ["irm_determination", "panel_advice", "arbitration_award"] satisfies VerdictDecision[],
};
