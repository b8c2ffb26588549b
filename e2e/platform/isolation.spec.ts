import { expect, test } from "@playwright/test";
import { fileComplaint } from "../support/filing";
import { caseLinks, expectAccessible, pointFormAt, signInAs } from "../support/helpers";

test.describe("isolation between organisations, providers and complainants", () => {
  test("a user of one organisation gets 'not found' for another organisation's case, by URL and by Server Action", async ({ page }) => {
    await signInAs(page, "staff@customerportfolios.example");
    const [foreign] = await caseLinks(page);
    expect(foreign).toBeTruthy();
    await page.goto(foreign!);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Case RC-");
    await expectAccessible(page);
    const foreignId = foreign!.split("/").pop()!;

    await signInAs(page, "staff@mparticle.example");
    const response = await page.goto(foreign!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");

    // Tamper with one of mParticle's own case forms so it names the foreign case.
    // A case of mParticle's own that waits for its acknowledgment.
    const own = await fileComplaint(page, { org: "mparticle", name: "Karl Weiss", email: "karl.weiss@example.at", country: "AT" });
    await signInAs(page, "staff@mparticle.example");
    await page.goto("/en/org");
    await page.getByRole("link", { name: own }).click();
    await page.waitForURL(/\/cases\//);
    const form = page.locator('form:has(input[name="action"][value="acknowledge"])');
    await expect(form).toHaveCount(1);
    await pointFormAt(form, foreignId);
    await form.getByRole("button").click();
    await expect(form.getByRole("alert")).toHaveText("Not found.");
    expect((await page.goto(`/en/cases/${foreignId}`))?.status()).toBe(404);

    // The foreign case is untouched: its own staff still sees no acknowledgment by mParticle.
    await signInAs(page, "staff@customerportfolios.example");
    await page.goto(foreign!);
    await expect(page.getByText("The company acknowledged receipt")).toHaveCount(0);
  });

  test("a complainant cannot open another complainant's case", async ({ page }) => {
    await signInAs(page, "claire.martin@example.fr");
    const claires = await caseLinks(page);
    expect(claires.length).toBe(2);
    await signInAs(page, "anna.schmidt@example.de");
    const annas = await caseLinks(page);
    expect(annas.length).toBe(2);
    for (const path of claires) expect((await page.goto(path))?.status()).toBe(404);
  });

  test("a provider sees only the cases escalated to it", async ({ page }) => {
    const rows = (p: import("@playwright/test").Page) => p.getByRole("row").filter({ hasText: "RC-" });
    await signInAs(page, "liaison@ana.example");
    const ana = await rows(page).allTextContents();
    expect(ana.length).toBeGreaterThanOrEqual(1);
    expect(ana.every((r) => r.includes("Customer Portfolios LLC"))).toBe(true);
    await signInAs(page, "liaison@jams.example");
    expect((await rows(page).allTextContents()).every((r) => r.includes("SessionM"))).toBe(true);
    await signInAs(page, "member@dpa-panel.example");
    const panel = await rows(page).allTextContents();
    expect(panel.length).toBeGreaterThanOrEqual(1);
    expect(panel.every((r) => r.includes("HR data"))).toBe(true);
    await signInAs(page, "admin@recourse.example");
    expect((await caseLinks(page)).length).toBeGreaterThan(ana.length + panel.length);
  });
});
