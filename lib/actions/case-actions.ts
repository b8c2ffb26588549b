"use server";
/**
 * Case steps from forms: validate with zod, resolve the actor, let the data layer authorize
 * and record, then return to the case page with the outcome in the URL.
 */
import { headers } from "next/headers";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { takeOneClickStep } from "@/lib/cases/steps";
import { now } from "@/lib/clock";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { PARTIES } from "@/lib/ladder";
import { logError } from "@/lib/log";

const stepSchema = z.object({
  locale: z.enum(routing.locales),
  caseId: z.string().uuid(),
  action: z.string().regex(/^[a-z_]{1,40}$/),
  target: z.string().max(120).optional(),
  party: z.enum(PARTIES).optional(),
  version: z.coerce.number().int().min(0),
});

export async function takeStep(form: FormData): Promise<void> {
  const parsed = stepSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string" && v !== "")));
  const locale = parsed.success ? parsed.data.locale : routing.defaultLocale;
  if (!parsed.success) redirect({ href: "/home", locale });
  const input = parsed.data!;
  const back = (query: string) => redirect({ href: `/cases/${input.caseId}?${query}`, locale });
  const actor = await currentActor();
  const db = await getDb();
  const h = await headers();
  let outcome: string;
  try {
    await takeOneClickStep(db, actor, { caseId: input.caseId, action: input.action as never, target: input.target, party: input.party, expectedVersion: input.version }, await now(db), {
      ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
      userAgent: h.get("user-agent"),
    });
    outcome = `done=${input.action}`;
  } catch (error) {
    if (error instanceof NotFoundError) outcome = "error=not_found";
    else if (error instanceof ConflictError) outcome = "error=conflict";
    else if (error instanceof ForbiddenError) outcome = "error=forbidden";
    else if (error instanceof RuleError) outcome = `error=rule&reason=${encodeURIComponent(error.reason.code)}`;
    else outcome = `error=internal&ref=${logError(error)}`;
  }
  back(outcome);
}
