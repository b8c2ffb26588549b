"use server";
/**
 * The FTC register's steps, through the action pipeline: a referral proposed or moved on is the
 * case's own step (the ladder's gate decides it, as on the case page); delisting is the
 * register's, with a reason. The data layer checks the role.
 */
import { z } from "zod";
import { takeStep } from "@/lib/cases/steps";
import { delistOrganisation } from "@/lib/enforcement/register";
import { REFERRAL_STATUSES, REFERRERS } from "@/lib/ladder";
import { formAction } from "./form-action";

export const delist = formAction(z.object({ organisationId: z.uuid({ message: "invalid" }), reason: z.string().max(2000).optional() }), async (input, { db, actor, now, meta }) => {
  await delistOrganisation(db, actor, input.organisationId, now, input.reason ?? "", meta);
  return "delisted";
});

/** Moves a referral to the status the button named; a status the ladder does not allow next is refused there. */
export const advanceReferral = formAction(z.object({ caseId: z.uuid({ message: "invalid" }), referralId: z.string().max(100), status: z.enum(REFERRAL_STATUSES) }), async (input, { db, actor, now, meta }) => {
  await takeStep(db, actor, { caseId: input.caseId, action: "advance_referral", target: `${input.referralId}:${input.status}`, party: "administrator" }, now, meta);
  return "advanced";
});

/** Records the referral a prompt proposes, in the name of the body that refers. */
export const proposeReferral = formAction(z.object({ caseId: z.uuid({ message: "invalid" }), referrer: z.enum(REFERRERS) }), async (input, { db, actor, now, meta }) => {
  await takeStep(db, actor, { caseId: input.caseId, action: "propose_referral", target: input.referrer, party: "administrator" }, now, meta);
  return "proposed";
});
