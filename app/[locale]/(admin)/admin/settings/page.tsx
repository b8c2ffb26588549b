import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { signedInContext } from "@/lib/page-context";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormFieldError, FormInput } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { updateRetentionAction } from "@/lib/actions/policy-actions";
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_HOURS } from "@/lib/auth/sessions";
import { DEFAULT_POLICY } from "@/lib/ladder";
import { RETENTION_DAYS_RANGE, retentionPolicy } from "@/lib/retention/policy";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("adminSettings");

/** The settings in force: the retention period (stored, editable with a confirmation) and what the configuration and the rules fix (read-only). */
export default async function AdminSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const tp = await getTranslations("policy");
  const ts = await getTranslations("adminSettings");
  const policy = await retentionPolicy(db, actor);
  const source = { setting: tp("sourceSetting"), environment: tp("sourceEnvironment"), default: tp("sourceDefault") }[policy.source];
  // Where each figure is set, in words an administrator acts on.
  const fixed = [
    [ts("retentionEnvironment"), policy.environment === null ? ts("notSet") : ts("days", { days: policy.environment }), ts("where.environment", { name: "RECOURSE_RETENTION_DAYS" })],
    [ts("retentionDefault"), ts("days", { days: policy.fallback }), ts("where.default")],
    [ts("sessionIdle"), ts("hours", { hours: SESSION_IDLE_HOURS }), ts("where.fixed")],
    [ts("sessionAbsolute"), ts("hours", { hours: SESSION_ABSOLUTE_HOURS }), ts("where.fixed")],
    [ts("persistentFailure"), ts("days", { days: DEFAULT_POLICY.persistentFailureAfterDays }), ts("where.policy", { rule: "R4.2" })],
  ] as const;
  return (
    <>
      <PageHeader title={ts("title")} lead={ts("lead")} />
      <Card id="policy" className="mb-8 max-w-2xl">
        <CardTitle>{ts("retentionTitle")}</CardTitle>
        <ActionForm action={updateRetentionAction} idPrefix="policy" doneText={tp("saved")} labels={{ retentionDays: tp("retentionLabel"), confirmShorter: tp("confirmShorterLegend") }} errorTexts={{ retention_range: tp("retentionRange", RETENTION_DAYS_RANGE) }} className="mt-3 space-y-3">
          <Field id={fieldId("policy", "retentionDays")} label={tp("retentionLabel")} hint={`${tp("retentionHint", { days: policy.days, source })} ${tp("retentionRangeHint", RETENTION_DAYS_RANGE)}`}>
            <FormInput
              name="retentionDays"
              type="number"
              inputMode="numeric"
              min={RETENTION_DAYS_RANGE.min}
              max={RETENTION_DAYS_RANGE.max}
              step={1}
              required
              defaultValue={policy.days}
              className={`${inputClass} max-w-40`}
              aria-describedby={`${fieldId("policy", "retentionDays")}-hint`}
            />
          </Field>
          <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
            <label className="flex items-start gap-2">
              <FormInput id={`${fieldId("policy", "confirmShorter")}-box`} type="checkbox" name="confirmShorter" value="yes" className="mt-1" />
              <span>{tp("confirmShorter", { days: policy.days })}</span>
            </label>
            <FormFieldError name="confirmShorter" />
          </div>
          <SubmitButton busyLabel={(await getTranslations("common"))("busy")}>{tp("save")}</SubmitButton>
        </ActionForm>
      </Card>
      <Card aria-labelledby="configured-title" className="mb-8 max-w-2xl">
        <CardTitle id="configured-title">{ts("configuredTitle")}</CardTitle>
        <p className="mb-3 text-sm text-slate-700">{ts("configuredLead")}</p>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {fixed.map(([label, value, where]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd>
                {value} <span className="text-slate-600">({where})</span>
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
