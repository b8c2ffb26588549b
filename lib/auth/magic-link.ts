/**
 * Sign-in links. A mailed link opens a confirmation page (/[locale]/sign-in/confirm), which
 * signs in only when the person presses its button: the button POSTs to Auth.js's email
 * callback, whose GET this app refuses (app/api/auth/[...nextauth]/route.ts). So a mail
 * scanner that opens the link signs no one in, and another site cannot sign a visitor into
 * an account of its choosing (the POST must come from this origin). A new link for an
 * address cancels the older ones. Links are single use: Auth.js deletes the token it accepts.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { routing } from "@/i18n/routing";
import { now } from "@/lib/clock";
import { publicUrl } from "@/lib/config";
import { authSecret } from "./secret";

export const SIGN_IN_LINK_MINUTES = 10;
export const CASE_LINK_HOURS = 24;
export const EMAIL_CALLBACK_PATH = "/api/auth/callback/email";

/** How Auth.js stores a token: hashed with the secret. */
function hashToken(token: string): string {
  return createHash("sha256").update(`${token}${authSecret()}`).digest("hex");
}

/**
 * Stores a link's (hashed) token and deletes every older one for the address. Auth.js checks
 * expiry against the real clock, the confirmation page against the app's (movable in demo and
 * test mode): the later of the two starts the lifetime, so a moved clock neither kills a fresh
 * link nor keeps it alive past its time on the app's clock.
 */
export async function storeSignInToken(db: Db | Tx, identifier: string, hashedToken: string, lifetimeMs: number) {
  const start = Math.max(Date.now(), (await now(db)).getTime());
  await db.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier));
  const [row] = await db.insert(verificationTokens).values({ identifier, token: hashedToken, expires: new Date(start + lifetimeMs) }).returning();
  return row!;
}

/** A path on this site to go to after signing in; anything else becomes "/". */
export function callbackPath(callbackUrl: string | null | undefined): string {
  if (!callbackUrl || !URL.canParse(callbackUrl, publicUrl())) return "/";
  const url = new URL(callbackUrl, publicUrl());
  return url.origin === new URL(publicUrl()).origin ? `${url.pathname}${url.search}` : "/";
}

/** The link that goes into the mail: the confirmation page, never the callback itself. */
export function confirmationLink(locale: string, email: string, token: string, afterSignIn: string): string {
  const params = new URLSearchParams({ email, token, callbackUrl: callbackPath(afterSignIn) });
  return `${publicUrl()}/${locale}/sign-in/confirm?${params}`;
}

/** Where the confirmation page's button posts. */
export function callbackAction(email: string, token: string, afterSignIn: string): string {
  const params = new URLSearchParams({ email, token, callbackUrl: `${publicUrl()}${callbackPath(afterSignIn)}` });
  return `${EMAIL_CALLBACK_PATH}?${params}`;
}

export type SignInLinkState = "valid" | "expired" | "unknown";

/** "unknown": used, cancelled by a newer link, or never issued. */
export async function signInLinkState(email: string, token: string): Promise<SignInLinkState> {
  if (!email || !token) return "unknown";
  const db = await getDb();
  const [row] = await db
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashToken(token))));
  if (!row) return "unknown";
  return row.expires.getTime() <= (await now(db)).getTime() ? "expired" : "valid";
}

/** A sign-in link made by Recourse itself (the filing confirmation's opens the new case), in the language of the page it opens. */
export async function createSignInLink(db: Db | Tx, email: string, afterSignIn: string, lifetimeMs = CASE_LINK_HOURS * 3_600_000): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await storeSignInToken(db, email, hashToken(token), lifetimeMs);
  const locale = routing.locales.find((l) => afterSignIn.startsWith(`/${l}/`)) ?? routing.defaultLocale;
  return confirmationLink(locale, email, token, afterSignIn);
}
