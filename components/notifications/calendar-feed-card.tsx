"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { createFeedAction, revokeFeedAction, type FeedState } from "@/lib/actions/notification-actions";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";

/** Make, renew or stop the secret calendar address; a new address is shown once. */
export function CalendarFeedCard({ active }: { active: { since: string; lastRead: string | null } | null }) {
  const t = useTranslations("notify");
  const locale = useLocale();
  const [created, create, creating] = useActionState<FeedState, FormData>(createFeedAction, {});
  const [revoked, revoke, revoking] = useActionState<FeedState, FormData>(revokeFeedAction, {});
  const isActive = created.url ? true : revoked.revoked ? false : !!active;
  return (
    <Card aria-labelledby="calendar-title">
      <CardTitle id="calendar-title">{t("calendarTitle")}</CardTitle>
      <p className="mb-3 text-sm text-slate-700">{t("calendarLead")}</p>
      {created.url ? (
        <div className="mb-3" role="status">
          <label htmlFor="feed-url" className="block text-sm font-medium text-slate-900">
            {t("calendarUrl")}
          </label>
          <input id="feed-url" readOnly value={created.url} className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <p className="mt-1 text-xs text-slate-700">{t("calendarShownOnce")}</p>
        </div>
      ) : null}
      {revoked.revoked && !created.url ? <p role="status" className="mb-3 text-sm text-slate-800">{t("calendarRevoked")}</p> : null}
      {!created.url && isActive && active ? <p className="mb-3 text-sm text-slate-700">{t("calendarActive", { since: active.since, lastRead: active.lastRead ?? "—" })}</p> : null}
      <div className="flex flex-wrap gap-2">
        <form action={create}>
          <input type="hidden" name="locale" value={locale} />
          <Button type="submit" disabled={creating}>
            {isActive ? t("calendarRenew") : t("calendarCreate")}
          </Button>
        </form>
        {isActive ? (
          <form action={revoke}>
            <input type="hidden" name="locale" value={locale} />
            <Button type="submit" variant="secondary" disabled={revoking}>
              {t("calendarStop")}
            </Button>
          </form>
        ) : null}
      </div>
    </Card>
  );
}
