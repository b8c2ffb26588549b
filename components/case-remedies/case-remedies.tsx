import { getTranslations } from "next-intl/server";
import { calendarDay, type Clock, type TrackedRemedy } from "@/lib/ladder";
import { Badge } from "@/components/ui/badge";

/**
 * What was ordered or agreed, as a checklist every party reads the same way (R4.3): each
 * remedy, its due date in the acting party's time zone, and whether it was carried out.
 */
export async function CaseRemedies({ remedies, clocks, zone }: { remedies: TrackedRemedy[]; clocks: Clock[]; zone: string }) {
  const t = await getTranslations("remedies");
  const td = await getTranslations("details");
  return (
    <ul className="space-y-2" data-testid="remedies">
      {remedies.map((r) => {
        const missed = !r.compliedAt && clocks.find((c) => c.id === `remedy:${r.id}`)?.state === "missed";
        return (
          <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 rounded-md p-2 ring-1 ring-slate-200">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{td(`remedy.${r.kind}` as "remedy.delete")}</p>
              {r.description ? <p className="break-words text-sm text-slate-700">{r.description}</p> : null}
              <p className="text-sm text-slate-700">{r.compliedAt ? t("done", { date: calendarDay(r.compliedAt, zone) }) : t("due", { date: calendarDay(r.dueAt, zone) })}</p>
            </div>
            <Badge tone={r.compliedAt ? "good" : missed ? "bad" : "warn"}>{r.compliedAt ? t("carriedOut") : missed ? t("missed") : t("open")}</Badge>
          </li>
        );
      })}
    </ul>
  );
}
