/**
 * First-load JavaScript (not a test): the filing page and a case page in Chromium against
 * the production build, summing the script bytes the browser actually transferred
 * (compressed) and their size once decompressed, with the page's load timings.
 *
 *   npm run bench:first-load
 */
import { chromium } from "@playwright/test";
import { ensureBuild, fileConfirmed, filingBody, freshDatabase, startServer } from "./support/server";

ensureBuild();
const databaseUrl = await freshDatabase("recourse_bench_first_load");
const server = await startServer(databaseUrl, 3203, { RECOURSE_DEMO: "1", RECOURSE_WORKER: "0" });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });

try {
  const filed = await fileConfirmed(server.url, databaseUrl, { ...filingBody(1), email: "anna.schmidt@example.de", name: "Anna Schmidt" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/en/sign-in`);
  await page.locator('form:has(input[name="email"][value="anna.schmidt@example.de"]) button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));

  console.log("page".padEnd(28), "scripts".padStart(8), "transferred".padStart(12), "decoded".padStart(10), "DOMContentLoaded".padStart(17), "load".padStart(8));
  for (const [label, path] of [
    ["filing form (/file/…)", "/en/file/mparticle"],
    ["case page (/cases/…)", `/en/cases/${filed.caseId}`],
  ] as const) {
    const fresh = await context.newPage();
    await fresh.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    const figures = await fresh.evaluate(() => {
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"));
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { count: scripts.length, transferred: scripts.reduce((s, r) => s + r.encodedBodySize, 0), decoded: scripts.reduce((s, r) => s + r.decodedBodySize, 0), dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    console.log(label.padEnd(28), String(figures.count).padStart(8), kb(figures.transferred).padStart(12), kb(figures.decoded).padStart(10), `${figures.dcl.toFixed(0)} ms`.padStart(17), `${figures.load.toFixed(0)} ms`.padStart(8));
    await fresh.close();
  }
} finally {
  await browser.close();
  await server.kill();
}
