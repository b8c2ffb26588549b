/**
 * Turns notices into people, mail and bell items, inside the transaction that caused them.
 * A batch of any size costs a fixed number of queries; each (notice, person) pair has a key,
 * so writing it twice leaves one mail and one bell item.
 */
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inList } from "@/db/in-list";
import { jsonRows } from "@/db/json-rows";
import { groupBy } from "@/lib/group-by";
import { caseBodies, memberships, users } from "@/db/schema";
import { NOTICE_TEMPLATE } from "@/lib/mail/content";
import type { Notice } from "./rules";

export interface CaseForNotice {
  id: string;
  reference: string;
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


export async function dispatch(tx: Tx, items: Dispatch[], now: Date): Promise<{ mails: number; bell: number }> {
  if (!items.length) return { mails: 0, bell: 0 };
  const people = await resolveAudiences(tx, items);
  const mails: { dedupe_key: string; to_email: string; locale: string; template: string; params: Record<string, string | number>; case_id: string }[] = [];
  const bell: { user_id: string; case_id: string; kind: string; data: unknown; dedupe_key: string; created_at: Date }[] = [];

  items.forEach((item, index) => {
    const { caseRow, notice } = item;
    for (const person of people[index]!) {
      if (person.userId === item.actorUserId) continue;
      const dedupeKey = `${item.key}:${notice.kind}:${person.userId}`;
      const params = { ...notice.params, reference: caseRow.reference };
      bell.push({ user_id: person.userId, case_id: caseRow.id, kind: notice.kind, data: { params }, dedupe_key: dedupeKey, created_at: now });
      if (!notice.mail || !person.email) continue;
      // Worded when sent (lib/mail/content.ts), in the reader's language; the reference travels in the params.
      mails.push({ dedupe_key: dedupeKey, to_email: person.email.toLowerCase(), locale: person.locale ?? "en", template: `${NOTICE_TEMPLATE}${notice.kind}`, params, case_id: caseRow.id });
    }
  });

  // One JSON parameter per table rather than thousands of bound values: far less to build and send.
  if (mails.length) {
    await tx.execute(sql`
      INSERT INTO outbox (dedupe_key, to_email, locale, template, params, case_id)
      SELECT dedupe_key, to_email, locale, template, params, case_id
      FROM ${jsonRows(mails, { dedupe_key: "text", to_email: "text", locale: "text", template: "text", params: "jsonb", case_id: "uuid" })} AS m
      ON CONFLICT (dedupe_key) DO NOTHING`);
  }
  if (bell.length) {
    await tx.execute(sql`
      INSERT INTO notifications (user_id, case_id, kind, data, dedupe_key, created_at)
      SELECT user_id, case_id, kind, data, dedupe_key, created_at
      FROM ${jsonRows(bell, { user_id: "text", case_id: "uuid", kind: "text", data: "jsonb", dedupe_key: "text", created_at: "timestamptz" })} AS n
      -- Naming the key spares a probe of the primary key per row, which a new random id never hits.
      ON CONFLICT (user_id, dedupe_key) DO NOTHING`);
  }
  return { mails: mails.length, bell: bell.length };
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
