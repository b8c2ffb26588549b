/**
 * R2.1: the organisation's receipt of a complaint as a dated fact — recorded by Recourse when
 * the complaint is delivered to its published contact, and the link through which a company
 * without an account acknowledges and answers it.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, organisationLinks, organisations } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { RuleError } from "@/lib/errors";
import { log } from "@/lib/log";
import { recordWithoutUser, type RequestMeta } from "./commands";
import { isLinkToken } from "@/lib/ids";
import { sha256Of } from "./hash-chain";

/** The delivery mail reached the organisation's mail server: its 45 days start now. */
export async function recordDelivery(db: Db, caseId: string): Promise<void> {
  const at = await clockNow(db);
  try {
    await recordWithoutUser(db, caseId, "system", { type: "organisation.received", data: { via: "published_contact", receivedAt: at } }, { now: at });
  } catch (error) {
    // Already received (the company answered first through its link): nothing to record.
    if (!(error instanceof RuleError)) throw error;
    log.info("receipt.already_recorded", { caseId });
  }
}

export type LinkProblem = "unknown" | "expired" | "used";

export interface LinkedCase {
  caseId: string;
  reference: string;
  organisation: string;
  /** What the company needs to find the person and the matter: who complains, about what, asking what. */
  complainantName: string;
  complainantEmail: string;
  companyIdentifier: string | null;
  principles: string[];
  reliefSought: string[];
  description: string;
  filedAt: Date;
  version: number;
}

/** What the link opens: the complaint, for the organisation it was sent to — or why it opens nothing. */
export async function openLink(db: Db, token: string, at: Date): Promise<{ ok: true; linked: LinkedCase; linkId: string } | { ok: false; problem: LinkProblem }> {
  if (!isLinkToken(token)) return { ok: false, problem: "unknown" };
  const [row] = await db
    .select({
      linkId: organisationLinks.id,
      expiresAt: organisationLinks.expiresAt,
      usedAt: organisationLinks.usedAt,
      caseId: cases.id,
      reference: cases.reference,
      complainantName: cases.complainantName,
      complainantEmail: cases.complainantEmail,
      companyIdentifier: cases.companyIdentifier,
      principles: cases.principles,
      reliefSought: cases.reliefSought,
      description: cases.description,
      filedAt: cases.createdAt,
      version: cases.version,
      organisation: organisations.name,
    })
    .from(organisationLinks)
    .innerJoin(cases, eq(cases.id, organisationLinks.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(organisationLinks.tokenHash, sha256Of(token)));
  if (!row) return { ok: false, problem: "unknown" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.expiresAt.getTime() <= at.getTime()) return { ok: false, problem: "expired" };
  const { linkId, expiresAt: _e, usedAt: _u, ...linked } = row;
  return { ok: true, linked, linkId };
}

/** The organisation acknowledges receipt through its link (R2.1). */
export async function acknowledgeByLink(db: Db, token: string, at: Date, meta: RequestMeta = {}) {
  const link = await openLink(db, token, at);
  if (!link.ok) throw new RuleError({ code: `link_${link.problem}` });
  return recordWithoutUser(db, link.linked.caseId, "organisation", { type: "organisation.acknowledged", data: {} }, { now: at, meta });
}

/** The organisation sends its response through its link, which the response uses up (R2.1). */
export async function respondByLink(db: Db, token: string, body: string, at: Date, meta: RequestMeta = {}) {
  const link = await openLink(db, token, at);
  if (!link.ok) throw new RuleError({ code: `link_${link.problem}` });
  return recordWithoutUser(db, link.linked.caseId, "organisation", { type: "organisation.responded", data: {} }, { now: at, meta, message: { body, visibility: "complainant" } }, async (tx) => {
    const used = await tx.update(organisationLinks).set({ usedAt: at }).where(and(eq(organisationLinks.id, link.linkId), isNull(organisationLinks.usedAt))).returning({ id: organisationLinks.id });
    if (!used.length) throw new RuleError({ code: "link_used" });
  });
}
