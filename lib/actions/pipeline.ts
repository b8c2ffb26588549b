/**
 * The one way into the application from a form: parse the form with its zod schema (every
 * field error kept), run the command with the context resolved once, map the typed errors
 * once, and answer with an `ActionState` for `useActionState`. The server-bound entrance is
 * `formAction` in `./form-action`; this module holds what does not depend on the request.
 */
import { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { RequestMeta } from "@/lib/cases/commands";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { routing } from "@/i18n/routing";
import { logError } from "@/lib/log";
import type { ActionState, FormValues } from "./action-state";

export type { ActionState, FormError, FormValues } from "./action-state";
export { idleState } from "./action-state";

export interface ActionContext {
  actor: Actor;
  db: Db;
  /** The server's clock, read once per action. */
  now: Date;
  meta: RequestMeta & { ip: string | null };
  locale: (typeof routing.locales)[number];
}

/** What a command that gives something back answers: what was done, and the thing. */
export interface Done<Result> {
  done: string;
  result: Result;
}

/** A command: the parsed input and the context in, what was done out (or nothing to say). */
export type Command<Input, Result = undefined> = (input: Input, context: ActionContext, form: FormData) => Promise<string | void | Done<Result>>;

const MAX_ECHO = 20_000;

/** The form's text fields as values to echo back (files are never sent back). */
export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const texts = form.getAll(key).filter((v): v is string => typeof v === "string").map((v) => v.slice(0, MAX_ECHO));
    if (!texts.length) continue;
    out[key] = texts.length === 1 ? texts[0]! : texts;
  }
  return out;
}

/**
 * The form as zod's input: empty text fields are left out (so `.optional()` means "may be
 * left blank"), a repeated field is a list, and files are kept as a list of `File`s.
 */
export function formInput(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key);
    const files = all.filter((v): v is File => typeof v !== "string" && v.size > 0);
    const texts = all.filter((v): v is string => typeof v === "string" && v !== "");
    if (files.length) out[key] = files;
    else if (texts.length) out[key] = texts.length === 1 ? texts[0] : texts;
  }
  return out;
}

/** A checkbox group or other repeated field: always a list, empty when nothing was ticked. */
export const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** An error key from `errors.*` for an issue zod described in its own words. */
function issueKey(issue: z.core.$ZodIssue): string {
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return issue.minimum === 1 && issue.origin === "string" ? "required" : "too_short";
  if (issue.code === "invalid_type" && issue.input === undefined) return "required";
  return "invalid";
}

/** All of zod's issues, by the field's path, as error keys. */
export function fieldErrorsOfZod(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    const list = (out[key] ??= []);
    const message = issueKey(issue);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** The state a failed command leaves: typed errors mapped here and nowhere else. */
export function stateOfError<Result>(error: unknown, base: Pick<ActionState, "values" | "attempt">): ActionState<Result> {
  const failed = { ...base, status: "error" as const, fieldErrors: {} };
  if (error instanceof ValidationError) return { ...failed, fieldErrors: error.fieldErrors };
  if (error instanceof z.ZodError) return { ...failed, fieldErrors: fieldErrorsOfZod(error) };
  if (error instanceof RuleError) return { ...failed, formError: { kind: "rule", reason: error.reason.code, ...(error.reason.params ? { params: error.reason.params } : {}) } };
  if (error instanceof ConflictError) return { ...failed, formError: { kind: "conflict" } };
  if (error instanceof NotFoundError || error instanceof ForbiddenError) return { ...failed, formError: { kind: "not_found" } };
  return { ...failed, formError: { kind: "internal", ref: logError(error) } };
}

/**
 * Parses, resolves the context, runs and answers. A redirect or `notFound()` from the command
 * passes through to Next.js; every other error becomes the state the form shows.
 */
export async function runFormAction<S extends z.ZodType, Result = undefined>(
  schema: S,
  command: Command<z.output<S>, Result>,
  previous: ActionState<Result> | undefined,
  form: FormData,
  context: () => Promise<ActionContext>,
): Promise<ActionState<Result>> {
  const base = { values: formValues(form), attempt: (previous?.attempt ?? 0) + 1 };
  const parsed = schema.safeParse(formInput(form));
  if (!parsed.success) return { ...base, status: "error", fieldErrors: fieldErrorsOfZod(parsed.error) };
  try {
    const done = await command(parsed.data, await context(), form);
    const answer = typeof done === "object" ? done : { done: done ?? undefined };
    return { status: "done", values: {}, fieldErrors: {}, ...answer, attempt: base.attempt };
  } catch (error) {
    unstable_rethrow(error);
    return stateOfError(error, base);
  }
}
