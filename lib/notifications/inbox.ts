/**
 * The bell: a user's own notifications, the outbox rows that name them (lib/notifications/
 * dispatch.ts). Every function takes the actor and reads or changes only that user's rows.
 */
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, outbox } from "@/db/schema";
import { noticeKindOf } from "@/lib/mail/content";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import type { NoticeKind } from "./notice";

export interface InboxItem {
  id: string;
  kind: NoticeKind;
  params: Record<string, string | number>;
  caseId: string | null;
  reference: string | null;
  createdAt: Date;
  read: boolean;
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  if (actor.kind !== "user") return 0;
  const [row] = await db.select({ n: count() }).from(outbox).where(and(eq(outbox.userId, actor.userId), isNull(outbox.readAt)));
  return Number(row?.n ?? 0);
}

const withoutSignIn = ({ signInUrl: _, ...params }: Record<string, string | number>) => params;

export async function listNotifications(db: Db, actor: Actor, { limit = 50 } = {}): Promise<InboxItem[]> {
  requireUser(actor);
  const rows = await db
    .select({ id: outbox.id, template: outbox.template, params: outbox.params, caseId: outbox.caseId, reference: cases.reference, createdAt: outbox.createdAt, readAt: outbox.readAt })
    .from(outbox)
    .leftJoin(cases, eq(cases.id, outbox.caseId))
    .where(eq(outbox.userId, actor.userId))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: noticeKindOf(r.template),
    // A receipt's sign-in link is for the mail only.
    params: withoutSignIn(r.params ?? {}),
    caseId: r.caseId,
    reference: r.reference,
    createdAt: r.createdAt,
    read: !!r.readAt,
  }));
}

export async function markAllRead(db: Db, actor: Actor, now: Date): Promise<number> {
  requireUser(actor);
  const updated = await db
    .update(outbox)
    .set({ readAt: now })
    .where(and(eq(outbox.userId, actor.userId), isNull(outbox.readAt)))
    .returning({ id: outbox.id });
  return updated.length;
}

/** A user's unread items about one case. */
const unreadOfCase = (userId: string, caseId: string) => and(eq(outbox.userId, userId), eq(outbox.caseId, caseId), isNull(outbox.readAt));

/** The actor's unread items about one case: opening the case reads them. */
export async function unreadForCase(db: Db, actor: Actor, caseId: string): Promise<number> {
  if (actor.kind !== "user") return 0;
  const [row] = await db.select({ n: count() }).from(outbox).where(unreadOfCase(actor.userId, caseId));
  return Number(row?.n ?? 0);
}

export async function markCaseRead(db: Db, actor: Actor, caseId: string, now: Date): Promise<number> {
  requireUser(actor);
  const updated = await db.update(outbox).set({ readAt: now }).where(unreadOfCase(actor.userId, caseId)).returning({ id: outbox.id });
  return updated.length;
}
