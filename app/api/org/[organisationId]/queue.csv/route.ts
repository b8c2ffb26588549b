import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { organisationQueue, parseQueueFilter } from "@/lib/cases/queue";
import { now } from "@/lib/clock";
import { calendarDay } from "@/lib/ladder";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export const dynamic = "force-dynamic";

/** A cell a spreadsheet would run as a formula is prefixed so it stays text (CSV injection). */
const cell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The queue as CSV, with the same filters as the page; up to 10,000 rows. */
export async function GET(request: Request, { params }: { params: Promise<{ organisationId: string }> }) {
  const { organisationId } = await params;
  if (!isUuid(organisationId)) return Response.json({ error: "not_found" }, { status: 404 });
  const filter = { ...parseQueueFilter(Object.fromEntries(new URL(request.url).searchParams)), page: 1 };
  try {
    const db = await getDb();
    const { rows, zone } = await organisationQueue(db, await currentActor(), organisationId, filter, await now(db), 10_000);
    // Days, not instants: the calendar day the organisation's people read on its pages (its time zone, named in the header).
    const day = (d: Date | null) => (d ? calendarDay(d, zone).toISOString().slice(0, 10) : "");
    const csv = stringify([
      ["reference", `filed_on (${zone})`, "complainant", "framework", "hr_data", "step", "status", `next_deadline_on (${zone})`, "next_deadline_owed_by", "assignee"],
      ...rows.map((r) => [r.reference, day(r.createdAt), cell(r.complainantName), r.framework, r.hrData ? "yes" : "no", r.rung, r.status, day(r.nextDueAt), r.owedBy ?? "", cell(r.assigneeName ?? "")]),
    ]);
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="recourse-queue.csv"', "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
