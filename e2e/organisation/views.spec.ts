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

test("with a search typed, the views count the cases it matches, and each view keeps the search", async ({ page }) => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `Viewcount ${stamp}`;
  const reference = await fileComplaint(page, { org: "mparticle", name, email: `viewcount-${stamp}@example.de`, country: "DE" });
  await signInAs(page, "staff@mparticle.example");
  await page.goto(`/en/org?view=open&q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
  const views = page.getByTestId("queue-views");
  // Only the one case the search finds is counted: it needs the company's response, nobody has it, none is closed.
  await expect(views.getByRole("link", { name: /^Needs our response/ })).toHaveText("Needs our response (1)");
  await expect(views.getByRole("link", { name: /^Unassigned/ })).toHaveText("Unassigned (1)");
  await expect(views.getByRole("link", { name: /^Mine/ })).toHaveText("Mine (0)");
  await expect(views.getByRole("link", { name: /^Closed/ })).toHaveText("Closed (0)");
  await expect(views.getByRole("link", { name: /^All$|^All \(/ })).toHaveText("All (1)");
  await views.getByRole("link", { name: /^Unassigned/ }).click();
  await expect(page).toHaveURL(/view=unassigned/);
  await expect(page.getByLabel("Reference or complainant")).toHaveValue(name);
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
  await expect(views.getByRole("link", { name: /^Unassigned/ })).toHaveAttribute("aria-current", "page");
});
