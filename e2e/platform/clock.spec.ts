import { expect, test } from "@playwright/test";
import { fileComplaint, followMailLink } from "../support/filing";
import { confirmStep, expectAccessible, moveClock, signInAs } from "../support/helpers";

test.describe("the demo clock", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("advancing the clock moves every deadline and opens the next rung", async ({ page }) => {
    // A fresh complaint: the seeded ones may already carry deadlines recorded as missed by
    // earlier journeys that moved the clock (history is append-only, even in the demo).
    const reference = await fileComplaint(page, { org: "mparticle", name: "Margaux Petit", email: "margaux.petit@example.fr", country: "FR" });
    await followMailLink(page, "margaux.petit@example.fr", reference);
    await expect(page.getByText("The company responds")).toBeVisible();
    const escalate = page.getByRole("button", { name: /Escalate to BBB National Programs/ });
    await expect(escalate).toBeDisabled();
    await expect(page.getByText(/You can take this step on .* if the company has not acknowledged your complaint by then, and in any case on .*, when its 45 days have run out/)).toBeVisible();
    await expectAccessible(page);
    const url = page.url();

    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto(url);
    await expect(page.locator("summary", { hasText: /Escalate to BBB National Programs/ })).toBeVisible();
    await expect(page.getByTestId("clocks").locator("li", { hasText: "The company responds" }).getByText("Missed", { exact: true })).toBeVisible();

    // Escalated to BBB: BBB's liaison has it, with BBB's own deadline; JAMS's gets "not found".
    // It let its 45 days pass: the confirmation says its missed deadlines stay on the record.
    await confirmStep(page, /Escalate to BBB National Programs/, /and the deadlines it missed stay on the record/);
    await expect(page.getByText("Escalated to BBB National Programs (BBB EU Privacy Shield)", { exact: true })).toBeVisible();
    await signInAs(page, "liaison@bbb.example");
    await expect(page.getByRole("row").filter({ hasText: reference }).getByText(/days left/)).toBeVisible();
    await signInAs(page, "liaison@jams.example");
    expect((await page.goto(url))?.status()).toBe(404);
  });
});
