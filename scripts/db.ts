/**
 * `npm run db:migrate` applies the committed migrations; `npm run db:seed` also loads the
 * demo data (idempotent); `npm run db:backup -- FILE` and `npm run db:restore -- FILE` copy
 * the whole database out and back (stop the app first on the embedded database);
 * `npm run admin:add -- EMAIL` makes an address an administrator (the first one of a new
 * deployment comes from here). All work on PGlite (no DATABASE_URL) and PostgreSQL. On
 * PostgreSQL, migrations run as MIGRATION_DATABASE_URL's role when it is set, and say when
 * the app's role could rewrite history. `npm run db:roles` (PostgreSQL) creates the app role
 * named in DATABASE_URL if it does not exist, then migrates and grants it its rights
 * (README: Production).
 */
import postgres from "postgres";
import { defaultConfig, openDatabase } from "@/db/client";
import { ensureAppRole, historyRisks } from "@/db/roles";
import { seedDemo } from "@/db/seed/seed";
import { backup, restore } from "@/lib/backup";
import { now } from "@/lib/clock";
import { grantAdministrator } from "@/lib/users/accounts";

const [command, file] = process.argv.slice(2);
if (!["migrate", "seed", "backup", "restore", "roles", "admin"].includes(command ?? "") || (["backup", "restore", "admin"].includes(command!) && !file)) {
  console.error("usage: tsx scripts/db.ts migrate | seed | roles | backup FILE | restore FILE | admin EMAIL");
  process.exit(2);
}
if (command === "roles") {
  const { url, migrationUrl } = defaultConfig();
  if (!url || !migrationUrl) {
    console.error("[db] roles needs DATABASE_URL (the app's role) and MIGRATION_DATABASE_URL (the role that owns the tables)");
    process.exit(2);
  }
  const owner = postgres(migrationUrl, { max: 1, onnotice: () => {} });
  try {
    const { role, created } = await ensureAppRole(owner, url);
    console.log(`[db] app role ${role} ${created ? "created" : "exists"}`);
    // The job queue's schema must be the app role's; one made by another role is dropped
    // (pg-boss makes it again; the mail waiting to go is in the outbox, not in the queue).
    const [queue] = await owner<{ owner: string }[]>`SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`;
    if (queue && queue.owner !== role) {
      await owner.unsafe("DROP SCHEMA pgboss CASCADE");
      console.log(`[db] dropped the job queue's schema (it belonged to ${queue.owner}); the app makes it again as ${role}`);
    }
  } finally {
    await owner.end({ timeout: 5 });
  }
}
if (command === "restore") {
  const { keptAside } = await restore(defaultConfig(), file!);
  console.log(`[db] restored ${file}${keptAside ? ` (the previous data folder is kept at ${keptAside})` : ""}`);
  process.exit(0);
}
// Demo data carries sign-in links, signed with the demo secret kept in ./data.
if (command === "seed") process.env.RECOURSE_DEMO ??= "1";
const database = await openDatabase();
try {
  if (command === "seed") await seedDemo(database.db, await now(database.db));
  if (command === "backup") await backup(database, file!);
  if (command === "admin") await grantAdministrator(database.db, file!, await now(database.db));
  console.log(`[db] ${command} done on ${database.kind}${file ? `: ${file}` : ""}`);
  if (database.kind === "postgres" && command !== "backup") await warnAboutRole(database.url!);
} finally {
  await database.close();
}

async function warnAboutRole(url: string) {
  const app = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const risks = await historyRisks(app);
    if (risks.length) console.warn(`[db] the app's database role ${risks.join(", ")}: it can disable the guards on history. Give it a role of its own (MIGRATION_DATABASE_URL, npm run db:roles; README: Production).`);
  } finally {
    await app.end({ timeout: 5 });
  }
}
