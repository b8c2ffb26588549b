import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { callbackAction, callbackPath, signInLinkState } from "@/lib/auth/magic-link";
import { EmailSignInForm } from "@/components/sign-in/email-sign-in-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("signIn");

/** Where a mailed sign-in link lands: opening it signs no one in; the button does (a POST). */
type Param = string | string[] | undefined;
const single = (value: Param) => (typeof value === "string" ? value : "");

export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<{ email?: Param; token?: Param; callbackUrl?: Param }> }) {
  const query = await searchParams;
  const [email, token, callbackUrl] = [single(query.email), single(query.token), single(query.callbackUrl)];
  const t = await getTranslations("signIn");
  const state = await signInLinkState(email, token);
  if (state !== "valid") {
    return (
      <div>
        <PageHeader title={t("confirmTitle")} />
        <Notice tone="bad" alert>
          {state === "expired" ? t("linkExpired") : t("linkUnknown")}
        </Notice>
        <Card className="max-w-md">
          <EmailSignInForm email={email} next={callbackUrl ? callbackPath(callbackUrl) : undefined} />
        </Card>
        <p className="mt-4">
          <Link href="/sign-in">{t("askAgain")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div>
      <PageHeader title={t("confirmTitle")} lead={t("confirmLead", { email })} />
      <Card>
        <form method="post" action={callbackAction(email, token, callbackUrl)}>
          <Button type="submit">{t("confirmButton", { email })}</Button>
        </form>
      </Card>
    </div>
  );
}
