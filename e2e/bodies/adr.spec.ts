import { expect, test } from "@playwright/test";
import { chooseVerdict, confirmStep, decide, expectAccessible, moveClock, signInAs, chooseEligible } from "../support/helpers";
import { fileComplaint, followMailLink, signInByEmail } from "../support/filing";

test.describe("an ADR provider works its rung", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("Customer Portfolios misses its 45 days; ANA determines; the determination is ignored; ANA proposes an FTC referral", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "customer-portfolios", name: "Pieter de Vries", email: "pieter@example.nl", country: "NL" });
    // The mailed link is followed first: it lasts a day, and the clock is about to jump 46.
    await followMailLink(page, "pieter@example.nl", reference);
    const caseUrl = page.url().split("?")[0]!;
    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto(caseUrl);
    await confirmStep(page, /Escalate to Association of National Advertisers/);
    await expect(page.getByText("Escalated to Association of National Advertisers (ANA) Privacy Shield Dispute Resolution", { exact: true })).toBeVisible();

    await signInAs(page, "liaison@ana.example");
    await page.getByRole("link", { name: reference }).click();
    await page.waitForURL(/\/cases\//);
    await expect(page.getByText("You see this case as: Dispute resolution provider")).toBeVisible();
    // The case file as it was handed over, with its hash, behind "What was handed over".
    await page.getByText("What was handed over").first().click();
    const record = await page.request.get((await page.getByRole("link", { name: "The case file as handed over (JSON)" }).getAttribute("href"))!);
    expect(record.status()).toBe(200);
    expect(record.headers()["x-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    // The company's missed deadlines, recorded by the sweep when the clock moved, are part of it.
    expect((await record.json()).timeline.map((e: { type: string }) => e.type)).toEqual(["case.filed", "clock.breached", "clock.breached", "irm.escalated"]);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(page.getByText("Association of National Advertisers (ANA) Privacy Shield Dispute Resolution acknowledged receipt", { exact: true })).toBeVisible();
    await decide(page, "Decide eligibility…", chooseEligible, "The complaint is recorded as eligible.");
    await expect(page.getByText("Done: Decide eligibility.")).toBeVisible();
    await expect(page.getByText("Association of National Advertisers (ANA) Privacy Shield Dispute Resolution decided on eligibility", { exact: true })).toBeVisible();

    // The determination is written on its own page, the case beside it.
    await page.getByRole("link", { name: "Issue a determination…" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^The determination of Association of National Advertisers/);
    await expect(page.getByRole("heading", { name: "The complaint" })).toBeVisible();
    await expectAccessible(page);
    const findings = "Customer Portfolios kept sending the complainant's profile to advertisers after her objection.";
    const form = page.locator("form", { has: page.getByRole("button", { name: "Review the decision" }) });
    await chooseVerdict(form, "Upheld");
    await page.getByLabel("Remedy 1", { exact: true }).selectOption("stop_processing");
    await page.getByLabel("Findings").fill(findings);
    await page.getByRole("button", { name: "Review the decision" }).click();
    // The confirmation says what will follow before anything is recorded.
    const confirmation = page.getByTestId("decision-confirmation");
    await expect(confirmation).toContainText("The complaint is upheld.");
    await expect(confirmation).toContainText("“Stop processing” has no due date");
    await expect(confirmation).toContainText("cannot be changed or undone");
    await expectAccessible(page);
    await confirmation.getByRole("button", { name: "Record the decision" }).click();
    // Refused: every error is listed and linked to its field, and the findings typed are kept.
    const summary = page.getByRole("alert").filter({ hasText: "Please correct" });
    await summary.getByRole("link", { name: "Remedy 1: Due by" }).click();
    await expect(page.getByLabel("Due by").first()).toBeFocused();
    await expect(page.getByLabel("Findings")).toHaveValue(findings);
    await expect(page.getByLabel("Remedy 1", { exact: true })).toHaveValue("stop_processing");
    await expect(form.getByRole("radio", { name: "Upheld", exact: true })).toBeChecked();
    await expect(page).toHaveURL(/\/decide\/issue_determination/);
    await expectAccessible(page);
    await page.getByLabel("Due by").first().fill("2027-02-15");
    await page.getByRole("button", { name: "Review the decision" }).click();
    await expect(confirmation).toContainText("Customer Portfolios LLC must carry out “Stop processing” by February 15, 2027.");
    await confirmation.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByText("Done: Issue a determination.")).toBeVisible();
    await expect(page.getByText("Association of National Advertisers (ANA) Privacy Shield Dispute Resolution issued a determination", { exact: true })).toBeVisible();
    await expect(page.getByText("A remedy is carried out")).toBeVisible();
    await expect(page.getByTestId("case-verdict")).toContainText("upheld the complaint: Customer Portfolios LLC must carry out “Stop processing”.");

    // The company sees what it must do, but lets the date pass.
    await signInAs(page, "staff@customerportfolios.example");
    await page.goto(caseUrl);
    await expect(page.getByText(/Record compliance: Stop processing, due February 15, 2027/)).toBeVisible();
    await moveClock(page, { action: "advance", by: "90d" });

    await signInAs(page, "liaison@ana.example");
    await page.goto(caseUrl);
    await expect(page.getByTestId("clocks").locator("li", { hasText: "A remedy is carried out" }).getByText("Missed", { exact: true })).toBeVisible();
    await confirmStep(page, "Propose an FTC referral");
    await expect(page.getByText("FTC referral updated")).toBeVisible();
    await expect(page.getByText("Proposed", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Update the FTC referral" }).click();
    await expect(page.getByText("Referred to the FTC")).toBeVisible();
    await expect(page.getByText(/Stop processing, due February 15, 2027/).first()).toBeVisible();

    await signInAs(page, "admin@recourse.example");
    await expect(page.locator("div", { hasText: "FTC referrals" }).locator("dd").first()).toHaveText("1");
  });

  test("an ineligible decision needs a reason, which the complainant sees", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "customer-portfolios", name: "Ana Silva", email: "ana@example.pt", country: "PT" });
    // The mailed link is followed first: it lasts a day, and the clock is about to jump 46.
    await followMailLink(page, "ana@example.pt", reference);
    const caseUrl = page.url().split("?")[0]!;
    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto(caseUrl);
    await confirmStep(page, /Escalate to Association of National Advertisers/);
    await expect(page.getByText("Escalated to Association of National Advertisers (ANA) Privacy Shield Dispute Resolution", { exact: true })).toBeVisible();
    await signInAs(page, "liaison@ana.example");
    await page.goto(caseUrl);
    await page.getByRole("link", { name: "Decide eligibility…" }).click();
    await page.getByLabel("Not eligible").check();
    await page.getByRole("button", { name: "Review the decision" }).click();
    // The confirmation says what follows, and that a reason is missing, before anything is recorded.
    const confirmation = page.getByTestId("decision-confirmation");
    await expect(confirmation).toContainText("The complaint is recorded as not eligible.");
    await expect(confirmation).toContainText("You give no reason.");
    await expect(confirmation).toContainText("This closes the review by Association of National Advertisers");
    await confirmation.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Give the reason the complaint is not eligible" })).toBeVisible();
    // The refused page keeps the decision as it was chosen; nothing was recorded.
    await expect(page.getByLabel("Not eligible")).toBeChecked();
    await page.getByLabel("Reason (the complainant sees it)").fill("The complaint concerns data never transferred to the U.S.");
    await page.getByRole("button", { name: "Review the decision" }).click();
    await expect(confirmation).toContainText("The complainant reads your reason: “The complaint concerns data never transferred to the U.S.”");
    await confirmation.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByText("Association of National Advertisers (ANA) Privacy Shield Dispute Resolution decided on eligibility", { exact: true })).toBeVisible();

    await signInByEmail(page, "ana@example.pt");
    await page.goto(caseUrl);
    await expect(page.getByText("Not eligible: The complaint concerns data never transferred to the U.S.")).toBeVisible();
  });
});
