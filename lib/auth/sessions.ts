/**
 * Sessions live in the database, so they can be ended: by signing out (this browser), by
 * "sign out on every device", and by an administrator disabling the account. A session ends
 * after eight idle hours and, however often it is used, twelve hours after it began. Sessions
 * run on the real clock, like the cookies that carry them, not on the demo's movable one.
 */
import { randomBytes } from "node:crypto";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { and, count, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-users";
import { publicUrl } from "@/lib/config";
import { demoMode } from "@/lib/demo";

export const SESSION_IDLE_HOURS = 8;
export const SESSION_ABSOLUTE_HOURS = 12;
const HOUR = 3_600_000;

/** Auth.js's cookie name: `__Secure-` on an https site. */
export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}authjs.session-token`;
}

export function secureCookies(): boolean {
  return publicUrl().startsWith("https:");
}

/** A session's end: the idle limit from `at`, never past the absolute one. */
export function sessionEnd(createdAt: Date, at: Date): Date {
  return new Date(Math.min(at.getTime() + SESSION_IDLE_HOURS * HOUR, createdAt.getTime() + SESSION_ABSOLUTE_HOURS * HOUR));
}

/** A session beginning now, under a token of its own or the one Auth.js made. */
function newSession(userId: string, sessionToken = randomBytes(32).toString("hex")) {
  const createdAt = new Date();
  return { sessionToken, userId, createdAt, expires: sessionEnd(createdAt, createdAt) };
}

/** Starts a session for a user who proved who they are some other way (the demo's one click, an accepted invitation). */
export async function startSession(db: Db | Tx, userId: string): Promise<{ sessionToken: string; expires: Date }> {
  const row = newSession(userId);
  await db.insert(sessions).values(row);
  return row;
}

/** Demo mode's one-click sign-in: the demo account's id; null anywhere else. */
export async function demoUserId(db: Db, email: string): Promise<string | null> {
  if (!demoMode() || !DEMO_USERS.some((u) => u.email === email.toLowerCase())) return null;
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, email.toLowerCase()), isNull(users.disabledAt)));
  return user?.id ?? null;
}

/** Ends every session of a user; returns how many there were. */
export async function endSessions(db: Db | Tx, userId: string): Promise<number> {
  return (await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ token: sessions.sessionToken })).length;
}

export async function activeSessionCount(db: Db | Tx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sessions).where(and(eq(sessions.userId, userId), gt(sessions.expires, new Date())));
  return row!.n;
}

/**
 * Auth.js's adapter with the session rules above: a session of a disabled account, or one past
 * its absolute lifetime, is deleted when it is next presented, and renewal never extends a
 * session beyond its absolute end.
 */
export function withSessionRules(adapter: Adapter, db: Db): Adapter {
  return {
    ...adapter,
    async createSession(session) {
      const [row] = await db.insert(sessions).values(newSession(session.userId, session.sessionToken)).returning();
      return row!;
    },
    async getSessionAndUser(sessionToken) {
      const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.sessionToken, sessionToken));
      if (!row) return null;
      const now = Date.now();
      if (row.user.disabledAt || !row.user.email || row.session.createdAt.getTime() + SESSION_ABSOLUTE_HOURS * HOUR <= now) {
        await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
        return null;
      }
      // Whether this sign-in passed the second factor travels with it to the session callback.
      const session: AdapterSession & { secondFactorAt: Date | null } = { sessionToken: row.session.sessionToken, userId: row.session.userId, expires: row.session.expires, secondFactorAt: row.session.secondFactorAt };
      const user: AdapterUser = { id: row.user.id, email: row.user.email, emailVerified: row.user.emailVerified, name: row.user.name, image: row.user.image };
      return { session, user };
    },
    async updateSession({ sessionToken }) {
      const [current] = await db.select().from(sessions).where(eq(sessions.sessionToken, sessionToken));
      if (!current) return null;
      const [row] = await db.update(sessions).set({ expires: sessionEnd(current.createdAt, new Date()) }).where(eq(sessions.sessionToken, sessionToken)).returning();
      return row ?? null;
    },
  };
}

/** Housekeeping for the worker: sessions past their end. */
export async function deleteEndedSessions(db: Db | Tx): Promise<number> {
  const cutoff = new Date(Date.now() - SESSION_ABSOLUTE_HOURS * HOUR);
  return (await db.delete(sessions).where(or(lte(sessions.expires, new Date()), lte(sessions.createdAt, cutoff))).returning({ token: sessions.sessionToken })).length;
}
