"use server";
/**
 * The steps a company without an account takes through the link it was mailed (R2.1): the
 * link is the credential, checked by the data layer on every step.
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { acknowledgeByLink, respondByLink } from "@/lib/cases/receipt";
import { messageBody } from "@/lib/cases/filing-schema";
import { now } from "@/lib/clock";
import { RuleError, ValidationError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { requestMeta } from "./request-meta";

export type LinkStepState = { status: "idle" | "done"; step?: "acknowledge" | "respond"; error?: string; fieldErrors?: Record<string, string[]>; body?: string };

const linkStep = z.object({ token: z.string().max(200), step: z.enum(["acknowledge", "respond"]), body: z.string().max(20_000).optional() });

export async function takeLinkStep(_previous: LinkStepState, form: FormData): Promise<LinkStepState> {
  const parsed = linkStep.safeParse({ token: form.get("token"), step: form.get("step"), body: form.get("body") ?? undefined });
  if (!parsed.success) return { status: "idle", error: "link_unknown" };
  const { token, step, body } = parsed.data;
  try {
    const db = await getDb();
    const at = await now(db);
    if (step === "acknowledge") await acknowledgeByLink(db, token, at, await requestMeta());
    else {
      const checked = messageBody.safeParse(body ?? "");
      if (!checked.success) return { status: "idle", fieldErrors: { body: checked.error.issues.map((i) => i.message) }, body };
      await respondByLink(db, token, checked.data, at, await requestMeta());
    }
    return { status: "done", step };
  } catch (error) {
    if (error instanceof ValidationError) return { status: "idle", fieldErrors: error.fieldErrors, body };
    if (error instanceof RuleError) return { status: "idle", error: error.reason.code, body };
    return { status: "idle", error: `internal:${logError(error)}`, body };
  }
}
