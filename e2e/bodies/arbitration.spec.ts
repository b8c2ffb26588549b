import { expect, test, type Page } from "@playwright/test";
import { chooseVerdict, commerceUnableToResolve, confirmStep, decide, moveClock, signInAs, chooseEligible } from "../support/helpers";
import { fileComplaint, followMailLink, signInByEmail } from "../support/filing";

async function details(page: Page, summary: string) {
  const box = page.locator("details", { hasText: summary });
  await box.locator("summary").click();
  return box;
}

test.describe("binding arbitration", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("SessionM: JAMS, the Commerce review through the DPA, then arbitration to a non-monetary award", async ({ page }) => {
    // Every rung of the ladder, each decision on its own page: longer than one journey's default.
    test.setTimeout(150_000);
    const reference = await fileComplaint(page, { org: "sessionm", name: "Gunnar Olsen", email: "gunnar@example.no", country: "NO" });
    // The mailed link is followed first: it lasts a day, and the clock is about to jump 46.
    await followMailLink(page, "gunnar@example.no", reference);
    const caseUrl = page.url().split("?")[0]!;
    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto(caseUrl);
    await confirmStep(page, "Escalate to JAMS");
    await expect(page.getByText("Escalated to JAMS", { exact: true })).toBeVisible();
    await confirmStep(page, "Ask for the Department of Commerce review", /This runs beside the other steps/);
    await expect(page.getByText("Commerce review requested through the DPA")).toBeVisible();
    await expect(page.getByRole("button", { name: "Invoke binding arbitration" })).toBeDisabled();

    // JAMS decides.
    await signInAs(page, "liaison@jams.example");
    await page.goto(caseUrl);
    await decide(page, "Decide eligibility…", chooseEligible);
    await expect(page.getByText("JAMS decided on eligibility", { exact: true })).toBeVisible();
    await decide(page, "Issue a determination…", async (form) => {
      await chooseVerdict(form, "Upheld");
      await form.getByLabel("Remedy 1", { exact: true }).selectOption("access");
      await form.getByLabel("Due by").first().fill("2027-03-01");
      await form.getByLabel("Findings").fill("SessionM never answered the access request it received.");
    });
    await expect(page.getByText("JAMS issued a determination", { exact: true })).toBeVisible();

    // The complainant's DPA refers the matter to Commerce, which concludes.
    await commerceUnableToResolve(page, caseUrl);
    await expect(page.getByText("Unable to Resolve")).toBeVisible();

    // Every pre-condition holds: the complainant invokes arbitration.
    await signInByEmail(page, "gunnar@example.no");
    await page.goto(caseUrl);
    await expect(page.getByText("All pre-conditions are met: you may invoke binding arbitration.")).toBeVisible();
    const invoke = await details(page, "Invoke binding arbitration");
    const notice = invoke.getByRole("textbox");
    await expect(notice).toHaveValue(/Notice of binding arbitration under Annex I/);
    await expect(notice).toHaveValue(/it did not respond within 45 days/);
    await expect(notice).toHaveValue(/outcome: unable to resolve/);
    // R3.3: a demand for money is refused for that part, with the reason; the rest goes ahead.
    await notice.fill(`${await notice.inputValue()}\nI also claim damages of 500 € and my costs.`);
    await invoke.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Binding arbitration invoked", { exact: true })).toBeVisible();
    await expect(page.getByText(/Part of the arbitration Notice is refused: it asks for damages or compensation, costs/)).toBeVisible();
    await expect(page.getByText(/Notice of binding arbitration under Annex I/).first()).toBeVisible();

    // ICDR-AAA administers: the Notice, five names; each side strikes two and ranks three.
    await signInAs(page, "cases@icdr.example");
    await page.goto(caseUrl);
    await page.getByRole("button", { name: "Record delivery of the notice" }).click();
    await expect(page.getByText("Notice delivered to the company")).toBeVisible();
    const names = await details(page, "Propose five arbitrators");
    for (const [i, name] of ["Ada Byron", "Ben Cardozo", "Clara Schumann", "Dag Hammarskjöld", "Eva Perón"].entries()) await names.getByLabel(`Arbitrator ${i + 1}`).fill(name);
    await names.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("Five arbitrators proposed")).toBeVisible();

    await signInByEmail(page, "gunnar@example.no");
    await page.goto(caseUrl);
    await (await details(page, "Submit strikes and ranking")).getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("Strikes and ranking submitted")).toBeVisible();
    await signInAs(page, "staff@sessionm.example");
    await page.goto(caseUrl);
    await (await details(page, "Submit strikes and ranking")).getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("Strikes and ranking submitted")).toHaveCount(2);

    await signInAs(page, "cases@icdr.example");
    await page.goto(caseUrl);
    const panel = await details(page, "Constitute the panel");
    await panel.getByLabel("Clara Schumann").check();
    await panel.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("Arbitration panel constituted")).toBeVisible();
    const hearing = await details(page, "Schedule the hearing");
    await hearing.getByLabel("Hearing (UTC)").fill("2027-02-10T15:00");
    await hearing.getByLabel("Held by").selectOption("video");
    await hearing.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("Hearing scheduled")).toBeVisible();
    // The award offers only non-monetary, individual relief (R3.3).
    await decide(
      page,
      "Make the award…",
      async (form) => {
        await expect(form.getByLabel("Remedy 1", { exact: true }).locator("option", { hasText: "Compensation" })).toHaveCount(0);
        await chooseVerdict(form, "Upheld");
        await form.getByLabel("Remedy 1", { exact: true }).selectOption("delete");
        await form.getByLabel("Due by").first().fill("2027-04-01");
        await form.getByLabel("Findings").fill("The panel finds the retained loyalty profile unlawful; it must be deleted.");
      },
      "SessionM, Inc. must carry out “Deletion” by April 1, 2027.",
      async () => {
        if (!process.env.RECOURSE_SCREENS) return;
        await page.screenshot({ path: "docs/screens/decision-page.png", fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: "test-results/decision-page-phone.png", fullPage: true });
        await page.setViewportSize({ width: 1280, height: 720 });
      },
    );
    await expect(page.getByText("Award made")).toBeVisible();
    await expect(page.getByText(/Deletion, due April 1, 2027/).first()).toBeVisible();
    // The award reads with its findings, beside the outcome, for both sides.
    await signInByEmail(page, "gunnar@example.no");
    await page.goto(caseUrl);
    await expect(page.getByText("The panel finds the retained loyalty profile unlawful; it must be deleted.")).toBeVisible();
    await expect(page.getByTestId("case-verdict")).toHaveText("The arbitration panel decided in your favour: SessionM, Inc. must carry out “Deletion”.");
  });
});
