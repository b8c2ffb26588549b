/**
 * The only gate through which an event is recorded: given a case's facts, a proposed event
 * and `now`, accept it or reject it with a reason the UI can explain.
 */
import { arbitrationGate } from "./arbitration-gate";
import { deadlineAfter } from "./calendar";
import { RUNG_CLOSED_BY, type CaseState } from "./case-state";
import { canMoveReferral, referralProposals } from "./enforcement";
import { COMMERCE_OUTCOMES, VERDICTS, type EventType, type LadderEvent, type Party, type Verdict } from "./events";
import type { CaseFacts } from "./facts";
import { FRAMEWORK_CLOCKS, resolvePolicy } from "./policy";
import { ARBITRATION_REMEDIES, REMEDY_KINDS, type OrderedRemedy } from "./remedies";
import { clockIn, type CaseSnapshot } from "./snapshot";

export interface Reason {
  code: string;
  rule?: string;
  /** Values the message interpolates (dates as Date). */
  params?: Record<string, string | number | Date>;
}

export type Decision = { ok: true } | { ok: false; reason: Reason };

const ACCEPT: Decision = { ok: true };
/** Every reason the ladder refuses an event for: each has its sentence under `reasons` in messages/*.json. */
export const REJECTION_CODES = [
  "acknowledgment_deadline_running",
  "already_acknowledged",
  "already_assigned",
  "already_complied",
  "already_concluded",
  "already_constituted",
  "already_delivered",
  "already_escalated",
  "already_filed",
  "already_proposed",
  "already_received",
  "already_recorded",
  "already_referred",
  "already_requested",
  "already_responded",
  "already_struck",
  "arbitration_gate_closed",
  "arbitrator_struck",
  "bar_already_recorded",
  "case_closed",
  "clock_is_an_aim",
  "clock_not_missed",
  "close_before_eligibility",
  "comments_window_open",
  "commerce_not_referred",
  "commerce_not_requested",
  "duplicate_remedy",
  "eligibility_already_decided",
  "eligibility_not_decided",
  "event_before_last",
  "event_in_future",
  "evidence_required",
  "five_names_required",
  "hearing_in_past",
  "no_list_to_strike",
  "no_missed_compliance",
  "no_open_request",
  "no_private_irm",
  "no_remedies",
  "non_monetary_relief_only",
  "not_at_arbitration",
  "not_at_irm",
  "not_at_organisation",
  "not_at_panel",
  "not_covered_country_not_covered",
  "not_covered_not_own_data",
  "not_filed",
  "not_participant_lapsed_without_data",
  "not_participant_no_certification",
  "not_participant_removed",
  "not_upheld_orders_nothing",
  "not_yet_received",
  "not_your_action",
  "not_your_rung",
  "nothing_to_accept",
  "nothing_to_refer",
  "nothing_to_settle",
  "notice_not_delivered",
  "one_or_three_from_list",
  "organisation_deadline_running",
  "outcome_required",
  "panel_not_competent",
  "panel_not_constituted",
  "reason_required",
  "referral_step_not_allowed",
  "referrer_mismatch",
  "remedy_beyond_25_days",
  "remedy_due_in_past",
  "request_already_open",
  "rung_closed",
  "strike_two_rank_three",
  "unknown_outcome",
  "unknown_remedy",
  "unknown_verdict",
  "verdict_needs_remedies",
  "verdict_required",
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

const reject = (code: RejectionCode, rule?: string, params?: Reason["params"]): Decision => ({
  ok: false,
  reason: { code, ...(rule ? { rule } : {}), ...(params ? { params } : {}) },
});

/** Who may record each event. */
export const ACTORS: Record<EventType, readonly Party[]> = {
  "case.filed": ["complainant"],
  // R2.1: Recourse records delivery to the published contact; the complainant or an administrator an earlier contact.
  "organisation.received": ["system", "complainant", "administrator"],
  "organisation.acknowledged": ["organisation"],
  "organisation.info_requested": ["organisation"],
  "organisation.responded": ["organisation"],
  "organisation.resolution_proposed": ["organisation"],
  "complainant.info_provided": ["complainant"],
  "complainant.accepted": ["complainant"],
  "complainant.withdrew": ["complainant"],
  "complainant.settled": ["complainant"],
  "irm.escalated": ["complainant"],
  "irm.acknowledged": ["irm"],
  "irm.eligibility_decided": ["irm"],
  "irm.info_requested": ["irm"],
  "irm.info_received": ["irm"],
  "irm.conciliated": ["irm"],
  "irm.determined": ["irm"],
  // R2.5: the referral can come from the individual or the organisation.
  "panel.escalated": ["complainant", "organisation"],
  "panel.commented": ["complainant", "organisation"],
  "panel.advised": ["dpa_panel"],
  "panel.referral_noticed": ["dpa_panel"],
  "commerce.requested": ["complainant"],
  "commerce.referred": ["dpa", "dpa_panel", "administrator"],
  "commerce.concluded": ["commerce", "administrator"],
  "arbitration.invoked": ["complainant"],
  "arbitration.notice_delivered": ["arbitration", "administrator"],
  "arbitration.arbitrators_proposed": ["arbitration"],
  "arbitration.strikes_submitted": ["complainant", "organisation"],
  "arbitration.panel_constituted": ["arbitration"],
  "arbitration.hearing_scheduled": ["arbitration"],
  "arbitration.awarded": ["arbitration"],
  "remedy.complied": ["organisation", "irm", "dpa_panel", "arbitration"],
  "referral.status_changed": ["irm", "dpa_panel", "commerce", "administrator"],
  "case.bar_recorded": ["administrator", "arbitration"],
  "case.closed": ["administrator", "irm", "dpa_panel", "commerce", "arbitration"],
  "case.assigned": ["organisation"],
  "clock.breached": ["system"],
};

/** Events a closed case still takes: enforcement goes on after a case closes (R4.1, R4.3). */
const AFTER_CLOSE: readonly EventType[] = ["remedy.complied", "referral.status_changed", "case.bar_recorded", "clock.breached"];

/** The rung whose steps an event takes, where a body's closing of that rung ends them (R2.4). */
const RUNG_OF_EVENT: Partial<Record<EventType, "irm" | "panel" | "commerce" | "arbitration">> = {
  "irm.acknowledged": "irm",
  "irm.eligibility_decided": "irm",
  "irm.info_requested": "irm",
  "irm.info_received": "irm",
  "irm.conciliated": "irm",
  "irm.determined": "irm",
  "panel.commented": "panel",
  "panel.advised": "panel",
  "commerce.referred": "commerce",
  "commerce.concluded": "commerce",
  "arbitration.notice_delivered": "arbitration",
  "arbitration.arbitrators_proposed": "arbitration",
  "arbitration.strikes_submitted": "arbitration",
  "arbitration.panel_constituted": "arbitration",
  "arbitration.hearing_scheduled": "arbitration",
  "arbitration.awarded": "arbitration",
};

function checkRemedies(remedies: OrderedRemedy[], s: CaseState, at: Date): Decision | null {
  if (remedies.some((r) => !(REMEDY_KINDS as readonly string[]).includes(r.kind))) return reject("unknown_remedy");
  const ids = new Set(remedies.map((r) => r.id));
  if (ids.size !== remedies.length || s.remedies.some((r) => ids.has(r.id))) return reject("duplicate_remedy");
  if (remedies.some((r) => r.dueAt.getTime() <= at.getTime())) return reject("remedy_due_in_past", "R4.3");
  return null;
}

/**
 * R2.4: a decision says whether the complaint is upheld, and orders remedies exactly when it is
 * (wholly or in part). `rule` is the rule of the body deciding.
 */
function checkVerdict(data: { verdict?: Verdict; remedies: OrderedRemedy[] }, rule: string): Decision | null {
  if (data.verdict === undefined) return reject("verdict_required", rule);
  if (!(VERDICTS as readonly string[]).includes(data.verdict)) return reject("unknown_verdict", rule);
  if (data.verdict === "not_upheld") return data.remedies.length ? reject("not_upheld_orders_nothing", rule) : null;
  return data.remedies.length ? null : reject("verdict_needs_remedies", rule);
}

/**
 * R2.2: the organisation was contacted first and answered, or let its 45 days pass, or — where
 * its policy sends individuals to the IRM on no timely acknowledgment — missed its acknowledgment.
 */
function organisationHadItsChance(snap: CaseSnapshot): Decision {
  const { facts, state: s, now } = snap;
  if (s.organisation.respondedAt) return ACCEPT;
  // R2.1: nothing runs before the organisation has received the complaint.
  if (!s.organisation.receivedAt) return reject("not_yet_received", "R2.1");
  const response = clockIn(snap, "organisation.response")!;
  if (now.getTime() > response.dueAt.getTime()) return ACCEPT;
  if (facts.irmOnMissedAcknowledgment) {
    const acknowledgment = clockIn(snap, "organisation.acknowledgment")!;
    if (acknowledgment.state === "missed") return ACCEPT;
    if (!acknowledgment.completedAt) {
      return reject("acknowledgment_deadline_running", "R2.2", { until: new Date(acknowledgment.dueAt.getTime() + 1), latest: new Date(response.dueAt.getTime() + 1) });
    }
  }
  return reject("organisation_deadline_running", "R2.2", { until: new Date(response.dueAt.getTime() + 1) });
}

/** R2.6: the end of the policy's window for each side to comment to the panel. */
export function panelCommentWindowEnd(facts: CaseFacts, panel: NonNullable<CaseState["panel"]>): Date {
  return deadlineAfter(panel.escalatedAt, resolvePolicy(facts.policy).panelCommentWindow, facts.zones?.dpa_panel ?? "UTC");
}

/** R2.6: both sides commented, or each had the policy's window to do so. */
function panelHeardBothSides(facts: CaseFacts, s: CaseState, at: Date): Decision {
  const panel = s.panel!;
  const heard = (["complainant", "organisation"] as const).every((side) => panel.comments.some((c) => c.from === side));
  if (heard) return ACCEPT;
  const window = panelCommentWindowEnd(facts, panel);
  return at.getTime() > window.getTime() ? ACCEPT : reject("comments_window_open", "R2.6", { until: new Date(window.getTime() + 1) });
}

/** Whether `event` may be recorded on the case as it stands in `snap` (at `snap.now`). */
export function decide(snap: CaseSnapshot, event: LadderEvent): Decision {
  const { facts, state: s, now } = snap;
  if (!ACTORS[event.type].includes(event.by)) return reject("not_your_action");
  if (event.at.getTime() > now.getTime()) return reject("event_in_future");
  if (s.lastEventAt && event.at.getTime() < s.lastEventAt.getTime()) return reject("event_before_last");

  if (event.type === "case.filed") {
    if (s.filedAt) return reject("already_filed");
    if (event.data.receivedAt && event.data.receivedAt.getTime() > event.at.getTime()) return reject("event_in_future");
    const r = snap.route;
    if (!r.applies) {
      if (r.participation && !r.participation.participant) return reject(`not_participant_${r.participation.reason}`, "R1.2");
      if (r.coverage && !r.coverage.covered) return reject(`not_covered_${r.coverage.reason}`, "R1.4");
    }
    return ACCEPT;
  }
  if (!s.filedAt) return reject("not_filed");
  if (s.closed && !AFTER_CLOSE.includes(event.type)) return reject("case_closed");
  const ownRung = RUNG_OF_EVENT[event.type];
  if (ownRung && s[ownRung]?.closed) return reject("rung_closed", "R2.4");

  const r = snap.route;
  const atOrganisation = s.rung === "organisation";

  switch (event.type) {
    case "organisation.received":
      if (s.organisation.receivedAt) return reject("already_received", "R2.1");
      if (event.data.receivedAt.getTime() > event.at.getTime()) return reject("event_in_future");
      return ACCEPT;
    case "organisation.acknowledged":
      return s.organisation.acknowledgedAt ? reject("already_acknowledged", "R2.1") : ACCEPT;
    case "organisation.info_requested":
      if (!atOrganisation) return reject("not_at_organisation");
      return s.organisation.infoRequestOpen ? reject("request_already_open") : ACCEPT;
    case "organisation.responded":
      if (!atOrganisation) return reject("not_at_organisation");
      // R2.1: one formal response, which the complainant accepts or climbs from; what follows is a message.
      return s.organisation.respondedAt ? reject("already_responded", "R2.1") : ACCEPT;
    case "organisation.resolution_proposed":
      if (!atOrganisation) return reject("not_at_organisation");
      return event.data.remedies.length ? ACCEPT : reject("no_remedies");
    case "complainant.info_provided":
      if (event.data.to === "organisation") return s.organisation.infoRequestOpen ? ACCEPT : reject("no_open_request");
      return s.irm?.openRequests.includes("complainant") ? ACCEPT : reject("no_open_request");
    case "complainant.accepted":
      if (!atOrganisation) return reject("not_at_organisation");
      return s.organisation.respondedAt ? ACCEPT : reject("nothing_to_accept", "R2.1");
    case "complainant.withdrew":
      return ACCEPT;
    case "complainant.settled":
      // R3.6: a settlement confirms an agreement, so the company must have proposed one; an answer alone is accepted, not settled.
      if (!s.organisation.resolutionProposed) return reject("nothing_to_settle", "R3.6");
      return checkRemedies(event.data.remedies, s, event.at) ?? ACCEPT;

    case "irm.escalated":
      if (!r.applies || r.irm?.kind !== "adr") return reject("no_private_irm", "R1.3");
      if (s.irm) return reject("already_escalated");
      return organisationHadItsChance(snap);
    case "panel.escalated":
      if (!r.applies || !r.dpaAuthority) return reject("panel_not_competent", "R2.5");
      if (s.panel) return reject("already_escalated");
      return event.by === "organisation" ? ACCEPT : organisationHadItsChance(snap);

    case "irm.acknowledged":
      if (!s.irm) return reject("not_at_irm");
      return s.irm.acknowledgedAt ? reject("already_acknowledged", "R2.3") : ACCEPT;
    case "irm.eligibility_decided":
      if (!s.irm) return reject("not_at_irm");
      if (s.irm.eligibility) return reject("eligibility_already_decided");
      if (event.data.decision !== "eligible" && (event.data.reason ?? "").trim().length < 3) return reject("reason_required", "R2.2");
      return ACCEPT;
    case "irm.info_requested":
      if (!s.irm || s.irm.outcome) return reject("not_at_irm");
      return s.irm.openRequests.includes(event.data.from) ? reject("request_already_open") : ACCEPT;
    case "irm.info_received":
      return s.irm?.openRequests.includes(event.data.from) ? ACCEPT : reject("no_open_request");
    case "irm.conciliated":
    case "irm.determined": {
      if (!s.irm || s.irm.outcome) return reject("not_at_irm");
      if (s.irm.eligibility?.decision !== "eligible") return reject("eligibility_not_decided", "R2.2");
      if (event.type === "irm.determined") return checkVerdict(event.data, "R2.4") ?? checkRemedies(event.data.remedies, s, event.at) ?? ACCEPT;
      return ACCEPT;
    }

    case "panel.commented":
      if (!s.panel || s.panel.advisedAt) return reject("not_at_panel");
      return event.data.from === event.by ? ACCEPT : reject("not_your_action");
    case "panel.advised": {
      if (!s.panel || s.panel.advisedAt) return reject("not_at_panel");
      const heard = panelHeardBothSides(facts, s, event.at);
      if (!heard.ok) return heard;
      const problem = checkVerdict(event.data, "R2.6") ?? checkRemedies(event.data.remedies, s, event.at);
      if (problem) return problem;
      const limit = deadlineAfter(event.at, FRAMEWORK_CLOCKS.panelCompliance, facts.zones?.organisation ?? "UTC");
      return event.data.remedies.some((x) => x.dueAt.getTime() > limit.getTime()) ? reject("remedy_beyond_25_days", "R2.6") : ACCEPT;
    }
    case "panel.referral_noticed": {
      const compliance = clockIn(snap, "panel.compliance");
      return compliance?.state === "missed" && !compliance.completedAt ? ACCEPT : reject("no_missed_compliance", "R2.6");
    }

    case "commerce.requested":
      return s.commerce ? reject("already_requested") : ACCEPT;
    case "commerce.referred":
      if (!s.commerce) return reject("commerce_not_requested", "R2.7");
      return s.commerce.referredAt ? reject("already_referred") : ACCEPT;
    case "commerce.concluded":
      if (!s.commerce?.referredAt) return reject("commerce_not_referred", "R2.7");
      if (s.commerce.outcome) return reject("already_concluded");
      return (COMMERCE_OUTCOMES as readonly string[]).includes(event.data.outcome) ? ACCEPT : reject("unknown_outcome", "R2.7");

    case "arbitration.invoked":
      return arbitrationGate(snap).open ? ACCEPT : reject("arbitration_gate_closed", "R3.1");
    case "arbitration.notice_delivered":
      if (!s.arbitration) return reject("not_at_arbitration");
      return s.arbitration.noticeDeliveredAt ? reject("already_delivered") : ACCEPT;
    case "arbitration.arbitrators_proposed": {
      if (!s.arbitration?.noticeDeliveredAt) return reject("notice_not_delivered", "R3.5");
      if (s.arbitration.proposed) return reject("already_proposed");
      const names = event.data.names.map((n) => n.trim());
      return names.length === 5 && new Set(names).size === 5 && names.every(Boolean) ? ACCEPT : reject("five_names_required", "R3.4");
    }
    case "arbitration.strikes_submitted": {
      const proposed = s.arbitration?.proposed;
      if (!proposed || s.arbitration!.arbitrators) return reject("no_list_to_strike", "R3.4");
      if (event.data.side !== event.by) return reject("not_your_action");
      if (s.arbitration!.strikes[event.data.side]) return reject("already_struck");
      const { struck, ranking } = event.data;
      const rest = proposed.filter((n) => !struck.includes(n));
      const valid =
        struck.length === 2 && new Set(struck).size === 2 && struck.every((n) => proposed.includes(n)) &&
        ranking.length === 3 && rest.every((n) => ranking.includes(n));
      return valid ? ACCEPT : reject("strike_two_rank_three", "R3.4");
    }
    case "arbitration.panel_constituted": {
      const proposed = s.arbitration?.proposed;
      if (!proposed) return reject("no_list_to_strike", "R3.4");
      if (s.arbitration!.arbitrators) return reject("already_constituted");
      const chosen = event.data.arbitrators;
      const valid = (chosen.length === 1 || chosen.length === 3) && new Set(chosen).size === chosen.length && chosen.every((n) => proposed.includes(n));
      if (!valid) return reject("one_or_three_from_list", "R3.4");
      const struck = Object.values(s.arbitration!.strikes).flatMap((x) => x?.struck ?? []);
      return chosen.some((n) => struck.includes(n)) ? reject("arbitrator_struck", "R3.4") : ACCEPT;
    }
    case "arbitration.hearing_scheduled":
      if (!s.arbitration?.arbitrators || s.arbitration.awardedAt) return reject("panel_not_constituted", "R3.4");
      return event.data.hearingAt.getTime() >= event.at.getTime() ? ACCEPT : reject("hearing_in_past", "R3.5");
    case "arbitration.awarded": {
      if (!s.arbitration?.arbitrators || s.arbitration.awardedAt) return reject("panel_not_constituted", "R3.4");
      const verdict = checkVerdict(event.data, "R3.3");
      if (verdict) return verdict;
      if (event.data.remedies.some((x) => !ARBITRATION_REMEDIES.includes(x.kind))) return reject("non_monetary_relief_only", "R3.3");
      return checkRemedies(event.data.remedies, s, event.at) ?? ACCEPT;
    }

    case "remedy.complied": {
      const remedy = s.remedies.find((x) => x.id === event.data.remedyId);
      if (!remedy) return reject("unknown_remedy", "R4.3");
      if (remedy.compliedAt) return reject("already_complied", "R4.3");
      return event.data.evidence.trim().length ? ACCEPT : reject("evidence_required", "R4.3");
    }
    case "referral.status_changed": {
      const existing = s.referrals.find((x) => x.referralId === event.data.referralId);
      if (!canMoveReferral(existing?.status ?? null, event.data.status)) return reject("referral_step_not_allowed", "R4.1");
      if (existing) return existing.referrer === event.data.referrer ? ACCEPT : reject("referrer_mismatch", "R4.1");
      if (event.by !== "administrator" && event.by !== event.data.referrer) return reject("not_your_action");
      const prompted =
        referralProposals(s, now).some((p) => p.referrer === event.data.referrer) ||
        (event.data.referrer === "dpa_panel" && !!s.panel?.referralNotices.some((n) => n.kind === "ftc")) ||
        event.by === "administrator";
      return prompted ? ACCEPT : reject("nothing_to_refer", "R4.1");
    }
    case "case.bar_recorded":
      return s.bars.includes(event.data.bar) ? reject("bar_already_recorded", "R3.2") : ACCEPT;
    case "case.closed": {
      // R2.4: a body closes its own rung only; an administrator closes the whole case.
      if (!event.data.outcome.trim()) return reject("outcome_required");
      if (event.by === "administrator") return ACCEPT;
      const rung = RUNG_CLOSED_BY[event.by];
      const held = rung ? s[rung] : null;
      if (!held || held.closed) return reject("not_your_rung", "R2.4");
      // R2.2, R2.4: an IRM that does not take a complaint up says so, with a reason: it finds it
      // not eligible or dismisses it. Its review closes once eligibility is decided.
      if (rung === "irm" && !s.irm!.eligibility) return reject("close_before_eligibility", "R2.4");
      return ACCEPT;
    }
    case "case.assigned":
      return event.data.assigneeUserId === s.assigneeUserId ? reject("already_assigned") : ACCEPT;
    case "clock.breached": {
      if (s.breachedClocks.includes(event.data.clock)) return reject("already_recorded");
      const c = clockIn(snap, event.data.clock);
      if (c?.aim) return reject("clock_is_an_aim", "R2.6");
      return c && c.state === "missed" && !c.completedAt ? ACCEPT : reject("clock_not_missed");
    }
  }
}
