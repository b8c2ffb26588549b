/**
 * The server's one clock. In demo or test mode only, an offset stored in the database moves
 * "now" for the web server and every worker at once (`npm run clock -- advance 46d`);
 * production ignores it.
 */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { settings } from "@/db/schema";
import { demoMode, testMode } from "@/lib/demo";

const OFFSET_KEY = "clock.offset_ms";

export function clockAdjustable(): boolean {
  return demoMode() || testMode();
}

export async function clockOffset(db: Db | Tx): Promise<number> {
  if (!clockAdjustable()) return 0;
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, OFFSET_KEY));
  return typeof row?.value === "number" ? row.value : 0;
}

export async function now(db: Db | Tx): Promise<Date> {
  return new Date(Date.now() + (await clockOffset(db)));
}

export async function setClockOffset(db: Db, offsetMs: number): Promise<void> {
  if (!clockAdjustable()) throw new Error("The clock can only be moved in demo or test mode (RECOURSE_DEMO=1).");
  await db
    .insert(settings)
    .values({ key: OFFSET_KEY, value: offsetMs })
    .onConflictDoUpdate({ target: settings.key, set: { value: offsetMs, updatedAt: new Date() } });
}

/** Parses "46d", "12h", "30m", "-2d" into milliseconds. */
export function parseDuration(text: string): number | null {
  const match = /^(-?\d+)([dhm])$/.exec(text.trim());
  if (!match) return null;
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as "d" | "h" | "m"];
  return Number(match[1]) * unit;
}
