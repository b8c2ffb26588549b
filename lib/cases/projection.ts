/**
 * Keeps the read models of a case (its row's rung/status/next due date, deadlines, remedies,
 * its place in each receiving body's inbox, FTC referrals) in step with its events. Called inside the transaction that records them;
 * many cases at once take the same few statements as one (the deadline sweep relies on it).
 */
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inList } from "@/db/in-list";
import { jsonRows, tableRows } from "@/db/json-rows";
import { caseBodies, deadlines, ftcReferrals, remedies } from "@/db/schema";
import { bodyInboxEntries, firstReminderAt, owedDeadline, snapshot, waitingOn, type CaseSnapshot } from "@/lib/ladder";
import { loadCases, type CaseRow, type FactsRow } from "./load";

export interface Projectable {
  row: Pick<CaseRow, "id" | "version" | "organisationId">;
  /** The case with its new events, at the instant it is projected. */
  snap: CaseSnapshot;
}

export interface ProjectionOptions {
  /** Each case's new last event hash (from appendEvents): the case row keeps the chain's head. */
  heads?: Map<string, string>;
  /** A case filed in this transaction: nothing projected before, nothing to delete. */
  fresh?: boolean;
}

export async function project(tx: Tx, row: CaseRow, snap: CaseSnapshot, options: ProjectionOptions = {}): Promise<number> {
  return (await projectCases(tx, [{ row, snap }], snap.now, options))[0]!;
}

/**
 * Projects cases again without a new event, their facts read afresh in the caller's
 * transaction (a body's clocks changed; a case never projected): the ladder works out every
 * date again from the case's events and `now`. The caller holds the rows locked.
 */
export async function reprojectCases(tx: Tx, rows: (FactsRow & Pick<CaseRow, "version">)[], now: Date): Promise<number[]> {
  const loaded = await loadCases(tx, rows);
  return projectCases(tx, loaded.map(({ row, facts }) => ({ row, snap: snapshot(facts, now) })), now);
}

/** Projects each case's events; returns each case's new version, in order. */
export async function projectCases(tx: Tx, items: Projectable[], now: Date, { heads, fresh = false }: ProjectionOptions = {}): Promise<number[]> {
  if (!items.length) return [];
  const computed = items.map(({ row, snap }) => ({ row, facts: snap.facts, state: snap.state, clocks: snap.clocks, version: row.version + 1 }));
  const iso = now.toISOString();

  // Every table takes one JSON parameter rather than a bound value per column and row.
  const caseRows = computed.map(({ row, state, clocks, version }) => {
    const owed = owedDeadline(clocks, state);
    return {
      id: row.id,
      rung: state.rung,
      status: state.closed ? "closed" : "open",
      next_due_at: owed?.dueAt ?? null,
      owed_by: owed?.party ?? null,
      waiting_on: waitingOn(state, clocks),
      assignee: state.assigneeUserId,
      version,
      // The head hash lets audit:verify notice a deleted newest event; it changes only with new events.
      head: heads?.get(row.id) ?? null,
    };
  });
  await tx.execute(sql`
    UPDATE cases SET rung = v.rung, status = v.status, next_due_at = v.next_due_at, owed_by = v.owed_by, waiting_on = v.waiting_on, assignee_user_id = v.assignee, version = v.version,
                     head_hash = coalesce(v.head, cases.head_hash), updated_at = ${iso}::timestamptz
    FROM ${jsonRows(caseRows, { id: "uuid", rung: "text", status: "text", next_due_at: "timestamptz", owed_by: "text", waiting_on: "text", assignee: "text", version: "int", head: "text" })} AS v
    WHERE cases.id = v.id`);

  // Each receiving body's view of the case, where it changed; a case no body holds matches no row.
  const viewRows = computed.flatMap(({ row, facts, state, clocks }) =>
    bodyInboxEntries(facts, state, clocks, now).map((e) => ({ caseId: row.id, rung: e.place, view: e.view, viewChangesAt: e.changesAt, dueAt: e.dueAt })),
  );
  if (viewRows.length && !fresh)
    await tx.execute(sql`
      UPDATE case_bodies b SET view = v.view, view_changes_at = v.view_changes_at, due_at = v.due_at
      FROM ${tableRows(caseBodies, ["caseId", "rung", "view", "viewChangesAt", "dueAt"], viewRows).source} AS v
      WHERE b.case_id = v.case_id AND b.rung = v.rung
        AND (b.view, b.view_changes_at, b.due_at) IS DISTINCT FROM (v.view, v.view_changes_at, v.due_at)`);

  const deadlineRows = computed.flatMap(({ row, clocks }) =>
    clocks.map((c) => ({ caseId: row.id, clockId: c.id, kind: c.kind, rule: c.rule, party: c.party, startedAt: c.startedAt, dueAt: c.dueAt, state: c.state, zone: c.zone, remindAt: c.state === "running" ? firstReminderAt(c.startedAt, c.dueAt) : null })),
  );
  const projected = tableRows(deadlines, ["caseId", "clockId", "kind", "rule", "party", "startedAt", "dueAt", "state", "zone", "remindAt"], deadlineRows);
  // Only what changed is written: a step usually moves one or two clocks of a case, and a
  // rewritten row costs an entry in every index of the table. The rows now stored are read
  // in one pass by case and compared by hash join, rather than probed one by one.
  await tx.execute(sql`
    WITH projected AS ${projected.source}, stored AS (
      SELECT d.case_id, d.clock_id, d.kind, d.rule, d.party, d.started_at, d.due_at, d.state, d.zone FROM deadlines d
      WHERE ${fresh ? sql`false` : inList(sql`d.case_id`, items.map((i) => i.row.id))}
    ), gone AS (
      DELETE FROM deadlines d USING stored s
      WHERE d.case_id = s.case_id AND d.clock_id = s.clock_id
        AND NOT EXISTS (SELECT 1 FROM projected p WHERE p.case_id = s.case_id AND p.clock_id = s.clock_id)
    )
    INSERT INTO deadlines (${projected.columns})
    SELECT ${projected.of("p")}
    FROM projected p LEFT JOIN stored s ON s.case_id = p.case_id AND s.clock_id = p.clock_id
    WHERE s.case_id IS NULL
       OR (s.kind, s.rule, s.party, s.started_at, s.due_at, s.state, s.zone) IS DISTINCT FROM (p.kind, p.rule, p.party, p.started_at, p.due_at, p.state, p.zone)
    ON CONFLICT (case_id, clock_id) DO UPDATE
      SET kind = excluded.kind, rule = excluded.rule, party = excluded.party, started_at = excluded.started_at, due_at = excluded.due_at, state = excluded.state, zone = excluded.zone,
          -- Reminders start over only when the clock itself moved; otherwise the sweep's place is kept.
          remind_at = CASE WHEN (deadlines.started_at, deadlines.due_at, deadlines.state) IS DISTINCT FROM (excluded.started_at, excluded.due_at, excluded.state)
                           THEN excluded.remind_at ELSE deadlines.remind_at END`);

  // Remedies only accumulate (events are never taken back): a case without any has none to remove.
  const remedyRows = computed.flatMap(({ row, state }) =>
    state.remedies.map((r) => ({ caseId: row.id, remedyKey: r.id, kind: r.kind, source: r.source, orderedAt: r.orderedAt, dueAt: r.dueAt, compliedAt: r.compliedAt, evidence: r.evidence })),
  );
  if (remedyRows.length) {
    const ordered = tableRows(remedies, ["caseId", "remedyKey", "kind", "source", "orderedAt", "dueAt", "compliedAt", "evidence"], remedyRows);
    await tx.execute(sql`
      INSERT INTO remedies (${ordered.columns})
      SELECT ${ordered.columns} FROM ${ordered.source} AS r
      ON CONFLICT (case_id, remedy_key) DO UPDATE SET complied_at = excluded.complied_at, evidence = excluded.evidence
        WHERE (remedies.complied_at, remedies.evidence) IS DISTINCT FROM (excluded.complied_at, excluded.evidence)`);
  }

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
