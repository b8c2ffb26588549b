import { z } from "zod";
import { routing } from "@/i18n/routing";

const localeField = z.enum(routing.locales).catch(routing.defaultLocale);

/** The page's language the form carries (hidden `locale` field); the default when absent or unknown. */
export function localeOf(form: FormData): (typeof routing.locales)[number] {
  return localeField.parse(form.get("locale"));
}
