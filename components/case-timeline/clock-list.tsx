import { getLocale, getTranslations } from "next-intl/server";
import { calendarDay, type Clock, type TrackedRemedy } from "@/lib/ladder";
import { messageKey } from "@/lib/i18n/message-key";
import { DeadlineBadge } from "@/components/deadline-badge/deadline-badge";
import { Badge, type Tone } from "@/components/ui/badge";

const STATE_TONE: Record<Clock["state"], Tone> = { running: "info", paused: "warn", met: "good", missed: "bad", stopped: "neutral" };

/** A zone as people name it in this language ("Eastern Time", "Nordamerikanische Ostküstenzeit"). */
function zoneName(locale: string, zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

/** Every clock on the case with its due date, state and the rule behind it. */
export async function ClockList({ clocks, now, remedies = [] }: { clocks: Clock[]; now: Date; remedies?: TrackedRemedy[] }) {
  const t = await getTranslations("ladder");
  const tc = await getTranslations("case");
  const td = await getTranslations("details");
  const locale = await getLocale();
  // A remedy's clock says which remedy: a determination may order several.
  const name = (c: Clock) => {
    const remedy = remedies.find((r) => c.id === `remedy:${r.id}`);
    const kind = t(`clock.${messageKey(c.kind)}` as "clock.remedy");
    return remedy ? `${kind}: ${td(`remedy.${remedy.kind}` as "remedy.delete")}` : kind;
  };
  if (!clocks.length) return <p className="text-slate-700">{tc("noClocks")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="clocks">
      {clocks.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div>
            <p className="font-medium text-slate-900">{name(c)}</p>
            <p className="text-sm text-slate-600">
              {c.completedAt ? tc("completed", { date: calendarDay(c.completedAt, c.zone) }) : c.aim ? tc("aimedFor", { date: calendarDay(c.dueAt, c.zone) }) : tc("due", { date: calendarDay(c.dueAt, c.zone) })}
            </p>
            <details className="text-xs text-slate-600">
              {/* Each clock's own question (its visible words first): the list holds several, and a screen reader lists them by name. */}
              <summary className="cursor-pointer" aria-label={`${tc("why")} (${name(c)})`}>
                {tc("why")}
              </summary>
              {/* How the date was found, in words; the rule's id and the zone's own name for those who check. */}
              {c.span ? (
                <span className="block">
                  {t("whyCount", { days: c.span.days, unit: c.span.unit, start: calendarDay(c.startedAt, c.zone), paused: c.pausedDays, aim: c.aim ? "yes" : "no" })}
                </span>
              ) : null}
              <span className="block">{t("whyZone", { zone: zoneName(locale, c.zone, c.dueAt) })}</span>
              <span className="block">
                {c.rule} · {c.policy ? t("policyFigure") : t("frameworkRule")} · {c.zone}
              </span>
            </details>
          </div>
          <div className="flex items-center gap-2">
            {c.state === "running" ? <DeadlineBadge dueAt={c.dueAt} now={now} zone={c.zone} /> : null}
            {c.aim ? (
              <Badge tone={c.state === "missed" ? "neutral" : STATE_TONE[c.state]}>{c.state === "missed" ? t("clockState.aimPassed") : t(`clockState.${c.state}`)}</Badge>
            ) : (
              <Badge tone={STATE_TONE[c.state]}>{t(`clockState.${c.state}`)}</Badge>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
