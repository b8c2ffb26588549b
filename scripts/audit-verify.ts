/**
 * `npm run audit:verify`: checks every case's hash-chained history (lib/audit/verify-chain).
 * Prints each problem and exits 1 if there is any; on PGlite (no DATABASE_URL) the app must
 * be stopped, since the embedded database allows one process.
 */
import { openDatabase } from "@/db/client";
import { verifyChains } from "@/lib/audit/verify-chain";

const database = await openDatabase();
try {
  const report = await verifyChains(database.db);
  for (const p of report.problems) console.log(`${p.reference} (${p.caseId}) event ${p.seq ?? "-"}: ${p.problem}`);
  console.log(`[audit] ${report.cases} cases, ${report.events} events checked on ${database.kind}: ${report.problems.length ? `${report.problems.length} problem(s)` : "every chain intact"}`);
  process.exitCode = report.problems.length ? 1 : 0;
} finally {
  await database.close();
}
