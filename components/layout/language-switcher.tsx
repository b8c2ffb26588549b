"use client";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

const NAMES: Record<string, string> = { en: "English", de: "Deutsch", fr: "Français" };

export function LanguageSwitcher() {
  const t = useTranslations("common");
  const pathname = usePathname();
  const current = useLocale();
  return (
    <nav aria-label={t("language")} className="flex gap-1 text-sm">
      {routing.locales.map((locale) => (
        <Link
          key={locale}
          href={pathname}
          locale={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          className={locale === current ? "rounded px-2 py-1 font-semibold text-slate-900 no-underline ring-1 ring-slate-300" : "rounded px-2 py-1 text-slate-700"}
        >
          {NAMES[locale]}
        </Link>
      ))}
    </nav>
  );
}
