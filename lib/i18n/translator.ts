/**
 * Words outside a request (mail, notices, PDFs): a translator over the same messages the
 * pages use (messages/*.json), one per language for the process, since making one parses its
 * messages anew. A test requires the same keys in every language (messages.test.ts).
 */
import { createTranslator } from "use-intl/core";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

export type Language = "en" | "de" | "fr";

const MESSAGES = { en, de, fr } as const;

export function isLanguage(value: string | null | undefined): value is Language {
  return value === "en" || value === "de" || value === "fr";
}

const make = (locale: Language) => createTranslator({ locale, messages: MESSAGES[locale] as typeof en });
const translators = new Map<Language, ReturnType<typeof make>>();

export function translator(locale: Language) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = make(locale)));
  return t;
}

/** A key built at run time (a notice kind, a template), where the typed translator cannot follow. */
export const dynamicTranslator = (locale: Language) => translator(locale) as unknown as (key: string, values?: Record<string, string | number>) => string;

/** Whether a key built at run time has a message (a wording that exists for some cases only). */
export const hasMessage = (locale: Language, key: string) => (translator(locale) as unknown as { has: (key: string) => boolean }).has(key);
