import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";

test("an IRM's annual report: figures with charts, CSV and JSON; another provider cannot read it", async ({ page }) => {
  await signInAs(page, "liaison@ana.example");
  await page.getByRole("link", { name: "Annual report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("annual report 2026");
  await expect(page.getByText("Complaints received", { exact: true })).toBeVisible();
  await expectAccessible(page);
  const csvHref = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\n")[0]).toBe("section,key,value");
  const json = await page.request.get((await page.getByRole("link", { name: "JSON" }).getAttribute("href"))!);
  const report = await json.json();
  expect(report.year).toBe(2026);
  expect(report.received).toBeGreaterThanOrEqual(1);

  await signInAs(page, "liaison@jams.example");
  expect((await page.request.get(csvHref!)).status()).toBe(404);
});
