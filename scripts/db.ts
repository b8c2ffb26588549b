/**
 * `npm run db:migrate` applies the committed migrations; `npm run db:seed` also loads the
 * demo data (idempotent); `npm run db:backup -- FILE` and `npm run db:restore -- FILE` copy
 * the whole database out and back (stop the app first on the embedded database);
 * `npm run admin:add -- EMAIL` makes an address an administrator (the first one of a new
 * deployment comes from here). All work on PGlite (no DATABASE_URL) and PostgreSQL.
 */
import { defaultConfig, openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/seed";
import { backup, restore } from "@/lib/backup";
import { now } from "@/lib/clock";
import { grantAdministrator } from "@/lib/users/accounts";

const [command, file] = process.argv.slice(2);
if (!["migrate", "seed", "backup", "restore", "admin"].includes(command ?? "") || (command !== "migrate" && command !== "seed" && !file)) {
  console.error("usage: tsx scripts/db.ts migrate | seed | backup FILE | restore FILE | admin EMAIL");
  process.exit(2);
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
} finally {
  await database.close();
}
