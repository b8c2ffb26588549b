import { getFormatter, getTranslations } from "next-intl/server";
import { exportMyData } from "@/lib/users/my-data";
import { signedInContext } from "@/lib/page-context";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CaseTimeline } from "@/components/case-timeline/case-timeline";
import { partyName } from "@/components/case-status/case-status";
import { PrintButton } from "@/components/ui/print-button";
import { pageMetadata } from "@/lib/i18n/page-title";
import { Link } from "@/i18n/navigation";

export const generateMetadata = pageMetadata("myDataCopy");

/**
 * The same data as the JSON download, to read or print: the account, and each case as its
 * complainant sees it (the complaint, its steps, the shared messages and the documents).
 */
export default async function MyDataCopyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await signedInContext(locale);
  const data = await exportMyData(db, actor);
  const t = await getTranslations("myData.copy");
  const ts = await getTranslations("caseSummary");
  const tf = await getTranslations("filing");
  const tc = await getTranslations("case");
  const tp = await getTranslations("party");
  const tl = await getTranslations("ladder");
  const format = await getFormatter();
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <div key={label} className="contents">
        <dt className="text-slate-600">{label}</dt>
        <dd className="whitespace-pre-wrap text-slate-900">{value}</dd>
      </div>
    ) : null;
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { date: new Date(data.exportedAt) })} />
      <p className="mb-6 flex flex-wrap gap-4 print:hidden">
        <PrintButton label={t("print")} />
        <Link href="/my-data" className="inline-flex min-h-10 items-center text-sm font-medium underline">
          {t("back")}
        </Link>
      </p>
      <div className="space-y-6">
        <Card aria-labelledby="account-title">
          <CardTitle id="account-title">{t("account")}</CardTitle>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]">
            {row(t("name"), data.user?.name)}
            {row(t("email"), data.user?.email)}
            {row(t("language"), data.user?.locale ? t("languageName", { locale: data.user.locale }) : null)}
            {row(t("since"), data.user ? format.dateTime(data.user.createdAt, "instant", { timeZone: "UTC" }) : null)}
          </dl>
          <p className="mt-3 text-sm text-slate-700">{t("notices", { count: data.notifications.length })}</p>
        </Card>
        {data.cases.length ? null : <p className="text-slate-700">{t("noCases")}</p>}
        {data.cases.map((c) => (
          <Card key={c.id} aria-labelledby={`case-${c.id}`}>
            <CardTitle id={`case-${c.id}`}>{t("case", { reference: c.reference, organisation: c.organisation })}</CardTitle>
            <p className="text-sm text-slate-700">
              {tl(`framework.${c.framework}` as "framework.eu-us-ps")} · {t("filed", { date: format.dateTime(c.createdAt, "instant", { timeZone: c.timeZone }) })} ·{" "}
              {c.status === "closed" ? t("closed") : tl(`rung.${c.rung}` as "rung.organisation")}
            </p>
            <p className="mt-1 text-sm print:hidden">
              <a href={`/api/cases/${c.id}/case-file?locale=${locale}`} download className="font-medium underline">
                {tc("caseFile")}
              </a>
            </p>
            <h3 className="mt-4 font-semibold">{tc("complaint")}</h3>
            <p className="mt-1 whitespace-pre-wrap text-slate-800">{c.description}</p>
            <dl className="mt-2 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]">
              {row(ts("complainant"), `${c.complainant.name} (${c.complainant.country})`)}
              {row(t("email"), c.complainant.email)}
              {row(ts("companyIdentifier"), c.companyIdentifier)}
              {row(ts("exporter"), c.exporter)}
              {row(ts("transferReason"), c.transferReason)}
              {row(ts("principles"), c.principles.map((x) => (tf.has(`principle.${x}.label` as "principle.access.label") ? tf(`principle.${x}.label` as "principle.access.label") : x)).join(" · "))}
              {row(ts("relief"), c.reliefSought.map((x) => (tf.has(`reliefKind.${x}` as "reliefKind.access") ? tf(`reliefKind.${x}` as "reliefKind.access") : x)).join(" · "))}
              {row(ts("otherSteps"), c.otherSteps)}
              {row(t("erasure"), c.erasureRequestedAt ? format.dateTime(c.erasureRequestedAt, "instant", { timeZone: c.timeZone }) : null)}
            </dl>
            <h3 className="mt-4 font-semibold">{t("steps")}</h3>
            <div className="mt-2">
              <CaseTimeline entries={c.events} reader="complainant" dpa="panel" zone={c.timeZone} />
            </div>
            <h3 className="mt-4 font-semibold">{tc("messages")}</h3>
            {c.messages.length ? (
              <ul className="mt-2 space-y-3">
                {c.messages.map((m, i) => (
                  <li key={i} className="text-sm">
                    <p className="text-slate-600">
                      {partyName(tp, m.authorParty, "complainant", "panel")} · <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, "instant", { timeZone: c.timeZone })}</time>
                    </p>
                    <p className="whitespace-pre-wrap text-slate-900">{m.body}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-700">{t("none")}</p>
            )}
            <h3 className="mt-4 font-semibold">{t("documents")}</h3>
            {c.documents.length ? (
              <ul className="mt-2 list-disc pl-5 text-sm">
                {c.documents.map((d, i) => (
                  <li key={i}>
                    {d.filename} ({format.number(Math.max(1, Math.round(d.size / 1024)))} KB)
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-700">{t("none")}</p>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
