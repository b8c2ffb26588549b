/**
 * The retention period, as administrators set it: a settings row, else RECOURSE_RETENTION_DAYS,
 * else three years. Every change is audited with what it replaced.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog, settings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/policy";
import { ValidationError } from "@/lib/errors";

const POLICY_KEY = "retention.closed_case_days";
/** Default: three years after a closed case's last event. */
export const DEFAULT_RETENTION_DAYS = 3 * 365;
/** At least a month (time to ask for a copy), at most ten years. */
export const RETENTION_DAYS_RANGE = { min: 30, max: 3650 } as const;

export const retentionDaysSchema = z.coerce.number().int().min(RETENTION_DAYS_RANGE.min).max(RETENTION_DAYS_RANGE.max);

export interface RetentionPolicy {
  days: number;
  source: "setting" | "environment" | "default";
}

/** RECOURSE_RETENTION_DAYS when it holds a whole number of days, else null. */
function environmentDays(): number | null {
  const fromEnv = Number(process.env.RECOURSE_RETENTION_DAYS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : null;
}

async function currentPolicy(db: Db | Tx): Promise<RetentionPolicy> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, POLICY_KEY));
  if (typeof row?.value === "number" && row.value > 0) return { days: row.value, source: "setting" };
  const fromEnv = environmentDays();
  return fromEnv ? { days: fromEnv, source: "environment" } : { days: DEFAULT_RETENTION_DAYS, source: "default" };
}

/** The period the retention job applies (the job acts for nobody, so no actor). */
export async function retentionDays(db: Db | Tx): Promise<number> {
  return (await currentPolicy(db)).days;
}

/** What is in force, with the fallbacks beneath a stored setting: the environment's figure and the default. */
export async function retentionPolicy(db: Db, actor: Actor): Promise<RetentionPolicy & { environment: number | null; fallback: number }> {
  requireAdmin(actor);
  return { ...(await currentPolicy(db)), environment: environmentDays(), fallback: DEFAULT_RETENTION_DAYS };
}

/**
 * Sets the retention period. A shorter one erases more at the next nightly run, for good: it
 * needs `confirmedShorter`, the administrator's explicit yes.
 */
export async function updateRetentionPolicy(db: Db, actor: Actor, days: unknown, now: Date, { confirmedShorter = false } = {}): Promise<RetentionPolicy> {
  requireAdmin(actor);
  const parsed = retentionDaysSchema.safeParse(days);
  if (!parsed.success) throw new ValidationError({ retentionDays: ["retention_range"] });
  return db.transaction(async (tx) => {
    const before = await currentPolicy(tx);
    if (parsed.data < before.days && !confirmedShorter) throw new ValidationError({ confirmShorter: ["confirm_shorter_retention"] });
    await tx.insert(settings).values({ key: POLICY_KEY, value: parsed.data }).onConflictDoUpdate({ target: settings.key, set: { value: parsed.data, updatedAt: now } });
    await tx.insert(auditLog).values({
      actorUserId: actor.kind === "user" ? actor.userId : null,
      entity: "policy",
      entityId: POLICY_KEY,
      action: "retention_changed",
      data: { from: before.days, fromSource: before.source, to: parsed.data },
      at: now,
    });
    return { days: parsed.data, source: "setting" as const };
  });
}
