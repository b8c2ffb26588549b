/**
 * Day arithmetic for deadlines. A deadline of N days runs to the end of the Nth day after
 * the day of the start event, both read in the time zone of the party that must act: an
 * obligation "within 45 days" is met by the end of that party's 45th day.
 * Working days are Monday to Friday; public holidays are not modelled.
 */
import { TZDate } from "@date-fns/tz";
import { addBusinessDays, addDays, endOfDay, startOfDay } from "date-fns";
import type { Span } from "./policy";

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Time-zone arithmetic is the costliest thing the ladder does, and a sweep or a page asks
 * the same questions many times: answers are remembered (they depend on nothing else), by
 * question and then by instant (a number key is hashed far faster than a built string).
 */
function remembered(limit: number) {
  const cache = new Map<string, Map<number, number>>();
  let size = 0;
  return (question: string, at: number, compute: () => number): number => {
    let answers = cache.get(question);
    let value = answers?.get(at);
    if (value === undefined) {
      if (size >= limit) {
        cache.clear();
        size = 0;
        answers = undefined;
      }
      if (!answers) cache.set(question, (answers = new Map()));
      answers.set(at, (value = compute()));
      size++;
    }
    return value;
  };
}
const deadlines = remembered(50_000);
const localDays = remembered(50_000);

/** The last instant of the day `span` after the local day of `start`. */
export function deadlineAfter(start: Date, span: Span, zone: string, extraCalendarDays = 0): Date {
  const ms = deadlines(`${span.days}|${span.unit}|${zone}|${extraCalendarDays}`, start.getTime(), () => {
    const local = new TZDate(start.getTime(), zone);
    const counted = span.unit === "working" ? addBusinessDays(local, span.days) : addDays(local, span.days);
    return endOfDay(addDays(counted, extraCalendarDays)).getTime();
  });
  return new Date(ms);
}

/** The local calendar day of an instant in a zone, as a day count since 1970-01-01. */
function localDay(at: Date, zone: string): number {
  return localDays(zone, at.getTime(), () => {
    const local = new TZDate(at.getTime(), zone);
    return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY_MS;
  });
}

/** Calendar days from the local day of `now` to the local day of `due` (negative once past). */
export function calendarDaysLeft(now: Date, due: Date, zone: string): number {
  return localDay(due, zone) - localDay(now, zone);
}

/** Whole days a pause lasted, a started day counting as a day. */
export function pauseDays(from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / DAY_MS));
}

/** The first instant of the local day of `at`. */
export function startOfLocalDay(at: Date, zone: string): Date {
  return new Date(startOfDay(new TZDate(at.getTime(), zone)).getTime());
}

/**
 * The calendar day a person reads for an instant, as noon UTC of that day in `zone`: a page,
 * mail or file that formats it in UTC shows the acting party's day, the same everywhere.
 */
export function calendarDay(at: Date, zone: string): Date {
  return new Date((localDay(at, zone) * DAY_MS) + DAY_MS / 2);
}

/** The last instant, in `zone`, of the calendar day that `day` falls on in UTC (a day as `calendarDay` gives it). */
export function endOfDayIn(day: Date, zone: string): Date {
  const local = new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12, 0, 0, zone);
  return new Date(endOfDay(local).getTime());
}
