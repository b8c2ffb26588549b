/**
 * Who is told what: the notices an event or a deadline causes, by audience. Pure: the caller
 * gives the case's facts before the event and `now`; lib/notifications/dispatch turns
 * audiences into people, mail and bell items in the same transaction. What each kind of
 * notice carries is its module's in kinds/.
 */
import {
  advance,
  handedOverBy,
  clockIn,
  CLIMBS,
  decide,
  snapshot,
  referralProposals,
  verdictOf,
  type CaseFacts,
  type CaseSnapshot,
  type CaseState,
  type LadderEvent,
  type Party,
  type Verdict,
} from "@/lib/ladder";
import * as kinds from "./kinds";
import { bodyOfParty, type Audience, type BodyRung, type Notice } from "./notice";

const ORDERS_REMEDIES = new Set<LadderEvent["type"]>(["irm.determined", "panel.advised", "arbitration.awarded"]);

/** Steps that concern only the people who took them, or that other notices already cover. */
const QUIET = new Set<LadderEvent["type"]>(["case.assigned", "case.filed", "clock.breached", "referral.status_changed", "case.bar_recorded"]);

/** The case at `now` before and after an event, where the caller has worked them out already. */
export interface FoldedStates {
  before: CaseSnapshot;
  after: CaseSnapshot;
}

export function noticesForEvent(before: CaseFacts, event: LadderEvent, now: Date, folded?: FoldedStates): Notice[] {
  const was = folded?.before ?? snapshot(before, now);
  // Events are recorded in time order, so one more step of the fold is the fold of them all.
  const is = folded?.after ?? advance(was, event);
  const stateBefore = was.state;
  const stateAfter = is.state;
  const out: Notice[] = [];
  const push = (notice: Notice | null) => {
    if (notice) out.push(notice);
  };
  // A decision's verdict goes with it into every notice of it (R2.4, R2.6, R3.3).
  const verdict = ORDERS_REMEDIES.has(event.type) && "remedies" in event.data ? verdictOf(event.data as { remedies: readonly unknown[]; verdict?: Verdict }) : undefined;
  // R2.2: an eligibility decision says which it was.
  const said = { ...(verdict ? { verdict } : {}), ...(event.type === "irm.eligibility_decided" ? { eligibility: event.data.decision } : {}) };
  const step = (audience: Audience | null) => audience && push(kinds.step(audience, event.type, said));

  if (event.type === "case.filed") {
    // R2.1: the dates run from the company's receipt; a company without an account receives it later.
    const response = clockIn(is, "organisation.response");
    const acknowledgment = clockIn(is, "organisation.acknowledgment");
    const dates = response ? { due: response.dueAt.toISOString(), zone: response.zone, ...(acknowledgment ? { ackDue: acknowledgment.dueAt.toISOString() } : {}) } : null;
    push(kinds.newCase(dates));
    push(kinds.filed(dates));
  }
  // R2.1: the complainant learns the day the company's 45 days started.
  if (event.type === "organisation.received" && event.by === "system") step({ to: "complainant" });
  if (event.type === "case.assigned" && event.data.assigneeUserId) push(kinds.assigned(event.data.assigneeUserId));
  // What was open to the complainant before: for a clock that ran out, as it stood at its due instant.
  const breached = event.type === "clock.breached" ? clockIn(was, event.data.clock) : undefined;
  const openedSince = breached?.dueAt ?? now;
  if (breached) push(kinds.breach(breached));

  // The body that now holds the case (the ladder's hand-over), told that it has it.
  const escalatedTo: BodyRung | null = handedOverBy(event);
  if (escalatedTo) {
    push(kinds.escalated(escalatedTo));
    push(kinds.movedUp(escalatedTo));
    if (event.by !== "complainant") step({ to: "complainant" });
  } else if (!QUIET.has(event.type)) {
    if (event.by !== "complainant" && event.by !== "system") step({ to: "complainant" });
    if (event.by !== "organisation" && event.by !== "system") {
      const remedies = ORDERS_REMEDIES.has(event.type) && "remedies" in event.data ? event.data.remedies.length : 0;
      push(remedies > 0 ? kinds.remediesOrdered(event.type, remedies, verdict) : kinds.step({ to: "organisation" }, event.type, said));
    }
    const toBody = addressedBody(event);
    if (toBody) step({ to: "body", rung: toBody });
  }

  // Filing opens the first steps; nobody needs telling that.
  const opened = event.type === "case.filed" ? [] : newlyOpenClimbs(openedSince.getTime() === now.getTime() ? was : snapshot(before, openedSince, stateBefore), is);
  // A missed deadline that opens a rung is one message to the complainant, not two.
  if (breached && breached.party !== "complainant") push(kinds.missed(breached, opened));
  else for (const rung of opened) push(kinds.rungOpened(rung));
  if (newReferralProposal(stateBefore, stateAfter, now)) push(kinds.referralProposed());
  return out;
}

/**
 * R4.1: the administrators' prompt to propose a referral is one per case, whatever raised it (a
 * step, each remedy's persistent failure): its key. It stands while the ladder proposes a
 * referral on the case, and a recorded referral that leaves none to propose withdraws it.
 */
export const referralPromptKey = (caseId: string) => `referral-prompt:${caseId}`;

export function withdrawsReferralPrompt(event: LadderEvent, stateAfter: CaseState, now: Date): boolean {
  return event.type === "referral.status_changed" && referralProposals(stateAfter, now).length === 0;
}

/** Information or comments sent to a body on its own rung. */
function addressedBody(event: LadderEvent): BodyRung | null {
  if (event.type === "complainant.info_provided" && event.data.to !== "organisation") return bodyOfParty(event.data.to as Party);
  if (event.type === "panel.commented") return "dpa_panel";
  if (event.type === "arbitration.strikes_submitted") return "arbitration";
  return null;
}

/**
 * The rungs the complainant may climb after the event that they could not before it. Each
 * climb is asked of the gate directly (as nextActions would, with the same empty payload):
 * the sweep asks this for every missed deadline, and building every other action was a
 * third of what a breach allocated.
 */
function newlyOpenClimbs(was: CaseSnapshot, is: CaseSnapshot): string[] {
  const open = (snap: CaseSnapshot) => CLIMBS.filter(({ event }) => decide(snap, { type: event, at: snap.now, by: "complainant", data: {} } as LadderEvent).ok).map(({ rung }) => rung);
  const before = open(was);
  return open(is).filter((rung) => !before.includes(rung));
}

function newReferralProposal(before: CaseState, after: CaseState, now: Date): boolean {
  const key = (state: CaseState) => new Set(referralProposals(state, now).map((p) => `${p.referrer}:${p.source}`));
  const was = key(before);
  return [...key(after)].some((k) => !was.has(k));
}
