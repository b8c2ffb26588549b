"use server";
/**
 * Sign-in and sign-out from forms, through the action pipeline. Input is validated before
 * anything is sent; errors come back as message keys the page shows in the user's language.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { callbackPath } from "@/lib/auth/magic-link";
import { demoUserId } from "@/lib/auth/sessions";
import { startSessionCookie } from "./session-cookie";
import { NotFoundError, RuleError } from "@/lib/errors";
import { limitsFor, rateLimited } from "@/lib/rate-limit";
import { formAction } from "./form-action";

const emailForm = z.object({
  email: z.string().trim().max(320, { message: "invalid_email" }).pipe(z.email({ message: "invalid_email" })),
  /** The page that sent the person to sign in, to come back to. */
  next: z.string().max(1000).optional(),
});

/** Where to go after signing in: the page asked for when it is one of this site's, else home. */
function afterSignIn(next: string | undefined, locale: string): string {
  const path = callbackPath(next);
  return path.startsWith("/") && !path.startsWith("//") && path !== "/" && !/\/sign-in(\/|$|\?)/.test(path) ? path : `/${locale}/home`;
}

export const requestMagicLink = formAction(emailForm, async ({ email, next }, { db, meta, locale }) => {
  if (await rateLimited(db, limitsFor("sign-in", email, meta.ip, 5, 20))) throw new RuleError({ code: "rate_limited" });
  await signIn("email", { email: email.toLowerCase(), redirectTo: afterSignIn(next, locale), redirect: false });
  redirect(`/${locale}/sign-in/check-email`);
});

/** Demo mode's one-click sign-in; anywhere else there is nothing here. */
export const demoSignIn = formAction(emailForm, async ({ email, next }, { db, locale }) => {
  const userId = await demoUserId(db, email);
  if (!userId) throw new NotFoundError();
  await startSessionCookie(db, userId);
  redirect(afterSignIn(next, locale));
});

export const signOutAction = formAction(z.object({}), async (_input, { locale }) => {
  await signOut({ redirectTo: `/${locale}` });
});
