import { stringify } from "csv-stringify/sync";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
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

/**
 * The queue as CSV, with the same filters as the page; up to 10,000 rows. Read by people in a
 * spreadsheet: headings and values in the reader's language (?locale=de), days as the
 * organisation's pages show them, and a byte-order mark so spreadsheets read it as UTF-8.
 */
export async function GET(request: Request, { params }: { params: Promise<{ organisationId: string }> }) {
  const { organisationId } = await params;
  if (!isUuid(organisationId)) return Response.json({ error: "not_found" }, { status: 404 });
  const search = new URL(request.url).searchParams;
  const filter = { ...parseQueueFilter(Object.fromEntries(search)), page: 1 };
  const requested = search.get("locale");
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  try {
    const db = await getDb();
    const { rows, zone } = await organisationQueue(db, await currentActor(), organisationId, filter, await now(db), 10_000);
    // Days, not instants: the filing day in the organisation's zone (named in the header), a
    // deadline's day in its own clock's zone (named beside it), as the pages show them.
    const day = (d: Date | null, z = zone) => (d ? calendarDay(d, z).toISOString().slice(0, 10) : "");
    const t = (await getTranslations({ locale })) as unknown as (key: string, values?: Record<string, string>) => string;
    const csv = stringify([
      ["reference", "filedOn", "complainant", "framework", "hrData", "step", "status", "nextDeadlineOn", "nextDeadlineZone", "owedBy", "assignee"].map((h) => t(`queueCsv.${h}`, { zone })),
      ...rows.map((r) => [
        r.reference,
        day(r.createdAt),
        cell(r.complainantName),
        t(`ladder.framework.${r.framework}`),
        t(r.hrData ? "queueCsv.yes" : "queueCsv.no"),
        t(`ladder.rung.${r.rung}`),
        t(r.status === "closed" ? "cases.closed" : "cases.open"),
        day(r.nextDueAt, r.dueZone ?? zone),
        r.nextDueAt ? (r.dueZone ?? zone) : "",
        r.owedBy ? t(`party.${r.owedBy}`) : "",
        cell(r.assigneeName ?? ""),
      ]),
    ]);
    return new Response(`\uFEFF${csv}`, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="recourse-queue.csv"', "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
