"use server";
/**
 * Case steps from forms: validate with zod, resolve the actor, let the data layer authorize
 * and record, then return to the case page with the outcome in the URL.
 */
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { takeOneClickStep } from "@/lib/cases/steps";
import { now } from "@/lib/clock";
import { NotFoundError, RuleError } from "@/lib/errors";
import { PARTIES, REMEDY_KINDS, arbitrationInvocation } from "@/lib/ladder";
import { cases } from "@/db/schema";
import { scopeToCase } from "@/lib/auth/policy";
import { recordEvent, type ProposedEvent } from "@/lib/cases/commands";
import { listTeam } from "@/lib/organisations/team";
import { detailedEvent, isDetailedAction, type DetailedAction } from "@/lib/cases/detailed-steps";
import { formFields } from "./form-fields";
import { outcomeOf } from "./outcome";
import { requestMeta } from "./request-meta";

const stepSchema = z.object({
  locale: z.enum(routing.locales),
  caseId: z.string().uuid(),
  action: z.string().regex(/^[a-z_]{1,40}$/),
  target: z.string().max(120).optional(),
  party: z.enum(PARTIES).optional(),
  version: z.coerce.number().int().min(0),
});

const messageStepSchema = stepSchema.extend({
  action: z.enum(["respond", "request_information", "propose_resolution", "comment_to_panel", "invoke_arbitration"]),
  body: z.string().max(10_000),
});

/**
 * A step whose substance is a message — the organisation's reply, request for information or
 * proposal, or either side's comment to the DPA panel: the step and its message in one write.
 */
export async function takeStepWithMessage(form: FormData): Promise<void> {
  const parsed = messageStepSchema.safeParse(formFields(form, { except: ["remedies"] }));
  const locale = parsed.success ? parsed.data.locale : routing.defaultLocale;
  if (!parsed.success) redirect({ href: "/home", locale });
  const input = parsed.data!;
  const remedies = z.array(z.enum(REMEDY_KINDS)).safeParse(form.getAll("remedies"));
  const type = ({ respond: "organisation.responded", request_information: "organisation.info_requested", propose_resolution: "organisation.resolution_proposed", comment_to_panel: "panel.commented", invoke_arbitration: "arbitration.invoked" } as const)[input.action];
  const side = input.party === "complainant" ? "complainant" : "organisation";
  const data =
    input.action === "propose_resolution" ? { remedies: remedies.success ? remedies.data : [] }
    : input.action === "comment_to_panel" ? { from: side }
    : input.action === "invoke_arbitration" ? arbitrationInvocation(input.body)
    : {};
  const db = await getDb();
  let outcome: string;
  try {
    await recordEvent(db, await currentActor(), input.caseId, { type, data, party: side } as ProposedEvent, {
      now: await now(db),
      expectedVersion: input.version,
      meta: await requestMeta(),
      message: { body: input.body, visibility: "complainant" },
    });
    outcome = `done=${input.action}`;
  } catch (error) {
    outcome = outcomeOf(error);
  }
  redirect({ href: `/cases/${input.caseId}?${outcome}`, locale });
}

const assignSchema = z.object({ locale: z.enum(routing.locales), caseId: z.string().uuid(), version: z.coerce.number().int().min(0), assignee: z.string().max(64) });

export async function assignCase(form: FormData): Promise<void> {
  const parsed = assignSchema.safeParse({ locale: form.get("locale"), caseId: form.get("caseId"), version: form.get("version"), assignee: form.get("assignee") ?? "" });
  if (!parsed.success) redirect({ href: "/home", locale: routing.defaultLocale });
  const input = parsed.data!;
  const db = await getDb();
  let outcome = "done=assign";
  try {
    const actor = await currentActor();
    const [row] = await db.select({ organisationId: cases.organisationId }).from(cases).where(scopeToCase(actor, input.caseId));
    if (!row) throw new NotFoundError();
    const staff = input.assignee ? await listTeam(db, actor, row.organisationId) : [];
    if (input.assignee && !staff.some((s) => s.userId === input.assignee)) throw new RuleError({ code: "generic" });
    await recordEvent(db, actor, input.caseId, { type: "case.assigned", data: { assigneeUserId: input.assignee || null }, party: "organisation" }, { now: await now(db), expectedVersion: input.version });
  } catch (error) {
    outcome = outcomeOf(error);
  }
  redirect({ href: `/cases/${input.caseId}?${outcome}`, locale: input.locale });
}

const detailedSchema = stepSchema.extend({ action: z.string().refine(isDetailedAction) });

/** A step with details (a decision and its reason, remedies with due dates, an outcome). */
export async function takeDetailedStep(form: FormData): Promise<void> {
  const entries = formFields(form);
  const parsed = detailedSchema.safeParse(entries);
  const locale = parsed.success ? parsed.data.locale : routing.defaultLocale;
  if (!parsed.success) redirect({ href: "/home", locale });
  const input = parsed.data!;
  const remedies = [0, 1, 2]
    .filter((i) => entries[`remedy_kind_${i}`])
    .map((i) => ({ kind: entries[`remedy_kind_${i}`], due: entries[`remedy_due_${i}`] ?? "", description: entries[`remedy_description_${i}`] }));
  // Repeated and indexed fields: the five names, each name's strike or rank, the chosen arbitrators.
  const names = [0, 1, 2, 3, 4].map((i) => entries[`name_${i}`] ?? "");
  const choices = Object.fromEntries(Object.entries(entries).filter(([k]) => k.startsWith("choice:")).map(([k, v]) => [k.slice(7), v]));
  const arbitrators = form.getAll("arbitrators").filter((v): v is string => typeof v === "string");
  const built = detailedEvent(input.action as DetailedAction, { ...entries, remedyId: input.target, remedies, names, choices, arbitrators, side: input.party });
  let outcome: string;
  if (!built.ok) {
    outcome = `error=${encodeURIComponent(Object.values(built.errors)[0]?.[0] ?? "invalid")}`;
  } else {
    try {
      const db = await getDb();
      await recordEvent(db, await currentActor(), input.caseId, { type: built.type, data: built.data, party: input.party } as ProposedEvent, {
        now: await now(db),
        expectedVersion: input.version,
        meta: await requestMeta(),
      });
      outcome = `done=${input.action}`;
    } catch (error) {
      outcome = outcomeOf(error);
    }
  }
  redirect({ href: `/cases/${input.caseId}?${outcome}`, locale });
}

export async function takeStep(form: FormData): Promise<void> {
  const parsed = stepSchema.safeParse(formFields(form));
  const locale = parsed.success ? parsed.data.locale : routing.defaultLocale;
  if (!parsed.success) redirect({ href: "/home", locale });
  const input = parsed.data!;
  const back = (query: string) => redirect({ href: `/cases/${input.caseId}?${query}`, locale });
  const actor = await currentActor();
  const db = await getDb();
  let outcome: string;
  try {
    await takeOneClickStep(db, actor, { caseId: input.caseId, action: input.action as never, target: input.target, party: input.party, expectedVersion: input.version }, await now(db), await requestMeta());
    outcome = `done=${input.action}`;
  } catch (error) {
    outcome = outcomeOf(error);
  }
  back(outcome);
}
