/**
 * Accounts: a person ends their own sessions on every device; an administrator lists
 * accounts and disables or re-enables one. Disabling ends the account's sessions at once,
 * refuses its sign-in links and makes its actor anonymous (lib/auth/actor.ts). Audited.
 */
import { and, asc, count, eq, gt, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, memberships, organisations, providers, sessions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin, requireUser } from "@/lib/auth/policy";
import { resetSecondFactor } from "@/lib/auth/second-factor";
import { activeSessionCount, endSessions } from "@/lib/auth/sessions";
import { NotFoundError, RuleError, ValidationError } from "@/lib/errors";

export async function myAccount(db: Db, actor: Actor) {
  requireUser(actor);
  return { email: actor.email, name: actor.name, sessions: await activeSessionCount(db, actor.userId) };
}

export async function signOutEverywhere(db: Db, actor: Actor, now: Date): Promise<number> {
  requireUser(actor);
  return db.transaction(async (tx) => {
    const ended = await endSessions(tx, actor.userId);
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "user", entityId: actor.userId, action: "sessions_ended", data: { sessions: ended }, at: now });
    return ended;
  });
}

export const ACCOUNT_PAGE_SIZE = 50;

/** Accounts for the administrator, those with roles first; `query` matches address or name. */
export async function listAccounts(db: Db, actor: Actor, query = "") {
  requireAdmin(actor);
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const live = db
    .select({ userId: sessions.userId, n: count().as("n") })
    .from(sessions)
    .where(gt(sessions.expires, new Date()))
    .groupBy(sessions.userId)
    .as("live");
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, disabledAt: users.disabledAt, secondFactorSince: users.totpEnabledAt, sessions: sql<number>`coalesce(${live.n}, 0)::int` })
    .from(users)
    .leftJoin(live, eq(live.userId, users.id))
    .where(query ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(sql`${users.isAdmin} desc`, sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id}) desc`, asc(users.email))
    .limit(ACCOUNT_PAGE_SIZE);
  const roles = rows.length
    ? await db
        .select({ userId: memberships.userId, role: memberships.role, organisation: organisations.name, provider: providers.name, providerKind: providers.kind })
        .from(memberships)
        .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
        .leftJoin(providers, eq(providers.id, memberships.providerId))
        .where(sql`${memberships.userId} in ${rows.map((r) => r.id)}`)
    : [];
  // Each live session with when it began and when it ends at the latest, for the administrator to see before ending them.
  const liveSessions = rows.length
    ? await db
        .select({ userId: sessions.userId, createdAt: sessions.createdAt, expires: sessions.expires, secondFactorAt: sessions.secondFactorAt })
        .from(sessions)
        .where(and(sql`${sessions.userId} in ${rows.map((r) => r.id)}`, gt(sessions.expires, new Date())))
        .orderBy(asc(sessions.createdAt))
    : [];
  return rows.map((r) => ({
    ...r,
    roles: roles.filter((m) => m.userId === r.id).map(({ role, organisation, provider, providerKind }) => ({ role, where: organisation ?? provider ?? "", body: provider && providerKind ? { name: provider, kind: providerKind } : null })),
    liveSessions: liveSessions.filter((x) => x.userId === r.id).map(({ createdAt, expires, secondFactorAt }) => ({ createdAt, expires, secondFactor: !!secondFactorAt })),
  }));
}

export async function setAccountDisabled(db: Db, actor: Actor, userId: string, disabled: boolean, now: Date, reason = "") {
  requireAdmin(actor);
  requireUser(actor);
  if (userId === actor.userId) throw new RuleError({ code: "own_account" });
  // Disabling locks a person out: the audit log keeps why.
  if (disabled && !reason.trim()) throw new ValidationError({ reason: ["required"] });
  await db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ disabledAt: disabled ? now : null }).where(and(eq(users.id, userId), disabled ? sql`${users.disabledAt} is null` : sql`${users.disabledAt} is not null`)).returning({ id: users.id });
    if (!user) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!exists) throw new NotFoundError();
      return;
    }
    const ended = disabled ? await endSessions(tx, userId) : 0;
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "user", entityId: userId, action: disabled ? "account_disabled" : "account_enabled", data: { reason, sessions: ended }, at: now });
  });
}

/** An administrator signs a person out everywhere (a lost phone, a shared computer), without disabling the account. */
export async function endAccountSessions(db: Db, actor: Actor, userId: string, now: Date): Promise<number> {
  requireAdmin(actor);
  requireUser(actor);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError();
    const ended = await endSessions(tx, userId);
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "user", entityId: userId, action: "sessions_ended", data: { sessions: ended, by: "administrator" }, at: now });
    return ended;
  });
}

/** From the command line (`npm run admin:add -- EMAIL`): the address becomes an administrator, created if new. */
export async function grantAdministrator(db: Db, email: string, now: Date) {
  const address = z.email().parse(email.trim().toLowerCase());
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ email: address, isAdmin: true }).onConflictDoUpdate({ target: users.email, set: { isAdmin: true } });
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, address));
    await tx.insert(auditLog).values({ actorUserId: null, entity: "user", entityId: user!.id, action: "administrator_granted", data: { by: "command line" }, at: now });
  });
}

/** For someone who lost both their app and their recovery codes: they set up a new app at their next sign-in. */
export async function resetAccountSecondFactor(db: Db, actor: Actor, userId: string, now: Date) {
  requireAdmin(actor);
  requireUser(actor);
  if (userId === actor.userId) throw new RuleError({ code: "own_account" });
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError();
    await resetSecondFactor(tx, userId);
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "user", entityId: userId, action: "second_factor_reset", data: {}, at: now });
  });
}
