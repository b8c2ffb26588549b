/**
 * The facts of a case: dated events. Every change to a case is one of these, recorded only
 * after `decide` (transitions.ts) accepted it.
 */
import type { MonetaryDemand, OrderedRemedy, RemedyKind } from "./remedies";

/** Who acts. `system` is Recourse itself (the deadline sweep). */
export const PARTIES = [
  "complainant",
  "organisation",
  "irm",
  "dpa_panel",
  /** The individual's own data protection authority, which refers a matter to Commerce (R2.7). */
  "dpa",
  "commerce",
  "arbitration",
  "administrator",
  "system",
] as const;
export type Party = (typeof PARTIES)[number];

export type InfoSource = "complainant" | "organisation";
export type EligibilityDecision = "eligible" | "ineligible" | "dismissed";
/** R2.7: Commerce's own case vocabulary. */
export const COMMERCE_OUTCOMES = ["successfully_closed", "unable_to_resolve", "administratively_closed", "denied"] as const;
export type CommerceOutcome = (typeof COMMERCE_OUTCOMES)[number];
/**
 * R2.4: how a body decided the complaint in a determination, an advice or an award. Upheld or
 * partly upheld orders remedies; not upheld orders none.
 */
export const VERDICTS = ["upheld", "partly_upheld", "not_upheld"] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The verdict a decision records. A decision recorded without one (before the verdict was asked
 * for) reads as upheld when it ordered remedies and as not upheld when it ordered none.
 */
export function verdictOf(data: { remedies?: readonly unknown[]; verdict?: Verdict }): Verdict {
  return data.verdict ?? (data.remedies?.length ? "upheld" : "not_upheld");
}
/** R3.2: what bars arbitration of the same claimed violation. */
export const ARBITRATION_BARS = ["already_arbitrated", "court_judgment", "settled"] as const;
export type ArbitrationBar = (typeof ARBITRATION_BARS)[number];
/** R4.1 */
export const REFERRAL_STATUSES = [
  "proposed",
  "referred",
  "acknowledged",
  "under_review",
  "action_taken",
  "closed_without_action",
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRERS = ["irm", "dpa_panel", "commerce", "member_state"] as const;
export type Referrer = (typeof REFERRERS)[number];
export type ClockKind =
  | "organisation.acknowledgment"
  | "organisation.response"
  | "irm.acknowledgment"
  | "irm.determination"
  | "panel.advice"
  | "panel.compliance"
  | "commerce.review"
  | "arbitration.conclusion"
  | "remedy";

/**
 * R2.1: how the organisation received the complaint — in its Recourse account, by delivery to
 * its published complaint contact, or by an earlier direct contact the complainant documents.
 */
export const RECEIPT_VIAS = ["account", "published_contact", "earlier_contact", "link"] as const;
export type ReceiptVia = (typeof RECEIPT_VIAS)[number];

/** The payload of each event type. */
export interface EventPayloads {
  /**
   * R2.1: receipt at filing (its account, or an earlier contact dated `receivedAt`), or
   * `awaitingDelivery` until `organisation.received`. An empty payload is receipt at filing.
   */
  "case.filed": { via?: ReceiptVia; receivedAt?: Date; awaitingDelivery?: boolean };
  "organisation.received": { via: ReceiptVia; receivedAt: Date };
  "organisation.acknowledged": Record<string, never>;
  "organisation.info_requested": Record<string, never>;
  "organisation.responded": Record<string, never>;
  "organisation.resolution_proposed": { remedies: RemedyKind[] };
  "complainant.info_provided": { to: "organisation" | "irm" };
  "complainant.accepted": Record<string, never>;
  "complainant.withdrew": Record<string, never>;
  /** R3.6: an agreement with the organisation; its agreed remedies are tracked (R4.3). */
  "complainant.settled": { remedies: OrderedRemedy[] };
  "irm.escalated": Record<string, never>;
  "irm.acknowledged": Record<string, never>;
  "irm.eligibility_decided": { decision: EligibilityDecision; reason?: string };
  "irm.info_requested": { from: InfoSource };
  "irm.info_received": { from: InfoSource };
  "irm.conciliated": Record<string, never>;
  /**
   * Decisions carry their verdict and written findings, read by both sides beside the outcome.
   * `verdict` is required of new decisions; older ones lack it (read them with `verdictOf`).
   */
  "irm.determined": { verdict?: Verdict; remedies: OrderedRemedy[]; findings?: string };
  "panel.escalated": Record<string, never>;
  "panel.commented": { from: InfoSource };
  "panel.advised": { verdict?: Verdict; remedies: OrderedRemedy[]; findings?: string };
  "panel.referral_noticed": { kind: "ftc" | "delisting" };
  "commerce.requested": Record<string, never>;
  "commerce.referred": Record<string, never>;
  "commerce.concluded": { outcome: CommerceOutcome; findings?: string };
  /** R3.3: the parts of the Notice refused because they ask for money, kept with the case. */
  "arbitration.invoked": { refused?: MonetaryDemand[] };
  "arbitration.notice_delivered": Record<string, never>;
  "arbitration.arbitrators_proposed": { names: string[] };
  "arbitration.strikes_submitted": { side: InfoSource; struck: string[]; ranking: string[] };
  "arbitration.panel_constituted": { arbitrators: string[] };
  "arbitration.hearing_scheduled": { hearingAt: Date; mode: "video" | "phone" };
  "arbitration.awarded": { verdict?: Verdict; remedies: OrderedRemedy[]; findings?: string };
  "remedy.complied": { remedyId: string; evidence: string };
  "referral.status_changed": { referralId: string; status: ReferralStatus; referrer: Referrer };
  "case.bar_recorded": { bar: ArbitrationBar };
  "case.closed": { outcome: string };
  "case.assigned": { assigneeUserId: string | null };
  "clock.breached": { clock: string };
}

export type EventType = keyof EventPayloads;
export const EVENT_TYPES = [
  "case.filed",
  "organisation.received",
  "organisation.acknowledged",
  "organisation.info_requested",
  "organisation.responded",
  "organisation.resolution_proposed",
  "complainant.info_provided",
  "complainant.accepted",
  "complainant.withdrew",
  "complainant.settled",
  "irm.escalated",
  "irm.acknowledged",
  "irm.eligibility_decided",
  "irm.info_requested",
  "irm.info_received",
  "irm.conciliated",
  "irm.determined",
  "panel.escalated",
  "panel.commented",
  "panel.advised",
  "panel.referral_noticed",
  "commerce.requested",
  "commerce.referred",
  "commerce.concluded",
  "arbitration.invoked",
  "arbitration.notice_delivered",
  "arbitration.arbitrators_proposed",
  "arbitration.strikes_submitted",
  "arbitration.panel_constituted",
  "arbitration.hearing_scheduled",
  "arbitration.awarded",
  "remedy.complied",
  "referral.status_changed",
  "case.bar_recorded",
  "case.closed",
  "case.assigned",
  "clock.breached",
] as const satisfies readonly EventType[];

export type LadderEvent = {
  [T in EventType]: { type: T; at: Date; by: Party; data: EventPayloads[T] };
}[EventType];

export type EventOf<T extends EventType> = Extract<LadderEvent, { type: T }>;
