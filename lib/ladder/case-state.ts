/**
 * Where a case stands, folded from its events. Pure and total: the same events always give
 * the same state, whatever the order they were loaded in (they are sorted by time first).
 */
import { verdictOf, type ArbitrationBar, type EligibilityDecision, type InfoSource, type LadderEvent, type ReceiptVia, type ReferralStatus, type Referrer, type Verdict } from "./events";
import type { MonetaryDemand, RemedyKind } from "./remedies";
import type { RungId } from "./routing";

export interface Interval {
  from: Date;
  to: Date | null;
}

/** Who ordered a remedy, or `settlement` for one the parties agreed (R3.6). */
export type RemedySource = "irm" | "dpa_panel" | "arbitration" | "settlement";

/** A body's closing of its own rung (R2.4): the rest of the ladder stays open. */
export interface RungClosure {
  at: Date;
  outcome: string;
}

export interface TrackedRemedy {
  id: string;
  kind: RemedyKind;
  source: RemedySource;
  orderedAt: Date;
  dueAt: Date;
  description?: string;
  compliedAt: Date | null;
  evidence: string | null;
}

export interface ReferralState {
  referralId: string;
  referrer: Referrer;
  status: ReferralStatus;
  history: { status: ReferralStatus; at: Date }[];
}

export interface CaseState {
  filedAt: Date | null;
  /**
   * The whole case closed: accepted, settled or withdrawn by the complainant, or closed by an
   * administrator. A body closing its rung closes that rung only (R2.4).
   */
  closed: { at: Date; outcome: string } | null;
  /**
   * The furthest rung of the main ladder the case has reached (organisation → IRM or DPA panel
   * → arbitration). The Commerce review runs beside it and never moves it (R2.7).
   */
  rung: RungId | "closed" | "not_filed";
  organisation: {
    /** R2.1: when the organisation received the complaint, and how; its clocks run from then. */
    receivedAt: Date | null;
    receivedVia: ReceiptVia | null;
    acknowledgedAt: Date | null;
    respondedAt: Date | null;
    resolutionProposed: { at: Date; remedies: RemedyKind[] } | null;
    infoRequestOpen: boolean;
  };
  irm: {
    escalatedAt: Date;
    acknowledgedAt: Date | null;
    eligibility: { decision: EligibilityDecision; reason: string | null; at: Date } | null;
    openRequests: InfoSource[];
    /** Periods spent awaiting the complainant (R2.3: the clock may pause). */
    awaitingComplainant: Interval[];
    outcome: { kind: "conciliated" | "determined" | "ineligible" | "dismissed" | "closed"; at: Date } | null;
    /** R2.4: whether its determination upheld the complaint. */
    verdict: Verdict | null;
    closed: RungClosure | null;
  } | null;
  panel: {
    escalatedAt: Date;
    comments: { from: InfoSource; at: Date }[];
    advisedAt: Date | null;
    /** Whether its advice upheld the complaint. */
    verdict: Verdict | null;
    referralNotices: { kind: "ftc" | "delisting"; at: Date }[];
    /** Who referred the case to the panel (R2.5: the individual or the organisation). */
    by: InfoSource;
    closed: RungClosure | null;
  } | null;
  commerce: {
    requestedAt: Date;
    referredAt: Date | null;
    outcome: { outcome: string; at: Date } | null;
    closed: RungClosure | null;
  } | null;
  arbitration: {
    invokedAt: Date;
    noticeDeliveredAt: Date | null;
    proposed: string[] | null;
    strikes: Partial<Record<InfoSource, { struck: string[]; ranking: string[] }>>;
    arbitrators: string[] | null;
    hearing: { at: Date; mode: "video" | "phone" } | null;
    awardedAt: Date | null;
    /** Whether the award upheld the claim. */
    verdict: Verdict | null;
    /** R3.3: what the Notice asked for that arbitration cannot grant, refused with the case. */
    refused: MonetaryDemand[];
    closed: RungClosure | null;
  } | null;
  remedies: TrackedRemedy[];
  referrals: ReferralState[];
  bars: ArbitrationBar[];
  breachedClocks: string[];
  /** Who at the organisation handles the case (not a ladder fact; kept for the history). */
  assigneeUserId: string | null;
  lastEventAt: Date | null;
}

export function sortEvents(events: readonly LadderEvent[]): LadderEvent[] {
  return events.map((e, i) => [e, i] as const).sort((a, b) => a[0].at.getTime() - b[0].at.getTime() || a[1] - b[1]).map(([e]) => e);
}

export function emptyState(): CaseState {
  return {
    filedAt: null,
    closed: null,
    rung: "not_filed",
    organisation: { receivedAt: null, receivedVia: null, acknowledgedAt: null, respondedAt: null, resolutionProposed: null, infoRequestOpen: false },
    irm: null,
    panel: null,
    commerce: null,
    arbitration: null,
    remedies: [],
    referrals: [],
    bars: [],
    breachedClocks: [],
    assigneeUserId: null,
    lastEventAt: null,
  };
}

export function foldCase(events: readonly LadderEvent[]): CaseState {
  // One state, changed event by event: nobody else holds it until the fold returns.
  const state = emptyState();
  for (const event of sortEvents(events)) change(state, event);
  return state;
}

function orderRemedies(state: CaseState, source: RemedySource, at: Date, remedies: { id: string; kind: RemedyKind; dueAt: Date; description?: string }[]) {
  for (const r of remedies) state.remedies.push({ ...r, source, orderedAt: at, compliedAt: null, evidence: null });
}

/** The state after one more event, as a copy; `previous` is left as it was. */
export function applyEvent(previous: CaseState, event: LadderEvent): CaseState {
  const next = copyOf(previous);
  change(next, event);
  return next;
}

/**
 * A deep copy of plain data (objects, arrays, dates): a sixth of structuredClone's time on a
 * case state, which a sweep copies once per breach. Anything else is refused, not shared.
 */
export function copyOf<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new TypeError(`not plain data: ${Object.prototype.toString.call(value)}`);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** Applies an event to a state in place (the fold's step). */
function change(s: CaseState, event: LadderEvent): void {
  const at = event.at;
  s.lastEventAt = at;
  switch (event.type) {
    case "case.filed":
      s.filedAt = at;
      s.rung = "organisation";
      if (!event.data.awaitingDelivery) {
        s.organisation.receivedAt = event.data.receivedAt ?? at;
        s.organisation.receivedVia = event.data.via ?? "account";
      }
      break;
    case "organisation.received":
      if (!s.organisation.receivedAt) {
        s.organisation.receivedAt = event.data.receivedAt;
        s.organisation.receivedVia = event.data.via;
      }
      break;
    case "organisation.acknowledged":
      received(s, at);
      s.organisation.acknowledgedAt ??= at;
      break;
    case "organisation.info_requested":
      received(s, at);
      s.organisation.acknowledgedAt ??= at;
      s.organisation.infoRequestOpen = true;
      break;
    case "organisation.responded":
      received(s, at);
      s.organisation.acknowledgedAt ??= at;
      s.organisation.respondedAt ??= at;
      // R2.1: the company answered without waiting for its question's reply; nothing is asked of the complainant any more.
      s.organisation.infoRequestOpen = false;
      break;
    case "organisation.resolution_proposed":
      received(s, at);
      s.organisation.acknowledgedAt ??= at;
      s.organisation.respondedAt ??= at;
      s.organisation.infoRequestOpen = false;
      s.organisation.resolutionProposed = { at, remedies: event.data.remedies };
      break;
    case "complainant.info_provided":
      if (event.data.to === "organisation") s.organisation.infoRequestOpen = false;
      if (event.data.to === "irm" && s.irm) closeRequest(s.irm, "complainant", at);
      break;
    case "complainant.accepted":
      // R3.6: resolved with the organisation; not a settlement, so it records no bar.
      s.closed = { at, outcome: "accepted" };
      break;
    case "complainant.settled":
      s.closed = { at, outcome: "settled" };
      if (!s.bars.includes("settled")) s.bars.push("settled");
      orderRemedies(s, "settlement", at, event.data.remedies);
      break;
    case "complainant.withdrew":
      s.closed = { at, outcome: "withdrawn" };
      break;
    case "irm.escalated":
      s.irm = { escalatedAt: at, acknowledgedAt: null, eligibility: null, openRequests: [], awaitingComplainant: [], outcome: null, verdict: null, closed: null };
      s.rung = "irm";
      break;
    case "irm.acknowledged":
      if (s.irm) s.irm.acknowledgedAt ??= at;
      break;
    case "irm.eligibility_decided":
      if (s.irm) {
        s.irm.acknowledgedAt ??= at;
        s.irm.eligibility = { decision: event.data.decision, reason: event.data.reason ?? null, at };
        if (event.data.decision !== "eligible") s.irm.outcome = { kind: event.data.decision, at };
      }
      break;
    case "irm.info_requested":
      if (s.irm && !s.irm.openRequests.includes(event.data.from)) {
        s.irm.openRequests.push(event.data.from);
        if (event.data.from === "complainant") s.irm.awaitingComplainant.push({ from: at, to: null });
      }
      break;
    case "irm.info_received":
      if (s.irm) closeRequest(s.irm, event.data.from, at);
      break;
    case "irm.conciliated":
      if (s.irm) s.irm.outcome = { kind: "conciliated", at };
      if (!s.bars.includes("settled")) s.bars.push("settled");
      break;
    case "irm.determined":
      if (s.irm) {
        s.irm.outcome = { kind: "determined", at };
        s.irm.verdict = verdictOf(event.data);
      }
      orderRemedies(s, "irm", at, event.data.remedies);
      break;
    case "panel.escalated":
      s.panel = { escalatedAt: at, comments: [], advisedAt: null, verdict: null, referralNotices: [], by: event.by === "organisation" ? "organisation" : "complainant", closed: null };
      s.rung = "dpa_panel";
      break;
    case "panel.commented":
      s.panel?.comments.push({ from: event.data.from, at });
      break;
    case "panel.advised":
      if (s.panel) {
        s.panel.advisedAt = at;
        s.panel.verdict = verdictOf(event.data);
      }
      orderRemedies(s, "dpa_panel", at, event.data.remedies);
      break;
    case "panel.referral_noticed":
      s.panel?.referralNotices.push({ kind: event.data.kind, at });
      break;
    case "commerce.requested":
      s.commerce = { requestedAt: at, referredAt: null, outcome: null, closed: null };
      break;
    case "commerce.referred":
      if (s.commerce) s.commerce.referredAt = at;
      break;
    case "commerce.concluded":
      if (s.commerce) s.commerce.outcome = { outcome: event.data.outcome, at };
      break;
    case "arbitration.invoked":
      s.arbitration = { invokedAt: at, noticeDeliveredAt: null, proposed: null, strikes: {}, arbitrators: null, hearing: null, awardedAt: null, verdict: null, refused: event.data.refused ?? [], closed: null };
      s.rung = "arbitration";
      break;
    case "arbitration.notice_delivered":
      if (s.arbitration) s.arbitration.noticeDeliveredAt = at;
      break;
    case "arbitration.arbitrators_proposed":
      if (s.arbitration) s.arbitration.proposed = event.data.names;
      break;
    case "arbitration.strikes_submitted":
      if (s.arbitration) s.arbitration.strikes[event.data.side] = { struck: event.data.struck, ranking: event.data.ranking };
      break;
    case "arbitration.panel_constituted":
      if (s.arbitration) s.arbitration.arbitrators = event.data.arbitrators;
      break;
    case "arbitration.hearing_scheduled":
      if (s.arbitration) s.arbitration.hearing = { at: event.data.hearingAt, mode: event.data.mode };
      break;
    case "arbitration.awarded":
      if (s.arbitration) {
        s.arbitration.awardedAt = at;
        s.arbitration.verdict = verdictOf(event.data);
      }
      if (!s.bars.includes("already_arbitrated")) s.bars.push("already_arbitrated");
      orderRemedies(s, "arbitration", at, event.data.remedies);
      break;
    case "remedy.complied": {
      const remedy = s.remedies.find((r) => r.id === event.data.remedyId);
      if (remedy && !remedy.compliedAt) {
        remedy.compliedAt = at;
        remedy.evidence = event.data.evidence;
      }
      break;
    }
    case "referral.status_changed": {
      const existing = s.referrals.find((r) => r.referralId === event.data.referralId);
      if (existing) {
        existing.status = event.data.status;
        existing.history.push({ status: event.data.status, at });
      } else {
        s.referrals.push({
          referralId: event.data.referralId,
          referrer: event.data.referrer,
          status: event.data.status,
          history: [{ status: event.data.status, at }],
        });
      }
      break;
    }
    case "case.bar_recorded":
      if (!s.bars.includes(event.data.bar)) s.bars.push(event.data.bar);
      break;
    case "case.closed":
      closeRung(s, event.by, { at, outcome: event.data.outcome });
      break;
    case "case.assigned":
      s.assigneeUserId = event.data.assigneeUserId;
      break;
    case "clock.breached":
      if (!s.breachedClocks.includes(event.data.clock)) s.breachedClocks.push(event.data.clock);
      break;
  }
  if (s.closed) s.rung = "closed";
}

/** An organisation that acts on the case has received it, through the link or its account (R2.1). */
function received(s: CaseState, at: Date) {
  if (s.organisation.receivedAt) return;
  s.organisation.receivedAt = at;
  s.organisation.receivedVia = "link";
}

/** The rung each body closes (R2.4); an administrator closes the whole case. */
export const RUNG_CLOSED_BY: Partial<Record<LadderEvent["by"], "irm" | "panel" | "commerce" | "arbitration">> = {
  irm: "irm",
  dpa_panel: "panel",
  commerce: "commerce",
  arbitration: "arbitration",
};

function closeRung(s: CaseState, by: LadderEvent["by"], closure: RungClosure) {
  const rung = RUNG_CLOSED_BY[by];
  if (!rung) {
    s.closed = closure;
    return;
  }
  const held = s[rung];
  if (!held || held.closed) return;
  held.closed = closure;
  if (rung === "irm" && s.irm && !s.irm.outcome) s.irm.outcome = { kind: "closed", at: closure.at };
}

function closeRequest(irm: NonNullable<CaseState["irm"]>, from: InfoSource, at: Date) {
  irm.openRequests = irm.openRequests.filter((r) => r !== from);
  if (from === "complainant") {
    const open = irm.awaitingComplainant.find((p) => p.to === null);
    if (open) open.to = at;
  }
}
