/** Worker and clock-command processes, as a deployment would run them. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";

// Node itself with tsx as a loader: one process, so a SIGKILL reaches the worker itself
// (the tsx command would leave its child running).
const NODE = process.execPath;
const LOADER = ["--import", "tsx"];

export function workerEnv(databaseUrl: string, smtpUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    RECOURSE_TEST: "1",
    // Fast retries and short leases, so a test sees them within seconds.
    MAIL_RETRY_BASE_MS: "300",
    MAIL_LEASE_MS: "1500",
    // The clock command talks to the database directly: no app answers here.
    RECOURSE_URL: "http://127.0.0.1:9",
    AUTH_URL: "http://127.0.0.1:9",
    // A worker runs in production mode, which needs the key that signs sessions.
    AUTH_SECRET: process.env.AUTH_SECRET ?? "worker-test-secret",
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export function startWorker(env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(NODE, [...LOADER, "scripts/worker.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    child,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** `npm run clock -- <args>` against the test database. */
export function clockCommand(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const result = spawnSync(NODE, [...LOADER, "scripts/clock.ts", ...args], { env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`clock ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}
