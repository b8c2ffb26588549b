/**
 * A complaint reaches the company only once the complainant has confirmed their address:
 * anyone can type anyone's address into the form. Sending the form checks everything and
 * stores the filing with its documents, and mails a link; opening the link and pressing its
 * button (a POST, so a mail scanner confirms nothing) files the case, and the company's 45
 * days (R2.1) count from then. A signed-in complainant sending their own address files at
 * once. Sending the same draft again replaces the stored filing and its link; unconfirmed
 * filings are deleted when their link expires.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lte, not, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { filingAttachments, filings, organisations } from "@/db/schema";
import { tokenSha256 } from "@/lib/auth/api-token";
import { CASE_LINK_HOURS } from "@/lib/auth/magic-link";
import { isLinkToken } from "@/lib/ids";
import { publicUrl } from "@/lib/config";
import { RuleError } from "@/lib/errors";
import { calendarDay } from "@/lib/ladder";
import { enqueueMails } from "@/lib/mail/outbox";
import { mailDate } from "@/lib/mail/templates";
import { JOBS } from "@/lib/worker/jobs";
import { wake } from "@/lib/worker/start";
import type { CheckedAttachment } from "./attachments";
import { checkFiling, existingFiling, fileCase, fileCaseIn, type FiledCase, type RequestMeta } from "./commands";

/** How long a filing waits for its confirmation. */
export const FILING_CONFIRM_DAYS = 7;
/** A form sent again unchanged within this time is the same click: no second link. */
const REPEAT_MS = 60_000;

export type Submitted = { kind: "filed"; filed: FiledCase } | { kind: "confirm"; email: string; organisationName: string; expiresAt: Date };

/** The link in the confirmation mail. */
export const confirmationUrl = (locale: string, token: string) => `${publicUrl()}/${locale}/file/confirm/${token}`;

/**
 * Sends a filing: checked in full now (every error is the sender's to fix at once), then filed
 * when `signedInEmail` is the complaint's own address, otherwise stored until confirmed.
 * `resend`: the person asked for the link again, so a new one goes out even within a minute.
 */
export async function submitFiling(db: Db, raw: unknown, now: Date, meta: RequestMeta, evidence: CheckedAttachment[], signedInEmail: string | null, { resend = false } = {}): Promise<Submitted> {
  const checked = await checkFiling(db, raw, now);
  const { input, organisation } = checked;
  const email = input.email.trim().toLowerCase();
  if (signedInEmail?.toLowerCase() === email) return { kind: "filed", filed: await fileCase(db, input, now, meta, evidence, checked) };
  // The same draft sent again after it was confirmed: the case it made.
  const existing = await existingFiling(db, input.idempotencyKey);
  if (existing) return { kind: "filed", filed: existing };

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + FILING_CONFIRM_DAYS * 86_400_000);
  const locale = input.preferredLanguage;
  const outcome = await db.transaction(async (tx): Promise<"sent" | "unchanged" | "filed"> => {
    const values = { organisationId: organisation.id, email, locale, payload: input as unknown as Record<string, unknown>, tokenHash: tokenSha256(token), sentAt: now, expiresAt };
    // The same form sent twice within a minute (a double click) keeps its one link and mail;
    // "send the link again" always sends a new one.
    const repeated = resend ? sql`false` : sql`(${filings.email} = ${email} AND ${filings.payload} = ${JSON.stringify(input)}::jsonb AND ${filings.sentAt} > ${new Date(now.getTime() - REPEAT_MS).toISOString()}::timestamptz)`;
    const [row] = await tx
      .insert(filings)
      .values({ idempotencyKey: input.idempotencyKey, ...values })
      .onConflictDoUpdate({ target: filings.idempotencyKey, set: values, setWhere: and(isNull(filings.caseId), not(repeated)) })
      .returning({ id: filings.id });
    if (!row) {
      const [current] = await tx.select({ caseId: filings.caseId }).from(filings).where(eq(filings.idempotencyKey, input.idempotencyKey));
      return current?.caseId ? "filed" : "unchanged";
    }
    await tx.delete(filingAttachments).where(eq(filingAttachments.filingId, row.id));
    for (const file of evidence) {
      await tx.insert(filingAttachments).values({ filingId: row.id, filename: file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256, content: file.bytes });
    }
    await enqueueMails(tx, [
      {
        dedupeKey: `filing-confirm:${row.id}:${tokenSha256(token).slice(0, 16)}`,
        to: email,
        locale,
        template: "filing-confirm",
        params: { organisation: organisation.name, url: confirmationUrl(locale, token), until: mailDate(expiresAt, locale) },
      },
    ]);
    return "sent";
  });
  if (outcome === "filed") return { kind: "filed", filed: (await existingFiling(db, input.idempotencyKey))! };
  if (outcome === "sent") await wake(JOBS.mail);
  return { kind: "confirm", email, organisationName: organisation.name, expiresAt };
}

/** The company's reply day as its complainant reads it (a calendar day in the company's zone), and whether it has passed. */
export function replyDayOf(filed: Pick<FiledCase, "responseDueAt" | "organisationZone">, now: Date): { responseDueAt: Date | null; responseOverdue: boolean } {
  const due = filed.responseDueAt;
  return { responseDueAt: due && calendarDay(due, filed.organisationZone), responseOverdue: !!due && due.getTime() < now.getTime() };
}

export type FilingLink =
  | { state: "open"; organisationName: string; name: string; email: string; description: string; documents: number; expiresAt: Date }
  | { state: "sent"; caseId: string; reference: string; organisationName: string; organisationSlug: string; email: string; responseDueAt: Date | null; responseOverdue: boolean }
  | { state: "expired" | "unknown" };

/** What a confirmation link stands for, without using it (the page a GET shows). */
export async function filingLink(db: Db, token: string, now: Date): Promise<FilingLink> {
  if (!isLinkToken(token)) return { state: "unknown" };
  const [row] = await db
    .select({ id: filings.id, email: filings.email, payload: filings.payload, expiresAt: filings.expiresAt, caseId: filings.caseId, idempotencyKey: filings.idempotencyKey, organisationName: organisations.name, organisationSlug: organisations.slug })
    .from(filings)
    .innerJoin(organisations, eq(organisations.id, filings.organisationId))
    .where(eq(filings.tokenHash, tokenSha256(token)));
  if (!row) return { state: "unknown" };
  if (row.caseId) {
    const filed = await existingFiling(db, row.idempotencyKey);
    if (!filed) return { state: "unknown" };
    return { state: "sent", caseId: filed.caseId, reference: filed.reference, organisationName: row.organisationName, organisationSlug: row.organisationSlug, email: row.email, ...replyDayOf(filed, now) };
  }
  if (row.expiresAt.getTime() <= now.getTime() || !row.payload) return { state: "expired" };
  const payload = row.payload as { name?: string; description?: string };
  const documents = await db.$count(filingAttachments, eq(filingAttachments.filingId, row.id));
  return { state: "open", organisationName: row.organisationName, name: String(payload.name ?? ""), email: row.email, description: String(payload.description ?? ""), documents, expiresAt: row.expiresAt };
}

export interface ConfirmedFiling extends FiledCase {
  email: string;
  locale: string;
  /** Confirmed within a day of the mail: the confirmation may also sign the person in, like the receipt's link. */
  signIn: boolean;
}

/**
 * Confirms a filing: files the case with its documents as of `now`, in one transaction with
 * emptying the stored filing. A link used again answers with the case it made.
 */
export async function confirmFiling(db: Db, token: string, now: Date, meta: RequestMeta): Promise<ConfirmedFiling> {
  const confirmed = await db.transaction(async (tx): Promise<ConfirmedFiling> => {
    const [row] = await tx.select().from(filings).where(eq(filings.tokenHash, tokenSha256(token))).for("update");
    if (!row) throw new RuleError({ code: "filing_link_unknown" });
    if (row.caseId) {
      const filed = (await existingFiling(tx, row.idempotencyKey))!;
      return { ...filed, email: row.email, locale: row.locale, signIn: false };
    }
    if (row.expiresAt.getTime() <= now.getTime() || !row.payload) throw new RuleError({ code: "filing_link_expired" });
    const evidence = await tx.select().from(filingAttachments).where(eq(filingAttachments.filingId, row.id));
    const filed = await fileCaseIn(
      tx,
      row.payload,
      now,
      meta,
      evidence.map((f) => ({ filename: f.filename, mimeType: f.mimeType as CheckedAttachment["mimeType"], size: f.size, sha256: f.sha256, bytes: f.content })),
    );
    await tx.update(filings).set({ payload: null, caseId: filed.caseId }).where(eq(filings.id, row.id));
    await tx.delete(filingAttachments).where(eq(filingAttachments.filingId, row.id));
    return { ...filed, email: row.email, locale: row.locale, signIn: filed.created && now.getTime() - row.sentAt.getTime() <= CASE_LINK_HOURS * 3_600_000 };
  });
  if (confirmed.created) await wake(JOBS.mail);
  return confirmed;
}

/** Deletes filings whose link has expired, confirmed or not (a confirmed one's case lives on). */
export async function deleteExpiredFilings(db: Db | Tx, now: Date): Promise<number> {
  const gone = await db.delete(filings).where(lte(filings.expiresAt, now)).returning({ id: filings.id });
  return gone.length;
}
