import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { saveBodyClocks, saveBodyDetails } from "@/lib/actions/body-actions";
import { CLOCK_DAYS, hasOwnName, listBodies, type BodyRow } from "@/lib/directory/bodies";
import { signedInContext } from "@/lib/page-context";
import { ActionForm, FormInput, FormSelect } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { bodyName } from "@/components/directory/body-name";
import { Badge } from "@/components/ui/badge";
import { ConfirmDisclosure } from "@/components/ui/confirm-disclosure";
import { Field, inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("bodies");

export default async function BodiesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await signedInContext(locale);
  // Mirrors the data layer's check (lib/auth/policy.ts `requireAdmin`): others find nothing here.
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("bodies");
  const tl = await getTranslations("ladder");
  const busy = (await getTranslations("common"))("busy");
  const bodies = await listBodies(db, actor);
  const span = (s: BodyRow["timeframes"][number]["span"]) => t(s.unit === "working" ? "workingDays" : "calendarDays", { days: s.days });
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ul className="space-y-4">
        {bodies.map((body) => ({ ...body, name: bodyName(t, body), storedName: body.name })).map((b) => (
          <li key={b.id} id={`body-${b.slug}`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby={`body-${b.slug}-name`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 id={`body-${b.slug}-name`} className="text-lg font-semibold break-words">
                {b.name}
              </h2>
              <Badge tone="info">{t(`kind.${b.kind}`)}</Badge>
            </div>
            <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">{t("contact")}</dt>
              <dd className="break-words">{b.contactEmail ?? t("none")}</dd>
              <dt className="text-slate-600">{t("website")}</dt>
              <dd className="break-words">{b.website ?? t("none")}</dd>
              <dt className="text-slate-600">{t("timeZone")}</dt>
              <dd>{b.timeZone}</dd>
              <dt className="text-slate-600">{t("frameworks")}</dt>
              <dd>{b.frameworks.length ? b.frameworks.map((f) => tl(`framework.${f}`)).join("; ") : t("noFramework")}</dd>
              <dt className="text-slate-600">{t("organisations")}</dt>
              <dd>{b.organisations === null ? t("everyOrganisation") : t("organisationCount", { count: b.organisations })}</dd>
              <dt className="text-slate-600">{t("accounts")}</dt>
              <dd>{t("accountCount", { count: b.accounts })}</dd>
            </dl>
            <h3 className="mt-4 text-base font-semibold">{t("timeframesTitle")}</h3>
            {b.timeframes.length ? (
              <>
                <p className="text-sm text-slate-700">{b.kind === "adr" ? t(b.ownTimeframe ? "ownTimeframe" : "defaultTimeframe") : t("ladderTimeframe")}</p>
                <ul className="mt-2 space-y-1 text-sm">
                  {b.timeframes.map((f) => (
                    <li key={f.kind} className="flex flex-wrap items-baseline gap-x-2">
                      <span>{t(`clock.${f.kind.replace(".", "_")}`)}:</span>
                      <strong>{span(f.span)}</strong>
                      <span className="text-slate-600">
                        ({[t(`source.${f.source}`), f.rule, ...(f.aim ? [t("aim")] : []), ...(f.pausesWhileAwaitingComplainant ? [t("pauses")] : [])].join(" · ")})
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="text-sm text-slate-700">{t("noTimeframe")}</p>
            )}
            {b.clocks ? <ClocksForm body={b as BodyRow & { clocks: NonNullable<BodyRow["clocks"]> }} /> : null}
            <details className="mt-4 rounded-md ring-1 ring-slate-300">
              <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium">{t("edit", { name: b.name })}</summary>
              {/* An authority is named in each reader's language: its stored name is kept as it is, not edited here. */}
              <ActionForm action={saveBodyDetails} idPrefix={`body-${b.slug}`} fields={{ providerId: b.id, ...(hasOwnName(b.kind) ? {} : { name: b.storedName }) }} doneText={t("saved")} labels={{ name: t("name"), contactEmail: t("contact"), website: t("website") }} className="space-y-3 p-3">
                <p className="text-sm text-slate-700">{t(hasOwnName(b.kind) ? "editLead" : "editLeadAuthority")}</p>
                {hasOwnName(b.kind) ? (
                  <Field id={fieldId(`body-${b.slug}`, "name")} label={t("name")}>
                    <FormInput name="name" required maxLength={200} defaultValue={b.name} className={inputClass} />
                  </Field>
                ) : null}
                <Field id={fieldId(`body-${b.slug}`, "contactEmail")} label={t("contact")}>
                  <FormInput name="contactEmail" type="email" maxLength={320} defaultValue={b.contactEmail ?? ""} className={inputClass} />
                </Field>
                <Field id={fieldId(`body-${b.slug}`, "website")} label={t("website")}>
                  <FormInput name="website" type="url" maxLength={500} defaultValue={b.website ?? ""} className={inputClass} />
                </Field>
                <SubmitButton busyLabel={busy}>{t("save")}</SubmitButton>
              </ActionForm>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * An IRM's own published clocks (R2.3), as `ProviderClockPolicy` holds them: each timeframe's
 * days and kind of day, and whether the decision clock stops while it awaits the complainant.
 * Saving asks first, naming the open cases that get new due dates.
 */
async function ClocksForm({ body: b }: { body: BodyRow & { clocks: NonNullable<BodyRow["clocks"]> } }) {
  const t = await getTranslations("bodies");
  const busy = (await getTranslations("common"))("busy");
  const prefix = `clocks-${b.slug}`;
  const labels = {
    acknowledgeDays: t("clocksForm.acknowledgeDays"),
    acknowledgeUnit: t("clocksForm.acknowledgeUnit"),
    determinationDays: t("clocksForm.determinationDays"),
    determinationUnit: t("clocksForm.determinationUnit"),
    pausesWhileAwaitingComplainant: t("pauses"),
  };
  const unitSelect = (name: "acknowledgeUnit" | "determinationUnit", value: string) => (
    <Field id={fieldId(prefix, name)} label={labels[name]}>
      <FormSelect name={name} defaultValue={value} className={inputClass}>
        <option value="calendar">{t("clocksForm.calendar")}</option>
        <option value="working">{t("clocksForm.working")}</option>
      </FormSelect>
    </Field>
  );
  const daysInput = (name: "acknowledgeDays" | "determinationDays", value: number) => (
    <Field id={fieldId(prefix, name)} label={labels[name]}>
      <FormInput name={name} type="number" inputMode="numeric" required min={CLOCK_DAYS.min} max={CLOCK_DAYS.max} step={1} defaultValue={String(value)} className={inputClass} />
    </Field>
  );
  return (
    <details className="mt-4 rounded-md ring-1 ring-slate-300">
      <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium">{t("clocksForm.edit", { name: b.name })}</summary>
      <ActionForm
        action={saveBodyClocks}
        idPrefix={prefix}
        fields={{ providerId: b.id }}
        doneMessage="bodies.clocksForm.saved"
        labels={labels}
        errorTexts={{ days_range: t("clocksForm.daysRange", CLOCK_DAYS) }}
        className="space-y-3 p-3"
      >
        <p className="text-sm text-slate-700">{t("clocksForm.lead")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {daysInput("acknowledgeDays", b.clocks.acknowledge.days)}
          {unitSelect("acknowledgeUnit", b.clocks.acknowledge.unit)}
          {daysInput("determinationDays", b.clocks.determination.days)}
          {unitSelect("determinationUnit", b.clocks.determination.unit)}
        </div>
        <div className="flex items-start gap-2 text-sm">
          <FormInput id={fieldId(prefix, "pausesWhileAwaitingComplainant")} name="pausesWhileAwaitingComplainant" type="checkbox" value="yes" defaultChecked={b.clocks.pausesWhileAwaitingComplainant} className="mt-1 h-4 w-4" />
          <label htmlFor={fieldId(prefix, "pausesWhileAwaitingComplainant")}>{t("clocksForm.pausesLabel")}</label>
        </div>
        <ConfirmDisclosure summary={t("clocksForm.save")} consequence={t("clocksForm.consequence", { count: b.openCases ?? 0 })} confirmLabel={t("clocksForm.confirm")} busyLabel={busy} />
      </ActionForm>
    </details>
  );
}
