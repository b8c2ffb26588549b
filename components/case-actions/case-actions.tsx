import { getTranslations } from "next-intl/server";
import { takeStep } from "@/lib/actions/case-actions";
import { ONE_CLICK_STEPS } from "@/lib/cases/steps";
import type { AvailableAction, Party } from "@/lib/ladder";
import { Button } from "@/components/ui/button";

/**
 * The steps the ladder allows this party now, each a small form; a step that is not allowed
 * is shown disabled with the ladder's reason.
 */
export async function CaseActions({ caseId, version, party, locale, actions, irmName }: { caseId: string; version: number; party: Party; locale: string; actions: AvailableAction[]; irmName: string }) {
  const t = await getTranslations("actions");
  const tr = await getTranslations("reasons");
  const reasonText = (a: AvailableAction) => {
    const code = a.reason?.code ?? "generic";
    return tr.has(code as "generic") ? tr(code as "generic", a.reason?.params as Record<string, Date>) : tr("generic");
  };
  const visible = actions.filter((a) => a.allowed || a.reason?.code !== "not_your_action");
  if (!visible.length) return <p className="text-slate-700">{t("none")}</p>;
  return (
    <ul className="space-y-3">
      {visible.map((a, i) => {
        const oneClick = ONE_CLICK_STEPS.includes(a.action);
        const enabled = a.allowed && oneClick;
        const id = `action-${i}-reason`;
        return (
          <li key={`${a.action}:${a.target ?? ""}`}>
            <form action={takeStep} className="flex flex-col gap-1">
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="action" value={a.action} />
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="party" value={party} />
              {a.target ? <input type="hidden" name="target" value={a.target} /> : null}
              <Button type="submit" variant={a.action === "withdraw" ? "danger" : enabled ? "primary" : "secondary"} disabled={!enabled} aria-describedby={!enabled ? id : undefined} className="justify-start text-left">
                {t(a.action, { body: irmName })}
              </Button>
              {!a.allowed ? (
                <p id={id} className="text-sm text-slate-700">
                  {reasonText(a)}
                </p>
              ) : !oneClick ? (
                <p id={id} className="text-sm text-slate-700">
                  {t("needsDetails")}
                </p>
              ) : null}
            </form>
          </li>
        );
      })}
    </ul>
  );
}
