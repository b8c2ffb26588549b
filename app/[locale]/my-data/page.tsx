import { getTranslations } from "next-intl/server";
import { and, eq } from "drizzle-orm";
import { cases, organisations } from "@/db/schema";
import { askForErasure } from "@/lib/actions/my-data-actions";
import { signedInContext } from "@/lib/page-context";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "My data" };

export default async function MyDataPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ requested?: string; error?: string }> }) {
  const { locale } = await params;
  const search = await searchParams;
  const { db, actor } = await signedInContext(locale);
  const t = await getTranslations("myData");
  const te = await getTranslations("errors");
  const closed = await db
    .select({ id: cases.id, reference: cases.reference, organisation: organisations.name, erasureRequestedAt: cases.erasureRequestedAt })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(and(eq(cases.complainantUserId, actor.userId), eq(cases.status, "closed")));
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {search.error ? (
        <Notice tone="bad" alert>
          {te("forbidden")}
        </Notice>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <a href="/api/me/export" download className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
            {t("download")}
          </a>
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
                    <form action={askForErasure}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="caseId" value={c.id} />
                      <Button type="submit" variant="danger">
                        {t("request")}
                      </Button>
                    </form>
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
