/**
 * The REST API (issue 24) through its route handlers, on both databases: tokens stored as
 * hashes, revoked and expired; each kind of token sees exactly its cases (anything else is
 * 404, as if it did not exist); a step through the API goes through the ladder once per
 * Idempotency-Key; a read-only token cannot act; errors are problem details and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, sql } from "drizzle-orm";
import { apiTokens, attachments, auditLog, caseEvents, cases, messages, providers } from "@/db/schema";
import { rowsOf, setDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/seed";
import type { Actor, Principal } from "@/lib/auth/actor";
import { tokenSha256 } from "@/lib/auth/api-token";
import { fileCase } from "@/lib/cases/commands";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/integrations/tokens";
import { caseListSchema, caseSchema, documentListSchema, documentResultSchema, problemSchema, registerSchema, stepResultSchema } from "@/lib/api/contract";
import { NotFoundError } from "@/lib/errors";
import { GET as listRoute } from "@/app/api/v1/cases/route";
import { GET as caseRoute } from "@/app/api/v1/cases/[id]/route";
import { POST as stepRoute } from "@/app/api/v1/cases/[id]/steps/route";
import { POST as messageRoute } from "@/app/api/v1/cases/[id]/messages/route";
import { GET as documentsRoute, POST as uploadRoute } from "@/app/api/v1/cases/[id]/documents/route";
import { GET as documentRoute } from "@/app/api/v1/cases/[id]/documents/[documentId]/route";
import { GET as unknownRoute } from "@/app/api/v1/[...rest]/route";
import { GET as registerRoute } from "@/app/api/v1/register/route";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const SEEDED = new Date("2026-11-24T10:00:00Z");
const BASE = "http://localhost:3000/api/v1";

interface CaseFacts {
  id: string;
  reference: string;
  organisation: string;
  bodies: string[];
}

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface CallInit {
  method?: string;
  body?: unknown;
  raw?: string;
  /** A multipart/form-data body (its boundary set by the Request). */
  form?: FormData;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

async function send(route: Route, token: string | null, path: string, init: CallInit = {}) {
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers };
  const body = init.form ?? init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
  if (typeof body === "string" && !headers["content-type"]) headers["content-type"] = "application/json";
  return route(new Request(`${BASE}${path}`, { method: init.method ?? (body !== undefined ? "POST" : "GET"), headers, body }), { params: Promise.resolve(init.params ?? {}) });
}

async function call(route: Route, token: string | null, path: string, init: CallInit = {}) {
  const response = await send(route, token, path, init);
  return { status: response.status, type: response.headers.get("content-type"), json: (await response.json()) as Record<string, unknown> };
}

/** A multipart body with each named part a file. */
function upload(...files: { name: string; bytes: Buffer | string }[]): FormData {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([typeof f.bytes === "string" ? f.bytes : new Uint8Array(f.bytes)]), f.name);
  return form;
}

/** Every case a token lists, page by page. */
async function listAll(token: string): Promise<string[]> {
  const ids: string[] = [];
  let path: string | null = "/cases?limit=3";
  while (path) {
    const page = await call(listRoute, token, path.replace(/^\/api\/v1/, ""));
    expect(page.status).toBe(200);
    const parsed = caseListSchema.parse(page.json);
    ids.push(...parsed.data.map((c) => c.id));
    path = parsed.next;
  }
  return ids;
}

describe.each(KINDS)("the REST API on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  let all: CaseFacts[] = [];
  const tokens: Record<string, string> = {};
  let actors: Record<string, Actor>;
  let panelId: string;
  let anaId: string;
  let mparticleId: string;

  const eventsOn = async (caseId: string) => (await db().select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId)))[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    setDatabase(database);
    delete process.env.RECOURSE_RATE_LIMIT;
    await seedDemo(database.db, SEEDED);
    await fileCase(database.db, filing({ organisationSlug: "customer-portfolios", country: "CH", email: "anna.schmidt@example.de", name: "Anna Schmidt" }), SEEDED);
    all = rowsOf<CaseFacts>(
      await database.db.execute(sql`
        select c.id, c.reference, o.slug as organisation,
               coalesce(array_agg(p.slug) filter (where p.slug is not null), '{}') as bodies
        from cases c join organisations o on o.id = c.organisation_id
        left join case_bodies b on b.case_id = c.id left join providers p on p.id = b.provider_id
        group by c.id, o.slug order by c.reference`),
    );
    actors = {
      mparticleAdmin: await actorByEmail(db(), "admin@mparticle.example"),
      mparticleStaff: await actorByEmail(db(), "staff@mparticle.example"),
      portfoliosAdmin: await actorByEmail(db(), "admin@customerportfolios.example"),
      anaLiaison: await actorByEmail(db(), "liaison@ana.example"),
      panelMember: await actorByEmail(db(), "member@dpa-panel.example"),
      administrator: await actorByEmail(db(), "admin@recourse.example"),
    };
    const providerId = async (slug: string) => (await db().select({ id: providers.id }).from(providers).where(eq(providers.slug, slug)))[0]!.id;
    anaId = await providerId("ana");
    panelId = await providerId("eu-dpa-panel");
    mparticleId = (actors.mparticleAdmin as Extract<Actor, { kind: "user" }>).memberships[0]!.organisationId!;
    const portfoliosId = (actors.portfoliosAdmin as Extract<Actor, { kind: "user" }>).memberships[0]!.organisationId!;
    const make = async (label: string, actor: Actor, principal: Principal, scope: "read" | "act") => {
      tokens[label] = (await createApiToken(db(), actor, principal, { name: `${label} system`, scope, days: 30 }, new Date())).token;
    };
    await make("mparticle-read", actors.mparticleAdmin!, { organisationId: mparticleId }, "read");
    await make("mparticle-act", actors.mparticleAdmin!, { organisationId: mparticleId }, "act");
    await make("portfolios-act", actors.portfoliosAdmin!, { organisationId: portfoliosId }, "act");
    await make("ana-act", actors.anaLiaison!, { providerId: anaId }, "act");
    await make("panel-read", actors.administrator!, { providerId: panelId }, "read");
  });
  afterAll(async () => database?.close());

  describe("tokens", () => {
    it("are shown once and stored only as a SHA-256 of a high-entropy rk_ token", async () => {
      const made = await createApiToken(db(), actors.mparticleAdmin!, { organisationId: mparticleId }, { name: "Ticketing", scope: "read", days: 90 }, new Date());
      expect(made.token).toMatch(/^rk_[A-Za-z0-9_-]{43}$/);
      const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, made.id));
      expect(row!.tokenSha256).toBe(tokenSha256(made.token));
      expect(JSON.stringify(row)).not.toContain(made.token.slice(3));
      const listed = await listApiTokens(db(), actors.mparticleAdmin!, { organisationId: mparticleId });
      expect(listed.find((t) => t.id === made.id)).toMatchObject({ name: "Ticketing", scope: "read", revokedAt: null });
      expect(JSON.stringify(listed)).not.toContain(row!.tokenSha256);
    });

    it("are managed by the organisation's or body's admins and the administrators only", async () => {
      const refused = (p: Promise<unknown>) => p.then(() => false, (e: unknown) => e instanceof NotFoundError);
      const input = { name: "x", scope: "act" as const, days: 30 };
      expect(await refused(createApiToken(db(), actors.mparticleStaff!, { organisationId: mparticleId }, input, new Date()))).toBe(true);
      expect(await refused(createApiToken(db(), actors.portfoliosAdmin!, { organisationId: mparticleId }, input, new Date()))).toBe(true);
      expect(await refused(createApiToken(db(), actors.panelMember!, { providerId: panelId }, input, new Date()))).toBe(true);
      expect(await refused(createApiToken(db(), actors.anaLiaison!, { providerId: panelId }, input, new Date()))).toBe(true);
      expect(await refused(listApiTokens(db(), actors.anaLiaison!, { organisationId: mparticleId }))).toBe(true);
      const [theirs] = await listApiTokens(db(), actors.mparticleAdmin!, { organisationId: mparticleId });
      expect(await refused(revokeApiToken(db(), actors.portfoliosAdmin!, theirs!.id, new Date()))).toBe(true);
      expect((await db().select().from(apiTokens).where(eq(apiTokens.id, theirs!.id)))[0]!.revokedAt).toBeNull();
    });

    it("answer 401 as problem details when missing, unknown, revoked or expired, and the revoked and expired calls are audited by name", async () => {
      const missing = await call(listRoute, null, "/cases");
      expect(missing.status).toBe(401);
      expect(missing.type).toBe("application/problem+json");
      expect(problemSchema.parse(missing.json)).toMatchObject({ status: 401, code: "unauthorized" });
      expect((await call(listRoute, `rk_${"A".repeat(43)}`, "/cases")).json.code).toBe("unauthorized");

      const revoked = await createApiToken(db(), actors.mparticleAdmin!, { organisationId: mparticleId }, { name: "Old CRM", scope: "act", days: 30 }, new Date());
      expect((await call(listRoute, revoked.token, "/cases")).status).toBe(200);
      await revokeApiToken(db(), actors.mparticleAdmin!, revoked.id, new Date());
      expect((await call(listRoute, revoked.token, "/cases")).json).toMatchObject({ status: 401, code: "token_revoked" });

      const expired = await createApiToken(db(), actors.mparticleAdmin!, { organisationId: mparticleId }, { name: "Last year's", scope: "read", days: 30 }, new Date(Date.now() - 31 * 86_400_000));
      expect((await call(listRoute, expired.token, "/cases")).json).toMatchObject({ status: 401, code: "token_expired" });

      const audited = await db().select().from(auditLog).where(and(eq(auditLog.entity, "api_token"), eq(auditLog.action, "api_call")));
      const byName = (name: string) => audited.filter((a) => (a.data as { token: string }).token === name).map((a) => (a.data as { status: number }).status);
      expect(byName("Old CRM")).toEqual([200, 401]);
      expect(byName("Last year's")).toEqual([401]);
    });
  });

  describe("the authorization matrix", () => {
    const KINDS_OF_TOKEN: { token: string; sees: (c: CaseFacts) => boolean }[] = [
      { token: "mparticle-read", sees: (c) => c.organisation === "mparticle" },
      { token: "mparticle-act", sees: (c) => c.organisation === "mparticle" },
      { token: "portfolios-act", sees: (c) => c.organisation === "customer-portfolios" },
      { token: "ana-act", sees: (c) => c.bodies.includes("ana") },
      { token: "panel-read", sees: (c) => c.bodies.includes("eu-dpa-panel") },
    ];

    it("the seeded cases give every token something to see and something not to", () => {
      for (const k of KINDS_OF_TOKEN) {
        expect(all.some(k.sees), k.token).toBe(true);
        expect(all.some((c) => !k.sees(c)), k.token).toBe(true);
      }
    });

    it("every token × every case: listed and readable exactly where it belongs, 404 everywhere else, and nothing written from outside", async () => {
      const leaks: string[] = [];
      for (const k of KINDS_OF_TOKEN) {
        const token = tokens[k.token]!;
        const listed = new Set(await listAll(token));
        for (const c of all) {
          const cell = `${k.token} × ${c.reference}`;
          const allowed = k.sees(c);
          if (listed.has(c.id) !== allowed) leaks.push(`${cell}: list ${listed.has(c.id) ? "shows" : "hides"} it`);
          const read = await call(caseRoute, token, `/cases/${c.id}`, { params: { id: c.id } });
          if (read.status !== (allowed ? 200 : 404)) leaks.push(`${cell}: read ${read.status}`);
          if (allowed) caseSchema.parse(read.json);
          const documents = await call(documentsRoute, token, `/cases/${c.id}/documents`, { params: { id: c.id } });
          if (documents.status !== (allowed ? 200 : 404)) leaks.push(`${cell}: documents ${documents.status}`);
          if (!allowed) {
            const before = await eventsOn(c.id);
            const step = await call(stepRoute, token, `/cases/${c.id}/steps`, { body: { action: "acknowledge" }, params: { id: c.id } });
            const message = await call(messageRoute, token, `/cases/${c.id}/messages`, { body: { body: "Let me in via the API" }, params: { id: c.id } });
            const document = await call(uploadRoute, token, `/cases/${c.id}/documents`, { form: upload({ name: "intruder.txt", bytes: "Let me in via the API" }), params: { id: c.id } });
            const expected = k.token.endsWith("-read") ? 403 : 404;
            if (step.status !== expected) leaks.push(`${cell}: step ${step.status}`);
            if (message.status !== expected) leaks.push(`${cell}: message ${message.status}`);
            if (document.status !== expected) leaks.push(`${cell}: document ${document.status}`);
            if ((await eventsOn(c.id)) !== before) leaks.push(`${cell}: history changed`);
          }
        }
      }
      // A case id that does not exist and one that is not an id are the same 404.
      for (const id of [crypto.randomUUID(), "not-a-case"]) expect((await call(caseRoute, tokens["mparticle-act"]!, `/cases/${id}`, { params: { id } })).status).toBe(404);
      expect(leaks).toEqual([]);
      expect(await db().select().from(messages).where(eq(messages.body, "Let me in via the API"))).toEqual([]);
      expect(await db().select({ id: attachments.id }).from(attachments).where(eq(attachments.filename, "intruder.txt"))).toEqual([]);
    });

    it("the FTC register shows only referrals on the token's cases", async () => {
      for (const k of KINDS_OF_TOKEN) {
        const answer = await call(registerRoute, tokens[k.token]!, "/register");
        expect(answer.status).toBe(200);
        for (const r of registerSchema.parse(answer.json).data) expect(k.sees(all.find((c) => c.id === r.caseId)!), `${k.token} sees ${r.reference}`).toBe(true);
      }
    });
  });

  describe("steps", () => {
    /** A case of mParticle's where the ladder allows the organisation a step now. */
    async function caseWithStep(token: string) {
      for (const c of all.filter((x) => x.organisation === "mparticle")) {
        const read = caseSchema.parse((await call(caseRoute, token, `/cases/${c.id}`, { params: { id: c.id } })).json);
        const step = read.steps.find((s) => s.action !== "request_information");
        if (step) return { read, step };
      }
      throw new Error("no mParticle case with a step the organisation may take");
    }

    it("a read-only token is refused with 403 and nothing is stored", async () => {
      const { read, step } = await caseWithStep(tokens["mparticle-read"]!);
      const before = await eventsOn(read.id);
      const refused = await call(stepRoute, tokens["mparticle-read"]!, `/cases/${read.id}/steps`, { body: { action: step.action, target: step.target ?? undefined }, params: { id: read.id } });
      expect(refused.status).toBe(403);
      expect(problemSchema.parse(refused.json).code).toBe("read_only");
      expect((await call(messageRoute, tokens["mparticle-read"]!, `/cases/${read.id}/messages`, { body: { body: "Read-only note" }, params: { id: read.id } })).status).toBe(403);
      expect(await eventsOn(read.id)).toBe(before);
    });

    it("a step sent twice with one Idempotency-Key (also at the same time) makes one event, through the same decide", async () => {
      const token = tokens["mparticle-act"]!;
      const { read, step } = await caseWithStep(token);
      const before = await eventsOn(read.id);
      const key = crypto.randomUUID();
      const send = () => call(stepRoute, token, `/cases/${read.id}/steps`, { body: { action: step.action, target: step.target ?? undefined, version: read.version }, headers: { "idempotency-key": key }, params: { id: read.id } });
      const [first, second] = await Promise.all([send(), send()]);
      const third = await send();
      for (const answer of [first!, second!, third]) expect(answer.status).toBe(201);
      const results = [first!, second!, third].map((a) => stepResultSchema.parse(a.json));
      expect(new Set(results.map((r) => r.seq)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await eventsOn(read.id)).toBe(before + 1);
      const [event] = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, read.id), eq(caseEvents.idempotencyKey, key)));
      expect(event).toMatchObject({ type: step.event, party: "organisation", actorUserId: null });
      // The same step again without the key: the ladder judges it afresh.
      const again = await call(stepRoute, token, `/cases/${read.id}/steps`, { body: { action: step.action, target: step.target ?? undefined }, params: { id: read.id } });
      if (again.status !== 201) expect(again.json).toMatchObject({ status: 409, code: "refused", reason: expect.any(String) });
    });

    it("a step the ladder does not allow is 409 with the reason code; a stale version is 409; nothing is stored", async () => {
      const token = tokens["mparticle-act"]!;
      const { read } = await caseWithStep(token);
      const before = await eventsOn(read.id);
      const refused = await call(stepRoute, token, `/cases/${read.id}/steps`, { body: { action: "escalate_to_irm" }, params: { id: read.id } });
      expect(refused.status).toBe(409);
      expect(problemSchema.parse(refused.json)).toMatchObject({ code: "refused", reason: expect.any(String) });
      const stale = await call(stepRoute, token, `/cases/${read.id}/steps`, { body: { action: "acknowledge", version: read.version + 7 }, params: { id: read.id } });
      expect(stale.json).toMatchObject({ status: 409, code: "version_conflict", currentVersion: read.version });
      expect(await eventsOn(read.id)).toBe(before);
    });

    it("malformed, unknown-field, non-JSON and oversized bodies are 400, 415 and 413, and store nothing", async () => {
      const token = tokens["mparticle-act"]!;
      const { read } = await caseWithStep(token);
      const before = await eventsOn(read.id);
      const to = (init: Parameters<typeof call>[3]) => call(stepRoute, token, `/cases/${read.id}/steps`, { ...init, params: { id: read.id } });
      expect((await to({ raw: "{not json" })).json).toMatchObject({ status: 400, code: "invalid_json" });
      expect((await to({ body: { action: "acknowledge", extra: 1 } })).json).toMatchObject({ status: 400, code: "invalid" });
      expect((await to({ body: { action: "launch_rockets" } })).json).toMatchObject({ status: 400, code: "invalid", errors: { action: expect.any(Array) } });
      expect((await to({ raw: "action=acknowledge", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(415);
      expect((await to({ body: { action: "acknowledge", message: "x".repeat(20_000) } })).status).toBe(413);
      expect((await to({ body: { action: "acknowledge" }, headers: { "idempotency-key": "k".repeat(300) } })).status).toBe(400);
      const message = await call(messageRoute, token, `/cases/${read.id}/messages`, { body: { body: "<script>alert(1)</script>" }, params: { id: read.id } });
      expect(message.json).toMatchObject({ status: 400, code: "invalid" });
      expect(await eventsOn(read.id)).toBe(before);
    });

    it("a message through the API is stored as the organisation's, with no user", async () => {
      const token = tokens["mparticle-act"]!;
      const { read } = await caseWithStep(token);
      const written = await call(messageRoute, token, `/cases/${read.id}/messages`, { body: { body: "We are looking into your request.", visibility: "complainant" }, params: { id: read.id } });
      expect(written.status).toBe(201);
      const [row] = await db().select().from(messages).where(eq(messages.id, written.json.id as string));
      expect(row).toMatchObject({ caseId: read.id, authorParty: "organisation", authorUserId: null, body: "We are looking into your request." });
    });

    it("a message sent twice with one Idempotency-Key (also at the same time) is stored once", async () => {
      const token = tokens["mparticle-act"]!;
      const { read } = await caseWithStep(token);
      const key = crypto.randomUUID();
      const send = () => call(messageRoute, token, `/cases/${read.id}/messages`, { body: { body: `Once only ${key}` }, headers: { "idempotency-key": key }, params: { id: read.id } });
      const answers = [...(await Promise.all([send(), send()])), await send()];
      for (const answer of answers) expect(answer.status).toBe(201);
      expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
      expect(answers.filter((a) => a.json.replayed === false)).toHaveLength(1);
      expect(await db().select().from(messages).where(and(eq(messages.caseId, read.id), eq(messages.body, `Once only ${key}`)))).toHaveLength(1);
      // The key with another text is a different message: refused, not dropped.
      const other = await call(messageRoute, token, `/cases/${read.id}/messages`, { body: { body: `Another text ${key}` }, headers: { "idempotency-key": key }, params: { id: read.id } });
      expect(other.json).toMatchObject({ status: 422, code: "idempotency_key_reused" });
      expect(await db().select().from(messages).where(and(eq(messages.caseId, read.id), eq(messages.body, `Another text ${key}`)))).toEqual([]);
      // Without a key, the same text is a second message.
      await call(messageRoute, token, `/cases/${read.id}/messages`, { body: { body: `Once only ${key}` }, params: { id: read.id } });
      expect(await db().select().from(messages).where(and(eq(messages.caseId, read.id), eq(messages.body, `Once only ${key}`)))).toHaveLength(2);
    });
  });

  it("every call is audited with the token's name and rate-limited per token by the shared limiter", async () => {
    const made = await createApiToken(db(), actors.mparticleAdmin!, { organisationId: mparticleId }, { name: "Busy poller", scope: "read", days: 30 }, new Date());
    const statuses: number[] = [];
    // The limiter counts by the minute: start early in one, so that the calls do not straddle two.
    const second = new Date().getUTCSeconds();
    if (second >= 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    for (let i = 0; i < 122; i++) statuses.push((await call(registerRoute, made.token, "/register")).status);
    // Even if a slow run straddles a minute, at least one call past the limit in the same minute is refused.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const audited = await db().select().from(auditLog).where(and(eq(auditLog.entityId, made.id), eq(auditLog.action, "api_call")));
    expect(audited).toHaveLength(122);
    expect(audited.every((a) => (a.data as { token: string; path: string }).token === "Busy poller" && (a.data as { path: string }).path === "/api/v1/register")).toBe(true);
    expect(await db().select({ n: count() }).from(cases)).toEqual([{ n: all.length }]);
  });

  describe("steps with details", () => {
    /** A case handed to ANA where the ladder allows ANA a step with details now. */
    async function anaCaseWith(action: string) {
      for (const c of all.filter((x) => x.bodies.includes("ana"))) {
        const read = caseSchema.parse((await call(caseRoute, tokens["ana-act"]!, `/cases/${c.id}`, { params: { id: c.id } })).json);
        const step = read.steps.find((s) => s.action === action);
        if (step) return { read, step };
      }
      throw new Error(`no case of ANA's with ${action} allowed`);
    }
    const take = (caseId: string, body: unknown, key?: string) =>
      call(stepRoute, tokens["ana-act"]!, `/cases/${caseId}/steps`, { body, params: { id: caseId }, ...(key ? { headers: { "idempotency-key": key } } : {}) });

    it("a body decides eligibility and issues a determination with findings and remedies, through the same schemas and the same decide as the page's forms", async () => {
      const { read, step } = await anaCaseWith("decide_eligibility");
      expect(step.details).toBe(true);
      const before = await eventsOn(read.id);

      // Invalid details name their fields; nothing is stored.
      const invalid = await take(read.id, { action: "decide_eligibility", details: { decision: "maybe" } });
      expect(invalid.json).toMatchObject({ status: 400, code: "invalid", errors: { "details.decision": expect.any(Array) } });
      expect((await take(read.id, { action: "decide_eligibility", details: { decision: "eligible" }, message: "not here" })).json).toMatchObject({ status: 400, code: "invalid" });
      expect((await take(read.id, { action: "decide_eligibility" })).json).toMatchObject({ status: 400, errors: { details: ["required"] } });
      expect((await take(read.id, { action: "decide_eligibility", details: {} })).json).toMatchObject({ status: 400, errors: { "details.decision": ["required"] } });
      expect((await take(read.id, { action: "acknowledge", details: { decision: "eligible" } })).json).toMatchObject({ status: 400, errors: { details: ["unknown_field"] } });
      expect(await eventsOn(read.id)).toBe(before);

      // Twice under one key, at the same time: one decision.
      const key = crypto.randomUUID();
      const answers = await Promise.all([1, 2].map(() => take(read.id, { action: "decide_eligibility", version: read.version, details: { decision: "eligible", reason: "A covered principle and a company answer on file." } }, key)));
      for (const a of answers) expect(a.status).toBe(201);
      expect(answers.map((a) => stepResultSchema.parse(a.json)).filter((r) => !r.replayed)).toHaveLength(1);
      expect(await eventsOn(read.id)).toBe(before + 1);
      const [decided] = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, read.id), eq(caseEvents.idempotencyKey, key)));
      expect(decided).toMatchObject({ type: "irm.eligibility_decided", party: "irm", data: { decision: "eligible", reason: "A covered principle and a company answer on file." } });

      const after = caseSchema.parse((await call(caseRoute, tokens["ana-act"]!, `/cases/${read.id}`, { params: { id: read.id } })).json);
      expect(after.steps.find((s) => s.action === "issue_determination")).toMatchObject({ details: true });
      const empty = await take(read.id, { action: "issue_determination", details: { remedies: [{ kind: "delete", due: "31/03/2027" }, { kind: "correct", due: "2027-02-31" }], findings: "" } });
      expect(empty.json).toMatchObject({ status: 400, errors: { "details.verdict": ["required"], "details.findings": ["required"], "details.remedies.0.due": ["invalid_date"], "details.remedies.1.due": ["invalid_date"] } });
      expect(String(empty.json.detail)).toContain("details.findings (required)");
      const findings = "The company kept the profile after the objection and must delete it.";
      // R2.4: a complaint not upheld orders nothing.
      const contradictory = await take(read.id, { action: "issue_determination", details: { verdict: "not_upheld", remedies: [{ kind: "delete", due: "2027-03-31" }], findings } });
      expect(contradictory.json).toMatchObject({ status: 400, errors: { "details.remedies": ["not_upheld_orders_nothing"] } });
      const determined = await take(read.id, { action: "issue_determination", version: after.version, details: { verdict: "upheld", remedies: [{ kind: "delete", due: "2027-03-31", description: "Delete the profile" }], findings } });
      expect(determined.status).toBe(201);
      const [event] = await db().select().from(caseEvents).where(and(eq(caseEvents.caseId, read.id), eq(caseEvents.type, "irm.determined")));
      const data = event!.data as { verdict: string; findings: string; remedies: { id: string; kind: string; dueAt: string }[] };
      expect(data.findings).toBe(findings);
      expect(data.verdict).toBe("upheld");
      expect(data.remedies).toEqual([expect.objectContaining({ id: expect.stringMatching(/^rem-[0-9a-f]{8}$/), kind: "delete", description: "Delete the profile" })]);
      // The remedy's day ends at the organisation's end of that day (R4.3), not at noon UTC.
      expect(new Date(data.remedies[0]!.dueAt).getTime()).toBeGreaterThan(new Date("2027-03-31T12:00:00Z").getTime());

      // Every party reads the decision: the remedy with its due day, the findings in the history.
      const told = caseSchema.parse((await call(caseRoute, tokens["portfolios-act"]!, `/cases/${read.id}`, { params: { id: read.id } })).json);
      expect(told.remedies).toContainEqual(expect.objectContaining({ id: data.remedies[0]!.id, kind: "delete", description: "Delete the profile", source: "irm", dueDay: "2027-03-31", compliedAt: null }));
      expect(told.timeline.find((e) => e.type === "irm.determined")?.detail).toEqual({ kind: "remedies", remedies: [{ kind: "delete", dueDay: "2027-03-31" }], findings, verdict: "upheld" });
      expect(told.timeline.find((e) => e.type === "irm.eligibility_decided")?.detail).toEqual({ kind: "eligibility", decision: "eligible", reason: "A covered principle and a company answer on file." });
      // The same key again for another kind of step is a different request: refused, nothing stored.
      const reused = await take(read.id, { action: "acknowledge" }, key);
      expect(reused.json).toMatchObject({ status: 422, code: "idempotency_key_reused" });
      // The company now sees a compliance step for that remedy, named by its target.
      expect(all.find((c) => c.id === read.id)!.organisation).toBe("customer-portfolios");
      const company = tokens["portfolios-act"]!;
      {
        const seen = caseSchema.parse((await call(caseRoute, company, `/cases/${read.id}`, { params: { id: read.id } })).json);
        const comply = seen.steps.find((s) => s.action === "record_compliance");
        expect(comply).toMatchObject({ target: data.remedies[0]!.id, details: true });
        const untargeted = await call(stepRoute, company, `/cases/${read.id}/steps`, { body: { action: "record_compliance", details: { evidence: "Deleted on request." } }, params: { id: read.id } });
        expect(untargeted.json).toMatchObject({ status: 400, errors: { target: ["required"] } });
        const complied = await call(stepRoute, company, `/cases/${read.id}/steps`, { body: { action: "record_compliance", target: comply!.target, details: { evidence: "Deleted the profile and its backups." } }, params: { id: read.id } });
        expect(complied.status).toBe(201);
      }
    });

    it("a company's token cannot take a body's decision, and a read-only token takes none", async () => {
      const ana = all.find((c) => c.bodies.includes("ana") && c.organisation === "customer-portfolios")!;
      const before = await eventsOn(ana.id);
      const details = { verdict: "not_upheld", remedies: [], findings: "Nothing to remedy." };
      const asCompany = await call(stepRoute, tokens["portfolios-act"]!, `/cases/${ana.id}/steps`, { body: { action: "issue_determination", details }, params: { id: ana.id } });
      expect(asCompany.json).toMatchObject({ status: 403, code: "not_permitted" });
      const panel = all.find((c) => c.bodies.includes("eu-dpa-panel"))!;
      const readOnly = await call(stepRoute, tokens["panel-read"]!, `/cases/${panel.id}/steps`, { body: { action: "issue_advice", details }, params: { id: panel.id } });
      expect(readOnly.json).toMatchObject({ status: 403, code: "read_only" });
      expect(await eventsOn(ana.id)).toBe(before);
    });
  });

  describe("documents", () => {
    const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    async function mparticleCase() {
      const c = all.find((x) => x.organisation === "mparticle")!;
      return c.id;
    }
    const stored = async (caseId: string) => (await db().select({ n: count() }).from(attachments).where(eq(attachments.caseId, caseId)))[0]!.n;

    it("a document is uploaded once under one Idempotency-Key, listed, and downloaded byte for byte with its hash", async () => {
      const caseId = await mparticleCase();
      const token = tokens["mparticle-act"]!;
      const before = await stored(caseId);
      const key = crypto.randomUUID();
      const put = () => call(uploadRoute, token, `/cases/${caseId}/documents`, { form: upload({ name: "letter.pdf", bytes: PDF }), headers: { "idempotency-key": key }, params: { id: caseId } });
      const answers = [...(await Promise.all([put(), put()])), await put()];
      for (const a of answers) expect(a.status).toBe(201);
      const results = answers.map((a) => documentResultSchema.parse(a.json));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(results[0]).toMatchObject({ filename: "letter.pdf", mimeType: "application/pdf", size: PDF.length });
      expect(await stored(caseId)).toBe(before + 1);

      const listed = documentListSchema.parse((await call(documentsRoute, tokens["mparticle-read"]!, `/cases/${caseId}/documents`, { params: { id: caseId } })).json);
      expect(listed.data.map((d) => d.id)).toContain(results[0]!.id);
      const file = await send(documentRoute, tokens["mparticle-read"]!, `/cases/${caseId}/documents/${results[0]!.id}`, { params: { id: caseId, documentId: results[0]!.id } });
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/pdf");
      expect(file.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(file.headers.get("x-sha256")).toBe(results[0]!.sha256);
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

      // Another company's token: the same 404 as a document that does not exist.
      for (const [token2, documentId] of [[tokens["portfolios-act"]!, results[0]!.id], [tokens["mparticle-read"]!, crypto.randomUUID()], [tokens["mparticle-read"]!, "not-an-id"]] as const) {
        expect((await call(documentRoute, token2, `/cases/${caseId}/documents/${documentId}`, { params: { id: caseId, documentId } })).status).toBe(404);
      }
    });

    it("refuses, with a field error or the right status, what the pages refuse, and stores nothing", async () => {
      const caseId = await mparticleCase();
      const token = tokens["mparticle-act"]!;
      const before = await stored(caseId);
      const to = (init: CallInit) => call(uploadRoute, token, `/cases/${caseId}/documents`, { ...init, params: { id: caseId } });
      expect((await to({ form: upload({ name: "photo.png", bytes: PDF }) })).json).toMatchObject({ status: 400, code: "invalid", errors: { file: ["file_type_mismatch"] } });
      expect((await to({ form: upload({ name: "run.pdf", bytes: Buffer.concat([PDF, Buffer.from("/OpenAction << /JS (app.alert(1)) >>")]) }) })).json).toMatchObject({ status: 400, errors: { file: ["file_active_content"] } });
      expect((await to({ form: upload({ name: "empty.txt", bytes: "" }) })).json).toMatchObject({ status: 400, errors: { file: ["file_empty"] } });
      expect((await to({ form: upload({ name: "big.txt", bytes: "x".repeat(4 * 1024 * 1024 + 1) }) })).json).toMatchObject({ status: 400, errors: { file: ["file_too_large"] } });
      expect((await to({ form: upload({ name: "a.txt", bytes: "one" }, { name: "b.txt", bytes: "two" }) })).json).toMatchObject({ status: 400, errors: { file: ["required"] } });
      expect((await to({ form: new FormData() })).json).toMatchObject({ status: 400, errors: { file: ["required"] } });
      expect((await to({ body: { file: "letter.pdf" } })).status).toBe(415);
      expect((await to({ form: upload({ name: "huge.txt", bytes: "x".repeat(5 * 1024 * 1024) }) })).status).toBe(413);
      // A key that stored a file, sent with another file: a different request.
      const key = crypto.randomUUID();
      expect((await to({ form: upload({ name: "first.txt", bytes: "first" }), headers: { "idempotency-key": key } })).status).toBe(201);
      expect((await to({ form: upload({ name: "second.txt", bytes: "second" }), headers: { "idempotency-key": key } })).json).toMatchObject({ status: 422, code: "idempotency_key_reused" });
      expect((await call(uploadRoute, tokens["mparticle-read"]!, `/cases/${caseId}/documents`, { form: upload({ name: "note.txt", bytes: "read only" }), params: { id: caseId } })).json).toMatchObject({ status: 403, code: "read_only" });
      expect(await stored(caseId)).toBe(before + 1);
    });

    it("a path that is no operation is a problem, not a page", async () => {
      const answer = await call(async (request) => unknownRoute(request), tokens["mparticle-read"]!, "/tickets");
      expect(answer).toMatchObject({ status: 404, type: "application/problem+json", json: { code: "not_found" } });
      expect(String(answer.json.detail)).toContain("openapi.json");
    });
  });
});
