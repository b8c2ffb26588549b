import { expect, test } from "@playwright/test";
import { fileComplaint, followMailLink } from "../support/filing";
import { expectAccessible } from "../support/helpers";

/** R2.1: a company without an account receives the complaint at its published contact and answers through its link. */
test("a company without an account acknowledges and answers through the link it was mailed; the complainant reads the answer", async ({ page }) => {
  const reference = await fileComplaint(page, { org: "harbor-metrics", name: "Inês Costa", email: "ines@example.pt", country: "PT" });
  await page.goto("/en/dev/mailbox");
  const delivery = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText("privacy@harbor-metrics.example", { exact: true }) }).filter({ hasText: reference }).first();
  await expect(delivery).toContainText("within 45 days of receiving the complaint");
  const href = await delivery.locator('a[href*="/respond/"]').first().getAttribute("href");

  await page.context().clearCookies();
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Complaint ${reference} against Harbor Metrics, Inc. (demo)`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(page.getByText("Receipt acknowledged. The complainant has been told.")).toBeVisible();
  // An empty answer is refused beside the field; a written one is sent and uses the link up.
  await page.getByRole("button", { name: "Send the response" }).click();
  await expect(page.getByText("Write your response before sending it.")).toBeVisible();
  // A word or two is no formal response (R2.1): refused, and kept.
  await page.getByLabel("Response to the complainant").fill("Done.");
  await page.getByRole("button", { name: "Send the response" }).click();
  await expect(page.getByText("The response is too short (20 characters at least)")).toBeVisible();
  await expect(page.getByLabel("Response to the complainant")).toHaveValue("Done.");
  await page.getByLabel("Response to the complainant").fill("We found your profile and deleted it on 3 December.");
  await page.getByRole("button", { name: "Send the response" }).click();
  await expect(page.getByText("Your response was sent to the complainant and recorded. Thank you.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("A response has already been sent through this link.")).toBeVisible();

  await followMailLink(page, "ines@example.pt", reference);
  await expect(page.getByTestId("case-status")).toContainText("Harbor Metrics, Inc. (demo) has answered the complaint.");
  // Once the company answered, its 45 days no longer count: the status names the rung open instead (R2.1, R2.2).
  await expect(page.getByTestId("case-status")).toContainText("You can now take your complaint to JAMS, free of charge.");
  await expect(page.getByTestId("case-status")).not.toContainText("45 days count from");
  await expect(page.getByText("We found your profile and deleted it on 3 December.")).toBeVisible();
});
