/**
 * `npm run db:migrate` applies the committed migrations; `npm run db:seed` also loads the
 * demo data (idempotent). Both work on PGlite (no DATABASE_URL) and PostgreSQL.
 */
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/seed";
import { now } from "@/lib/clock";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("usage: tsx scripts/db.ts migrate|seed");
  process.exit(2);
}
// Demo data carries sign-in links, signed with the demo secret kept in ./data.
if (command === "seed") process.env.RECOURSE_DEMO ??= "1";
const database = await openDatabase();
try {
  if (command === "seed") await seedDemo(database.db, await now(database.db));
  console.log(`[db] ${command} done on ${database.kind}`);
} finally {
  await database.close();
}
