import { expect, test } from "@playwright/test";
import { fileComplaint, followMailLink } from "../support/filing";
import { confirmStep, expectAccessible, moveClock, signInAs } from "../support/helpers";

/**
 * The complainant's case page on a 390 px phone, in each language, at two states: waiting on
 * the company, and with the IRM. With RECOURSE_SCREENS=1 it refreshes the screenshots under
 * docs/screens/ that the README shows.
 */
test.describe("the case page on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("status first, in en, de and fr; nothing overflows", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Lea Novak", email: "lea.novak@example.si", country: "SI" });
    await followMailLink(page, "lea.novak@example.si", reference);
    const caseUrl = page.url().split("?")[0]!;
    for (const locale of ["en", "de", "fr"]) {
      await page.goto(caseUrl.replace("/en/", `/${locale}/`));
      const status = page.getByTestId("case-status");
      await expect(status).toBeVisible();
      // On a phone the status comes before every other section of the case.
      const statusTop = (await status.boundingBox())!.y;
      const actionsTop = (await page.locator("#actions-title").boundingBox())!.y;
      expect(statusTop).toBeLessThan(actionsTop);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: `docs/screens/case-waiting-on-company-${locale}.png` });
    }
    await moveClock(page, { action: "advance", by: "9d" });
    await page.goto(caseUrl);
    await confirmStep(page, /Escalate to BBB National Programs/);
    for (const locale of ["en", "de", "fr"]) {
      await page.goto(caseUrl.replace("/en/", `/${locale}/`));
      await expect(page.getByTestId("case-status")).toBeVisible();
      if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: `docs/screens/case-with-irm-${locale}.png` });
    }
  });
  test("case lists are cards, with the deadline in view; sign-in and directory pages fit in German and French", async ({ page }) => {
    const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const [who, path] of [["anna.schmidt@example.de", "/de/cases"], ["staff@mparticle.example", "/de/org"]] as const) {
      await signInAs(page, who, "de");
      await page.goto(path);
      const due = page.locator("table.stacked-table tbody tr").first().locator("td").nth(3);
      await expect(due).toBeVisible();
      const box = (await due.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await fits();
      await expectAccessible(page);
      if (process.env.RECOURSE_SCREENS) {
        await due.evaluate((cell) => cell.closest("tr")!.scrollIntoView({ block: "start" }));
        await page.screenshot({ path: `docs/screens/${path.endsWith("org") ? "queue" : "cases"}-phone-de.png` });
      }
    }
    await page.context().clearCookies();
    for (const path of ["/de/sign-in", "/fr/sign-in", "/de/directory/mparticle", "/fr/directory/mparticle"]) {
      await page.goto(path);
      await fits();
    }
  });
});
