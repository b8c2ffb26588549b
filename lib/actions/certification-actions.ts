"use server";
/**
 * The administrator records a certification's status (R1.2). The data layer checks the role
 * and the input; a rejected form comes back with its field errors and what was typed.
 */
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { setCertificationStatus } from "@/lib/directory/certification-status";
import { NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";
import { formFields, localeOf } from "./form-fields";
import { requestMeta } from "./request-meta";

const FIELDS = ["certificationId", "status", "retainsFrameworkData", "since", "source", "confirm"] as const;

export interface CertificationStatusState {
  fieldErrors?: FieldErrors;
  /** An error key for the form as a whole (`internal` comes with `ref`). */
  formError?: "not_found" | "internal";
  ref?: string;
  /** What the administrator sent, to show again beside the errors. */
  values?: Partial<Record<(typeof FIELDS)[number], string>>;
  /** Counts the answers, so the form can lay out what was sent afresh after each. */
  attempt?: number;
}

export async function setCertificationStatusAction(prev: CertificationStatusState, form: FormData): Promise<CertificationStatusState> {
  const locale = localeOf(form);
  const fields = formFields(form, { keepEmpty: true });
  const values = Object.fromEntries(FIELDS.map((f) => [f, (fields[f] ?? "").slice(0, 1000)]));
  const attempt = (prev.attempt ?? 0) + 1;
  let saved: string;
  try {
    const db = await getDb();
    saved = (await setCertificationStatus(db, await currentActor(), values, await now(db), await requestMeta())).id;
  } catch (error) {
    if (error instanceof ValidationError) return { fieldErrors: error.fieldErrors, values, attempt };
    if (error instanceof NotFoundError) return { formError: "not_found", values, attempt };
    return { formError: "internal", ref: logError(error), values, attempt };
  }
  return redirect({ href: `/admin/certifications?saved=${saved}#cert-${saved}`, locale });
}
