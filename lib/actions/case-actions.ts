"use server";
/**
 * Case steps from the case page's forms, each through the action pipeline: the data layer
 * authorizes and records; the form shows what was done or why not.
 */
import { z } from "zod";
import { messageBody } from "@/lib/cases/filing-schema";
import { recordEvent } from "@/lib/cases/commands";
import { isDetailedAction, type DetailedAction } from "@/lib/cases/detailed-steps";
import { takeDetailedStep as takeStepWithDetails, takeStep as takeOneStep } from "@/lib/cases/steps";
import { MESSAGE_STEPS } from "@/lib/cases/step-registry";
import { MAX_BULK, assignCases as assignCasesIn, type BulkAssignResult } from "@/lib/cases/bulk-assign";
import { ValidationError } from "@/lib/errors";
import { PARTIES, REMEDY_KINDS, type ActionId } from "@/lib/ladder";
import { formAction } from "./form-action";
import { checkedFiles } from "./files";
import { many } from "./pipeline";

const caseForm = z.object({
  caseId: z.uuid({ message: "invalid" }),
  version: z.coerce.number().int().min(0),
  party: z.enum(PARTIES).optional(),
});

const stepForm = caseForm.extend({
  action: z.string().regex(/^[a-z_]{1,40}$/),
  target: z.string().max(120).optional(),
});

export const takeStep = formAction(stepForm, async (input, { db, actor, now, meta }) => {
  await takeOneStep(db, actor, { caseId: input.caseId, action: input.action as ActionId, target: input.target, party: input.party, expectedVersion: input.version }, now, meta);
  return input.action;
});

const messageStepForm = stepForm.extend({
  action: z.enum(MESSAGE_STEPS),
  body: messageBody,
  remedies: many(z.enum(REMEDY_KINDS)),
  files: many(z.instanceof(File)),
});

/**
 * A step whose substance is a message — the organisation's reply, request for information or
 * proposal, either side's comment to the DPA panel, the notice of arbitration: the step and
 * its message in one write.
 */
export const takeStepWithMessage = formAction(messageStepForm, async (input, { db, actor, now, meta }) => {
  // Only an answer to a question carries documents: checked before anything is written.
  const documents = input.action === "provide_information" ? await checkedFiles(input.files) : [];
  await takeOneStep(db, actor, { caseId: input.caseId, action: input.action, target: input.target, party: input.party, expectedVersion: input.version, message: { body: input.body, remedies: input.remedies, documents } }, now, meta);
  return input.action;
});

const assignForm = caseForm.extend({ assignee: z.string().max(64).optional() });

export const assignCase = formAction(assignForm, async (input, { db, actor, now, meta }) => {
  await recordEvent(db, actor, input.caseId, { type: "case.assigned", data: { assigneeUserId: input.assignee ?? null }, party: "organisation" }, { now, expectedVersion: input.version, meta });
  return "assign";
});

/** A case as the queue lists it for selection: its id and the version the page showed. */
const caseAtVersion = z.string().regex(/^[0-9a-f-]{36}:\d{1,9}$/).transform((v) => {
  const [caseId, version] = v.split(":");
  return { caseId: caseId!, version: Number(version) };
});

const bulkAssignForm = z.object({
  organisationId: z.uuid({ message: "invalid" }),
  assignee: z.string().min(1).max(64),
  cases: many(caseAtVersion).refine((list) => list.length <= MAX_BULK, "too_many_cases"),
  // "Select all on this page" without JavaScript: the page lists its cases beside the box.
  allOnPage: z.literal("1").optional(),
  pageCases: many(caseAtVersion).refine((list) => list.length <= MAX_BULK, "too_many_cases"),
});

/** Assigns the cases ticked in the queue; the result counts those assigned and names the others. */
export const assignCases = formAction(bulkAssignForm, async (input, { db, actor, now, meta }) => {
  const chosen = input.allOnPage ? input.pageCases : input.cases;
  if (!chosen.length) throw new ValidationError({ cases: ["select_cases"] });
  const result = await assignCasesIn(db, actor, input.organisationId, chosen, input.assignee, now, meta);
  return { done: "bulk_assign", result } satisfies { done: string; result: BulkAssignResult };
});

const detailedForm = stepForm.extend({ action: z.string().refine(isDetailedAction), arbitrators: many(z.string().max(200)) });

/** The form field a detailed step's schema path names (`remedies.0.due` is `remedy_due_0`). */
function fieldOf(path: string): string {
  const remedy = /^remedies\.(\d+)\.(kind|due|description)$/.exec(path);
  if (remedy) return `remedy_${remedy[2]}_${remedy[1]}`;
  const name = /^names\.(\d+)$/.exec(path);
  if (name) return `name_${name[1]}`;
  return path;
}

/** A step with details (a decision and its reason, remedies with due dates, an outcome). */
export const takeDetailedStep = formAction(detailedForm, async (input, { db, actor, now, meta }, form) => {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && value !== "") fields[key] = value;
  const remedies = [0, 1, 2]
    .filter((i) => fields[`remedy_kind_${i}`])
    .map((i) => ({ kind: fields[`remedy_kind_${i}`], due: fields[`remedy_due_${i}`] ?? "", description: fields[`remedy_description_${i}`] }));
  // Repeated and indexed fields: the five names, each name's strike or rank, the chosen arbitrators.
  const names = [0, 1, 2, 3, 4].map((i) => fields[`name_${i}`] ?? "");
  const choices = Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith("choice:")).map(([k, v]) => [k.slice(7), v]));
  try {
    await takeStepWithDetails(
      db,
      actor,
      { caseId: input.caseId, action: input.action as DetailedAction, details: { ...fields, remedies, names, choices, arbitrators: input.arbitrators }, target: input.target, party: input.party, expectedVersion: input.version },
      now,
      meta,
    );
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const errors: Record<string, string[]> = {};
    for (const [path, keys] of Object.entries(error.fieldErrors)) (errors[fieldOf(path)] ??= []).push(...keys);
    throw new ValidationError(errors);
  }
  return input.action;
});
