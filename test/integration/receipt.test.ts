/**
 * R2.1 on both databases: the company's receipt is a dated fact. A company without an account
 * gets the complaint at its published contact with a link to answer; its 45 days run from the
 * delivery; an earlier contact the complainant documents counts from its own date.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { caseEvents, cases, messages, outbox } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { getCaseDetail } from "@/lib/cases/queries";
import { acknowledgeByLink, openLink, respondByLink } from "@/lib/cases/receipt";
import { RuleError } from "@/lib/errors";
import { deliverDue } from "@/lib/mail/deliver";
import { DAY_MS } from "@/lib/ladder";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";
import { startSmtp, type TestSmtp } from "./support/smtp";

const NOW = new Date("2026-11-24T15:00:00Z");

describe.each(KINDS)("receipt on %s", (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtp | null = null;
  const db = () => database.db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
  });
  afterEach(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
    smtp = null;
  });
  afterAll(async () => database?.close());

  const linkIn = async (caseId: string) => {
    const [mail] = await db().select().from(outbox).where(and(eq(outbox.caseId, caseId), eq(outbox.template, "case-delivery")));
    return { mail: mail!, token: mail!.textBody!.split("\n").find((l) => l.includes("/respond/"))!.split("/respond/")[1]! };
  };

  it("a complaint from the United Kingdom is delivered as one under the UK Extension", async () => {
    const { caseId } = await fileCase(db(), filing({ organisationSlug: "harbor-metrics", email: "uk@example.co.uk", country: "GB" }), NOW);
    const { mail } = await linkIn(caseId);
    expect(mail.textBody).toContain("The complaint is brought under the UK Extension to the EU-U.S. DPF.\n");
    expect(mail.textBody).not.toContain("Privacy Shield");
  });

  it("delivers the complaint to a company without an account, which acknowledges and answers through its single-use link", async () => {
    const { caseId, responseDueAt } = await fileCase(db(), filing({ organisationSlug: "harbor-metrics", email: "hm@example.eu" }), NOW);
    const { mail, token } = await linkIn(caseId);
    expect(mail.toEmail).toBe("privacy@harbor-metrics.example");
    // It names the framework the complaint is under, by its official name.
    expect(mail.textBody).toContain("The complaint is brought under the EU-U.S. Data Privacy Framework.\n");
    // Without SMTP (demo and tests) the mailbox is the delivery: the 45 days run from filing.
    expect(responseDueAt).not.toBeNull();
    const [filed] = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "case.filed")));
    expect(filed!.data).toEqual({ via: "published_contact" });

    const opened = await openLink(db(), token, NOW);
    expect(opened.ok && opened.linked.description).toContain("access");
    await acknowledgeByLink(db(), token, new Date(NOW.getTime() + 3_600_000));
    await respondByLink(db(), token, "We have sent you a copy of your data.", new Date(NOW.getTime() + 2 * 3_600_000));
    const types = (await db().select({ type: caseEvents.type, actor: caseEvents.actorUserId }).from(caseEvents).where(eq(caseEvents.caseId, caseId))).map((e) => e.type);
    expect(types).toEqual(["case.filed", "organisation.acknowledged", "organisation.responded"]);
    const [reply] = await db().select().from(messages).where(eq(messages.caseId, caseId));
    expect(reply).toMatchObject({ authorParty: "organisation", authorUserId: null, body: "We have sent you a copy of your data." });

    // The response uses the link up; a guessed or stale token opens nothing.
    await expect(respondByLink(db(), token, "Again", new Date(NOW.getTime() + 3 * 3_600_000))).rejects.toMatchObject({ reason: { code: "link_used" } });
    expect(await openLink(db(), "x".repeat(43), NOW)).toEqual({ ok: false, problem: "unknown" });
    const complainant = await actorByEmail(db(), "hm@example.eu");
    const detail = await getCaseDetail(db(), complainant, caseId, new Date(NOW.getTime() + 3 * 3_600_000));
    expect(detail.view.state.organisation.respondedAt).not.toBeNull();
  });

  it("a link expires", async () => {
    const { caseId } = await fileCase(db(), filing({ organisationSlug: "harbor-metrics", email: "late@example.eu" }), NOW);
    const { token } = await linkIn(caseId);
    expect(await openLink(db(), token, new Date(NOW.getTime() + 61 * DAY_MS))).toEqual({ ok: false, problem: "expired" });
    await expect(acknowledgeByLink(db(), token, new Date(NOW.getTime() + 61 * DAY_MS))).rejects.toBeInstanceOf(RuleError);
  });

  it("with SMTP, the 45 days start when the delivery mail is sent, and the complainant is told", async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    const { caseId, responseDueAt } = await fileCase(db(), filing({ organisationSlug: "harbor-metrics", email: "smtp@example.eu" }), NOW);
    expect(responseDueAt).toBeNull();
    const complainant = await actorByEmail(db(), "smtp@example.eu");
    const before = await getCaseDetail(db(), complainant, caseId, NOW);
    expect(before.view.clocks.find((c) => c.id === "organisation.response")).toBeUndefined();
    expect(before.view.actions.find((a) => a.action === "escalate_to_irm")?.reason?.code).toBe("not_yet_received");

    await deliverDue(db());
    expect(smtp.received.some((m) => m.to.includes("privacy@harbor-metrics.example"))).toBe(true);
    const [received] = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "organisation.received")));
    expect(received!.party).toBe("system");
    expect(received!.data).toMatchObject({ via: "published_contact" });
    const after = await getCaseDetail(db(), complainant, caseId, new Date());
    expect(after.view.state.organisation.receivedVia).toBe("published_contact");
    expect(after.view.clocks.find((c) => c.id === "organisation.response")?.startedAt.getTime()).toBe(new Date(String((received!.data as { receivedAt: string }).receivedAt)).getTime());
    const told = await db().select().from(outbox).where(and(eq(outbox.caseId, caseId), eq(outbox.toEmail, "smtp@example.eu")));
    expect(told.some((m) => m.subject?.includes("received the complaint") || m.textBody?.includes("received the complaint"))).toBe(true);
  });

  it("an earlier contact the complainant documents starts the 45 days on its own date", async () => {
    const earlier = new Date(NOW.getTime() - 60 * DAY_MS).toISOString().slice(0, 10);
    const { caseId } = await fileCase(db(), filing({ email: "early@example.eu", priorContactDate: earlier, priorContactOutcome: "I wrote to privacy@mparticle.com; no answer." }), NOW);
    const complainant = await actorByEmail(db(), "early@example.eu");
    const detail = await getCaseDetail(db(), complainant, caseId, NOW);
    expect(detail.view.state.organisation.receivedVia).toBe("earlier_contact");
    expect(detail.view.clocks.find((c) => c.id === "organisation.response")?.state).toBe("missed");
    // The company had its 45 days: the complainant may go to BBB at once (R2.2).
    expect(detail.view.actions.find((a) => a.action === "escalate_to_irm")?.allowed).toBe(true);
    const [row] = await db().select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    await recordEvent(db(), complainant, caseId, { type: "irm.escalated", data: {} }, { now: NOW, expectedVersion: row!.version });
  });
});
