/**
 * The platform on both databases: migrations, the append-only history, the idempotent seed,
 * filing, recording events, conflicts, and isolation between organisations and providers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { jsonRows } from "@/db/json-rows";
import { caseEvents, cases, organisations, outbox, providers, users } from "@/db/schema";
import { isMail } from "@/lib/mail/outbox";
import { seedDemo } from "@/db/seed/seed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { getCaseDetail, listCases } from "@/lib/cases/queries";
import { eventHash } from "@/lib/cases/hash-chain";
import { clockOffset, now as clockNow, setClockOffset } from "@/lib/clock";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { ANONYMOUS } from "@/lib/auth/actor";
import { DAY_MS } from "@/lib/ladder";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");

describe.each(KINDS)("platform on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("seeds the five organisations and the demo's own company, the providers and a case per demo entry; a second run changes nothing", async () => {
    const before = await Promise.all([organisations, providers, users, cases, caseEvents].map((t) => db().select({ n: count() }).from(t)));
    await seedDemo(db(), NOW);
    const after = await Promise.all([organisations, providers, users, cases, caseEvents].map((t) => db().select({ n: count() }).from(t)));
    expect(after).toEqual(before);
    expect(before[0]![0]!.n).toBe(6);
    expect(before[3]![0]!.n).toBe(5);
  });

  it("keeps case history append-only: an update or delete of an event is refused", async () => {
    await expect(db().update(caseEvents).set({ type: "case.closed" })).rejects.toThrow();
    await expect(db().delete(caseEvents)).rejects.toThrow();
  });

  it("hash-chains each case's events", async () => {
    const rows = await db().select().from(caseEvents).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
    let prev: string | null = null;
    let lastCase = "";
    for (const r of rows) {
      if (r.caseId !== lastCase) prev = null;
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(eventHash(prev, { caseId: r.caseId, seq: r.seq, type: r.type, at: r.at, party: r.party, actorUserId: r.actorUserId, data: r.data }));
      prev = r.hash;
      lastCase = r.caseId;
    }
  });

  it("files a complaint with its first deadline and a confirmation in the outbox", async () => {
    const { caseId, reference, created } = await fileCase(db(), filing({ email: "Eva@Example.EU" }), NOW);
    expect(created).toBe(true);
    expect(reference).toMatch(/^RC-2026-[A-Z2-9]{6}$/);
    const [row] = await db().select().from(cases).where(eq(cases.id, caseId));
    // R1.1: mParticle's policy names the Privacy Shield; a complaint filed today runs under its DPF successor, the certification kept as named.
    expect(row).toMatchObject({ rung: "organisation", status: "open", version: 1, complainantEmail: "eva@example.eu", framework: "eu-us-dpf", certificationSnapshot: { framework: "eu-us-ps" } });
    const mail = await db().select().from(outbox).where(and(eq(outbox.caseId, caseId), isMail()));
    expect(mail.map((m) => m.toEmail).sort()).toEqual(["admin@mparticle.example", "eva@example.eu", "staff@mparticle.example"]);
  });

  it("gives cases time-ordered ids (UUIDv7), so that cases filed together sit together in every index by case", async () => {
    const first = await fileCase(db(), filing(), NOW);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the ids' time is the database's clock, to the millisecond
    const second = await fileCase(db(), filing(), NOW);
    for (const { caseId } of [first, second]) expect(caseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.caseId < second.caseId).toBe(true);
    // The first 48 bits are the milliseconds of the insert.
    const millis = Number.parseInt(second.caseId.replace(/-/g, "").slice(0, 12), 16);
    expect(Math.abs(millis - Date.now())).toBeLessThan(60_000);
  });

  it("keeps only pending mail in delivery's index, and delivery's claim finds it there", async () => {
    const [index] = rowsOf(await db().execute(sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'outbox_pending'`)) as { indexdef: string }[];
    expect(index!.indexdef).toMatch(/\(next_attempt_at\) WHERE \(status = 'pending'/);
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const rows = rowsOf(await tx.execute(sql`EXPLAIN SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at, created_at LIMIT 1`)) as { "QUERY PLAN": string }[];
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("outbox_pending");
  });

  it("makes one case of a double submit, even when both arrive at once", async () => {
    const form = filing();
    const [a, b] = await Promise.all([fileCase(db(), form, NOW), fileCase(db(), form, NOW)]);
    expect(a.caseId).toBe(b.caseId);
    const again = await fileCase(db(), form, NOW);
    expect(again).toMatchObject({ caseId: a.caseId, created: false });
    const [{ n }] = await db().select({ n: count() }).from(cases).where(eq(cases.idempotencyKey, form.idempotencyKey));
    expect(n).toBe(1);
  });

  it("refuses bad input field by field and stores nothing", async () => {
    const [{ n: before }] = await db().select({ n: count() }).from(cases);
    const error = await fileCase(db(), filing({ name: "", email: "not-an-email", country: "US", description: "short", consent: false, principles: [] }), NOW).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["consent", "country", "description", "email", "name", "principles"]);
    const [{ n: after }] = await db().select({ n: count() }).from(cases);
    expect(after).toBe(before);
  });

  it("refuses a complaint against a non-participant with the rule (R1.2)", async () => {
    const error = await fileCase(db(), filing({ organisationSlug: "listen-first-labs" }), NOW).catch((e) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect(error.reason).toMatchObject({ code: "not_participant_no_certification", rule: "R1.2" });
  });

  it("records steps through the ladder and refuses what it refuses", async () => {
    const { caseId } = await fileCase(db(), filing({ email: "walker@example.eu" }), NOW);
    const complainant = await actorByEmail(db(), "walker@example.eu");
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await recordEvent(db(), staff, caseId, { type: "organisation.acknowledged", data: {} }, { now: NOW, expectedVersion: 1 });
    const early = await recordEvent(db(), complainant, caseId, { type: "irm.escalated", data: {} }, { now: new Date(NOW.getTime() + DAY_MS) }).catch((e) => e);
    expect(early).toBeInstanceOf(RuleError);
    expect(early.reason.code).toBe("organisation_deadline_running");
    await recordEvent(db(), complainant, caseId, { type: "irm.escalated", data: {} }, { now: new Date(NOW.getTime() + 46 * DAY_MS) });
    const detail = await getCaseDetail(db(), complainant, caseId, new Date(NOW.getTime() + 46 * DAY_MS));
    expect(detail.view.state.rung).toBe("irm");
    expect(detail.bodies.map((b) => b.name)).toEqual(["BBB National Programs (BBB EU Privacy Shield)"]);
    expect(detail.timeline.map((t) => t.type)).toEqual(["case.filed", "organisation.acknowledged", "irm.escalated"]);
    // The complainant cannot act for the organisation.
    await expect(recordEvent(db(), complainant, caseId, { type: "organisation.responded", data: {} }, { now: new Date(NOW.getTime() + 47 * DAY_MS) })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("turns a stale edit into a conflict, and one of two concurrent edits wins", async () => {
    const { caseId } = await fileCase(db(), filing(), NOW);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const admin = await actorByEmail(db(), "admin@mparticle.example");
    const results = await Promise.allSettled([
      recordEvent(db(), staff, caseId, { type: "organisation.acknowledged", data: {} }, { now: NOW, expectedVersion: 1 }),
      recordEvent(db(), admin, caseId, { type: "organisation.responded", data: {} }, { now: NOW, expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const [row] = await db().select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    expect(row!.version).toBe(2);
  });

  describe("isolation", () => {
    it("a user of one organisation cannot read another organisation's case by any id", async () => {
      const [cp] = await db().select({ id: cases.id }).from(cases).innerJoin(organisations, eq(organisations.id, cases.organisationId)).where(eq(organisations.slug, "customer-portfolios")).limit(1);
      const mparticleStaff = await actorByEmail(db(), "staff@mparticle.example");
      await expect(getCaseDetail(db(), mparticleStaff, cp!.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordEvent(db(), mparticleStaff, cp!.id, { type: "organisation.responded", data: {} }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
      const visible = await listCases(db(), mparticleStaff);
      expect(visible.length).toBeGreaterThan(0);
      expect(visible.every((c) => c.organisationName === "mParticle, Inc.")).toBe(true);
      for (const id of [crypto.randomUUID(), "not-a-uuid", "' or 1=1 --", cp!.id.toUpperCase()]) {
        await expect(getCaseDetail(db(), mparticleStaff, id, NOW)).rejects.toBeInstanceOf(NotFoundError);
      }
    });

    it("a complainant sees only their own cases; anonymous sees none", async () => {
      const anna = await actorByEmail(db(), "anna.schmidt@example.de");
      const mine = await listCases(db(), anna);
      expect(mine.length).toBe(2);
      const all = await db().select({ id: cases.id, owner: cases.complainantUserId }).from(cases);
      for (const c of all.filter((x) => x.owner !== (anna.kind === "user" ? anna.userId : ""))) {
        await expect(getCaseDetail(db(), anna, c.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
      }
      expect(await listCases(db(), ANONYMOUS)).toEqual([]);
    });

    it("a provider sees only the cases escalated to it", async () => {
      const ana = await listCases(db(), await actorByEmail(db(), "liaison@ana.example"));
      expect(ana.map((c) => c.organisationName)).toEqual(["Customer Portfolios LLC"]);
      expect(await listCases(db(), await actorByEmail(db(), "liaison@jams.example"))).toEqual([]);
      const panel = await listCases(db(), await actorByEmail(db(), "member@dpa-panel.example"));
      expect(panel).toHaveLength(1);
      expect(panel[0]).toMatchObject({ organisationName: "mParticle, Inc.", hrData: true, rung: "dpa_panel" });
    });

    it("the administrator sees every case", async () => {
      const admin = await actorByEmail(db(), "admin@recourse.example");
      const [{ n }] = await db().select({ n: count() }).from(cases);
      expect((await listCases(db(), admin, { limit: 200 })).length).toBe(n);
    });
  });

  it("moves the clock in test mode only, for every process reading the database", async () => {
    process.env.RECOURSE_TEST = "1";
    await setClockOffset(db(), 46 * DAY_MS);
    expect(await clockOffset(db())).toBe(46 * DAY_MS);
    expect((await clockNow(db())).getTime() - Date.now()).toBeGreaterThan(45 * DAY_MS);
    delete process.env.RECOURSE_TEST;
    expect(await clockOffset(db())).toBe(0);
    await expect(setClockOffset(db(), 0)).rejects.toThrow(/demo or test mode/);
  });

  it("searches the directory with typos", async () => {
    const { searchOrganisations } = await import("@/lib/directory/queries");
    expect((await searchOrganisations(db(), "mparticel")).map((o) => o.slug)).toContain("mparticle");
    expect((await searchOrganisations(db(), "Customer Portfolio")).map((o) => o.slug)).toEqual(["customer-portfolios"]);
    const all = await searchOrganisations(db());
    expect(all.filter((o) => !o.participant).map((o) => o.slug).sort()).toEqual(["listen-first-labs", "sessioncam"]);
  });

  it("reads bulk rows back as sent: instants to the millisecond, nulls, JSON and awkward text", async () => {
    const rows = [
      { id: "7d1c0c39-6d3f-4c3e-9a6e-000000000001", at: new Date("2026-11-30T23:59:59.999Z"), n: 3, note: `quote " backslash \\ newline\n ünïcødé ✓`, data: { params: { a: 1, b: [true, null] } } },
      { id: "7d1c0c39-6d3f-4c3e-9a6e-000000000002", at: "1999-12-31T23:59:59.001Z", n: null, note: null, data: null },
      { id: "7d1c0c39-6d3f-4c3e-9a6e-000000000003", at: null, n: -7, note: "", data: [] },
    ];
    const result = await db().execute(sql`SELECT * FROM ${jsonRows(rows, { id: "uuid", at: "timestamptz", n: "int", note: "text", data: "jsonb" })} AS v`);
    const back = rowsOf<{ id: string; at: Date | string | null; n: number | null; note: string | null; data: unknown }>(result);
    expect(back.map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at).toISOString() }))).toEqual([
      { ...rows[0], at: "2026-11-30T23:59:59.999Z" },
      { ...rows[1], at: "1999-12-31T23:59:59.001Z" },
      rows[2],
    ]);
    expect(() => jsonRows([{ at: "not a date" }], { at: "timestamptz" })).toThrow(RangeError);
  });
});
