/**
 * A complainant's own data: everything Recourse holds about them, and erasure requests for
 * their closed cases (carried out by the retention job; the request itself is audited).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, auditLog, caseEvents, cases, messages, organisations, outbox, users } from "@/db/schema";
import { noticeKindOf } from "@/lib/mail/content";
import { timelineDetail } from "@/lib/cases/queries";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export async function exportMyData(db: Db, actor: Actor) {
  if (actor.kind !== "user") throw new NotFoundError();
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, locale: users.locale, createdAt: users.createdAt }).from(users).where(eq(users.id, actor.userId));
  const rows = await db.select({ c: cases, zone: organisations.timeZone, organisation: organisations.name }).from(cases).innerJoin(organisations, eq(organisations.id, cases.organisationId)).where(eq(cases.complainantUserId, actor.userId)).orderBy(asc(cases.createdAt));
  const mine = rows.map((r) => r.c);
  const zoneOf = new Map(rows.map((r) => [r.c.id, r.zone]));
  const organisationOf = new Map(rows.map((r) => [r.c.id, r.organisation]));
  const ids = mine.map((c) => c.id);
  const [events, thread, files, inbox] = ids.length
    ? await Promise.all([
        db.select({ caseId: caseEvents.caseId, seq: caseEvents.seq, type: caseEvents.type, at: caseEvents.at, party: caseEvents.party, data: caseEvents.data }).from(caseEvents).where(inArray(caseEvents.caseId, ids)).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
        // Only what the complainant can see: internal notes of other parties stay out.
        db.select({ caseId: messages.caseId, authorParty: messages.authorParty, body: messages.body, createdAt: messages.createdAt }).from(messages).where(and(inArray(messages.caseId, ids), eq(messages.visibility, "complainant"))).orderBy(asc(messages.createdAt)),
        db.select({ caseId: attachments.caseId, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size, sha256: attachments.sha256, createdAt: attachments.createdAt }).from(attachments).where(inArray(attachments.caseId, ids)),
        db.select({ template: outbox.template, params: outbox.params, createdAt: outbox.createdAt }).from(outbox).where(eq(outbox.userId, actor.userId)),
      ])
    : [[], [], [], []];
  return {
    exportedAt: new Date().toISOString(),
    user,
    cases: mine.map((c) => ({
      id: c.id,
      reference: c.reference,
      organisation: organisationOf.get(c.id)!,
      // The zone the case's instants are written in on its page: its company's.
      timeZone: zoneOf.get(c.id)!,
      framework: c.framework,
      hrData: c.hrData,
      complainant: { name: c.complainantName, email: c.complainantEmail, country: c.complainantCountry, preferredLanguage: c.preferredLanguage, dataSubject: c.dataSubject },
      companyIdentifier: c.companyIdentifier,
      exporter: c.exporter,
      transferReason: c.transferReason,
      principles: c.principles,
      description: c.description,
      reliefSought: c.reliefSought,
      priorContact: c.priorContact,
      otherSteps: c.otherSteps,
      consentAt: c.consentAt,
      rung: c.rung,
      status: c.status,
      erasureRequestedAt: c.erasureRequestedAt,
      createdAt: c.createdAt,
      // What the case page shows of each step, never the raw event (no internal assignments).
      events: events.filter((e) => e.caseId === c.id && e.type !== "case.assigned").map(({ seq, type, at, party, data }) => ({ seq, type, at, party, detail: timelineDetail(type, data, zoneOf.get(c.id)!) })),
      messages: thread.filter((m) => m.caseId === c.id).map(({ caseId: _c, ...m }) => m),
      documents: files.filter((f) => f.caseId === c.id).map(({ caseId: _c, ...f }) => f),
    })),
    // The bell as it was exported before bell items and mail shared a row (migration 0019).
    notifications: inbox.map(({ template, params, createdAt }) => ({ kind: noticeKindOf(template), data: { params: params ?? {} }, createdAt })),
  };
}

export async function requestErasure(db: Db, actor: Actor, caseId: string, now: Date, meta: { ip?: string | null; userAgent?: string | null } = {}) {
  if (actor.kind !== "user" || !isUuid(caseId)) throw new NotFoundError();
  const [row] = await db.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.complainantUserId, actor.userId)));
  if (!row) throw new NotFoundError();
  if (row.status !== "closed") throw new ForbiddenError();
  if (row.erasureRequestedAt) return;
  await db.transaction(async (tx) => {
    await tx.update(cases).set({ erasureRequestedAt: now }).where(eq(cases.id, row.id));
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "case", entityId: row.id, action: "erasure_requested", data: { reference: row.reference }, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null, at: now });
  });
}

/** The complainant's closed cases, which they may ask to have erased. */
export async function closedCases(db: Db, actor: Actor) {
  if (actor.kind !== "user") return [];
  return db
    .select({ id: cases.id, reference: cases.reference, organisation: organisations.name, erasureRequestedAt: cases.erasureRequestedAt })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(and(eq(cases.complainantUserId, actor.userId), eq(cases.status, "closed")));
}
