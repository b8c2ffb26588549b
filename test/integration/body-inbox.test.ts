/**
 * A body's workspace on both databases: each view's members and counts, the hand-over date
 * and the body's own clock, no other body's cases, and counts kept right when the clock moves
 * and the sweep re-projects the cases.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { caseBodies, deadlines, providers } from "@/db/schema";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { bodyInbox } from "@/lib/cases/body-inbox";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { NotFoundError } from "@/lib/errors";
import { BODY_INBOX_VIEWS, DAY_MS, type BodyInboxView } from "@/lib/ladder";
import { KINDS } from "./support/databases";
import { actorByEmail, filing, seededDatabase } from "./support/helpers";

const T0 = new Date("2026-11-02T10:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);
/** When the lists are read: after every step of the tests (the IRM's views do not change with time alone). */
const READ = at(200);

describe.each(KINDS)("a body's workspace on %s", (kind) => {
  const db = seededDatabase(kind);
  const providerId = async (slug: string) => (await db().select({ id: providers.id }).from(providers).where(eq(providers.slug, slug)))[0]!.id;

  /** A case the company answered on day 1 and the complainant took to the IRM on `escalateDay`. */
  async function escalated(organisationSlug: string, email: string, escalateDay = 2) {
    const { caseId } = await fileCase(db(), filing({ organisationSlug, email, country: "DE" }), T0);
    const staff = await actorByEmail(db(), organisationSlug === "mparticle" ? "staff@mparticle.example" : "staff@customerportfolios.example");
    await recordEvent(db(), staff, caseId, { type: "organisation.responded", data: {} }, { now: at(1) });
    await recordEvent(db(), await actorByEmail(db(), email), caseId, { type: "irm.escalated", data: {} }, { now: at(escalateDay) });
    return caseId;
  }

  it("sorts the body's cases into its views, with the date it received them and its own clock, and counts each view", async () => {
    const bbb = await actorByEmail(db(), "liaison@bbb.example");
    const bbbId = await providerId("bbb-national-programs");
    const step = (caseId: string, type: string, data: Record<string, unknown>, day: number, actor = bbb) => recordEvent(db(), actor, caseId, { type, data } as never, { now: at(day) });

    const fresh = await escalated("mparticle", "inbox-new@example.eu", 3);
    const deciding = await escalated("mparticle", "inbox-deciding@example.eu");
    await step(deciding, "irm.eligibility_decided", { decision: "eligible" }, 3);
    const askingComplainant = await escalated("mparticle", "inbox-ask-complainant@example.eu");
    await step(askingComplainant, "irm.eligibility_decided", { decision: "eligible" }, 3);
    await step(askingComplainant, "irm.info_requested", { from: "complainant" }, 4);
    const askingCompany = await escalated("mparticle", "inbox-ask-company@example.eu");
    await step(askingCompany, "irm.eligibility_decided", { decision: "eligible" }, 3);
    await step(askingCompany, "irm.info_requested", { from: "organisation" }, 4);
    const ordered = await escalated("mparticle", "inbox-ordered@example.eu");
    await step(ordered, "irm.eligibility_decided", { decision: "eligible" }, 3);
    await step(ordered, "irm.determined", { verdict: "upheld", remedies: [{ id: "rem-1", kind: "delete", dueAt: at(30) }] }, 5);
    const dismissed = await escalated("mparticle", "inbox-dismissed@example.eu");
    await step(dismissed, "irm.eligibility_decided", { decision: "ineligible", reason: "Not covered." }, 3);
    // Another provider's case: ANA's, never BBB's.
    const anas = await escalated("customer-portfolios", "inbox-ana@example.eu");
    // A case the company still has: handed to no body.
    await fileCase(db(), filing({ email: "inbox-company@example.eu" }), T0);

    const members = async (view: BodyInboxView) => (await bodyInbox(db(), bbb, bbbId, view, READ)).rows.map((r) => r.id).sort();
    const expected: Record<BodyInboxView, string[]> = {
      new: [fresh],
      awaiting_company: [askingCompany],
      awaiting_complainant: [askingComplainant],
      decision_due: [deciding],
      remedies: [ordered],
      closed: [dismissed],
    };
    for (const view of BODY_INBOX_VIEWS) expect(await members(view), view).toEqual([...expected[view]].sort());
    const inbox = await bodyInbox(db(), bbb, bbbId, "new", READ);
    expect(inbox.counts).toEqual({ new: 1, awaiting_company: 1, awaiting_complainant: 1, decision_due: 1, remedies: 1, closed: 1 });
    expect(inbox.provider.name).toMatch(/BBB/);

    // The hand-over date is the day the case reached the body, not the day it was filed.
    expect(inbox.rows[0]!.receivedAt).toEqual(at(3));
    const [handover] = await db().select({ since: caseBodies.since }).from(caseBodies).where(and(eq(caseBodies.caseId, fresh), eq(caseBodies.providerId, bbbId)));
    expect(handover!.since).toEqual(at(3));
    // Its own clock is the IRM's (acknowledgment first), from the deadlines projection.
    const [ack] = await db().select({ dueAt: deadlines.dueAt }).from(deadlines).where(and(eq(deadlines.caseId, fresh), eq(deadlines.clockId, "irm.acknowledgment")));
    expect(inbox.rows[0]!.ownDueAt).toEqual(ack!.dueAt);
    expect(inbox.rows[0]!.ownDueAt!.getTime()).toBeGreaterThan(at(6).getTime());
    // The company's remedy is context on the case the body watches, never the body's own clock.
    const watched = (await bodyInbox(db(), bbb, bbbId, "remedies", READ)).rows[0]!;
    expect(watched.othersDue).toMatchObject({ party: "organisation" });
    expect(watched.ownDueAt).toBeNull();

    // ANA sees its own case only; BBB never sees ANA's.
    const ana = await actorByEmail(db(), "liaison@ana.example");
    const anaInbox = await bodyInbox(db(), ana, await providerId("ana"), "new", READ);
    expect(anaInbox.rows.map((r) => r.id)).toEqual([anas]);
    expect(Object.values(anaInbox.counts).reduce((a, b) => a + b)).toBe(1);
    for (const view of BODY_INBOX_VIEWS) expect(await members(view)).not.toContain(anas);
    // A member of one body cannot open another body's inbox, nor can the company.
    await expect(bodyInbox(db(), bbb, await providerId("ana"), "new", READ)).rejects.toBeInstanceOf(NotFoundError);
    await expect(bodyInbox(db(), await actorByEmail(db(), "staff@mparticle.example"), bbbId, "new", READ)).rejects.toBeInstanceOf(NotFoundError);
    await expect(bodyInbox(db(), bbb, "not-a-uuid", "new", READ)).rejects.toBeInstanceOf(NotFoundError);

    // Each step moves a case between views, and the counts with it.
    await step(askingComplainant, "complainant.info_provided", { to: "irm" }, 7, await actorByEmail(db(), "inbox-ask-complainant@example.eu"));
    await step(fresh, "irm.eligibility_decided", { decision: "eligible" }, 7);
    await step(ordered, "remedy.complied", { remedyId: "rem-1", evidence: "Deleted on request." }, 8, await actorByEmail(db(), "staff@mparticle.example"));
    expect((await bodyInbox(db(), bbb, bbbId, "decision_due", READ)).counts).toEqual({ new: 0, awaiting_company: 1, awaiting_complainant: 0, decision_due: 3, remedies: 0, closed: 2 });
    // Paged in the view's order: each case on one page, a page past the last shows the last.
    const paged = await Promise.all([1, 2, 3].map((page) => bodyInbox(db(), bbb, bbbId, "closed", READ, page, 1)));
    expect(paged.map((p) => [p.page, p.pages])).toEqual([[1, 2], [2, 2], [2, 2]]);
    expect(paged.map((p) => p.rows.length)).toEqual([1, 1, 1]);
    expect(new Set(paged.slice(0, 2).map((p) => p.rows[0]!.id))).toEqual(new Set([dismissed, ordered]));
  });

  it("moves a panel case from awaiting the company to advice due when the window to comment closes, with no step; the EU panel never sees the FDPIC's case", async () => {
    const panel = await actorByEmail(db(), "member@dpa-panel.example");
    const panelId = await providerId("eu-dpa-panel");
    const fdpic = await actorByEmail(db(), "case.officer@fdpic.example");
    const fdpicId = await providerId("fdpic");
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const toPanel = async (email: string, country: string) => {
      const { caseId } = await fileCase(db(), filing({ email, country, hrData: true }), T0);
      await recordEvent(db(), staff, caseId, { type: "organisation.responded", data: {} }, { now: at(1) });
      await recordEvent(db(), await actorByEmail(db(), email), caseId, { type: "panel.escalated", data: {} }, { now: at(2) });
      return caseId;
    };
    const eu = await toPanel("inbox-panel@example.eu", "DE");
    const swiss = await toPanel("inbox-fdpic@example.ch", "CH");

    const within = await bodyInbox(db(), panel, panelId, "awaiting_company", at(5));
    expect(within.rows.map((r) => r.id)).toEqual([eu]);
    expect(within.counts).toMatchObject({ awaiting_company: 1, decision_due: 0 });
    // The panel's advice is an aim, its own clock: shown as its deadline.
    expect(within.rows[0]!.ownDueAt).toBeInstanceOf(Date);
    const swissInbox = await bodyInbox(db(), fdpic, fdpicId, null, at(5));
    expect(swissInbox.view).toBe("awaiting_company");
    expect(swissInbox.rows.map((r) => r.id)).toEqual([swiss]);
    for (const view of BODY_INBOX_VIEWS) expect((await bodyInbox(db(), panel, panelId, view, at(5))).rows.map((r) => r.id)).not.toContain(swiss);
    await expect(bodyInbox(db(), panel, fdpicId, null, at(5))).rejects.toBeInstanceOf(NotFoundError);
    // The window closes: the sweep projects the case again at that instant.
    expect((await bodyInbox(db(), panel, panelId, "decision_due", at(20))).counts.decision_due).toBe(0);
    await sweepDeadlines(db(), at(20));
    const closedWindow = await bodyInbox(db(), panel, panelId, "decision_due", at(20));
    expect(closedWindow.rows.map((r) => r.id)).toEqual([eu]);
    expect(closedWindow.counts).toMatchObject({ awaiting_company: 0, decision_due: 1 });
    // Another company comments in time: the panel has heard both sides, with no sweep.
    const heard = await toPanel("inbox-panel-heard@example.eu", "DE");
    expect((await bodyInbox(db(), panel, panelId, null, at(5))).counts).toMatchObject({ awaiting_company: 1, decision_due: 1 });
    await recordEvent(db(), staff, heard, { type: "panel.commented", data: { from: "organisation" } }, { now: at(6) });
    expect((await bodyInbox(db(), panel, panelId, null, at(7))).counts).toMatchObject({ awaiting_company: 0, decision_due: 2 });

  });

  it("keeps its counts right when the clock moves past the body's deadline and the sweep re-projects the case", async () => {
    const jams = await actorByEmail(db(), "liaison@jams.example");
    const jamsId = await providerId("jams");
    const staff = await actorByEmail(db(), "staff@sessionm.example");
    const email = "inbox-clock@example.eu";
    const { caseId } = await fileCase(db(), filing({ organisationSlug: "sessionm", email }), T0);
    await recordEvent(db(), staff, caseId, { type: "organisation.responded", data: {} }, { now: at(1) });
    await recordEvent(db(), await actorByEmail(db(), email), caseId, { type: "irm.escalated", data: {} }, { now: at(2) });
    // From the hand-over on, the IRM's clocks count in JAMS's own zone, as the escalation projected them.
    const irmClocks = await db().select({ zone: deadlines.zone }).from(deadlines).where(and(eq(deadlines.caseId, caseId), eq(deadlines.party, "irm")));
    expect(irmClocks.length).toBeGreaterThan(0);
    expect(new Set(irmClocks.map((c) => c.zone))).toEqual(new Set(["America/Los_Angeles"]));
    await recordEvent(db(), jams, caseId, { type: "irm.eligibility_decided", data: { decision: "eligible" } }, { now: at(3) });
    const before = await bodyInbox(db(), jams, jamsId, "decision_due", READ);
    expect(before.counts.decision_due).toBe(1);
    const due = before.rows[0]!.ownDueAt!;

    // The determination's time runs out: the sweep records the breach and re-projects the case.
    const after = new Date(due.getTime() + DAY_MS);
    expect((await sweepDeadlines(db(), after)).breaches).toBeGreaterThanOrEqual(1);
    const [clock] = await db().select({ state: deadlines.state }).from(deadlines).where(and(eq(deadlines.caseId, caseId), eq(deadlines.clockId, "irm.determination")));
    expect(clock!.state).toBe("missed");
    // Still the body's to decide, now overdue: the same view, its step still owed on the same day.
    const overdue = await bodyInbox(db(), jams, jamsId, "decision_due", READ);
    expect(overdue.counts).toEqual(before.counts);
    expect(overdue.rows[0]!.ownDueAt).toEqual(due);

    // A hand-over marked for projection (as migration 0045 marks those made before) is projected by the sweep, due date and all.
    await db().update(caseBodies).set({ view: null, dueAt: null, viewChangesAt: new Date(0) }).where(eq(caseBodies.caseId, caseId));
    expect((await bodyInbox(db(), jams, jamsId, "decision_due", READ)).counts.decision_due).toBe(0);
    await sweepDeadlines(db(), after);
    const reprojected = await bodyInbox(db(), jams, jamsId, "decision_due", READ);
    expect(reprojected.counts).toEqual(before.counts);
    expect(reprojected.rows[0]!.ownDueAt).toEqual(due);
    const [row] = await db().select({ viewChangesAt: caseBodies.viewChangesAt }).from(caseBodies).where(eq(caseBodies.caseId, caseId));
    expect(row!.viewChangesAt).toBeNull();

    // Deciding it late closes it for the body at once.
    await recordEvent(db(), jams, caseId, { type: "irm.determined", data: { verdict: "not_upheld", remedies: [] } }, { now: after });
    const closed = await bodyInbox(db(), jams, jamsId, "closed", READ);
    expect(closed.counts).toMatchObject({ decision_due: 0, closed: 1 });
    expect(closed.rows.map((r) => r.id)).toEqual([caseId]);
  });
});
