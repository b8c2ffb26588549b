/**
 * `npm start`: build, prepare the database and serve. On the embedded database (no
 * DATABASE_URL, NODE_ENV not production) this is the quick start: demo mode, demo data, on
 * http://localhost:3000. Anywhere else production mode is the default and needs RECOURSE_URL
 * and AUTH_SECRET (lib/config.ts says what is missing, and why demo mode did not start);
 * RECOURSE_DEMO=1 asks for demo mode, RECOURSE_DEMO=0 for production.
 * Options: --no-build (reuse the last build), --port N, --data DIR (PGlite folder).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { configOrExit, runMode } from "@/lib/config";

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = option("--port", process.env.PORT ?? "3000")!;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
if (option("--data")) env.RECOURSE_DATA_DIR = option("--data");

const launch = { quickStart: true };
process.env.PORT = port;
const config = configOrExit(launch);
console.log(`[start] ${config.demo ? "demo" : "production"} mode: ${runMode(process.env, launch).why}.`);
// The server decides nothing by itself: it is told the mode and the URL.
Object.assign(env, { RECOURSE_DEMO: config.demo ? "1" : "0", RECOURSE_URL: config.publicUrl, AUTH_URL: process.env.AUTH_URL ?? config.publicUrl });

const run = (cmd: string, cmdArgs: string[]) => {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!args.includes("--no-build") || !existsSync(".next/BUILD_ID")) run("npx", ["next", "build"]);
run("npx", ["tsx", "scripts/db.ts", config.demo ? "seed" : "migrate"]);
// The owner's credentials stay with the migration step: the server connects as the app's role.
const { MIGRATION_DATABASE_URL: _owner, ...serverEnv } = env;
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: serverEnv });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
