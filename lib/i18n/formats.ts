/**
 * How the interface writes an instant (a step taken, a message sent, a session opened): the
 * day, the time and the zone's name, in the reader's language. Named `instant` in next-intl's
 * formats (i18n/request.ts), so every page writes it alike; days a clock runs out are written
 * by the clocks' own day format, in the zone the day is counted in.
 */
import type { Formats } from "next-intl";

export const FORMATS = {
  dateTime: { instant: { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" } },
} satisfies Formats;
