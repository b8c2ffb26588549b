"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentSessionToken } from "@/lib/auth/session";
import { confirmEnrolment, verifySecondFactor } from "@/lib/auth/second-factor";
import { NotFoundError } from "@/lib/errors";
import { formAction } from "./form-action";
import type { Done } from "./pipeline";

const codeForm = z.object({ code: z.string().trim().min(1, { message: "second_factor_wrong" }).max(40, { message: "second_factor_wrong" }) });

/** Enrolment: the first code from the app; the answer carries the recovery codes, shown once. */
export const confirmSecondFactorAction = formAction(codeForm, async ({ code }, { db, actor, now }): Promise<Done<{ codes: string[] }>> => {
  const token = await currentSessionToken();
  if (actor.kind !== "user" || actor.secondFactor !== "enrol" || !token) throw new NotFoundError();
  return { done: "enrolled", result: { codes: await confirmEnrolment(db, actor.userId, actor.email, token, code, now) } };
});

/** Each sign-in after: a code from the app or a recovery code, then the person's home. */
export const verifySecondFactorAction = formAction(codeForm, async ({ code }, { db, actor, now, locale }) => {
  const token = await currentSessionToken();
  if (actor.kind !== "user" || actor.secondFactor !== "verify" || !token) throw new NotFoundError();
  await verifySecondFactor(db, actor.userId, actor.email, token, code, now);
  redirect(`/${locale}/home`);
});
