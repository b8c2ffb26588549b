"use server";
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { updateRetentionPolicy } from "@/lib/retention/policy";
import { localeOf } from "./form-fields";
import { outcomeOf } from "./outcome";

/** The administrator's retention period; the data layer checks the role and the range. */
export async function updateRetentionAction(form: FormData): Promise<void> {
  const locale = localeOf(form);
  let outcome = "saved=retention";
  try {
    const db = await getDb();
    await updateRetentionPolicy(db, await currentActor(), form.get("retentionDays"), await now(db));
  } catch (error) {
    outcome = outcomeOf(error);
  }
  redirect({ href: `/admin?${outcome}#policy`, locale });
}
