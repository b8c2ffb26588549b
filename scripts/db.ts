/**
 * `npm run db:migrate` applies the committed migrations; `npm run db:seed` also loads the
 * demo data (idempotent); `npm run db:backup -- FILE` and `npm run db:restore -- FILE` copy
 * the whole database out and back (stop the app first on the embedded database). All work
 * on PGlite (no DATABASE_URL) and PostgreSQL.
 */
import { defaultConfig, openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/seed";
import { backup, restore } from "@/lib/backup";
import { now } from "@/lib/clock";

const [command, file] = process.argv.slice(2);
if (!["migrate", "seed", "backup", "restore"].includes(command ?? "") || ((command === "backup" || command === "restore") && !file)) {
  console.error("usage: tsx scripts/db.ts migrate | seed | backup FILE | restore FILE");
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
  console.log(`[db] ${command} done on ${database.kind}${file ? `: ${file}` : ""}`);
} finally {
  await database.close();
}
