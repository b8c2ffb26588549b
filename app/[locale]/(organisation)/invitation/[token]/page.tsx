import { getFormatter, getTranslations } from "next-intl/server";
import { acceptInvite, declineInvite } from "@/lib/actions/organisation-actions";
import { invitationByToken } from "@/lib/organisations/invitations";
import { viewerContext } from "@/lib/page-context";
import { ActionForm } from "@/components/forms/action-form";
import { Link } from "@/i18n/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("invitation", { referrer: "no-referrer" });

/** An invitation to a company's team: accepted or declined here, by a button, never by opening the link. */
export default async function InvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { token } = await params;
  const { db, now, actor } = await viewerContext();
  const t = await getTranslations("invitation");
  const troles = await getTranslations("signIn.role");
  const busy = (await getTranslations("common"))("busy");
  const format = await getFormatter();
  const invitation = await invitationByToken(db, token, now);
  if (!invitation || invitation.state !== "open") {
    return (
      <>
        <PageHeader title={t("title")} />
        <Notice tone={invitation?.state === "declined" ? "info" : "warn"} alert={invitation?.state !== "declined"}>
          {t(`closed.${invitation?.state ?? "unknown"}`)}
        </Notice>
        {invitation?.state === "accepted" ? (
          <Link href="/org" className="font-medium underline">
            {t("openCases")}
          </Link>
        ) : null}
      </>
    );
  }
  const otherAccount = actor.kind === "user" && actor.email !== invitation.email ? actor.email : null;
  return (
    <>
      <PageHeader title={t("heading", { organisation: invitation.organisation })} />
      <Card className="max-w-2xl space-y-4">
        <p>{t("lead", { inviter: invitation.inviter, organisation: invitation.organisation, email: invitation.email, role: troles(invitation.role as "org_staff") })}</p>
        <p className="text-sm text-slate-700">{t("whatItMeans", { organisation: invitation.organisation })}</p>
        <p className="text-sm text-slate-700">{t("until", { date: format.dateTime(invitation.expiresAt, "instant") })}</p>
        {otherAccount ? (
          <Notice tone="info">{t("otherAccount", { current: otherAccount, email: invitation.email })}</Notice>
        ) : null}
        <div className="flex flex-wrap items-start gap-3">
          <ActionForm action={acceptInvite} idPrefix="accept" fields={{ token }}>
            <SubmitButton busyLabel={busy}>{t("accept", { email: invitation.email })}</SubmitButton>
          </ActionForm>
          <ActionForm action={declineInvite} idPrefix="decline" fields={{ token }}>
            <SubmitButton busyLabel={busy} variant="secondary">
              {t("decline")}
            </SubmitButton>
          </ActionForm>
        </div>
      </Card>
    </>
  );
}
