import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { markAllReadAction } from "@/lib/actions/notification-actions";
import { feedStatus } from "@/lib/calendar/feed";
import { listNotifications } from "@/lib/notifications/inbox";
import { renderNotice } from "@/lib/notifications/render";
import { signedInContext } from "@/lib/page-context";
import { CalendarFeedCard } from "@/components/notifications/calendar-feed-card";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("notifications");

export default async function NotificationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await signedInContext(locale);
  const t = await getTranslations("notify");
  const format = await getFormatter();
  const [items, feed] = await Promise.all([listNotifications(db, actor), feedStatus(db, actor)]);
  const unread = items.filter((i) => !i.read).length;
  const when = (d: Date) => format.dateTime(d, "instant");
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card aria-label={t("title")}>
          {unread ? (
            <ActionForm action={markAllReadAction} idPrefix="mark-all-read" className="mb-3">
              <SubmitButton busyLabel={(await getTranslations("common"))("busy")} variant="secondary">
                {t("markAllRead")}
              </SubmitButton>
            </ActionForm>
          ) : null}
          {items.length ? (
            <ul className="divide-y divide-slate-200" data-testid="notifications">
              {items.map((item) => {
                const { title } = renderNotice(item.kind, item.params, locale, "");
                return (
                  <li key={item.id} className="flex items-start gap-3 py-3">
                    <span aria-hidden="true" className={item.read ? "mt-2 size-2 rounded-full bg-transparent" : "mt-2 size-2 rounded-full bg-brand-700"} />
                    <div>
                      {item.caseId || item.kind === "webhook-disabled" ? (
                        <Link href={item.caseId ? `/cases/${item.caseId}` : "/integrations"} className={item.read ? "text-slate-800" : "font-semibold text-slate-900"}>
                          {title}
                        </Link>
                      ) : (
                        <span>{title}</span>
                      )}
                      {!item.read ? <span className="sr-only"> ({t("unread")})</span> : null}
                      <p className="text-xs text-slate-600">{when(item.createdAt)}</p>
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">{t("empty")}</p>
          )}
        </Card>
        <CalendarFeedCard active={feed ? { since: when(feed.createdAt), lastRead: feed.lastFetchedAt ? when(feed.lastFetchedAt) : null } : null} />
      </div>
    </>
  );
}
