import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { disableAccountAction, enableAccountAction, endAccountSessionsAction, resetSecondFactorAction } from "@/lib/actions/account-actions";
import { signedInContext } from "@/lib/page-context";
import { listAccounts } from "@/lib/users/accounts";
import { ActionForm, FormInput } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { bodyName } from "@/components/directory/body-name";
import { Badge } from "@/components/ui/badge";
import { ConfirmDisclosure } from "@/components/ui/confirm-disclosure";
import { Field, inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("accounts");

export default async function AccountsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> }) {
  const { locale } = await params;
  const { q = "" } = await searchParams;
  const { db, actor } = await signedInContext(locale);
  if (actor.kind !== "user" || !actor.isAdmin) notFound();
  const t = await getTranslations("accounts");
  const troles = await getTranslations("signIn.role");
  const tb = await getTranslations("bodies");
  const busy = (await getTranslations("common"))("busy");
  const format = await getFormatter();
  const rows = await listAccounts(db, actor, q.slice(0, 200));
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <form role="search" className="mb-6 flex max-w-xl items-end gap-2" action="">
        <div className="grow">
          <label htmlFor="accounts-q" className="mb-1 block text-sm font-medium">
            {t("search")}
          </label>
          <input id="accounts-q" name="q" type="search" defaultValue={q} className={inputClass} />
        </div>
        <button type="submit" className="min-h-10 rounded-md bg-white px-4 py-2 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">
          {t("searchButton")}
        </button>
      </form>
      {!rows.length ? <p className="rounded-md bg-white p-6 ring-1 ring-slate-200">{t("empty")}</p> : null}
      <ul className="space-y-3">
        {rows.map((u) => (
          <li key={u.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby={`account-${u.id}`}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <p id={`account-${u.id}`} className="font-medium">
                  {u.name ? `${u.name} · ` : ""}
                  {u.email}
                </p>
                <p className="text-sm text-slate-700">
                  {[...(u.isAdmin ? [t("administrator")] : []), ...u.roles.map((r) => `${troles.has(r.role as "complainant") ? troles(r.role as "complainant") : r.role}${r.where ? ` · ${r.body ? bodyName(tb, r.body) : r.where}` : ""}`)].join("; ") || t("noRole")}
                </p>
                <p className="text-sm text-slate-700">{t("sessions", { count: u.sessions })}</p>
                {u.liveSessions.length ? (
                  <ul className="text-sm text-slate-700" aria-label={t("sessionsList", { email: u.email ?? "" })}>
                    {u.liveSessions.map((x, i) => (
                      <li key={i}>{t(x.secondFactor ? "sessionWithSecondFactor" : "session", { start: format.dateTime(x.createdAt, "instant"), end: format.dateTime(x.expires, "instant") })}</li>
                    ))}
                  </ul>
                ) : null}
                {u.secondFactorSince ? <p className="text-sm text-slate-700">{t("secondFactorSince", { date: format.dateTime(u.secondFactorSince, { dateStyle: "medium", timeZone: "UTC" }) })}</p> : null}
              </div>
              {u.disabledAt ? <Badge tone="bad">{t("disabledSince", { date: format.dateTime(u.disabledAt, { dateStyle: "medium", timeZone: "UTC" }) })}</Badge> : null}
            </div>
            {u.id !== actor.userId && u.sessions > 0 ? (
              <ActionForm action={endAccountSessionsAction} idPrefix={`end-${u.id}`} fields={{ userId: u.id }} doneText={t("sessionsEnded")} className="mt-3">
                <ConfirmDisclosure summary={t("endSessions")} consequence={t("confirmEndSessions", { email: u.email ?? "" })} confirmLabel={t("endSessionsButton")} busyLabel={busy} />
              </ActionForm>
            ) : null}
            {u.id !== actor.userId && u.secondFactorSince ? (
              <details className="mt-3 rounded-md ring-1 ring-slate-300">
                <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium">{t("resetSecondFactor")}</summary>
                <ActionForm action={resetSecondFactorAction} idPrefix={`reset-${u.id}`} fields={{ userId: u.id }} className="space-y-2 p-3">
                  <p className="text-sm text-slate-700">{t("confirmReset", { email: u.email ?? "" })}</p>
                  <SubmitButton busyLabel={busy} variant="danger">
                    {t("confirmResetButton")}
                  </SubmitButton>
                </ActionForm>
              </details>
            ) : null}
            {u.id === actor.userId ? null : u.disabledAt ? (
              <ActionForm action={enableAccountAction} idPrefix={`enable-${u.id}`} fields={{ userId: u.id }} className="mt-3">
                <SubmitButton busyLabel={busy} variant="secondary">
                  {t("enable")}
                </SubmitButton>
              </ActionForm>
            ) : (
              <details className="mt-3 rounded-md ring-1 ring-slate-300">
                <summary className="cursor-pointer rounded-md px-4 py-2 text-sm font-medium text-red-800">{t("disable")}</summary>
                <ActionForm action={disableAccountAction} idPrefix={`disable-${u.id}`} fields={{ userId: u.id }} labels={{ reason: t("reason") }} className="space-y-2 p-3">
                  <p className="text-sm text-slate-700">{t("confirmDisable", { email: u.email ?? "" })}</p>
                  <Field id={fieldId(`disable-${u.id}`, "reason")} label={t("reason")}>
                    <FormInput name="reason" required maxLength={1000} className={inputClass} />
                  </Field>
                  <SubmitButton busyLabel={busy} variant="danger">
                    {t("confirm")}
                  </SubmitButton>
                </ActionForm>
              </details>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
