/**
 * Auth.js: magic links by email for everyone (complainants never need a password), and in
 * demo mode one-click demo accounts (lib/actions/auth-actions.ts). The mailed link opens a
 * confirmation page and is built from RECOURSE_URL, never from the request
 * (lib/auth/magic-link.ts). Sessions are rows in the database (lib/auth/sessions.ts), so
 * signing out, "every device" and disabling an account end them; who the user is on each
 * case is decided per request by lib/auth/policy.ts.
 */
import { createHash } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { getDatabase } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { config } from "@/lib/config";
import { deliverNow } from "@/lib/mail/deliver";
import { enqueueMail } from "@/lib/mail/outbox";
import { callbackPath, confirmationLink, SIGN_IN_LINK_MINUTES, storeSignInToken } from "./magic-link";
import { authSecret } from "./secret";
import { SESSION_IDLE_HOURS, withSessionRules } from "./sessions";

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
    const [user] = await db.select({ locale: users.locale, disabledAt: users.disabledAt }).from(users).where(eq(users.email, identifier.toLowerCase()));
    // A disabled account gets no link, and the page says what it says to everyone.
    if (user?.disabledAt) return;
    const locale = user?.locale ?? localeFrom(request);
    const dedupeKey = `sign-in:${createHash("sha256").update(token).digest("hex")}`;
    const link = confirmationLink(locale, identifier, token, callbackPath(new URL(url).searchParams.get("callbackUrl")));
    await enqueueMail(db, { dedupeKey, to: identifier, locale, template: "sign-in", params: { url: link, minutes: String(SIGN_IN_LINK_MINUTES) } });
    await deliverNow(db, dedupeKey);
  },
} as EmailConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  // Validates the environment and sets AUTH_URL from RECOURSE_URL before Auth.js reads it.
  config();
  const { db } = await getDatabase();
  const adapter = DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    adapter: { ...withSessionRules(adapter, db), createVerificationToken: ({ identifier, token }) => storeSignInToken(db, identifier, token, SIGN_IN_LINK_MINUTES * 60_000) },
    session: { strategy: "database", maxAge: SESSION_IDLE_HOURS * 60 * 60, updateAge: 15 * 60 },
    secret: authSecret(),
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: [emailProvider],
    callbacks: {
      async signIn({ user, email }) {
        // Asking for a link is answered alike for every address (a disabled one gets no mail).
        if (email?.verificationRequest) return true;
        if (!user.email) return false;
        const [row] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.email, user.email.toLowerCase()));
        return !row?.disabledAt;
      },
      // What a page (and /api/auth/session) learns of a session: never its token.
      session({ session, user }) {
        const passed = Boolean((session as { secondFactorAt?: Date | null }).secondFactorAt);
        return { user: { id: user.id, name: user.name, email: user.email }, expires: session.expires, secondFactorPassed: passed };
      },
    },
  };
});
