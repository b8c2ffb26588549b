/** The annual report against a fixture computed by hand (DOMAIN.md §6). */
import { describe, expect, it } from "vitest";
import { foldCase } from "@/lib/ladder/case-state";
import type { LadderEvent } from "@/lib/ladder/events";
import { annualReport, percentile, reportEntry, reportRows, type ReportCase } from "./annual-report";

const ev = (type: string, iso: string, by: string, data: unknown = {}) => ({ type, at: new Date(iso), by, data }) as LadderEvent;
const escalated = (iso: string) => [ev("case.filed", "2026-01-01T00:00:00Z", "complainant"), ev("irm.escalated", iso, "complainant")];
const c = (over: Partial<ReportCase>, events: LadderEvent[]): ReportCase => ({ framework: "eu-us-dpf", hrData: false, principles: ["access"], receivedAt: events[1]!.at, state: foldCase(events), ...over });

// Five cases received by the provider in 2026 and one in 2025 (left out):
//  A: eligible, determined after 10 days (delete + access ordered), then referred to the FTC
//  B: eligible, conciliated after 20 days
//  C: ineligible after 4 days
//  D: dismissed after 30 days
//  E: still open, no decision
//  F: received 2025-12-31, determined — not in the 2026 report
const cases: ReportCase[] = [
  c({ principles: ["access", "choice"] }, [
    ...escalated("2026-03-01T00:00:00Z"),
    ev("irm.eligibility_decided", "2026-03-02T00:00:00Z", "irm", { decision: "eligible" }),
    ev("irm.determined", "2026-03-11T00:00:00Z", "irm", { remedies: [{ id: "a1", kind: "delete", dueAt: new Date("2026-04-01T00:00:00Z") }, { id: "a2", kind: "access", dueAt: new Date("2026-04-01T00:00:00Z") }] }),
    ev("referral.status_changed", "2026-04-02T00:00:00Z", "irm", { referralId: "f1", status: "proposed", referrer: "irm" }),
  ]),
  c({ framework: "swiss-us-dpf", principles: ["security"] }, [
    ...escalated("2026-05-01T00:00:00Z"),
    ev("irm.eligibility_decided", "2026-05-02T00:00:00Z", "irm", { decision: "eligible" }),
    ev("irm.conciliated", "2026-05-21T00:00:00Z", "irm"),
  ]),
  c({ hrData: true }, [...escalated("2026-06-01T00:00:00Z"), ev("irm.eligibility_decided", "2026-06-05T00:00:00Z", "irm", { decision: "ineligible", reason: "HR data" })]),
  c({ principles: ["notice"] }, [...escalated("2026-07-01T00:00:00Z"), ev("irm.eligibility_decided", "2026-07-31T00:00:00Z", "irm", { decision: "dismissed", reason: "Frivolous" })]),
  c({}, escalated("2026-11-01T00:00:00Z")),
  c({}, [...escalated("2025-12-31T00:00:00Z"), ev("irm.eligibility_decided", "2026-01-02T00:00:00Z", "irm", { decision: "eligible" }), ev("irm.determined", "2026-01-05T00:00:00Z", "irm", { remedies: [] })]),
];

describe("annual report (DOMAIN.md §6)", () => {
  const r = annualReport(2026, cases.map(reportEntry));
  it("counts the complaints received in the year, by framework, data category and principle", () => {
    expect(r.received).toBe(5);
    expect(r.byFramework).toEqual({ "eu-us-dpf": 4, "swiss-us-dpf": 1 });
    expect(r.byDataCategory).toEqual({ hr: 1, nonHr: 4 });
    expect(r.byPrinciple).toEqual({ access: 3, choice: 1, security: 1, notice: 1 });
  });
  it("counts eligibility decisions", () => expect(r.eligibility).toEqual({ eligible: 2, ineligible: 1, dismissed: 1, pending: 1 }));
  it("computes processing times: days 4, 10, 20, 30 → median 10, p90 30", () => expect(r.processingDays).toEqual({ median: 10, p90: 30, decided: 4 }));
  it("counts outcomes, remedies ordered and FTC referrals", () => {
    expect(r.outcomes).toEqual({ conciliated: 1, determined: 1, ineligible: 1, dismissed: 1, closed: 0, withdrawn: 0, open: 1 });
    expect(r.remediesOrdered).toEqual({ delete: 1, access: 1 });
    expect(r.ftcReferrals).toBe(1);
  });
  it("exports the same figures as CSV rows", () => {
    expect(reportRows(r)).toContainEqual(["processing_days", "p90", 30]);
    expect(reportRows(r)).toContainEqual(["eligibility", "dismissed", 1]);
  });
  it("an entry keeps nothing finer than the year, and the report from entries is what it was", () => {
    const entry = reportEntry(cases[0]!);
    expect(entry).toEqual({ framework: "eu-us-dpf", hrData: false, principles: ["access", "choice"], receivedYear: 2026, eligibility: "eligible", processingDays: 10, outcome: "determined", remediesOrdered: ["delete", "access"], ftcReferrals: 1 });
    // Round-tripped through JSON (as erasure stores it), the report is the same.
    expect(annualReport(2026, JSON.parse(JSON.stringify(cases.map(reportEntry))))).toEqual(r);
  });
  it("nearest-rank percentiles", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
