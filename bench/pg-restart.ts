/**
 * Reliability (issue 8): PostgreSQL restarted under load. Files continuously, restarts the
 * local cluster (`pg_ctlcluster`, so run as a user allowed to), and prints how long filings
 * failed before the app recovered by itself. Target: back within 10 s of the database.
 *
 *   npm run reliability:pg-restart
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { ensureBuild, filingBody, freshDatabase, startServer } from "./support/server";

ensureBuild();
const databaseUrl = await freshDatabase("recourse_reliability_restart");
const server = await startServer(databaseUrl, 3202, { RECOURSE_WORKER: "0" });
const version = readdirSync("/etc/postgresql")[0]!;

let stop = false;
let i = 0;
const log: { at: number; ok: boolean }[] = [];
const clients = Array.from({ length: 10 }, async () => {
  while (!stop) {
    const at = Date.now();
    const ok = await fetch(`${server.url}/api/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(filingBody(i++)) })
      .then((r) => r.status === 201)
      .catch(() => false);
    log.push({ at, ok });
    if (!ok) await new Promise((r) => setTimeout(r, 50));
  }
});

await new Promise((r) => setTimeout(r, 3_000));
const restartAt = Date.now();
execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "inherit" });
const upAt = Date.now();
await new Promise((r) => setTimeout(r, 12_000));
stop = true;
await Promise.all(clients);
await server.kill();

const failures = log.filter((l) => !l.ok);
const firstFailure = failures[0]?.at ?? restartAt;
const recovered = log.find((l) => l.ok && l.at > (failures.at(-1)?.at ?? 0))?.at ?? null;
console.log(`${log.length} filings; PostgreSQL restart took ${((upAt - restartAt) / 1000).toFixed(1)} s; ${failures.length} failed`);
const seconds = (ms: number) => `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
console.log(recovered ? `filings failed from ${seconds(firstFailure - restartAt)} after the restart began; the app recovered ${seconds(recovered - upAt)} after the database was back` : "the app did NOT recover within 12 s");
process.exit(recovered && recovered - upAt <= 10_000 ? 0 : 1);
