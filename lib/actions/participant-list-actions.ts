"use server";
/**
 * The administrator imports the official participant list (R1.2) in two steps, through the
 * action pipeline: the upload answers with a preview of what would change (nothing stored),
 * and the confirmation applies that very plan. The data layer checks the role and the file.
 */
import { z } from "zod";
import { applyParticipantList, previewParticipantList, type ImportPlan } from "@/lib/directory/participant-list";
import { formAction } from "./form-action";

/** The preview, and the list's text for the confirmation to send back. */
export interface ParticipantListPreview {
  plan: ImportPlan;
  csv: string;
}

export const previewParticipantListAction = formAction<z.ZodObject, ParticipantListPreview>(z.object({}), async (_input, { db, actor, now }, form) => ({
  done: "previewed",
  result: await previewParticipantList(db, actor, form.get("list"), now),
}));

export const applyParticipantListAction = formAction<z.ZodObject, ImportPlan>(z.object({}), async (_input, { db, actor, now, meta }, form) => ({
  done: "imported",
  result: await applyParticipantList(db, actor, { csv: form.get("csv"), digest: form.get("digest") }, now, meta),
}));
