/**
 * The mail Recourse sends that is not a notice about a case (those are lib/notifications):
 * the sign-in link, the filing's confirmation, the complaint delivered to a company's published
 * contact, an invitation. Worded from messages/*.json (`mail.<template>`), with a plain-text
 * part always.
 */
import { dynamicTranslator, isLanguage, type Language } from "@/lib/i18n/translator";
import { isFrameworkId } from "@/lib/ladder/frameworks";
import { htmlOfText } from "./html";

export type MailLocale = Language;
export const isMailLocale = isLanguage;

export type MailTemplate = "sign-in" | "case-delivery" | "invitation" | "filing-confirm";

/** To a U.S. organisation's published complaint contact: in English, like the arbitration Notice. */
const ENGLISH_ONLY = new Set<MailTemplate>(["case-delivery"]);

export function renderMail(template: MailTemplate, locale: string | null | undefined, params: Record<string, string>) {
  const lang: Language = ENGLISH_ONLY.has(template) || !isLanguage(locale) ? "en" : locale;
  const t = dynamicTranslator(lang);
  const key = `mail.${template.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
  const values = withFrameworkNames(t, params);
  const subject = t(`${key}.subject`, values);
  const text = t(`${key}.text`, values);
  return { subject, text, html: htmlOfText(text, lang) };
}

/** Params that hold a framework's id (`framework`, `certified`) are written as its official name in the mail's language. */
function withFrameworkNames(t: ReturnType<typeof dynamicTranslator>, params: Record<string, string>): Record<string, string> {
  const named = { ...params };
  for (const key of ["framework", "certified"]) {
    const id = params[key];
    if (id && isFrameworkId(id)) named[key] = t(`ladder.framework.${id}`);
  }
  return named;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Dates in mail: the day, in the reader's language, in UTC unless told otherwise. */
export function mailDate(date: Date, locale: string, timeZone = "UTC"): string {
  const lang = isMailLocale(locale) ? locale : "en";
  const key = `${lang}|${timeZone}`;
  // Building a formatter costs far more than using one: keep one per language and zone.
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone })));
  return format.format(date);
}
