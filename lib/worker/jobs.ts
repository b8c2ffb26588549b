/**
 * The worker's jobs. Each handler is idempotent and safe to run on several instances at
 * once; the queue only decides when they run. Queues use pg-boss's "short" policy: a
 * trigger while a run is queued coalesces with it (a burst makes one more run, not many),
 * and a run left active by a killed worker never blocks the next one.
 */
import type { Database } from "@/db/client";
import { now } from "@/lib/clock";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { log } from "@/lib/log";
import { deliverDue } from "@/lib/mail/deliver";
import { applyRetention } from "@/lib/retention/apply";
import { deleteExpiredFilings } from "@/lib/cases/filings";
import { deleteEndedSessions } from "@/lib/auth/sessions";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";

export const JOBS = {
  sweep: "deadline-sweep",
  mail: "mail-delivery",
  retention: "retention",
  webhooks: "webhook-delivery",
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Cron (UTC): the sweep and delivery every minute, retention nightly. */
export const SCHEDULES: Record<JobName, string> = {
  [JOBS.sweep]: "* * * * *",
  [JOBS.mail]: "* * * * *",
  [JOBS.retention]: "17 3 * * *",
  [JOBS.webhooks]: "* * * * *",
};

/** A delivery run (mail, webhooks) waits for retries falling due within this window rather than ending. */
const MAIL_WAIT_WINDOW_MS = 50_000;
const MAIL_RUN_LIMIT_MS = 5 * 60_000;

/** Runs `deliver` until nothing falls due within the wait window, or the run's time is up. */
async function deliveryRun(deliver: () => Promise<{ nextDueAt: Date | null }>) {
  const started = Date.now();
  for (;;) {
    const result = await deliver();
    const wait = result.nextDueAt ? result.nextDueAt.getTime() - Date.now() : Infinity;
    if (wait > MAIL_WAIT_WINDOW_MS || Date.now() - started > MAIL_RUN_LIMIT_MS) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 100)));
  }
}

/** The sweep's concurrent transactions on PostgreSQL (two cores measured; bench/README.md). */
export const SWEEP_LANES = 2;

export function handlers(database: Database, wake: (job: JobName) => Promise<void>): Record<JobName, () => Promise<void>> {
  const { db } = database;
  return {
    [JOBS.sweep]: async () => {
      const at = await now(db);
      const result = await sweepDeadlines(db, at, { lanes: database.kind === "postgres" ? SWEEP_LANES : 1 });
      log.info("sweep", { now: at.toISOString(), ...result });
      if (result.reminders || result.breaches || result.persistentFailures) await wake(JOBS.mail);
    },
    [JOBS.mail]: () =>
      deliveryRun(async () => {
        const result = await deliverDue(db);
        if (result.sent || result.failed) log.info("mail", { sent: result.sent, failed: result.failed });
        return result;
      }),
    [JOBS.webhooks]: () =>
      deliveryRun(async () => {
        const result = await deliverDueWebhooks(db);
        if (result.delivered || result.failed) log.info("webhooks", { delivered: result.delivered, failed: result.failed, disabled: result.disabled });
        // A disabled subscription's admins are told by mail.
        if (result.disabled) await wake(JOBS.mail);
        return result;
      }),
    [JOBS.retention]: async () => {
      const at = await now(db);
      const result = await applyRetention(db, at);
      log.info("retention", { ...result, endedSessions: await deleteEndedSessions(db), expiredFilings: await deleteExpiredFilings(db, at) });
    },
  };
}
