import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getCaseDetail } from "@/lib/cases/queries";
import { listEvidence } from "@/lib/cases/correspondence";
import { listTeam } from "@/lib/organisations/team";
import { arbitrationNotice } from "@/lib/cases/arbitration-notice";
import { assignCase } from "@/lib/actions/case-actions";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, ActionOutcomeNotice, ActionOutcomeProvider, FormSelect } from "@/components/forms/action-form";
import { CaseMessages } from "@/components/case-messages/case-messages";
import { CaseDocuments } from "@/components/case-documents/case-documents";
import { CaseRemedies } from "@/components/case-remedies/case-remedies";
import { NotFoundError } from "@/lib/errors";
import { PARTIES, caseStatus, type Party } from "@/lib/ladder";
import { CaseStatusPanel, dpaBodyOf, partyName } from "@/components/case-status/case-status";
import { signedInContext } from "@/lib/page-context";
import { ArbitrationChecklist } from "@/components/arbitration-checklist/arbitration-checklist";
import { CaseActions } from "@/components/case-actions/case-actions";
import { CaseTimeline } from "@/components/case-timeline/case-timeline";
import { ClockList } from "@/components/case-timeline/clock-list";
import { ComplaintSummary } from "@/components/case-timeline/complaint-summary";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { MarkCaseRead } from "@/components/notifications/mark-case-read";
import { unreadForCase } from "@/lib/notifications/inbox";
import { pageMetadata } from "@/lib/i18n/page-title";
import { fillReplyTemplates } from "@/lib/organisations/reply-templates";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts/keyboard-shortcuts";
import { ASSIGN_ME } from "@/components/keyboard-shortcuts/targets";
import { DoneOnArrival } from "@/components/case-actions/done-on-arrival";
import { isDecisionStep } from "@/lib/cases/step-registry";

export const generateMetadata = pageMetadata("case");

/** The last question each side asked the complainant, shown beside the answer form. */
function openQuestions(messages: { step: string | null; body: string }[]) {
  const last = (step: string) => [...messages].reverse().find((m) => m.step === step)?.body;
  return { organisation: last("organisation.info_requested"), irm: last("irm.info_requested") };
}

type Search = { as?: string; template?: string; done?: string };

export default async function CasePage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Search> }) {
  const { locale, id } = await params;
  const search = await searchParams;
  const { db, actor, now } = await signedInContext(locale);
  const asParty = (PARTIES as readonly string[]).includes(search.as ?? "") ? (search.as as Party) : undefined;
  const detail = await getCaseDetail(db, actor, id, now, asParty).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("case");
  const tl = await getTranslations("ladder");
  const tp = await getTranslations("party");
  const ta = await getTranslations("actions");
  const tq = await getTranslations("queue");
  const { view } = detail;
  const showGate = view.route.applies && (detail.party === "complainant" || detail.party === "arbitration" || detail.party === "administrator");
  const unread = await unreadForCase(db, actor, detail.id);
  const status = caseStatus(view, detail.party);
  // Before the hand-over, the body the route sends the case to (R2.5).
  const dpaBody = dpaBodyOf([...detail.bodies, ...(view.route.applies && view.route.irm ? [view.route.irm] : [])]);
  const staff = detail.party === "organisation";
  const [documents, templates] = await Promise.all([
    listEvidence(db, actor, detail.id),
    // The company's templates, each filled from the case.
    staff ? fillReplyTemplates(db, actor, detail.id) : [],
  ]);
  // A template picked on this page without JavaScript (`?template=`) starts the message box; a stale pick is ignored.
  const filled = search.template ? templates.find((template) => template.id === search.template) : undefined;

  return (
    <ActionOutcomeProvider conflictText={t("conflict")}>
      <div className="space-y-6">
        {unread > 0 && <MarkCaseRead caseId={detail.id} />}
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title", { reference: detail.reference })}</h1>
            <p className="mt-1 text-slate-700">
              {t("against", { organisation: detail.organisation.name })} ·{" "}
              {detail.certifiedUnder
                ? t("certifiedUnder", { framework: tl(`framework.${detail.framework}` as "framework.eu-us-ps"), certified: tl(`framework.${detail.certifiedUnder}` as "framework.eu-us-ps") })
                : tl(`framework.${detail.framework}` as "framework.eu-us-ps")}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t("youAre", { party: partyName(tp, detail.party, detail.party, dpaBody) })}</p>
            {detail.party === "complainant" ? (
              <a href={`/api/cases/${detail.id}/case-file?locale=${locale}`} download className="mt-2 inline-block text-sm font-medium underline">
                {t("caseFile")}
              </a>
            ) : (
              // Notes the complainant never saw go only into the file for the record.
              <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                <a href={`/api/cases/${detail.id}/case-file?locale=${locale}`} download className="font-medium underline">
                  {t("caseFileRecord")}
                </a>
                <a href={`/api/cases/${detail.id}/case-file?locale=${locale}&variant=share`} download className="font-medium underline">
                  {t("caseFileShare")}
                </a>
              </p>
            )}
            {staff && actor.kind === "user" ? (
              <p className="mt-1">
                <KeyboardShortcuts page="case" me={actor.userId} />
              </p>
            ) : null}
          </div>
          <Badge tone={view.state.closed ? "neutral" : "info"} className="text-sm">
            {tl(`rung.${view.state.rung}` as "rung.organisation")}
          </Badge>
        </div>

        <ActionOutcomeNotice />
        {search.done && isDecisionStep(search.done) ? <DoneOnArrival text={ta("done", { step: (await getTranslations("decide"))(`open.${search.done}`, { body: detail.irmName ?? "", dpa: dpaBody }) })} /> : null}

        <CaseStatusPanel status={status} reader={detail.party} organisation={detail.organisation.name} irm={detail.irmName ?? ""} dpa={dpaBody} recorded={detail.timeline} />

        {view.state.arbitration?.refused.length ? (
          <Notice tone="warn">
            {(await getTranslations("gate"))("refusedDemands", { demands: view.state.arbitration.refused.map((d) => tl(`monetary.${d}`)).join(", ") })}
          </Notice>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card aria-labelledby="clocks-title">
              <CardTitle id="clocks-title">{t("clocks")}</CardTitle>
              <ClockList clocks={view.clocks} now={now} remedies={view.state.remedies} />
            </Card>
            <Card aria-labelledby="complaint-title">
              <CardTitle id="complaint-title">{t("complaint")}</CardTitle>
              <ComplaintSummary detail={detail} />
            </Card>
            <Card aria-labelledby="messages-title" id="messages">
              <CardTitle id="messages-title">{t("messages")}</CardTitle>
              <CaseMessages
                caseId={detail.id}
                party={detail.party}
                dpa={dpaBody}
                irm={detail.irmName ?? ""}
                zone={detail.organisation.timeZone}
                messages={detail.messages}
                documents={documents}
                closed={!!view.state.closed}
                templates={staff ? { list: templates, filled, action: `/${locale}/cases/${detail.id}`, keep: asParty ? { as: asParty } : {} } : undefined}
              />
            </Card>
            <Card aria-labelledby="documents-title" id="documents">
              <CardTitle id="documents-title">{(await getTranslations("caseExtra"))("documents")}</CardTitle>
              <CaseDocuments caseId={detail.id} party={detail.party} documents={documents} closed={!!view.state.closed} />
            </Card>
            <Card aria-labelledby="timeline-title">
              <CardTitle id="timeline-title">{t("timeline")}</CardTitle>
              <CaseTimeline entries={detail.timeline} reader={detail.party} dpa={dpaBody} irm={detail.irmName ?? ""} zone={detail.organisation.timeZone} />
            </Card>
          </div>
          <div className="order-first space-y-6 lg:order-none">
            <Card aria-labelledby="actions-title">
              <CardTitle id="actions-title">{ta("title")}</CardTitle>
              <CaseActions caseId={detail.id} version={detail.version} party={detail.party} asParty={asParty} actions={view.actions} clocks={view.clocks} irmName={detail.irmName ?? ""} dpa={dpaBody} remedies={view.state.remedies} proposed={view.state.arbitration?.proposed ?? []} recommended={status.recommended} zone={detail.organisation.timeZone} questions={openQuestions(detail.messages)} notice={view.gate.open && detail.party === "complainant" ? arbitrationNotice(detail) : undefined} />
            </Card>
            {view.state.remedies.length ? (
              <Card aria-labelledby="remedies-title">
                <CardTitle id="remedies-title">{(await getTranslations("remedies"))("title")}</CardTitle>
                <CaseRemedies remedies={view.state.remedies} clocks={view.clocks} zone={detail.organisation.timeZone} />
              </Card>
            ) : null}
            {detail.party === "organisation" && !view.state.closed ? (
              <Card aria-labelledby="assign-title">
                <CardTitle id="assign-title">{tq("assign")}</CardTitle>
                <ActionForm action={assignCase} idPrefix="assign" fields={{ caseId: detail.id, version: detail.version }} doneText={ta("done", { step: ta("assign") })} labels={{ assignee: tq("assignTo") }} className="flex flex-wrap items-end gap-2">
                  <div className="flex-1">
                    <label htmlFor="assign-assignee" className="block text-sm font-medium">
                      {tq("assignTo")}
                    </label>
                    {/* Keyed by the assignee: assigned elsewhere ("assign to me"), the choice shown follows. */}
                    <FormSelect key={view.state.assigneeUserId ?? ""} name="assignee" defaultValue={view.state.assigneeUserId ?? ""} className={inputClass}>
                      <option value="">{tq("unassigned")}</option>
                      {(await listTeam(db, actor, detail.organisation.id)).map((s) => (
                        <option key={s.userId} value={s.userId}>
                          {s.name ?? s.email}
                        </option>
                      ))}
                    </FormSelect>
                  </div>
                  <SubmitButton busyLabel={(await getTranslations("common"))("busy")} variant="secondary">
                    {tq("assign")}
                  </SubmitButton>
                </ActionForm>
                {actor.kind === "user" && view.state.assigneeUserId !== actor.userId ? (
                  <ActionForm action={assignCase} idPrefix="assign-me" fields={{ caseId: detail.id, version: detail.version, assignee: actor.userId }} doneText={ta("done", { step: ta("assign") })} className="mt-2">
                    <SubmitButton id={ASSIGN_ME} busyLabel={(await getTranslations("common"))("busy")} variant="ghost" aria-keyshortcuts="a">
                      {(await getTranslations("caseExtra"))("assignToMe")}
                    </SubmitButton>
                  </ActionForm>
                ) : null}
              </Card>
            ) : null}
            {showGate ? (
              <Card aria-labelledby="gate-title">
                <CardTitle id="gate-title">{(await getTranslations("gate"))("title")}</CardTitle>
                <ArbitrationChecklist gate={view.gate} />
              </Card>
            ) : null}
            {detail.bodies.length ? (
              <Card aria-labelledby="bodies-title">
                <CardTitle id="bodies-title">{t("bodies")}</CardTitle>
                <ul className="space-y-3 text-sm">
                  {detail.bodies.map((b) => (
                    <li key={b.providerId}>
                      <p className="font-medium">{b.name}</p>
                      <p className="text-slate-700">{t("handedOver", { date: b.since })}</p>
                      {b.handoverSha256 ? (
                        // The record and its fingerprint are for whoever checks them, behind a disclosure.
                        <details className="mt-1 text-slate-700">
                          <summary className="cursor-pointer" aria-label={`${t("handoverDetails")} (${b.name})`}>{t("handoverDetails")}</summary>
                          <p className="break-all font-mono text-xs text-slate-600">SHA-256 {b.handoverSha256}</p>
                          <a href={`/api/cases/${detail.id}/handover/${b.providerId}`} download className="underline">
                            {t("handoverRecord")}
                          </a>
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </div>
        </div>
      </div>
    </ActionOutcomeProvider>
  );
}
