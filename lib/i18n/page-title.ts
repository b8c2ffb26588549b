import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import type en from "@/messages/en.json";

type TitleKey = keyof (typeof en)["titles"];

/** A page's metadata with its title in the page's language (tabs, history, screen readers). */
export function pageMetadata(key: TitleKey, extra: Omit<Metadata, "title"> = {}) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "titles" });
    return { ...extra, title: t(key) };
  };
}
