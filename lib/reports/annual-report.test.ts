/** The annual report against fixtures computed by hand. */
import { describe, expect, it } from "vitest";
import { foldCase } from "@/lib/ladder/case-state";
import { clocks } from "@/lib/ladder/clocks";
import type { LadderEvent } from "@/lib/ladder/events";
import { facts } from "@/lib/ladder/test/builders";
import { annualReport, percentile, reportEntry, reportRows, type ReportCase } from "./annual-report";

const ev = (type: string, iso: string, by: string, data: unknown = {}) => ({ type, at: new Date(iso), by, data }) as LadderEvent;
const escalated = (iso: string) => [ev("case.filed", "2026-01-01T00:00:00Z", "complainant"), ev("irm.escalated", iso, "complainant")];
const c = (over: Partial<ReportCase>, events: LadderEvent[]): ReportCase => ({ framework: "eu-us-dpf", hrData: false, principles: ["access"], receivedAt: events[1]!.at, state: foldCase(events), clocks: [], ...over });

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

describe("annual report", () => {
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
    expect(entry).toEqual({ framework: "eu-us-dpf", hrData: false, principles: ["access", "choice"], receivedYear: 2026, eligibility: "eligible", processingDays: 10, outcome: "determined", remediesOrdered: ["delete", "access"], ftcReferrals: 1, clocks: [] });
    // Round-tripped through JSON (as erasure stores it), the report is the same.
    expect(annualReport(2026, JSON.parse(JSON.stringify(cases.map(reportEntry))))).toEqual(r);
  });
  it("nearest-rank percentiles", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});

describe("annual report: on-time rate per clock kind, as the ladder judges each clock", () => {
  const NOW = new Date("2026-12-20T00:00:00Z");
  const hr = { subject: { framework: "eu-us-ps" as const, hrData: true, complainantCountry: "DE", dataSubject: "self" as const } };
  const filedOn = (day: string) => ev("case.filed", `${day}T12:00:00Z`, "complainant");
  const responded = (day: string) => ev("organisation.responded", `${day}T10:00:00Z`, "organisation");
  const toPanel = (day: string) => ev("panel.escalated", `${day}T10:00:00Z`, "complainant");
  const advised = (day: string) => ev("panel.advised", `${day}T10:00:00Z`, "dpa_panel", { remedies: [] });
  const reported = (events: LadderEvent[], over = {}): ReportCase => {
    const f = facts(events, over);
    return { framework: "eu-us-ps", hrData: false, principles: ["access"], receivedAt: events[0]!.at, state: foldCase(events), clocks: clocks(f, NOW) };
  };
  // The company's 45 days (R2.1) from filing on 10 January 2026 end on 24 February:
  //  A responds on 20 January, B on 10 February, C on 20 February (all on time), D on 15 March (late): 3 of 4, 75 %.
  // A and B then go to the DPA panel (HR data): its advice is an aim of 60 days from the panel's receipt (R2.6):
  //  A's panel receives it on 1 February and advises on 1 March (within); B's on 12 February and advises on 20 April (after 13 April).
  // Left out: E's clock ended in 2025 (filed 2025-03-01, answered late on 2025-05-01); F's is still running.
  const cases = [
    reported([filedOn("2026-01-10"), responded("2026-01-20"), toPanel("2026-02-01"), advised("2026-03-01")], hr),
    reported([filedOn("2026-01-10"), responded("2026-02-10"), toPanel("2026-02-12"), advised("2026-04-20")], hr),
    reported([filedOn("2026-01-10"), responded("2026-02-20")]),
    reported([filedOn("2026-01-10"), responded("2026-03-15")]),
    reported([filedOn("2025-03-01"), responded("2025-05-01")]),
    reported([filedOn("2026-12-01")]),
  ];
  const r = annualReport(2026, cases.map(reportEntry));
  it("4 company responses ended in 2026, 3 on time: 75 %", () => expect(r.onTime["organisation.response"]).toEqual({ onTime: 3, late: 1, rate: 0.75 }));
  it("the panel's 60 days are an aim, shown apart and never counted as a missed deadline", () => {
    expect(r.aims).toEqual({ "panel.advice": { onTime: 1, late: 1, rate: 0.5 } });
    expect(r.onTime["panel.advice"]).toBeUndefined();
  });
  it("a clock counts in the year it ended", () => {
    expect(annualReport(2025, cases.map(reportEntry)).onTime["organisation.response"]).toEqual({ onTime: 0, late: 1, rate: 0 });
  });
  it("exports the same figures as CSV rows", () => {
    expect(reportRows(r)).toEqual(expect.arrayContaining([["clock_on_time", "organisation.response", 3], ["clock_late", "organisation.response", 1], ["clock_on_time_rate", "organisation.response", 0.75], ["aim_on_time_rate", "panel.advice", 0.5]]));
  });
  it("entries kept before the rates were reported add no clocks", () => {
    const [{ clocks: _dropped, ...old }] = cases.map(reportEntry);
    expect(annualReport(2026, [old]).onTime).toEqual({});
  });
});
