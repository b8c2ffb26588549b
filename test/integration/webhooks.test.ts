/**
 * Signed webhooks (issue 24) on both databases, against a receiver on loopback that verifies
 * every signature with `standardwebhooks`: each event is enqueued once per subscription in the
 * event's transaction, scoped by the policy; delivered once by concurrent runs and after a
 * worker dies holding a row; retried after a 500; signed with both secrets after a rotation;
 * forged and replayed messages fail verification; a subscription failing for long enough is
 * disabled and its admins told; a delivery can be sent again. On PostgreSQL, worker processes
 * (two, after a killed one) deliver every event exactly once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { rowsOf, setDatabase } from "@/db/client";
import { auditLog, memberships, outbox, providers, users, webhookDeliveries, webhookSubscriptions } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { loadActor, type Actor, type Principal } from "@/lib/auth/actor";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { postMessage } from "@/lib/cases/correspondence";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { DAY_MS } from "@/lib/ladder";
import { deliverDueWebhooks, MAX_ATTEMPTS, retryDelayMs } from "@/lib/webhooks/deliver";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { createSubscription, deleteSubscription, listDeliveries, listSubscriptions, rotateSecret, sendAgain, setSubscriptionEnabled } from "@/lib/webhooks/subscriptions";
import { isInternalAddress } from "@/lib/webhooks/target";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";
import { startWorker, workerEnv, type WorkerProcess } from "./support/processes";
import { waitFor } from "./support/smtp";
import { startReceiver, verifies, type TestReceiver } from "./support/webhook-receiver";

process.env.RECOURSE_TEST = "1";
process.env.WEBHOOK_RETRY_BASE_MS = "20";
const SEEDED = new Date("2026-11-24T10:00:00Z");
const ALL = [...WEBHOOK_EVENT_TYPES];

describe.each(KINDS)("webhooks on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  let receiver: TestReceiver;
  let mparticleId: string;
  let anaId: string;
  let actors: Record<string, Actor>;
  /** A seeded case handed to ANA, and someone on its organisation's team. */
  let anaCase: { id: string; organisationId: string };
  let anaCaseStaff: Actor;

  const subscribe = async (actor: Actor, principal: Principal, events: string[] = ALL, url = receiver.url) => {
    const made = await createSubscription(db(), actor, principal, { url, events: events as never }, new Date());
    receiver.secrets.push(made.secret);
    return made;
  };
  const deliveriesOf = (subscriptionId: string) => db().select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId));
  /** Runs delivery until nothing is pending (retries fall due within milliseconds here). */
  const drain = async (options: Parameters<typeof deliverDueWebhooks>[1] = {}) => {
    await waitFor(
      async () => {
        await deliverDueWebhooks(db(), options);
        const [row] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id where d.status = 'pending' and s.enabled`));
        return Number(row!.n) === 0;
      },
      { what: "the webhook outbox drained", everyMs: 30, timeoutMs: 30_000 },
    );
  };
  /** Retries a minute apart, so that one run makes one attempt; `due` brings the next one forward. */
  const oneAttemptPerRun = async (body: () => Promise<void>) => {
    process.env.WEBHOOK_RETRY_BASE_MS = "60000";
    try {
      await body();
    } finally {
      process.env.WEBHOOK_RETRY_BASE_MS = "20";
    }
  };
  const due = (subscriptionId: string) => db().execute(sql`update webhook_deliveries set next_attempt_at = now() - interval '1 second' where subscription_id = ${subscriptionId} and status = 'pending'`);
  const received = (subscriptionSecret: string) => receiver.requests.filter((r) => r.verifiedWith.includes(subscriptionSecret));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    setDatabase(database);
    await seedDemo(database.db, SEEDED);
    await fileCase(database.db, filing({ organisationSlug: "customer-portfolios", country: "CH", email: "anna.schmidt@example.de", name: "Anna Schmidt" }), SEEDED);
    actors = {
      mparticleAdmin: await actorByEmail(db(), "admin@mparticle.example"),
      mparticleStaff: await actorByEmail(db(), "staff@mparticle.example"),
      portfoliosAdmin: await actorByEmail(db(), "admin@customerportfolios.example"),
      anaLiaison: await actorByEmail(db(), "liaison@ana.example"),
      administrator: await actorByEmail(db(), "admin@recourse.example"),
    };
    const orgOf = (a: Actor) => (a as Extract<Actor, { kind: "user" }>).memberships[0]!.organisationId!;
    mparticleId = orgOf(actors.mparticleAdmin!);
    anaId = (await db().select({ id: providers.id }).from(providers).where(eq(providers.slug, "ana")))[0]!.id;
    const [held] = rowsOf<{ id: string; organisation_id: string }>(
      await db().execute(sql`select c.id, c.organisation_id from cases c join case_bodies b on b.case_id = c.id where b.provider_id = ${anaId} and c.status <> 'closed' and exists (select 1 from memberships m where m.organisation_id = c.organisation_id) order by c.id limit 1`),
    );
    anaCase = { id: held!.id, organisationId: held!.organisation_id };
    const [member] = await db().select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organisationId, anaCase.organisationId)).limit(1);
    anaCaseStaff = await loadActor(db(), member!.userId);
  });
  afterEach(async () => {
    await receiver?.close();
    // Each test starts with no subscriptions of its own in the way.
    await db().delete(webhookSubscriptions);
  });
  afterAll(async () => database?.close());

  describe("subscriptions", () => {
    it("are managed by the owner's admins only; the secret is a whsec_ shown once and stored sealed", async () => {
      receiver = await startReceiver();
      const refused = (p: Promise<unknown>) => p.then(() => false, (e: unknown) => e instanceof NotFoundError);
      expect(await refused(createSubscription(db(), actors.mparticleStaff!, { organisationId: mparticleId }, { url: receiver.url, events: ["case.filed"] }, new Date()))).toBe(true);
      expect(await refused(createSubscription(db(), actors.portfoliosAdmin!, { organisationId: mparticleId }, { url: receiver.url, events: ["case.filed"] }, new Date()))).toBe(true);
      expect(await refused(listSubscriptions(db(), actors.anaLiaison!, { organisationId: mparticleId }))).toBe(true);
      const made = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId });
      expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const [row] = await db().select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, made.id));
      expect(JSON.stringify(row)).not.toContain(made.secret.slice(6));
      expect(await refused(rotateSecret(db(), actors.portfoliosAdmin!, made.id, new Date()))).toBe(true);
      expect(await refused(deleteSubscription(db(), actors.anaLiaison!, made.id, new Date()))).toBe(true);
      expect(await refused(setSubscriptionEnabled(db(), actors.mparticleStaff!, made.id, false, new Date()))).toBe(true);
      expect((await listSubscriptions(db(), actors.administrator!, { organisationId: mparticleId })).map((s) => s.id)).toEqual([made.id]);
      await deleteSubscription(db(), actors.mparticleAdmin!, made.id, new Date());
      expect(await db().select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, made.id))).toEqual([]);
      const audited = await db().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, mparticleId), sql`${auditLog.action} like 'webhook_%'`));
      expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook_created", "webhook_deleted"]));
    });

    it("outside demo and test mode need https and refuse internal addresses unless RECOURSE_WEBHOOK_ALLOW_PRIVATE=1", async () => {
      receiver = await startReceiver();
      const problem = async (url: string) => {
        try {
          await createSubscription(db(), actors.mparticleAdmin!, { organisationId: mparticleId }, { url, events: ["case.filed"] }, new Date());
          return null;
        } catch (error) {
          if (error instanceof ValidationError) return error.fieldErrors.url?.[0];
          throw error;
        }
      };
      delete process.env.RECOURSE_TEST;
      try {
        expect(await problem("http://hooks.example.com/x")).toBe("https_required");
        for (const url of ["https://127.0.0.1/x", "https://10.0.0.8/x", "https://192.168.1.1/x", "https://169.254.169.254/latest", "https://[::1]/x", "https://[fd00::1]/x", "https://[::ffff:127.0.0.1]/x", "https://localhost/x"]) {
          expect(await problem(url), url).toBe("internal_address");
        }
        expect(await problem("ftp://hooks.example.com/x")).toBe("invalid");
        expect(await problem("https://user:pass@hooks.example.com/x")).toBe("invalid");
        expect(await problem("https://93.184.215.14/x")).toBeNull();
        process.env.RECOURSE_WEBHOOK_ALLOW_PRIVATE = "1";
        expect(await problem("https://127.0.0.1/x")).toBeNull();
        expect(await problem("http://127.0.0.1/x")).toBe("https_required");
      } finally {
        process.env.RECOURSE_TEST = "1";
        delete process.env.RECOURSE_WEBHOOK_ALLOW_PRIVATE;
      }
      expect(isInternalAddress("8.8.8.8")).toBe(false);
      expect(isInternalAddress("100.64.0.1")).toBe(true);
    });

    it("a delivery to an internal address is refused at connection time outside test mode", async () => {
      receiver = await startReceiver();
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      // A name that resolves to loopback is refused by the lookup at connection time.
      const named = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"], receiver.url.replace("127.0.0.1", "localhost"));
      await fileCase(db(), filing({ email: "internal@example.eu" }), new Date());
      delete process.env.RECOURSE_TEST;
      try {
        await oneAttemptPerRun(async () => void (await deliverDueWebhooks(db())));
      } finally {
        process.env.RECOURSE_TEST = "1";
      }
      const [d] = await deliveriesOf(sub.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
      expect(d!.lastError).toMatch(/internal address/);
      const [viaName] = await deliveriesOf(named.id);
      expect(viaName).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
      expect(viaName!.lastError).toMatch(/localhost resolves to an internal address/);
      expect(receiver.requests).toHaveLength(0);
    });
  });

  describe("enqueued with each event, scoped by the policy", () => {
    it("an organisation gets its own cases only; a body the cases handed to it; each side's internal notes stay on its side", async () => {
      receiver = await startReceiver();
      const mparticle = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId });
      const ana = await subscribe(actors.anaLiaison!, { providerId: anaId });
      // The ANA case's own organisation (another one than mParticle), subscribed by an administrator.
      expect(anaCase.organisationId).not.toBe(mparticleId);
      const owner = await subscribe(actors.administrator!, { organisationId: anaCase.organisationId });
      const now = new Date();

      const filed = await fileCase(db(), filing({ email: "scoped@example.eu" }), now);
      await recordEvent(db(), actors.mparticleStaff!, filed.caseId, { type: "organisation.acknowledged", data: {} }, { now });
      await postMessage(db(), anaCaseStaff, anaCase.id, { body: "Our side only: check the logs", visibility: "internal" }, now);
      await postMessage(db(), actors.anaLiaison!, anaCase.id, { body: "ANA's own note", visibility: "internal" }, now);
      await postMessage(db(), actors.anaLiaison!, anaCase.id, { body: "Between the bodies", visibility: "provider" }, now);
      await postMessage(db(), anaCaseStaff, anaCase.id, { body: "To the complainant", visibility: "complainant" }, now);
      await drain();

      // Every request verified with its subscription's secret, and with no other.
      for (const r of receiver.requests) expect(r.verifiedWith).toHaveLength(1);
      const bodies = (secret: string) => received(secret).filter((r) => r.payload.type === "case.message").map((r) => (r.payload.data.message as { body: string }).body);
      const cases = (secret: string) => new Set(received(secret).map((r) => r.payload.data.caseId as string));

      expect(received(mparticle.secret).map((r) => r.payload.type).sort()).toEqual(["case.filed", "case.step_taken"]);
      expect(cases(mparticle.secret)).toEqual(new Set([filed.caseId]));
      expect(cases(owner.secret)).toEqual(new Set([anaCase.id]));
      expect(bodies(owner.secret).sort()).toEqual(["Our side only: check the logs", "To the complainant"]);
      expect(bodies(ana.secret).sort()).toEqual(["ANA's own note", "Between the bodies", "To the complainant"]);
      expect(cases(ana.secret)).toEqual(new Set([anaCase.id]));
      const step = received(mparticle.secret).find((r) => r.payload.type === "case.step_taken")!;
      expect(step.payload.data).toMatchObject({ caseId: filed.caseId, reference: filed.reference, event: "organisation.acknowledged", party: "organisation", seq: 2 });
    });

    it("a case handed to a body reaches it as escalated (and from then on its steps); nothing from before", async () => {
      receiver = await startReceiver();
      const t0 = new Date();
      // mParticle's IRM, as its cases name it.
      const probe = await fileCase(db(), filing({ email: "irm-probe@example.eu" }), t0);
      const irm = rowsOf<{ provider_id: string }>(await db().execute(sql`select (c.certification_snapshot->'irm'->>'providerId') as provider_id from cases c where c.id = ${probe.caseId}`))[0]!.provider_id;
      expect(irm).toBeTruthy();
      const mparticle = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId });
      const body = await subscribe(actors.administrator!, { providerId: irm });
      const filed = await fileCase(db(), filing({ email: "escalating@example.eu" }), t0);
      const later = new Date(t0.getTime() + 46 * DAY_MS);
      await recordEvent(db(), await actorByEmail(db(), "escalating@example.eu"), filed.caseId, { type: "irm.escalated", data: {} }, { now: later });
      await drain();
      const types = (secret: string) => received(secret).filter((r) => r.payload.data.caseId === filed.caseId).map((r) => r.payload.type).sort();
      expect(types(body.secret)).toEqual(["case.escalated", "case.step_taken"]);
      expect(types(mparticle.secret)).toEqual(["case.filed", "case.step_taken"]);
      const escalated = received(body.secret).find((r) => r.payload.type === "case.escalated")!;
      expect(escalated.payload.data).toMatchObject({ caseId: filed.caseId, rung: "irm", event: "irm.escalated", party: "complainant", seq: 2 });
    });

    it("the sweep's reminders go to the party that must act, its breaches to both sides; each (subscription, event) once", async () => {
      receiver = await startReceiver();
      const mparticle = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["clock.reminder", "clock.breached"]);
      const t = new Date();
      // The company's 45 days end in about six days: its 7-day reminder is due, its acknowledgment ran out.
      const filed = await fileCase(db(), filing({ email: "swept@example.eu" }), new Date(t.getTime() - 39 * DAY_MS));
      await sweepDeadlines(db(), t);
      await sweepDeadlines(db(), t);
      const rows = (await deliveriesOf(mparticle.id)).filter((d) => d.caseId === filed.caseId);
      expect(rows.map((d) => d.type).sort()).toEqual(["clock.breached", "clock.reminder"]);
      const reminder = rows.find((d) => d.type === "clock.reminder")!.payload as { data: { clock: { id: string; party: string; daysLeft: number } } };
      expect(reminder.data.clock).toMatchObject({ id: "organisation.response", party: "organisation" });
      expect(reminder.data.clock.daysLeft).toBeGreaterThan(0);
      // Written twice, kept once.
      const key = rows[0]!.eventKey;
      await db().execute(sql`insert into webhook_deliveries (subscription_id, event_key, type, case_id, payload) values (${mparticle.id}, ${key}, 'x', ${filed.caseId}, '{}') on conflict do nothing`);
      expect((await deliveriesOf(mparticle.id)).filter((d) => d.eventKey === key)).toHaveLength(1);
    });

    it("a disabled subscription gets nothing enqueued, and an event it did not choose is not enqueued", async () => {
      receiver = await startReceiver();
      const off = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId });
      const messagesOnly = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.message"]);
      await setSubscriptionEnabled(db(), actors.mparticleAdmin!, off.id, false, new Date());
      await fileCase(db(), filing({ email: "nobody-listens@example.eu" }), new Date());
      expect(await deliveriesOf(off.id)).toEqual([]);
      expect(await deliveriesOf(messagesOnly.id)).toEqual([]);
    });
  });

  describe("delivery", () => {
    it("concurrent runs and a run that died holding a row deliver every event exactly once, with the same webhook-id", async () => {
      receiver = await startReceiver();
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      for (let i = 0; i < 12; i++) await fileCase(db(), filing({ email: `many-${i}@example.eu` }), new Date());
      // A worker that claimed a row (an attempt, a 1-second lease) and was killed before it posted.
      const [dead] = rowsOf<{ id: string }>(await db().execute(sql`update webhook_deliveries set attempts = attempts + 1, next_attempt_at = now() + interval '1 second' where id = (select id from webhook_deliveries where subscription_id = ${sub.id} order by created_at limit 1) returning id`));
      await Promise.all([deliverDueWebhooks(db()), deliverDueWebhooks(db())]);
      expect(receiver.requests.map((r) => r.id)).not.toContain(dead!.id);
      expect(receiver.requests).toHaveLength(11);
      await waitFor(async () => (await deliverDueWebhooks(db())).delivered > 0 || receiver.requests.length === 12, { what: "the lease to run out", everyMs: 200 });
      const ids = receiver.accepted().map((r) => r.id);
      expect(new Set(ids).size).toBe(12);
      expect(ids).toHaveLength(12);
      const rows = await deliveriesOf(sub.id);
      expect(new Set(ids)).toEqual(new Set(rows.map((d) => d.id)));
      expect(rows.every((d) => d.status === "delivered")).toBe(true);
      expect(rows.find((d) => d.id === dead!.id)!.attempts).toBe(2);
      for (const r of receiver.requests) expect(r.verifiedWith).toEqual([sub.secret]);
    });

    it("a receiver answering 500 sees the same message again, with backoff, until it answers 200", async () => {
      receiver = await startReceiver();
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      let failures = 2;
      receiver.answer = () => (failures-- > 0 ? 500 : 200);
      await fileCase(db(), filing({ email: "retried@example.eu" }), new Date());
      await drain();
      expect(receiver.requests.map((r) => r.answered)).toEqual([500, 500, 200]);
      expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(1);
      const [d] = await deliveriesOf(sub.id);
      expect(d).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 200, lastError: null });
      const [s] = await db().select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub.id));
      expect(s).toMatchObject({ consecutiveFailures: 0, failingSince: null, enabled: true });
      // The schedule: doubling from the base, capped at six hours.
      expect([1, 2, 3].map(retryDelayMs)).toEqual([20, 40, 80]);
      expect(retryDelayMs(40)).toBe(6 * 3_600_000);
    });

    it("gives a delivery up after its last attempt; 'Send again' sends it anew with the same id, and refuses one still pending", async () => {
      receiver = await startReceiver();
      receiver.answer = () => 503;
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      await fileCase(db(), filing({ email: "given-up@example.eu" }), new Date());
      await oneAttemptPerRun(async () => {
        await deliverDueWebhooks(db());
        expect((await deliveriesOf(sub.id))[0]).toMatchObject({ status: "pending", attempts: 1, lastStatus: 503 });
        // Its last attempt, now (the schedule would take some 38 hours to get there).
        await db().update(webhookDeliveries).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(webhookDeliveries.subscriptionId, sub.id));
        await due(sub.id);
        await deliverDueWebhooks(db());
      });
      const [d] = await deliveriesOf(sub.id);
      expect(d).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatus: 503 });
      expect(receiver.requests).toHaveLength(2);
      expect(new Set(receiver.requests.map((r) => r.id))).toEqual(new Set([d!.id]));

      receiver.answer = () => 204;
      const log = await listDeliveries(db(), actors.mparticleAdmin!, { organisationId: mparticleId });
      expect(log.find((l) => l.id === d!.id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatus: 503, nextAttemptAt: null });
      await expect(sendAgain(db(), actors.portfoliosAdmin!, d!.id, new Date())).rejects.toBeInstanceOf(NotFoundError);
      await sendAgain(db(), actors.mparticleAdmin!, d!.id, new Date());
      await expect(sendAgain(db(), actors.mparticleAdmin!, d!.id, new Date())).rejects.toBeInstanceOf(RuleError);
      await drain();
      expect(receiver.requests.at(-1)).toMatchObject({ id: d!.id, answered: 204 });
      expect((await deliveriesOf(sub.id))[0]).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 204 });
      // Delivered, it can be sent again too: the receiver sees the same id once more.
      await sendAgain(db(), actors.mparticleAdmin!, d!.id, new Date());
      await drain();
      expect(receiver.accepted().map((r) => r.id)).toEqual([d!.id, d!.id]);
    });

    it("after a rotation both secrets sign for a day, then only the new one", async () => {
      receiver = await startReceiver();
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      const { secret: next } = await rotateSecret(db(), actors.mparticleAdmin!, sub.id, new Date());
      expect(next).not.toBe(sub.secret);
      receiver.secrets.push(next);
      await fileCase(db(), filing({ email: "rotated@example.eu" }), new Date());
      await drain();
      const [both] = receiver.requests;
      expect(both!.signature.split(" ")).toHaveLength(2);
      expect(both!.verifiedWith.sort()).toEqual([sub.secret, next].sort());
      const [row] = await db().select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub.id));
      expect(row!.previousSecretUntil!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

      await db().update(webhookSubscriptions).set({ previousSecretUntil: new Date(Date.now() - 1000) }).where(eq(webhookSubscriptions.id, sub.id));
      await fileCase(db(), filing({ email: "rotated-later@example.eu" }), new Date());
      await drain();
      const later = receiver.requests[1]!;
      expect(later.signature.split(" ")).toHaveLength(1);
      expect(later.verifiedWith).toEqual([next]);
    });

    it("a forged or replayed message fails verification", async () => {
      receiver = await startReceiver();
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      await fileCase(db(), filing({ email: "forged@example.eu" }), new Date());
      await drain();
      const [genuine] = receiver.requests;
      expect(verifies(sub.secret, genuine!)).toBe(true);
      // Another body under the genuine headers.
      expect(verifies(sub.secret, { ...genuine!, body: genuine!.body.replace(/"reference":"[^"]+"/, '"reference":"RC-FORGED"') })).toBe(false);
      // Another message id, or another time, under the genuine signature.
      expect(verifies(sub.secret, { ...genuine!, id: crypto.randomUUID() })).toBe(false);
      expect(verifies(sub.secret, { ...genuine!, timestamp: String(Number(genuine!.timestamp) + 1) })).toBe(false);
      // Signed with a secret that is not the subscription's.
      const forger = new Webhook(`whsec_${Buffer.from("not the secret, 32 bytes long!!!").toString("base64")}`);
      const at = new Date();
      expect(verifies(sub.secret, { ...genuine!, timestamp: String(Math.floor(at.getTime() / 1000)), signature: forger.sign(genuine!.id, at, genuine!.body) })).toBe(false);
      // The genuine message replayed ten minutes later: outside the five-minute tolerance.
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        vi.setSystemTime(Date.now() + 10 * 60_000);
        expect(verifies(sub.secret, genuine!)).toBe(false);
      } finally {
        vi.useRealTimers();
      }
    });

    it("a subscription failing for the whole period (and often enough) is disabled once, its admins told, and nothing more is sent to it", async () => {
      receiver = await startReceiver();
      receiver.answer = () => 500;
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      await fileCase(db(), filing({ email: "failing-1@example.eu" }), new Date());
      const policy = { disable: { afterMs: 3_600_000, afterFailures: 3 } };
      let row: typeof webhookSubscriptions.$inferSelect | undefined;
      await oneAttemptPerRun(async () => {
        // Failing, but not yet for the period: still enabled.
        for (let i = 0; i < 3; i++) {
          await due(sub.id);
          expect((await deliverDueWebhooks(db(), policy)).disabled).toBe(0);
        }
        [row] = await db().select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub.id));
        expect(row).toMatchObject({ enabled: true, consecutiveFailures: 3 });
        expect(row!.failingSince).not.toBeNull();
        // Once the failures have lasted the period, the next failure disables it.
        await db().update(webhookSubscriptions).set({ failingSince: new Date(Date.now() - 2 * 3_600_000) }).where(eq(webhookSubscriptions.id, sub.id));
        await due(sub.id);
        expect((await deliverDueWebhooks(db(), policy)).disabled).toBe(1);
      });
      [row] = await db().select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub.id));
      expect(row).toMatchObject({ enabled: false, disabledReason: "failing", consecutiveFailures: 4 });

      const admins = await db().select({ id: users.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(eq(memberships.organisationId, mparticleId), eq(memberships.role, "org_admin")));
      const notices = await db().select().from(outbox).where(eq(outbox.template, "notice:webhook-disabled"));
      expect(notices.map((n) => n.userId).sort()).toEqual(admins.map((a) => a.id).sort());
      expect(notices.every((n) => n.status === "pending" && n.caseId === null && (n.params as { url: string }).url === receiver.url)).toBe(true);
      expect(await db().select().from(auditLog).where(and(eq(auditLog.action, "webhook_disabled_failing"), eq(auditLog.entityId, mparticleId)))).toHaveLength(1);

      const sent = receiver.requests.length;
      await fileCase(db(), filing({ email: "failing-2@example.eu" }), new Date());
      await due(sub.id);
      await deliverDueWebhooks(db());
      expect(receiver.requests).toHaveLength(sent);
      expect(await deliveriesOf(sub.id)).toHaveLength(1);
      await expect(sendAgain(db(), actors.mparticleAdmin!, (await deliveriesOf(sub.id))[0]!.id, new Date())).rejects.toBeInstanceOf(RuleError);

      // Turned on again by its admin: the pending delivery goes out.
      receiver.answer = () => 200;
      await setSubscriptionEnabled(db(), actors.mparticleAdmin!, sub.id, true, new Date());
      await drain();
      expect(receiver.accepted()).toHaveLength(1);
      [row] = await db().select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub.id));
      expect(row).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    });

    it("an erased case takes its deliveries with it", async () => {
      receiver = await startReceiver();
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed"]);
      const filed = await fileCase(db(), filing({ email: "erased@example.eu" }), new Date());
      expect(await deliveriesOf(sub.id)).toHaveLength(1);
      await db().execute(sql`update cases set status = 'closed' where id = ${filed.caseId}`);
      await db().execute(sql`select recourse_erase_cases(array[${filed.caseId}]::uuid[], 0, now())`);
      expect(await deliveriesOf(sub.id)).toEqual([]);
    });
  });

  describe.runIf(kind === "postgres")("worker processes", () => {
    const workers: WorkerProcess[] = [];
    afterEach(async () => {
      if (process.env.DEBUG_WORKERS) for (const w of workers) console.log(w.output.join(""));
      await Promise.all(workers.splice(0).map((w) => w.kill()));
    });

    it("two workers after a killed one deliver each event exactly once", async () => {
      receiver = await startReceiver();
      const sub = await subscribe(actors.mparticleAdmin!, { organisationId: mparticleId }, ["case.filed", "case.step_taken"]);
      const env = { ...workerEnv(database.url!, "smtp://127.0.0.1:9"), WEBHOOK_LEASE_MS: "1500", WEBHOOK_RETRY_BASE_MS: "300" };
      delete (env as Record<string, string | undefined>).SMTP_URL;
      const spawn = () => {
        const w = startWorker(env);
        workers.push(w);
        return w;
      };
      // From the fifth message on, the first worker's posts are never answered: once what it was
      // answered has been recorded, it is killed with those posts in flight (up to one per lane).
      const held: string[] = [];
      let killed = false;
      let first: WorkerProcess | undefined;
      const recorded = async () => {
        const ids = receiver.accepted().map((r) => r.id);
        return !ids.length || (await db().select({ status: webhookDeliveries.status }).from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids))).every((d) => d.status === "delivered");
      };
      receiver.answer = async (hook) => {
        if (killed || (receiver.requests.length < 5 && !held.length)) return 200;
        held.push(hook.id);
        if (held.length === 1) {
          await waitFor(recorded, { what: "the answered posts recorded", everyMs: 20 });
          await first!.kill();
          killed = true;
        }
        return "hold";
      };
      const now = new Date();
      for (let i = 0; i < 10; i++) {
        const filed = await fileCase(db(), filing({ email: `worker-${i}@example.eu` }), now);
        await recordEvent(db(), actors.mparticleStaff!, filed.caseId, { type: "organisation.acknowledged", data: {} }, { now });
      }
      // A worker starting delivers what is waiting.
      first = spawn();
      await waitFor(() => killed, { what: "the kill", timeoutMs: 90_000 });
      spawn();
      spawn();
      await waitFor(async () => receiver.accepted().length === 20, { what: "both workers done", timeoutMs: 90_000 });
      await new Promise((r) => setTimeout(r, 2_000));
      const ids = receiver.accepted().map((r) => r.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
      for (const id of held) expect(ids).toContain(id);
      const rows = await deliveriesOf(sub.id);
      expect(new Set(ids)).toEqual(new Set(rows.map((d) => d.id)));
      expect(rows.every((d) => d.status === "delivered")).toBe(true);
      for (const r of receiver.requests) expect(r.verifiedWith).toEqual([sub.secret]);
      // Each case's two events, each once.
      const perCase = new Map<string, string[]>();
      for (const r of receiver.accepted()) perCase.set(r.payload.data.caseId as string, [...(perCase.get(r.payload.data.caseId as string) ?? []), r.payload.type]);
      expect([...perCase.values()].map((types) => types.sort().join())).toEqual(Array(10).fill("case.filed,case.step_taken"));
    }, 180_000);
  });
});
