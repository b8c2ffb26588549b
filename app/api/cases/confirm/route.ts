/**
 * Confirming a filing by API: the token from the confirmation mail's link, JSON only. The same
 * function as the page's button; the link used again answers with the case it made (200).
 */
import { getDb } from "@/db/client";
import { confirmFiling } from "@/lib/cases/filings";
import { now } from "@/lib/clock";
import { RuleError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { clientAddress } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return Response.json({ error: "unsupported_media_type" }, { status: 415 });
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return Response.json({ error: "cross_origin" }, { status: 403 });
  const body = (await request.json().catch(() => null)) as { token?: unknown } | null;
  if (typeof body?.token !== "string" || body.token.length > 200) return Response.json({ error: "invalid", fieldErrors: { token: ["required"] } }, { status: 400 });
  const db = await getDb();
  try {
    const filed = await confirmFiling(db, body.token, await now(db), { ip: clientAddress(request.headers), userAgent: request.headers.get("user-agent") });
    return Response.json(
      { status: "filed", caseId: filed.caseId, reference: filed.reference, responseDueAt: filed.responseDueAt?.toISOString() ?? null, organisation: filed.organisationName },
      { status: filed.created ? 201 : 200 },
    );
  } catch (error) {
    if (error instanceof RuleError) return Response.json({ error: "refused", reason: error.reason.code }, { status: error.reason.code.startsWith("filing_link") ? 410 : 422 });
    return Response.json({ error: "internal", ref: logError(error) }, { status: 500 });
  }
}
