/**
 * An organisation keeps its profile and recourse arrangements current. Changes are audited
 * with what they replaced, and apply to new cases only: a case keeps the certification it
 * was filed under (its snapshot).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, certifications, organisations, providers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isOrgAdmin } from "@/lib/auth/policy";
import { assertQueueReader } from "@/lib/cases/queue";
import { plain } from "@/lib/cases/filing-schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { FRAMEWORK_IDS } from "@/lib/ladder";

export const profileSchema = z.object({
  contactEmail: z.union([z.literal(""), z.string().trim().max(320).email({ message: "invalid_email" })]),
  contactAddress: plain(500),
  website: z.union([z.literal(""), z.string().trim().max(500).url({ message: "invalid" }).refine((u) => /^https?:\/\//.test(u), { message: "invalid" })]),
});

/** An organisation names its own IRM and HR cooperation; its status is Commerce's to set. */
export const arrangementSchema = z.object({
  framework: z.enum(FRAMEWORK_IDS),
  /** "" for none, "dpa" for the DPA panel, or an ADR provider's id. */
  irm: z.union([z.literal(""), z.literal("dpa"), z.string().uuid({ message: "invalid" })]),
  coversHrData: z.enum(["yes", "no", "unstated"]),
});

function assertAdmin(actor: Actor, organisationId: string) {
  assertQueueReader(actor, organisationId);
  if (!isOrgAdmin(actor, organisationId)) throw new ForbiddenError();
}

const errorsOf = (issues: { path: PropertyKey[]; message: string }[]) => Object.fromEntries(issues.map((i) => [String(i.path[0]), [i.message]]));

export async function getOrganisationSettings(db: Db, actor: Actor, organisationId: string) {
  assertQueueReader(actor, organisationId);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new NotFoundError();
  const certs = await db.select().from(certifications).where(eq(certifications.organisationId, organisationId)).orderBy(asc(certifications.framework));
  const adr = await db.select({ id: providers.id, name: providers.name }).from(providers).where(inArray(providers.kind, ["adr"])).orderBy(asc(providers.name));
  return { org, certs, adr, canEdit: isOrgAdmin(actor, organisationId) };
}

export async function updateProfile(db: Db, actor: Actor, organisationId: string, raw: unknown, now: Date) {
  assertAdmin(actor, organisationId);
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(errorsOf(parsed.error.issues));
  const next = { contactEmail: parsed.data.contactEmail || null, contactAddress: parsed.data.contactAddress || null, website: parsed.data.website || null };
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ contactEmail: organisations.contactEmail, contactAddress: organisations.contactAddress, website: organisations.website }).from(organisations).where(eq(organisations.id, organisationId));
    await tx.update(organisations).set({ ...next, updatedAt: now }).where(eq(organisations.id, organisationId));
    await tx.insert(auditLog).values({ actorUserId: actor.kind === "user" ? actor.userId : null, entity: "organisation", entityId: organisationId, action: "profile_updated", data: { before, after: next }, at: now });
  });
}

export async function updateArrangement(db: Db, actor: Actor, organisationId: string, raw: unknown, now: Date) {
  assertAdmin(actor, organisationId);
  const parsed = arrangementSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(errorsOf(parsed.error.issues));
  const { framework, irm, coversHrData } = parsed.data;
  if (irm !== "dpa" && irm !== "") {
    const [provider] = await db.select({ id: providers.id }).from(providers).where(and(eq(providers.id, irm), eq(providers.kind, "adr")));
    if (!provider) throw new ValidationError({ irm: ["invalid"] });
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(certifications).where(and(eq(certifications.organisationId, organisationId), eq(certifications.framework, framework)));
    if (!before) throw new NotFoundError();
    const next = {
      irmKind: irm === "" ? null : irm === "dpa" ? ("dpa" as const) : ("provider" as const),
      irmProviderId: irm === "" || irm === "dpa" ? null : irm,
      coversHrData: coversHrData === "unstated" ? null : coversHrData === "yes",
    };
    await tx.update(certifications).set({ ...next, updatedAt: now }).where(eq(certifications.id, before.id));
    await tx.insert(auditLog).values({
      actorUserId: actor.kind === "user" ? actor.userId : null,
      entity: "certification",
      entityId: before.id,
      action: "arrangement_updated",
      data: { framework, before: { irmKind: before.irmKind, irmProviderId: before.irmProviderId, coversHrData: before.coversHrData }, after: next },
      at: now,
    });
  });
}

/** The organisations whose staff the actor is, by name: the queues they may open. */
export async function memberOrganisations(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== "user") return [];
  const ids = actor.memberships.map((m) => m.organisationId).filter((id): id is string => !!id);
  if (!ids.length) return [];
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name));
}
