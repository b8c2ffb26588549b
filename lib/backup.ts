/**
 * Backup and restore of the whole database, for either kind: PostgreSQL through its own
 * tools (pg_dump's custom format, restored with pg_restore in one transaction), PGlite as a
 * gzipped tarball of its data folder (its own dumpDataDir). A backup restores into the same
 * kind of database it came from. On PostgreSQL both run as the migrations role when
 * MIGRATION_DATABASE_URL is set (the app role may not read the migrations' own table).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";
import type { Database, DatabaseConfig } from "@/db/client";
import { restoreHistoryGuards } from "@/db/roles";

const run = promisify(execFile);

export async function backup(database: Database, file: string): Promise<void> {
  if (database.kind === "postgres") {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, database.migrationUrl ?? database.url!]);
    return;
  }
  const dump = await database.pglite!.dumpDataDir("gzip");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
}

/**
 * Replaces the database's content with the backup's. On PGlite the app must be stopped (one
 * process owns the folder); the folder it replaces is kept beside it, renamed.
 */
export async function restore(config: DatabaseConfig, file: string): Promise<{ keptAside?: string }> {
  if (config.url) {
    const url = config.migrationUrl ?? config.url;
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction", `--dbname=${url}`, file]);
    // Owners and grants are not restored: the erasure function's are set again here, the
    // app role's when the app next migrates (db/client.ts).
    const owner = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await restoreHistoryGuards(owner);
    } finally {
      await owner.end({ timeout: 5 });
    }
    return {};
  }
  const dataDir = config.dataDir!;
  let keptAside: string | undefined;
  if (existsSync(dataDir)) {
    keptAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(dataDir, keptAside);
  }
  const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([await readFile(file)]), extensions: { pg_trgm, btree_gin } });
  await pglite.close();
  return { keptAside };
}
