import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { publicContext } from "@/lib/page-context";
import { getOrganisationProfile } from "@/lib/directory/queries";
import { COVERED_COUNTRIES, type Certification } from "@/lib/ladder";
import { Link } from "@/i18n/navigation";
import { ComplaintForm } from "@/components/complaint-form/complaint-form";
import { Card } from "@/components/ui/card";
import { NotParticipantNotice } from "@/components/directory/not-participant-notice";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("fileComplaint");

export default async function FilePage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const { db, now } = await publicContext();
  const profile = await getOrganisationProfile(db, slug.slice(0, 200));
  if (!profile) notFound();
  const t = await getTranslations("filing");
  if (!profile.participant) {
    return (
      <>
        <PageHeader title={t("title", { organisation: profile.name })} />
        <NotParticipantNotice profile={profile} />
        <Link href={`/directory/${profile.slug}`}>{profile.name}</Link>
      </>
    );
  }
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const countries = COVERED_COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
  // Only what the browser needs to infer the framework: no ids beyond the public ones.
  const certifications: Certification[] = profile.certifications.map((c) => ({
    framework: c.framework,
    status: c.status,
    retainsFrameworkData: c.participant,
    irm: null,
    coversHrData: c.coversHrData,
    alsoCovers: c.alsoCovers,
  }));
  return (
    <>
      <PageHeader title={t("title", { organisation: profile.name })} lead={t("lead")} />
      <Card className="max-w-3xl">
        <ComplaintForm organisation={{ slug: profile.slug, name: profile.name }} certifications={certifications} countries={countries} today={now.toISOString()} />
      </Card>
      <aside aria-labelledby="elsewhere-title" className="mt-6 max-w-3xl space-y-2 text-sm text-slate-700">
        <h2 id="elsewhere-title" className="text-base font-semibold text-slate-900">
          {t("elsewhere.title")}
        </h2>
        <p>{t("elsewhere.processor", { organisation: profile.name })}</p>
        <p>{t("elsewhere.nationalSecurity")}</p>
      </aside>
    </>
  );
}
