/**
 * The acting user as every data function sees it: who they are and where they belong. A
 * system calling the API acts as the organisation or body its token belongs to.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, providers, users } from "@/db/schema";
import { isPrivileged, secondFactorRequired } from "./second-factor";

export type MembershipRole = (typeof memberships.$inferSelect)["role"];
export type ProviderKind = (typeof providers.$inferSelect)["kind"];

export interface Membership {
  role: MembershipRole;
  organisationId: string | null;
  providerId: string | null;
  providerKind: ProviderKind | null;
}

/** Whom a system speaks for: one organisation or one body. A webhook subscription can hold the same. */
export type Principal = { organisationId: string; providerId?: undefined } | { providerId: string; organisationId?: undefined };

export type TokenScope = "read" | "act";

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string | null;
      locale: string | null;
      isAdmin: boolean;
      memberships: Membership[];
      /** Set while a privileged person's session still owes its second factor: it acts with no role until then. */
      secondFactor?: "enrol" | "verify";
    }
  /** An API token: its owner's place as one membership, and what it may do there. */
  | { kind: "token"; tokenId: string; tokenName: string; scope: TokenScope; principal: Principal; memberships: Membership[] };

export const ANONYMOUS: Actor = { kind: "anonymous" };

/**
 * `session` is given for a signed-in browser: a privileged person whose session has not passed
 * the second factor (where it is required) gets an actor without their roles. Without it
 * (tests, the worker, the API's own tokens) the roles are loaded as they are.
 */
export async function loadActor(db: Db, userId: string | null | undefined, session?: { secondFactorPassed: boolean }): Promise<Actor> {
  if (!userId) return ANONYMOUS;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  // A disabled account acts as no one, whatever session it still holds.
  if (!user?.email || user.disabledAt) return ANONYMOUS;
  const rows = await db
    .select({ role: memberships.role, organisationId: memberships.organisationId, providerId: memberships.providerId, providerKind: providers.kind })
    .from(memberships)
    .leftJoin(providers, eq(providers.id, memberships.providerId))
    .where(eq(memberships.userId, userId));
  const actor = { kind: "user" as const, userId: user.id, email: user.email, name: user.name, locale: user.locale, isAdmin: user.isAdmin, memberships: rows };
  if (session && !session.secondFactorPassed && secondFactorRequired() && isPrivileged(user.isAdmin, rows)) {
    return { ...actor, isAdmin: false, memberships: [], secondFactor: user.totpEnabledAt ? "verify" : "enrol" };
  }
  return actor;
}

/**
 * The reader a webhook subscription delivers to: its principal, read-only, as a token would
 * be (the policy decides what it may receive, as it decides what a token may read).
 */
export function subscriberActor(subscriptionId: string, principal: Principal, providerKind: ProviderKind | null): Actor {
  if (principal.organisationId) {
    return { kind: "token", tokenId: subscriptionId, tokenName: "webhook", scope: "read", principal, memberships: [{ role: "org_staff", organisationId: principal.organisationId, providerId: null, providerKind: null }] };
  }
  if (!providerKind) return ANONYMOUS;
  return { kind: "token", tokenId: subscriptionId, tokenName: "webhook", scope: "read", principal, memberships: [{ role: "provider_liaison", organisationId: null, providerId: principal.providerId!, providerKind }] };
}

/** The actor a system acts as on behalf of its principal (the policy reads its one membership). */
export async function principalActor(db: Db, token: { id: string; name: string; scope: TokenScope }, principal: Principal): Promise<Actor> {
  if (principal.organisationId) {
    return { kind: "token", tokenId: token.id, tokenName: token.name, scope: token.scope, principal, memberships: [{ role: "org_staff", organisationId: principal.organisationId, providerId: null, providerKind: null }] };
  }
  const [provider] = await db.select({ kind: providers.kind }).from(providers).where(eq(providers.id, principal.providerId!));
  if (!provider) return ANONYMOUS;
  return { kind: "token", tokenId: token.id, tokenName: token.name, scope: token.scope, principal, memberships: [{ role: "provider_liaison", organisationId: null, providerId: principal.providerId!, providerKind: provider.kind }] };
}
