/**
 * Issue 21 item 8: history that whoever writes to the database cannot quietly rewrite.
 * The app's role (PostgreSQL) may not change or remove events or audit rows, whatever it
 * sets; erasure still works through the one function. The audit log is a hash chain. A
 * superuser who rewrites history and rehashes it passes the chains' own check, and is caught
 * by a signed anchor of the heads taken before.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, rowsOf, type Database } from "@/db/client";
import { historyRisks } from "@/db/roles";
import { auditLog, caseEvents, cases } from "@/db/schema";
import { seedDirectory, seedUsers } from "@/db/seed/seed";
import { checkAnchor, createAnchor, newAnchorKeyPair, privateKeyOf, publicKeyOf, type Anchor } from "@/lib/audit/anchor";
import { verifyAuditLog } from "@/lib/audit/audit-chain";
import { verifyChains } from "@/lib/audit/verify-chain";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { eventHash } from "@/lib/cases/hash-chain";
import { DAY_MS } from "@/lib/ladder";
import { applyRetention } from "@/lib/retention/apply";
import { updateRetentionPolicy } from "@/lib/retention/policy";
import { requestErasure } from "@/lib/users/my-data";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const T0 = new Date("2026-11-24T10:00:00Z");

/** The database's message for a refused query (drizzle wraps it as the cause). */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => "done",
    (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
  );
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);

async function closedAndRequested(db: Database["db"], email: string) {
  const filed = await fileCase(db, filing({ email }), T0, { ip: "203.0.113.5", userAgent: "AuditTest/1" });
  const complainant = await actorByEmail(db, email);
  await recordEvent(db, complainant, filed.caseId, { type: "complainant.withdrew", data: {} }, { now: at(1) });
  await requestErasure(db, complainant, filed.caseId, at(2), { ip: "203.0.113.5", userAgent: "AuditTest/1" });
  return filed;
}

/** A superuser's rewrite of one event, with every later hash of the case and its head recomputed. */
async function rewriteEvent(db: Database["db"], caseId: string, seq: number) {
  await db.execute(sql`ALTER TABLE case_events DISABLE TRIGGER USER`);
  try {
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
    let previous: string | null = null;
    for (const e of events) {
      const data = e.seq === seq ? { ...(e.data as object), rewritten: true } : e.data;
      const hash = eventHash(previous, { caseId: e.caseId, seq: e.seq, type: e.type, at: e.at, party: e.party, actorUserId: e.actorUserId, data });
      await db.update(caseEvents).set({ data, prevHash: previous, hash }).where(eq(caseEvents.id, e.id));
      previous = hash;
    }
    await db.update(cases).set({ headHash: previous }).where(eq(cases.id, caseId));
  } finally {
    await db.execute(sql`ALTER TABLE case_events ENABLE TRIGGER USER`);
  }
}

/** A superuser's rewrite of one audit row, with every later row rehashed as the trigger would. */
async function rewriteAuditRow(db: Database["db"], seq: number) {
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  try {
    await db.execute(sql`UPDATE audit_log SET data = data || '{"rewritten": true}'::jsonb WHERE seq = ${seq}`);
    await db.execute(
      sql.raw(`DO $$ DECLARE r record; h text; BEGIN
        SELECT hash INTO h FROM audit_log WHERE seq = ${seq - 1};
        FOR r IN SELECT * FROM audit_log WHERE seq >= ${seq} ORDER BY seq LOOP
          UPDATE audit_log SET prev_hash = h, hash = encode(sha256(convert_to(audit_log_body(r.seq, h, r.at, r.actor_user_id, r.entity, r.entity_id, r.action, r.data, r.personal_digest), 'UTF8')), 'hex')
          WHERE seq = r.seq RETURNING hash INTO h;
        END LOOP; END $$`),
    );
  } finally {
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  }
}

describe.each(KINDS)("history on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  const keys = newAnchorKeyPair();
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDirectory(database.db);
    await seedUsers(database.db);
  });
  afterAll(async () => database?.close());

  it("no session setting opens events or audit rows, and erasure goes through the function alone", async () => {
    const filed = await fileCase(db(), filing({ email: "setting@example.eu" }), T0);
    await updateRetentionPolicy(db(), await actorByEmail(db(), "admin@recourse.example"), 400, T0, { confirmedShorter: true });
    for (const setting of ["recourse.erasure", "recourse.history"]) {
      const attempt = (statement: ReturnType<typeof sql>) =>
        db().transaction(async (tx) => {
          await tx.execute(sql`SELECT set_config(${setting}, 'on', true)`);
          await tx.execute(statement);
        });
      await expect(attempt(sql`DELETE FROM case_events WHERE case_id = ${filed.caseId}`)).rejects.toThrow();
      await expect(attempt(sql`UPDATE case_events SET type = 'x' WHERE case_id = ${filed.caseId}`)).rejects.toThrow();
      await expect(attempt(sql`UPDATE audit_log SET data = '{}'::jsonb`)).rejects.toThrow();
      await expect(attempt(sql`UPDATE audit_log SET ip = NULL, user_agent = NULL, personal_salt = NULL`)).rejects.toThrow();
      await expect(attempt(sql`DELETE FROM audit_log`)).rejects.toThrow();
      await expect(attempt(sql`TRUNCATE case_events, audit_log CASCADE`)).rejects.toThrow();
    }
    // The function erases closed cases only.
    expect(await refusal(db().execute(sql`SELECT recourse_erase_cases(ARRAY[${filed.caseId}]::uuid[], 1, now())`))).toMatch(/only closed cases/);
    expect(await db().select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, filed.caseId))).not.toHaveLength(0);
  });

  it("chains the audit log, rows written together included, and still verifies after erasure clears ip and user agent", async () => {
    const a = await closedAndRequested(db(), "chain-a@example.eu");
    const b = await closedAndRequested(db(), "chain-b@example.eu");
    const [requested] = await db().select().from(auditLog).where(eq(auditLog.entityId, a.caseId));
    expect(requested).toMatchObject({ ip: "203.0.113.5", userAgent: "AuditTest/1" });
    expect(requested!.personalDigest).toMatch(/^[0-9a-f]{64}$/);
    // One call erases both: the function writes both audit entries in one statement.
    expect(await applyRetention(db(), at(2))).toEqual({ erased: 2 });
    const rows = await db().select().from(auditLog).orderBy(asc(auditLog.seq));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.action === "erased").map((r) => r.entityId).sort()).toEqual([a.caseId, b.caseId].sort());
    const cleared = rows.find((r) => r.id === requested!.id)!;
    expect(cleared).toMatchObject({ ip: null, userAgent: null, personalSalt: null, personalDigest: requested!.personalDigest, hash: requested!.hash });
    const report = await verifyAuditLog(db());
    expect(report.problems).toEqual([]);
    expect(report.head).toEqual({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });
    // What an insert says about the chain is ignored: the trigger sets it.
    await db().insert(auditLog).values({ entity: "test", entityId: "x", action: "forged", data: {}, seq: 1, prevHash: "f".repeat(64), hash: "0".repeat(64) });
    expect((await verifyAuditLog(db())).problems).toEqual([]);
  });

  it("writers at once keep one unbroken chain", async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db().transaction(async (tx) => {
          await tx.insert(auditLog).values({ entity: "test", entityId: String(i), action: "concurrent", data: { i } });
          await tx.insert(auditLog).values({ entity: "test", entityId: String(i), action: "concurrent_second", data: { i } });
        }),
      ),
    );
    const report = await verifyAuditLog(db());
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe((await db().select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n);
  });

  it("a superuser's rewritten and rehashed history passes the chains' check and fails against the anchor taken before", async () => {
    const filed = await fileCase(db(), filing({ email: "anchored@example.eu" }), T0);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await recordEvent(db(), staff, filed.caseId, { type: "organisation.responded", data: {} }, { now: at(1) });
    const erasedLater = await closedAndRequested(db(), "erased-after-anchor@example.eu");
    const anchor: Anchor = JSON.parse(JSON.stringify(await createAnchor(db(), privateKeyOf(keys.privateKey), at(3))));
    const publicKey = publicKeyOf(keys.publicKey);
    expect(anchor.statement.events[filed.caseId]).toMatchObject({ seq: 2 });
    expect(await checkAnchor(db(), anchor, publicKey)).toEqual([]);

    // History goes on after the anchor: new events, new audit rows, a case erased properly.
    await recordEvent(db(), await actorByEmail(db(), "anchored@example.eu"), filed.caseId, { type: "irm.escalated", data: {} }, { now: at(4) });
    expect(await applyRetention(db(), at(4))).toEqual({ erased: 1 });
    expect(await checkAnchor(db(), anchor, publicKey)).toEqual([]);
    expect(anchor.statement.events[erasedLater.caseId]).toBeDefined();

    // Another key's signature, or an edited statement, is not an anchor.
    expect(await checkAnchor(db(), anchor, publicKeyOf(newAnchorKeyPair().publicKey))).toEqual([{ chain: "anchor", problem: "bad_signature" }]);
    const edited = structuredClone(anchor);
    edited.statement.events[filed.caseId]!.hash = "0".repeat(64);
    expect(await checkAnchor(db(), edited, publicKey)).toEqual([{ chain: "anchor", problem: "bad_signature" }]);

    await rewriteEvent(db(), filed.caseId, 1);
    const auditSeq = anchor.statement.auditLog!.seq;
    await rewriteAuditRow(db(), auditSeq - 1);
    expect((await verifyChains(db())).problems).toEqual([]);
    expect((await verifyAuditLog(db())).problems).toEqual([]);
    expect(await checkAnchor(db(), anchor, publicKey)).toEqual([
      { chain: "audit_log", seq: auditSeq, problem: "anchor_mismatch" },
      { chain: "case", caseId: filed.caseId, seq: 2, problem: "anchor_mismatch" },
    ]);
  });

  it("a case removed by a superuser without an erasure is missing from the anchored history", async () => {
    const filed = await fileCase(db(), filing({ email: "removed@example.eu" }), T0);
    const anchor = await createAnchor(db(), privateKeyOf(keys.privateKey), at(5));
    await db().execute(sql`ALTER TABLE case_events DISABLE TRIGGER USER`);
    try {
      await db().transaction(async (tx) => {
        for (const table of ["outbox", "clock_notices", "deadlines", "remedies", "attachments", "messages", "case_bodies", "case_events"]) await tx.execute(sql.raw(`DELETE FROM ${table} WHERE case_id = '${filed.caseId}'`));
        await tx.delete(cases).where(eq(cases.id, filed.caseId));
      });
    } finally {
      await db().execute(sql`ALTER TABLE case_events ENABLE TRIGGER USER`);
    }
    expect((await verifyChains(db())).problems).toEqual([]);
    expect(await checkAnchor(db(), anchor, publicKeyOf(keys.publicKey))).toContainEqual({ chain: "case", caseId: filed.caseId, seq: 1, problem: "missing" });
  });

  it("detects an edited audit row, a deleted one in the middle, and a changed ip", async () => {
    await db().insert(auditLog).values({ entity: "test", entityId: "ip", action: "with_ip", data: {}, ip: "198.51.100.1", userAgent: "Agent/1" });
    await db().insert(auditLog).values({ entity: "test", entityId: "tail", action: "tail", data: {} });
    const rows = await db().select().from(auditLog).orderBy(asc(auditLog.seq));
    const withIp = rows.find((r) => r.action === "with_ip")!;
    expect(withIp.personalSalt).not.toBeNull();
    const [, edited, deleted, after] = rows;
    expect(after!.seq).toBeLessThan(withIp.seq);
    await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    try {
      await db().execute(sql`UPDATE audit_log SET action = 'something_else' WHERE id = ${edited!.id}`);
      await db().execute(sql`DELETE FROM audit_log WHERE id = ${deleted!.id}`);
      await db().execute(sql`UPDATE audit_log SET ip = '192.0.2.1' WHERE id = ${withIp.id}`);
    } finally {
      await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    }
    const problems = (await verifyAuditLog(db())).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { seq: edited!.seq, problem: "hash_mismatch" },
        { seq: withIp.seq, problem: "personal_mismatch" },
      ]),
    );
    expect(problems).toEqual(expect.arrayContaining([{ seq: after!.seq, problem: "gap" }, { seq: after!.seq, problem: "broken_link" }]));
  });
});

describe.skipIf(!KINDS.includes("postgres"))("the app's own role on postgres", () => {
  // As in production: the tables belong to a role that is not a superuser (it may create
  // roles), and the app has a login of its own.
  const suffix = randomBytes(4).toString("hex");
  const role = `recourse_app_test_${suffix}`;
  const ownerRole = `recourse_owner_test_${suffix}`;
  const name = `recourse_test_roles_${suffix}`;
  const server = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const urlFor = (user: string | null) => {
    const url = new URL(server);
    url.pathname = `/${name}`;
    if (user) url.username = user;
    return url.toString();
  };
  const appUrl = urlFor(role);
  let app: Database;
  let appClient: postgres.Sql;
  let superuser: postgres.Sql;
  let ownerClient: postgres.Sql;
  beforeAll(async () => {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE ROLE ${ownerRole} LOGIN CREATEROLE`);
    await admin.unsafe(`CREATE ROLE ${role} LOGIN`);
    await admin.unsafe(`CREATE DATABASE ${name} OWNER ${ownerRole}`);
    await admin.end({ timeout: 5 });
    // As production opens it: migrations as the owner, which then grants the app role.
    app = await openDatabase({ url: appUrl, migrationUrl: urlFor(ownerRole), max: 2 });
    // As the server and workers open it, without the owner's URL: up to date, nothing to do.
    await (await openDatabase({ url: appUrl, max: 1 })).close();
    await seedDirectory(app.db);
    await seedUsers(app.db);
    appClient = postgres(appUrl, { max: 1, onnotice: () => {} });
    ownerClient = postgres(urlFor(ownerRole), { max: 1, onnotice: () => {} });
    superuser = postgres(urlFor(null), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    for (const client of [appClient, ownerClient, superuser]) await client?.end({ timeout: 5 });
    await app?.close();
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`DROP ROLE IF EXISTS ${role}`);
    await admin.unsafe(`DROP ROLE IF EXISTS ${ownerRole}`);
    await admin.end({ timeout: 5 });
  });

  it("owns nothing, and may not update, delete or truncate events or audit rows, whatever it sets or tries", async () => {
    expect(await historyRisks(appClient)).toEqual([]);
    expect(await historyRisks(superuser)).toContain("is a superuser");
    expect(await historyRisks(ownerClient)).toContain("owns the history tables");
    const filed = await fileCase(app.db, filing({ email: "app-role@example.eu" }), T0, { ip: "203.0.113.9", userAgent: "AppRole/1" });
    await updateRetentionPolicy(app.db, await actorByEmail(app.db, "admin@recourse.example"), 400, T0, { confirmedShorter: true });
    const attempts = [
      `UPDATE case_events SET type = 'x' WHERE case_id = '${filed.caseId}'`,
      `DELETE FROM case_events WHERE case_id = '${filed.caseId}'`,
      `TRUNCATE case_events CASCADE`,
      `UPDATE audit_log SET data = '{}'::jsonb`,
      `UPDATE audit_log SET ip = NULL, user_agent = NULL, personal_salt = NULL`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `ALTER TABLE case_events DISABLE TRIGGER USER`,
      `ALTER TABLE audit_log DISABLE TRIGGER USER`,
      `DROP TRIGGER case_events_no_update ON case_events`,
      `CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
      `ALTER FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) SECURITY INVOKER`,
    ];
    const prefixes = ["", "SET recourse.erasure = 'on'", "SET session_replication_role = replica", "SET ROLE recourse_history", `SET ROLE ${role}`];
    for (const prefix of prefixes) {
      for (const statement of attempts) {
        const outcome = await appClient
          .begin(async (tx) => {
            // A refused prefix rolls back to its savepoint, so the statement itself is tried.
            if (prefix) await tx.savepoint((sp) => sp.unsafe(prefix)).catch(() => undefined);
            await tx.unsafe(statement);
          })
          .then(
            () => "done",
            (error: { message: string }) => error.message,
          );
        expect(outcome, `${prefix}; ${statement}`).toMatch(/^(permission denied|must be owner)/);
      }
    }
    const [{ n }] = await superuser<{ n: number }[]>`SELECT count(*)::int AS n FROM case_events WHERE case_id = ${filed.caseId} AND type <> 'x'`;
    expect(n).toBeGreaterThan(0);
    expect((await verifyChains(app.db)).problems).toEqual([]);
    expect((await verifyAuditLog(app.db)).problems).toEqual([]);
  });

  it("erases through the function: the case, its history and the person go, the audit entry stays, both chains verify", async () => {
    const filed = await closedAndRequested(app.db, "erased-by-app@example.eu");
    const open = await fileCase(app.db, filing({ email: "open-by-app@example.eu" }), T0);
    expect(await refusal(app.db.execute(sql`SELECT recourse_erase_cases(ARRAY[${open.caseId}]::uuid[], 1, now())`))).toMatch(/only closed cases/);
    expect(await applyRetention(app.db, at(2))).toEqual({ erased: 1 });
    expect(await app.db.select().from(caseEvents).where(eq(caseEvents.caseId, filed.caseId))).toEqual([]);
    expect(rowsOf(await app.db.execute(sql`SELECT 1 FROM users WHERE email = 'erased-by-app@example.eu'`))).toEqual([]);
    const trail = await app.db.select().from(auditLog).where(eq(auditLog.entityId, filed.caseId)).orderBy(asc(auditLog.seq));
    expect(trail.map((r) => [r.action, r.ip, r.userAgent])).toEqual([
      ["erasure_requested", null, null],
      ["erased", null, null],
    ]);
    expect((await verifyChains(app.db)).problems).toEqual([]);
    expect((await verifyAuditLog(app.db)).problems).toEqual([]);
  });

  it("an app role without the owner's URL does not migrate, and refuses to start on a database that needs it", async () => {
    await superuser`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations)`;
    await expect(openDatabase({ url: appUrl, max: 1 })).rejects.toThrow(/1 migration\(s\) not yet applied.*MIGRATION_DATABASE_URL/);
  });
});
