import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signInAs } from "../support/helpers";

/** Sessions that end when they should (issue 21 item 4): sign-out, every device, a disabled account. */

async function signedInAs(page: Page): Promise<string | undefined> {
  const session = await (await page.request.get("/api/auth/session")).json();
  return session?.user?.email;
}

async function sessionCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toBeDefined();
  return cookie!;
}

/** Another browser, signed in as `email`. */
async function device(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}

test.describe("sessions", () => {
  test("signing out ends the session on the server: the old cookie no longer signs in", async ({ page, browser }) => {
    await signInAs(page, "claire.martin@example.fr");
    const cookie = await sessionCookie(page);
    // What a page's script can read of the session never holds the token the HttpOnly cookie keeps.
    const payload = await (await page.request.get("/api/auth/session")).text();
    expect(payload).toContain("claire.martin@example.fr");
    expect(payload).not.toContain(cookie.value);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en$/);
    const replay = await browser.newContext();
    await replay.addCookies([cookie]);
    const again = await replay.newPage();
    expect(await signedInAs(again)).toBeUndefined();
    await again.goto("/en/cases");
    await expect(again).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fcases$/);
    await replay.close();
  });

  test("a person signs out on every device from their account page", async ({ page, browser }) => {
    const phone = await device(browser, "lukas.meier@example.ch");
    await signInAs(page, "lukas.meier@example.ch");
    await page.getByRole("link", { name: /Signed in as lukas.meier@example.ch/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    // This browser and the phone at least (other journeys may have left sessions of their own).
    await expect(page.getByText(/You are signed in on \d+ browsers or devices\./)).toBeVisible();
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/account-sessions.png", fullPage: true });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign out on every device" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\?ended=everywhere$/);
    await expect(page.getByText("You are signed out on every browser and device.")).toBeVisible();
    expect(await signedInAs(page)).toBeUndefined();
    expect(await signedInAs(phone.page)).toBeUndefined();
    await phone.context.close();
  });

  test("an administrator disables an account: its sessions end, it gets no sign-in link, and enabling restores it", async ({ page, browser }) => {
    const staff = await device(browser, "staff@sessionm.example");
    expect(await signedInAs(staff.page)).toBe("staff@sessionm.example");

    await signInAs(page, "admin@recourse.example");
    await page.getByRole("link", { name: "Find, disable and enable accounts" }).click();
    await page.getByLabel("Address or name").fill("sessionm");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByRole("listitem").filter({ hasText: "staff@sessionm.example" });
    await expect(row).toContainText("Company staff · SessionM");
    await expect(row).toContainText(/Signed in on (one device|\d+ devices)/);
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/admin-accounts.png", fullPage: true });
    await expectAccessible(page);
    await row.getByText("Disable this account…").click();
    await expect(row.getByText(/will be signed out everywhere at once/)).toBeVisible();
    await row.getByLabel(/Reason/).fill("Left the privacy team");
    await row.getByRole("button", { name: "Disable the account" }).click();
    await expect(row).toContainText("Disabled since");
    await expect(row).toContainText("Not signed in");

    // The staff member's open page no longer reaches the queue.
    await staff.page.goto("/en/org");
    await expect(staff.page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Forg$/);
    // Asking for a link looks the same as for anyone, and no mail goes out.
    await staff.page.getByLabel("Email address").fill("staff@sessionm.example");
    await staff.page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(staff.page).toHaveURL(/\/sign-in\/check-email$/);
    await staff.page.goto("/en/dev/mailbox");
    await expect(staff.page.getByTestId("mail").filter({ has: staff.page.getByTestId("mail-to").getByText("staff@sessionm.example", { exact: true }) }).filter({ hasText: /sign-in link/ })).toHaveCount(0);
    // The demo's one click is refused too.
    await staff.page.goto("/en/sign-in");
    await staff.page.locator('form:has(input[name="email"][value="staff@sessionm.example"]) button[type="submit"]').click();
    await staff.page.goto("/en/org");
    await expect(staff.page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Forg$/);

    await row.getByRole("button", { name: "Enable the account again" }).click();
    await expect(row.getByText("Disable this account…")).toBeVisible();
    await expect(row).not.toContainText("Disabled since");
    await signInAs(staff.page, "staff@sessionm.example");
    expect(await signedInAs(staff.page)).toBe("staff@sessionm.example");
    await staff.context.close();

    // The audit log keeps who did it and why.
    await page.goto("/en/admin");
    await page.getByRole("link", { name: "Read the audit log" }).click();
    await page.getByLabel("Action").selectOption("account_disabled");
    await page.getByRole("button", { name: "Filter" }).click();
    const entry = page.getByRole("row").filter({ hasText: "account_disabled" }).first();
    await expect(entry).toContainText("admin@recourse.example");
    await expect(entry).toContainText("Left the privacy team");
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/admin-audit-log.png", fullPage: true });
    await expectAccessible(page);
    const csv = await page.request.get(`/api/admin/audit.csv?action=account_disabled`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Left the privacy team");
  });
});
