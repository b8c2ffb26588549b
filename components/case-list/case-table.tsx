import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { CaseListItem } from "@/lib/cases/queries";
import { DeadlineBadge } from "@/components/deadline-badge/deadline-badge";
import { Badge } from "@/components/ui/badge";

export async function CaseTable({ items, now, caption }: { items: CaseListItem[]; now: Date; caption: string }) {
  const t = await getTranslations("cases");
  const tl = await getTranslations("ladder");
  const format = await getFormatter();
  if (!items.length) return <p className="rounded-md bg-white p-6 text-slate-700 ring-1 ring-slate-200">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="stacked-table min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">{t("reference")}</th>
            <th scope="col" className="px-4 py-3 font-semibold">{t("organisation")}</th>
            <th scope="col" className="px-4 py-3 font-semibold">{t("rung")}</th>
            <th scope="col" className="px-4 py-3 font-semibold">{t("nextDue")}</th>
            <th scope="col" className="px-4 py-3 font-semibold">{t("filed")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((c) => (
            <tr key={c.id}>
              <td data-label={t("reference")} className="px-4 py-3 font-mono">
                <Link href={`/cases/${c.id}`}>{c.reference}</Link>
              </td>
              <td data-label={t("organisation")} className="px-4 py-3">
                {c.organisationName}
                {c.hrData ? <Badge tone="info" className="ml-2">{t("hrData")}</Badge> : null}
              </td>
              <td data-label={t("rung")} className="px-4 py-3">{tl(`rung.${c.rung}` as "rung.organisation")}</td>
              <td data-label={t("nextDue")} className="px-4 py-3">{c.status === "open" && c.nextDueAt ? <DeadlineBadge dueAt={c.nextDueAt} now={now} zone={c.organisationZone} /> : <Badge>{t(c.status === "open" ? "open" : "closed")}</Badge>}</td>
              <td data-label={t("filed")} className="px-4 py-3 text-slate-700">{format.dateTime(c.createdAt, { dateStyle: "medium" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
