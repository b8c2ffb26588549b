import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ownProviderNames } from "@/lib/directory/queries";
import { listCases } from "@/lib/cases/queries";
import { PARTY_OF_PROVIDER } from "@/lib/auth/policy";
import { signedInContext } from "@/lib/page-context";
import { CaseTable } from "@/components/case-list/case-table";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("workspace");

/** ADR liaisons, DPA panel members, Commerce and the arbitration administrator: the cases handed to them. */
export default async function ProviderWorkspacePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  const providerIds = actor.memberships.map((m) => m.providerId).filter((id): id is string => !!id);
  if (!providerIds.length) notFound();
  const t = await getTranslations("cases");
  const names = (await ownProviderNames(db, actor)).join(", ");
  const parties = [...new Set(actor.memberships.filter((m) => m.providerKind).map((m) => PARTY_OF_PROVIDER[m.providerKind!]))];
  const items = await listCases(db, actor, { parties });
  return (
    <>
      <PageHeader title={t("workspaceTitle", { provider: names })} />
      <CaseTable items={items} now={now} caption={t("workspaceTitle", { provider: names })} />
    </>
  );
}
