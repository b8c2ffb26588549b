/**
 * A recourse body's inbox: the cases handed to it, each with the date it received them, its
 * own clock and the other parties' deadline as context, in the views of lib/ladder/body-inbox.ts.
 * Views and counts read the projected `body_views` of each case at the place the body holds
 * (`case_bodies.rung`), so they change whenever a step or the sweep re-projects the case.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseBodies, cases, organisations, providers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { canReadBodyInbox, caseScope } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { BODY_INBOX_VIEWS, type BodyInboxView, type BodyPlace } from "@/lib/ladder";
import { isUuid } from "@/lib/ids";

/** A page holds this many cases; the counts cover all of them. */
export const INBOX_LIMIT = 100;

/** A view named in a link; anything else shows the first view that holds a case. */
export const inboxViewSchema = z.enum(BODY_INBOX_VIEWS).nullable().catch(null);

export interface InboxRow {
  id: string;
  reference: string;
  organisationName: string;
  organisationZone: string;
  rung: string;
  status: string;
  hrData: boolean;
  /** When this body received the case (its hand-over). */
  receivedAt: Date;
  /** The place the body holds on the case (irm, dpa_panel, dpa, commerce, arbitration). */
  place: BodyPlace;
  /** The body's own step: the earliest of its clocks still owed. */
  ownDueAt: Date | null;
  /** Another party's owed step, shown as context only. */
  othersDue: { party: string; dueAt: Date } | null;
}

export interface BodyInbox {
  /** The view shown: the one asked for, or else the first that holds a case. */
  view: BodyInboxView;
  provider: { id: string; name: string; kind: string; timeZone: string };
  counts: Record<BodyInboxView, number>;
  rows: InboxRow[];
}

/** The place's party owes the clocks with its name (a place and its ladder party share the word). */
const own = sql`${caseBodies.rung}`;

/** The body's inbox in one view, and every view's count. Not a member of the body: not found. */
export async function bodyInbox(db: Db, actor: Actor, providerId: string, asked: BodyInboxView | null, now: Date): Promise<BodyInbox> {
  if (!isUuid(providerId) || !canReadBodyInbox(actor, providerId)) throw new NotFoundError();
  const [provider] = await db.select({ id: providers.id, name: providers.name, kind: providers.kind, timeZone: providers.timeZone }).from(providers).where(eq(providers.id, providerId));
  if (!provider) throw new NotFoundError();
  // The projected view, or the one it turns into once its instant has passed (lib/ladder/body-inbox.ts).
  const at = sql`(${cases.bodyViews} -> ${caseBodies.rung})`;
  const viewOf = sql<string | null>`case when (${at} ->> 'until')::timestamptz < ${now.toISOString()}::timestamptz then ${at} ->> 'then' else ${at} ->> 'view' end`;
  const mine: SQL = and(eq(caseBodies.providerId, providerId), caseScope(actor))!;
  // The body's own due date: the ladder's owed deadline when it is the body's (an overdue step
  // stays owed), otherwise the earliest of its clocks still running.
  const ownDueAt = sql<Date | null>`case when ${cases.status} = 'open' and ${cases.owedBy} = ${own} then ${cases.nextDueAt}
    else (select min(d.due_at) from deadlines d where d.case_id = ${cases.id} and d.party = ${own} and d.state in ('running', 'paused')) end`.mapWith(cases.nextDueAt);
  // Each view's count in one pass over the body's cases, as the company's queue counts its views.
  const [counted] = (await db
    .select(Object.fromEntries(BODY_INBOX_VIEWS.map((v) => [v, sql<number>`count(*) filter (where ${viewOf} = ${v})`.mapWith(Number)])) as unknown as Record<BodyInboxView, SQL<number>>)
    .from(caseBodies)
    .innerJoin(cases, eq(cases.id, caseBodies.caseId))
    .where(mine)) as Record<BodyInboxView, number>[];
  const counts = counted!;
  const view = asked ?? BODY_INBOX_VIEWS.find((v) => counts[v] > 0) ?? "new";
  const rows = await db
      .select({
        id: cases.id,
        reference: cases.reference,
        organisationName: organisations.name,
        organisationZone: organisations.timeZone,
        rung: cases.rung,
        status: cases.status,
        hrData: cases.hrData,
        receivedAt: caseBodies.since,
        place: caseBodies.rung,
        ownDueAt,
        owedBy: cases.owedBy,
        nextDueAt: cases.nextDueAt,
      })
      .from(caseBodies)
      .innerJoin(cases, eq(cases.id, caseBodies.caseId))
      .innerJoin(organisations, eq(organisations.id, cases.organisationId))
      .where(and(mine, eq(viewOf, view)))
      .orderBy(sql`${ownDueAt} asc nulls last`, desc(caseBodies.since), asc(cases.id))
      .limit(INBOX_LIMIT);
  return {
    view,
    provider,
    counts,
    rows: rows.map(({ owedBy, nextDueAt, place, ...r }) => ({
      ...r,
      place: place as BodyPlace,
      othersDue: r.status === "open" && owedBy && owedBy !== place && nextDueAt ? { party: owedBy, dueAt: nextDueAt } : null,
    })),
  };
}

/** The bodies the actor belongs to, for choosing an inbox. */
export async function ownBodies(db: Db, actor: Actor): Promise<{ id: string; name: string; kind: string }[]> {
  if (actor.kind !== "user") return [];
  const ids = actor.memberships.map((m) => m.providerId).filter((id): id is string => !!id && canReadBodyInbox(actor, id));
  if (!ids.length) return [];
  return db.select({ id: providers.id, name: providers.name, kind: providers.kind }).from(providers).where(inArray(providers.id, ids)).orderBy(asc(providers.name));
}
