import { getTranslations } from "next-intl/server";
import type { ArbitrationGate } from "@/lib/ladder";
import { messageKey } from "@/lib/i18n/message-key";
import { Badge } from "@/components/ui/badge";

/** Annex I, condition by condition (R3.1 pre-conditions, R3.2 bars, R3.3 remedies). */
export async function ArbitrationChecklist({ gate }: { gate: ArbitrationGate }) {
  const t = await getTranslations("gate");
  return (
    <div>
      <p className={gate.open ? "mb-3 font-medium text-emerald-900" : "mb-3 text-slate-800"}>{{ open: t("open"), under_way: t("underWay"), barred: t("barredNow"), not_yet: t("closed") }[gate.status]}</p>
      <ul className="space-y-2" aria-label={t("title")}>
        {gate.preconditions.map((p) => (
          <li key={p.id} className="flex items-start justify-between gap-3 text-sm">
            <span>
              {t(messageKey(p.id) as "R3_1a")}
              {!p.met && p.from ? <span className="block text-xs text-slate-600">{t("metFrom", { date: new Date(p.from.getTime() + 1) })}</span> : null}
            </span>
            <Badge tone={p.met ? "good" : "warn"}>{p.met ? t("met") : t("missing")}</Badge>
          </li>
        ))}
        {gate.bars.map((b) => (
          <li key={b.id} className="flex items-start justify-between gap-3 text-sm">
            <span>{t(messageKey(b.id) as "R3_1a")}</span>
            <Badge tone={b.barred ? "bad" : "good"}>{b.barred ? t("barred") : t("clear")}</Badge>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-700">{t("remediesAllowed")}</p>
      <p className="text-sm text-slate-700">{t("remediesForbidden")}</p>
    </div>
  );
}
