/**
 * Webhook subscriptions of an organisation or a body, managed by those who manage its API
 * tokens (the policy's `canManageApiTokens`): created (the secret is handed back once),
 * listed with their recent deliveries, rotated, enabled or disabled, deleted; a delivery can
 * be sent again. Every change is audited.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog, cases, webhookDeliveries, webhookSubscriptions } from "@/db/schema";
import type { Actor, Principal } from "@/lib/auth/actor";
import { canManageApiTokens } from "@/lib/auth/policy";
import { seal } from "@/lib/auth/sealed";
import { NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { principalName } from "@/lib/integrations/tokens";
import { SEALED_PURPOSE } from "./deliver";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./events";
import { newSecret } from "./sign";
import { targetProblem } from "./target";

/** After a rotation the previous secret signs too, for this long. */
export const PREVIOUS_SECRET_HOURS = 24;

export const newSubscriptionSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  // A checkbox group: one ticked box arrives as a string, none as nothing.
  events: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(WEBHOOK_EVENT_TYPES, { message: "invalid" })).min(1, { message: "required" })),
});
export type NewSubscription = z.infer<typeof newSubscriptionSchema>;

export interface SubscriptionItem {
  id: string;
  url: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  disabledReason: "failing" | "owner" | null;
  disabledAt: Date | null;
  createdAt: Date;
  previousSecretUntil: Date | null;
  consecutiveFailures: number;
}

export interface DeliveryItem {
  id: string;
  subscriptionId: string;
  url: string;
  type: string;
  reference: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

const ownerCondition = (p: Principal) => (p.organisationId ? eq(webhookSubscriptions.organisationId, p.organisationId) : eq(webhookSubscriptions.providerId, p.providerId!));
const entityOf = (p: Principal) => (p.organisationId ? { entity: "organisation", entityId: p.organisationId } : { entity: "provider", entityId: p.providerId! });
const principalOf = (row: { organisationId: string | null; providerId: string | null }): Principal => (row.organisationId ? { organisationId: row.organisationId } : { providerId: row.providerId! });
const actorId = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);

async function audit(tx: Db | Tx, actor: Actor, principal: Principal, action: string, data: Record<string, unknown>, now: Date) {
  await tx.insert(auditLog).values({ actorUserId: actorId(actor), ...entityOf(principal), action, data, at: now });
}

/** Makes a subscription and hands back its secret: the only time it can be read. */
export async function createSubscription(db: Db, actor: Actor, principal: Principal, input: NewSubscription, now: Date): Promise<{ id: string; secret: string }> {
  await principalName(db, actor, principal);
  const problem = await targetProblem(input.url);
  if (problem) throw new ValidationError({ url: [problem] });
  const secret = newSecret();
  const eventTypes = [...new Set(input.events)];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ organisationId: principal.organisationId ?? null, providerId: principal.providerId ?? null, url: input.url, eventTypes, secret: seal(SEALED_PURPOSE, secret), createdByUserId: actorId(actor), createdAt: now })
      .returning({ id: webhookSubscriptions.id });
    await audit(tx, actor, principal, "webhook_created", { subscriptionId: row!.id, url: input.url, eventTypes }, now);
    return { id: row!.id, secret };
  });
}

export async function listSubscriptions(db: Db, actor: Actor, principal: Principal): Promise<SubscriptionItem[]> {
  if (!canManageApiTokens(actor, principal)) throw new NotFoundError();
  const rows = await db
    .select({
      id: webhookSubscriptions.id,
      url: webhookSubscriptions.url,
      eventTypes: webhookSubscriptions.eventTypes,
      enabled: webhookSubscriptions.enabled,
      disabledReason: webhookSubscriptions.disabledReason,
      disabledAt: webhookSubscriptions.disabledAt,
      createdAt: webhookSubscriptions.createdAt,
      previousSecretUntil: webhookSubscriptions.previousSecretUntil,
      consecutiveFailures: webhookSubscriptions.consecutiveFailures,
    })
    .from(webhookSubscriptions)
    .where(ownerCondition(principal))
    .orderBy(desc(webhookSubscriptions.createdAt));
  return rows.map((r) => ({ ...r, eventTypes: r.eventTypes as WebhookEventType[], disabledReason: r.disabledReason as SubscriptionItem["disabledReason"] }));
}

/** The owner's most recent deliveries, newest first. */
export async function listDeliveries(db: Db, actor: Actor, principal: Principal, { limit = 25 } = {}): Promise<DeliveryItem[]> {
  if (!canManageApiTokens(actor, principal)) throw new NotFoundError();
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      subscriptionId: webhookDeliveries.subscriptionId,
      url: webhookSubscriptions.url,
      type: webhookDeliveries.type,
      reference: cases.reference,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .innerJoin(cases, eq(cases.id, webhookDeliveries.caseId))
    .where(ownerCondition(principal))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, nextAttemptAt: r.status === "pending" ? r.nextAttemptAt : null }));
}

/** A subscription the actor manages, or not found. */
async function managed(db: Db | Tx, actor: Actor, subscriptionId: string) {
  if (!isUuid(subscriptionId)) throw new NotFoundError();
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, subscriptionId));
  if (!row || !canManageApiTokens(actor, principalOf(row))) throw new NotFoundError();
  return { row, principal: principalOf(row) };
}

/** A new secret, handed back once; the previous one keeps signing for PREVIOUS_SECRET_HOURS. */
export async function rotateSecret(db: Db, actor: Actor, subscriptionId: string, now: Date): Promise<{ secret: string }> {
  const secret = newSecret();
  await db.transaction(async (tx) => {
    const { row, principal } = await managed(tx, actor, subscriptionId);
    await tx
      .update(webhookSubscriptions)
      // The window is on the database's real clock, as delivery reads it.
      .set({ secret: seal(SEALED_PURPOSE, secret), previousSecret: row.secret, previousSecretUntil: sql`now() + make_interval(hours => ${PREVIOUS_SECRET_HOURS})` })
      .where(eq(webhookSubscriptions.id, row.id));
    await audit(tx, actor, principal, "webhook_secret_rotated", { subscriptionId: row.id, url: row.url }, now);
  });
  return { secret };
}

/** Turns a subscription on (its failure count starts again) or off; events while it is off are not kept for it. */
export async function setSubscriptionEnabled(db: Db, actor: Actor, subscriptionId: string, enabled: boolean, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, principal } = await managed(tx, actor, subscriptionId);
    if (row.enabled === enabled) return;
    await tx
      .update(webhookSubscriptions)
      .set(enabled ? { enabled, disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null } : { enabled, disabledReason: "owner", disabledAt: now })
      .where(eq(webhookSubscriptions.id, row.id));
    await audit(tx, actor, principal, enabled ? "webhook_enabled" : "webhook_disabled", { subscriptionId: row.id, url: row.url }, now);
  });
}

/** Deletes a subscription with its delivery log. */
export async function deleteSubscription(db: Db, actor: Actor, subscriptionId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, principal } = await managed(tx, actor, subscriptionId);
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, row.id));
    await audit(tx, actor, principal, "webhook_deleted", { subscriptionId: row.id, url: row.url }, now);
  });
}

/**
 * Sends a delivered or given-up delivery again: the same webhook-id and payload, freshly
 * signed, with a new round of attempts. One still pending is already on its way.
 */
export async function sendAgain(db: Db, actor: Actor, deliveryId: string, now: Date): Promise<void> {
  if (!isUuid(deliveryId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const [d] = await tx.select({ id: webhookDeliveries.id, subscriptionId: webhookDeliveries.subscriptionId, status: webhookDeliveries.status, type: webhookDeliveries.type }).from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)).for("update");
    if (!d) throw new NotFoundError();
    const { row, principal } = await managed(tx, actor, d.subscriptionId);
    if (d.status === "pending") throw new RuleError({ code: "webhook_delivery_pending" });
    if (!row.enabled) throw new RuleError({ code: "webhook_disabled" });
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
      .where(and(eq(webhookDeliveries.id, d.id), inArray(webhookDeliveries.status, ["delivered", "failed"])));
    await audit(tx, actor, principal, "webhook_sent_again", { subscriptionId: row.id, deliveryId: d.id, type: d.type }, now);
  });
}
