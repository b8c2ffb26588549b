/**
 * Turns notices into people, and each (notice, person) pair into one outbox row, inside the
 * transaction that caused them: the person's bell item, mailed when it has an address. A
 * batch of any size costs a fixed number of queries; each pair has a key, so writing it twice
 * leaves one.
 */
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inList } from "@/db/in-list";
import { jsonRows } from "@/db/json-rows";
import { groupBy } from "@/lib/group-by";
import { caseBodies, memberships, users } from "@/db/schema";
import { NOTICE_TEMPLATE } from "@/lib/mail/content";
import { createSignInLink } from "@/lib/auth/magic-link";
import type { Notice } from "./notice";
import { referralPromptKey } from "./rules";

export interface CaseForNotice {
  id: string;
  reference: string;
  /** Where the caller has it (filing): the company's name, for the receipt. */
  organisationName?: string;
  /** The company's dispute resolution provider by name, where it has one: the notices name it. */
  irmName?: string | null;
  organisationId: string;
  complainantUserId: string;
  complainantEmail: string;
  preferredLanguage: string;
  assigneeUserId: string | null;
}

export interface Dispatch {
  caseRow: CaseForNotice;
  notice: Notice;
  /** Identifies what caused the notice: an event (`ev:<case>:<seq>`) or a clock threshold. */
  key: string;
  /** The person who caused it is not told about their own step. */
  actorUserId?: string | null;
}

interface Person {
  userId: string;
  email: string | null;
  locale: string | null;
}


export async function dispatch(tx: Tx, items: Dispatch[]): Promise<{ mails: number; bell: number }> {
  if (!items.length) return { mails: 0, bell: 0 };
  const people = await resolveAudiences(tx, items);
  // One row per notice and person: its bell item, mailed where there is an address.
  const rows: { cause: string; kind: string; user_id: string; case_id: string; params: Record<string, string | number>; to_email: string | null; locale: string; signInTo?: string }[] = [];

  items.forEach((item, index) => {
    const { caseRow, notice } = item;
    // Worded when shown or sent (lib/notifications/render.ts, lib/mail/content.ts), in the reader's language.
    const params = { ...notice.params, reference: caseRow.reference, ...(caseRow.organisationName ? { organisation: caseRow.organisationName } : {}), ...(caseRow.irmName ? { irm: caseRow.irmName } : {}) };
    for (const person of people[index]!) {
      if (person.userId === item.actorUserId && !notice.toActor) continue;
      const mail = notice.mail && person.email ? person.email.toLowerCase() : null;
      const locale = person.locale ?? "en";
      const cause = notice.kind === "referral-proposed" ? referralPromptKey(caseRow.id) : item.key;
      rows.push({ cause, kind: notice.kind, user_id: person.userId, case_id: caseRow.id, params, to_email: mail, locale, ...(notice.signIn && mail ? { signInTo: `/${locale}/cases/${caseRow.id}` } : {}) });
    }
  });
  // A link that signs the reader in goes in the mail's parameters (lib/mail/content.ts), never on the bell.
  for (const row of rows) if (row.signInTo && row.to_email) row.params = { ...row.params, signInUrl: await createSignInLink(tx, row.to_email, row.signInTo) };

  if (!rows.length) return { mails: 0, bell: 0 };
  // One row per (notice, person) pair, its bell item and its mail at once, from one JSON
  // parameter; the pair's key makes writing it twice leave one. Stamped with the database's
  // time, as all mail is: the outbox is read in the order rows were written (demo mode's
  // moved clock would otherwise put a notice ahead of a sign-in link sent after it).
  await tx.execute(sql`
    INSERT INTO outbox (dedupe_key, user_id, to_email, status, locale, template, params, case_id)
    SELECT n.cause || ':' || n.kind || ':' || n.user_id, n.user_id, n.to_email, CASE WHEN n.to_email IS NOT NULL THEN 'pending'::outbox_status END,
           n.locale, ${NOTICE_TEMPLATE} || n.kind, n.params, n.case_id
    FROM ${jsonRows(rows.map(({ signInTo: _, ...row }) => row), { cause: "text", kind: "text", user_id: "text", case_id: "uuid", params: "jsonb", to_email: "text", locale: "text" })} AS n
    ON CONFLICT (dedupe_key) DO NOTHING`);
  return { mails: rows.filter((r) => r.to_email).length, bell: rows.length };
}

/** The people each item reaches, in item order; four queries for the whole batch. */
async function resolveAudiences(tx: Tx, items: Dispatch[]): Promise<Person[][]> {
  const orgIds = new Set<string>();
  const userIds = new Set<string>();
  const bodyCases = new Set<string>();
  let admins = false;
  for (const { caseRow, notice } of items) {
    const a = notice.audience;
    if (a.to === "organisation") {
      if (caseRow.assigneeUserId) userIds.add(caseRow.assigneeUserId);
      else orgIds.add(caseRow.organisationId);
    } else if (a.to === "user") userIds.add(a.userId);
    else if (a.to === "body") bodyCases.add(caseRow.id);
    else if (a.to === "administrators") admins = true;
  }

  const person = { userId: users.id, email: users.email, locale: users.locale };
  const [staff, named, bodyMembers, adminRows] = await Promise.all([
    orgIds.size ? tx.select({ ...person, organisationId: memberships.organisationId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(inList(memberships.organisationId, [...orgIds])) : [],
    userIds.size ? tx.select(person).from(users).where(inList(users.id, [...userIds], "text")) : [],
    bodyCases.size
      ? tx
          .select({ ...person, caseId: caseBodies.caseId, rung: caseBodies.rung })
          .from(caseBodies)
          .innerJoin(memberships, eq(memberships.providerId, caseBodies.providerId))
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(inList(caseBodies.caseId, [...bodyCases]))
      : [],
    admins ? tx.select(person).from(users).where(eq(users.isAdmin, true)) : [],
  ]);
  const byId = new Map(named.map((p) => [p.userId, p]));
  const staffOf = groupBy(staff, (s) => s.organisationId ?? "");
  const membersOf = groupBy(bodyMembers, (m) => `${m.caseId}:${m.rung}`);

  return items.map(({ caseRow, notice }) => {
    const a = notice.audience;
    switch (a.to) {
      case "complainant":
        return [{ userId: caseRow.complainantUserId, email: caseRow.complainantEmail, locale: caseRow.preferredLanguage }];
      case "organisation":
        return caseRow.assigneeUserId ? [byId.get(caseRow.assigneeUserId)].filter((p): p is Person => !!p) : (staffOf.get(caseRow.organisationId) ?? []);
      case "user":
        return [byId.get(a.userId)].filter((p): p is Person => !!p);
      case "body":
        return membersOf.get(`${caseRow.id}:${a.rung}`) ?? [];
      case "administrators":
        return adminRows;
    }
  });
}

/**
 * Withdraws the administrators' referral prompts on these cases (a referral was recorded): a
 * bell item or mail not yet sent goes; a mail already sent keeps its record but leaves the bell,
 * and frees its key for a later prompt.
 */
export async function withdrawReferralPrompts(tx: Tx, caseIds: string[], now: Date): Promise<void> {
  if (!caseIds.length) return;
  const prompts = sql`template = ${`${NOTICE_TEMPLATE}referral-proposed`} AND ${inList(sql`case_id`, caseIds)}`;
  await tx.execute(sql`DELETE FROM outbox WHERE ${prompts} AND (status IS NULL OR status = 'pending')`);
  await tx.execute(sql`UPDATE outbox SET user_id = NULL, read_at = coalesce(read_at, ${now.toISOString()}::timestamptz), dedupe_key = dedupe_key || ':withdrawn:' || id WHERE ${prompts} AND user_id IS NOT NULL`);
}
