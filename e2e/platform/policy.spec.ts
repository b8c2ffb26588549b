import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";

test("the administrator sets the retention period; the page says where the figure comes from", async ({ page }) => {
  await signInAs(page, "admin@recourse.example");
  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Settings in force" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings in force");
  await expect(page.getByText("set by the environment variable RECOURSE_RETENTION_DAYS")).toBeVisible();
  const days = page.getByLabel("Erase closed cases after (days)");
  await expect(days).toHaveValue("1095");
  await expect(page.getByText("Now: 1,095 days (the default).")).toBeVisible();
  await expectAccessible(page);

  // Shorter erases more, for good: it asks for an explicit yes first.
  await days.fill("400");
  await page.getByRole("button", { name: "Save the period" }).click();
  await expect(page.getByText("A shorter period erases cases for good: tick the box to confirm it.").first()).toBeVisible();
  await expect(page.getByText("Now: 1,095 days (the default).")).toBeVisible();
  await expect(days).toHaveValue("400");
  await page.getByLabel(/I understand that the next nightly run erases/).check();
  await page.getByRole("button", { name: "Save the period" }).click();
  await expect(page.getByText("Saved. The retention job applies the new period from its next run.")).toBeVisible();
  await expect(days).toHaveValue("400");
  await expect(page.getByText("Now: 400 days (set here).")).toBeVisible();

  // The browser keeps the range too; the server refuses what gets past it.
  await expect(days).toHaveAttribute("min", "30");
  await days.evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
  await days.fill("10");
  await page.getByLabel(/I understand that the next nightly run erases/).check();
  await page.getByRole("button", { name: "Save the period" }).click();
  await expect(page.getByText("Enter a whole number of days from 30 to 3650.")).toBeVisible();
  await expect(days).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Now: 400 days (set here).")).toBeVisible();
  await expectAccessible(page);

  // Put it back for the other journeys.
  await days.fill("1095");
  await page.getByRole("button", { name: "Save the period" }).click();
  await expect(page.getByText("Now: 1,095 days (set here).")).toBeVisible();
});
