import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { changeRole, invite, remove, saveArrangement, saveProfile } from "@/lib/actions/organisation-actions";
import { getOrganisationSettings } from "@/lib/organisations/profile";
import { listTeam } from "@/lib/organisations/team";
import { signedInContext } from "@/lib/page-context";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Settings" };

type Search = { saved?: string; invited?: string; error?: string; ref?: string };

export default async function OrganisationSettingsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Search> }) {
  const { locale } = await params;
  const search = await searchParams;
  const { db, actor } = await signedInContext(locale);
  const organisationId = actor.memberships.find((m) => m.organisationId)?.organisationId;
  if (!organisationId) notFound();
  const [{ org, certs, adr, canEdit }, team] = await Promise.all([getOrganisationSettings(db, actor, organisationId), listTeam(db, actor, organisationId)]);
  const t = await getTranslations("settings");
  const tl = await getTranslations("ladder");
  const te = await getTranslations("errors");
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="organisationId" value={org.id} />
    </>
  );
  return (
    <>
      <PageHeader title={t("title", { organisation: org.name })} lead={canEdit ? undefined : t("readOnly")} />
      {search.saved ? <Notice tone="good">{t("saved")}</Notice> : null}
      {search.invited ? <Notice tone="good">{t("invited")}</Notice> : null}
      {search.error ? (
        <Notice tone="bad" alert>
          {search.error === "internal" ? te("internal", { ref: search.ref ?? "-" }) : te.has(search.error as "invalid") ? te(search.error as "invalid") : te("invalid")}
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="profile-title">
          <CardTitle id="profile-title">{t("profile")}</CardTitle>
          <form action={saveProfile} className="space-y-3">
            {hidden}
            <Field id="contactEmail" label={t("contactEmail")}>
              <input id="contactEmail" name="contactEmail" type="email" defaultValue={org.contactEmail ?? ""} disabled={!canEdit} className={inputClass} />
            </Field>
            <Field id="contactAddress" label={t("contactAddress")}>
              <input id="contactAddress" name="contactAddress" defaultValue={org.contactAddress ?? ""} disabled={!canEdit} className={inputClass} />
            </Field>
            <Field id="website" label={t("website")}>
              <input id="website" name="website" type="url" defaultValue={org.website ?? ""} disabled={!canEdit} className={inputClass} />
            </Field>
            {canEdit ? <Button type="submit">{t("save")}</Button> : null}
          </form>
        </Card>

        <Card aria-labelledby="team-title">
          <CardTitle id="team-title">{t("team")}</CardTitle>
          <ul className="mb-4 divide-y divide-slate-100">
            {team.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-medium">{m.name ?? m.email}</span>
                  <span className="block text-xs text-slate-600">{m.email}</span>
                </span>
                {canEdit ? (
                  <span className="flex items-center gap-2">
                    <form action={changeRole} className="flex items-center gap-1">
                      {hidden}
                      <input type="hidden" name="userId" value={m.userId} />
                      <label htmlFor={`role-${m.userId}`} className="sr-only">
                        {t("role")} {m.email}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role} className="rounded border border-slate-400 px-2 py-1 text-sm">
                        <option value="org_staff">{t("roleOrg_staff")}</option>
                        <option value="org_admin">{t("roleOrg_admin")}</option>
                      </select>
                      <Button type="submit" variant="secondary" className="min-h-8 px-2 py-1">
                        {t("changeRole")}
                      </Button>
                    </form>
                    <form action={remove}>
                      {hidden}
                      <input type="hidden" name="userId" value={m.userId} />
                      <Button type="submit" variant="danger" className="min-h-8 px-2 py-1" aria-label={`${t("remove")} ${m.email}`}>
                        {t("remove")}
                      </Button>
                    </form>
                  </span>
                ) : (
                  <span className="text-xs">{t(m.role === "org_admin" ? "roleOrg_admin" : "roleOrg_staff")}</span>
                )}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <form action={invite} className="grid gap-2 sm:grid-cols-2">
              {hidden}
              <Field id="invite-email" label={t("email")}>
                <input id="invite-email" name="email" type="email" required className={inputClass} />
              </Field>
              <Field id="invite-name" label={t("name")}>
                <input id="invite-name" name="name" className={inputClass} />
              </Field>
              <Field id="invite-role" label={t("role")}>
                <select id="invite-role" name="role" className={inputClass}>
                  <option value="org_staff">{t("roleOrg_staff")}</option>
                  <option value="org_admin">{t("roleOrg_admin")}</option>
                </select>
              </Field>
              <div className="self-end">
                <Button type="submit">{t("invite")}</Button>
              </div>
            </form>
          ) : null}
        </Card>

        <Card aria-labelledby="arrangements-title" className="lg:col-span-2">
          <CardTitle id="arrangements-title">{t("arrangements")}</CardTitle>
          <p className="mb-4 text-sm text-slate-700">{t("arrangementsLead")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            {certs.map((c) => (
              <form key={c.id} action={saveArrangement} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
                {hidden}
                <input type="hidden" name="framework" value={c.framework} />
                <h3 className="font-semibold">{tl(`framework.${c.framework}`)}</h3>
                <p className="text-sm text-slate-700">
                  {t("status")}: {tl(`certStatus.${c.status}`)}
                </p>
                <Field id={`irm-${c.id}`} label={t("irm")}>
                  <select id={`irm-${c.id}`} name="irm" defaultValue={c.irmKind === "dpa" ? "dpa" : (c.irmProviderId ?? "")} disabled={!canEdit} className={inputClass}>
                    <option value="">{t("irmNone")}</option>
                    <option value="dpa">{t("irmDpa")}</option>
                    {adr.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={`hr-${c.id}`} label={t("coversHr")}>
                  <select id={`hr-${c.id}`} name="coversHrData" defaultValue={c.coversHrData === null ? "unstated" : c.coversHrData ? "yes" : "no"} disabled={!canEdit} className={inputClass}>
                    <option value="yes">{t("coversHrYes")}</option>
                    <option value="no">{t("coversHrNo")}</option>
                    <option value="unstated">{t("coversHrUnstated")}</option>
                  </select>
                </Field>
                {canEdit ? <Button type="submit">{t("save")}</Button> : null}
              </form>
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}
