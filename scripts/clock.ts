/**
 * `npm run clock -- advance 46d | reset | show`: moves "now" for the server and any worker,
 * in demo or test mode. With the app running it asks the app (an embedded database allows
 * one process at a time); otherwise it writes the database directly.
 */
import { openDatabase } from "@/db/client";
import { clockOffset, now, parseDuration, setClockOffset } from "@/lib/clock";
import { sweepDeadlines, type SweepResult } from "@/lib/deadlines/sweep";
import { JOBS } from "@/lib/worker/jobs";
import { startQueue } from "@/lib/worker/start";

const [action = "show", by] = process.argv.slice(2);
if (!["advance", "reset", "show"].includes(action) || (action === "advance" && (!by || parseDuration(by) === null))) {
  console.error("usage: npm run clock -- advance 46d | reset | show");
  process.exit(2);
}
const url = `${(process.env.RECOURSE_URL ?? "http://localhost:3000").replace(/\/$/, "")}/api/dev/clock`;

type ClockState = { now: string; offsetMs: number; sweep?: SweepResult };

async function viaServer(): Promise<ClockState | null> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action, by }) });
    if (response.status === 404) throw new Error("The running app is not in demo or test mode: its clock cannot be moved.");
    if (!response.ok) throw new Error(`The app answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as ClockState;
  } catch (error) {
    if (error instanceof TypeError) return null; // not running
    throw error;
  }
}

async function direct(): Promise<ClockState> {
  process.env.RECOURSE_DEMO ??= "1";
  const database = await openDatabase();
  try {
    let sweep: SweepResult | undefined;
    if (action === "advance") {
      await setClockOffset(database.db, (await clockOffset(database.db)) + parseDuration(by!)!);
      sweep = await sweepDeadlines(database.db, await now(database.db));
      // Tell a worker running apart (PostgreSQL) to deliver what the sweep queued.
      if (database.kind === "postgres") {
        const queue = await startQueue(database, { worker: false });
        await queue.wake(JOBS.mail);
        await queue.stop();
      }
    }
    if (action === "reset") await setClockOffset(database.db, 0);
    return { now: (await now(database.db)).toISOString(), offsetMs: await clockOffset(database.db), sweep };
  } finally {
    await database.close();
  }
}

const state = (await viaServer()) ?? (await direct());
console.log(`now: ${state.now} (offset ${Math.round(state.offsetMs / 3_600_000)} h)`);
if (state.sweep) console.log(`deadline sweep: ${state.sweep.reminders} reminders, ${state.sweep.breaches} cases with missed deadlines, ${state.sweep.persistentFailures} remedies long overdue`);
