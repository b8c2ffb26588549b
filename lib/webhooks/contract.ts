/**
 * The webhook payloads as zod schemas, for the OpenAPI document's `webhooks`: the envelope
 * Standard Webhooks describes (`{type, timestamp, data}`) and each type's `data`. A test holds
 * what lib/webhooks/events.ts builds to these.
 */
import { z } from "zod";
import type { WebhookEventType } from "./events";

const instant = z.iso.datetime({ offset: true });
const caseData = { caseId: z.uuid(), reference: z.string().meta({ description: "The case's reference, e.g. RC-2026-7KQ2MX." }) };
const stepData = {
  ...caseData,
  seq: z.number().int().meta({ description: "The event's place in the case's history." }),
  event: z.string().meta({ description: "The ladder event, e.g. organisation.acknowledged." }),
  party: z.string().meta({ description: "Who took it: complainant, organisation, irm, dpa_panel, commerce, arbitrator, system…" }),
  at: instant,
};

export const WEBHOOK_DATA = {
  "case.filed": z.object({ ...caseData, seq: z.number().int(), at: instant }),
  "case.step_taken": z.object(stepData),
  "case.escalated": z.object({ ...stepData, rung: z.string().meta({ description: "The rung just opened, whose body receives this." }) }),
  "clock.breached": z.object({ ...stepData, clock: z.string().meta({ description: "The clock that ran out." }) }),
  "case.message": z.object({
    ...caseData,
    message: z.object({
      id: z.uuid(),
      authorParty: z.string(),
      visibility: z.string(),
      body: z.string(),
      createdAt: instant,
      via: z
        .discriminatedUnion("channel", [
          z.object({ channel: z.literal("web") }),
          z.object({ channel: z.literal("api"), token: z.string().meta({ description: "The name of the API token that wrote it." }) }),
          z.object({ channel: z.literal("email") }),
          z.object({ channel: z.literal("link") }),
        ])
        .meta({ description: "How it came in: the pages, an API token (by name: a system can skip the messages it wrote itself), a reply by e-mail, or the company's mailed link." }),
    }),
  }),
  "clock.reminder": z.object({ ...caseData, clock: z.object({ id: z.string(), party: z.string(), dueAt: instant, daysLeft: z.number().int() }) }),
} satisfies Record<WebhookEventType, z.ZodType>;

export const WEBHOOK_SUMMARY: Record<WebhookEventType, string> = {
  "case.filed": "A complaint was filed against the organisation (after its complainant confirmed their address).",
  "case.step_taken": "A step was recorded on a case the subscriber is a party to.",
  "case.escalated": "A case was handed to the subscribing body.",
  "clock.breached": "A clock ran out on the case.",
  "case.message": "A message the subscriber's side may read was written.",
  "clock.reminder": "A deadline the subscriber's side owes is near.",
};

/** The body a receiver gets for one type. */
export const webhookPayload = (type: WebhookEventType) => z.object({ type: z.literal(type), timestamp: instant, data: WEBHOOK_DATA[type] });
