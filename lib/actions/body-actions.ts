"use server";
/** The administrators keep a recourse body's details, through the action pipeline; the data layer checks the role and the values. */
import { z } from "zod";
import { updateBodyDetails } from "@/lib/directory/bodies";
import { formAction } from "./form-action";

const text = z.string().max(2000).optional();

export const saveBodyDetails = formAction(z.object({ providerId: z.string().max(100), name: text, contactEmail: text, website: text }), async (input, { db, actor, now, meta }) => {
  await updateBodyDetails(db, actor, { providerId: input.providerId, name: input.name ?? "", contactEmail: input.contactEmail ?? "", website: input.website ?? "" }, now, meta);
  return "saved";
});
