/**
 * Proof, on both databases (issue 8): the authorization matrix over every data function, a
 * corpus of hostile input against the filing and the messages, and the audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { caseEvents, cases, messages, providers, users } from "@/db/schema";
import { rowsOf } from "@/db/client";
import { seedDemo } from "@/db/seed/seed";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { verifyChains } from "@/lib/audit/verify-chain";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { listEvidence, postMessage } from "@/lib/cases/correspondence";
import { getCaseDetail, getHandover, listCases } from "@/lib/cases/queries";
import { bodyInbox } from "@/lib/cases/body-inbox";
import { BODY_INBOX_VIEWS } from "@/lib/ladder";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";
import { EMAIL_CORPUS, ENUM_CORPUS, textFieldCorpus } from "./support/hostile";

const NOW = new Date("2026-11-24T10:00:00Z");

interface CaseFacts {
  id: string;
  reference: string;
  rung: string;
  organisation: string;
  complainant: string;
  bodies: string[];
}

/** The one table: each role, and the cases it may see, from the case's own facts. */
const ROLES: { role: string; email: string | null; sees: (c: CaseFacts) => boolean }[] = [
  { role: "anonymous", email: null, sees: () => false },
  { role: "complainant A", email: "anna.schmidt@example.de", sees: (c) => c.complainant === "anna.schmidt@example.de" },
  { role: "complainant B", email: "claire.martin@example.fr", sees: (c) => c.complainant === "claire.martin@example.fr" },
  { role: "staff of mParticle", email: "staff@mparticle.example", sees: (c) => c.organisation === "mparticle" },
  { role: "admin of mParticle", email: "admin@mparticle.example", sees: (c) => c.organisation === "mparticle" },
  { role: "staff of Customer Portfolios", email: "staff@customerportfolios.example", sees: (c) => c.organisation === "customer-portfolios" },
  { role: "admin of Customer Portfolios", email: "admin@customerportfolios.example", sees: (c) => c.organisation === "customer-portfolios" },
  { role: "JAMS liaison", email: "liaison@jams.example", sees: (c) => c.bodies.includes("jams") },
  { role: "BBB liaison", email: "liaison@bbb.example", sees: (c) => c.bodies.includes("bbb-national-programs") },
  { role: "DPA panel member", email: "member@dpa-panel.example", sees: (c) => c.bodies.includes("eu-dpa-panel") },
  { role: "administrator", email: "admin@recourse.example", sees: () => true },
];

describe.each(KINDS)("security on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  let all: CaseFacts[] = [];
  const actors = new Map<string, Actor>();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
    // A case on the company's rung of a second organisation, for the cross-organisation cells.
    await fileCase(database.db, filing({ organisationSlug: "customer-portfolios", country: "CH", email: "anna.schmidt@example.de", name: "Anna Schmidt" }), NOW);
    const rows = await database.db.execute(sql`
      select c.id, c.reference, c.rung, o.slug as organisation, c.complainant_email as complainant,
             coalesce(array_agg(p.slug) filter (where p.slug is not null), '{}') as bodies
      from cases c join organisations o on o.id = c.organisation_id
      left join case_bodies b on b.case_id = c.id left join providers p on p.id = b.provider_id
      group by c.id, o.slug order by c.reference`);
    all = rowsOf<CaseFacts>(rows);
    for (const r of ROLES) actors.set(r.role, r.email ? await actorByEmail(database.db, r.email) : ANONYMOUS);
  });
  afterAll(async () => database?.close());

  it("the seeded cases cover the rungs the matrix needs", () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((c) => c.rung))).toEqual(expect.objectContaining({}));
    for (const rung of ["organisation", "irm", "dpa_panel"]) expect(all.some((c) => c.rung === rung)).toBe(true);
  });

  const notFound = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    return error instanceof NotFoundError;
  };

  it("every role × every case × every data function: allowed where the table says, 'not found' everywhere else", async () => {
    const leaks: string[] = [];
    const cells: string[] = [];
    for (const r of ROLES) {
      const actor = actors.get(r.role)!;
      const listed = new Set(actor.kind === "user" ? (await listCases(db(), actor, { limit: 1000 })).map((c) => c.id) : []);
      // Each body's inbox, every view of it: its members only, and only the cases handed to it.
      const inboxed = new Set<string>();
      const bodyMember = actor.kind === "user" && actor.memberships.some((m) => m.providerId);
      for (const p of await db().select({ id: providers.id, slug: providers.slug }).from(providers)) {
        const member = actor.kind === "user" && actor.memberships.some((m) => m.providerId === p.id);
        const refused = await notFound(bodyInbox(db(), actor, p.id, null, NOW));
        if (refused === member) leaks.push(`${r.role}: inbox of ${p.slug} ${refused ? "refused" : "opened"}`);
        if (!refused) for (const view of BODY_INBOX_VIEWS) for (const row of (await bodyInbox(db(), actor, p.id, view, NOW)).rows) inboxed.add(row.id);
      }
      for (const c of all) {
        const allowed = r.sees(c);
        const cell = `${r.role} × ${c.reference} (${c.rung})`;
        cells.push(cell);
        if (listed.has(c.id) !== allowed) leaks.push(`${cell}: list ${listed.has(c.id) ? "shows" : "hides"} it`);
        if (inboxed.has(c.id) !== (bodyMember && allowed)) leaks.push(`${cell}: inbox ${inboxed.has(c.id) ? "shows" : "hides"} it`);
        const checks: [string, () => Promise<unknown>][] = [
          ["detail", () => getCaseDetail(db(), actor, c.id, NOW)],
          ["documents", () => listEvidence(db(), actor, c.id)],
          ...c.bodies.map((slug): [string, () => Promise<unknown>] => [`hand-over to ${slug}`, async () => getHandover(db(), actor, c.id, (await db().select({ id: providers.id }).from(providers).where(eq(providers.slug, slug)))[0]!.id)]),
        ];
        for (const [what, run] of checks) {
          const refused = await notFound(run());
          if (refused === allowed) leaks.push(`${cell}: ${what} ${refused ? "refused" : "allowed"}`);
        }
        // Commands with the case's id (as a tampered form would send it): outsiders get "not found", and nothing is written.
        if (!allowed) {
          const before = await db().select({ n: sql<number>`count(*)::int` }).from(caseEvents).where(eq(caseEvents.caseId, c.id));
          if (!(await notFound(recordEvent(db(), actor, c.id, { type: "organisation.acknowledged", data: {} }, { now: NOW })))) leaks.push(`${cell}: step accepted`);
          if (!(await notFound(postMessage(db(), actor, c.id, { body: "Let me in", visibility: "complainant" }, NOW)))) leaks.push(`${cell}: message accepted`);
          const after = await db().select({ n: sql<number>`count(*)::int` }).from(caseEvents).where(eq(caseEvents.caseId, c.id));
          if (after[0]!.n !== before[0]!.n) leaks.push(`${cell}: history changed`);
        }
      }
    }
    expect(cells.length).toBe(ROLES.length * all.length);
    expect(leaks).toEqual([]);
    expect((await db().select().from(messages).where(eq(messages.body, "Let me in"))).length).toBe(0);
  });

  describe("hostile input", () => {
    const fields: { field: string; max: number; minLength?: number }[] = [
      { field: "name", max: 200 },
      { field: "description", max: 10_000, minLength: 20 },
      { field: "companyIdentifier", max: 500 },
      { field: "transferReason", max: 2000 },
      { field: "otherSteps", max: 2000 },
    ];
    const corpus = [
      ...fields.flatMap(({ field, max, minLength }) => textFieldCorpus(max, { minLength }).map((e) => ({ ...e, field }))),
      ...EMAIL_CORPUS.map((e) => ({ ...e, field: "email" })),
      ...ENUM_CORPUS.map((e) => ({ label: `${e.field} ${JSON.stringify(e.value).slice(0, 30)}`, field: e.field, value: e.value, expect: "refused" as const })),
    ];

    it(`has at least 200 entries (${corpus.length})`, () => expect(corpus.length).toBeGreaterThanOrEqual(200));

    it("the filing refuses each hostile value with a field error and stores nothing; inert text is kept exactly", async () => {
      const wrong: string[] = [];
      for (const entry of corpus) {
        const key = crypto.randomUUID();
        const input = { ...filing({ email: "hostile@example.eu" }), idempotencyKey: entry.field === "idempotencyKey" ? entry.value : key, [entry.field]: entry.value };
        const outcome = await fileCase(db(), input, NOW).then(
          (filed) => ({ filed }),
          (error: unknown) => ({ error }),
        );
        if (entry.expect === "refused") {
          if (!("error" in outcome) || !(outcome.error instanceof ValidationError)) wrong.push(`${entry.field} ${entry.label}: not refused`);
          else if (!Object.keys(outcome.error.fieldErrors).some((f) => f === entry.field || f.startsWith(`${entry.field}.`) || (entry.field === "idempotencyKey" && f === "idempotencyKey"))) wrong.push(`${entry.field} ${entry.label}: error on ${Object.keys(outcome.error.fieldErrors)}`);
          if ((await db().select({ id: cases.id }).from(cases).where(eq(cases.idempotencyKey, key))).length) wrong.push(`${entry.field} ${entry.label}: stored`);
        } else {
          if (!("filed" in outcome)) {
            wrong.push(`${entry.field} ${entry.label}: refused`);
            continue;
          }
          const [row] = await db().select().from(cases).where(eq(cases.id, outcome.filed.caseId));
          const column = ({ name: "complainantName", email: "complainantEmail" } as Record<string, string>)[entry.field] ?? entry.field;
          const stored = (row as Record<string, unknown>)[column];
          if (stored !== String(entry.value).trim()) wrong.push(`${entry.field} ${entry.label}: stored as ${JSON.stringify(stored).slice(0, 40)}`);
        }
      }
      expect(wrong).toEqual([]);
      // The tables are all still there.
      expect((await db().select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n).toBeGreaterThan(0);
    });

    it("messages refuse markup and control characters, keep inert text", async () => {
      const complainant = await actorByEmail(db(), "anna.schmidt@example.de");
      const [own] = all.filter((c) => c.complainant === "anna.schmidt@example.de");
      const wrong: string[] = [];
      for (const entry of textFieldCorpus(10_000)) {
        if (typeof entry.value !== "string" || entry.value.length > 20_000) continue;
        const outcome = await postMessage(db(), complainant, own!.id, { body: entry.value, visibility: "complainant" }, NOW).then(() => "stored", (e: unknown) => (e instanceof ValidationError ? "refused" : `error ${String(e)}`));
        if (outcome !== (entry.expect === "refused" ? "refused" : "stored")) wrong.push(`${entry.label}: ${outcome}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe("the audit chain", () => {
    const disableGuard = () => db().execute(sql`ALTER TABLE case_events DISABLE TRIGGER case_events_no_update`);
    const enableGuard = () => db().execute(sql`ALTER TABLE case_events ENABLE TRIGGER case_events_no_update`);

    it("is intact after everything the app wrote", async () => {
      const report = await verifyChains(db());
      expect(report.problems).toEqual([]);
      expect(report.cases).toBe((await db().select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n);
      expect(report.events).toBeGreaterThan(report.cases);
    });

    it("detects an edited event, a deleted event in the middle, and a deleted newest event", async () => {
      const [edited, middle, newest] = all.filter((c) => c.rung !== "organisation");
      const eventsOf = (id: string) => db().select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));
      await disableGuard();
      try {
        const e1 = (await eventsOf(edited!.id))[1]!;
        await db().update(caseEvents).set({ data: { ...(e1.data as object), tampered: true } }).where(eq(caseEvents.id, e1.id));
        const e2 = (await eventsOf(middle!.id))[1]!;
        await db().delete(caseEvents).where(eq(caseEvents.id, e2.id));
        const last = (await eventsOf(newest!.id)).at(-1)!;
        await db().delete(caseEvents).where(eq(caseEvents.id, last.id));
      } finally {
        await enableGuard();
      }
      const problems = (await verifyChains(db())).problems.map((p) => `${p.reference}:${p.problem}`);
      expect(problems).toEqual(expect.arrayContaining([`${edited!.reference}:hash_mismatch`, `${middle!.reference}:gap`, `${middle!.reference}:broken_link`, `${newest!.reference}:head_mismatch`]));
      expect(new Set(problems.map((p) => p.split(":")[0]))).toEqual(new Set([edited!.reference, middle!.reference, newest!.reference]));
    });
  });
});
