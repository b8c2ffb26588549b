/**
 * An organisation's people: its admins invite colleagues by email (a sign-in link in the
 * invitation), set their roles and remove them. Every change is audited.
 */
import { and, asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/magic-link";
import { isOrgAdmin } from "@/lib/auth/policy";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { assertQueueReader } from "@/lib/cases/queue";

export const ORG_ROLES = ["org_staff", "org_admin"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).email({ message: "invalid_email" }),
  name: z.string().trim().max(200).optional(),
  role: z.enum(ORG_ROLES),
});

function assertAdmin(actor: Actor, organisationId: string): asserts actor is Extract<Actor, { kind: "user" }> {
  assertQueueReader(actor, organisationId);
  if (!isOrgAdmin(actor, organisationId)) throw new ForbiddenError();
}

export async function listTeam(db: Db, actor: Actor, organisationId: string) {
  assertQueueReader(actor, organisationId);
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.email));
}

export async function inviteColleague(db: Db, actor: Actor, organisationId: string, raw: unknown, now: Date, locale: string) {
  assertAdmin(actor, organisationId);
  const parsed = inviteSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
  const { email, name, role } = parsed.data;
  await db.transaction(async (tx) => {
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    if (!org) throw new NotFoundError();
    await tx.insert(users).values({ email, name: name || null, locale }).onConflictDoNothing({ target: users.email });
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    const [existing] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, user!.id), eq(memberships.organisationId, organisationId)));
    if (existing) throw new ValidationError({ email: ["already_member"] });
    await tx.insert(memberships).values({ userId: user!.id, organisationId, role });
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "organisation", entityId: organisationId, action: "member_invited", data: { email, role }, at: now });
    await enqueueMail(tx, {
      dedupeKey: `invitation:${organisationId}:${email}`,
      to: email,
      locale,
      template: "invitation",
      params: { organisation: org.name, inviter: actor.name ?? actor.email, url: await createSignInLink(tx, email, `/${locale}/org`, 7 * 24 * 3_600_000) },
    });
  });
}

async function admins(db: Db, organisationId: string) {
  const [row] = await db.select({ n: count() }).from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "org_admin")));
  return row!.n;
}

export async function setMemberRole(db: Db, actor: Actor, organisationId: string, userId: string, role: OrgRole, now: Date) {
  assertAdmin(actor, organisationId);
  const [member] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (!member) throw new NotFoundError();
  if (member.role === "org_admin" && role !== "org_admin" && (await admins(db, organisationId)) <= 1) throw new ValidationError({ role: ["last_admin"] });
  await db.transaction(async (tx) => {
    await tx.update(memberships).set({ role }).where(eq(memberships.id, member.id));
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "organisation", entityId: organisationId, action: "member_role_changed", data: { userId, from: member.role, to: role }, at: now });
  });
}

export async function removeMember(db: Db, actor: Actor, organisationId: string, userId: string, now: Date) {
  assertAdmin(actor, organisationId);
  const [member] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (!member) throw new NotFoundError();
  if (member.role === "org_admin" && (await admins(db, organisationId)) <= 1) throw new ValidationError({ role: ["last_admin"] });
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "organisation", entityId: organisationId, action: "member_removed", data: { userId }, at: now });
  });
}
