import { getTranslations } from "next-intl/server";
import { signOutEverywhereAction } from "@/lib/actions/account-actions";
import { signedInContext } from "@/lib/page-context";
import { myAccount } from "@/lib/users/accounts";
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_HOURS } from "@/lib/auth/sessions";
import { ActionForm } from "@/components/forms/action-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("account");

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await signedInContext(locale);
  const t = await getTranslations("account");
  const busy = (await getTranslations("common"))("busy");
  const account = await myAccount(db, actor);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { email: account.email })} />
      <Card aria-labelledby="sessions-title" className="max-w-2xl">
        <CardTitle id="sessions-title">{t("sessionsTitle")}</CardTitle>
        <p className="mb-2 text-sm text-slate-700">{t("sessionsCount", { count: account.sessions })}</p>
        <p className="mb-4 text-sm text-slate-700">{t("sessionsRule", { idle: SESSION_IDLE_HOURS, absolute: SESSION_ABSOLUTE_HOURS })}</p>
        <ActionForm action={signOutEverywhereAction} idPrefix="sign-out-everywhere">
          <SubmitButton busyLabel={busy} variant="secondary">
            {t("signOutEverywhere")}
          </SubmitButton>
        </ActionForm>
      </Card>
    </>
  );
}
