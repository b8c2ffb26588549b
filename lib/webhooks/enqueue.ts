/**
 * Writes webhook deliveries in the transaction that records their events: one row per
 * (subscription, event), kept once by its unique key. Each subscriber is scoped by the policy
 * as a read-only token of its owner would be: it must be a party on the case (an
 * organisation its own cases; a body the cases handed to it), a message must be one its party
 * reads (never another side's internal note), a reminder goes to the party that must act.
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inList } from "@/db/in-list";
import { jsonRows } from "@/db/json-rows";
import { caseBodies, providers, webhookSubscriptions } from "@/db/schema";
import { subscriberActor, type Principal } from "@/lib/auth/actor";
import { messageVisibleTo, partiesOnCase } from "@/lib/auth/policy";
import type { WebhookEvent } from "./events";

/** Enqueues the deliveries the events cause; returns how many rows it wrote (or found written). */
export async function enqueueWebhooks(tx: Tx, events: WebhookEvent[]): Promise<number> {
  if (!events.length) return 0;
  const caseIds = [...new Set(events.map((e) => e.caseRef.id))];
  const orgIds = [...new Set(events.map((e) => e.caseRef.organisationId))];
  // One query when nobody subscribes: the subscriptions of the cases' organisations and bodies.
  const subscriptions = await tx
    .select({ id: webhookSubscriptions.id, organisationId: webhookSubscriptions.organisationId, providerId: webhookSubscriptions.providerId, eventTypes: webhookSubscriptions.eventTypes, providerKind: providers.kind })
    .from(webhookSubscriptions)
    .leftJoin(providers, eq(providers.id, webhookSubscriptions.providerId))
    .where(
      and(
        eq(webhookSubscriptions.enabled, true),
        or(inList(webhookSubscriptions.organisationId, orgIds), sql`${webhookSubscriptions.providerId} IN (SELECT ${caseBodies.providerId} FROM ${caseBodies} WHERE ${inList(caseBodies.caseId, caseIds)})`),
      ),
    );
  if (!subscriptions.length) return 0;
  const bodies = subscriptions.some((s) => s.providerId) ? await tx.select({ caseId: caseBodies.caseId, providerId: caseBodies.providerId, rung: caseBodies.rung }).from(caseBodies).where(inList(caseBodies.caseId, caseIds)) : [];

  const rows: { subscription_id: string; event_key: string; type: string; case_id: string; payload: unknown }[] = [];
  for (const event of events) {
    const held = bodies.filter((b) => b.caseId === event.caseRef.id);
    const facts = { complainantUserId: event.caseRef.complainantUserId, organisationId: event.caseRef.organisationId, providerIds: held.map((b) => b.providerId) };
    for (const s of subscriptions) {
      if (!s.eventTypes.includes(event.type)) continue;
      const principal: Principal = s.organisationId ? { organisationId: s.organisationId } : { providerId: s.providerId! };
      const parties = partiesOnCase(subscriberActor(s.id, principal, s.providerKind), facts);
      if (!parties.length) continue;
      if (event.parties && !parties.some((p) => event.parties!.includes(p))) continue;
      if (event.message && !parties.some((p) => messageVisibleTo(p, event.message!))) continue;
      if (event.rung && !held.some((b) => b.providerId === s.providerId && b.rung === event.rung)) continue;
      rows.push({ subscription_id: s.id, event_key: `${event.type}:${event.cause}`, type: event.type, case_id: event.caseRef.id, payload: { type: event.type, timestamp: event.at.toISOString(), data: event.data } });
    }
  }
  if (!rows.length) return 0;
  await tx.execute(sql`
    INSERT INTO webhook_deliveries (subscription_id, event_key, type, case_id, payload)
    SELECT w.subscription_id, w.event_key, w.type, w.case_id, w.payload
    FROM ${jsonRows(rows, { subscription_id: "uuid", event_key: "text", type: "text", case_id: "uuid", payload: "jsonb" })} AS w
    ON CONFLICT (subscription_id, event_key) DO NOTHING`);
  return rows.length;
}
