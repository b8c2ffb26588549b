import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { Pager } from "@/components/case-list/pager";
import { CaseTableFrame } from "@/components/case-list/case-table-frame";
import { QUEUE_VIEWS, organisationQueue, parseQueueFilter, queueViewCounts } from "@/lib/cases/queue";
import { memberOrganisations } from "@/lib/organisations/profile";
import { listTeam } from "@/lib/organisations/team";
import { signedInContext } from "@/lib/page-context";
import { DeadlineBadge } from "@/components/deadline-badge/deadline-badge";
import { ViewNav } from "@/components/case-list/view-nav";
import { QueueFilters } from "@/components/org-queue/queue-filters";
import { BulkAssignForm } from "@/components/org-queue/bulk-assign";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts/keyboard-shortcuts";
import { BULK_FORM, QUEUE_CASE } from "@/components/keyboard-shortcuts/targets";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("complaints");

export default async function OrganisationQueuePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  const raw = await searchParams;
  const { db, actor, now } = await signedInContext(locale);
  const orgs = await memberOrganisations(db, actor);
  if (!orgs.length) notFound();
  const org = orgs.find((o) => o.id === raw.org) ?? orgs[0]!;
  const filter = parseQueueFilter(raw);
  const [{ rows, total, capped, pages, zone }, staff, counts] = await Promise.all([organisationQueue(db, actor, org.id, filter, now), listTeam(db, actor, org.id), queueViewCounts(db, actor, org.id, now, filter.q)]);
  const tp = await getTranslations("party");
  const t = await getTranslations("queue");
  const tc = await getTranslations("cases");
  const tl = await getTranslations("ladder");
  const format = await getFormatter();
  const team = staff.map((m) => ({ id: m.userId, name: m.name ?? m.email ?? m.userId }));
  const atVersion = (c: { id: string; version: number }) => `${c.id}:${c.version}`;
  const query = (page: number) => new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)])), page: String(page), org: org.id }).toString();
  const csvQuery = new URLSearchParams(Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]))).toString();
  return (
    <>
      <PageHeader title={tc("queueTitle", { organisation: org.name })} lead={capped ? t("totalCapped", { count: total }) : t("total", { count: total })}>
        <KeyboardShortcuts page="queue" me={actor.userId} />
        <a href={`/api/org/${org.id}/queue.csv?${csvQuery}&locale=${locale}`} download className="rounded-md px-3 py-2 text-sm font-medium ring-1 ring-slate-300">
          {t("csv")}
        </a>
      </PageHeader>
      {/* The counts are of the cases the search matches, and each view keeps the search. */}
      <ViewNav
        label={t("views")}
        testId="queue-views"
        views={QUEUE_VIEWS.map((v) => ({ key: v, label: t(`view.${v}`), count: counts[v], href: `/org?${new URLSearchParams({ view: v, org: org.id, ...(filter.q ? { q: filter.q } : {}) })}`, current: filter.view === v }))}
      />
      <QueueFilters filter={filter} staff={team} action={`/${locale}/org`} />
      {rows.length ? <BulkAssignForm organisationId={org.id} staff={team} pageCases={rows.map(atVersion)} /> : null}
      <CaseTableFrame
        rows={rows}
        caption={tc("queueTitle", { organisation: org.name })}
        empty={tc("empty")}
        columns={[
          {
            key: "select",
            label: t("select"),
            header: <span className="sr-only">{t("select")}</span>,
            headerClassName: "w-10 px-4 py-3",
            cell: (c) => <input type="checkbox" form={BULK_FORM} name="cases" value={atVersion(c)} data-case-id={c.id} aria-label={t("selectCase", { reference: c.reference })} className="h-5 w-5" />,
          },
          {
            key: "reference",
            label: tc("reference"),
            className: "px-4 py-3 font-mono",
            cell: (c) => (
              <Link href={`/cases/${c.id}`} {...{ [QUEUE_CASE]: c.id }} className="rounded-sm focus-visible:outline-3 focus-visible:outline-offset-2">
                {c.reference}
              </Link>
            ),
          },
          {
            key: "complainant",
            label: t("complainant"),
            cell: (c) => (
              <>
                {c.complainantName}
                {c.hrData ? <Badge tone="info" className="ml-2">{tc("hrData")}</Badge> : null}
              </>
            ),
          },
          { key: "rung", label: tc("rung"), cell: (c) => tl(`rung.${c.rung}` as "rung.organisation") },
          {
            key: "due",
            label: tc("nextDue"),
            cell: (c) => (
              <>
                {c.status === "open" && c.nextDueAt ? <DeadlineBadge dueAt={c.nextDueAt} now={now} zone={c.dueZone ?? zone} /> : <Badge>{tc(c.status === "open" ? "open" : "closed")}</Badge>}
                {/* Another party's step is shown as context: the company does not owe it. */}
                {c.status === "open" && c.owedBy && c.owedBy !== "organisation" ? <span className="mt-1 block text-xs text-slate-600">{t("owedBy", { party: tp(c.owedBy as "irm") })}</span> : null}
              </>
            ),
          },
          { key: "assignee", label: t("assignee"), cell: (c) => c.assigneeName ?? "—" },
          { key: "filed", label: tc("filed"), className: "px-4 py-3 text-slate-700", cell: (c) => format.dateTime(c.createdAt, { dateStyle: "medium", timeZone: zone }) },
        ]}
      />
      <Pager page={filter.page} pages={pages} href={(page) => `/org?${query(page)}`} />
    </>
  );
}
