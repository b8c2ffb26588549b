/**
 * Queue benchmark (not a test): 1,000,000 cases across 10,000 organisations on real
 * PostgreSQL, then the company queue's real query (lib/cases/queue.ts) for the largest
 * organisation with each filter and its views' counts, then the inbox of the busiest recourse
 * body (lib/cases/body-inbox.ts) in each view: p50/p95 over repeated runs, and EXPLAIN.
 *
 *   npm run bench:queue                        # uses postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_DATABASE_URL=postgres://… npm run bench:queue
 *   BENCH_CASES=200000 npm run bench:queue     # a smaller run
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/seed";
import type { Actor } from "@/lib/auth/actor";
import { bodyInbox } from "@/lib/cases/body-inbox";
import { organisationQueue, parseQueueFilter, queueViewCounts } from "@/lib/cases/queue";
import { BODY_INBOX_VIEWS, type BodyInboxView } from "@/lib/ladder";
import { emptyDatabase } from "./support/server";

process.env.RECOURSE_TEST ??= "1";
process.env.RECOURSE_URL ??= "http://localhost:3000";
process.env.AUTH_SECRET ??= "bench-secret";
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const database = await openDatabase({ url: await emptyDatabase("recourse_bench"), max: 4 });
const { db } = database;
const NOW = new Date();
await seedDemo(db, NOW);

let t = performance.now();
await db.execute(sql`
  insert into organisations (slug, name, country, time_zone)
  select 'bench-' || g, 'Bench Organisation ' || g, 'US', 'America/New_York' from generate_series(1, ${ORGS}) g`);
// Realistic, diverse names: 64 given names × 96 family names from across Europe, drawn per
// case (a generator that names everyone "Complainant N" makes every search match every row).
const GIVEN = "Anna Lukas Claire Marco Sofia Jan Elena Pieter Ines Mateo Noa Lena Tomasz Aino Jonas Chiara Hugo Maja Luca Emma Nikos Sara Olav Zofia Pablo Eva Matteo Lea Felix Ana Milan Ida Leon Julia Karel Marta Erik Alba Oskar Nina Diego Helga Finn Irene Bruno Greta Mikkel Rosa Teo Vera Aron Lucia Timo Hanna Iker Mila Rui Petra Sven Daria Gabriel Yara Emil Alma".split(" ");
const FAMILY = "Schmidt Martin Meier Rossi Novak Kowalski Jansen Garcia Silva Dubois Bernard Müller Fischer Weber Bianchi Romano Ferrari Nowak Wiśniewski Horváth Nagy Papadopoulos Andersen Nielsen Hansen Johansson Lindberg Virtanen Korhonen Murphy Kelly Byrne Walsh Costa Santos Pereira Ferreira Lopez Martinez Sanchez Fernandez Moreau Laurent Lefebvre Girard Petit Leroy Vos Peeters Janssens Maes Hofer Gruber Huber Wagner Becker Schulz Koch Richter Wolf Ricci Greco Conti Esposito Marino Popescu Ionescu Dumitru Kovač Horvat Novák Svoboda Dvořák Černý Kask Tamm Ozols Bērziņš Kazlauskas Petrauskas Borg Camilleri Vella Azzopardi Georgiou Nikolaou Ivanov Petrov Dimitrov Jovanović Nikolić Berg Strand Holm Lund Dahl Eriksen".split(" ");
const list = (names: string[]) => sql.raw(`array[${names.map((n) => `'${n.replace(/'/g, "''")}'`).join(",")}]`);
await db.execute(sql`
  insert into users (id, email, name) select 'bench-user-' || g, 'bench' || g || '@example.eu', 'Bench user ' || g from generate_series(1, 1000) g`);
// Organisation sizes follow a steep curve (u³): the largest has about 4.6% of all cases.
await db.execute(sql`
  insert into cases (reference, organisation_id, framework, hr_data, certification_snapshot, complainant_user_id, complainant_name,
                     complainant_email, complainant_country, description, consent_at, rung, status, next_due_at, created_at, version)
  select 'RB-' || lpad(drawn.g::text, 7, '0'),
         o.id,
         (array['eu-us-ps','swiss-us-ps','eu-us-dpf','uk-ext-dpf','swiss-us-dpf'])[1 + (drawn.g % 5)]::framework,
         drawn.g % 7 = 0,
         '{}'::jsonb,
         'bench-user-' || (1 + drawn.g % 1000),
         (${list(GIVEN)})[(1 + (drawn.g::bigint * 7919) % ${GIVEN.length})::int] || ' ' || (${list(FAMILY)})[(1 + (drawn.g::bigint * 104729 / 7) % ${FAMILY.length})::int],
         lower((${list(FAMILY)})[(1 + (drawn.g::bigint * 104729 / 7) % ${FAMILY.length})::int]) || '.' || drawn.g || '@example.eu',
         'DE',
         'Benchmark complaint',
         now(),
         (array['organisation','organisation','organisation','irm','dpa_panel','commerce','arbitration','closed'])[1 + (drawn.g % 8)],
         case when drawn.g % 8 = 7 then 'closed' else 'open' end,
         case when drawn.g % 8 = 7 then null else now() + ((drawn.g % 120) - 30) * interval '1 day' end,
         now() - (drawn.g % 365) * interval '1 day',
         1
  from (select g, (1 + floor(${ORGS} * power(random(), 3)))::int as k from generate_series(1, ${CASES}) g) drawn
  join organisations o on o.slug = 'bench-' || drawn.k`);
// The steady state autovacuum keeps: statistics, and a visibility map for index-only counts.
await db.execute(sql`vacuum analyze`);
console.log(`seeded ${CASES.toLocaleString()} cases across ${ORGS.toLocaleString()} organisations in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const [largest] = (await db.execute(sql`select organisation_id as id, count(*)::int as n from cases group by 1 order by 2 desc limit 1`)) as unknown as { id: string; n: number }[];
console.log(`largest organisation: ${largest!.n.toLocaleString()} cases\n`);
const actor: Actor = { kind: "user", userId: "bench-admin", email: "bench@example", name: null, locale: null, isAdmin: true, memberships: [] };

const filters: [string, Record<string, string>][] = [
  ["default (open, by next deadline)", {}],
  ["status: all", { status: "all" }],
  ["status: closed", { status: "closed" }],
  ["step: irm", { rung: "irm" }],
  ["framework: eu-us-dpf", { framework: "eu-us-dpf" }],
  ["hr data: yes", { hr: "yes" }],
  ["assignee: nobody", { assignee: "none" }],
  ["overdue only", { overdue: "1" }],
  ["search: reference", { q: "RB-00123" }],
  ["search: complainant family name", { q: "Kowalski" }],
  ["search: complainant full name", { q: "Sofia Dubois" }],
  ["search: complainant email", { q: "lindberg.4242" }],
  ["sort: newest", { sort: "filed" }],
  ["page 100", { page: "100" }],
];

const pct = (values: number[], p: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
console.log("filter".padEnd(36), "p50 ms".padStart(8), "p95 ms".padStart(8), "rows".padStart(6), "total".padStart(8));
for (const [label, params] of filters) {
  const filter = parseQueueFilter(params);
  const times: number[] = [];
  let result = await organisationQueue(db, actor, largest!.id, filter, NOW);
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    result = await organisationQueue(db, actor, largest!.id, filter, NOW);
    times.push(performance.now() - t);
  }
  console.log(label.padEnd(36), pct(times, 0.5).toFixed(2).padStart(8), pct(times, 0.95).toFixed(2).padStart(8), String(result.rows.length).padStart(6), `${result.total}${result.capped ? "+" : ""}`.padStart(8));
}


/** p50 and p95 of `run` over RUNS runs, after one to warm up. */
async function time(run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return `${pct(times, 0.5).toFixed(2).padStart(8)} ${pct(times, 0.95).toFixed(2).padStart(8)}`;
}
console.log("views' counts".padEnd(36), await time(() => queueViewCounts(db, actor, largest!.id, NOW)));

// Recourse bodies: every case past the company's rung was handed to the body of its rung. The
// IRM cases (and a third of the closed ones) go to seven ADR providers, each organisation to one;
// each case's place in the inbox is drawn over the views.
t = performance.now();
const adr = ["jams", "bbb-national-programs", "ana", "privacytrust", "verasafe", "trustarc", "insights-association"];
await db.execute(sql`
  insert into case_bodies (case_id, provider_id, rung, since)
  select c.id, p.id, b.rung, c.created_at + interval '50 days'
  from cases c
  cross join lateral (select case
      when c.rung in ('irm', 'closed') then (${sql.raw(`array[${adr.map((a) => `'${a}'`).join(",")}]`)})[1 + abs(hashtext(c.organisation_id::text)) % ${adr.length}]
      when c.rung = 'dpa_panel' then 'eu-dpa-panel' when c.rung = 'commerce' then 'commerce' else 'icdr-aaa' end as slug,
    case when c.rung in ('irm', 'closed') then 'irm' else c.rung end as rung) b
  join providers p on p.slug = b.slug
  where c.reference like 'RB-%' and (c.rung in ('irm', 'dpa_panel', 'commerce', 'arbitration') or (c.rung = 'closed' and hashtext(c.id::text) % 3 = 0))`);
// Open cases spread over the open views, each with the body's own due date within four months
// (a tenth overdue) and another side owing the step at a third of them; closed ones closed.
const open = BODY_INBOX_VIEWS.filter((v) => v !== "closed");
await db.execute(sql`
  update case_bodies b set
    view = case when c.status = 'closed' then 'closed' else (${sql.raw(`array[${open.map((v) => `'${v}'`).join(",")}]`)})[1 + abs(hashtext(c.id::text)) % ${open.length}] end,
    due_at = case when c.status = 'open' then now() + (abs(hashtext(c.id::text || 'due')) % 130 - 10) * interval '1 day' end
  from cases c where c.id = b.case_id and c.reference like 'RB-%'`);
await db.execute(sql`
  update cases c set owed_by = (array['organisation', b.rung, 'complainant'])[1 + abs(hashtext(c.id::text)) % 3]
  from case_bodies b where b.case_id = c.id and c.status = 'open' and c.reference like 'RB-%'`);
await db.execute(sql`vacuum analyze`);
const bodies = (await db.execute(sql`select p.id, p.slug, count(*)::int as n, count(*) filter (where c.status = 'open')::int as open
  from case_bodies b join providers p on p.id = b.provider_id join cases c on c.id = b.case_id group by 1, 2 order by 3 desc`)) as unknown as { id: string; slug: string; n: number; open: number }[];
console.log(`\nhanded ${bodies.reduce((n, b) => n + b.n, 0).toLocaleString()} cases to ${bodies.length} bodies in ${((performance.now() - t) / 1000).toFixed(1)} s; ${bodies.slice(0, 3).map((b) => `${b.slug} ${b.n.toLocaleString()} (${b.open.toLocaleString()} open)`).join(", ")}`);
for (const body of [bodies.find((b) => b.slug === "jams")!, bodies[0]!]) {
  const member: Actor = { kind: "user", userId: "bench-body", email: "body@bench.example", name: null, locale: null, isAdmin: false, memberships: [{ role: "provider_liaison", organisationId: null, providerId: body.id, providerKind: null }] };
  const counts = (await bodyInbox(db, member, body.id, null, NOW)).counts;
  console.log(`\n${body.slug}'s inbox (${body.n.toLocaleString()} cases)`.padEnd(37), "p50 ms".padStart(8), "p95 ms".padStart(8), "total".padStart(15));
  for (const view of BODY_INBOX_VIEWS as readonly BodyInboxView[]) {
    console.log(`view: ${view}`.padEnd(36), await time(() => bodyInbox(db, member, body.id, view, NOW)), String(counts[view]).padStart(6));
  }
  const busiest = BODY_INBOX_VIEWS.reduce((a, b) => (counts[a] >= counts[b] ? a : b));
  const last = Math.max(1, Math.ceil(counts[busiest] / 50));
  console.log(`view: ${busiest}, page ${last}`.padEnd(36), await time(() => bodyInbox(db, member, body.id, busiest, NOW, last)));
}

const explain = async (title: string, query: ReturnType<typeof sql>) => {
  console.log(`\nEXPLAIN ${title}:`);
  const plan = (await db.execute(sql`explain ${query}`)) as unknown as { "QUERY PLAN": string }[];
  for (const row of plan) console.log("  " + row["QUERY PLAN"]);
};
await explain("the default page", sql`select id from cases where organisation_id = ${largest!.id} and status = 'open' order by next_due_at asc nulls last, created_at desc limit 25`);
await explain("the capped count", sql`select count(*) from (select 1 from cases where organisation_id = ${largest!.id} and status = 'open' limit 10001) c`);
// As lib/cases/queue.ts searches: the trigram indexes live on case_search (migration 0010).
const search = (q: string) =>
  sql`select id from cases where organisation_id = ${largest!.id} and status = 'open' and id in (select case_id from case_search where organisation_id = ${largest!.id}
        and (reference ilike ${q} or complainant_name ilike ${q} or complainant_email ilike ${q})) order by next_due_at asc nulls last, created_at desc limit 25`;
await explain("a search", search("%RB-00123%"));
await explain("a name search", search("%Kowalski%"));
const panel = bodies[0]!.id;
await explain("a body's page (its busiest body)", sql`select case_id from case_bodies where provider_id = ${panel} and view = 'decision_due' order by due_at asc nulls last, since desc nulls last, case_id limit 50`);
await explain("a body's counts", sql`select view, count(*) from case_bodies where provider_id = ${panel} and view is not null group by view`);
await database.close();
