/**
 * Delivery of one outbox row over SMTP (nodemailer), when SMTP_URL is configured. Without
 * it, mail stays in the outbox, where demo mode's /dev/mailbox shows it.
 */
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";

export function smtpConfigured(): boolean {
  return !!process.env.SMTP_URL;
}

let transport: nodemailer.Transporter | null = null;
function smtp(): nodemailer.Transporter {
  transport ??= nodemailer.createTransport(process.env.SMTP_URL!);
  return transport;
}

export async function deliverNow(db: Db, dedupeKey: string): Promise<void> {
  if (!smtpConfigured()) return;
  const [mail] = await db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey));
  if (!mail || mail.status === "sent") return;
  try {
    await smtp().sendMail({
      from: process.env.MAIL_FROM ?? "Recourse <no-reply@recourse.local>",
      to: mail.toEmail,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody ?? undefined,
      headers: { "X-Recourse-Key": mail.dedupeKey },
    });
    await db.update(outbox).set({ status: "sent", sentAt: new Date(), attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, mail.id));
  } catch (error) {
    await db.update(outbox).set({ attempts: sql`${outbox.attempts} + 1`, lastError: String(error).slice(0, 500) }).where(eq(outbox.id, mail.id));
  }
}
