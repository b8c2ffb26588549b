"use server";
/**
 * API tokens from the integrations page, through the action pipeline: a new token is handed
 * back once, for the page to show; revoking takes effect at once.
 */
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { createApiToken, newTokenSchema, principalOfKey, revokeApiToken } from "@/lib/integrations/tokens";
import { formAction } from "./form-action";
import type { Done } from "./pipeline";

export const createTokenAction = formAction(newTokenSchema.extend({ owner: z.string().max(60) }), async (input, { db, actor, now }): Promise<Done<{ token: string }>> => {
  const principal = principalOfKey(input.owner);
  if (!principal) throw new ValidationError({ owner: ["invalid"] });
  const made = await createApiToken(db, actor, principal, input, now);
  return { done: "created", result: { token: made.token } };
});

export const revokeTokenAction = formAction(z.object({ tokenId: z.uuid({ message: "invalid" }) }), async (input, { db, actor, now }) => {
  await revokeApiToken(db, actor, input.tokenId, now);
  return "revoked";
});
