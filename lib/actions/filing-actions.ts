"use server";
/**
 * Filing a complaint from the form, through the action pipeline: the payload is parsed with
 * the same zod schema as the browser used, the files are checked by content, and nothing is
 * stored unless all of it passes. Errors come back as message keys per field, all of them.
 * What passes waits for its address to be confirmed (lib/cases/filings.ts) unless the sender
 * is signed in with that address.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkAttachments } from "@/lib/cases/attachments";
import { fieldErrorsOf, type FiledCase } from "@/lib/cases/commands";
import { confirmFiling, replyDayOf, submitFiling } from "@/lib/cases/filings";
import { filingSchema } from "@/lib/cases/filing-schema";
import { RuleError, ValidationError } from "@/lib/errors";
import { limitsFor, rateLimited } from "@/lib/rate-limit";
import { formAction } from "./form-action";
import { many } from "./pipeline";
import { startSessionCookie } from "./session-cookie";

export interface FiledComplaint {
  kind: "filed";
  caseId: string;
  reference: string;
  /** The company's response date (a calendar day), or null while the complaint is being delivered. */
  responseDueAt: string | null;
  /** The 45 days, counted from an earlier contact the complainant documented, had already run out (R2.1). */
  responseOverdue: boolean;
  organisationName: string;
  email: string;
  /** This browser is signed in as the complainant: the case opens without another mail. */
  signedIn: boolean;
}

/** Sent, and waiting for the complainant to confirm their address from the mailed link. */
export interface PendingComplaint {
  kind: "confirm";
  organisationName: string;
  email: string;
  /** The last calendar day the link works (UTC). */
  expiresAt: string;
}

export type SentComplaint = FiledComplaint | PendingComplaint;

function filedComplaint(filed: FiledCase, now: Date, email: string, signedIn: boolean): FiledComplaint {
  const { responseDueAt, responseOverdue } = replyDayOf(filed, now);
  return {
    kind: "filed",
    caseId: filed.caseId,
    reference: filed.reference,
    responseDueAt: responseDueAt?.toISOString() ?? null,
    responseOverdue,
    organisationName: filed.organisationName,
    email,
    signedIn,
  };
}

/** The ladder's refusals of a filing are about the country or the company, said in the form's words. */
function inFormWords(error: unknown): never {
  if (!(error instanceof RuleError)) throw error;
  if (error.reason.code.startsWith("not_covered")) throw new ValidationError({ country: ["country_not_covered"] });
  if (error.reason.code.startsWith("filing_link")) throw error;
  throw new RuleError({ code: error.reason.code.startsWith("not_participant") ? "not_participant" : "invalid" });
}

const filingForm = z.object({ payload: z.string().max(100_000), files: many(z.instanceof(File)), resend: z.literal("1").optional() });

export const submitComplaint = formAction(filingForm, async (input, { db, now, meta, actor }) => {
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
    // `refusedFiles` names them, so the form can say which file to replace.
    throw new ValidationError({ ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), files: checked.errors, ...(checked.refused.length ? { refusedFiles: checked.refused } : {}) });
  }
  try {
    const email = String((payload as { email?: string }).email ?? "").trim().toLowerCase();
    const sent = await submitFiling(db, payload, now, meta, checked.ok, actor.kind === "user" ? actor.email : null, { resend: input.resend === "1" });
    if (sent.kind === "filed") return { done: "filed", result: filedComplaint(sent.filed, now, email, actor.kind === "user" && actor.email.toLowerCase() === email) as SentComplaint };
    return { done: "sent", result: { kind: "confirm", organisationName: sent.organisationName, email: sent.email, expiresAt: sent.expiresAt.toISOString() } as SentComplaint };
  } catch (error) {
    inFormWords(error);
  }
});

/**
 * The button on the confirmation link's page: files the case, and comes back to the page, which
 * then shows the case sent. Within a day of the mail it also signs this browser in as the
 * complainant (the link proved the address, as the receipt's link does), unless someone is
 * already signed in here.
 */
export const confirmComplaint = formAction(z.object({ token: z.string().min(1).max(200) }), async ({ token }, { db, now, meta, actor, locale }) => {
  try {
    const confirmed = await confirmFiling(db, token, now, meta);
    // Someone already signed in stays who they are (a colleague's browser, another account of theirs).
    if (confirmed.signIn && actor.kind !== "user") await startSessionCookie(db, confirmed.complainantUserId);
  } catch (error) {
    inFormWords(error);
  }
  redirect(`/${locale}/file/confirm/${encodeURIComponent(token)}?sent=1`);
});
