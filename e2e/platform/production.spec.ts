/**
 * The same build served in production mode (RECOURSE_DEMO unset) beside the demo server the
 * rest of the suite uses, with a real SMTP server on loopback catching its mail: demo routes
 * answer 404; the first administrator comes from `npm run admin:add`, signs in by the mailed
 * link's confirmation POST and a second factor; and without RECOURSE_URL or AUTH_SECRET the
 * server refuses to start, naming what is missing.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { startSmtp, type TestSmtp } from "../../test/integration/support/smtp";

// Its own port beside the suite's (E2E_PORT), so that runs side by side on one machine do not meet.
const PORT = Number(process.env.E2E_PRODUCTION_PORT ?? 3101);
const BASE = `http://localhost:${PORT}`;
const DATA = "data/e2e-production";
const ADMIN = "first.admin@recourse.example.org";

/** Asks for a sign-in link on the page and returns the one that arrives over SMTP. */
async function mailedSignInLink(page: Page, smtp: TestSmtp, email: string): Promise<string> {
  const before = smtp.received.length;
  await page.goto(`${BASE}/en/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  await expect.poll(() => smtp.received.slice(before).find((m) => m.to.includes(email)), { timeout: 20_000 }).toBeDefined();
  const mail = smtp.received.slice(before).find((m) => m.to.includes(email))!;
  return /https?:\/\/[^\s"<>]*\/sign-in\/confirm\?[^\s"<>]*/.exec(mail.text)![0].replace(/&amp;/g, "&");
}

function serve(env: Record<string, string | undefined>): ChildProcess {
  const clean: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", RECOURSE_DATA_DIR: `${DATA}/pglite`, ...env };
  for (const key of ["RECOURSE_DEMO", "RECOURSE_TEST", "DATABASE_URL", "AUTH_URL"]) delete clean[key];
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete clean[key];
  return spawn("npx", ["next", "start", "-p", String(PORT)], { env: clean, detached: true, stdio: ["ignore", "pipe", "pipe"] });
}

const running = (server: ChildProcess) => server.exitCode === null && server.signalCode === null;

/** Stops the server's whole process group (npx, next and its children) and waits for it. */
async function stop(server: ChildProcess) {
  if (!running(server)) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid!, "SIGTERM");
  await exited;
}

test.describe("production mode", () => {
  test.describe.configure({ mode: "serial" });
  let server: ChildProcess;

  let smtp: TestSmtp;

  test.beforeAll(async () => {
    rmSync(DATA, { recursive: true, force: true });
    smtp = await startSmtp();
    // The README's production step: the first administrator, from the command line.
    execFileSync("npx", ["tsx", "scripts/db.ts", "admin", ADMIN], { env: { ...process.env, RECOURSE_DEMO: "0", RECOURSE_DATA_DIR: `${DATA}/pglite`, DATABASE_URL: "" }, stdio: "pipe" });
    server = serve({ RECOURSE_URL: BASE, AUTH_SECRET: "production-e2e-secret", RECOURSE_RATE_LIMIT: "off", SMTP_URL: smtp.url });
    await expect.poll(async () => (await fetch(`${BASE}/api/health`).catch(() => undefined))?.status, { timeout: 120_000 }).toBe(200);
  });

  test.afterAll(async () => {
    await stop(server);
    await smtp?.close();
    rmSync(DATA, { recursive: true, force: true });
  });

  test("demo routes answer 404: the dev mailbox, the clock API, one-click sign-in", async ({ request, page }) => {
    expect((await request.get(`${BASE}/en/dev/mailbox`)).status()).toBe(404);
    expect((await request.get(`${BASE}/api/dev/clock`)).status()).toBe(404);
    expect((await request.post(`${BASE}/api/dev/clock`, { data: { action: "advance", by: "46d" } })).status()).toBe(404);
    // Auth.js offers no demo provider, and its callback signs no one in.
    expect(Object.keys(await (await request.get(`${BASE}/api/auth/providers`)).json())).toEqual(["email"]);
    const { csrfToken } = await (await request.get(`${BASE}/api/auth/csrf`)).json();
    await request.post(`${BASE}/api/auth/callback/demo`, { form: { email: "admin@recourse.example", csrfToken } });
    expect(await (await request.get(`${BASE}/api/auth/session`)).json()).toBeNull();
    // The sign-in page offers only the mailed link, and no banner claims demo mode.
    await page.goto(`${BASE}/en/sign-in`);
    await expect(page.getByRole("button", { name: "Send me a sign-in link" })).toBeVisible();
    await expect(page.getByText("Demo accounts")).toHaveCount(0);
    await expect(page.getByText(/Demo mode/)).toHaveCount(0);
  });

  test("the first administrator signs in by the mailed link and a second factor; a recovery code works once", async ({ page }) => {
    const link = await mailedSignInLink(page, smtp, ADMIN);
    expect(link.startsWith(`${BASE}/en/sign-in/confirm?`)).toBe(true);
    // Opening the link signs no one in; its button does.
    await page.goto(link);
    expect(await (await page.request.get(`${BASE}/api/auth/session`)).json()).toBeNull();
    await page.locator('form[action*="/api/auth/callback/email"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/en\/sign-in\/second-factor$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protect your account with a second step");
    if (process.env.RECOURSE_SCREENS) await page.screenshot({ path: "docs/screens/second-factor-setup.png", fullPage: true });
    // Until the second step, the administrator's pages are out of reach.
    await page.goto(`${BASE}/en/admin`);
    await expect(page).toHaveURL(/\/en\/sign-in\/second-factor$/);
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    await page.getByLabel("Code from the app").fill("123456" === totp.generate() ? "654321" : "123456");
    await page.getByRole("button", { name: "Turn on the second step" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
    await page.getByLabel("Code from the app").fill(totp.generate());
    await page.getByRole("button", { name: "Turn on the second step" }).click();
    const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const recovery = (await codes.first().textContent())!;
    await page.getByRole("link", { name: "I have kept them: continue" }).click();
    await expect(page).toHaveURL(/\/en\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
    await page.getByRole("button", { name: "Sign out" }).click();

    // The next sign-in asks for a code; a recovery code does once, and not twice.
    await page.goto(await mailedSignInLink(page, smtp, ADMIN));
    await page.locator('form[action*="/api/auth/callback/email"] button[type="submit"]').click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Second step of signing in");
    await page.getByLabel("Code from the app, or a recovery code").fill(recovery);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/en\/admin$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.goto(await mailedSignInLink(page, smtp, ADMIN));
    await page.locator('form[action*="/api/auth/callback/email"] button[type="submit"]').click();
    await page.getByLabel("Code from the app, or a recovery code").fill(recovery);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
    expect(await (await page.request.get(`${BASE}/api/auth/session`)).json()).toMatchObject({ user: { email: ADMIN } });
    await page.goto(`${BASE}/en/admin`);
    await expect(page).toHaveURL(/\/en\/sign-in\/second-factor$/);
  });

  test("a forged X-Forwarded-Host never reaches a mailed link", async ({ request }) => {
    const before = smtp.received.length;
    const { csrfToken } = await (await request.get(`${BASE}/api/auth/csrf`)).json();
    await request.post(`${BASE}/api/auth/signin/email`, { headers: { "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https" }, form: { email: ADMIN, csrfToken, callbackUrl: "/en/admin" } });
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBeGreaterThan(before);
    const text = smtp.received.at(-1)!.text;
    expect(text).toContain(`${BASE}/en/sign-in/confirm?`);
    expect(text).not.toContain("attacker.example");
  });

  for (const missing of ["RECOURSE_URL", "AUTH_SECRET"]) {
    test(`without ${missing} the server refuses to start and says so`, async () => {
      await stop(server);
      const refused = serve({ RECOURSE_URL: BASE, AUTH_SECRET: "production-e2e-secret", [missing]: undefined });
      let stderr = "";
      refused.stderr!.on("data", (chunk) => (stderr += chunk));
      refused.stdout!.on("data", (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => {
        refused.once("exit", resolve);
        setTimeout(() => void stop(refused).then(() => resolve(-1)), 40_000);
      });
      expect(stderr).toContain(`${missing} is not set`);
      expect(code).not.toBe(0);
      expect(code).not.toBe(-1);
    });
  }
});
