import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { latestStatusDate, listCertificationStatuses, type CertificationStatusRow } from "@/lib/directory/certification-status";
import { canRecordCertificationStatus } from "@/lib/auth/policy";
import { groupBy } from "@/lib/group-by";
import { signedInContext } from "@/lib/page-context";
import { CertificationStatusForm } from "@/components/certification-status/certification-status-form";
import { statusSourceText } from "@/components/certification-status/status-source";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("certifications");

export default async function CertificationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { locale } = await params;
  const { saved } = await searchParams;
  const { db, actor, now } = await signedInContext(locale);
  if (!canRecordCertificationStatus(actor)) notFound();
  const t = await getTranslations("certifications");
  const tl = await getTranslations("ladder");
  const tsrc = await getTranslations("statusSource");
  const format = await getFormatter();
  const rows = await listCertificationStatuses(db, actor);
  const byOrganisation = groupBy(rows, (r) => r.organisationSlug);
  const savedRow = rows.find((r) => r.id === saved);
  const today = latestStatusDate(now);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const listDay = (d: string) => day(new Date(`${d}T00:00:00Z`));
  const framework = (r: CertificationStatusRow) => tl(`framework.${r.framework}`);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <p className="mb-6">
        <Link href="/admin/certifications/import">{t("importLink")}</Link>
      </p>
      {savedRow ? (
        <Notice tone="good">
          {t("saved", { organisation: savedRow.organisationName, framework: framework(savedRow), status: tl(`certStatus.${savedRow.status}`) })}{" "}
          <Link href={`/directory/${savedRow.organisationSlug}`}>{t("seeDirectory", { organisation: savedRow.organisationName })}</Link>
        </Notice>
      ) : null}
      {!rows.length ? <p className="rounded-md bg-white p-6 ring-1 ring-slate-200">{t("empty")}</p> : null}
      <div className="space-y-8">
        {[...byOrganisation.values()].map((certs) => (
          <section key={certs[0]!.organisationSlug} aria-labelledby={`org-${certs[0]!.organisationSlug}`}>
            <h2 id={`org-${certs[0]!.organisationSlug}`} className="mb-3 text-xl font-semibold">
              <Link href={`/directory/${certs[0]!.organisationSlug}`}>{certs[0]!.organisationName}</Link>
            </h2>
            <div className="grid gap-6 lg:grid-cols-2">
              {certs.map((r) => (
                <Card key={r.id} id={`cert-${r.id}`} aria-labelledby={`cert-${r.id}-title`}>
                  <CardTitle id={`cert-${r.id}-title`}>{framework(r)}</CardTitle>
                  <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="text-slate-600">{t("status")}</dt>
                    <dd className="flex flex-wrap items-center gap-2">
                      {tl(`certStatus.${r.status}`)}
                      <Badge tone={r.participant ? "good" : "warn"}>{r.participant ? t("filingOpen") : t("filingClosed")}</Badge>
                    </dd>
                    {r.status === "inactive" || r.status === "withdrawn" ? (
                      <>
                        <dt className="text-slate-600">{t("retainsShort")}</dt>
                        <dd>{r.retainsFrameworkData ? t("retainsYes") : t("retainsNo")}</dd>
                      </>
                    ) : null}
                    <dt className="text-slate-600">{t("since")}</dt>
                    <dd>{day(r.statusSince)}</dd>
                    <dt className="text-slate-600">{t("source")}</dt>
                    <dd>{statusSourceText(tsrc, r.statusSource, listDay)}</dd>
                    {r.certifiedOn ? (
                      <>
                        <dt className="text-slate-600">{t("certifiedOn")}</dt>
                        <dd>{listDay(r.certifiedOn)}</dd>
                      </>
                    ) : null}
                    {r.recertificationDue ? (
                      <>
                        <dt className="text-slate-600">{t("recertificationDue")}</dt>
                        <dd>{listDay(r.recertificationDue)}</dd>
                      </>
                    ) : null}
                  </dl>
                  <h3 className="mb-2 text-sm font-semibold">{t("changeTitle")}</h3>
                  <CertificationStatusForm key={`${r.status}-${r.statusSince.getTime()}`} id={r.id} organisationName={r.organisationName} frameworkName={framework(r)} status={r.status} retainsFrameworkData={r.retainsFrameworkData} today={today} />
                </Card>
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
