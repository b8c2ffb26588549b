import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { providerAnnualReport } from "@/lib/reports/queries";
import { signedInContext } from "@/lib/page-context";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("report");

/** A bar chart that is also a table: the figures stay readable without the bars. */
function Bars({ title, data, label }: { title: string; data: Record<string, number>; label: (k: string) => string }) {
  const max = Math.max(1, ...Object.values(data));
  return (
    <Card>
      <CardTitle>{title}</CardTitle>
      <table className="w-full text-sm">
        <tbody>
          {Object.entries(data).map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="w-1/2 py-1 pr-2 text-left font-normal">{label(k)}</th>
              <td className="py-1">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-3 rounded bg-brand-600" style={{ width: `${(v / max) * 100}%`, minWidth: v ? "0.25rem" : 0 }} />
                  {v}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

export default async function AnnualReportPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ year?: string }> }) {
  const { locale } = await params;
  const { year: rawYear } = await searchParams;
  const { db, actor, now } = await signedInContext(locale);
  const providerId = actor.memberships.find((m) => m.providerKind === "adr" || m.providerKind === "dpa_panel")?.providerId;
  if (!providerId) notFound();
  const year = Number(rawYear) >= 2016 && Number(rawYear) <= 2100 ? Number(rawYear) : now.getUTCFullYear();
  const { provider, report } = await providerAnnualReport(db, actor, providerId, year);
  const t = await getTranslations("report");
  const tl = await getTranslations("ladder");
  const tf = await getTranslations("filing");
  const td = await getTranslations("details");
  return (
    <>
      <PageHeader title={t("title", { provider: provider.name, year })} lead={t("lead")}>
        <span className="flex gap-3 text-sm">
          <a href={`/api/providers/${provider.id}/report?year=${year}&format=csv`} download className="underline">CSV</a>
          <a href={`/api/providers/${provider.id}/report?year=${year}`} download className="underline">JSON</a>
        </span>
      </PageHeader>
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {([
          [t("received"), report.received],
          [t("median"), report.processingDays.median ?? "—"],
          [t("p90"), report.processingDays.p90 ?? "—"],
          [t("referrals"), report.ftcReferrals],
        ] as const).map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <Bars title={t("byFramework")} data={report.byFramework} label={(k) => tl(`framework.${k}` as "framework.eu-us-dpf")} />
        <Bars title={t("byPrinciple")} data={report.byPrinciple} label={(k) => tf(`principle.${k}.label` as "principle.access.label")} />
        <Bars title={t("eligibility")} data={report.eligibility} label={(k) => (k === "pending" ? t("pending") : td(k as "eligible"))} />
        <Bars title={t("outcomes")} data={report.outcomes} label={(k) => t(`outcome.${k}` as "outcome.open")} />
        <Bars title={t("remedies")} data={report.remediesOrdered} label={(k) => td(`remedy.${k}` as "remedy.delete")} />
        <Bars title={t("dataCategory")} data={{ hr: report.byDataCategory.hr, nonHr: report.byDataCategory.nonHr }} label={(k) => (k === "hr" ? tf("hrYes") : tf("hrNo"))} />
      </div>
    </>
  );
}
