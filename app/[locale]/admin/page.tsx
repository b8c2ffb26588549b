import { getTranslations } from "next-intl/server";
import { count, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { cases, ftcReferrals, organisations, providers, users } from "@/db/schema";
import { listCases } from "@/lib/cases/queries";
import { signedInContext } from "@/lib/page-context";
import { CaseTable } from "@/components/case-list/case-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Administration" };

export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("home");
  const tc = await getTranslations("cases");
  const [[orgs], [provs], [people], [open], [refs]] = await Promise.all([
    db.select({ n: count() }).from(organisations),
    db.select({ n: count() }).from(providers),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(cases).where(eq(cases.status, "open")),
    db.select({ n: count() }).from(ftcReferrals),
  ]);
  const stats = [
    [t("organisations"), orgs!.n],
    [t("providers"), provs!.n],
    [t("users"), people!.n],
    [t("openCases"), open!.n],
    [t("referrals"), refs!.n],
  ] as const;
  return (
    <>
      <PageHeader title={t("adminTitle")} />
      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-3 text-xl font-semibold">{tc("allTitle")}</h2>
      <CaseTable items={await listCases(db, actor, { limit: 200 })} now={now} caption={tc("allTitle")} />
    </>
  );
}
