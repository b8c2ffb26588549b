/**
 * Lighthouse (not a test) on the filing page and a case page of the production build, in
 * Debian's Chromium, with Lighthouse's default mobile profile (a phone, throttled):
 * performance and accessibility scores (targets ≥ 95 and 100). The case page is measured
 * signed out (the sign-in page it leads to) and as its complainant signed in, with a session
 * row made by `startSession` (as confirming a filing starts one) sent as Auth.js's cookie.
 * Lighthouse is fetched by npx at run time (12.2.3, the last release for Node 20), not a
 * dependency.
 *
 *   npm run bench:lighthouse
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { startSession } from "@/lib/auth/sessions";
import { ensureBuild, fileConfirmed, filingBody, freshDatabase, startServer } from "./support/server";

ensureBuild();
const databaseUrl = await freshDatabase("recourse_bench_lighthouse");
const server = await startServer(databaseUrl, 3204, { RECOURSE_DEMO: "1", RECOURSE_WORKER: "0" });
try {
  const body = filingBody(1);
  const filed = await fileConfirmed(server.url, databaseUrl, body);
  const database = await openDatabase({ url: databaseUrl, max: 1 });
  const [complainant] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, body.email));
  const { sessionToken } = await startSession(database.db, complainant!.id);
  await database.close();
  // Auth.js's cookie name on an http site (lib/auth/sessions.ts).
  const signedIn = JSON.stringify({ Cookie: `authjs.session-token=${sessionToken}` });
  for (const [label, path, headers] of [
    ["filing form", "/en/file/mparticle", null],
    ["case page (signed out)", `/en/cases/${filed.caseId}`, null],
    ["case page (complainant)", `/en/cases/${filed.caseId}`, signedIn],
  ] as const) {
    const out = `/tmp/lighthouse-${label.replace(/\W+/g, "-")}.json`;
    execFileSync(
      "npx",
      [
        "--yes",
        "lighthouse@12.2.3",
        `${server.url}${path}`,
        "--quiet",
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${out}`,
        ...(headers ? [`--extra-headers=${headers}`] : []),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync",
      ],
      { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } },
    );
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number }>; audits: Record<string, { displayValue?: string }> };
    const score = (c: string) => Math.round(report.categories[c]!.score * 100);
    console.log(`${label.padEnd(26)} performance ${score("performance")}   accessibility ${score("accessibility")}   LCP ${report.audits["largest-contentful-paint"]?.displayValue}   TBT ${report.audits["total-blocking-time"]?.displayValue}`);
  }
} finally {
  await server.kill();
}
