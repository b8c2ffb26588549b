import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { platformCounts } from "@/lib/admin/overview";
import { listCases } from "@/lib/cases/queries";
import { signedInContext } from "@/lib/page-context";
import { CaseTable } from "@/components/case-list/case-table";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormFieldError, FormInput } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { updateRetentionAction } from "@/lib/actions/policy-actions";
import { RETENTION_DAYS_RANGE, retentionPolicy } from "@/lib/retention/policy";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("admin");

export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("home");
  const tc = await getTranslations("cases");
  const tp = await getTranslations("policy");
  const tcert = await getTranslations("certifications");
  const ta = await getTranslations("accounts");
  const tau = await getTranslations("auditLog");
  const policy = await retentionPolicy(db, actor);
  const source = { setting: tp("sourceSetting"), environment: tp("sourceEnvironment"), default: tp("sourceDefault") }[policy.source];
  const counts = await platformCounts(db, actor);
  const stats = [
    [t("organisations"), counts.organisations],
    [t("providers"), counts.providers],
    [t("users"), counts.users],
    [t("openCases"), counts.openCases],
    [t("referrals"), counts.referrals],
  ] as const;
  return (
    <>
      <PageHeader title={t("adminTitle")} />
      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <Card aria-labelledby="certifications-title" className="mb-8 max-w-2xl">
        <CardTitle id="certifications-title">{tcert("title")}</CardTitle>
        <p className="mb-3 text-sm text-slate-700">{tcert("adminLead")}</p>
        <Link href="/admin/certifications">{tcert("adminLink")}</Link>
      </Card>
      <Card aria-labelledby="accounts-title" className="mb-8 max-w-2xl">
        <CardTitle id="accounts-title">{ta("title")}</CardTitle>
        <p className="mb-3 text-sm text-slate-700">{ta("lead")}</p>
        <Link href="/admin/users">{ta("adminLink")}</Link>
        <p className="mt-2">
          <Link href="/admin/audit">{tau("adminLink")}</Link>
        </p>
      </Card>
      <Card id="policy" className="mb-8 max-w-2xl">
        <CardTitle>{tp("title")}</CardTitle>
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
      <h2 className="mb-3 text-xl font-semibold">{tc("allTitle")}</h2>
      <CaseTable items={await listCases(db, actor, { limit: 200 })} now={now} caption={tc("allTitle")} />
    </>
  );
}
