/**
 * The case events a subscription can choose, and the payloads each carries (Standard
 * Webhooks' `{type, timestamp, data}`). Pure: lib/webhooks/enqueue.ts decides who gets them.
 */
import { handedOverBy, type BodyPlace, type LadderEvent, type Party } from "@/lib/ladder";

export const WEBHOOK_EVENT_TYPES = ["case.filed", "case.step_taken", "case.message", "clock.reminder", "clock.breached", "case.escalated"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface CaseRef {
  id: string;
  reference: string;
  organisationId: string;
  complainantUserId: string;
}

/** One event on one case, before it is matched with the subscriptions that may receive it. */
export interface WebhookEvent {
  type: WebhookEventType;
  /** What caused it (an event `ev:<case>:<seq>`, a message, a clock threshold): with the type, its key. */
  cause: string;
  caseRef: CaseRef;
  at: Date;
  data: Record<string, unknown>;
  /** Only subscribers that act as one of these parties on the case (a reminder: the party that must act). */
  parties?: Party[];
  /** Only a message's readers: the subscriber's party must be allowed to read it. */
  message?: { visibility: string; authorParty: string };
  /** Only the body the case was just handed to, on this rung. */
  rung?: BodyPlace;
}

const caseData = (c: CaseRef) => ({ caseId: c.id, reference: c.reference });

/** The webhook events a recorded ladder event causes: filed, a breach, or a step (and to the receiving body, escalated). */
export function eventsOfStep(caseRef: CaseRef, event: LadderEvent, seq: number): WebhookEvent[] {
  const cause = `ev:${caseRef.id}:${seq}`;
  const base = { ...caseData(caseRef), seq, event: event.type, party: event.by, at: event.at.toISOString() };
  if (event.type === "case.filed") return [{ type: "case.filed", cause, caseRef, at: event.at, data: { ...caseData(caseRef), seq, at: event.at.toISOString() } }];
  if (event.type === "clock.breached") return [{ type: "clock.breached", cause, caseRef, at: event.at, data: { ...base, clock: event.data.clock } }];
  const out: WebhookEvent[] = [{ type: "case.step_taken", cause, caseRef, at: event.at, data: base }];
  const rung = handedOverBy(event);
  if (rung) out.push({ type: "case.escalated", cause, caseRef, at: event.at, data: { ...base, rung }, rung });
  return out;
}

/**
 * How a message came in: through the pages, an API token (named, so that a system can tell the
 * messages it wrote itself from the rest), a reply by e-mail, or the company's mailed link.
 */
export type MessageVia = { channel: "web" } | { channel: "api"; token: string } | { channel: "email" } | { channel: "link" };

export interface MessageWritten {
  id: string;
  authorParty: string;
  visibility: string;
  body: string;
  createdAt: Date;
  via: MessageVia;
}

/** The channel an actor writes through; `email` where the message came as a reply by e-mail. */
export function viaOf(actor: { kind: string; tokenName?: string } | null, email = false): MessageVia {
  if (email) return { channel: "email" };
  if (!actor) return { channel: "link" };
  return actor.kind === "token" ? { channel: "api", token: actor.tokenName ?? "" } : { channel: "web" };
}

export function eventOfMessage(caseRef: CaseRef, m: MessageWritten): WebhookEvent {
  return {
    type: "case.message",
    cause: `msg:${m.id}`,
    caseRef,
    at: m.createdAt,
    data: { ...caseData(caseRef), message: { id: m.id, authorParty: m.authorParty, visibility: m.visibility, body: m.body, createdAt: m.createdAt.toISOString(), via: m.via } },
    message: { visibility: m.visibility, authorParty: m.authorParty },
  };
}

export interface ClockReminder {
  clockId: string;
  party: Party;
  dueAt: Date;
  thresholdDays: number;
  /** Calendar days left on the due day's calendar. */
  daysLeft: number;
}

export function eventOfReminder(caseRef: CaseRef, r: ClockReminder, at: Date): WebhookEvent {
  return {
    type: "clock.reminder",
    cause: `clock:${caseRef.id}:${r.clockId}:${r.dueAt.toISOString()}:${r.thresholdDays}`,
    caseRef,
    at,
    data: { ...caseData(caseRef), clock: { id: r.clockId, party: r.party, dueAt: r.dueAt.toISOString(), daysLeft: r.daysLeft } },
    parties: [r.party],
  };
}
