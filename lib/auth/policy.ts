/**
 * Who may see and do what: the one place that decides. Every query and command in lib/
 * asks here; pages and middleware only mirror it for convenience.
 */
import { and, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { attachments, caseBodies, cases, messages } from "@/db/schema";
import type { Party } from "@/lib/ladder";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor, Membership, MembershipRole, Principal, ProviderKind } from "./actor";

/** The ladder party a provider of each kind acts as. */
export const PARTY_OF_PROVIDER: Record<ProviderKind, Party> = {
  adr: "irm",
  dpa_panel: "dpa_panel",
  fdpic: "dpa_panel",
  ico: "dpa_panel",
  gra: "dpa_panel",
  commerce: "commerce",
  arbitration_administrator: "arbitration",
  national_dpa: "dpa",
};

const orgIds = (a: Actor) => (a.kind !== "anonymous" ? a.memberships.filter((m) => m.organisationId).map((m) => m.organisationId!) : []);
const providerIds = (a: Actor) => (a.kind !== "anonymous" ? a.memberships.filter((m) => m.providerId).map((m) => m.providerId!) : []);

/** The cases an actor may see, as a condition on `cases`. */
export function caseScope(actor: Actor): SQL {
  if (actor.kind === "anonymous") return sql`false`;
  if (actor.kind === "user" && actor.isAdmin) return sql`true`;
  const orgs = orgIds(actor);
  const provs = providerIds(actor);
  // A token is never a complainant: it sees its organisation's or body's cases only.
  const conditions: SQL[] = actor.kind === "user" ? [eq(cases.complainantUserId, actor.userId)] : [];
  if (orgs.length) conditions.push(inArray(cases.organisationId, orgs));
  if (provs.length) {
    conditions.push(
      exists(
        // The correlated sub-select is written by hand: drizzle's relational helpers cannot
        // refer to the outer `cases` row here.
        sql`(select 1 from ${caseBodies} where ${caseBodies.caseId} = ${cases.id} and ${inArray(caseBodies.providerId, provs)})`,
      ),
    );
  }
  return conditions.length ? or(...conditions)! : sql`false`;
}

/** The hand-overs a body's member may see, as a condition on `case_bodies`: those of the bodies they belong to. */
export function bodyScope(actor: Actor): SQL {
  const provs = providerIds(actor);
  return provs.length ? inArray(caseBodies.providerId, provs) : sql`false`;
}

export interface CaseAccessFacts {
  complainantUserId: string;
  organisationId: string;
  /** Providers the case has been handed to. */
  providerIds: string[];
}

/** The parties the actor can act as on one case, most specific first. */
export function partiesOnCase(actor: Actor, c: CaseAccessFacts): Party[] {
  if (actor.kind === "anonymous") return [];
  const parties: Party[] = [];
  if (actor.kind === "user" && c.complainantUserId === actor.userId) parties.push("complainant");
  if (actor.memberships.some((m) => m.organisationId === c.organisationId)) parties.push("organisation");
  for (const m of actor.memberships) {
    if (m.providerId && m.providerKind && c.providerIds.includes(m.providerId)) parties.push(PARTY_OF_PROVIDER[m.providerKind]);
  }
  if (actor.kind === "user" && actor.isAdmin) parties.push("administrator");
  return [...new Set(parties)];
}

export function canSeeCase(actor: Actor, c: CaseAccessFacts): boolean {
  return partiesOnCase(actor, c).length > 0;
}

/** Message audiences each party reads besides its own side's internal notes. */
export function visibleMessageAudiences(party: Party): ("complainant" | "organisation" | "provider")[] {
  switch (party) {
    case "complainant":
      return ["complainant"];
    case "organisation":
      return ["complainant", "organisation"];
    default:
      return ["complainant", "organisation", "provider"];
  }
}

/** Whether a party reads one message: the same rule as `messagesVisibleTo`, for a message in hand. */
export function messageVisibleTo(party: Party, message: { visibility: string; authorParty: string }): boolean {
  if ((visibleMessageAudiences(party) as string[]).includes(message.visibility)) return true;
  return party !== "complainant" && message.visibility === "internal" && message.authorParty === party;
}

/** The messages a party reads: its audiences, and internal notes written by its own side only. */
export function messagesVisibleTo(party: Party): SQL {
  const shared = inArray(messages.visibility, visibleMessageAudiences(party));
  return party === "complainant" ? shared : or(shared, and(eq(messages.visibility, "internal"), eq(messages.authorParty, party)))!;
}

/**
 * The documents a party reads: those stored on their own (evidence for everyone on the case),
 * and those of the messages it reads — never another side's internal notes' documents. A
 * condition on `attachments` left-joined to `messages` on the document's message.
 */
export function documentsVisibleTo(party: Party): SQL {
  return or(isNull(attachments.messageId), messagesVisibleTo(party))!;
}

/** A body's inbox is read by its own members only (a token or an administrator reads cases elsewhere). */
export function canReadBodyInbox(actor: Actor, providerId: string): boolean {
  return actor.kind === "user" && actor.memberships.some((m) => m.providerId === providerId);
}

export function isOrgAdmin(actor: Actor, organisationId: string): boolean {
  return actor.kind === "user" && (actor.isAdmin || actor.memberships.some((m) => m.organisationId === organisationId && m.role === "org_admin"));
}

/** An organisation's reply templates: its staff (and the administrators) read them. */
export function canReadReplyTemplates(actor: Actor, organisationId: string): boolean {
  return actor.kind === "user" && (actor.isAdmin || actor.memberships.some((m) => m.organisationId === organisationId));
}

/** Only its admins (and the administrators) create, change and delete them. */
export function canWriteReplyTemplates(actor: Actor, organisationId: string): boolean {
  return isOrgAdmin(actor, organisationId);
}

export function requireAdmin(actor: Actor): void {
  if (actor.kind !== "user" || !actor.isAdmin) throw new NotFoundError();
}

/**
 * R1.2: a certification's status (lapsed, withdrawn, removed) is recorded by the
 * administrators from the official list or the company's notice; an organisation names its
 * own recourse arrangements but never its status.
 */
export function canRecordCertificationStatus(actor: Actor): boolean {
  return actor.kind === "user" && actor.isAdmin;
}

export function requireUser(actor: Actor): asserts actor is Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new NotFoundError();
}

/** The home a signed-in actor lands on. */
export type Home = "admin" | "organisation" | "provider" | "complainant";
export function homeOf(actor: Actor): Home | null {
  if (actor.kind !== "user" || actor.secondFactor) return null;
  if (actor.isAdmin) return "admin";
  if (actor.memberships.some((m: Membership) => m.organisationId)) return "organisation";
  if (actor.memberships.some((m: Membership) => m.providerId)) return "provider";
  return "complainant";
}

export const scopeToCase = (actor: Actor, caseId: string) => and(eq(cases.id, caseId), caseScope(actor));

/**
 * Whether the actor may change cases at all (a step, a message): every signed-in user may
 * try (the case and the ladder decide the rest); a token only with the `act` scope.
 */
export function requireActing(actor: Actor): asserts actor is Exclude<Actor, { kind: "anonymous" }> {
  if (actor.kind === "anonymous") throw new NotFoundError();
  if (actor.kind === "token" && actor.scope !== "act") throw new ForbiddenError("read_only");
}

/**
 * The roles that run a body's desk and so hold its API tokens. A body has no admin role; its
 * panel members decide cases but do not administer the body (the administrators do for them).
 */
const BODY_DESK_ROLES: MembershipRole[] = ["provider_liaison", "arbitration_administrator", "commerce_officer", "dpa_officer"];

/** The roles that administer a principal's integrations (API tokens, webhooks), and are told about them. */
export function integrationAdminRoles(principal: Principal): MembershipRole[] {
  return principal.organisationId ? ["org_admin"] : BODY_DESK_ROLES;
}

/**
 * Who may create, list and revoke a principal's API tokens and webhook subscriptions: its
 * admins, and the administrators.
 */
export function canManageApiTokens(actor: Actor, principal: Principal): boolean {
  if (actor.kind !== "user") return false;
  if (actor.isAdmin) return true;
  if (principal.organisationId) return isOrgAdmin(actor, principal.organisationId);
  return actor.memberships.some((m) => m.providerId === principal.providerId && BODY_DESK_ROLES.includes(m.role));
}

/** The principals whose tokens the actor manages through its own memberships (administrators name one). */
export function managedPrincipals(actor: Actor): Principal[] {
  if (actor.kind !== "user") return [];
  return actor.memberships
    .map((m): Principal | null => (m.organisationId ? { organisationId: m.organisationId } : m.providerId ? { providerId: m.providerId } : null))
    .filter((p): p is Principal => !!p && canManageApiTokens(actor, p));
}
