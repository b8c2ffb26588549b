"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { calendarFeedAction } from "@/lib/actions/notification-actions";
import { idleState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";

/** Make, renew or stop the secret calendar address; a new address is shown once. */
export function CalendarFeedCard({ active }: { active: { since: string; lastRead: string | null } | null }) {
  const t = useTranslations("notify");
  const locale = useLocale();
  const [answer, act, pending] = useActionState(calendarFeedAction, idleState);
  const state = { url: answer.result?.url ?? null, revoked: answer.done === "revoked" };
  const isActive = state.url ? true : state.revoked ? false : !!active;
  return (
    <Card aria-labelledby="calendar-title">
      <CardTitle id="calendar-title">{t("calendarTitle")}</CardTitle>
      <p className="mb-3 text-sm text-slate-700">{t("calendarLead")}</p>
      {state.url ? (
        <div className="mb-3" role="status">
          <label htmlFor="feed-url" className="block text-sm font-medium text-slate-900">
            {t("calendarUrl")}
          </label>
          <input id="feed-url" readOnly value={state.url} className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <p className="mt-1 text-xs text-slate-700">{t("calendarShownOnce")}</p>
        </div>
      ) : null}
      {state.revoked && !state.url ? <p role="status" className="mb-3 text-sm text-slate-800">{t("calendarRevoked")}</p> : null}
      {!state.url && !state.revoked && active ? <p className="mb-3 text-sm text-slate-700">{t("calendarActive", { since: active.since, lastRead: active.lastRead ?? "—" })}</p> : null}
      <div className="flex flex-wrap gap-2">
        <form action={act}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="intent" value="create" />
          <Button type="submit" disabled={pending}>
            {isActive ? t("calendarRenew") : t("calendarCreate")}
          </Button>
        </form>
        {isActive ? (
          <form action={act}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="intent" value="revoke" />
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("calendarStop")}
            </Button>
          </form>
        ) : null}
      </div>
    </Card>
  );
}
