/**
 * `npm start`: build, migrate, seed the demo data and serve on http://localhost:3000 in demo
 * mode, on the embedded database unless DATABASE_URL is set.
 * Options: --no-build (reuse the last build), --port N, --data DIR (PGlite folder).
 */
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const env = { ...process.env, RECOURSE_DEMO: process.env.RECOURSE_DEMO ?? "1", NEXT_TELEMETRY_DISABLED: "1" };
if (option("--data")) env.RECOURSE_DATA_DIR = option("--data");
const port = option("--port", process.env.PORT ?? "3000");
env.RECOURSE_URL ??= `http://localhost:${port}`;
env.AUTH_URL ??= env.RECOURSE_URL;

const run = (cmd, cmdArgs) => {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!args.includes("--no-build") || !existsSync(".next/BUILD_ID")) run("npx", ["next", "build"]);
run("npx", ["tsx", "scripts/db.ts", "seed"]);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
