/**
 * Filing waits for the complainant's address (issue 21 item 7), on both databases: a sent form
 * is stored and a link mailed; the company sees nothing until the link's button files the case;
 * sending the draft again replaces the link; unconfirmed filings expire and are deleted.
 */
import { mailContent } from "@/lib/mail/content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { caseEvents, cases, filingAttachments, filings, outbox, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { checkAttachments } from "@/lib/cases/attachments";
import { confirmFiling, deleteExpiredFilings, FILING_CONFIRM_DAYS, filingLink, submitFiling } from "@/lib/cases/filings";
import { listEvidence } from "@/lib/cases/correspondence";
import { listCases } from "@/lib/cases/queries";
import { RuleError, ValidationError } from "@/lib/errors";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const HOUR = 3_600_000;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The token in the newest confirmation mail to `email`. */
async function mailedToken(db: TestDatabase["db"], email: string): Promise<string> {
  const mails = await db.select().from(outbox).where(and(eq(outbox.toEmail, email), eq(outbox.template, "filing-confirm"))).orderBy(asc(outbox.createdAt));
  const url = mails.at(-1)!.textBody!.split("\n").find((l) => l.startsWith("http"))!;
  return url.split("/file/confirm/")[1]!;
}

describe.each(KINDS)("filings awaiting their address on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
  });
  afterAll(async () => database?.close());

  it("stores a sent form and mails its link; no case, no account and nothing for the company until the link's button is pressed", async () => {
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const before = (await listCases(db(), staff)).length;
    const { ok } = await checkAttachments([{ name: "letter.pdf", bytes: PDF }]);
    const sent = await submitFiling(db(), filing({ email: "Wait@Example.eu", preferredLanguage: "de" }), NOW, {}, ok, null);
    expect(sent).toMatchObject({ kind: "confirm", email: "wait@example.eu", organisationName: "mParticle, Inc." });
    expect(await db().select().from(users).where(eq(users.email, "wait@example.eu"))).toHaveLength(0);
    expect(await db().select().from(cases).where(eq(cases.complainantEmail, "wait@example.eu"))).toHaveLength(0);
    expect(await listCases(db(), staff)).toHaveLength(before);
    const [mail] = await db().select().from(outbox).where(and(eq(outbox.toEmail, "wait@example.eu"), eq(outbox.template, "filing-confirm")));
    expect(mail!.subject).toBe("Bestätigen Sie Ihre Beschwerde gegen mParticle, Inc.");
    expect(mail!.caseId).toBeNull();
    const token = await mailedToken(db(), "wait@example.eu");
    expect(mail!.textBody).toContain(`${process.env.RECOURSE_URL}/de/file/confirm/${token}`);
    // Opening the link (a GET) only shows it.
    expect(await filingLink(db(), token, NOW)).toMatchObject({ state: "open", email: "wait@example.eu", documents: 1 });
    expect(await db().select().from(cases).where(eq(cases.complainantEmail, "wait@example.eu"))).toHaveLength(0);

    // R2.1: the company receives it when it is confirmed, and its 45 days count from then.
    const later = new Date(NOW.getTime() + 5 * HOUR);
    const confirmed = await confirmFiling(db(), token, later, {});
    expect(confirmed).toMatchObject({ created: true, email: "wait@example.eu", locale: "de", signIn: true });
    const [filed] = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, confirmed.caseId), eq(caseEvents.type, "case.filed")));
    expect(filed!.at.getTime()).toBe(later.getTime());
    expect((await listCases(db(), staff)).map((c) => c.id)).toContain(confirmed.caseId);
    const staffMail = await db().select().from(outbox).where(and(eq(outbox.toEmail, "staff@mparticle.example"), eq(outbox.caseId, confirmed.caseId), eq(outbox.template, "notice:new-case")));
    expect(staffMail).toHaveLength(1);
    expect(mailContent(staffMail[0]!).text).toContain(confirmed.reference);
    const receipt = await db().select().from(outbox).where(and(eq(outbox.toEmail, "wait@example.eu"), eq(outbox.template, "notice:filed")));
    expect(receipt).toHaveLength(1);
    // The documents moved to the case; the stored filing keeps nothing personal beyond the address.
    const complainant = await actorByEmail(db(), "wait@example.eu");
    expect((await listEvidence(db(), complainant, confirmed.caseId)).map((d) => d.filename)).toEqual(["letter.pdf"]);
    const [row] = await db().select().from(filings).where(eq(filings.caseId, confirmed.caseId));
    expect(row!.payload).toBeNull();
    expect(await db().select().from(filingAttachments).where(eq(filingAttachments.filingId, row!.id))).toHaveLength(0);

    // The link used again answers with the same case, and writes nothing.
    const again = await confirmFiling(db(), token, new Date(later.getTime() + HOUR), {});
    expect(again).toMatchObject({ caseId: confirmed.caseId, created: false, signIn: false });
    expect(await db().select().from(cases).where(eq(cases.complainantEmail, "wait@example.eu"))).toHaveLength(1);
    expect(await filingLink(db(), token, later)).toMatchObject({ state: "sent", caseId: confirmed.caseId, reference: confirmed.reference });
  });

  it("sending the same draft again replaces the filing: the newest address gets the only working link", async () => {
    const draft = filing({ email: "typo@exampel.eu" });
    await submitFiling(db(), draft, NOW, {}, [], null);
    const first = await mailedToken(db(), "typo@exampel.eu");
    const sent = await submitFiling(db(), { ...draft, email: "fixed@example.eu" }, new Date(NOW.getTime() + HOUR), {}, [], null);
    expect(sent).toMatchObject({ kind: "confirm", email: "fixed@example.eu" });
    expect(await db().select().from(filings).where(eq(filings.idempotencyKey, draft.idempotencyKey))).toHaveLength(1);
    expect(await filingLink(db(), first, NOW)).toEqual({ state: "unknown" });
    await expect(confirmFiling(db(), first, NOW, {})).rejects.toMatchObject({ reason: { code: "filing_link_unknown" } });
    const second = await mailedToken(db(), "fixed@example.eu");
    const confirmed = await confirmFiling(db(), second, new Date(NOW.getTime() + 2 * HOUR), {});
    const [row] = await db().select().from(cases).where(eq(cases.id, confirmed.caseId));
    expect(row!.complainantEmail).toBe("fixed@example.eu");
    // The draft sent once more after its case exists: the case, not a new filing.
    expect(await submitFiling(db(), { ...draft, email: "fixed@example.eu" }, new Date(NOW.getTime() + 3 * HOUR), {}, [], null)).toMatchObject({ kind: "filed", filed: { caseId: confirmed.caseId, created: false } });
  });

  it("the same form sent twice within a minute (a double click) keeps one link and one mail; sent later, a new link replaces it", async () => {
    const draft = filing({ email: "double@example.eu" });
    await Promise.all([submitFiling(db(), draft, NOW, {}, [], null), submitFiling(db(), draft, NOW, {}, [], null)]);
    const mails = () => db().select().from(outbox).where(and(eq(outbox.toEmail, "double@example.eu"), eq(outbox.template, "filing-confirm")));
    expect(await mails()).toHaveLength(1);
    const first = await mailedToken(db(), "double@example.eu");
    await submitFiling(db(), draft, new Date(NOW.getTime() + 2 * 60_000), {}, [], null);
    expect(await mails()).toHaveLength(2);
    expect((await filingLink(db(), first, NOW)).state).toBe("unknown");
    expect((await filingLink(db(), await mailedToken(db(), "double@example.eu"), NOW)).state).toBe("open");
    // "Send the link again" sends one, however soon.
    const before = await mailedToken(db(), "double@example.eu");
    await submitFiling(db(), draft, new Date(NOW.getTime() + 2 * 60_000 + 1000), {}, [], null, { resend: true });
    expect(await mails()).toHaveLength(3);
    expect((await filingLink(db(), before, NOW)).state).toBe("unknown");
  });

  it("an unconfirmed filing expires: its link is refused, and the nightly clean-up deletes it with its documents", async () => {
    const { ok } = await checkAttachments([{ name: "proof.pdf", bytes: PDF }]);
    const draft = filing({ email: "late@example.eu" });
    await submitFiling(db(), draft, NOW, {}, ok, null);
    const token = await mailedToken(db(), "late@example.eu");
    const expiry = new Date(NOW.getTime() + FILING_CONFIRM_DAYS * 24 * HOUR);
    expect((await filingLink(db(), token, new Date(expiry.getTime() - 1))).state).toBe("open");
    expect(await filingLink(db(), token, expiry)).toEqual({ state: "expired" });
    await expect(confirmFiling(db(), token, expiry, {})).rejects.toBeInstanceOf(RuleError);
    const [row] = await db().select().from(filings).where(eq(filings.idempotencyKey, draft.idempotencyKey));
    expect(await deleteExpiredFilings(db(), expiry)).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(filings).where(eq(filings.id, row!.id))).toHaveLength(0);
    expect(await db().select().from(filingAttachments).where(eq(filingAttachments.filingId, row!.id))).toHaveLength(0);
    expect(await db().select().from(cases).where(eq(cases.complainantEmail, "late@example.eu"))).toHaveLength(0);
  });

  it("confirmed more than a day after the mail, the case is filed but the link signs no one in", async () => {
    await submitFiling(db(), filing({ email: "slow@example.eu" }), NOW, {}, [], null);
    const confirmed = await confirmFiling(db(), await mailedToken(db(), "slow@example.eu"), new Date(NOW.getTime() + 30 * HOUR), {});
    expect(confirmed).toMatchObject({ created: true, signIn: false });
  });

  it("a complainant signed in with the complaint's own address files at once; signed in as someone else, the address must confirm", async () => {
    await submitFiling(db(), filing({ email: "own@example.eu" }), NOW, {}, [], null);
    await confirmFiling(db(), await mailedToken(db(), "own@example.eu"), NOW, {});
    const own = await submitFiling(db(), filing({ email: "OWN@example.eu" }), NOW, {}, [], "own@example.eu");
    expect(own).toMatchObject({ kind: "filed", filed: { created: true } });
    const other = await submitFiling(db(), filing({ email: "victim@example.eu" }), NOW, {}, [], "own@example.eu");
    expect(other.kind).toBe("confirm");
    expect(await db().select().from(cases).where(eq(cases.complainantEmail, "victim@example.eu"))).toHaveLength(0);
  });

  it("refuses a bad form or a company outside the frameworks before storing anything", async () => {
    await expect(submitFiling(db(), filing({ email: "not-an-address", description: "" }), NOW, {}, [], null)).rejects.toBeInstanceOf(ValidationError);
    await expect(submitFiling(db(), filing({ email: "bad@example.eu", organisationSlug: "no-such-company" }), NOW, {}, [], null)).rejects.toBeInstanceOf(ValidationError);
    await expect(submitFiling(db(), filing({ email: "bad@example.eu", priorContactDate: "2026-12-24", priorContactOutcome: "They said they would answer." }), NOW, {}, [], null)).rejects.toMatchObject({ fieldErrors: { priorContactDate: ["date_in_future"] } });
    expect(await db().select().from(filings).where(eq(filings.email, "bad@example.eu"))).toHaveLength(0);
    expect(await db().select().from(outbox).where(eq(outbox.toEmail, "bad@example.eu"))).toHaveLength(0);
  });
});
