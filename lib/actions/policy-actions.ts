"use server";
import { z } from "zod";
import { updateRetentionPolicy } from "@/lib/retention/policy";
import { formAction } from "./form-action";

/** The administrator's retention period; the data layer checks the role and the range. */
export const updateRetentionAction = formAction(z.object({ retentionDays: z.string().max(20).optional(), confirmShorter: z.literal("yes").optional() }), async (input, { db, actor, now }) => {
  await updateRetentionPolicy(db, actor, input.retentionDays, now, { confirmedShorter: input.confirmShorter === "yes" });
  return "retention";
});
