/**
 * The bell: a user's own notifications. Every function takes the actor and reads or changes
 * only that user's rows.
 */
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import type { NoticeKind } from "./rules";

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
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: Db, actor: Actor, { limit = 50 } = {}): Promise<InboxItem[]> {
  requireUser(actor);
  const rows = await db
    .select({ id: notifications.id, kind: notifications.kind, data: notifications.data, caseId: notifications.caseId, reference: cases.reference, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NoticeKind,
    params: ((r.data as { params?: Record<string, string | number> }).params ?? {}) as Record<string, string | number>,
    caseId: r.caseId,
    reference: r.reference,
    createdAt: r.createdAt,
    read: !!r.readAt,
  }));
}

export async function markAllRead(db: Db, actor: Actor, now: Date): Promise<number> {
  requireUser(actor);
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}

/** A user's unread items about one case. */
const unreadOfCase = (userId: string, caseId: string) => and(eq(notifications.userId, userId), eq(notifications.caseId, caseId), isNull(notifications.readAt));

/** The actor's unread items about one case: opening the case reads them. */
export async function unreadForCase(db: Db, actor: Actor, caseId: string): Promise<number> {
  if (actor.kind !== "user") return 0;
  const [row] = await db.select({ n: count() }).from(notifications).where(unreadOfCase(actor.userId, caseId));
  return Number(row?.n ?? 0);
}

export async function markCaseRead(db: Db, actor: Actor, caseId: string, now: Date): Promise<number> {
  requireUser(actor);
  const updated = await db.update(notifications).set({ readAt: now }).where(unreadOfCase(actor.userId, caseId)).returning({ id: notifications.id });
  return updated.length;
}
