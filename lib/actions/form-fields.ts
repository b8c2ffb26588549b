import { z } from "zod";
import { routing } from "@/i18n/routing";

/** A form's text fields as a plain object for zod (files and, unless kept, empty values left out). */
export function formFields(form: FormData, { keepEmpty = false, except = [] as string[] } = {}): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && (keepEmpty || entry[1] !== "") && !except.includes(entry[0])),
  );
}

const localeField = z.enum(routing.locales).catch(routing.defaultLocale);

/** The page's language the form carries (hidden `locale` field); the default when absent or unknown. */
export function localeOf(form: FormData): (typeof routing.locales)[number] {
  return localeField.parse(form.get("locale"));
}
