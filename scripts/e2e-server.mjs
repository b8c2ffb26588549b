/**
 * The app as Playwright tests it: built (unless E2E_SKIP_BUILD=1), on a fresh embedded
 * database in data/e2e, seeded, in demo mode, with test mode's movable clock.
 */
import { rmSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";

const port = process.argv[2] ?? "3100";
const env = {
  ...process.env,
  RECOURSE_DEMO: "1",
  RECOURSE_TEST: "1",
  RECOURSE_RATE_LIMIT: "off",
  RECOURSE_DATA_DIR: "data/e2e/pglite",
  RECOURSE_URL: `http://localhost:${port}`,
  AUTH_URL: `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;
rmSync("data/e2e", { recursive: true, force: true });
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"]);
run("npx", ["tsx", "scripts/db.ts", "seed"]);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => server.kill(s));
server.on("exit", (code) => process.exit(code ?? 0));
