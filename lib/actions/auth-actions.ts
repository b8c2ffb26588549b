"use server";
/**
 * Sign-in and sign-out from forms. Input is validated before anything is sent; errors come
 * back as message keys the page shows in the user's language.
 */
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { routing } from "@/i18n/routing";
import { demoMode } from "@/lib/demo";
import { rateLimited } from "@/lib/rate-limit";
import { redirect } from "next/navigation";
import { requestMeta } from "./request-meta";

const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);
const emailSchema = z.string().trim().max(320).email();

export interface SignInState {
  error?: "invalid_email" | "rate_limited";
  email?: string;
}

export async function requestMagicLink(_prev: SignInState, form: FormData): Promise<SignInState> {
  const locale = localeSchema.parse(form.get("locale"));
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return { error: "invalid_email", email: String(form.get("email") ?? "").slice(0, 320) };
  const ip = (await requestMeta()).ip ?? "local";
  if (rateLimited(`sign-in:${ip}`, 10) || rateLimited(`sign-in:${email.data.toLowerCase()}`, 5)) return { error: "rate_limited", email: email.data };
  await signIn("email", { email: email.data.toLowerCase(), redirectTo: `/${locale}/home`, redirect: false });
  redirect(`/${locale}/sign-in/check-email`);
}

export async function demoSignIn(form: FormData): Promise<void> {
  if (!demoMode()) return;
  const locale = localeSchema.parse(form.get("locale"));
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return;
  try {
    await signIn("demo", { email: email.data, redirectTo: `/${locale}/home` });
  } catch (error) {
    if (error instanceof AuthError) return;
    throw error;
  }
}

export async function signOutAction(form: FormData): Promise<void> {
  const locale = localeSchema.parse(form.get("locale"));
  await signOut({ redirectTo: `/${locale}` });
}
