/**
 * The environment, validated in one place. Production is the default: demo mode runs only
 * when RECOURSE_DEMO=1 is given, or when `npm start` serves the quick start (the embedded
 * database, NODE_ENV not production). Outside demo mode the app needs RECOURSE_URL, the
 * public base URL every link is built from (Auth.js's too: AUTH_URL is derived from it, so
 * no link ever takes its host from a request's headers), and AUTH_SECRET.
 */
import { z } from "zod";

export interface RecourseConfig {
  demo: boolean;
  test: boolean;
  /** The public origin, without a trailing slash: https://recourse.example.org */
  publicUrl: string;
  authSecret?: string;
}

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    mode = "",
  ) {
    super(`Recourse cannot start${mode}:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee "Production" in README.md for every setting.`);
    this.name = "ConfigError";
  }
}

const unsetWhenEmpty = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetWhenEmpty, schema.optional());
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const isOrigin = (url: string) => !/^https?:/.test(url) || !URL.canParse(url) || new URL(url).href === `${new URL(url).origin}/`;

const environment = z.object({
  RECOURSE_DEMO: optional(z.enum(["0", "1"], { error: "must be 1 (demo mode) or 0" })),
  RECOURSE_TEST: optional(z.enum(["0", "1"], { error: "must be 1 (test mode) or 0" })),
  NODE_ENV: optional(z.string()),
  DATABASE_URL: optional(z.string()),
  PORT: optional(z.string().regex(/^\d+$/, "must be a port number")),
  RECOURSE_URL: optional(httpUrl.refine(isOrigin, "must be the site's origin, without a path (https://recourse.example.org)")),
  AUTH_URL: optional(httpUrl),
  AUTH_SECRET: optional(z.string()),
});
type Environment = Record<string, string | undefined>;

/** Who decides: `npm start`'s quick start may choose demo mode by itself; a server never does. */
export interface Launch {
  quickStart?: boolean;
}

/** Demo mode or not, and why: the only answer (lib/demo.ts asks it for the running server). */
export function runMode(env: Environment, launch: Launch = {}): { demo: boolean; test: boolean; why: string } {
  const test = env.RECOURSE_TEST === "1";
  if (env.RECOURSE_DEMO === "1") return { demo: true, test, why: "RECOURSE_DEMO=1 asks for demo mode" };
  if (env.RECOURSE_DEMO === "0" || !launch.quickStart) return { demo: false, test, why: "production mode is the default" };
  if (env.DATABASE_URL) return { demo: false, test, why: "DATABASE_URL is set, and demo mode starts by itself only on the embedded database; set RECOURSE_DEMO=1 to ask for it anyway" };
  if (env.NODE_ENV === "production") return { demo: false, test, why: "NODE_ENV=production, where demo mode must be asked for with RECOURSE_DEMO=1" };
  return { demo: true, test, why: "`npm start` on the embedded database runs the demo; RECOURSE_DEMO=0 turns it off" };
}

/** Validates `env` and derives the settings; throws a ConfigError naming every missing or wrong setting. */
export function parseConfig(env: Environment, launch: Launch = {}): RecourseConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  const vars = parsed.data;
  const mode = runMode(vars, launch);
  const problems: string[] = [];
  if (!mode.demo) {
    if (!vars.RECOURSE_URL) problems.push("RECOURSE_URL is not set: the public base URL every link is built from (https://recourse.example.org).");
    if (!vars.AUTH_SECRET) problems.push("AUTH_SECRET is not set: the key that signs sessions (make one with `openssl rand -base64 32`).");
  }
  const publicUrl = (vars.RECOURSE_URL ?? `http://localhost:${vars.PORT ?? "3000"}`).replace(/\/$/, "");
  if (vars.AUTH_URL && (vars.RECOURSE_URL || mode.demo) && new URL(vars.AUTH_URL).origin !== new URL(publicUrl).origin) {
    problems.push(`AUTH_URL (${vars.AUTH_URL}) names another site than RECOURSE_URL (${publicUrl}): leave AUTH_URL unset, it is derived from RECOURSE_URL.`);
  }
  if (problems.length) throw new ConfigError(problems, mode.demo ? "" : ` in production mode (${mode.why})`);
  return { demo: mode.demo, test: mode.test, publicUrl, authSecret: vars.AUTH_SECRET };
}

const KEYS = ["RECOURSE_DEMO", "RECOURSE_TEST", "NODE_ENV", "DATABASE_URL", "PORT", "RECOURSE_URL", "AUTH_URL", "AUTH_SECRET"] as const;
let cached: { key: string; config: RecourseConfig } | undefined;

/** The running process's configuration (validated once; again only if the environment changes, as tests do). */
export function config(): RecourseConfig {
  const key = JSON.stringify(KEYS.map((k) => process.env[k]));
  if (cached?.key !== key) {
    const parsed = parseConfig(process.env);
    // Auth.js reads AUTH_URL for every link and redirect it makes; without it, it would trust X-Forwarded-Host.
    process.env.AUTH_URL ??= parsed.publicUrl;
    cached = { key: JSON.stringify(KEYS.map((k) => process.env[k])), config: parsed };
  }
  return cached.config;
}

/** The public base URL, for every absolute link (mail, calendar feeds, Auth.js). */
export function publicUrl(): string {
  return config().publicUrl;
}

/** For start-up code: the configuration, or the reasons it is refused on stderr and exit code 2. */
export function configOrExit(launch: Launch = {}): RecourseConfig {
  try {
    return launch.quickStart ? parseConfig(process.env, launch) : config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
