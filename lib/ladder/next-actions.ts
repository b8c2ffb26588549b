/**
 * What each party may do next. Every action is checked by building the event it would
 * record and asking `decide`, so nothing is offered that the gate would then refuse.
 */
import { DAY_MS } from "./calendar";
import type { CaseState } from "./case-state";
import { REFERRAL_TRANSITIONS, referralProposals, remedyStatus } from "./enforcement";
import type { EventPayloads, EventType, LadderEvent, Party } from "./events";
import type { Route } from "./routing";
import type { CaseSnapshot } from "./snapshot";
import { decide, type Reason } from "./transitions";

export type ActionId =
  | "accept_answer" | "settle" | "withdraw" | "provide_information" | "escalate_to_irm" | "escalate_to_panel"
  | "comment_to_panel" | "request_commerce_review" | "invoke_arbitration" | "submit_strikes"
  | "acknowledge" | "request_information" | "respond" | "propose_resolution" | "record_compliance"
  | "decide_eligibility" | "record_information_received" | "record_conciliation" | "issue_determination"
  | "issue_advice" | "notice_referral" | "refer_to_commerce" | "conclude_review" | "deliver_notice"
  | "propose_arbitrators" | "constitute_panel" | "schedule_hearing" | "issue_award"
  | "propose_referral" | "advance_referral" | "record_bar" | "close_case";

/**
 * The complainant's ways up the ladder, in the order they are named and recommended: the step,
 * the event it records and the rung it leads to — its IRM (R2.2), the data protection
 * authorities (R2.5), arbitration (R3.1) and the Commerce review beside them (R2.7).
 */
export const CLIMBS = [
  { action: "escalate_to_irm", event: "irm.escalated", rung: "irm" },
  { action: "escalate_to_panel", event: "panel.escalated", rung: "dpa_panel" },
  { action: "invoke_arbitration", event: "arbitration.invoked", rung: "arbitration" },
  { action: "request_commerce_review", event: "commerce.requested", rung: "commerce" },
] as const satisfies readonly { action: ActionId; event: EventType; rung: string }[];
export type ClimbRung = (typeof CLIMBS)[number]["rung"];

export interface AvailableAction {
  action: ActionId;
  event: EventType;
  allowed: boolean;
  reason?: Reason;
  /** The payload the check was made with: for steps that need no details, exactly what to record. */
  data: unknown;
  /** Identifies the object acted on where there are several (a remedy, a referral, a request). */
  target?: string;
}

interface Candidate {
  action: ActionId;
  type: EventType;
  data: unknown;
  target?: string;
}

function candidates(party: Party, s: CaseState, r: Route, now: Date): Candidate[] {
  const c = (action: ActionId, type: EventType, data: unknown = {}, target?: string): Candidate => ({ action, type, data, target });
  const later = new Date(now.getTime() + 30 * DAY_MS);
  const sample = [{ id: "__sample__", kind: "delete", dueAt: later }];
  const proposed = s.arbitration?.proposed ?? ["a", "b", "c", "d", "e"];
  const adr = r.applies && r.irm?.kind === "adr";
  const dpa = r.applies && r.dpaAuthority;
  const out: Candidate[] = [];

  switch (party) {
    case "complainant":
      out.push(c("accept_answer", "complainant.accepted"));
      if (s.organisation.respondedAt) out.push(c("settle", "complainant.settled", { remedies: [] }));
      if (s.organisation.infoRequestOpen) out.push(c("provide_information", "complainant.info_provided", { to: "organisation" }, "organisation"));
      if (s.irm?.openRequests.includes("complainant")) out.push(c("provide_information", "complainant.info_provided", { to: "irm" }, "irm"));
      if (adr) out.push(c("escalate_to_irm", "irm.escalated"));
      if (dpa) out.push(c("escalate_to_panel", "panel.escalated"));
      if (s.panel) out.push(c("comment_to_panel", "panel.commented", { from: "complainant" }));
      out.push(c("request_commerce_review", "commerce.requested"));
      if (!dpa) out.push(c("invoke_arbitration", "arbitration.invoked"));
      if (s.arbitration?.proposed) out.push(c("submit_strikes", "arbitration.strikes_submitted", { side: "complainant", struck: proposed.slice(0, 2), ranking: proposed.slice(2) }));
      out.push(c("withdraw", "complainant.withdrew"));
      break;
    case "organisation":
      out.push(c("acknowledge", "organisation.acknowledged"));
      out.push(c("request_information", "organisation.info_requested"));
      out.push(c("respond", "organisation.responded"));
      out.push(c("propose_resolution", "organisation.resolution_proposed", { remedies: ["delete"] }));
      if (dpa) out.push(c("escalate_to_panel", "panel.escalated"));
      if (s.panel) out.push(c("comment_to_panel", "panel.commented", { from: "organisation" }));
      if (s.arbitration?.proposed) out.push(c("submit_strikes", "arbitration.strikes_submitted", { side: "organisation", struck: proposed.slice(0, 2), ranking: proposed.slice(2) }));
      break;
    case "irm":
      if (!s.irm) break;
      out.push(c("acknowledge", "irm.acknowledged"));
      out.push(c("decide_eligibility", "irm.eligibility_decided", { decision: "eligible" }));
      out.push(c("request_information", "irm.info_requested", { from: "complainant" }, "complainant"));
      out.push(c("request_information", "irm.info_requested", { from: "organisation" }, "organisation"));
      for (const from of s.irm.openRequests) out.push(c("record_information_received", "irm.info_received", { from }, from));
      out.push(c("record_conciliation", "irm.conciliated"));
      out.push(c("issue_determination", "irm.determined", { verdict: "upheld", remedies: sample }));
      out.push(c("close_case", "case.closed", { outcome: "closed" }));
      break;
    case "dpa_panel":
      if (s.panel) {
        out.push(c("issue_advice", "panel.advised", { verdict: "not_upheld", remedies: [] }));
        out.push(c("notice_referral", "panel.referral_noticed", { kind: "ftc" }));
        out.push(c("close_case", "case.closed", { outcome: "closed" }));
      }
      if (s.commerce) out.push(c("refer_to_commerce", "commerce.referred"));
      break;
    case "dpa":
      if (s.commerce) out.push(c("refer_to_commerce", "commerce.referred"));
      break;
    case "commerce":
      if (!s.commerce) break;
      out.push(c("conclude_review", "commerce.concluded", { outcome: "successfully_closed" }));
      out.push(c("close_case", "case.closed", { outcome: "closed" }));
      break;
    case "arbitration":
      if (!s.arbitration) break;
      out.push(c("deliver_notice", "arbitration.notice_delivered"));
      out.push(c("propose_arbitrators", "arbitration.arbitrators_proposed", { names: ["1", "2", "3", "4", "5"] }));
      {
        const struck = Object.values(s.arbitration.strikes).flatMap((x) => x?.struck ?? []);
        out.push(c("constitute_panel", "arbitration.panel_constituted", { arbitrators: [proposed.find((n) => !struck.includes(n)) ?? proposed[0]!] }));
      }
      out.push(c("schedule_hearing", "arbitration.hearing_scheduled", { hearingAt: later, mode: "video" }));
      out.push(c("issue_award", "arbitration.awarded", { verdict: "not_upheld", remedies: [] }));
      out.push(c("close_case", "case.closed", { outcome: "closed" }));
      break;
    case "administrator":
      if (s.commerce) out.push(c("refer_to_commerce", "commerce.referred"));
      if (s.commerce) out.push(c("conclude_review", "commerce.concluded", { outcome: "successfully_closed" }));
      if (s.arbitration) out.push(c("deliver_notice", "arbitration.notice_delivered"));
      out.push(c("record_bar", "case.bar_recorded", { bar: "court_judgment" }));
      out.push(c("close_case", "case.closed", { outcome: "closed" }));
      break;
    case "system":
      break;
  }

  // R4.3: remedies to carry out (the organisation) or to confirm (the body that ordered them).
  const ordering: Partial<Record<Party, string>> = { irm: "irm", dpa_panel: "dpa_panel", arbitration: "arbitration" };
  for (const remedy of s.remedies) {
    if (remedy.compliedAt) continue;
    if (party === "organisation" || ordering[party] === remedy.source) {
      out.push(c("record_compliance", "remedy.complied", { remedyId: remedy.id, evidence: "evidence" }, remedy.id));
    }
  }
  // R4.1: referrals the ladder proposes, and the next step of each open one.
  for (const proposal of referralProposals(s, now)) {
    if (party === proposal.referrer || party === "administrator") {
      out.push(c("propose_referral", "referral.status_changed", { referralId: `__new__${proposal.referrer}`, status: "proposed", referrer: proposal.referrer }, proposal.referrer));
    }
  }
  for (const referral of s.referrals) {
    if (party !== referral.referrer && party !== "administrator") continue;
    for (const next of REFERRAL_TRANSITIONS[referral.status]) {
      out.push(c("advance_referral", "referral.status_changed", { referralId: referral.referralId, status: next, referrer: referral.referrer }, `${referral.referralId}:${next}`));
    }
  }
  return out;
}

/** `only` limits the answer to some actions (and spares checking the rest). */
export function nextActions(snap: CaseSnapshot, party: Party, only?: readonly ActionId[]): AvailableAction[] {
  const { now } = snap;
  const wanted = candidates(party, snap.state, snap.route, now).filter((cand) => !only || only.includes(cand.action));
  return wanted.map((cand) => {
    const event = { type: cand.type, at: now, by: party, data: cand.data as EventPayloads[EventType] } as LadderEvent;
    const decision = decide(snap, event);
    return {
      action: cand.action,
      event: cand.type,
      allowed: decision.ok,
      data: cand.data,
      ...(decision.ok ? {} : { reason: decision.reason }),
      ...(cand.target ? { target: cand.target } : {}),
    };
  });
}

/** Remedies ordered on a case with their R4.3 status, for the tracking view. */
export function trackedRemedies(state: CaseState, now: Date) {
  return state.remedies.map((remedy) => ({ ...remedy, status: remedyStatus(remedy, now) }));
}
