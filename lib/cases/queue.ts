/**
 * An organisation's queue: its cases only, filtered, searched, sorted and paged in SQL so it
 * stays fast for a large organisation (the (organisation, status, next_due_at) index).
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseSearch, cases, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { FRAMEWORK_IDS } from "@/lib/ladder";

export const PAGE_SIZE = 25;
/** Counting stops here: "10,000+" is as useful as an exact figure and far cheaper. */
export const COUNT_CAP = 10_000;

/**
 * The company's named views: what it owes (by due date), its own, nobody's, what it owes late,
 * what has moved up the ladder (followed, no longer answered here), and what is closed.
 */
export const QUEUE_VIEWS = ["needs_response", "mine", "unassigned", "overdue", "waiting_on_complainant", "escalated", "open", "closed", "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const queueFilterSchema = z.object({
  view: z.enum(QUEUE_VIEWS).catch("open"),
  rung: z.enum(["any", "organisation", "irm", "dpa_panel", "commerce", "arbitration"]).catch("any"),
  framework: z.enum(["any", ...FRAMEWORK_IDS]).catch("any"),
  hr: z.enum(["any", "yes", "no"]).catch("any"),
  assignee: z.string().max(64).catch("any"),
  overdue: z.enum(["0", "1"]).catch("0"),
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(["due", "filed", "reference"]).catch("due"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export function parseQueueFilter(params: Record<string, string | string[] | undefined>): QueueFilter {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // An older link's `status` (open, closed, all) names the view of the same cases.
  const view = flat.view ?? (flat.status === "closed" || flat.status === "all" ? flat.status : undefined);
  return queueFilterSchema.parse({ view: "open", rung: "any", framework: "any", hr: "any", assignee: "any", overdue: "0", q: "", sort: "due", page: 1, ...flat, ...(view ? { view } : {}) });
}

/** Staff of the organisation (or an administrator) may read its queue; anyone else: not found. */
export function assertQueueReader(actor: Actor, organisationId: string): asserts actor is Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user" || !(actor.isAdmin || actor.memberships.some((m) => m.organisationId === organisationId))) throw new NotFoundError();
}

/** A view's condition; the party owed comes from the ladder's owed deadline, projected as `owed_by`. */
function viewCondition(view: QueueView, actor: Extract<Actor, { kind: "user" }>, now: Date): SQL {
  const open = eq(cases.status, "open");
  switch (view) {
    case "needs_response":
      return and(open, eq(cases.owedBy, "organisation"))!;
    case "mine":
      return and(open, eq(cases.assigneeUserId, actor.userId))!;
    case "unassigned":
      return and(open, isNull(cases.assigneeUserId))!;
    case "overdue":
      return and(open, eq(cases.owedBy, "organisation"), lt(cases.nextDueAt, now))!;
    case "waiting_on_complainant":
      // The ladder's answer to who acts next (a question of the company's open, its answer to weigh).
      return and(open, eq(cases.waitingOn, "complainant"))!;
    case "escalated":
      return and(open, inArray(cases.rung, ["irm", "dpa_panel", "arbitration"]))!;
    case "open":
      return open;
    case "closed":
      return eq(cases.status, "closed");
    case "all":
      return sql`true`;
  }
}

/**
 * Each view's count for one organisation, in one pass over its cases; with a search typed
 * (`q`), of the cases it matches, as the list shows them.
 */
export async function queueViewCounts(db: Db, actor: Actor, organisationId: string, now: Date, q = ""): Promise<Record<QueueView, number>> {
  assertQueueReader(actor, organisationId);
  const search = searchCondition(db, organisationId, q);
  const [row] = await db
    .select(Object.fromEntries(QUEUE_VIEWS.map((v) => [v, sql<number>`count(*) filter (where ${viewCondition(v, actor, now)})`.mapWith(Number)])) as unknown as Record<QueueView, SQL<number>>)
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), search));
  return row as Record<QueueView, number>;
}

/** The cases a search matches (reference, complainant's name or address), or none when nothing is typed: the list's and the counts' one condition. */
function searchCondition(db: Db, organisationId: string, q: string): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[%_\\]/g, "\\$&")}%`;
  // The trigram indexes live on case_search (see db/schema.ts), scoped to the organisation.
  const matching = db
    .select({ id: caseSearch.caseId })
    .from(caseSearch)
    .where(and(eq(caseSearch.organisationId, organisationId), or(ilike(caseSearch.reference, pattern), ilike(caseSearch.complainantName, pattern), ilike(caseSearch.complainantEmail, pattern))));
  return inArray(cases.id, matching);
}

function conditions(db: Db, actor: Extract<Actor, { kind: "user" }>, organisationId: string, f: QueueFilter, now: Date): SQL[] {
  const where: SQL[] = [eq(cases.organisationId, organisationId), viewCondition(f.view, actor, now)];
  if (f.rung !== "any") where.push(eq(cases.rung, f.rung));
  if (f.framework !== "any") where.push(eq(cases.framework, f.framework));
  if (f.hr !== "any") where.push(eq(cases.hrData, f.hr === "yes"));
  if (f.assignee === "me") where.push(eq(cases.assigneeUserId, actor.userId));
  else if (f.assignee === "none") where.push(isNull(cases.assigneeUserId));
  else if (f.assignee !== "any") where.push(eq(cases.assigneeUserId, f.assignee));
  if (f.overdue === "1") where.push(lt(cases.nextDueAt, now));
  const search = searchCondition(db, organisationId, f.q);
  if (search) where.push(search);
  return where;
}

export interface QueueRow {
  id: string;
  reference: string;
  complainantName: string;
  rung: string;
  status: string;
  framework: string;
  hrData: boolean;
  nextDueAt: Date | null;
  /** Who owes the step due at nextDueAt. */
  owedBy: string | null;
  /** The zone of the owed deadline's clock; null where none is owed. */
  dueZone: string | null;
  assigneeName: string | null;
  createdAt: Date;
  /** The version the row was read at: a bulk assignment names it, so a case changed since is reported. */
  version: number;
}

/** The zone the owed deadline's day is counted in, as its clock has it (another party's, once the case moved up). */
export const owedDeadlineZone = sql<string | null>`(select d.zone from deadlines d where d.case_id = ${cases.id} and d.party = ${cases.owedBy} and d.due_at = ${cases.nextDueAt} limit 1)`;

export async function organisationQueue(db: Db, actor: Actor, organisationId: string, f: QueueFilter, now: Date, pageSize = PAGE_SIZE) {
  assertQueueReader(actor, organisationId);
  const where = and(...conditions(db, actor, organisationId, f, now));
  const order =
    f.sort === "filed" ? [desc(cases.createdAt)] : f.sort === "reference" ? [asc(cases.reference)] : [sql`${cases.nextDueAt} asc nulls last`, desc(cases.createdAt)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: cases.id,
        reference: cases.reference,
        complainantName: cases.complainantName,
        rung: cases.rung,
        status: cases.status,
        framework: cases.framework,
        hrData: cases.hrData,
        nextDueAt: cases.nextDueAt,
        owedBy: cases.owedBy,
        dueZone: owedDeadlineZone,
        assigneeName: users.name,
        createdAt: cases.createdAt,
        version: cases.version,
      })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assigneeUserId))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((f.page - 1) * pageSize),
    db.select({ n: count() }).from(db.select({ one: sql`1` }).from(cases).where(where).limit(COUNT_CAP + 1).as("capped")),
  ]);
  const capped = total!.n > COUNT_CAP;
  const n = Math.min(total!.n, COUNT_CAP);
  const [organisation] = await db.select({ zone: organisations.timeZone }).from(organisations).where(eq(organisations.id, organisationId));
  // The organisation's zone: the days its people read its dates in (exports, lists).
  return { rows: rows as QueueRow[], total: n, capped, pages: Math.max(1, Math.ceil(n / pageSize)), zone: organisation?.zone ?? "UTC" };
}
