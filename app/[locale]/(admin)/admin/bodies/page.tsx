import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { saveBodyDetails } from "@/lib/actions/body-actions";
import { listBodies, type BodyRow } from "@/lib/directory/bodies";
import { signedInContext } from "@/lib/page-context";
import { ActionForm, FormInput } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Badge } from "@/components/ui/badge";
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
        {bodies.map((b) => (
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
            <details className="mt-4 rounded-md ring-1 ring-slate-300">
              <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium">{t("edit", { name: b.name })}</summary>
              <ActionForm action={saveBodyDetails} idPrefix={`body-${b.slug}`} fields={{ providerId: b.id }} doneText={t("saved")} labels={{ name: t("name"), contactEmail: t("contact"), website: t("website") }} className="space-y-3 p-3">
                <p className="text-sm text-slate-700">{t("editLead")}</p>
                <Field id={fieldId(`body-${b.slug}`, "name")} label={t("name")}>
                  <FormInput name="name" required maxLength={200} defaultValue={b.name} className={inputClass} />
                </Field>
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
