"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { createFeed, revokeFeed } from "@/lib/calendar/feed";
import { now } from "@/lib/clock";
import { markAllRead, markCaseRead } from "@/lib/notifications/inbox";
import { NotFoundError } from "@/lib/errors";
import { formAction } from "./form-action";
import type { Done } from "./pipeline";

/** The signed-in user's bell items, all read at once. */
export const markAllReadAction = formAction(z.object({}), async (_input, { db, actor, now }) => {
  if (actor.kind !== "user") throw new NotFoundError();
  await markAllRead(db, actor, now);
  // The bell lives in the layout.
  revalidatePath("/", "layout");
  return "read";
});

/** Called by the case page when it is shown: the viewer's bell items about the case are read. */
export async function markCaseReadAction(caseId: string): Promise<void> {
  const parsed = z.uuid().safeParse(caseId);
  if (!parsed.success) return;
  const actor = await currentActor();
  if (actor.kind !== "user") return;
  const db = await getDb();
  // Only the actor's own items change, whatever the id names.
  if (await markCaseRead(db, actor, parsed.data, await now(db))) revalidatePath("/", "layout");
}

/** Makes a new secret feed address (the old one stops working) and hands it back once, or stops the feed. */
export const calendarFeedAction = formAction(z.object({ intent: z.enum(["create", "revoke"]) }), async (input, { db, actor }): Promise<Done<{ url: string | null }>> => {
  if (actor.kind !== "user") throw new NotFoundError();
  if (input.intent === "revoke") {
    await revokeFeed(db, actor);
    return { done: "revoked", result: { url: null } };
  }
  return { done: "created", result: { url: await createFeed(db, actor) } };
});
