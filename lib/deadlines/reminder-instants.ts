/**
 * The ladder's reminder instants (lib/ladder/reminders.ts) as SQL over a deadline row's
 * `due_at` and `started_at`, for the sweep to select and claim clocks in one statement: the
 * projection stores the first on the row (`remind_at`) and the sweep moves it on to the next
 * as it claims each one, so a sweep reads only the clocks whose reminder has come. The rule is
 * the ladder's; test/integration/reminders.test.ts holds this SQL to the same answers.
 */
import { sql, type SQL } from "drizzle-orm";
import { REMINDER_DAYS } from "@/lib/ladder";

/** The reminder days as an SQL array, to unnest. */
export const reminderDays = () => sql`ARRAY[${sql.join(REMINDER_DAYS.map((t) => sql`${t}::int`), sql`, `)}]`;

/** The instant a reminder `t` days before `due` begins. */
export const reminderInstant = (due: SQL, t: SQL) => sql`${due} - make_interval(days => ${t} + 1)`;

/**
 * The first reminder's instant, or null when the clock is too short for any. `below`, when
 * given, keeps to reminders more urgent than that many days (the next after one sent).
 */
export function reminderAt(due: SQL, started: SQL, below?: SQL): SQL {
  return sql`(SELECT ${reminderInstant(due, sql`max(t)`)} FROM unnest(${reminderDays()}) AS t
    WHERE ${reminderInstant(due, sql`t`)} > ${started} + interval '1 day' ${below ? sql`AND t < ${below}` : sql``})`;
}

/** The most urgent reminder whose instant has passed at `now`, in days, or null. */
export function reminderDue(due: SQL, now: SQL): SQL {
  return sql`(SELECT min(t) FROM unnest(${reminderDays()}) AS t WHERE ${reminderInstant(due, sql`t`)} < ${now})`;
}

/** Whether a reminder `t` days before comes at least a day after the clock started. */
export function worthReminding(due: SQL, started: SQL, t: SQL): SQL {
  return sql`${reminderInstant(due, t)} > ${started} + interval '1 day'`;
}
