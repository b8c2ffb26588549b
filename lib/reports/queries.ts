/**
 * Loads the cases handed to one provider for its annual report. Its members and the
 * administrator may read it; anyone else: not found.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseBodies, cases, caseStatistics, providers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadCase } from "@/lib/cases/load";
import { NotFoundError } from "@/lib/errors";
import { clocks, foldCase } from "@/lib/ladder";
import { annualReport, reportEntry, type ReportEntry } from "./annual-report";
import { isUuid } from "@/lib/ids";

/** `now` is the instant at which the ladder judges each case's clocks (met, missed or still running). */
export async function providerAnnualReport(db: Db, actor: Actor, providerId: string, year: number, now: Date) {
  if (actor.kind !== "user" || !isUuid(providerId)) throw new NotFoundError();
  if (!actor.isAdmin && !actor.memberships.some((m) => m.providerId === providerId)) throw new NotFoundError();
  const [provider] = await db.select({ id: providers.id, name: providers.name, kind: providers.kind }).from(providers).where(eq(providers.id, providerId));
  if (!provider) throw new NotFoundError();
  const handed = await db.select({ row: cases, since: caseBodies.since }).from(caseBodies).innerJoin(cases, eq(cases.id, caseBodies.caseId)).where(eq(caseBodies.providerId, providerId));
  const entries: ReportEntry[] = [];
  for (const { row, since } of handed) {
    const loaded = await loadCase(db, row);
    const state = foldCase(loaded.facts.events);
    entries.push(reportEntry({ framework: row.framework, hrData: row.hrData, principles: row.principles, receivedAt: since, state, clocks: clocks(loaded.facts, now, state) }));
  }
  // Erased cases count as they did (retention keeps their entries with the statistics).
  const erased = await db.select({ entries: caseStatistics.reportEntries }).from(caseStatistics).where(sql`${providerId}::uuid = ANY(${caseStatistics.providerIds})`);
  for (const { entries: kept } of erased) entries.push(...kept.filter((k) => k.providerId === providerId).map((k) => k.entry));
  return { provider, report: annualReport(year, entries) };
}
