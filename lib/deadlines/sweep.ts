/**
 * The deadline sweep: every clock that crosses a reminder threshold (policy: 7 days and 1 day
 * before) is told to whoever must act (and to their webhook subscriptions), and every clock
 * that has run out is recorded on its case as `clock.breached` (evidence for the next rung)
 * and told to both sides.
 *
 * Set-based and batched: each batch is a fixed number of statements whatever its size.
 * Each reads only what is due: a clock's next reminder instant is kept on its row
 * (lib/deadlines/reminder-instants.ts), run-out clocks are found by due date.
 * Idempotent and safe on several instances at once: reminders are claimed by a unique key
 * (clock_notices), breaches lock their cases with SKIP LOCKED and the ladder refuses a
 * second `clock.breached` for the same clock.
 */
import { and, asc, eq, inArray, lt, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "@/db/client";
import { caseBodies, cases, deadlines } from "@/db/schema";
import { lastLink } from "@/lib/cases/append";
import { loadCases } from "@/lib/cases/load";
import { reprojectCases } from "@/lib/cases/projection";
import { recordEvents } from "@/lib/cases/record-events";
import { DEFAULT_POLICY, PERSISTENT_FAILURE_SOURCES, calendarDaysLeft, snapshot, type LadderEvent, type Party } from "@/lib/ladder";
import { dispatch, type CaseForNotice } from "@/lib/notifications/dispatch";
import { referralProposed, reminder } from "@/lib/notifications/kinds";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { eventOfReminder } from "@/lib/webhooks/events";
import { reminderAt, reminderDue, worthReminding } from "./reminder-instants";

export interface SweepOptions {
  /**
   * Cases (or clocks) per transaction: large enough to spare statements and round trips,
   * small enough to bound memory and how long a case stays locked.
   */
  batchSize?: number;
  persistentFailureAfterDays?: number;
  /**
   * Concurrent transactions, each on its own share of the cases, so that the database works
   * on one batch while the ladder decides the next. PostgreSQL only: PGlite has one connection.
   */
  lanes?: number;
}

export interface SweepResult {
  reminders: number;
  breaches: number;
  persistentFailures: number;
}

export async function sweepDeadlines(db: Db, now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const lanes = Math.max(1, options.lanes ?? 1);
  const results = await Promise.all(Array.from({ length: lanes }, (_, index) => sweepLane(db, now, options, { index, of: lanes })));
  return results.reduce((sum, r) => ({ reminders: sum.reminders + r.reminders, breaches: sum.breaches + r.breaches, persistentFailures: sum.persistentFailures + r.persistentFailures }));
}

/** One of the concurrent transactions' loops, and the share of the cases it takes. */
interface Lane {
  index: number;
  of: number;
}

/** Disjoint shares by a hash of the case id: lanes never reach for the same case. */
function inLane(caseId: SQL | AnyColumn, lane: Lane): SQL {
  return lane.of > 1 ? sql`(hashtext(${caseId}::text) & 2147483647) % ${lane.of}::int = ${lane.index}::int` : sql`true`;
}

async function sweepLane(db: Db, now: Date, options: SweepOptions, lane: Lane): Promise<SweepResult> {
  const batch = options.batchSize ?? 2_500;
  const persistentAfter = options.persistentFailureAfterDays ?? DEFAULT_POLICY.persistentFailureAfterDays;
  const result: SweepResult = { reminders: 0, breaches: 0, persistentFailures: 0 };
  for (;;) {
    const n = await db.transaction((tx) => breachBatch(tx, now, batch, lane));
    result.breaches += n;
    if (!n) break;
  }
  for (;;) {
    const n = await db.transaction((tx) => movedViewsBatch(tx, now, batch, lane));
    if (!n) break;
  }
  for (;;) {
    const n = await db.transaction((tx) => unprojectedBatch(tx, now, batch, lane));
    if (!n) break;
  }
  for (;;) {
    const { examined, claimed } = await db.transaction((tx) => reminderBatch(tx, now, batch, lane));
    result.reminders += claimed;
    if (!examined) break;
  }
  for (;;) {
    const n = await db.transaction((tx) => persistentFailureBatch(tx, now, persistentAfter, batch, lane));
    result.persistentFailures += n;
    if (!n) break;
  }
  return result;
}

interface ClaimedNotice extends CaseForNotice {
  clockId: string;
  thresholdDays: number;
  dueAt: Date;
  kind: string;
  party: Party;
  zone: string;
}

/**
 * Claims, for each running clock whose next reminder has come (`remind_at`), the most urgent
 * reminder it has crossed (a sweep that was down for a week sends the 1-day reminder, not
 * both), and moves `remind_at` on to the one after. Returns how many clocks it examined: a
 * batch may claim nothing new (another instance was first) and still have moved them on.
 */
async function reminderBatch(tx: Tx, now: Date, batch: number, lane: Lane): Promise<{ examined: number; claimed: number }> {
  const at = sql`${now.toISOString()}::timestamptz`; // raw SQL parameters travel as text on both drivers
  const result = await tx.execute<Record<string, unknown>>(sql`
    WITH due AS (
      SELECT d.case_id, d.clock_id, d.due_at, d.started_at, d.kind, d.party, d.zone, ${reminderDue(sql`d.due_at`, at)} AS days
      FROM deadlines d
      WHERE d.state = 'running' AND d.remind_at < ${at} AND ${inLane(sql`d.case_id`, lane)}
      ORDER BY d.remind_at
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    ), moved AS (
      UPDATE deadlines d SET remind_at = CASE WHEN due.due_at > ${at} THEN ${reminderAt(sql`due.due_at`, sql`due.started_at`, sql`due.days`)} END
      FROM due WHERE d.case_id = due.case_id AND d.clock_id = due.clock_id
      RETURNING 1
    ), fresh AS (
      SELECT c.case_id, c.clock_id, c.days, c.due_at, c.kind, c.party, c.zone FROM due c
      WHERE c.days IS NOT NULL AND c.due_at > ${at} AND ${worthReminding(sql`c.due_at`, sql`c.started_at`, sql`c.days`)}
        AND NOT EXISTS (SELECT 1 FROM clock_notices n WHERE n.case_id = c.case_id AND n.clock_id = c.clock_id AND n.due_at = c.due_at AND n.threshold_days <= c.days)
    ), ${claimFrom(sql`days`, at)}`);
  const all = rowsOf(result);
  const examined = Number(all[0]?.examined ?? 0);
  const rows = all.filter((r) => r.case_id != null).map(toClaimed);
  // The days actually left on the due day's calendar, which a late sweep may make fewer than the threshold.
  const daysLeft = (r: ClaimedNotice) => Math.max(1, calendarDaysLeft(now, r.dueAt, r.zone));
  await dispatch(
    tx,
    rows.flatMap((r) => {
      const notice = reminder(r, daysLeft(r));
      return notice ? [{ caseRow: r, notice, key: noticeKey(r) }] : [];
    }),
  );
  await enqueueWebhooks(
    tx,
    rows.map((r) => eventOfReminder(r, { clockId: r.clockId, party: r.party, dueAt: r.dueAt, thresholdDays: r.thresholdDays, daysLeft: daysLeft(r) }, now)),
  );
  return { examined, claimed: rows.length };
}

/** What a breach reads of each case row: its facts, its version, and whom to tell. */
const SWEPT_CASE = {
  id: cases.id,
  version: cases.version,
  organisationId: cases.organisationId,
  framework: cases.framework,
  hrData: cases.hrData,
  complainantCountry: cases.complainantCountry,
  workCountry: cases.workCountry,
  dataSubject: cases.dataSubject,
  certificationSnapshot: cases.certificationSnapshot,
  reference: cases.reference,
  complainantUserId: cases.complainantUserId,
  complainantEmail: cases.complainantEmail,
  preferredLanguage: cases.preferredLanguage,
  assigneeUserId: cases.assigneeUserId,
};

/** Records every run-out clock of a batch of cases; cases another instance holds are skipped. */
async function breachBatch(tx: Tx, now: Date, batch: number, lane: Lane): Promise<number> {
  // The earliest run-out clocks by the (state, due_at) index; DISTINCT outside the LIMIT, or
  // the planner walks every deadline in case order to find none.
  const overdue = tx.select({ caseId: deadlines.caseId }).from(deadlines).where(and(eq(deadlines.state, "running"), lt(deadlines.dueAt, now), inLane(deadlines.caseId, lane))).orderBy(asc(deadlines.dueAt)).limit(batch).as("overdue");
  const candidates = tx.selectDistinct({ id: overdue.caseId }).from(overdue);
  const rows = await tx.select(SWEPT_CASE).from(cases).where(inArray(cases.id, candidates)).for("update", { skipLocked: true });
  if (!rows.length) return 0;
  const loaded = await loadCases(tx, rows);

  // Every run-out clock not yet recorded, proposed to the ladder as `clock.breached` (an aim is refused there).
  const at = loaded.map(({ row, facts, events, irmName }) => ({ row: { ...row, irmName }, snap: snapshot(facts, now), last: lastLink(events) }));
  const proposals = at.flatMap(({ row, snap }) =>
    snap.clocks
      .filter((c) => c.state === "missed" && !c.completedAt && !snap.state.breachedClocks.includes(c.id))
      .map((clock) => ({ caseId: row.id, event: { type: "clock.breached", at: now, by: "system", data: { clock: clock.id } } as LadderEvent, actorUserId: null })),
  );
  // Every locked case is re-projected, so a stale deadline row can never be picked again.
  await recordEvents(tx, at, proposals, now, { refused: "skip" });
  return rows.length;
}

/** Cases from before the case row said who they wait on (migration 0047): projected once, like any step. */
async function unprojectedBatch(tx: Tx, now: Date, batch: number, lane: Lane): Promise<number> {
  const rows = await tx.select(SWEPT_CASE).from(cases).where(and(eq(cases.waitingOn, "unprojected"), inLane(cases.id, lane))).limit(batch).for("update", { skipLocked: true });
  if (!rows.length) return 0;
  await reprojectCases(tx, rows, now);
  return rows.length;
}

/**
 * Cases whose view in a body's inbox moves on with no step (a panel's window to comment has
 * closed; a hand-over from before the views were projected): projected again, like any step.
 * A hand-over the ladder gives no view any more is not picked again.
 */
async function movedViewsBatch(tx: Tx, now: Date, batch: number, lane: Lane): Promise<number> {
  const moved = tx.selectDistinct({ id: caseBodies.caseId }).from(caseBodies).where(and(lte(caseBodies.viewChangesAt, now), inLane(caseBodies.caseId, lane))).limit(batch);
  const rows = await tx.select(SWEPT_CASE).from(cases).where(inArray(cases.id, moved)).for("update", { skipLocked: true });
  if (!rows.length) return 0;
  await reprojectCases(tx, rows, now);
  await tx.update(caseBodies).set({ viewChangesAt: null }).where(and(inArray(caseBodies.caseId, rows.map((r) => r.id)), lte(caseBodies.viewChangesAt, now)));
  return rows.length;
}

/** Remedies unmet long after their due date: the administrators may propose an FTC referral (R4.1, R4.2). */
async function persistentFailureBatch(tx: Tx, now: Date, afterDays: number, batch: number, lane: Lane): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const claimed = await tx.execute<Record<string, unknown>>(sql`
    WITH fresh AS (
      SELECT d.case_id, d.clock_id, d.due_at, d.kind, d.party, d.zone FROM deadlines d
      -- By the partial index of missed remedies: missed clocks of every other kind pile up with the years.
      WHERE d.kind = 'remedy' AND d.state = 'missed' AND d.due_at <= ${at} - make_interval(days => ${afterDays}::int)
        AND ${inLane(sql`d.case_id`, lane)}
        AND NOT EXISTS (SELECT 1 FROM remedies r WHERE r.case_id = d.case_id AND 'remedy:' || r.remedy_key = d.clock_id AND r.complied_at IS NOT NULL)
        -- Only what the ladder counts as persistent failure (R4.2): its list of sources.
        AND EXISTS (SELECT 1 FROM remedies r WHERE r.case_id = d.case_id AND 'remedy:' || r.remedy_key = d.clock_id AND r.source IN (${sql.join(PERSISTENT_FAILURE_SOURCES.map((x) => sql`${x}`), sql`, `)}))
        AND NOT EXISTS (SELECT 1 FROM clock_notices n WHERE n.case_id = d.case_id AND n.clock_id = d.clock_id AND n.due_at = d.due_at AND n.threshold_days = ${-afterDays}::int)
      LIMIT ${batch}
    ), ${claimFrom(sql`${-afterDays}::int`, at, sql`0`)}`);
  const rows = rowsOf(claimed).filter((r) => r.case_id != null).map(toClaimed);
  await dispatch(
    tx,
    rows.map((r) => ({ caseRow: r, notice: referralProposed(), key: noticeKey(r) })),
  );
  return rows.length;
}

/**
 * The tail of a claim: the `fresh` rows (with their clock's kind, party and zone) become
 * clock_notices at `threshold` (the unique key lets only one sweep have each), returned with
 * what addressing them needs, after one row that counts the clocks examined (the `moved`
 * rows, where the claim has them).
 */
function claimFrom(threshold: SQL, at: SQL, examined: SQL = sql`(SELECT count(*) FROM moved)`) {
  return sql`inserted AS (
      INSERT INTO clock_notices (case_id, clock_id, threshold_days, due_at, noticed_at)
      SELECT case_id, clock_id, ${threshold}, due_at, ${at} FROM fresh
      ON CONFLICT DO NOTHING
      RETURNING case_id, clock_id, threshold_days, due_at
    )
    SELECT ${examined} AS examined, NULL::uuid AS case_id, NULL AS clock_id, NULL::int AS threshold_days, NULL::timestamptz AS due_at, NULL AS kind, NULL AS party, NULL AS zone,
           NULL AS reference, NULL::uuid AS organisation_id, NULL AS complainant_user_id, NULL AS complainant_email, NULL AS preferred_language, NULL AS assignee_user_id
    UNION ALL
    SELECT NULL, i.case_id, i.clock_id, i.threshold_days, i.due_at, f.kind, f.party, f.zone,
           c.reference, c.organisation_id, c.complainant_user_id, c.complainant_email, c.preferred_language, c.assignee_user_id
    FROM inserted i
    JOIN fresh f ON f.case_id = i.case_id AND f.clock_id = i.clock_id
    JOIN cases c ON c.id = i.case_id`;
}

/** A notice's cause: the clock, its due date and the threshold crossed. */
const noticeKey = (r: ClaimedNotice) => `clock:${r.id}:${r.clockId}:${r.dueAt.toISOString()}:${r.thresholdDays}`;


function toClaimed(r: Record<string, unknown>): ClaimedNotice {
  return {
    id: String(r.case_id),
    clockId: String(r.clock_id),
    thresholdDays: Number(r.threshold_days),
    dueAt: new Date(r.due_at as string | Date),
    kind: String(r.kind),
    party: r.party as Party,
    zone: String(r.zone),
    reference: String(r.reference),
    organisationId: String(r.organisation_id),
    complainantUserId: String(r.complainant_user_id),
    complainantEmail: String(r.complainant_email),
    preferredLanguage: String(r.preferred_language),
    assigneeUserId: (r.assignee_user_id as string | null) ?? null,
  };
}
