/**
 * Rate limits on every path that sends mail or files a complaint, counted in the database so
 * that every app instance shares them: a fixed one-minute window per key, where a key names
 * what is limited and for whom — the target (an e-mail address) always, and the client's
 * address when a trusted proxy gave one.
 *
 * The client's address comes only from a proxy Recourse was told to trust
 * (`RECOURSE_TRUSTED_PROXIES`: how many proxies stand in front of the app; each appends the
 * address it saw to X-Forwarded-For, so the client is that many entries from the end). Without
 * one, a client-sent header is ignored, and limits fall on the target address alone.
 */
import { lt, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export interface Limit {
  key: string;
  perMinute: number;
}

/** The client's address as the trusted proxies report it, or null when none is trusted. */
export function clientAddress(headers: Headers, trustedProxies = Number(process.env.RECOURSE_TRUSTED_PROXIES ?? 0)): string | null {
  if (!Number.isInteger(trustedProxies) || trustedProxies < 1) return null;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops.length >= trustedProxies ? hops[hops.length - trustedProxies]! : null;
}

/** The limits for one request: per target always, per client address when known. */
export function limitsFor(action: string, target: string | null, client: string | null, perTarget: number, perClient: number): Limit[] {
  return [
    ...(target ? [{ key: `${action}:to:${target.trim().toLowerCase()}`, perMinute: perTarget }] : []),
    ...(client ? [{ key: `${action}:from:${client}`, perMinute: perClient }] : []),
  ];
}

/** Counts one hit on each limit and says whether any is now over. The tests switch it off with RECOURSE_RATE_LIMIT=off. */
export async function rateLimited(db: Db, limits: Limit[], now = new Date()): Promise<boolean> {
  if (process.env.RECOURSE_RATE_LIMIT === "off" || !limits.length) return false;
  const window = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  let over = false;
  for (const { key, perMinute } of limits) {
    const result = await db.execute<{ hits: number }>(sql`
      INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${window.toISOString()}::timestamptz, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
      RETURNING hits`);
    if (Number(rowsOf(result)[0]?.hits ?? 0) > perMinute) over = true;
  }
  // Old minutes go now and then; nothing reads them.
  if (Math.random() < 0.01) await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(window.getTime() - 3_600_000)));
  return over;
}
