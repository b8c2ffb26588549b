/**
 * DOMAIN.md §6 — an IRM's annual report, computed from the cases handed to it: complaints
 * received, by framework, data category and principle; eligibility; processing times; outcomes;
 * remedies ordered (sanctions); FTC referrals. Pure: the data layer supplies each case's entry,
 * from its folded history or, for an erased case, from its statistics.
 */
import type { CaseState } from "@/lib/ladder/case-state";
import { DAY_MS } from "@/lib/ladder/calendar";

export interface ReportCase {
  framework: string;
  hrData: boolean;
  principles: string[];
  /** When the provider received the case. */
  receivedAt: Date;
  state: CaseState;
}

export interface AnnualReport {
  year: number;
  received: number;
  byFramework: Record<string, number>;
  byDataCategory: { hr: number; nonHr: number };
  byPrinciple: Record<string, number>;
  eligibility: { eligible: number; ineligible: number; dismissed: number; pending: number };
  /** Calendar days from receipt to outcome, for cases with an outcome. */
  processingDays: { median: number | null; p90: number | null; decided: number };
  outcomes: { conciliated: number; determined: number; ineligible: number; dismissed: number; closed: number; withdrawn: number; open: number };
  remediesOrdered: Record<string, number>;
  ftcReferrals: number;
}

const count = <K extends string>(keys: K[]) => keys.reduce((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {} as Partial<Record<K, number>>) as Record<K, number>;

/** Nearest-rank percentile over sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * What one case adds to a provider's report: no names, no dates finer than the year. Erasure
 * keeps these with the case's statistics (lib/retention/apply.ts), so a report stays the same
 * after the cases behind it are gone.
 */
export interface ReportEntry {
  framework: string;
  hrData: boolean;
  principles: string[];
  receivedYear: number;
  eligibility: keyof AnnualReport["eligibility"];
  /** Calendar days from receipt to the outcome, if there is one. */
  processingDays: number | null;
  outcome: keyof AnnualReport["outcomes"];
  remediesOrdered: string[];
  ftcReferrals: number;
}

export function reportEntry(c: ReportCase): ReportEntry {
  const outcome = c.state.irm?.outcome ?? null;
  return {
    framework: c.framework,
    hrData: c.hrData,
    principles: c.principles,
    receivedYear: c.receivedAt.getUTCFullYear(),
    eligibility: c.state.irm?.eligibility?.decision ?? "pending",
    processingDays: outcome ? Math.round((outcome.at.getTime() - c.receivedAt.getTime()) / DAY_MS) : null,
    outcome: outcome?.kind ?? (c.state.closed?.outcome === "withdrawn" ? "withdrawn" : "open"),
    remediesOrdered: c.state.remedies.filter((r) => r.source === "irm").map((r) => r.kind),
    ftcReferrals: c.state.referrals.filter((r) => r.referrer === "irm").length,
  };
}

export function annualReport(year: number, entries: ReportEntry[]): AnnualReport {
  const inYear = entries.filter((e) => e.receivedYear === year);
  const days = inYear
    .map((e) => e.processingDays)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  return {
    year,
    received: inYear.length,
    byFramework: count(inYear.map((e) => e.framework)),
    byDataCategory: { hr: inYear.filter((e) => e.hrData).length, nonHr: inYear.filter((e) => !e.hrData).length },
    byPrinciple: count(inYear.flatMap((e) => e.principles)),
    eligibility: { eligible: 0, ineligible: 0, dismissed: 0, pending: 0, ...(count(inYear.map((e) => e.eligibility)) as Partial<AnnualReport["eligibility"]>) },
    processingDays: { median: percentile(days, 0.5), p90: percentile(days, 0.9), decided: days.length },
    outcomes: {
      conciliated: 0,
      determined: 0,
      ineligible: 0,
      dismissed: 0,
      closed: 0,
      withdrawn: 0,
      open: 0,
      ...(count(inYear.map((e) => e.outcome)) as Partial<AnnualReport["outcomes"]>),
    },
    remediesOrdered: count(inYear.flatMap((e) => e.remediesOrdered)),
    ftcReferrals: inYear.reduce((n, e) => n + e.ftcReferrals, 0),
  };
}

/** The report as CSV rows: section, key, value. */
export function reportRows(r: AnnualReport): [string, string, string | number][] {
  const rows: [string, string, string | number][] = [["year", "", r.year], ["received", "", r.received]];
  for (const [k, v] of Object.entries(r.byFramework)) rows.push(["framework", k, v]);
  rows.push(["data_category", "hr", r.byDataCategory.hr], ["data_category", "non_hr", r.byDataCategory.nonHr]);
  for (const [k, v] of Object.entries(r.byPrinciple)) rows.push(["principle", k, v]);
  for (const [k, v] of Object.entries(r.eligibility)) rows.push(["eligibility", k, v]);
  rows.push(["processing_days", "median", r.processingDays.median ?? ""], ["processing_days", "p90", r.processingDays.p90 ?? ""], ["processing_days", "decided", r.processingDays.decided]);
  for (const [k, v] of Object.entries(r.outcomes)) rows.push(["outcome", k, v]);
  for (const [k, v] of Object.entries(r.remediesOrdered)) rows.push(["remedy_ordered", k, v]);
  rows.push(["ftc_referrals", "", r.ftcReferrals]);
  return rows;
}
