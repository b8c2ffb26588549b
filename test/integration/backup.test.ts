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
import { verifyChains } from "@/lib/audit/verify-chain";
import { backup, restore } from "@/lib/backup";
import { fileCase } from "@/lib/cases/commands";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { filing } from "./support/helpers";

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
  }, 180_000); // dumps and restores a whole database
});
