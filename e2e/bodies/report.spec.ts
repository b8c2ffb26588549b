import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";

test("an IRM's annual report: figures with charts, on-time rates per clock, CSV and JSON; another provider cannot read it", async ({ page }) => {
  await signInAs(page, "liaison@ana.example");
  await page.getByRole("link", { name: "Annual report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("annual report 2026");
  await expect(page.getByText("Complaints received", { exact: true })).toBeVisible();
  const onTime = page.getByRole("region", { name: "Deadlines met on time" });
  await expect(onTime).toBeVisible();
  // R2.6: the 60 days aimed for are the DPA panel's; an IRM's report has no such section.
  await expect(page.getByRole("region", { name: "Targets (not deadlines)" })).toHaveCount(0);
  await expectAccessible(page);
  // On a phone the page keeps to the screen's width.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });
  if (process.env.RECOURSE_SCREENS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await onTime.screenshot({ path: "docs/screens/report-on-time-phone.png" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "docs/screens/report-on-time.png", fullPage: true });
  }
  const csvHref = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\n")[0]).toBe("section,key,value");
  const json = await page.request.get((await page.getByRole("link", { name: "JSON" }).getAttribute("href"))!);
  const report = await json.json();
  expect(report.year).toBe(2026);
  expect(report.received).toBeGreaterThanOrEqual(1);
  // Each kind's share is its clocks met on time over those met or missed; aims stand apart.
  for (const byKind of [report.onTime, report.aims]) {
    for (const v of Object.values(byKind) as { onTime: number; late: number; rate: number }[]) expect(v.rate).toBeCloseTo(v.onTime / (v.onTime + v.late));
  }
  expect(Object.keys(report.onTime)).not.toContain("panel.advice");
  const rows = (await csv.text()).split("\n");
  for (const kind of Object.keys(report.onTime)) expect(rows).toContain(`clock_on_time_rate,${kind},${report.onTime[kind].rate}`);

  await signInAs(page, "liaison@jams.example");
  expect((await page.request.get(csvHref!)).status()).toBe(404);
});
