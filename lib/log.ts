/** Server-side error log: the full error stays here; the user sees only the reference. */
import { randomBytes } from "node:crypto";

export function logError(error: unknown): string {
  const ref = randomBytes(4).toString("hex");
  console.error(`[recourse] error ${ref}:`, error);
  return ref;
}

/** One line of JSON per event, for the worker's logs. */
export const log = {
  info: (event: string, data: Record<string, unknown> = {}) => console.log(JSON.stringify({ at: new Date().toISOString(), level: "info", event, ...data })),
  error: (event: string, data: Record<string, unknown> = {}) => console.error(JSON.stringify({ at: new Date().toISOString(), level: "error", event, ...data })),
};
