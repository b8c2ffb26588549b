"use server";
/**
 * Webhook subscriptions from the integrations page, through the action pipeline: a new
 * subscription's secret, and a rotated one, are handed back once for the page to show.
 */
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { principalOfKey } from "@/lib/integrations/tokens";
import { createSubscription, deleteSubscription, newSubscriptionSchema, rotateSecret, sendAgain, setSubscriptionEnabled } from "@/lib/webhooks/subscriptions";
import { JOBS } from "@/lib/worker/jobs";
import { wake } from "@/lib/worker/start";
import { formAction } from "./form-action";
import type { Done } from "./pipeline";

const subscription = z.object({ subscriptionId: z.uuid({ message: "invalid" }) });

export const createWebhookAction = formAction(newSubscriptionSchema.extend({ owner: z.string().max(60) }), async (input, { db, actor, now }): Promise<Done<{ secret: string }>> => {
  const principal = principalOfKey(input.owner);
  if (!principal) throw new ValidationError({ owner: ["invalid"] });
  const made = await createSubscription(db, actor, principal, input, now);
  return { done: "created", result: { secret: made.secret } };
});

export const rotateWebhookSecretAction = formAction(subscription, async (input, { db, actor, now }): Promise<Done<{ secret: string }>> => {
  const rotated = await rotateSecret(db, actor, input.subscriptionId, now);
  return { done: "rotated", result: { secret: rotated.secret } };
});

export const setWebhookEnabledAction = formAction(subscription.extend({ enabled: z.enum(["true", "false"]) }), async (input, { db, actor, now }) => {
  await setSubscriptionEnabled(db, actor, input.subscriptionId, input.enabled === "true", now);
  if (input.enabled === "true") await wake(JOBS.webhooks);
  return input.enabled === "true" ? "enabled" : "disabled";
});

export const deleteWebhookAction = formAction(subscription, async (input, { db, actor, now }) => {
  await deleteSubscription(db, actor, input.subscriptionId, now);
  return "deleted";
});

export const sendAgainAction = formAction(z.object({ deliveryId: z.uuid({ message: "invalid" }) }), async (input, { db, actor, now }) => {
  await sendAgain(db, actor, input.deliveryId, now);
  await wake(JOBS.webhooks);
  return "sent";
});
