/**
 * Retention: closed cases are erased once the policy's period has passed since their last
 * event (configurable; no case with an unmet remedy goes), and at once when the complainant
 * asked for erasure. Erasure removes the case whole, its history included (the one exception
 * to append-only, granted by the database trigger to this transaction alone), and leaves an
 * anonymised statistical record and an audit entry. The FTC register keeps its referrals,
 * unlinked from the case.
 */
import { and, eq, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  attachments,
  auditLog,
  caseBodies,
  caseEvents,
  cases,
  caseStatistics,
  clockNotices,
  deadlines,
  messages,
  outbox,
  remedies,
} from "@/db/schema";
import { loadCases, type LoadedCase } from "@/lib/cases/load";
import { foldCase, regionOf } from "@/lib/ladder";
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
  await tx.insert(auditLog).values(
    rows.map((r) => ({ actorUserId: null, entity: "case", entityId: r.id, action: "erased", data: { reference: r.reference, reason: r.erasureRequestedAt ? "request" : "retention", retentionDays: days }, at: now })),
  );

  await tx.execute(sql`SELECT set_config('recourse.erasure', 'on', true)`);
  await tx.delete(outbox).where(inArray(outbox.caseId, ids));
  await tx.delete(clockNotices).where(inArray(clockNotices.caseId, ids));
  await tx.delete(deadlines).where(inArray(deadlines.caseId, ids));
  await tx.delete(remedies).where(inArray(remedies.caseId, ids));
  await tx.delete(attachments).where(inArray(attachments.caseId, ids));
  await tx.delete(messages).where(inArray(messages.caseId, ids));
  await tx.delete(caseBodies).where(inArray(caseBodies.caseId, ids));
  await tx.delete(caseEvents).where(inArray(caseEvents.caseId, ids));
  await tx.delete(cases).where(inArray(cases.id, ids));
  await tx.execute(sql`SELECT set_config('recourse.erasure', 'off', true)`);

  // A complainant with nothing else left here goes too (sessions and feeds cascade; bell
  // items have no foreign key, so they go by hand, with any mail to them still queued).
  const complainants = [...new Set(rows.map((r) => r.complainantUserId))];
  await tx.execute(sql`
    WITH gone AS (
    DELETE FROM users u WHERE u.id IN (${sql.join(complainants.map((id) => sql`${id}`), sql`, `)})
      AND NOT u.is_admin
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.complainant_user_id = u.id OR c.assignee_user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.actor_user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.author_user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.uploaded_by_user_id = u.id)
      RETURNING u.id
    )
    DELETE FROM outbox o USING gone WHERE o.user_id = gone.id`);
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
    reportEntries: bodies.map((b) => ({ providerId: b.providerId, entry: reportEntry({ framework: row.framework, hrData: row.hrData, principles: row.principles, receivedAt: b.since, state }) })),
    reason: row.erasureRequestedAt ? "request" : "retention",
    erasedAt: now,
  };
}
