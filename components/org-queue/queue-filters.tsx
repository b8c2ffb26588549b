import { getTranslations } from "next-intl/server";
import { FRAMEWORK_IDS } from "@/lib/ladder";
import type { QueueFilter } from "@/lib/cases/queue";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** The queue's filters as a plain GET form: shareable URLs, works without JavaScript. */
export async function QueueFilters({ filter, staff, action }: { filter: QueueFilter; staff: { id: string; name: string | null }[]; action: string }) {
  const t = await getTranslations("queue");
  const tl = await getTranslations("ladder");
  const select = (name: keyof QueueFilter, label: string, options: [string, string][]) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={String(filter[name])} className={inputClass}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={action} aria-label={t("filters")} className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-5">
      <div className="sm:col-span-3 lg:col-span-2">
        <label htmlFor="f-q" className="block text-xs font-medium text-slate-700">
          {t("search")}
        </label>
        <input id="f-q" name="q" type="search" defaultValue={filter.q} className={inputClass} />
      </div>
      <input type="hidden" name="view" value={filter.view} />
      {select("rung", t("rung"), [["any", t("any")], ...(["organisation", "irm", "dpa_panel", "commerce", "arbitration"] as const).map((r): [string, string] => [r, tl(`rung.${r}`)])])}
      {select("framework", t("framework"), [["any", t("any")], ...FRAMEWORK_IDS.map((f): [string, string] => [f, tl(`framework.${f}`)])])}
      {select("hr", t("hr"), [["any", t("any")], ["yes", "✓"], ["no", "—"]])}
      {select("assignee", t("assignee"), [["any", t("any")], ["me", t("me")], ["none", t("none")], ...staff.map((s): [string, string] => [s.id, s.name ?? s.id])])}
      {select("sort", t("sort"), [["due", t("sortDue")], ["filed", t("sortFiled")], ["reference", t("sortReference")]])}
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === "1"} />
        {t("overdue")}
      </label>
      <div className="self-end">
        <Button type="submit">{t("apply")}</Button>
      </div>
    </form>
  );
}
