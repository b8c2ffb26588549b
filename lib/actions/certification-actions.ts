"use server";
/**
 * The administrator records a certification's status (R1.2), through the action pipeline.
 * The data layer checks the role and the input; a recorded status returns to the list.
 */
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { setCertificationStatus } from "@/lib/directory/certification-status";
import { formAction } from "./form-action";

const FIELDS = ["certificationId", "status", "retainsFrameworkData", "since", "source", "confirm"] as const;

export const setCertificationStatusAction = formAction(z.object({}), async (_input, { db, actor, now, meta, locale }, form) => {
  // The data layer's schema judges every field, blank ones included.
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "").slice(0, 1000)]));
  const saved = (await setCertificationStatus(db, actor, values, now, meta)).id;
  redirect({ href: `/admin/certifications?saved=${saved}#cert-${saved}`, locale });
});
