import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { OnTime } from "@/lib/reports/annual-report";
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

/** Per clock kind: how many ended on time, how many late, and the share on time. */
function OnTimeTable({ id, title, lead, rows, columns, empty, clockName, percent }: { id: string; title: string; lead: string; rows: Record<string, OnTime>; columns: [string, string, string, string]; empty: string; clockName: (kind: string) => string; percent: (rate: number) => string }) {
  const entries = Object.entries(rows);
  return (
    <Card aria-labelledby={id}>
      <CardTitle id={id}>{title}</CardTitle>
      <p className="mb-3 text-sm text-slate-700">{lead}</p>
      {entries.length ? (
        <div className="overflow-x-auto">
          <table className="w-full hyphens-auto text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1 pr-2 font-medium">{columns[0]}</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">{columns[1]}</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">{columns[2]}</th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">{columns[3]}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(([kind, v]) => (
                <tr key={kind} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">{clockName(kind)}</th>
                  <td className="px-2 py-1 text-right tabular-nums">{v.onTime}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{v.late}</td>
                  <td className="py-1 pl-2 text-right font-semibold tabular-nums">{v.rate === null ? "—" : percent(v.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{empty}</p>
      )}
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
  const { provider, report } = await providerAnnualReport(db, actor, providerId, year, now);
  const t = await getTranslations("report");
  const tl = await getTranslations("ladder");
  const tf = await getTranslations("filing");
  const td = await getTranslations("details");
  const format = await getFormatter();
  const clockName = (kind: string) => tl(`clock.${kind.replace(".", "_")}` as "clock.remedy");
  const percent = (rate: number) => format.number(rate, { style: "percent", maximumFractionDigits: 1 });
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
      <div className="grid gap-6 md:grid-cols-2 [&>*]:min-w-0">
        <Bars title={t("byFramework")} data={report.byFramework} label={(k) => tl(`framework.${k}` as "framework.eu-us-dpf")} />
        <Bars title={t("byPrinciple")} data={report.byPrinciple} label={(k) => tf(`principle.${k}.label` as "principle.access.label")} />
        <Bars title={t("eligibility")} data={report.eligibility} label={(k) => (k === "pending" ? t("pending") : td(k as "eligible"))} />
        <Bars title={t("outcomes")} data={report.outcomes} label={(k) => t(`outcome.${k}` as "outcome.open")} />
        <Bars title={t("remedies")} data={report.remediesOrdered} label={(k) => td(`remedy.${k}` as "remedy.delete")} />
        <Bars title={t("dataCategory")} data={{ hr: report.byDataCategory.hr, nonHr: report.byDataCategory.nonHr }} label={(k) => (k === "hr" ? tf("hrYes") : tf("hrNo"))} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <OnTimeTable id="on-time" title={t("onTimeTitle")} lead={t("onTimeLead")} rows={report.onTime} columns={[t("clockColumn"), t("onTimeColumn"), t("lateColumn"), t("rateColumn")]} empty={t("noClocks")} clockName={clockName} percent={percent} />
        {/* R2.6: only the DPA panel's advice is aimed for rather than due. */}
        {provider.kind === "dpa_panel" ? (
          <OnTimeTable id="aims" title={t("aimsTitle")} lead={t("aimsLead")} rows={report.aims} columns={[t("clockColumn"), t("withinColumn"), t("afterColumn"), t("withinRateColumn")]} empty={t("noClocks")} clockName={clockName} percent={percent} />
        ) : null}
      </div>
    </>
  );
}
