/**
 * A sign-in link Auth.js will accept (its email callback), made by Recourse itself: the
 * filing confirmation carries one that opens the new case. Single use, like any magic link.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { baseUrl } from "@/lib/mail/outbox";
import { authSecret } from "./secret";

export const CASE_LINK_HOURS = 24;

export async function createSignInLink(db: Db | Tx, email: string, callbackPath: string, maxAgeMs = CASE_LINK_HOURS * 3_600_000): Promise<string> {
  const token = randomBytes(32).toString("hex");
  const hashed = createHash("sha256").update(`${token}${authSecret()}`).digest("hex");
  // Auth.js compares expiry with the real clock, so this one is real time too.
  await db.insert(verificationTokens).values({ identifier: email, token: hashed, expires: new Date(Date.now() + maxAgeMs) });
  const params = new URLSearchParams({ callbackUrl: `${baseUrl()}${callbackPath}`, token, email });
  return `${baseUrl()}/api/auth/callback/email?${params}`;
}
