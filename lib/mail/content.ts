/**
 * What a mail says. Most mails are worded when they are queued; notices (`notice:<kind>`)
 * are queued as their parameters and worded here, in the reader's language, when they are
 * sent or shown.
 */
import type { outbox } from "@/db/schema";
import { renderNotice } from "@/lib/notifications/render";
import type { NoticeKind } from "@/lib/notifications/notice";
import { publicUrl } from "@/lib/config";

export interface MailContent {
  subject: string;
  text: string;
  html: string | null;
}

type StoredMail = Pick<typeof outbox.$inferSelect, "template" | "locale" | "params" | "subject" | "textBody" | "htmlBody" | "caseId">;

export const NOTICE_TEMPLATE = "notice:";

/** The kind of notice a `notice:<kind>` row carries. */
export const noticeKindOf = (template: string) => template.slice(NOTICE_TEMPLATE.length) as NoticeKind;

/** `reply`: the thread a reply to the mail goes to, when it carries a reply address (lib/mail/reply-address.ts). */
export function mailContent(mail: StoredMail, reply?: "complainant" | "organisation"): MailContent {
  if (mail.textBody !== null && mail.subject !== null) return { subject: mail.subject, text: mail.textBody, html: mail.htmlBody };
  if (!mail.template.startsWith(NOTICE_TEMPLATE)) throw new Error(`mail ${mail.template} has no words`);
  const kind = noticeKindOf(mail.template);
  // A notice about no case (a disabled webhook) links to the integrations page.
  // A receipt's link signs its reader in on the way (lib/notifications/dispatch.ts).
  const signIn = mail.params?.signInUrl;
  const url = typeof signIn === "string" ? signIn : mail.caseId ? `${publicUrl()}/${mail.locale}/cases/${mail.caseId}` : `${publicUrl()}/${mail.locale}/integrations`;
  const rendered = renderNotice(kind, mail.params ?? {}, mail.locale, url, reply);
  return { subject: rendered.title, text: rendered.text, html: rendered.html };
}
