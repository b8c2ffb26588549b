import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";

const SOURCE = "Inactive participants on dataprivacyframework.gov, seen 2026-11-30";

test("the administrator records SessionM's Privacy Shield certification as withdrawn without data; the directory and filing follow (R1.2)", async ({ page }) => {
  await signInAs(page, "admin@recourse.example");
  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Certifications and their status" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certifications");
  await expectAccessible(page);

  const card = page.getByRole("region", { name: "SessionM, Inc.", exact: true }).getByRole("region", { name: "EU-U.S. Privacy Shield" });
  await expect(card.locator("dd").first()).toContainText("Active");
  await expect(card.getByText("The company's published privacy policy")).toBeVisible();

  // A rejected submit: the errors sit beside their fields and what was typed stays.
  await card.getByLabel("New status").selectOption("withdrawn");
  await card.getByLabel("Source").fill(SOURCE);
  await card.getByRole("button", { name: "Record the status" }).click();
  await expect(card.getByText("The status was not recorded.")).toBeVisible();
  await expect(card.locator('[id$="-since-error"]')).toHaveText("This field is required.");
  await expect(card.locator('[id$="-retainsFrameworkData-error"]')).toHaveText("This field is required.");
  await expect(card.getByLabel("In effect since")).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByLabel("Source")).toHaveValue(SOURCE);
  await expect(card.getByLabel("New status")).toHaveValue("withdrawn");

  // Ending participation asks for confirmation, stating the consequence.
  await card.getByLabel("No, it holds none").check();
  const confirm = card.getByLabel("I confirm: new complaints against SessionM, Inc. under the EU-U.S. Privacy Shield will be refused and pointed to the individual's data protection authority.");
  await expect(confirm).toBeVisible();
  await card.getByLabel("In effect since").fill("2026-11-30");
  await card.getByRole("button", { name: "Record the status" }).click();
  await expect(card.getByText("Tick the box to confirm that you understand the consequence.")).toBeVisible();
  await expect(card.getByLabel("In effect since")).toHaveValue("2026-11-30");
  await expectAccessible(page);

  await confirm.check();
  await card.getByRole("button", { name: "Record the status" }).click();
  await expect(page.getByText("Recorded: SessionM, Inc., EU-U.S. Privacy Shield: Withdrawn.")).toBeVisible();
  await expect(card.getByText("New complaints go to the DPA")).toBeVisible();
  await expect(card.getByText(SOURCE)).toBeVisible();

  await page.goto("/en/directory/sessionm");
  await expect(page.getByText("Does not take part")).toBeVisible();
  await expect(page.getByText("Withdrawn since November 30, 2026")).toBeVisible();
  await expect(page.getByText(SOURCE)).toBeVisible();
  await expect(page.getByText("SessionM, Inc.'s certification lapsed or was withdrawn")).toBeVisible();
  await expect(page.getByText("Contact your national data protection authority")).toBeVisible();
  await expect(page.getByText("Successor framework")).toHaveCount(0);

  await page.goto("/en/file/sessionm");
  await expect(page.getByText("Contact your national data protection authority")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);

  // Back to active for later runs on the same data: no confirmation is asked.
  await page.goto("/en/admin/certifications");
  await card.getByLabel("New status").selectOption("active");
  await expect(card.getByRole("checkbox")).toHaveCount(0);
  await card.getByLabel("In effect since").fill("2026-12-01");
  await card.getByLabel("Source").fill("e2e: restored");
  await card.getByRole("button", { name: "Record the status" }).click();
  await expect(page.getByText("Recorded: SessionM, Inc., EU-U.S. Privacy Shield: Active.")).toBeVisible();
  await page.goto("/en/directory/sessionm");
  await expect(page.getByText("Takes part", { exact: true })).toBeVisible();
  await expect(page.getByText("EU-U.S. Data Privacy Framework, since July 10, 2023")).toBeVisible();
});
