"use server";
/**
 * Filing a complaint from the form: the payload is parsed with the same zod schema as the
 * browser used, the files are checked by content, and nothing is stored unless all of it
 * passes. Errors come back as message keys per field, all of them.
 */
import { getDb } from "@/db/client";
import { checkAttachments } from "@/lib/cases/attachments";
import { fieldErrorsOf, fileCase } from "@/lib/cases/commands";
import { calendarDay } from "@/lib/ladder";
import { filingSchema } from "@/lib/cases/filing-schema";
import { now } from "@/lib/clock";
import { RuleError, ValidationError, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";
import { rateLimited } from "@/lib/rate-limit";
import { requestMeta } from "./request-meta";

export type FilingResult =
  | { ok: true; reference: string; responseDueAt: string | null; organisationName: string; email: string }
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

export async function submitComplaint(form: FormData): Promise<FilingResult> {
  const meta = await requestMeta();
  if (rateLimited(`filing:${meta.ip ?? "local"}`, 20)) return { ok: false, fieldErrors: {}, formError: "rate_limited" };
  let payload: unknown;
  try {
    payload = JSON.parse(String(form.get("payload") ?? ""));
  } catch {
    return { ok: false, fieldErrors: {}, formError: "invalid" };
  }
  const uploads = form.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
  const files = await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })));
  const checked = await checkAttachments(files);
  try {
    if (checked.errors.length) {
      // Report the form's own errors together with the files'.
      const parsed = filingSchema.safeParse(payload);
      return { ok: false, fieldErrors: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), files: checked.errors } };
    }
    const db = await getDb();
    const filed = await fileCase(db, payload, await now(db), meta, checked.ok);
    return { ok: true, reference: filed.reference, responseDueAt: filed.responseDueAt ? calendarDay(filed.responseDueAt, filed.organisationZone).toISOString() : null, organisationName: filed.organisationName, email: String((payload as { email?: string }).email ?? "").trim().toLowerCase() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, fieldErrors: error.fieldErrors };
    if (error instanceof RuleError) {
      const code = error.reason.code.startsWith("not_covered") ? "country_not_covered" : error.reason.code.startsWith("not_participant") ? "not_participant" : "invalid";
      return code === "country_not_covered" ? { ok: false, fieldErrors: { country: [code] } } : { ok: false, fieldErrors: {}, formError: code };
    }
    return { ok: false, fieldErrors: {}, formError: `internal:${logError(error)}` };
  }
}
