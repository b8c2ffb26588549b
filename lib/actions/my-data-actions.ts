"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { requestErasure } from "@/lib/users/my-data";
import { requestMeta } from "./request-meta";

const schema = z.object({ locale: z.enum(routing.locales), caseId: z.string().uuid() });

export async function askForErasure(form: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: form.get("locale"), caseId: form.get("caseId") });
  if (!parsed.success) redirect({ href: "/my-data", locale: routing.defaultLocale });
  const { locale, caseId } = parsed.data!;
  let outcome = "requested=1";
  try {
    const db = await getDb();
    await requestErasure(db, await currentActor(), caseId, await now(db), await requestMeta());
  } catch {
    outcome = "error=not_allowed";
  }
  redirect({ href: `/my-data?${outcome}`, locale });
}
