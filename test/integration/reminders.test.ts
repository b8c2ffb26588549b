/**
 * The sweep selects and claims clocks by reminder instants written in SQL; the rule is the
 * ladder's (lib/ladder/reminders.ts). On both databases, the SQL gives the ladder's answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { reminderAt, reminderDue } from "@/lib/deadlines/reminder-instants";
import { DAY_MS, firstReminderAt, reminderDue as ladderReminderDue } from "@/lib/ladder";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";

const HOUR = 3_600_000;
const BASE = Date.parse("2026-03-27T04:59:59.999Z");
/** Clocks of many lengths (an hour to 60 days), due at a day's end, and instants around their reminders. */
const SAMPLES = [1 / 24, 0.5, 1, 1.5, 2, 2.01, 3, 8, 8.5, 9, 9.01, 10, 30, 45, 60].flatMap((length) =>
  [-10, -8.01, -8, -7.99, -2.01, -2, -1.99, -0.5, 0.1].map((offset) => ({ started: new Date(BASE - length * DAY_MS), due: new Date(BASE), now: new Date(BASE + offset * DAY_MS + HOUR) })),
);

describe.each(KINDS)("reminder instants on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.close());

  it("the sweep's SQL and the ladder agree on the first reminder, the next one, and the one due now", async () => {
    for (const { started, due, now } of SAMPLES) {
      const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
      const [row] = rowsOf(
        await database.db.execute<Record<string, unknown>>(sql`SELECT ${reminderAt(at(due), at(started))} AS first, ${reminderAt(at(due), at(started), sql`2`)} AS next, ${reminderDue(at(due), at(now))} AS due`),
      );
      const time = (v: unknown) => (v == null ? null : new Date(String(v)).getTime());
      const label = `${started.toISOString()} → ${due.toISOString()} at ${now.toISOString()}`;
      expect(time(row!.first), label).toBe(firstReminderAt(started, due)?.getTime() ?? null);
      expect(time(row!.next), label).toBe(firstReminderAt(started, due, 2)?.getTime() ?? null);
      expect(row!.due == null ? null : Number(row!.due), label).toBe(ladderReminderDue(due, now));
    }
  });
});
