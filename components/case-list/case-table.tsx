import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { CaseListItem } from "@/lib/cases/queries";
import type { InboxRow } from "@/lib/cases/body-inbox";
import { DeadlineBadge } from "@/components/deadline-badge/deadline-badge";
import { Badge } from "@/components/ui/badge";

type Row = Pick<CaseListItem, "id" | "reference" | "organisationName" | "organisationZone" | "rung" | "status" | "hrData" | "nextDueAt" | "createdAt"> & {
  /** A body's inbox: when the body received the case, and the other parties' owed step as context. */
  receivedAt?: Date;
  othersDue?: InboxRow["othersDue"];
  /** The zone the due date's days are counted in, when not the company's (a body's own clock). */
  dueZone?: string;
};

/**
 * A list of cases. In a body's inbox (`inbox`) the last column is the day the body received the
 * case, the deadline is the body's own, and another party's deadline is shown as context.
 */
export async function CaseTable({ items, now, caption, inbox = false, empty }: { items: Row[]; now: Date; caption: string; inbox?: boolean; empty?: string }) {
  const t = await getTranslations("cases");
  const ti = await getTranslations("inbox");
  const tl = await getTranslations("ladder");
  const format = await getFormatter();
  if (!items.length) return <p className="rounded-md bg-white p-6 text-slate-700 ring-1 ring-slate-200">{empty ?? t("empty")}</p>;
  // Each day in the zone it is counted in: a clock's in its party's, a hand-over or filing in the list's.
  const day = (d: Date, zone: string) => format.dateTime(d, { dateStyle: "medium", timeZone: zone });
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="stacked-table min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">{t("reference")}</th>
            <th scope="col" className="px-4 py-3 font-semibold">{t("organisation")}</th>
            <th scope="col" className="px-4 py-3 font-semibold">{t("rung")}</th>
            <th scope="col" className="px-4 py-3 font-semibold">{inbox ? ti("ownDue") : t("nextDue")}</th>
            {inbox ? <th scope="col" className="px-4 py-3 font-semibold">{ti("othersDue")}</th> : null}
            <th scope="col" className="px-4 py-3 font-semibold">{inbox ? ti("received") : t("filed")}</th>
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
              <td data-label={inbox ? ti("ownDue") : t("nextDue")} className="px-4 py-3">
                {c.nextDueAt && (inbox || c.status === "open") ? (
                  <>
                    <DeadlineBadge dueAt={c.nextDueAt} now={now} zone={c.dueZone ?? c.organisationZone} />
                    {inbox ? <span className="mt-1 block text-xs text-slate-600">{day(c.nextDueAt, c.dueZone ?? c.organisationZone)}</span> : null}
                  </>
                ) : inbox ? (
                  "—"
                ) : (
                  <Badge>{t(c.status === "open" ? "open" : "closed")}</Badge>
                )}
              </td>
              {inbox ? (
                <td data-label={ti("othersDue")} className="px-4 py-3 text-slate-700">
                  {c.othersDue ? ti("othersDueEntry", { party: ti(`party.${c.othersDue.party}` as "party.organisation"), date: day(c.othersDue.dueAt, c.othersDue.zone) }) : "—"}
                </td>
              ) : null}
              <td data-label={inbox ? ti("received") : t("filed")} className="px-4 py-3 text-slate-700">{day(c.receivedAt ?? c.createdAt, c.dueZone ?? c.organisationZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
