"use server";
/**
 * The organisation's settings from forms: zod for the form's shape, the data layer for who
 * may change what; the outcome travels back in the URL.
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { updateArrangement, updateProfile } from "@/lib/organisations/profile";
import { inviteColleague, ORG_ROLES, removeMember, setMemberRole } from "@/lib/organisations/team";
import { formFields } from "./form-fields";
import { outcomeOf } from "./outcome";

const base = z.object({ locale: z.enum(routing.locales), organisationId: z.string().uuid() });

async function run(form: FormData, ok: string, work: (input: z.infer<typeof base>, fields: Record<string, string>) => Promise<void>) {
  const fields = formFields(form, { keepEmpty: true });
  const parsed = base.safeParse(fields);
  if (!parsed.success) redirect({ href: "/home", locale: routing.defaultLocale });
  let outcome = ok;
  try {
    await work(parsed.data!, fields);
  } catch (error) {
    outcome = outcomeOf(error);
  }
  redirect({ href: `/org/settings?${outcome}`, locale: parsed.data!.locale });
}

export async function saveProfile(form: FormData) {
  await run(form, "saved=1", async (input, f) => {
    const db = await getDb();
    await updateProfile(db, await currentActor(), input.organisationId, { contactEmail: f.contactEmail ?? "", contactAddress: f.contactAddress ?? "", website: f.website ?? "" }, await now(db));
  });
}

export async function saveArrangement(form: FormData) {
  await run(form, "saved=1", async (input, f) => {
    const db = await getDb();
    await updateArrangement(db, await currentActor(), input.organisationId, { framework: f.framework, irm: f.irm ?? "", coversHrData: f.coversHrData }, await now(db));
  });
}

export async function invite(form: FormData) {
  await run(form, "invited=1", async (input, f) => {
    const db = await getDb();
    await inviteColleague(db, await currentActor(), input.organisationId, { email: f.email ?? "", name: f.name || undefined, role: f.role }, await now(db), input.locale);
  });
}

export async function changeRole(form: FormData) {
  await run(form, "saved=1", async (input, f) => {
    const role = z.enum(ORG_ROLES).parse(f.role);
    const db = await getDb();
    await setMemberRole(db, await currentActor(), input.organisationId, z.string().max(64).parse(f.userId), role, await now(db));
  });
}

export async function remove(form: FormData) {
  await run(form, "saved=1", async (input, f) => {
    const db = await getDb();
    await removeMember(db, await currentActor(), input.organisationId, z.string().max(64).parse(f.userId), await now(db));
  });
}
