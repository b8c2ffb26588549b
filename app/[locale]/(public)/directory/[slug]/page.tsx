import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { publicContext } from "@/lib/page-context";
import { getOrganisationProfile, type CertificationView } from "@/lib/directory/queries";
import type { Body } from "@/lib/ladder";
import { Link } from "@/i18n/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { NotParticipantNotice } from "@/components/directory/not-participant-notice";
import { statusSourceText } from "@/components/certification-status/status-source";
import { PageHeader } from "@/components/ui/page-header";

async function RouteSteps({ route, irmName, organisation }: { route: CertificationView["route"]; irmName: string; organisation: string }) {
  const t = await getTranslations("ladder");
  const td = await getTranslations("directory");
  if (!route.applies) return null;
  const bodyName = (b: Body) => (b.kind === "adr" ? irmName : b.kind === "organisation" ? organisation : t(`body.${b.kind}`));
  return (
    <ol className="list-decimal space-y-1 pl-6 text-sm text-slate-800">
      {route.rungs.map((r) => (
        <li key={r.id}>
          <span className="font-medium">{t(`rung.${r.id}`)}</span> — {bodyName(r.body)}
          {r.barred ? <span className="text-slate-600"> ({td("barred")})</span> : null}
        </li>
      ))}
    </ol>
  );
}

export default async function OrganisationPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug } = await params;
  const profile = await getOrganisationProfile((await publicContext()).db, slug.slice(0, 200));
  if (!profile) notFound();
  const t = await getTranslations("directory");
  const tl = await getTranslations("ladder");
  const tc = await getTranslations("common");
  const tsrc = await getTranslations("statusSource");
  const format = await getFormatter();
  // Dates without a time of day: the status and the frameworks take effect on a calendar date.
  const day = (d: Date | string) => format.dateTime(typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <>
      <PageHeader title={profile.name} lead={[profile.city, profile.country].filter(Boolean).join(", ")}>
        <Badge tone={profile.participant ? "good" : "neutral"} className="text-sm">
          {profile.participant ? t("participant") : t("notParticipant")}
        </Badge>
      </PageHeader>
      {profile.participant ? (
        <Link href={`/file/${profile.slug}`} className="mb-6 inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
          {(await getTranslations("filing"))("fileCta", { organisation: profile.name })}
        </Link>
      ) : null}
      {!profile.participant ? (
        <NotParticipantNotice profile={profile} />
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        {profile.certifications.map((c) => {
          const irmName = c.irm?.kind === "provider" ? c.irm.name : c.irm?.kind === "dpa" ? tl("body.dpa_panel") : tc("notStated");
          return (
            <Card key={c.framework} aria-labelledby={`fw-${c.framework}`}>
              <CardTitle id={`fw-${c.framework}`}>{tl(`framework.${c.framework}`)}</CardTitle>
              <dl className="mb-4 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)] sm:gap-y-1 [&>dd]:mb-2 sm:[&>dd]:mb-0">
                <dt className="text-slate-600">{t("status")}</dt>
                <dd>{t("statusSince", { status: tl(`certStatus.${c.status}`), date: day(c.statusSince) })}</dd>
                <dt className="text-slate-600">{t("statusSource")}</dt>
                <dd>{statusSourceText(tsrc, c.statusSource, day)}</dd>
                {c.successor ? (
                  <>
                    <dt className="text-slate-600">{t("successor")}</dt>
                    <dd>{t("successorText", { framework: tl(`framework.${c.successor.framework}`), date: day(c.successor.since) })}</dd>
                  </>
                ) : null}
                <dt className="text-slate-600">{t("irm")}</dt>
                <dd>{c.irm?.kind === "provider" && c.irm.website ? <a href={c.irm.website} rel="noopener noreferrer">{irmName}</a> : irmName}</dd>
                <dt className="text-slate-600">{t("hr")}</dt>
                <dd>{c.coversHrData === false ? t("hrNotCovered") : c.coversHrData === null ? t("hrDpaUnstated") : t("hrDpa")}</dd>
              </dl>
              <h3 className="mb-1 text-sm font-semibold">{t("path")}</h3>
              <RouteSteps route={c.route} irmName={irmName} organisation={profile.name} />
              {c.coversHrData === false ? null : (
                <>
                  <h3 className="mb-1 mt-3 text-sm font-semibold">{t("pathHr")}</h3>
                  <RouteSteps route={c.hrRoute} irmName={irmName} organisation={profile.name} />
                </>
              )}
            </Card>
          );
        })}
        <Card aria-labelledby="contact-title">
          <CardTitle id="contact-title">{t("contact")}</CardTitle>
          <ul className="space-y-1 text-sm">
            {profile.contactEmail ? <li>{profile.contactEmail}</li> : null}
            {profile.contactAddress ? <li>{profile.contactAddress}</li> : null}
            {profile.website ? (
              <li>
                <a href={profile.website} rel="noopener noreferrer">{profile.website}</a>
              </li>
            ) : null}
          </ul>
          {profile.note ? (
            <>
              <h3 className="mb-1 mt-4 text-sm font-semibold">{t("fromPolicy")}</h3>
              <p className="text-sm text-slate-700">{profile.note}</p>
            </>
          ) : null}
        </Card>
      </div>
    </>
  );
}
