/**
 * The databases integration suites run on: PGlite always; real PostgreSQL when
 * TEST_DATABASE_URL is set (or a local server answers), unless TEST_DATABASES=pglite asks for
 * the embedded database alone (`npm run test:quick`). Each test database is created for the
 * suite and dropped after it.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type Database } from "@/db/client";

export type Kind = "pglite" | "postgres";

const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function postgresAvailable(): Promise<boolean> {
  const probe = postgres(serverUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

const pgliteOnly = process.env.TEST_DATABASES === "pglite";
const pgUp = !pgliteOnly && (await postgresAvailable());
if (!pgUp && !pgliteOnly) {
  if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`REQUIRE_POSTGRES=1 but no PostgreSQL answers at ${serverUrl}`);
  console.warn(`[integration] PostgreSQL not reachable at ${serverUrl}: running on PGlite only`);
}

export const KINDS: Kind[] = pgUp ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends Database {
  url?: string;
}

/**
 * An embedded database with every migration run, kept in the temporary folder under the
 * migrations' hash: each suite starts from it instead of migrating a new one.
 */
async function migratedImage(): Promise<Blob> {
  const folder = path.join(process.cwd(), "db", "migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(folder, { recursive: true }).map(String).sort()) if (name.endsWith(".sql") || name.endsWith(".json")) hash.update(name).update(readFileSync(path.join(folder, name)));
  const file = path.join(tmpdir(), `recourse-pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const migrated = await openDatabase({ dataDir: "memory://" });
    const image = await migrated.pglite!.dumpDataDir("none");
    await migrated.close();
    // Written aside and renamed: suites in parallel never read half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

export async function createTestDatabase(kind: Kind): Promise<TestDatabase> {
  if (kind === "pglite") return openDatabase({ dataDir: "memory://", image: await migratedImage() });
  const name = `recourse_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), max: 10 });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
