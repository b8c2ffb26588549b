/**
 * `npm run audit:verify`: checks every case's hash-chained history (lib/audit/verify-chain)
 * and the audit log's chain (lib/audit/audit-chain). With `--anchor FILE` it also checks that
 * the history an anchor signed (`npm run audit:anchor`) is still there unchanged; the public
 * key is `--public-key FILE` or RECOURSE_ANCHOR_PUBLIC_KEY_FILE. Prints each problem and exits
 * 1 if there is any; on PGlite (no DATABASE_URL) the app must be stopped, since the embedded
 * database allows one process.
 */
import { readFileSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { checkAnchor, publicKeyOf, type Anchor } from "@/lib/audit/anchor";
import { verifyAuditLog } from "@/lib/audit/audit-chain";
import { verifyChains } from "@/lib/audit/verify-chain";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const anchorFile = option("--anchor");
const keyFile = option("--public-key") ?? process.env.RECOURSE_ANCHOR_PUBLIC_KEY_FILE;
if (anchorFile && !keyFile) {
  console.error("usage: npm run audit:verify -- [--anchor FILE --public-key FILE]   (or RECOURSE_ANCHOR_PUBLIC_KEY_FILE)");
  process.exit(2);
}

const database = await openDatabase();
try {
  let problems = 0;
  const report = await verifyChains(database.db);
  for (const p of report.problems) console.log(`${p.reference} (${p.caseId}) event ${p.seq ?? "-"}: ${p.problem}`);
  problems += report.problems.length;
  console.log(`[audit] ${report.cases} cases, ${report.events} events checked on ${database.kind}: ${report.problems.length ? `${report.problems.length} problem(s)` : "every chain intact"}`);

  const audit = await verifyAuditLog(database.db);
  for (const p of audit.problems) console.log(`audit log row ${p.seq}: ${p.problem}`);
  problems += audit.problems.length;
  console.log(`[audit] ${audit.rows} audit log rows checked: ${audit.problems.length ? `${audit.problems.length} problem(s)` : "chain intact"}`);

  if (anchorFile) {
    const anchor = JSON.parse(readFileSync(anchorFile, "utf8")) as Anchor;
    const found = await checkAnchor(database.db, anchor, publicKeyOf(readFileSync(keyFile!)));
    for (const p of found) console.log(p.chain === "case" ? `case ${p.caseId} event ${p.seq}: ${p.problem}` : p.chain === "audit_log" ? `audit log row ${p.seq}: ${p.problem}` : `anchor: ${p.problem}`);
    problems += found.length;
    console.log(`[audit] anchor of ${anchor.statement?.at}: ${found.length ? `${found.length} problem(s)` : "the anchored history is intact"}`);
  }
  process.exitCode = problems ? 1 : 0;
} finally {
  await database.close();
}
