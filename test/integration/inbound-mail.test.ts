/**
 * Issue 24, replies by e-mail, on both databases: the listener on a loopback port, real SMTP
 * from nodemailer. A reply lands on the case for the right party with its attachment and
 * without the quoted mail; a forged address, a wrong sender, a closed or erased case, a
 * program renamed .pdf, an empty or oversized reply are each refused with their SMTP error
 * and leave nothing behind; the same Message-ID twice makes one message.
 */
import { createHash } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, count, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { attachments, auditLog, cases, messages, users, webhookDeliveries } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { getCaseDetail } from "@/lib/cases/queries";
import { listEvidence } from "@/lib/cases/correspondence";
import { deliverDue } from "@/lib/mail/deliver";
import { INBOUND_MAX_BYTES } from "@/lib/mail/inbound-settings";
import { startInbound, type InboundListener } from "@/lib/mail/inbound-server";
import { replyAddress } from "@/lib/mail/reply-token";
import { applyRetention } from "@/lib/retention/apply";
import { createSubscription, deleteSubscription } from "@/lib/webhooks/subscriptions";
import { requestErasure } from "@/lib/users/my-data";
import { startQueue } from "@/lib/worker/start";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";
import { startSmtp, type TestSmtp } from "./support/smtp";

const DOMAIN = "reply.recourse.test";
const NOW = new Date("2026-11-24T10:00:00Z");
const DAY_MS = 86_400_000;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** The start of a Windows program: "MZ", its DOS stub and the PE signature. */
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(44), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from("PE\0\0", "latin1"), Buffer.alloc(200)]);

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Outcome {
  code: number;
  response: string;
}

describe.each(KINDS)("replies by e-mail on %s", (kind) => {
  let database: TestDatabase;
  let listener: InboundListener;
  let transport: nodemailer.Transporter;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
    listener = await startInbound(database.db, { domain: DOMAIN, port: 0, host: "127.0.0.1", maxBytes: INBOUND_MAX_BYTES });
    transport = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    transport?.close();
    await listener?.close();
    await database?.close();
  });

  /** Sends over SMTP; the server's answer, accepted or not. */
  async function send(mail: nodemailer.SendMailOptions, via = transport): Promise<Outcome> {
    try {
      const info = await via.sendMail(mail);
      return { code: Number(info.response.slice(0, 3)), response: info.response };
    } catch (error) {
      const e = error as { responseCode?: number; response?: string; message: string };
      return { code: e.responseCode ?? 0, response: e.response ?? e.message };
    }
  }

  const userId = async (email: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const stored = async (caseId: string) => ({
    messages: Number((await db().select({ n: count() }).from(messages).where(eq(messages.caseId, caseId)))[0]!.n),
    attachments: Number((await db().select({ n: count() }).from(attachments).where(eq(attachments.caseId, caseId)))[0]!.n),
  });

  async function newCase(email: string) {
    const { caseId } = await fileCase(db(), filing({ email }), NOW);
    return { caseId, complainant: await userId(email) };
  }

  it("puts the complainant's reply on the case for the company, with its attachment and without the quoted mail; the company's reply reaches the complainant", async () => {
    const { caseId, complainant } = await newCase("reply-anna@example.eu");
    // The company listens for messages by webhook: the reply must reach it as a page's message does.
    const [{ organisationId } = { organisationId: "" }] = await db().select({ organisationId: cases.organisationId }).from(cases).where(eq(cases.id, caseId));
    const orgAdmin = await actorByEmail(db(), "admin@mparticle.example");
    vi.stubEnv("RECOURSE_TEST", "1");
    let subscription: { id: string };
    try {
      subscription = await createSubscription(db(), orgAdmin, { organisationId }, { url: "http://127.0.0.1:9/hook", events: ["case.message"] }, new Date());
    } finally {
      vi.unstubAllEnvs();
    }
    const outcome = await send({
      // The address compared without regard to case.
      from: "Anna <Reply-Anna@Example.EU>",
      to: replyAddress(caseId, complainant, DOMAIN, new Date()),
      subject: "Re: Complaint",
      messageId: "<first-reply@mail.example.eu>",
      text: "I attach the bank's letter.\n\nAnna\n\nOn Mon, 1 Dec 2026 at 10:00, Recourse <no-reply@recourse.local> wrote:\n> The company acknowledged your complaint.\n> Open the case: http://localhost:3000/en/cases/x\n",
      attachments: [{ filename: "letter.pdf", content: PDF, contentType: "application/pdf" }],
    });
    expect(outcome).toMatchObject({ code: 250 });
    expect(outcome.response).toContain("The reply is on the case");

    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const seen = (await getCaseDetail(db(), staff, caseId, new Date())).messages;
    expect(seen.map((m) => [m.body, m.authorParty])).toEqual([["I attach the bank's letter.\n\nAnna", "complainant"]]);
    const [message] = await db().select().from(messages).where(eq(messages.caseId, caseId));
    expect(message).toMatchObject({ visibility: "complainant", authorUserId: complainant, mailMessageId: "<first-reply@mail.example.eu>" });
    const [doc] = await listEvidence(db(), staff, caseId);
    expect(doc).toMatchObject({ filename: "letter.pdf", mimeType: "application/pdf", sha256: createHash("sha256").update(PDF).digest("hex") });
    const [row] = await db().select({ messageId: attachments.messageId, uploadedBy: attachments.uploadedByUserId }).from(attachments).where(eq(attachments.caseId, caseId));
    expect(row).toEqual({ messageId: message!.id, uploadedBy: complainant });
    const hooks = await db().select().from(webhookDeliveries).where(and(eq(webhookDeliveries.caseId, caseId), eq(webhookDeliveries.type, "case.message")));
    expect(hooks.map((h) => (h.payload as { data: { message: { body: string; authorParty: string } } }).data.message)).toMatchObject([{ body: "I attach the bank's letter.\n\nAnna", authorParty: "complainant" }]);
    // Nothing listens at that URL: the worker started by a later test must not retry it.
    await deleteSubscription(db(), orgAdmin, subscription.id, new Date());

    // The company's side: a reply from its staff goes to the shared thread, which the complainant reads.
    const staffId = await userId("staff@mparticle.example");
    const answer = await send({ from: "staff@mparticle.example", to: replyAddress(caseId, staffId, DOMAIN, new Date()), subject: "Re: New complaint", text: "We have found your data and will send it.\n\n-- \nmParticle privacy team" });
    expect(answer.code).toBe(250);
    const anna = await actorByEmail(db(), "reply-anna@example.eu");
    const annaSees = (await getCaseDetail(db(), anna, caseId, new Date())).messages;
    expect(annaSees.map((m) => [m.body, m.authorParty])).toEqual([
      ["I attach the bank's letter.\n\nAnna", "complainant"],
      ["We have found your data and will send it.", "organisation"],
    ]);
  });

  it("makes one message of the same mail delivered twice", async () => {
    const { caseId, complainant } = await newCase("reply-twice@example.eu");
    const mail = { from: "reply-twice@example.eu", to: replyAddress(caseId, complainant, DOMAIN, new Date()), subject: "Re: x", messageId: "<twice@mail.example.eu>", text: "Only once, please." };
    expect((await send(mail)).code).toBe(250);
    const again = await send(mail);
    expect(again.code).toBe(250);
    expect(again.response).toContain("Already received");
    expect(await stored(caseId)).toEqual({ messages: 1, attachments: 0 });
    // A different mail with the same words is a message of its own.
    expect((await send({ ...mail, messageId: "<other@mail.example.eu>" })).code).toBe(250);
    expect(await stored(caseId)).toEqual({ messages: 2, attachments: 0 });
    // Two deliveries of one mail at the same moment, on two connections.
    const second = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
    try {
      const both = await Promise.all([send({ ...mail, messageId: "<race@mail.example.eu>" }), send({ ...mail, messageId: "<race@mail.example.eu>" }, second)]);
      expect(both.map((o) => o.code)).toEqual([250, 250]);
    } finally {
      second.close();
    }
    expect(await stored(caseId)).toEqual({ messages: 3, attachments: 0 });
    // Delivered again after the case closed: still the one message, and no bounce for it.
    await recordEvent(db(), await actorByEmail(db(), "reply-twice@example.eu"), caseId, { type: "complainant.withdrew", data: {} }, { now: new Date(NOW.getTime() + DAY_MS) });
    expect((await send(mail)).response).toContain("Already received");
    expect((await send({ ...mail, messageId: "<after-closing@mail.example.eu>" })).code).toBe(550);
    expect(await stored(caseId)).toEqual({ messages: 3, attachments: 0 });
  });

  it("refuses a forged or altered reply address before the message is sent, and stores nothing", async () => {
    const { caseId, complainant } = await newCase("reply-forged@example.eu");
    const genuine = replyAddress(caseId, complainant, DOMAIN, new Date());
    const token = genuine.slice("reply+".length, genuine.indexOf("@"));
    const altered = `reply+${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}@${DOMAIN}`;
    for (const to of [altered, `reply+not-a-token@${DOMAIN}`, `someone@${DOMAIN}`]) {
      const outcome = await send({ from: "reply-forged@example.eu", to, subject: "Re: x", text: "Let me in." });
      expect(outcome.code).toBe(550);
      expect(outcome.response).toMatch(to.startsWith("reply+") ? /5\.7\.1 This reply address is not valid/ : /5\.1\.1 No such mailbox/);
    }
    expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });
    // The genuine address works: the refusals were the token's.
    expect((await send({ from: "reply-forged@example.eu", to: genuine, subject: "Re: x", text: "Hello." })).code).toBe(250);
  });

  it("refuses a reply from another address than the person's, with an audit entry that holds no content", async () => {
    const { caseId, complainant } = await newCase("reply-owner@example.eu");
    const outcome = await send({ from: "intruder@example.eu", to: replyAddress(caseId, complainant, DOMAIN, new Date()), subject: "Re: x", text: "Secret words of the intruder." });
    expect(outcome.code).toBe(550);
    expect(outcome.response).toContain("5.7.1 This reply address belongs to someone else");
    expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, "mail_reply_refused")));
    expect(entries.map((e) => e.data)).toEqual([{ reason: "wrong_sender" }]);
    expect(JSON.stringify(entries)).not.toContain("Secret words");
  });

  it("refuses a properly signed address of someone who is not on the case", async () => {
    const { caseId } = await newCase("reply-notyours@example.eu");
    const stranger = await userId("staff@customerportfolios.example");
    const outcome = await send({ from: "staff@customerportfolios.example", to: replyAddress(caseId, stranger, DOMAIN, new Date()), subject: "Re: x", text: "Not my case." });
    expect(outcome.code).toBe(550);
    expect(outcome.response).toContain("5.1.1 This reply address no longer leads to a case you can write on");
    expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });
  });

  it("refuses a reply to a closed case, and to the same case once erased", async () => {
    const { caseId, complainant } = await newCase("reply-erased@example.eu");
    const address = replyAddress(caseId, complainant, DOMAIN, new Date());
    const actor = await actorByEmail(db(), "reply-erased@example.eu");
    await recordEvent(db(), actor, caseId, { type: "complainant.withdrew", data: {} }, { now: new Date(NOW.getTime() + DAY_MS) });
    const closed = await send({ from: "reply-erased@example.eu", to: address, subject: "Re: x", text: "One more thing." });
    expect(closed.code).toBe(550);
    expect(closed.response).toContain("5.7.1 The case is closed");
    expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });

    await requestErasure(db(), actor, caseId, new Date(NOW.getTime() + 2 * DAY_MS));
    expect((await applyRetention(db(), new Date(NOW.getTime() + 2 * DAY_MS))).erased).toBeGreaterThanOrEqual(1);
    const erased = await send({ from: "reply-erased@example.eu", to: address, subject: "Re: x", text: "Are you there?" });
    expect(erased.code).toBe(550);
    expect(erased.response).toContain("5.1.1 This reply address no longer leads to a case you can write on");
    expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });
  });

  it("refuses a program renamed .pdf exactly as an upload is refused, and keeps neither the file nor the words", async () => {
    const { caseId, complainant } = await newCase("reply-exe@example.eu");
    const outcome = await send({
      from: "reply-exe@example.eu",
      to: replyAddress(caseId, complainant, DOMAIN, new Date()),
      subject: "Re: x",
      text: "Here is the invoice.",
      attachments: [{ filename: "invoice.pdf", content: EXE, contentType: "application/pdf" }],
    });
    expect(outcome.code).toBe(550);
    expect(outcome.response).toContain("5.7.1 An attachment was refused: only PDF, PNG, JPEG and plain-text files are accepted");
    expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });
  });

  it("refuses a reply that is only the quoted mail", async () => {
    const { caseId, complainant } = await newCase("reply-empty@example.eu");
    const outcome = await send({ from: "reply-empty@example.eu", to: replyAddress(caseId, complainant, DOMAIN, new Date()), subject: "Re: x", text: "\n\nAm 01.12.2026 um 10:00 schrieb Recourse <no-reply@recourse.local>:\n> Ihr Fall\n" });
    expect(outcome.code).toBe(550);
    expect(outcome.response).toContain("5.6.0 The reply is empty");
    expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });
  });

  it("refuses a message over the SIZE limit", async () => {
    const { caseId, complainant } = await newCase("reply-big@example.eu");
    const small = await startInbound(db(), { domain: DOMAIN, port: 0, host: "127.0.0.1", maxBytes: 20_000 });
    const via = nodemailer.createTransport({ host: "127.0.0.1", port: small.port, secure: false, ignoreTLS: true });
    try {
      const outcome = await send({ from: "reply-big@example.eu", to: replyAddress(caseId, complainant, DOMAIN, new Date()), subject: "Re: x", text: "See the scan.", attachments: [{ filename: "scan.txt", content: "x".repeat(40_000) }] }, via);
      expect(outcome.code).toBe(552);
      expect(outcome.response).toContain("5.3.4");
      expect(await stored(caseId)).toEqual({ messages: 0, attachments: 0 });
    } finally {
      via.close();
      await small.close();
    }
  });

  it("is started by the worker when configured, and stopped with it", async () => {
    const { caseId, complainant } = await newCase("reply-worker@example.eu");
    const port = await freePort();
    const accepts = async () => (await send({ from: "reply-worker@example.eu", to: replyAddress(caseId, complainant, DOMAIN, new Date()), subject: "Re: x", text: `Through the worker ${Math.random()}` }, nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 2_000 }))).code;
    vi.stubEnv("RECOURSE_INBOUND_DOMAIN", DOMAIN);
    vi.stubEnv("RECOURSE_INBOUND_SMTP_PORT", String(port));
    vi.stubEnv("RECOURSE_INBOUND_SMTP_HOST", "127.0.0.1");
    const queue = await startQueue(database, { worker: true });
    try {
      expect(await accepts()).toBe(250);
      expect(await stored(caseId)).toEqual({ messages: 1, attachments: 0 });
    } finally {
      await queue.stop();
      vi.unstubAllEnvs();
    }
    expect(await accepts()).toBe(0);
  });

  it("gives a notice a Reply-To address, and a reply to it lands on the case", async () => {
    const { caseId } = await newCase("reply-notice@example.eu");
    const smtp: TestSmtp = await startSmtp();
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("RECOURSE_INBOUND_DOMAIN", DOMAIN);
    vi.stubEnv("RECOURSE_INBOUND_SMTP_PORT", String(listener.port));
    try {
      const staff = await actorByEmail(db(), "staff@mparticle.example");
      await recordEvent(db(), staff, caseId, { type: "organisation.acknowledged", data: {} }, { now: new Date(NOW.getTime() + DAY_MS) });
      await deliverDue(db());
      const notice = smtp.received.find((m) => m.to.includes("reply-notice@example.eu") && /Reply-To:/i.test(m.text));
      expect(notice, "the step's notice to the complainant, with a Reply-To").toBeDefined();
      const address = /^Reply-To:\s*(\S+)/im.exec(notice!.text)![1]!.replace(/[<>]/g, "");
      expect(address).toMatch(new RegExp(`^reply\\+[A-Za-z0-9_-]+@${DOMAIN.replaceAll(".", "\\.")}$`));
      expect(notice!.text).toContain("your reply goes to the company");
      expect((await send({ from: "reply-notice@example.eu", to: address, subject: `Re: ${notice!.subject}`, text: "Thank you for acknowledging." })).code).toBe(250);
      const [message] = await db().select().from(messages).where(eq(messages.caseId, caseId));
      expect(message).toMatchObject({ body: "Thank you for acknowledging.", authorParty: "complainant", visibility: "complainant" });
    } finally {
      vi.unstubAllEnvs();
      await smtp.close();
    }
  });
});
