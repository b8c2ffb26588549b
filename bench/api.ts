/**
 * The REST API beside the pages (not a test), in the same run on real PostgreSQL, 20
 * concurrent connections each, every request on the next of the seeded cases in turn:
 * reading a case through GET /api/v1/cases/{id} with an API token against the case page
 * /en/cases/{id} rendered for a signed-in staff member; taking a step (the organisation's
 * reply with a message) through POST /api/v1/cases/{id}/steps against the case page's own
 * form posted as a browser without JavaScript posts it (the server action, then the page
 * rendered again). Prints requests/s, p50/p99, non-2xx, the steps actually recorded (with
 * those still in flight when the load stopped), and the CPU time of the server and of
 * PostgreSQL per request sent (steadier than throughput on a busy machine), side by side.
 *
 * The cases are filed and confirmed through the app (`fileConfirmed`); the token is made by
 * `createApiToken` as the integrations page makes it (scope "act", by the organisation's
 * admin); the staff member's session is a database row made by `startSession`, as an accepted
 * invitation starts one (no demo mode, so the server runs as in production).
 *
 *   npm run bench:api                      # BENCH_SECONDS=20 BENCH_CONNECTIONS=20 BENCH_CASES=400
 */
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { count, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { caseEvents, cases as caseRows, organisations, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/sessions";
import { createApiToken } from "@/lib/integrations/tokens";
import { ensureBuild, fileConfirmed, filingBody, freshDatabase, postgresCpuSeconds, startServer } from "./support/server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const CASES = Number(process.env.BENCH_CASES ?? 400);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 5);
/** The step: an organisation may reply as often as it likes while the case is with it. */
const REPLY = "We have looked into your request and answer it below.";

ensureBuild();
const databaseUrl = await freshDatabase("recourse_bench_api");
// The worker stays off and the rate limit too (startServer): the measurement is the request path alone.
const server = await startServer(databaseUrl, 3205, { RECOURSE_WORKER: "0" });
const database = await openDatabase({ url: databaseUrl, max: 2 });
const { db } = database;

try {
  // Filed and confirmed as complainants do, eight at a time; all against mParticle.
  const cases: string[] = [];
  let filed = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (filed < CASES) cases.push((await fileConfirmed(server.url, databaseUrl, filingBody(filed++))).caseId);
    }),
  );

  const userId = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const [mparticle] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "mparticle"));
  const admin = await loadActor(db, await userId("admin@mparticle.example"));
  const { token } = await createApiToken(db, admin, { organisationId: mparticle!.id }, { name: "bench:api", scope: "act", days: 30 }, new Date());
  const { sessionToken } = await startSession(db, await userId("staff@mparticle.example"));
  const bearer = { authorization: `Bearer ${token}` };
  // Auth.js's cookie name on an http site (lib/auth/sessions.ts).
  const cookie = { cookie: `authjs.session-token=${sessionToken}` };

  // The reply form as the case page renders it: its hidden fields (the server action's
  // reference, its key, the case and the version it was read at) and the message.
  const page = await (await fetch(`${server.url}/en/cases/${cases[0]}`, { headers: cookie })).text();
  const form = /<form[^>]*>(?:(?!<\/form>).)*?name="action" value="respond"(?:(?!<\/form>).)*<\/form>/s.exec(page)![0];
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1]!, unescape(m[2] ?? "")] as const).filter(([name]) => name !== "caseId" && name !== "version");
  // Each post names the version the page would have shown: read before the form's run, one more after each step.
  const versions = new Map<string, number>();
  const readVersions = async () => (await db.select({ id: caseRows.id, version: caseRows.version }).from(caseRows)).forEach((c) => versions.set(c.id, c.version));
  const boundary = "bench-api-boundary";
  const multipart = (fields: (readonly [string, string])[]) => fields.map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  const formBody = (id: string) => {
    const version = versions.get(id)!;
    versions.set(id, version + 1);
    return multipart([...hidden, ["caseId", id], ["version", String(version)], ["body", REPLY]]);
  };

  const routes = [
    { title: "API: read a case (GET /api/v1/cases/{id})", method: "GET" as const, path: (id: string) => `/api/v1/cases/${id}`, headers: bearer },
    { title: "page: the case (GET /en/cases/{id})", method: "GET" as const, path: (id: string) => `/en/cases/${id}`, headers: cookie },
    { title: "API: reply (POST /api/v1/cases/{id}/steps)", method: "POST" as const, path: (id: string) => `/api/v1/cases/${id}/steps`, headers: { ...bearer, "content-type": "application/json" }, body: () => JSON.stringify({ action: "respond", message: REPLY }) },
    { title: "page: reply (POST /en/cases/{id}, the form)", method: "POST" as const, path: (id: string) => `/en/cases/${id}`, headers: { ...cookie, origin: server.url, "content-type": `multipart/form-data; boundary=${boundary}` }, body: formBody, prepare: readVersions },
  ];

  // Each must do its work once before it is loaded, or the figures would measure a refusal.
  for (const r of routes) {
    await r.prepare?.();
    const answer = await fetch(`${server.url}${r.path(cases[0]!)}`, { method: r.method, headers: { ...r.headers, "idempotency-key": crypto.randomUUID() }, body: r.body?.(cases[0]!), redirect: "manual" });
    const text = await answer.text();
    // The form answers 200 either way; its state says whether the step was taken.
    if (!answer.ok || (r.prepare && !text.includes('"status":"done"'))) throw new Error(`${r.title} answered ${answer.status}: ${text.slice(0, 300)}`);
  }

  const load = async (r: (typeof routes)[number], duration: number) => {
    let next = 0;
    return autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: r.method,
          setupRequest: (req) => {
            const id = cases[next++ % cases.length]!;
            return { ...req, path: r.path(id), headers: { ...r.headers, "idempotency-key": crypto.randomUUID() }, ...(r.body ? { body: r.body(id) } : {}) };
          },
        },
      ],
    });
  };
  const replies = async () => (await db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.type, "organisation.responded")))[0]!.n;
  // autocannon stops without waiting for the requests in flight; the server finishes them. Waits till it has.
  const settle = async () => {
    for (let last = -1, now = await replies(); now !== last; last = now, now = await replies()) await new Promise((r) => setTimeout(r, 500));
  };

  console.log(`${CASES} cases of one organisation; ${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP} s of warm-up, on ${new URL(databaseUrl).host}; load average ${loadavg()[0]!.toFixed(1)}\n`);
  const results = [];
  for (const r of routes) {
    await r.prepare?.();
    await load(r, WARM_UP);
    await settle();
    await r.prepare?.();
    const before = { server: server.cpuSeconds(), postgres: postgresCpuSeconds(), replies: await replies() };
    const result = await load(r, SECONDS);
    await settle();
    results.push({ r, result, server: server.cpuSeconds() - before.server, postgres: postgresCpuSeconds() - before.postgres, steps: (await replies()) - before.replies });
  }
  console.log(`${"".padEnd(46)} ${"req/s".padStart(6)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"2xx".padStart(6)} ${"non-2xx".padStart(8)} ${"steps".padStart(6)}   CPU ms per request sent: server / PostgreSQL`);
  for (const { r, result, server, postgres, steps } of results) {
    const refused = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith("2")).map(([code, { count }]) => `${code}×${count}`);
    console.log(
      `${r.title.padEnd(46)} ${result.requests.average.toFixed(0).padStart(6)} ${String(result.latency.p50).padStart(7)} ${String(result.latency.p99).padStart(7)} ${String(result["2xx"]).padStart(6)} ${String(result.non2xx + result.errors).padStart(8)} ${(r.body ? String(steps) : "").padStart(6)}   ${((server * 1000) / result.requests.sent).toFixed(1)} / ${((postgres * 1000) / result.requests.sent).toFixed(1)}${refused.length ? `   non-2xx: ${refused.join(", ")}` : ""}`,
    );
  }
  console.log(`\nload average at the end ${loadavg()[0]!.toFixed(1)} (${CONNECTIONS} connections; the machine's other work counts too)`);
} finally {
  await database.close();
  await server.kill();
}
