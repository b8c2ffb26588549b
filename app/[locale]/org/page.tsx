import { getTranslations } from "next-intl/server";
import { inArray } from "drizzle-orm";
import { organisations } from "@/db/schema";
import { listCases } from "@/lib/cases/queries";
import { signedInContext } from "@/lib/page-context";
import { CaseTable } from "@/components/case-list/case-table";
import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";

export const metadata = { title: "Complaints" };

export default async function OrganisationQueuePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  const orgIds = actor.memberships.map((m) => m.organisationId).filter((id): id is string => !!id);
  if (!orgIds.length) notFound();
  const t = await getTranslations("cases");
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds));
  const sections = await Promise.all(orgs.map(async (o) => ({ org: o, items: await listCases(db, actor, { organisationId: o.id }) })));
  return (
    <>
      {sections.map(({ org, items }) => (
        <section key={org.id} className="mb-8">
          <PageHeader title={t("queueTitle", { organisation: org.name })} />
          <CaseTable items={items} now={now} caption={t("queueTitle", { organisation: org.name })} />
        </section>
      ))}
    </>
  );
}
