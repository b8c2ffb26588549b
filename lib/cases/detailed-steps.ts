/**
 * Steps that need details, each with its own schema: the fields (a form's, or an API call's
 * `details`) become the event's payload, which the ladder then judges like any other step.
 * What the case itself names — the remedy acted on (the step's target), the side taking it —
 * comes from the step's context, never from the details.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ARBITRATION_BARS, COMMERCE_OUTCOMES, REMEDY_KINDS, VERDICTS, type ActionId, type EventPayloads, type EventType, type Party } from "@/lib/ladder";
import { plain } from "./filing-schema";

/** What the case names for a step: the object it acts on and the side taking it. */
export interface StepContext {
  target?: string;
  party?: Party;
}

const remedySchema = z.object({
  kind: z.enum(REMEDY_KINDS),
  due: z.iso.date({ message: "invalid_date" }).meta({ description: "The day it is due (YYYY-MM-DD); it ends at the organisation's end of that day." }),
  description: plain(500).optional(),
});
const remediesSchema = z.array(remedySchema).max(10);
/** A decision's written findings: what was found and why, for both sides to read. */
const findingsSchema = plain(5000).pipe(z.string().min(1, { message: "required" }));
/** R2.4: a decision upholds the complaint (wholly or in part) and orders remedies, or does not and orders none. */
const decision = z
  .object({
    verdict: z.enum(VERDICTS, { message: "required" }),
    remedies: remediesSchema,
    findings: findingsSchema,
  })
  .superRefine((d, ctx) => {
    if (d.verdict === "not_upheld" && d.remedies.length) ctx.addIssue({ code: "custom", path: ["remedies"], message: "not_upheld_orders_nothing" });
    if (d.verdict !== "not_upheld" && !d.remedies.length) ctx.addIssue({ code: "custom", path: ["remedies"], message: "verdict_needs_remedies" });
  });
type Decision = z.infer<typeof decision>;
const decided = (d: Decision) => ({ verdict: d.verdict, remedies: toRemedies(d.remedies), findings: d.findings });

/** Due dates are days (noon UTC of the day); recording anchors each to the organisation's end of that day (R4.3). */
const toRemedies = (list: z.infer<typeof remediesSchema>) =>
  list.map((r) => ({ id: `rem-${randomBytes(4).toString("hex")}`, kind: r.kind, dueAt: new Date(`${r.due}T12:00:00Z`), ...(r.description ? { description: r.description } : {}) }));

export const DETAILED_STEPS = {
  decide_eligibility: {
    event: "irm.eligibility_decided",
    schema: z.object({ decision: z.enum(["eligible", "ineligible", "dismissed"]), reason: plain(2000).optional() }),
    payload: (d: { decision: "eligible" | "ineligible" | "dismissed"; reason?: string }) => ({ decision: d.decision, ...(d.reason ? { reason: d.reason } : {}) }),
  },
  settle: { event: "complainant.settled", schema: z.object({ remedies: remediesSchema }), payload: (d: { remedies: z.infer<typeof remediesSchema> }) => ({ remedies: toRemedies(d.remedies) }) },
  issue_determination: { event: "irm.determined", schema: decision, payload: decided },
  issue_advice: { event: "panel.advised", schema: decision, payload: decided },
  issue_award: { event: "arbitration.awarded", schema: decision, payload: decided },
  conclude_review: {
    event: "commerce.concluded",
    schema: z.object({ outcome: z.enum(COMMERCE_OUTCOMES), findings: plain(5000).optional() }),
    payload: (d: { outcome: (typeof COMMERCE_OUTCOMES)[number]; findings?: string }) => ({ outcome: d.outcome, ...(d.findings ? { findings: d.findings } : {}) }),
  },
  notice_referral: { event: "panel.referral_noticed", schema: z.object({ kind: z.enum(["ftc", "delisting"]) }), payload: (d: { kind: "ftc" | "delisting" }) => d },
  record_compliance: {
    event: "remedy.complied",
    schema: z.object({ evidence: plain(2000).pipe(z.string().min(1, { message: "required" })) }),
    payload: (d: { evidence: string }, c: StepContext) => ({ remedyId: c.target ?? "", evidence: d.evidence }),
  },
  propose_arbitrators: {
    event: "arbitration.arbitrators_proposed",
    schema: z.object({ names: z.array(plain(200).pipe(z.string().min(1, { message: "required" }))).length(5, { message: "five_names" }) }),
    payload: (d: { names: string[] }) => d,
  },
  submit_strikes: {
    event: "arbitration.strikes_submitted",
    schema: z.object({
      choices: z.record(z.string().max(200), z.enum(["strike", "1", "2", "3"])).meta({ description: "Each proposed arbitrator's name: \"strike\" or a rank \"1\" to \"3\" (two strikes, three ranks)." }),
    }),
    /** Each name is struck or given a rank; the ladder checks the side, two strikes and three ranks (R3.4). */
    payload: (d: { choices: Record<string, "strike" | "1" | "2" | "3"> }, c: StepContext) => {
      const entries = Object.entries(d.choices);
      return {
        side: c.party === "complainant" ? "complainant" : "organisation",
        struck: entries.filter(([, c]) => c === "strike").map(([n]) => n),
        ranking: entries.filter(([, c]) => c !== "strike").sort((a, b) => Number(a[1]) - Number(b[1])).map(([n]) => n),
      };
    },
  },
  constitute_panel: {
    event: "arbitration.panel_constituted",
    schema: z.object({ arbitrators: z.array(z.string().max(200)).min(1) }),
    payload: (d: { arbitrators: string[] }) => d,
  },
  schedule_hearing: {
    event: "arbitration.hearing_scheduled",
    schema: z.object({ hearingAt: z.iso.datetime({ local: true, precision: -1, message: "invalid_date" }).meta({ description: "Date and time in UTC (YYYY-MM-DDTHH:MM)." }), mode: z.enum(["video", "phone"]) }),
    payload: (d: { hearingAt: string; mode: "video" | "phone" }) => ({ hearingAt: new Date(`${d.hearingAt.replace(/Z$/, "")}:00Z`), mode: d.mode }),
  },
  record_bar: { event: "case.bar_recorded", schema: z.object({ bar: z.enum(ARBITRATION_BARS) }), payload: (d: { bar: (typeof ARBITRATION_BARS)[number] }) => d },
  close_case: { event: "case.closed", schema: z.object({ outcome: plain(500).pipe(z.string().min(1, { message: "required" })) }), payload: (d: { outcome: string }) => d },
} as const satisfies Partial<Record<ActionId, { event: EventType; schema: z.ZodObject; payload: (d: never, c: StepContext) => unknown }>>;

export type DetailedAction = keyof typeof DETAILED_STEPS;

export function isDetailedAction(action: string): action is DetailedAction {
  return action in DETAILED_STEPS;
}

/** The event a detailed step records, or the field errors of its form. */
export function detailedEvent(action: DetailedAction, input: unknown, context: StepContext = {}): { ok: true; type: EventType; data: EventPayloads[EventType] } | { ok: false; errors: Record<string, string[]> } {
  const step = DETAILED_STEPS[action];
  const parsed = step.schema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
    return { ok: false, errors };
  }
  // Compliance is recorded against one remedy: the step names it.
  if (action === "record_compliance" && !context.target) return { ok: false, errors: { target: ["required"] } };
  return { ok: true, type: step.event, data: (step.payload as (d: unknown, c: StepContext) => unknown)(parsed.data, context) as EventPayloads[EventType] };
}
