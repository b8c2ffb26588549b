import { getTranslations } from "next-intl/server";
import { takeStep, takeStepWithMessage } from "@/lib/actions/case-actions";
import { RELIEF_CHOICES } from "@/components/complaint-form/steps";
import { inputClass } from "@/components/ui/field";
import type { DpaBody } from "@/components/case-status/case-status";
import { Link } from "@/i18n/navigation";
import { calendarDay, missedDeadlines, type Clock, type TrackedRemedy } from "@/lib/ladder";
import { StepDetailsForm } from "./step-details-form";
import { isDetailedAction } from "@/lib/cases/detailed-steps";
import { messageRequired, needsConfirmation, stepForm } from "@/lib/cases/step-registry";
import type { ActionId, AvailableAction, Party } from "@/lib/ladder";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, FormFieldError, FormInput, FormTextarea } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { TEMPLATE_TARGET } from "@/components/keyboard-shortcuts/targets";

const INFORMATIVE = ["organisation_deadline_running", "acknowledgment_deadline_running", "comments_window_open", "arbitration_gate_closed", "nothing_to_accept", "eligibility_not_decided", "close_before_eligibility", "commerce_not_referred", "notice_not_delivered"];

/** Why the ladder does not offer a step now, in the reader's language (`tr`: the `reasons` messages). */
export function reasonText(tr: Awaited<ReturnType<typeof getTranslations<"reasons">>>, a: AvailableAction) {
  const code = a.reason?.code ?? "generic";
  return tr.has(code as "generic") ? tr(code as "generic", a.reason?.params as Record<string, Date>) : tr("generic");
}

/**
 * The steps the ladder allows this party now, each a small form; a step that is not allowed
 * is shown disabled with the ladder's reason.
 */
export async function CaseActions({ caseId, version, party, asParty, actions, clocks, irmName, dpa, remedies, proposed, notice, recommended = null, zone = "UTC", questions = {} }: { questions?: { organisation?: string; irm?: string }; caseId: string; version: number; party: Party; asParty?: Party; actions: AvailableAction[]; clocks: readonly Clock[]; irmName: string; dpa: DpaBody; remedies: TrackedRemedy[]; proposed: string[]; notice?: string; recommended?: ActionId | null; zone?: string }) {
  const tdec = await getTranslations("decide");
  const busy = (await getTranslations("common"))("busy");
  const td = await getTranslations("details");
  const t = await getTranslations("actions");
  const tr = await getTranslations("reasons");
  const to = await getTranslations("orgSteps");
  const tf = await getTranslations("filing");
  // A disabled step is shown only when its reason tells the user something they can act on
  // (a date, a missing condition); steps already taken or out of reach are left out.
  // The ladder's recommended step comes first and is the one primary button; the rest are secondary.
  // A step's name in the words of the body that hears the case (the FDPIC and the ICO are no panel).
  const step = (action: ActionId) => t(action, { body: irmName, dpa });
  const bodyLabel = (action: ActionId) =>
    action === "comment_to_panel" ? step("comment_to_panel") : action === "invoke_arbitration" ? to("notice") : action === "provide_information" ? to("answer") : action === "respond" ? to("formalResponse") : to("message");
  // A body asks either side: each of its two requests says whom it asks.
  const stepOf = (a: AvailableAction) => (a.action === "request_information" && a.target ? t("requestFrom", { from: a.target }) : step(a.action));
  const done = (a: AvailableAction) => t("done", { step: stepOf(a) });
  // What a step that cannot be undone gives up: the company's missed deadlines are named only when it missed one.
  const confirmParams = { body: irmName, missed: missedDeadlines(clocks, "organisation").length ? "yes" : "no" };
  const visible = actions
    .filter((a) => a.allowed || INFORMATIVE.includes(a.reason?.code ?? ""))
    .sort((a, b) => Number(b.action === recommended && b.allowed) - Number(a.action === recommended && a.allowed));
  if (!visible.length) return <p className="text-slate-700">{t("none")}</p>;
  return (
    <ul className="space-y-3">
      {visible.map((a, i) => {
        // How a step is taken (lib/cases/step-registry.ts): with a message, on a decision page, with details, or a click.
        const form = stepForm(a.action);
        if ((party === "organisation" || party === "complainant") && a.allowed && form === "message") {
          const prefix = `step-${a.action}${a.target ? `-${a.target}` : ""}`;
          const answer = a.action === "provide_information";
          return (
            <li key={`${a.action}:${a.target ?? ""}`}>
              {/* The complainant's answer to a question is what the ladder waits for: open from the start. */}
              <details open={answer && a.action === recommended} className="rounded-md ring-1 ring-slate-300">
                <summary className={`cursor-pointer rounded-md px-4 py-2 text-sm font-medium ${answer && a.action === recommended ? "bg-sky-800 text-white" : "text-slate-900"}`}>{step(a.action)}</summary>
                {answer && questions[a.target as "organisation"] ? (
                  <figure className="mx-3 mt-3 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
                    <figcaption className="font-medium text-slate-900">{to("question", { from: a.target === "irm" ? irmName : "organisation" })}</figcaption>
                    <blockquote className="mt-1 whitespace-pre-wrap break-words text-slate-800">{questions[a.target as "organisation"]}</blockquote>
                  </figure>
                ) : null}
                <ActionForm action={takeStepWithMessage} idPrefix={prefix} fields={{ caseId, action: a.action, version, party, target: a.target }} doneText={done(a)} labels={{ body: bodyLabel(a.action), remedies: to("remedies"), files: to("answerFiles") }} className="space-y-2 p-3">
                  {a.action === "propose_resolution" ? (
                    <fieldset className="space-y-1">
                      <legend className="text-sm font-medium">{to("remedies")}</legend>
                      {RELIEF_CHOICES.map((r) => (
                        <label key={r} className="flex items-center gap-2 text-sm">
                          <FormInput type="checkbox" name="remedies" value={r} />
                          {tf(`reliefKind.${r}`)}
                        </label>
                      ))}
                      <FormFieldError name="remedies" />
                    </fieldset>
                  ) : null}
                  <label htmlFor={fieldId(prefix, "body")} className="block text-sm font-medium">
                    {bodyLabel(a.action)}
                  </label>
                  {/* The formal response is the company's one answer under its 45 days (R2.1), not a chat message: said before it is written. */}
                  {a.action === "respond" ? (
                    <p id={`${prefix}-body-hint`} className="text-sm text-slate-600">
                      {to("formalResponseHint")}
                    </p>
                  ) : null}
                  <FormTextarea
                    name="body"
                    rows={a.action === "invoke_arbitration" ? 14 : 4}
                    required
                    maxLength={10_000}
                    aria-describedby={a.action === "respond" ? `${prefix}-body-hint` : undefined}
                    {...(a.action === "respond" ? { [TEMPLATE_TARGET]: "" } : {})}
                    defaultValue={a.action === "invoke_arbitration" ? notice : undefined}
                    className={inputClass}
                  />
                  {answer ? (
                    <>
                      <label htmlFor={fieldId(prefix, "files")} className="block text-sm font-medium">
                        {to("answerFiles")}
                      </label>
                      <p id={`${prefix}-files-hint`} className="text-sm text-slate-600">
                        {tf("filesHint")}
                      </p>
                      <FormInput name="files" type="file" multiple aria-describedby={`${prefix}-files-hint`} accept=".pdf,.png,.jpg,.jpeg,.txt" className="block text-sm" />
                    </>
                  ) : null}
                  {a.action === "respond" ? <p className="text-sm font-medium text-slate-900">{t("confirmText.respond", { ...confirmParams, hasIrm: irmName ? "yes" : "no" })}</p> : null}
                  {/* Named apart from the message form's "Send" below it, which does something else (its visible word first). */}
                  <SubmitButton busyLabel={busy} aria-label={answer || a.action === "respond" ? undefined : `${to("send")}: ${step(a.action)}`}>
                    {answer ? to("sendAnswer") : a.action === "respond" ? to("sendFormal") : to("send")}
                  </SubmitButton>
                </ActionForm>
              </details>
            </li>
          );
        }
        // A decision is taken on its own page, with the case beside it; the list links there.
        if (a.allowed && form === "decision") {
          return (
            <li key={a.action}>
              <Link href={`/cases/${caseId}/decide/${a.action}${asParty ? `?as=${asParty}` : ""}`} className={`block rounded-md px-4 py-2 text-sm font-medium ring-1 ${a.action === recommended ? "bg-sky-800 text-white ring-sky-800" : "text-slate-900 ring-slate-300 hover:bg-slate-100"}`}>
                {tdec(`open.${a.action}`, { body: irmName, dpa })}…
              </Link>
            </li>
          );
        }
        if (a.allowed && form === "details" && isDetailedAction(a.action)) {
          const remedy = a.action === "record_compliance" ? remedies.find((r) => r.id === a.target) : undefined;
          const label = remedy ? `${step(a.action)}: ${td("remedyFor", { kind: td(`remedy.${remedy.kind}`), date: calendarDay(remedy.dueAt, zone) })}` : step(a.action);
          return (
            <li key={`${a.action}:${a.target ?? ""}`}>
              <StepDetailsForm action={a.action} label={label} doneText={done(a)} caseId={caseId} version={version} party={party} target={a.target} proposed={proposed} />
            </li>
          );
        }
        // A body's message step (an IRM's request for information) is taken with a click.
        const oneClick = form === "click" || (form === "message" && !messageRequired(a.action));
        const enabled = a.allowed && oneClick;
        const id = `action-${i}-reason`;
        return (
          <li key={`${a.action}:${a.target ?? ""}`}>
            <ActionForm action={takeStep} idPrefix={`step-${a.action}-${i}`} fields={{ caseId, action: a.action, version, party, target: a.target }} doneText={done(a)} className="flex flex-col gap-1">
              {enabled && needsConfirmation(a.action) ? (
                <details className="rounded-md ring-1 ring-slate-300">
                  <summary className={`cursor-pointer rounded-md px-4 py-2 text-sm font-medium ${a.action === "withdraw" ? "text-red-800" : a.action === recommended ? "bg-sky-800 text-white" : "text-slate-900"}`}>{step(a.action)}</summary>
                  <div className="space-y-2 p-3">
                    <p className="text-sm text-slate-700">{t.has(`confirmText.${a.action}` as "confirmClose") ? t(`confirmText.${a.action}` as "confirmClose", confirmParams) : t("confirmClose")}</p>
                    <SubmitButton busyLabel={busy} variant={a.action === "withdraw" ? "danger" : "primary"}>
                      {t("confirm")}
                    </SubmitButton>
                  </div>
                </details>
              ) : (
                <SubmitButton busyLabel={busy} variant={enabled && a.action === recommended ? "primary" : "secondary"} disabled={!enabled} aria-describedby={!enabled ? id : undefined} className="justify-start text-left">
                  {stepOf(a)}
                </SubmitButton>
              )}
              {!a.allowed ? (
                <p id={id} className="text-sm text-slate-700">
                  {reasonText(tr, a)}
                </p>
              ) : !oneClick ? (
                <p id={id} className="text-sm text-slate-700">
                  {t("needsDetails")}
                </p>
              ) : null}
            </ActionForm>
          </li>
        );
      })}
    </ul>
  );
}
