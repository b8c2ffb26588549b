import { getTranslations } from "next-intl/server";
import { openLink } from "@/lib/cases/receipt";
import { publicContext } from "@/lib/page-context";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { RespondForms } from "@/components/respond/respond-forms";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("respond", { referrer: "no-referrer" });

/** R2.1: a company without a Recourse account reads, acknowledges and answers a complaint through the link it was mailed. */
export default async function RespondPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { token } = await params;
  const { db, now } = await publicContext();
  const t = await getTranslations("respond");
  const tf = await getTranslations("filing");
  const link = await openLink(db, token, now);
  if (!link.ok) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Notice tone="warn">{t(`problem.${link.problem}`)}</Notice>
      </>
    );
  }
  const { linked } = link;
  return (
    <>
      <PageHeader title={t("caseTitle", { reference: linked.reference, organisation: linked.organisation })} lead={t("lead", { organisation: linked.organisation })} />
      <div className="max-w-3xl space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">{t("complaint")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("filed", { date: linked.filedAt })}</p>
          <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{t("complainant")}</dt>
            <dd>
              {linked.complainantName} ({linked.complainantEmail})
            </dd>
            {linked.companyIdentifier ? (
              <>
                <dt className="text-slate-600">{t("identifier")}</dt>
                <dd>{linked.companyIdentifier}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("principles")}</dt>
            <dd>{linked.principles.map((p) => tf(`principle.${p}.label` as "principle.notice.label")).join("; ")}</dd>
            <dt className="text-slate-600">{t("relief")}</dt>
            <dd>{linked.reliefSought.map((r) => tf(`reliefKind.${r}` as "reliefKind.access")).join("; ")}</dd>
          </dl>
          <p className="mt-3 whitespace-pre-line text-slate-900">{linked.description}</p>
        </Card>
        <RespondForms token={token} />
      </div>
    </>
  );
}
