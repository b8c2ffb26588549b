import { getTranslations } from "next-intl/server";
import { demoSignIn } from "@/lib/actions/auth-actions";
import { ActionForm } from "@/components/forms/action-form";
import { demoAccounts, demoMode } from "@/lib/demo";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { EmailSignInForm } from "@/components/sign-in/email-sign-in-form";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("signIn");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string | string[]; ended?: string }> }) {
  const { error, next: asked, ended } = await searchParams;
  const next = typeof asked === "string" ? asked.slice(0, 1000) : undefined;
  const t = await getTranslations("signIn");
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <div>
        <PageHeader title={t("title")} lead={t("lead")} />
        {next ? <Notice tone="info">{t("toContinue")}</Notice> : null}
        {ended === "everywhere" ? <Notice tone="good">{t("endedEverywhere")}</Notice> : null}
        {error ? (
          <Notice tone="bad" alert>
            {t("error")}
          </Notice>
        ) : null}
        <Card>
          <EmailSignInForm next={next} />
        </Card>
      </div>
      {demoMode() ? (
        <Card aria-labelledby="demo-title">
          <CardTitle id="demo-title">{t("demoTitle")}</CardTitle>
          <p className="mb-4 text-sm text-slate-700">{t("demoLead")}</p>
          <ul className="space-y-2">
            {demoAccounts.map((user) => (
              <li key={user.email}>
                <ActionForm action={demoSignIn} idPrefix={`demo-${user.email}`} fields={{ email: user.email, next }} className="flex items-center justify-between gap-3 rounded-md p-2 ring-1 ring-slate-200">
                  <span className="text-sm">
                    <span className="font-medium">{user.name}</span>
                    <span className="block text-xs text-slate-600">{t(`role.${user.role}`)} · {user.email}</span>
                  </span>
                  <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800" aria-label={`${t("title")}: ${user.name}`}>
                    {t("title")}
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
