/**
 * Migrations that move data, run from the schema before them on rows as that schema held
 * them (PGlite: the SQL is the same on both databases).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/pglite/migrator";
import { openDatabase, rowsOf, type Database } from "@/db/client";
import { verifyAuditLog } from "@/lib/audit/audit-chain";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";
import type { Actor } from "@/lib/auth/actor";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** A copy of the migrations folder that stops after migration `last`. */
function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "recourse-migrations-"));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const entries = journal.entries.filter((e) => e.idx <= last);
  mkdirSync(path.join(dir, "meta"));
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const file of readdirSync(MIGRATIONS).filter((f) => entries.some((e) => f === `${e.tag}.sql`))) cpSync(path.join(MIGRATIONS, file), path.join(dir, file));
  return dir;
}

const user = (userId: string): Actor => ({ kind: "user", userId, email: `${userId}@example.eu`, name: null, locale: "en", isAdmin: false, memberships: [] });

describe("migration 0019: a notice to a person becomes one outbox row", () => {
  let database: Database | undefined;
  let before: string | undefined;
  afterAll(async () => {
    await database?.close();
    if (before) rmSync(before, { recursive: true, force: true });
  });

  it("gives each mailed bell item's mail its owner and read time, and keeps unmailed bell items as rows without an address", async () => {
    database = await openDatabase({ dataDir: "memory://" }, { migrate: false });
    const { db } = database;
    before = migrationsUpTo(18);
    await migrate(db as never, { migrationsFolder: before });

    const read = "2026-11-20T10:00:00.000Z";
    await db.execute(sql`INSERT INTO users (id, email, locale) VALUES ('anna', 'anna@example.eu', 'de'), ('staff', 'staff@example.com', NULL)`);
    await db.execute(sql`
      INSERT INTO notifications (user_id, case_id, kind, data, dedupe_key, read_at, created_at) VALUES
        ('anna', NULL, 'step', '{"params":{"step":"organisation.acknowledged","reference":"RC-1"}}', 'ev:c1:2:step:anna', ${read}::timestamptz, '2026-11-19T10:00:00Z'),
        ('staff', NULL, 'new-case', '{"params":{"reference":"RC-1"}}', 'ev:c1:1:new-case:staff', NULL, '2026-11-18T10:00:00Z'),
        ('anna', NULL, 'step', '{}', NULL, NULL, '2026-11-17T10:00:00Z')`);
    await db.execute(sql`
      INSERT INTO outbox (dedupe_key, to_email, locale, template, params) VALUES
        ('ev:c1:2:step:anna', 'anna@example.eu', 'de', 'notice:step', '{"step":"organisation.acknowledged","reference":"RC-1"}'),
        ('magic:anna:1', 'anna@example.eu', 'de', 'magic-link', '{}')`);

    await migrate(db as never, { migrationsFolder: MIGRATIONS });

    const rows = rowsOf(await db.execute(sql`SELECT dedupe_key, user_id, to_email, status, template, params, read_at FROM outbox ORDER BY created_at, dedupe_key`)) as Record<string, unknown>[];
    const byKey = new Map(rows.map((r) => [String(r.dedupe_key), r]));
    expect(rows).toHaveLength(4);
    // The mail of a bell item: one row, still to be sent, now also in Anna's bell and read when she read it.
    expect(byKey.get("ev:c1:2:step:anna")).toMatchObject({ user_id: "anna", to_email: "anna@example.eu", status: "pending" });
    expect(new Date(byKey.get("ev:c1:2:step:anna")!.read_at as string).toISOString()).toBe(read);
    // A bell item that was never mailed: no address, nothing to send.
    expect(byKey.get("ev:c1:1:new-case:staff")).toMatchObject({ user_id: "staff", to_email: null, status: null, template: "notice:new-case", params: { reference: "RC-1" } });
    // A bell item without a key gets one; other mail names nobody.
    expect([...byKey.keys()].filter((k) => k.startsWith("bell:"))).toHaveLength(1);
    expect(byKey.get("magic:anna:1")).toMatchObject({ user_id: null, to_email: "anna@example.eu", status: "pending" });
    expect(rowsOf(await db.execute(sql`SELECT to_regclass('notifications') AS t`))[0]).toMatchObject({ t: null });

    // The bell reads them as before.
    const anna = await listNotifications(db as never, user("anna"));
    expect(anna.map((n) => [n.kind, n.params.step ?? null, n.read])).toEqual([
      ["step", "organisation.acknowledged", true],
      ["step", null, false],
    ]);
    expect(await unreadCount(db as never, user("staff"))).toBe(1);
  });
});

describe("migration 0023: a certification's status gets its date and source", () => {
  let database: Database | undefined;
  let before: string | undefined;
  afterAll(async () => {
    await database?.close();
    if (before) rmSync(before, { recursive: true, force: true });
  });

  it("dates each existing status from the row's last change and names the seed's policy as its source", async () => {
    database = await openDatabase({ dataDir: "memory://" }, { migrate: false });
    const { db } = database;
    before = migrationsUpTo(22);
    await migrate(db as never, { migrationsFolder: before });
    await db.execute(sql`INSERT INTO organisations (id, slug, name, country) VALUES ('00000000-0000-4000-8000-000000000001', 'acme', 'Acme', 'US')`);
    await db.execute(sql`
      INSERT INTO certifications (organisation_id, framework, status, retains_framework_data, updated_at)
      VALUES ('00000000-0000-4000-8000-000000000001', 'eu-us-ps', 'inactive', true, '2025-03-04T05:06:07Z')`);

    await migrate(db as never, { migrationsFolder: MIGRATIONS });

    const [row] = rowsOf(await db.execute(sql`SELECT status, status_since, status_source FROM certifications`)) as Record<string, unknown>[];
    expect(row).toMatchObject({ status: "inactive", status_source: "company_policy" });
    expect(new Date(row!.status_since as string).toISOString()).toBe("2025-03-04T05:06:07.000Z");
    await expect(db.execute(sql`INSERT INTO certifications (organisation_id, framework, status) VALUES ('00000000-0000-4000-8000-000000000001', 'eu-us-dpf', 'active')`)).rejects.toThrow();
  });
});

describe("migration 0048: the status sources Recourse wrote become codes; an administrator's stay as typed", () => {
  let database: Database | undefined;
  let before: string | undefined;
  afterAll(async () => {
    await database?.close();
    if (before) rmSync(before, { recursive: true, force: true });
  });

  it("rewrites the seed's, the list import's and the delisting's sources, and the arbitration administrator's seeded name", async () => {
    database = await openDatabase({ dataDir: "memory://" }, { migrate: false });
    const { db } = database;
    before = migrationsUpTo(47);
    await migrate(db as never, { migrationsFolder: before });
    await db.execute(sql`INSERT INTO organisations (id, slug, name, country) VALUES ('00000000-0000-4000-8000-000000000001', 'acme', 'Acme', 'US')`);
    await db.execute(sql`
      INSERT INTO certifications (organisation_id, framework, status, status_source) VALUES
        ('00000000-0000-4000-8000-000000000001', 'eu-us-ps', 'active', 'seed: company policy'),
        ('00000000-0000-4000-8000-000000000001', 'eu-us-dpf', 'inactive', 'participant list import, 2026-12-01'),
        ('00000000-0000-4000-8000-000000000001', 'uk-ext-dpf', 'removed', 'FTC referral register: removed for persistent failure to comply (R4.2)'),
        ('00000000-0000-4000-8000-000000000001', 'swiss-us-dpf', 'withdrawn', 'participant list import, seen by hand')`);
    await db.execute(sql`INSERT INTO providers (slug, name, kind, time_zone) VALUES ('icdr-aaa', 'ICDR-AAA (arbitration administrator)', 'arbitration_administrator', 'America/New_York'), ('jams', 'JAMS (renamed by an administrator)', 'adr', 'America/Los_Angeles')`);

    await migrate(db as never, { migrationsFolder: MIGRATIONS });

    const sources = rowsOf(await db.execute(sql`SELECT framework, status_source FROM certifications ORDER BY framework`)) as { framework: string; status_source: string }[];
    expect(Object.fromEntries(sources.map((r) => [r.framework, r.status_source]))).toEqual({
      "eu-us-ps": "company_policy",
      "eu-us-dpf": "participant_list:2026-12-01",
      "uk-ext-dpf": "delisted",
      "swiss-us-dpf": "participant list import, seen by hand",
    });
    const names = rowsOf(await db.execute(sql`SELECT slug, name FROM providers ORDER BY slug`)) as { slug: string; name: string }[];
    expect(names).toEqual([
      { slug: "icdr-aaa", name: "ICDR-AAA" },
      { slug: "jams", name: "JAMS (renamed by an administrator)" },
    ]);
  });
});

describe("migration 0032: the audit log becomes a hash chain", () => {
  let database: Database | undefined;
  let before: string | undefined;
  afterAll(async () => {
    await database?.close();
    if (before) rmSync(before, { recursive: true, force: true });
  });

  it("chains the rows already there in the order they were written, and new rows after them", async () => {
    database = await openDatabase({ dataDir: "memory://" }, { migrate: false });
    const { db } = database;
    before = migrationsUpTo(31);
    await migrate(db as never, { migrationsFolder: before });
    await db.execute(sql`
      INSERT INTO audit_log (actor_user_id, entity, entity_id, action, data, ip, user_agent, at) VALUES
        ('u1', 'policy', 'retention', 'retention_changed', '{"from": 1095, "to": 30}', NULL, NULL, '2026-01-01T00:00:00Z'),
        ('u2', 'case', 'c1', 'erasure_requested', '{"reference": "RC-1"}', '203.0.113.1', 'Agent/1', '2026-01-02T00:00:00Z'),
        (NULL, 'case', 'c1', 'erased', '{"reference": "RC-1", "reason": "request"}', NULL, NULL, '2026-01-03T00:00:00Z')`);

    await migrate(db as never, { migrationsFolder: MIGRATIONS });
    await db.execute(sql`INSERT INTO audit_log (entity, entity_id, action) VALUES ('test', 'x', 'after')`);

    const rows = rowsOf(await db.execute(sql`SELECT action, seq, prev_hash, hash, personal_salt, personal_digest FROM audit_log ORDER BY id`)) as Record<string, unknown>[];
    expect(rows.map((r) => [r.action, Number(r.seq)])).toEqual([["retention_changed", 1], ["erasure_requested", 2], ["erased", 3], ["after", 4]]);
    expect(rows[0]!.prev_hash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows[1]!.personal_salt).not.toBeNull();
    expect(rows[0]!.personal_digest).toBeNull();
    const report = await verifyAuditLog(db);
    expect(report).toMatchObject({ rows: 4, problems: [] });
  });
});
