/**
 * The app as the filing benchmarks and reliability scripts run it: the production build
 * (`next build` first if there is none), `next start` on a fresh PostgreSQL database with
 * the directory seeded, in its own process group so that a kill reaches all of it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { seedDirectory, seedUsers } from "@/db/seed/seed";

export const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A new, empty database on the benchmark server (dropped first if a run left one); its URL. */
export async function emptyDatabase(name: string): Promise<string> {
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return urlOf(name);
}

export async function databaseExists(name: string): Promise<boolean> {
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  const [row] = await admin`select 1 as found from pg_database where datname = ${name}`;
  await admin.end();
  return !!row;
}

/** A copy of database `template` named `name` (replacing one a run left); its URL. */
export async function copyOfDatabase(template: string, name: string): Promise<string> {
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  return urlOf(name);
}

const urlOf = (name: string) => {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A new database with the directory and the demo users: what the app needs to take filings. */
export async function freshDatabase(name: string): Promise<string> {
  const url = await emptyDatabase(name);
  const database = await openDatabase({ url, max: 2 });
  await seedDirectory(database.db);
  await seedUsers(database.db);
  await database.close();
  return url;
}

export function ensureBuild() {
  if (existsSync(".next/BUILD_ID")) return;
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Resident memory of the server's processes, in bytes. */
  rss(): number;
  /** CPU time the server's processes have used so far, in seconds. */
  cpuSeconds(): number;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServer(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "bench-secret", RECOURSE_RATE_LIMIT: "off", NEXT_TELEMETRY_DISABLED: "1", RECOURSE_URL: `http://localhost:${port}`, ...extraEnv },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    rss: () => processTree(child.pid!).reduce((sum, pid) => sum + rssOf(pid), 0),
    cpuSeconds: () => processTree(child.pid!).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    kill: async (signal = "SIGTERM") => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** User and system CPU time of a process, in seconds (clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU time used so far by the machine's PostgreSQL processes, in seconds. */
export function postgresCpuSeconds(): number {
  let sum = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") sum += cpuSecondsOf(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return sum;
}

function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]!) ?? []));
  return out;
}

/** A filing as the API takes it, with its own idempotency key. */
export function filingBody(i: number, key = crypto.randomUUID()) {
  return {
    idempotencyKey: key,
    organisationSlug: "mparticle",
    hrData: false,
    name: `Bench Complainant ${i}`,
    email: `bench-${i}@example.eu`,
    country: "DE",
    preferredLanguage: "en",
    dataSubject: "self",
    principles: ["access"],
    reliefSought: ["access"],
    description: "The company has not answered my request for access to my data.",
    consent: true,
  };
}

/** The token of the newest filing confirmation mailed to each address (what the complainant's mail carries). */
export async function confirmationTokens(databaseUrl: string, only?: string[]): Promise<Map<string, string>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  // The mail is stored as rendered (lib/mail/outbox.ts): the link is in its text. `only`: these addresses' mail, not everyone's.
  const rows = await sql<{ to: string; text: string }[]>`
    select distinct on (to_email) to_email as to, text_body as text from outbox
    where template = 'filing-confirm' ${only ? sql`and to_email = any(${only})` : sql``}
    order by to_email, created_at desc`;
  await sql.end();
  return new Map(rows.map((r) => [r.to, /\/file\/confirm\/([\w-]+)/.exec(r.text)![1]!]));
}

/** Files through the API as a complainant does: sends the form, then confirms it with the mailed token. */
export async function fileConfirmed(url: string, databaseUrl: string, body: ReturnType<typeof filingBody>): Promise<{ caseId: string; reference: string }> {
  const sent = await fetch(`${url}/api/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (sent.status !== 202) throw new Error(`filing answered ${sent.status}`);
  const token = (await confirmationTokens(databaseUrl, [body.email])).get(body.email)!;
  const confirmed = await fetch(`${url}/api/cases/confirm`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
  return (await confirmed.json()) as { caseId: string; reference: string };
}
