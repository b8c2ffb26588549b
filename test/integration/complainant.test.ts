/**
 * The complainant's data layer on both databases: evidence with its hash, the case link in
 * the confirmation mail, message audiences, the export and erasure requests.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { attachments, auditLog, caseBodies, cases, memberships, outbox, providers, users, verificationTokens } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { checkAttachments } from "@/lib/cases/attachments";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { sha256Of } from "@/lib/cases/hash-chain";
import { addEvidence, getEvidence, listEvidence, postMessage } from "@/lib/cases/correspondence";
import { getCaseDetail, getHandover } from "@/lib/cases/queries";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { mailContent } from "@/lib/mail/content";
import { listNotifications } from "@/lib/notifications/inbox";
import { exportMyData, requestErasure } from "@/lib/users/my-data";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe.each(KINDS)("complainant data on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
  });
  afterAll(async () => database?.close());

  it("stores evidence with its SHA-256 in the filing transaction and serves it only to those who see the case", async () => {
    const { ok } = await checkAttachments([{ name: "letter.pdf", bytes: PDF }]);
    const { caseId } = await fileCase(db(), filing({ email: "evi@example.eu" }), NOW, {}, ok);
    const evi = await actorByEmail(db(), "evi@example.eu");
    const [doc] = await listEvidence(db(), evi, caseId);
    expect(doc).toMatchObject({ filename: "letter.pdf", mimeType: "application/pdf", sha256: createHash("sha256").update(PDF).digest("hex") });
    expect((await getEvidence(db(), evi, caseId, doc!.id)).content.equals(PDF)).toBe(true);
    const stranger = await actorByEmail(db(), "staff@customerportfolios.example");
    await expect(getEvidence(db(), stranger, caseId, doc!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addEvidence(db(), stranger, caseId, ok, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sends the complainant a single-use link to the case, valid for a day", async () => {
    const { caseId, reference } = await fileCase(db(), filing({ email: "link@example.eu", preferredLanguage: "fr" }), NOW);
    const [row] = await db().select().from(outbox).where(and(eq(outbox.toEmail, "link@example.eu"), eq(outbox.template, "notice:filed")));
    const mail = mailContent(row!);
    expect(mail.subject).toBe(`Plainte ${reference} reçue`);
    const url = new URL(mail.text.split("\n").find((l) => l.startsWith("http"))!);
    // The confirmation page in the complainant's language, on RECOURSE_URL; it opens the case after signing in.
    expect(`${url.origin}${url.pathname}`).toBe(`${process.env.RECOURSE_URL}/fr/sign-in/confirm`);
    expect(url.searchParams.get("callbackUrl")).toBe(`/fr/cases/${caseId}`);
    const token = url.searchParams.get("token")!;
    const hashed = createHash("sha256").update(`${token}${process.env.AUTH_SECRET}`).digest("hex");
    const [stored] = await db().select().from(verificationTokens).where(eq(verificationTokens.token, hashed));
    expect(stored!.identifier).toBe("link@example.eu");
    expect(stored!.expires.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // The bell shows the same receipt, without the link that signs in.
    const bell = (await listNotifications(db(), await actorByEmail(db(), "link@example.eu"))).find((n) => n.caseId === caseId);
    expect(bell).toMatchObject({ kind: "filed", params: { reference } });
    expect(bell!.params.signInUrl).toBeUndefined();
  });

  it("keeps internal notes on their own side, and lets each party write only to its audiences", async () => {
    const { caseId } = await fileCase(db(), filing({ email: "msg@example.eu" }), NOW);
    const complainant = await actorByEmail(db(), "msg@example.eu");
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await postMessage(db(), complainant, caseId, { body: "Hello company", visibility: "complainant" }, NOW);
    await postMessage(db(), staff, caseId, { body: "Reply to complainant", visibility: "complainant" }, NOW);
    await postMessage(db(), staff, caseId, { body: "Internal note", visibility: "internal" }, NOW);
    await expect(postMessage(db(), complainant, caseId, { body: "sneaky", visibility: "internal" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(postMessage(db(), complainant, caseId, { body: "   ", visibility: "complainant" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    const seenByComplainant = (await getCaseDetail(db(), complainant, caseId, NOW)).messages.map((m) => m.body);
    const seenByStaff = (await getCaseDetail(db(), staff, caseId, NOW)).messages.map((m) => m.body);
    expect(seenByComplainant).toEqual(["Hello company", "Reply to complainant"]);
    expect(seenByStaff).toEqual(["Hello company", "Reply to complainant", "Internal note"]);
    expect(JSON.stringify(await exportMyData(db(), complainant))).not.toContain("Internal note");
  });

  it("a recourse body's internal notes are its own: the company, the complainant and other bodies never read them", async () => {
    const [handed] = await db().select({ caseId: caseBodies.caseId, providerId: caseBodies.providerId }).from(caseBodies).innerJoin(providers, eq(providers.id, caseBodies.providerId)).where(eq(providers.kind, "adr"));
    const [liaison] = await db().select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.providerId, handed!.providerId));
    const body = await actorByEmail(db(), liaison!.email!);
    const [row] = await db().select({ organisationId: cases.organisationId }).from(cases).where(eq(cases.id, handed!.caseId));
    const [staffRow] = await db().select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.organisationId, row!.organisationId));
    const staff = await actorByEmail(db(), staffRow!.email!);
    await postMessage(db(), body, handed!.caseId, { body: "Provider's own working note", visibility: "internal" }, NOW);
    await postMessage(db(), staff, handed!.caseId, { body: "Company's own working note", visibility: "internal" }, NOW);
    const bodySees = (await getCaseDetail(db(), body, handed!.caseId, NOW)).messages.map((m) => m.body);
    const staffSees = (await getCaseDetail(db(), staff, handed!.caseId, NOW)).messages.map((m) => m.body);
    expect(bodySees).toContain("Provider's own working note");
    expect(bodySees).not.toContain("Company's own working note");
    expect(staffSees).toContain("Company's own working note");
    expect(staffSees).not.toContain("Provider's own working note");
  });

  it("exports everything about the complainant and nothing about others", async () => {
    const anna = await actorByEmail(db(), "anna.schmidt@example.de");
    const data = await exportMyData(db(), anna);
    expect(data.user!.email).toBe("anna.schmidt@example.de");
    expect(data.cases.map((c) => c.complainant.email)).toEqual(["anna.schmidt@example.de", "anna.schmidt@example.de"]);
    expect(JSON.stringify(data)).not.toContain("claire.martin@example.fr");
  });

  it("takes an erasure request for a closed case only, once, and audits it", async () => {
    const lukas = await actorByEmail(db(), "lukas.meier@example.ch");
    const [closed] = await db().select().from(cases).where(eq(cases.complainantEmail, "lukas.meier@example.ch"));
    await requestErasure(db(), lukas, closed!.id, NOW);
    await requestErasure(db(), lukas, closed!.id, NOW);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, closed!.id));
    expect(audit.map((a) => a.action)).toEqual(["erasure_requested"]);
    const anna = await actorByEmail(db(), "anna.schmidt@example.de");
    const [open] = await db().select().from(cases).where(eq(cases.complainantEmail, "anna.schmidt@example.de"));
    await expect(requestErasure(db(), anna, open!.id, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestErasure(db(), anna, closed!.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("freezes the case file handed to a body: later documents do not change it, and its hash checks", async () => {
    const { ok } = await checkAttachments([{ name: "first.pdf", bytes: PDF }]);
    const { caseId } = await fileCase(db(), filing({ email: "handover@example.eu" }), NOW, {}, ok);
    const me = await actorByEmail(db(), "handover@example.eu");
    const later = new Date(NOW.getTime() + 46 * 86_400_000);
    await recordEvent(db(), me, caseId, { type: "irm.escalated", data: {} }, { now: later });
    const second = await checkAttachments([{ name: "second.txt", bytes: Buffer.from("more evidence") }]);
    await addEvidence(db(), me, caseId, second.ok, later);
    const detail = await getCaseDetail(db(), me, caseId, later);
    const body = detail.bodies[0]!;
    const { handover, sha256 } = await getHandover(db(), me, caseId, body.providerId);
    const record = handover as { timeline: { type: string }[]; documents: { filename: string; sha256: string }[] };
    expect(record.timeline.map((e) => e.type)).toEqual(["case.filed", "irm.escalated"]);
    expect(record.documents.map((d) => d.filename)).toEqual(["first.pdf"]);
    expect(record.documents[0]!.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(sha256).toBe(sha256Of(handover));
    expect(body.handoverSha256).toBe(sha256);
    const stranger = await actorByEmail(db(), "staff@customerportfolios.example");
    await expect(getHandover(db(), stranger, caseId, body.providerId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("hands a body only the documents it may read: the company's internal note's document never reaches it, a shared one does", async () => {
    const { ok } = await checkAttachments([{ name: "complaint-letter.pdf", bytes: PDF }]);
    const { caseId } = await fileCase(db(), filing({ email: "handover.internal@example.eu" }), NOW, {}, ok);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
    const memo = await checkAttachments([{ name: "internal-legal-memo.txt", bytes: Buffer.from("our counsel's view, for us only") }]);
    await postMessage(db(), staff, caseId, { body: "Internal: counsel's memo attached.", visibility: "internal", documents: memo.ok }, day(1));
    const shared = await checkAttachments([{ name: "data-we-hold.txt", bytes: Buffer.from("the data we hold about you") }]);
    await postMessage(db(), staff, caseId, { body: "Here is the data we hold about you.", visibility: "complainant", documents: shared.ok }, day(2));
    const me = await actorByEmail(db(), "handover.internal@example.eu");
    await recordEvent(db(), me, caseId, { type: "irm.escalated", data: {} }, { now: day(46) });

    const body = (await getCaseDetail(db(), me, caseId, day(46))).bodies[0]!;
    const { handover, sha256 } = await getHandover(db(), me, caseId, body.providerId);
    const record = handover as { documents: { filename: string }[] };
    expect(record.documents.map((d) => d.filename)).toEqual(["complaint-letter.pdf", "data-we-hold.txt"]);
    expect(JSON.stringify(handover)).not.toContain("internal-legal-memo");
    expect(JSON.stringify(handover)).not.toContain(memo.ok[0]!.sha256);
    expect(sha256).toBe(sha256Of(handover));
    // The same documents the body reads on the case page; the company still reads its own memo.
    const bbb = await actorByEmail(db(), "liaison@bbb.example");
    expect((await listEvidence(db(), bbb, caseId)).map((d) => d.filename)).toEqual(record.documents.map((d) => d.filename));
    expect((await listEvidence(db(), staff, caseId)).map((d) => d.filename)).toContain("internal-legal-memo.txt");
  });

  it("refuses a country the organisation's frameworks do not cover, storing nothing", async () => {
    const before = (await db().select({ id: cases.id }).from(cases)).length;
    const error = await fileCase(db(), filing({ country: "GB" }), NOW).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({ country: ["country_not_covered_by_organisation"] });
    expect((await db().select({ id: cases.id }).from(cases)).length).toBe(before);
    expect((await db().select({ id: attachments.id }).from(attachments)).length).toBeGreaterThan(0);
  });
});
