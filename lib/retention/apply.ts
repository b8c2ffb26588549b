/**
 * Retention: closed cases are erased once the policy's period has passed since their last
 * event (configurable; no case with an unmet remedy goes), and at once when the complainant
 * asked for erasure. The statistical record is written here; the rest is the database's
 * function recourse_erase_cases (migration 0032), the one thing that may delete history: it
 * removes the case whole, its history included, and its complainant's personal data when
 * nothing else of theirs is left (account, mail, sign-in tokens, rate-limit counters, the ip
 * and user agent of audit rows), and writes an audit entry per case. The FTC register keeps
 * its referrals, unlinked from the case.
 */
import { and, eq, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { cases, caseStatistics } from "@/db/schema";
import { loadCases, type LoadedCase } from "@/lib/cases/load";
import { clocks, foldCase, regionOf } from "@/lib/ladder";
import { reportEntry } from "@/lib/reports/annual-report";
import { retentionDays } from "./policy";

const RUNG_ORDER = ["organisation", "irm", "dpa", "dpa_panel", "commerce", "arbitration"];

export async function applyRetention(db: Db, now: Date, { batchSize = 200 } = {}): Promise<{ erased: number }> {
  const days = await retentionDays(db);
  let erased = 0;
  for (;;) {
    const n = await db.transaction((tx) => eraseBatch(tx, now, days, batchSize));
    erased += n;
    if (!n) break;
  }
  return { erased };
}

async function eraseBatch(tx: Tx, now: Date, days: number, batchSize: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const lastActivity = sql`(SELECT max(e.at) FROM case_events e WHERE e.case_id = ${cases.id})`;
  const unmetRemedy = sql`EXISTS (SELECT 1 FROM remedies r WHERE r.case_id = ${cases.id} AND r.complied_at IS NULL)`;
  const rows = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.status, "closed"), or(isNotNull(cases.erasureRequestedAt), and(lte(lastActivity, cutoff.toISOString()), sql`NOT ${unmetRemedy}`))))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  if (!rows.length) return 0;
  const loaded = await loadCases(tx, rows);
  const ids = rows.map((r) => r.id);

  await tx.insert(caseStatistics).values(loaded.map((c) => statisticsOf(c, now)));
  // The rest, history included, only the database's erasure function may do (migration 0032).
  await tx.execute(sql`SELECT recourse_erase_cases(${`{${ids.join(",")}}`}::uuid[], ${days}::int, ${now.toISOString()}::timestamptz)`);
  return rows.length;
}

function statisticsOf({ row, facts, bodies }: LoadedCase, now: Date): typeof caseStatistics.$inferInsert {
  const state = foldCase(facts.events);
  const month = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 7) : null);
  const reached = ["organisation", ...bodies.map((b) => b.rung)];
  const closing = facts.events.findLast((e) => e.type === "case.closed" || e.type === "complainant.accepted" || e.type === "complainant.withdrew");
  return {
    organisationId: row.organisationId,
    framework: row.framework,
    hrData: row.hrData,
    complainantRegion: regionOf(row.complainantCountry) ?? "other",
    filedMonth: month(state.filedAt ?? row.createdAt)!,
    closedMonth: month(state.closed?.at),
    highestRung: reached.sort((a, b) => RUNG_ORDER.indexOf(b) - RUNG_ORDER.indexOf(a))[0]!,
    providerIds: bodies.map((b) => b.providerId),
    closedBy: closing?.by ?? null,
    breachedClocks: state.breachedClocks,
    remediesOrdered: state.remedies.length,
    remediesComplied: state.remedies.filter((r) => r.compliedAt).length,
    // Each provider's annual report stays the same after the case is gone.
    reportEntries: bodies.map((b) => ({ providerId: b.providerId, entry: reportEntry({ framework: row.framework, hrData: row.hrData, principles: row.principles, receivedAt: b.since, state, clocks: clocks(facts, now, state) }) })),
    reason: row.erasureRequestedAt ? "request" : "retention",
    erasedAt: now,
  };
}
