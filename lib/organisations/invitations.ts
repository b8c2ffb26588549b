/**
 * Invitations to an organisation's team. An admin invites an address; the mail carries a link
 * to the invitation page, where the person accepts with a button (a POST): only then does a
 * membership exist, so no account, old or new, is ever added without its owner's say. Accepting
 * signs the person in as the invited address: the link reached that mailbox, as a sign-in link
 * would. An invitation lasts 72 hours, a newer one for the same address replaces it, and
 * removing the person or cancelling it ends it. Every change is audited.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog, invitations, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { tokenSha256 } from "@/lib/auth/api-token";
import { isOrgAdmin } from "@/lib/auth/policy";
import { assertQueueReader } from "@/lib/cases/queue";
import { publicUrl } from "@/lib/config";
import { ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { isLinkToken } from "@/lib/ids";
import { enqueueMail } from "@/lib/mail/outbox";

export const INVITATION_HOURS = 72;
export const ORG_ROLES = ["org_staff", "org_admin"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).email({ message: "invalid_email" }),
  name: z.string().trim().max(200).optional(),
  role: z.enum(ORG_ROLES),
});


/** Neither accepted nor cancelled (it may still have expired). */
const unanswered = () => and(isNull(invitations.acceptedAt), isNull(invitations.declinedAt), isNull(invitations.cancelledAt));

export type InvitationState = "open" | "expired" | "cancelled" | "declined" | "accepted";

function stateOf(row: { acceptedAt: Date | null; declinedAt: Date | null; cancelledAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  return row.acceptedAt ? "accepted" : row.declinedAt ? "declined" : row.cancelledAt ? "cancelled" : row.expiresAt <= now ? "expired" : "open";
}

export function assertOrgAdmin(actor: Actor, organisationId: string): asserts actor is Extract<Actor, { kind: "user" }> {
  assertQueueReader(actor, organisationId);
  if (!isOrgAdmin(actor, organisationId)) throw new ForbiddenError();
}

export async function inviteColleague(db: Db, actor: Actor, organisationId: string, raw: unknown, now: Date, locale: string) {
  assertOrgAdmin(actor, organisationId);
  const parsed = inviteSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])));
  const { email, name, role } = parsed.data;
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    if (!org) throw new NotFoundError();
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, email), eq(memberships.organisationId, organisationId)));
    if (member) throw new ValidationError({ email: ["already_member"] });
    await cancelInvitationsFor(tx, organisationId, email, now);
    const [invitation] = await tx
      .insert(invitations)
      .values({ organisationId, email, name: name || null, role, invitedBy: actor.userId, tokenHash: tokenSha256(token), createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3_600_000) })
      .returning({ id: invitations.id });
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "organisation", entityId: organisationId, action: "member_invited", data: { invitationId: invitation!.id, email, role }, at: now });
    await enqueueMail(tx, {
      dedupeKey: `invitation:${invitation!.id}`,
      to: email,
      locale,
      template: "invitation",
      params: { organisation: org.name, inviter: actor.name ?? actor.email, url: `${publicUrl()}/${locale}/invitation/${token}`, hours: String(INVITATION_HOURS) },
    });
  });
}

/** How long a declined or expired invitation stays in the team list, so the admin sees what became of it. */
const SHOWN_AFTER_MS = 14 * 86_400_000;

/**
 * The team list's invitations: those waiting for an answer, and those declined or expired in
 * the last two weeks (an admin's own cancellations and accepted ones are not listed).
 */
export async function pendingInvitations(db: Db, actor: Actor, organisationId: string, now: Date) {
  assertQueueReader(actor, organisationId);
  const since = new Date(now.getTime() - SHOWN_AFTER_MS);
  const rows = await db
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, expiresAt: invitations.expiresAt, declinedAt: invitations.declinedAt })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt), or(gt(invitations.declinedAt, since), and(isNull(invitations.declinedAt), gt(invitations.expiresAt, since)))))
    .orderBy(asc(invitations.email));
  // Neither accepted nor cancelled (the query says so): open, declined or expired.
  return rows.map((row) => ({ ...row, state: stateOf({ ...row, acceptedAt: null, cancelledAt: null }, now) as "open" | "declined" | "expired" }));
}

export async function cancelInvitation(db: Db, actor: Actor, organisationId: string, invitationId: string, now: Date) {
  assertOrgAdmin(actor, organisationId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ cancelledAt: now })
      .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId), unanswered()))
      .returning({ email: invitations.email });
    if (!row) throw new NotFoundError();
    await tx.insert(auditLog).values({ actorUserId: actor.userId, entity: "organisation", entityId: organisationId, action: "invitation_cancelled", data: { invitationId, email: row.email }, at: now });
  });
}

/** What the invitation page shows to whoever holds the link; null for a token that was never issued. */
export async function invitationByToken(db: Db, token: string, now: Date) {
  if (!isLinkToken(token)) return null;
  const [row] = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, organisation: organisations.name, inviter: users.name, inviterEmail: users.email, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, declinedAt: invitations.declinedAt, cancelledAt: invitations.cancelledAt })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, tokenSha256(token)));
  if (!row) return null;
  return { email: row.email, role: row.role, organisation: row.organisation, inviter: row.inviter ?? row.inviterEmail ?? "", expiresAt: row.expiresAt, state: stateOf(row, now) };
}

/**
 * Accepts an open invitation for the person who holds its link: creates the account if the
 * address has none, adds the membership, and returns the user to sign in.
 */
export async function acceptInvitation(db: Db, token: string, now: Date, locale: string): Promise<{ userId: string }> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenSha256(token))).for("update");
    if (!invitation) throw new NotFoundError();
    if (stateOf(invitation, now) !== "open") throw new RuleError({ code: "invitation_closed" });
    await tx.insert(users).values({ email: invitation.email, name: invitation.name, locale, emailVerified: now }).onConflictDoNothing({ target: users.email });
    const [user] = await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, invitation.email));
    if (user!.disabledAt) throw new RuleError({ code: "invitation_closed" });
    await tx.insert(memberships).values({ userId: user!.id, organisationId: invitation.organisationId, role: invitation.role }).onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
    await tx.insert(auditLog).values({ actorUserId: user!.id, entity: "organisation", entityId: invitation.organisationId, action: "invitation_accepted", data: { invitationId: invitation.id, role: invitation.role }, at: now });
    return { userId: user!.id };
  });
}

/** Declining ends the invitation; the admin sees it gone from the pending list. */
export async function declineInvitation(db: Db, token: string, now: Date) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ declinedAt: now })
      .where(and(eq(invitations.tokenHash, tokenSha256(token)), unanswered(), gt(invitations.expiresAt, now)))
      .returning({ id: invitations.id, organisationId: invitations.organisationId });
    if (!row) throw new RuleError({ code: "invitation_closed" });
    await tx.insert(auditLog).values({ actorUserId: null, entity: "organisation", entityId: row.organisationId, action: "invitation_declined", data: { invitationId: row.id }, at: now });
  });
}

/** Ends the open invitations of an address (a newer invitation replaces them; removing the person ends them). */
export async function cancelInvitationsFor(tx: Db | Tx, organisationId: string, email: string, now: Date) {
  await tx
    .update(invitations)
    .set({ cancelledAt: now })
    .where(and(eq(invitations.organisationId, organisationId), eq(invitations.email, email), unanswered()));
}
