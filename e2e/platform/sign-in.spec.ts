import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";

const ROLES = [
  { email: "anna.schmidt@example.de", home: /\/en\/cases$/, heading: "My cases" },
  { email: "staff@mparticle.example", home: /\/en\/org$/, heading: "Complaints against mParticle, Inc." },
  { email: "admin@customerportfolios.example", home: /\/en\/org$/, heading: "Complaints against Customer Portfolios LLC" },
  { email: "liaison@ana.example", home: /\/en\/workspace$/, heading: "Cases escalated to Association of National Advertisers" },
  { email: "member@dpa-panel.example", home: /\/en\/workspace$/, heading: "Cases escalated to EU DPA panel" },
  { email: "referrals@dpa.example", home: /\/en\/workspace$/, heading: "Cases escalated to EU national data protection authority" },
  { email: "officer@commerce.example", home: /\/en\/workspace$/, heading: "Cases escalated to U.S. Department of Commerce" },
  { email: "cases@icdr.example", home: /\/en\/workspace$/, heading: "Cases escalated to ICDR-AAA" },
  { email: "admin@recourse.example", home: /\/en\/admin$/, heading: "Administration" },
];

test.describe("sign-in", () => {
  for (const role of ROLES) {
    test(`${role.email} signs in with one click and lands on a role-specific home`, async ({ page }) => {
      await signInAs(page, role.email);
      await expect(page).toHaveURL(role.home);
      await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(role.heading);
      await expect(page.getByText(`Signed in as ${role.email}`)).toBeAttached();
      await expectAccessible(page);
    });
  }

  test("a complainant signs in through the magic link in the dev mailbox; the link works once", async ({ page }) => {
    await page.goto("/en/sign-in");
    await expectAccessible(page);
    await page.getByLabel("Email address").fill("claire.martin@example.fr");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\/check-email/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Open the dev mailbox" }).click();
    await expect(page).toHaveURL(/\/en\/dev\/mailbox/);
    await expectAccessible(page);
    // Claire's language is French: the mail is in French.
    const mail = page.getByTestId("mail").filter({ hasText: "Votre lien de connexion" }).first();
    const link = await mail.getByRole("link").getAttribute("href");
    expect(link).toContain("/api/auth/callback/email");
    await page.goto(link!);
    await expect(page).toHaveURL(/\/en\/cases$/);
    await expect(page.getByText("Signed in as claire.martin@example.fr")).toBeAttached();
    // Single use: the same link no longer signs anyone in.
    await page.context().clearCookies();
    await page.goto(link!);
    await expect(page).toHaveURL(/sign-in\?error=/);
    await expect(page.getByRole("alert").filter({ hasText: "expired or been used" })).toBeVisible();
  });

  for (const role of ROLES.slice(1)) {
    test(`${role.email} signs in through a magic link too`, async ({ page }) => {
      await page.goto("/en/sign-in");
      await page.getByLabel("Email address").fill(role.email);
      await page.getByRole("button", { name: "Send me a sign-in link" }).click();
      await expect(page).toHaveURL(/check-email/);
      await page.goto("/en/dev/mailbox");
      const mail = page.getByTestId("mail").filter({ has: page.getByTestId("mail-to").getByText(role.email, { exact: true }) }).first();
      await page.goto((await mail.getByRole("link").getAttribute("href"))!);
      await expect(page).toHaveURL(role.home);
    });
  }

  test("a bad email is answered beside the field, in the user's language", async ({ page }) => {
    await page.goto("/de/sign-in");
    await page.getByLabel("E-Mail-Adresse").fill("nicht-gueltig");
    await page.getByRole("button", { name: "Anmeldelink senden" }).click();
    await expect(page.getByText("Geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible();
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
  });

  test("signed-in pages send anonymous visitors to sign in", async ({ page }) => {
    for (const path of ["/en/cases", "/en/org", "/en/workspace", "/en/admin", "/en/home"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/en\/sign-in$/);
    }
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "anna.schmidt@example.de");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await page.goto("/en/cases");
    await expect(page).toHaveURL(/\/en\/sign-in$/);
  });
});
