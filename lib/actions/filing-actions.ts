"use server";
/**
 * Filing a complaint from the form, through the action pipeline: the payload is parsed with
 * the same zod schema as the browser used, the files are checked by content, and nothing is
 * stored unless all of it passes. Errors come back as message keys per field, all of them.
 */
import { z } from "zod";
import { checkAttachments } from "@/lib/cases/attachments";
import { fieldErrorsOf, fileCase } from "@/lib/cases/commands";
import { filingSchema } from "@/lib/cases/filing-schema";
import { RuleError, ValidationError } from "@/lib/errors";
import { calendarDay } from "@/lib/ladder";
import { limitsFor, rateLimited } from "@/lib/rate-limit";
import { formAction } from "./form-action";
import { many } from "./pipeline";

export interface FiledComplaint {
  reference: string;
  /** The company's response date (a calendar day), or null while the complaint is being delivered. */
  responseDueAt: string | null;
  /** The 45 days, counted from an earlier contact the complainant documented, had already run out (R2.1). */
  responseOverdue: boolean;
  organisationName: string;
  email: string;
}

const filingForm = z.object({ payload: z.string().max(100_000), files: many(z.instanceof(File)) });

export const submitComplaint = formAction(filingForm, async (input, { db, now, meta }) => {
  let payload: unknown;
  try {
    payload = JSON.parse(input.payload);
  } catch {
    throw new ValidationError({ _form: ["invalid"] });
  }
  const email = typeof (payload as { email?: unknown })?.email === "string" ? (payload as { email: string }).email : null;
  if (await rateLimited(db, limitsFor("filing", email, meta.ip, 10, 20))) throw new RuleError({ code: "rate_limited" });
  const checked = await checkAttachments(await Promise.all(input.files.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) }))));
  if (checked.errors.length) {
    // Report the form's own errors together with the files'.
    const parsed = filingSchema.safeParse(payload);
    throw new ValidationError({ ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), files: checked.errors });
  }
  try {
    const filed = await fileCase(db, payload, now, meta, checked.ok);
    const result: FiledComplaint = {
      reference: filed.reference,
      responseDueAt: filed.responseDueAt ? calendarDay(filed.responseDueAt, filed.organisationZone).toISOString() : null,
      responseOverdue: !!filed.responseDueAt && filed.responseDueAt.getTime() < now.getTime(),
      organisationName: filed.organisationName,
      email: String((payload as { email?: string }).email ?? "").trim().toLowerCase(),
    };
    return { done: "filed", result };
  } catch (error) {
    // The ladder's refusals of a filing are about the country or the company, said in the form's words.
    if (!(error instanceof RuleError)) throw error;
    if (error.reason.code.startsWith("not_covered")) throw new ValidationError({ country: ["country_not_covered"] });
    throw new RuleError({ code: error.reason.code.startsWith("not_participant") ? "not_participant" : "invalid" });
  }
});
