import { expect, test } from "@playwright/test";
import { fileComplaint, followMailLink } from "../support/filing";
import { chooseVerdict, confirmStep, decide, expectAccessible, moveClock, signInAs } from "../support/helpers";

test.describe("the Swiss FDPIC works an HR case", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("a Swiss employee's HR complaint reaches the FDPIC, whose case officer gives advice in its own name", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Reto Brunner", email: "reto.brunner@example.ch", country: "CH", hr: true, description: "My employer in Basel shared my HR file with mParticle and it is out of date." });
    await followMailLink(page, "reto.brunner@example.ch", reference);
    const caseUrl = page.url().split("?")[0]!;
    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto(caseUrl);
    await confirmStep(page, "Go to the data protection authorities");
    await expect(page.getByText(/Done: Go to the data protection authorities/)).toBeVisible();
    await expect(page.getByTestId("case-status")).toContainText("Your complaint is with the Swiss Federal Data Protection and Information Commissioner (FDPIC).");

    // Neither side comments; once the 14 days for comments pass, the FDPIC can advise (within 25 days for compliance).
    await moveClock(page, { action: "advance", by: "15d" });
    await signInAs(page, "case.officer@fdpic.example");
    await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("FDPIC");
    await expect(page.getByRole("link", { name: new RegExp(reference) })).toBeVisible();
    await page.goto(caseUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
    const status = page.getByTestId("case-status");
    await expect(status).toContainText("The complaint is with the Swiss Federal Data Protection and Information Commissioner (FDPIC).");
    await expect(status).toContainText("it aims to give its advice by");
    await expect(status).not.toContainText("panel");
    await expectAccessible(page);
    // The FDPIC's own page speaks of the FDPIC, never of a panel or of "your" authority.
    await expect(page.getByText("You see this case as: Swiss Federal Data Protection and Information Commissioner (FDPIC)")).toBeVisible();
    await page.getByRole("link", { name: "Give advice…" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The FDPIC’s advice");
    await expect(page.locator("main")).not.toContainText("panel");
    await expect(page.locator("main")).not.toContainText("Your data protection authority");
    await page.goBack();
    await decide(
      page,
      "Give advice…",
      async (form) => {
        await chooseVerdict(form, "Upheld");
        await form.getByLabel("Remedy 1", { exact: true }).selectOption("correct");
        await form.getByLabel("Due by").first().fill(new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10));
        await form.getByLabel("Findings").fill("The HR file mParticle holds is out of date and must be corrected.");
      },
      "This is the FDPIC’s advice; it cannot be changed or undone.",
    );
    await expect(status).toContainText("The FDPIC has given its advice.");
    await expect(status).toContainText("The FDPIC upheld the complaint: mParticle, Inc. must carry out “Correction”.");
    await expect(status).toContainText("mParticle, Inc. must carry out what the FDPIC advised");
    // The timeline speaks of the FDPIC too, and of the complainant's authority only as theirs.
    await expect(page.getByText("The FDPIC gave its advice")).toBeVisible();
    await expect(page.locator("main")).not.toContainText("The panel gave its advice");
    await expect(page.locator("main")).not.toContainText("Your data protection authority");
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/fdpic-advice.png", fullPage: true });
    await expect(page.getByText("The HR file mParticle holds is out of date and must be corrected.")).toBeVisible();
  });
});
