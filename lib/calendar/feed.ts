/**
 * Each user's deadlines as an iCalendar feed at a secret URL. Only the token's SHA-256 is
 * stored: the URL is shown once, when it is made; making a new one or stopping the feed
 * revokes the old one.
 */
import { randomBytes } from "node:crypto";
import { tokenSha256 } from "@/lib/auth/api-token";
import { and, asc, eq, inArray } from "drizzle-orm";
import ical, { ICalAlarmType, ICalCalendarMethod } from "ical-generator";
import type { Db } from "@/db/client";
import { calendarFeeds, cases, deadlines } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { caseScope, requireUser } from "@/lib/auth/policy";
import { messageKey } from "@/lib/i18n/message-key";
import { publicUrl } from "@/lib/config";
import { isMailLocale } from "@/lib/mail/templates";
import { calendarDay } from "@/lib/ladder";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";


export function feedUrl(token: string): string {
  return `${publicUrl()}/api/calendar/${token}`;
}

/** Makes (or remakes) the user's feed; returns the secret URL, which is not kept. */
export async function createFeed(db: Db, actor: Actor): Promise<string> {
  requireUser(actor);
  const token = randomBytes(24).toString("base64url");
  await db
    .insert(calendarFeeds)
    .values({ userId: actor.userId, tokenSha256: tokenSha256(token) })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenSha256: tokenSha256(token), createdAt: new Date(), lastFetchedAt: null } });
  return feedUrl(token);
}

export async function revokeFeed(db: Db, actor: Actor): Promise<void> {
  requireUser(actor);
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.userId));
}

export async function feedStatus(db: Db, actor: Actor): Promise<{ createdAt: Date; lastFetchedAt: Date | null } | null> {
  requireUser(actor);
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.userId));
  return row ?? null;
}

const LABELS = { en, de, fr } as const;

/**
 * The feed behind a token: the running deadlines of every case its owner may see, read with
 * the owner's own permissions. An unknown or revoked token is null.
 */
export async function renderFeed(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenSha256, tokenSha256(token)));
  if (!feed) return null;
  const actor = await loadActor(db, feed.userId);
  if (actor.kind !== "user") return null;
  await db.update(calendarFeeds).set({ lastFetchedAt: new Date() }).where(eq(calendarFeeds.userId, feed.userId));

  const rows = await db
    .select({ caseId: cases.id, reference: cases.reference, clockId: deadlines.clockId, kind: deadlines.kind, rule: deadlines.rule, dueAt: deadlines.dueAt, zone: deadlines.zone })
    .from(deadlines)
    .innerJoin(cases, eq(cases.id, deadlines.caseId))
    .where(and(caseScope(actor), inArray(deadlines.state, ["running", "paused"])))
    .orderBy(asc(deadlines.dueAt))
    .limit(5_000);

  const locale = isMailLocale(actor.locale) ? actor.locale : "en";
  const labels = LABELS[locale].ladder.clock as Record<string, string>;
  const calendar = ical({ name: "Recourse", method: ICalCalendarMethod.PUBLISH, prodId: { company: "Recourse", product: "deadlines", language: locale.toUpperCase() } });
  for (const row of rows) {
    const label = labels[messageKey(row.kind)] ?? row.kind;
    const url = `${publicUrl()}/${locale}/cases/${row.caseId}`;
    const event = calendar.createEvent({
      id: `${row.caseId}-${row.clockId}@recourse`,
      // The day it runs out, in the acting party's zone: an all-day event on that date.
      start: dayIn(row.dueAt, row.zone),
      allDay: true,
      summary: `${row.reference}: ${label}`,
      description: `${label} (${row.rule})\n${url}`,
      url,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: 24 * 60 * 60 });
  }
  return calendar.toString();
}

/** Midnight UTC of the calendar day an instant falls on in a zone, as every page reads it (all-day events carry no zone). */
function dayIn(instant: Date, zone: string): Date {
  return new Date(`${calendarDay(instant, zone).toISOString().slice(0, 10)}T00:00:00Z`);
}
