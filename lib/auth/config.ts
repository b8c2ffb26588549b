/**
 * Auth.js: magic links by email for everyone (complainants never need a password), and in
 * demo mode one-click demo accounts. The mailed link opens a confirmation page and is built
 * from RECOURSE_URL, never from the request (lib/auth/magic-link.ts). Sessions are JWTs; who
 * the user is on each case is decided per request by lib/auth/policy.ts from the database,
 * never from the token.
 */
import { createHash } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import Credentials from "next-auth/providers/credentials";
import { getDatabase } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-users";
import { config } from "@/lib/config";
import { demoMode } from "@/lib/demo";
import { deliverNow } from "@/lib/mail/deliver";
import { enqueueMail } from "@/lib/mail/outbox";
import { callbackPath, confirmationLink, SIGN_IN_LINK_MINUTES, storeSignInToken } from "./magic-link";
import { authSecret } from "./secret";

function localeFrom(request: Request): string {
  const cookie = request.headers.get("cookie") ?? "";
  const match = /(?:^|;\s*)NEXT_LOCALE=(en|de|fr)/.exec(cookie);
  return match?.[1] ?? "en";
}

const emailProvider = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url, token, request }) {
    const { db } = await getDatabase();
    const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, identifier.toLowerCase()));
    const locale = user?.locale ?? localeFrom(request);
    const dedupeKey = `sign-in:${createHash("sha256").update(token).digest("hex")}`;
    const link = confirmationLink(locale, identifier, token, callbackPath(new URL(url).searchParams.get("callbackUrl")));
    await enqueueMail(db, { dedupeKey, to: identifier, locale, template: "sign-in", params: { url: link, minutes: String(SIGN_IN_LINK_MINUTES) } });
    await deliverNow(db, dedupeKey);
  },
} as EmailConfig;

const demoProvider = Credentials({
  id: "demo",
  name: "Demo account",
  credentials: { email: {} },
  async authorize(credentials) {
    if (!demoMode()) return null;
    const email = String(credentials?.email ?? "").toLowerCase();
    if (!DEMO_USERS.some((u) => u.email === email)) return null;
    const { db } = await getDatabase();
    const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email));
    return user ? { id: user.id, email: user.email, name: user.name } : null;
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  // Validates the environment and sets AUTH_URL from RECOURSE_URL before Auth.js reads it.
  config();
  const { db } = await getDatabase();
  const adapter = DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    adapter: { ...adapter, createVerificationToken: ({ identifier, token }) => storeSignInToken(db, identifier, token, SIGN_IN_LINK_MINUTES * 60_000) },
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    secret: authSecret(),
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: demoMode() ? [emailProvider, demoProvider] : [emailProvider],
    callbacks: {
      session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        return session;
      },
    },
  };
});
