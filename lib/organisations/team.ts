/**
 * An organisation's people: its admins set their roles and remove them (invitations are in
 * invitations.ts). Every change is audited.
 */
import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, RuleError } from "@/lib/errors";
import { assertQueueReader } from "@/lib/cases/queue";
import { assertOrgAdmin, cancelInvitationsFor, type OrgRole } from "./invitations";

export { ORG_ROLES, type OrgRole } from "./invitations";

export async function listTeam(db: Db, actor: Actor, organisationId: string) {
  assertQueueReader(actor, organisationId);
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.email));
}

async function admins(db: Db, organisationId: string) {
  const [row] = await db.select({ n: count() }).from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "org_admin")));
  return row!.n;
}

export async function setMemberRole(db: Db, actor: Actor, organisationId: string, userId: string, role: OrgRole, now: Date) {
  assertOrgAdmin(actor, organisationId);
  const [member] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (!member) throw new NotFoundError();
  if (member.role === "org_admin" && role !== "org_admin" && (await admins(db, organisationId)) <= 1) throw new RuleError({ code: "last_admin" });
  await db.transaction(async (tx) => {
    await tx.update(memberships).set({ role }).where(eq(memberships.id, member.id));
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "organisation", entityId: organisationId, action: "member_role_changed", data: { userId, from: member.role, to: role }, at: now });
  });
}

export async function removeMember(db: Db, actor: Actor, organisationId: string, userId: string, now: Date) {
  assertOrgAdmin(actor, organisationId);
  const [member] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (!member) throw new NotFoundError();
  if (member.role === "org_admin" && (await admins(db, organisationId)) <= 1) throw new RuleError({ code: "last_admin" });
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (user?.email) await cancelInvitationsFor(tx, organisationId, user.email, now);
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "organisation", entityId: organisationId, action: "member_removed", data: { userId }, at: now });
  });
}
