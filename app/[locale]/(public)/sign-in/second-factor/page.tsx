import { getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { beginEnrolment } from "@/lib/auth/second-factor";
import { viewerContext } from "@/lib/page-context";
import { SecondFactorForm } from "@/components/sign-in/second-factor-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("secondFactor", { referrer: "no-referrer" });

/** Privileged roles: set up an authenticator app once, then give a code at every sign-in. */
export default async function SecondFactorPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await viewerContext();
  if (actor.kind !== "user") return redirect({ href: "/sign-in", locale });
  if (!actor.secondFactor) return redirect({ href: "/home", locale });
  const t = await getTranslations("secondFactor");
  if (actor.secondFactor === "verify") {
    return (
      <>
        <PageHeader title={t("verifyTitle")} lead={t("verifyLead", { email: actor.email })} />
        <Card className="max-w-xl">
          <SecondFactorForm mode="verify" />
        </Card>
      </>
    );
  }
  const enrolment = await beginEnrolment(db, actor.userId, actor.email);
  return (
    <>
      <PageHeader title={t("enrolTitle")} lead={t("enrolLead", { email: actor.email })} />
      <div className="grid max-w-3xl gap-6 md:grid-cols-2">
        <Card>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-800">
            <li>{t("stepApp")}</li>
            <li>{t("stepScan")}</li>
          </ol>
          <div className="mx-auto my-4 w-48" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
          <p className="text-sm text-slate-700">{t("typeInstead")}</p>
          <p className="mt-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm" data-testid="totp-secret">
            {enrolment.secret}
          </p>
        </Card>
        <Card>
          <p className="mb-3 text-sm text-slate-800">{t("stepCode")}</p>
          <SecondFactorForm mode="enrol" />
        </Card>
      </div>
    </>
  );
}
