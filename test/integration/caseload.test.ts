/** A company's team works its caseload on both databases: bulk assignment, reply templates, replies with documents. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cases, organisations } from "@/db/schema";
import { DEMO_TEMPLATE, seedDemo } from "@/db/seed/seed";
import { assignCases } from "@/lib/cases/bulk-assign";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { getEvidence, listEvidence, postMessage } from "@/lib/cases/correspondence";
import { checkAttachments } from "@/lib/cases/attachments";
import { getCaseDetail } from "@/lib/cases/queries";
import { ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { checkTemplate, createReplyTemplate, deleteReplyTemplate, fillReplyTemplate, listReplyTemplates, updateReplyTemplate } from "@/lib/organisations/reply-templates";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const NOW = new Date("2026-11-24T22:30:00Z");

describe.each(KINDS)("a company's caseload on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  let mparticle: string;
  const userId = async (email: string) => {
    const actor = await actorByEmail(db(), email);
    if (actor.kind !== "user") throw new Error(email);
    return actor.userId;
  };
  const versionOf = async (caseId: string) => (await db().select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
    [{ id: mparticle }] = (await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "mparticle"))) as [{ id: string }];
  });
  afterAll(async () => database?.close());

  it("assigns the chosen cases one step each; a case changed meanwhile is reported by reference, the others still assigned", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const admin = await userId("admin@mparticle.example");
    const filed = await Promise.all([1, 2, 3].map((n) => fileCase(db(), filing({ email: `bulk${n}@example.eu` }), NOW)));
    const items = await Promise.all(filed.map(async (c) => ({ caseId: c.caseId, version: await versionOf(c.caseId) })));
    // Someone else assigns the second case after the queue was read.
    await recordEvent(db(), staff, filed[1]!.caseId, { type: "case.assigned", data: { assigneeUserId: await userId("staff@mparticle.example") } }, { now: NOW });

    const result = await assignCases(db(), staff, mparticle, items, admin, NOW);
    expect(result).toEqual({ assigned: 2, refused: [{ reference: filed[1]!.reference, reason: "changed" }] });
    for (const [i, c] of filed.entries()) {
      const detail = await getCaseDetail(db(), staff, c.caseId, NOW);
      expect(detail.view.state.assigneeUserId).toBe(i === 1 ? await userId("staff@mparticle.example") : admin);
      expect(detail.timeline.filter((e) => e.type === "case.assigned")).toHaveLength(1);
    }
  });

  it("refuses, in the command, an assignee who is not on the organisation's team, and writes nothing", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const { caseId } = await fileCase(db(), filing({ email: "bulk-outsider@example.eu" }), NOW);
    const before = await versionOf(caseId);
    for (const outsider of [await userId("staff@customerportfolios.example"), await userId("bulk-outsider@example.eu")]) {
      await expect(assignCases(db(), staff, mparticle, [{ caseId, version: before }], outsider, NOW)).rejects.toMatchObject({ reason: { code: "assignee_not_staff" } });
    }
    expect(await versionOf(caseId)).toBe(before);
  });

  it("reports a case of another organisation without naming it, and lets no one outside the team assign", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const other = await fileCase(db(), filing({ email: "bulk-other@example.eu", organisationSlug: "customer-portfolios" }), NOW);
    const mine = await fileCase(db(), filing({ email: "bulk-mine@example.eu" }), NOW);
    const items = [mine, other].map((c) => ({ caseId: c.caseId, version: 0 }));
    items[0]!.version = await versionOf(mine.caseId);
    const result = await assignCases(db(), staff, mparticle, items, await userId("staff@mparticle.example"), NOW);
    expect(result).toEqual({ assigned: 1, refused: [{ reference: null, reason: "not_found" }] });
    const outsider = await actorByEmail(db(), "staff@customerportfolios.example");
    await expect(assignCases(db(), outsider, mparticle, items, null, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("checks a template's placeholders when it is saved, naming the unknown ones", () => {
    expect(checkTemplate({ name: "Ack", body: "Dear {{complainant_name}}, about {{ reference }} from {{company}} by {{due_date}}." }).name).toBe("Ack");
    expect(() => checkTemplate({ name: "Bad", body: "Dear {{complainant_name}}, {{ticket}} {{ Ticket }}" })).toThrow(RuleError);
    try {
      checkTemplate({ name: "Bad", body: "Dear {{complainant_name}}, {{ticket}}" });
    } catch (error) {
      expect((error as RuleError).reason).toMatchObject({ code: "unknown_placeholder", params: { names: "{{ticket}}" } });
    }
    expect(() => checkTemplate({ name: "", body: "" })).toThrow(ValidationError);
  });

  it("lets the organisation's admins write templates and its staff read them; another organisation's staff cannot read them", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const outsider = await actorByEmail(db(), "staff@customerportfolios.example");
    const outsiderAdmin = await actorByEmail(db(), "admin@customerportfolios.example");
    const body = "Dear {{complainant_name}},\nwe received {{reference}} at {{company}} and answer by {{due_date}}.";
    await expect(createReplyTemplate(db(), admin, mparticle, { name: "Typo", body: "Hello {{complainant}}" }, NOW)).rejects.toMatchObject({ reason: { code: "unknown_placeholder" } });
    const { id } = await createReplyTemplate(db(), admin, mparticle, { name: "Acknowledgment", body }, NOW);
    await expect(createReplyTemplate(db(), admin, mparticle, { name: "Acknowledgment", body }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(createReplyTemplate(db(), staff, mparticle, { name: "By staff", body }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateReplyTemplate(db(), staff, mparticle, id, { name: "By staff", body }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteReplyTemplate(db(), staff, mparticle, id, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    // Beside the demo seed's example, which its staff read too.
    expect((await listReplyTemplates(db(), staff, mparticle)).map((t) => t.name)).toEqual(["Acknowledgment", DEMO_TEMPLATE.name]);
    for (const actor of [outsider, outsiderAdmin]) {
      await expect(listReplyTemplates(db(), actor, mparticle)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateReplyTemplate(db(), actor, mparticle, id, { name: "Taken over", body }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Another organisation's admin, writing in their own organisation, still cannot reach this template.
    const [{ id: portfolios }] = (await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "customer-portfolios"))) as [{ id: string }];
    await expect(updateReplyTemplate(db(), outsiderAdmin, portfolios, id, { name: "Taken over", body }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await updateReplyTemplate(db(), admin, mparticle, id, { name: "Acknowledgment", body: `${body}\n` }, NOW);
  });

  it("fills a template from the case on the server, the due date as the company's day, for the company's staff only", async () => {
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const { id } = await createReplyTemplate(db(), admin, mparticle, { name: "Filled", body: "Dear {{complainant_name}}: {{reference}}, {{company}}, by {{due_date}}." }, NOW);
    const filed = await fileCase(db(), filing({ email: "template@example.eu", name: "Jana Nováková", preferredLanguage: "de" }), NOW);
    const filled = await fillReplyTemplate(db(), staff, filed.caseId, id);
    // Filed at 22:30 UTC: in New York (mParticle's zone) still 24 November; 45 days later is 8 January.
    expect(filled.body).toBe(`Dear Jana Nováková: ${filed.reference}, mParticle, Inc., by 8. Januar 2027.`);
    expect(filled.body).not.toContain("{{");
    const complainant = await actorByEmail(db(), "template@example.eu");
    await expect(fillReplyTemplate(db(), complainant, filed.caseId, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(fillReplyTemplate(db(), await actorByEmail(db(), "staff@customerportfolios.example"), filed.caseId, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sends a reply with its document in one write; the complainant reads both, but not a document on an internal note", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const filed = await fileCase(db(), filing({ email: "reply-doc@example.eu" }), NOW);
    const complainant = await actorByEmail(db(), "reply-doc@example.eu");
    const { ok } = await checkAttachments([{ name: "answer.txt", bytes: Buffer.from("Your data: none held.\n") }]);
    const reply = await postMessage(db(), staff, filed.caseId, { body: "Please find our answer attached.", visibility: "complainant", documents: ok }, NOW);
    const note = await postMessage(db(), staff, filed.caseId, { body: "Internal: legal reviewed.", visibility: "internal", documents: (await checkAttachments([{ name: "review.txt", bytes: Buffer.from("ok\n") }])).ok }, NOW);
    const seen = await listEvidence(db(), complainant, filed.caseId);
    expect(seen.map((d) => [d.filename, d.messageId])).toEqual([["answer.txt", reply.id]]);
    const staffSees = await listEvidence(db(), staff, filed.caseId);
    expect(staffSees.map((d) => d.filename).sort()).toEqual(["answer.txt", "review.txt"]);
    const hidden = staffSees.find((d) => d.messageId === note.id)!;
    await expect(getEvidence(db(), complainant, filed.caseId, hidden.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getEvidence(db(), complainant, filed.caseId, seen[0]!.id)).filename).toBe("answer.txt");
  });
});
