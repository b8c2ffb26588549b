/**
 * Demo and test mode only: move the server's clock (the CLI `npm run clock` calls this when
 * the app is running, since an embedded database has one process at a time). Moving it
 * forward runs the deadline sweep at once, so reminders and breaches follow the jump
 * without waiting for the worker's next minute (the sweep is idempotent either way).
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { clockAdjustable, clockOffset, now, parseDuration, setClockOffset } from "@/lib/clock";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { JOBS } from "@/lib/worker/jobs";
import { wake } from "@/lib/worker/start";

export const dynamic = "force-dynamic";

const bodySchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("advance"), by: z.string().max(20) }),
  z.object({ action: z.literal("reset") }),
  z.object({ action: z.literal("show") }),
]);

async function state() {
  const db = await getDb();
  return { now: (await now(db)).toISOString(), offsetMs: await clockOffset(db) };
}

export async function GET() {
  if (!clockAdjustable()) return Response.json({ error: "not_found" }, { status: 404 });
  return Response.json(await state());
}

export async function POST(request: Request) {
  if (!clockAdjustable()) return Response.json({ error: "not_found" }, { status: 404 });
  const json = await request.json().catch(() => undefined);
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return Response.json({ error: "invalid_request", detail: "expected {action: advance|reset|show, by?: '46d'}" }, { status: 400 });
  const db = await getDb();
  if (parsed.data.action === "advance") {
    const ms = parseDuration(parsed.data.by);
    if (ms === null) return Response.json({ error: "invalid_duration", detail: "use e.g. 46d, 12h, 30m" }, { status: 400 });
    await setClockOffset(db, (await clockOffset(db)) + ms);
    const sweep = await sweepDeadlines(db, await now(db));
    await wake(JOBS.mail);
    return Response.json({ ...(await state()), sweep });
  } else if (parsed.data.action === "reset") {
    await setClockOffset(db, 0);
  }
  return Response.json(await state());
}
