/**
 * Replies by e-mail: a reply to a notice's reply address (lib/mail/reply-token.ts) becomes a
 * message on the case through the message command (postMessage: the same policy, validation
 * and webhooks), written by the address's person to the thread the complainant and the
 * company share; its attachments are checked as uploads are and kept as evidence. Anything
 * else is refused with an SMTP error that says why, so the sender's server bounces it with
 * the reason; nothing of a refused mail is stored.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Db } from "@/db/client";
import { auditLog, messages } from "@/db/schema";
import { ATTACHMENT_LIMITS, checkAttachments, type AttachmentError } from "@/lib/cases/attachments";
import { postMessage } from "@/lib/cases/correspondence";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { log } from "@/lib/log";
import { INBOUND_MAX_BYTES, type InboundSettings } from "./inbound-settings";
import { replyingActor } from "./reply-address";
import { readReplyToken, tokenOfAddress, type ReplyToken } from "./reply-token";
import { stripReply } from "./reply-text";

export type RefusalReason =
  | "not_a_reply_address"
  | "token_invalid"
  | "token_expired"
  | "too_many_recipients"
  | "too_big"
  | "wrong_sender"
  | "case_not_found"
  | "case_closed"
  | "empty"
  | "too_long"
  | "not_plain_text"
  | "attachment";

/** What the sending server is told (and, through its bounce, the person). */
const EXPLANATION: Record<RefusalReason, [number, string]> = {
  not_a_reply_address: [550, "5.1.1 No such mailbox: Recourse only takes replies to the reply address of a mail it sent"],
  token_invalid: [550, "5.7.1 This reply address is not valid: reply to the mail Recourse sent you, or write on the case page"],
  token_expired: [550, "5.7.1 This reply address has expired: write on the case page instead"],
  too_many_recipients: [452, "4.5.3 One reply address per message: the others will be tried in another delivery"],
  too_big: [552, `5.3.4 The message is too big: replies may be at most ${Math.floor(INBOUND_MAX_BYTES / 1_048_576)} MB with their attachments`],
  wrong_sender: [550, "5.7.1 This reply address belongs to someone else: reply from the address the mail was sent to"],
  case_not_found: [550, "5.1.1 This reply address no longer leads to a case you can write on"],
  case_closed: [550, "5.7.1 The case is closed: nothing more can be added to it"],
  empty: [550, "5.6.0 The reply is empty once the quoted mail and signature are removed: write your message above the quoted mail"],
  too_long: [550, "5.6.0 The reply is too long: messages may be at most 10,000 characters; write on the case page or attach a document"],
  not_plain_text: [550, "5.6.0 The reply holds HTML markup or control characters, which messages may not: send it as plain text"],
  attachment: [550, "5.7.1 An attachment was refused"],
};

const ATTACHMENT_WORDS: Record<AttachmentError, string> = {
  file_empty: "a file is empty",
  file_too_large: `each file may be at most ${ATTACHMENT_LIMITS.maxBytes / 1_048_576} MB`,
  file_type_not_allowed: "only PDF, PNG, JPEG and plain-text files are accepted",
  file_type_mismatch: "a file's name does not match its content",
  file_active_content: "a PDF contains scripts or actions",
  too_many_files: `at most ${ATTACHMENT_LIMITS.maxFiles} files may be attached`,
  files_too_large: `the files may be at most ${ATTACHMENT_LIMITS.maxTotalBytes / 1_048_576} MB together`,
};

/** A reply refused: the SMTP code and text to answer with. */
export class Refusal extends Error {
  readonly responseCode: number;
  constructor(
    readonly reason: RefusalReason,
    detail?: string,
  ) {
    const [code, text] = EXPLANATION[reason];
    super(detail ? `${text}: ${detail}` : text);
    this.name = "Refusal";
    this.responseCode = code;
  }
}

/** The token of a recipient address, or the refusal (checked at RCPT TO, before the message is sent). */
export function recipientToken(address: string, settings: Pick<InboundSettings, "domain">, now: Date): ReplyToken {
  const token = tokenOfAddress(address, settings.domain);
  if (token === null) throw new Refusal("not_a_reply_address");
  const read = readReplyToken(token, now);
  if (read === "expired") throw new Refusal("token_expired");
  if (typeof read === "string") throw new Refusal("token_invalid");
  return read;
}

export interface InboundMail {
  /** The envelope's recipient (RCPT TO). */
  recipient: string;
  /** The envelope's sender (MAIL FROM), used when the mail has no From header. */
  envelopeFrom: string | null;
  raw: Buffer;
}

export interface Accepted {
  caseId: string;
  messageId: string;
  /** The same Message-ID was taken before: nothing new was stored. */
  duplicate: boolean;
}

const isUniqueViolation = (error: unknown): boolean => {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === "23505") return true;
  return false;
};

/** The reply's own Message-ID, or (without one) a digest of the whole message. */
function mailIdOf(parsed: ParsedMail, raw: Buffer): string {
  return parsed.messageId?.trim().slice(0, 300) || `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

async function refuse(db: Db, token: ReplyToken, reason: RefusalReason, now: Date, detail?: string): Promise<never> {
  // On a case: an audit entry without content. The reason is the whole record.
  await db.insert(auditLog).values({ actorUserId: null, entity: "case", entityId: token.caseId, action: "mail_reply_refused", data: { reason, ...(detail ? { detail } : {}) }, at: now });
  throw new Refusal(reason, detail);
}

/** Turns a reply into a message on its case, or throws a Refusal. */
export async function receiveReply(db: Db, mail: InboundMail, settings: Pick<InboundSettings, "domain">, now: Date): Promise<Accepted> {
  const token = recipientToken(mail.recipient, settings, now);
  const parsed = await simpleParser(mail.raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  const found = await replyingActor(db, token);
  if (!found) return refuse(db, token, "case_not_found", now);
  const sender = (parsed.from?.value[0]?.address ?? mail.envelopeFrom ?? "").trim().toLowerCase();
  if (sender !== found.actor.email.toLowerCase()) return refuse(db, token, "wrong_sender", now);

  const mailMessageId = mailIdOf(parsed, mail.raw);
  const duplicate = async (): Promise<Accepted | null> => {
    const [seen] = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.caseId, token.caseId), eq(messages.mailMessageId, mailMessageId)));
    return seen ? { caseId: token.caseId, messageId: seen.id, duplicate: true } : null;
  };
  // A mail taken before is answered as then, whatever has happened to the case since.
  const before = await duplicate();
  if (before) return before;
  if (found.row.status === "closed") return refuse(db, token, "case_closed", now);

  const body = stripReply(parsed.text ?? "");
  if (!body) return refuse(db, token, "empty", now);
  // Pictures a mail program embeds in the text (a logo in a signature) are not attachments.
  const files = parsed.attachments.filter((a) => !a.related).map((a) => ({ name: a.filename ?? "attachment", bytes: a.content }));
  const checked = await checkAttachments(files);
  if (checked.errors.length) return refuse(db, token, "attachment", now, checked.errors.map((e) => ATTACHMENT_WORDS[e]).join("; "));

  try {
    const message = await postMessage(db, found.actor, token.caseId, { body, visibility: "complainant", party: found.party, mailMessageId, documents: checked.ok }, now);
    log.info("inbound.accepted", { caseId: token.caseId, messageId: message.id, attachments: checked.ok.length });
    return { caseId: token.caseId, messageId: message.id, duplicate: false };
  } catch (error) {
    // The same mail delivered twice at once: the other delivery stored it.
    if (isUniqueViolation(error)) {
      const other = await duplicate();
      if (other) return other;
    }
    if (error instanceof NotFoundError) return refuse(db, token, "case_not_found", now);
    if (error instanceof ForbiddenError) return refuse(db, token, "case_closed", now);
    if (error instanceof ValidationError) {
      const problems = error.fieldErrors.body ?? [];
      return refuse(db, token, problems.includes("required") ? "empty" : problems.includes("too_long") ? "too_long" : "not_plain_text", now);
    }
    throw error;
  }
}
