import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { SiteHeader } from "@/components/layout/site-header";
import { unreadCount } from "@/lib/notifications/inbox";
import { publicContext } from "@/lib/page-context";
import "../globals.css";

// Every page reads the session or the database: nothing is rendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : "en", namespace: "common" });
  return { title: { default: `${t("brand")} — ${t("tagline")}`, template: `%s · ${t("brand")}` }, description: t("tagline") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("common");
  const actor = await currentActor();
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <SiteHeader actor={actor} locale={locale} unread={actor.kind === "user" ? await unreadCount((await publicContext()).db, actor) : 0} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="border-t border-slate-200 bg-white py-6 text-center text-sm text-slate-600">{t("footer")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
