import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { localeOf } from "./form-fields";
import type { FormActionFn } from "./action-state";
import { runFormAction, type Command } from "./pipeline";
import { requestMeta } from "./request-meta";

/**
 * A Server Action from a schema and a command, for `useActionState` or a plain `<form action>`
 * (without JavaScript the page is rendered again with the state). The actor, the database,
 * the server's clock and the request's metadata are resolved once, after the form parsed.
 */
export function formAction<S extends z.ZodType, Result = undefined>(schema: S, command: Command<z.output<S>, Result>): FormActionFn<Result> {
  return async (previous, form) =>
    runFormAction(schema, command, previous, form, async () => {
      const db = await getDb();
      const [actor, at, meta] = await Promise.all([currentActor(), now(db), requestMeta()]);
      return { db, actor, now: at, meta, locale: localeOf(form) };
    });
}
