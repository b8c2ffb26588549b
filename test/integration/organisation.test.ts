/** The organisation's settings on both databases: invitations, roles, and arrangements that apply to new cases only. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, memberships, organisations, outbox, providers } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { getCaseDetail } from "@/lib/cases/queries";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { DAY_MS } from "@/lib/ladder";
import { updateArrangement, updateProfile } from "@/lib/organisations/profile";
import { organisationQueue, parseQueueFilter, queueViewCounts } from "@/lib/cases/queue";
import { inviteColleague, listTeam, removeMember, setMemberRole } from "@/lib/organisations/team";
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

  it("an admin invites a colleague, who gets a sign-in link to the queue; staff may not invite", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    await inviteColleague(db(), admin, mparticle, { email: "New.Colleague@mparticle.example", role: "org_staff" }, NOW, "de");
    expect((await listTeam(db(), admin, mparticle)).map((m) => m.email)).toContain("new.colleague@mparticle.example");
    const [mail] = await db().select().from(outbox).where(eq(outbox.toEmail, "new.colleague@mparticle.example"));
    expect(mail!.subject).toBe("Treten Sie mParticle, Inc. auf Recourse bei");
    expect(mail!.textBody).toContain(encodeURIComponent("/de/org"));
    await expect(inviteColleague(db(), admin, mparticle, { email: "new.colleague@mparticle.example", role: "org_staff" }, NOW, "en")).rejects.toBeInstanceOf(ValidationError);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await expect(inviteColleague(db(), staff, mparticle, { email: "x@mparticle.example", role: "org_admin" }, NOW, "en")).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await actorByEmail(db(), "admin@customerportfolios.example");
    await expect(inviteColleague(db(), outsider, mparticle, { email: "x@mparticle.example", role: "org_admin" }, NOW, "en")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps at least one admin", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    const adminId = admin.kind === "user" ? admin.userId : "";
    await expect(setMemberRole(db(), admin, mparticle, adminId, "org_staff", NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(removeMember(db(), admin, mparticle, adminId, NOW)).rejects.toBeInstanceOf(ValidationError);
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
    // The complainant goes to BBB: the case is followed as escalated, and no longer owed by the company.
    const complainant = await actorByEmail(db(), "views@example.eu");
    await recordEvent(db(), complainant, caseId, { type: "irm.escalated", data: {} }, { now: later });
    const escalated = await counts();
    expect(escalated.escalated).toBe(filed.escalated + 1);
    expect(escalated.needs_response).toBe(filed.needs_response - 1);
    const rows = (await organisationQueue(db(), staff, mparticle, parseQueueFilter({ view: "escalated" }), later, 1000)).rows;
    expect(rows.find((r) => r.id === caseId)?.owedBy).toBe("irm");
    // Another company's staff sees nothing of it.
    await expect(queueViewCounts(db(), await actorByEmail(db(), "staff@customerportfolios.example"), mparticle, later)).rejects.toBeInstanceOf(NotFoundError);
  });
});
