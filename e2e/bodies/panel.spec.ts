import { expect, test } from "@playwright/test";
import { moveClock, signInAs, expectAccessible } from "../support/helpers";

test.describe("the DPA panel works an HR case", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("mParticle comments, the panel advises, the 25 days pass, the panel gives notice of referral; arbitration stays barred", async ({ page }) => {
    // The seeded HR case of Claire Martin against mParticle is with the EU DPA panel.
    await signInAs(page, "staff@mparticle.example");
    await page.getByRole("row").filter({ hasText: "HR data" }).filter({ hasText: "Data protection authorities" }).getByRole("link").click();
    await page.waitForURL(/\/cases\//);
    const caseUrl = page.url();
    const comment = page.locator("details", { hasText: "Comment to the panel" });
    await comment.locator("summary").click();
    await comment.getByRole("textbox").fill("The HR records came from the employer; we corrected our copy.");
    await comment.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Done: Comment to the panel.")).toBeVisible();

    await signInAs(page, "member@dpa-panel.example");
    await page.goto(caseUrl);
    await expect(page.getByText("The HR records came from the employer; we corrected our copy.")).toBeVisible();
    await expect(page.getByText("The panel gives its advice")).toBeVisible();
    await expectAccessible(page);
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const advice = page.locator("details", { hasText: "Give advice" });
    await advice.getByText("Give advice").click();
    await advice.getByLabel("Remedy 1").selectOption("correct");
    await advice.getByLabel("Due by").first().fill(due);
    await advice.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("The panel gave its advice")).toBeVisible();
    await expect(page.getByText("The company complies with the advice")).toBeVisible();

    await moveClock(page, { action: "advance", by: "30d" });
    await page.goto(caseUrl);
    await expect(page.locator("li", { hasText: "The company complies with the advice" }).getByText("Missed")).toBeVisible();
    const notice = page.locator("details", { hasText: "Give notice of referral" });
    await notice.getByText("Give notice of referral").click();
    await notice.getByLabel("Notice of").selectOption("ftc");
    await notice.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("The panel gave notice of referral")).toBeVisible();

    await signInAs(page, "claire.martin@example.fr");
    await page.goto(caseUrl.replace("/en/", "/fr/"));
    await expect(page.getByText("Le panel a annoncé un signalement")).toBeVisible();
    await expect(page.locator("li", { hasText: "Aucune autorité de protection des données n'est compétente" }).getByText("Exclu")).toBeVisible();
  });
});
