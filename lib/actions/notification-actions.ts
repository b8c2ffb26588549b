"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { createFeed, revokeFeed } from "@/lib/calendar/feed";
import { now } from "@/lib/clock";
import { markAllRead } from "@/lib/notifications/inbox";

const localeSchema = z.object({ locale: z.enum(routing.locales) });
const localeOf = (form: FormData) => localeSchema.safeParse({ locale: form.get("locale") }).data?.locale ?? routing.defaultLocale;

export async function markAllReadAction(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const actor = await currentActor();
  if (actor.kind !== "user") redirect({ href: "/sign-in", locale });
  const db = await getDb();
  await markAllRead(db, actor, await now(db));
  redirect({ href: "/notifications", locale });
}

export type FeedState = { url?: string; revoked?: boolean; error?: string };

/** Makes a new secret feed URL (the old one stops working) and hands it back once. */
export async function createFeedAction(_previous: FeedState, form: FormData): Promise<FeedState> {
  localeOf(form);
  const actor = await currentActor();
  if (actor.kind !== "user") return { error: "not_signed_in" };
  return { url: await createFeed(await getDb(), actor) };
}

export async function revokeFeedAction(_previous: FeedState, form: FormData): Promise<FeedState> {
  localeOf(form);
  const actor = await currentActor();
  if (actor.kind !== "user") return { error: "not_signed_in" };
  await revokeFeed(await getDb(), actor);
  return { revoked: true };
}
