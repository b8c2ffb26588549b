/**
 * An IRM's annual report, computed from the cases handed to it: complaints received, by
 * framework, data category and principle; eligibility; processing times; outcomes; remedies
 * ordered (sanctions); FTC referrals; and how many of the clocks that ended in the year were
 * met on time, per kind. Pure: the data layer supplies each case's entry, from its folded
 * history and the ladder's clocks or, for an erased case, from its statistics.
 */
import type { CaseState } from "@/lib/ladder/case-state";
import { DAY_MS } from "@/lib/ladder/calendar";
import type { Clock } from "@/lib/ladder/clocks";

export interface ReportCase {
  framework: string;
  hrData: boolean;
  principles: string[];
  /** When the provider received the case. */
  receivedAt: Date;
  state: CaseState;
  /** Every clock on the case as the ladder computes it at the report's instant. */
  clocks: readonly Clock[];
}

/** Of the clocks of one kind that ended in the year: met on time, missed, and the share on time (null when none ended). */
export interface OnTime {
  onTime: number;
  late: number;
  rate: number | null;
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
  /** Deadlines, by clock kind, that ended in the year (met, or missed when they ran out). */
  onTime: Record<string, OnTime>;
  /** Targets (the panel's 60-day aim, R2.6) apart: reaching one late is no breach, so it is not in `onTime`. */
  aims: Record<string, OnTime>;
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
  /** Each clock that ended, with the year it ended; absent from entries kept before it was reported. */
  clocks?: { kind: string; aim: boolean; endedYear: number; onTime: boolean }[];
}

/**
 * The clocks that ended, as the ladder judged them: a met one ended when its step was taken,
 * a missed one when it ran out. Running, paused and stopped clocks have not ended on time or late.
 */
function endedClocks(clocks: readonly Clock[]): NonNullable<ReportEntry["clocks"]> {
  return clocks
    .filter((k) => k.state === "met" || k.state === "missed")
    .map((k) => ({ kind: k.kind, aim: k.aim, endedYear: (k.state === "met" ? k.completedAt! : k.dueAt).getUTCFullYear(), onTime: k.state === "met" }));
}

function onTimeByKind(ended: NonNullable<ReportEntry["clocks"]>): Record<string, OnTime> {
  const out: Record<string, OnTime> = {};
  for (const k of ended) {
    const row = (out[k.kind] ??= { onTime: 0, late: 0, rate: null });
    if (k.onTime) row.onTime++;
    else row.late++;
    row.rate = row.onTime / (row.onTime + row.late);
  }
  return out;
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
    clocks: endedClocks(c.clocks),
  };
}

export function annualReport(year: number, entries: ReportEntry[]): AnnualReport {
  const inYear = entries.filter((e) => e.receivedYear === year);
  const days = inYear
    .map((e) => e.processingDays)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  // A clock counts in the year it ended, whichever year its case was received.
  const ended = entries.flatMap((e) => e.clocks ?? []).filter((k) => k.endedYear === year);
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
    onTime: onTimeByKind(ended.filter((k) => !k.aim)),
    aims: onTimeByKind(ended.filter((k) => k.aim)),
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
  for (const [section, byKind] of [["clock", r.onTime], ["aim", r.aims]] as const) {
    for (const [kind, v] of Object.entries(byKind)) rows.push([`${section}_on_time`, kind, v.onTime], [`${section}_late`, kind, v.late], [`${section}_on_time_rate`, kind, v.rate ?? ""]);
  }
  return rows;
}
