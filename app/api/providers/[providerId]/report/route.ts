import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { reportRows } from "@/lib/reports/annual-report";
import { providerAnnualReport } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

/** The annual report as JSON (default) or CSV (?format=csv), for ?year=YYYY. */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const search = new URL(request.url).searchParams;
  const year = Number(search.get("year"));
  if (!Number.isInteger(year) || year < 2016 || year > 2100) return Response.json({ error: "invalid_year" }, { status: 400 });
  try {
    const db = await getDb();
    const { report } = await providerAnnualReport(db, await currentActor(), providerId, year, await now(db));
    if (search.get("format") === "csv") {
      return new Response(stringify([["section", "key", "value"], ...reportRows(report)]), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="annual-report-${year}.csv"`, "cache-control": "private, no-store" },
      });
    }
    return Response.json(report, { headers: { "content-disposition": `attachment; filename="annual-report-${year}.json"`, "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
