import { getTranslations } from "next-intl/server";
import { closedCases } from "@/lib/users/my-data";
import { askForErasure } from "@/lib/actions/my-data-actions";
import { signedInContext } from "@/lib/page-context";
import { ConfirmDisclosure } from "@/components/ui/confirm-disclosure";
import { Link } from "@/i18n/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("myData");

export default async function MyDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await signedInContext(locale);
  const t = await getTranslations("myData");
  const busy = (await getTranslations("common"))("busy");
  const closed = await closedCases(db, actor);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <a href="/api/me/export" download className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
            {t("download")}
          </a>
          <p className="mt-3">
            <Link href="/my-data/copy" className="text-sm font-medium underline">
              {t("readable")}
            </Link>
          </p>
        </Card>
        <Card aria-labelledby="erasure-title">
          <CardTitle id="erasure-title">{t("erasureTitle")}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">{t("erasureLead")}</p>
          {closed.length ? (
            <ul className="space-y-2">
              {closed.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-sm">
                    <span className="font-mono">{c.reference}</span> · {c.organisation}
                  </span>
                  {c.erasureRequestedAt ? (
                    <span className="text-sm text-slate-700">{t("requested", { date: c.erasureRequestedAt })}</span>
                  ) : (
                    <ActionForm action={askForErasure} idPrefix={`erasure-${c.id}`} fields={{ caseId: c.id }}>
                      <ConfirmDisclosure
                      summary={
                        <>
                          {t("request")}
                          <span className="sr-only"> {c.reference}</span>
                        </>
                      } consequence={t("confirmErasure", { reference: c.reference })} confirmLabel={t("confirmErasureButton", { reference: c.reference })} busyLabel={busy} danger />
                    </ActionForm>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">{t("noClosed")}</p>
          )}
        </Card>
      </div>
    </>
  );
}
