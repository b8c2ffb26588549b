import { getTranslations } from "next-intl/server";
import { takeDetailedStep } from "@/lib/actions/case-actions";
import type { DetailedAction } from "@/lib/cases/detailed-steps";
import { ARBITRATION_REMEDIES, COMMERCE_OUTCOMES, REMEDY_KINDS, type Party, type RemedyKind } from "@/lib/ladder";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";

interface Props {
  action: DetailedAction;
  label: string;
  caseId: string;
  version: number;
  party: Party;
  locale: string;
  target?: string;
  /** The arbitrators proposed on the case, for strikes and the panel. */
  proposed?: string[];
}

/** The fields a step needs, folded under its name; the server checks them with the same schema. */
export async function StepDetailsForm({ action, label, caseId, version, party, locale, target, proposed = [] }: Props) {
  const busy = (await getTranslations("common"))("busy");
  const t = await getTranslations("details");
  const id = `${action}-${target ?? "x"}`;
  const kinds: readonly RemedyKind[] = action === "issue_award" ? ARBITRATION_REMEDIES : REMEDY_KINDS;
  return (
    <details className="rounded-md ring-1 ring-slate-300">
      <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium text-slate-900">{label}</summary>
      <form action={takeDetailedStep} className="space-y-3 p-3">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="action" value={action} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="party" value={party} />
        {target ? <input type="hidden" name="target" value={target} /> : null}

        {action === "decide_eligibility" ? (
          <>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t("decision")}</legend>
              {(["eligible", "ineligible", "dismissed"] as const).map((d) => (
                <label key={d} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="decision" value={d} defaultChecked={d === "eligible"} required />
                  {t(d)}
                </label>
              ))}
            </fieldset>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              {t("reason")}
            </label>
            <textarea id={`${id}-reason`} name="reason" rows={3} maxLength={2000} className={inputClass} />
          </>
        ) : null}

        {action === "settle" ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("settleWarning")}</p> : null}
        {action === "issue_determination" || action === "issue_advice" || action === "issue_award" || action === "settle" ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">{action === "settle" ? t("agreedRemedies") : t("remedies")}</legend>
            {action === "issue_award" ? <p className="text-sm text-slate-700">{t("awardRelief")}</p> : null}
            {[0, 1, 2].map((i) => (
              <div key={i} className="grid gap-2 rounded-md bg-slate-50 p-2 sm:grid-cols-2">
                <div>
                  <label htmlFor={`${id}-kind-${i}`} className="block text-xs font-medium">
                    {t("remedyKind")} {i + 1}
                  </label>
                  <select id={`${id}-kind-${i}`} name={`remedy_kind_${i}`} className={inputClass}>
                    <option value="">{t("none")}</option>
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`remedy.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`${id}-due-${i}`} className="block text-xs font-medium">
                    {t("due")}
                  </label>
                  <input id={`${id}-due-${i}`} type="date" name={`remedy_due_${i}`} className={inputClass} />
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor={`${id}-desc-${i}`} className="block text-xs font-medium">
                    {t("description")}
                  </label>
                  <input id={`${id}-desc-${i}`} name={`remedy_description_${i}`} maxLength={500} className={inputClass} />
                </div>
              </div>
            ))}
          </fieldset>
        ) : null}

        {action === "issue_determination" || action === "issue_advice" || action === "issue_award" || action === "conclude_review" ? (
          <>
            <label htmlFor={`${id}-findings`} className="block text-sm font-medium">
              {t("findings")}
            </label>
            <p id={`${id}-findings-hint`} className="text-xs text-slate-600">
              {t("findingsHint")}
            </p>
            <textarea id={`${id}-findings`} name="findings" rows={5} maxLength={5000} required={action !== "conclude_review"} aria-describedby={`${id}-findings-hint`} className={inputClass} />
          </>
        ) : null}

        {action === "conclude_review" ? (
          <>
            <label htmlFor={`${id}-outcome`} className="block text-sm font-medium">
              {t("outcome")}
            </label>
            <select id={`${id}-outcome`} name="outcome" className={inputClass}>
              {COMMERCE_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`commerce.${o}`)}
                </option>
              ))}
            </select>
          </>
        ) : null}

        {action === "notice_referral" ? (
          <>
            <label htmlFor={`${id}-kind`} className="block text-sm font-medium">
              {t("referralKind")}
            </label>
            <select id={`${id}-kind`} name="kind" className={inputClass}>
              <option value="ftc">{t("ftc")}</option>
              <option value="delisting">{t("delisting")}</option>
            </select>
          </>
        ) : null}

        {action === "record_compliance" ? (
          <>
            <label htmlFor={`${id}-evidence`} className="block text-sm font-medium">
              {t("evidence")}
            </label>
            <textarea id={`${id}-evidence`} name="evidence" rows={3} required maxLength={2000} className={inputClass} />
          </>
        ) : null}

        {action === "propose_arbitrators" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("names")}</legend>
            {[0, 1, 2, 3, 4].map((i) => (
              <div key={i}>
                <label htmlFor={`${id}-name-${i}`} className="block text-xs font-medium">
                  {t("nameN", { n: i + 1 })}
                </label>
                <input id={`${id}-name-${i}`} name={`name_${i}`} required maxLength={200} className={inputClass} />
              </div>
            ))}
          </fieldset>
        ) : null}

        {action === "submit_strikes" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("strikeHint")}</legend>
            {proposed.map((name, i) => (
              <div key={name} className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm">{name}</span>
                <label htmlFor={`${id}-choice-${i}`} className="sr-only">
                  {t("choice", { name })}
                </label>
                <select id={`${id}-choice-${i}`} name={`choice:${name}`} defaultValue={i < 2 ? "strike" : String(i - 1)} className="rounded border border-slate-400 px-2 py-1 text-sm">
                  <option value="strike">{t("strike")}</option>
                  <option value="1">{t("rank1")}</option>
                  <option value="2">{t("rank2")}</option>
                  <option value="3">{t("rank3")}</option>
                </select>
              </div>
            ))}
          </fieldset>
        ) : null}

        {action === "constitute_panel" ? (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("arbitrators")}</legend>
            {proposed.map((name) => (
              <label key={name} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="arbitrators" value={name} />
                {name}
              </label>
            ))}
          </fieldset>
        ) : null}

        {action === "schedule_hearing" ? (
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-at`} className="block text-sm font-medium">
                {t("hearingAt")}
              </label>
              <input id={`${id}-at`} type="datetime-local" name="hearingAt" required className={inputClass} />
            </div>
            <div>
              <label htmlFor={`${id}-mode`} className="block text-sm font-medium">
                {t("mode")}
              </label>
              <select id={`${id}-mode`} name="mode" className={inputClass}>
                <option value="video">{t("video")}</option>
                <option value="phone">{t("phone")}</option>
              </select>
            </div>
          </div>
        ) : null}

        {action === "close_case" ? (
          <>
            <label htmlFor={`${id}-outcome`} className="block text-sm font-medium">
              {t("closeOutcome")}
            </label>
            <input id={`${id}-outcome`} name="outcome" required maxLength={500} className={inputClass} />
          </>
        ) : null}

        <SubmitButton busyLabel={busy}>{t("submit")}</SubmitButton>
      </form>
    </details>
  );
}
