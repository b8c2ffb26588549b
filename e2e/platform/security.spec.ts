import { expect, test, type Page } from "@playwright/test";
import { fileComplaint, followMailLink, mailedLink } from "../support/filing";
import { caseLinks, pointFormAt, signInAs } from "../support/helpers";

/**
 * The page and route layer of the authorization matrix (issue 8): one table of roles; for
 * each, every case page and case route answers 200 exactly for the cases in the role's own
 * list and 404 for all others, and each role page only for its role. (The data layer is
 * checked against the seed's own facts in test/integration/security.test.ts.)
 */
const ROLES: { role: string; email: string | null; pages: string[] }[] = [
  { role: "anonymous", email: null, pages: [] },
  { role: "complainant A", email: "anna.schmidt@example.de", pages: ["/en/cases", "/en/my-data", "/en/notifications"] },
  { role: "complainant B", email: "claire.martin@example.fr", pages: ["/en/cases", "/en/my-data", "/en/notifications"] },
  { role: "staff of mParticle", email: "staff@mparticle.example", pages: ["/en/org?status=all", "/en/org", "/en/org/settings", "/en/notifications"] },
  { role: "admin of Customer Portfolios", email: "admin@customerportfolios.example", pages: ["/en/org?status=all", "/en/org", "/en/org/settings", "/en/notifications"] },
  { role: "JAMS liaison", email: "liaison@jams.example", pages: ["/en/workspace", "/en/notifications"] },
  { role: "BBB liaison", email: "liaison@bbb.example", pages: ["/en/workspace", "/en/workspace/report"] },
  { role: "DPA panel member", email: "member@dpa-panel.example", pages: ["/en/workspace", "/en/workspace/report"] },
  { role: "administrator", email: "admin@recourse.example", pages: ["/en/admin", "/en/admin/ftc", "/en/admin/certifications/import", "/en/admin/bodies", "/en/admin/settings", "/en/admin/users", "/en/admin/audit", "/en/notifications"] },
];
const ROLE_PAGES = ["/en/org", "/en/org/settings", "/en/workspace", "/en/workspace/report", "/en/admin", "/en/admin/ftc", "/en/admin/certifications/import", "/en/admin/bodies", "/en/admin/settings", "/en/admin/users", "/en/admin/audit"];

async function status(page: Page, path: string): Promise<number> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return response.status();
}

/** The views of a body's workspace (lib/ladder/body-inbox.ts): together they hold every case handed to it. */
const WORKSPACE_VIEWS = ["new", "awaiting_company", "awaiting_complainant", "decision_due", "remedies", "closed"];

test.describe("security", () => {
  test("every role against every case page, case route and role page: allowed exactly where it belongs", async ({ page }) => {
    test.setTimeout(180_000);
    await signInAs(page, "admin@recourse.example");
    await page.goto("/en/cases");
    const everyCase = [...new Set(await caseLinks(page))];
    expect(everyCase.length).toBeGreaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const r of ROLES) {
      if (r.email) await signInAs(page, r.email);
      else await page.context().clearCookies();
      let own: string[] = [];
      if (r.email && r.role !== "administrator") {
        // Every view of a body's workspace and every page of a queue: other journeys file cases against the same companies.
        const lists = r.pages[0] === "/en/workspace" ? WORKSPACE_VIEWS.map((v) => `/en/workspace?view=${v}`) : [r.pages[0]!];
        for (const list of lists) {
          for (let n = 1; n <= 40; n++) {
            await page.goto(`${list}${list.includes("?") ? "&" : "?"}page=${n}`);
            const fresh = (await caseLinks(page)).filter((l) => !own.includes(l));
            if (!fresh.length) break;
            own.push(...fresh);
          }
        }
      } else if (r.role === "administrator") own = everyCase;
      for (const path of everyCase) {
        const id = path.split("/").pop()!;
        const allowed = own.includes(path);
        for (const target of [path, `/api/cases/${id}/case-file`]) {
          const code = await status(page, target);
          const ok = code === 200;
          // Anonymous visitors are sent to sign in (a redirect) or get 404/401: never the case.
          if (ok !== allowed) wrong.push(`${r.role} ${target}: ${code}`);
        }
      }
      for (const target of ROLE_PAGES) {
        const code = await status(page, target);
        if ((code === 200) !== r.pages.includes(target) && !(target === "/en/workspace/report" && r.role === "JAMS liaison")) wrong.push(`${r.role} ${target}: ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("a Server Action with a tampered case id gets 'not found' and changes nothing, for each kind of step", async ({ page }) => {
    await signInAs(page, "staff@customerportfolios.example");
    const [foreign] = await caseLinks(page);
    const foreignId = foreign!.split("/").pop()!;
    await signInAs(page, "staff@mparticle.example");
    await page.goto("/en/org");
    const own = await caseLinks(page);
    let tried = 0;
    for (const path of own.slice(0, 4)) {
      await page.goto(path);
      // Every form on the page that names its case: point it at the foreign case and submit.
      const forms = page.locator('form:has(input[name="caseId"])');
      const n = await forms.count();
      for (let i = 0; i < n && tried < 6; i++) {
        await page.goto(path);
        const form = page.locator('form:has(input[name="caseId"])').nth(i);
        // Uploads are refused for their missing file before anything else; the rest reach the policy.
        if ((await form.locator('input[type="file"]').count()) || !(await form.locator('button[type="submit"], button:not([type])').first().isVisible())) continue;
        const required = form.locator("textarea[required], input[required][type=text], input[required]:not([type])");
        for (let k = 0; k < (await required.count()); k++) await required.nth(k).fill("Tampered request");
        await pointFormAt(form, foreignId);
        await form.locator('button[type="submit"], button:not([type])').first().click();
        await expect(form.getByRole("alert")).toHaveText("Not found.");
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(0);
    await signInAs(page, "staff@customerportfolios.example");
    await page.goto(foreign!);
    await expect(page.getByText("Tampered request")).toHaveCount(0);
  });

  test("headers, cookies and origin: CSP and friends on every response, an HttpOnly SameSite session, cross-site posts refused", async ({ page }) => {
    const response = await page.request.get("/en");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/default-src 'self'/);
    // Scripts run only with this response's nonce: no 'unsafe-inline'.
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!;
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    // Route handlers run no script at all, from the same directive list.
    const api = (await page.request.get("/api/health")).headers()["content-security-policy"];
    expect(api).toMatch(/script-src 'none'/);
    expect(api).toMatch(/frame-ancestors 'none'/);

    await signInAs(page, "anna.schmidt@example.de");
    const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    // The filing API takes JSON only, and not from another site.
    const form = await page.request.post("/api/cases", { form: { name: "x" } });
    expect(form.status()).toBe(415);
    const cross = await page.request.post("/api/cases", { headers: { origin: "https://evil.example", "content-type": "application/json" }, data: {} });
    expect(cross.status()).toBe(403);
    // A Server Action posted from another origin is refused by Next.js before it runs.
    await page.goto("/en/my-data");
    // A form's fields as the browser would post them without JavaScript, naming its action.
    const fields = await page
      .locator('form:has(input[name^="$ACTION_"])')
      .first()
      .evaluate((form) => Object.fromEntries([...new FormData(form as HTMLFormElement)].filter((entry): entry is [string, string] => typeof entry[1] === "string")));
    expect(Object.keys(fields).some((name) => name.startsWith("$ACTION_"))).toBe(true);
    const forged = await page.request.post("/en/my-data", { headers: { origin: "https://evil.example" }, multipart: { ...fields, caseId: "00000000-0000-4000-8000-000000000000" } });
    expect(forged.status()).toBeGreaterThanOrEqual(400);
  });

  test("files with a dot get the no-script CSP, every response HSTS; malformed ids and large bodies get answers, not 500s", async ({ page }) => {
    const icon = await page.request.get("/icon.svg");
    expect(icon.headers()["content-security-policy"]).toMatch(/script-src 'none'/);
    expect(icon.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect((await page.request.get("/en")).headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    await signInAs(page, "anna.schmidt@example.de");
    const dashes = "-".repeat(36);
    for (const path of [`/api/cases/${dashes}/case-file`, `/api/cases/${dashes}/attachments/${dashes}`, `/api/cases/${dashes}/handover/${dashes}`]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    await page.goto(`/en/cases/${dashes}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // An upload between the proxy's old 10 MB buffer and the action's 13 MB limit is answered, not cut short.
    await page.goto("/en/file/mparticle");
    const fields = await page
      .locator('form:has(input[name^="$ACTION_"])')
      .first()
      .evaluate((form) => Object.fromEntries([...new FormData(form as HTMLFormElement)].filter((entry): entry is [string, string] => typeof entry[1] === "string")));
    const big = await page.request.post("/en/file/mparticle", { multipart: { ...fields, evidence: { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 0x41) } }, timeout: 60_000 });
    expect(big.status()).toBeLessThan(500);
  });

  test("a magic link works once", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Once Only", email: "once.only@example.de", country: "DE" });
    await followMailLink(page, "once.only@example.de", reference);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
    const used = page.url();
    await page.context().clearCookies();
    // The same link again: the token is gone.
    await page.goto(await mailedLink(page, "once.only@example.de", reference));
    await expect(page.getByRole("alert").filter({ hasText: "This sign-in link no longer works" })).toBeVisible();
    expect(page.url()).not.toBe(used);
    await expect(page.getByRole("heading", { level: 1 })).not.toContainText(reference);
  });
});
