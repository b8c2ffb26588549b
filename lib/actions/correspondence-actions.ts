"use server";
/**
 * Messages and documents from the case page: zod first, then the data layer decides who may
 * write to whom; the outcome comes back in the URL so the page works without JavaScript.
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { checkAttachments } from "@/lib/cases/attachments";
import { addEvidence, postMessage } from "@/lib/cases/correspondence";
import { now } from "@/lib/clock";
import { ValidationError } from "@/lib/errors";
import { PARTIES } from "@/lib/ladder";
import { formFields } from "./form-fields";
import { outcomeOf } from "./outcome";

const base = z.object({ locale: z.enum(routing.locales), caseId: z.string().uuid(), party: z.enum(PARTIES).optional() });
const messageSchema = base.extend({ body: z.string().max(10_000), visibility: z.enum(["complainant", "organisation", "provider", "internal"]) });

export async function sendMessage(form: FormData): Promise<void> {
  const parsed = messageSchema.safeParse(formFields(form));
  if (!parsed.success) redirect({ href: "/home", locale: routing.defaultLocale });
  const input = parsed.data!;
  let outcome = "sent=1";
  try {
    const db = await getDb();
    await postMessage(db, await currentActor(), input.caseId, { body: input.body, visibility: input.visibility, party: input.party }, await now(db));
  } catch (error) {
    outcome = outcomeOf(error);
  }
  redirect({ href: `/cases/${input.caseId}?${outcome}#messages`, locale: input.locale });
}

export async function uploadEvidence(form: FormData): Promise<void> {
  const parsed = base.safeParse(formFields(form));
  if (!parsed.success) redirect({ href: "/home", locale: routing.defaultLocale });
  const input = parsed.data!;
  const uploads = form.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
  const checked = await checkAttachments(await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) }))));
  let outcome = "uploaded=1";
  try {
    if (checked.errors.length) throw new ValidationError({ files: checked.errors });
    const db = await getDb();
    await addEvidence(db, await currentActor(), input.caseId, checked.ok, await now(db), input.party);
  } catch (error) {
    outcome = outcomeOf(error);
  }
  redirect({ href: `/cases/${input.caseId}?${outcome}#documents`, locale: input.locale });
}
