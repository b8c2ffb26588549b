/**
 * Starts the job queue in this process: as a worker (schedules and handlers, and the listener
 * for replies by e-mail when configured) or, with `worker: false`, only to trigger jobs that a
 * separate worker runs (`npm run worker`).
 */
import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { log } from "@/lib/log";
import { createBoss } from "./boss";
import { handlers, JOBS, SCHEDULES, type JobName } from "./jobs";
import { inboundSettings } from "@/lib/mail/inbound-settings";
import type { InboundListener } from "@/lib/mail/inbound-server";

export interface RunningQueue {
  boss: PgBoss;
  wake(job: JobName): Promise<void>;
  stop(): Promise<void>;
}

const globalForQueue = globalThis as unknown as { __recourseQueue?: RunningQueue };

export async function startQueue(database: Database, { worker }: { worker: boolean }): Promise<RunningQueue> {
  const boss = createBoss(database, { worker });
  boss.on("error", (error) => log.error("queue.error", { error: String(error) }));
  await boss.start();
  for (const name of Object.values(JOBS)) {
    await boss.createQueue(name, { name, policy: "short", retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 15 * 60 });
  }
  const wake = async (job: JobName) => {
    await boss.send(job, {});
    // The transactions that write mail write webhook deliveries too: a wake for mail is one for
    // webhooks (a run that finds nothing due costs one indexed query).
    if (job === JOBS.mail) await boss.send(JOBS.webhooks, {});
  };
  if (worker) {
    const run = handlers(database, wake);
    for (const name of Object.values(JOBS)) {
      await boss.schedule(name, SCHEDULES[name], {}, { tz: "UTC" });
      // Mail and webhooks get two fetchers, so what is new is not held behind a run waiting for a retry.
      for (let i = 0; i < (name === JOBS.mail || name === JOBS.webhooks ? 2 : 1); i++) {
        await boss.work(name, { pollingIntervalSeconds: 1 }, async () => {
          await run[name]();
        });
      }
    }
    await wake(JOBS.sweep);
    await wake(JOBS.mail);
    await wake(JOBS.webhooks);
  }
  // Replies by e-mail: the worker listens for them only when configured.
  const settings = worker ? inboundSettings() : null;
  const inbound: InboundListener | null = settings ? await (await import("@/lib/mail/inbound-server")).startInbound(database.db, settings) : null;
  const queue: RunningQueue = {
    boss,
    wake,
    stop: async () => {
      if (globalForQueue.__recourseQueue === queue) globalForQueue.__recourseQueue = undefined;
      await inbound?.close();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
  globalForQueue.__recourseQueue = queue;
  log.info("queue.started", { worker, database: database.kind });
  return queue;
}

/** Asks for a job to run soon; without a queue in this process (tests, scripts), nothing. */
export async function wake(job: JobName): Promise<void> {
  const queue = globalForQueue.__recourseQueue;
  if (!queue) return;
  try {
    await queue.wake(job);
  } catch (error) {
    // The schedule runs it within a minute anyway.
    log.error("queue.wake", { job, error: String(error) });
  }
}
