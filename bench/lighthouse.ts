/**
 * Lighthouse (not a test) on the filing page and a case page of the production build, in
 * Debian's Chromium: performance and accessibility scores (target ≥ 95 each). Lighthouse is
 * fetched by npx at run time (12.2.3, the last release for Node 20), not a dependency.
 *
 *   npm run bench:lighthouse
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { ensureBuild, fileConfirmed, filingBody, freshDatabase, startServer } from "./support/server";

ensureBuild();
const databaseUrl = await freshDatabase("recourse_bench_lighthouse");
const server = await startServer(databaseUrl, 3204, { RECOURSE_DEMO: "1", RECOURSE_WORKER: "0" });
try {
  const filed = await fileConfirmed(server.url, databaseUrl, filingBody(1));
  // The case page as an anonymous visitor sees it (a sign-in page), and the filing form.
  for (const [label, path] of [
    ["filing form", "/en/file/mparticle"],
    ["case page (signed out)", `/en/cases/${filed.caseId}`],
  ] as const) {
    const out = `/tmp/lighthouse-${label.replace(/\W+/g, "-")}.json`;
    execFileSync(
      "npx",
      ["--yes", "lighthouse@12.2.3", `${server.url}${path}`, "--quiet", "--only-categories=performance,accessibility", "--output=json", `--output-path=${out}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"],
      { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } },
    );
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number }>; audits: Record<string, { displayValue?: string }> };
    const score = (c: string) => Math.round(report.categories[c]!.score * 100);
    console.log(`${label.padEnd(26)} performance ${score("performance")}   accessibility ${score("accessibility")}   LCP ${report.audits["largest-contentful-paint"]?.displayValue}   TBT ${report.audits["total-blocking-time"]?.displayValue}`);
  }
} finally {
  await server.kill();
}
