/**
 * Deadline sweep benchmark (not a test): 1,000,000 open cases on real PostgreSQL, then one
 * sweep when 10,000 clocks cross the 7-day reminder threshold, one when 10,000 run out (each
 * recorded as a `clock.breached` event, re-projected and told to both sides), and one when
 * nothing crosses. Prints each sweep's time and the process's memory before and at its peak.
 *
 *   npm run bench:sweep
 *   BENCH_DATABASE_URL=postgres://… BENCH_CASES=200000 BENCH_CROSSING=5000 npm run bench:sweep
 *   BENCH_KEEP_SEED=1 npm run bench:sweep     # seed once, sweep a copy on every run
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { cases, deadlines } from "@/db/schema";
import { seedDirectory } from "@/db/seed/seed";
import { loadCases } from "@/lib/cases/load";
import { clocks } from "@/lib/ladder";
import type { CaseFacts } from "@/lib/ladder/facts";
import type { Certification } from "@/lib/ladder/certification";
import { reminderAt, reminderDays, reminderInstant, worthReminding } from "@/lib/deadlines/reminder-instants";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { SWEEP_LANES } from "@/lib/worker/jobs";
import { SERVER, copyOfDatabase, databaseExists, emptyDatabase } from "./support/server";

process.env.RECOURSE_TEST ??= "1";
process.env.RECOURSE_URL ??= "http://localhost:3000";
process.env.AUTH_SECRET ??= "bench-secret";
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const CROSSING = Number(process.env.BENCH_CROSSING ?? 10_000);
const KEEP = process.env.BENCH_KEEP_SEED === "1";
const LANES = Number(process.env.BENCH_LANES ?? SWEEP_LANES);
const BATCH = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
// Which clocks cross together (see `pick` below): filing (default), every:N or scattered.
const PICK = process.env.BENCH_PICK ?? "filing";
const SCATTERED = PICK === "scattered";
const EVERY = PICK.startsWith("every:") ? Number(PICK.slice("every:".length)) : 1;
if (!SCATTERED && PICK !== "filing" && !(EVERY >= 2)) throw new Error(`BENCH_PICK: filing, every:N (N ≥ 2) or scattered, not ${PICK}`);
// A new version whenever the seed changes, so that a kept seed of an older one is not reused.
const SEED = `recourse_bench_sweep_seed_v7_${CASES}_${ORGS}`;

const CERTIFICATION = { framework: "eu-us-dpf", status: "active", retainsFrameworkData: true, coversHrData: null } as const;

/**
 * The two clocks of a case filed at `filed` and acknowledged an hour later, as the ladder
 * computes them: seeded rows must be what the projection would have stored, or every sweep
 * rewrites them. The seed joins these by filing instant instead of working dates out in SQL.
 */
function dueOf(filed: Date, irmProviderId: string) {
  const acknowledged = new Date(filed.getTime() + 3_600_000);
  const facts: CaseFacts = {
    subject: { framework: "eu-us-dpf", hrData: false, complainantCountry: "DE", dataSubject: "self" },
    certification: { ...CERTIFICATION, irm: { kind: "provider", providerId: irmProviderId } } as Certification,
    zones: { organisation: "UTC" },
    events: [
      { type: "case.filed", at: filed, by: "complainant", data: {} },
      { type: "organisation.acknowledged", at: acknowledged, by: "organisation", data: {} },
    ],
  };
  const all = clocks(facts, acknowledged);
  const due = (id: string) => all.find((c) => c.id === id)!.dueAt.toISOString();
  return { filed: filed.toISOString(), acknowledge: due("organisation.acknowledgment"), respond: due("organisation.response") };
}

/** A table of `dueOf` for each filing instant, to join on `filed`. */
const dueTable = (filings: Date[], irmProviderId: string) =>
  sql`(select * from jsonb_to_recordset(${JSON.stringify(filings.map((f) => dueOf(f, irmProviderId)))}::jsonb) as x (filed timestamptz, acknowledge timestamptz, respond timestamptz))`;

/** The seeded cases, filed relative to `now`. */
async function seed(db: Db, now: Date) {
  const iso = now.toISOString();
  await seedDirectory(db);

  const [jams] = (await db.execute(sql`select id from providers where slug = 'jams'`)) as unknown as { id: string }[];
  const certification = JSON.stringify({ ...CERTIFICATION, irm: { kind: "provider", providerId: jams!.id } });
  // Filed 1 to 44 days and 0 to 23 hours before now: 1,056 filing instants, each with its due dates.
  const filings = Array.from({ length: 44 * 24 }, (_, i) => new Date(now.getTime() - (1 + Math.floor(i / 24)) * 86_400_000 - (i % 24) * 3_600_000));
  const due = dueTable(filings, jams!.id);
  await db.execute(sql`
    insert into organisations (slug, name, country, time_zone)
    select 'bench-' || g, 'Bench Organisation ' || g, 'US', 'UTC' from generate_series(1, ${ORGS}) g`);
  // One staff member per organisation and 1,000 complainants: every notice has someone to reach.
  await db.execute(sql`insert into users (id, email, name, locale) select 'bench-staff-' || g, 'staff' || g || '@bench.example', 'Staff ' || g, 'en' from generate_series(1, ${ORGS}) g`);
  await db.execute(sql`
    insert into memberships (user_id, organisation_id, role)
    select 'bench-staff-' || substr(o.slug, 7), o.id, 'org_staff' from organisations o where o.slug like 'bench-%'`);
  await db.execute(sql`insert into users (id, email, name) select 'bench-user-' || g, 'bench' || g || '@example.eu', 'Complainant ' || g from generate_series(1, 1000) g`);
  // Every case was filed 1 to 44 days ago (evenly) and acknowledged an hour later; its 45 days
  // run on. About one clock in six is within a week of its due date, as in a steady state.
  // Inserted oldest first, as filings arrive: the heap and the time-ordered ids follow filing time.
  await db.execute(sql`
    insert into cases (reference, organisation_id, framework, hr_data, certification_snapshot, complainant_user_id, complainant_name,
                       complainant_email, complainant_country, description, consent_at, rung, status, next_due_at, created_at, version)
    select 'RS-' || lpad(f.g::text, 7, '0'), o.id, 'eu-us-dpf', false, ${certification}::jsonb,
           'bench-user-' || (1 + f.g % 1000), 'Complainant ' || (1 + f.g % 1000), 'bench' || (1 + f.g % 1000) || '@example.eu', 'DE',
           'Benchmark complaint', ${iso}::timestamptz, 'organisation', 'open', d.respond, f.filed, 2
    from (select g, ${iso}::timestamptz - (1 + g % 44) * interval '1 day' - (g % 24) * interval '1 hour' as filed from generate_series(1, ${CASES}) g) f
    join ${due} d on d.filed = f.filed
    join organisations o on o.slug = 'bench-' || (1 + f.g % ${ORGS})
    order by f.filed, f.g`);
  // Each table in the order a live database wrote it: by the time of each event.
  await db.execute(sql`
    insert into case_events (case_id, seq, type, at, party, actor_user_id, data, hash)
    select e.* from (
      select id, 1, 'case.filed', created_at, 'complainant', complainant_user_id, '{}'::jsonb, md5(id::text) from cases
      union all
      select id, 2, 'organisation.acknowledged', created_at + interval '1 hour', 'organisation', null, '{}'::jsonb, md5(id::text || '2') from cases
    ) e (case_id, seq, type, at, party, actor_user_id, data, hash)
    order by e.at, e.case_id`);
  await db.execute(sql`
    insert into deadlines (case_id, clock_id, kind, rule, party, started_at, due_at, state, zone)
    select d.* from (
      select c.id, 'organisation.acknowledgment', 'organisation.acknowledgment', 'R2.1', 'organisation', c.created_at, d.acknowledge, 'met', 'UTC' from cases c join ${due} d on d.filed = c.created_at
      union all
      select c.id, 'organisation.response', 'organisation.response', 'R2.1', 'organisation', c.created_at, d.respond, 'running', 'UTC' from cases c join ${due} d on d.filed = c.created_at
    ) d (case_id, clock_id, kind, rule, party, started_at, due_at, state, zone)
    order by d.started_at, d.case_id, d.clock_id`);
  // The reminders earlier sweeps sent, and each clock's next one.
  const crossed = reminderInstant(sql`d.due_at`, sql`t`);
  await db.execute(sql`
    insert into clock_notices (case_id, clock_id, threshold_days, due_at, noticed_at)
    select d.case_id, d.clock_id, t, d.due_at, ${crossed} from deadlines d, unnest(${reminderDays()}) as t
    where d.state = 'running' and ${crossed} < ${iso}::timestamptz and ${worthReminding(sql`d.due_at`, sql`d.started_at`, sql`t`)}`);
  await db.execute(sql`
    update deadlines d set remind_at = ${reminderAt(sql`d.due_at`, sql`d.started_at`, sql`coalesce((select min(n.threshold_days) from clock_notices n where n.case_id = d.case_id and n.clock_id = d.clock_id), 1000)`)}
    where d.state = 'running'`);
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`create table bench_seed (now timestamptz not null)`);
  await db.execute(sql`insert into bench_seed values (${iso}::timestamptz)`);
}

/**
 * With BENCH_KEEP_SEED=1 the seeded database is kept as a template and each run sweeps a
 * copy of it (minutes of seeding become seconds of copying); its `now` is the seed's.
 */
async function open() {
  if (!KEEP || !(await databaseExists(SEED))) {
    const started = performance.now();
    const seeding = await openDatabase({ url: await emptyDatabase(KEEP ? SEED : "recourse_bench_sweep"), max: 4 });
    await seed(seeding.db, new Date());
    console.log(`seeded ${CASES.toLocaleString()} open cases (${ORGS.toLocaleString()} organisations) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!KEEP) return seeding;
    await seeding.close();
  } else {
    // A seed kept from before a new migration takes it once, then copies carry it.
    const url = new URL(SERVER);
    url.pathname = `/${SEED}`;
    const migrating = await openDatabase({ url: url.toString(), max: 1 });
    await migrating.db.execute(sql`vacuum analyze`);
    await migrating.close();
  }
  const started = performance.now();
  const copy = await openDatabase({ url: await copyOfDatabase(SEED, "recourse_bench_sweep"), max: 4 });
  console.log(`copied the kept seed ${SEED} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return copy;
}

const database = await open();
const { db } = database;
// BENCH_PREWARM=1 reads the copy into PostgreSQL's buffers first: a server whose
// shared_buffers hold the database (as one tuned for it does) then works from memory, where a
// fresh copy under the default 128 MB reads every page it touches from the OS.
if (process.env.BENCH_PREWARM === "1") {
  const started = performance.now();
  await db.execute(sql`create extension if not exists pg_prewarm`);
  const [warmed] = (await db.execute(sql`select sum(pg_prewarm(oid))::bigint as pages from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'i')`)) as unknown as { pages: string }[];
  console.log(`prewarmed ${Math.round((Number(warmed!.pages) * 8) / 1024)} MB into shared buffers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const [seeded] = (await db.execute(sql`select now from bench_seed`)) as unknown as { now: string | Date }[];
const NOW = new Date(seeded!.now);
await assertAsProjected(sql`(select id from cases order by md5(id::text) limit 500)`);
console.log();

/**
 * The seeded and retimed deadline rows of `ids` must be what the projection stored when each
 * case's last event was recorded; otherwise a sweep rewrites them too and measures the
 * benchmark's own mistake (seed v5 gave the acknowledgment clock seven calendar days instead of
 * five working days: on a day when the retimed cases had been filed on a weekend, each breach
 * rewrote two deadline rows instead of one).
 */
async function assertAsProjected(ids: SQL) {
  const rows = await db.select().from(cases).where(sql`${cases.id} in ${ids}`);
  const stored = await db.select().from(deadlines).where(sql`${deadlines.caseId} in ${ids}`);
  const shown = (d: { clockId: string; kind: string; rule: string; party: string; startedAt: Date; dueAt: Date; state: string; zone: string }) =>
    [d.clockId, d.kind, d.rule, d.party, d.startedAt.toISOString(), d.dueAt.toISOString(), d.state, d.zone].join(" ");
  for (const { row, facts } of await loadCases(db, rows)) {
    const expected = clocks(facts, facts.events.at(-1)!.at).map((c) => shown({ ...c, clockId: c.id }));
    const actual = stored.filter((d) => d.caseId === row.id).map(shown);
    if (expected.sort().join("\n") !== actual.sort().join("\n"))
      throw new Error(`case ${row.id}: the benchmark's deadline rows are not what the projection stores\n  stored:    ${actual.join("\n             ")}\n  projected: ${expected.join("\n             ")}`);
  }
}

/** CPU time of the machine's PostgreSQL processes so far, in ms (Linux /proc; 0 elsewhere). */
function databaseCpuMs(): number {
  if (!existsSync("/proc")) return 0;
  const tick = 10; // USER_HZ is 100 on Linux
  let sum = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      sum += (Number(fields[11]) + Number(fields[12])) * tick; // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}

/**
 * With BENCH_STATEMENTS=1, each sweep's costliest statements, summed over its batches and lanes,
 * with their WAL, full-page images and buffers. Needs `shared_preload_libraries =
 * 'pg_stat_statements'` on the server (which slows every statement a little).
 */
const STATEMENTS = process.env.BENCH_STATEMENTS === "1";

async function printStatements() {
  const top = (await db.execute(sql`
    select round(total_exec_time)::int as ms, calls, rows, round(wal_bytes / 1048576)::int as wal_mb, wal_fpi, shared_blks_hit as hit, shared_blks_read as read,
           left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 110) as query
    from pg_stat_statements where query not like '%pg_stat%' and total_exec_time >= 5 order by total_exec_time desc limit 10`)) as unknown as Record<string, unknown>[];
  for (const r of top) console.log(`    ${String(r.ms).padStart(5)} ms ${String(r.calls).padStart(3)} calls ${String(r.rows).padStart(6)} rows  WAL ${r.wal_mb} MB, ${r.wal_fpi} FPI, ${r.hit} hit, ${r.read} read  ${r.query}`);
}

/** Runs one sweep, sampling the process's memory while it runs. */
async function measure(label: string) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const databaseCpu = databaseCpuMs();
  const [wal] = (await db.execute(sql`select pg_current_wal_lsn()::text as lsn`)) as unknown as { lsn: string }[];
  // As the worker runs it on PostgreSQL, unless BENCH_LANES / BENCH_BATCH say otherwise.
  if (STATEMENTS) {
    await db.execute(sql`create extension if not exists pg_stat_statements`);
    await db.execute(sql`select pg_stat_statements_reset()`);
  }
  const result = await sweepDeadlines(db, NOW, { lanes: LANES, batchSize: BATCH });
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const databaseMs = databaseCpuMs() - databaseCpu;
  const [walBytes] = (await db.execute(sql`select pg_wal_lsn_diff(pg_current_wal_lsn(), ${wal!.lsn}::pg_lsn)::bigint as n`)) as unknown as { n: string }[];
  clearInterval(sampler);
  if (STATEMENTS) await printStatements();
  const mb = (n: number) => `${Math.round(n / 1_048_576)} MB`;
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s   reminders ${result.reminders}, cases with breaches ${result.breaches}   rss ${mb(before)} → peak ${mb(peak)}`);
  console.log(`  CPU: this process ${Math.round((user + system) / 1000)} ms, PostgreSQL ${databaseMs} ms; WAL ${mb(Number(walBytes!.n))}`);
  return ms / 1000;
}

// The crossing cases: filed 38.5 days ago, so 6.5 days are left (past the 7-day threshold).
// Clocks that cross together started together: a clock runs out at the end of a local day, so
// at midnight every 45-day clock of the cases filed that day runs out at once. By default they
// are the cases filed one after another (neighbours by id); BENCH_PICK=every:N takes every Nth
// of them, the cases of one of N equally busy time zones (their organisations' midnight);
// BENCH_PICK=scattered takes them from all over the table, as clocks started by later steps
// (an escalation, a decision) can be.
const pick = (offset: number, count: number) =>
  EVERY > 1
    ? sql`(select id from (select id, row_number() over (order by id) as n from cases) c where n % ${EVERY}::int = 0 order by id offset ${offset} limit ${count})`
    : sql`(select id from cases order by ${SCATTERED ? sql`md5(id::text)` : sql`id`} offset ${offset} limit ${count})`;
const [jams] = (await db.execute(sql`select id from providers where slug = 'jams'`)) as unknown as { id: string }[];
const retime = async (offset: number, days: number, count = CROSSING) => {
  const filed = new Date(NOW.getTime() - days * 86_400_000);
  const due = dueOf(filed, jams!.id);
  // Rewriting history is the benchmark's privilege, not the app's.
  await db.execute(sql`alter table case_events disable trigger case_events_no_update`);
  await db.execute(sql`update case_events e set at = ${due.filed}::timestamptz + case when e.seq = 2 then interval '1 hour' else interval '0' end where e.case_id in ${pick(offset, count)}`);
  await db.execute(sql`update cases set created_at = ${due.filed}::timestamptz, next_due_at = ${due.respond}::timestamptz
                       where id in ${pick(offset, count)}`);
  await db.execute(sql`update deadlines set started_at = ${due.filed}::timestamptz, due_at = ${due.respond}::timestamptz
                       where clock_id = 'organisation.response' and case_id in ${pick(offset, count)}`);
  await db.execute(sql`update deadlines set started_at = ${due.filed}::timestamptz, due_at = ${due.acknowledge}::timestamptz
                       where clock_id = 'organisation.acknowledgment' and case_id in ${pick(offset, count)}`);
  await db.execute(sql`delete from clock_notices where case_id in ${pick(offset, count)}`);
  await db.execute(sql`update deadlines set remind_at = ${reminderAt(sql`due_at`, sql`started_at`)} where clock_id = 'organisation.response' and case_id in ${pick(offset, count)}`);
  await db.execute(sql`alter table case_events enable trigger case_events_no_update`);
  // The app never rewrites an event, so a live case_events heap has free room only at its
  // end: reading the retimed cases' events prunes the versions left behind here, and the
  // vacuum below leaves the table out so the free space map never offers those pages to the
  // sweep's inserts (it would write a full-page image of each; see bench/README.md).
  await db.execute(sql`select count(*) from case_events where case_id in ${pick(offset, count)}`);
  await assertAsProjected(sql`(select id from ${pick(offset, count)} p limit 200)`);
  // As autovacuum would keep it between sweeps, and a checkpoint just before, so that every
  // sweep starts alike (WAL with full-page images of every page it first touches).
  const tables = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'case_events'`)) as unknown as { tablename: string }[];
  await db.execute(sql.raw(`vacuum analyze ${tables.map((t) => `"${t.tablename}"`).join(", ")}`));
  await db.execute(sql`analyze case_events`);
  await db.execute(sql`checkpoint`);
};

// Runs vary on a shared 2-core machine: each round sweeps its own fresh cases, and the
// summary gives the median and the range over the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const reminders: number[] = [];
const breaches: number[] = [];
await measure("idle sweep (nothing crosses)");
// A worker sweeps every minute for as long as it runs: the rounds measure code the JIT has
// compiled and a heap grown to size, after one batch of each kind (printed, not counted) that
// a new process pays for.
const WARM_UP = Math.min(CROSSING, 2_500);
console.log(`\nwarm-up (not counted)`);
await retime(2 * ROUNDS * CROSSING, 38.5, WARM_UP);
await measure(`${WARM_UP.toLocaleString()} clocks cross 7 days before`);
await retime(2 * ROUNDS * CROSSING + WARM_UP, 47, WARM_UP);
await measure(`${WARM_UP.toLocaleString()} clocks run out (breach events)`);
for (let round = 0; round < ROUNDS; round++) {
  console.log(`\nround ${round + 1} of ${ROUNDS}`);
  await retime(2 * round * CROSSING, 38.5);
  reminders.push(await measure(`${CROSSING.toLocaleString()} clocks cross 7 days before`));
  await measure("the same again (idempotent)");
  await retime((2 * round + 1) * CROSSING, 47);
  breaches.push(await measure(`${CROSSING.toLocaleString()} clocks run out (breach events)`));
  await measure("the same again (idempotent)");
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (xs: number[]) => `median ${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} s over ${xs.length})`;
console.log(`\n${CROSSING.toLocaleString()} reminders: ${summary(reminders)}\n${CROSSING.toLocaleString()} breaches:  ${summary(breaches)}`);

const [counts] = (await db.execute(sql`select (select count(*) from outbox where to_email is not null)::int as mails, (select count(*) from outbox where user_id is not null)::int as bell, (select count(*) from case_events where type = 'clock.breached')::int as breaches`)) as unknown as { mails: number; bell: number; breaches: number }[];
console.log(`\nwritten: ${counts!.mails.toLocaleString()} mails in the outbox, ${counts!.bell.toLocaleString()} bell items (a mailed notice is both), ${counts!.breaches.toLocaleString()} breach events`);
await database.close();
