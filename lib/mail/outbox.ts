/**
 * Mail goes to the outbox in the transaction that causes it; a worker (or, with SMTP
 * configured, the sign-in path) delivers it. The dedupe key makes each mail exist once.
 */
import { desc, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { outbox } from "@/db/schema";
import { renderMail, type MailTemplate } from "./templates";

export interface OutgoingMail {
  dedupeKey: string;
  to: string;
  locale: string;
  template: MailTemplate;
  params: Record<string, string>;
  caseId?: string;
}

export async function enqueueMail(db: Db | Tx, mail: OutgoingMail): Promise<void> {
  await enqueueMails(db, [mail]);
}

/** Several mails in one INSERT. */
export async function enqueueMails(db: Db | Tx, mails: OutgoingMail[]): Promise<void> {
  if (!mails.length) return;
  await db
    .insert(outbox)
    .values(
      mails.map((mail) => {
        const { subject, text, html } = renderMail(mail.template, mail.locale, mail.params);
        return { dedupeKey: mail.dedupeKey, toEmail: mail.to.toLowerCase(), locale: mail.locale, template: mail.template, subject, textBody: text, htmlBody: html, caseId: mail.caseId };
      }),
    )
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

/** Rows that are mail: a bell item that is not mailed shares the table but has no address. */
export const isMail = () => isNotNull(outbox.toEmail);

/** The newest mail, for demo mode's mailbox (the page exists only in demo mode). */
export async function latestMail(db: Db, limit = 100) {
  return db.select().from(outbox).where(isMail()).orderBy(desc(outbox.createdAt)).limit(limit);
}
