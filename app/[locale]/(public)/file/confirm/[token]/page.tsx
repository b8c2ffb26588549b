import { getTranslations } from "next-intl/server";
import { confirmComplaint } from "@/lib/actions/filing-actions";
import { filingLink } from "@/lib/cases/filings";
import { viewerContext } from "@/lib/page-context";
import { Link } from "@/i18n/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { ClearDraft } from "@/components/complaint-form/clear-draft";
import { FiledPanel } from "@/components/complaint-form/filed-panel";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("sendComplaint", { referrer: "no-referrer", robots: { index: false } });

/**
 * The confirmation mail's link: opening it shows the complaint; only the button sends it (a
 * mail scanner that opens the link sends nothing). Afterwards the same link shows the case sent.
 */
export default async function ConfirmFilingPage({ params, searchParams }: { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ sent?: string }> }) {
  const { locale, token } = await params;
  const justSent = (await searchParams).sent === "1";
  const { db, now, actor } = await viewerContext();
  const t = await getTranslations("filing");
  const link = await filingLink(db, token.slice(0, 200), now);

  if (link.state === "sent") {
    const mine = actor.kind === "user" && actor.email.toLowerCase() === link.email;
    return (
      <>
        <PageHeader title={justSent ? t("doneTitle") : t("confirm.sentTitle")} />
        <ClearDraft slug={link.organisationSlug} />
        <FiledPanel reference={link.reference} organisationName={link.organisationName} responseDueAt={link.responseDueAt} responseOverdue={link.responseOverdue} email={link.email} caseId={mine ? link.caseId : null} showTitle={false} />
        {mine || actor.kind === "user" ? null : (
          <Link href={{ pathname: "/sign-in", query: { next: `/${locale}/cases/${link.caseId}` } }} className="mt-4 inline-block font-medium underline">
            {t("confirm.signIn")}
          </Link>
        )}
      </>
    );
  }
  if (link.state !== "open") {
    return (
      <>
        <PageHeader title={t("confirm.closedTitle")} />
        <Notice tone="warn" alert>
          {t(`confirm.${link.state}`)}
        </Notice>
        <Link href="/directory" className="font-medium underline">
          {t("confirm.fileAgain")}
        </Link>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("confirm.title", { organisation: link.organisationName })} />
      <Card className="max-w-2xl space-y-4">
        <p>{t("confirm.lead", { organisation: link.organisationName })}</p>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-semibold">{t("confirm.name")}</dt>
          <dd>{link.name}</dd>
          <dt className="font-semibold">{t("confirm.email")}</dt>
          <dd className="break-all">{link.email}</dd>
          <dt className="font-semibold">{t("confirm.description")}</dt>
          <dd className="max-h-48 overflow-y-auto whitespace-pre-wrap break-words">{link.description}</dd>
          <dt className="font-semibold">{t("confirm.documents")}</dt>
          <dd>{t("confirm.documentCount", { count: link.documents })}</dd>
        </dl>
        {actor.kind === "user" && actor.email.toLowerCase() !== link.email ? <Notice tone="info">{t("confirm.otherAccount", { current: actor.email, email: link.email })}</Notice> : null}
        <ActionForm action={confirmComplaint} idPrefix="confirm" fields={{ token }}>
          <SubmitButton busyLabel={t("confirm.sending")}>{t("confirm.send")}</SubmitButton>
        </ActionForm>
        <p className="text-sm text-slate-700">{t("confirm.notMine", { date: link.expiresAt })}</p>
      </Card>
    </>
  );
}
