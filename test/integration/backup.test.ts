/**
 * Backup and restore round-trip on both databases (issue 8): what was there at the backup is
 * there after the restore, later changes are gone, and every hash chain is intact.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/client";
import { cases } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { verifyAuditLog } from "@/lib/audit/audit-chain";
import { verifyChains } from "@/lib/audit/verify-chain";
import { backup, restore } from "@/lib/backup";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { applyRetention } from "@/lib/retention/apply";
import { requestErasure } from "@/lib/users/my-data";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const count = async (database: Database) => (await database.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n;
const references = async (database: Database) => (await database.db.select({ r: cases.reference }).from(cases)).map((r) => r.r).sort();

describe.each(KINDS)("db:backup and db:restore on %s", (kind) => {
  let dir: string;
  let database: TestDatabase | Database;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "recourse-backup-"));
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips: the backup's cases come back, later ones go, the chains hold", async () => {
    const dataDir = path.join(dir, "pglite");
    database = kind === "postgres" ? await createTestDatabase("postgres") : await openDatabase({ dataDir });
    await seedDemo(database.db, NOW);
    const before = await references(database);
    const file = path.join(dir, kind === "postgres" ? "recourse.pgdump" : "recourse.tar.gz");
    await backup(database, file);

    const later = await fileCase(database.db, filing({ email: "after-backup@example.eu" }), NOW);
    expect(await count(database)).toBe(before.length + 1);

    if (kind === "postgres") {
      await restore({ url: (database as TestDatabase).url }, file);
    } else {
      await database.close();
      const { keptAside } = await restore({ dataDir }, file);
      expect(keptAside).toBeTruthy();
      database = await openDatabase({ dataDir });
    }
    expect(await references(database)).toEqual(before);
    expect(await references(database)).not.toContain(later.reference);
    const report = await verifyChains(database.db);
    expect(report.problems).toEqual([]);
    expect(report.cases).toBe(before.length);
    expect((await verifyAuditLog(database.db)).problems).toEqual([]);

    // History is guarded after the restore as before: refused to the app, open to erasure alone.
    const restored = await fileCase(database.db, filing({ email: "after-restore@example.eu" }), NOW);
    await expect(database.db.execute(sql`DELETE FROM case_events WHERE case_id = ${restored.caseId}`)).rejects.toThrow();
    const complainant = await actorByEmail(database.db, "after-restore@example.eu");
    await recordEvent(database.db, complainant, restored.caseId, { type: "complainant.withdrew", data: {} }, { now: NOW });
    await requestErasure(database.db, complainant, restored.caseId, NOW);
    expect(await applyRetention(database.db, NOW)).toEqual({ erased: 1 });
    expect((await verifyAuditLog(database.db)).problems).toEqual([]);
  }, 180_000); // dumps and restores a whole database
});
