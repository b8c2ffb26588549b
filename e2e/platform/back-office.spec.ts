import { expect, test, type Page } from "@playwright/test";
import { commerceUnableToResolve, confirmStep, expectAccessible, signInAs } from "../support/helpers";
import { fileComplaint, followMailLink, signInByEmail } from "../support/filing";

/** The administrators' back office (issue 23): bodies and their timeframes, accounts, the FTC register. */

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function backOffice(page: Page, link: string, heading: string) {
  await signInAs(page, "admin@recourse.example");
  await page.goto("/en/admin");
  await page.getByRole("link", { name: link }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
}

test("the administrator edits a body's details and sees them; an authority's timeframes come from the rules, not from a form", async ({ page }) => {
  await backOffice(page, "Recourse bodies and their timeframes", "Recourse bodies");
  const contact = `dp-${stamp()}@gra.example`;
  const gra = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Gibraltar Regulatory Authority (GRA)" }) });
  await gra.getByText("Edit the details of Gibraltar Regulatory Authority (GRA)…").click();
  // The browser's own check lets "dp@gra" through; the server wants a full address.
  await gra.getByLabel("Contact address").fill("dp@gra");
  await gra.getByRole("button", { name: "Save the details" }).click();
  await expect(gra.getByText("Enter a valid email address.").first()).toBeVisible();
  await gra.getByLabel("Contact address").fill(contact);
  await gra.getByRole("button", { name: "Save the details" }).click();
  await expect(gra.getByText("Saved. The change is in the audit log.")).toBeVisible();
  await expect(gra.locator("dd").first()).toHaveText(contact);
  // Kind, time zone and clocks are rules: shown as text, never as a field.
  await expect(gra.getByText("Europe/Gibraltar")).toBeVisible();
  await expect(gra.getByLabel("Time zone (its clocks' days)")).toHaveCount(0);

  // A provider's own published timeframe, and the ladder's defaults for one that publishes none.
  const privacyTrust = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "PrivacyTrust", exact: true }) });
  await expect(privacyTrust.getByText("Its own published timeframe (R2.3)")).toBeVisible();
  await expect(privacyTrust.locator("li", { hasText: "Acknowledge the complaint" })).toContainText("3 working days");
  const jams = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "JAMS", exact: true }) });
  await expect(jams.getByText("its clocks run to Recourse's defaults")).toBeVisible();
  await expect(jams.locator("li", { hasText: "Decide" })).toContainText("45 calendar days");
  await expect(jams.locator("li", { hasText: "Decide" })).toContainText("stops while it awaits the complainant");
  const panel = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "EU DPA panel", exact: true }) });
  await expect(panel.locator("li", { hasText: "Give its advice" })).toContainText("60 calendar days");
  await expect(panel.locator("li", { hasText: "Give its advice" })).toContainText("an aim, never a breach");
  if (process.env.RECOURSE_SCREENS) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "docs/screens/admin-bodies.png" });
  }
  await expectAccessible(page);
  // A phone: each body's details stack, nothing overflows.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(gra.locator("dd").first()).toHaveText(contact);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.RECOURSE_SCREENS) await gra.screenshot({ path: "docs/screens/admin-bodies-phone.png" });

  // The audit log keeps what the contact replaced.
  await page.goto("/en/admin/audit?action=details_updated");
  await expect(page.getByRole("row").filter({ hasText: contact }).first()).toBeVisible();
});

test("the administrator sets a provider's own timeframes: refused values are said beside their fields and kept, and saving says how many open cases got new due dates", async ({ page }) => {
  await backOffice(page, "Recourse bodies and their timeframes", "Recourse bodies");
  // Insights Association: no certification names it, so no other test's case waits on its clocks.
  const body = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Insights Association", exact: true }) });
  const decide = 20 + Math.floor(Math.random() * 40);
  const acknowledge = 2 + Math.floor(Math.random() * 5);
  await body.getByText("Edit the timeframes of Insights Association…").click();
  await body.getByLabel("Acknowledge the complaint within (days)").fill(String(acknowledge));
  await body.getByLabel("Days counted for the acknowledgment").selectOption("working");
  // The browser's own check stops 400; the server refuses it too, in words.
  await body.getByLabel("Decide within (days)").evaluate((input: HTMLInputElement) => input.removeAttribute("max"));
  await body.getByLabel("Decide within (days)").fill("400");
  await body.getByText("Save the timeframes…").click();
  await expect(body.getByText(/No open case is with this provider now|open cases? with this provider gets? new due dates/)).toBeVisible();
  await body.getByRole("button", { name: "Save and recompute the due dates" }).click();
  await expect(body.getByText("Enter a whole number of days from 1 to 365.").first()).toBeVisible();
  // What was typed is kept.
  await expect(body.getByLabel("Decide within (days)")).toHaveValue("400");
  await expect(body.getByLabel("Acknowledge the complaint within (days)")).toHaveValue(String(acknowledge));
  await expect(body.getByLabel("Days counted for the acknowledgment")).toHaveValue("working");

  await body.getByLabel("Decide within (days)").fill(String(decide));
  await body.getByText("Save the timeframes…").click();
  await body.getByRole("button", { name: "Save and recompute the due dates" }).click();
  await expect(body.getByText(/Saved\. (No open case needed new due dates|One open case got new due dates|\d+ open cases got new due dates)\. The change is in the audit log\./)).toBeVisible();
  // The page shows the provider's own timeframes now.
  await expect(body.getByText("Its own published timeframe (R2.3)")).toBeVisible();
  await expect(body.locator("li", { hasText: "Decide" })).toContainText(`${decide} calendar days`);
  await expect(body.locator("li", { hasText: "Acknowledge the complaint" })).toContainText(`${acknowledge} working days`);
  await expectAccessible(page);

  await page.goto("/en/admin/audit?action=clocks_updated");
  await expect(page.getByRole("row").filter({ hasText: "Published timeframes changed" }).first()).toBeVisible();
});

test("the administrator disables a new account with a reason; it is signed out and cannot sign in again", async ({ page, browser }) => {
  const email = `leaver-${stamp()}@example.org`;
  const person = await browser.newContext();
  const theirs = await person.newPage();
  await signInByEmail(theirs, email);
  await theirs.goto("/en/account");
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Your account");

  await backOffice(page, "Find, disable and enable accounts", "Accounts");
  await page.getByLabel("Address or name").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("listitem").filter({ hasText: email });
  await expect(row).toContainText("Signed in on one device");
  await row.getByText("Disable this account…").click();
  // A reason is required: the browser asks first, the server refuses a blank one too.
  await row.getByLabel(/Reason/).evaluate((input: HTMLInputElement) => input.removeAttribute("required"));
  await row.getByRole("button", { name: "Disable the account" }).click();
  await expect(row.getByText("This field is required.").first()).toBeVisible();
  await expect(row).not.toContainText("Disabled since");
  await row.getByLabel(/Reason/).fill("Test account no longer needed");
  await row.getByRole("button", { name: "Disable the account" }).click();
  await expect(row).toContainText("Disabled since");
  await expect(row).toContainText("Not signed in");

  await theirs.goto("/en/account");
  await expect(theirs).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Faccount$/);
  await theirs.getByLabel("Email address").fill(email);
  await theirs.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(theirs).toHaveURL(/\/sign-in\/check-email$/);
  await theirs.goto("/en/dev/mailbox");
  // Only the first sign-in's link: none was sent to the disabled account.
  await expect(theirs.getByTestId("mail").filter({ has: theirs.getByTestId("mail-to").getByText(email, { exact: true }) }).filter({ hasText: /sign-in link/ })).toHaveCount(1);
  await person.close();
});

test("the FTC register prompts once, names the status each update takes, and offers no delisting before a referral is made", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `ftc-${stamp()}@example.no`;
  // SessionM: Commerce, through the complainant's DPA, cannot resolve the matter (R2.7), so the ladder proposes a referral.
  const reference = await fileComplaint(page, { org: "sessionm", name: "Ingrid Berg", email, country: "NO" });
  await followMailLink(page, email, reference);
  const caseUrl = page.url().split("?")[0]!;
  await confirmStep(page, "Ask for the Department of Commerce review", /This runs beside the other steps/);
  await expect(page.getByText("Commerce review requested through the DPA")).toBeVisible();
  await commerceUnableToResolve(page, caseUrl);
  await expect(page.getByText("Unable to Resolve").first()).toBeVisible();

  await backOffice(page, "The FTC referral register", "FTC referral register");
  const prompts = page.getByRole("region", { name: "Referrals to propose" });
  // One entry for the company, however many of its cases call for a referral.
  await expect(prompts.getByRole("heading", { name: "SessionM, Inc." })).toHaveCount(1);
  const prompt = prompts.getByRole("listitem").filter({ hasText: reference }).last();
  await expect(prompt).toContainText("Commerce could not resolve the referral");
  await prompt.getByText("Propose the referral by Department of Commerce…").click();
  await expect(prompt.getByText(/the referral enters the register as “Proposed”/)).toBeVisible();
  await prompt.getByRole("button", { name: "Mark as “Proposed”" }).click();
  await expect(page.getByText("The referral is in the register.")).toBeVisible();
  // Withdrawn once the referral exists.
  await expect(prompts.getByRole("listitem").filter({ hasText: reference })).toHaveCount(0);

  const company = page.getByRole("region", { name: "SessionM, Inc." });
  const referral = company.getByRole("listitem").filter({ hasText: reference });
  await expect(referral.getByText("Proposed", { exact: true })).toBeVisible();
  // Only the next status is offered, named before it is taken.
  await expect(referral.locator("summary")).toHaveText(["Mark as “Referred to the FTC”…"]);
  await referral.getByText("Mark as “Referred to the FTC”…").click();
  await expect(referral.getByText(/moves from “Proposed” to “Referred to the FTC”/)).toBeVisible();
  await expect(referral.getByRole("button", { name: "Mark as “Referred to the FTC”" })).toBeVisible();
  // No delisting on a proposal alone.
  await expect(company.getByText("Remove SessionM, Inc. from the list…")).toHaveCount(0);
  await expect(company.getByText("Removal from the list is offered once a referral is made")).toBeVisible();
  if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/admin-ftc-register.png", fullPage: true });
  await expectAccessible(page);
});

test("the back office's home links each section with its counts, and the settings say where each figure is set", async ({ page }) => {
  await signInAs(page, "admin@recourse.example");
  await page.goto("/en/admin");
  const nav = page.getByRole("navigation", { name: "Back office" });
  for (const [link, count] of [
    ["Certifications and their status", /\d+ organisations/],
    ["Recourse bodies and their timeframes", /\d+ bodies/],
    ["Find, disable and enable accounts", /\d+ accounts, (none|\d+) disabled/],
    ["The FTC referral register", /referral/],
    ["Read the audit log", /(One entry|\d+ entries)/],
    ["Settings in force", /Closed cases erased after [\d,]+ days/],
  ] as const) {
    const item = nav.getByRole("listitem").filter({ has: page.getByRole("link", { name: link }) });
    await expect(item).toContainText(count);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await nav.getByRole("link", { name: "Settings in force" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings in force");
  // Where a figure is set, in an administrator's words: never a source file.
  await expect(page.getByText("(fixed in Recourse; changes only with a new version)").first()).toBeVisible();
  await expect(page.getByText("(set by the environment variable RECOURSE_RETENTION_DAYS)")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/lib\/|\.ts\b/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});

test("the German back office names the authorities, the status sources and where each figure is set in German", async ({ page }) => {
  await signInAs(page, "admin@recourse.example");
  await page.goto("/de/admin/bodies");
  for (const name of ["Gremium der EU-Datenschutzbehörden", "Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (EDÖB)", "Britisches Information Commissioner’s Office (ICO)", "US-Handelsministerium", "Nationale Datenschutzbehörden in der EU"])
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  // Providers keep their own names.
  for (const name of ["JAMS", "ICDR-AAA"]) await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/EU DPA panel|arbitration administrator|referrals to Commerce/);
  await expectAccessible(page);

  await page.goto("/de/admin/certifications");
  await expect(page.getByText(/Die veröffentlichte Datenschutzerklärung des Unternehmens|Die Datenschutzrahmen-Liste/).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/seed:|company_policy|participant_list|participant list import/);

  await page.goto("/de/admin/settings");
  await expect(page.getByText("(in Recourse fest vorgegeben; ändert sich nur mit einer neuen Version)").first()).toBeVisible();
  await expect(page.getByText("(festgelegt durch die Umgebungsvariable RECOURSE_RETENTION_DAYS)")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/lib\/|\.ts\b/);

  await page.goto("/de/admin/users?q=fdpic");
  await expect(page.locator("main")).toContainText("Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (EDÖB)");
});
