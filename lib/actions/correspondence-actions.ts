"use server";
/**
 * Messages and documents from the case page, through the action pipeline: the data layer
 * decides who may write to whom; a refused message comes back with what was typed.
 */
import { z } from "zod";
import { addEvidence, postMessage } from "@/lib/cases/correspondence";
import { messageBody } from "@/lib/cases/filing-schema";
import { PARTIES } from "@/lib/ladder";
import { formAction } from "./form-action";
import { many } from "./pipeline";
import { checkedFiles } from "./files";

const caseForm = z.object({ caseId: z.uuid({ message: "invalid" }), party: z.enum(PARTIES).optional() });

const files = many(z.instanceof(File));


const messageForm = caseForm.extend({ body: messageBody, visibility: z.enum(["complainant", "organisation", "provider", "internal"]), files });

/** A message, with the documents it carries (checked before anything is written). */
export const sendMessage = formAction(messageForm, async (input, { db, actor, now }) => {
  const documents = await checkedFiles(input.files);
  await postMessage(db, actor, input.caseId, { body: input.body, visibility: input.visibility, party: input.party, documents }, now);
  return "sent";
});

const evidenceForm = caseForm.extend({ files });

export const uploadEvidence = formAction(evidenceForm, async (input, { db, actor, now }) => {
  await addEvidence(db, actor, input.caseId, await checkedFiles(input.files), now, { party: input.party });
  return "uploaded";
});
