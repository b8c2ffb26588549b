/** The organisation's settings on both databases: invitations, roles, and arrangements that apply to new cases only. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, caseBodies, cases, invitations, memberships, organisations, outbox, providers } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { getCaseDetail } from "@/lib/cases/queries";
import { ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { DAY_MS } from "@/lib/ladder";
import { updateArrangement, updateProfile } from "@/lib/organisations/profile";
import { QUEUE_VIEWS, organisationQueue, parseQueueFilter, queueViewCounts } from "@/lib/cases/queue";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { acceptInvitation, cancelInvitation, declineInvitation, INVITATION_HOURS, invitationByToken, inviteColleague, pendingInvitations } from "@/lib/organisations/invitations";
import { listTeam, removeMember, setMemberRole } from "@/lib/organisations/team";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");

describe.each(KINDS)("organisation settings on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  let mparticle: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
    [{ id: mparticle }] = (await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "mparticle"))) as [{ id: string }];
  });
  afterAll(async () => database?.close());

  const tokenIn = async (email: string) => {
    const mails = await db().select().from(outbox).where(and(eq(outbox.toEmail, email), eq(outbox.template, "invitation"))).orderBy(outbox.createdAt);
    const match = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.textBody ?? "");
    return match![1]!;
  };
  const memberOf = async (email: string) =>
    (await listTeam(db(), await actorByEmail(db(), "admin@mparticle.example"), mparticle)).some((m) => m.email === email);

  it("an invitation adds no one until the invited person accepts it; staff may not invite", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    await inviteColleague(db(), admin, mparticle, { email: "New.Colleague@mparticle.example", role: "org_staff" }, NOW, "de");
    expect(await memberOf("new.colleague@mparticle.example")).toBe(false);
    expect((await pendingInvitations(db(), admin, mparticle, NOW)).map((i) => i.email)).toEqual(["new.colleague@mparticle.example"]);
    const [mail] = await db().select().from(outbox).where(eq(outbox.toEmail, "new.colleague@mparticle.example"));
    expect(mail!.subject).toBe("Treten Sie mParticle, Inc. auf Recourse bei");
    expect(mail!.textBody).toContain("/de/invitation/");
    expect(mail!.textBody).toContain("72 Stunden");
    const token = await tokenIn("new.colleague@mparticle.example");
    expect(await invitationByToken(db(), token, NOW)).toMatchObject({ state: "open", organisation: "mParticle, Inc.", role: "org_staff" });
    await acceptInvitation(db(), token, new Date(NOW.getTime() + 3_600_000), "de");
    expect(await memberOf("new.colleague@mparticle.example")).toBe(true);
    await expect(acceptInvitation(db(), token, NOW, "de")).rejects.toBeInstanceOf(RuleError);
    expect((await invitationByToken(db(), token, NOW))?.state).toBe("accepted");
    await expect(inviteColleague(db(), admin, mparticle, { email: "new.colleague@mparticle.example", role: "org_staff" }, NOW, "en")).rejects.toBeInstanceOf(ValidationError);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await expect(inviteColleague(db(), staff, mparticle, { email: "x@mparticle.example", role: "org_admin" }, NOW, "en")).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await actorByEmail(db(), "admin@customerportfolios.example");
    await expect(inviteColleague(db(), outsider, mparticle, { email: "x@mparticle.example", role: "org_admin" }, NOW, "en")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never adds an existing account by itself: a complainant invited to the staff sees no internal note until they accept", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    await inviteColleague(db(), admin, mparticle, { email: "anna.schmidt@example.de", role: "org_admin" }, NOW, "en");
    const anna = await actorByEmail(db(), "anna.schmidt@example.de");
    expect(anna.kind === "user" && anna.memberships.some((m) => m.organisationId === mparticle)).toBe(false);
    await declineInvitation(db(), await tokenIn("anna.schmidt@example.de"), NOW);
    // The admin sees it declined (for two weeks), with nothing left to cancel.
    expect((await pendingInvitations(db(), admin, mparticle, NOW)).filter((i) => i.email === "anna.schmidt@example.de").map((i) => i.state)).toEqual(["declined"]);
    expect((await pendingInvitations(db(), admin, mparticle, new Date(NOW.getTime() + 15 * 86_400_000))).filter((i) => i.email === "anna.schmidt@example.de")).toEqual([]);
    expect((await invitationByToken(db(), await tokenIn("anna.schmidt@example.de"), NOW))?.state).toBe("declined");
    await expect(acceptInvitation(db(), await tokenIn("anna.schmidt@example.de"), NOW, "en")).rejects.toBeInstanceOf(RuleError);
    expect(await memberOf("anna.schmidt@example.de")).toBe(false);
  });

  it("ends invitations on expiry, on a newer invitation, on cancelling and on removal", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    await inviteColleague(db(), admin, mparticle, { email: "late@mparticle.example", role: "org_staff" }, NOW, "en");
    const late = await tokenIn("late@mparticle.example");
    const after = new Date(NOW.getTime() + INVITATION_HOURS * 3_600_000);
    expect((await invitationByToken(db(), late, after))?.state).toBe("expired");
    await expect(acceptInvitation(db(), late, after, "en")).rejects.toBeInstanceOf(RuleError);

    await inviteColleague(db(), admin, mparticle, { email: "twice@mparticle.example", role: "org_staff" }, NOW, "en");
    const first = await tokenIn("twice@mparticle.example");
    await inviteColleague(db(), admin, mparticle, { email: "twice@mparticle.example", role: "org_admin" }, NOW, "en");
    expect((await invitationByToken(db(), first, NOW))?.state).toBe("cancelled");
    const second = await tokenIn("twice@mparticle.example");
    const [pending] = (await pendingInvitations(db(), admin, mparticle, NOW)).filter((i) => i.email === "twice@mparticle.example");
    await cancelInvitation(db(), admin, mparticle, pending!.id, NOW);
    await expect(acceptInvitation(db(), second, NOW, "en")).rejects.toBeInstanceOf(RuleError);
    await expect(cancelInvitation(db(), await actorByEmail(db(), "admin@customerportfolios.example"), mparticle, pending!.id, NOW)).rejects.toBeInstanceOf(NotFoundError);

    // Removing someone also withdraws an invitation still open for them.
    await inviteColleague(db(), admin, mparticle, { email: "gone@mparticle.example", role: "org_staff" }, NOW, "en");
    await acceptInvitation(db(), await tokenIn("gone@mparticle.example"), NOW, "en");
    const gone = await actorByEmail(db(), "gone@mparticle.example");
    await db().insert(invitations).values({ organisationId: mparticle, email: "gone@mparticle.example", role: "org_admin", tokenHash: "x".repeat(64), expiresAt: after });
    await removeMember(db(), admin, mparticle, gone.kind === "user" ? gone.userId : "", NOW);
    const [left] = await db().select().from(invitations).where(eq(invitations.tokenHash, "x".repeat(64)));
    expect(left!.cancelledAt?.toISOString()).toBe(NOW.toISOString());
  });

  it("keeps at least one admin", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    const adminId = admin.kind === "user" ? admin.userId : "";
    await expect(setMemberRole(db(), admin, mparticle, adminId, "org_staff", NOW)).rejects.toMatchObject({ reason: { code: "last_admin" } });
    await expect(removeMember(db(), admin, mparticle, adminId, NOW)).rejects.toMatchObject({ reason: { code: "last_admin" } });
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await setMemberRole(db(), admin, mparticle, staff.kind === "user" ? staff.userId : "", "org_admin", NOW);
    const [row] = await db().select({ role: memberships.role }).from(memberships).where(and(eq(memberships.organisationId, mparticle), eq(memberships.userId, staff.kind === "user" ? staff.userId : "")));
    expect(row!.role).toBe("org_admin");
  });

  it("a change of IRM is audited and applies to new cases only", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    const before = await fileCase(db(), filing({ email: "old@example.eu" }), NOW);
    const [jams] = await db().select({ id: providers.id }).from(providers).where(eq(providers.slug, "jams"));
    await updateArrangement(db(), admin, mparticle, { framework: "eu-us-ps", irm: jams!.id, coversHrData: "yes" }, NOW);
    const after = await fileCase(db(), filing({ email: "new@example.eu" }), NOW);
    const later = new Date(NOW.getTime() + 46 * DAY_MS);
    for (const [email, filed] of [["old@example.eu", before], ["new@example.eu", after]] as const) {
      await recordEvent(db(), await actorByEmail(db(), email), filed.caseId, { type: "irm.escalated", data: {} }, { now: later });
    }
    const oldBody = (await getCaseDetail(db(), await actorByEmail(db(), "old@example.eu"), before.caseId, later)).bodies.map((b) => b.name);
    const newBody = (await getCaseDetail(db(), await actorByEmail(db(), "new@example.eu"), after.caseId, later)).bodies.map((b) => b.name);
    expect(oldBody).toEqual(["BBB National Programs (BBB EU Privacy Shield)"]);
    expect(newBody).toEqual(["JAMS"]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, "arrangement_updated"));
    expect(audit).toHaveLength(1);
    await expect(updateArrangement(db(), admin, mparticle, { framework: "eu-us-ps", irm: "not-a-provider", coversHrData: "yes" }, NOW)).rejects.toBeInstanceOf(ValidationError);
  });

  it("profile changes are validated and audited with what they replaced", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    await expect(updateProfile(db(), admin, mparticle, { contactEmail: "nope", contactAddress: "", website: "" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(updateProfile(db(), admin, mparticle, { contactEmail: "", contactAddress: "", website: "javascript:alert(1)" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await updateProfile(db(), admin, mparticle, { contactEmail: "dpo@mparticle.example", contactAddress: "New York", website: "https://www.mparticle.com" }, NOW);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "profile_updated"));
    expect(entry!.data).toMatchObject({ before: { contactEmail: "privacy@mparticle.com" }, after: { contactEmail: "dpo@mparticle.example" } });
  });

  it("assigns a case only to someone on the company's team, whoever asks", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const { caseId } = await fileCase(db(), filing({ email: "assign@example.eu" }), NOW);
    const complainant = await actorByEmail(db(), "assign@example.eu");
    const outsider = await actorByEmail(db(), "staff@customerportfolios.example");
    for (const assignee of [complainant, outsider]) {
      await expect(recordEvent(db(), staff, caseId, { type: "case.assigned", data: { assigneeUserId: assignee.kind === "user" ? assignee.userId : "" } }, { now: NOW })).rejects.toMatchObject({ reason: { code: "assignee_not_staff" } });
    }
    await recordEvent(db(), staff, caseId, { type: "case.assigned", data: { assigneeUserId: staff.kind === "user" ? staff.userId : null } }, { now: NOW });
    await recordEvent(db(), staff, caseId, { type: "case.assigned", data: { assigneeUserId: null } }, { now: NOW });
  });

  it("the queue's views count what the company owes, what is late and what moved up, and list the same cases", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const counts = () => queueViewCounts(db(), staff, mparticle, later);
    const later = new Date(NOW.getTime() + 46 * DAY_MS);
    const before = await queueViewCounts(db(), staff, mparticle, later);
    const { caseId } = await fileCase(db(), filing({ email: "views@example.eu" }), NOW);
    const filed = await counts();
    expect(filed.needs_response).toBe(before.needs_response + 1);
    expect(filed.overdue).toBe(before.overdue + 1);
    expect(filed.unassigned).toBe(before.unassigned + 1);
    const overdue = await organisationQueue(db(), staff, mparticle, parseQueueFilter({ view: "overdue" }), later, 1000);
    expect(overdue.rows.map((r) => r.id)).toContain(caseId);
    // The complainant goes to the IRM: the case is followed as escalated, and no longer owed by the company.
    const complainant = await actorByEmail(db(), "views@example.eu");
    await recordEvent(db(), complainant, caseId, { type: "irm.escalated", data: {} }, { now: later });
    const escalated = await counts();
    expect(escalated.escalated).toBe(filed.escalated + 1);
    expect(escalated.needs_response).toBe(filed.needs_response - 1);
    const rows = (await organisationQueue(db(), staff, mparticle, parseQueueFilter({ view: "escalated" }), later, 1000)).rows;
    const moved = rows.find((r) => r.id === caseId)!;
    expect(moved.owedBy).toBe("irm");
    // Its day is counted in the IRM's zone, as the IRM's clock has it.
    const [irm] = await db().select({ zone: providers.timeZone }).from(caseBodies).innerJoin(providers, eq(providers.id, caseBodies.providerId)).where(eq(caseBodies.caseId, caseId));
    expect(moved.dueZone).toBe(irm!.zone);
    // Another company's staff sees nothing of it.
    await expect(queueViewCounts(db(), await actorByEmail(db(), "staff@customerportfolios.example"), mparticle, later)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the company's open question puts the case in 'waiting on the complainant' until the complainant answers, and the company's answer keeps it there", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const waiting = async () => (await organisationQueue(db(), staff, mparticle, parseQueueFilter({ view: "waiting_on_complainant" }), NOW, 1000)).rows.map((r) => r.id);
    const { caseId } = await fileCase(db(), filing({ email: "waiting@example.eu" }), NOW);
    const complainant = await actorByEmail(db(), "waiting@example.eu");
    expect(await waiting()).not.toContain(caseId);
    await recordEvent(db(), staff, caseId, { type: "organisation.info_requested", data: {} }, { now: NOW });
    expect(await waiting()).toContain(caseId);
    const before = await queueViewCounts(db(), staff, mparticle, NOW);
    await recordEvent(db(), complainant, caseId, { type: "complainant.info_provided", data: { to: "organisation" } }, { now: NOW });
    expect(await waiting()).not.toContain(caseId);
    expect((await queueViewCounts(db(), staff, mparticle, NOW)).waiting_on_complainant).toBe(before.waiting_on_complainant - 1);
    // Answered: the complainant weighs the answer.
    await recordEvent(db(), staff, caseId, { type: "organisation.responded", data: {} }, { now: NOW });
    expect(await waiting()).toContain(caseId);
  });

  it("the sweep projects once a case from before the row said who it waits on", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const { caseId } = await fileCase(db(), filing({ email: "unprojected@example.eu" }), NOW);
    await recordEvent(db(), staff, caseId, { type: "organisation.info_requested", data: {} }, { now: NOW });
    await db().update(cases).set({ waitingOn: "unprojected" }).where(eq(cases.id, caseId));
    await sweepDeadlines(db(), NOW);
    const [row] = await db().select({ waitingOn: cases.waitingOn }).from(cases).where(eq(cases.id, caseId));
    expect(row!.waitingOn).toBe("complainant");
  });

  it("with a search typed, each view counts the cases the search matches, as the list shows them", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const later = new Date(NOW.getTime() + 46 * DAY_MS);
    const open = await fileCase(db(), filing({ email: "counted.one@example.eu", name: "Countsearch Open" }), NOW);
    const moved = await fileCase(db(), filing({ email: "counted.two@example.eu", name: "Countsearch Moved" }), NOW);
    await fileCase(db(), filing({ email: "not.counted@example.eu", name: "Someone Else" }), NOW);
    await recordEvent(db(), staff, open.caseId, { type: "case.assigned", data: { assigneeUserId: staff.kind === "user" ? staff.userId : null } }, { now: NOW });
    await recordEvent(db(), await actorByEmail(db(), "counted.two@example.eu"), moved.caseId, { type: "irm.escalated", data: {} }, { now: later });

    const all = await queueViewCounts(db(), staff, mparticle, later);
    const searched = await queueViewCounts(db(), staff, mparticle, later, "countsearch");
    expect(searched).toMatchObject({ all: 2, open: 2, mine: 1, unassigned: 1, needs_response: 1, overdue: 1, waiting_on_complainant: 0, escalated: 1, closed: 0 });
    expect(all.all).toBeGreaterThan(searched.all);
    // The counts and the list read the same condition: each view's count is its list's length.
    for (const view of QUEUE_VIEWS) {
      const listed = await organisationQueue(db(), staff, mparticle, parseQueueFilter({ view, q: "countsearch" }), later, 1000);
      expect(listed.total, view).toBe(searched[view]);
    }
    // A search that matches nothing counts nothing; an address matches as a name does.
    expect(Object.values(await queueViewCounts(db(), staff, mparticle, later, "no-such-complainant"))).toEqual(Array(QUEUE_VIEWS.length).fill(0));
    expect((await queueViewCounts(db(), staff, mparticle, later, "counted.two@")).all).toBe(1);
  });
});
