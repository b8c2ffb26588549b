import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getCaseDetail } from "@/lib/cases/queries";
import { listEvidence } from "@/lib/cases/correspondence";
import { isDecisionStep } from "@/lib/cases/step-registry";
import { takeDetailedStep } from "@/lib/actions/case-actions";
import { NotFoundError } from "@/lib/errors";
import { PARTIES, type Party } from "@/lib/ladder";
import { signedInContext } from "@/lib/page-context";
import { pageMetadata } from "@/lib/i18n/page-title";
import { ActionForm } from "@/components/forms/action-form";
import { StepFields, stepLabels } from "@/components/case-actions/step-details-form";
import { ConfirmDecision } from "@/components/case-actions/confirm-decision";
import { reasonText } from "@/components/case-actions/case-actions";
import { dpaBodyOf } from "@/components/case-status/case-status";
import { ClockList } from "@/components/case-timeline/clock-list";
import { ComplaintSummary } from "@/components/case-timeline/complaint-summary";
import { MessageList } from "@/components/case-messages/case-messages";
import { CaseDocuments } from "@/components/case-documents/case-documents";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";

export const generateMetadata = pageMetadata("decide");

/**
 * A body records a decision (eligibility, a determination, advice, an award, a conclusion, a
 * closing, a notice of referral) on a page of its own: the case it decides on beside the form,
 * and a confirmation of what will follow. Whether this party may take the step is the data
 * layer's answer (the case's offered steps here, the command when it is sent).
 */
export default async function DecisionPage({ params, searchParams }: { params: Promise<{ locale: string; id: string; action: string }>; searchParams: Promise<{ as?: string }> }) {
  const { locale, id, action } = await params;
  const search = await searchParams;
  if (!isDecisionStep(action)) notFound();
  const { db, actor, now } = await signedInContext(locale);
  const asParty = (PARTIES as readonly string[]).includes(search.as ?? "") ? (search.as as Party) : undefined;
  const detail = await getCaseDetail(db, actor, id, now, asParty).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const documents = await listEvidence(db, actor, detail.id);
  const t = await getTranslations("decide");
  const tc = await getTranslations("case");
  const tl = await getTranslations("ladder");
  const ta = await getTranslations("actions");
  const { view } = detail;
  const dpa = dpaBodyOf(detail.bodies);
  const words = { body: detail.irmName ?? "", dpa, party: detail.party, organisation: detail.organisation.name };
  const offered = view.actions.find((a) => a.action === action);
  const caseHref = `/${locale}/cases/${detail.id}${asParty ? `?as=${asParty}` : ""}`;
  const formId = `decide-${action}`;
  // Formal answers and comments (messages written with a step) are what a decision weighs; the chat stays on the case page.
  const onRecord = detail.messages.filter((m) => m.step && m.authorParty !== detail.party);

  return (
    <div className="space-y-6">
      <div>
        <p className="flex flex-wrap gap-x-6 gap-y-1 text-sm font-medium">
          <a href={caseHref} className="underline">
            {t("back", { reference: detail.reference })}
          </a>
          {/* On a phone the case comes first: the decision is one tap away. */}
          <a href="#decision" className="underline lg:hidden">
            {t("skipToForm")}
          </a>
        </p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">{t(`title.${action}`, words)}</h1>
        <p className="mt-1 text-slate-700">
          {tc("title", { reference: detail.reference })} · {tc("against", { organisation: detail.organisation.name })} · {tl(`framework.${detail.framework}` as "framework.eu-us-ps")}
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-2">
          <Card aria-labelledby="clocks-title">
            <CardTitle id="clocks-title">{tc("clocks")}</CardTitle>
            <ClockList clocks={view.clocks} now={now} remedies={view.state.remedies} />
          </Card>
          <Card aria-labelledby="complaint-title">
            <CardTitle id="complaint-title">{tc("complaint")}</CardTitle>
            <ComplaintSummary detail={detail} />
          </Card>
          <Card aria-labelledby="record-title">
            <CardTitle id="record-title">{t("onRecord")}</CardTitle>
            <MessageList caseId={detail.id} reader={detail.party} dpa={dpa} irm={detail.irmName ?? ""} zone={detail.organisation.timeZone} messages={onRecord} documents={documents} empty={t("nothingOnRecord")} />
          </Card>
          <Card aria-labelledby="documents-title">
            <CardTitle id="documents-title">{(await getTranslations("caseExtra"))("documents")}</CardTitle>
            <CaseDocuments caseId={detail.id} party={detail.party} documents={documents} closed={!!view.state.closed} readOnly />
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-3" id="decision">
          <Card aria-labelledby="decision-title">
            <CardTitle id="decision-title">{t("yourDecision")}</CardTitle>
            <p className="mb-4 text-slate-800">{t(`intro.${action}`, words)}</p>
            {offered?.allowed ? (
              <ActionForm
                action={takeDetailedStep}
                idPrefix={formId}
                fields={{ caseId: detail.id, action, version: detail.version, party: detail.party }}
                doneText={ta("done", { step: t(`open.${action}`, words) })}
                doneHref={`/${locale}/cases/${detail.id}?${new URLSearchParams({ ...(asParty ? { as: asParty } : {}), done: action })}`}
                labels={await stepLabels(action)}
                className="space-y-4"
              >
                <StepFields action={action} id={formId} wide />
                <ConfirmDecision action={action} {...words} />
              </ActionForm>
            ) : (
              <Notice tone="warn">{offered ? reasonText(await getTranslations("reasons"), offered) : t("notOffered")}</Notice>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
