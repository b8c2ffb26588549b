/**
 * What a form action answers, shared by the server pipeline and the client form: no server
 * code here, so a client component may import it.
 */
import type { FieldErrors } from "@/lib/errors";

/** What the user sent, by field name; a repeated field (checkboxes) is a list. */
export type FormValues = Record<string, string | string[]>;

/** An error about the form as a whole, each shown in the user's language by its kind. */
export type FormError =
  | { kind: "rule"; reason: string; params?: Record<string, string | number | Date> }
  | { kind: "conflict" }
  | { kind: "not_found" }
  | { kind: "internal"; ref: string };

export interface ActionState<Result = undefined> {
  status: "idle" | "done" | "error";
  /** What the user typed, to put back in the fields after a refusal (empty once done). */
  values: FormValues;
  /** Every field's error keys (`errors.*` messages), by field name. */
  fieldErrors: FieldErrors;
  formError?: FormError;
  /** What was done, for the success notice (a step id such as `respond`, or `sent`). */
  done?: string;
  /** What the command gives back for the page to show (a filed complaint's reference). */
  result?: Result;
  /** Counts the answers, so a form can lay out its fields afresh with what was sent. */
  attempt: number;
}

export type FormActionFn<Result = undefined> = (previous: ActionState<Result> | undefined, form: FormData) => Promise<ActionState<Result>>;

export const idleState: ActionState<never> = { status: "idle", values: {}, fieldErrors: {}, attempt: 0 };
