import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { BODY_INBOX_VIEWS } from "@/lib/ladder";
import { bodyInbox, inboxPageSchema, inboxViewSchema, ownBodies } from "@/lib/cases/body-inbox";
import { signedInContext } from "@/lib/page-context";
import { CaseTable } from "@/components/case-list/case-table";
import { Pager } from "@/components/case-list/pager";
import { ViewNav } from "@/components/case-list/view-nav";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("workspace");

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A recourse body's inbox: the cases handed to it, in the views of lib/ladder/body-inbox.ts. */
export default async function ProviderWorkspacePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  const raw = await searchParams;
  const { db, actor, now } = await signedInContext(locale);
  const bodies = await ownBodies(db, actor);
  if (!bodies.length) notFound();
  const body = bodies.find((b) => b.id === one(raw.body)) ?? bodies[0]!;
  const inbox = await bodyInbox(db, actor, body.id, inboxViewSchema.parse(one(raw.view) ?? null), now, inboxPageSchema.parse(one(raw.page)));
  const t = await getTranslations("inbox");
  const kind = inbox.provider.kind;
  const title = t("title", { body: inbox.provider.name });
  return (
    <>
      <PageHeader title={title} lead={t("lead", { kind })} />
      {bodies.length > 1 ? (
        <ViewNav label={t("bodies")} testId="inbox-bodies" views={bodies.map((b) => ({ key: b.id, label: b.name, href: `/workspace?${new URLSearchParams({ body: b.id })}`, current: b.id === body.id }))} />
      ) : null}
      <ViewNav
        label={t("views")}
        testId="inbox-views"
        views={BODY_INBOX_VIEWS.map((v) => ({ key: v, label: t(`view.${v}`, { kind }), count: inbox.counts[v], href: `/workspace?${new URLSearchParams({ body: body.id, view: v })}`, current: inbox.view === v }))}
      />
      <CaseTable
        inbox
        items={inbox.rows.map((r) => ({ ...r, nextDueAt: r.ownDueAt, createdAt: r.receivedAt, dueZone: inbox.provider.timeZone }))}
        now={now}
        caption={`${title}: ${t(`view.${inbox.view}`, { kind })}`}
        empty={t("empty")}
      />
      <Pager page={inbox.page} pages={inbox.pages} href={(page) => `/workspace?${new URLSearchParams({ body: body.id, view: inbox.view, page: String(page) })}`} />
    </>
  );
}
