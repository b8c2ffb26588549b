import { expect, test, type Page } from "@playwright/test";
import { confirmSignIn, mailedLink } from "../support/filing";
import { expectAccessible, moveClock, signInAs } from "../support/helpers";

const ROLES = [
  { email: "anna.schmidt@example.de", home: /\/en\/cases$/, heading: "My cases" },
  { email: "staff@mparticle.example", home: /\/en\/org$/, heading: "Complaints against mParticle, Inc." },
  { email: "admin@customerportfolios.example", home: /\/en\/org$/, heading: "Complaints against Customer Portfolios LLC" },
  { email: "liaison@ana.example", home: /\/en\/workspace$/, heading: "Cases handed to Association of National Advertisers" },
  { email: "member@dpa-panel.example", home: /\/en\/workspace$/, heading: "Cases handed to EU DPA panel" },
  { email: "referrals@dpa.example", home: /\/en\/workspace$/, heading: "Cases handed to EU national data protection authority" },
  { email: "officer@commerce.example", home: /\/en\/workspace$/, heading: "Cases handed to U.S. Department of Commerce" },
  { email: "cases@icdr.example", home: /\/en\/workspace$/, heading: "Cases handed to ICDR-AAA" },
  { email: "admin@recourse.example", home: /\/en\/admin$/, heading: "Administration" },
];

const SIGN_IN_MAIL = /Your sign-in link|Ihr Anmeldelink|Votre lien de connexion/;

async function askForLink(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  return mailedLink(page, email, SIGN_IN_MAIL);
}

async function signedInAs(page: Page): Promise<string | undefined> {
  const session = await (await page.request.get("/api/auth/session")).json();
  return session?.user?.email;
}

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
    expect(link).toContain("/fr/sign-in/confirm?");
    await page.goto(link!);
    await expect(page.getByRole("button", { name: "Se connecter en tant que claire.martin@example.fr" })).toBeVisible();
    await expectAccessible(page);
    await confirmSignIn(page);
    await expect(page).toHaveURL(/\/en\/cases$/);
    await expect(page.getByText("Signed in as claire.martin@example.fr")).toBeAttached();
    // Single use: the same link no longer signs anyone in, and says so.
    await page.context().clearCookies();
    await page.goto(link!);
    await expect(page.getByRole("alert").filter({ hasText: /Ce lien de connexion ne fonctionne plus/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Se connecter/ })).toHaveCount(0);
  });

  for (const role of ROLES.slice(1)) {
    test(`${role.email} signs in through a magic link too`, async ({ page }) => {
      await page.goto("/en/sign-in");
      await page.getByLabel("Email address").fill(role.email);
      await page.getByRole("button", { name: "Send me a sign-in link" }).click();
      await expect(page).toHaveURL(/check-email/);
      await page.goto("/en/dev/mailbox");
      await page.goto(await mailedLink(page, role.email, SIGN_IN_MAIL));
      await confirmSignIn(page);
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

  test("signed-in pages send anonymous visitors to sign in, and say where they were going", async ({ page }) => {
    for (const path of ["/en/cases", "/en/org", "/en/workspace", "/en/admin"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
      expect(new URL(page.url()).searchParams.get("next")).toBe(path);
    }
    // Home is where signing in leads anyway.
    await page.goto("/en/home");
    await expect(page).toHaveURL(/\/en\/sign-in$/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "anna.schmidt@example.de");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await page.goto("/en/cases");
    await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fcases$/);
  });
});

test.describe("sign-in links", () => {
  test("opening the link signs no one in; the confirmation page's button (a POST) does", async ({ page }) => {
    const link = await askForLink(page, "lukas.meier@example.ch");
    await page.context().clearCookies();
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bei Recourse anmelden");
    await expect(page.getByRole("button", { name: "Anmelden als lukas.meier@example.ch" })).toBeVisible();
    expect(await signedInAs(page)).toBeUndefined();
    // Nor does a GET of Auth.js's callback with the same token: it leads to the same page.
    const callback = new URL(link);
    callback.pathname = "/api/auth/callback/email";
    await page.goto(callback.toString());
    await expect(page).toHaveURL(/\/sign-in\/confirm\?/);
    expect(await signedInAs(page)).toBeUndefined();
    await confirmSignIn(page);
    await expect(page).toHaveURL(/\/en\/cases$/);
    expect(await signedInAs(page)).toBe("lukas.meier@example.ch");
  });

  test("another site cannot post the link for the visitor", async ({ page }) => {
    const link = new URL(await askForLink(page, "lukas.meier@example.ch"));
    await page.context().clearCookies();
    const forged = await page.request.post(`/api/auth/callback/email?${link.searchParams}`, { headers: { origin: "https://attacker.example" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(await signedInAs(page)).toBeUndefined();
    // The link is still good for its owner.
    await page.goto(link.toString());
    await confirmSignIn(page);
    expect(await signedInAs(page)).toBe("lukas.meier@example.ch");
  });

  test("a new link cancels the older one", async ({ page }) => {
    const older = await askForLink(page, "anna.schmidt@example.de");
    const newer = await askForLink(page, "anna.schmidt@example.de");
    expect(newer).not.toBe(older);
    await page.context().clearCookies();
    await page.goto(older);
    await expect(page.getByRole("alert").filter({ hasText: /Dieser Anmeldelink funktioniert nicht mehr: Er wurde schon benutzt, oder ein neuerer Link hat ihn ersetzt/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Anmelden als/ })).toHaveCount(0);
    await expectAccessible(page);
    // Posting the old token anyway signs no one in.
    const posted = await page.request.post(`/api/auth/callback/email?${new URL(older).searchParams}`, { headers: { origin: new URL(older).origin } });
    expect(posted.url()).toContain("/sign-in/confirm?");
    expect(await signedInAs(page)).toBeUndefined();
    await page.goto(newer);
    await confirmSignIn(page);
    expect(await signedInAs(page)).toBe("anna.schmidt@example.de");
  });

  test("an expired link says so plainly, in the user's language", async ({ page }) => {
    const link = await askForLink(page, "anna.schmidt@example.de");
    await page.context().clearCookies();
    await moveClock(page, { action: "advance", by: "11m" });
    try {
      await page.goto(link);
      await expect(page.getByRole("alert").filter({ hasText: "Dieser Anmeldelink ist abgelaufen. Fordern Sie unten einen neuen an: Er kommt in einer Minute und gilt 10 Minuten." })).toBeVisible();
      await expect(page.getByRole("button", { name: /Anmelden als/ })).toHaveCount(0);
      const posted = await page.request.post(`/api/auth/callback/email?${new URL(link).searchParams}`, { headers: { origin: new URL(link).origin } });
      expect(posted.url()).toContain("/sign-in/confirm?");
      expect(await signedInAs(page)).toBeUndefined();
      // A new link is one press away, the address already filled in.
      await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue("anna.schmidt@example.de");
      await page.getByRole("button", { name: "Anmeldelink senden" }).click();
      await expect(page).toHaveURL(/\/de\/sign-in\/check-email$/);
    } finally {
      await moveClock(page, { action: "reset" });
    }
  });

  test("a forged X-Forwarded-Host never reaches the link: it points at RECOURSE_URL", async ({ page, baseURL }) => {
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    const asked = await page.request.post("/api/auth/signin/email", {
      headers: { "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https" },
      form: { email: "admin@recourse.example", csrfToken, callbackUrl: "/en/admin" },
    });
    expect(asked.ok()).toBe(true);
    const link = await mailedLink(page, "admin@recourse.example", SIGN_IN_MAIL);
    expect(link.startsWith(`${baseURL}/en/sign-in/confirm?`)).toBe(true);
    expect(link).not.toContain("attacker.example");
    expect(new URL(link).searchParams.get("callbackUrl")).toBe("/en/admin");
  });
  test("a page that needs signing in comes back after it: by mail link and by demo sign-in", async ({ page }) => {
    await signInAs(page, "anna.schmidt@example.de");
    const casePath = new URL((await page.locator('a[href*="/cases/"]').first().getAttribute("href"))!, page.url()).pathname;
    await page.context().clearCookies();
    await page.goto(casePath);
    await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get("next")).toBe(casePath);
    await page.getByLabel("Email address").fill("anna.schmidt@example.de");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/sign-in\/check-email$/);
    await page.goto(await mailedLink(page, "anna.schmidt@example.de", SIGN_IN_MAIL));
    await confirmSignIn(page);
    await expect(page).toHaveURL(casePath);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Case RC-");

    // The demo sign-in keeps it too; a target on another site is not followed.
    await page.context().clearCookies();
    await page.goto(casePath);
    await page.locator('form:has(input[name="email"][value="anna.schmidt@example.de"]) button[type="submit"]').click();
    await expect(page).toHaveURL(casePath);
    await page.context().clearCookies();
    await page.goto("/en/sign-in?next=https://evil.example/x");
    await page.locator('form:has(input[name="email"][value="anna.schmidt@example.de"]) button[type="submit"]').click();
    await expect(page).toHaveURL(/\/en\/cases$/);
  });
});
