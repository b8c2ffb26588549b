import { getTranslations } from "next-intl/server";
import { publicContext } from "@/lib/page-context";
import { Link } from "@/i18n/navigation";
import { searchOrganisations } from "@/lib/directory/queries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";
import { NoCompanyFound } from "@/components/directory/not-participant-notice";

export const generateMetadata = pageMetadata("directory");

export default async function DirectoryPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string | string[] }> }) {
  const { locale } = await params;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? "";
  const t = await getTranslations("directory");
  const tl = await getTranslations("landing");
  const results = await searchOrganisations((await publicContext()).db, q);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <form method="get" action={`/${locale}/directory`} role="search" className="mb-6 flex flex-wrap gap-2">
        <label htmlFor="q" className="sr-only">
          {tl("searchLabel")}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={tl("searchPlaceholder")} className="min-h-10 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2" />
        <Button type="submit">{tl("searchButton")}</Button>
      </form>
      <p className="mb-3 text-sm text-slate-700" role="status">
        {t("results", { count: results.length })}
      </p>
      {q && !results.length ? <NoCompanyFound query={q} /> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {results.map((o) => (
          <li key={o.slug} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <Link href={`/directory/${o.slug}`} className="font-semibold">
              {o.name}
            </Link>
            <p className="text-sm text-slate-600">
              {o.city ? `${o.city}, ` : ""}
              {o.country}
            </p>
            <Badge tone={o.participant ? "good" : "neutral"} className="mt-2">
              {o.participant ? t("participant") : t("notParticipant")}
            </Badge>
          </li>
        ))}
      </ul>
    </>
  );
}
