/**
 * DOMAIN.md §6 — an IRM's annual report, computed from the cases handed to it: complaints
 * received, by framework, data category and principle; eligibility; processing times; outcomes;
 * remedies ordered (sanctions); FTC referrals. Pure: the data layer supplies the folded cases.
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
  outcomes: { conciliated: number; determined: number; ineligible: number; dismissed: number; withdrawn: number; open: number };
  remediesOrdered: Record<string, number>;
  ftcReferrals: number;
}

const count = <K extends string>(keys: K[]) => keys.reduce((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {} as Partial<Record<K, number>>) as Record<K, number>;

/** Nearest-rank percentile over sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export function annualReport(year: number, cases: ReportCase[]): AnnualReport {
  const inYear = cases.filter((c) => c.receivedAt.getUTCFullYear() === year);
  const outcome = (c: ReportCase) => c.state.irm?.outcome ?? null;
  const days = inYear
    .map((c) => (outcome(c) ? Math.round((outcome(c)!.at.getTime() - c.receivedAt.getTime()) / DAY_MS) : null))
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  const eligibility = inYear.map((c) => c.state.irm?.eligibility?.decision ?? "pending");
  return {
    year,
    received: inYear.length,
    byFramework: count(inYear.map((c) => c.framework)),
    byDataCategory: { hr: inYear.filter((c) => c.hrData).length, nonHr: inYear.filter((c) => !c.hrData).length },
    byPrinciple: count(inYear.flatMap((c) => c.principles)),
    eligibility: { eligible: 0, ineligible: 0, dismissed: 0, pending: 0, ...(count(eligibility) as Partial<AnnualReport["eligibility"]>) },
    processingDays: { median: percentile(days, 0.5), p90: percentile(days, 0.9), decided: days.length },
    outcomes: {
      conciliated: 0,
      determined: 0,
      ineligible: 0,
      dismissed: 0,
      withdrawn: 0,
      open: 0,
      ...(count(inYear.map((c) => outcome(c)?.kind ?? (c.state.closed?.outcome === "withdrawn" ? "withdrawn" : "open"))) as Partial<AnnualReport["outcomes"]>),
    },
    remediesOrdered: count(inYear.flatMap((c) => c.state.remedies.filter((r) => r.source === "irm").map((r) => r.kind))),
    ftcReferrals: inYear.reduce((n, c) => n + c.state.referrals.filter((r) => r.referrer === "irm").length, 0),
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
