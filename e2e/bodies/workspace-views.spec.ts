import { expect, test } from "@playwright/test";
import { decide, expectAccessible, signInAs, chooseEligible } from "../support/helpers";
import { handedToAna } from "../support/filing";

/** The count a view's link shows beside its name. */
const countOf = async (link: import("@playwright/test").Locator) => Number((await link.textContent())!.match(/\((\d+)\)/)![1]);

test.describe("a recourse body's workspace", () => {
  test("ANA's liaison finds a case handed over today under New, with the day ANA received it, decides its eligibility and finds it under Decision due", async ({ page }, testInfo) => {
    const run = Date.now().toString(36);
    const email = `inbox.${run}@example.nl`;
    const { reference } = await handedToAna(page, { name: `Inbox ${run}`, email, answer: "We consider the profile lawful." });

    await signInAs(page, "liaison@ana.example");
    await page.goto("/en/workspace");
    await expect(page.getByRole("heading", { level: 1, name: /Cases handed to Association of National Advertisers/ })).toBeVisible();
    await expect(page.getByText("as the company’s independent recourse mechanism")).toBeVisible();
    const views = page.getByTestId("inbox-views");
    for (const name of ["New", "Awaiting the company", "Awaiting the complainant", "Decision due", "Remedies being watched", "Closed"]) {
      await expect(views.getByRole("link", { name: new RegExp(`^${name} \\(\\d+\\)$`) })).toBeVisible();
    }
    const fresh = views.getByRole("link", { name: /^New \(/ });
    expect(await countOf(fresh)).toBeGreaterThanOrEqual(1);
    await fresh.click();
    await expect(page).toHaveURL(/view=new/);
    await expect(fresh).toHaveAttribute("aria-current", "page");
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toBeVisible();
    // Received today, with ANA's own deadline (its acknowledgment) ahead.
    // ANA's days are counted in its own zone (db/seed/directory.ts).
    const today = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "America/New_York" }).format(new Date());
    await expect(row.getByRole("cell").last()).toHaveText(today);
    await expect(row.getByText(/days? left/)).toBeVisible();
    await expectAccessible(page);
    for (const [width, height, name] of [[390, 844, "phone"], [1280, 900, "desktop"]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: testInfo.outputPath(`workspace-views-${name}.png`), fullPage: true });
    }

    await row.getByRole("link", { name: reference }).click();
    await page.waitForURL(/\/cases\//);
    await decide(page, "Decide eligibility…", chooseEligible, "The complaint is recorded as eligible.");
    await expect(page.getByText("Association of National Advertisers (ANA) Privacy Shield Dispute Resolution decided on eligibility", { exact: true })).toBeVisible();

    await page.goto("/en/workspace?view=new");
    await expect(page.getByRole("row").filter({ hasText: reference })).toHaveCount(0);
    await views.getByRole("link", { name: /^Decision due \(/ }).click();
    await expect(page).toHaveURL(/view=decision_due/);
    expect(await countOf(views.getByRole("link", { name: /^Decision due \(/ }))).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole("row").filter({ hasText: reference })).toBeVisible();
    await expectAccessible(page);
  });
});
