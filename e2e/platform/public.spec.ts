import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/helpers";

test.describe("public pages", () => {
  test("the landing page shows the ladder and a company search", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("U.S. company");
    const ladder = page.getByRole("figure");
    for (const rung of ["The company", "Independent dispute resolution", "Data protection authorities", "Department of Commerce review", "Binding arbitration"]) {
      await expect(ladder).toContainText(rung);
    }
    await expect(ladder).toContainText("45 days to respond");
    await page.getByRole("searchbox").fill("custmer portfolio");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/en\/directory\?q=/);
    await expect(page.getByRole("link", { name: "Customer Portfolios LLC" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the language choice is remembered", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("link", { name: "Deutsch" }).click();
    await expect(page).toHaveURL(/\/de$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("US-Unternehmen");
    await page.goto("/");
    await expect(page).toHaveURL(/\/de$/);
    await page.goto("/sign-in");
    await expect(page).toHaveURL(/\/de\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
  });

  test("a participant's page shows its frameworks, IRM and the path of a complaint", async ({ page }) => {
    await page.goto("/en/directory/mparticle");
    await expect(page.getByRole("heading", { name: "EU-U.S. Privacy Shield" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Swiss-U.S. Privacy Shield" })).toBeVisible();
    await expect(page.getByText("BBB National Programs (BBB EU Privacy Shield)").first()).toBeVisible();
    await expect(page.getByText("Swiss FDPIC").first()).toBeVisible();
    await expect(page.getByText("not available for this kind of complaint").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("a non-participant's page says plainly that the ladder does not apply", async ({ page }) => {
    await page.goto("/en/directory/listen-first-labs");
    await expect(page.getByText("does not apply to Listen First Labs LLC")).toBeVisible();
    await expect(page.getByText("national data protection authority")).toBeVisible();
    await page.goto("/fr/directory/sessioncam");
    await expect(page.getByText("ne s’applique pas à SessionCam Ltd")).toBeVisible();
    await expectAccessible(page);
  });

  test("a search that finds no company says where to go next, in the reader's language", async ({ page }) => {
    await page.goto("/de/directory?q=Qwertzuiop%20Holdings");
    await expect(page.getByText("Recourse führt kein Unternehmen namens „Qwertzuiop Holdings“.")).toBeVisible();
    await expect(page.getByRole("link", { name: "In der Data-Privacy-Framework-Liste suchen" })).toHaveAttribute("href", "https://www.dataprivacyframework.gov/list");
    await expect(page.getByRole("link", { name: /EDSA/ })).toBeVisible();
    await expectAccessible(page);
    // A search that finds a company shows no such notice.
    await page.goto("/de/directory?q=mParticle");
    await expect(page.getByRole("link", { name: /mParticle/ })).toBeVisible();
    await expect(page.getByText(/Recourse führt kein Unternehmen/)).toHaveCount(0);
  });

  test("unknown pages and ids answer not found, in the user's language", async ({ page }) => {
    for (const path of ["/en/directory/no-such-company", "/en/no/such/page", "/de/cases/00000000-0000-4000-8000-000000000000"]) {
      const response = await page.goto(path);
      if (path.includes("/cases/")) {
        await expect(page).toHaveURL(/sign-in/);
      } else {
        expect(response?.status()).toBe(404);
      }
    }
    await page.goto("/de/gibt-es-nicht");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nicht gefunden");
    await expectAccessible(page);
  });

  test("health answers with the database status", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: { kind: "pglite", status: "up" } });
  });

  test("malformed requests get clear 4xx answers, never a stack trace", async ({ request }) => {
    const cases = [
      await request.post("/api/dev/clock", { data: "{not json", headers: { "content-type": "application/json" } }),
      await request.post("/api/dev/clock", { data: { action: "advance", by: "forever" } }),
      await request.post("/api/dev/clock", { data: { action: "explode" } }),
      await request.delete("/api/health"),
      await request.post("/api/auth/callback/email", { form: { token: "x" }, maxRedirects: 0 }),
    ];
    for (const response of cases) {
      expect(response.status(), response.url()).toBeGreaterThanOrEqual(300);
      expect(response.status(), response.url()).toBeLessThan(500);
      const body = await response.text();
      expect(body).not.toMatch(/at .*\.(ts|js):\d+|Error: /);
    }
    const invalid = await request.post("/api/dev/clock", { data: { action: "advance", by: "forever" } });
    expect(await invalid.json()).toMatchObject({ error: "invalid_duration" });
  });

  test("security headers are set", async ({ request }) => {
    const response = await request.get("/en");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["x-powered-by"]).toBeUndefined();
  });
});
