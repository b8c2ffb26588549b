/**
 * Who is told what: the notices an event or a deadline causes, by audience. Pure: the caller
 * gives the case's facts before the event and `now`; lib/notifications/dispatch turns
 * audiences into people, mail and bell items in the same transaction.
 */
import {
  advance,
  handedOverBy,
  clockIn,
  decide,
  snapshot,
  referralProposals,
  type CaseFacts,
  type CaseSnapshot,
  type CaseState,
  type LadderEvent,
  type BodyPlace,
  type Party,
} from "@/lib/ladder";

/** A rung as case_bodies names it: the body that holds the case there. */
export type BodyRung = BodyPlace;

export type Audience =
  | { to: "complainant" }
  /** The assignee, or every member of the organisation when nobody is assigned. */
  | { to: "organisation" }
  | { to: "body"; rung: BodyRung }
  | { to: "administrators" }
  | { to: "user"; userId: string };

export type NoticeKind =
  /** The complainant's receipt for a complaint filed. */
  | "filed"
  | "new-case"
  | "step"
  | "escalated"
  | "moved-up"
  | "remedies-ordered"
  | "rung-opened"
  | "assigned"
  | "reminder"
  | "breach"
  | "missed"
  | "referral-proposed"
  /** Not about a case: an organisation's or body's webhook subscription was disabled after persistent failure. */
  | "webhook-disabled";

export interface Notice {
  audience: Audience;
  kind: NoticeKind;
  /** Message parameters; `step`, `clock`, `rung` are ids the renderer translates. */
  params: Record<string, string | number>;
  /** False for a bell item that is not mailed. */
  mail: boolean;
  /** Told even though it is their own step: a receipt. */
  toActor?: true;
  /** The mail's link signs the reader in, once, on its way to the case (a complainant has no password). */
  signIn?: true;
}

const BODY_OF_PARTY: Partial<Record<Party, BodyRung>> = { irm: "irm", dpa_panel: "dpa_panel", dpa: "dpa", commerce: "commerce", arbitration: "arbitration" };

/** Who must act on a clock, as an audience. */
export function audienceOfParty(party: Party): Audience | null {
  if (party === "complainant") return { to: "complainant" };
  if (party === "organisation") return { to: "organisation" };
  const rung = BODY_OF_PARTY[party];
  return rung ? { to: "body", rung } : null;
}


/** The complainant's ways up the ladder (the events of nextActions' climbs), and the rung each leads to. */
const CLIMB_EVENTS: readonly (readonly [LadderEvent["type"], string])[] = [
  ["irm.escalated", "irm"],
  ["panel.escalated", "dpa_panel"],
  ["commerce.requested", "commerce"],
  ["arbitration.invoked", "arbitration"],
];

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
  const step = { step: event.type };
  const push = (audience: Audience | null, kind: NoticeKind, params: Notice["params"] = step, mail = true) => {
    if (audience) out.push({ audience, kind, params, mail });
  };

  if (event.type === "case.filed") {
    // R2.1: the dates run from the company's receipt; a company without an account receives it later.
    const response = clockIn(is, "organisation.response");
    const acknowledgment = clockIn(is, "organisation.acknowledgment");
    const dates = response ? { due: response.dueAt.toISOString(), zone: response.zone, ...(acknowledgment ? { ackDue: acknowledgment.dueAt.toISOString() } : {}) } : null;
    push({ to: "organisation" }, "new-case", dates && acknowledgment ? dates : { variant: "bodyUndated" });
    out.push({ audience: { to: "complainant" }, kind: "filed", params: dates ?? { variant: "bodyPending" }, mail: true, toActor: true, signIn: true });
  }
  // R2.1: the complainant learns the day the company's 45 days started.
  if (event.type === "organisation.received" && event.by === "system") push({ to: "complainant" }, "step");
  if (event.type === "case.assigned" && event.data.assigneeUserId) push({ to: "user", userId: event.data.assigneeUserId }, "assigned", {});
  // What was open to the complainant before: for a clock that ran out, as it stood at its due instant.
  let openedSince = now;
  let missed: Notice | null = null;
  if (event.type === "clock.breached") {
    const clock = clockIn(was, event.data.clock);
    if (clock) {
      openedSince = clock.dueAt;
      push(audienceOfParty(clock.party), "breach", { clock: clock.kind, due: clock.dueAt.toISOString(), zone: clock.zone });
      if (clock.party !== "complainant") push({ to: "complainant" }, "missed", { clock: clock.kind, due: clock.dueAt.toISOString(), zone: clock.zone });
      missed = out.find((n) => n.kind === "missed") ?? null;
    }
  }

  // The body that now holds the case (the ladder's hand-over), told that it has it.
  const escalatedTo: BodyRung | null = handedOverBy(event);
  if (escalatedTo) {
    push({ to: "body", rung: escalatedTo }, "escalated", { rung: escalatedTo });
    push({ to: "organisation" }, "moved-up", { rung: escalatedTo });
    if (event.by !== "complainant") push({ to: "complainant" }, "step");
  } else if (!QUIET.has(event.type)) {
    if (event.by !== "complainant" && event.by !== "system") push({ to: "complainant" }, "step");
    if (event.by !== "organisation" && event.by !== "system") {
      const ordered = ORDERS_REMEDIES.has(event.type) && "remedies" in event.data && event.data.remedies.length > 0;
      push({ to: "organisation" }, ordered ? "remedies-ordered" : "step", ordered ? { step: event.type, count: (event.data as { remedies: unknown[] }).remedies.length } : step);
    }
    const toBody = addressedBody(event);
    if (toBody) push({ to: "body", rung: toBody }, "step");
  }

  // Filing opens the first steps; nobody needs telling that.
  const opened = event.type === "case.filed" ? [] : newlyOpenClimbs(openedSince.getTime() === now.getTime() ? was : snapshot(before, openedSince, stateBefore), is);
  // A missed deadline that opens a rung is one message to the complainant, not two.
  if (missed && opened.length) missed.params = { ...missed.params, opens: opened.join(",") };
  else for (const rung of opened) push({ to: "complainant" }, "rung-opened", { rung });
  if (newReferralProposal(stateBefore, stateAfter, now)) push({ to: "administrators" }, "referral-proposed", {});
  return out;
}

/** A reminder before a clock runs out (`days` > 0), to whoever must act. */
export function reminderNotice(clock: { kind: string; party: Party; dueAt: Date; zone: string }, days: number): Notice | null {
  const audience = audienceOfParty(clock.party);
  return audience ? { audience, kind: "reminder", params: { clock: clock.kind, due: clock.dueAt.toISOString(), zone: clock.zone, days }, mail: true } : null;
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

/** A remedy unmet for long enough that an FTC referral may be proposed (R4.1/R4.2). */
export function persistentFailureNotice(): Notice {
  return { audience: { to: "administrators" }, kind: "referral-proposed", params: {}, mail: true };
}

/** Information or comments sent to a body on its own rung. */
function addressedBody(event: LadderEvent): BodyRung | null {
  if (event.type === "complainant.info_provided" && event.data.to !== "organisation") return BODY_OF_PARTY[event.data.to as Party] ?? null;
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
  const open = (snap: CaseSnapshot) => CLIMB_EVENTS.filter(([type]) => decide(snap, { type, at: snap.now, by: "complainant", data: {} } as LadderEvent).ok).map(([, rung]) => rung);
  const before = open(was);
  return open(is).filter((rung) => !before.includes(rung));
}

function newReferralProposal(before: CaseState, after: CaseState, now: Date): boolean {
  const key = (state: CaseState) => new Set(referralProposals(state, now).map((p) => `${p.referrer}:${p.source}`));
  const was = key(before);
  return [...key(after)].some((k) => !was.has(k));
}
