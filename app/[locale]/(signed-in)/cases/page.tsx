import { getTranslations } from "next-intl/server";
import { listCases } from "@/lib/cases/queries";
import { signedInContext } from "@/lib/page-context";
import { CaseTable } from "@/components/case-list/case-table";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("myCases");

export default async function MyCasesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  const t = await getTranslations("cases");
  const items = await listCases(db, actor);
  return (
    <>
      <PageHeader title={t("myTitle")} />
      <CaseTable items={items} now={now} caption={t("myTitle")} />
    </>
  );
}
