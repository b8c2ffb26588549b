"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { delistOrganisation } from "@/lib/enforcement/register";

const schema = z.object({ locale: z.enum(routing.locales), organisationId: z.string().uuid() });

export async function delist(form: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: form.get("locale"), organisationId: form.get("organisationId") });
  if (!parsed.success) redirect({ href: "/home", locale: routing.defaultLocale });
  const { locale, organisationId } = parsed.data!;
  let outcome = "delisted=1";
  try {
    const db = await getDb();
    await delistOrganisation(db, await currentActor(), organisationId, await now(db));
  } catch {
    outcome = "error=not_found";
  }
  redirect({ href: `/admin/ftc?${outcome}`, locale });
}
