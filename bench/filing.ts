/**
 * Filing throughput (not a test): sending a filing (POST /api/cases → submitFiling: schema,
 * directory, ladder, one transaction storing the filing and its confirmation mail; the case
 * itself is written when the complainant confirms) against a bare route handler doing one
 * INSERT, in the same run on real
 * PostgreSQL, 20 concurrent connections each. Prints requests/s, p50/p99, the ratio, and the
 * server's resident memory during the filing load.
 *
 *   npm run bench:filing                      # BENCH_SECONDS=20 BENCH_CONNECTIONS=20
 */
import autocannon from "autocannon";
import { ensureBuild, filingBody, freshDatabase, startServer } from "./support/server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

ensureBuild();
const databaseUrl = await freshDatabase("recourse_bench_filing");
// The worker stays off: the measurement is the request path alone.
const server = await startServer(databaseUrl, 3200, { RECOURSE_BENCH: "1", RECOURSE_WORKER: "0" });

let counter = 0;
async function load(title: string, path: string, body: () => object, sampleMemory = false) {
  let peak = 0;
  const sampler = sampleMemory ? setInterval(() => (peak = Math.max(peak, server.rss())), 250) : null;
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (req) => ({ ...req, body: JSON.stringify(body()) }) }],
  });
  if (sampler) clearInterval(sampler);
  const ok = result["2xx"];
  console.log(
    `${title.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ${ok} ok, ${result.non2xx + result.errors} failed${sampleMemory ? `   peak RSS ${Math.round(peak / 1_048_576)} MB` : ""}`,
  );
  return result;
}

try {
  console.log(`${CONNECTIONS} connections, ${SECONDS} s each, on ${new URL(databaseUrl).host}\n`);
  await load("warm-up", "/api/dev/bare-insert", () => ({ i: counter++ }));
  await load("warm-up", "/api/cases", () => filingBody(counter++));
  const bare = await load("bare route, one INSERT", "/api/dev/bare-insert", () => ({ i: counter++ }));
  const filing = await load("sending a filing (POST /api/cases)", "/api/cases", () => filingBody(counter++), true);
  console.log(`\nratio filing/bare: ${(filing.requests.average / bare.requests.average).toFixed(2)}   (target ≥ 0.5, filing p99 < 100 ms)`);
} finally {
  await server.kill();
}
