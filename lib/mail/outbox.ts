/**
 * Mail goes to the outbox in the transaction that causes it; a worker (or, with SMTP
 * configured, the sign-in path) delivers it. The dedupe key makes each mail exist once.
 */
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
  const { subject, text, html } = renderMail(mail.template, mail.locale, mail.params);
  await db
    .insert(outbox)
    .values({ dedupeKey: mail.dedupeKey, toEmail: mail.to.toLowerCase(), locale: mail.locale, template: mail.template, subject, textBody: text, htmlBody: html, caseId: mail.caseId })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

export function baseUrl(): string {
  return (process.env.RECOURSE_URL ?? process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
