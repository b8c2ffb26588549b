/**
 * One `db` for the whole app: PGlite in a data folder when DATABASE_URL is unset, the
 * `postgres` driver when it is set. Migrations run when a process first opens it: on
 * PostgreSQL as MIGRATION_DATABASE_URL's role when that is set, which then grants the app's
 * role its rights (db/roles.ts), else as the app's own role.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { currentRole, grantAppRole } from "./roles";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The server's URL (postgres), for libraries that open their own pool (the job queue). */
  url?: string;
  /** The migrations role's URL (postgres), when it is not the app's: backups and restores use it. */
  migrationUrl?: string;
  /** The embedded database itself (pglite), for libraries that run SQL through it. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** A PostgreSQL URL; without one, PGlite. */
  url?: string;
  /** The PostgreSQL URL migrations run as (the tables' owner); without one, `url`. */
  migrationUrl?: string;
  /** PGlite's data folder; "memory://" for a throwaway database. */
  dataDir?: string;
  /** PGlite: a database to start from (`dumpDataDir`), so that only later migrations run. */
  image?: Blob;
  /** Connections in the postgres pool. */
  max?: number;
}

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

export function defaultConfig(): DatabaseConfig {
  return {
    url: process.env.DATABASE_URL || undefined,
    migrationUrl: process.env.MIGRATION_DATABASE_URL || undefined,
    dataDir: process.env.RECOURSE_DATA_DIR || path.join(process.cwd(), "data", "pglite"),
  };
}

export async function openDatabase(config: DatabaseConfig = defaultConfig(), { migrate = true } = {}): Promise<Database> {
  if (config.url) {
    const client = postgres(config.url, { max: config.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    try {
      if (migrate) await migrateServer(config.migrationUrl, client, db);
    } catch (error) {
      await client.end({ timeout: 5 });
      throw error;
    }
    return { db, kind: "postgres", url: config.url, migrationUrl: config.migrationUrl, close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = config.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm, btree_gin }, ...(config.image ? { loadDataDir: config.image } : {}) });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  if (migrate) await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  return { db, kind: "pglite", pglite: client, close: () => client.close() };
}

async function migrateServer(migrationUrl: string | undefined, app: postgres.Sql, appDb: Db) {
  if (!migrationUrl) {
    if (await mayMigrate(app)) return migratePostgres(appDb as never, { migrationsFolder: MIGRATIONS });
    // An app role without the owner's URL (the server, a worker): it only checks that the
    // migrations were run.
    const pending = await pendingMigrations(app);
    if (pending) throw new Error(`${pending} migration(s) not yet applied, and this role (DATABASE_URL) may not apply them: run npm run db:migrate with MIGRATION_DATABASE_URL set`);
    return;
  }
  const owner = postgres(migrationUrl, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(drizzlePostgres({ client: owner, schema }) as never, { migrationsFolder: MIGRATIONS });
    const [appRole, ownerRole] = await Promise.all([currentRole(app), currentRole(owner)]);
    if (appRole !== ownerRole) await grantAppRole(owner, appRole);
  } finally {
    await owner.end({ timeout: 5 });
  }
}

/** The tables' owner (or a superuser) may migrate; so may anyone on a database without them yet. */
async function mayMigrate(client: postgres.Sql): Promise<boolean> {
  const [row] = await client<{ may: boolean }[]>`
    SELECT coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relname = 'case_events'), true) AS may`;
  return row!.may;
}

/** Migrations in the folder that the database has not recorded (the app role may read the record: db/roles.ts). */
async function pendingMigrations(client: postgres.Sql): Promise<number> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  const [row] = await client<{ last: string | null }[]>`SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations`;
  const last = Number(row?.last ?? 0);
  return journal.entries.filter((e) => e.when > last).length;
}

const globalForDb = globalThis as unknown as { __recourseDb?: Promise<Database> };

/** The process-wide database, opened (and migrated) on first use. */
export function getDatabase(): Promise<Database> {
  globalForDb.__recourseDb ??= openDatabase().catch((error) => {
    globalForDb.__recourseDb = undefined;
    throw error;
  });
  return globalForDb.__recourseDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Test and script hook: use this database as the process-wide one. */
export function setDatabase(database: Database) {
  globalForDb.__recourseDb = Promise.resolve(database);
}

/** The rows of a raw `db.execute`: postgres-js returns them as the result, PGlite inside `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

export { schema };
