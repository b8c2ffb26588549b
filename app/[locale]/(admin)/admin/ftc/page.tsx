import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { advanceReferral, delist, proposeReferral } from "@/lib/actions/enforcement-actions";
import { listReferrals, referralPrompts } from "@/lib/enforcement/register";
import { getOrganisationProfile } from "@/lib/directory/queries";
import { groupBy } from "@/lib/group-by";
import { mayDelist, nextReferralStatuses, type Referrer } from "@/lib/ladder";
import { signedInContext } from "@/lib/page-context";
import { Badge } from "@/components/ui/badge";
import { ConfirmDisclosure } from "@/components/ui/confirm-disclosure";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, ActionOutcomeNotice, ActionOutcomeProvider, FormInput } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Field, inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("ftc");

export default async function FtcRegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("register");
  const tr = await getTranslations("referral");
  const tp = await getTranslations("party");
  const format = await getFormatter();
  const busy = (await getTranslations("common"))("busy");
  const [referrals, prompts] = await Promise.all([listReferrals(db, actor), referralPrompts(db, actor, now)]);
  const referrer = (r: Referrer | string) => tp(r === "member_state" ? "administrator" : (r as "irm"));
  const byCompany = [...groupBy(referrals, (r) => r.organisationId).values()];
  const participants = new Map<string, boolean>();
  for (const [first] of byCompany) participants.set(first!.organisationId, (await getOrganisationProfile(db, first!.organisationSlug))?.participant ?? false);
  return (
    <ActionOutcomeProvider>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ActionOutcomeNotice />
      <section aria-labelledby="prompts-title" className="mb-8">
        <h2 id="prompts-title" className="mb-2 text-xl font-semibold">
          {t("promptsTitle")}
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{t("promptsLead")}</p>
        {!prompts.length ? <p className="rounded-md bg-white p-4 ring-1 ring-slate-200">{t("promptsEmpty")}</p> : null}
        <ul className="space-y-3">
          {prompts.map((company) => (
            <li key={company.organisationId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby={`prompt-${company.organisationId}`}>
              <h3 id={`prompt-${company.organisationId}`} className="font-semibold">
                {company.organisation}
              </h3>
              <ul className="mt-2 space-y-2">
                {company.prompts.map((p) => (
                  <li key={`${p.caseId}:${p.referrer}`} className="text-sm">
                    <p>
                      <Link href={`/cases/${p.caseId}`} className="underline">
                        {p.reference}
                      </Link>{" "}
                      · {t(p.source === "commerce_review" ? "promptCommerce" : "promptRemedies", { referrer: referrer(p.referrer), count: p.remedyIds.length })}
                    </p>
                    <ActionForm action={proposeReferral} idPrefix={`propose-${p.caseId}-${p.referrer}`} fields={{ caseId: p.caseId, referrer: p.referrer }} doneText={t("proposed")} className="mt-1">
                      <ConfirmDisclosure
                        summary={t("proposeSummary", { referrer: referrer(p.referrer) })}
                        consequence={t("proposeConsequence", { reference: p.reference, status: tr("proposed") })}
                        confirmLabel={t("markAs", { status: tr("proposed") })}
                        busyLabel={busy}
                      />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="register-title">
        <h2 id="register-title" className="mb-3 text-xl font-semibold">
          {t("referralsTitle")}
        </h2>
        {!referrals.length ? <p className="rounded-md bg-white p-6 ring-1 ring-slate-200">{t("empty")}</p> : null}
        <div className="space-y-6">
          {byCompany.map((rows) => {
            const org = rows[0]!;
            const listed = participants.get(org.organisationId);
            return (
              <section key={org.organisationId} aria-labelledby={`company-${org.organisationId}`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 id={`company-${org.organisationId}`} className="text-lg font-semibold">
                    {org.organisation}
                  </h3>
                  {listed ? null : <Badge tone="bad">{t("removed")}</Badge>}
                </div>
                <ul className="mt-3 space-y-3">
                  {rows.map((r) => (
                    <li key={r.id} className="border-t border-slate-200 pt-3 text-sm">
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <p>
                          <Link href={`/cases/${r.caseId}`} className="underline">
                            {r.reference}
                          </Link>{" "}
                          · {r.id} · {t("referrer")}: {referrer(r.referrer)} · {format.dateTime(r.updatedAt, { dateStyle: "medium" })}
                        </p>
                        <Badge tone={r.status === "action_taken" ? "bad" : "info"}>{tr(r.status)}</Badge>
                      </div>
                      {r.caseId ? (
                        <div className="mt-2 flex flex-wrap gap-2">
                          {nextReferralStatuses(r.status).map((next) => (
                            <ActionForm key={next} action={advanceReferral} idPrefix={`advance-${r.id}-${next}`} fields={{ caseId: r.caseId, referralId: r.id, status: next }} doneText={t("advanced", { status: tr(next) })}>
                              <ConfirmDisclosure
                                summary={t("markAsSummary", { status: tr(next) })}
                                consequence={t("moveConsequence", { id: r.id, from: tr(r.status), to: tr(next) })}
                                confirmLabel={t("markAs", { status: tr(next) })}
                                busyLabel={busy}
                              />
                            </ActionForm>
                          ))}
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {!listed ? null : mayDelist(rows.map((r) => r.status)) ? (
                  <details className="mt-4 rounded-md ring-1 ring-slate-300">
                    <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium text-red-800">{t("delistSummary", { organisation: org.organisation })}</summary>
                    <ActionForm action={delist} idPrefix={`delist-${org.organisationId}`} fields={{ organisationId: org.organisationId }} doneText={t("delisted")} labels={{ reason: t("delistReason") }} className="space-y-2 p-3">
                      <p className="text-sm text-slate-700">{t("delistConsequence", { organisation: org.organisation })}</p>
                      <Field id={fieldId(`delist-${org.organisationId}`, "reason")} label={t("delistReason")}>
                        <FormInput name="reason" required maxLength={1000} className={inputClass} />
                      </Field>
                      <SubmitButton busyLabel={busy} variant="danger">
                        {t("delist", { organisation: org.organisation })}
                      </SubmitButton>
                    </ActionForm>
                  </details>
                ) : (
                  <p className="mt-4 text-sm text-slate-700">{t("delistNotYet")}</p>
                )}
              </section>
            );
          })}
        </div>
      </section>
    </ActionOutcomeProvider>
  );
}
