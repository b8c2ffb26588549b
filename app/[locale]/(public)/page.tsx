import { getTranslations } from "next-intl/server";
import { LadderPicture } from "@/components/ladder-picture/ladder-picture";
import { Button } from "@/components/ui/button";

export default async function LandingPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations("landing");
  return (
    <div className="grid gap-10 lg:grid-cols-2">
      <section>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("lead")}</p>
        <form action={`/${locale}/directory`} method="get" role="search" className="mt-6 flex flex-wrap gap-2">
          <label htmlFor="q" className="sr-only">
            {t("searchLabel")}
          </label>
          <input id="q" name="q" type="search" placeholder={t("searchPlaceholder")} className="min-h-10 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2" />
          <Button type="submit">{t("searchButton")}</Button>
        </form>
        <h2 className="mt-10 text-xl font-semibold">{t("howTitle")}</h2>
        <ol className="mt-3 list-decimal space-y-2 pl-6 text-slate-800">
          <li>{t("how1")}</li>
          <li>{t("how2")}</li>
          <li>{t("how3")}</li>
        </ol>
      </section>
      <section>
        <LadderPicture />
      </section>
    </div>
  );
}
