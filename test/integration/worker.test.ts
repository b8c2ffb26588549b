/**
 * The worker as deployed (issue 7): separate processes on real PostgreSQL, a real SMTP
 * server on loopback, and the clock command. Counts what the SMTP server received.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like, sql } from "drizzle-orm";
import { caseEvents, memberships, organisations, outbox } from "@/db/schema";
import { isMail } from "@/lib/mail/outbox";
import { seedDirectory, seedUsers } from "@/db/seed/seed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { now } from "@/lib/clock";
import { DAY_MS } from "@/lib/ladder";
import { startQueue } from "@/lib/worker/start";
import { JOBS } from "@/lib/worker/jobs";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";
import { clockCommand, startWorker, workerEnv, type WorkerProcess } from "./support/processes";
import { duplicates, startSmtp, waitFor, type TestSmtp } from "./support/smtp";

process.env.RECOURSE_TEST = "1";
const HOUR = 3_600_000;

describe.runIf(KINDS.includes("postgres"))("worker processes on postgres", () => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  let staffCount = 0;
  const workers: WorkerProcess[] = [];
  const db = () => database.db;
  const env = () => workerEnv(database.url!, smtp.url);
  const spawnWorker = () => {
    const w = startWorker(env());
    workers.push(w);
    return w;
  };
  const pending = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.status, "pending")))[0]!.n;
  const sent = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.status, "sent")))[0]!.n;
  /** Files cases whose company reply is due in about six days: the 7-day reminder is due now. */
  const fileCrossing = async (count: number, prefix: string) => {
    const filedAt = new Date((await now(db())).getTime() - 39 * DAY_MS);
    for (let i = 0; i < count; i++) await fileCase(db(), filing({ email: `${prefix}-${i}@example.eu` }), filedAt);
  };

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    await seedDirectory(database.db);
    await seedUsers(database.db);
    const [org] = await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "mparticle"));
    staffCount = (await database.db.select().from(memberships).where(eq(memberships.organisationId, org!.id))).length;
  });
  afterEach(async () => {
    if (process.env.DEBUG_WORKERS) for (const w of workers) console.log(w.output.join(""));
    await Promise.all(workers.splice(0).map((w) => w.kill()));
    await smtp?.close();
  });
  afterAll(async () => database?.close());

  it("advancing the clock past each threshold sends each reminder once", async () => {
    smtp = await startSmtp();
    const t0 = await now(db());
    const filed = await fileCase(db(), filing({ email: "thresholds@example.eu" }), t0);
    await recordEvent(db(), await actorByEmail(db(), "staff@mparticle.example"), filed.caseId, { type: "organisation.acknowledged", data: {} }, { now: t0 });
    spawnWorker();
    // Receipt, the staff's new-complaint mail, and the acknowledgment told to the complainant.
    await waitFor(() => smtp.received.length === 2 + staffCount, { what: "filing mail" });

    const due = (await db().execute<{ due_at: string }>(sql`select due_at from deadlines where case_id = ${filed.caseId} and clock_id = 'organisation.response'`)) as unknown as { due_at: string }[];
    const dueAt = new Date(due[0]!.due_at).getTime();
    const subjects = (pattern: RegExp) => smtp.received.filter((m) => pattern.test(m.subject)).length;

    // `npm run clock -- advance <minutes>m`, to just past the target instant.
    const moveTo = async (target: number) => clockCommand(env(), "advance", `${Math.ceil((target - (await now(db())).getTime()) / 60_000)}m`);

    await moveTo(dueAt - 8 * DAY_MS + HOUR);
    await waitFor(() => subjects(/7 days left/) === staffCount, { what: "7-day reminders" });
    await moveTo(dueAt - 8 * DAY_MS + 3 * HOUR);
    await moveTo(dueAt - 2 * DAY_MS + HOUR);
    await waitFor(() => subjects(/1 day left/) === staffCount, { what: "1-day reminders" });
    await moveTo(dueAt + HOUR);
    await waitFor(() => subjects(/deadline missed/) === staffCount && subjects(/a deadline was missed/) === 1, { what: "breach notices" });
    await moveTo(dueAt + 2 * HOUR);
    await waitFor(async () => (await pending()) === 0, { what: "outbox drained" });
    await new Promise((r) => setTimeout(r, 1_500));

    expect(subjects(/7 days left/)).toBe(staffCount);
    expect(subjects(/1 day left/)).toBe(staffCount);
    expect(duplicates(smtp.received)).toEqual([]);
    expect(smtp.received.length).toBe(await sent());
    // Notices are queued as parameters; each sent one keeps the words it went out with.
    const notices = await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), like(outbox.template, "notice:%"), isMail()));
    expect(notices.length).toBeGreaterThan(0);
    for (const mail of notices) {
      expect(mail.status).toBe("sent");
      expect(mail.textBody).toContain(filed.reference);
      expect(smtp.received.some((m) => m.subject === mail.subject)).toBe(true);
    }
    expect((await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, filed.caseId), eq(caseEvents.type, "clock.breached")))).length).toBe(1);
    clockCommand(env(), "reset");
  }, 120_000);

  it("two workers sweeping and delivering at once send nothing twice", async () => {
    smtp = await startSmtp();
    const before = await sent();
    await fileCrossing(20, "two-workers");
    spawnWorker();
    spawnWorker();
    await waitFor(async () => (await pending()) === 0 && smtp.received.length === (await sent()) - before, { what: "both workers done", timeoutMs: 90_000 });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(duplicates(smtp.received)).toEqual([]);
    expect(smtp.received.length).toBe((await sent()) - before);
    // 20 receipts, 20 × staff new-case mails, 20 × staff 7-day reminders, and for the acknowledgment that ran out:
    // 20 × staff breach notices and 20 missed-deadline notices to the complainants.
    expect(smtp.received.length).toBe(20 + 20 * staffCount * 3 + 20);
  }, 180_000);

  it("a worker killed mid-batch and restarted loses nothing and duplicates nothing", async () => {
    smtp = await startSmtp();
    const before = await sent();
    await fileCrossing(15, "killed");
    const expected = 15 + 15 * staffCount * 3 + 15;
    let held = "";
    const first = spawnWorker();
    smtp.beforeAccept = async (message) => {
      if (smtp.received.length < 10 || held) return true;
      // The 11th message: its sender dies before the server answers, so it was never delivered.
      held = message.messageId;
      await first.kill();
      return false;
    };
    await waitFor(() => !!held, { what: "the kill" });
    smtp.beforeAccept = undefined;
    spawnWorker();
    await waitFor(async () => (await pending()) === 0 && smtp.received.length === expected, { what: "the restarted worker", timeoutMs: 90_000 });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(duplicates(smtp.received)).toEqual([]);
    expect(smtp.received.length).toBe(expected);
    expect(smtp.received.filter((m) => m.messageId === held)).toHaveLength(1);
    expect((await sent()) - before).toBe(expected);
  }, 180_000);

  it("mail refused while the SMTP server is down arrives once it comes back", async () => {
    smtp = await startSmtp();
    smtp.refusing = true;
    const before = await sent();
    spawnWorker();
    const t = await now(db());
    for (let i = 0; i < 3; i++) await fileCase(db(), filing({ email: `refused-${i}@example.eu` }), t);
    const expected = 3 + 3 * staffCount;
    await waitFor(async () => (await db().select().from(outbox).where(sql`${outbox.status} = 'pending' and ${outbox.attempts} >= 2`)).length >= 1, { what: "a retry" });
    expect(smtp.received).toHaveLength(0);
    smtp.refusing = false;
    await waitFor(async () => smtp.received.length === expected && (await pending()) === 0, { what: "delivery after recovery", timeoutMs: 60_000 });
    expect(duplicates(smtp.received)).toEqual([]);
    expect((await sent()) - before).toBe(expected);
  }, 120_000);
});

describe("the worker inside the app process on pglite", () => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await seedDirectory(database.db);
    await seedUsers(database.db);
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
    await database?.close();
  });

  it("runs pg-boss on the embedded database: a filing's mail is delivered, a sweep job runs", async () => {
    const queue = await startQueue(database, { worker: true });
    try {
      const t = await now(database.db);
      await fileCase(database.db, filing({ email: "embedded@example.eu" }), new Date(t.getTime() - 39 * DAY_MS));
      await queue.wake(JOBS.sweep);
      await waitFor(() => smtp.received.some((m) => /days left/.test(m.subject)), { what: "a reminder from the in-process worker" });
      await waitFor(() => smtp.received.some((m) => /received/.test(m.subject)), { what: "the receipt" });
      expect(duplicates(smtp.received)).toEqual([]);
    } finally {
      await queue.stop();
    }
  });
});
