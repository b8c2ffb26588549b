"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { createFeed, revokeFeed } from "@/lib/calendar/feed";
import { now } from "@/lib/clock";
import { markAllRead, markCaseRead } from "@/lib/notifications/inbox";
import { NotFoundError } from "@/lib/errors";
import { formAction } from "./form-action";

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

export type FeedState = { url?: string; revoked?: boolean; error?: string };

const feedSchema = z.object({ locale: z.enum(routing.locales), intent: z.enum(["create", "revoke"]) });

/** Makes a new secret feed address (the old one stops working) and hands it back once, or stops the feed. */
export async function calendarFeedAction(_previous: FeedState, form: FormData): Promise<FeedState> {
  const parsed = feedSchema.safeParse({ locale: form.get("locale"), intent: form.get("intent") });
  if (!parsed.success) return { error: "invalid" };
  const actor = await currentActor();
  if (actor.kind !== "user") return { error: "not_signed_in" };
  const db = await getDb();
  if (parsed.data.intent === "revoke") {
    await revokeFeed(db, actor);
    return { revoked: true };
  }
  return { url: await createFeed(db, actor) };
}
