/**
 * The FTC referral register (R4.1) as the administrator and the referring bodies read it, and
 * delisting for persistent failure to comply (R4.2), which the directory then shows.
 */
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, caseEvents, cases, certifications, ftcReferrals, organisations, remedies } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseScope, requireAdmin } from "@/lib/auth/policy";
import type { RequestMeta } from "@/lib/cases/commands";
import { plain } from "@/lib/cases/filing-schema";
import { loadCases } from "@/lib/cases/load";
import { auditedBy } from "@/lib/directory/certification-status";
import { DELISTED_SOURCE } from "@/lib/directory/status-source";
import { NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { mayDelist, referralProposals, snapshot, type ReferralProposal } from "@/lib/ladder";

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

/** The referral a case's ladder proposes and nobody has made yet (R4.1, R4.3). */
export interface ReferralPrompt extends ReferralProposal {
  caseId: string;
  reference: string;
}

/** One company's prompts: a company is prompted once, with every case and referrer that calls for it. */
export interface CompanyPrompt {
  organisationId: string;
  organisation: string;
  prompts: ReferralPrompt[];
}

/**
 * The referrals the ladder proposes across the register, one entry per company. The ladder
 * decides (`referralProposals`), so a proposal disappears the moment a referral by its body
 * exists on the case. Candidates are the cases with a remedy not carried out or a Commerce
 * conclusion: the only facts a proposal can come from.
 */
export async function referralPrompts(db: Db, actor: Actor, now: Date): Promise<CompanyPrompt[]> {
  requireAdmin(actor);
  const candidates = await db
    .select()
    .from(cases)
    .where(
      sql`${cases.id} in (${db.selectDistinct({ id: remedies.caseId }).from(remedies).where(isNull(remedies.compliedAt))} union ${db.selectDistinct({ id: caseEvents.caseId }).from(caseEvents).where(eq(caseEvents.type, "commerce.concluded"))})`,
    )
    .orderBy(asc(cases.reference));
  const loaded = await loadCases(db, candidates);
  const names = new Map<string, string>();
  const byCompany = new Map<string, ReferralPrompt[]>();
  for (const { row, facts, organisation } of loaded) {
    for (const proposal of referralProposals(snapshot(facts, now).state, now)) {
      names.set(row.organisationId, organisation.name);
      byCompany.set(row.organisationId, [...(byCompany.get(row.organisationId) ?? []), { ...proposal, caseId: row.id, reference: row.reference }]);
    }
  }
  return [...byCompany.entries()].map(([organisationId, prompts]) => ({ organisationId, organisation: names.get(organisationId)!, prompts })).sort((a, b) => a.organisation.localeCompare(b.organisation));
}

const delistSchema = z.object({ reason: plain(1000).pipe(z.string().min(1, { message: "required" })) });

/**
 * R4.2: Commerce removes the organisation from the list; it must return or delete the data.
 * Only after a referral was made (the ladder's `mayDelist`), and with the administrator's reason.
 */
export async function delistOrganisation(db: Db, actor: Actor, organisationId: string, now: Date, reason: unknown = "", meta: RequestMeta = {}) {
  requireAdmin(actor);
  if (!isUuid(organisationId)) throw new NotFoundError();
  const parsed = delistSchema.safeParse({ reason });
  if (!parsed.success) throw new ValidationError({ reason: parsed.error.issues.map((i) => i.message) });
  await db.transaction(async (tx) => {
    const referrals = await tx.select({ status: ftcReferrals.status }).from(ftcReferrals).where(eq(ftcReferrals.organisationId, organisationId));
    if (!mayDelist(referrals.map((r) => r.status))) throw new RuleError({ code: "referral_not_made", rule: "R4.2" });
    const changed = await tx
      .update(certifications)
      .set({ status: "removed", retainsFrameworkData: false, statusSince: now, statusSource: DELISTED_SOURCE, updatedAt: now })
      .where(and(eq(certifications.organisationId, organisationId), ne(certifications.status, "removed")))
      .returning({ framework: certifications.framework });
    if (!changed.length) throw new NotFoundError();
    await tx.insert(auditLog).values({
      entity: "organisation",
      entityId: organisationId,
      action: "delisted",
      data: { frameworks: changed.map((c) => c.framework), rule: "R4.2", reason: parsed.data.reason },
      ...auditedBy(actor, now, meta),
    });
  });
}
