/**
 * When a clock's reminders fall due (policy: 7 and 1 days before). A clock is due at the end
 * of a day, so "t days before" begins when the due day is t calendar days away: at due − (t+1)
 * days. A reminder must come at least a day after the clock started, or it says nothing new.
 * The deadline sweep selects clocks by the same instants in SQL (lib/deadlines/reminder-instants.ts);
 * a test holds the two to the same answers.
 */
import { DAY_MS } from "./calendar";
import { DEFAULT_POLICY } from "./policy";

/** Days before a due date at which a reminder goes (the breach itself is not a reminder). */
export const REMINDER_DAYS: readonly number[] = DEFAULT_POLICY.reminderThresholds.filter((t) => t > 0);

/** The instant a reminder `days` before `dueAt` begins. */
export function reminderInstant(dueAt: Date, days: number): Date {
  return new Date(dueAt.getTime() - (days + 1) * DAY_MS);
}

/** Whether a reminder `days` before comes at least a day after the clock started. */
export function worthReminding(startedAt: Date, dueAt: Date, days: number): boolean {
  return reminderInstant(dueAt, days).getTime() > startedAt.getTime() + DAY_MS;
}

/** The first reminder's instant (keeping to those more urgent than `below` days, if given), or null when none is left. */
export function firstReminderAt(startedAt: Date, dueAt: Date, below?: number): Date | null {
  const days = REMINDER_DAYS.filter((t) => worthReminding(startedAt, dueAt, t) && (below === undefined || t < below));
  return days.length ? reminderInstant(dueAt, Math.max(...days)) : null;
}

/** The most urgent reminder whose instant has passed at `now`, in days, or null. */
export function reminderDue(dueAt: Date, now: Date): number | null {
  const passed = REMINDER_DAYS.filter((t) => reminderInstant(dueAt, t).getTime() < now.getTime());
  return passed.length ? Math.min(...passed) : null;
}
