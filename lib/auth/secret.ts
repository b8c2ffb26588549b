/**
 * AUTH_SECRET from the environment (lib/config.ts refuses to start without it outside demo
 * mode); in demo mode without one, a random secret kept in the data folder so that sessions
 * survive a restart.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

export function authSecret(): string {
  const { authSecret, demo } = config();
  if (authSecret) return authSecret;
  if (!demo) throw new Error("AUTH_SECRET is not set. Set it (e.g. `openssl rand -base64 32`) or run in demo mode.");
  const dir = path.join(process.cwd(), "data");
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
