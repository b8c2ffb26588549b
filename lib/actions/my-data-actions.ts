"use server";
import { z } from "zod";
import { requestErasure } from "@/lib/users/my-data";
import { formAction } from "./form-action";

/** The complainant asks for a closed case of theirs to be erased; the data layer checks it is theirs and closed. */
export const askForErasure = formAction(z.object({ caseId: z.uuid({ message: "invalid" }) }), async (input, { db, actor, now, meta }) => {
  await requestErasure(db, actor, input.caseId, now, meta);
  return "requested";
});
