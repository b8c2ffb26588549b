import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";

test("the administrator removes Customer Portfolios from the list after its FTC referral; the directory and filing say so (R4.2)", async ({ page }) => {
  await signInAs(page, "admin@recourse.example");
  await page.getByRole("link", { name: "FTC register" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("FTC referral register");
  await expectAccessible(page);
  const company = page.getByRole("region", { name: "Customer Portfolios LLC" });
  await expect(company.getByText("Referred to the FTC").first()).toBeVisible();
  await company.getByText("Remove Customer Portfolios LLC from the list…").click();
  await company.getByLabel("Reason (kept in the audit log)").fill("Refused ANA's determination; referred to the FTC");
  await company.getByRole("button", { name: "Remove Customer Portfolios LLC from the list" }).click();
  await expect(page.getByText("The organisation was removed from the list")).toBeVisible();

  await page.goto("/en/directory/customer-portfolios");
  await expect(page.getByText("was removed from the list for persistent failure to comply")).toBeVisible();
  await expect(page.getByText("Removed for persistent failure to comply").first()).toBeVisible();
  await page.goto("/en/file/customer-portfolios");
  await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);
});
