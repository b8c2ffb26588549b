/**
 * Delivery of the webhook outbox. Each row is claimed with a lease (FOR UPDATE SKIP LOCKED:
 * workers never take the same row), counted as an attempt, signed and posted with a timeout;
 * a 2xx answer delivers it, anything else is retried with exponential backoff until it is
 * given up. A worker killed mid-post leaves its row claimed until the lease runs out; another
 * worker posts it then, with the same webhook-id. A subscription whose every attempt has
 * failed for a period (and at least a number of times in a row) is disabled and its owner's
 * admins are told.
 *
 * Times here are the database's real clock (`now()`), never the demo's moved one: receivers
 * check webhook-timestamp against their own clocks.
 */
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "@/db/client";
import { auditLog, memberships, users, webhookDeliveries, webhookSubscriptions } from "@/db/schema";
import type { Principal } from "@/lib/auth/actor";
import { integrationAdminRoles } from "@/lib/auth/policy";
import { unseal } from "@/lib/auth/sealed";
import { log } from "@/lib/log";
import { NOTICE_TEMPLATE } from "@/lib/mail/content";
import { WEBHOOK_DISABLED } from "@/lib/notifications/kinds";
import { guardedLookup, internalTargetsAllowed, isInternalAddress } from "./target";
import { signedHeaders } from "./sign";

export const SEALED_PURPOSE = "webhook";

/** Retries: 30 s doubling per attempt, capped at 6 h; given up after 16 attempts (about 38 h). */
export const MAX_ATTEMPTS = 16;
const RETRY_CAP_MS = 6 * 3_600_000;
const retryBaseMs = () => Number(process.env.WEBHOOK_RETRY_BASE_MS ?? 30_000);
export const retryDelayMs = (attempts: number) => Math.min(retryBaseMs() * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
const timeoutMs = () => Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);
/** Longer than an attempt may take, so a live worker never loses its row. */
const leaseMs = () => Number(process.env.WEBHOOK_LEASE_MS ?? timeoutMs() + 50_000);

export interface DisablePolicy {
  /** How long every attempt must have failed. */
  afterMs: number;
  /** And at least this many attempts in a row. */
  afterFailures: number;
}

/** A day of failures and at least 10 attempts in a row: one event's retries reach it at its 14th attempt, about 26 hours in. */
export const defaultDisablePolicy = (): DisablePolicy => ({
  afterMs: Number(process.env.WEBHOOK_DISABLE_AFTER_MS ?? 24 * 3_600_000),
  afterFailures: Number(process.env.WEBHOOK_DISABLE_AFTER_FAILURES ?? 10),
});

type Claimed = typeof webhookDeliveries.$inferSelect & { subscription: typeof webhookSubscriptions.$inferSelect };

/** Claims the next due delivery of an enabled subscription: one row, leased, counted as an attempt. */
async function claim(db: Db): Promise<Claimed | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => ${leaseMs() / 1000})
    WHERE id = (
      SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND s.enabled
      ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED)
    RETURNING id`);
  const rows = rowsOf(result);
  if (!rows.length) return null;
  const [found] = await db.select().from(webhookDeliveries).innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId)).where(eq(webhookDeliveries.id, String(rows[0]!.id)));
  return found ? { ...found.webhook_deliveries, subscription: found.webhook_subscriptions } : null;
}

/** The secrets that sign now: the current one, and the previous one for a day after a rotation. */
function signingSecrets(s: typeof webhookSubscriptions.$inferSelect, at: Date): string[] {
  const secrets = [unseal(SEALED_PURPOSE, s.secret)];
  if (s.previousSecret && s.previousSecretUntil && s.previousSecretUntil.getTime() > at.getTime()) secrets.push(unseal(SEALED_PURPOSE, s.previousSecret));
  return secrets;
}

/** Posts the body; resolves with the answer's status, rejects on no answer (refused, timed out, internal address). */
export function post(target: string, headers: Record<string, string>, body: string): Promise<number> {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal address never reaches the lookup: checked here.
  if (isIP(host) && !internalTargetsAllowed() && isInternalAddress(host)) return Promise.reject(new Error(`${host} is an internal address`));
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Recourse-Webhooks/1" },
        lookup: guardedLookup as never,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs()),
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        // Only the status counts; the body is not read.
        response.destroy();
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

export interface Attempt {
  ok: boolean;
  status: number | null;
  error: string | null;
}

async function attempt(d: Claimed): Promise<Attempt> {
  const body = JSON.stringify(d.payload);
  try {
    const status = await post(d.subscription.url, { ...signedHeaders(d.id, new Date(), body, signingSecrets(d.subscription, new Date())) }, body);
    return { ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` };
  } catch (error) {
    return { ok: false, status: null, error: String(error).slice(0, 500) };
  }
}

/** Records an attempt's outcome, and on a failure whether the subscription has failed long enough to be disabled. */
async function record(db: Db, d: Claimed, outcome: Attempt, policy: DisablePolicy): Promise<{ disabled: boolean }> {
  return db.transaction(async (tx) => {
    if (outcome.ok) {
      await tx.update(webhookDeliveries).set({ status: "delivered", deliveredAt: sql`now()`, lastStatus: outcome.status, lastError: null }).where(eq(webhookDeliveries.id, d.id));
      await tx.update(webhookSubscriptions).set({ consecutiveFailures: 0, failingSince: null }).where(eq(webhookSubscriptions.id, d.subscriptionId));
      return { disabled: false };
    }
    const giveUp = d.attempts >= MAX_ATTEMPTS;
    await tx
      .update(webhookDeliveries)
      .set({ status: giveUp ? "failed" : "pending", lastStatus: outcome.status, lastError: outcome.error, nextAttemptAt: sql`now() + make_interval(secs => ${retryDelayMs(d.attempts) / 1000})` })
      .where(eq(webhookDeliveries.id, d.id));
    const [streak] = rowsOf<{ failures: number; long_enough: boolean }>(
      await tx.execute(sql`
        UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, now())
        WHERE id = ${d.subscriptionId}
        RETURNING consecutive_failures AS failures, now() - failing_since >= make_interval(secs => ${policy.afterMs / 1000}) AS long_enough`),
    );
    if (!streak || Number(streak.failures) < policy.afterFailures || !streak.long_enough) return { disabled: false };
    return { disabled: await disableFailing(tx, d.subscription) };
  });
}

/** Disables a failing subscription (once: a second worker finds it disabled) and tells its owner's admins. */
async function disableFailing(tx: Tx, s: typeof webhookSubscriptions.$inferSelect): Promise<boolean> {
  const [done] = await tx
    .update(webhookSubscriptions)
    .set({ enabled: false, disabledReason: "failing", disabledAt: sql`now()` })
    .where(and(eq(webhookSubscriptions.id, s.id), eq(webhookSubscriptions.enabled, true)))
    .returning({ disabledAt: webhookSubscriptions.disabledAt, failures: webhookSubscriptions.consecutiveFailures, since: webhookSubscriptions.failingSince });
  if (!done) return false;
  const principal: Principal = s.organisationId ? { organisationId: s.organisationId } : { providerId: s.providerId! };
  const owner = principal.organisationId ? eq(memberships.organisationId, principal.organisationId) : eq(memberships.providerId, principal.providerId!);
  const admins = await tx
    .selectDistinct({ userId: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(owner, sql`${memberships.role} IN (${sql.join(integrationAdminRoles(principal).map((r) => sql`${r}`), sql`, `)})`));
  const at = done.disabledAt!.toISOString();
  if (admins.length) {
    await tx.execute(sql`
      INSERT INTO outbox (dedupe_key, user_id, to_email, status, locale, template, params)
      SELECT 'webhook-disabled:' || ${s.id} || ':' || ${at} || ':' || a.user_id, a.user_id, a.email, CASE WHEN a.email IS NOT NULL THEN 'pending'::outbox_status END, a.locale,
             ${NOTICE_TEMPLATE + WEBHOOK_DISABLED}, jsonb_build_object('url', ${s.url}::text)
      FROM jsonb_to_recordset(${JSON.stringify(admins.map((a) => ({ user_id: a.userId, email: a.email?.toLowerCase() ?? null, locale: a.locale ?? "en" })))}::jsonb) AS a(user_id text, email text, locale text)
      ON CONFLICT (dedupe_key) DO NOTHING`);
  }
  await tx.insert(auditLog).values({ actorUserId: null, entity: principal.organisationId ? "organisation" : "provider", entityId: principal.organisationId ?? principal.providerId!, action: "webhook_disabled_failing", data: { subscriptionId: s.id, url: s.url, failures: done.failures, failingSince: done.since }, at: done.disabledAt! });
  log.error("webhook.disabled", { subscriptionId: s.id, url: s.url, failures: done.failures });
  return true;
}

export interface WebhookRunResult {
  delivered: number;
  failed: number;
  disabled: number;
  /** When the next pending delivery of an enabled subscription falls due, if any. */
  nextDueAt: Date | null;
}

/**
 * Posts every delivery that is due, `concurrency` at a time (a slow receiver holds one lane,
 * not all); each lane claims one row at a time, so a kill leaves at most one per lane in flight.
 */
export async function deliverDueWebhooks(db: Db, { limit = 10_000, concurrency = 4, disable = defaultDisablePolicy() }: { limit?: number; concurrency?: number; disable?: DisablePolicy } = {}): Promise<WebhookRunResult> {
  const result: WebhookRunResult = { delivered: 0, failed: 0, disabled: 0, nextDueAt: null };
  let taken = 0;
  const lane = async () => {
    while (taken < limit) {
      const d = await claim(db);
      if (!d) return;
      taken++;
      const outcome = await attempt(d);
      const { disabled } = await record(db, d, outcome, disable);
      if (outcome.ok) result.delivered++;
      else result.failed++;
      if (disabled) result.disabled++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const [next] = rowsOf<{ at: string | Date | null }>(
    await db.execute(sql`SELECT min(d.next_attempt_at) AS at FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.status = 'pending' AND s.enabled`),
  );
  result.nextDueAt = next?.at ? new Date(next.at) : null;
  return result;
}
