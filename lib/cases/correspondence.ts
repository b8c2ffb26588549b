/**
 * Messages and evidence on a case. Both are append-only records with author and time; who
 * may write to whom is decided here from the actor's party on the case.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { attachments, caseBodies, cases, messages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { documentsVisibleTo, partiesOnCase, requireActing, scopeToCase } from "@/lib/auth/policy";
import { ForbiddenError, NotFoundError, ReusedKeyError, ValidationError } from "@/lib/errors";
import type { Party } from "@/lib/ladder";
import { messageBody } from "./filing-schema";
import type { CheckedAttachment } from "./attachments";
import { isUuid } from "@/lib/ids";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { eventOfMessage, viaOf } from "@/lib/webhooks/events";
import { JOBS } from "@/lib/worker/jobs";
import { wake } from "@/lib/worker/start";

export type Visibility = (typeof messages.$inferInsert)["visibility"];

/** The audiences each party may write to: `complainant` is the shared thread, `internal` the writer's own side. */
export const WRITABLE: Partial<Record<Party, Visibility[]>> = {
  complainant: ["complainant"],
  organisation: ["complainant", "internal"],
  irm: ["complainant", "provider", "internal"],
  dpa_panel: ["complainant", "provider", "internal"],
  dpa: ["provider", "internal"],
  commerce: ["provider", "internal"],
  arbitration: ["complainant", "provider", "internal"],
  administrator: ["provider", "internal"],
};

async function partyOn(db: Db, actor: Actor, caseId: string, wanted?: Party) {
  const [row] = await db.select().from(cases).where(scopeToCase(actor, caseId));
  if (!row) throw new NotFoundError();
  const bodies = await db.select({ providerId: caseBodies.providerId }).from(caseBodies).where(eq(caseBodies.caseId, row.id));
  const parties = partiesOnCase(actor, { complainantUserId: row.complainantUserId, organisationId: row.organisationId, providerIds: bodies.map((b) => b.providerId) });
  const party = wanted && parties.includes(wanted) ? wanted : parties[0];
  if (!party) throw new NotFoundError();
  return { row, party };
}

/** Stored documents, checked before (`checkAttachments`); `messageId` ties them to the message they came with. */
export function attachmentRows(caseId: string, userId: string | null, files: CheckedAttachment[], now: Date, messageId?: string) {
  return files.map((f) => ({ caseId, messageId, uploadedByUserId: userId, filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256, content: f.bytes, createdAt: now }));
}

/**
 * Writes a message, and the documents it carries (checked before) in the same write: a refused
 * document leaves no message. `idempotencyKey` (an API client's): sent again on the case, the
 * message it made is answered with `replayed` and nothing is written.
 */
export async function postMessage(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { body: string; visibility: Visibility; party?: Party; mailMessageId?: string; idempotencyKey?: string; documents?: CheckedAttachment[] },
  now: Date,
) {
  requireActing(actor);
  const { row, party } = await partyOn(db, actor, caseId, input.party);
  if (!WRITABLE[party]?.includes(input.visibility)) throw new ForbiddenError();
  const documents = input.documents ?? [];
  if (documents.length && (actor.kind !== "user" || row.status === "closed")) throw new ForbiddenError();
  const parsed = messageBody.safeParse(input.body);
  if (!parsed.success) throw new ValidationError({ body: parsed.error.issues.map((i) => i.message) });
  const body = parsed.data;
  // The message and its webhook deliveries are one write.
  const shown = { id: messages.id, authorParty: messages.authorParty, visibility: messages.visibility, createdAt: messages.createdAt };
  const written = await db.transaction(async (tx) => {
    const insert = tx
      .insert(messages)
      .values({ caseId: row.id, authorUserId: actor.kind === "user" ? actor.userId : null, authorParty: party, visibility: input.visibility, body, mailMessageId: input.mailMessageId, idempotencyKey: input.idempotencyKey, createdAt: now });
    // Under an Idempotency-Key a second sending (also at the same time) finds the first's message.
    const [m] = input.idempotencyKey
      ? await insert.onConflictDoNothing({ target: [messages.caseId, messages.idempotencyKey], where: sql`idempotency_key IS NOT NULL` }).returning(shown)
      : await insert.returning(shown);
    if (!m) {
      const [made] = await tx.select({ ...shown, body: messages.body }).from(messages).where(and(eq(messages.caseId, row.id), eq(messages.idempotencyKey, input.idempotencyKey!)));
      // The key made another message: this is a new one, not a retry.
      if (made!.body !== body) throw new ReusedKeyError();
      const { body: _, ...answer } = made!;
      return { message: { ...answer, replayed: true }, queued: 0 };
    }
    if (documents.length && actor.kind === "user") await tx.insert(attachments).values(attachmentRows(row.id, actor.userId, documents, now, m.id));
    const queued = await enqueueWebhooks(tx, [eventOfMessage(row, { ...m, body, via: viaOf(actor, !!input.mailMessageId) })]);
    return { message: { ...m, replayed: false }, queued };
  });
  if (written.queued) await wake(JOBS.webhooks);
  return written.message;
}

/**
 * Stores checked documents on an open case. `messageId` links them to the message they came
 * with (an e-mail reply's attachments); `idempotencyKey` (an API client's, for one document):
 * sent again on the case, the document it stored is answered with `replayed` and nothing is written.
 */
export async function addEvidence(db: Db | Tx, actor: Actor, caseId: string, files: CheckedAttachment[], now: Date, options: { party?: Party; messageId?: string; idempotencyKey?: string } = {}) {
  requireActing(actor);
  const { row } = await partyOn(db, actor, caseId, options.party);
  if (row.status === "closed") throw new ForbiddenError();
  if (!files.length) throw new ValidationError({ files: ["required"] });
  if (options.idempotencyKey && files.length !== 1) throw new ValidationError({ files: ["too_many_files"] });
  const uploader = actor.kind === "user" ? actor.userId : null;
  const insert = db.insert(attachments).values(attachmentRows(row.id, uploader, files, now, options.messageId).map((r) => ({ ...r, idempotencyKey: options.idempotencyKey })));
  // Under an Idempotency-Key a second sending (also at the same time) finds the first's document.
  const stored = options.idempotencyKey
    ? await insert.onConflictDoNothing({ target: [attachments.caseId, attachments.idempotencyKey], where: sql`idempotency_key IS NOT NULL` }).returning(DOCUMENT_COLUMNS)
    : await insert.returning(DOCUMENT_COLUMNS);
  if (stored.length) return stored.map((d) => ({ ...d, replayed: false }));
  const made = await db.select(DOCUMENT_COLUMNS).from(attachments).where(and(eq(attachments.caseId, row.id), eq(attachments.idempotencyKey, options.idempotencyKey!)));
  // The key stored another file: this is a new document, not a retry.
  if (made.some((d) => d.sha256 !== files[0]!.sha256)) throw new ReusedKeyError();
  return made.map((d) => ({ ...d, replayed: true }));
}

const DOCUMENT_COLUMNS = { id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size, sha256: attachments.sha256, createdAt: attachments.createdAt };

/** A case's documents a party reads: those on their own, and those of the messages it reads. */
function evidenceVisibleTo(caseId: string, party: Party) {
  return and(eq(attachments.caseId, caseId), documentsVisibleTo(party));
}

/** The documents of a case (without content), for anyone who may see the case; `messageId` ties one to the message it came with. */
export async function listEvidence(db: Db, actor: Actor, caseId: string) {
  const { row, party } = await partyOn(db, actor, caseId);
  return db
    .select({ ...DOCUMENT_COLUMNS, messageId: attachments.messageId })
    .from(attachments)
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .where(evidenceVisibleTo(row.id, party))
    .orderBy(attachments.createdAt);
}

export async function getEvidence(db: Db, actor: Actor, caseId: string, attachmentId: string) {
  if (!isUuid(attachmentId) || !isUuid(caseId)) throw new NotFoundError();
  const { row, party } = await partyOn(db, actor, caseId);
  const [found] = await db
    .select({ file: attachments })
    .from(attachments)
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(evidenceVisibleTo(row.id, party), eq(attachments.id, attachmentId)));
  if (!found) throw new NotFoundError();
  return found.file;
}
