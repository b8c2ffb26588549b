/**
 * AUTH_SECRET from the environment; in demo or test mode without one, a random secret kept
 * in the data folder so that sessions survive a restart. Production must set AUTH_SECRET.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.RECOURSE_DEMO !== "1" && process.env.RECOURSE_TEST !== "1") {
    throw new Error("AUTH_SECRET is not set. Set it (e.g. `openssl rand -base64 32`) or run in demo mode.");
  }
  const dir = path.join(process.cwd(), "data");
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
