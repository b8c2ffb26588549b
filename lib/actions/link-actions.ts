"use server";
/**
 * The steps a company without an account takes through the link it was mailed (R2.1), through
 * the action pipeline: the link is the credential, checked by the data layer on every step.
 */
import { z } from "zod";
import { acknowledgeByLink, respondByLink } from "@/lib/cases/receipt";
import { messageBody } from "@/lib/cases/filing-schema";
import { formAction } from "./form-action";

const token = z.string().max(200);
const linkStep = z.discriminatedUnion("step", [z.object({ token, step: z.literal("acknowledge") }), z.object({ token, step: z.literal("respond"), body: messageBody })]);

export const takeLinkStep = formAction(linkStep, async (input, { db, now, meta }) => {
  if (input.step === "acknowledge") await acknowledgeByLink(db, input.token, now, meta);
  else await respondByLink(db, input.token, input.body, now, meta);
  return input.step;
});
