/**
 * The FTC referral register (R4.1) as the administrator and the referring bodies read it, and
 * delisting for persistent failure to comply (R4.2), which the directory then shows.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, cases, certifications, ftcReferrals, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseScope, requireAdmin } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export async function listReferrals(db: Db, actor: Actor) {
  if (actor.kind === "anonymous") throw new NotFoundError();
  return db
    .select({
      id: ftcReferrals.id,
      status: ftcReferrals.status,
      referrer: ftcReferrals.referrer,
      createdAt: ftcReferrals.createdAt,
      updatedAt: ftcReferrals.updatedAt,
      caseId: cases.id,
      reference: cases.reference,
      organisationId: organisations.id,
      organisation: organisations.name,
      organisationSlug: organisations.slug,
    })
    .from(ftcReferrals)
    .innerJoin(cases, eq(cases.id, ftcReferrals.caseId))
    .innerJoin(organisations, eq(organisations.id, ftcReferrals.organisationId))
    .where(caseScope(actor))
    .orderBy(desc(ftcReferrals.updatedAt));
}

/** R4.2: Commerce removes the organisation from the list; it must return or delete the data. */
export async function delistOrganisation(db: Db, actor: Actor, organisationId: string, now: Date) {
  requireAdmin(actor);
  if (!isUuid(organisationId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(certifications)
      .set({ status: "removed", retainsFrameworkData: false, statusSince: now, statusSource: "FTC referral register: removed for persistent failure to comply (R4.2)", updatedAt: now })
      .where(and(eq(certifications.organisationId, organisationId), ne(certifications.status, "removed")))
      .returning({ framework: certifications.framework });
    if (!changed.length) throw new NotFoundError();
    await tx.insert(auditLog).values({
      actorUserId: actor.kind === "user" ? actor.userId : null,
      entity: "organisation",
      entityId: organisationId,
      action: "delisted",
      data: { frameworks: changed.map((c) => c.framework), rule: "R4.2" },
      at: now,
    });
  });
}
