/**
 * Clocks that act (issue 7), on both databases: the sweep sends each reminder once, records
 * a breach as evidence, tells both sides, and changes nothing when run again or twice at once.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { caseEvents, cases, deadlines, memberships, organisations, outbox } from "@/db/schema";
import { enqueueMail, isMail } from "@/lib/mail/outbox";
import { seedDirectory, seedUsers } from "@/db/seed/seed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { organisationQueue, parseQueueFilter } from "@/lib/cases/queue";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { mailContent } from "@/lib/mail/content";
import { DAY_MS } from "@/lib/ladder";
import { listNotifications, markAllRead, markCaseRead, unreadCount, unreadForCase } from "@/lib/notifications/inbox";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const T0 = new Date("2026-11-24T10:00:00Z");
const HOUR = 3_600_000;

describe.each(KINDS)("deadline sweep on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  let staffCount = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDirectory(database.db);
    await seedUsers(database.db);
    const [org] = await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "mparticle"));
    staffCount = (await database.db.select().from(memberships).where(eq(memberships.organisationId, org!.id))).length;
  });
  afterAll(async () => database?.close());

  const mails = async (caseId: string, template: string) => (await db().select().from(outbox).where(and(eq(outbox.caseId, caseId), eq(outbox.template, template), isMail()))).length;
  const responseDue = async (caseId: string) => (await db().select().from(deadlines).where(and(eq(deadlines.caseId, caseId), eq(deadlines.clockId, "organisation.response"))))[0]!.dueAt;
  const acknowledge = async (caseId: string, at: Date) => recordEvent(db(), await actorByEmail(db(), "staff@mparticle.example"), caseId, { type: "organisation.acknowledged", data: {} }, { now: at });

  it("R2.1: 7 days, 1 day and at breach, each once; the breach is recorded on the case and told to both sides", async () => {
    const filed = await fileCase(db(), filing({ email: "sweep-one@example.eu" }), T0);
    await acknowledge(filed.caseId, new Date(T0.getTime() + HOUR));
    const due = await responseDue(filed.caseId);
    const at = (ms: number) => new Date(due.getTime() + ms);

    expect(await sweepDeadlines(db(), T0)).toEqual({ reminders: 0, breaches: 0, persistentFailures: 0 });
    const week = await sweepDeadlines(db(), at(-8 * DAY_MS + HOUR));
    expect(week.reminders).toBe(1);
    expect(await mails(filed.caseId, "notice:reminder")).toBe(staffCount);
    const [weekMail] = await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), eq(outbox.template, "notice:reminder")));
    // Queued as parameters (subject and body empty), worded when sent.
    expect(weekMail!.textBody).toBeNull();
    expect(mailContent(weekMail!).subject).toBe(`${filed.reference}: 7 days left. The company responds`);
    // Again, and again an hour later: nothing new.
    expect((await sweepDeadlines(db(), at(-8 * DAY_MS + HOUR))).reminders).toBe(0);
    expect((await sweepDeadlines(db(), at(-8 * DAY_MS + 2 * HOUR))).reminders).toBe(0);

    expect((await sweepDeadlines(db(), at(-2 * DAY_MS + HOUR))).reminders).toBe(1);
    expect(await mails(filed.caseId, "notice:reminder")).toBe(2 * staffCount);
    const [dayMail] = await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), like(outbox.dedupeKey, "%:1:reminder:%")));
    expect(mailContent(dayMail!).subject).toMatch(/1 day left/);
    expect(mailContent(dayMail!).text).toContain("The company responds");

    const breach = await sweepDeadlines(db(), at(HOUR));
    expect(breach.breaches).toBe(1);
    const events = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, filed.caseId), eq(caseEvents.type, "clock.breached")));
    expect(events.map((e) => e.data)).toEqual([{ clock: "organisation.response" }]);
    expect(events[0]!.party).toBe("system");
    expect(await mails(filed.caseId, "notice:breach")).toBe(staffCount);
    expect(await mails(filed.caseId, "notice:missed")).toBe(1);
    // The rung the breach opens is told in the same message, not a second one.
    expect(await mails(filed.caseId, "notice:rung-opened")).toBe(0);
    const [missed] = await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), eq(outbox.template, "notice:missed")));
    expect(missed!.toEmail).toBe("sweep-one@example.eu");
    // The rung by the name of the company's own dispute resolution provider (R2.2).
    expect(mailContent(missed!).text).toContain("You can now take the next step: BBB National Programs (BBB EU Privacy Shield).");
    const [clock] = await db().select().from(deadlines).where(and(eq(deadlines.caseId, filed.caseId), eq(deadlines.clockId, "organisation.response")));
    expect(clock!.state).toBe("missed");

    expect(await sweepDeadlines(db(), at(2 * HOUR))).toEqual({ reminders: 0, breaches: 0, persistentFailures: 0 });
    expect((await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, filed.caseId), eq(caseEvents.type, "clock.breached")))).length).toBe(1);
  });

  it("each clock keeps its next reminder's instant, which moves on as each goes out: a sweep reads only the clocks due one", async () => {
    const filed = await fileCase(db(), filing({ email: "sweep-instants@example.eu" }), T0);
    await acknowledge(filed.caseId, new Date(T0.getTime() + HOUR));
    const due = await responseDue(filed.caseId);
    const remindAt = async () => (await db().select().from(deadlines).where(and(eq(deadlines.caseId, filed.caseId), eq(deadlines.clockId, "organisation.response"))))[0]!.remindAt;
    expect(await remindAt()).toEqual(new Date(due.getTime() - 8 * DAY_MS));
    await sweepDeadlines(db(), new Date(due.getTime() - 8 * DAY_MS + HOUR));
    expect(await remindAt()).toEqual(new Date(due.getTime() - 2 * DAY_MS));
    await sweepDeadlines(db(), new Date(due.getTime() - 2 * DAY_MS + HOUR));
    expect(await remindAt()).toBeNull();
    expect(await mails(filed.caseId, "notice:reminder")).toBe(2 * staffCount);
    // A step that leaves the clock where it was keeps the sweep's place.
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await recordEvent(db(), staff, filed.caseId, { type: "case.assigned", data: { assigneeUserId: staff.kind === "user" ? staff.userId : null } }, { now: new Date(due.getTime() - DAY_MS) });
    expect(await remindAt()).toBeNull();
  });

  it("migration 0015 gives each running clock stored before it the reminder still to send", async () => {
    // One case reminded a week before, one filed three days later and not reminded yet.
    const reminded = await fileCase(db(), filing({ email: "backfill-reminded@example.eu" }), T0);
    const fresh = await fileCase(db(), filing({ email: "backfill-fresh@example.eu" }), new Date(T0.getTime() + 3 * DAY_MS));
    await acknowledge(reminded.caseId, new Date(T0.getTime() + HOUR));
    await acknowledge(fresh.caseId, new Date(T0.getTime() + 3 * DAY_MS + HOUR));
    const due = await responseDue(reminded.caseId);
    await sweepDeadlines(db(), new Date(due.getTime() - 8 * DAY_MS + HOUR));
    const remindAt = async (caseId: string) => (await db().select().from(deadlines).where(and(eq(deadlines.caseId, caseId), eq(deadlines.clockId, "organisation.response"))))[0]!.remindAt;
    const expected = [await remindAt(fresh.caseId), await remindAt(reminded.caseId)];
    expect(expected).toEqual([new Date((await responseDue(fresh.caseId)).getTime() - 8 * DAY_MS), new Date(due.getTime() - 2 * DAY_MS)]);

    // As the rows stood before the migration, then its backfill statement.
    await db().execute(sql`UPDATE deadlines SET remind_at = NULL WHERE case_id IN (${fresh.caseId}, ${reminded.caseId})`);
    const migration = readFileSync("db/migrations/0015_sweep_lighter.sql", "utf8").split("--> statement-breakpoint");
    const backfill = migration.find((statement) => statement.includes('UPDATE "deadlines"'))!;
    await db().execute(sql.raw(backfill));
    expect([await remindAt(fresh.caseId), await remindAt(reminded.caseId)]).toEqual(expected);
  });

  it("a sweep that was down for a week sends the 1-day reminder, not both", async () => {
    const filed = await fileCase(db(), filing({ email: "sweep-late@example.eu" }), T0);
    await acknowledge(filed.caseId, new Date(T0.getTime() + HOUR));
    const due = await responseDue(filed.caseId);
    await sweepDeadlines(db(), new Date(due.getTime() - 2 * DAY_MS + HOUR));
    expect(await mails(filed.caseId, "notice:reminder")).toBe(staffCount);
    expect((await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), like(outbox.dedupeKey, "%:7:reminder:%")))).length).toBe(0);
  });

  it("R2.1: a breached case stays at the top of the company's queue, overdue, until the complainant moves on", async () => {
    const late = await fileCase(db(), filing({ email: "queue-late@example.eu" }), T0);
    const onTime = await fileCase(db(), filing({ email: "queue-on-time@example.eu" }), new Date(T0.getTime() + 3 * DAY_MS));
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    for (const id of [late.caseId, onTime.caseId]) await recordEvent(db(), staff, id, { type: "organisation.acknowledged", data: {} }, { now: new Date(T0.getTime() + 4 * DAY_MS) });
    const due = await responseDue(late.caseId);
    const after = new Date(due.getTime() + HOUR);
    expect((await sweepDeadlines(db(), after)).breaches).toBeGreaterThanOrEqual(1);

    const [org] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "mparticle"));
    const queue = async (over: Record<string, string>) => (await organisationQueue(db(), staff, org!.id, parseQueueFilter({ q: "queue-", ...over }), after)).rows.map((r) => r.id);
    expect(await queue({ overdue: "1" })).toEqual([late.caseId]);
    expect(await queue({})).toEqual([late.caseId, onTime.caseId]);
    const [row] = await db().select({ nextDueAt: cases.nextDueAt }).from(cases).where(eq(cases.id, late.caseId));
    expect(row!.nextDueAt).toEqual(due);

    // Once the complainant takes it to the IRM, the company's missed answer is history.
    await recordEvent(db(), await actorByEmail(db(), "queue-late@example.eu"), late.caseId, { type: "irm.escalated", data: {} }, { now: after });
    expect(await queue({ overdue: "1" })).toEqual([]);
  });

  it("a met clock is not reminded: the company answered in time", async () => {
    const filed = await fileCase(db(), filing({ email: "sweep-met@example.eu" }), T0);
    await acknowledge(filed.caseId, new Date(T0.getTime() + HOUR));
    await recordEvent(db(), await actorByEmail(db(), "staff@mparticle.example"), filed.caseId, { type: "organisation.responded", data: {} }, { now: new Date(T0.getTime() + 2 * DAY_MS) });
    const due = await responseDue(filed.caseId);
    await sweepDeadlines(db(), new Date(due.getTime() + HOUR));
    expect(await mails(filed.caseId, "notice:reminder")).toBe(0);
    expect(await mails(filed.caseId, "notice:breach")).toBe(0);
  });

  it("a notice and its mail are one row, stamped with the database's time whatever the command's clock", async () => {
    const filed = await fileCase(db(), filing({ email: "one-row@example.eu" }), T0);
    // A step recorded under a clock moved 60 days on (demo and test mode), then a mail queued after it.
    const later = new Date(Date.now() + 60 * DAY_MS);
    await recordEvent(db(), await actorByEmail(db(), "staff@mparticle.example"), filed.caseId, { type: "organisation.acknowledged", data: {} }, { now: later });
    await enqueueMail(db(), { dedupeKey: `after:${filed.caseId}`, to: "one-row@example.eu", locale: "en", template: "sign-in", params: { url: "http://localhost/x", minutes: "15" } });
    const [notice] = await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), eq(outbox.template, "notice:step")));
    // The complainant's bell item is their mail too.
    expect(notice).toMatchObject({ toEmail: "one-row@example.eu", status: "pending", readAt: null });
    const complainant = await actorByEmail(db(), "one-row@example.eu");
    expect(notice!.userId).toBe(complainant.kind === "user" ? complainant.userId : "");
    // Mail is read newest first: the mail queued after the step comes first, not the step's notice from "the future".
    const [newest] = await db().select({ key: outbox.dedupeKey }).from(outbox).where(isMail()).orderBy(sql`${outbox.createdAt} desc`).limit(1);
    expect(newest!.key).toBe(`after:${filed.caseId}`);
  });

  it("steps reach the bell of the other side; each user reads only their own", async () => {
    const filed = await fileCase(db(), filing({ email: "bell@example.eu" }), T0);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    expect((await listNotifications(db(), staff)).some((n) => n.caseId === filed.caseId && n.kind === "new-case")).toBe(true);
    await recordEvent(db(), staff, filed.caseId, { type: "organisation.acknowledged", data: {} }, { now: new Date(T0.getTime() + HOUR) });
    const complainant = await actorByEmail(db(), "bell@example.eu");
    const theirs = await listNotifications(db(), complainant);
    // Their receipt for the filing, then the company's step.
    expect(theirs.map((n) => [n.kind, n.params.step])).toEqual([["step", "organisation.acknowledged"], ["filed", undefined]]);
    expect(await unreadCount(db(), complainant)).toBe(2);
    // The acting staff member is not told of their own step.
    expect((await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), eq(outbox.template, "notice:step")))).length).toBe(1);
    await markAllRead(db(), complainant, T0);
    expect(await unreadCount(db(), complainant)).toBe(0);
    expect(await unreadCount(db(), staff)).toBeGreaterThan(0);

    // Opening the case reads the viewer's items about it, and only theirs.
    await recordEvent(db(), staff, filed.caseId, { type: "organisation.info_requested", data: {} }, { now: new Date(T0.getTime() + 2 * HOUR) });
    expect(await unreadForCase(db(), complainant, filed.caseId)).toBe(1);
    const staffUnread = await unreadCount(db(), staff);
    expect(await unreadForCase(db(), staff, filed.caseId)).toBeGreaterThan(0);
    await markCaseRead(db(), staff, filed.caseId, T0);
    expect(await unreadForCase(db(), staff, filed.caseId)).toBe(0);
    expect(await unreadCount(db(), staff)).toBeLessThan(staffUnread);
    expect(await unreadForCase(db(), complainant, filed.caseId)).toBe(1);
  });

  it.runIf(kind === "postgres")("two sweeps at once, each in two lanes, record each breach once and send each notice once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await fileCase(db(), filing({ email: `race-${i}@example.eu` }), T0)).caseId);
    const later = new Date((await responseDue(ids[0]!)).getTime() + HOUR);
    const [a, b] = await Promise.all([sweepDeadlines(db(), later, { batchSize: 7, lanes: 2 }), sweepDeadlines(db(), later, { batchSize: 7, lanes: 2 })]);
    expect(a.breaches + b.breaches).toBeGreaterThanOrEqual(40);
    const [breaches] = await db().select({ n: sql<number>`count(*)::int` }).from(caseEvents).where(and(sql`${caseEvents.caseId} in ${ids}`, eq(caseEvents.type, "clock.breached")));
    // Each case: its acknowledgment and its response ran out.
    expect(breaches!.n).toBe(80);
    const [dupes] = await db().select({ n: sql<number>`count(*)::int` }).from(caseEvents).where(sql`${caseEvents.caseId} in ${ids} and ${caseEvents.type} = 'clock.breached'`).groupBy(caseEvents.caseId, sql`${caseEvents.data}->>'clock'`).having(sql`count(*) > 1`);
    expect(dupes).toBeUndefined();
  });

  it.runIf(kind === "postgres")("two sweeps at once, each in two lanes, send each reminder once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await fileCase(db(), filing({ email: `race-reminder-${i}@example.eu` }), T0)).caseId);
    for (const id of ids) await acknowledge(id, new Date(T0.getTime() + HOUR));
    const week = new Date((await responseDue(ids[0]!)).getTime() - 8 * DAY_MS + HOUR);
    const [a, b] = await Promise.all([sweepDeadlines(db(), week, { batchSize: 4, lanes: 2 }), sweepDeadlines(db(), week, { batchSize: 4, lanes: 2 })]);
    expect(a.reminders + b.reminders).toBe(30);
    const sent = await db().select({ key: outbox.dedupeKey }).from(outbox).where(and(sql`${outbox.caseId} in ${ids}`, eq(outbox.template, "notice:reminder"), isMail()));
    expect(sent).toHaveLength(30 * staffCount);
    expect(new Set(sent.map((m) => m.key)).size).toBe(sent.length);
    expect((await sweepDeadlines(db(), week, { lanes: 2 })).reminders).toBe(0);
  });
});
