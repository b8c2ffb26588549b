/**
 * Keeps the read models of a case (its row's rung/status/next due date, deadlines, remedies,
 * FTC referrals) in step with its events. Called inside the transaction that records them;
 * many cases at once take the same few statements as one (the deadline sweep relies on it).
 */
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { deadlines, ftcReferrals, remedies } from "@/db/schema";
import { clocks as computeClocks, foldCase, nextDeadline, type CaseFacts } from "@/lib/ladder";
import type { CaseRow } from "./load";

export interface Projectable {
  row: CaseRow;
  facts: CaseFacts;
}

/** Rows per INSERT, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 2_000;

export interface ProjectionOptions {
  /** Each case's new last event hash (from appendEvents): the case row keeps the chain's head. */
  heads?: Map<string, string>;
  /** A case filed in this transaction: nothing projected before, nothing to delete. */
  fresh?: boolean;
}

export async function project(tx: Tx, row: CaseRow, facts: CaseFacts, now: Date, options: ProjectionOptions = {}): Promise<number> {
  return (await projectCases(tx, [{ row, facts }], now, options))[0]!;
}

/** Projects each case's events; returns each case's new version, in order. */
export async function projectCases(tx: Tx, items: Projectable[], now: Date, { heads, fresh = false }: ProjectionOptions = {}): Promise<number[]> {
  if (!items.length) return [];
  const computed = items.map(({ row, facts }) => {
    const state = foldCase(facts.events);
    return { row, state, clocks: computeClocks(facts, now, state), version: row.version + 1 };
  });

  const values = computed.map(
    ({ row, state, clocks, version }) =>
      sql`(${row.id}::uuid, ${state.rung}, ${state.closed ? "closed" : "open"}, ${nextDeadline(clocks)?.dueAt.toISOString() ?? null}::timestamptz, ${state.assigneeUserId}::text, ${version}::int, ${heads?.get(row.id) ?? null}::text)`,
  );
  // The head hash lets audit:verify notice a deleted newest event; it changes only with new events.
  await tx.execute(sql`
    UPDATE cases SET rung = v.rung, status = v.status, next_due_at = v.next_due_at, assignee_user_id = v.assignee, version = v.version,
                     head_hash = coalesce(v.head, cases.head_hash), updated_at = ${now.toISOString()}::timestamptz
    FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, rung, status, next_due_at, assignee, version, head)
    WHERE cases.id = v.id`);

  const caseIds = items.map((i) => i.row.id);
  if (!fresh) await tx.delete(deadlines).where(inArray(deadlines.caseId, caseIds));
  const deadlineRows = computed.flatMap(({ row, clocks }) =>
    clocks.map((c) => ({ case_id: row.id, clock_id: c.id, kind: c.kind, rule: c.rule, party: c.party, started_at: c.startedAt, due_at: c.dueAt, state: c.state, zone: c.zone })),
  );
  // One JSON parameter rather than nine bound values per clock.
  if (deadlineRows.length) {
    await tx.execute(sql`
      INSERT INTO deadlines (case_id, clock_id, kind, rule, party, started_at, due_at, state, zone)
      SELECT * FROM json_to_recordset(${JSON.stringify(deadlineRows)}::json)
        AS d(case_id uuid, clock_id text, kind text, rule text, party text, started_at timestamptz, due_at timestamptz, state text, zone text)`);
  }

  if (!fresh) await tx.delete(remedies).where(inArray(remedies.caseId, caseIds));
  const remedyRows = computed.flatMap(({ row, state }) =>
    state.remedies.map((r) => ({ caseId: row.id, remedyKey: r.id, kind: r.kind, source: r.source, orderedAt: r.orderedAt, dueAt: r.dueAt, compliedAt: r.compliedAt, evidence: r.evidence })),
  );
  for (let i = 0; i < remedyRows.length; i += CHUNK) await tx.insert(remedies).values(remedyRows.slice(i, i + CHUNK));

  for (const { row, state } of computed) {
    for (const referral of state.referrals) {
      const first = referral.history[0]!.at;
      const last = referral.history.at(-1)!.at;
      await tx
        .insert(ftcReferrals)
        .values({ id: referral.referralId, caseId: row.id, organisationId: row.organisationId, referrer: referral.referrer, status: referral.status, createdAt: first, updatedAt: last })
        .onConflictDoUpdate({ target: ftcReferrals.id, set: { status: referral.status, updatedAt: last } });
    }
  }
  return computed.map((c) => c.version);
}
