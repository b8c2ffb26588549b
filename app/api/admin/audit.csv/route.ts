import { stringify } from "csv-stringify/sync";
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { auditFilterSchema, listAuditEntries } from "@/lib/admin/audit-log";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The audit log as the viewer filters it, as CSV (UTC times, one row per entry, at most 10,000). */
export async function GET(request: NextRequest) {
  const filter = auditFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  try {
    const { entries } = await listAuditEntries(await getDb(), await currentActor(), { ...filter, before: undefined }, 10_000);
    const csv = stringify([["seq", "at (UTC)", "who", "entity", "entity id", "action", "details"], ...entries.map((e) => [e.seq, e.at.toISOString(), e.actor ?? "Recourse", e.entity, e.entityId, e.action, JSON.stringify(e.data)])]);
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="recourse-audit-log.csv"', "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
