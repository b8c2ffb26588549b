import { expect, test } from "@playwright/test";
import { fileComplaint, followMailLink, signInByEmail } from "../support/filing";
import { chooseVerdict, confirmStep, decide, moveClock, signInAs, expectAccessible } from "../support/helpers";

test.describe("the DPA panel works an HR case", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("mParticle comments, the panel advises, the 25 days pass, the panel gives notice of referral; arbitration stays barred", async ({ page }) => {
    // Its own HR case (seeded ones may carry deadlines missed while other journeys moved the
    // clock): the company's 45 days run out, and the complainant goes to the DPA panel.
    const reference = await fileComplaint(page, { org: "mparticle", name: "Élise Moreau", email: "elise.moreau@example.fr", country: "FR", hr: true, description: "My HR file from my employer, a client of mParticle, is wrong." });
    await followMailLink(page, "elise.moreau@example.fr", reference);
    const caseUrl = page.url().split("?")[0]!;
    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto(caseUrl);
    await confirmStep(page, "Go to the data protection authorities");
    await expect(page.getByText(/Done: Go to the data protection authorities/)).toBeVisible();
    // R2.6: the panel advises once both sides have had their say (or their time to comment ran out).
    const mine = page.locator("details", { hasText: "Comment to the panel" });
    await mine.locator("summary").click();
    await mine.getByRole("textbox").fill("My employer in Lyon sent my HR file to mParticle; it lists the wrong job title.");
    await mine.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Done: Comment to the panel.")).toBeVisible();
    await signInAs(page, "staff@mparticle.example");
    await page.goto(caseUrl);
    const comment = page.locator("details", { hasText: "Comment to the panel" });
    await comment.locator("summary").click();
    await comment.getByRole("textbox").fill("The HR records came from the employer; we corrected our copy.");
    await comment.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Done: Comment to the panel.")).toBeVisible();

    await signInAs(page, "member@dpa-panel.example");
    await page.goto(caseUrl);
    await expect(page.getByText("The HR records came from the employer; we corrected our copy.")).toBeVisible();
    await expect(page.getByText("The data protection authority gives its advice")).toBeVisible();
    await expectAccessible(page);
    // 20 days after the advice, on the demo clock that is now 46 days ahead.
    const due = new Date(Date.now() + 66 * 86_400_000).toISOString().slice(0, 10);
    await decide(
      page,
      "Give advice…",
      async (form) => {
        await chooseVerdict(form, "Partly upheld");
        await form.getByLabel("Remedy 1", { exact: true }).selectOption("correct");
        await form.getByLabel("Due by").first().fill(due);
        await form.getByLabel("Findings").fill("The job title mParticle holds is wrong and must be corrected.");
      },
      "This is the panel’s advice",
    );
    await expect(page.getByText("The panel gave its advice")).toBeVisible();
    await expect(page.getByTestId("case-verdict")).toHaveText("The panel of data protection authorities partly upheld the complaint: mParticle, Inc. must carry out “Correction”.");
    await expect(page.getByText("The company complies with the advice")).toBeVisible();

    await moveClock(page, { action: "advance", by: "30d" });
    await page.goto(caseUrl);
    await expect(page.getByTestId("clocks").locator("li", { hasText: "The company complies with the advice" }).getByText("Missed", { exact: true })).toBeVisible();
    await decide(page, "Give notice of referral…", (form) => form.getByLabel("Notice of").selectOption("ftc").then(() => {}), "is given notice of a referral to the U.S. Federal Trade Commission");
    await expect(page.getByText("The panel gave notice of referral")).toBeVisible();

    await signInByEmail(page, "elise.moreau@example.fr");
    await page.goto(caseUrl.replace("/en/", "/fr/"));
    await expect(page.getByText("Le panel a annoncé un signalement")).toBeVisible();
    await expect(page.locator("li", { hasText: "Aucune autorité de protection des données n’est compétente" }).getByText("Exclu")).toBeVisible();
  });
});
