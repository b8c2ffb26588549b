/**
 * Filing by API: the same command, schema and rules as the form (JSON only, without
 * evidence files), for a DPA or an advocate that forwards complaints, and for the filing
 * benchmarks. Like the form's, the filing waits for the complainant to confirm their
 * address from the mailed link (202); a key already confirmed answers with its case (200).
 */
import { getDb } from "@/db/client";
import { submitFiling } from "@/lib/cases/filings";
import { now } from "@/lib/clock";
import { RuleError, ValidationError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { clientAddress, limitsFor, rateLimited } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

const MAX_BODY = 64 * 1024;

export async function POST(request: Request) {
  // JSON only: a cross-site HTML form cannot send it without the browser asking first (CORS).
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return Response.json({ error: "unsupported_media_type" }, { status: 415 });
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return Response.json({ error: "cross_origin" }, { status: 403 });
  const ip = clientAddress(request.headers);
  const text = await request.text();
  if (text.length > MAX_BODY) return Response.json({ error: "too_large" }, { status: 413 });
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return Response.json({ error: "invalid_json" }, { status: 400 });
  }
  const db = await getDb();
  const email = typeof (payload as { email?: unknown })?.email === "string" ? (payload as { email: string }).email : null;
  if (await rateLimited(db, limitsFor("filing", email, ip, 10, 20))) return Response.json({ error: "rate_limited" }, { status: 429, headers: { "retry-after": "60" } });
  try {
    const sent = await submitFiling(db, payload, await now(db), { ip, userAgent: request.headers.get("user-agent") }, [], null);
    if (sent.kind === "confirm") return Response.json({ status: "awaiting_confirmation", email: sent.email, organisation: sent.organisationName, expiresAt: sent.expiresAt.toISOString() }, { status: 202 });
    const filed = sent.filed;
    return Response.json({ status: "filed", caseId: filed.caseId, reference: filed.reference, responseDueAt: filed.responseDueAt?.toISOString() ?? null, organisation: filed.organisationName }, { status: 200 });
  } catch (error) {
    if (error instanceof ValidationError) return Response.json({ error: "invalid", fieldErrors: error.fieldErrors }, { status: 400 });
    if (error instanceof RuleError) return Response.json({ error: "refused", reason: error.reason.code }, { status: 422 });
    return Response.json({ error: "internal", ref: logError(error) }, { status: 500 });
  }
}
