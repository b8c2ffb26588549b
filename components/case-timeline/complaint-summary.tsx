import { getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/queries";

/** The complaint as filed (DOMAIN.md §5), labelled with the form's own words. */
export async function ComplaintSummary({ detail }: { detail: CaseDetail }) {
  const t = await getTranslations("filing");
  const tc = await getTranslations("case");
  const p = detail.particulars;
  const rows: [string, string | null][] = [
    [t("name"), detail.complainant ? `${detail.complainant.name} (${detail.complainant.country})` : null],
    [t("dataSubject"), t(p.dataSubject === "child" ? "dataSubjectChild" : "dataSubjectSelf")],
    [t("hrData"), t(detail.hrData ? "hrYes" : "hrNo")],
    [t("workCountry"), detail.workCountry],
    [t("companyIdentifier"), p.companyIdentifier],
    [t("exporter"), p.exporter],
    [t("transferReason"), p.transferReason],
    [t("principles"), detail.principles.map((x) => t(`principle.${x}.label` as "principle.access.label")).join(" · ")],
    [t("relief"), detail.reliefSought.map((x) => (t.has(`reliefKind.${x}` as "reliefKind.access") ? t(`reliefKind.${x}` as "reliefKind.access") : x)).join(" · ")],
    [t("priorContactDate"), p.priorContact?.date ?? null],
    [t("priorContactOutcome"), p.priorContact?.outcome ?? null],
    [t("otherSteps"), p.otherSteps],
  ];
  return (
    <div className="space-y-4">
      <p className="whitespace-pre-wrap text-slate-800">{detail.description}</p>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]" aria-label={tc("complaint")}>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label.replace(/ \((optional|facultatif)\)$/, "")}</dt>
              <dd className="whitespace-pre-wrap text-slate-900">{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
