/**
 * A recourse body's inbox: the cases handed to it, each with the date it received them, its
 * own clock and the other parties' deadline as context, in the views of lib/ladder/body-inbox.ts.
 * Views, counts and the body's own due date are projected onto each hand-over row
 * (`case_bodies`), so they change whenever a step or the sweep re-projects the case, and a
 * view is one range of the `case_bodies_inbox` index.
 */
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseBodies, cases, organisations, providers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { bodyScope, canReadBodyInbox } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { BODY_INBOX_VIEWS, type BodyInboxView, type BodyPlace } from "@/lib/ladder";
import { isUuid } from "@/lib/ids";
import { CASE_LIST_COLUMNS, type CaseListBase } from "./queries";
import { owedDeadlineZone } from "./queue";

/** A page holds this many cases; the counts cover all of them. */
export const INBOX_PAGE_SIZE = 50;

/** A page number named in a link; anything else is the first page. */
export const inboxPageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** A view named in a link; anything else shows the first view that holds a case. */
export const inboxViewSchema = z.enum(BODY_INBOX_VIEWS).nullable().catch(null);

export interface InboxRow extends CaseListBase {
  /** When this body received the case (its hand-over). */
  receivedAt: Date;
  /** The place the body holds on the case (irm, dpa_panel, dpa, commerce, arbitration). */
  place: BodyPlace;
  /** The body's own step: its owed deadline, else the earliest of its clocks running (projected by the ladder). */
  ownDueAt: Date | null;
  /** Another party's owed step, shown as context only. */
  othersDue: { party: string; dueAt: Date; zone: string } | null;
}

export interface BodyInbox {
  /** The view shown: the one asked for, or else the first that holds a case. */
  view: BodyInboxView;
  provider: { id: string; name: string; kind: string; timeZone: string };
  counts: Record<BodyInboxView, number>;
  rows: InboxRow[];
  /** The page shown (the last one if the link asked for a page past it) and how many the view has. */
  page: number;
  pages: number;
}

/** One page of the body's inbox in one view, and every view's count. Not a member of the body: not found. */
export async function bodyInbox(db: Db, actor: Actor, providerId: string, asked: BodyInboxView | null, now: Date, askedPage = 1, pageSize = INBOX_PAGE_SIZE): Promise<BodyInbox> {
  if (!isUuid(providerId) || !canReadBodyInbox(actor, providerId)) throw new NotFoundError();
  const [provider] = await db.select({ id: providers.id, name: providers.name, kind: providers.kind, timeZone: providers.timeZone }).from(providers).where(eq(providers.id, providerId));
  if (!provider) throw new NotFoundError();
  const mine: SQL = and(eq(caseBodies.providerId, providerId), bodyScope(actor))!;
  const counted = await db
    .select({ view: caseBodies.view, n: sql<number>`count(*)`.mapWith(Number) })
    .from(caseBodies)
    .where(and(mine, isNotNull(caseBodies.view)))
    .groupBy(caseBodies.view);
  const counts = Object.fromEntries(BODY_INBOX_VIEWS.map((v) => [v, counted.find((c) => c.view === v)?.n ?? 0])) as Record<BodyInboxView, number>;
  const view = asked ?? BODY_INBOX_VIEWS.find((v) => counts[v] > 0) ?? "new";
  const pages = Math.max(1, Math.ceil(counts[view] / pageSize));
  const page = Math.min(askedPage, pages);
  // The page in the index's order, then its cases and their companies.
  const held = db
    .select({ caseId: caseBodies.caseId, since: caseBodies.since, rung: caseBodies.rung, dueAt: caseBodies.dueAt })
    .from(caseBodies)
    .where(and(mine, eq(caseBodies.view, view)))
    .orderBy(sql`${caseBodies.dueAt} asc nulls last`, sql`${caseBodies.since} desc nulls last`, asc(caseBodies.caseId))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("held");
  const rows = await db
    .select({
      ...CASE_LIST_COLUMNS,
      receivedAt: held.since,
      place: held.rung,
      ownDueAt: held.dueAt,
      owedBy: cases.owedBy,
      nextDueAt: cases.nextDueAt,
      owedZone: owedDeadlineZone,
    })
    .from(held)
    .innerJoin(cases, eq(cases.id, held.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .orderBy(sql`${held.dueAt} asc nulls last`, sql`${held.since} desc nulls last`, asc(held.caseId));
  return {
    view,
    provider,
    counts,
    page,
    pages,
    rows: rows.map(({ owedBy, nextDueAt, owedZone, place, ...r }) => ({
      ...r,
      place: place as BodyPlace,
      othersDue: r.status === "open" && owedBy && owedBy !== place && nextDueAt ? { party: owedBy, dueAt: nextDueAt, zone: owedZone ?? r.organisationZone } : null,
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
