import { getTranslations } from "next-intl/server";
import { takeDetailedStep } from "@/lib/actions/case-actions";
import type { DetailedAction } from "@/lib/cases/detailed-steps";
import { ARBITRATION_BARS, ARBITRATION_REMEDIES, COMMERCE_OUTCOMES, REMEDY_KINDS, VERDICTS, type Party, type RemedyKind } from "@/lib/ladder";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormFieldError, FormInput, FormSelect, FormTextarea } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { inputClass } from "@/components/ui/field";

interface Props {
  action: DetailedAction;
  label: string;
  caseId: string;
  version: number;
  party: Party;
  target?: string;
  /** The notice once the step is taken. */
  doneText: string;
  /** The arbitrators proposed on the case, for strikes and the panel. */
  proposed?: string[];
}

/** The fields a step needs, folded under its name; the server checks them with the same schema. */
export async function StepDetailsForm({ action, label, doneText, caseId, version, party, target, proposed = [] }: Props) {
  const busy = (await getTranslations("common"))("busy");
  const t = await getTranslations("details");
  const id = `${action}-${target ?? "x"}`;
  return (
    <details className="rounded-md ring-1 ring-slate-300">
      <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium text-slate-900">{label}</summary>
      <ActionForm action={takeDetailedStep} idPrefix={id} fields={{ caseId, action, version, party, target }} doneText={doneText} labels={await stepLabels(action)} className="space-y-3 p-3">
        <StepFields action={action} id={id} proposed={proposed} />
        <SubmitButton busyLabel={busy}>{t("submit")}</SubmitButton>
      </ActionForm>
    </details>
  );
}

/**
 * The labels of a step's fields, by the names the pipeline reports errors under, so the
 * error summary names and links each one.
 */
export async function stepLabels(action: DetailedAction): Promise<Record<string, string>> {
  const t = await getTranslations("details");
  const remedies = Object.fromEntries(
    [0, 1, 2].flatMap((i) => [
      [`remedy_kind_${i}`, `${t("remedyKind")} ${i + 1}`],
      [`remedy_due_${i}`, `${t("remedyKind")} ${i + 1}: ${t("due")}`],
      [`remedy_description_${i}`, `${t("remedyKind")} ${i + 1}: ${t("description")}`],
    ]),
  );
  const names = Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`name_${i}`, t("nameN", { n: i + 1 })]));
  return {
    ...remedies,
    ...names,
    remedies: action === "settle" ? t("agreedRemedies") : t("remedies"),
    decision: t("decision"),
    verdict: t("verdict", { what: action === "issue_award" ? "claim" : "complaint" }),
    reason: t("reason"),
    findings: t("findings"),
    outcome: action === "close_case" ? t("closeOutcome") : t("outcome"),
    kind: t("referralKind"),
    evidence: t("evidence"),
    hearingAt: t("hearingAt"),
    mode: t("mode"),
    arbitrators: t("arbitrators"),
    choices: t("strikeHint"),
    bar: t("bar"),
  };
}

/**
 * A step's fields inside an `ActionForm` whose `idPrefix` is `id`. `wide` lays them out for a
 * page of their own: findings and reasons get room to be written in full.
 */
export async function StepFields({ action, id, proposed = [], wide = false }: { action: DetailedAction; id: string; proposed?: string[]; wide?: boolean }) {
  const t = await getTranslations("details");
  const kinds: readonly RemedyKind[] = action === "issue_award" ? ARBITRATION_REMEDIES : REMEDY_KINDS;
  return (
    <>
        {action === "decide_eligibility" ? (
          <>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t("decision")}</legend>
              {(["eligible", "ineligible", "dismissed"] as const).map((d) => (
                <label key={d} className="flex items-center gap-2 text-sm">
                  <FormInput type="radio" name="decision" value={d} required />
                  {t(d)}
                </label>
              ))}
              <FormFieldError name="decision" />
            </fieldset>
            <label htmlFor={fieldId(id, "reason")} className="block text-sm font-medium">
              {t("reason")}
            </label>
            <FormTextarea name="reason" rows={wide ? 6 : 3} maxLength={2000} className={inputClass} />
          </>
        ) : null}

        {action === "issue_determination" || action === "issue_advice" || action === "issue_award" ? (
          // R2.4: the verdict first; the remedies below follow from it.
          <fieldset className="space-y-1" aria-describedby={`${id}-verdict-hint`}>
            <legend className="text-sm font-medium">{t("verdict", { what: action === "issue_award" ? "claim" : "complaint" })}</legend>
            <p id={`${id}-verdict-hint`} className="text-xs text-slate-600">
              {t("verdictHint")}
            </p>
            {VERDICTS.map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm">
                <FormInput type="radio" name="verdict" value={v} required />
                {t(`verdicts.${v}`)}
              </label>
            ))}
            <FormFieldError name="verdict" />
          </fieldset>
        ) : null}

        {action === "settle" ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("settleWarning")}</p> : null}
        {action === "issue_determination" || action === "issue_advice" || action === "issue_award" || action === "settle" ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">{action === "settle" ? t("agreedRemedies") : t("remedies")}</legend>
            {action === "issue_award" ? <p className="text-sm text-slate-700">{t("awardRelief")}</p> : null}
            {[0, 1, 2].map((i) => (
              <div key={i} className="grid gap-2 rounded-md bg-slate-50 p-2 sm:grid-cols-2">
                <div>
                  <label htmlFor={fieldId(id, `remedy_kind_${i}`)} className="block text-xs font-medium">
                    {t("remedyKind")} {i + 1}
                  </label>
                  <FormSelect name={`remedy_kind_${i}`} className={inputClass}>
                    <option value="">{t("none")}</option>
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`remedy.${k}`)}
                      </option>
                    ))}
                  </FormSelect>
                </div>
                <div>
                  <label htmlFor={fieldId(id, `remedy_due_${i}`)} className="block text-xs font-medium">
                    {/* Named with its remedy: the form holds three of each field. */}
                    <span className="sr-only">
                      {t("remedyKind")} {i + 1}:{" "}
                    </span>
                    {t("due")}
                  </label>
                  <FormInput type="date" name={`remedy_due_${i}`} className={inputClass} />
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor={fieldId(id, `remedy_description_${i}`)} className="block text-xs font-medium">
                    <span className="sr-only">
                      {t("remedyKind")} {i + 1}:{" "}
                    </span>
                    {t("description")}
                  </label>
                  <FormInput name={`remedy_description_${i}`} maxLength={500} className={inputClass} />
                </div>
              </div>
            ))}
            <FormFieldError name="remedies" />
          </fieldset>
        ) : null}

        {action === "issue_determination" || action === "issue_advice" || action === "issue_award" || action === "conclude_review" ? (
          <>
            <label htmlFor={fieldId(id, "findings")} className="block text-sm font-medium">
              {t("findings")}
            </label>
            <p id={`${id}-findings-hint`} className="text-xs text-slate-600">
              {t("findingsHint")}
            </p>
            <FormTextarea name="findings" rows={wide ? 14 : 5} maxLength={5000} required={action !== "conclude_review"} aria-describedby={`${id}-findings-hint`} className={inputClass} />
          </>
        ) : null}

        {action === "conclude_review" ? (
          <>
            <label htmlFor={fieldId(id, "outcome")} className="block text-sm font-medium">
              {t("outcome")}
            </label>
            <FormSelect name="outcome" className={inputClass}>
              {COMMERCE_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`commerce.${o}`)}
                </option>
              ))}
            </FormSelect>
          </>
        ) : null}

        {action === "notice_referral" ? (
          <>
            <label htmlFor={fieldId(id, "kind")} className="block text-sm font-medium">
              {t("referralKind")}
            </label>
            <FormSelect name="kind" className={inputClass}>
              <option value="ftc">{t("ftc")}</option>
              <option value="delisting">{t("delisting")}</option>
            </FormSelect>
          </>
        ) : null}

        {action === "record_compliance" ? (
          <>
            <label htmlFor={fieldId(id, "evidence")} className="block text-sm font-medium">
              {t("evidence")}
            </label>
            <FormTextarea name="evidence" rows={3} required maxLength={2000} className={inputClass} />
          </>
        ) : null}

        {action === "propose_arbitrators" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("names")}</legend>
            {[0, 1, 2, 3, 4].map((i) => (
              <div key={i}>
                <label htmlFor={fieldId(id, `name_${i}`)} className="block text-xs font-medium">
                  {t("nameN", { n: i + 1 })}
                </label>
                <FormInput name={`name_${i}`} required maxLength={200} className={inputClass} />
              </div>
            ))}
            <FormFieldError name="names" />
          </fieldset>
        ) : null}

        {action === "submit_strikes" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("strikeHint")}</legend>
            {proposed.map((name, i) => (
              <div key={name} className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm">{name}</span>
                <label htmlFor={fieldId(id, `choice:${name}`)} className="sr-only">
                  {t("choice", { name })}
                </label>
                <FormSelect name={`choice:${name}`} defaultValue={i < 2 ? "strike" : String(i - 1)} className="rounded border border-slate-400 px-2 py-1 text-sm">
                  <option value="strike">{t("strike")}</option>
                  <option value="1">{t("rank1")}</option>
                  <option value="2">{t("rank2")}</option>
                  <option value="3">{t("rank3")}</option>
                </FormSelect>
              </div>
            ))}
            <FormFieldError name="choices" />
          </fieldset>
        ) : null}

        {action === "constitute_panel" ? (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("arbitrators")}</legend>
            {proposed.map((name) => (
              <label key={name} className="flex items-center gap-2 text-sm">
                <FormInput type="checkbox" name="arbitrators" value={name} />
                {name}
              </label>
            ))}
            <FormFieldError name="arbitrators" />
          </fieldset>
        ) : null}

        {action === "schedule_hearing" ? (
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <label htmlFor={fieldId(id, "hearingAt")} className="block text-sm font-medium">
                {t("hearingAt")}
              </label>
              <FormInput type="datetime-local" name="hearingAt" required className={inputClass} />
            </div>
            <div>
              <label htmlFor={fieldId(id, "mode")} className="block text-sm font-medium">
                {t("mode")}
              </label>
              <FormSelect name="mode" className={inputClass}>
                <option value="video">{t("video")}</option>
                <option value="phone">{t("phone")}</option>
              </FormSelect>
            </div>
          </div>
        ) : null}

        {action === "record_bar" ? (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("bar")}</legend>
            {ARBITRATION_BARS.map((b) => (
              <label key={b} className="flex items-center gap-2 text-sm">
                <FormInput type="radio" name="bar" value={b} required />
                {t(`bars.${b}`)}
              </label>
            ))}
            <FormFieldError name="bar" />
          </fieldset>
        ) : null}

        {action === "close_case" ? (
          <>
            <label htmlFor={fieldId(id, "outcome")} className="block text-sm font-medium">
              {t("closeOutcome")}
            </label>
            <FormTextarea name="outcome" rows={wide ? 4 : 2} required maxLength={500} className={inputClass} />
          </>
        ) : null}

    </>
  );
}
