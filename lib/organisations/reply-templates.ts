/**
 * An organisation's reply templates. Their placeholders are checked when a template is saved
 * (an unknown one is refused, naming it), and filled on the server from the case, so a reply
 * never carries a placeholder left unfilled.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, cases, deadlines, organisations, replyTemplates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { canReadReplyTemplates, canWriteReplyTemplates, partiesOnCase, scopeToCase } from "@/lib/auth/policy";
import { fieldErrorsOf } from "@/lib/cases/commands";
import { ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { mailDate } from "@/lib/mail/templates";

export const PLACEHOLDERS = ["complainant_name", "reference", "company", "due_date"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const shown = (name: string) => `{{${name}}}`;

export const templateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(10_000),
});
export type TemplateInput = z.infer<typeof templateSchema>;

/** The placeholders a body names that Recourse cannot fill. */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name)))];
}

/** The body with each placeholder replaced by its value. */
export function fillPlaceholders(body: string, values: Record<Placeholder, string>): string {
  return body.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = values[name as Placeholder];
    // A name that ends with its own full stop ("mParticle, Inc.") before the sentence's: one stop.
    return value.endsWith(".") && body[offset + whole.length] === "." ? value.slice(0, -1) : value;
  });
}

/** A template as saved: its shape, then its placeholders (the refusal names the unknown ones). */
export function checkTemplate(raw: unknown): TemplateInput {
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const unknown = unknownPlaceholders(parsed.data.body);
  if (unknown.length) throw new RuleError({ code: "unknown_placeholder", params: { names: unknown.map(shown).join(", "), allowed: PLACEHOLDERS.map(shown).join(", ") } });
  return parsed.data;
}

function assertReader(actor: Actor, organisationId: string) {
  if (!isUuid(organisationId) || !canReadReplyTemplates(actor, organisationId)) throw new NotFoundError();
}

function assertWriter(actor: Actor, organisationId: string): asserts actor is Extract<Actor, { kind: "user" }> {
  assertReader(actor, organisationId);
  if (actor.kind !== "user" || !canWriteReplyTemplates(actor, organisationId)) throw new ForbiddenError();
}

export async function listReplyTemplates(db: Db, actor: Actor, organisationId: string) {
  assertReader(actor, organisationId);
  return db
    .select({ id: replyTemplates.id, name: replyTemplates.name, body: replyTemplates.body })
    .from(replyTemplates)
    .where(eq(replyTemplates.organisationId, organisationId))
    .orderBy(asc(replyTemplates.name));
}

async function assertNameFree(db: Db, organisationId: string, name: string, except?: string) {
  const [taken] = await db
    .select({ id: replyTemplates.id })
    .from(replyTemplates)
    .where(and(eq(replyTemplates.organisationId, organisationId), eq(replyTemplates.name, name), except ? ne(replyTemplates.id, except) : undefined));
  if (taken) throw new ValidationError({ name: ["template_name_taken"] });
}

const audit = (actor: Extract<Actor, { kind: "user" }>, organisationId: string, action: string, templateId: string, now: Date) => ({
  actorUserId: actor.userId,
  entity: "organisation",
  entityId: organisationId,
  action,
  data: { templateId },
  at: now,
});

export async function createReplyTemplate(db: Db, actor: Actor, organisationId: string, raw: unknown, now: Date) {
  assertWriter(actor, organisationId);
  const input = checkTemplate(raw);
  await assertNameFree(db, organisationId, input.name);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(replyTemplates).values({ organisationId, ...input, createdAt: now, updatedAt: now }).returning({ id: replyTemplates.id });
    await tx.insert(auditLog).values(audit(actor, organisationId, "reply_template_created", row!.id, now));
    return row!;
  });
}

export async function updateReplyTemplate(db: Db, actor: Actor, organisationId: string, templateId: string, raw: unknown, now: Date) {
  assertWriter(actor, organisationId);
  const input = checkTemplate(raw);
  await assertNameFree(db, organisationId, input.name, templateId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(replyTemplates)
      .set({ ...input, updatedAt: now })
      .where(and(eq(replyTemplates.id, templateId), eq(replyTemplates.organisationId, organisationId)))
      .returning({ id: replyTemplates.id });
    if (!row) throw new NotFoundError();
    await tx.insert(auditLog).values(audit(actor, organisationId, "reply_template_changed", templateId, now));
  });
}

export async function deleteReplyTemplate(db: Db, actor: Actor, organisationId: string, templateId: string, now: Date) {
  assertWriter(actor, organisationId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(replyTemplates)
      .where(and(eq(replyTemplates.id, templateId), eq(replyTemplates.organisationId, organisationId)))
      .returning({ id: replyTemplates.id });
    if (!row) throw new NotFoundError();
    await tx.insert(auditLog).values(audit(actor, organisationId, "reply_template_deleted", templateId, now));
  });
}

/**
 * A template filled from one case, for the company's reply box. The due date is the company's
 * reply deadline (R2.1) as a day in the company's time zone, the zone its clocks are counted
 * in, so the day written is the day every party sees; in the complainant's language.
 */
export async function fillReplyTemplate(db: Db, actor: Actor, caseId: string, templateId: string): Promise<{ id: string; name: string; body: string }> {
  if (!isUuid(templateId)) throw new NotFoundError();
  const [filled] = await fillReplyTemplates(db, actor, caseId, templateId);
  if (!filled) throw new NotFoundError();
  return filled;
}

/** Every template of the case's company (or the one asked for), filled from the case, in the templates' order. */
export async function fillReplyTemplates(db: Db, actor: Actor, caseId: string, only?: string): Promise<{ id: string; name: string; body: string }[]> {
  if (!isUuid(caseId)) throw new NotFoundError();
  const [row] = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      complainantUserId: cases.complainantUserId,
      complainantName: cases.complainantName,
      language: cases.preferredLanguage,
      organisationId: cases.organisationId,
      company: organisations.name,
      zone: organisations.timeZone,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(scopeToCase(actor, caseId));
  if (!row || !partiesOnCase(actor, { ...row, providerIds: [] }).includes("organisation") || !canReadReplyTemplates(actor, row.organisationId)) throw new NotFoundError();
  const [templates, [due]] = await Promise.all([
    db
      .select()
      .from(replyTemplates)
      .where(and(eq(replyTemplates.organisationId, row.organisationId), only ? eq(replyTemplates.id, only) : undefined))
      .orderBy(asc(replyTemplates.name)),
    db.select({ at: deadlines.dueAt }).from(deadlines).where(and(eq(deadlines.caseId, row.id), eq(deadlines.clockId, "organisation.response"))),
  ]);
  const values = { complainant_name: row.complainantName, reference: row.reference, company: row.company, due_date: due?.at ? mailDate(due.at, row.language, row.zone) : "" };
  return templates.map((template) => ({ id: template.id, name: template.name, body: fillPlaceholders(template.body, values) }));
}
