/**
 * The same build served in production mode (RECOURSE_DEMO unset) beside the demo server the
 * rest of the suite uses: demo routes answer 404, and without RECOURSE_URL or AUTH_SECRET the
 * server refuses to start, naming what is missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";

const PORT = 3101;
const BASE = `http://localhost:${PORT}`;
const DATA = "data/e2e-production";

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

  test.beforeAll(async () => {
    rmSync(DATA, { recursive: true, force: true });
    server = serve({ RECOURSE_URL: BASE, AUTH_SECRET: "production-e2e-secret", RECOURSE_RATE_LIMIT: "off" });
    await expect.poll(async () => (await fetch(`${BASE}/api/health`).catch(() => undefined))?.status, { timeout: 120_000 }).toBe(200);
  });

  test.afterAll(async () => {
    await stop(server);
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
