import { getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/queries";

/** The complaint as filed (DOMAIN.md §5), labelled with the form's own words. */
export async function ComplaintSummary({ detail }: { detail: CaseDetail }) {
  // Labels in the third person: every party reads the same summary, not the filing form's
  // questions; what went wrong and what is asked are the complainant's own words.
  const ts = await getTranslations("caseSummary");
  const t = await getTranslations("filing");
  const tc = await getTranslations("case");
  const p = detail.particulars;
  const rows: [string, string | null][] = [
    [ts("complainant"), detail.complainant ? `${detail.complainant.name} (${detail.complainant.country})` : null],
    [ts("dataSubject"), ts(p.dataSubject === "child" ? "dataSubjectChild" : "dataSubjectSelf")],
    [ts("hrData"), ts(detail.hrData ? "yes" : "no")],
    [ts("workCountry"), detail.workCountry],
    [ts("companyIdentifier"), p.companyIdentifier],
    [ts("exporter"), p.exporter],
    [ts("transferReason"), p.transferReason],
    [ts("principles"), detail.principles.map((x) => t(`principle.${x}.label` as "principle.access.label")).join(" · ")],
    [ts("relief"), detail.reliefSought.map((x) => (t.has(`reliefKind.${x}` as "reliefKind.access") ? t(`reliefKind.${x}` as "reliefKind.access") : x)).join(" · ")],
    [ts("priorContactDate"), p.priorContact?.date ?? null],
    [ts("priorContactOutcome"), p.priorContact?.outcome ?? null],
    [ts("otherSteps"), p.otherSteps],
  ];
  return (
    <div className="space-y-4">
      <p className="whitespace-pre-wrap text-slate-800">{detail.description}</p>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]" aria-label={tc("complaint")}>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="whitespace-pre-wrap text-slate-900">{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
