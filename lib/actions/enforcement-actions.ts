"use server";
import { z } from "zod";
import { delistOrganisation } from "@/lib/enforcement/register";
import { formAction } from "./form-action";

/** The administrator delists an organisation the FTC acted against; the data layer checks the role. */
export const delist = formAction(z.object({ organisationId: z.uuid({ message: "invalid" }) }), async (input, { db, actor, now }) => {
  await delistOrganisation(db, actor, input.organisationId, now);
  return "delisted";
});
