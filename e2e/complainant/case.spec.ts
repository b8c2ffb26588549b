import { expect, test } from "@playwright/test";
import { confirmStep, expectAccessible, moveClock, signInAs } from "../support/helpers";
import { fileComplaint, followMailLink, signInByEmail } from "../support/filing";

test.describe("the complainant's case", () => {
  test.afterEach(async ({ page }) => moveClock(page, { action: "reset" }));

  test("before and after the company's 45 days; escalation to the company's own IRM; arbitration blocked with its checklist", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "customer-portfolios", name: "Marta Rossi", email: "marta@example.it", country: "IT" });
    await followMailLink(page, "marta@example.it", reference);
    const caseUrl = page.url().split("?")[0]!;
    await expect(page.getByRole("button", { name: /Escalate to Association of National Advertisers/ })).toBeDisabled();
    // Customer Portfolios' policy also sends individuals to ANA on no prompt acknowledgment (R2.2).
    await expect(page.getByText(/You can take this step on .* if the company has not acknowledged your complaint by then, and in any case on .*, when its 45 days have run out/)).toBeVisible();
    await expect(page.getByTestId("case-status")).toContainText(/Your complaint is with Customer Portfolios LLC\.\s*Customer Portfolios LLC must reply by/);
    await expect(page.locator("li", { hasText: "You raised the claim with the company" }).getByText("Not yet")).toBeVisible();

    // A message to the company, which the company's staff sees.
    await page.getByLabel("Your message").fill("Any news about my request?");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Message sent.")).toBeVisible();
    await expect(page.getByText("Any news about my request?")).toBeVisible();

    await moveClock(page, { action: "advance", by: "46d" });
    await page.goto(caseUrl);
    await expect(page.getByTestId("clocks").locator("li", { hasText: "The company responds" }).getByText("Missed", { exact: true })).toBeVisible();
    await expect(page.locator("li", { hasText: "You raised the claim with the company" }).getByText("Met")).toBeVisible();
    // The status names the rung that opened, not only the deadline that passed (R2.2).
    await expect(page.getByTestId("case-status")).toContainText(/Customer Portfolios LLC did not reply by .*\.\s*You can now take your complaint to Association of National Advertisers .*, free of charge\./);
    await confirmStep(page, /Escalate to Association of National Advertisers/);
    await expect(page.getByText(/Done: Escalate to Association of National Advertisers/)).toBeVisible();
    await expect(page.getByText("Escalated to Association of National Advertisers (ANA) Privacy Shield Dispute Resolution", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Invoke binding arbitration" })).toBeDisabled();
    await expect(page.getByText("Binding arbitration is not available yet.")).toBeVisible();
    await expect(page.locator("li", { hasText: "You used the independent dispute resolution mechanism" }).getByText("Not yet")).toBeVisible();
    await expectAccessible(page);

    // The right IRM now has it; another provider does not.
    await signInAs(page, "liaison@ana.example");
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await signInAs(page, "liaison@jams.example");
    await expect(page.getByRole("link", { name: reference })).toHaveCount(0);
    expect((await page.goto(caseUrl))?.status()).toBe(404);

    // The company sees the complainant's message; its internal note stays internal.
    await signInAs(page, "staff@customerportfolios.example");
    await page.goto(caseUrl);
    await expect(page.getByText("Any news about my request?")).toBeVisible();
    await page.getByLabel("Your message").fill("Internal: check the CRM export first.");
    await page.getByLabel("Who sees it").selectOption("internal");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Internal: check the CRM export first.")).toBeVisible();
    await signInByEmail(page, "marta@example.it");
    await page.getByRole("link", { name: reference }).click();
    await expect(page.getByText("Any news about my request?")).toBeVisible();
    await expect(page.getByText("Internal: check the CRM export first.")).toHaveCount(0);
  });

  test("a long link or word someone typed wraps: the case page stays phone-wide for the complainant and the company", async ({ page }) => {
    const link = `https://example.com/${"privacy-request-".repeat(12)}status?id=${"x".repeat(60)}`;
    await fileComplaint(page, { org: "mparticle", name: "Lea Lang", email: `lea.${Date.now()}@example.at`, country: "AT", description: `They never answered; their portal said ${link}` });
    await page.getByRole("link", { name: "Open my case" }).click();
    await page.waitForURL(/\/en\/cases\/[0-9a-f-]+$/);
    const caseUrl = page.url();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel("Your message").fill(`Reference: ${"A".repeat(300)}`);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Message sent.")).toBeVisible();
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(390);
    await signInAs(page, "staff@mparticle.example");
    await page.goto(caseUrl);
    await expect(page.getByText(`Reference: ${"A".repeat(300)}`)).toBeVisible();
    expect(await width()).toBeLessThanOrEqual(390);
  });

  test("withdrawing asks for confirmation, then closes the case", async ({ page }) => {
    const reference = await fileComplaint(page, { org: "mparticle", name: "Walter Wolf", email: "walter@example.at", country: "AT" });
    await followMailLink(page, "walter@example.at", reference);
    await page.getByText("Withdraw the complaint").click();
    await expect(page.getByText("Withdrawing ends your complaint at every step, and nobody will act on it any more. It cannot be undone.")).toBeVisible();
    await page.getByRole("button", { name: "Yes, go ahead" }).click();
    await expect(page.getByText("The complaint was withdrawn", { exact: true })).toBeVisible();
    await expect(page.getByTestId("case-status")).toContainText("The case is closed: the complaint was withdrawn.");
    await expect(page.locator("li", { hasText: "The company responds" }).getByText("Stopped")).toBeVisible();
    await expect(page.getByText("Nothing to do right now.")).toBeVisible();
  });

  test("my data: a JSON download of everything, and erasure of a closed case", async ({ page }) => {
    await signInAs(page, "lukas.meier@example.ch");
    await page.getByRole("link", { name: "My data" }).click();
    await expectAccessible(page);
    const download = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all my data (JSON)" }).click()]).then(([d]) => d);
    const data = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
    expect(data.user.email).toBe("lukas.meier@example.ch");
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0].events.map((e: { type: string }) => e.type)).toEqual(["case.filed", "organisation.responded", "complainant.accepted"]);

    // The same data, readable on a page: the account, the complaint, its steps and messages.
    await page.getByRole("link", { name: /Read my data on a page/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "A copy of my data" })).toBeVisible();
    await expect(page.getByText("lukas.meier@example.ch").first()).toBeVisible();
    const reference = data.cases[0].reference as string;
    const copy = page.getByRole("region", { name: new RegExp(`Case ${reference}, against`) });
    await expect(copy).toContainText(data.cases[0].description);
    await expect(copy.getByRole("heading", { name: "Steps" })).toBeVisible();
    await expect(copy).toContainText("The complainant accepted the answer");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to My data" }).click();

    // Erasure asks first and says what is given up.
    await page.getByText("Ask for erasure").click();
    await expect(page.getByText(/The request cannot be taken back\./)).toBeVisible();
    await page.getByRole("button", { name: `Yes, erase ${reference}` }).click();
    await expect(page.getByText(/Erasure requested on/)).toBeVisible();
  });
});
