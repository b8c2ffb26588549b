"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { updateRetentionPolicy } from "@/lib/retention/policy";
import { outcomeOf } from "./outcome";

const localeSchema = z.object({ locale: z.enum(routing.locales) });

/** The administrator's retention period; the data layer checks the role and the range. */
export async function updateRetentionAction(form: FormData): Promise<void> {
  const locale = localeSchema.safeParse({ locale: form.get("locale") }).data?.locale ?? routing.defaultLocale;
  let outcome = "saved=retention";
  try {
    const db = await getDb();
    await updateRetentionPolicy(db, await currentActor(), form.get("retentionDays"), await now(db));
  } catch (error) {
    outcome = outcomeOf(error);
  }
  redirect({ href: `/admin?${outcome}#policy`, locale });
}
