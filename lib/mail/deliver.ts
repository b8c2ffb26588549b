/**
 * Delivery of the outbox over SMTP (nodemailer, `SMTP_URL`). Each mail is claimed with a
 * lease (SKIP LOCKED, so several workers share the work), sent, and marked sent at once; a
 * refusal is retried with exponential backoff. A worker killed mid-send leaves its mail
 * claimed until the lease runs out, and another worker sends it then. The Message-ID comes
 * from the mail's unique key, so a receiving server can recognise the one resend that a kill
 * between the server's "250 OK" and our commit could cause.
 *
 * Without SMTP_URL, mail stays in the outbox, where demo mode's /dev/mailbox shows it.
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { rowsOf, type Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { log } from "@/lib/log";
import { now } from "@/lib/clock";
import { mailContent, NOTICE_TEMPLATE } from "./content";
import { replyAddressFor } from "./reply-address";

export function smtpConfigured(): boolean {
  return !!process.env.SMTP_URL;
}

/** Retry policy: base delay doubling per attempt, capped; given up after MAX_ATTEMPTS. */
const MAX_ATTEMPTS = 12;
const retryBaseMs = () => Number(process.env.MAIL_RETRY_BASE_MS ?? 30_000);
const leaseMs = () => Number(process.env.MAIL_LEASE_MS ?? 120_000);
export const retryDelayMs = (attempts: number) => Math.min(retryBaseMs() * 2 ** Math.max(0, attempts - 1), 3_600_000);

let transport: { url: string; smtp: nodemailer.Transporter } | null = null;
function smtp(): nodemailer.Transporter {
  // A pooled connection: one SMTP session carries many mails instead of one each; a changed
  // SMTP_URL gets a transport of its own.
  const url = new URL(process.env.SMTP_URL!);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (transport?.url !== url.toString()) {
    transport?.smtp.close();
    transport = { url: url.toString(), smtp: nodemailer.createTransport(url.toString()) };
  }
  return transport.smtp;
}

/** An outbox row with an address: only those are ever pending (a bell item alone has neither). */
type Mail = typeof outbox.$inferSelect & { toEmail: string };

const asMail = (row: typeof outbox.$inferSelect | undefined): Mail | null => (row?.toEmail ? { ...row, toEmail: row.toEmail } : null);

async function send(db: Db, mail: Mail): Promise<boolean> {
  try {
    // A notice about a case to its complainant or company gets a reply address, when replies by e-mail are on.
    const reply = mail.template.startsWith(NOTICE_TEMPLATE) && mail.textBody === null ? await replyAddressFor(db, mail.userId, mail.caseId, await now(db)) : null;
    const content = mailContent(mail, reply?.party === "complainant" || reply?.party === "organisation" ? reply.party : undefined);
    await smtp().sendMail({
      from: process.env.MAIL_FROM ?? "Recourse <no-reply@recourse.local>",
      to: mail.toEmail,
      subject: content.subject,
      text: content.text,
      html: content.html ?? undefined,
      replyTo: reply?.address,
      messageId: `<${createHash("sha256").update(mail.dedupeKey).digest("hex").slice(0, 32)}@recourse>`,
      headers: { "X-Recourse-Key": mail.dedupeKey },
    });
    // The words sent are kept with the mail, whether they were written when queued or now.
    await db
      .update(outbox)
      .set({ status: "sent", sentAt: new Date(), lastError: null, subject: content.subject, textBody: content.text, htmlBody: content.html })
      .where(eq(outbox.id, mail.id));
    // R2.1: a complaint delivered to a company's published contact is received now.
    if (mail.template === "case-delivery" && mail.caseId) {
      const { recordDelivery } = await import("@/lib/cases/receipt");
      await recordDelivery(db, mail.caseId).catch((error) => log.error("receipt.failed", { caseId: mail.caseId, error: String(error) }));
    }
    return true;
  } catch (error) {
    const giveUp = mail.attempts >= MAX_ATTEMPTS;
    await db
      .update(outbox)
      .set({ status: giveUp ? "failed" : "pending", lastError: String(error).slice(0, 500), nextAttemptAt: new Date(Date.now() + retryDelayMs(mail.attempts)) })
      .where(eq(outbox.id, mail.id));
    if (giveUp) log.error("mail.failed", { id: mail.id, to: mail.toEmail, error: String(error) });
    return false;
  }
}

/** Claims the next due mail: one row, leased, counted as an attempt. */
async function claim(db: Db): Promise<Mail | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseMs() / 1000})
    WHERE id = (
      SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const rows = rowsOf(result);
  if (!rows.length) return null;
  const [mail] = await db.select().from(outbox).where(eq(outbox.id, String(rows[0]!.id)));
  return asMail(mail);
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  /** When the next pending mail falls due, if any. */
  nextDueAt: Date | null;
}

/**
 * Sends every mail that is due, one after another (so a kill leaves at most one in flight),
 * stopping at the first refusal in a row of `stopAfterFailures` (the server is down: wait).
 */
export async function deliverDue(db: Db, { limit = 10_000, stopAfterFailures = 3 } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, nextDueAt: null };
  if (!smtpConfigured()) return result;
  let failuresInRow = 0;
  while (result.sent + result.failed < limit && failuresInRow < stopAfterFailures) {
    const mail = await claim(db);
    if (!mail) break;
    if (await send(db, mail)) {
      result.sent++;
      failuresInRow = 0;
    } else {
      result.failed++;
      failuresInRow++;
    }
  }
  const [next] = await db.select({ at: sql<Date>`min(${outbox.nextAttemptAt})` }).from(outbox).where(eq(outbox.status, "pending"));
  result.nextDueAt = next?.at ? new Date(next.at) : null;
  return result;
}

/** Sends one mail now (the sign-in link should not wait for the worker); the worker retries it if this fails. */
export async function deliverNow(db: Db, dedupeKey: string): Promise<void> {
  if (!smtpConfigured()) return;
  const [mail] = await db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey));
  if (!mail || mail.status !== "pending") return;
  const claimed = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(Date.now() + leaseMs()) })
    .where(sql`${outbox.id} = ${mail.id} AND ${outbox.status} = 'pending' AND ${outbox.nextAttemptAt} <= now()`)
    .returning();
  const claimedMail = asMail(claimed[0]);
  if (claimedMail) await send(db, claimedMail);
}
