"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sessionCookieName } from "@/lib/auth/sessions";
import { endAccountSessions, resetAccountSecondFactor, setAccountDisabled, signOutEverywhere } from "@/lib/users/accounts";
import { formAction } from "./form-action";

/** Ends this person's sessions everywhere, this browser's too, and leads to the sign-in page, which says so. */
export const signOutEverywhereAction = formAction(z.object({}), async (_input, { db, actor, now, locale }) => {
  await signOutEverywhere(db, actor, now);
  (await cookies()).delete(sessionCookieName());
  redirect(`/${locale}/sign-in?ended=everywhere`);
});

const accountForm = z.object({ userId: z.string().min(1).max(100), reason: z.string().trim().max(1000).optional() });

export const disableAccountAction = formAction(accountForm, async ({ userId, reason }, { db, actor, now }) => {
  await setAccountDisabled(db, actor, userId, true, now, reason ?? "");
  return "disabled";
});

export const enableAccountAction = formAction(accountForm, async ({ userId }, { db, actor, now }) => {
  await setAccountDisabled(db, actor, userId, false, now);
  return "enabled";
});

export const resetSecondFactorAction = formAction(accountForm, async ({ userId }, { db, actor, now }) => {
  await resetAccountSecondFactor(db, actor, userId, now);
  return "reset";
});

export const endAccountSessionsAction = formAction(accountForm, async ({ userId }, { db, actor, now }) => {
  await endAccountSessions(db, actor, userId, now);
  return "sessions_ended";
});
