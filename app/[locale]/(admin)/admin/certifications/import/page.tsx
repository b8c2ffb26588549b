import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { canRecordCertificationStatus } from "@/lib/auth/policy";
import { LIST_HEADERS, PARTICIPANT_LIST_MAX_BYTES } from "@/lib/directory/participant-list";
import { signedInContext } from "@/lib/page-context";
import { ParticipantListImport } from "@/components/participant-list/participant-list-import";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("participantList");

const EXAMPLE = `Organization Name,Frameworks,Status,Certification Date,Next Recertification Due Date
"Example Analytics, Inc.","EU-U.S. DPF; UK Extension; Swiss-U.S. DPF",Active,2026-03-01,2027-03-01
Example Labs LLC,EU-U.S. DPF,Inactive,2024-05-10,2025-05-10`;

export default async function ParticipantListImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { actor } = await signedInContext(locale);
  if (!canRecordCertificationStatus(actor)) notFound();
  const t = await getTranslations("participantList");
  const columns = Object.entries(LIST_HEADERS) as [keyof typeof LIST_HEADERS, readonly string[]][];
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <p className="mb-6">
        <Link href="/admin/certifications">{t("back")}</Link>
      </p>
      <ParticipantListImport maxMegabytes={PARTICIPANT_LIST_MAX_BYTES / 1024 / 1024} />
      <section aria-labelledby="format-title" className="mt-10 max-w-3xl space-y-3 rounded-md bg-white p-6 ring-1 ring-slate-200">
        <h2 id="format-title" className="text-xl font-semibold">
          {t("formatTitle")}
        </h2>
        <p>{t("formatLead")}</p>
        <dl className="space-y-2 text-sm">
          {columns.map(([column, names]) => (
            <div key={column}>
              <dt className="font-medium">{t(`column.${column}`)}</dt>
              <dd className="text-slate-700">
                {t("knownAs")} {names.map((n) => `“${n}”`).join(", ")}
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-sm">{t("formatValues")}</p>
        <p className="text-sm">{t("formatAbsent")}</p>
        <p className="text-sm">{t("formatLapsed")}</p>
        <h3 className="pt-2 font-semibold">{t("exampleTitle")}</h3>
        <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 text-xs ring-1 ring-slate-200" tabIndex={0} aria-label={t("exampleTitle")}>
          {EXAMPLE}
        </pre>
      </section>
    </>
  );
}
