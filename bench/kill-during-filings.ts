/**
 * Reliability: kill -9 of the server during 1,000 concurrent filings on real PostgreSQL. The
 * forms are sent first (each waits for its address); the kill comes while the complainants
 * confirm them, which is when a case is written. Every confirmation answered with a reference
 * must be in the database complete (its event, deadlines and receipt); no case may be
 * half-written; confirming the unanswered ones again with the same links must make exactly
 * 1,000 cases. Exits 1 on any breach.
 *
 *   npm run reliability:kill          # RELIABILITY_FILINGS=1000 RELIABILITY_CONCURRENCY=50
 */
import postgres from "postgres";
import { confirmationTokens, ensureBuild, filingBody, freshDatabase, SERVER, startServer } from "./support/server";

// Part of `npm test` (it fits CI's time): without a PostgreSQL server it says so and stops,
// unless REQUIRE_POSTGRES=1 (CI), where that is a failure.
const probe = postgres(SERVER, { max: 1, connect_timeout: 2, onnotice: () => {} });
const reachable = await probe`select 1`.then(() => true, () => false);
await probe.end({ timeout: 1 });
if (!reachable) {
  console.log(`[reliability] no PostgreSQL at ${SERVER}: kill -9 test skipped`);
  process.exit(process.env.REQUIRE_POSTGRES === "1" ? 1 : 0);
}

const FILINGS = Number(process.env.RELIABILITY_FILINGS ?? 1000);
const CONCURRENCY = Number(process.env.RELIABILITY_CONCURRENCY ?? 50);
const KILL_AFTER = Math.floor(FILINGS * 0.3);

ensureBuild();
const databaseUrl = await freshDatabase("recourse_reliability_kill");
let server = await startServer(databaseUrl, 3201, { RECOURSE_WORKER: "0" });

const bodies = Array.from({ length: FILINGS }, (_, i) => filingBody(i));
let sent = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (sent < FILINGS) {
      const body = bodies[sent++]!;
      const response = await fetch(`${server.url}/api/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.status !== 202) throw new Error(`sending filing ${body.email}: ${response.status}`);
    }
  }),
);
const tokenOf = await confirmationTokens(databaseUrl);
const tokens = bodies.map((b) => tokenOf.get(b.email)!);
if (tokens.some((t) => !t)) throw new Error("a sent filing has no confirmation mail");

const answered = new Map<number, string>();
let killed = false;
let next = 0;

async function file(i: number, url: string): Promise<string | null> {
  try {
    const response = await fetch(`${url}/api/cases/confirm`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: tokens[i] }) });
    if (response.status !== 201 && response.status !== 200) return null;
    return ((await response.json()) as { reference: string }).reference;
  } catch {
    return null;
  }
}

await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < FILINGS) {
      const i = next++;
      const reference = await file(i, server.url);
      if (reference) answered.set(i, reference);
      if (!killed && answered.size >= KILL_AFTER) {
        killed = true;
        await server.kill("SIGKILL");
      }
    }
  }),
);
console.log(`${FILINGS} filings sent and confirmed, ${CONCURRENCY} at a time; server killed with SIGKILL after ${KILL_AFTER} confirmations answered; ${answered.size} answered with a reference`);

const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
const failures: string[] = [];
const rows = await sql<{ reference: string; events: number; deadlines: number; receipts: number }[]>`
  select c.reference,
         (select count(*)::int from case_events e where e.case_id = c.id) as events,
         (select count(*)::int from deadlines d where d.case_id = c.id) as deadlines,
         (select count(*)::int from outbox o where o.case_id = c.id and o.template = 'notice:filed') as receipts
  from cases c`;
const byReference = new Map(rows.map((r) => [r.reference, r]));
for (const reference of answered.values()) {
  const row = byReference.get(reference);
  if (!row) failures.push(`${reference}: answered but missing`);
}
for (const row of rows) {
  if (row.events < 1 || row.deadlines < 2 || row.receipts !== 1) failures.push(`${row.reference}: half-written (events ${row.events}, deadlines ${row.deadlines}, receipts ${row.receipts})`);
}
console.log(`after the kill: ${rows.length} cases in the database, ${answered.size} of them answered; ${rows.length - answered.size} committed but unanswered (the kill cut the reply)`);

// The complainants press the button again on what got no answer, with the same links.
server = await startServer(databaseUrl, 3201, { RECOURSE_WORKER: "0" });
let retried = 0;
for (let i = 0; i < FILINGS; i++) {
  if (answered.has(i)) continue;
  const reference = await file(i, server.url);
  if (reference) {
    answered.set(i, reference);
    retried++;
  } else failures.push(`filing ${i}: retry failed`);
}
const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from cases`;
if (n !== FILINGS) failures.push(`${n} cases after retries, expected ${FILINGS}`);
if (new Set(answered.values()).size !== FILINGS) failures.push("a retried filing got a different reference");
console.log(`retried ${retried} unanswered confirmations with their links: ${n} cases in all`);
await server.kill();
await sql.end();

if (failures.length) {
  console.log(`FAILED:\n${failures.slice(0, 20).join("\n")}`);
  process.exit(1);
}
console.log("OK: nothing answered was lost, nothing was half-written, nothing was filed twice");
