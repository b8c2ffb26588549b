import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";

export const LOCALES = ["en", "de", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

const catalogue = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(`messages/${l}.json`, "utf8"))])) as Record<Locale, Record<string, unknown>>;

/** The catalogue's text at `key` ("status.where.with_irm"), unformatted. */
export function message(locale: Locale, key: string): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue[locale]);
  if (typeof found !== "string") throw new Error(`no message ${key} in ${locale}`);
  return found;
}

/** The message formatted as the page formats it (no dates). */
export function text(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  return String(new IntlMessageFormat(message(locale, key), locale).format(values));
}

const ANY_DAY = new Date(Date.UTC(2001, 0, 1, 12));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

/**
 * The message as a pattern of what the page says: its `{date}` matches any day, so a test can
 * hold the page to the catalogue's sentence without knowing the date the clock gives.
 */
export function said(locale: Locale, key: string, values: Record<string, string | number> = {}): RegExp {
  const day = String(new IntlMessageFormat("{date, date, long}", locale).format({ date: ANY_DAY }));
  const full = String(new IntlMessageFormat(message(locale, key), locale).format({ ...values, date: ANY_DAY }));
  return new RegExp(full.split(day).map(escape).join("(.+?)"));
}

/** The day a message says in `shown` (the first `{date}` of the catalogue's sentence at `key`). */
export function dayIn(shown: string, locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const found = said(locale, key, values).exec(shown);
  if (!found?.[1]) throw new Error(`"${shown}" does not say ${key} with a date`);
  return found[1];
}
