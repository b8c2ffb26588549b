import { expect, test } from "@playwright/test";
import { fileComplaint, followMailLink, signInByEmail } from "../support/filing";
import { confirmStep, decide, expectAccessible, moveClock, signInAs, chooseEligible } from "../support/helpers";

/** Where routes meet (R2.2, R2.4, R2.7): what each party can still do, told plainly. */
test.describe("routes that run side by side", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("R2.7: the Commerce review runs beside the company, which still answers", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Aino Virtanen", email: "aino@example.fi", country: "FI" });
    await followMailLink(page, "aino@example.fi", reference);
    const caseUrl = page.url().split("?")[0]!;
    const status = page.getByTestId("case-status");
    await expect(status).toContainText("Your complaint is with mParticle, Inc.");
    await confirmStep(page, "Ask for the Department of Commerce review", /This runs beside the other steps/);
    await expect(page.getByTestId("case-status")).toContainText("Beside this, the Department of Commerce review has been asked for");
    await expect(page.getByTestId("case-status")).toContainText(/mParticle, Inc. must reply by/);
    await expectAccessible(page);

    await signInAs(page, "staff@mparticle.example");
    await page.goto(caseUrl);
    await expect(page.getByTestId("case-status")).toContainText(/You must reply by/);
    const reply = page.locator("details", { hasText: "Record the response" });
    await reply.locator("summary").click();
    await reply.getByRole("textbox").fill("We have corrected your record and stopped sending it to our client.");
    await reply.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Done: Record the response.")).toBeVisible();

    // The complainant reads it as the company's formal response, signed by the person who sent it.
    await signInByEmail(page, "aino@example.fi");
    await page.goto(caseUrl);
    const response = page.locator('#messages li[data-step="organisation.responded"]');
    await expect(response.getByText("Formal response")).toBeVisible();
    await expect(response.getByText("Morgan Lee (mParticle) (Company)")).toBeVisible();
    await expect(response.getByText("We have corrected your record and stopped sending it to our client.")).toBeVisible();
  });

  test("R2.2, R2.4: no timely acknowledgment opens BBB; BBB closes its rung and the later steps stay open", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Jonas Berg", email: "jonas.berg@example.se", country: "SE" });
    await followMailLink(page, "jonas.berg@example.se", reference);
    const caseUrl = page.url().split("?")[0]!;
    // mParticle's policy sends individuals to BBB when they get no timely acknowledgment.
    await moveClock(page, { action: "advance", by: "9d" });
    await page.goto(caseUrl);
    await confirmStep(page, /Escalate to BBB National Programs/, /independent body that is free for you/);
    await expect(page.getByTestId("case-status")).toContainText("Your complaint is with BBB National Programs");

    await signInAs(page, "liaison@bbb.example");
    await page.goto(caseUrl);
    // R2.2, R2.4: BBB closes its review only once it has decided whether it takes the complaint up.
    await expect(page.getByText("Decide eligibility first.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Close the case…" })).toHaveCount(0);
    await decide(page, "Decide eligibility…", chooseEligible, "The complaint is recorded as eligible.");
    await decide(page, "Close the case…", (form) => form.getByLabel("Outcome").fill("The complainant stopped answering our questions."), /closes the review by BBB National Programs.* only: the complainant keeps every later step/);
    await expect(page.getByText("Done: Close the case.")).toBeVisible();

    await signInByEmail(page, "jonas.berg@example.se");
    await page.goto(caseUrl);
    await expect(page.getByTestId("case-status")).toContainText("BBB National Programs (BBB EU Privacy Shield) has closed its part of the case.");
    await expect(page.locator("summary", { hasText: "Ask for the Department of Commerce review" })).toBeVisible();
    await expectAccessible(page);
  });
});
