import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cancelInvite, changeRole, invite, remove, saveArrangement, saveProfile } from "@/lib/actions/organisation-actions";
import { pendingInvitations } from "@/lib/organisations/invitations";
import { getOrganisationSettings } from "@/lib/organisations/profile";
import { listTeam } from "@/lib/organisations/team";
import { listReplyTemplates } from "@/lib/organisations/reply-templates";
import { TemplateSettings } from "@/components/reply-templates/template-settings";
import { signedInContext } from "@/lib/page-context";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormInput, FormSelect } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("settings");

export default async function OrganisationSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  const organisationId = actor.memberships.find((m) => m.organisationId)?.organisationId;
  if (!organisationId) notFound();
  const [{ org, certs, adr, canEdit }, team, invited, templates] = await Promise.all([
    getOrganisationSettings(db, actor, organisationId),
    listTeam(db, actor, organisationId),
    pendingInvitations(db, actor, organisationId, now),
    listReplyTemplates(db, actor, organisationId),
  ]);
  const format = await getFormatter();
  const t = await getTranslations("settings");
  const tl = await getTranslations("ladder");
  const busy = (await getTranslations("common"))("busy");
  return (
    <>
      <PageHeader title={t("title", { organisation: org.name })} lead={canEdit ? undefined : t("readOnly")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="profile-title">
          <CardTitle id="profile-title">{t("profile")}</CardTitle>
          {canEdit ? (
            <ActionForm action={saveProfile} idPrefix="profile" fields={{ organisationId }} doneText={t("saved")} labels={{ contactEmail: t("contactEmail"), contactAddress: t("contactAddress"), website: t("website") }} className="space-y-3">
              <Field id={fieldId("profile", "contactEmail")} label={t("contactEmail")}>
                <FormInput name="contactEmail" type="email" defaultValue={org.contactEmail ?? ""} className={inputClass} />
              </Field>
              <Field id={fieldId("profile", "contactAddress")} label={t("contactAddress")}>
                <FormInput name="contactAddress" defaultValue={org.contactAddress ?? ""} className={inputClass} />
              </Field>
              <Field id={fieldId("profile", "website")} label={t("website")}>
                <FormInput name="website" type="url" defaultValue={org.website ?? ""} className={inputClass} />
              </Field>
              <SubmitButton busyLabel={busy}>{t("save")}</SubmitButton>
            </ActionForm>
          ) : (
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">{t("contactEmail")}</dt>
              <dd>{org.contactEmail || "—"}</dd>
              <dt className="text-slate-600">{t("contactAddress")}</dt>
              <dd>{org.contactAddress || "—"}</dd>
              <dt className="text-slate-600">{t("website")}</dt>
              <dd className="break-all">{org.website || "—"}</dd>
            </dl>
          )}
        </Card>

        <Card aria-labelledby="team-title">
          <CardTitle id="team-title">{t("team")}</CardTitle>
          <ul className="mb-4 divide-y divide-slate-100">
            {team.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="min-w-0">
                  <span className="font-medium">{m.name ?? m.email}</span>
                  <span className="block text-xs text-slate-600">{m.email}</span>
                </span>
                {canEdit ? (
                  <span className="flex min-w-0 max-w-full flex-wrap items-start gap-2">
                    <ActionForm action={changeRole} idPrefix={`role-${m.userId}`} fields={{ organisationId, userId: m.userId }} doneText={t("saved")} labels={{ role: `${t("role")} ${m.email}` }} className="flex max-w-full flex-wrap items-center gap-1">
                      <label htmlFor={fieldId(`role-${m.userId}`, "role")} className="sr-only">
                        {t("role")} {m.email}
                      </label>
                      <FormSelect name="role" defaultValue={m.role} className="rounded border border-slate-400 px-2 py-1 text-sm">
                        <option value="org_staff">{t("roleOrg_staff")}</option>
                        <option value="org_admin">{t("roleOrg_admin")}</option>
                      </FormSelect>
                      <SubmitButton busyLabel={busy} variant="secondary" className="min-h-8 px-2 py-1">
                        {t("changeRole")}
                        <span className="sr-only"> {m.email}</span>
                      </SubmitButton>
                    </ActionForm>
                    <details className="max-w-full rounded-md ring-1 ring-slate-300">
                      <summary className="cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-red-800" aria-label={`${t("remove")} ${m.email}`}>
                        {t("remove")}
                      </summary>
                      <ActionForm action={remove} idPrefix={`remove-${m.userId}`} fields={{ organisationId, userId: m.userId }} className="max-w-xs space-y-2 p-2">
                        <p className="text-sm text-slate-700">{t("confirmRemove", { email: m.email ?? "" })}</p>
                        <SubmitButton busyLabel={busy} variant="danger" className="min-h-8 px-2 py-1">
                          {t("confirmRemoveButton")}
                        </SubmitButton>
                      </ActionForm>
                    </details>
                  </span>
                ) : (
                  <span className="text-xs">{t(m.role === "org_admin" ? "roleOrg_admin" : "roleOrg_staff")}</span>
                )}
              </li>
            ))}
          </ul>
          {invited.length ? (
            <>
              <h3 className="mb-1 text-sm font-semibold">{t("pendingTitle")}</h3>
              <ul className="mb-4 divide-y divide-slate-100">
                {invited.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      <span className="font-medium">{i.name ?? i.email}</span>
                      <span className="block text-xs text-slate-600">
                        {i.email} · {t(i.role === "org_admin" ? "roleOrg_admin" : "roleOrg_staff")} ·{" "}
                        {i.state === "declined"
                          ? t("invitationDeclined", { date: format.dateTime(i.declinedAt!, { day: "numeric", month: "short", year: "numeric" }) })
                          : i.state === "expired"
                            ? t("invitationExpired", { date: format.dateTime(i.expiresAt, { day: "numeric", month: "short", year: "numeric" }) })
                            : t("pendingUntil", { date: format.dateTime(i.expiresAt, "instant") })}
                      </span>
                    </span>
                    {canEdit && i.state === "open" ? (
                      <ActionForm action={cancelInvite} idPrefix={`cancel-${i.id}`} fields={{ organisationId, invitationId: i.id }}>
                        <SubmitButton busyLabel={busy} variant="secondary" className="min-h-8 px-2 py-1" aria-label={`${t("cancelInvitation")} ${i.email}`}>
                          {t("cancelInvitation")}
                        </SubmitButton>
                      </ActionForm>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canEdit ? (
            <ActionForm action={invite} idPrefix="invite" fields={{ organisationId }} doneText={t("invited")} labels={{ email: t("email"), name: t("name"), role: t("role") }} className="grid gap-2 sm:grid-cols-2">
              <Field id={fieldId("invite", "email")} label={t("email")}>
                <FormInput name="email" type="email" required className={inputClass} />
              </Field>
              <Field id={fieldId("invite", "name")} label={t("name")}>
                <FormInput name="name" className={inputClass} />
              </Field>
              <Field id={fieldId("invite", "role")} label={t("role")}>
                <FormSelect name="role" className={inputClass}>
                  <option value="org_staff">{t("roleOrg_staff")}</option>
                  <option value="org_admin">{t("roleOrg_admin")}</option>
                </FormSelect>
              </Field>
              <div className="self-end">
                <SubmitButton busyLabel={busy}>{t("invite")}</SubmitButton>
              </div>
            </ActionForm>
          ) : null}
        </Card>

        <Card aria-labelledby="templates-title" className="lg:col-span-2" id="templates">
          <CardTitle id="templates-title">{t("templates")}</CardTitle>
          <TemplateSettings organisationId={organisationId} templates={templates} canEdit={canEdit} />
        </Card>

        <Card aria-labelledby="arrangements-title" className="lg:col-span-2">
          <CardTitle id="arrangements-title">{t("arrangements")}</CardTitle>
          <p className="mb-4 text-sm text-slate-700">{t("arrangementsLead")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            {certs.map((c) => {
              const irmText = c.irmKind === "dpa" ? t("irmDpa") : (adr.find((p) => p.id === c.irmProviderId)?.name ?? t("irmNone"));
              const hrText = c.coversHrData === null ? t("coversHrUnstated") : c.coversHrData ? t("coversHrYes") : t("coversHrNo");
              // Each framework's form names its fields and button with the framework: the page holds one per framework.
              const framework = <span className="sr-only"> ({tl(`framework.${c.framework}`)})</span>;
              return canEdit ? (
                <ActionForm key={c.id} action={saveArrangement} idPrefix={`arrangement-${c.id}`} fields={{ organisationId, framework: c.framework }} doneText={t("saved")} labels={{ irm: t("irm"), coversHrData: t("coversHr") }} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
                  <h3 className="font-semibold">{tl(`framework.${c.framework}`)}</h3>
                  <p className="text-sm text-slate-700">
                    {t("status")}: {tl(`certStatus.${c.status}`)}
                  </p>
                  <Field id={fieldId(`arrangement-${c.id}`, "irm")} label={<>{t("irm")}{framework}</>}>
                    <FormSelect name="irm" defaultValue={c.irmKind === "dpa" ? "dpa" : (c.irmProviderId ?? "")} className={inputClass}>
                      <option value="">{t("irmNone")}</option>
                      <option value="dpa">{t("irmDpa")}</option>
                      {adr.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </FormSelect>
                  </Field>
                  <Field id={fieldId(`arrangement-${c.id}`, "coversHrData")} label={<>{t("coversHr")}{framework}</>}>
                    <FormSelect name="coversHrData" defaultValue={c.coversHrData === null ? "unstated" : c.coversHrData ? "yes" : "no"} className={inputClass}>
                      <option value="yes">{t("coversHrYes")}</option>
                      <option value="no">{t("coversHrNo")}</option>
                      <option value="unstated">{t("coversHrUnstated")}</option>
                    </FormSelect>
                  </Field>
                  <SubmitButton busyLabel={busy}>
                    {t("save")}
                    {framework}
                  </SubmitButton>
                </ActionForm>
              ) : (
                <div key={c.id} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
                  <h3 className="font-semibold">{tl(`framework.${c.framework}`)}</h3>
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                    <dt className="text-slate-600">{t("status")}</dt>
                    <dd>{tl(`certStatus.${c.status}`)}</dd>
                    <dt className="text-slate-600">{t("irm")}</dt>
                    <dd>{irmText}</dd>
                    <dt className="text-slate-600">{t("coversHr")}</dt>
                    <dd>{hrText}</dd>
                  </dl>
                </div>
              );
            })}
          </div>
        </Card>
      </div>
    </>
  );
}
