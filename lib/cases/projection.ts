/**
 * Keeps the read models of a case (its row's rung/status/next due date, deadlines, remedies,
 * FTC referrals) in step with its events. Called inside the transaction that records them.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cases, deadlines, ftcReferrals, remedies } from "@/db/schema";
import { clocks as computeClocks, foldCase, nextDeadline, type CaseFacts } from "@/lib/ladder";
import type { CaseRow } from "./load";

export async function project(tx: Tx, row: CaseRow, facts: CaseFacts, now: Date): Promise<number> {
  const state = foldCase(facts.events);
  const all = computeClocks(facts, now, state);
  const version = row.version + 1;
  await tx
    .update(cases)
    .set({
      rung: state.rung,
      status: state.closed ? "closed" : "open",
      nextDueAt: nextDeadline(all)?.dueAt ?? null,
      assigneeUserId: state.assigneeUserId,
      version,
      updatedAt: now,
    })
    .where(eq(cases.id, row.id));

  await tx.delete(deadlines).where(eq(deadlines.caseId, row.id));
  if (all.length) {
    await tx.insert(deadlines).values(
      all.map((c) => ({ caseId: row.id, clockId: c.id, kind: c.kind, rule: c.rule, party: c.party, startedAt: c.startedAt, dueAt: c.dueAt, state: c.state })),
    );
  }
  await tx.delete(remedies).where(eq(remedies.caseId, row.id));
  if (state.remedies.length) {
    await tx.insert(remedies).values(
      state.remedies.map((r) => ({ caseId: row.id, remedyKey: r.id, kind: r.kind, source: r.source, orderedAt: r.orderedAt, dueAt: r.dueAt, compliedAt: r.compliedAt, evidence: r.evidence })),
    );
  }
  for (const referral of state.referrals) {
    const first = referral.history[0]!.at;
    const last = referral.history.at(-1)!.at;
    await tx
      .insert(ftcReferrals)
      .values({ id: referral.referralId, caseId: row.id, organisationId: row.organisationId, referrer: referral.referrer, status: referral.status, createdAt: first, updatedAt: last })
      .onConflictDoUpdate({ target: ftcReferrals.id, set: { status: referral.status, updatedAt: last } });
  }
  return version;
}
