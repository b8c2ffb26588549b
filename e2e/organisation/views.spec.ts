import { expect, test } from "@playwright/test";
import { fileComplaint } from "../support/filing";
import { expectAccessible, moveClock, signInAs } from "../support/helpers";

/** The company's views say what it owes and what is late, right after the clock moves. */
test.describe("the company's queue views", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("a missed 45 days shows under Overdue at once; the views' counts follow", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Kai Lehmann", email: "kai.lehmann@example.de", country: "DE" });
    await signInAs(page, "staff@mparticle.example");
    await page.goto("/en/org?view=needs_response");
    const views = page.getByTestId("queue-views");
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    const overdueBefore = Number((await views.getByRole("link", { name: /^Overdue/ }).textContent())!.match(/\((\d+)\)/)![1]);
    await expectAccessible(page);

    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto("/en/org?view=overdue");
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await expect(views.getByRole("link", { name: /^Overdue/ })).toHaveAttribute("aria-current", "page");
    const overdueAfter = Number((await views.getByRole("link", { name: /^Overdue/ }).textContent())!.match(/\((\d+)\)/)![1]);
    expect(overdueAfter).toBeGreaterThan(overdueBefore);
  });
});
