/** Server-side error log: the full error stays here; the user sees only the reference. */
import { randomBytes } from "node:crypto";

export function logError(error: unknown): string {
  const ref = randomBytes(4).toString("hex");
  console.error(`[recourse] error ${ref}:`, error);
  return ref;
}
