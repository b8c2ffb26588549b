import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { CaseListItem } from "@/lib/cases/queries";
import type { InboxRow } from "@/lib/cases/body-inbox";
import { DeadlineBadge } from "@/components/deadline-badge/deadline-badge";
import { Badge } from "@/components/ui/badge";
import { CaseTableFrame, type CaseColumn } from "./case-table-frame";

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
  // Each day in the zone it is counted in: a clock's in its party's, a hand-over or filing in the list's.
  const day = (d: Date, zone: string) => format.dateTime(d, { dateStyle: "medium", timeZone: zone });
  const columns: CaseColumn<Row>[] = [
    { key: "reference", label: t("reference"), className: "px-4 py-3 font-mono", cell: (c) => <Link href={`/cases/${c.id}`}>{c.reference}</Link> },
    {
      key: "organisation",
      label: t("organisation"),
      cell: (c) => (
        <>
          {c.organisationName}
          {c.hrData ? <Badge tone="info" className="ml-2">{t("hrData")}</Badge> : null}
        </>
      ),
    },
    { key: "rung", label: t("rung"), cell: (c) => tl(`rung.${c.rung}` as "rung.organisation") },
    {
      key: "due",
      label: inbox ? ti("ownDue") : t("nextDue"),
      cell: (c) =>
        c.nextDueAt && (inbox || c.status === "open") ? (
          <>
            <DeadlineBadge dueAt={c.nextDueAt} now={now} zone={c.dueZone ?? c.organisationZone} />
            {inbox ? <span className="mt-1 block text-xs text-slate-600">{day(c.nextDueAt, c.dueZone ?? c.organisationZone)}</span> : null}
          </>
        ) : inbox ? (
          "—"
        ) : (
          <Badge>{t(c.status === "open" ? "open" : "closed")}</Badge>
        ),
    },
    ...(inbox
      ? [
          {
            key: "others",
            label: ti("othersDue"),
            className: "px-4 py-3 text-slate-700",
            cell: (c: Row) => (c.othersDue ? ti("othersDueEntry", { party: ti(`party.${c.othersDue.party}` as "party.organisation"), date: day(c.othersDue.dueAt, c.othersDue.zone) }) : "—"),
          },
        ]
      : []),
    { key: "since", label: inbox ? ti("received") : t("filed"), className: "px-4 py-3 text-slate-700", cell: (c) => day(c.receivedAt ?? c.createdAt, c.dueZone ?? c.organisationZone) },
  ];
  return <CaseTableFrame rows={items} columns={columns} caption={caption} empty={empty ?? t("empty")} />;
}
