import { expect, test } from "@playwright/test";
import { confirmStep, expectAccessible, moveClock, signInAs } from "../support/helpers";
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
    await expect(page.getByText("Escalated to the dispute resolution provider")).toBeVisible();

    await signInAs(page, "liaison@ana.example");
    await page.getByRole("link", { name: reference }).click();
    await page.waitForURL(/\/cases\//);
    await expect(page.getByText("You see this case as: Dispute resolution provider")).toBeVisible();
    // The case file as it was handed over, with its hash.
    const record = await page.request.get((await page.getByRole("link", { name: "The case file as handed over (JSON)" }).getAttribute("href"))!);
    expect(record.status()).toBe(200);
    expect(record.headers()["x-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    // The company's missed deadlines, recorded by the sweep when the clock moved, are part of it.
    expect((await record.json()).timeline.map((e: { type: string }) => e.type)).toEqual(["case.filed", "clock.breached", "clock.breached", "irm.escalated"]);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(page.getByText("The provider acknowledged")).toBeVisible();
    const eligibility = page.locator("details", { hasText: "Accept as eligible" });
    await eligibility.getByText("Accept as eligible").click();
    await eligibility.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("The provider decided on eligibility")).toBeVisible();

    const determination = page.locator("details", { hasText: "Issue a determination" });
    await determination.getByText("Issue a determination").click();
    await determination.getByLabel("Remedy 1").selectOption("stop_processing");
    await determination.getByLabel("Due by").first().fill("2027-02-15");
    await determination.getByLabel("Findings").fill("Customer Portfolios kept sending the complainant's profile to advertisers after her objection.");
    await determination.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("The provider issued a determination")).toBeVisible();
    await expect(page.getByText("A remedy is carried out")).toBeVisible();

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
    await expect(page.getByText("Escalated to the dispute resolution provider")).toBeVisible();
    await signInAs(page, "liaison@ana.example");
    await page.goto(caseUrl);
    const eligibility = page.locator("details", { hasText: "Accept as eligible" });
    await eligibility.getByText("Accept as eligible").click();
    await eligibility.getByLabel("Not eligible").check();
    await eligibility.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not available" })).toBeVisible();
    await expect(page.getByText("The provider decided on eligibility")).toHaveCount(0);
    // The refused form stays open with the decision as it was chosen.
    await expect(eligibility.getByLabel("Not eligible")).toBeChecked();
    await eligibility.getByLabel("Reason (the complainant sees it)").fill("The complaint concerns data never transferred to the U.S.");
    await eligibility.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("The provider decided on eligibility")).toBeVisible();

    await signInByEmail(page, "ana@example.pt");
    await page.goto(caseUrl);
    await expect(page.getByText("Not eligible: The complaint concerns data never transferred to the U.S.")).toBeVisible();
  });
});
